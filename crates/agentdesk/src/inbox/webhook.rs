//! `GET/POST /webhooks/whatsapp` (docs/security.md 21–23). The POST checks `X-Hub-Signature-256` over
//! the raw bytes before anything else, parses every entry/change/message/status, stores the whole
//! delivery in one transaction (deduplicated by wamid, so a validly signed replay changes
//! nothing) and answers 200 only after the commit. Media downloads are queued in that same
//! transaction.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;

use agentdesk_core::Timestamp;
use agentdesk_core::domain::inbox::{InboundRecord, MessageStatus, ReactionRecord, StatusRecord};
use agentdesk_core::store::{JobKind, WebhookBatch};

use crate::http::ApiError;
use crate::state::AppState;
use crate::whatsapp::payload::{self, DeliveryStatus, MessageContent, WebhookEvent};
use crate::whatsapp::signature;

/// Meta's deliveries are small; anything larger is refused before it is read in full.
pub const MAX_BODY: usize = 3 * 1024 * 1024;

#[derive(Debug, Deserialize, IntoParams)]
pub struct Handshake {
    #[serde(rename = "hub.mode")]
    pub mode: Option<String>,
    #[serde(rename = "hub.verify_token")]
    pub verify_token: Option<String>,
    #[serde(rename = "hub.challenge")]
    pub challenge: Option<String>,
}

#[utoipa::path(
    get, path = "/webhooks/whatsapp", tag = "webhooks", params(Handshake),
    responses((status = 200, description = "`hub.challenge`, as text/plain", content_type = "text/plain"), (status = 403, description = "Wrong or missing token"))
)]
pub async fn handshake(State(state): State<AppState>, Query(q): Query<Handshake>) -> Response {
    let expected = state
        .config()
        .whatsapp
        .verify_token
        .as_ref()
        .map(|t| t.expose().as_bytes().to_vec());
    let given = q.verify_token.unwrap_or_default();
    let ok = q.mode.as_deref() == Some("subscribe")
        && expected.is_some_and(|e| !e.is_empty() && same_secret(&e, given.as_bytes()));
    match (ok, q.challenge) {
        (true, Some(challenge)) => (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            challenge,
        )
            .into_response(),
        _ => ApiError::Forbidden.into_response(),
    }
}

#[utoipa::path(
    post, path = "/webhooks/whatsapp", tag = "webhooks",
    request_body(content = String, description = "Meta's `whatsapp_business_account` payload, signed with `X-Hub-Signature-256`", content_type = "application/json"),
    responses(
        (status = 200, description = "Stored durably (or a replay / unknown number: nothing to store)"),
        (status = 400, description = "`malformed_body`"),
        (status = 401, description = "`invalid_signature`: missing or wrong signature; nothing stored"),
        (status = 413, description = "`payload_too_large`: over 3 MB"),
    )
)]
pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let secret = state
        .config()
        .whatsapp
        .app_secret
        .as_ref()
        .map(|s| s.expose().as_bytes());
    let given = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok());
    let Some(secret) = secret.filter(|s| !s.is_empty()) else {
        tracing::warn!("webhook refused: AGENTDESK_WHATSAPP__APP_SECRET is not configured");
        return Err(ApiError::InvalidSignature);
    };
    if !signature::verify(secret, &body, given) {
        return Err(ApiError::InvalidSignature);
    }
    let events = payload::parse(&body).map_err(|e| ApiError::MalformedBody(e.to_string()))?;
    // Answered only once the delivery is committed (grouped with concurrent ones).
    state.ingest().submit(to_batch(events)).await?;
    Ok(StatusCode::OK)
}

/// What a delivery asks the store to do.
pub fn to_batch(events: Vec<WebhookEvent>) -> WebhookBatch {
    let mut batch = WebhookBatch::default();
    for event in events {
        match event {
            WebhookEvent::Message(m) => {
                if let MessageContent::Reaction {
                    target_wamid,
                    emoji,
                } = &m.content
                {
                    batch.reactions.push(ReactionRecord {
                        phone_number_id: m.phone_number_id.clone(),
                        target_wamid: target_wamid.clone(),
                        emoji: emoji.clone(),
                    });
                    continue;
                }
                if let MessageContent::Media {
                    media_id: Some(media_id),
                    mime_type,
                    sha256,
                    ..
                } = &m.content
                {
                    let job = serde_json::json!({
                        "phone_number_id": m.phone_number_id, "wamid": m.wamid, "media_id": media_id,
                        "mime_type": mime_type, "sha256": sha256,
                    });
                    batch.jobs.push((JobKind::DownloadMedia, job.to_string()));
                }
                batch.messages.push(InboundRecord {
                    text: m.content.preview(),
                    content: m.content,
                    phone_number_id: m.phone_number_id,
                    wamid: m.wamid,
                    customer_id: m.customer_id,
                    customer_phone: m.customer_phone,
                    customer_bsuid: m.customer_bsuid,
                    profile_name: m.profile_name,
                    reply_to_wamid: m.context.map(|c| c.wamid),
                    sent_at: Timestamp(m.timestamp.saturating_mul(1000)),
                });
            }
            WebhookEvent::Status(s) => {
                let first = s.errors.first();
                batch.statuses.push(StatusRecord {
                    phone_number_id: s.phone_number_id,
                    wamid: s.wamid,
                    status: match s.status {
                        DeliveryStatus::Sent => MessageStatus::Sent,
                        DeliveryStatus::Delivered => MessageStatus::Delivered,
                        DeliveryStatus::Read => MessageStatus::Read,
                        DeliveryStatus::Failed => MessageStatus::Failed,
                    },
                    error_code: first.map(|e| e.code),
                    error_title: first.map(|e| {
                        e.details
                            .clone()
                            .or_else(|| e.message.clone())
                            .unwrap_or_else(|| e.title.clone())
                    }),
                });
            }
        }
    }
    batch
}

/// Compares a secret in time independent of where the inputs differ (digests first, so the
/// length does not matter either).
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    use sha2::{Digest, Sha256};
    let (x, y) = (Sha256::digest(a), Sha256::digest(b));
    x.iter()
        .zip(y.iter())
        .fold(0u8, |acc, (p, q)| acc | (p ^ q))
        == 0
}
