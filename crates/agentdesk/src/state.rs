//! The application's shared state: configuration, the store, the clock and the services built on
//! them. Cheap to clone (one `Arc`); no globals.

use std::sync::Arc;

use agentdesk_core::{Clock, Store};

use crate::auth::password::Passwords;
use crate::auth::session::Sessions;
use crate::auth::throttle::LoginThrottle;
use crate::config::Config;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    config: Config,
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    passwords: Passwords,
    sessions: Sessions,
    throttle: LoginThrottle,
}

impl AppState {
    pub fn new(config: Config, store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        let sessions = Sessions::new(store.clone(), clock.clone(), &config.session);
        let throttle = LoginThrottle::new(store.clone(), clock.clone(), config.login.clone());
        Self(Arc::new(Inner {
            passwords: Passwords::new(),
            sessions,
            throttle,
            config,
            store,
            clock,
        }))
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }
    pub fn store(&self) -> &dyn Store {
        self.0.store.as_ref()
    }
    pub fn clock(&self) -> &dyn Clock {
        self.0.clock.as_ref()
    }
    pub fn passwords(&self) -> &Passwords {
        &self.0.passwords
    }
    pub fn sessions(&self) -> &Sessions {
        &self.0.sessions
    }
    pub fn throttle(&self) -> &LoginThrottle {
        &self.0.throttle
    }
}
