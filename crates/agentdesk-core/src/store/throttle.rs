//! Login throttling, keyed by a string such as `account:<email>` or `ip:<addr>`.

use super::StoreResult;
use crate::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleState {
    /// Failures counted in the current window.
    pub failures: i64,
    pub window_started_at: Timestamp,
    /// Attempts are refused until then.
    pub locked_until: Option<Timestamp>,
}

#[async_trait::async_trait]
pub trait ThrottleStore: Send + Sync {
    async fn throttle_state(&self, key: &str) -> StoreResult<Option<ThrottleState>>;
    /// Counts one failure atomically: the window restarts when `window_start_cutoff` is later than
    /// the stored window start. Returns the state after counting.
    async fn record_failure(
        &self,
        key: &str,
        now: Timestamp,
        window_start_cutoff: Timestamp,
    ) -> StoreResult<ThrottleState>;
    async fn lock_until(&self, key: &str, until: Timestamp) -> StoreResult<()>;
    async fn clear_throttle(&self, key: &str) -> StoreResult<()>;
}
