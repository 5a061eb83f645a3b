//! The job queue in the database: leased rows, so a crash loses nothing and several instances
//! share it.

use super::StoreResult;
use crate::Timestamp;

crate::named_enum! {
    /// What a job does; stored by name.
    pub enum JobKind {
        /// Send one outbound message through the Cloud API.
        SendMessage = "send_message",
        /// Fetch an inbound attachment from the Cloud API into the blob store.
        DownloadMedia = "download_media",
    }
}

/// A unit of work in the database-backed queue.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    /// `Err` holds a stored name this build does not know (a newer instance wrote it, or the row
    /// is corrupt): the worker gives the job up instead of claiming it forever.
    pub kind: Result<JobKind, String>,
    pub payload: String,
    pub attempts: i64,
    pub max_attempts: i64,
}

#[async_trait::async_trait]
pub trait JobStore: Send + Sync {
    async fn enqueue_job(
        &self,
        kind: JobKind,
        payload: &str,
        run_at: Timestamp,
        max_attempts: i64,
    ) -> StoreResult<i64>;
    /// Leases the next due job until `lease_until`; a crashed worker's lease runs out and the job
    /// is claimed again.
    async fn claim_job(&self, now: Timestamp, lease_until: Timestamp) -> StoreResult<Option<Job>>;
    async fn complete_job(&self, id: i64, now: Timestamp) -> StoreResult<()>;
    /// Schedules another attempt, or gives up when attempts are used up (`retry_at` = None).
    async fn fail_job(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<Timestamp>,
        now: Timestamp,
    ) -> StoreResult<()>;
}
