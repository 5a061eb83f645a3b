//! The storage contract, one trait per capability. Each backend (SQLite, PostgreSQL) implements
//! every trait with its own SQL and migrations; `Store` is all of them together, so the server
//! holds one `Arc<dyn Store>` while a feature's code and tests name only the capability they use.
//! Multi-step writes happen inside one transaction in the backend, never as several calls from the
//! caller. Reads that a request can reach take the caller's `CompanyId`, so a cross-company read
//! cannot happen by accident.

mod canned_responses;
mod conversations;
mod database;
mod jobs;
mod live_events;
mod numbers;
mod one_time_codes;
mod outbox;
mod recovery_codes;
mod security_events;
mod sessions;
mod throttle;
mod two_factor;
mod users;

pub use canned_responses::{
    CannedAttachment, CannedPatch, CannedResponse, CannedResponseId, CannedResponseStore,
    CannedScope, CannedSearch, CannedSearchScope, NewCannedResponse,
};
pub use conversations::{
    AssignError, ConversationFilter, ConversationStore, IngestOutcome, View, ViewCounts,
    WebhookBatch,
};
pub use database::DatabaseStore;
pub use jobs::{Job, JobKind, JobStore};
pub use live_events::{LiveEventStore, LiveFeed};
pub use numbers::NumberStore;
pub use one_time_codes::{
    Challenge, CodeChannel, NewChallenge, OneTimeCodeStore, Purpose, Resent, SendLimits,
};
pub use outbox::{OutboxMessage, OutboxStore};
pub use recovery_codes::RecoveryCodeStore;
pub use security_events::{SecurityEvent, SecurityEventKind, SecurityEventStore};
pub use sessions::{NewSession, Session, SessionKind, SessionStore};
pub use throttle::{ThrottleState, ThrottleStore};
pub use two_factor::TwoFactorStore;
pub use users::UserStore;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken; which one says what the caller tells the user.
    #[error("conflict with an existing record: {0:?}")]
    Conflict(Conflict),
    /// A stored value no longer passes its domain validation.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Backend(#[source] Box<dyn std::error::Error + Send + Sync>),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Which uniqueness rule a write broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// The email address (compared case-insensitively) belongs to another user.
    Email,
    /// The WhatsApp phone number id is connected already.
    PhoneNumberId,
    /// The customer already has an open conversation on that number.
    OpenConversation,
    /// The scope (the company's presets, or one agent's responses) has this short code.
    ShortCode,
    /// A rule no caller expects: the constraint's name or the database's message.
    Other(String),
}

/// Every capability of a backend together: what the server holds as `Arc<dyn Store>`.
pub trait Store:
    DatabaseStore
    + UserStore
    + TwoFactorStore
    + RecoveryCodeStore
    + OneTimeCodeStore
    + SecurityEventStore
    + OutboxStore
    + SessionStore
    + ThrottleStore
    + NumberStore
    + ConversationStore
    + LiveEventStore
    + JobStore
    + CannedResponseStore
    + 'static
{
}

impl<T> Store for T where
    T: DatabaseStore
        + UserStore
        + TwoFactorStore
        + RecoveryCodeStore
        + OneTimeCodeStore
        + SecurityEventStore
        + OutboxStore
        + SessionStore
        + ThrottleStore
        + NumberStore
        + ConversationStore
        + LiveEventStore
        + JobStore
        + CannedResponseStore
        + 'static
{
}
