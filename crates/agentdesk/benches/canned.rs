//! Canned-response search benchmarks (issue 12), run with `cargo bench -p agentdesk --bench canned`:
//!
//! 1. The picker's search in the store: 5,000 company presets and 500 personal responses of
//!    mixed-language text (English, Spanish, Portuguese, Indonesian, Russian, Arabic, Chinese),
//!    1,000 queries typed prefix by prefix; p50/p99 on SQLite (FTS5 trigram) and on PostgreSQL
//!    (pg_trgm), when it answers at TEST_POSTGRES_URL (default 127.0.0.1:5432/test).
//! 2. Over HTTP (the real app in-process, SQLite): the search endpoint's rate as a fraction of a
//!    trivial endpoint's (`/healthz`) in the same run, one client after the other.
//! 3. On the same PostgreSQL data at 5,000 and at 50,000 presets, Chatwoot's query
//!    (`short_code ILIKE '%q%' OR content ILIKE '%q%'`, short-code prefix first, no limit):
//!    its p99 ÷ ours.
//!
//! Knobs: env QUERIES (1000).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use agentdesk::Config;
use agentdesk::config::Secret;
use agentdesk::startup::Application;
use agentdesk_core::domain::canned::{CannedContent, CannedQuery, ShortCode};
use agentdesk_core::domain::{Email, NewUser, PersonName, Role, User};
use agentdesk_core::store::{CannedScope, CannedSearch, NewCannedResponse};
use agentdesk_core::{Store, Timestamp};

const SENTENCES: [&str; 28] = [
    "Hi {{contact.first_name|there}}, thanks for reaching out to us.",
    "Your order has shipped and should arrive within three business days.",
    "Refunds reach your card five to seven days after we receive the item.",
    "Could you send us a photo of the damaged package, please?",
    "Our support team is available Monday to Friday from nine to six.",
    "Hola, gracias por escribirnos. ¿En qué podemos ayudarte?",
    "Tu pedido está en camino y llegará mañana por la tarde.",
    "El reembolso se procesa en un plazo de cinco días hábiles.",
    "Olá! Seu pedido foi enviado e chega em até três dias úteis.",
    "Você pode trocar o produto em qualquer loja da nossa rede.",
    "A garantia cobre defeitos de fabricação por doze meses.",
    "Halo, terima kasih sudah menghubungi kami.",
    "Pesanan Anda sedang dikemas dan akan dikirim besok pagi.",
    "Здравствуйте! Ваш заказ уже передан в службу доставки.",
    "Возврат средств занимает до семи рабочих дней.",
    "Пожалуйста, пришлите номер заказа, и мы всё проверим.",
    "مرحبًا، شكرًا لتواصلك معنا.",
    "تم شحن طلبك وسيصل خلال ثلاثة أيام عمل.",
    "يمكنك استرداد المبلغ خلال أربعة عشر يومًا من الشراء.",
    "您好，感谢您的耐心等待。",
    "您的订单已经发货，预计三天内送达。",
    "退款将在收到商品后五个工作日内退回原支付账户。",
    "如需开具发票，请提供公司名称和税号。",
    "We have applied a discount code to your account: WELCOME10.",
    "The café on the ground floor opens at eight o'clock.",
    "Please keep the receipt; you will need it for the warranty.",
    "Our {{company.name}} team will call you within the hour.",
    "You can track the delivery with the link we sent by email.",
];

const STEMS: [&str; 24] = [
    "refund",
    "shipping",
    "delay",
    "invoice",
    "warranty",
    "exchange",
    "discount",
    "hours",
    "greeting",
    "tracking",
    "damaged",
    "address",
    "payment",
    "reembolso",
    "envio",
    "troca",
    "garantia",
    "pengiriman",
    "возврат",
    "доставка",
    "شحن",
    "استرداد",
    "退款",
    "发货",
];

/// A deterministic generator, so every run searches the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, list: &'a [&'a str]) -> &'a str {
        list[(self.next() as usize) % list.len()]
    }
}

fn response(rng: &mut Lcg, i: usize) -> NewCannedResponse {
    let code = format!("{}-{}", rng.pick(&STEMS), i);
    let sentences = 2 + rng.next() as usize % 3;
    let content: Vec<&str> = (0..sentences).map(|_| rng.pick(&SENTENCES)).collect();
    NewCannedResponse {
        short_code: ShortCode::parse(&code).unwrap(),
        content: CannedContent::parse(&content.join(" "), false).unwrap(),
        tags: vec![
            rng.pick(&["Billing", "Orders", "General", "VIP"])
                .to_owned(),
        ],
        attachment: None,
    }
}

async fn people(store: &dyn Store) -> (User, User) {
    let mut made = Vec::new();
    for (email, role) in [
        ("admin@bench.test", Role::Admin),
        ("agent@bench.test", Role::Agent),
    ] {
        let user = NewUser {
            company_name: "Bench".into(),
            email: Email::parse(email).unwrap(),
            first_name: PersonName::parse("Bench").unwrap(),
            last_name: PersonName::parse("User").unwrap(),
            role,
            locale: None,
            password_hash: "x".into(),
        };
        made.push(
            store
                .create_user(&user, Timestamp(1_800_000_000_000))
                .await
                .unwrap(),
        );
    }
    let agent = made.pop().unwrap();
    (made.pop().unwrap(), agent)
}

/// Adds presets `from..to` (and, the first time, 500 personal responses of the agent's).
async fn fill(store: &dyn Store, admin: &User, agent: &User, from: usize, to: usize) {
    let mut rng = Lcg(from as u64 + 7);
    for i in from..to {
        let new = response(&mut rng, i);
        let at = Timestamp(1_800_000_000_000 + i as i64);
        store
            .create_canned_response(admin.company_id, CannedScope::Company, &new, admin.id, at)
            .await
            .unwrap();
    }
    if from == 0 {
        for i in 0..500 {
            let new = response(&mut rng, 100_000 + i);
            let at = Timestamp(1_800_000_000_000 + i as i64);
            store
                .create_canned_response(
                    agent.company_id,
                    CannedScope::Personal(agent.id),
                    &new,
                    agent.id,
                    at,
                )
                .await
                .unwrap();
        }
    }
}

/// What an agent types: codes and content words, each prefix by prefix, `n` queries in all.
fn typed_queries(n: usize) -> Vec<String> {
    let mut rng = Lcg(42);
    let words: Vec<&str> = SENTENCES
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let mut out = Vec::new();
    while out.len() < n {
        let target = if rng.next().is_multiple_of(2) {
            format!("{}-{}", rng.pick(&STEMS), rng.next() % 5000)
        } else {
            rng.pick(&words).to_lowercase()
        };
        let chars: Vec<char> = target.chars().collect();
        for len in 1..=chars.len().min(10) {
            out.push(chars[..len].iter().collect());
        }
    }
    out.truncate(n);
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Our search for each query; returns the sorted latencies.
async fn ours(store: &dyn Store, agent: &User, queries: &[String]) -> Vec<Duration> {
    let mut times = Vec::with_capacity(queries.len());
    for q in queries {
        let search = CannedSearch {
            query: CannedQuery::new(q),
            limit: 20,
            ..Default::default()
        };
        let start = Instant::now();
        let found = store
            .search_canned_responses(agent.company_id, agent.id, &search)
            .await
            .unwrap();
        times.push(start.elapsed());
        std::hint::black_box(found);
    }
    times.sort();
    times
}

/// Chatwoot's query, as its CannedResponse model runs it, on the same table.
async fn chatwoot(pool: &sqlx::PgPool, company: i64, queries: &[String]) -> Vec<Duration> {
    let mut times = Vec::with_capacity(queries.len());
    for q in queries {
        let start = Instant::now();
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, short_code, content FROM canned_responses WHERE company_id = $1 AND \
             (short_code ILIKE $2 OR content ILIKE $2) ORDER BY (short_code ILIKE $3) DESC, id",
        )
        .bind(company)
        .bind(format!("%{q}%"))
        .bind(format!("{q}%"))
        .fetch_all(pool)
        .await
        .unwrap();
        times.push(start.elapsed());
        std::hint::black_box(rows);
    }
    times.sort();
    times
}

fn report(name: &str, times: &[Duration]) -> (f64, f64) {
    let (p50, p99) = (ms(percentile(times, 0.5)), ms(percentile(times, 0.99)));
    println!(
        "{name}: p50 {p50:.3} ms, p99 {p99:.3} ms, max {:.3} ms",
        ms(*times.last().unwrap())
    );
    (p50, p99)
}

async fn http_ratio(queries: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        listen: "127.0.0.1:0".into(),
        data_dir: dir.path().to_path_buf(),
        database_url: Some(Secret::new(format!(
            "sqlite://{}",
            dir.path().join("http.db").display()
        ))),
        demo: true,
        demo_password: Some(Secret::new("bench-password-1")),
        ..Config::default()
    };
    let app = Application::build(config).await.unwrap();
    let addr = app.local_addr();
    let state = app.state();
    tokio::spawn(app.run_until_stopped(std::future::pending::<()>()));
    let agent = state
        .store()
        .user_by_email(&Email::parse("agent1@demo.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let admin = state
        .store()
        .user_by_email(&Email::parse("admin@demo.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    fill(state.store(), &admin, &agent, 0, 5000).await;
    let base = format!("http://{addr}");
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let res = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "agent1@demo.test", "password": "bench-password-1"}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    let rate = |paths: Vec<String>| {
        let client = client.clone();
        async move {
            let start = Instant::now();
            for p in &paths {
                let res = client.get(p).send().await.unwrap();
                assert!(res.status().is_success());
                std::hint::black_box(res.bytes().await.unwrap());
            }
            paths.len() as f64 / start.elapsed().as_secs_f64()
        }
    };
    let trivial: Vec<String> = (0..queries.len())
        .map(|_| format!("{base}/healthz"))
        .collect();
    let searches: Vec<String> = queries
        .iter()
        .map(|q| format!("{base}/api/v1/canned-responses?q={}&limit=20", urlencode(q)))
        .collect();
    // Warm both, then measure alternately so machine noise hits both alike.
    rate(trivial[..50].to_vec()).await;
    rate(searches[..50].to_vec()).await;
    let (mut t, mut s) = (0.0, 0.0);
    for _ in 0..3 {
        t += rate(trivial.clone()).await;
        s += rate(searches.clone()).await;
    }
    println!(
        "HTTP (SQLite, one client): /healthz {:.0} req/s, search {:.0} req/s: {:.2} of the trivial rate",
        t / 3.0,
        s / 3.0,
        s / t
    );
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n = std::env::var("QUERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let queries = typed_queries(n);
    println!(
        "{} queries typed prefix by prefix, e.g. {:?}",
        queries.len(),
        &queries[..6]
    );

    // 1. SQLite.
    let dir = tempfile::tempdir().unwrap();
    let lite: Arc<dyn Store> =
        agentdesk::open_store(&format!("sqlite://{}", dir.path().join("c.db").display()))
            .await
            .unwrap();
    let (admin, agent) = people(&*lite).await;
    fill(&*lite, &admin, &agent, 0, 5000).await;
    ours(&*lite, &agent, &queries[..100]).await;
    report(
        "SQLite, 5,000 presets + 500 personal",
        &ours(&*lite, &agent, &queries).await,
    );

    // 1 and 3. PostgreSQL, at 5,000 and 50,000 presets.
    let server = std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    if agentdesk_store_postgres::scratch::reachable(&server).await {
        let name = format!("bench_canned_{}", std::process::id());
        let url = agentdesk_store_postgres::scratch::create_database(&server, &name)
            .await
            .unwrap();
        let pg: Arc<dyn Store> = agentdesk::open_store(&url).await.unwrap();
        let pool = sqlx::PgPool::connect(&url).await.unwrap();
        let (admin, agent) = people(&*pg).await;
        let mut from = 0;
        for size in [5_000, 50_000] {
            fill(&*pg, &admin, &agent, from, size).await;
            from = size;
            sqlx::query("ANALYZE canned_responses")
                .execute(&pool)
                .await
                .unwrap();
            ours(&*pg, &agent, &queries[..100]).await;
            chatwoot(&pool, admin.company_id.0, &queries[..100]).await;
            let (_, our_p99) = report(
                &format!("PostgreSQL, {size} presets + 500 personal, ours"),
                &ours(&*pg, &agent, &queries).await,
            );
            let (_, their_p99) = report(
                &format!("PostgreSQL, {size} presets, Chatwoot's ILIKE"),
                &chatwoot(&pool, admin.company_id.0, &queries).await,
            );
            println!(
                "  Chatwoot p99 / ours at {size}: {:.1}",
                their_p99 / our_p99
            );
        }
        pool.close().await;
        drop(pg);
        let drop_conn = sqlx::PgPool::connect(&server).await.unwrap();
        let _ = sqlx::query(&format!("DROP DATABASE agentdesk_t_{name} WITH (FORCE)"))
            .execute(&drop_conn)
            .await;
    } else {
        println!("PostgreSQL not reachable at {server}: skipped");
    }

    // 2. HTTP.
    http_ratio(&queries).await;
}
