//! Group commit for webhook deliveries. Each delivery must be acknowledged only after it is
//! durably stored, but one transaction per delivery makes SQLite's single writer the bottleneck
//! (Meta mostly sends one message per delivery). So deliveries queue here, and one writer task
//! stores whatever has queued up in a single transaction, then answers every waiting request.
//! If that transaction fails, the deliveries are retried one by one so that one bad delivery
//! cannot fail the others.

use agentdesk_core::store::{IngestOutcome, WebhookBatch};
use std::sync::Arc;

use tokio::sync::{Mutex, mpsc, oneshot};

use super::live::Rendered;

use crate::http::ApiError;
use crate::state::AppState;

/// At most this many messages go into one transaction.
const MAX_MESSAGES_PER_COMMIT: usize = 500;

type Waiter = oneshot::Sender<Result<(), String>>;

pub struct IngestQueue {
    sender: mpsc::Sender<(WebhookBatch, Waiter)>,
    receiver: Mutex<Option<mpsc::Receiver<(WebhookBatch, Waiter)>>>,
}

impl Default for IngestQueue {
    fn default() -> Self {
        Self::new()
    }
}

impl IngestQueue {
    pub fn new() -> Self {
        let (sender, receiver) = mpsc::channel(1024);
        Self {
            sender,
            receiver: Mutex::new(Some(receiver)),
        }
    }

    /// Queues a delivery and waits until it is committed.
    pub async fn submit(&self, batch: WebhookBatch) -> Result<(), ApiError> {
        let (done, committed) = oneshot::channel();
        self.sender
            .send((batch, done))
            .await
            .map_err(|_| ApiError::internal("ingest writer stopped"))?;
        match committed.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(ApiError::internal(e)),
            Err(_) => Err(ApiError::internal("ingest writer stopped")),
        }
    }
}

/// The writer: runs for the life of the server.
pub async fn run_writer(state: AppState) {
    let Some(mut queue) = state.ingest().receiver.lock().await.take() else {
        return;
    };
    while let Some(first) = queue.recv().await {
        let mut group = vec![first];
        let mut messages = group[0].0.messages.len();
        while messages < MAX_MESSAGES_PER_COMMIT {
            match queue.try_recv() {
                Ok(next) => {
                    messages += next.0.messages.len();
                    group.push(next);
                }
                Err(_) => break,
            }
        }
        let mut merged = WebhookBatch::default();
        for (b, _) in &group {
            merged.messages.extend(b.messages.iter().cloned());
            merged.reactions.extend(b.reactions.iter().cloned());
            merged.statuses.extend(b.statuses.iter().cloned());
            merged.jobs.extend(b.jobs.iter().cloned());
        }
        match state.store().ingest(&merged, state.clock().now()).await {
            Ok(outcome) => {
                // Render before answering, broadcast right after: by the time Meta has its 200
                // the events are on their way to open browsers.
                let rendered = after_commit(&state, &merged, outcome).await;
                for (_, waiter) in group {
                    let _ = waiter.send(Ok(()));
                }
                state.live().send(rendered);
            }
            Err(e) if group.len() > 1 => {
                tracing::warn!(error = %e, deliveries = group.len(), "group commit failed; storing deliveries one by one");
                for (batch, waiter) in group {
                    match state.store().ingest(&batch, state.clock().now()).await {
                        Ok(outcome) => {
                            let rendered = after_commit(&state, &batch, outcome).await;
                            let _ = waiter.send(Ok(()));
                            state.live().send(rendered);
                        }
                        Err(e) => {
                            let _ = waiter.send(Err(e.to_string()));
                        }
                    }
                }
            }
            Err(e) => {
                for (_, waiter) in group {
                    let _ = waiter.send(Err(e.to_string()));
                }
            }
        }
    }
}

/// Wakes the job workers and renders the live events of a committed delivery.
async fn after_commit(
    state: &AppState,
    batch: &WebhookBatch,
    outcome: IngestOutcome,
) -> Vec<Arc<Rendered>> {
    if outcome.unknown_number > 0 {
        tracing::info!(
            items = outcome.unknown_number,
            "webhook items for unregistered numbers ignored"
        );
    }
    if !batch.jobs.is_empty() {
        state.jobs().wake();
    }
    state.live().prepare(outcome.events).await
}
