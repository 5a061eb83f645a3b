//! `POST /api/v1/auth/login` and `/logout`. Every failure (unknown email, wrong password,
//! deactivated account) takes the same path through argon2 and answers the same 401 body.

use agentdesk_core::domain::{Email, Invalid};
use agentdesk_core::store::SecurityEventKind;
use agentdesk_core::store::SessionKind;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::device;
use super::throttle::Client;
use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiJson, RequestCtx, cookies};
use crate::security::otp::{self, ChallengeView, Purpose};
use crate::security::{events, two_factor};
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LoginResponse {
    /// `authenticated`; `otp_required` when the account has two-factor authentication (the
    /// cookie then holds a half-session that can only call the OTP endpoints); or
    /// `two_factor_setup_required` when the company requires a second factor the user has not
    /// set up (the session can only do that: `/preferences/security`).
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenge: Option<ChallengeView>,
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
    let user = match Email::parse(&body.email) {
        Ok(email) => state.store().user_by_email(&email).await?,
        Err(_) => None,
    };
    // A browser this user signed in with before keeps its own failure budget (device cookies).
    let device = ctx.device.as_deref();
    let client = match device {
        Some(hash)
            if device::recognizes(&state, Some(hash), user.as_ref().map(|u| u.id)).await? =>
        {
            Client::trusted(hash)
        }
        _ => Client::stranger(&body.email, ctx.ip.as_deref()),
    };
    state.throttle().check(&client).await?;

    let password_ok = state
        .passwords()
        .verify(
            &body.password,
            user.as_ref().map(|u| u.password_hash.expose()),
        )
        .await?;
    let Some(user) = user.filter(|u| password_ok && u.active) else {
        state.throttle().failed(&client).await?;
        return Err(ApiError::InvalidCredentials);
    };
    state.throttle().succeeded(&client).await?;

    // A fresh session id at every sign-in; whatever session this browser had ends.
    if let Some((old, _)) = &ctx.session {
        state.sessions().end(&old.token_hash).await?;
    }
    if let Some(method) = user.two_factor {
        // Password step done: a half-session and a code to the second factor (or, for an
        // authenticator app, a challenge its code answers).
        let challenge =
            otp::challenge_for(&state, &user, method, Purpose::Login, serde_json::json!({}))
                .await?;
        let body = LoginResponse {
            status: "otp_required",
            challenge: Some(challenge),
        };
        return limited_session(&state, &ctx, &user, SessionKind::PendingSecondFactor, body).await;
    }
    if two_factor::company_requires(&state, &user).await? {
        // The company requires a second factor and this user has none: a session that can only
        // set one up.
        let body = LoginResponse {
            status: "two_factor_setup_required",
            challenge: None,
        };
        return limited_session(&state, &ctx, &user, SessionKind::SetupSecondFactor, body).await;
    }
    finish_sign_in(&state, &ctx, &user).await
}

/// A session that can only finish signing in (`kind`), answered with `body`.
async fn limited_session(
    state: &AppState,
    ctx: &RequestCtx,
    user: &agentdesk_core::domain::User,
    kind: SessionKind,
    body: LoginResponse,
) -> Result<Response, ApiError> {
    let token = state
        .sessions()
        .start(user, kind, ctx.ip.clone(), ctx.user_agent.clone())
        .await?;
    Ok(with_cookie(state, &token, body))
}

fn with_cookie(state: &AppState, token: &str, body: LoginResponse) -> Response {
    let mut res = axum::Json(body).into_response();
    if let Some(cookie) = cookies::session_cookie(token, state.config().https()) {
        res.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    res
}

/// A full session for a user who passed every step.
async fn finish_sign_in(
    state: &AppState,
    ctx: &RequestCtx,
    user: &agentdesk_core::domain::User,
) -> Result<Response, ApiError> {
    let token = state
        .sessions()
        .start(
            user,
            SessionKind::Full,
            ctx.ip.clone(),
            ctx.user_agent.clone(),
        )
        .await?;
    let device = device::remember(state, ctx.device.as_deref(), user.id).await?;
    tracing::info!(user_id = user.id.0, "signed in");
    events::record(
        state,
        user.id,
        SecurityEventKind::SignedIn,
        ctx.user_agent.as_deref(),
        ctx.ip.as_deref(),
    )
    .await;
    let mut res = with_cookie(
        state,
        &token,
        LoginResponse {
            status: "authenticated",
            challenge: None,
        },
    );
    if let Some(cookie) = device {
        res.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(res)
}

/// The user of a half-session (password given, second factor pending).
fn pending_user(ctx: &RequestCtx) -> Result<(String, agentdesk_core::domain::User), ApiError> {
    match &ctx.session {
        Some((session, user)) if session.kind == SessionKind::PendingSecondFactor => {
            Ok((session.token_hash.clone(), user.clone()))
        }
        _ => Err(ApiError::Unauthenticated),
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OtpRequest {
    #[schema(min_length = 1, max_length = 64)]
    pub challenge_id: String,
    /// The six-digit code; or, instead, `recovery_code`.
    #[serde(default)]
    #[schema(pattern = r"^\s*[0-9]{6}\s*$")]
    pub code: Option<String>,
    /// One of the user's recovery codes (case, spaces and dashes do not matter); it is used up.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 64)]
    pub recovery_code: Option<String>,
}

#[utoipa::path(
    post, path = "/api/v1/auth/otp", tag = "auth",
    request_body = OtpRequest,
    responses(
        (status = 200, description = "Signed in; a new session cookie replaces the half-session", body = LoginResponse),
        (status = 401, description = "`invalid_code` (wrong, used, or another user's challenge); `unauthenticated` without the half-session", body = ErrorBody),
        (status = 410, description = "`code_expired`", body = ErrorBody),
        (status = 429, description = "`too_many_attempts`, with `Retry-After`", body = ErrorBody),
    )
)]
pub async fn otp(
    State(state): State<AppState>,
    ctx: RequestCtx,
    ApiJson(body): ApiJson<OtpRequest>,
) -> Result<Response, ApiError> {
    let (half, user) = pending_user(&ctx)?;
    let challenge = otp::load(&state, &body.challenge_id, user.id, &[Purpose::Login]).await?;
    match (&body.code, &body.recovery_code) {
        (Some(code), None) => {
            otp::verify_loaded(&state, challenge, code).await?;
        }
        (None, Some(recovery_code)) => {
            otp::verify_recovery(&state, challenge, recovery_code).await?;
            recovery_code_used(&state, &ctx, &user).await?;
        }
        _ => return Err(ApiError::field("code", Invalid::Required)),
    }
    state.sessions().end(&half).await?;
    finish_sign_in(&state, &ctx, &user).await
}

/// Records a sign-in with a recovery code and tells the user by email how many are left.
async fn recovery_code_used(
    state: &AppState,
    ctx: &RequestCtx,
    user: &agentdesk_core::domain::User,
) -> Result<(), ApiError> {
    let left = state.store().recovery_codes_left(user.id).await?;
    events::record(
        state,
        user.id,
        SecurityEventKind::RecoveryCodeUsed,
        Some(&left.to_string()),
        ctx.ip.as_deref(),
    )
    .await;
    let tr = crate::i18n::Tr::new(user.locale.unwrap_or_default());
    let body = tr.t_args(
        "notice-recovery-code-used",
        &[(
            "count",
            fluent_templates::fluent_bundle::FluentValue::from(left),
        )],
    );
    crate::security::notify(state, user, crate::delivery::Channel::Email, body).await;
    Ok(())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResendRequest {
    #[schema(min_length = 1, max_length = 64)]
    pub challenge_id: String,
}

#[utoipa::path(
    post, path = "/api/v1/auth/otp/resend", tag = "auth",
    request_body = ResendRequest,
    responses(
        (status = 200, description = "A new code was sent; the previous one no longer works", body = ChallengeView),
        (status = 401, description = "`invalid_code` or `unauthenticated`", body = ErrorBody),
        (status = 429, description = "`rate_limited` with `Retry-After`: within 60 s of the last send, or five sends this hour", body = ErrorBody),
        (status = 503, description = "`delivery_failed`", body = ErrorBody),
    )
)]
pub async fn resend(
    State(state): State<AppState>,
    ctx: RequestCtx,
    ApiJson(body): ApiJson<ResendRequest>,
) -> Result<axum::Json<ChallengeView>, ApiError> {
    let (_, user) = pending_user(&ctx)?;
    let challenge = otp::load(&state, &body.challenge_id, user.id, &[Purpose::Login]).await?;
    Ok(axum::Json(otp::resend(&state, &user, &challenge).await?))
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
