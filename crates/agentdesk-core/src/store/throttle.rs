//! The state of one login-throttle key.

use crate::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleState {
    /// Failures counted in the current window.
    pub failures: i64,
    pub window_started_at: Timestamp,
    /// Attempts are refused until then.
    pub locked_until: Option<Timestamp>,
}
