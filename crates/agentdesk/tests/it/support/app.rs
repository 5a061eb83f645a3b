//! Test support: `spawn_app` starts the real application on port 0 with a fresh database (a new
//! SQLite file, or a scratch PostgreSQL database) and a clock the test moves by hand.

use std::sync::Arc;
use std::time::{Duration, Instant};

use agentdesk::Config;
use agentdesk::config::Secret;
use agentdesk::startup::Application;
use agentdesk::state::AppState;
use agentdesk_core::ManualClock;
use reqwest::StatusCode;
use serde_json::Value;
use tokio::sync::oneshot;

pub const DEMO_PASSWORD: &str = "demo-password-1";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn postgres_server_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// Whether PostgreSQL tests can run. Under `CI=true` an unreachable server is a failure, not a skip.
pub async fn postgres_or_skip() -> bool {
    if agentdesk_store_postgres::scratch::reachable(&postgres_server_url()).await {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "PostgreSQL at {} is unreachable and CI=true",
            postgres_server_url()
        );
    }
    eprintln!(
        "skipping: PostgreSQL at {} is unreachable",
        postgres_server_url()
    );
    false
}

/// A database URL that no other test uses.
pub async fn fresh_database_url(backend: Backend, dir: &std::path::Path) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.join("test.db").display()),
        Backend::Postgres => {
            let name = format!("{}_{}", std::process::id(), unique_suffix());
            agentdesk_store_postgres::scratch::create_database(&postgres_server_url(), &name)
                .await
                .unwrap()
        }
    }
}

/// Runs raw SQL against a test database, for rows the store would never write itself.
pub async fn execute_sql(backend: Backend, url: &str, sql: &str) {
    match backend {
        Backend::Sqlite => {
            let pool = sqlx::SqlitePool::connect(url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.unwrap();
            pool.close().await;
        }
        Backend::Postgres => {
            let pool = sqlx::PgPool::connect(url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.unwrap();
            pool.close().await;
        }
    }
}

pub fn unique_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{}_{}", NEXT.fetch_add(1, Ordering::SeqCst), nanos)
}

/// Runs a test body on SQLite and on PostgreSQL: `on_both_backends!(name, …)` expects an
/// `async fn name(backend: Backend)` beside it and makes `name::sqlite` and `name::postgres` tests.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::support::Backend::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if $crate::support::postgres_or_skip().await {
                        super::$name($crate::support::Backend::Postgres).await
                    }
                }
            }
        )*
    };
}

pub struct TestApp {
    pub base: String,
    pub clock: Arc<ManualClock>,
    pub state: AppState,
    _dir: tempfile::TempDir,
    _stop: oneshot::Sender<()>,
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// Starts the app with the demo company seeded; `adjust` may change the configuration first.
pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config {
        listen: "127.0.0.1:0".into(),
        data_dir: dir.path().to_path_buf(),
        database_url: Some(Secret::new(fresh_database_url(backend, dir.path()).await)),
        demo: true,
        // Tests start from an empty inbox; the demo's sample conversations have their own test.
        demo_conversations: false,
        ..Config::default()
    };
    adjust(&mut config);
    let clock = Arc::new(ManualClock::default());
    let app = Application::build_with_clock(config, clock.clone())
        .await
        .unwrap();
    let addr = app.local_addr();
    let state = app.state();
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(app.run_until_stopped(async move {
        let _ = stopped.await;
    }));
    TestApp {
        base: format!("http://{addr}"),
        clock,
        state,
        _dir: dir,
        _stop: stop,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A client with its own cookie jar, like a separate browser.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    pub async fn login_response(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({"email": email, "password": password}))
            .send()
            .await
            .unwrap()
    }

    /// A client signed in as `email`.
    pub async fn signed_in(&self, email: &str, password: &str) -> reqwest::Client {
        let client = self.client();
        let res = self.login_response(&client, email, password).await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "login of {email} failed: {}",
            res.text().await.unwrap_or_default()
        );
        client
    }

    pub async fn admin(&self) -> reqwest::Client {
        self.signed_in("admin@demo.test", DEMO_PASSWORD).await
    }

    pub async fn agent(&self, n: u8) -> reqwest::Client {
        self.signed_in(&format!("agent{n}@demo.test"), DEMO_PASSWORD)
            .await
    }

    /// Creates the admin of another company ("Other Co") and signs them in.
    pub async fn other_company_admin(&self, email: &str, password: &str) -> reqwest::Client {
        let hash = self.state.passwords().hash(password).await.unwrap();
        self.state
            .store()
            .create_user(
                &agentdesk_core::domain::NewUser {
                    company_name: "Other Co".into(),
                    email: agentdesk_core::domain::Email::parse(email).unwrap(),
                    first_name: agentdesk_core::domain::PersonName::parse("O").unwrap(),
                    last_name: agentdesk_core::domain::PersonName::parse("T").unwrap(),
                    role: agentdesk_core::domain::Role::Admin,
                    locale: None,
                    password_hash: hash.into(),
                },
                agentdesk_core::Clock::now(&*self.clock),
            )
            .await
            .unwrap();
        self.signed_in(email, password).await
    }

    pub async fn user_id(&self, email: &str) -> i64 {
        let email = agentdesk_core::domain::Email::parse(email).unwrap();
        self.state
            .store()
            .user_by_email(&email)
            .await
            .unwrap()
            .unwrap()
            .id
            .0
    }
}

/// Status and JSON body of a response.
pub async fn json(res: reqwest::Response) -> (StatusCode, Value) {
    let status = res.status();
    let text = res.text().await.unwrap();
    let value =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
    (status, value)
}

/// Asserts the documented error shape and returns the code.
pub fn error_code(body: &Value) -> String {
    let err = &body["error"];
    assert!(err["code"].is_string(), "no error.code in {body}");
    assert!(
        err["message"].as_str().is_some_and(|m| !m.is_empty()),
        "no error.message in {body}"
    );
    err["code"].as_str().unwrap().to_owned()
}

/// Polls `check` until it returns `Some` or the deadline passes. Tests never sleep blindly.
pub async fn eventually<T, F, Fut>(what: &str, deadline: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let until = Instant::now() + deadline;
    let mut poll = tokio::time::interval(Duration::from_millis(20));
    loop {
        poll.tick().await;
        if let Some(v) = check().await {
            return v;
        }
        if Instant::now() > until {
            panic!("timed out waiting for {what}");
        }
    }
}
