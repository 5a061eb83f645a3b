//! Recovery codes: ten single-use codes per user, stored as hashes.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::UserId;

#[async_trait::async_trait]
pub trait RecoveryCodeStore: Send + Sync {
    /// Replaces all the user's recovery codes with these hashes.
    async fn replace_recovery_codes(
        &self,
        id: UserId,
        hashes: &[String],
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Uses one recovery code up, atomically: `false` when `hash` is not one of the user's unused
    /// codes (of two parallel uses of one code, exactly one gets `true`).
    async fn use_recovery_code(&self, id: UserId, hash: &str, now: Timestamp) -> StoreResult<bool>;
    /// How many of the user's recovery codes are unused.
    async fn recovery_codes_left(&self, id: UserId) -> StoreResult<i64>;
}
