//! Login throttling (docs/security.md 9): failures are counted in the database, so every instance sees
//! them. Past the limit a key is locked for a time that doubles with each further failure,
//! capped. An unknown client's failures count per submitted email and per client IP; a browser
//! that signed in as that user before (a device cookie, `device.rs`) counts against its own key
//! only, so strangers guessing a password cannot keep its owner out. A signed-in user asked for
//! their password again counts against a key of their own.

use std::sync::Arc;

use agentdesk_core::{Clock, Store, StoreError};

use crate::config::LoginConfig;
use crate::http::ApiError;

/// Why the throttle refused, or could not answer.
#[derive(Debug, thiserror::Error)]
pub enum ThrottleError {
    /// One of the client's budgets is locked for this long yet.
    #[error("locked for {retry_after_secs} s")]
    Locked { retry_after_secs: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<ThrottleError> for ApiError {
    fn from(e: ThrottleError) -> Self {
        match e {
            ThrottleError::Locked { retry_after_secs } => {
                ApiError::RateLimited { retry_after_secs }
            }
            ThrottleError::Store(e) => e.into(),
        }
    }
}

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

/// Who is trying a password, and so which budgets the try counts against.
#[derive(Debug, Clone)]
pub enum Client {
    /// A browser that signed in as this user before (its device cookie's hash): its own budget
    /// only, so nobody else's failures lock it out.
    Trusted { device: String },
    /// Anyone else: the account's budget (keyed by the submitted email, so unknown and existing
    /// accounts behave the same) and the client address's.
    Stranger { account: String, ip: Option<String> },
    /// A signed-in user asked for their password again: a budget of their own, which strangers
    /// cannot fill.
    SignedIn {
        user: agentdesk_core::domain::UserId,
    },
}

impl Client {
    pub fn stranger(email: &str, ip: Option<&str>) -> Self {
        Client::Stranger {
            account: account_key(email),
            ip: ip.map(ip_key),
        }
    }

    pub fn trusted(device_hash: &str) -> Self {
        Client::Trusted {
            device: format!("device:{device_hash}"),
        }
    }

    fn keys(&self) -> Vec<String> {
        match self {
            Client::Trusted { device } => vec![device.clone()],
            Client::Stranger { account, ip } => {
                std::iter::once(account.clone()).chain(ip.clone()).collect()
            }
            Client::SignedIn { user } => vec![format!("reauth:{}", user.0)],
        }
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

    /// Refuses with `RateLimited` (and the wait) when any of the client's budgets is locked.
    pub async fn check(&self, client: &Client) -> Result<(), ThrottleError> {
        let now = self.clock.now();
        let mut wait = 0;
        for key in client.keys() {
            if let Some(until) = self
                .store
                .throttle_state(&key)
                .await?
                .and_then(|s| s.locked_until)
            {
                wait = wait.max(now.secs_until(until));
            }
        }
        if wait > 0 {
            Err(ThrottleError::Locked {
                retry_after_secs: wait,
            })
        } else {
            Ok(())
        }
    }

    /// Counts a failure against the client's budgets, locking any past its limit.
    pub async fn failed(&self, client: &Client) -> Result<(), ThrottleError> {
        match client {
            Client::Stranger { account, ip } => {
                self.count(account, self.config.account_max_failures)
                    .await?;
                if let Some(ip) = ip {
                    self.count(ip, self.config.ip_max_failures).await?;
                }
            }
            Client::Trusted { .. } | Client::SignedIn { .. } => {
                for key in client.keys() {
                    self.count(&key, self.config.account_max_failures).await?;
                }
            }
        }
        Ok(())
    }

    async fn count(&self, key: &str, limit: i64) -> Result<(), ThrottleError> {
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

    /// A right password clears the budget it was tried under: the account's for a stranger (as
    /// before device cookies), the browser's own for a trusted one — which leaves the account's
    /// lock, if strangers caused one, in place for them.
    pub async fn succeeded(&self, client: &Client) -> Result<(), ThrottleError> {
        let key = match client {
            Client::Stranger { account, .. } => account.clone(),
            other => other.keys().into_iter().next().unwrap_or_default(),
        };
        Ok(self.store.clear_throttle(&key).await?)
    }
}

/// Asks a signed-in user for their password again (before changing it, or before showing new
/// recovery codes): wrong guesses count against the same throttle as sign-in and answer
/// `wrong_password`.
pub async fn confirm_password(
    state: &crate::state::AppState,
    user: &agentdesk_core::domain::User,
    password: &str,
) -> Result<(), ApiError> {
    let client = Client::SignedIn { user: user.id };
    state.throttle().check(&client).await?;
    let ok = state
        .passwords()
        .verify(password, Some(user.password_hash.expose()))
        .await?;
    if !ok {
        state.throttle().failed(&client).await?;
        return Err(ApiError::WrongPassword);
    }
    Ok(state.throttle().succeeded(&client).await?)
}
