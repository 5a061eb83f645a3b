//! Inbox benchmarks (issue 3), run with `cargo bench -p agentdesk --bench inbox`:
//!
//! 1. Raw SQLite: how many insert transactions of one webhook's size this machine commits per
//!    second with the app's settings (WAL, synchronous=NORMAL) — the ceiling for ingest.
//! 2. Webhook ingest: signed deliveries posted to the real app (in-process, SQLite, ack after
//!    commit) by concurrent clients for `INGEST_SECS`; messages acknowledged per second.
//! 3. Live fan-out: `SSE_CLIENTS` open event streams; for each delivery, the time from its 200 to
//!    the event arriving at each client; p50/p99 over all clients and deliveries.
//!
//! Everything runs on 127.0.0.1 and stops by itself. Knobs: env INGEST_SECS (60), BATCH (10),
//! CONCURRENCY (16), SSE_CLIENTS (1000), SSE_DELIVERIES (100).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use agentdesk::Config;
use agentdesk::config::Secret;
use agentdesk::startup::Application;
use futures_util::StreamExt;
use serde_json::{Value, json};
use sqlx::ConnectOptions;

const SECRET: &str = "bench-secret";
const NUMBER: &str = "100000000000002";

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn delivery(worker: u64, seq: u64, batch: u64, customer: &str) -> Vec<u8> {
    let messages: Vec<Value> = (0..batch)
        .map(|i| json!({"from_user_id": customer, "id": format!("wamid.B.{worker}.{seq}.{i}"), "timestamp": "1800000000", "type": "text", "text": {"body": format!("message {seq}/{i} from a customer who needs help with an order")}}))
        .collect();
    serde_json::to_vec(&json!({"object": "whatsapp_business_account", "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": "15550100002", "phone_number_id": NUMBER},
        "contacts": [{"profile": {"name": "Bench"}, "user_id": customer}], "messages": messages}}]}]}))
    .unwrap()
}

async fn raw_sqlite_rate(dir: &std::path::Path, batch: u64, secs: u64) -> f64 {
    let url = format!("sqlite://{}", dir.join("raw.db").display());
    let mut conn = sqlx::sqlite::SqliteConnectOptions::from_str(&url)
        .unwrap()
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
        .connect()
        .await
        .unwrap();
    sqlx::query("CREATE TABLE m (id INTEGER PRIMARY KEY, conversation_id INTEGER, wamid TEXT UNIQUE, content TEXT, created_at INTEGER)")
        .execute(&mut conn)
        .await
        .unwrap();
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < Duration::from_secs(secs) {
        let mut tx = sqlx::Connection::begin(&mut conn).await.unwrap();
        for _ in 0..batch {
            n += 1;
            sqlx::query("INSERT INTO m (conversation_id, wamid, content, created_at) VALUES (1, $1, $2, $3)")
                .bind(format!("wamid.raw.{n}"))
                .bind("{\"type\":\"text\",\"body\":\"message from a customer who needs help with an order\"}")
                .bind(1_800_000_000_000_i64)
                .execute(&mut *tx)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
    }
    n as f64 / start.elapsed().as_secs_f64()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

#[tokio::main]
async fn main() {
    let ingest_secs = env("INGEST_SECS", 60);
    let batch = env("BATCH", 10);
    let concurrency = env("CONCURRENCY", 16);
    let sse_clients = env("SSE_CLIENTS", 1000);
    let sse_deliveries = env("SSE_DELIVERIES", 100);
    let dir = tempfile::tempdir().unwrap();

    let raw = raw_sqlite_rate(dir.path(), batch, 10).await;
    println!("raw SQLite: {raw:.0} messages/s in transactions of {batch}");

    let config = Config {
        listen: "127.0.0.1:0".into(),
        data_dir: dir.path().join("app"),
        demo: true,
        whatsapp: agentdesk::config::WhatsAppConfig {
            app_secret: Some(Secret::new(SECRET)),
            api_base: "http://127.0.0.1:9/v21.0".into(),
            verify_token: None,
        },
        ..Config::default()
    };
    let app = Application::build(config).await.unwrap();
    let base = format!("http://{}", app.local_addr());
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()
        .unwrap();

    // 2. Ingest. Bodies are built and signed before the clock starts, as a load generator
    // replaying prepared requests would, so the measurement is the server's work.
    let per_worker = (ingest_secs * 2000 / concurrency).max(100);
    let prepared: Vec<Vec<(Vec<u8>, String)>> = (0..concurrency)
        .map(|w| {
            (0..per_worker)
                .map(|seq| {
                    // Each worker plays its own customers, like many people writing at once.
                    let body = delivery(w, seq, batch, &format!("US.{w}{}", seq % 50));
                    let sig = agentdesk::whatsapp::signature::sign(SECRET.as_bytes(), &body);
                    (body, sig)
                })
                .collect()
        })
        .collect();
    let acked = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let deadline = start + Duration::from_secs(ingest_secs);
    let workers: Vec<_> = prepared
        .into_iter()
        .map(|bodies| {
            let (client, acked, url) = (
                client.clone(),
                acked.clone(),
                format!("{base}/webhooks/whatsapp"),
            );
            tokio::spawn(async move {
                for (body, sig) in bodies {
                    if Instant::now() >= deadline {
                        return;
                    }
                    let res = client
                        .post(&url)
                        .header("content-type", "application/json")
                        .header("x-hub-signature-256", sig)
                        .body(body)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(res.status(), 200);
                    acked.fetch_add(batch, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for w in workers {
        w.await.unwrap();
    }
    let ingest = acked.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64();
    println!(
        "webhook ingest: {ingest:.0} messages/s acknowledged after commit for {ingest_secs} s ({concurrency} concurrent deliveries of {batch}) = {:.0} % of raw",
        100.0 * ingest / raw
    );

    // 3. Fan-out.
    let session = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let r = session
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": "agent1@demo.test", "password": "demo-password-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let cookie = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let acks: Arc<std::sync::Mutex<HashMap<String, Instant>>> = Default::default();
    let samples: Arc<std::sync::Mutex<Vec<(String, Instant)>>> = Default::default();
    let connected = Arc::new(AtomicU64::new(0));
    let mut streams = Vec::new();
    for _ in 0..sse_clients {
        let sse = reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .build()
            .unwrap();
        let (cookie, samples, connected, url) = (
            cookie.clone(),
            samples.clone(),
            connected.clone(),
            format!("{base}/api/v1/events"),
        );
        streams.push(tokio::spawn(async move {
            let res = sse.get(url).header("cookie", cookie).send().await.unwrap();
            connected.fetch_add(1, Ordering::Relaxed);
            let mut body = res.bytes_stream();
            let mut buf = String::new();
            let mut seen = 0;
            while let Some(Ok(chunk)) = body.next().await {
                buf.push_str(&String::from_utf8_lossy(&chunk));
                while let Some(end) = buf.find("\n\n") {
                    let block: String = buf.drain(..end + 2).collect();
                    if let Some(wamid) = block
                        .split("\"wa_message_id\":\"")
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        && block.contains("event: message")
                    {
                        samples
                            .lock()
                            .unwrap()
                            .push((wamid.to_owned(), Instant::now()));
                        seen += 1;
                    }
                }
                if seen >= sse_deliveries {
                    return;
                }
            }
        }));
    }
    while connected.load(Ordering::Relaxed) < sse_clients {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let url = format!("{base}/webhooks/whatsapp");
    for seq in 0..sse_deliveries {
        let body = delivery(9999, seq, 1, "US.FANOUT");
        let sig = agentdesk::whatsapp::signature::sign(SECRET.as_bytes(), &body);
        let res = client
            .post(&url)
            .header("content-type", "application/json")
            .header("x-hub-signature-256", sig)
            .body(body)
            .send()
            .await
            .unwrap();
        let at = Instant::now();
        assert_eq!(res.status(), 200);
        acks.lock()
            .unwrap()
            .insert(format!("wamid.B.9999.{seq}.0"), at);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let until = Instant::now() + Duration::from_secs(30);
    for s in streams {
        let _ = tokio::time::timeout_at(until.into(), s).await;
    }
    let acks = acks.lock().unwrap();
    let mut lat: Vec<f64> = samples
        .lock()
        .unwrap()
        .iter()
        .filter_map(|(w, t)| {
            acks.get(w)
                .map(|a| t.saturating_duration_since(*a).as_secs_f64() * 1000.0)
        })
        .collect();
    lat.sort_by(f64::total_cmp);
    println!(
        "live fan-out: {sse_clients} clients × {sse_deliveries} deliveries, {} events received of {}; webhook 200 → event: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        lat.len(),
        sse_clients * sse_deliveries,
        percentile(&lat, 0.5),
        percentile(&lat, 0.99),
        lat.last().copied().unwrap_or(f64::NAN)
    );
}
