//! The WhatsApp side of the tests: the app's webhook secret and numbers, signed webhook payloads,
//! and `FakeGraph`, the Graph API emulator on a local port, recording what it receives.

use agentdesk::config::Secret;
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::*;

pub const SECRET: &str = "test-app-secret";
pub const RR_NUMBER: &str = "100000000000001";
pub const MANUAL_NUMBER: &str = "100000000000002";

/// A recorded Cloud API call: phone_number_id (with `/media` for an upload), Authorization
/// header, JSON body (an upload's fields).
pub type GraphCall = (String, Option<String>, Value);

/// The tests' Cloud API: the Graph API emulator (the demo's, its own crate) on a local port,
/// recording what it receives. It checks every request as the Cloud API documents it, so a
/// malformed send fails here as it would at Meta. No status webhooks follow sends: tests post
/// the statuses they need.
#[derive(Clone)]
pub struct FakeGraph {
    pub emulator: agentdesk_graph_emulator::EmulatorState,
}

impl FakeGraph {
    pub async fn start() -> (Self, String) {
        let emulator = agentdesk_graph_emulator::EmulatorState::new(
            "http://127.0.0.1:9/no-webhooks".into(),
            SECRET.into(),
        );
        emulator.without_status_webhooks();
        let app =
            axum::Router::new().nest("/v21.0", agentdesk_graph_emulator::router(emulator.clone()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/v21.0", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (FakeGraph { emulator }, base)
    }

    /// The next send is answered with this instead (Meta's errors).
    pub fn answer(&self, status: u16, body: Value) {
        self.emulator.script_answer(status, body);
    }

    /// A file a customer's message refers to by media id.
    pub fn add_media(&self, id: &str, mime: &str, bytes: Vec<u8>) {
        self.emulator.add_media(id, mime, bytes);
    }

    /// Sends and uploads, oldest first.
    pub fn sent(&self) -> Vec<GraphCall> {
        self.emulator
            .recorded()
            .into_iter()
            .filter_map(|r| {
                let path = match r.path.strip_suffix("/messages") {
                    Some(number) => number.to_owned(),
                    None if r.path.ends_with("/media") => r.path.clone(),
                    None => return None,
                };
                Some((path, r.authorization, r.body))
            })
            .collect()
    }

    /// Media reads (info and download) with the Authorization they carried.
    pub fn media_reads(&self) -> Vec<(String, Option<String>)> {
        self.emulator
            .recorded()
            .into_iter()
            .filter(|r| !r.path.ends_with("/messages") && !r.path.ends_with("/media"))
            .map(|r| (r.path, r.authorization))
            .collect()
    }
}

pub async fn inbox_app(backend: Backend) -> (TestApp, FakeGraph) {
    let (graph, base) = FakeGraph::start().await;
    let app = spawn_app_with(backend, |c| {
        c.whatsapp.api_base = base;
        c.whatsapp.app_secret = Some(Secret::new(SECRET));
        c.whatsapp.verify_token = Some(Secret::new("verify-me"));
    })
    .await;
    (app, graph)
}

/// A customer's text message in Meta's format.
pub fn text_payload(
    pnid: &str,
    wamid: &str,
    customer: &str,
    name: &str,
    body: &str,
    ts: i64,
) -> Value {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA1", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550100001", "phone_number_id": pnid},
            "contacts": [{"profile": {"name": name}, "user_id": customer}],
            "messages": [{"from_user_id": customer, "id": wamid, "timestamp": ts.to_string(), "type": "text", "text": {"body": body}}]
        }}]}]
    })
}

pub fn status_payload(
    pnid: &str,
    wamid: &str,
    status: &str,
    ts: i64,
    error: Option<(i64, &str)>,
) -> Value {
    let mut st = json!({"id": wamid, "status": status, "timestamp": ts.to_string(), "recipient_user_id": "US.1"});
    if let Some((code, title)) = error {
        st["errors"] = json!([{"code": code, "title": title, "error_data": {"details": title}}]);
    }
    json!({"object": "whatsapp_business_account", "entry": [{"id": "WABA1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": "15550100001", "phone_number_id": pnid}, "statuses": [st]
    }}]}]})
}

pub async fn post_webhook(app: &TestApp, raw: &[u8], signature: Option<String>) -> StatusCode {
    let mut req = reqwest::Client::new()
        .post(app.url("/webhooks/whatsapp"))
        .header("content-type", "application/json")
        .body(raw.to_vec());
    if let Some(sig) = signature {
        req = req.header("x-hub-signature-256", sig);
    }
    req.send().await.unwrap().status()
}

pub async fn deliver(app: &TestApp, payload: &Value) {
    let raw = serde_json::to_vec(payload).unwrap();
    let sig = agentdesk::whatsapp::signature::sign(SECRET.as_bytes(), &raw);
    assert_eq!(post_webhook(app, &raw, Some(sig)).await, StatusCode::OK);
}
