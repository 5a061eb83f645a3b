//! `POST /api/v1/me/two-factor/challenge` and `PUT /api/v1/me/two-factor` (SECURITY.md 5):
//! enabling needs a code sent to the method being enabled, switching a code sent to the new
//! method, disabling a code sent to the current method. The challenge carries the action it was
//! sent for; a code for one action never performs another. Each change is confirmed through the
//! other channel.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use agentdesk_core::domain::{Invalid, TwoFactorMethod, User};
use agentdesk_core::store::SessionKind;

use super::otp::{self, ChallengeView, Purpose};
use crate::delivery::Channel;
use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiJson, RequestCtx, SetupUser, cookies};
use crate::profile::me::MeView;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Enable,
    Disable,
    Switch,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChallengeRequest {
    pub action: Action,
    /// `sms` or `email`: the method to enable or switch to (ignored for `disable`).
    pub method: String,
}

/// Where codes for a method go.
pub fn destination(user: &User, method: TwoFactorMethod) -> Result<(Channel, String), ApiError> {
    match method {
        TwoFactorMethod::Email => Ok((Channel::Email, user.email.as_str().to_owned())),
        TwoFactorMethod::Sms => user
            .phone
            .as_ref()
            .map(|p| (Channel::Sms, p.as_str().to_owned()))
            .ok_or(ApiError::PhoneNotVerified),
    }
}

fn parse_method(raw: &str) -> Result<TwoFactorMethod, ApiError> {
    TwoFactorMethod::parse(raw).map_err(|e| ApiError::field("method", e))
}

#[utoipa::path(
    post, path = "/api/v1/me/two-factor/challenge", tag = "security",
    request_body = ChallengeRequest,
    responses(
        (status = 200, description = "A code was sent to the method being enabled / switched to, or (disable) to the current one", body = ChallengeView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 422, description = "`phone_not_verified` for SMS without a verified phone; `validation_failed` when the action does not fit the current state", body = ErrorBody),
        (status = 429, description = "`rate_limited`: five codes an hour", body = ErrorBody),
        (status = 503, description = "`delivery_failed`: the code could not be sent; retry", body = ErrorBody),
    )
)]
pub async fn challenge(
    State(state): State<AppState>,
    SetupUser { user, .. }: SetupUser,
    ApiJson(body): ApiJson<ChallengeRequest>,
) -> Result<Json<ChallengeView>, ApiError> {
    let method = parse_method(&body.method)?;
    if body.action == Action::Disable && company_requires(&state, &user).await? {
        return Err(ApiError::TwoFactorRequired);
    }
    let target = match (body.action, user.two_factor) {
        (Action::Enable, None) => method,
        (Action::Disable, Some(current)) => current,
        (Action::Switch, Some(current)) if current != method => method,
        _ => return Err(ApiError::field("action", Invalid::Unsupported)),
    };
    let (channel, to) = destination(&user, target)?;
    let payload = json!({"action": body.action, "method": method.as_str()});
    let view = otp::issue(&state, &user, Purpose::TwoFactor, channel, &to, payload).await?;
    Ok(Json(view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TwoFactorChange {
    pub enabled: bool,
    /// `sms` or `email`.
    pub method: String,
    pub challenge_id: String,
    pub code: String,
}

#[utoipa::path(
    put, path = "/api/v1/me/two-factor", tag = "security",
    request_body = TwoFactorChange,
    responses(
        (status = 200, description = "Applied; the profile with its new `two_factor`", body = MeView),
        (status = 401, description = "`invalid_code` (also for a challenge of another action or user)", body = ErrorBody),
        (status = 410, description = "`code_expired`", body = ErrorBody),
        (status = 429, description = "`too_many_attempts`, with `Retry-After`", body = ErrorBody),
    )
)]
pub async fn apply(
    State(state): State<AppState>,
    ctx: RequestCtx,
    SetupUser { user, session }: SetupUser,
    ApiJson(body): ApiJson<TwoFactorChange>,
) -> Result<Response, ApiError> {
    let method = parse_method(&body.method)?;
    // The request must ask for exactly what the code was sent for.
    let pending = otp::load(&state, &body.challenge_id, user.id, &[Purpose::TwoFactor]).await?;
    let payload: serde_json::Value =
        serde_json::from_str(&pending.payload).map_err(ApiError::internal)?;
    let action: Action =
        serde_json::from_value(payload["action"].clone()).map_err(ApiError::internal)?;
    let fits = match action {
        Action::Enable | Action::Switch => body.enabled && payload["method"] == method.as_str(),
        Action::Disable => !body.enabled,
    };
    if !fits {
        return Err(ApiError::InvalidCode);
    }
    let pending = otp::verify_loaded(&state, pending, &body.code).await?;
    let (new_method, kind, notice) = match action {
        Action::Enable => (
            Some(method),
            "two_factor_enabled",
            "notice-two-factor-enabled",
        ),
        Action::Switch => (
            Some(method),
            "two_factor_switched",
            "notice-two-factor-switched",
        ),
        Action::Disable => (None, "two_factor_disabled", "notice-two-factor-disabled"),
    };
    if new_method == Some(TwoFactorMethod::Sms) && user.phone.is_none() {
        return Err(ApiError::PhoneNotVerified);
    }
    let updated = state
        .store()
        .set_two_factor(user.id, new_method, state.clock().now())
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    super::events::record(
        &state,
        user.id,
        kind,
        Some(method.as_str()),
        ctx.ip.as_deref(),
    )
    .await;
    let changed = match pending.channel.as_str() {
        "sms" => Channel::Sms,
        _ => Channel::Email,
    };
    super::confirm_elsewhere(&state, &updated, changed, notice).await;
    let mut res = Json(MeView::of(&updated, ctx.locale)).into_response();
    // A user who had to set up a second factor first is now fully signed in (a new session id).
    if session.kind == SessionKind::SetupSecondFactor && updated.two_factor.is_some() {
        state.sessions().end(&session.token_hash).await?;
        let token = state
            .sessions()
            .start(
                &updated,
                SessionKind::Full,
                ctx.ip.clone(),
                ctx.user_agent.clone(),
            )
            .await?;
        if let Some(cookie) = cookies::session_cookie(&token, state.config().https()) {
            res.headers_mut().insert(header::SET_COOKIE, cookie);
        }
    }
    Ok(res)
}

/// Whether the user's company requires a second factor.
pub async fn company_requires(state: &AppState, user: &User) -> Result<bool, ApiError> {
    Ok(state
        .store()
        .company(user.company_id)
        .await?
        .is_some_and(|c| c.require_two_factor))
}
