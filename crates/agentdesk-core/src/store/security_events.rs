//! What happened to an account's security, for the user to review.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::UserId;

#[derive(Debug, Clone)]
pub struct SecurityEvent {
    pub id: i64,
    pub user_id: UserId,
    /// `signed_in`, `two_factor_failed`, `two_factor_enabled`, `two_factor_disabled`,
    /// `two_factor_switched`, `password_changed`, `phone_changed`, `phone_removed`.
    pub kind: String,
    pub detail: Option<String>,
    pub ip: Option<String>,
    pub created_at: Timestamp,
}

#[async_trait::async_trait]
pub trait SecurityEventStore: Send + Sync {
    async fn add_security_event(
        &self,
        user: UserId,
        kind: &str,
        detail: Option<&str>,
        ip: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Newest first.
    async fn security_events(&self, user: UserId, limit: i64) -> StoreResult<Vec<SecurityEvent>>;
}
