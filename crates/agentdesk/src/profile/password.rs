//! `POST /api/v1/me/password` (docs/security.md 8 and 10): the current password is required (and
//! wrong guesses count against the same throttle as sign-in); the new one must pass the policy;
//! on success the current session is rotated and every other session of the user ends, in one
//! transaction. `POST /api/v1/me/password/strength` feeds the strength meter with the very same
//! policy, so the meter never promises what the server then refuses.

use agentdesk_core::store::SecurityEventKind;
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use agentdesk_core::store::{NewSession, SessionKind};

use crate::auth::password::check_new;
use crate::auth::session::{new_token, token_hash};
use crate::auth::throttle::confirm_password;
use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiJson, ApiUser, RequestCtx, cookies};
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    #[schema(max_length = 1024)]
    pub current_password: String,
    /// 8–128 characters (code points, after NFKC), not common, not containing the user's name or
    /// email.
    #[schema(min_length = 8, max_length = 128)]
    pub new_password: String,
}

/// The words a user's password must not contain.
fn personal(user: &agentdesk_core::domain::User) -> Vec<String> {
    let email = user.email.as_str().to_owned();
    let local = email.split('@').next().unwrap_or_default().to_owned();
    vec![
        email,
        local,
        user.first_name.as_str().to_owned(),
        user.last_name.as_str().to_owned(),
    ]
}

#[utoipa::path(
    post, path = "/api/v1/me/password", tag = "profile",
    request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed; this browser gets a new session cookie and every other session of the user has ended"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`wrong_password`: the current password is wrong", body = ErrorBody),
        (status = 422, description = "`weak_password` with the problem under `fields.new_password`", body = ErrorBody),
        (status = 429, description = "`rate_limited`: too many wrong current passwords", body = ErrorBody),
    )
)]
pub async fn change_password(
    State(state): State<AppState>,
    ctx: RequestCtx,
    ApiUser { user, session }: ApiUser,
    ApiJson(body): ApiJson<PasswordChange>,
) -> Result<Response, ApiError> {
    confirm_password(&state, &user, &body.current_password).await?;
    let words = personal(&user);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    check_new("new_password", &body.new_password, &words)?;
    let hash = state.passwords().hash(&body.new_password).await?;

    let token = new_token();
    let now = state.clock().now();
    let rotated = NewSession {
        token_hash: token_hash(&token),
        user_id: user.id,
        kind: SessionKind::Full,
        created_at: now,
        // The rotated session keeps the absolute deadline of the sign-in it continues.
        expires_at: session.expires_at,
        ip: ctx.ip.clone(),
        user_agent: ctx.user_agent.clone(),
    };
    let ended = state
        .store()
        .change_password(user.id, &hash, &session.token_hash, &rotated, now)
        .await?;
    tracing::info!(
        user_id = user.id.0,
        other_sessions_ended = ended,
        "password changed"
    );
    crate::security::events::record(
        &state,
        user.id,
        SecurityEventKind::PasswordChanged,
        None,
        ctx.ip.as_deref(),
    )
    .await;
    let mut res = StatusCode::NO_CONTENT.into_response();
    if let Some(cookie) = cookies::session_cookie(&token, state.config().https()) {
        res.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    Ok(res)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StrengthRequest {
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StrengthView {
    /// zxcvbn's guessability score, 0 (weakest) to 4.
    pub score: u8,
    /// Whether `POST /api/v1/me/password` would accept it.
    pub acceptable: bool,
    /// Why not, in the user's language.
    pub problem: Option<String>,
}

#[utoipa::path(
    post, path = "/api/v1/me/password/strength", tag = "profile",
    request_body = StrengthRequest,
    responses(
        (status = 200, body = StrengthView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
    )
)]
pub async fn strength(
    ctx: RequestCtx,
    ApiUser { user, .. }: ApiUser,
    ApiJson(body): ApiJson<StrengthRequest>,
) -> Result<Json<StrengthView>, ApiError> {
    let words = personal(&user);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    // Long inputs are refused by the policy anyway; zxcvbn's cost grows with length.
    let sample: String = body.password.chars().take(256).collect();
    let score = u8::from(zxcvbn::zxcvbn(&sample, &words).score());
    let verdict = check_new("new_password", &body.password, &words);
    Ok(Json(StrengthView {
        score,
        acceptable: verdict.is_ok(),
        problem: match verdict {
            Err(weak) => Some(ctx.tr().t(weak.weakness.problem().key)),
            Ok(()) => None,
        },
    }))
}
