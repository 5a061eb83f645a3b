//! Server-side sessions (docs/security.md 11–13): 256-bit random tokens, only their SHA-256 stored,
//! idle and absolute timeouts checked on every request, and revocation by deleting the row.

use std::sync::Arc;

use agentdesk_core::domain::User;
use agentdesk_core::store::{NewSession, Session, SessionKind};
use agentdesk_core::{Clock, Store, Timestamp};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};

use crate::config::SessionConfig;
use crate::http::ApiError;

/// Writing `last_seen_at` on every request would turn each page view into a write; once a minute
/// is precise enough for a 30-minute idle timeout.
const TOUCH_EVERY_SECS: i64 = 60;

/// How long a half-session (password given, code pending) lives.
pub const PENDING_SECS: i64 = 15 * 60;

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub struct Sessions {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    idle_secs: i64,
    absolute_secs: i64,
}

impl Sessions {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>, config: &SessionConfig) -> Self {
        Self {
            store,
            clock,
            idle_secs: config.idle_timeout_minutes.max(1) * 60,
            absolute_secs: config.absolute_timeout_hours.max(1) * 3600,
        }
    }

    fn idle_cutoff(&self, now: Timestamp) -> Timestamp {
        now.minus_secs(self.idle_secs)
    }

    /// Starts a session and returns the token for the cookie.
    pub async fn start(
        &self,
        user: &User,
        kind: SessionKind,
        ip: Option<String>,
        user_agent: Option<String>,
    ) -> Result<String, ApiError> {
        let token = new_token();
        let now = self.clock.now();
        self.store
            .create_session(&NewSession {
                token_hash: token_hash(&token),
                user_id: user.id,
                kind,
                created_at: now,
                expires_at: now.plus_secs(match kind {
                    SessionKind::Full => self.absolute_secs,
                    // Only long enough to type a code.
                    SessionKind::PendingSecondFactor => PENDING_SECS,
                    // Long enough to add a phone and confirm a code or two.
                    SessionKind::SetupSecondFactor => 2 * PENDING_SECS,
                }),
                ip,
                user_agent,
            })
            .await?;
        Ok(token)
    }

    /// The live session for a token hash, refreshing its idle deadline. Storage trouble counts as
    /// signed out (and is logged) rather than failing every request.
    pub async fn resolve(&self, hash: &str) -> Option<(Session, User)> {
        let now = self.clock.now();
        let found = match self
            .store
            .live_session(hash, now, self.idle_cutoff(now))
            .await
        {
            Ok(found) => found,
            Err(e) => {
                tracing::error!(error = %e, "session look-up failed");
                return None;
            }
        };
        let (session, user) = found?;
        if now.0 - session.last_seen_at.0 >= TOUCH_EVERY_SECS * 1000
            && let Err(e) = self.store.touch_session(hash, now).await
        {
            tracing::warn!(error = %e, "session touch failed");
        }
        Some((session, user))
    }

    /// A user's live sessions, most recently used first.
    pub async fn of_user(
        &self,
        user: agentdesk_core::domain::UserId,
    ) -> Result<Vec<Session>, ApiError> {
        let now = self.clock.now();
        Ok(self
            .store
            .user_sessions(user, now, self.idle_cutoff(now))
            .await?)
    }

    pub async fn end(&self, hash: &str) -> Result<(), ApiError> {
        Ok(self.store.delete_session(hash).await?)
    }

    pub async fn purge_expired(&self) -> Result<u64, ApiError> {
        let now = self.clock.now();
        Ok(self
            .store
            .purge_expired_sessions(now, self.idle_cutoff(now))
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bit_and_distinct() {
        let a = new_token();
        assert_eq!(URL_SAFE_NO_PAD.decode(&a).unwrap().len(), 32);
        assert_ne!(a, new_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
