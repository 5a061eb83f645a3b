//! `GET /api/v1/me/sessions` and `DELETE /api/v1/me/sessions`: where the user is signed in, and
//! "sign out other sessions". Sessions are named by a short prefix of their stored hash, never by
//! the token.

use agentdesk_core::store::SecurityEventKind;
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiUser, RequestCtx};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionView {
    /// A short, stable label (not usable to sign in).
    pub id: String,
    /// This browser.
    pub current: bool,
    /// `full`, or `pending_second_factor` / `setup_second_factor` for an unfinished sign-in.
    pub kind: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// RFC 3339.
    pub signed_in_at: String,
    pub last_active_at: String,
}

#[utoipa::path(
    get, path = "/api/v1/me/sessions", tag = "security",
    responses((status = 200, description = "Live sessions, most recently used first", body = [SessionView]), (status = 401, description = "`unauthenticated`", body = ErrorBody))
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser { user, session }: ApiUser,
) -> Result<Json<Vec<SessionView>>, ApiError> {
    let sessions = state.sessions().of_user(user.id).await?;
    Ok(Json(
        sessions
            .into_iter()
            .map(|s| SessionView {
                id: s.token_hash.chars().take(12).collect(),
                current: s.token_hash == session.token_hash,
                kind: s.kind.as_str().to_owned(),
                ip: s.ip,
                user_agent: s.user_agent,
                signed_in_at: s.created_at.to_rfc3339(),
                last_active_at: s.last_seen_at.to_rfc3339(),
            })
            .collect(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignedOut {
    /// How many other sessions ended.
    pub ended: u64,
}

#[utoipa::path(
    delete, path = "/api/v1/me/sessions", tag = "security",
    responses((status = 200, description = "Every other session of the user has ended; this one stays", body = SignedOut), (status = 401, description = "`unauthenticated`", body = ErrorBody))
)]
pub async fn sign_out_others(
    State(state): State<AppState>,
    ctx: RequestCtx,
    ApiUser { user, session }: ApiUser,
) -> Result<Json<SignedOut>, ApiError> {
    let ended = state
        .store()
        .delete_user_sessions(user.id, Some(&session.token_hash))
        .await?;
    super::events::record(
        &state,
        user.id,
        SecurityEventKind::SignedOutOthers,
        None,
        ctx.ip.as_deref(),
    )
    .await;
    Ok(Json(SignedOut { ended }))
}
