//! The JSON shapes of the inbox API (and of live events, which carry the same shapes).

use agentdesk_core::Timestamp;
use agentdesk_core::domain::inbox::{Conversation, Message, TimelineEvent};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContactView {
    pub name: Option<String>,
    /// Only when WhatsApp shared it; customers may be known by their business-scoped id alone.
    pub phone: Option<String>,
    /// WhatsApp's business-scoped user id (BSUID), once a payload carried it.
    pub bsuid: Option<String>,
    pub customer_id: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NumberRef {
    pub id: i64,
    pub phone_number_id: String,
    /// Disconnected by an admin: nothing can be sent in this conversation.
    pub disconnected: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConversationView {
    pub id: i64,
    /// `open` or `closed`.
    pub status: String,
    /// `customer` or `business`.
    pub initiated_by: String,
    pub assignee_id: Option<i64>,
    pub contact: ContactView,
    pub number: NumberRef,
    pub last_activity_at: String,
    /// When WhatsApp's 24-hour window for free-form replies closes (null: never opened).
    pub window_closes_at: Option<String>,
    pub window_open: bool,
    pub created_at: String,
    /// Where this conversation stands in its list: pass it as `before` for the next page.
    pub cursor: String,
}

impl ConversationView {
    pub fn of(c: &Conversation, now: Timestamp) -> Self {
        Self {
            id: c.id.0,
            status: c.status.as_str().to_owned(),
            initiated_by: c.initiated_by.as_str().to_owned(),
            assignee_id: c.assignee_id.map(|u| u.0),
            contact: ContactView {
                name: c.contact.name.clone(),
                phone: c.contact.phone.clone(),
                bsuid: c.contact.bsuid.clone(),
                customer_id: c.contact.customer_id.clone(),
            },
            number: NumberRef {
                id: c.number_id.0,
                phone_number_id: c.phone_number_id.clone(),
                disconnected: c.number_disconnected,
            },
            last_activity_at: c.last_activity_at.to_rfc3339(),
            window_closes_at: c.window_closes_at().map(Timestamp::to_rfc3339),
            window_open: c.window_open(now),
            created_at: c.created_at.to_rfc3339(),
            cursor: format!("{}.{}", c.last_activity_at.0, c.id.0),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MessageView {
    pub id: i64,
    pub conversation_id: i64,
    /// `in` (from the customer) or `out`.
    pub direction: String,
    /// WhatsApp's message type: `text`, `image`, `location`, `reaction`…
    #[serde(rename = "type")]
    pub kind: String,
    /// The text, caption or a plain description.
    pub text: Option<String>,
    /// The full message as received or sent.
    #[schema(value_type = Object)]
    pub content: serde_json::Value,
    /// WhatsApp's id of the message (`wamid.…`), once it has one.
    pub wa_message_id: Option<String>,
    /// `received` for inbound; `pending`, `sent`, `delivered`, `read` or `failed` for outbound.
    pub status: String,
    pub error: Option<MessageError>,
    /// The WhatsApp id of the message this one replies to.
    pub reply_to_wa_message_id: Option<String>,
    pub reaction: Option<String>,
    pub sender_id: Option<i64>,
    /// The downloaded file of a media message (`GET` it with the session), once it arrived.
    pub media_url: Option<String>,
    pub media_mime: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MessageError {
    pub code: Option<i64>,
    pub title: Option<String>,
}

impl MessageView {
    pub fn of(m: &Message) -> Self {
        Self {
            id: m.id.0,
            conversation_id: m.conversation_id.0,
            direction: m.direction.as_str().to_owned(),
            kind: m.content.kind().to_owned(),
            text: m.text.clone(),
            content: serde_json::to_value(&m.content).unwrap_or(serde_json::Value::Null),
            wa_message_id: m.wamid.clone(),
            status: m.status.as_str().to_owned(),
            error: (m.error_code.is_some() || m.error_title.is_some()).then(|| MessageError {
                code: m.error_code,
                title: m.error_title.clone(),
            }),
            reply_to_wa_message_id: m.reply_to_wamid.clone(),
            reaction: m.reaction.clone(),
            sender_id: m.sender_id.map(|u| u.0),
            media_url: m
                .media
                .as_ref()
                .map(|_| format!("/api/v1/messages/{}/media", m.id.0)),
            media_mime: m.media.as_ref().map(|x| x.mime.clone()),
            created_at: m.created_at.to_rfc3339(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineView {
    /// `created`, `assigned`, `unassigned`, `closed`, `reopened`.
    pub kind: String,
    pub actor_id: Option<i64>,
    pub subject_id: Option<i64>,
    pub created_at: String,
}

impl TimelineView {
    pub fn of(e: &TimelineEvent) -> Self {
        Self {
            kind: e.kind.as_str().to_owned(),
            actor_id: e.actor_id.map(|u| u.0),
            subject_id: e.subject_id.map(|u| u.0),
            created_at: e.created_at.to_rfc3339(),
        }
    }
}
