//! The storage contract. Each backend (SQLite, PostgreSQL) implements `Store` with its own SQL and
//! migrations; the server only ever holds an `Arc<dyn Store>`. Multi-step writes happen inside one
//! transaction in the backend, never as several calls from the caller.

mod session;
mod throttle;

pub use session::{NewSession, Session, SessionKind};
pub use throttle::ThrottleState;

use crate::Timestamp;
use crate::domain::{Company, CompanyId, Email, NewUser, ProfilePatch, User, UserId};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken (for example an email already in use).
    #[error("conflict with an existing record")]
    Conflict,
    /// A stored value no longer passes its domain validation.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Backend(#[source] Box<dyn std::error::Error + Send + Sync>),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[async_trait::async_trait]
pub trait Store: Send + Sync + 'static {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Answers when the database does.
    async fn ping(&self) -> StoreResult<()>;
    /// Versions of the migrations applied, ascending.
    async fn applied_migrations(&self) -> StoreResult<Vec<i64>>;

    // Companies and users.
    async fn count_users(&self) -> StoreResult<i64>;
    async fn company(&self, id: CompanyId) -> StoreResult<Option<Company>>;
    /// All companies, oldest first.
    async fn companies(&self) -> StoreResult<Vec<Company>>;
    /// Creates the user, and the company by name when it does not exist, in one transaction.
    /// `Conflict` when the email (compared case-insensitively) is taken.
    async fn create_user(&self, new: &NewUser, now: Timestamp) -> StoreResult<User>;
    async fn user(&self, id: UserId) -> StoreResult<Option<User>>;
    async fn user_by_email(&self, email: &Email) -> StoreResult<Option<User>>;
    /// Users of one company, admins first, then by name.
    async fn company_users(&self, company: CompanyId) -> StoreResult<Vec<User>>;
    async fn update_profile(
        &self,
        id: UserId,
        patch: &ProfilePatch,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;
    /// Activates or deactivates a user of `company`; deactivating ends all their sessions in the
    /// same transaction. `None` when no such user exists in that company.
    async fn set_user_active(
        &self,
        company: CompanyId,
        id: UserId,
        active: bool,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;

    // Sessions. Only a hash of the session token is stored.
    async fn create_session(&self, session: &NewSession) -> StoreResult<()>;
    /// The live session for a token hash with its active user: not expired (absolute), not idle
    /// beyond `idle_cutoff`, user active.
    async fn live_session(
        &self,
        token_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> StoreResult<Option<(Session, User)>>;
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

    // Login throttling, keyed by a string such as `account:<email>` or `ip:<addr>`.
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
