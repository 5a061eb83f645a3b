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
