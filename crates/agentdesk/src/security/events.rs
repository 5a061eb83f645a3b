//! Recent security events of a user (sign-ins, failed second factors, 2FA, password and phone
//! changes): recorded as they happen, listed on the Security page.

use agentdesk_core::domain::UserId;
use agentdesk_core::store::SecurityEventKind;
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::error::ErrorBody;
use crate::http::{ApiError, SetupUser};
use crate::state::AppState;

/// Records an event; a storage failure is logged, never fails the action itself.
pub async fn record(
    state: &AppState,
    user: UserId,
    kind: SecurityEventKind,
    detail: Option<&str>,
    ip: Option<&str>,
) {
    if let Err(e) = state
        .store()
        .add_security_event(user, kind, detail, ip, state.clock().now())
        .await
    {
        tracing::warn!(error = %e, kind = kind.as_str(), "security event not recorded");
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SecurityEventView {
    #[schema(value_type = crate::http::openapi::vocabulary::SecurityEventKindName)]
    pub kind: String,
    pub detail: Option<String>,
    pub ip: Option<String>,
    /// RFC 3339.
    pub at: String,
}

#[utoipa::path(
    get, path = "/api/v1/me/security-events", tag = "security",
    responses((status = 200, description = "The 50 most recent, newest first", body = [SecurityEventView]), (status = 401, description = "`unauthenticated`", body = ErrorBody))
)]
pub async fn list(
    State(state): State<AppState>,
    SetupUser { user, .. }: SetupUser,
) -> Result<Json<Vec<SecurityEventView>>, ApiError> {
    let events = state.store().security_events(user.id, 50).await?;
    Ok(Json(
        events
            .into_iter()
            .map(|e| SecurityEventView {
                kind: e.kind.as_str().to_owned(),
                detail: e.detail,
                ip: e.ip,
                at: e.created_at.to_rfc3339(),
            })
            .collect(),
    ))
}
