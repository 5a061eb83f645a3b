//! Login throttling (SECURITY.md 9): failures are counted per submitted email and per client IP
//! in the database, so every instance sees them. Past the limit a key is locked for a time that
//! doubles with each further failure, capped, so nobody can lock a real user out for long. Keys
//! are the submitted email, not the user id, so unknown and existing accounts behave the same.

use std::sync::Arc;

use agentdesk_core::{Clock, Store};

use crate::config::LoginConfig;
use crate::http::ApiError;

pub struct LoginThrottle {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    config: LoginConfig,
}

pub fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

pub fn ip_key(ip: &str) -> String {
    format!("ip:{ip}")
}

/// The keys one password attempt counts against: the account, and the client's address when
/// known.
pub struct AttemptKeys {
    pub account: String,
    pub ip: Option<String>,
}

impl AttemptKeys {
    pub fn new(email: &str, ip: Option<&str>) -> Self {
        Self {
            account: account_key(email),
            ip: ip.map(ip_key),
        }
    }

    pub fn all(&self) -> Vec<String> {
        std::iter::once(self.account.clone())
            .chain(self.ip.clone())
            .collect()
    }
}

impl LoginThrottle {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>, config: LoginConfig) -> Self {
        Self {
            store,
            clock,
            config,
        }
    }

    /// Refuses with `RateLimited` (and the wait) when any key is locked.
    pub async fn check(&self, keys: &[String]) -> Result<(), ApiError> {
        let now = self.clock.now();
        let mut wait = 0;
        for key in keys {
            if let Some(until) = self
                .store
                .throttle_state(key)
                .await?
                .and_then(|s| s.locked_until)
            {
                wait = wait.max(now.secs_until(until));
            }
        }
        if wait > 0 {
            Err(ApiError::RateLimited {
                retry_after_secs: wait,
            })
        } else {
            Ok(())
        }
    }

    /// Counts a failure against an account key and an IP key, locking either past its limit.
    pub async fn failed(&self, account: &str, ip: Option<&str>) -> Result<(), ApiError> {
        self.count(account, self.config.account_max_failures)
            .await?;
        if let Some(ip) = ip {
            self.count(ip, self.config.ip_max_failures).await?;
        }
        Ok(())
    }

    async fn count(&self, key: &str, limit: i64) -> Result<(), ApiError> {
        let now = self.clock.now();
        let window_cutoff = now.minus_secs(self.config.window_minutes * 60);
        let state = self.store.record_failure(key, now, window_cutoff).await?;
        if state.failures >= limit {
            let over = u32::try_from(state.failures - limit)
                .unwrap_or(u32::MAX)
                .min(20);
            let secs = self
                .config
                .lock_base_seconds
                .saturating_mul(1_i64 << over)
                .min(self.config.lock_max_seconds);
            self.store.lock_until(key, now.plus_secs(secs)).await?;
        }
        Ok(())
    }

    pub async fn succeeded(&self, account: &str) -> Result<(), ApiError> {
        Ok(self.store.clear_throttle(account).await?)
    }
}

/// Asks a signed-in user for their password again (before changing it, or before showing new
/// recovery codes): wrong guesses count against the same throttle as sign-in and answer
/// `wrong_password`.
pub async fn confirm_password(
    state: &crate::state::AppState,
    user: &agentdesk_core::domain::User,
    ip: Option<&str>,
    password: &str,
) -> Result<(), ApiError> {
    let keys = AttemptKeys::new(user.email.as_str(), ip);
    state.throttle().check(&keys.all()).await?;
    let AttemptKeys { account, ip } = keys;
    let ok = state
        .passwords()
        .verify(password, Some(&user.password_hash))
        .await?;
    if !ok {
        state.throttle().failed(&account, ip.as_deref()).await?;
        return Err(ApiError::WrongPassword);
    }
    state.throttle().succeeded(&account).await
}
