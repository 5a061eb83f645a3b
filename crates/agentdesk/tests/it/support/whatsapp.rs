//! The WhatsApp side of the tests: the app's webhook secret and numbers, signed webhook payloads,
//! and `FakeGraph`, a local server that speaks the Cloud API and records what it receives.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use agentdesk::config::Secret;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode as AxStatus};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::*;

pub const SECRET: &str = "test-app-secret";
pub const RR_NUMBER: &str = "100000000000001";
pub const MANUAL_NUMBER: &str = "100000000000002";

/// A file the fake Graph API serves: MIME type and bytes.
pub type MediaFile = (String, Vec<u8>);

/// A recorded Cloud API call: phone_number_id, Authorization header, JSON body.
pub type GraphCall = (String, Option<String>, Value);

/// A stand-in for Meta's Graph API that records requests and answers from a script.
#[derive(Clone, Default)]
pub struct FakeGraph {
    pub requests: Arc<Mutex<Vec<GraphCall>>>,
    /// Media the fake serves: id → (MIME type, bytes).
    pub files: Arc<Mutex<std::collections::HashMap<String, MediaFile>>>,
    pub base: Arc<Mutex<String>>,
    pub answers: Arc<Mutex<VecDeque<(u16, Value)>>>,
}

async fn graph_messages(
    State(g): State<FakeGraph>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> (AxStatus, Json<Value>) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    g.requests.lock().unwrap().push((id, auth, body));
    let (status, answer) = g.answers.lock().unwrap().pop_front().unwrap_or_else(|| {
        let n = g.requests.lock().unwrap().len();
        (200, json!({"messaging_product": "whatsapp", "contacts": [{"input": "x"}], "messages": [{"id": format!("wamid.OUT{n}")}]}))
    });
    (AxStatus::from_u16(status).unwrap(), Json(answer))
}

async fn graph_media_info(
    State(g): State<FakeGraph>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> (AxStatus, Json<Value>) {
    if headers.get("authorization").is_none() {
        return (
            AxStatus::UNAUTHORIZED,
            Json(json!({"error": {"message": "no token", "code": 190}})),
        );
    }
    let files = g.files.lock().unwrap();
    let Some((mime, bytes)) = files.get(&id) else {
        return (
            AxStatus::NOT_FOUND,
            Json(json!({"error": {"message": "unknown", "code": 100}})),
        );
    };
    use sha2::Digest;
    let url = format!("{}/files/{id}", g.base.lock().unwrap());
    (
        AxStatus::OK,
        Json(
            json!({"messaging_product": "whatsapp", "url": url, "mime_type": mime, "sha256": hex::encode(sha2::Sha256::digest(bytes)), "file_size": bytes.len(), "id": id}),
        ),
    )
}

async fn graph_file(
    State(g): State<FakeGraph>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> (AxStatus, Vec<u8>) {
    if headers.get("authorization").and_then(|v| v.to_str().ok())
        != Some("Bearer demo-access-token")
    {
        return (AxStatus::UNAUTHORIZED, Vec::new());
    }
    match g.files.lock().unwrap().get(&id) {
        Some((_, bytes)) => (AxStatus::OK, bytes.clone()),
        None => (AxStatus::NOT_FOUND, Vec::new()),
    }
}

/// `POST /{phone_number_id}/media`: records the multipart fields Meta documents and answers an id.
async fn graph_upload(
    State(g): State<FakeGraph>,
    Path(id): Path<String>,
    headers: HeaderMap,
    mut form: axum::extract::Multipart,
) -> (AxStatus, Json<Value>) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut fields = serde_json::Map::new();
    while let Some(field) = form.next_field().await.unwrap() {
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field.file_name().map(str::to_owned);
        let bytes = field.bytes().await.unwrap();
        fields.insert(name.clone(), json!(bytes.len()));
        if let Some(f) = filename {
            fields.insert(format!("{name}.filename"), json!(f));
        }
        if name != "file" {
            fields.insert(name, json!(String::from_utf8_lossy(&bytes)));
        }
    }
    g.requests
        .lock()
        .unwrap()
        .push((format!("{id}/media"), auth, Value::Object(fields)));
    (AxStatus::OK, Json(json!({"id": "UPLOADED-1"})))
}

impl FakeGraph {
    pub async fn start() -> (Self, String) {
        let g = FakeGraph::default();
        let app = axum::Router::new()
            .route("/v21.0/{id}/messages", axum::routing::post(graph_messages))
            .route("/v21.0/{id}", axum::routing::get(graph_media_info))
            .route("/v21.0/files/{id}", axum::routing::get(graph_file))
            .route("/v21.0/{id}/media", axum::routing::post(graph_upload))
            .with_state(g.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/v21.0", listener.local_addr().unwrap());
        *g.base.lock().unwrap() = base.clone();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (g, base)
    }

    pub fn answer(&self, status: u16, body: Value) {
        self.answers.lock().unwrap().push_back((status, body));
    }

    pub fn sent(&self) -> Vec<GraphCall> {
        self.requests.lock().unwrap().clone()
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
