//! The Cloud API client against a local Graph server that checks every request against Meta's
//! documented format and answers documented success and error bodies; and the demo emulator end
//! to end: the client sends through it and signed webhooks reach a test receiver.
//!
//! `GraphOracle` is not a second fake of the Cloud API (every app-level test uses the emulator,
//! `support::FakeGraph`): it is the client's wire contract, written from Meta's documentation
//! apart from the emulator so one misreading cannot hide in both, and it answers what the emulator
//! by design never does — an empty 500, HTML with 200, `Retry-After`, a chunked download with no
//! length.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use agentdesk::whatsapp::cloud_api::{
    CloudApi, CloudApiError, OutboundBody, OutboundMediaKind, OutboundMessage,
};
use agentdesk_graph_emulator::{self as emulator, EmulatorState};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::support::*;

const TOKEN: &str = "test-token-EAAG";
const PHONE_NUMBER_ID: &str = "106540352242922";
const WAIT: Duration = Duration::from_secs(10);

// ---- a Graph API that checks requests -----------------------------------------------------

/// What the fake Graph API answers to the next message / media / media-info call.
#[derive(Clone)]
enum Answer {
    Json(StatusCode, Value),
    JsonRetryAfter(StatusCode, Value, &'static str),
    Empty(StatusCode),
    Text(StatusCode, &'static str),
}

#[derive(Clone, Debug)]
struct Seen {
    method: Method,
    path: String,
    body: Value,
    problems: Vec<String>,
}

#[derive(Clone)]
struct GraphOracle {
    seen: Arc<Mutex<Vec<Seen>>>,
    answer: Arc<Mutex<Answer>>,
    base: Arc<Mutex<String>>,
}

impl GraphOracle {
    async fn start() -> (GraphOracle, String) {
        let fake = GraphOracle {
            seen: Arc::default(),
            answer: Arc::new(Mutex::new(sent_ok("wamid.FIRST"))),
            base: Arc::default(),
        };
        let app = Router::new()
            .fallback(graph_handler)
            .with_state(fake.clone());
        let base = serve(app).await;
        *fake.base.lock().unwrap() = base.clone();
        (fake, base)
    }

    fn answer(&self, answer: Answer) {
        *self.answer.lock().unwrap() = answer;
    }

    /// The one request the last call made, after checking it had no format problems.
    fn last(&self) -> Seen {
        let seen = self.seen.lock().unwrap();
        let last = seen
            .last()
            .cloned()
            .expect("no request reached the fake Graph API");
        assert!(
            last.problems.is_empty(),
            "request {} {} broke the documented format: {:?}\nbody: {}",
            last.method,
            last.path,
            last.problems,
            last.body
        );
        last
    }
}

fn sent_ok(id: &str) -> Answer {
    Answer::Json(
        StatusCode::OK,
        json!({
            "messaging_product": "whatsapp",
            "contacts": [{"input": "+1 650 555 1234", "wa_id": "16505551234"}],
            "messages": [{"id": id}],
        }),
    )
}

fn graph_error(code: i64, message: &str, details: Option<&str>) -> Value {
    let mut error = json!({
        "message": message,
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": "AbCdEf123",
    });
    if let Some(details) = details {
        error["error_subcode"] = json!(2494010);
        error["error_data"] = json!({"messaging_product": "whatsapp", "details": details});
    }
    json!({ "error": error })
}

async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}")
}

const DOWNLOAD: &[u8] = b"%PDF-1.4 a small document for the download tests";

async fn graph_handler(State(fake): State<GraphOracle>, req: Request) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let headers = req.headers().clone();
    let mut problems = Vec::new();
    if headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        != Some(&format!("Bearer {TOKEN}"))
    {
        problems.push("Authorization is not `Bearer <token>`".to_owned());
    }
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let body = match (&method, segments.as_slice()) {
        (&Method::POST, [pnid, "messages"]) => {
            if *pnid != PHONE_NUMBER_ID {
                problems.push(format!("wrong phone number id {pnid}"));
            }
            if !headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("application/json"))
            {
                problems.push("Content-Type is not application/json".into());
            }
            let bytes = axum::body::to_bytes(req.into_body(), 1 << 20)
                .await
                .unwrap();
            match serde_json::from_slice::<Value>(&bytes) {
                Ok(body) => {
                    check_message(&body, &mut problems);
                    body
                }
                Err(_) => {
                    problems.push("body is not JSON".into());
                    Value::Null
                }
            }
        }
        (&Method::POST, [pnid, "media"]) => {
            if *pnid != PHONE_NUMBER_ID {
                problems.push(format!("wrong phone number id {pnid}"));
            }
            check_upload(req, &mut problems).await
        }
        (&Method::GET, ["files", name]) => return serve_file(name, &headers),
        (&Method::GET, [media_id]) => json!({ "media_id": media_id }),
        _ => {
            problems.push("undocumented endpoint".into());
            Value::Null
        }
    };
    fake.seen.lock().unwrap().push(Seen {
        method,
        path,
        body,
        problems,
    });
    let answer = fake.answer.lock().unwrap().clone();
    match answer {
        Answer::Json(status, body) => (status, axum::Json(body)).into_response(),
        Answer::JsonRetryAfter(status, body, after) => {
            (status, [(header::RETRY_AFTER, after)], axum::Json(body)).into_response()
        }
        Answer::Empty(status) => status.into_response(),
        Answer::Text(status, text) => (status, text).into_response(),
    }
}

/// `small` has a Content-Length; `stream` is chunked with no length, 64 KiB per chunk.
fn serve_file(name: &str, headers: &HeaderMap) -> Response {
    if headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        != Some(&format!("Bearer {TOKEN}"))
    {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    match name {
        "small" => ([(header::CONTENT_TYPE, "application/pdf")], DOWNLOAD).into_response(),
        "stream" => {
            let chunks = (0..16).map(|_| Ok::<_, std::io::Error>(Bytes::from(vec![7u8; 65536])));
            Body::from_stream(futures_util::stream::iter(chunks)).into_response()
        }
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The Messages API request body as documented: messaging_product, recipient_type,
/// `to` (phone) or `recipient` (BSUID), `type` and the object named by it, `context`.
fn check_message(body: &Value, problems: &mut Vec<String>) {
    let mut problem = |p: &str| problems.push(p.to_owned());
    if body["messaging_product"] != "whatsapp" {
        problem("messaging_product is not \"whatsapp\"");
    }
    if body["recipient_type"] != "individual" {
        problem("recipient_type is not \"individual\"");
    }
    match (body.get("to"), body.get("recipient")) {
        (Some(to), None) => {
            let digits = to.as_str().is_some_and(|t| {
                t.trim_start_matches('+')
                    .bytes()
                    .all(|b| b.is_ascii_digit())
            });
            if !digits {
                problem("`to` is not a phone number");
            }
        }
        (None, Some(recipient)) => {
            let bsuid = recipient.as_str().is_some_and(|r| {
                r.len() > 3
                    && r.as_bytes()[2] == b'.'
                    && r[..2].bytes().all(|b| b.is_ascii_uppercase())
            });
            if !bsuid {
                problem("`recipient` is not a business-scoped user ID");
            }
        }
        _ => problem("exactly one of `to` and `recipient` must be present"),
    }
    if let Some(context) = body.get("context")
        && !context["message_id"]
            .as_str()
            .is_some_and(|id| id.starts_with("wamid."))
    {
        problem("context.message_id is not a wamid");
    }
    let Some(kind) = body["type"].as_str() else {
        return problem("no type");
    };
    let top = [
        "messaging_product",
        "recipient_type",
        "to",
        "recipient",
        "context",
        "type",
        kind,
    ];
    for key in body.as_object().map(|o| o.keys()).into_iter().flatten() {
        if !top.contains(&key.as_str()) {
            problem(&format!("undocumented field {key}"));
        }
    }
    let object = &body[kind];
    if !object.is_object() {
        return problem("no object named by `type`");
    }
    let allowed: &[&str] = match kind {
        "text" => {
            if object["body"].as_str().is_none_or(str::is_empty) {
                problem("text.body missing or empty");
            }
            if !object.get("preview_url").is_none_or(Value::is_boolean) {
                problem("text.preview_url is not a boolean");
            }
            &["body", "preview_url"]
        }
        "image" | "video" => &["id", "caption"],
        "document" => &["id", "caption", "filename"],
        "audio" | "sticker" => &["id"],
        "interactive" => {
            if !object["type"].is_string() || !object["body"]["text"].is_string() {
                problem("interactive.type or interactive.body.text missing");
            }
            if !object["action"].is_object() {
                problem("interactive.action missing");
            }
            &["type", "header", "body", "footer", "action"]
        }
        _ => {
            problem("undocumented type");
            &[]
        }
    };
    if kind != "text" && kind != "interactive" && !object["id"].is_string() {
        problem("media object has no id");
    }
    for key in object.as_object().map(|o| o.keys()).into_iter().flatten() {
        if !allowed.contains(&key.as_str()) {
            problem(&format!("{kind}.{key} is not documented for {kind}"));
        }
    }
}

/// The media upload: multipart with messaging_product, type (MIME) and file (bytes, filename).
async fn check_upload(req: Request, problems: &mut Vec<String>) -> Value {
    let mut multipart = match Multipart::from_request(req, &()).await {
        Ok(m) => m,
        Err(_) => {
            problems.push("media upload is not multipart/form-data".into());
            return Value::Null;
        }
    };
    let mut summary = json!({});
    while let Some(field) = multipart.next_field().await.unwrap() {
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "messaging_product" | "type" => {
                summary[&name] = json!(field.text().await.unwrap());
            }
            "file" => {
                summary["filename"] = json!(field.file_name());
                summary["content_type"] = json!(field.content_type());
                let bytes = field.bytes().await.unwrap();
                summary["sha256"] = json!(hex::encode(Sha256::digest(&bytes)));
            }
            other => problems.push(format!("undocumented part {other}")),
        }
    }
    if summary["messaging_product"] != "whatsapp" {
        problems.push("part messaging_product is not \"whatsapp\"".into());
    }
    if !summary["type"].is_string() || summary["type"] != summary["content_type"] {
        problems.push("part `type` missing or not the file's MIME type".into());
    }
    if !summary["filename"].is_string() {
        problems.push("file part has no filename".into());
    }
    summary
}

fn text_to(to: &str, body: &str) -> OutboundMessage {
    OutboundMessage {
        to: to.into(),
        reply_to: None,
        body: OutboundBody::Text {
            body: body.into(),
            preview_url: false,
        },
    }
}

// ---- the client against the checking server -----------------------------------------------

#[tokio::test]
async fn sends_text_to_a_phone_number_as_documented() {
    let (fake, base) = GraphOracle::start().await;
    let api = CloudApi::new(&base);
    fake.answer(sent_ok(
        "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA",
    ));
    let mut message = text_to("16505551234", "Hello *there*");
    message.reply_to = Some("wamid.CUSTOMER1".into());
    let id = api.send(TOKEN, PHONE_NUMBER_ID, &message).await.unwrap();
    assert_eq!(
        id,
        "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"
    );
    let seen = fake.last();
    assert_eq!(seen.path, format!("/{PHONE_NUMBER_ID}/messages"));
    assert_eq!(seen.body["to"], "16505551234");
    assert_eq!(seen.body["type"], "text");
    assert_eq!(seen.body["text"]["body"], "Hello *there*");
    assert_eq!(seen.body["text"]["preview_url"], false);
    assert_eq!(seen.body["context"]["message_id"], "wamid.CUSTOMER1");
}

#[tokio::test]
async fn sends_to_a_business_scoped_user_id_in_recipient() {
    let (fake, base) = GraphOracle::start().await;
    let api = CloudApi::new(&format!("{base}/"));
    fake.answer(Answer::Json(
        StatusCode::OK,
        json!({
            "messaging_product": "whatsapp",
            "contacts": [{"input": "US.13491208655302741918", "user_id": "US.13491208655302741918"}],
            "messages": [{"id": "wamid.BSUID1"}],
        }),
    ));
    let id = api
        .send(
            TOKEN,
            PHONE_NUMBER_ID,
            &text_to("US.13491208655302741918", "Hi"),
        )
        .await
        .unwrap();
    assert_eq!(id, "wamid.BSUID1");
    let seen = fake.last();
    assert_eq!(seen.body["recipient"], "US.13491208655302741918");
    assert!(seen.body.get("to").is_none());
    assert!(seen.body.get("context").is_none());
}

#[tokio::test]
async fn sends_media_and_interactive_objects_as_documented() {
    let (fake, base) = GraphOracle::start().await;
    let api = CloudApi::new(&base);
    let document = OutboundMessage {
        to: "16505551234".into(),
        reply_to: None,
        body: OutboundBody::Media {
            kind: OutboundMediaKind::Document,
            media_id: "1037543291543636".into(),
            caption: Some("Your invoice".into()),
            filename: Some("invoice.pdf".into()),
        },
    };
    api.send(TOKEN, PHONE_NUMBER_ID, &document).await.unwrap();
    let seen = fake.last();
    assert_eq!(seen.body["type"], "document");
    assert_eq!(
        seen.body["document"],
        json!({"id": "1037543291543636", "caption": "Your invoice", "filename": "invoice.pdf"})
    );

    // A sticker takes neither caption nor filename; the client leaves them out.
    let sticker = OutboundMessage {
        body: OutboundBody::Media {
            kind: OutboundMediaKind::Sticker,
            media_id: "798882015472548".into(),
            caption: Some("ignored".into()),
            filename: Some("ignored.webp".into()),
        },
        ..document.clone()
    };
    api.send(TOKEN, PHONE_NUMBER_ID, &sticker).await.unwrap();
    assert_eq!(
        fake.last().body["sticker"],
        json!({"id": "798882015472548"})
    );

    let interactive = json!({
        "type": "button",
        "body": {"text": "Did that solve it?"},
        "action": {"buttons": [
            {"type": "reply", "reply": {"id": "yes", "title": "Yes"}},
            {"type": "reply", "reply": {"id": "no", "title": "No"}},
        ]},
    });
    let buttons = OutboundMessage {
        body: OutboundBody::Interactive(interactive.clone()),
        ..document
    };
    api.send(TOKEN, PHONE_NUMBER_ID, &buttons).await.unwrap();
    let seen = fake.last();
    assert_eq!(seen.body["type"], "interactive");
    assert_eq!(seen.body["interactive"], interactive);
}

#[tokio::test]
async fn uploads_media_as_multipart_and_reads_media_info() {
    let (fake, base) = GraphOracle::start().await;
    let api = CloudApi::new(&base);
    fake.answer(Answer::Json(
        StatusCode::OK,
        json!({"id": "4490709327384033"}),
    ));
    let bytes = b"\x89PNG\r\n\x1a\n not really a png".to_vec();
    let id = api
        .upload_media(
            TOKEN,
            PHONE_NUMBER_ID,
            bytes.clone(),
            "image/png",
            "photo.png",
        )
        .await
        .unwrap();
    assert_eq!(id, "4490709327384033");
    let seen = fake.last();
    assert_eq!(seen.path, format!("/{PHONE_NUMBER_ID}/media"));
    assert_eq!(seen.body["type"], "image/png");
    assert_eq!(seen.body["filename"], "photo.png");
    assert_eq!(seen.body["sha256"], hex::encode(Sha256::digest(&bytes)));

    // `file_size` is documented as a string placeholder; numbers are seen too. Accept both.
    fake.answer(Answer::Json(
        StatusCode::OK,
        json!({
            "messaging_product": "whatsapp",
            "url": format!("{base}/files/small"),
            "mime_type": "application/pdf",
            "sha256": hex::encode(Sha256::digest(DOWNLOAD)),
            "file_size": DOWNLOAD.len().to_string(),
            "id": "4490709327384033",
        }),
    ));
    let info = api.media_info(TOKEN, "4490709327384033").await.unwrap();
    assert_eq!(fake.last().path, "/4490709327384033");
    assert_eq!(info.mime_type, "application/pdf");
    assert_eq!(info.file_size, Some(DOWNLOAD.len() as u64));
    let bytes = api
        .download(TOKEN, &info.url, 1024, info.sha256.as_deref())
        .await
        .unwrap();
    assert_eq!(bytes, DOWNLOAD);

    assert!(matches!(
        api.upload_media(TOKEN, PHONE_NUMBER_ID, vec![1], "not a mime", "x")
            .await,
        Err(CloudApiError::InvalidInput(_))
    ));
    assert!(matches!(
        api.media_info(TOKEN, "../me").await,
        Err(CloudApiError::InvalidInput(_))
    ));
}

#[tokio::test]
async fn download_refuses_large_bodies_and_wrong_checksums() {
    let (_fake, base) = GraphOracle::start().await;
    let api = CloudApi::new(&base);
    let small = format!("{base}/files/small");
    // Announced length over the cap.
    assert!(matches!(
        api.download(TOKEN, &small, 10, None).await,
        Err(CloudApiError::TooLarge)
    ));
    // No length announced: stopped while streaming (1 MiB sent, 100 KiB allowed).
    assert!(matches!(
        api.download(TOKEN, &format!("{base}/files/stream"), 100 * 1024, None)
            .await,
        Err(CloudApiError::TooLarge)
    ));
    let streamed = api
        .download(TOKEN, &format!("{base}/files/stream"), 1 << 20, None)
        .await
        .unwrap();
    assert_eq!(streamed.len(), 1 << 20);
    // Hex (media info) and base64 (webhooks) hashes are both checked.
    let wrong = hex::encode(Sha256::digest(b"something else"));
    assert!(matches!(
        api.download(TOKEN, &small, 1024, Some(&wrong)).await,
        Err(CloudApiError::ChecksumMismatch)
    ));
    use base64::Engine as _;
    let right = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(DOWNLOAD));
    assert_eq!(
        api.download(TOKEN, &small, 1024, Some(&right))
            .await
            .unwrap(),
        DOWNLOAD
    );
    // The media URL needs the token too.
    assert!(matches!(
        api.download("other", &small, 1024, None).await,
        Err(CloudApiError::BadResponse(_))
    ));
}

#[tokio::test]
async fn maps_documented_errors() {
    let (fake, base) = GraphOracle::start().await;
    let api = CloudApi::new(&base);
    let message = text_to("16505551234", "Hi");

    fake.answer(Answer::Json(
        StatusCode::BAD_REQUEST,
        graph_error(
            131047,
            "(#131047) Re-engagement message",
            Some("Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
        ),
    ));
    let err = api
        .send(TOKEN, PHONE_NUMBER_ID, &message)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, CloudApiError::WindowClosed { message } if message.contains("24 hours")),
        "{err:?}"
    );
    assert_eq!(err.code(), Some(131047));
    assert!(!err.is_retryable());
    fake.last();

    fake.answer(Answer::JsonRetryAfter(
        StatusCode::BAD_REQUEST,
        graph_error(
            130429,
            "(#130429) Rate limit hit",
            Some("Cloud API message throughput has been reached."),
        ),
        "7",
    ));
    let err = api
        .send(TOKEN, PHONE_NUMBER_ID, &message)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            CloudApiError::RateLimited {
                code: 130429,
                retry_after_secs: Some(7)
            }
        ),
        "{err:?}"
    );
    assert!(err.is_retryable());

    fake.answer(Answer::Json(
        StatusCode::BAD_REQUEST,
        graph_error(
            131056,
            "(#131056) (Business Account, Consumer Account) pair rate limit hit",
            None,
        ),
    ));
    let err = api
        .send(TOKEN, PHONE_NUMBER_ID, &message)
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        CloudApiError::RateLimited { code: 131056, .. }
    ));

    fake.answer(Answer::Json(
        StatusCode::UNAUTHORIZED,
        graph_error(
            190,
            "Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.",
            None,
        ),
    ));
    let err = api
        .send(TOKEN, PHONE_NUMBER_ID, &message)
        .await
        .unwrap_err();
    assert!(matches!(err, CloudApiError::TokenInvalid { .. }), "{err:?}");
    assert_eq!(err.code(), Some(190));
    assert!(!err.is_retryable());

    fake.answer(Answer::Json(
        StatusCode::BAD_REQUEST,
        graph_error(
            100,
            "(#100) Invalid parameter",
            Some("Parameter 'text.body' is too long."),
        ),
    ));
    let err = api
        .send(TOKEN, PHONE_NUMBER_ID, &message)
        .await
        .unwrap_err();
    match err {
        CloudApiError::Rejected {
            code: 100,
            ref details,
            ..
        } => assert_eq!(
            details.as_deref(),
            Some("Parameter 'text.body' is too long.")
        ),
        ref other => panic!("expected Rejected, got {other:?}"),
    }
    assert!(!err.is_retryable());

    fake.answer(Answer::Empty(StatusCode::INTERNAL_SERVER_ERROR));
    let err = api
        .send(TOKEN, PHONE_NUMBER_ID, &message)
        .await
        .unwrap_err();
    assert!(
        matches!(err, CloudApiError::Server { status: 500 }),
        "{err:?}"
    );
    assert!(err.is_retryable());
    assert_eq!(err.code(), None);

    fake.answer(Answer::Text(
        StatusCode::OK,
        "<html>not the Graph API</html>",
    ));
    let err = api
        .send(TOKEN, PHONE_NUMBER_ID, &message)
        .await
        .unwrap_err();
    assert!(matches!(err, CloudApiError::BadResponse(_)), "{err:?}");
    assert!(!err.is_retryable());

    fake.answer(Answer::Json(
        StatusCode::OK,
        json!({"messaging_product": "whatsapp", "contacts": [], "messages": []}),
    ));
    let err = api
        .send(TOKEN, PHONE_NUMBER_ID, &message)
        .await
        .unwrap_err();
    assert!(matches!(err, CloudApiError::BadResponse(_)), "{err:?}");

    // Nothing listening: a transport error, worth retrying.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let err = CloudApi::new(&format!("http://{closed}"))
        .send(TOKEN, PHONE_NUMBER_ID, &message)
        .await
        .unwrap_err();
    assert!(matches!(err, CloudApiError::Transport(_)), "{err:?}");
    assert!(err.is_retryable());
}

// ---- the emulator end to end ---------------------------------------------------------------

const APP_SECRET: &str = "emulator-app-secret";
const DEMO_NUMBER: &str = "1234567890123";

#[derive(Clone, Default)]
struct Receiver {
    posts: Arc<Mutex<Vec<Value>>>,
}

impl Receiver {
    fn matching(&self, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        self.posts.lock().unwrap().iter().find(|p| pred(p)).cloned()
    }

    fn all(&self) -> Vec<Value> {
        self.posts.lock().unwrap().clone()
    }
}

/// The app's webhook as far as the emulator can tell: checks the signature independently and
/// keeps the payloads; a bad signature is a 401 and is not kept.
async fn receive_webhook(
    State(receiver): State<Receiver>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let Some(signature) = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("sha256="))
    else {
        return StatusCode::UNAUTHORIZED;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(APP_SECRET.as_bytes()).unwrap();
    mac.update(&body);
    if mac
        .verify_slice(&hex::decode(signature).unwrap_or_default())
        .is_err()
    {
        return StatusCode::UNAUTHORIZED;
    }
    match serde_json::from_slice(&body) {
        Ok(payload) => {
            receiver.posts.lock().unwrap().push(payload);
            StatusCode::OK
        }
        Err(_) => StatusCode::BAD_REQUEST,
    }
}

struct Demo {
    api: CloudApi,
    base: String,
    http: reqwest::Client,
    receiver: Receiver,
}

impl Demo {
    async fn start() -> Demo {
        let receiver = Receiver::default();
        let webhook_base = serve(
            Router::new()
                .route("/webhooks/whatsapp", axum::routing::post(receive_webhook))
                .with_state(receiver.clone()),
        )
        .await;
        let state = EmulatorState::new(
            format!("{webhook_base}/webhooks/whatsapp"),
            APP_SECRET.into(),
        );
        state.set_status_delay(Duration::from_millis(5));
        state.register_number(DEMO_NUMBER, "15550100001");
        let base = serve(Router::new().nest("/emulator/graph", emulator::router(state))).await;
        Demo {
            api: CloudApi::new(&format!("{base}/emulator/graph")),
            base,
            http: reqwest::Client::new(),
            receiver,
        }
    }

    fn sim(&self, path: &str) -> String {
        format!("{}/emulator/graph/sim/{DEMO_NUMBER}{path}", self.base)
    }

    async fn customer(&self, name: &str, phone: Option<&str>) -> String {
        let res = self
            .http
            .post(self.sim("/customers"))
            .json(&json!({"name": name, "phone": phone}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        let customer: Value = res.json().await.unwrap();
        let user_id = customer["user_id"].as_str().unwrap().to_owned();
        assert!(
            agentdesk::whatsapp::cloud_api::is_bsuid(&user_id),
            "{user_id} is not BSUID-shaped"
        );
        user_id
    }

    async fn post_sim(&self, path: &str, body: Value) -> Value {
        let res = self
            .http
            .post(self.sim(path))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
        res.json().await.unwrap()
    }

    /// The first `messages` change carrying message `id`.
    async fn inbound(&self, id: &str) -> Value {
        let receiver = self.receiver.clone();
        let id = id.to_owned();
        eventually("the inbound message webhook", WAIT, || {
            let receiver = receiver.clone();
            let id = id.clone();
            async move {
                receiver.matching(|p| {
                    p["entry"][0]["changes"][0]["value"]["messages"][0]["id"] == id.as_str()
                })
            }
        })
        .await
    }

    /// Waits for a status webhook for message `id`.
    async fn status(&self, id: &str, status: &str) -> Value {
        let receiver = self.receiver.clone();
        let (id, status) = (id.to_owned(), status.to_owned());
        eventually(&format!("the {status} status webhook"), WAIT, || {
            let receiver = receiver.clone();
            let (id, status) = (id.clone(), status.clone());
            async move {
                receiver.matching(|p| {
                    let s = &p["entry"][0]["changes"][0]["value"]["statuses"][0];
                    s["id"] == id.as_str() && s["status"] == status.as_str()
                })
            }
        })
        .await
    }
}

fn value_of(payload: &Value) -> &Value {
    assert_eq!(payload["object"], "whatsapp_business_account");
    let change = &payload["entry"][0]["changes"][0];
    assert_eq!(change["field"], "messages");
    assert!(payload["entry"][0]["id"].is_string());
    let value = &change["value"];
    assert_eq!(value["messaging_product"], "whatsapp");
    assert_eq!(value["metadata"]["phone_number_id"], DEMO_NUMBER);
    assert_eq!(value["metadata"]["display_phone_number"], "15550100001");
    value
}

#[tokio::test]
async fn emulator_sends_signed_status_webhooks_in_order() {
    let demo = Demo::start().await;
    let user_id = demo.customer("Ada Lovelace", Some("+44 7700 900123")).await;
    let inbound_id = demo
        .post_sim(
            &format!("/customers/{user_id}/text"),
            json!({"body": "Hello, my order is late"}),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let payload = demo.inbound(&inbound_id).await;
    let value = value_of(&payload);
    let contact = &value["contacts"][0];
    assert_eq!(contact["profile"]["name"], "Ada Lovelace");
    assert_eq!(contact["wa_id"], "447700900123");
    assert_eq!(contact["user_id"], user_id.as_str());
    let message = &value["messages"][0];
    assert_eq!(message["from"], "447700900123");
    assert_eq!(message["from_user_id"], user_id.as_str());
    assert_eq!(message["type"], "text");
    assert_eq!(message["text"]["body"], "Hello, my order is late");
    assert!(
        message["timestamp"]
            .as_str()
            .unwrap()
            .parse::<u64>()
            .is_ok()
    );

    let mut reply = text_to("447700900123", "Sorry! Let me check.");
    reply.reply_to = Some(inbound_id.clone());
    let wamid = demo.api.send(TOKEN, DEMO_NUMBER, &reply).await.unwrap();
    assert!(wamid.starts_with("wamid."), "{wamid}");

    let delivered = demo.status(&wamid, "delivered").await;
    let status = &value_of(&delivered)["statuses"][0];
    assert_eq!(status["recipient_id"], "447700900123");
    assert_eq!(status["recipient_user_id"], user_id.as_str());
    assert!(status["timestamp"].is_string());
    // `sent` came first.
    let order: Vec<String> = demo
        .receiver
        .all()
        .iter()
        .filter_map(|p| {
            let s = &p["entry"][0]["changes"][0]["value"]["statuses"][0];
            (s["id"] == wamid.as_str()).then(|| s["status"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(order, ["sent", "delivered"]);

    // Addressed by BSUID in `recipient`, as the 2026 API does.
    let second = demo
        .api
        .send(TOKEN, DEMO_NUMBER, &text_to(&user_id, "Found it."))
        .await
        .unwrap();
    demo.status(&second, "delivered").await;

    // The customer opens the chat: both messages become read.
    let read = demo
        .post_sim(&format!("/customers/{user_id}/read"), json!({}))
        .await;
    assert_eq!(read["read"], 2);
    demo.status(&wamid, "read").await;
    demo.status(&second, "read").await;

    let chat: Vec<Value> = demo
        .http
        .get(demo.sim(&format!("/customers/{user_id}/messages")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(chat.len(), 3);
    assert_eq!(chat[0]["from"], "customer");
    assert_eq!(chat[1]["from"], "business");
    assert_eq!(chat[1]["text"], "Sorry! Let me check.");
    assert_eq!(chat[1]["reply_to"], inbound_id.as_str());
    assert_eq!(chat[1]["status"], "read");
    assert_eq!(chat[2]["status"], "read");
}

#[tokio::test]
async fn emulator_plays_customers_media_locations_and_button_taps() {
    let demo = Demo::start().await;
    let user_id = demo.customer("Grace", Some("15550102222")).await;
    demo.post_sim(&format!("/customers/{user_id}/text"), json!({"body": "hi"}))
        .await;

    // Business → customer media: upload, send, look up, download, as the app would.
    let pdf = b"%PDF-1.7 emulated".to_vec();
    let media_id = demo
        .api
        .upload_media(
            TOKEN,
            DEMO_NUMBER,
            pdf.clone(),
            "application/pdf",
            "terms.pdf",
        )
        .await
        .unwrap();
    let document = OutboundMessage {
        to: "15550102222".into(),
        reply_to: None,
        body: OutboundBody::Media {
            kind: OutboundMediaKind::Document,
            media_id: media_id.clone(),
            caption: Some("Our terms".into()),
            filename: Some("terms.pdf".into()),
        },
    };
    demo.api.send(TOKEN, DEMO_NUMBER, &document).await.unwrap();
    let info = demo.api.media_info(TOKEN, &media_id).await.unwrap();
    assert!(
        info.url
            .starts_with(&format!("{}/emulator/graph/", demo.base)),
        "{}",
        info.url
    );
    assert_eq!(info.file_size, Some(pdf.len() as u64));
    let downloaded = demo
        .api
        .download(TOKEN, &info.url, 1 << 20, info.sha256.as_deref())
        .await
        .unwrap();
    assert_eq!(downloaded, pdf);

    // Buttons, then the customer taps one.
    let buttons = OutboundMessage {
        to: user_id.clone(),
        reply_to: None,
        body: OutboundBody::Interactive(json!({
            "type": "button",
            "body": {"text": "Did that help?"},
            "action": {"buttons": [
                {"type": "reply", "reply": {"id": "helped", "title": "Yes, thanks"}},
                {"type": "reply", "reply": {"id": "agent", "title": "Talk to agent"}},
            ]},
        })),
    };
    let buttons_id = demo.api.send(TOKEN, DEMO_NUMBER, &buttons).await.unwrap();
    let tap = demo
        .post_sim(
            &format!("/customers/{user_id}/reply"),
            json!({"message_id": buttons_id, "reply_id": "agent"}),
        )
        .await;
    let payload = demo.inbound(tap["id"].as_str().unwrap()).await;
    let message = &value_of(&payload)["messages"][0];
    assert_eq!(message["type"], "interactive");
    assert_eq!(message["interactive"]["type"], "button_reply");
    assert_eq!(
        message["interactive"]["button_reply"],
        json!({"id": "agent", "title": "Talk to agent"})
    );
    assert_eq!(message["context"]["id"], buttons_id.as_str());
    assert_eq!(message["context"]["from"], "15550100001");

    // The customer sends a photo: uploaded into the emulator, announced by media id.
    let photo = b"\xff\xd8\xff\xe0 fake jpeg".to_vec();
    let form = reqwest::multipart::Form::new()
        .text("caption", "the box")
        .part(
            "file",
            reqwest::multipart::Part::bytes(photo.clone())
                .file_name("box.jpg")
                .mime_str("image/jpeg")
                .unwrap(),
        );
    let res = demo
        .http
        .post(demo.sim(&format!("/customers/{user_id}/media")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let sent: Value = res.json().await.unwrap();
    let payload = demo.inbound(sent["id"].as_str().unwrap()).await;
    let image = &value_of(&payload)["messages"][0]["image"];
    assert_eq!(image["mime_type"], "image/jpeg");
    assert_eq!(image["caption"], "the box");
    let photo_id = image["id"].as_str().unwrap();
    let info = demo.api.media_info(TOKEN, photo_id).await.unwrap();
    let bytes = demo
        .api
        .download(TOKEN, &info.url, 1 << 20, image["sha256"].as_str())
        .await
        .unwrap();
    assert_eq!(bytes, photo);

    // A location.
    let at = demo
        .post_sim(
            &format!("/customers/{user_id}/location"),
            json!({"latitude": 51.5072, "longitude": -0.1276, "name": "Home"}),
        )
        .await;
    let payload = demo.inbound(at["id"].as_str().unwrap()).await;
    let location = &value_of(&payload)["messages"][0]["location"];
    assert_eq!(location["latitude"], 51.5072);
    assert_eq!(location["name"], "Home");

    // The phone's view of the chat, with media links the simulator page can open.
    let chat: Vec<Value> = demo
        .http
        .get(demo.sim(&format!("/customers/{user_id}/messages")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let kinds: Vec<&str> = chat.iter().map(|m| m["type"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "text",
            "document",
            "interactive",
            "button_reply",
            "image",
            "location"
        ]
    );
    let media_url = chat[1]["media"]["url"].as_str().unwrap();
    assert!(
        media_url.starts_with("/emulator/graph/sim/media/"),
        "{media_url}"
    );
    let res = demo
        .http
        .get(format!("{}{media_url}", demo.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.bytes().await.unwrap().as_ref(), pdf.as_slice());
}

#[tokio::test]
async fn emulator_rejects_what_the_cloud_api_rejects() {
    let demo = Demo::start().await;
    let message = text_to("15550103333", "hi");
    let err = demo.api.send(" ", DEMO_NUMBER, &message).await.unwrap_err();
    assert!(matches!(err, CloudApiError::TokenInvalid { .. }), "{err:?}");

    let four_buttons = OutboundMessage {
        body: OutboundBody::Interactive(json!({
            "type": "button",
            "body": {"text": "Pick"},
            "action": {"buttons": (1..=4).map(|i| json!({"type": "reply", "reply": {"id": format!("b{i}"), "title": format!("B{i}")}})).collect::<Vec<_>>()},
        })),
        ..message.clone()
    };
    let err = demo
        .api
        .send(TOKEN, DEMO_NUMBER, &four_buttons)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, CloudApiError::Rejected { code: 100, details: Some(d), .. } if d.contains("1 to 3")),
        "{err:?}"
    );

    let unknown_media = OutboundMessage {
        body: OutboundBody::Media {
            kind: OutboundMediaKind::Image,
            media_id: "999".into(),
            caption: None,
            filename: None,
        },
        ..message
    };
    let err = demo
        .api
        .send(TOKEN, DEMO_NUMBER, &unknown_media)
        .await
        .unwrap_err();
    assert!(
        matches!(err, CloudApiError::Rejected { code: 100, .. }),
        "{err:?}"
    );

    let err = demo.api.media_info(TOKEN, "12345").await.unwrap_err();
    assert!(
        matches!(err, CloudApiError::Rejected { code: 100, .. }),
        "{err:?}"
    );

    // Simulator errors use the app's error shape.
    let res = demo
        .http
        .post(demo.sim("/customers/US.1/text"))
        .json(&json!({"body": "hi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
}
