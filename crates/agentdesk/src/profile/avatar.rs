//! How a user looks to colleagues: their uploaded picture (`PUT/DELETE /api/v1/me/avatar`, served
//! at a content-hashed URL), or without one their initials on one of eight colours derived from
//! the name, so the same person always gets the same colour.

use std::time::Duration;

use crate::http::ApiPath;
use agentdesk_core::domain::{AvatarRef, PersonName, ProfilePatch, User};
use axum::Json;
use axum::extract::{Multipart, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use utoipa::ToSchema;

use super::me::MeView;
use super::picture::{self, Crop, PictureError};
use crate::http::error::{ErrorBody, FieldErrors};
use crate::http::multipart::{form_error, read_file};
use crate::http::{ApiError, ApiUser, RequestCtx};
use crate::state::AppState;

/// Largest accepted picture (docs/security.md 18).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The route's body limit: the picture plus the form around it.
pub const BODY_LIMIT: usize = MAX_BYTES + 64 * 1024;
/// How long an upload may wait for the picture worker before the server says it is busy.
const QUEUE_WAIT: Duration = Duration::from_secs(20);

/// Where a stored avatar is served; the key is the SHA-256 of the picture, so the URL changes
/// whenever the picture does and can be cached for a year.
pub fn url(avatar: &AvatarRef) -> String {
    format!("/api/v1/avatars/{}.jpg", avatar.full)
}

/// The 96×96 version, for lists.
pub fn thumb_url(avatar: &AvatarRef) -> String {
    format!("/api/v1/avatars/{}-96.jpg", avatar.full)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initials {
    pub letters: String,
    /// 0–7, selects the CSS class `avatar--c{n}`.
    pub colour: u8,
}

impl Initials {
    pub fn of(user: &User) -> Self {
        Self::from_names(user.first_name.as_str(), user.last_name.as_str())
    }

    pub fn from_names(first: &str, last: &str) -> Self {
        let letters: String = [first, last]
            .iter()
            .filter_map(|n| n.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        // FNV-1a: stable across releases and platforms, unlike the std hasher.
        let hash = format!("{first} {last}")
            .bytes()
            .fold(0x811c_9dc5_u32, |h, b| {
                (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
            });
        Self {
            letters,
            // FNV-1a mixes its low bits poorly; fold the high half in before taking three bits.
            colour: ((hash ^ (hash >> 16)) % 8) as u8,
        }
    }

    pub fn class(&self) -> String {
        format!("avatar--c{}", self.colour)
    }
}

/// The avatar upload form (`multipart/form-data`).
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // documents the form for OpenAPI; the fields are read by the multipart reader
pub struct AvatarUpload {
    /// JPEG, PNG or WebP, at most 5 MB and 10,000 px a side.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
    /// The square to keep, in pixels of the picture as displayed (after EXIF orientation); all
    /// three or none (then the centre square).
    pub crop_x: Option<u32>,
    pub crop_y: Option<u32>,
    pub crop_size: Option<u32>,
    /// Names saved together with the picture (the Profile page's one Save): all of it is
    /// applied, or — when a name or the picture is refused — none of it.
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
}

fn too_large() -> ApiError {
    ApiError::AvatarTooLarge
}

/// Reads the form, stopping as soon as the picture passes 5 MB.
/// What the avatar form carries: the picture, its crop, and the names saved with it.
struct AvatarForm {
    file: Vec<u8>,
    crop: Option<Crop>,
    names: ProfilePatch,
}

async fn read_form(mut form: Multipart) -> Result<AvatarForm, ApiError> {
    let mut file = None;
    let mut crop = [None; 3];
    let mut names: [Option<String>; 2] = [None, None];
    while let Some(mut field) = form
        .next_field()
        .await
        .map_err(|e| form_error(e, too_large))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" => {
                file = Some(read_file(&mut field, MAX_BYTES, too_large).await?);
            }
            "crop_x" | "crop_y" | "crop_size" => {
                let text = field.text().await.map_err(|e| form_error(e, too_large))?;
                let value = text
                    .trim()
                    .parse::<u32>()
                    .map_err(|_| ApiError::field(&name, agentdesk_core::domain::Invalid::Format))?;
                let slot = match name.as_str() {
                    "crop_x" => 0,
                    "crop_y" => 1,
                    _ => 2,
                };
                crop[slot] = Some(value);
            }
            "first_name" | "last_name" => {
                let text = field.text().await.map_err(|e| form_error(e, too_large))?;
                names[usize::from(name == "last_name")] = Some(text);
            }
            other => return Err(ApiError::BodyMismatch(format!("unknown field {other:?}"))),
        }
    }
    // The names are checked before the picture is even looked at: one Save changes everything
    // it carries or nothing, and a wrong name is reported with the picture still unsaved.
    let mut problems = FieldErrors::new();
    let mut parse_name = |field: &str, raw: &Option<String>| match raw {
        None => None,
        Some(raw) => PersonName::parse(raw)
            .inspect_err(|e| {
                problems.insert(field.to_owned(), (*e).into());
            })
            .ok(),
    };
    let names = ProfilePatch {
        first_name: parse_name("first_name", &names[0]),
        last_name: parse_name("last_name", &names[1]),
        locale: None,
    };
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let file =
        file.ok_or_else(|| ApiError::field("file", agentdesk_core::domain::Invalid::Required))?;
    let crop = match crop {
        [Some(x), Some(y), Some(size)] => Some(Crop { x, y, size }),
        [None, None, None] => None,
        _ => {
            return Err(ApiError::field(
                "crop_size",
                agentdesk_core::domain::Invalid::Required,
            ));
        }
    };
    Ok(AvatarForm { file, crop, names })
}

/// Removes the blobs of a replaced or deleted avatar unless something else still uses them
/// (the same picture uploaded by a colleague, say). Failures only leave an orphan file behind.
async fn forget(state: &AppState, old: Option<AvatarRef>, keep: Option<&AvatarRef>) {
    let Some(old) = old else { return };
    for key in [old.full, old.thumb] {
        if keep.is_some_and(|k| k.full == key || k.thumb == key) {
            continue;
        }
        match state.store().blob_in_use(&key).await {
            Ok(false) => {
                if let Err(e) = state.blobs().delete(&key).await {
                    tracing::warn!(error = %e, "old avatar blob not removed");
                }
            }
            Ok(true) => {}
            Err(e) => tracing::warn!(error = %e, "old avatar blob not checked"),
        }
    }
}

#[utoipa::path(
    put, path = "/api/v1/me/avatar", tag = "profile",
    request_body(content = AvatarUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "The profile with the new `avatar_url`", body = MeView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 413, description = "`file_too_large`: over 5 MB", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not JPEG, PNG or WebP by its bytes", body = ErrorBody),
        (status = 422, description = "`invalid_image`: undecodable or over 10,000 px a side / 50 megapixels; `validation_failed` for a crop outside the picture", body = ErrorBody),
        (status = 503, description = "`server_busy`: too many pictures waiting", body = ErrorBody),
    )
)]
pub async fn put_avatar(
    State(state): State<AppState>,
    ctx: RequestCtx,
    ApiUser { user, .. }: ApiUser,
    form: Multipart,
) -> Result<Json<MeView>, ApiError> {
    let AvatarForm {
        file: bytes,
        crop,
        names,
    } = read_form(form).await?;
    if picture::Format::sniff(&bytes).is_none() {
        return Err(ApiError::UnsupportedMediaType);
    }
    let permit = tokio::time::timeout(QUEUE_WAIT, state.pictures().acquire())
        .await
        .map_err(|_| ApiError::Busy)?
        .map_err(|_| ApiError::Busy)?;
    let processed = tokio::task::spawn_blocking(move || picture::process(&bytes, crop))
        .await
        .map_err(ApiError::internal)?;
    drop(permit);
    let avatar = match processed {
        Ok(avatar) => avatar,
        Err(PictureError::Unsupported) => return Err(ApiError::UnsupportedMediaType),
        Err(PictureError::Invalid(why)) => return Err(ApiError::InvalidImage(why)),
        Err(PictureError::CropOutside) => {
            return Err(ApiError::field(
                "crop_size",
                agentdesk_core::domain::Invalid::Format,
            ));
        }
    };
    let stored = AvatarRef {
        full: state
            .blobs()
            .put(&avatar.full)
            .await
            .map_err(ApiError::internal)?,
        thumb: state
            .blobs()
            .put(&avatar.thumb)
            .await
            .map_err(ApiError::internal)?,
    };
    let (updated, previous) = state
        .store()
        .set_avatar(user.id, Some(&stored), &names, state.clock().now())
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    forget(&state, previous, Some(&stored)).await;
    tracing::info!(user_id = user.id.0, "avatar changed");
    Ok(Json(MeView::of(&updated, ctx.locale)))
}

#[utoipa::path(
    delete, path = "/api/v1/me/avatar", tag = "profile",
    responses(
        (status = 200, description = "The profile with `avatar_url: null`", body = MeView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
    )
)]
pub async fn delete_avatar(
    State(state): State<AppState>,
    ctx: RequestCtx,
    ApiUser { user, .. }: ApiUser,
) -> Result<Json<MeView>, ApiError> {
    let (updated, previous) = state
        .store()
        .set_avatar(user.id, None, &ProfilePatch::default(), state.clock().now())
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    forget(&state, previous, None).await;
    Ok(Json(MeView::of(&updated, ctx.locale)))
}

#[utoipa::path(
    get, path = "/api/v1/avatars/{file}", tag = "profile",
    params(("file" = String, Path, description = "`{key}.jpg` (640×640) or `{key}-96.jpg` (96×96), as given in `avatar_url`")),
    responses(
        (status = 200, description = "The picture, `image/jpeg`, cacheable for a year", content_type = "image/jpeg"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 404, description = "No colleague has this avatar", body = ErrorBody),
    )
)]
pub async fn get_avatar(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(file): ApiPath<String>,
) -> Result<Response, ApiError> {
    let (key, thumb) = match file.strip_suffix("-96.jpg") {
        Some(key) => (key, true),
        None => (file.strip_suffix(".jpg").ok_or(ApiError::NotFound)?, false),
    };
    // Only colleagues see avatars: the key must belong to someone of the caller's company.
    let avatar = state
        .store()
        .company_avatar(user.company_id, key)
        .await?
        .ok_or(ApiError::NotFound)?;
    let bytes = state
        .blobs()
        .get(if thumb { &avatar.thumb } else { &avatar.full })
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::NotFound)?;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
    // Private: a shared cache must not hand a colleague's picture to someone signed out.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=31536000, immutable"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline; filename=\"avatar.jpg\""),
    );
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_stable_and_handle_any_script() {
        let a = Initials::from_names("ada", "Lovelace");
        assert_eq!(a.letters, "AL");
        assert_eq!(a, Initials::from_names("ada", "Lovelace"));
        assert_eq!(Initials::from_names("明", "李").letters, "明李");
        assert!(a.colour < 8);
        // Different people mostly get different colours.
        let demo = [
            ("Alex", "Admin"),
            ("Mia", "Chen"),
            ("Lucas", "Silva"),
            ("Sara", "Haddad"),
            ("Nora", "Lee"),
            ("Omar", "Haddad"),
        ];
        let colours: std::collections::BTreeSet<u8> = demo
            .iter()
            .map(|(f, l)| Initials::from_names(f, l).colour)
            .collect();
        assert!(colours.len() >= 4, "{colours:?}");
    }
}
