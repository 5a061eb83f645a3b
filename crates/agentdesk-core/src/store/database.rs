//! The database itself: which backend, whether it answers, which migrations ran.

use super::StoreResult;

#[async_trait::async_trait]
pub trait DatabaseStore: Send + Sync {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Answers when the database does.
    async fn ping(&self) -> StoreResult<()>;
    /// Versions of the migrations applied, ascending.
    async fn applied_migrations(&self) -> StoreResult<Vec<i64>>;
}
