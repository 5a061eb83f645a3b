//! `GET /api/v1/dev/outbox`: in `outbox` delivery mode, the messages that would have been sent
//! (newest first), so demos and outside tests can read codes without an SMS or mail account.
//! In `live` mode the endpoint does not exist (404).

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::ApiError;
use crate::http::error::ErrorBody;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxView {
    /// `sms` or `email`.
    pub channel: String,
    pub to: String,
    pub subject: Option<String>,
    pub body: String,
    /// RFC 3339.
    pub created_at: String,
}

#[utoipa::path(
    get, path = "/api/v1/dev/outbox", tag = "security",
    responses(
        (status = 200, description = "Messages kept instead of sent, newest first (outbox mode only)", body = [OutboxView]),
        (status = 404, description = "Delivery mode is `live`", body = ErrorBody),
    )
)]
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<OutboxView>>, ApiError> {
    if !state.notifier().is_outbox() {
        return Err(ApiError::NotFound);
    }
    let messages = state.store().outbox(200).await?;
    Ok(Json(
        messages
            .into_iter()
            .map(|m| OutboxView {
                channel: m.channel,
                to: m.destination,
                subject: m.subject,
                body: m.body,
                created_at: m.created_at.to_rfc3339(),
            })
            .collect(),
    ))
}
