//! The database-backed job queue's workers: sending replies through the Cloud API and
//! downloading customers' media. A job is leased, not deleted, while it runs: if the process dies
//! the lease runs out and another worker (or instance) picks it up, so acknowledged work is never
//! lost. Failures that may pass (rate limits, timeouts, 5xx) retry with exponential backoff.

use std::sync::Arc;
use std::time::Duration;

use agentdesk_core::domain::CompanyId;
use agentdesk_core::domain::content::MessageContent;
use agentdesk_core::domain::inbox::{ConversationId, MessageId, MessageStatus};
use agentdesk_core::store::{Job, JobKind};
use agentdesk_core::{Clock, Store};
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;

use crate::http::ApiError;
use crate::state::AppState;
use crate::whatsapp::cloud_api::{CloudApiError, OutboundBody, OutboundMediaKind, OutboundMessage};

/// How long a worker may hold a job before others may take it over.
const LEASE_SECS: i64 = 120;
const MAX_ATTEMPTS: i64 = 8;
/// Workers per instance; sends wait on the network, not the CPU.
pub const WORKERS: usize = 4;

#[derive(Debug, Serialize, Deserialize)]
pub struct SendJob {
    pub company_id: i64,
    pub conversation_id: i64,
    pub message_id: i64,
}

pub struct Jobs {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    wake: Notify,
}

impl Jobs {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            clock,
            wake: Notify::new(),
        }
    }

    pub async fn enqueue(&self, kind: JobKind, payload: &impl Serialize) -> Result<(), ApiError> {
        let json = serde_json::to_string(payload).map_err(ApiError::internal)?;
        self.store
            .enqueue_job(kind, &json, self.clock.now(), MAX_ATTEMPTS)
            .await?;
        self.wake();
        Ok(())
    }

    pub async fn enqueue_send(
        &self,
        company: CompanyId,
        conversation: ConversationId,
        message: MessageId,
    ) -> Result<(), ApiError> {
        self.enqueue(
            JobKind::SendMessage,
            &SendJob {
                company_id: company.0,
                conversation_id: conversation.0,
                message_id: message.0,
            },
        )
        .await
    }

    /// Tells an idle worker to look for work now.
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

/// Exponential backoff: 2 s, 4 s, 8 s … capped at 5 minutes, or what the API asked for.
pub fn backoff(attempt: i64, asked_secs: Option<u64>) -> i64 {
    let exp = 2_i64.saturating_pow(u32::try_from(attempt.clamp(1, 20)).unwrap_or(20));
    let asked = asked_secs.and_then(|s| i64::try_from(s).ok()).unwrap_or(0);
    exp.min(300).max(asked)
}

/// One worker: claims due jobs until told to stop (the task is aborted at shutdown; a job cut
/// short is retried after its lease).
pub async fn run_worker(state: AppState) {
    loop {
        let now = state.clock().now();
        match state
            .store()
            .claim_job(now, now.plus_secs(LEASE_SECS))
            .await
        {
            Ok(Some(job)) => {
                handle(&state, job).await;
                continue;
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "cannot claim a job"),
        }
        tokio::select! {
            _ = state.jobs().wake.notified() => {}
            _ = tokio::time::sleep(Duration::from_millis(500)) => {}
        }
    }
}

enum Outcome {
    Done,
    Retry { error: String, after_secs: i64 },
    GiveUp(String),
}

async fn handle(state: &AppState, job: Job) {
    let outcome = match &job.kind {
        Ok(JobKind::SendMessage) => match serde_json::from_str::<SendJob>(&job.payload) {
            Ok(p) => send(state, &p, &job).await,
            Err(e) => Outcome::GiveUp(format!("bad payload: {e}")),
        },
        Ok(JobKind::DownloadMedia) => match serde_json::from_str::<DownloadJob>(&job.payload) {
            Ok(p) => download(state, &p, &job).await,
            Err(e) => Outcome::GiveUp(format!("bad payload: {e}")),
        },
        Err(unknown) => Outcome::GiveUp(format!("unknown job kind {unknown}")),
    };
    let now = state.clock().now();
    let recorded = match outcome {
        Outcome::Done => state.store().complete_job(job.id, now).await,
        Outcome::Retry { error, after_secs } if job.attempts < job.max_attempts => {
            tracing::info!(job = job.id, attempt = job.attempts, after_secs, %error, "job will retry");
            state
                .store()
                .fail_job(job.id, &error, Some(now.plus_secs(after_secs)), now)
                .await
        }
        Outcome::Retry { error, .. } | Outcome::GiveUp(error) => {
            let kind = job
                .kind
                .as_ref()
                .map_or_else(|k| k.as_str(), |k| k.as_str());
            tracing::warn!(job = job.id, kind, %error, "job given up");
            state.store().fail_job(job.id, &error, None, now).await
        }
    };
    if let Err(e) = recorded {
        tracing::error!(job = job.id, error = %e, "cannot record the job's outcome");
    }
}

async fn send(state: &AppState, p: &SendJob, job: &Job) -> Outcome {
    let store = state.store();
    let loaded = async {
        let message = store
            .message(CompanyId(p.company_id), MessageId(p.message_id))
            .await?;
        let conversation = store
            .conversation(CompanyId(p.company_id), ConversationId(p.conversation_id))
            .await?;
        let number = match &conversation {
            Some(c) => store.number(c.company_id, c.number_id).await?,
            None => None,
        };
        Ok::<_, agentdesk_core::StoreError>((message, conversation, number))
    };
    let (message, conversation, number) = match loaded.await {
        Ok((Some(m), _, Some(n))) if n.disconnected_at.is_some() => {
            // Disconnected after the message was queued: it fails, visibly, instead of waiting.
            let failed = store
                .outbound_result(
                    m.id,
                    None,
                    MessageStatus::Failed,
                    Some((0, "The WhatsApp number was disconnected")),
                    state.clock().now(),
                )
                .await;
            if let Ok(Some((_, event))) = failed {
                state.live().publish(vec![event]).await;
            }
            return Outcome::GiveUp("the number was disconnected".into());
        }
        Ok((Some(m), Some(c), Some(n))) => (m, c, n),
        Ok(_) => return Outcome::GiveUp("message, conversation or number is gone".into()),
        Err(e) => {
            return Outcome::Retry {
                error: e.to_string(),
                after_secs: backoff(job.attempts, None),
            };
        }
    };
    if message.status != MessageStatus::Pending {
        return Outcome::Done; // sent by an earlier attempt whose completion was not recorded
    }
    let (text, caption, filename) = match &message.content {
        MessageContent::Text { body } => (body.clone(), None, None),
        MessageContent::Media {
            caption, filename, ..
        } => (String::new(), caption.clone(), filename.clone()),
        other => return Outcome::GiveUp(format!("cannot send a {} message", other.kind())),
    };
    let to = conversation
        .contact
        .phone
        .clone()
        .unwrap_or_else(|| conversation.contact.customer_id.clone());
    let media = match &message.media {
        None => None,
        Some(m) => match state.blobs().get(&m.key).await {
            Ok(Some(bytes)) => Some((m.clone(), bytes)),
            Ok(None) => {
                return Outcome::GiveUp("the attachment is missing from blob storage".into());
            }
            Err(e) => {
                return Outcome::Retry {
                    error: e.to_string(),
                    after_secs: backoff(job.attempts, None),
                };
            }
        },
    };
    // Attachments go to the Cloud API's media endpoint first and are then sent by id.
    let result = async {
        let body = match media {
            None => OutboundBody::Text {
                body: text,
                preview_url: false,
            },
            Some((m, bytes)) => {
                let filename = filename.unwrap_or_else(|| "attachment".into());
                let media_id = state
                    .cloud()
                    .upload_media(
                        number.access_token.expose(),
                        &number.phone_number_id,
                        bytes,
                        &m.mime,
                        &filename,
                    )
                    .await?;
                let kind = OutboundMediaKind::parse(message.content.kind())
                    .unwrap_or(OutboundMediaKind::Document);
                OutboundBody::Media {
                    kind,
                    media_id,
                    caption,
                    filename: (kind == OutboundMediaKind::Document).then_some(filename),
                }
            }
        };
        let outbound = OutboundMessage {
            to,
            reply_to: message.reply_to_wamid.clone(),
            body,
        };
        state
            .cloud()
            .send(
                number.access_token.expose(),
                &number.phone_number_id,
                &outbound,
            )
            .await
    }
    .await;
    let now = state.clock().now();
    let recorded = match result {
        Ok(wamid) => {
            store
                .outbound_result(message.id, Some(&wamid), MessageStatus::Sent, None, now)
                .await
        }
        Err(e) if e.is_retryable() && job.attempts < job.max_attempts => {
            let asked = match &e {
                CloudApiError::RateLimited {
                    retry_after_secs, ..
                } => *retry_after_secs,
                _ => None,
            };
            return Outcome::Retry {
                error: e.to_string(),
                after_secs: backoff(job.attempts, asked),
            };
        }
        Err(e) => {
            if matches!(e, CloudApiError::TokenInvalid { .. }) {
                tracing::warn!(
                    number_id = number.id.0,
                    "the Cloud API rejected the number's access token; flagged for the admin"
                );
                if let Err(err) = store.flag_number_token(number.id, now).await {
                    tracing::error!(error = %err, "cannot flag the number");
                }
            }
            let title = failure_title(&e);
            store
                .outbound_result(
                    message.id,
                    None,
                    MessageStatus::Failed,
                    Some((e.code().unwrap_or(0), &title)),
                    now,
                )
                .await
        }
    };
    match recorded {
        Ok(Some((_, event))) => {
            state.live().publish(vec![event]).await;
            Outcome::Done
        }
        Ok(None) => Outcome::Done,
        Err(e) => Outcome::Retry {
            error: e.to_string(),
            after_secs: backoff(job.attempts, None),
        },
    }
}

/// What the webhook queues for an inbound media message.
#[derive(Debug, Deserialize)]
pub struct DownloadJob {
    pub phone_number_id: String,
    pub wamid: String,
    pub media_id: String,
    pub mime_type: Option<String>,
    pub sha256: Option<String>,
}

/// WhatsApp's largest media (documents) is 100 MB.
const MAX_MEDIA_BYTES: u64 = 100 * 1024 * 1024;

/// Fetches a customer's media from the Cloud API (`GET /{media-id}` → URL → bytes with the
/// bearer token, SHA-256 checked), keeps it in blob storage and tells open browsers.
async fn download(state: &AppState, p: &DownloadJob, job: &Job) -> Outcome {
    let retry = |e: String| Outcome::Retry {
        error: e,
        after_secs: backoff(job.attempts, None),
    };
    let number = match state
        .store()
        .number_by_phone_number_id(&p.phone_number_id)
        .await
    {
        Ok(Some(n)) => n,
        Ok(None) => return Outcome::GiveUp("number is gone".into()),
        Err(e) => return retry(e.to_string()),
    };
    let fetched = async {
        let info = state
            .cloud()
            .media_info(number.access_token.expose(), &p.media_id)
            .await?;
        let expected = info.sha256.clone().or_else(|| p.sha256.clone());
        let bytes = state
            .cloud()
            .download(
                number.access_token.expose(),
                &info.url,
                MAX_MEDIA_BYTES,
                expected.as_deref(),
            )
            .await?;
        Ok::<_, CloudApiError>((info, bytes))
    };
    let (info, bytes) = match fetched.await {
        Ok(ok) => ok,
        Err(e) if e.is_retryable() => return retry(e.to_string()),
        Err(e) => {
            if matches!(e, CloudApiError::TokenInvalid { .. })
                && let Err(err) = state
                    .store()
                    .flag_number_token(number.id, state.clock().now())
                    .await
            {
                tracing::error!(error = %err, "cannot flag the number");
            }
            return Outcome::GiveUp(e.to_string());
        }
    };
    let key = match state.blobs().put(&bytes).await {
        Ok(k) => k,
        Err(e) => return retry(format!("blob storage: {e}")),
    };
    let mime = if info.mime_type.is_empty() {
        p.mime_type
            .clone()
            .unwrap_or_else(|| "application/octet-stream".into())
    } else {
        info.mime_type
    };
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    let media = agentdesk_core::domain::inbox::MediaRef { key, mime, size };
    match state
        .store()
        .attach_media(&p.phone_number_id, &p.wamid, &media, state.clock().now())
        .await
    {
        Ok(Some((_, event))) => {
            state.live().publish(vec![event]).await;
            Outcome::Done
        }
        Ok(None) => Outcome::GiveUp("message is gone".into()),
        Err(e) => retry(e.to_string()),
    }
}

/// The reason shown on a failed message: the API's own words where it gave some.
fn failure_title(e: &CloudApiError) -> String {
    match e {
        CloudApiError::WindowClosed { message } | CloudApiError::TokenInvalid { message } => {
            message.clone()
        }
        CloudApiError::Rejected {
            message, details, ..
        } => details.clone().unwrap_or_else(|| message.clone()),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_caps_and_honours_the_api() {
        assert_eq!(backoff(1, None), 2);
        assert_eq!(backoff(3, None), 8);
        assert_eq!(backoff(12, None), 300);
        assert_eq!(backoff(1, Some(60)), 60);
    }
}
