//! Building and running the server: open the store named by the database URL, seed demo data if
//! asked, assemble the router with its middleware, bind, and serve until told to stop.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use agentdesk_core::{Clock, Store, SystemClock};
use agentdesk_store_postgres::PostgresStore;
use agentdesk_store_sqlite::SqliteStore;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Request, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::auth::session::new_token;
use crate::config::{Config, Secret, WhatsAppConfig};
use crate::http::error::{ErrorBody, ErrorDetail, FieldMessage};
use crate::http::middleware::{csrf, render_errors, security_headers};
use crate::http::{ApiError, context::resolve_context};
use crate::state::AppState;
use crate::{
    admin, assets, auth, canned, demo, health, inbox, numbers, profile, security, shell, team,
};
use agentdesk_graph_emulator::EmulatorState;

/// JSON bodies are small; uploads get their own, larger limits on their routes.
pub const JSON_BODY_LIMIT: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "unsupported database URL scheme {0:?}: use sqlite://PATH or postgres://USER@HOST/DB (AGENTDESK_DATABASE_URL)"
    )]
    UnsupportedDatabase(String),
    #[error("cannot open the database: {0}")]
    Database(#[from] agentdesk_core::StoreError),
    #[error("cannot create the data directory {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("cannot listen on {0}: {1}")]
    Bind(String, std::io::Error),
    #[error("cannot seed demo data: {0}")]
    Seed(#[from] demo::SeedError),
}

/// Opens the backend named by the URL's scheme; any other scheme is refused.
pub async fn open_store(url: &str) -> Result<Arc<dyn Store>, StartError> {
    let scheme = url.split_once(':').map(|(s, _)| s).unwrap_or(url);
    match scheme {
        "sqlite" => Ok(Arc::new(SqliteStore::connect(url).await?)),
        "postgres" | "postgresql" => Ok(Arc::new(PostgresStore::connect(url).await?)),
        other => Err(StartError::UnsupportedDatabase(other.to_owned())),
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "agentdesk API", description = "The JSON API of agentdesk. Errors always have the shape `{\"error\":{\"code\",\"message\",\"fields\"?}}`; `message` is in the user's language."),
    components(schemas(ErrorBody, ErrorDetail, FieldMessage)),
    tags(
        (name = "auth", description = "Signing in and out"),
        (name = "profile", description = "The signed-in user's own profile"),
        (name = "admin", description = "Company administration (admins only)"),
        (name = "inbox", description = "Conversations, messages, assignment, live events"),
        (name = "webhooks", description = "Meta's WhatsApp webhook"),
        (name = "operations", description = "Health"),
    )
)]
struct ApiDoc;

/// The JSON API, documented as it is routed: a route cannot exist without its OpenAPI entry.
/// Each capability brings its own routes (and the body limits of its uploads).
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(auth::api())
        .merge(security::api())
        .merge(profile::api())
        .merge(admin::api())
        .merge(numbers::api())
        .merge(team::api())
        .merge(inbox::api())
        .merge(canned::api())
        .merge(health::api())
}

/// Every route of the API with the OpenAPI document that describes it, shared responses
/// included (`http::openapi`).
fn documented_api(https: bool) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    // The JSON limit is the outer layer: a capability's own limit on an upload route is applied
    // inside it and wins.
    let (api, mut doc) = api_routes()
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .split_for_parts();
    crate::http::openapi::document_conventions(
        &mut doc,
        crate::http::cookies::session_cookie_name(https),
    );
    (api, doc)
}

/// The OpenAPI document, for the endpoint and for tests.
pub fn openapi() -> utoipa::openapi::OpenApi {
    documented_api(false).1
}

fn pages() -> Router<AppState> {
    Router::new()
        .merge(shell::pages())
        .merge(inbox::pages())
        .merge(canned::pages())
        .merge(numbers::pages())
        .merge(profile::pages())
        .merge(security::pages())
        .merge(admin::pages())
        .merge(crate::demo::pages())
}

pub fn router(state: AppState, emulator: Option<EmulatorState>) -> Router {
    let (api, openapi) = documented_api(state.config().https());
    let openapi_json = Arc::new(openapi.to_json().unwrap_or_default());
    let app = api
        .merge(pages())
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let json = openapi_json.clone();
                async move {
                    (
                        [(
                            header::CONTENT_TYPE,
                            HeaderValue::from_static("application/json"),
                        )],
                        (*json).clone(),
                    )
                        .into_response()
                }
            }),
        )
        .fallback(|| async { ApiError::NotFound })
        .layer(from_fn_with_state(state.clone(), csrf))
        .layer(from_fn(render_errors))
        .layer(from_fn_with_state(state.clone(), resolve_context))
        // Assets need no session or language.
        .route("/assets/{*path}", get(assets::serve))
        .with_state(state.clone());
    crate::demo::with_emulator(app, emulator)
        .layer(CompressionLayer::new())
        .layer(from_fn_with_state(state, security_headers))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
            let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
        }))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

pub struct Application {
    listener: TcpListener,
    state: AppState,
    /// The Graph API emulator, in demo mode only.
    emulator: Option<EmulatorState>,
}

impl Application {
    pub async fn build(config: Config) -> Result<Self, StartError> {
        Self::build_with_clock(config, Arc::new(SystemClock)).await
    }

    /// Like `build`, with a clock of the caller's choosing (tests move time forward).
    pub async fn build_with_clock(
        mut config: Config,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, StartError> {
        if config.database_url.is_none() {
            std::fs::create_dir_all(&config.data_dir)
                .map_err(|e| StartError::DataDir(config.data_dir.display().to_string(), e))?;
        }
        let store = open_store(&config.database_url()).await?;
        let listen = config.listen.clone();
        let listener = TcpListener::bind(&listen)
            .await
            .map_err(|e| StartError::Bind(listen.clone(), e))?;
        let local = listener
            .local_addr()
            .map_err(|e| StartError::Bind(listen.clone(), e))?;
        let mut api_base = config.whatsapp.api_base.clone();
        let mut emulator = None;
        if config.demo {
            // The demo talks to itself: signed webhooks from the simulator, Cloud API calls to the
            // built-in Graph emulator. Secrets nobody configured are made up for this run.
            let secret = config
                .whatsapp
                .app_secret
                .get_or_insert_with(|| Secret::new(new_token()))
                .expose()
                .to_owned();
            config
                .whatsapp
                .verify_token
                .get_or_insert_with(|| Secret::new(new_token()));
            if api_base == WhatsAppConfig::default().api_base {
                let host = if local.ip().is_unspecified() {
                    SocketAddr::from(([127, 0, 0, 1], local.port()))
                } else {
                    local
                };
                api_base = format!("http://{host}/emulator/graph");
                emulator = Some(EmulatorState::new(
                    format!("http://{host}/webhooks/whatsapp"),
                    secret,
                ));
            }
        }
        let state = AppState::with_api_base(config, store, clock, &api_base);
        if state.config().demo {
            if demo::seed_if_empty(&state).await? {
                tracing::info!("seeded the demo company {:?}", demo::COMPANY);
            }
            if let Some(em) = &emulator {
                demo::prepare_emulator(&state, em).await?;
            }
            tracing::info!("{}", demo::credentials_hint(&state));
        }
        Ok(Self {
            listener,
            state,
            emulator,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let addr = self.local_addr();
        let housekeeping = tokio::spawn(housekeeping(self.state.clone()));
        let mut workers: Vec<_> = (0..inbox::jobs::WORKERS)
            .map(|_| tokio::spawn(inbox::jobs::run_worker(self.state.clone())))
            .collect();
        // Stopped only after in-flight requests are answered, so no delivery waits forever.
        workers.push(tokio::spawn(inbox::ingest::run_writer(self.state.clone())));
        workers.push(tokio::spawn(inbox::live::run_relay(self.state.clone())));
        let app = router(self.state, self.emulator);
        tracing::info!("listening on http://{addr}");
        let served = axum::serve(
            self.listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        housekeeping.abort();
        for w in workers {
            w.abort();
        }
        served
    }
}

/// Periodic clean-up shared by all instances (idempotent, so several may run it).
async fn housekeeping(state: AppState) {
    let mut every = tokio::time::interval(Duration::from_secs(600));
    loop {
        every.tick().await;
        match state.sessions().purge_expired().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "purged expired sessions"),
            Err(e) => tracing::warn!(error = %e, "session purge failed"),
        }
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}
