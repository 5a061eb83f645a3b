//! Server-side sessions. The cookie holds a random token; the database holds its SHA-256 hash, so
//! a copy of the database does not let anyone sign in.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::{User, UserId};

crate::named_enum! {
    /// What a session may do: everything, or (after the password step of a 2FA login) only
    /// finish the second step.
    pub enum SessionKind {
        Full = "full",
        PendingSecondFactor = "pending_second_factor",
        /// Password given, but the company requires a second factor the user does not have yet:
        /// the session can only set one up.
        SetupSecondFactor = "setup_second_factor",
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

/// Sessions (only a hash of each token is stored) and device cookies: browsers that completed a
/// sign-in, also stored only as hashes.
#[async_trait::async_trait]
pub trait SessionStore: Send + Sync {
    async fn create_session(&self, session: &NewSession) -> StoreResult<()>;
    /// The live session for a token hash with its active user: not expired (absolute), not idle
    /// beyond `idle_cutoff`, user active.
    async fn live_session(
        &self,
        token_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> StoreResult<Option<(Session, User)>>;
    /// The user's live sessions (full or half), most recently used first.
    async fn user_sessions(
        &self,
        user: UserId,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> StoreResult<Vec<Session>>;
    async fn touch_session(&self, token_hash: &str, now: Timestamp) -> StoreResult<()>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;
    /// Ends every session of a user except `keep` (a token hash); returns how many ended.
    async fn delete_user_sessions(&self, user: UserId, keep: Option<&str>) -> StoreResult<u64>;
    /// Removes sessions whose absolute or idle deadline has passed; returns how many.
    async fn purge_expired_sessions(
        &self,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> StoreResult<u64>;
    async fn trust_device(&self, token_hash: &str, user: UserId, now: Timestamp)
    -> StoreResult<()>;
    /// The user a device cookie was given to, if it was used after `cutoff`; marks it used at
    /// `now` in the same statement.
    async fn trusted_device_user(
        &self,
        token_hash: &str,
        now: Timestamp,
        cutoff: Timestamp,
    ) -> StoreResult<Option<UserId>>;
}
