//! `POST /api/v1/me/two-factor/challenge` and `PUT /api/v1/me/two-factor` (docs/security.md 5):
//! enabling needs a code sent to the method being enabled, switching a code sent to the new
//! method, disabling a code sent to the current method. The challenge carries the action it was
//! sent for; a code for one action never performs another. Each change is confirmed through the
//! other channel.
//!
//! The authenticator app (`totp`) fits the same flow: enabling or switching to it creates a new
//! secret that travels with the challenge (shown as a QR code by
//! `GET /api/v1/me/two-factor/qr/{challenge_id}`), and the first code the app shows proves it was
//! set up; disabling it needs a current code from the app. Turning two-factor authentication on
//! answers with ten recovery codes, shown that once.

use crate::http::ApiPath;
use agentdesk_core::store::SecurityEventKind;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use agentdesk_core::Secret;
use agentdesk_core::domain::{Invalid, TwoFactorMethod, User};
use agentdesk_core::store::SessionKind;

use super::otp::{self, ChallengeView, Enrollment, Purpose};
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
    /// The method to enable or switch to (ignored for `disable`).
    #[schema(value_type = crate::http::openapi::vocabulary::MethodName)]
    pub method: String,
}

fn parse_method(raw: &str) -> Result<TwoFactorMethod, ApiError> {
    TwoFactorMethod::parse(raw).map_err(|e| ApiError::field("method", e))
}

#[utoipa::path(
    post, path = "/api/v1/me/two-factor/challenge", tag = "security",
    request_body = ChallengeRequest,
    responses(
        (status = 200, description = "A code was sent to the method being enabled / switched to, or (disable) to the current one; for `totp` nothing is sent: the app's code answers, and enabling / switching to it carries the new secret under `enrollment`", body = ChallengeView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 409, description = "`two_factor_required`: the company requires a second factor, so it cannot be turned off; `channel_not_configured`: this server cannot send codes that way", body = ErrorBody),
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
    let mut payload = json!({"action": body.action, "method": method.as_str()});
    let enrolling = target == TwoFactorMethod::Totp && body.action != Action::Disable;
    let secret = enrolling.then(super::totp::new_secret);
    if let Some(secret) = &secret {
        payload["totp_secret"] = json!(secret);
    }
    let mut view = otp::challenge_for(&state, &user, target, Purpose::TwoFactor, payload).await?;
    if let Some(secret) = secret {
        view.enrollment = Some(Enrollment {
            secret: super::totp::grouped(&secret),
            otpauth_uri: super::totp::otpauth_uri(&secret, user.email.as_str())?,
            qr_url: format!("/api/v1/me/two-factor/qr/{}", view.id),
        });
    }
    Ok(Json(view))
}

#[utoipa::path(
    get, path = "/api/v1/me/two-factor/qr/{challenge_id}", tag = "security",
    params(("challenge_id" = String, Path, description = "A live challenge that sets up an authenticator app")),
    responses(
        (status = 200, description = "The QR code of the new secret's `otpauth://` URI", content_type = "image/svg+xml", body = String),
        (status = 404, description = "`not_found`: no such live enrolment of this user", body = ErrorBody),
    )
)]
pub async fn qr_code(
    State(state): State<AppState>,
    SetupUser { user, .. }: SetupUser,
    ApiPath(challenge_id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let challenge = otp::load(&state, &challenge_id, user.id, &[Purpose::TwoFactor])
        .await
        .map_err(|_| ApiError::NotFound)?;
    let live = !challenge.consumed && state.clock().now() < challenge.expires_at;
    let secret = otp::enrolling_secret(&challenge)
        .filter(|_| live)
        .ok_or(ApiError::NotFound)?;
    let uri = super::totp::otpauth_uri(secret.expose(), user.email.as_str())?;
    let svg = super::totp::qr_svg(&uri)?;
    let mut res = svg.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TwoFactorChange {
    pub enabled: bool,
    #[schema(value_type = crate::http::openapi::vocabulary::MethodName)]
    pub method: String,
    #[schema(min_length = 1, max_length = 64)]
    pub challenge_id: String,
    #[schema(pattern = r"^\s*[0-9]{6}\s*$")]
    pub code: String,
}

/// The profile after a change; turning two-factor authentication on adds the recovery codes.
#[derive(Debug, Serialize, ToSchema)]
pub struct TwoFactorApplied {
    #[serde(flatten)]
    pub profile: MeView,
    /// Ten recovery codes, only in the answer that turned two-factor authentication on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_codes: Option<Vec<String>>,
}

#[utoipa::path(
    put, path = "/api/v1/me/two-factor", tag = "security",
    request_body = TwoFactorChange,
    responses(
        (status = 200, description = "Applied; the profile with its new `two_factor` (and, when turned on, `recovery_codes`)", body = TwoFactorApplied),
        (status = 401, description = "`invalid_code` (also for a challenge of another action or user)", body = ErrorBody),
        (status = 409, description = "`two_factor_required`: the company requires a second factor, so it cannot be turned off", body = ErrorBody),
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
            SecurityEventKind::TwoFactorEnabled,
            "notice-two-factor-enabled",
        ),
        Action::Switch => (
            Some(method),
            SecurityEventKind::TwoFactorSwitched,
            "notice-two-factor-switched",
        ),
        Action::Disable => (
            None,
            SecurityEventKind::TwoFactorDisabled,
            "notice-two-factor-disabled",
        ),
    };
    if new_method == Some(TwoFactorMethod::Sms) && user.phone.is_none() {
        return Err(ApiError::PhoneNotVerified);
    }
    // The codes first: if making them fails, nothing has changed (a user without two-factor
    // authentication has no use for stray codes, and the next set replaces them).
    let recovery_codes = match action {
        Action::Enable => Some(super::recovery::issue(&state, &user).await?),
        Action::Switch | Action::Disable => None,
    };
    let secret = otp::enrolling_secret(&pending);
    let updated = state
        .store()
        .set_two_factor(
            user.id,
            new_method,
            secret.as_ref().map(Secret::expose),
            state.clock().now(),
        )
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
    // An authenticator change is confirmed by email, like an SMS one.
    let changed = match pending.channel.as_str() {
        "email" => Channel::Email,
        _ => Channel::Sms,
    };
    super::confirm_elsewhere(&state, &updated, changed, notice).await;
    let mut res = Json(TwoFactorApplied {
        profile: MeView::of(&updated, ctx.locale),
        recovery_codes,
    })
    .into_response();
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
