//! Parsing a WhatsApp Cloud API webhook POST body (`object: "whatsapp_business_account"`,
//! `entry[].changes[].value`) into domain events: inbound customer messages and delivery
//! statuses of what we sent. Pure: no I/O, no database. The signature must already have been
//! checked over the raw bytes ([`super::signature::verify`]) before this runs.
//!
//! Robustness rules: every entry, change, message and status is walked (Meta batches); changes
//! whose `field` is not `messages` are ignored; timestamps arrive as strings (numbers are accepted
//! too); unknown fields are ignored; one malformed message becomes
//! [`MessageContent::Unsupported`] (or, when it cannot be routed or deduplicated at all — no
//! `id`, no timestamp, no sender — is skipped with a `warn!` naming the reason) instead of failing
//! the batch. Only a body that is not JSON, not an object, or not a `whatsapp_business_account`
//! notification is an error. Logs carry ids and reasons, never message content or phone numbers.
//!
//! # Business-scoped user IDs (BSUIDs)
//!
//! Researched 2026 (Meta's page was only reachable through excerpts and mirrors; field names
//! below agree across all of them):
//!
//! * Meta, "Business-scoped user IDs":
//!   <https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids/>
//!   — users may adopt a username and hide their phone number; Meta then identifies them by a
//!   BSUID, "assigned to the `user_id` parameter", present "in all messages webhooks, regardless
//!   of whether or not the user has enabled the username feature". Format: ISO country code, a
//!   dot, up to 128 alphanumerics (`US.13491208655302741918`); a *parent* BSUID shared across a
//!   business's portfolios is `parent_user_id` (`US.ENT.11815799212886844830`). The username is
//!   `contacts[].profile.username`. Meta's own example puts `"user_id": "<BSUID>"` on
//!   `contacts[]`, next to `profile.{name, username}` and without `wa_id`.
//! * Dualhook's summary of Meta's changes, <https://dualhook.com/docs/contacts-bsuid-webhooks>
//!   and <https://dualhook.com/docs/webhook-events> ("message webhooks include new BSUID fields
//!   (`user_id`, `from_user_id`) and some existing fields (`wa_id`, `from`) may be omitted"):
//!   incoming messages carry `contacts[].user_id` always, `contacts[].wa_id` only when the phone
//!   number may be shared, `messages[].from_user_id` (and `from` only with a phone number).
//!   Statuses carry `statuses[].recipient_user_id` (plus `recipient_parent_user_id` when parent
//!   BSUIDs are on); `recipient_id` (the phone) can be missing; failed statuses have no
//!   `contacts` and omit `recipient_user_id` when the message had been sent to a phone number.
//! * Issue trackers implementing it: vercel/chat#794 ("exposed as `user_id` / `from_user_id`
//!   (and `recipient_user_id` on status webhooks)"), codigoencasa/builderbot#1233 ("once
//!   usernames ship the from/wa_id fields may contain a BSUID").
//! * Sending to a BSUID: <https://dualhook.com/docs/contacts-bsuid-api-changes> — the Messages
//!   API takes the BSUID (or parent BSUID) in a new `recipient` field instead of `to` (if both
//!   are sent, `to` wins); error 131062 "Business-scoped User ID recipients are not supported
//!   for this message" (authentication templates still need phone numbers). That side lives in
//!   `cloud_api.rs`.
//!
//! So here: `customer_id` is the first of `messages[].from_user_id`, the matched
//! `contacts[].user_id`, `messages[].from`, `contacts[].wa_id`; `customer_phone` is `from` /
//! `wa_id` only when it looks like a phone number (not a BSUID). A status's `recipient` prefers
//! `recipient_user_id` over `recipient_id`. Parent BSUIDs are not used (they are only sent when
//! a business enables them). Not found in any source: `from_parent_user_id` is assumed by
//! symmetry and ignored.

pub use agentdesk_core::domain::content::{MediaKind, MessageContent, SharedContact};
use agentdesk_core::domain::text;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The `object` of WhatsApp Business Account notifications.
pub const OBJECT: &str = "whatsapp_business_account";

/// One thing a webhook delivery tells us.
// A handful of these live for one request; unboxed keeps matching on them plain.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum WebhookEvent {
    Message(InboundMessage),
    Status(StatusUpdate),
}

/// A message a customer sent to one of our numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct InboundMessage {
    /// `value.metadata.phone_number_id`: which of our numbers received it (the routing key).
    pub phone_number_id: String,
    pub display_phone_number: Option<String>,
    /// `messages[].id`, the dedup key.
    pub wamid: String,
    /// The customer's identity: their BSUID when the payload has one, else their phone number
    /// (`wa_id`) for older payloads. See the module docs.
    pub customer_id: String,
    /// The customer's phone number, only if the payload still carries one.
    pub customer_phone: Option<String>,
    /// The customer's BSUID, when the payload carries one. With `customer_phone` it links the
    /// two identities of one customer (a contact first known by one is found by the other).
    pub customer_bsuid: Option<String>,
    /// `contacts[].profile.name` of the contact matching this sender.
    pub profile_name: Option<String>,
    /// `contacts[].profile.username`: the WhatsApp username (2026), if the user adopted one.
    /// Display only: users can change it; it is not an identity.
    pub customer_username: Option<String>,
    /// Unix seconds.
    pub timestamp: i64,
    /// The message this one quotes (a swipe-reply), if any.
    pub context: Option<ReplyContext>,
    pub content: MessageContent,
}

/// `messages[].context` of a quoted reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyContext {
    /// `context.id`: the quoted message.
    pub wamid: String,
    /// `context.from`: who sent the quoted message (our display number when quoting us).
    pub from: Option<String>,
}

/// Delivery status of a message we sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    Sent,
    Delivered,
    Read,
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Read => "read",
            DeliveryStatus::Failed => "failed",
        }
    }

    /// Progress order, so callers can refuse downgrades (webhooks arrive out of order):
    /// sent 1 < delivered 2 < read 3. `Failed` is 0 and must be handled separately (it is not
    /// "less" than sent; it ends the message's progress).
    pub fn rank(self) -> u8 {
        match self {
            DeliveryStatus::Failed => 0,
            DeliveryStatus::Sent => 1,
            DeliveryStatus::Delivered => 2,
            DeliveryStatus::Read => 3,
        }
    }

    /// The Cloud API's status string; `None` for ones we don't track (`deleted`, `warning`, …).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "sent" => DeliveryStatus::Sent,
            "delivered" => DeliveryStatus::Delivered,
            "read" => DeliveryStatus::Read,
            "failed" => DeliveryStatus::Failed,
            _ => return None,
        })
    }
}

/// A status change of a message we sent.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusUpdate {
    pub phone_number_id: String,
    /// `statuses[].id`: the wamid of our message.
    pub wamid: String,
    pub status: DeliveryStatus,
    pub timestamp: i64,
    /// `recipient_user_id` (BSUID) if present, else `recipient_id` (phone).
    pub recipient: Option<String>,
    /// `statuses[].errors[]`, usually on `failed`.
    pub errors: Vec<StatusError>,
}

/// One entry of `statuses[].errors[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusError {
    /// Cloud API error code, e.g. 131047 (more than 24 hours since the customer last wrote);
    /// 0 if Meta sent none.
    pub code: i64,
    pub title: String,
    pub message: Option<String>,
    /// `error_data.details`.
    pub details: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PayloadError {
    #[error("webhook body is not valid JSON: {0}")]
    NotJson(#[source] serde_json::Error),
    #[error("webhook body is not a JSON object")]
    NotAnObject,
    #[error("webhook body is not a {OBJECT} notification (object: {0:?})")]
    WrongObject(Option<String>),
}

/// Parses a webhook POST body into events, in payload order (entries, then changes, then
/// messages before statuses within a change).
pub fn parse(body: &[u8]) -> Result<Vec<WebhookEvent>, PayloadError> {
    let root: Value = serde_json::from_slice(body).map_err(PayloadError::NotJson)?;
    let Value::Object(root) = root else {
        return Err(PayloadError::NotAnObject);
    };
    match root.get("object") {
        Some(Value::String(object)) if object == OBJECT => {}
        Some(Value::String(object)) => return Err(PayloadError::WrongObject(Some(object.clone()))),
        Some(other) => return Err(PayloadError::WrongObject(Some(other.to_string()))),
        None => return Err(PayloadError::WrongObject(None)),
    }
    let mut events = Vec::new();
    for entry in array(root.get("entry")) {
        for change in array(entry.get("changes")) {
            if change.get("field").and_then(Value::as_str) != Some("messages") {
                continue;
            }
            match change.get("value").and_then(Value::as_object) {
                Some(value) => parse_value(value, &mut events),
                None => tracing::warn!("webhook change without a value object skipped"),
            }
        }
    }
    Ok(events)
}

/// One `changes[].value` of field `messages`.
fn parse_value(value: &Map<String, Value>, out: &mut Vec<WebhookEvent>) {
    let metadata = value.get("metadata");
    let Some(phone_number_id) = metadata.and_then(|m| text(m, "phone_number_id")) else {
        tracing::warn!("webhook change without metadata.phone_number_id skipped");
        return;
    };
    let display_phone_number = metadata
        .and_then(|m| text(m, "display_phone_number"))
        .map(str::to_owned);
    let contacts: Vec<Contact<'_>> = array(value.get("contacts"))
        .iter()
        .map(Contact::from_value)
        .collect();

    for message in array(value.get("messages")) {
        match parse_message(message, &contacts) {
            Ok(parsed) => out.push(WebhookEvent::Message(
                parsed.routed(phone_number_id, display_phone_number.as_deref()),
            )),
            Err(reason) => {
                let wamid = message.get("id").and_then(Value::as_str);
                tracing::warn!(phone_number_id, wamid, reason, "webhook message skipped");
            }
        }
    }

    for status in array(value.get("statuses")) {
        let wamid = status.get("id").and_then(Value::as_str);
        match parse_status(status, phone_number_id) {
            Ok(Some(update)) => out.push(WebhookEvent::Status(update)),
            Ok(None) => {
                let state = status.get("status").and_then(Value::as_str);
                tracing::debug!(
                    phone_number_id,
                    wamid,
                    state,
                    "webhook status not tracked; skipped"
                );
            }
            Err(reason) => {
                tracing::warn!(phone_number_id, wamid, reason, "webhook status skipped");
            }
        }
    }
}

/// The identifying parts of one `value.contacts[]` entry.
#[derive(Debug, Default)]
struct Contact<'a> {
    user_id: Option<&'a str>,
    wa_id: Option<&'a str>,
    name: Option<&'a str>,
    username: Option<&'a str>,
}

impl<'a> Contact<'a> {
    fn from_value(v: &'a Value) -> Self {
        let profile = v.get("profile");
        Contact {
            user_id: text(v, "user_id"),
            wa_id: text(v, "wa_id"),
            name: profile.and_then(|p| text(p, "name")),
            username: profile.and_then(|p| text(p, "username")),
        }
    }

    /// No identifier of the contact contradicts the sender's identifier of the same kind.
    fn consistent_with(&self, from_user_id: Option<&str>, from: Option<&str>) -> bool {
        let clash =
            |a: Option<&str>, b: Option<&str>| matches!((a, b), (Some(x), Some(y)) if x != y);
        !clash(self.user_id, from_user_id) && !clash(self.wa_id, from)
    }

    /// Some identifier of the contact equals some identifier of the sender.
    fn shares_id_with(&self, from_user_id: Option<&str>, from: Option<&str>) -> bool {
        [self.user_id, self.wa_id]
            .into_iter()
            .flatten()
            .any(|c| [from_user_id, from].into_iter().flatten().any(|m| m == c))
    }
}

/// The contact entry describing this sender: the one sharing an id with it, or else the only
/// contact of the change when nothing contradicts it (e.g. `from` is a phone number and the
/// contact carries only a BSUID).
fn match_contact<'c, 'a>(
    contacts: &'c [Contact<'a>],
    from_user_id: Option<&str>,
    from: Option<&str>,
) -> Option<&'c Contact<'a>> {
    contacts
        .iter()
        .find(|c| c.shares_id_with(from_user_id, from) && c.consistent_with(from_user_id, from))
        .or_else(|| match contacts {
            [only] if only.consistent_with(from_user_id, from) => Some(only),
            _ => None,
        })
}

impl InboundMessage {
    fn routed(self, phone_number_id: &str, display_phone_number: Option<&str>) -> Self {
        InboundMessage {
            phone_number_id: phone_number_id.to_owned(),
            display_phone_number: display_phone_number.map(str::to_owned),
            ..self
        }
    }
}

/// Everything but the routing fields, which [`InboundMessage::routed`] fills in.
fn parse_message(
    message: &Value,
    contacts: &[Contact<'_>],
) -> Result<InboundMessage, &'static str> {
    if !message.is_object() {
        return Err("message is not an object");
    }
    let wamid = text(message, "id").ok_or("message without an id")?;
    let timestamp = message
        .get("timestamp")
        .and_then(parse_timestamp)
        .ok_or("message without a valid timestamp")?;

    let from_user_id = text(message, "from_user_id");
    let from = text(message, "from");
    let contact = match_contact(contacts, from_user_id, from);
    let customer_id = from_user_id
        .or(contact.and_then(|c| c.user_id))
        .or(from)
        .or(contact.and_then(|c| c.wa_id))
        .ok_or("message without a sender (no from_user_id, user_id, from or wa_id)")?;
    let customer_phone = from
        .filter(|p| looks_like_phone(p))
        .or(contact
            .and_then(|c| c.wa_id)
            .filter(|p| looks_like_phone(p)))
        .map(str::to_owned);
    let customer_bsuid = from_user_id
        .or(contact.and_then(|c| c.user_id))
        .or(from.filter(|f| !looks_like_phone(f)))
        .map(str::to_owned);

    let context = message.get("context").and_then(|ctx| {
        text(ctx, "id").map(|id| ReplyContext {
            wamid: id.to_owned(),
            from: owned(ctx, "from"),
        })
    });

    Ok(InboundMessage {
        phone_number_id: String::new(),
        display_phone_number: None,
        wamid: wamid.to_owned(),
        customer_id: customer_id.to_owned(),
        customer_phone,
        customer_bsuid,
        profile_name: contact
            .and_then(|c| c.name)
            .map(text::clean)
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        customer_username: contact.and_then(|c| c.username).map(str::to_owned),
        timestamp,
        context,
        content: parse_content(message),
    })
}

fn parse_content(message: &Value) -> MessageContent {
    let message_type = message.get("type").and_then(Value::as_str).unwrap_or("");
    if let Some(kind) = MediaKind::parse(message_type) {
        return media(kind, message.get(message_type));
    }
    match message_type {
        "text" => match message
            .get("text")
            .and_then(|t| t.get("body"))
            .and_then(Value::as_str)
        {
            Some(body) => MessageContent::Text {
                body: body.to_owned(),
            },
            None => malformed("text", "text.body is missing"),
        },
        "location" => location(message.get("location")),
        "contacts" => shared_contacts(message.get("contacts")),
        "interactive" => interactive(message.get("interactive")),
        "button" => {
            let button = message.get("button");
            match button.and_then(|b| b.get("text")).and_then(Value::as_str) {
                Some(label) => MessageContent::Button {
                    payload: button.and_then(|b| owned(b, "payload")),
                    text: label.to_owned(),
                },
                None => malformed("button", "button.text is missing"),
            }
        }
        "reaction" => {
            let reaction = message.get("reaction");
            match reaction.and_then(|r| text(r, "message_id")) {
                Some(target) => MessageContent::Reaction {
                    target_wamid: target.to_owned(),
                    emoji: reaction.and_then(|r| owned(r, "emoji")),
                },
                None => malformed("reaction", "reaction.message_id is missing"),
            }
        }
        other => unsupported(other, message),
    }
}

fn malformed(kind: &str, what: &str) -> MessageContent {
    MessageContent::Unsupported {
        kind: kind.to_owned(),
        detail: Some(format!("malformed {kind} message: {what}")),
    }
}

fn media(kind: MediaKind, object: Option<&Value>) -> MessageContent {
    let Some(object) = object.filter(|o| o.is_object()) else {
        return malformed(kind.as_str(), "media object is missing");
    };
    let Some(media_id) = text(object, "id") else {
        return malformed(kind.as_str(), "media id is missing");
    };
    MessageContent::Media {
        kind,
        media_id: Some(media_id.to_owned()),
        mime_type: owned(object, "mime_type"),
        sha256: owned(object, "sha256"),
        caption: owned(object, "caption"),
        // A customer's file name is shown to agents and sent back when they download it.
        filename: text(object, "filename").map(|f| text::file_name(f, "document")),
        voice: kind == MediaKind::Audio
            && object.get("voice").and_then(Value::as_bool) == Some(true),
    }
}

fn location(object: Option<&Value>) -> MessageContent {
    let Some(object) = object.filter(|o| o.is_object()) else {
        return malformed("location", "location object is missing");
    };
    let coordinate = |key: &str, limit: f64| {
        object
            .get(key)
            .and_then(Value::as_f64)
            .filter(|x| x.is_finite() && x.abs() <= limit)
    };
    match (coordinate("latitude", 90.0), coordinate("longitude", 180.0)) {
        (Some(latitude), Some(longitude)) => MessageContent::Location {
            latitude,
            longitude,
            name: owned(object, "name"),
            address: owned(object, "address"),
            url: owned(object, "url"),
        },
        _ => malformed("location", "latitude/longitude missing or out of range"),
    }
}

fn shared_contacts(list: Option<&Value>) -> MessageContent {
    let Some(list) = list.and_then(Value::as_array) else {
        return malformed("contacts", "contacts array is missing");
    };
    let contacts: Vec<SharedContact> = list
        .iter()
        .filter_map(|card| {
            let name_object = card.get("name");
            let name = name_object
                .and_then(|n| text(n, "formatted_name"))
                .map(str::to_owned)
                .or_else(|| {
                    let parts: Vec<&str> = ["first_name", "middle_name", "last_name"]
                        .into_iter()
                        .filter_map(|k| name_object.and_then(|n| text(n, k)))
                        .collect();
                    (!parts.is_empty()).then(|| parts.join(" "))
                })
                .or_else(|| card.get("org").and_then(|o| owned(o, "company")))
                .unwrap_or_default();
            let phones: Vec<String> = array(card.get("phones"))
                .iter()
                .filter_map(|p| text(p, "phone").or_else(|| text(p, "wa_id")))
                .map(str::to_owned)
                .collect();
            (!name.is_empty() || !phones.is_empty()).then_some(SharedContact { name, phones })
        })
        .collect();
    if contacts.is_empty() {
        return malformed("contacts", "no contact card with a name or phone");
    }
    MessageContent::Contacts { contacts }
}

fn interactive(object: Option<&Value>) -> MessageContent {
    let Some(object) = object.filter(|o| o.is_object()) else {
        return malformed("interactive", "interactive object is missing");
    };
    let (reply, list) = match object.get("type").and_then(Value::as_str) {
        Some("button_reply") => (object.get("button_reply"), false),
        Some("list_reply") => (object.get("list_reply"), true),
        Some(other) => {
            // e.g. `nfm_reply` (a completed WhatsApp Flow): not shown in the inbox yet.
            return MessageContent::Unsupported {
                kind: "interactive".to_owned(),
                detail: Some(format!("interactive reply of type {other}")),
            };
        }
        None => return malformed("interactive", "interactive.type is missing"),
    };
    let id = reply.and_then(|r| text(r, "id"));
    let title = reply.and_then(|r| r.get("title")).and_then(Value::as_str);
    match (id, title) {
        (Some(id), Some(title)) => MessageContent::InteractiveReply {
            id: id.to_owned(),
            title: title.to_owned(),
            description: if list {
                reply.and_then(|r| owned(r, "description"))
            } else {
                None
            },
            list,
        },
        _ => malformed("interactive", "reply id or title is missing"),
    }
}

fn unsupported(message_type: &str, message: &Value) -> MessageContent {
    let inner = message.get("unsupported").and_then(|u| text(u, "type"));
    let kind = match (message_type, inner) {
        ("unsupported", Some(inner)) => inner,
        ("", _) => "unknown",
        (t, _) => t,
    };
    let from_errors = array(message.get("errors")).first().and_then(|error| {
        let title = text(error, "title").or_else(|| text(error, "message"));
        let details = error
            .get("error_data")
            .and_then(|d| text(d, "details"))
            .or_else(|| text(error, "details"));
        match (title, details) {
            (Some(t), Some(d)) if t != d => Some(format!("{t}: {d}")),
            (Some(t), _) => Some(t.to_owned()),
            (None, Some(d)) => Some(d.to_owned()),
            (None, None) => None,
        }
    });
    // `system` messages (number or BSUID changed) explain themselves in `system.body`.
    let detail = from_errors.or_else(|| message.get("system").and_then(|s| owned(s, "body")));
    MessageContent::Unsupported {
        kind: kind.to_owned(),
        detail,
    }
}

/// `Ok(None)`: a well-formed status we don't track (`deleted`, `warning`, …).
fn parse_status(
    status: &Value,
    phone_number_id: &str,
) -> Result<Option<StatusUpdate>, &'static str> {
    if !status.is_object() {
        return Err("status is not an object");
    }
    let wamid = text(status, "id").ok_or("status without an id")?;
    let Some(state) = status
        .get("status")
        .and_then(Value::as_str)
        .and_then(DeliveryStatus::parse)
    else {
        return Ok(None);
    };
    let timestamp = status
        .get("timestamp")
        .and_then(parse_timestamp)
        .ok_or("status without a valid timestamp")?;
    let errors = array(status.get("errors"))
        .iter()
        .filter_map(|error| {
            let code = error.get("code").and_then(parse_timestamp);
            let title = text(error, "title").or_else(|| text(error, "message"));
            if code.is_none() && title.is_none() {
                return None;
            }
            Some(StatusError {
                code: code.unwrap_or(0),
                title: title.unwrap_or("Unknown error").to_owned(),
                message: owned(error, "message"),
                details: error.get("error_data").and_then(|d| owned(d, "details")),
            })
        })
        .collect();
    Ok(Some(StatusUpdate {
        phone_number_id: phone_number_id.to_owned(),
        wamid: wamid.to_owned(),
        status: state,
        timestamp,
        recipient: text(status, "recipient_user_id")
            .or_else(|| text(status, "recipient_id"))
            .map(str::to_owned),
        errors,
    }))
}

/// The elements of a JSON array, or none if the value is missing or not an array.
fn array(value: Option<&Value>) -> &[Value] {
    value
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// A non-empty string field.
fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn owned(value: &Value, key: &str) -> Option<String> {
    text(value, key).map(str::to_owned)
}

/// An integer sent as a JSON string (Meta's way for timestamps) or number.
fn parse_timestamp(value: &Value) -> Option<i64> {
    match value {
        Value::String(s) => s.trim().parse().ok(),
        Value::Number(n) => n.as_i64(),
        _ => None,
    }
}

/// Phone numbers / `wa_id`s are digits (maybe a leading `+`); BSUIDs start with a country code
/// and a dot.
fn looks_like_phone(s: &str) -> bool {
    let digits = s.strip_prefix('+').unwrap_or(s);
    (5..=20).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    macro_rules! fixture {
        ($name:literal) => {
            include_bytes!(concat!("../../tests/fixtures/whatsapp/", $name, ".json")).as_slice()
        };
    }

    const PNID: &str = "109876543210987";
    const PRIYA_BSUID: &str = "IN.4471093385201176652";

    fn messages(body: &[u8]) -> Vec<InboundMessage> {
        parse(body)
            .expect("parses")
            .into_iter()
            .filter_map(|e| match e {
                WebhookEvent::Message(m) => Some(m),
                WebhookEvent::Status(_) => None,
            })
            .collect()
    }

    fn statuses(body: &[u8]) -> Vec<StatusUpdate> {
        parse(body)
            .expect("parses")
            .into_iter()
            .filter_map(|e| match e {
                WebhookEvent::Status(s) => Some(s),
                WebhookEvent::Message(_) => None,
            })
            .collect()
    }

    fn only_message(body: &[u8]) -> InboundMessage {
        let mut all = parse(body).expect("parses");
        assert_eq!(all.len(), 1, "{all:#?}");
        match all.remove(0) {
            WebhookEvent::Message(m) => m,
            other => panic!("expected a message, got {other:?}"),
        }
    }

    fn contents(body: &[u8]) -> Vec<MessageContent> {
        messages(body).into_iter().map(|m| m.content).collect()
    }

    /// Wraps `value` (the `changes[].value` object) in a minimal envelope.
    fn envelope(value: Value) -> Vec<u8> {
        serde_json::to_vec(&json!({
            "object": "whatsapp_business_account",
            "entry": [{ "id": "1", "changes": [{ "field": "messages", "value": value }] }]
        }))
        .expect("serialises")
    }

    // ---- identity (BSUID) ---------------------------------------------------------------

    #[test]
    fn text_message_with_bsuid_and_phone() {
        let m = only_message(fixture!("text"));
        assert_eq!(m.phone_number_id, PNID);
        assert_eq!(m.display_phone_number.as_deref(), Some("15550101234"));
        assert_eq!(
            m.wamid,
            "wamid.HBgLMzQ2MTIzNDU2NzgVAgASGBQzQUJDMDFGRTI0QTc5RDI4NEUxNgA="
        );
        assert_eq!(m.customer_id, "ES.7300418825569321774", "BSUID preferred");
        assert_eq!(m.customer_phone.as_deref(), Some("34612345678"));
        assert_eq!(m.profile_name.as_deref(), Some("Marta Quintana"));
        assert_eq!(m.customer_username, None);
        assert_eq!(m.timestamp, 1_767_261_600);
        assert_eq!(m.context, None);
        assert_eq!(
            m.content,
            MessageContent::Text {
                body: "Hello! Is my order #4821 on its way?".into()
            }
        );
    }

    #[test]
    fn legacy_payload_without_bsuid_uses_the_phone() {
        let m = only_message(fixture!("legacy_text"));
        assert_eq!(m.customer_id, "2348031234567");
        assert_eq!(m.customer_phone.as_deref(), Some("2348031234567"));
        assert_eq!(m.profile_name.as_deref(), Some("Oluwaseun Adeyemi"));
        assert_eq!(m.timestamp, 1_735_725_600);
    }

    #[test]
    fn sender_identified_only_by_bsuid() {
        let m = only_message(fixture!("bsuid_only"));
        assert_eq!(m.customer_id, "JP.5521907733164420981");
        assert_eq!(m.customer_phone, None);
        assert_eq!(m.profile_name.as_deref(), Some("Kenji"));
        assert_eq!(m.customer_username.as_deref(), Some("@kenji.builds"));
        assert_eq!(
            m.content,
            MessageContent::Text {
                body: "Can I change the delivery address?".into()
            }
        );
    }

    #[test]
    fn bsuid_found_on_the_contact_when_the_message_has_only_from() {
        let body = envelope(json!({
            "metadata": { "phone_number_id": PNID },
            "contacts": [{ "profile": { "name": "Ana" }, "wa_id": "5511987654321", "user_id": "BR.1502576394655843" }],
            "messages": [{ "from": "5511987654321", "id": "wamid.X", "timestamp": "1", "type": "text", "text": { "body": "oi" } }]
        }));
        let m = only_message(&body);
        assert_eq!(m.customer_id, "BR.1502576394655843");
        assert_eq!(m.customer_phone.as_deref(), Some("5511987654321"));
        assert_eq!(m.profile_name.as_deref(), Some("Ana"));
    }

    #[test]
    fn single_contact_without_common_id_still_names_the_sender() {
        // `from` is a phone; the only contact carries only the BSUID.
        let body = envelope(json!({
            "metadata": { "phone_number_id": PNID },
            "contacts": [{ "profile": { "name": "Ana" }, "user_id": "BR.1502576394655843" }],
            "messages": [{ "from": "5511987654321", "id": "wamid.X", "timestamp": "1", "type": "text", "text": { "body": "oi" } }]
        }));
        let m = only_message(&body);
        assert_eq!(m.customer_id, "BR.1502576394655843");
        assert_eq!(m.customer_phone.as_deref(), Some("5511987654321"));
        assert_eq!(m.profile_name.as_deref(), Some("Ana"));
    }

    #[test]
    fn contradicting_contact_is_not_used() {
        let body = envelope(json!({
            "metadata": { "phone_number_id": PNID },
            "contacts": [{ "profile": { "name": "Someone Else" }, "wa_id": "111111111", "user_id": "US.999" }],
            "messages": [{ "from": "5511987654321", "from_user_id": "BR.15", "id": "wamid.X", "timestamp": "1", "type": "text", "text": { "body": "oi" } }]
        }));
        let m = only_message(&body);
        assert_eq!(m.customer_id, "BR.15");
        assert_eq!(m.profile_name, None);
    }

    #[test]
    fn bsuid_in_from_is_not_a_phone() {
        // Some integrators report `from` carrying a BSUID once usernames ship.
        let body = envelope(json!({
            "metadata": { "phone_number_id": PNID },
            "messages": [{ "from": "DE.8812", "id": "wamid.X", "timestamp": "1", "type": "text", "text": { "body": "hallo" } }]
        }));
        let m = only_message(&body);
        assert_eq!(m.customer_id, "DE.8812");
        assert_eq!(m.customer_phone, None);
        assert_eq!(m.profile_name, None);
    }

    #[test]
    fn phone_shape() {
        assert!(looks_like_phone("34612345678"));
        assert!(looks_like_phone("+34612345678"));
        assert!(!looks_like_phone("ES.7300418825569321774"));
        assert!(!looks_like_phone("US.ENT.118157"));
        assert!(!looks_like_phone("1234"));
        assert!(!looks_like_phone(""));
        assert!(!looks_like_phone("+"));
    }

    // ---- inbound types --------------------------------------------------------------------

    #[test]
    fn image() {
        let m = only_message(fixture!("image"));
        assert_eq!(m.customer_id, PRIYA_BSUID);
        assert_eq!(m.customer_phone.as_deref(), Some("919812345670"));
        assert_eq!(
            m.content,
            MessageContent::Media {
                kind: MediaKind::Image,
                media_id: Some("1482736459203817".into()),
                mime_type: Some("image/jpeg".into()),
                sha256: Some("qZ1mJ3yU8c4kqv0b0S4u4rA4bOq6oQ7xgWJdVf1k3aE=".into()),
                caption: Some("The box arrived damaged".into()),
                filename: None,
                voice: false,
            }
        );
    }

    #[test]
    fn video() {
        assert_eq!(
            only_message(fixture!("video")).content,
            MessageContent::Media {
                kind: MediaKind::Video,
                media_id: Some("927364518209374".into()),
                mime_type: Some("video/mp4".into()),
                sha256: Some("b3JkZXItdmlkZW8tc2hhMjU2LWJhc2U2NC1wbGFjZWhvbGQ=".into()),
                caption: None,
                filename: None,
                voice: false,
            }
        );
    }

    #[test]
    fn audio_voice_note_and_audio_file() {
        let c = contents(fixture!("audio_voice"));
        assert_eq!(
            c,
            vec![
                MessageContent::Media {
                    kind: MediaKind::Audio,
                    media_id: Some("3650192837465019".into()),
                    mime_type: Some("audio/ogg; codecs=opus".into()),
                    sha256: Some("dm9pY2Utbm90ZS1zaGEyNTYtYmFzZTY0LXBsYWNlaG9sZGVy".into()),
                    caption: None,
                    filename: None,
                    voice: true,
                },
                MessageContent::Media {
                    kind: MediaKind::Audio,
                    media_id: Some("3650192837465020".into()),
                    mime_type: Some("audio/mpeg".into()),
                    sha256: Some("bXAzLWF1ZGlvLWZpbGUtc2hhMjU2LWJhc2U2NC1wbGFjZWg=".into()),
                    caption: None,
                    filename: None,
                    voice: false,
                },
            ]
        );
    }

    #[test]
    fn document_with_filename() {
        assert_eq!(
            only_message(fixture!("document")).content,
            MessageContent::Media {
                kind: MediaKind::Document,
                media_id: Some("774512093386104".into()),
                mime_type: Some("application/pdf".into()),
                sha256: Some("aW52b2ljZS1wZGYtc2hhMjU2LWJhc2U2NC1wbGFjZWhvbGQ=".into()),
                caption: Some("Invoice attached".into()),
                filename: Some("Invoice INV-2026-0117.pdf".into()),
                voice: false,
            }
        );
    }

    #[test]
    fn names_and_file_names_lose_reordering_characters() {
        let body = envelope(json!({
            "metadata": { "phone_number_id": PNID },
            "contacts": [{ "profile": { "name": "\u{200B}Ana\u{202E}\u{200F}" }, "wa_id": "5511987654321" }],
            "messages": [{ "from": "5511987654321", "id": "wamid.F", "timestamp": "1", "type": "document",
                "document": { "id": "77", "mime_type": "application/pdf", "filename": "invoice\u{202E}fdp.exe" } }]
        }));
        let m = only_message(&body);
        assert_eq!(m.profile_name.as_deref(), Some("Ana"));
        match m.content {
            MessageContent::Media { filename, .. } => {
                assert_eq!(filename.as_deref(), Some("invoicefdp.exe"))
            }
            other => panic!("{other:?}"),
        }
        // A profile name of nothing visible is no name.
        let body = envelope(json!({
            "metadata": { "phone_number_id": PNID },
            "contacts": [{ "profile": { "name": "\u{202E}\u{200B}" }, "wa_id": "5511987654321" }],
            "messages": [{ "from": "5511987654321", "id": "wamid.G", "timestamp": "1", "type": "text", "text": { "body": "oi" } }]
        }));
        assert_eq!(only_message(&body).profile_name, None);
    }

    #[test]
    fn sticker() {
        assert_eq!(
            only_message(fixture!("sticker")).content,
            MessageContent::Media {
                kind: MediaKind::Sticker,
                media_id: Some("1203948576610293".into()),
                mime_type: Some("image/webp".into()),
                sha256: Some("c3RpY2tlci13ZWJwLXNoYTI1Ni1iYXNlNjQtcGxhY2Vob2w=".into()),
                caption: None,
                filename: None,
                voice: false,
            }
        );
    }

    #[test]
    fn location_full_and_minimal() {
        assert_eq!(
            contents(fixture!("location")),
            vec![
                MessageContent::Location {
                    latitude: 12.9756,
                    longitude: 77.6066,
                    name: Some("Trinity Metro Station".into()),
                    address: Some("MG Road, Bengaluru, Karnataka 560001".into()),
                    url: Some("https://maps.example.com/place/trinity".into()),
                },
                MessageContent::Location {
                    latitude: -33.8688,
                    longitude: 151.2093,
                    name: None,
                    address: None,
                    url: None,
                },
            ]
        );
    }

    #[test]
    fn shared_contacts_cards() {
        assert_eq!(
            only_message(fixture!("contacts")).content,
            MessageContent::Contacts {
                contacts: vec![
                    SharedContact {
                        name: "Arjun Mehta".into(),
                        phones: vec!["+91 98765 43210".into(), "+91 44 2345 6789".into()],
                    },
                    SharedContact {
                        name: "Lakshmi Iyer".into(),
                        phones: vec!["919900112233".into()],
                    },
                ]
            }
        );
    }

    #[test]
    fn interactive_button_reply() {
        let m = only_message(fixture!("interactive_button_reply"));
        assert_eq!(
            m.content,
            MessageContent::InteractiveReply {
                id: "confirm-slot-2".into(),
                title: "Tuesday 10:00".into(),
                description: None,
                list: false,
            }
        );
        assert_eq!(
            m.context,
            Some(ReplyContext {
                wamid: "wamid.HBgMOTE5ODEyMzQ1NjcwFQIAERgSQkIxMTExMTExMTExMTExMTEA".into(),
                from: Some("15550101234".into()),
            })
        );
    }

    #[test]
    fn interactive_list_reply_and_flow_reply() {
        assert_eq!(
            contents(fixture!("interactive_list_reply")),
            vec![
                MessageContent::InteractiveReply {
                    id: "topic-returns".into(),
                    title: "Returns".into(),
                    description: Some("Send something back or swap a size".into()),
                    list: true,
                },
                MessageContent::Unsupported {
                    kind: "interactive".into(),
                    detail: Some("interactive reply of type nfm_reply".into()),
                },
            ]
        );
    }

    #[test]
    fn template_quick_reply_button() {
        let m = only_message(fixture!("button"));
        assert_eq!(
            m.content,
            MessageContent::Button {
                payload: Some("RESCHEDULE_DELIVERY".into()),
                text: "Reschedule".into(),
            }
        );
        assert_eq!(
            m.context.map(|c| c.wamid).as_deref(),
            Some("wamid.HBgMOTE5ODEyMzQ1NjcwFQIAERgSQkIzMzMzMzMzMzMzMzMzMzMA")
        );
    }

    #[test]
    fn reaction_with_escaped_emoji() {
        assert_eq!(
            only_message(fixture!("reaction")).content,
            MessageContent::Reaction {
                target_wamid: "wamid.HBgMOTE5ODEyMzQ1NjcwFQIAERgSQkI0NDQ0NDQ0NDQ0NDQ0NDQA".into(),
                emoji: Some("\u{1F44D}".into()),
            }
        );
    }

    #[test]
    fn reaction_removed_empty_or_missing_emoji() {
        assert_eq!(
            contents(fixture!("reaction_removed")),
            vec![
                MessageContent::Reaction {
                    target_wamid: "wamid.HBgMOTE5ODEyMzQ1NjcwFQIAERgSQkI0NDQ0NDQ0NDQ0NDQ0NDQA"
                        .into(),
                    emoji: None,
                },
                MessageContent::Reaction {
                    target_wamid: "wamid.HBgMOTE5ODEyMzQ1NjcwFQIAERgSQkI1NTU1NTU1NTU1NTU1NTUA"
                        .into(),
                    emoji: None,
                },
            ]
        );
    }

    #[test]
    fn unsupported_unknown_and_new_types() {
        let all = messages(fixture!("unsupported"));
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|m| m.customer_id == PRIYA_BSUID));
        assert_eq!(
            all.into_iter().map(|m| m.content).collect::<Vec<_>>(),
            vec![
                MessageContent::Unsupported {
                    kind: "poll_creation".into(),
                    detail: Some(
                        "Message type unknown: Message type is currently not supported.".into()
                    ),
                },
                MessageContent::Unsupported {
                    kind: "unknown".into(),
                    detail: Some("Unsupported message type".into()),
                },
                MessageContent::Unsupported {
                    kind: "hologram".into(),
                    detail: None,
                },
            ]
        );
    }

    #[test]
    fn system_message_is_unsupported_with_its_body() {
        let body = envelope(json!({
            "metadata": { "phone_number_id": PNID },
            "messages": [{
                "from": "16505551234", "id": "wamid.SYS", "timestamp": "5", "type": "system",
                "system": { "body": "User A changed from 16505551234 to 16505559999", "type": "user_changed_number", "wa_id": "16505559999" }
            }]
        }));
        assert_eq!(
            only_message(&body).content,
            MessageContent::Unsupported {
                kind: "system".into(),
                detail: Some("User A changed from 16505551234 to 16505559999".into()),
            }
        );
    }

    #[test]
    fn quoted_reply_context() {
        let all = messages(fixture!("reply_context"));
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[0].context,
            Some(ReplyContext {
                wamid: "wamid.HBgLMzQ2MTIzNDU2NzgVAgARGBI5QTNCNDQ2RjkyMEFEOTg3QzEA".into(),
                from: Some("15550101234".into()),
            })
        );
        assert_eq!(
            all[0].content,
            MessageContent::Text {
                body: "Yes, that one".into()
            }
        );
        // A context that only flags forwarding quotes nothing.
        assert_eq!(all[1].context, None);
    }

    // ---- batches ----------------------------------------------------------------------------

    #[test]
    fn batch_of_entries_changes_and_messages() {
        let events = parse(fixture!("batch")).expect("parses");
        assert_eq!(events.len(), 5, "{events:#?}");
        let summary: Vec<(String, String, String)> = events
            .iter()
            .map(|e| match e {
                WebhookEvent::Message(m) => (
                    m.phone_number_id.clone(),
                    m.wamid.clone(),
                    m.profile_name.clone().unwrap_or_default(),
                ),
                WebhookEvent::Status(s) => (
                    s.phone_number_id.clone(),
                    s.wamid.clone(),
                    s.status.as_str().to_owned(),
                ),
            })
            .collect();
        let row = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
        assert_eq!(
            summary,
            vec![
                row(PNID, "wamid.BATCH-A-1", "Marta Quintana"),
                row(PNID, "wamid.BATCH-A-2", "Tomás Ruiz"),
                row(PNID, "wamid.BATCH-A-3", "Marta Quintana"),
                row(PNID, "wamid.OUTBOUND-1", "delivered"),
                row("118811881188118", "wamid.BATCH-B-1", "Hannah Okafor"),
            ]
        );
        let msgs = messages(fixture!("batch"));
        assert_eq!(msgs[1].customer_id, "ES.1189930475562017733");
        assert_eq!(msgs[1].customer_phone.as_deref(), Some("34699887766"));
        assert_eq!(
            msgs[3].display_phone_number.as_deref(),
            Some("442071234567")
        );
        assert_eq!(msgs[3].customer_id, "GB.6039917724405583216");
        assert!(matches!(
            msgs[2].content,
            MessageContent::Media {
                kind: MediaKind::Image,
                ..
            }
        ));
    }

    // ---- statuses ---------------------------------------------------------------------------

    #[test]
    fn statuses_sent_delivered_read_failed() {
        let all = statuses(fixture!("statuses"));
        let states: Vec<(&str, DeliveryStatus, i64)> = all
            .iter()
            .map(|s| (s.wamid.as_str(), s.status, s.timestamp))
            .collect();
        assert_eq!(
            states,
            vec![
                ("wamid.OUT-SENT", DeliveryStatus::Sent, 1_767_440_000),
                ("wamid.OUT-SENT", DeliveryStatus::Delivered, 1_767_440_005),
                ("wamid.OUT-SENT", DeliveryStatus::Read, 1_767_440_060),
                // `deleted` and `warning` are skipped, not errors.
                ("wamid.OUT-LATE", DeliveryStatus::Failed, 1_767_440_100),
                ("wamid.OUT-TO-BSUID", DeliveryStatus::Failed, 1_767_440_110),
            ]
        );
        assert!(all.iter().all(|s| s.phone_number_id == PNID));
        assert_eq!(all[0].recipient.as_deref(), Some("ES.7300418825569321774"));
        assert!(all[0].errors.is_empty());

        let late = &all[3];
        assert_eq!(late.recipient.as_deref(), Some("34612345678"));
        assert_eq!(
            late.errors,
            vec![StatusError {
                code: 131047,
                title: "Re-engagement message".into(),
                message: Some("Re-engagement message".into()),
                details: Some(
                    "Message failed to send because more than 24 hours have passed since the \
                     customer last replied to this number."
                        .into()
                ),
            }]
        );

        let to_bsuid = &all[4];
        assert_eq!(
            to_bsuid.recipient.as_deref(),
            Some("JP.5521907733164420981")
        );
        assert_eq!(to_bsuid.errors[0].code, 131062);
        assert_eq!(to_bsuid.errors[0].message, None);
        assert_eq!(to_bsuid.errors[0].details, None);
    }

    #[test]
    fn delivery_status_helpers() {
        use DeliveryStatus::*;
        assert!(Sent.rank() < Delivered.rank());
        assert!(Delivered.rank() < Read.rank());
        assert_eq!(Failed.rank(), 0);
        for s in [Sent, Delivered, Read, Failed] {
            assert_eq!(DeliveryStatus::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).expect("ser"), json!(s.as_str()));
        }
        assert_eq!(DeliveryStatus::parse("deleted"), None);
        assert_eq!(DeliveryStatus::parse("warning"), None);
        assert_eq!(DeliveryStatus::parse("READ"), None);
    }

    #[test]
    fn status_error_with_string_code_and_no_title() {
        let body = envelope(json!({
            "metadata": { "phone_number_id": PNID },
            "statuses": [{
                "id": "wamid.S", "status": "failed", "timestamp": 7,
                "errors": [{ "code": "131026", "message": "Message undeliverable" }, {}]
            }]
        }));
        let s = statuses(&body);
        assert_eq!(
            s[0].errors,
            vec![StatusError {
                code: 131026,
                title: "Message undeliverable".into(),
                message: Some("Message undeliverable".into()),
                details: None,
            }]
        );
        assert_eq!(s[0].recipient, None);
    }

    // ---- encoding ---------------------------------------------------------------------------

    #[test]
    fn escaped_unicode_is_decoded() {
        let raw = fixture!("unicode_escapes");
        // The fixture really contains the escapes, not the characters.
        let raw_text = std::str::from_utf8(raw).expect("ascii");
        assert!(raw_text.is_ascii());
        assert!(raw_text.contains(r"\u00e9") && raw_text.contains(r"\ud83d\ude00"));
        assert!(raw_text.contains(r"https:\/\/"));

        let all = messages(raw);
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].profile_name.as_deref(), Some("Renée Lévesque"));
        assert_eq!(
            all[0].content,
            MessageContent::Text {
                body: "Café fermé ? 😀 Voir https://example.com/commande/42?x=1&y=\"2\"\nMerci"
                    .into()
            }
        );
        assert_eq!(
            all[1].content,
            MessageContent::Location {
                latitude: 48.8566,
                longitude: 2.3522,
                name: Some("Hôtel de Ville".into()),
                address: None,
                url: Some("https://maps.example.com/?q=hôtel".into()),
            }
        );
        assert_eq!(
            all[2].content,
            MessageContent::Reaction {
                target_wamid: "wamid.OUT-SENT".into(),
                emoji: Some("\u{2764}\u{fe0f}".into()),
            }
        );
    }

    // ---- what is ignored, skipped, or an error ----------------------------------------------

    #[test]
    fn non_messages_fields_are_ignored() {
        assert_eq!(
            parse(fixture!("non_messages_field")).expect("parses"),
            vec![]
        );
    }

    #[test]
    fn malformed_messages_do_not_fail_the_batch() {
        let events = parse(fixture!("malformed_messages")).expect("parses");
        let got: Vec<(String, Option<MessageContent>)> = events
            .into_iter()
            .map(|e| match e {
                WebhookEvent::Message(m) => (m.wamid, Some(m.content)),
                WebhookEvent::Status(s) => (s.wamid, None),
            })
            .collect();
        let unsupported = |kind: &str, what: &str| {
            Some(MessageContent::Unsupported {
                kind: kind.into(),
                detail: Some(format!("malformed {kind} message: {what}")),
            })
        };
        assert_eq!(
            got,
            vec![
                // no id → skipped; bad timestamp → skipped
                (
                    "wamid.TEXT-NO-BODY".into(),
                    unsupported("text", "text.body is missing")
                ),
                (
                    "wamid.IMAGE-NO-ID".into(),
                    unsupported("image", "media id is missing")
                ),
                (
                    "wamid.LOCATION-STRINGS".into(),
                    unsupported("location", "latitude/longitude missing or out of range")
                ),
                // "not an object" → skipped
                (
                    "wamid.GOOD".into(),
                    Some(MessageContent::Text {
                        body: "still here".into()
                    })
                ),
                // status without id, status with empty timestamp → skipped
                ("wamid.S-GOOD".into(), None),
                // change without phone_number_id, message without any sender, garbage
                // changes, entries without changes → skipped
            ]
        );
        // A numeric timestamp is accepted.
        let location = messages(fixture!("malformed_messages"))
            .into_iter()
            .find(|m| m.wamid == "wamid.LOCATION-STRINGS")
            .expect("present");
        assert_eq!(location.timestamp, 1_767_470_004);
    }

    #[test]
    fn malformed_shapes_of_known_types() {
        let body = envelope(json!({
            "metadata": { "phone_number_id": PNID },
            "contacts": [{ "user_id": "US.1" }],
            "messages": [
                { "id": "a", "timestamp": "1", "type": "reaction", "reaction": { "emoji": "x" } },
                { "id": "b", "timestamp": "1", "type": "button", "button": { "payload": "P" } },
                { "id": "c", "timestamp": "1", "type": "interactive", "interactive": { "type": "list_reply", "list_reply": { "id": "x" } } },
                { "id": "d", "timestamp": "1", "type": "interactive" },
                { "id": "e", "timestamp": "1", "type": "contacts", "contacts": [{}] },
                { "id": "f", "timestamp": "1", "type": "location", "location": { "latitude": 91.0, "longitude": 0 } },
                { "id": "g", "timestamp": "1", "type": "video", "video": "nope" },
                { "id": "h", "timestamp": "1" },
                { "id": "i", "timestamp": "1", "type": "text", "text": { "body": 5 } }
            ]
        }));
        let kinds: Vec<(String, String)> = contents(&body)
            .into_iter()
            .map(|c| match c {
                MessageContent::Unsupported { kind, detail } => (kind, detail.unwrap_or_default()),
                other => panic!("expected unsupported, got {other:?}"),
            })
            .collect();
        let k: Vec<&str> = kinds.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            k,
            [
                "reaction",
                "button",
                "interactive",
                "interactive",
                "contacts",
                "location",
                "video",
                "unknown",
                "text"
            ]
        );
        assert!(kinds[..7].iter().all(|(_, d)| d.starts_with("malformed ")));
        // All routed to the single contact's BSUID.
        assert!(messages(&body).iter().all(|m| m.customer_id == "US.1"));
    }

    #[test]
    fn garbage_is_an_error() {
        for body in [
            &b""[..],
            b"   ",
            b"not json",
            b"{\"object\":\"whatsapp_business_account\",\"entry\":[",
            b"\xff\xfe{}",
            b"{\"object\":\"whatsapp_business_account\"} trailing",
        ] {
            assert!(
                matches!(parse(body), Err(PayloadError::NotJson(_))),
                "{body:?}"
            );
        }
        for body in [
            &b"[]"[..],
            b"\"whatsapp_business_account\"",
            b"42",
            b"null",
            b"true",
        ] {
            assert!(
                matches!(parse(body), Err(PayloadError::NotAnObject)),
                "{body:?}"
            );
        }
        assert!(matches!(
            parse(b"{\"object\":\"page\",\"entry\":[]}"),
            Err(PayloadError::WrongObject(Some(o))) if o == "page"
        ));
        assert!(matches!(
            parse(b"{\"object\":7}"),
            Err(PayloadError::WrongObject(Some(o))) if o == "7"
        ));
        assert!(matches!(
            parse(b"{\"entry\":[]}"),
            Err(PayloadError::WrongObject(None))
        ));
        // Error messages are printable.
        let err = parse(b"{}").expect_err("no object");
        assert!(err.to_string().contains(OBJECT));
    }

    #[test]
    fn truncated_or_corrupted_fixtures_never_panic() {
        for body in [
            fixture!("batch"),
            fixture!("statuses"),
            fixture!("unicode_escapes"),
        ] {
            for end in 0..body.len() {
                let _ = parse(&body[..end]);
            }
            // Swap every structural byte for another one, one position at a time.
            for i in 0..body.len() {
                for replacement in [b'"', b'{', b'[', b'0', b'\\'] {
                    let mut corrupted = body.to_vec();
                    corrupted[i] = replacement;
                    let _ = parse(&corrupted);
                }
            }
        }
    }

    #[test]
    fn right_object_without_usable_entries_is_empty() {
        for body in [
            &br#"{"object":"whatsapp_business_account"}"#[..],
            br#"{"object":"whatsapp_business_account","entry":[]}"#,
            br#"{"object":"whatsapp_business_account","entry":"x"}"#,
            br#"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":[]}]}]}"#,
        ] {
            assert_eq!(parse(body).expect("parses"), vec![], "{body:?}");
        }
    }

    // ---- storage form -----------------------------------------------------------------------

    #[test]
    fn content_serialises_with_a_type_tag() {
        assert_eq!(
            serde_json::to_value(MessageContent::Text { body: "hi".into() }).expect("ser"),
            json!({ "type": "text", "body": "hi" })
        );
        let media = only_message(fixture!("document")).content;
        assert_eq!(
            serde_json::to_value(&media).expect("ser"),
            json!({
                "type": "media",
                "kind": "document",
                "media_id": "774512093386104",
                "mime_type": "application/pdf",
                "sha256": "aW52b2ljZS1wZGYtc2hhMjU2LWJhc2U2NC1wbGFjZWhvbGQ=",
                "caption": "Invoice attached",
                "filename": "Invoice INV-2026-0117.pdf",
                "voice": false
            })
        );
        assert_eq!(
            serde_json::to_value(MessageContent::InteractiveReply {
                id: "a".into(),
                title: "b".into(),
                description: None,
                list: true
            })
            .expect("ser")["type"],
            "interactive_reply"
        );
    }

    #[test]
    fn every_fixture_content_roundtrips_through_json() {
        for body in [
            fixture!("text"),
            fixture!("image"),
            fixture!("video"),
            fixture!("audio_voice"),
            fixture!("document"),
            fixture!("sticker"),
            fixture!("location"),
            fixture!("contacts"),
            fixture!("interactive_button_reply"),
            fixture!("interactive_list_reply"),
            fixture!("button"),
            fixture!("reaction"),
            fixture!("reaction_removed"),
            fixture!("unsupported"),
            fixture!("unicode_escapes"),
            fixture!("malformed_messages"),
        ] {
            for content in contents(body) {
                let stored = serde_json::to_string(&content).expect("ser");
                let back: MessageContent = serde_json::from_str(&stored).expect("de");
                assert_eq!(back, content);
            }
        }
    }
}
