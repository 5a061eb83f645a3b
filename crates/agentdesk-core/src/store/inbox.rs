//! Inputs and outputs of the inbox's store operations.

use crate::domain::inbox::{InboundRecord, LiveEvent, NumberId, ReactionRecord, StatusRecord};
use crate::domain::{CompanyId, UserId};

/// Everything one webhook delivery carries, stored in one transaction.
#[derive(Debug, Clone, Default)]
pub struct WebhookBatch {
    pub messages: Vec<InboundRecord>,
    pub reactions: Vec<ReactionRecord>,
    pub statuses: Vec<StatusRecord>,
    /// Work for the job queue that belongs to this delivery (e.g. media downloads), enqueued in
    /// the same transaction so an acknowledged delivery never loses it. (kind, JSON payload)
    pub jobs: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct IngestOutcome {
    /// Messages stored for the first time.
    pub stored: usize,
    /// Messages already stored (a redelivery): nothing changed.
    pub duplicates: usize,
    /// Items for numbers nobody registered: ignored.
    pub unknown_number: usize,
    /// What open browsers should hear about.
    pub events: Vec<LiveEvent>,
}

/// Which conversations a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Mine(UserId),
    Unassigned,
    All,
}

#[derive(Debug, Clone)]
pub struct ConversationFilter {
    pub company: CompanyId,
    pub view: View,
    pub status: Option<crate::domain::inbox::ConversationStatus>,
    pub number: Option<NumberId>,
    /// Cursor paging: only conversations after this one in the list's order (newest activity
    /// first): its last activity and id.
    pub before: Option<(crate::Timestamp, crate::domain::inbox::ConversationId)>,
    pub limit: i64,
}

/// A unit of work in the database-backed queue.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
    pub max_attempts: i64,
}

/// Counts for the view tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewCounts {
    pub mine: i64,
    pub unassigned: i64,
    pub all: i64,
}

/// Why an assignment was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignError {
    NoSuchConversation,
    NoSuchAgent,
}
