//! The application's shared state: configuration, the store, the clock and the services built on
//! them. Cheap to clone (one `Arc`); no globals.

use std::sync::Arc;

use agentdesk_core::{Clock, Store};

use crate::auth::password::Passwords;
use crate::auth::session::Sessions;
use crate::auth::throttle::LoginThrottle;
use crate::blobs::{BlobStore, LocalBlobs};
use crate::config::Config;
use crate::inbox::ingest::IngestQueue;
use crate::inbox::jobs::Jobs;
use crate::inbox::live::LiveHub;
use crate::whatsapp::cloud_api::CloudApi;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    config: Config,
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    passwords: Passwords,
    sessions: Sessions,
    throttle: LoginThrottle,
    live: LiveHub,
    jobs: Jobs,
    cloud: CloudApi,
    blobs: Arc<dyn BlobStore>,
    ingest: IngestQueue,
    notifier: crate::delivery::Notifier,
    /// One picture is decoded at a time: bounded CPU and memory, whatever the upload rate.
    pictures: tokio::sync::Semaphore,
}

impl AppState {
    pub fn new(config: Config, store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        let api_base = config.whatsapp.api_base.clone();
        Self::with_api_base(config, store, clock, &api_base)
    }

    /// `api_base` is where the Cloud API client sends requests: the configured base, or the
    /// built-in emulator in demo mode.
    pub fn with_api_base(
        config: Config,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        api_base: &str,
    ) -> Self {
        let sessions = Sessions::new(store.clone(), clock.clone(), &config.session);
        let throttle = LoginThrottle::new(store.clone(), clock.clone(), config.login.clone());
        let live = LiveHub::new(store.clone(), clock.clone());
        let jobs = Jobs::new(store.clone(), clock.clone());
        Self(Arc::new(Inner {
            passwords: Passwords::new(),
            sessions,
            throttle,
            live,
            jobs,
            cloud: CloudApi::new(api_base),
            blobs: Arc::new(LocalBlobs::new(config.data_dir.join("blobs"))),
            ingest: IngestQueue::new(),
            pictures: tokio::sync::Semaphore::new(1),
            notifier: crate::delivery::Notifier::new(
                config.delivery_mode(),
                &config.delivery,
                store.clone(),
                clock.clone(),
            ),
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
    pub fn live(&self) -> &LiveHub {
        &self.0.live
    }
    pub fn jobs(&self) -> &Jobs {
        &self.0.jobs
    }
    pub fn cloud(&self) -> &CloudApi {
        &self.0.cloud
    }
    pub fn notifier(&self) -> &crate::delivery::Notifier {
        &self.0.notifier
    }

    pub fn pictures(&self) -> &tokio::sync::Semaphore {
        &self.0.pictures
    }

    pub fn ingest(&self) -> &IngestQueue {
        &self.0.ingest
    }
    pub fn blobs(&self) -> &dyn BlobStore {
        self.0.blobs.as_ref()
    }
}
