//! One-time codes, the dev outbox and security events as stored. Codes are stored only as a
//! keyed hash; the pending action travels with the challenge (`payload`), so a code does exactly
//! what it was sent for.

use crate::Timestamp;
use crate::domain::UserId;

#[derive(Debug, Clone)]
pub struct NewChallenge {
    /// Random, unguessable; what the client sends back with the code.
    pub id: String,
    pub user_id: UserId,
    /// `login`, `two_factor`, `phone_old`, `phone_new`.
    pub purpose: String,
    /// `sms` or `email`; `totp` when the code comes from the user's authenticator app (nothing
    /// is sent, `destination` and `code_hash` are empty).
    pub channel: String,
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

/// How many codes may be sent within the hour before `now` (SECURITY.md 4). Checked and counted
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
    pub purpose: String,
    pub channel: String,
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

/// A message the dev outbox holds instead of sending it.
#[derive(Debug, Clone)]
pub struct OutboxMessage {
    pub id: i64,
    pub channel: String,
    pub destination: String,
    pub subject: Option<String>,
    pub body: String,
    pub created_at: Timestamp,
}

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
