//! The dev outbox: messages kept instead of sent (demo and tests only).

use super::StoreResult;
use crate::Timestamp;

/// A message the dev outbox holds instead of sending it.
#[derive(Debug, Clone)]
pub struct OutboxMessage {
    pub id: i64,
    pub channel: String,
    pub destination: String,
    pub subject: Option<String>,
    pub body: String,
    pub created_at: Timestamp,
}

#[async_trait::async_trait]
pub trait OutboxStore: Send + Sync {
    async fn push_outbox(
        &self,
        channel: &str,
        destination: &str,
        subject: Option<&str>,
        body: &str,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Newest first.
    async fn outbox(&self, limit: i64) -> StoreResult<Vec<OutboxMessage>>;
}
