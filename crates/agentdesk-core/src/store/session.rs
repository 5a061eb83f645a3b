//! Server-side sessions. The cookie holds a random token; the database holds its SHA-256 hash, so
//! a copy of the database does not let anyone sign in.

use crate::Timestamp;
use crate::domain::UserId;

/// What a session may do: everything, or (after the password step of a 2FA login) only finish
/// the second step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    Full,
    PendingSecondFactor,
    /// Password given, but the company requires a second factor the user does not have yet:
    /// the session can only set one up.
    SetupSecondFactor,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Full => "full",
            SessionKind::PendingSecondFactor => "pending_second_factor",
            SessionKind::SetupSecondFactor => "setup_second_factor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "full" => Some(SessionKind::Full),
            "pending_second_factor" => Some(SessionKind::PendingSecondFactor),
            "setup_second_factor" => Some(SessionKind::SetupSecondFactor),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: String,
    pub user_id: UserId,
    pub kind: SessionKind,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub token_hash: String,
    pub user_id: UserId,
    pub kind: SessionKind,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}
