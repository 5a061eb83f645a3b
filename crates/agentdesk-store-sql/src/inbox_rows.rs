//! Row shapes of the inbox tables and the column lists that go with them.

use agentdesk_core::domain::content::MessageContent;
use agentdesk_core::domain::inbox::*;
use agentdesk_core::domain::{CompanyId, UserId};
use agentdesk_core::{StoreError, Timestamp};

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what}: {value:?}"))
}

#[macro_export]
macro_rules! number_columns {
    () => {
        concat!(
            "id, company_id, phone_number_id, display_phone_number, name, access_token, ",
            "assignment, token_invalid_at, disconnected_at, created_at"
        )
    };
}

#[derive(Debug, sqlx::FromRow)]
pub struct NumberRow {
    pub id: i64,
    pub company_id: i64,
    pub phone_number_id: String,
    pub display_phone_number: String,
    pub name: String,
    pub access_token: String,
    pub assignment: String,
    pub token_invalid_at: Option<i64>,
    pub disconnected_at: Option<i64>,
    pub created_at: i64,
}

impl NumberRow {
    pub fn into_number(self) -> Result<WhatsAppNumber, StoreError> {
        Ok(WhatsAppNumber {
            id: NumberId(self.id),
            company_id: CompanyId(self.company_id),
            assignment: AssignmentMode::parse(&self.assignment)
                .map_err(|_| corrupt("assignment", &self.assignment))?,
            phone_number_id: self.phone_number_id,
            display_phone_number: self.display_phone_number,
            name: self.name,
            access_token: self.access_token.into(),
            token_invalid_at: self.token_invalid_at.map(Timestamp),
            disconnected_at: self.disconnected_at.map(Timestamp),
            created_at: Timestamp(self.created_at),
        })
    }
}

/// Conversation columns joined with contact (`k`) and number (`n`).
#[macro_export]
macro_rules! conversation_select {
    () => {
        concat!(
            "SELECT c.id, c.company_id, c.number_id, c.status, c.initiated_by, c.assignee_id, ",
            "c.last_customer_message_at, ",
            "c.last_activity_at, c.created_at, k.id AS contact_id, k.customer_id, k.phone AS ",
            "contact_phone, k.bsuid AS contact_bsuid, ",
            "k.name AS contact_name, n.phone_number_id, n.disconnected_at AS ",
            "number_disconnected_at ",
            "FROM conversations c JOIN contacts k ON k.id = c.contact_id JOIN whatsapp_numbers n ",
            "ON n.id = c.number_id "
        )
    };
}

#[derive(Debug, sqlx::FromRow)]
pub struct ConversationRow {
    pub id: i64,
    pub company_id: i64,
    pub number_id: i64,
    pub status: String,
    pub initiated_by: String,
    pub assignee_id: Option<i64>,
    pub last_customer_message_at: Option<i64>,
    pub last_activity_at: i64,
    pub created_at: i64,
    pub contact_id: i64,
    pub customer_id: String,
    pub contact_phone: Option<String>,
    pub contact_bsuid: Option<String>,
    pub contact_name: Option<String>,
    pub phone_number_id: String,
    pub number_disconnected_at: Option<i64>,
}

impl ConversationRow {
    pub fn into_conversation(self) -> Result<Conversation, StoreError> {
        Ok(Conversation {
            id: ConversationId(self.id),
            company_id: CompanyId(self.company_id),
            number_id: NumberId(self.number_id),
            contact: Contact {
                id: ContactId(self.contact_id),
                company_id: CompanyId(self.company_id),
                customer_id: self.customer_id,
                phone: self.contact_phone,
                bsuid: self.contact_bsuid,
                name: self.contact_name,
            },
            phone_number_id: self.phone_number_id,
            number_disconnected: self.number_disconnected_at.is_some(),
            status: ConversationStatus::parse(&self.status)
                .map_err(|_| corrupt("status", &self.status))?,
            initiated_by: InitiatedBy::parse(&self.initiated_by)
                .map_err(|_| corrupt("initiated_by", &self.initiated_by))?,
            assignee_id: self.assignee_id.map(UserId),
            last_customer_message_at: self.last_customer_message_at.map(Timestamp),
            last_activity_at: Timestamp(self.last_activity_at),
            created_at: Timestamp(self.created_at),
        })
    }
}

#[macro_export]
macro_rules! message_columns {
    () => {
        concat!(
            "id, conversation_id, direction, kind, content, text, wamid, status, error_code, ",
            "error_title, reply_to_wamid, reaction, sender_id, media_key, media_mime, media_size, ",
            "created_at"
        )
    };
}

#[derive(Debug, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub conversation_id: i64,
    pub direction: String,
    pub kind: String,
    pub content: String,
    pub text: Option<String>,
    pub wamid: Option<String>,
    pub status: String,
    pub error_code: Option<i64>,
    pub error_title: Option<String>,
    pub reply_to_wamid: Option<String>,
    pub reaction: Option<String>,
    pub sender_id: Option<i64>,
    pub media_key: Option<String>,
    pub media_mime: Option<String>,
    pub media_size: Option<i64>,
    pub created_at: i64,
}

impl MessageRow {
    pub fn into_message(self) -> Result<Message, StoreError> {
        Ok(Message {
            id: MessageId(self.id),
            conversation_id: ConversationId(self.conversation_id),
            direction: Direction::parse(&self.direction)
                .map_err(|_| corrupt("direction", &self.direction))?,
            status: MessageStatus::parse(&self.status)
                .map_err(|_| corrupt("status", &self.status))?,
            content: MessageContent::from_stored(&self.kind, &self.content),
            text: self.text,
            wamid: self.wamid,
            error_code: self.error_code,
            error_title: self.error_title,
            reply_to_wamid: self.reply_to_wamid,
            reaction: self.reaction,
            sender_id: self.sender_id.map(UserId),
            media: match (self.media_key, self.media_mime) {
                (Some(key), Some(mime)) => Some(MediaRef {
                    key,
                    mime,
                    size: self.media_size.unwrap_or(0),
                }),
                _ => None,
            },
            created_at: Timestamp(self.created_at),
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct TimelineRow {
    pub id: i64,
    pub conversation_id: i64,
    pub kind: String,
    pub actor_id: Option<i64>,
    pub subject_id: Option<i64>,
    pub created_at: i64,
}

impl TimelineRow {
    pub fn into_event(self) -> Result<TimelineEvent, StoreError> {
        Ok(TimelineEvent {
            id: self.id,
            conversation_id: ConversationId(self.conversation_id),
            kind: TimelineKind::parse(&self.kind).ok_or_else(|| corrupt("kind", &self.kind))?,
            actor_id: self.actor_id.map(UserId),
            subject_id: self.subject_id.map(UserId),
            created_at: Timestamp(self.created_at),
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct LiveEventRow {
    pub id: i64,
    pub company_id: i64,
    pub kind: String,
    pub conversation_id: Option<i64>,
    pub message_id: Option<i64>,
    pub created_at: i64,
}

impl LiveEventRow {
    pub fn into_event(self) -> Result<LiveEvent, StoreError> {
        Ok(LiveEvent {
            id: self.id,
            company_id: CompanyId(self.company_id),
            kind: LiveEventKind::parse(&self.kind).ok_or_else(|| corrupt("kind", &self.kind))?,
            conversation_id: self.conversation_id.map(ConversationId),
            message_id: self.message_id.map(MessageId),
            created_at: Timestamp(self.created_at),
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct JobRow {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
    pub max_attempts: i64,
}

/// The SQL rank of a message status, so a status update can refuse to go backwards.
pub const STATUS_RANK_SQL: &str = concat!(
    "CASE status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 ",
    "WHEN 'failed' THEN 4 ELSE 0 END"
);
