//! `GET/PATCH /api/v1/me`: the signed-in user's own profile. Only names and language can be
//! changed here; the email is the login identity and is refused (`email_read_only`), and any
//! other field is refused as unknown, so nothing can be mass-assigned.

use agentdesk_core::domain::{Locale, PersonName, ProfilePatch, User};
use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::avatar::Initials;
use crate::http::error::{ErrorBody, FieldErrors};
use crate::http::{ApiError, ApiJson, ApiUser, RequestCtx, SetupUser};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct TwoFactorView {
    pub enabled: bool,
    /// `sms` or `email` when enabled.
    pub method: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeView {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    /// E.164, once a number is verified.
    pub phone: Option<String>,
    /// The 640×640 picture; `null` without one.
    pub avatar_url: Option<String>,
    /// The same picture at 96×96, for lists.
    pub avatar_thumb_url: Option<String>,
    /// What colleagues see without a picture: initials on colour `avatar_color` (0–7).
    pub initials: String,
    pub avatar_color: u8,
    /// The language the user reads the product in.
    pub locale: String,
    /// `admin` or `agent`.
    pub role: String,
    pub two_factor: TwoFactorView,
    /// `available`, `away` or `offline` (set with `PUT /api/v1/me/availability`).
    pub availability: String,
}

impl MeView {
    pub fn of(user: &User, fallback: Locale) -> Self {
        let initials = Initials::of(user);
        Self {
            id: user.id.0,
            email: user.email.to_string(),
            first_name: user.first_name.as_str().to_owned(),
            last_name: user.last_name.as_str().to_owned(),
            phone: user.phone.as_ref().map(|p| p.as_str().to_owned()),
            avatar_url: user.avatar.as_ref().map(super::avatar::url),
            avatar_thumb_url: user.avatar.as_ref().map(super::avatar::thumb_url),
            initials: initials.letters,
            avatar_color: initials.colour,
            locale: user.locale.unwrap_or(fallback).tag().to_owned(),
            role: user.role.as_str().to_owned(),
            availability: user.availability.as_str().to_owned(),
            two_factor: TwoFactorView {
                enabled: user.two_factor.is_some(),
                method: user.two_factor.map(|m| m.as_str().to_owned()),
            },
        }
    }
}

#[utoipa::path(
    get, path = "/api/v1/me", tag = "profile",
    responses((status = 200, body = MeView), (status = 401, description = "`unauthenticated`", body = ErrorBody))
)]
pub async fn get_me(ctx: RequestCtx, SetupUser { user, .. }: SetupUser) -> Json<MeView> {
    Json(MeView::of(&user, ctx.locale))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MePatch {
    /// 1–50 characters after trimming.
    #[schema(
        min_length = 1,
        max_length = 50,
        pattern = r"^\s*[^\s\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub first_name: Option<String>,
    #[schema(
        min_length = 1,
        max_length = 50,
        pattern = r"^\s*[^\s\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub last_name: Option<String>,
    /// One of the supported language tags, e.g. `en`, `zh-CN`.
    #[schema(value_type = Option<crate::http::openapi::vocabulary::LocaleName>)]
    pub locale: Option<String>,
    /// Never accepted (422 `email_read_only`): the email cannot be changed. Not part of the
    /// schema, since no value is valid.
    #[schema(ignore)]
    pub email: Option<serde_json::Value>,
}

impl MePatch {
    fn parse(self) -> Result<ProfilePatch, ApiError> {
        if self.email.is_some() {
            return Err(ApiError::EmailReadOnly);
        }
        let mut problems = FieldErrors::new();
        let mut patch = ProfilePatch::default();
        let mut take = |name: &str, r: Result<(), agentdesk_core::domain::Invalid>| {
            if let Err(i) = r {
                problems.insert(name.to_owned(), i.into());
            }
        };
        if let Some(raw) = &self.first_name {
            take(
                "first_name",
                PersonName::parse(raw).map(|n| patch.first_name = Some(n)),
            );
        }
        if let Some(raw) = &self.last_name {
            take(
                "last_name",
                PersonName::parse(raw).map(|n| patch.last_name = Some(n)),
            );
        }
        if let Some(raw) = &self.locale {
            take("locale", Locale::parse(raw).map(|l| patch.locale = Some(l)));
        }
        if problems.is_empty() {
            Ok(patch)
        } else {
            Err(ApiError::Validation(problems))
        }
    }
}

#[utoipa::path(
    patch, path = "/api/v1/me", tag = "profile",
    request_body = MePatch,
    responses(
        (status = 200, body = MeView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 422, description = "`validation_failed` with `fields`, `email_read_only`, or `invalid_body` for unknown fields", body = ErrorBody),
    )
)]
pub async fn patch_me(
    State(state): State<AppState>,
    ctx: RequestCtx,
    ApiUser { user, .. }: ApiUser,
    ApiJson(body): ApiJson<MePatch>,
) -> Result<Json<MeView>, ApiError> {
    let patch = body.parse()?;
    let updated = state
        .store()
        .update_profile(user.id, &patch, state.clock().now())
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    Ok(Json(MeView::of(&updated, ctx.locale)))
}
