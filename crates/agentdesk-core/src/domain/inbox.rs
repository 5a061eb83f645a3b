//! The inbox's records: the company's WhatsApp numbers, customers (contacts), conversations and
//! their messages, the timeline of who did what, and agents' availability.

use super::content::MessageContent;
use super::{CompanyId, Invalid, UserId};
use crate::Timestamp;

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);
    )*};
}
id_type!(NumberId, ContactId, ConversationId, MessageId);

/// WhatsApp's customer-service window: free-form messages may be sent until 24 hours after the
/// customer's last message.
pub const SERVICE_WINDOW_SECS: i64 = 24 * 3600;

/// How new conversations on a number find their agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignmentMode {
    /// They stay unassigned until someone takes them.
    Manual,
    /// The available agent who was assigned least recently gets it.
    RoundRobin,
}

impl AssignmentMode {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        match s {
            "manual" => Ok(Self::Manual),
            "round_robin" => Ok(Self::RoundRobin),
            "" => Err(Invalid::Required),
            _ => Err(Invalid::Unsupported),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::RoundRobin => "round_robin",
        }
    }
}

/// An agent's own status, set from the sidebar. Only available agents receive round-robin work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Available,
    Away,
    Offline,
}

impl Availability {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        match s {
            "available" => Ok(Self::Available),
            "away" => Ok(Self::Away),
            "offline" => Ok(Self::Offline),
            "" => Err(Invalid::Required),
            _ => Err(Invalid::Unsupported),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Available => "available",
            Self::Away => "away",
            Self::Offline => "offline",
        }
    }
}

#[derive(Debug, Clone)]
pub struct WhatsAppNumber {
    pub id: NumberId,
    pub company_id: CompanyId,
    /// Meta's id of the number: the routing key of inbound webhooks.
    pub phone_number_id: String,
    pub display_phone_number: String,
    pub name: String,
    /// Never shown back, never logged.
    pub access_token: crate::Secret,
    pub assignment: AssignmentMode,
    /// Set when the Cloud API rejected the token (error 190): the admin must replace it.
    pub token_invalid_at: Option<Timestamp>,
    /// Set when an admin disconnected the number: nothing is received or sent on it any more,
    /// its token is forgotten, and its conversations stay readable.
    pub disconnected_at: Option<Timestamp>,
    pub created_at: Timestamp,
}

/// What an admin changes of a connected number; `None` keeps the current value.
#[derive(Debug, Clone, Default)]
pub struct NumberPatch {
    pub name: Option<String>,
    pub assignment: Option<AssignmentMode>,
    /// A new access token (a rotated one): it also clears `token_invalid_at`.
    pub access_token: Option<crate::Secret>,
}

#[derive(Debug, Clone)]
pub struct NewWhatsAppNumber {
    pub company_id: CompanyId,
    pub phone_number_id: String,
    pub display_phone_number: String,
    pub name: String,
    pub access_token: crate::Secret,
    pub assignment: AssignmentMode,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub id: ContactId,
    pub company_id: CompanyId,
    /// The key the contact was first stored under (its BSUID, or its phone for older payloads).
    pub customer_id: String,
    pub phone: Option<String>,
    /// The business-scoped user id WhatsApp identifies the customer by, once a payload told it.
    pub bsuid: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConversationStatus {
    Open,
    Closed,
}

impl ConversationStatus {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        match s {
            "open" => Ok(Self::Open),
            "closed" => Ok(Self::Closed),
            _ => Err(Invalid::Unsupported),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitiatedBy {
    Customer,
    Business,
}

impl InitiatedBy {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        match s {
            "customer" => Ok(Self::Customer),
            "business" => Ok(Self::Business),
            _ => Err(Invalid::Unsupported),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::Business => "business",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Conversation {
    pub id: ConversationId,
    pub company_id: CompanyId,
    pub number_id: NumberId,
    pub contact: Contact,
    pub phone_number_id: String,
    /// The number was disconnected by an admin: the conversation is kept, nothing can be sent.
    pub number_disconnected: bool,
    pub status: ConversationStatus,
    pub initiated_by: InitiatedBy,
    pub assignee_id: Option<UserId>,
    pub last_customer_message_at: Option<Timestamp>,
    pub last_activity_at: Timestamp,
    pub created_at: Timestamp,
}

impl Conversation {
    /// Until when free-form messages may be sent (WhatsApp's 24-hour window), if ever.
    pub fn window_closes_at(&self) -> Option<Timestamp> {
        self.last_customer_message_at
            .map(|t| t.plus_secs(SERVICE_WINDOW_SECS))
    }

    pub fn window_open(&self, now: Timestamp) -> bool {
        self.window_closes_at().is_some_and(|end| now < end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    In,
    Out,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Out => "out",
        }
    }
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        match s {
            "in" => Ok(Self::In),
            "out" => Ok(Self::Out),
            _ => Err(Invalid::Unsupported),
        }
    }
}

/// Where an outgoing message is: queued locally, then WhatsApp's statuses. `rank` orders the
/// delivery statuses so a late `delivered` never downgrades `read`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageStatus {
    Pending,
    Sent,
    Delivered,
    Read,
    Failed,
    /// Inbound messages have no delivery status.
    Received,
}

impl MessageStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sent => "sent",
            Self::Delivered => "delivered",
            Self::Read => "read",
            Self::Failed => "failed",
            Self::Received => "received",
        }
    }
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        Ok(match s {
            "pending" => Self::Pending,
            "sent" => Self::Sent,
            "delivered" => Self::Delivered,
            "read" => Self::Read,
            "failed" => Self::Failed,
            "received" => Self::Received,
            _ => return Err(Invalid::Unsupported),
        })
    }
    pub fn rank(self) -> i64 {
        match self {
            Self::Received | Self::Pending => 0,
            Self::Sent => 1,
            Self::Delivered => 2,
            Self::Read => 3,
            Self::Failed => 4,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Message {
    pub id: MessageId,
    pub conversation_id: ConversationId,
    pub direction: Direction,
    /// What it says; `content.kind()` is WhatsApp's name for its type.
    pub content: MessageContent,
    /// Plain text for previews and search: the body, caption or a description.
    pub text: Option<String>,
    pub wamid: Option<String>,
    pub status: MessageStatus,
    pub error_code: Option<i64>,
    pub error_title: Option<String>,
    pub reply_to_wamid: Option<String>,
    /// The customer's reaction on this message, if any.
    pub reaction: Option<String>,
    pub sender_id: Option<UserId>,
    /// The file of a media message, once downloaded.
    pub media: Option<MediaRef>,
    pub created_at: Timestamp,
}

/// Where a message's file is kept (a key in blob storage) and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaRef {
    pub key: String,
    pub mime: String,
    pub size: i64,
}

/// An inbound message after parsing, ready to be stored.
#[derive(Debug, Clone)]
pub struct InboundRecord {
    pub phone_number_id: String,
    pub wamid: String,
    /// The key a new contact is stored under: the BSUID when known, else the phone.
    pub customer_id: String,
    /// The customer's identities as this payload knows them; a contact is found by either, and
    /// two contacts a payload shows to be one customer are merged.
    pub customer_phone: Option<String>,
    pub customer_bsuid: Option<String>,
    pub profile_name: Option<String>,
    pub content: MessageContent,
    pub text: Option<String>,
    pub reply_to_wamid: Option<String>,
    pub sent_at: Timestamp,
}

/// A reaction from a customer: an emoji on one of the conversation's messages, or its removal.
#[derive(Debug, Clone)]
pub struct ReactionRecord {
    pub phone_number_id: String,
    pub target_wamid: String,
    pub emoji: Option<String>,
}

/// A delivery status from WhatsApp for one of our messages.
#[derive(Debug, Clone)]
pub struct StatusRecord {
    pub phone_number_id: String,
    pub wamid: String,
    pub status: MessageStatus,
    pub error_code: Option<i64>,
    pub error_title: Option<String>,
}

/// A new outgoing message, stored before it is handed to the Cloud API.
#[derive(Debug, Clone)]
pub struct OutboundRecord {
    pub conversation_id: ConversationId,
    pub sender_id: UserId,
    pub content: MessageContent,
    pub text: Option<String>,
    pub reply_to_wamid: Option<String>,
    /// The attachment, already in blob storage.
    pub media: Option<MediaRef>,
}

/// One entry of a conversation's timeline ("assigned to B by A", "closed by A").
#[derive(Debug, Clone)]
pub struct TimelineEvent {
    pub id: i64,
    pub conversation_id: ConversationId,
    pub kind: TimelineKind,
    pub actor_id: Option<UserId>,
    pub subject_id: Option<UserId>,
    pub created_at: Timestamp,
}

crate::named_enum! {
    /// What happened in a conversation, as its timeline shows it; stored by name.
    pub enum TimelineKind {
        Created = "created",
        Assigned = "assigned",
        Unassigned = "unassigned",
        Closed = "closed",
        Reopened = "reopened",
    }
}

crate::named_enum! {
    /// What a live event tells open browsers about; stored by name and sent as the SSE event
    /// name.
    pub enum LiveEventKind {
        /// A new message (its conversation changed with it).
        Message = "message",
        /// A message's delivery status changed.
        Status = "status",
        /// A conversation was created, assigned, closed, reopened or merged.
        Conversation = "conversation",
    }
}

/// A change that open browsers should see, kept in the database so a reconnecting client can
/// resume from its last event id and other instances can relay it.
#[derive(Debug, Clone)]
pub struct LiveEvent {
    pub id: i64,
    pub company_id: CompanyId,
    pub kind: LiveEventKind,
    pub conversation_id: Option<ConversationId>,
    pub message_id: Option<MessageId>,
    pub created_at: Timestamp,
}
