//! The phone number (PRODUCT.md Profile, docs/security.md 5): `POST /api/v1/me/phone` starts a change
//! with a code to the current number when there is one (else straight to the new number);
//! `POST /api/v1/me/phone/verify` takes each code in turn; only after the new number's code does
//! the number change. A number in use for SMS codes cannot be removed.

use agentdesk_core::store::SecurityEventKind;
use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use agentdesk_core::domain::{Invalid, PhoneE164, TwoFactorMethod};

use super::otp::{self, ChallengeView, Purpose};
use crate::delivery::Channel;
use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiJson, RequestCtx, SetupUser};
use crate::profile::me::MeView;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhoneChange {
    /// ISO 3166 alpha-2 country of the number (`US`, `BR`); optional when `number` starts with `+`.
    #[schema(pattern = r"^[A-Za-z]{2}$")]
    pub country: Option<String>,
    /// As typed: digits, spaces, `+`, `-`, `.`, `(`, `)`.
    #[schema(
        min_length = 1,
        max_length = 32,
        pattern = r"^[0-9+ ().-]*[0-9][0-9+ ().-]*$"
    )]
    pub number: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PhoneStep {
    /// `verify_old`, `verify_new` or `done`.
    pub step: &'static str,
    pub challenge: Option<ChallengeView>,
    /// With `done`: the profile carrying the new `phone`.
    pub profile: Option<MeView>,
}

#[utoipa::path(
    post, path = "/api/v1/me/phone", tag = "security",
    request_body = PhoneChange,
    responses(
        (status = 200, description = "A code went to the current number (`verify_old`) or, without one, to the new number (`verify_new`)", body = PhoneStep),
        (status = 409, description = "`channel_not_configured`: this server cannot send SMS", body = ErrorBody),
        (status = 422, description = "`validation_failed` for a number that is not valid for its country, the same number, or (`not_mobile`) one that cannot receive text messages: premium-rate, shared-cost, satellite, fixed-line", body = ErrorBody),
        (status = 429, description = "`rate_limited`", body = ErrorBody),
        (status = 503, description = "`delivery_failed`", body = ErrorBody),
    )
)]
pub async fn start(
    State(state): State<AppState>,
    SetupUser { user, .. }: SetupUser,
    ApiJson(body): ApiJson<PhoneChange>,
) -> Result<Json<PhoneStep>, ApiError> {
    let new = PhoneE164::parse(body.country.as_deref(), &body.number)
        .map_err(|e| ApiError::field("number", e))?;
    if user.phone.as_ref() == Some(&new) {
        return Err(ApiError::field("number", Invalid::Unsupported));
    }
    if !new.receives_sms() {
        return Err(ApiError::field("number", Invalid::NotMobile));
    }
    let payload = json!({"new": new.as_str()});
    let (step, purpose, to) = match &user.phone {
        Some(old) => ("verify_old", Purpose::PhoneOld, old.as_str().to_owned()),
        None => ("verify_new", Purpose::PhoneNew, new.as_str().to_owned()),
    };
    let challenge = otp::issue(&state, &user, purpose, Channel::Sms, &to, payload).await?;
    Ok(Json(PhoneStep {
        step,
        challenge: Some(challenge),
        profile: None,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhoneCode {
    #[schema(min_length = 1, max_length = 64)]
    pub challenge_id: String,
    #[schema(pattern = r"^\s*[0-9]{6}\s*$")]
    pub code: String,
}

#[utoipa::path(
    post, path = "/api/v1/me/phone/verify", tag = "security",
    request_body = PhoneCode,
    responses(
        (status = 200, description = "After the old number's code: `verify_new` with a code sent to the new number; after the new number's code: `done`", body = PhoneStep),
        (status = 401, description = "`invalid_code`", body = ErrorBody),
        (status = 410, description = "`code_expired`", body = ErrorBody),
        (status = 429, description = "`too_many_attempts`", body = ErrorBody),
    )
)]
pub async fn verify(
    State(state): State<AppState>,
    ctx: RequestCtx,
    SetupUser { user, .. }: SetupUser,
    ApiJson(body): ApiJson<PhoneCode>,
) -> Result<Json<PhoneStep>, ApiError> {
    let pending = otp::load(
        &state,
        &body.challenge_id,
        user.id,
        &[Purpose::PhoneOld, Purpose::PhoneNew],
    )
    .await?;
    let done = otp::verify_loaded(&state, pending, &body.code).await?;
    let old_step = done.purpose == Purpose::PhoneOld;
    let payload: serde_json::Value =
        serde_json::from_str(&done.payload).map_err(ApiError::internal)?;
    let new = payload["new"]
        .as_str()
        .and_then(|p| PhoneE164::from_e164(p).ok())
        .ok_or_else(|| ApiError::internal("phone challenge without its number"))?;
    if old_step {
        let challenge = otp::issue(
            &state,
            &user,
            Purpose::PhoneNew,
            Channel::Sms,
            new.as_str(),
            json!({"new": new.as_str()}),
        )
        .await?;
        return Ok(Json(PhoneStep {
            step: "verify_new",
            challenge: Some(challenge),
            profile: None,
        }));
    }
    let updated = state
        .store()
        .set_phone(user.id, Some(&new), state.clock().now())
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    super::events::record(
        &state,
        user.id,
        SecurityEventKind::PhoneChanged,
        None,
        ctx.ip.as_deref(),
    )
    .await;
    super::confirm_elsewhere(&state, &updated, Channel::Sms, "notice-phone-changed").await;
    Ok(Json(PhoneStep {
        step: "done",
        challenge: None,
        profile: Some(MeView::of(&updated, ctx.locale)),
    }))
}

#[utoipa::path(
    delete, path = "/api/v1/me/phone", tag = "security",
    responses(
        (status = 200, description = "Removed; the profile with `phone: null`", body = MeView),
        (status = 409, description = "`phone_in_use`: two-factor codes go to this number; switch 2FA off or to email first", body = ErrorBody),
    )
)]
pub async fn remove(
    State(state): State<AppState>,
    ctx: RequestCtx,
    SetupUser { user, .. }: SetupUser,
) -> Result<Json<MeView>, ApiError> {
    if user.two_factor == Some(TwoFactorMethod::Sms) {
        return Err(ApiError::PhoneInUse);
    }
    let updated = state
        .store()
        .set_phone(user.id, None, state.clock().now())
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    if user.phone.is_some() {
        super::events::record(
            &state,
            user.id,
            SecurityEventKind::PhoneRemoved,
            None,
            ctx.ip.as_deref(),
        )
        .await;
        super::confirm_elsewhere(&state, &updated, Channel::Sms, "notice-phone-removed").await;
    }
    Ok(Json(MeView::of(&updated, ctx.locale)))
}
