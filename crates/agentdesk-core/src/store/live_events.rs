//! Live events: what open browsers hear about, kept so a stream can resume.

use super::StoreResult;
use crate::domain::CompanyId;
use crate::domain::inbox::LiveEvent;

/// Ids of live events committed by any instance, as the database announces them.
pub type LiveFeed = std::pin::Pin<Box<dyn futures_core::Stream<Item = i64> + Send>>;

#[async_trait::async_trait]
pub trait LiveEventStore: Send + Sync {
    /// One live event by id (for relaying events another instance created).
    async fn live_event(&self, id: i64) -> StoreResult<Option<LiveEvent>>;
    /// A feed of every committed live event's id when the backend can announce them to other
    /// instances (PostgreSQL `LISTEN/NOTIFY`); `None` for single-instance backends (SQLite).
    async fn live_feed(&self) -> StoreResult<Option<LiveFeed>>;
    /// Live events of a company after `after` (exclusive), oldest first.
    async fn live_events_after(
        &self,
        company: CompanyId,
        after: i64,
        limit: i64,
    ) -> StoreResult<Vec<LiveEvent>>;
}
