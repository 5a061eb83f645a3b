//! `POST /api/v1/auth/login` and `/logout`. Every failure (unknown email, wrong password,
//! deactivated account) takes the same path through argon2 and answers the same 401 body.

use agentdesk_core::domain::Email;
use agentdesk_core::store::SessionKind;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::throttle::AttemptKeys;
use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiJson, RequestCtx, cookies};
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LoginResponse {
    /// `authenticated`, or `otp_required` once two-factor authentication exists.
    pub status: &'static str,
}

#[utoipa::path(
    post, path = "/api/v1/auth/login", tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; the session cookie is set", body = LoginResponse),
        (status = 401, description = "`invalid_credentials`, the same for every kind of failure", body = ErrorBody),
        (status = 429, description = "`rate_limited`, with `Retry-After`", body = ErrorBody),
        (status = 503, description = "`server_busy`: too many sign-ins at once", body = ErrorBody),
    )
)]
pub async fn login(
    State(state): State<AppState>,
    ctx: RequestCtx,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let keys = AttemptKeys::new(&body.email, ctx.ip.as_deref());
    state.throttle().check(&keys.all()).await?;
    let AttemptKeys { account, ip } = keys;

    let user = match Email::parse(&body.email) {
        Ok(email) => state.store().user_by_email(&email).await?,
        Err(_) => None,
    };
    let password_ok = state
        .passwords()
        .verify(
            &body.password,
            user.as_ref().map(|u| u.password_hash.as_str()),
        )
        .await?;
    let Some(user) = user.filter(|u| password_ok && u.active) else {
        state.throttle().failed(&account, ip.as_deref()).await?;
        return Err(ApiError::InvalidCredentials);
    };
    state.throttle().succeeded(&account).await?;

    // A fresh session id at every sign-in; whatever session this browser had ends.
    if let Some((old, _)) = &ctx.session {
        state.sessions().end(&old.token_hash).await?;
    }
    let token = state
        .sessions()
        .start(
            &user,
            SessionKind::Full,
            ctx.ip.clone(),
            ctx.user_agent.clone(),
        )
        .await?;
    tracing::info!(user_id = user.id.0, "signed in");
    let mut res = axum::Json(LoginResponse {
        status: "authenticated",
    })
    .into_response();
    if let Some(cookie) = cookies::session_cookie(&token, state.config().https()) {
        res.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    Ok(res)
}

#[utoipa::path(
    post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204, description = "The session is ended on the server and the cookie cleared"))
)]
pub async fn logout(State(state): State<AppState>, ctx: RequestCtx) -> Result<Response, ApiError> {
    if let Some((session, _)) = &ctx.session {
        state.sessions().end(&session.token_hash).await?;
    }
    let mut res = StatusCode::NO_CONTENT.into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        cookies::clear_session_cookie(state.config().https()),
    );
    Ok(res)
}
