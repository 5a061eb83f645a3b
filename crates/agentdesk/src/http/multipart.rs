//! Reading `multipart/form-data` for the upload routes (avatars, attachments): a file field is
//! read chunk by chunk and refused as soon as it passes its limit, and a form that trips the
//! route's body limit is answered with the route's own "too large" error (413), not a 400.

use axum::extract::multipart::{Field, MultipartError};
use axum::http::StatusCode;

use super::ApiError;

/// Maps a multipart error: the route's body limit is `too_large` (413), anything else is a
/// malformed body (400).
pub fn form_error(e: MultipartError, too_large: fn() -> ApiError) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large()
    } else {
        ApiError::MalformedBody(e.body_text())
    }
}

/// The bytes of a file field, at most `max` of them (`too_large` past that).
pub async fn read_file(
    field: &mut Field<'_>,
    max: usize,
    too_large: fn() -> ApiError,
) -> Result<Vec<u8>, ApiError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|e| form_error(e, too_large))? {
        if bytes.len() + chunk.len() > max {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// A body a route takes either as JSON or as a form with a file.
pub enum JsonOrForm {
    Json(axum::body::Bytes),
    Form(axum::extract::Multipart),
}

/// Splits by `Content-Type`: a form (read by the caller under the route's large body limit), or
/// JSON, read here with the usual 1 MB cap; anything else is 415.
pub async fn json_or_form<S: Send + Sync>(
    req: axum::extract::Request,
    state: &S,
) -> Result<JsonOrForm, ApiError> {
    use axum::extract::FromRequest;
    let content_type = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let form = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|e| ApiError::MalformedBody(e.body_text()))?;
        return Ok(JsonOrForm::Form(form));
    }
    if !content_type.starts_with("application/json") {
        return Err(ApiError::UnsupportedMediaType);
    }
    let bytes = axum::body::to_bytes(req.into_body(), crate::startup::JSON_BODY_LIMIT)
        .await
        .map_err(|_| ApiError::PayloadTooLarge)?;
    Ok(JsonOrForm::Json(bytes))
}

/// Parses JSON as `ApiJson` would: a body of the wrong shape is 422, broken JSON 400.
pub fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ApiError::BodyMismatch(e.to_string()),
        _ => ApiError::MalformedBody(e.to_string()),
    })
}
