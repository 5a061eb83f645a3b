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
    /// The pending action, as JSON.
    pub payload: String,
    pub code_hash: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct Challenge {
    pub id: String,
    pub user_id: UserId,
    pub purpose: String,
    pub channel: String,
    pub destination: String,
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
