//! A user's second factor: the method in force and the authenticator app's secret and used
//! time steps.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::{TwoFactorMethod, User, UserId};

#[async_trait::async_trait]
pub trait TwoFactorStore: Send + Sync {
    /// Turns two-factor authentication on with a method, or off (`None`). `totp_secret` is the
    /// authenticator's shared secret (base32) for `Totp` and is cleared for any other method.
    /// Turning it off also deletes the recovery codes, in the same transaction.
    async fn set_two_factor(
        &self,
        id: UserId,
        method: Option<TwoFactorMethod>,
        totp_secret: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;
    /// The authenticator's shared secret (base32), when the user has one.
    async fn totp_secret(&self, id: UserId) -> StoreResult<Option<crate::Secret>>;
    /// Records that the authenticator code of time step `step` was accepted, atomically; `false`
    /// when this step or a later one was already used (RFC 6238 §5.2: every code works once).
    async fn claim_totp_step(&self, id: UserId, step: i64) -> StoreResult<bool>;
}
