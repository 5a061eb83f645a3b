//! A small in-memory Graph API emulator, so agentdesk can be tried (demo mode) and tested without
//! a Meta account: it answers what the app's Cloud API client calls, plays the customer's
//! phone (sent → delivered → read statuses), and offers the customer-simulator page JSON
//! endpoints under `/sim/…` to make simulated customers write, send media, share a location,
//! tap reply buttons and read. Everything it posts to the app goes through the real webhook
//! path: Meta's `whatsapp_business_account` payloads signed with `X-Hub-Signature-256`.
//!
//! Mounted by the app under `/emulator/graph`; absolute URLs it hands out (media download
//! URLs) are derived from the request's `Host` and the mount point, so it works wherever it is
//! nested.
//!
//! Graph routes (all need `Authorization: Bearer <anything non-empty>`, else Graph error 190):
//! - `POST /{phone_number_id}/messages` — send (validated like the Cloud API) or mark read.
//! - `POST /{phone_number_id}/media` — multipart upload → `{"id"}`.
//! - `GET /{media_id}` — media info with a download URL back into the emulator.
//! - `GET /media-download/{media_id}` — the bytes.
//!
//! Simulated customers are identified by business-scoped user IDs (`US.` + digits), like the
//! 2026 Cloud API does; they may also have a phone number (then payloads carry `wa_id`/`from`
//! too, and the business may address them by either).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Multipart, OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use rand::Rng as _;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};
use tokio::sync::mpsc;

/// The header Meta sends the webhook signature in.
const SIGNATURE_HEADER: &str = "X-Hub-Signature-256";

/// `sha256=` and the lowercase hex HMAC-SHA256 of the raw body under the app secret, as Meta
/// signs webhooks. Written here rather than shared with the app, so that a fault in the app's
/// check cannot be mirrored by the fake that tests it.
fn sign(app_secret: &[u8], body: &[u8]) -> String {
    use hmac::Mac as _;
    match hmac::Hmac::<Sha256>::new_from_slice(app_secret) {
        Ok(mut mac) => {
            mac.update(body);
            format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
        }
        // HMAC takes keys of any length; a bare prefix never verifies.
        Err(_) => "sha256=".to_owned(),
    }
}

/// WhatsApp's largest media (documents).
const MAX_MEDIA_BYTES: usize = 100 * 1024 * 1024;
const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
const MAX_AUDIO_VIDEO_BYTES: usize = 16 * 1024 * 1024;
/// The whole media store; the oldest files go first.
const MAX_STORE_BYTES: usize = 256 * 1024 * 1024;
/// Graph requests kept for tests to read; the oldest go first (a demo server runs for days).
const MAX_RECORDED: usize = 1_000;
/// Chat history kept for the simulator; the oldest messages go first.
const MAX_CHAT_MESSAGES: usize = 20_000;
/// The customer service window: free-form messages only this long after the customer wrote.
const SERVICE_WINDOW_SECS: u64 = 24 * 60 * 60;
/// The WhatsApp Business Account id put in `entry[].id`.
const EMULATOR_WABA_ID: &str = "100000000000001";
const DEFAULT_STATUS_DELAY: Duration = Duration::from_millis(300);

/// The emulator's in-memory world. Cheap to clone.
#[derive(Clone)]
pub struct EmulatorState {
    inner: Arc<Inner>,
}

struct Inner {
    webhook_url: String,
    app_secret: String,
    http: reqwest::Client,
    data: Arc<Mutex<Data>>,
    deliveries: mpsc::UnboundedSender<Delivery>,
    /// Taken by the delivery worker the first time something is queued inside a runtime.
    worker: Mutex<Option<mpsc::UnboundedReceiver<Delivery>>>,
}

#[derive(Default)]
struct Data {
    /// phone_number_id → display phone number.
    numbers: HashMap<String, String>,
    customers: Vec<Customer>,
    chat: VecDeque<ChatMessage>,
    media: HashMap<String, StoredMedia>,
    media_order: VecDeque<String>,
    media_bytes: usize,
    status_delay: Option<Duration>,
    /// What tests look at and steer: the Graph requests received, answers to give instead of
    /// the next sends' own, and whether sends are followed by status webhooks.
    recorded: VecDeque<GraphRequest>,
    scripted: VecDeque<(StatusCode, Value)>,
    no_status_webhooks: bool,
}

/// One Graph API request as the emulator received it: the path below the mount point
/// (`{phone_number_id}/messages`, `{phone_number_id}/media`, `{media_id}`,
/// `media-download/{media_id}`), the `Authorization` header, and the body — the JSON of a send;
/// for an upload its fields (`messaging_product`, `type`, `file` as its length in bytes and
/// `file.filename`), and `id` the media id answered; `null` for reads.
#[derive(Debug, Clone)]
pub struct GraphRequest {
    pub path: String,
    pub authorization: Option<String>,
    pub body: Value,
}

#[derive(Clone)]
struct Customer {
    phone_number_id: String,
    user_id: String,
    phone: Option<String>,
    name: String,
    username: Option<String>,
    last_inbound: Option<u64>,
}

struct StoredMedia {
    bytes: Bytes,
    mime_type: String,
    filename: Option<String>,
    sha256: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Business,
    Customer,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Accepted,
    Sent,
    Delivered,
    Read,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Accepted => "accepted",
            Status::Sent => "sent",
            Status::Delivered => "delivered",
            Status::Read => "read",
        }
    }
}

#[derive(Clone)]
enum Content {
    Text {
        body: String,
    },
    Media {
        kind: String,
        media_id: String,
        mime_type: String,
        caption: Option<String>,
        filename: Option<String>,
    },
    Interactive(Value),
    Location {
        latitude: f64,
        longitude: f64,
        name: Option<String>,
        address: Option<String>,
    },
    /// A tap on a reply button (`button_reply`) or a list row (`list_reply`).
    Reply {
        kind: &'static str,
        id: String,
        title: String,
        description: Option<String>,
    },
}

#[derive(Clone)]
struct ChatMessage {
    id: String,
    phone_number_id: String,
    user_id: String,
    from: Side,
    timestamp: u64,
    content: Content,
    reply_to: Option<String>,
    status: Status,
}

struct Delivery {
    not_before: tokio::time::Instant,
    body: Vec<u8>,
    /// Applied to the stored message when this status webhook goes out.
    status_update: Option<(String, Status)>,
}

/// A simulated customer as the simulator page sees it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SimCustomer {
    pub phone_number_id: String,
    /// The business-scoped user ID.
    pub user_id: String,
    pub phone: Option<String>,
    pub name: String,
    pub username: Option<String>,
}

impl From<&Customer> for SimCustomer {
    fn from(c: &Customer) -> Self {
        SimCustomer {
            phone_number_id: c.phone_number_id.clone(),
            user_id: c.user_id.clone(),
            phone: c.phone.clone(),
            name: c.name.clone(),
            username: c.username.clone(),
        }
    }
}

/// What a simulator action can fail with; rendered as the app's JSON error shape.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("no such customer")]
    UnknownCustomer,
    #[error("no such message")]
    UnknownMessage,
    #[error("{0}")]
    Invalid(String),
}

impl IntoResponse for SimError {
    fn into_response(self) -> Response {
        let (status, code) = match self {
            SimError::UnknownCustomer | SimError::UnknownMessage => {
                (StatusCode::NOT_FOUND, "not_found")
            }
            SimError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        };
        (
            status,
            Json(json!({"error": {"code": code, "message": self.to_string()}})),
        )
            .into_response()
    }
}

impl EmulatorState {
    /// `webhook_url` is the app's `POST /webhooks/whatsapp`; `app_secret` signs what is posted.
    pub fn new(webhook_url: String, app_secret: String) -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        EmulatorState {
            inner: Arc::new(Inner {
                webhook_url,
                app_secret,
                http,
                data: Arc::new(Mutex::new(Data::default())),
                deliveries: tx,
                worker: Mutex::new(Some(rx)),
            }),
        }
    }

    /// The pause before each of the `sent` and `delivered` webhooks (300 ms by default), so the
    /// demo looks like a phone and the app has stored the `wamid` before statuses arrive.
    pub fn set_status_delay(&self, delay: Duration) {
        self.data().status_delay = Some(delay);
    }

    /// The Graph API requests received so far (the last 1,000), oldest first.
    pub fn recorded(&self) -> Vec<GraphRequest> {
        self.data().recorded.iter().cloned().collect()
    }

    /// The next send (`POST /{phone_number_id}/messages`) is recorded and answered with this
    /// status and body instead of being carried out: how tests play Meta's errors. Answers queue.
    pub fn script_answer(&self, status: u16, body: Value) {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        self.data().scripted.push_back((status, body));
    }

    /// Turns off the `sent`/`delivered` webhooks that follow each send (on by default), for
    /// tests that post statuses themselves.
    pub fn without_status_webhooks(&self) {
        self.data().no_status_webhooks = true;
    }

    /// Serves `bytes` as media `media_id`, as if a customer had sent it (no checks: tests use
    /// this to hand the app files WhatsApp would never carry).
    pub fn add_media(&self, media_id: &str, mime_type: &str, bytes: Vec<u8>) {
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let mut data = self.data();
        data.media_bytes += bytes.len();
        data.media_order.push_back(media_id.to_owned());
        data.media.insert(
            media_id.to_owned(),
            StoredMedia {
                bytes: Bytes::from(bytes),
                mime_type: mime_type.to_owned(),
                filename: None,
                sha256,
            },
        );
    }

    fn record(&self, path: String, headers: &HeaderMap, body: Value) {
        let authorization = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut data = self.data();
        if data.recorded.len() >= MAX_RECORDED {
            data.recorded.pop_front();
        }
        data.recorded.push_back(GraphRequest {
            path,
            authorization,
            body,
        });
    }

    /// Names the display phone number of a WhatsApp number (`metadata.display_phone_number`);
    /// unknown numbers use their id.
    pub fn register_number(&self, phone_number_id: &str, display_phone_number: &str) {
        self.data()
            .numbers
            .insert(phone_number_id.to_owned(), display_phone_number.to_owned());
    }

    /// Creates a simulated customer of a number, or returns the one with the same phone.
    pub fn add_customer(
        &self,
        phone_number_id: &str,
        name: &str,
        phone: Option<&str>,
        username: Option<&str>,
        country: Option<&str>,
    ) -> Result<SimCustomer, SimError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(SimError::Invalid(
                "name must have 1 to 100 characters".into(),
            ));
        }
        let phone = match phone.map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => Some(
                normalize_phone(p)
                    .ok_or_else(|| SimError::Invalid("phone must be 6 to 15 digits".into()))?,
            ),
            None => None,
        };
        let country = country.unwrap_or("US").trim().to_ascii_uppercase();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(SimError::Invalid("country must be two letters".into()));
        }
        let mut data = self.data();
        if let Some(phone) = &phone
            && let Some(existing) = data
                .customers
                .iter()
                .find(|c| c.phone_number_id == phone_number_id && c.phone.as_ref() == Some(phone))
        {
            return Ok(existing.into());
        }
        let customer = Customer {
            phone_number_id: phone_number_id.to_owned(),
            user_id: new_bsuid(&country, phone.as_deref()),
            phone,
            name: name.to_owned(),
            username: username
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(str::to_owned),
            last_inbound: None,
        };
        let view = SimCustomer::from(&customer);
        data.customers.push(customer);
        Ok(view)
    }

    /// The simulated customers of a number, in creation order.
    pub fn customers(&self, phone_number_id: &str) -> Vec<SimCustomer> {
        self.data()
            .customers
            .iter()
            .filter(|c| c.phone_number_id == phone_number_id)
            .map(SimCustomer::from)
            .collect()
    }

    /// The chat between a number and a customer as the customer's phone shows it, oldest
    /// first. `media_base` prefixes media URLs (`{media_base}/sim/media/{id}`).
    fn chat_view(
        &self,
        phone_number_id: &str,
        user_id: &str,
        media_base: &str,
    ) -> Result<Vec<Value>, SimError> {
        let data = self.data();
        find_customer(&data, phone_number_id, user_id)?;
        Ok(data
            .chat
            .iter()
            .filter(|m| m.phone_number_id == phone_number_id && m.user_id == user_id)
            .map(|m| chat_message_view(m, media_base))
            .collect())
    }

    /// A simulated customer writes text; returns the new message's `wamid`.
    pub fn customer_text(
        &self,
        phone_number_id: &str,
        user_id: &str,
        body: &str,
        reply_to: Option<&str>,
    ) -> Result<String, SimError> {
        if body.trim().is_empty() || body.chars().count() > 4096 {
            return Err(SimError::Invalid(
                "text must have 1 to 4096 characters".into(),
            ));
        }
        self.customer_message(
            phone_number_id,
            user_id,
            Content::Text {
                body: body.to_owned(),
            },
            reply_to,
        )
    }

    /// A simulated customer sends a file (image, video, audio or document by MIME type);
    /// the bytes go into the media store first, as on WhatsApp. Returns `(wamid, media_id)`.
    pub fn customer_media(
        &self,
        phone_number_id: &str,
        user_id: &str,
        bytes: Bytes,
        mime_type: &str,
        filename: Option<&str>,
        caption: Option<&str>,
    ) -> Result<(String, String), SimError> {
        find_customer(&self.data(), phone_number_id, user_id)?;
        let kind = media_kind_for(mime_type);
        let media_id = self
            .store_media(bytes, mime_type, filename)
            .map_err(|(_, details)| SimError::Invalid(details))?;
        let id = self.customer_message(
            phone_number_id,
            user_id,
            Content::Media {
                kind: kind.to_owned(),
                media_id: media_id.clone(),
                mime_type: mime_type.to_owned(),
                caption: caption
                    .filter(|c| !c.trim().is_empty() && kind != "audio")
                    .map(str::to_owned),
                filename: filename.map(str::to_owned),
            },
            None,
        )?;
        Ok((id, media_id))
    }

    /// A simulated customer shares a location.
    pub fn customer_location(
        &self,
        phone_number_id: &str,
        user_id: &str,
        latitude: f64,
        longitude: f64,
        name: Option<&str>,
        address: Option<&str>,
    ) -> Result<String, SimError> {
        if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
            return Err(SimError::Invalid(
                "latitude or longitude out of range".into(),
            ));
        }
        self.customer_message(
            phone_number_id,
            user_id,
            Content::Location {
                latitude,
                longitude,
                name: name.map(str::to_owned),
                address: address.map(str::to_owned),
            },
            None,
        )
    }

    /// A simulated customer taps reply button (or list row) `reply_id` of the business's
    /// interactive message `message_id`.
    pub fn customer_taps(
        &self,
        phone_number_id: &str,
        user_id: &str,
        message_id: &str,
        reply_id: &str,
    ) -> Result<String, SimError> {
        let content = {
            let data = self.data();
            let message = data
                .chat
                .iter()
                .find(|m| {
                    m.id == message_id
                        && m.phone_number_id == phone_number_id
                        && m.user_id == user_id
                        && m.from == Side::Business
                })
                .ok_or(SimError::UnknownMessage)?;
            let Content::Interactive(interactive) = &message.content else {
                return Err(SimError::Invalid("that message has no buttons".into()));
            };
            interactive_choice(interactive, reply_id)
                .ok_or_else(|| SimError::Invalid("no such button in that message".into()))?
        };
        self.customer_message(phone_number_id, user_id, content, Some(message_id))
    }

    /// The customer opens the chat: every business message not yet read becomes `read`
    /// (one status webhook each). Returns how many.
    pub fn customer_reads(&self, phone_number_id: &str, user_id: &str) -> Result<usize, SimError> {
        let (customer, ids) = {
            let mut data = self.data();
            let customer = find_customer(&data, phone_number_id, user_id)?.clone();
            let mut ids = Vec::new();
            for m in data.chat.iter_mut().filter(|m| {
                m.phone_number_id == phone_number_id
                    && m.user_id == user_id
                    && m.from == Side::Business
                    && m.status < Status::Read
            }) {
                m.status = Status::Read;
                ids.push(m.id.clone());
            }
            (customer, ids)
        };
        for id in &ids {
            self.queue_status(&customer, id, Status::Read, Duration::ZERO);
        }
        Ok(ids.len())
    }

    fn customer_message(
        &self,
        phone_number_id: &str,
        user_id: &str,
        content: Content,
        reply_to: Option<&str>,
    ) -> Result<String, SimError> {
        let now = unix_now();
        let id = new_wamid();
        let (customer, display, reply_context) = {
            let mut data = self.data();
            let display = display_number(&data, phone_number_id);
            let reply_context = match reply_to {
                Some(reply_to) => {
                    let quoted = data
                        .chat
                        .iter()
                        .find(|m| {
                            m.id == reply_to
                                && m.phone_number_id == phone_number_id
                                && m.user_id == user_id
                        })
                        .ok_or(SimError::UnknownMessage)?;
                    let from = match quoted.from {
                        Side::Business => display.clone(),
                        Side::Customer => user_id.to_owned(),
                    };
                    Some(json!({"from": from, "id": reply_to}))
                }
                None => None,
            };
            let customer = data
                .customers
                .iter_mut()
                .find(|c| c.phone_number_id == phone_number_id && c.user_id == user_id)
                .ok_or(SimError::UnknownCustomer)?;
            customer.last_inbound = Some(now);
            let customer = customer.clone();
            push_chat(
                &mut data,
                ChatMessage {
                    id: id.clone(),
                    phone_number_id: phone_number_id.to_owned(),
                    user_id: user_id.to_owned(),
                    from: Side::Customer,
                    timestamp: now,
                    content: content.clone(),
                    reply_to: reply_to.map(str::to_owned),
                    status: Status::Delivered,
                },
            );
            (customer, display, reply_context)
        };

        let mut message = json!({
            "from_user_id": customer.user_id,
            "id": id,
            "timestamp": now.to_string(),
        });
        if let Some(phone) = &customer.phone {
            message["from"] = json!(phone);
        }
        if let Some(context) = reply_context {
            message["context"] = context;
        }
        match &content {
            Content::Text { body } => {
                message["type"] = json!("text");
                message["text"] = json!({"body": body});
            }
            Content::Media {
                kind,
                media_id,
                mime_type,
                caption,
                filename,
            } => {
                let sha256 = self
                    .data()
                    .media
                    .get(media_id)
                    .map(|m| m.sha256.clone())
                    .unwrap_or_default();
                let mut media = json!({"id": media_id, "mime_type": mime_type, "sha256": sha256});
                if let Some(caption) = caption {
                    media["caption"] = json!(caption);
                }
                if let (Some(filename), "document") = (filename, kind.as_str()) {
                    media["filename"] = json!(filename);
                }
                message["type"] = json!(kind);
                message[kind.as_str()] = media;
            }
            Content::Location {
                latitude,
                longitude,
                name,
                address,
            } => {
                let mut location = json!({"latitude": latitude, "longitude": longitude});
                if let Some(name) = name {
                    location["name"] = json!(name);
                }
                if let Some(address) = address {
                    location["address"] = json!(address);
                }
                message["type"] = json!("location");
                message["location"] = location;
            }
            Content::Reply {
                kind,
                id: reply_id,
                title,
                description,
            } => {
                let mut choice = json!({"id": reply_id, "title": title});
                if let Some(description) = description {
                    choice["description"] = json!(description);
                }
                let mut interactive = json!({"type": kind});
                interactive[*kind] = choice;
                message["type"] = json!("interactive");
                message["interactive"] = interactive;
            }
            Content::Interactive(_) => {
                return Err(SimError::Invalid(
                    "customers cannot send interactive messages".into(),
                ));
            }
        }

        let mut profile = json!({"name": customer.name});
        if let Some(username) = &customer.username {
            profile["username"] = json!(username);
        }
        let mut contact = json!({"profile": profile, "user_id": customer.user_id});
        if let Some(phone) = &customer.phone {
            contact["wa_id"] = json!(phone);
        }
        let value = json!({
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": display, "phone_number_id": phone_number_id},
            "contacts": [contact],
            "messages": [message],
        });
        self.queue_webhook(value, Duration::ZERO, None);
        Ok(id)
    }

    fn queue_status(&self, customer: &Customer, message_id: &str, status: Status, delay: Duration) {
        if self.data().no_status_webhooks {
            return;
        }
        let display = display_number(&self.data(), &customer.phone_number_id);
        let mut entry = json!({
            "id": message_id,
            "status": status.as_str(),
            "timestamp": unix_now().to_string(),
            "recipient_user_id": customer.user_id,
        });
        if let Some(phone) = &customer.phone {
            entry["recipient_id"] = json!(phone);
        }
        if status != Status::Read {
            entry["pricing"] = json!({
                "billable": false,
                "pricing_model": "PMP",
                "category": "service",
                "type": "free_customer_service",
            });
        }
        let mut contact = json!({"user_id": customer.user_id});
        if let Some(phone) = &customer.phone {
            contact["wa_id"] = json!(phone);
        }
        if let (Some(username), true) = (&customer.username, status != Status::Sent) {
            contact["profile"] = json!({"username": username});
        }
        let value = json!({
            "messaging_product": "whatsapp",
            "metadata": {
                "display_phone_number": display,
                "phone_number_id": customer.phone_number_id,
            },
            "contacts": [contact],
            "statuses": [entry],
        });
        self.queue_webhook(value, delay, Some((message_id.to_owned(), status)));
    }

    fn queue_webhook(
        &self,
        value: Value,
        delay: Duration,
        status_update: Option<(String, Status)>,
    ) {
        let payload = json!({
            "object": "whatsapp_business_account",
            "entry": [{
                "id": EMULATOR_WABA_ID,
                "changes": [{"value": value, "field": "messages"}],
            }],
        });
        let body = serde_json::to_vec(&payload).unwrap_or_default();
        self.start_worker();
        let delivery = Delivery {
            not_before: tokio::time::Instant::now() + delay,
            body,
            status_update,
        };
        if self.inner.deliveries.send(delivery).is_err() {
            tracing::warn!("emulator webhook queue is closed");
        }
    }

    /// Webhooks go out one at a time, in order, from a single task started on first use
    /// (`new` may run outside a runtime).
    fn start_worker(&self) {
        let mut slot = self
            .inner
            .worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if slot.is_none() {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        if let Some(rx) = slot.take() {
            runtime.spawn(deliver_webhooks(
                rx,
                self.inner.http.clone(),
                self.inner.webhook_url.clone(),
                self.inner.app_secret.clone(),
                Arc::clone(&self.inner.data),
            ));
        }
    }

    fn data(&self) -> MutexGuard<'_, Data> {
        self.inner
            .data
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Stores media; the error is a Graph `(code, details)`.
    fn store_media(
        &self,
        bytes: Bytes,
        mime_type: &str,
        filename: Option<&str>,
    ) -> Result<String, (i64, String)> {
        let limit = if mime_type.starts_with("image/") {
            MAX_IMAGE_BYTES
        } else if mime_type.starts_with("audio/") || mime_type.starts_with("video/") {
            MAX_AUDIO_VIDEO_BYTES
        } else {
            MAX_MEDIA_BYTES
        };
        if bytes.is_empty() {
            return Err((131053, "The uploaded file is empty.".into()));
        }
        if bytes.len() > limit {
            return Err((
                131053,
                format!("Media file size too big. Max file size for {mime_type} is {limit} bytes."),
            ));
        }
        let id = new_numeric_id();
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let mut data = self.data();
        while data.media_bytes + bytes.len() > MAX_STORE_BYTES {
            let Some(oldest) = data.media_order.pop_front() else {
                break;
            };
            if let Some(old) = data.media.remove(&oldest) {
                data.media_bytes -= old.bytes.len();
            }
        }
        data.media_bytes += bytes.len();
        data.media_order.push_back(id.clone());
        data.media.insert(
            id.clone(),
            StoredMedia {
                bytes,
                mime_type: mime_type.to_owned(),
                filename: filename.map(str::to_owned),
                sha256,
            },
        );
        Ok(id)
    }
}

/// The emulator's routes; mount with `Router::nest("/emulator/graph", router(state))`.
pub fn router(state: EmulatorState) -> Router {
    Router::new()
        .route("/{id}/messages", post(send_message))
        .route("/{id}/media", post(upload_media))
        .route("/{id}", get(media_info))
        .route("/media-download/{media_id}", get(download_media))
        .route("/sim/numbers", get(sim_numbers))
        .route("/sim/media/{media_id}", get(sim_media))
        .route(
            "/sim/{phone_number_id}/customers",
            get(sim_customers).post(sim_add_customer),
        )
        .route(
            "/sim/{phone_number_id}/customers/{user_id}/messages",
            get(sim_messages),
        )
        .route(
            "/sim/{phone_number_id}/customers/{user_id}/text",
            post(sim_text),
        )
        .route(
            "/sim/{phone_number_id}/customers/{user_id}/media",
            post(sim_media_upload),
        )
        .route(
            "/sim/{phone_number_id}/customers/{user_id}/location",
            post(sim_location),
        )
        .route(
            "/sim/{phone_number_id}/customers/{user_id}/reply",
            post(sim_reply),
        )
        .route(
            "/sim/{phone_number_id}/customers/{user_id}/read",
            post(sim_read),
        )
        .layer(DefaultBodyLimit::max(MAX_MEDIA_BYTES + 1024 * 1024))
        .with_state(state)
}

// ---- Graph API handlers -------------------------------------------------------------------

/// A Graph error body as the Cloud API sends it.
fn graph_error(status: StatusCode, code: i64, message: &str, details: Option<&str>) -> Response {
    let mut error = json!({
        "message": message,
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": new_trace_id(),
    });
    if let Some(details) = details {
        error["error_data"] = json!({"messaging_product": "whatsapp", "details": details});
    }
    (status, Json(json!({ "error": error }))).into_response()
}

fn invalid_parameter(details: &str) -> Response {
    graph_error(
        StatusCode::BAD_REQUEST,
        100,
        "(#100) Invalid parameter",
        Some(details),
    )
}

fn has_bearer(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|token| !token.trim().is_empty())
}

fn missing_token() -> Response {
    graph_error(
        StatusCode::UNAUTHORIZED,
        190,
        "Invalid OAuth access token - Cannot parse access token",
        None,
    )
}

async fn send_message(
    State(state): State<EmulatorState>,
    Path(phone_number_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let parsed = serde_json::from_slice::<Value>(&body);
    state.record(
        format!("{phone_number_id}/messages"),
        &headers,
        parsed.as_ref().cloned().unwrap_or(Value::Null),
    );
    if !has_bearer(&headers) {
        return missing_token();
    }
    let scripted = state.data().scripted.pop_front();
    if let Some((status, answer)) = scripted {
        return (status, Json(answer)).into_response();
    }
    let Ok(request) = parsed else {
        return invalid_parameter("The request body is not valid JSON.");
    };
    if request.get("messaging_product").and_then(Value::as_str) != Some("whatsapp") {
        return invalid_parameter("messaging_product must be \"whatsapp\".");
    }
    if request.get("status").is_some() {
        return mark_read(&state, &phone_number_id, &request);
    }
    let content = match validate_message(&request) {
        Ok(content) => content,
        Err(details) => return invalid_parameter(&details),
    };
    let to = request.get("to").and_then(Value::as_str);
    let recipient = request.get("recipient").and_then(Value::as_str);
    let now = unix_now();
    let id = new_wamid();

    let (customer, input, by_phone) = {
        let mut data = state.data();
        let content = match content {
            Content::Media {
                kind,
                media_id,
                caption,
                filename,
                ..
            } => match data.media.get(&media_id) {
                Some(stored) => Content::Media {
                    kind,
                    mime_type: stored.mime_type.clone(),
                    filename: filename.or_else(|| stored.filename.clone()),
                    media_id,
                    caption,
                },
                None => return invalid_parameter("Unknown media id."),
            },
            other => other,
        };
        // `to` wins over `recipient` when both are present, as documented.
        let (customer, input, by_phone) = match (to.and_then(normalize_phone), recipient) {
            (Some(phone), _) => {
                let found = data.customers.iter().find(|c| {
                    c.phone_number_id == phone_number_id && c.phone.as_deref() == Some(&phone)
                });
                let customer = match found {
                    Some(c) => c.clone(),
                    None => {
                        let c = Customer {
                            phone_number_id: phone_number_id.clone(),
                            user_id: new_bsuid("US", Some(&phone)),
                            phone: Some(phone.clone()),
                            name: format!("+{phone}"),
                            username: None,
                            last_inbound: None,
                        };
                        data.customers.push(c.clone());
                        c
                    }
                };
                (customer, to.unwrap_or_default().to_owned(), true)
            }
            (None, Some(user_id)) if to.is_none() => {
                let found = data
                    .customers
                    .iter()
                    .find(|c| c.phone_number_id == phone_number_id && c.user_id == user_id);
                let customer = match found {
                    Some(c) => c.clone(),
                    None => {
                        let c = Customer {
                            phone_number_id: phone_number_id.clone(),
                            user_id: user_id.to_owned(),
                            phone: None,
                            name: user_id.to_owned(),
                            username: None,
                            last_inbound: None,
                        };
                        data.customers.push(c.clone());
                        c
                    }
                };
                (customer, user_id.to_owned(), false)
            }
            _ => return invalid_parameter("Invalid recipient: `to` must be a phone number."),
        };
        // Customers who have written get the 24-hour window enforced; recipients the emulator
        // never heard from (demo data seeded straight into the database) are let through.
        if customer
            .last_inbound
            .is_some_and(|t| now.saturating_sub(t) > SERVICE_WINDOW_SECS)
        {
            return graph_error(
                StatusCode::BAD_REQUEST,
                131047,
                "(#131047) Re-engagement message",
                Some(
                    "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
                ),
            );
        }
        push_chat(
            &mut data,
            ChatMessage {
                id: id.clone(),
                phone_number_id: phone_number_id.clone(),
                user_id: customer.user_id.clone(),
                from: Side::Business,
                timestamp: now,
                content,
                reply_to: request
                    .pointer("/context/message_id")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                status: Status::Accepted,
            },
        );
        (customer, input, by_phone)
    };

    let delay = state.data().status_delay.unwrap_or(DEFAULT_STATUS_DELAY);
    state.queue_status(&customer, &id, Status::Sent, delay);
    state.queue_status(&customer, &id, Status::Delivered, delay);

    let contact = if by_phone {
        json!({"input": input, "wa_id": customer.phone})
    } else {
        json!({"input": input, "user_id": customer.user_id})
    };
    Json(json!({
        "messaging_product": "whatsapp",
        "contacts": [contact],
        "messages": [{"id": id}],
    }))
    .into_response()
}

/// `{"messaging_product":"whatsapp","status":"read","message_id"}` → `{"success":true}`.
fn mark_read(state: &EmulatorState, phone_number_id: &str, request: &Value) -> Response {
    if request.get("status").and_then(Value::as_str) != Some("read") {
        return invalid_parameter("status must be \"read\".");
    }
    let Some(message_id) = request.get("message_id").and_then(Value::as_str) else {
        return invalid_parameter("message_id is required.");
    };
    let mut data = state.data();
    let Some(message) = data.chat.iter_mut().find(|m| {
        m.id == message_id && m.phone_number_id == phone_number_id && m.from == Side::Customer
    }) else {
        return invalid_parameter("Unknown message_id.");
    };
    message.status = Status::Read;
    Json(json!({"success": true})).into_response()
}

/// Checks a send-message body against the Cloud API's documented format and limits.
fn validate_message(request: &Value) -> Result<Content, String> {
    let to = request.get("to");
    let recipient = request.get("recipient");
    match (to, recipient) {
        (None, None) => return Err("Either `to` or `recipient` is required.".into()),
        (Some(to), _) if !to.is_string() => return Err("`to` must be a string.".into()),
        (_, Some(r)) if !r.is_string() => return Err("`recipient` must be a string.".into()),
        _ => {}
    }
    if let Some(kind) = request.get("recipient_type")
        && kind.as_str() != Some("individual")
    {
        return Err("recipient_type must be \"individual\".".into());
    }
    if let Some(context) = request.get("context")
        && !context.get("message_id").is_some_and(Value::is_string)
    {
        return Err("context.message_id must be a string.".into());
    }
    let Some(kind) = request.get("type").and_then(Value::as_str) else {
        return Err("`type` is required.".into());
    };
    let Some(object) = request.get(kind).filter(|o| o.is_object()) else {
        return Err(format!("The `{kind}` object is required for type {kind}."));
    };
    match kind {
        "text" => {
            let body = str_field(object, "body").ok_or("text.body is required.")?;
            check_len("text.body", body, 1, 4096)?;
            if object.get("preview_url").is_some_and(|v| !v.is_boolean()) {
                return Err("text.preview_url must be a boolean.".into());
            }
            Ok(Content::Text {
                body: body.to_owned(),
            })
        }
        "image" | "video" | "audio" | "document" | "sticker" => {
            let id = str_field(object, "id");
            if object.get("link").is_some() {
                return Err(format!(
                    "{kind}.link is not supported by the emulator; upload and use {kind}.id."
                ));
            }
            let id = id.ok_or_else(|| format!("{kind}.id is required."))?;
            let caption = str_field(object, "caption");
            if let Some(caption) = caption {
                if matches!(kind, "audio" | "sticker") {
                    return Err(format!("{kind} messages do not take a caption."));
                }
                check_len(&format!("{kind}.caption"), caption, 0, 1024)?;
            }
            let filename = str_field(object, "filename");
            if filename.is_some() && kind != "document" {
                return Err("Only documents take a filename.".into());
            }
            Ok(Content::Media {
                kind: kind.to_owned(),
                media_id: id.to_owned(),
                mime_type: String::new(),
                caption: caption.map(str::to_owned),
                filename: filename.map(str::to_owned),
            })
        }
        "interactive" => {
            validate_interactive(object)?;
            Ok(Content::Interactive(object.clone()))
        }
        other => Err(format!(
            "Message type {other} is not supported by the emulator."
        )),
    }
}

fn validate_interactive(interactive: &Value) -> Result<(), String> {
    let kind = str_field(interactive, "type").ok_or("interactive.type is required.")?;
    let body = interactive
        .pointer("/body/text")
        .and_then(Value::as_str)
        .ok_or("interactive.body.text is required.")?;
    check_len("interactive.body.text", body, 1, 1024)?;
    if let Some(footer) = interactive.pointer("/footer/text").and_then(Value::as_str) {
        check_len("interactive.footer.text", footer, 1, 60)?;
    }
    if let Some(header) = interactive.get("header") {
        match str_field(header, "type") {
            Some("text") => check_len(
                "interactive.header.text",
                str_field(header, "text").unwrap_or_default(),
                1,
                60,
            )?,
            Some(media @ ("image" | "video" | "document")) => {
                let object = header.get(media);
                if !object.is_some_and(|o| o.get("id").is_some() || o.get("link").is_some()) {
                    return Err(format!("interactive.header.{media} needs an id or link."));
                }
            }
            _ => return Err("interactive.header.type is invalid.".into()),
        }
    }
    let action = interactive
        .get("action")
        .filter(|a| a.is_object())
        .ok_or("interactive.action is required.")?;
    match kind {
        "button" => {
            let buttons = action
                .get("buttons")
                .and_then(Value::as_array)
                .ok_or("interactive.action.buttons is required.")?;
            if buttons.is_empty() || buttons.len() > 3 {
                return Err("An interactive button message has 1 to 3 buttons.".into());
            }
            let mut seen = Vec::new();
            for button in buttons {
                if str_field(button, "type") != Some("reply") {
                    return Err("Button type must be \"reply\".".into());
                }
                let id = button
                    .pointer("/reply/id")
                    .and_then(Value::as_str)
                    .ok_or("Button reply.id is required.")?;
                let title = button
                    .pointer("/reply/title")
                    .and_then(Value::as_str)
                    .ok_or("Button reply.title is required.")?;
                check_len("Button reply.id", id, 1, 256)?;
                check_len("Button reply.title", title, 1, 20)?;
                if seen.contains(&id) || seen.contains(&title) {
                    return Err("Button ids and titles must be unique.".into());
                }
                seen.push(id);
                seen.push(title);
            }
            Ok(())
        }
        "list" => {
            let button = str_field(action, "button").ok_or("action.button is required.")?;
            check_len("action.button", button, 1, 20)?;
            let sections = action
                .get("sections")
                .and_then(Value::as_array)
                .ok_or("action.sections is required.")?;
            if sections.is_empty() || sections.len() > 10 {
                return Err("A list has 1 to 10 sections.".into());
            }
            let mut rows_total = 0;
            for section in sections {
                match str_field(section, "title") {
                    Some(title) => check_len("section.title", title, 1, 24)?,
                    None if sections.len() > 1 => {
                        return Err("section.title is required with several sections.".into());
                    }
                    None => {}
                }
                let rows = section
                    .get("rows")
                    .and_then(Value::as_array)
                    .ok_or("section.rows is required.")?;
                if rows.is_empty() {
                    return Err("A section has at least one row.".into());
                }
                for row in rows {
                    check_len("row.id", str_field(row, "id").unwrap_or_default(), 1, 200)?;
                    check_len(
                        "row.title",
                        str_field(row, "title").unwrap_or_default(),
                        1,
                        24,
                    )?;
                    if let Some(description) = str_field(row, "description") {
                        check_len("row.description", description, 0, 72)?;
                    }
                }
                rows_total += rows.len();
            }
            if rows_total > 10 {
                return Err("A list has at most 10 rows.".into());
            }
            Ok(())
        }
        "cta_url" => {
            if str_field(action, "name") != Some("cta_url") {
                return Err("action.name must be \"cta_url\".".into());
            }
            let text = action
                .pointer("/parameters/display_text")
                .and_then(Value::as_str)
                .ok_or("action.parameters.display_text is required.")?;
            check_len("action.parameters.display_text", text, 1, 20)?;
            let url = action
                .pointer("/parameters/url")
                .and_then(Value::as_str)
                .ok_or("action.parameters.url is required.")?;
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err("action.parameters.url must be an http(s) URL.".into());
            }
            Ok(())
        }
        other => Err(format!(
            "Interactive type {other} is not supported by the emulator."
        )),
    }
}

async fn upload_media(
    State(state): State<EmulatorState>,
    Path(phone_number_id): Path<String>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let mut seen = serde_json::Map::new();
    let response = upload(&state, &headers, multipart, &mut seen).await;
    state.record(
        format!("{phone_number_id}/media"),
        &headers,
        Value::Object(seen),
    );
    response
}

async fn upload(
    state: &EmulatorState,
    headers: &HeaderMap,
    mut multipart: Multipart,
    seen: &mut serde_json::Map<String, Value>,
) -> Response {
    if !has_bearer(headers) {
        return missing_token();
    }
    let mut product = None;
    let mut declared_type = None;
    let mut file = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return invalid_parameter("The multipart body could not be read."),
        };
        match field.name().unwrap_or_default() {
            "messaging_product" => {
                product = field.text().await.ok();
                seen.insert("messaging_product".into(), json!(product));
            }
            "type" => {
                declared_type = field.text().await.ok();
                seen.insert("type".into(), json!(declared_type));
            }
            "file" => {
                let filename = field.file_name().map(str::to_owned);
                let part_type = field.content_type().map(str::to_owned);
                seen.insert("file.filename".into(), json!(filename));
                match field.bytes().await {
                    Ok(bytes) => {
                        seen.insert("file".into(), json!(bytes.len()));
                        file = Some((bytes, filename, part_type));
                    }
                    Err(_) => return invalid_parameter("The file part could not be read."),
                }
            }
            _ => {}
        }
    }
    if product.as_deref() != Some("whatsapp") {
        return invalid_parameter("messaging_product must be \"whatsapp\".");
    }
    let Some(mime) = declared_type.filter(|t| t.contains('/')) else {
        return invalid_parameter("The `type` part (a MIME type) is required.");
    };
    let Some((bytes, filename, _)) = file else {
        return invalid_parameter("The `file` part is required.");
    };
    match state.store_media(bytes, &mime, filename.as_deref()) {
        Ok(id) => {
            seen.insert("id".into(), json!(id));
            Json(json!({ "id": id })).into_response()
        }
        Err((code, details)) => graph_error(
            StatusCode::BAD_REQUEST,
            code,
            "(#131053) Media upload error",
            Some(&details),
        ),
    }
}

async fn media_info(
    State(state): State<EmulatorState>,
    Path(media_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    OriginalUri(original): OriginalUri,
) -> Response {
    state.record(media_id.clone(), &headers, Value::Null);
    if !has_bearer(&headers) {
        return missing_token();
    }
    let data = state.data();
    let Some(media) = data.media.get(&media_id) else {
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            &format!(
                "Unsupported get request. Object with ID '{media_id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation."
            ),
            None,
        );
    };
    let url = format!(
        "{}/media-download/{media_id}",
        absolute_base(&headers, &uri, &original)
    );
    Json(json!({
        "messaging_product": "whatsapp",
        "url": url,
        "mime_type": media.mime_type,
        "sha256": media.sha256,
        "file_size": media.bytes.len(),
        "id": media_id,
    }))
    .into_response()
}

async fn download_media(
    State(state): State<EmulatorState>,
    Path(media_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    state.record(format!("media-download/{media_id}"), &headers, Value::Null);
    if !has_bearer(&headers) {
        return missing_token();
    }
    media_bytes(&state, &media_id)
}

fn media_bytes(state: &EmulatorState, media_id: &str) -> Response {
    let data = state.data();
    match data.media.get(media_id) {
        Some(media) => {
            let content_type = HeaderValue::from_str(&media.mime_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            (
                [
                    (header::CONTENT_TYPE, content_type),
                    (
                        header::X_CONTENT_TYPE_OPTIONS,
                        HeaderValue::from_static("nosniff"),
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        HeaderValue::from_static("attachment"),
                    ),
                ],
                media.bytes.clone(),
            )
                .into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

// ---- customer simulator (`/sim/…`) -------------------------------------------------------

async fn sim_numbers(State(state): State<EmulatorState>) -> Json<Value> {
    let data = state.data();
    let mut numbers: Vec<Value> = data
        .numbers
        .iter()
        .map(|(id, display)| json!({"phone_number_id": id, "display_phone_number": display}))
        .collect();
    numbers.sort_by(|a, b| {
        a["phone_number_id"]
            .as_str()
            .cmp(&b["phone_number_id"].as_str())
    });
    Json(Value::Array(numbers))
}

async fn sim_media(State(state): State<EmulatorState>, Path(media_id): Path<String>) -> Response {
    media_bytes(&state, &media_id)
}

async fn sim_customers(
    State(state): State<EmulatorState>,
    Path(phone_number_id): Path<String>,
) -> Json<Vec<SimCustomer>> {
    Json(state.customers(&phone_number_id))
}

#[derive(Deserialize)]
struct NewCustomer {
    name: String,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    country: Option<String>,
}

async fn sim_add_customer(
    State(state): State<EmulatorState>,
    Path(phone_number_id): Path<String>,
    Json(new): Json<NewCustomer>,
) -> Result<(StatusCode, Json<SimCustomer>), SimError> {
    let customer = state.add_customer(
        &phone_number_id,
        &new.name,
        new.phone.as_deref(),
        new.username.as_deref(),
        new.country.as_deref(),
    )?;
    Ok((StatusCode::CREATED, Json(customer)))
}

async fn sim_messages(
    State(state): State<EmulatorState>,
    Path((phone_number_id, user_id)): Path<(String, String)>,
    uri: Uri,
    OriginalUri(original): OriginalUri,
) -> Result<Json<Vec<Value>>, SimError> {
    let base = mount_prefix(&uri, &original);
    Ok(Json(state.chat_view(&phone_number_id, &user_id, &base)?))
}

#[derive(Deserialize)]
struct NewText {
    body: String,
    #[serde(default)]
    reply_to: Option<String>,
}

async fn sim_text(
    State(state): State<EmulatorState>,
    Path((phone_number_id, user_id)): Path<(String, String)>,
    Json(new): Json<NewText>,
) -> Result<(StatusCode, Json<Value>), SimError> {
    let id = state.customer_text(
        &phone_number_id,
        &user_id,
        &new.body,
        new.reply_to.as_deref(),
    )?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

async fn sim_media_upload(
    State(state): State<EmulatorState>,
    Path((phone_number_id, user_id)): Path<(String, String)>,
    mut multipart: Multipart,
) -> Result<(StatusCode, Json<Value>), SimError> {
    let mut caption = None;
    let mut file = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| SimError::Invalid("the upload could not be read".into()))?
    {
        match field.name().unwrap_or_default() {
            "caption" => caption = field.text().await.ok(),
            "file" => {
                let filename = field.file_name().map(str::to_owned);
                let mime = field
                    .content_type()
                    .filter(|t| t.contains('/') && *t != "application/octet-stream")
                    .map(str::to_owned)
                    .or_else(|| {
                        filename
                            .as_deref()
                            .and_then(|f| mime_guess::from_path(f).first_raw())
                            .map(str::to_owned)
                    })
                    .unwrap_or_else(|| "application/octet-stream".into());
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| SimError::Invalid("the file could not be read".into()))?;
                file = Some((bytes, mime, filename));
            }
            _ => {}
        }
    }
    let (bytes, mime, filename) = file.ok_or(SimError::Invalid("a file is required".into()))?;
    let (id, media_id) = state.customer_media(
        &phone_number_id,
        &user_id,
        bytes,
        &mime,
        filename.as_deref(),
        caption.as_deref(),
    )?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"id": id, "media_id": media_id})),
    ))
}

#[derive(Deserialize)]
struct NewLocation {
    latitude: f64,
    longitude: f64,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    address: Option<String>,
}

async fn sim_location(
    State(state): State<EmulatorState>,
    Path((phone_number_id, user_id)): Path<(String, String)>,
    Json(new): Json<NewLocation>,
) -> Result<(StatusCode, Json<Value>), SimError> {
    let id = state.customer_location(
        &phone_number_id,
        &user_id,
        new.latitude,
        new.longitude,
        new.name.as_deref(),
        new.address.as_deref(),
    )?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

#[derive(Deserialize)]
struct NewTap {
    message_id: String,
    reply_id: String,
}

async fn sim_reply(
    State(state): State<EmulatorState>,
    Path((phone_number_id, user_id)): Path<(String, String)>,
    Json(tap): Json<NewTap>,
) -> Result<(StatusCode, Json<Value>), SimError> {
    let id = state.customer_taps(&phone_number_id, &user_id, &tap.message_id, &tap.reply_id)?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

async fn sim_read(
    State(state): State<EmulatorState>,
    Path((phone_number_id, user_id)): Path<(String, String)>,
) -> Result<Json<Value>, SimError> {
    let read = state.customer_reads(&phone_number_id, &user_id)?;
    Ok(Json(json!({ "read": read })))
}

// ---- helpers ------------------------------------------------------------------------------

fn find_customer<'a>(
    data: &'a Data,
    phone_number_id: &str,
    user_id: &str,
) -> Result<&'a Customer, SimError> {
    data.customers
        .iter()
        .find(|c| c.phone_number_id == phone_number_id && c.user_id == user_id)
        .ok_or(SimError::UnknownCustomer)
}

fn display_number(data: &Data, phone_number_id: &str) -> String {
    data.numbers
        .get(phone_number_id)
        .cloned()
        .unwrap_or_else(|| phone_number_id.to_owned())
}

fn push_chat(data: &mut Data, message: ChatMessage) {
    if data.chat.len() >= MAX_CHAT_MESSAGES {
        data.chat.pop_front();
    }
    data.chat.push_back(message);
}

/// The button or list row `reply_id` of a business's interactive message, as the customer's
/// tap reports it.
fn interactive_choice(interactive: &Value, reply_id: &str) -> Option<Content> {
    match str_field(interactive, "type")? {
        "button" => interactive
            .pointer("/action/buttons")?
            .as_array()?
            .iter()
            .filter_map(|b| b.get("reply"))
            .find(|r| str_field(r, "id") == Some(reply_id))
            .map(|r| Content::Reply {
                kind: "button_reply",
                id: reply_id.to_owned(),
                title: str_field(r, "title").unwrap_or_default().to_owned(),
                description: None,
            }),
        "list" => interactive
            .pointer("/action/sections")?
            .as_array()?
            .iter()
            .filter_map(|s| s.get("rows").and_then(Value::as_array))
            .flatten()
            .find(|r| str_field(r, "id") == Some(reply_id))
            .map(|r| Content::Reply {
                kind: "list_reply",
                id: reply_id.to_owned(),
                title: str_field(r, "title").unwrap_or_default().to_owned(),
                description: str_field(r, "description").map(str::to_owned),
            }),
        _ => None,
    }
}

/// One chat message as the simulator page shows it.
fn chat_message_view(m: &ChatMessage, media_base: &str) -> Value {
    let mut view = json!({
        "id": m.id,
        "from": match m.from { Side::Business => "business", Side::Customer => "customer" },
        "timestamp": m.timestamp,
        "status": m.status.as_str(),
        "reply_to": m.reply_to,
    });
    match &m.content {
        Content::Text { body } => {
            view["type"] = json!("text");
            view["text"] = json!(body);
        }
        Content::Media {
            kind,
            media_id,
            mime_type,
            caption,
            filename,
        } => {
            view["type"] = json!(kind);
            view["caption"] = json!(caption);
            view["media"] = json!({
                "id": media_id,
                "mime_type": mime_type,
                "filename": filename,
                "url": format!("{media_base}/sim/media/{media_id}"),
            });
        }
        Content::Interactive(interactive) => {
            view["type"] = json!("interactive");
            view["interactive"] = interactive.clone();
        }
        Content::Location {
            latitude,
            longitude,
            name,
            address,
        } => {
            view["type"] = json!("location");
            view["location"] = json!({
                "latitude": latitude, "longitude": longitude, "name": name, "address": address,
            });
        }
        Content::Reply {
            kind,
            id,
            title,
            description,
        } => {
            view["type"] = json!(kind);
            view["reply"] = json!({"id": id, "title": title, "description": description});
        }
    }
    view
}

/// Where the emulator is mounted (`/emulator/graph`), from the nested and the original URI.
fn mount_prefix(uri: &Uri, original: &Uri) -> String {
    original
        .path()
        .strip_suffix(uri.path())
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned()
}

/// `http://host/prefix`, as the client reached the emulator.
fn absolute_base(headers: &HeaderMap, uri: &Uri, original: &Uri) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| original.authority().map(|a| a.as_str()))
        .unwrap_or("localhost");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .filter(|p| *p == "https")
        .unwrap_or("http");
    format!("{scheme}://{host}{}", mount_prefix(uri, original))
}

fn media_kind_for(mime_type: &str) -> &'static str {
    match mime_type.split('/').next() {
        Some("image") => "image",
        Some("video") => "video",
        Some("audio") => "audio",
        _ => "document",
    }
}

fn str_field<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

fn check_len(what: &str, value: &str, min: usize, max: usize) -> Result<(), String> {
    let len = value.chars().count();
    if len < min || len > max {
        Err(format!("{what} must have {min} to {max} characters."))
    } else {
        Ok(())
    }
}

/// Digits only (a leading `+`, spaces and dashes dropped), 6 to 15 of them.
fn normalize_phone(phone: &str) -> Option<String> {
    let digits: String = phone
        .chars()
        .filter(|c| !matches!(c, '+' | ' ' | '-' | '(' | ')'))
        .collect();
    (digits.len() >= 6 && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(digits)
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn new_wamid() -> String {
    let bytes: [u8; 24] = rand::thread_rng().r#gen();
    format!(
        "wamid.{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// A business-scoped user ID: country code, a dot, 20 digits. Customers with a phone number
/// keep the same id across restarts (it is derived from the number), as Meta's BSUIDs are
/// stable; phone-less customers get a random one.
fn new_bsuid(country: &str, phone: Option<&str>) -> String {
    let number = match phone {
        Some(phone) => {
            let digest = Sha256::digest(format!("agentdesk-emulator-bsuid:{phone}"));
            let mut first = [0u8; 16];
            first.copy_from_slice(&digest[..16]);
            u128::from_be_bytes(first)
        }
        None => rand::thread_rng().r#gen(),
    };
    format!("{country}.{:020}", number % 10u128.pow(20))
}

fn new_numeric_id() -> String {
    rand::thread_rng()
        .gen_range(1_000_000_000_000_000u64..10_000_000_000_000_000)
        .to_string()
}

fn new_trace_id() -> String {
    let bytes: [u8; 8] = rand::thread_rng().r#gen();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Posts queued webhooks in order, each after its `not_before`, retrying a few times like
/// Meta does; gives up quietly when the app keeps refusing (demo only).
async fn deliver_webhooks(
    mut rx: mpsc::UnboundedReceiver<Delivery>,
    http: reqwest::Client,
    url: String,
    app_secret: String,
    data: Arc<Mutex<Data>>,
) {
    while let Some(delivery) = rx.recv().await {
        tokio::time::sleep_until(delivery.not_before).await;
        if let Some((id, status)) = &delivery.status_update {
            let mut data = data.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(m) = data.chat.iter_mut().find(|m| &m.id == id) {
                m.status = m.status.max(*status);
            }
        }
        let signature = sign(app_secret.as_bytes(), &delivery.body);
        let mut backoff = Duration::from_millis(200);
        for attempt in 1..=4 {
            let result = http
                .post(&url)
                .header(header::CONTENT_TYPE, "application/json")
                .header(SIGNATURE_HEADER, &signature)
                .body(delivery.body.clone())
                .send()
                .await;
            match result {
                Ok(res) if res.status().is_success() => break,
                Ok(res)
                    if res.status().is_client_error()
                        && res.status() != StatusCode::TOO_MANY_REQUESTS =>
                {
                    tracing::warn!(
                        status = res.status().as_u16(),
                        "app refused an emulator webhook"
                    );
                    break;
                }
                Ok(res) => {
                    tracing::debug!(
                        status = res.status().as_u16(),
                        attempt,
                        "emulator webhook failed"
                    )
                }
                Err(err) => {
                    tracing::debug!(error = %err.without_url(), attempt, "emulator webhook failed")
                }
            }
            if attempt < 4 {
                tokio::time::sleep(backoff).await;
                backoff *= 3;
            } else {
                tracing::warn!("gave up delivering an emulator webhook");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsuids_have_the_documented_shape() {
        // Two upper-case letters of the country, a dot, then letters and digits.
        let shaped = |id: &str| {
            id.split_once('.').is_some_and(|(country, rest)| {
                country.len() == 2
                    && country.bytes().all(|b| b.is_ascii_uppercase())
                    && !rest.is_empty()
                    && rest.bytes().all(|b| b.is_ascii_alphanumeric())
            })
        };
        let id = new_bsuid("US", None);
        assert!(shaped(&id), "{id}");
        let stable = new_bsuid("BR", Some("5511999990000"));
        assert!(shaped(&stable), "{stable}");
        assert_eq!(stable, new_bsuid("BR", Some("5511999990000")));
        assert_ne!(stable, new_bsuid("BR", Some("5511999990001")));
    }

    #[test]
    fn validates_the_documented_body() {
        let ok = json!({"messaging_product": "whatsapp", "recipient_type": "individual",
            "to": "15551234567", "type": "text", "text": {"body": "hi"}});
        assert!(validate_message(&ok).is_ok());
        let mut bad = ok.clone();
        bad["text"]["body"] = json!("");
        assert!(validate_message(&bad).is_err());
        let mut bad = ok.clone();
        bad.as_object_mut().map(|o| o.remove("to"));
        assert!(validate_message(&bad).is_err());
        let buttons = json!({"type": "button", "body": {"text": "Pick"}, "action": {"buttons": [
            {"type": "reply", "reply": {"id": "a", "title": "Yes"}},
            {"type": "reply", "reply": {"id": "b", "title": "No"}}]}});
        assert!(validate_interactive(&buttons).is_ok());
        let mut four = buttons.clone();
        four["action"]["buttons"] = json!([1, 2, 3, 4]);
        assert!(validate_interactive(&four).is_err());
        let choice = interactive_choice(&buttons, "b");
        assert!(matches!(choice, Some(Content::Reply { title, .. }) if title == "No"));
    }

    #[test]
    fn mount_prefix_from_nested_uri() {
        let uri: Uri = "/123".parse().unwrap();
        let original: Uri = "/emulator/graph/123".parse().unwrap();
        assert_eq!(mount_prefix(&uri, &original), "/emulator/graph");
        assert_eq!(mount_prefix(&uri, &uri), "");
    }
}
