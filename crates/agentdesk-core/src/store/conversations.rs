//! Conversations and their messages: webhook ingest, lists, assignment, replies.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::inbox::{
    Conversation, ConversationId, ConversationStatus, InboundRecord, LiveEvent, MediaRef, Message,
    MessageId, MessageStatus, NumberId, OutboundRecord, ReactionRecord, StatusRecord,
    TimelineEvent,
};
use crate::domain::{CompanyId, UserId};

/// Everything one webhook delivery carries, stored in one transaction.
#[derive(Debug, Clone, Default)]
pub struct WebhookBatch {
    pub messages: Vec<InboundRecord>,
    pub reactions: Vec<ReactionRecord>,
    pub statuses: Vec<StatusRecord>,
    /// Work for the job queue that belongs to this delivery (e.g. media downloads), enqueued in
    /// the same transaction so an acknowledged delivery never loses it. (kind, JSON payload)
    pub jobs: Vec<(super::JobKind, String)>,
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

#[async_trait::async_trait]
pub trait ConversationStore: Send + Sync {
    /// Stores one webhook delivery in one transaction: contacts, conversations (opened and
    /// assigned by the number's rule), messages deduplicated by wamid, reactions, statuses that
    /// never downgrade, jobs, and the live events that tell browsers.
    async fn ingest(&self, batch: &WebhookBatch, now: Timestamp) -> StoreResult<IngestOutcome>;
    /// Newest activity first.
    async fn conversations(&self, filter: &ConversationFilter) -> StoreResult<Vec<Conversation>>;
    async fn view_counts(&self, company: CompanyId, me: UserId) -> StoreResult<ViewCounts>;
    async fn conversation(
        &self,
        company: CompanyId,
        id: ConversationId,
    ) -> StoreResult<Option<Conversation>>;
    /// A page of the messages of a conversation of `company`: the newest `limit` before `before`
    /// (all when `None`), oldest first; empty for another company's conversation.
    async fn messages(
        &self,
        company: CompanyId,
        conversation: ConversationId,
        before: Option<MessageId>,
        limit: i64,
    ) -> StoreResult<Vec<Message>>;
    /// A message of a conversation of `company`.
    async fn message(&self, company: CompanyId, id: MessageId) -> StoreResult<Option<Message>>;
    /// The assignment and status history of a conversation of `company`, oldest first.
    async fn timeline(
        &self,
        company: CompanyId,
        conversation: ConversationId,
    ) -> StoreResult<Vec<TimelineEvent>>;
    /// Assigns (or with `None` unassigns) a conversation of `company` to one of its active users,
    /// with a timeline entry and a live event.
    async fn assign(
        &self,
        company: CompanyId,
        id: ConversationId,
        assignee: Option<UserId>,
        actor: UserId,
        now: Timestamp,
    ) -> StoreResult<Result<(Conversation, LiveEvent), AssignError>>;
    /// Closes or reopens. Reopening fails with `Conflict` when the customer already has another
    /// open conversation on that number.
    async fn set_conversation_status(
        &self,
        company: CompanyId,
        id: ConversationId,
        status: ConversationStatus,
        actor: UserId,
        now: Timestamp,
    ) -> StoreResult<Option<(Conversation, LiveEvent)>>;
    /// Stores an outgoing message as `pending` and tells browsers.
    async fn create_outbound(
        &self,
        record: &OutboundRecord,
        now: Timestamp,
    ) -> StoreResult<(Message, LiveEvent)>;
    /// Records what the Cloud API answered for an outgoing message.
    async fn outbound_result(
        &self,
        id: MessageId,
        wamid: Option<&str>,
        status: MessageStatus,
        error: Option<(i64, &str)>,
        now: Timestamp,
    ) -> StoreResult<Option<(Message, LiveEvent)>>;
    /// Records the downloaded file of an inbound media message, found by its wamid within the
    /// number it arrived on.
    async fn attach_media(
        &self,
        phone_number_id: &str,
        wamid: &str,
        media: &MediaRef,
        now: Timestamp,
    ) -> StoreResult<Option<(Message, LiveEvent)>>;
}
