//! Attachments agents send: what a file is (by its first bytes, never by its name or the
//! browser's word), whether WhatsApp takes it at that size, and reading it from a multipart body
//! without buffering more than the largest allowed file.

use agentdesk_core::domain::content::MediaKind;
use axum::extract::Multipart;

use crate::http::ApiError;
use crate::http::multipart::{form_error, read_file};

/// WhatsApp's limits by media type (PRODUCT.md: image 5 MB, video/audio 16 MB, document 100 MB).
pub const IMAGE_MAX: usize = 5 * 1024 * 1024;
pub const AV_MAX: usize = 16 * 1024 * 1024;
pub const DOCUMENT_MAX: usize = 100 * 1024 * 1024;
/// A caption rides along with media and is shorter than a text message.
pub const MAX_CAPTION_CHARS: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    /// Image, video, audio or document: the WhatsApp message type.
    pub kind: MediaKind,
    pub mime: &'static str,
}

/// Identifies a file by its magic bytes; `None` for anything WhatsApp would not carry.
pub fn sniff(bytes: &[u8]) -> Option<Sniffed> {
    let s = |kind, mime| Some(Sniffed { kind, mime });
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    if at(0, b"\xFF\xD8\xFF") {
        return s(MediaKind::Image, "image/jpeg");
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return s(MediaKind::Image, "image/png");
    }
    if at(0, b"RIFF") && at(8, b"WEBP") {
        return s(MediaKind::Image, "image/webp");
    }
    if at(4, b"ftyp") {
        let brand = bytes.get(8..12).unwrap_or_default();
        return match brand {
            b"M4A " | b"M4B " => s(MediaKind::Audio, "audio/mp4"),
            b"3gp4" | b"3gp5" | b"3gp6" | b"3gp7" | b"3g2a" => s(MediaKind::Video, "video/3gpp"),
            _ => s(MediaKind::Video, "video/mp4"),
        };
    }
    if at(0, b"OggS") {
        return s(MediaKind::Audio, "audio/ogg");
    }
    if at(0, b"ID3") || at(0, b"\xFF\xFB") || at(0, b"\xFF\xF3") || at(0, b"\xFF\xF2") {
        return s(MediaKind::Audio, "audio/mpeg");
    }
    if at(0, b"#!AMR") {
        return s(MediaKind::Audio, "audio/amr");
    }
    if at(0, b"%PDF-") {
        return s(MediaKind::Document, "application/pdf");
    }
    if at(0, b"PK\x03\x04") {
        // Office Open XML files are zip archives; WhatsApp takes them as documents.
        return s(MediaKind::Document, "application/zip");
    }
    if at(0, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return s(MediaKind::Document, "application/msword");
    }
    // Plain text (CSV, TXT): valid UTF-8 without NUL bytes and not markup a browser would run.
    let head = &bytes[..bytes.len().min(4096)];
    let text = std::str::from_utf8(head).is_ok()
        || std::str::from_utf8(&head[..head.len().saturating_sub(3)]).is_ok();
    let markup = String::from_utf8_lossy(&head[..head.len().min(512)])
        .trim_start()
        .starts_with('<');
    if !bytes.is_empty() && text && !head.contains(&0) && !markup {
        return s(MediaKind::Document, "text/plain");
    }
    None
}

/// The WhatsApp message type of a stored file, from the MIME type `sniff` gave it.
pub fn kind_for_mime(mime: &str) -> MediaKind {
    match mime.split('/').next().unwrap_or_default() {
        "image" => MediaKind::Image,
        "video" => MediaKind::Video,
        "audio" => MediaKind::Audio,
        _ => MediaKind::Document,
    }
}

pub fn limit_for(kind: MediaKind) -> usize {
    match kind {
        MediaKind::Image | MediaKind::Sticker => IMAGE_MAX,
        MediaKind::Video | MediaKind::Audio => AV_MAX,
        MediaKind::Document => DOCUMENT_MAX,
    }
}

/// What a multipart send carries.
#[derive(Debug, Default)]
pub struct Upload {
    pub file: Option<(Vec<u8>, String)>,
    pub text: String,
    pub reply_to: Option<String>,
}

fn too_large() -> ApiError {
    ApiError::FileTooLarge
}

/// Reads the form, stopping as soon as the file passes the largest limit (413).
pub async fn read(mut form: Multipart) -> Result<Upload, ApiError> {
    let mut upload = Upload::default();
    while let Some(mut field) = form
        .next_field()
        .await
        .map_err(|e| form_error(e, too_large))?
    {
        match field.name().unwrap_or_default() {
            "file" => {
                let name = agentdesk_core::domain::text::file_name(
                    field.file_name().unwrap_or_default(),
                    "attachment",
                );
                let bytes = read_file(&mut field, DOCUMENT_MAX, too_large).await?;
                upload.file = Some((bytes, name));
            }
            "text" => upload.text = field.text().await.map_err(|e| form_error(e, too_large))?,
            "reply_to" => {
                upload.reply_to = Some(field.text().await.map_err(|e| form_error(e, too_large))?)
            }
            other => return Err(ApiError::BodyMismatch(format!("unknown field {other:?}"))),
        }
    }
    Ok(upload)
}

/// Types a browser may show inline; anything else (HTML, SVG, scripts…) is only ever downloaded.
fn inline_safe(mime: &str) -> bool {
    let base = mime
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    matches!(
        base.as_str(),
        "image/jpeg"
            | "image/png"
            | "image/webp"
            | "image/gif"
            | "audio/ogg"
            | "audio/mpeg"
            | "audio/aac"
            | "audio/mp4"
            | "audio/amr"
            | "video/mp4"
            | "video/3gpp"
            | "application/pdf"
    )
}

/// A stored file as a download: its MIME type only when a browser may show it inline (else
/// `application/octet-stream` and `attachment`), its name cleaned and RFC 5987-encoded
/// (`fallback` when it has none), cached privately for a day.
pub async fn serve(
    state: &crate::state::AppState,
    key: &str,
    mime: &str,
    filename: Option<String>,
    fallback: &str,
) -> Result<axum::response::Response, ApiError> {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse;
    let bytes = state
        .blobs()
        .get(key)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::NotFound)?;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    let inline = inline_safe(mime);
    let shown = if inline {
        HeaderValue::from_str(mime).ok()
    } else {
        None
    };
    h.insert(
        header::CONTENT_TYPE,
        shown.unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    let filename = filename
        .map(|f| agentdesk_core::domain::text::file_name(&f, ""))
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| fallback.to_owned());
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!(
        "{}; filename*=UTF-8''{encoded}",
        if inline { "inline" } else { "attachment" }
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_known_by_their_bytes_not_their_names() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest").unwrap().mime, "image/jpeg");
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\nrest").unwrap().kind,
            MediaKind::Image
        );
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ").unwrap().mime, "image/webp");
        assert_eq!(
            sniff(b"\0\0\0\x18ftypmp42rest").unwrap().kind,
            MediaKind::Video
        );
        assert_eq!(sniff(b"\0\0\0\x18ftypM4A rest").unwrap().mime, "audio/mp4");
        assert_eq!(sniff(b"OggS\0rest").unwrap().kind, MediaKind::Audio);
        assert_eq!(sniff(b"%PDF-1.7").unwrap().kind, MediaKind::Document);
        assert_eq!(sniff(b"order,qty\n8812,2\n").unwrap().mime, "text/plain");
        // HTML and SVG are never carried, whatever the file is called.
        assert_eq!(sniff(b"<html><script>alert(1)</script>"), None);
        assert_eq!(sniff(b"  <svg xmlns='http://www.w3.org/2000/svg'/>"), None);
        assert_eq!(sniff(b"\x00\x01\x02binary"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn limits_follow_whatsapp() {
        assert_eq!(limit_for(MediaKind::Image), 5 * 1024 * 1024);
        assert_eq!(limit_for(MediaKind::Audio), 16 * 1024 * 1024);
        assert_eq!(limit_for(MediaKind::Document), 100 * 1024 * 1024);
    }
}
