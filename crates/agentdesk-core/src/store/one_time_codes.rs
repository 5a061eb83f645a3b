//! One-time codes (docs/security.md 1–4). Codes are stored only as a keyed hash; the pending
//! action travels with the challenge (`payload`), so a code does exactly what it was sent for.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::UserId;

crate::named_enum! {
    /// What a code is for; stored by name.
    pub enum Purpose {
        /// The second step of signing in.
        Login = "login",
        /// Turning two-factor authentication on, or changing its method.
        TwoFactor = "two_factor",
        /// Proving the current phone number before it changes.
        PhoneOld = "phone_old",
        /// Verifying a new phone number.
        PhoneNew = "phone_new",
    }
}

crate::named_enum! {
    /// Where a code comes from; stored by name.
    pub enum CodeChannel {
        Sms = "sms",
        Email = "email",
        /// The user's authenticator app: nothing is sent.
        Totp = "totp",
    }
}

#[derive(Debug, Clone)]
pub struct NewChallenge {
    /// Random, unguessable; what the client sends back with the code.
    pub id: String,
    pub user_id: UserId,
    pub purpose: Purpose,
    /// `Totp` when the code comes from the user's authenticator app (nothing is sent,
    /// `destination` and `code_hash` are empty).
    pub channel: CodeChannel,
    pub destination: String,
    /// Whether `destination` is the account's own verified address (its email, its verified
    /// phone); `false` for a number being added, whose owner is not known yet.
    pub verified: bool,
    /// The pending action, as JSON.
    pub payload: String,
    pub code_hash: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// How many codes may be sent within the hour before `now` (docs/security.md 4). Checked and counted
/// in the same transaction as the send is recorded, so parallel requests cannot pass together.
#[derive(Debug, Clone, Copy)]
pub struct SendLimits {
    /// Sends counted after this moment.
    pub since: Timestamp,
    /// Sends by one account, wherever they went.
    pub per_account: i64,
    /// Sends to one destination that is the sending account's own verified address. Sends that
    /// other accounts make to it while adding it as a new number never use this budget up.
    pub per_verified_destination: i64,
    /// Sends to one destination as a number being added: counted against every send to it, so a
    /// number receives few codes its owner did not ask for.
    pub per_unverified_destination: i64,
}

/// What became of a resend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resent {
    Sent,
    /// The challenge was used up or replaced meanwhile.
    NotLive,
    /// A send limit is reached; nothing changed.
    Limited,
}

#[derive(Debug, Clone)]
pub struct Challenge {
    pub id: String,
    pub user_id: UserId,
    pub purpose: Purpose,
    pub channel: CodeChannel,
    pub destination: String,
    pub verified: bool,
    pub payload: String,
    pub code_hash: String,
    /// Wrong codes tried against this challenge's current code.
    pub attempts: i64,
    pub sends: i64,
    pub created_at: Timestamp,
    pub last_sent_at: Timestamp,
    pub expires_at: Timestamp,
    pub consumed: bool,
}

#[async_trait::async_trait]
pub trait OneTimeCodeStore: Send + Sync {
    /// Stores a challenge and counts its send, unless `limits` are reached (`false`, nothing
    /// stored): check and count are one atomic step. Any live challenge of the same user and
    /// purpose dies (one live code per user and purpose). A `totp` challenge sends nothing and is
    /// neither limited nor counted.
    async fn create_challenge(
        &self,
        challenge: &NewChallenge,
        limits: &SendLimits,
    ) -> StoreResult<bool>;
    async fn challenge(&self, id: &str) -> StoreResult<Option<Challenge>>;
    /// A resend: a new code replaces the old one (its wrong-try count starts again; the
    /// account's failure counter does not), under the same `limits`, checked and counted
    /// atomically.
    async fn resend_challenge(
        &self,
        id: &str,
        code_hash: &str,
        now: Timestamp,
        expires_at: Timestamp,
        limits: &SendLimits,
    ) -> StoreResult<Resent>;
    /// Counts a wrong code against the challenge and the account; returns the account's
    /// consecutive failures.
    async fn otp_failed(&self, challenge: &str, user: UserId, now: Timestamp) -> StoreResult<i64>;
    /// The account's consecutive failures and when the last one happened.
    async fn otp_failures(&self, user: UserId) -> StoreResult<Option<(i64, Timestamp)>>;
    /// Uses a challenge up, atomically: of two parallel calls exactly one gets `true`. Only a
    /// live, unexpired challenge with fewer than `max_attempts` wrong tries can be consumed; a
    /// success clears the account's failure counter.
    async fn consume_challenge(
        &self,
        id: &str,
        user: UserId,
        max_attempts: i64,
        now: Timestamp,
    ) -> StoreResult<bool>;
}
