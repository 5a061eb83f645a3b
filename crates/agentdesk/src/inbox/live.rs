//! Live updates for open browsers (`GET /api/v1/events`, server-sent events).
//!
//! Every change is first written to the `live_events` table in the same transaction as the change
//! itself, so nothing is announced that did not happen and a reconnecting browser can resume
//! from its `Last-Event-ID`. After the commit the event is rendered once (conversation and
//! message as the API shows them) and fanned out in-process through a broadcast channel; each
//! connection filters by company. On PostgreSQL every committed event id is also announced
//! (`NOTIFY agentdesk_live`, migration 0003) and `run_relay` feeds the ids this instance did not
//! send into the same path, so several instances serve one set of browsers.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use crate::http::ApiQuery;
use agentdesk_core::domain::CompanyId;
use agentdesk_core::domain::inbox::LiveEvent;
use agentdesk_core::{Clock, Store};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use serde::Deserialize;
use tokio::sync::{broadcast, mpsc};

use super::views::{ConversationView, MessageView};
use crate::http::{ApiError, ApiUser};
use crate::state::AppState;

/// An event rendered for the wire, shared by every connection of its company.
#[derive(Debug)]
pub struct Rendered {
    pub company: CompanyId,
    pub id: i64,
    pub kind: agentdesk_core::domain::inbox::LiveEventKind,
    pub json: String,
}

pub struct LiveHub {
    sender: broadcast::Sender<Arc<Rendered>>,
    /// Ids broadcast lately, so an event that arrives both from this instance and through the
    /// database's feed goes out once.
    recent: std::sync::Mutex<(
        std::collections::VecDeque<i64>,
        std::collections::HashSet<i64>,
    )>,
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
}

impl LiveHub {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        let (sender, _) = broadcast::channel(4096);
        Self {
            sender,
            store,
            clock,
            recent: Default::default(),
        }
    }

    /// Renders committed events and sends them to every open connection.
    pub async fn publish(&self, events: Vec<LiveEvent>) {
        let rendered = self.prepare(events).await;
        self.send(rendered);
    }

    /// Renders events (reading the conversation and message once per event, not per client).
    /// Nothing is rendered when nobody has an inbox open: reconnecting clients replay from the
    /// table.
    pub async fn prepare(&self, events: Vec<LiveEvent>) -> Vec<Arc<Rendered>> {
        if self.sender.receiver_count() == 0 {
            return Vec::new();
        }
        let mut out = Vec::with_capacity(events.len());
        for event in events {
            match self.render(&event).await {
                Ok(Some(r)) => out.push(Arc::new(r)),
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, event = event.id, "cannot render live event"),
            }
        }
        out
    }

    /// Hands rendered events to every open connection (a channel send each), each id once.
    pub fn send(&self, rendered: Vec<Arc<Rendered>>) {
        for r in rendered {
            if !self.remember(r.id) {
                continue;
            }
            // No receivers is fine: nobody has the inbox open.
            let _ = self.sender.send(r);
        }
    }

    /// Records an id as sent; false when it was sent already.
    fn remember(&self, id: i64) -> bool {
        const KEEP: usize = 8192;
        let Ok(mut recent) = self.recent.lock() else {
            return true;
        };
        let (order, ids) = &mut *recent;
        if !ids.insert(id) {
            return false;
        }
        order.push_back(id);
        if order.len() > KEEP
            && let Some(old) = order.pop_front()
        {
            ids.remove(&old);
        }
        true
    }

    fn already_sent(&self, id: i64) -> bool {
        self.recent.lock().is_ok_and(|r| r.1.contains(&id))
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Rendered>> {
        self.sender.subscribe()
    }

    pub async fn render(&self, e: &LiveEvent) -> Result<Option<Rendered>, ApiError> {
        let Some(conversation_id) = e.conversation_id else {
            return Ok(None);
        };
        let Some(conversation) = self
            .store
            .conversation(e.company_id, conversation_id)
            .await?
        else {
            return Ok(None);
        };
        let message = match e.message_id {
            Some(id) => self
                .store
                .message(e.company_id, id)
                .await?
                .map(|m| MessageView::of(&m)),
            None => None,
        };
        let body = serde_json::json!({
            "id": e.id,
            "type": e.kind.as_str(),
            "conversation": ConversationView::of(&conversation, self.clock.now()),
            "message": message,
        });
        Ok(Some(Rendered {
            company: e.company_id,
            id: e.id,
            kind: e.kind,
            json: body.to_string(),
        }))
    }
}

#[derive(Debug, Deserialize)]
pub struct Resume {
    /// For clients that cannot set `Last-Event-ID` (the first connection of `EventSource`).
    pub last_event_id: Option<i64>,
}

fn to_sse(r: &Rendered) -> Event {
    Event::default()
        .id(r.id.to_string())
        .event(r.kind.as_str())
        .data(r.json.clone())
}

#[utoipa::path(
    get, path = "/api/v1/events", tag = "inbox",
    params(("last_event_id" = Option<i64>, Query, description = "Resume after this event (the `Last-Event-ID` header takes precedence)")),
    responses((status = 200, description = "`text/event-stream` of `message`, `status` and `conversation` events; each data is `{id, type, conversation, message}`", content_type = "text/event-stream"))
)]
pub async fn events(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    headers: HeaderMap,
    ApiQuery(resume): ApiQuery<Resume>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let last = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(resume.last_event_id);
    let company = user.company_id;
    // Subscribe before reading the backlog, then skip what the backlog already sent: no gap.
    let mut live = state.live().subscribe();
    let (tx, rx) = mpsc::channel::<Event>(256);
    tokio::spawn(async move {
        // What the replay sent is skipped when it comes by again live; everything newer is sent
        // as it arrives. Not "only ids above the last one sent": concurrent transactions commit,
        // and so broadcast, slightly out of id order, and such an event would be lost.
        let mut replayed_until = match last {
            Some(after) => match replay(&state, company, after, &tx).await {
                Some(id) => id,
                None => return,
            },
            None => 0, // a fresh client starts from the current state; new events only
        };
        let mut newest = replayed_until;
        loop {
            match live.recv().await {
                Ok(r) if r.company == company && r.id > replayed_until => {
                    newest = newest.max(r.id);
                    if tx.send(to_sse(&r)).await.is_err() {
                        return;
                    }
                }
                Ok(_) => {}
                // Too slow to keep up: catch up from the database instead of dropping events.
                Err(broadcast::error::RecvError::Lagged(_)) if newest > 0 => {
                    match replay(&state, company, newest, &tx).await {
                        Some(id) => {
                            replayed_until = id;
                            newest = id;
                        }
                        None => return,
                    }
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => return,
            }
        }
    });
    let stream =
        futures_util::stream::unfold(
            rx,
            |mut rx| async move { rx.recv().await.map(|e| (Ok(e), rx)) },
        );
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// Sends every stored event after `after`; returns the last id sent, or None when the client left.
async fn replay(
    state: &AppState,
    company: CompanyId,
    mut after: i64,
    tx: &mpsc::Sender<Event>,
) -> Option<i64> {
    loop {
        let batch = match state.store().live_events_after(company, after, 500).await {
            Ok(b) => b,
            Err(e) => {
                tracing::warn!(error = %e, "live event replay failed");
                return Some(after);
            }
        };
        if batch.is_empty() {
            return Some(after);
        }
        for e in batch {
            after = e.id;
            if let Ok(Some(r)) = state.live().render(&e).await
                && tx.send(to_sse(&r)).await.is_err()
            {
                return None;
            }
        }
    }
}

/// Relays live events committed by other instances (PostgreSQL `LISTEN/NOTIFY`) into this
/// instance's streams. Events this instance created arrive here too and are skipped once sent.
pub async fn run_relay(state: AppState) {
    use futures_util::StreamExt;
    let mut feed = match state.store().live_feed().await {
        Ok(Some(feed)) => feed,
        Ok(None) => return, // a single-instance backend
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for other instances' live events");
            return;
        }
    };
    while let Some(id) = feed.next().await {
        if state.live().already_sent(id) || state.live().sender.receiver_count() == 0 {
            continue;
        }
        match state.store().live_event(id).await {
            Ok(Some(event)) => state.live().publish(vec![event]).await,
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, event = id, "cannot load a relayed live event"),
        }
    }
}
