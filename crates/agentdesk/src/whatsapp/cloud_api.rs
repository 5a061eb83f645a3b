//! The outbound WhatsApp Cloud API client: send messages, upload media, look media up and
//! download it, against a configurable Graph API base URL (Meta in production, the emulator in
//! demo mode, a checking test server in tests). Errors arrive as Graph error bodies and are mapped
//! to what the inbox must do about them: retry, block the composer, or flag the number's token.
//!
//! Recipients: a customer is addressed by phone number (`to`) or, since Meta's 2026 username
//! rollout, by a business-scoped user ID (BSUID, e.g. `US.13491208655302741918`, or a parent
//! BSUID `US.ENT.…`), which the Messages API takes in the `recipient` field instead of `to`
//! (when both are present `to` wins, so a BSUID send omits `to`). [`Recipient::parse`] decides
//! by shape: a two-letter upper-case country code, a dot, then alphanumeric parts is a BSUID;
//! anything else is sent as `to`.
//!
//! Nothing here logs access tokens or message content.

use std::fmt;
use std::time::Duration;

use base64::Engine as _;
use futures_util::StreamExt as _;
use reqwest::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

/// Meta's production Graph API base.
pub const DEFAULT_API_BASE: &str = "https://graph.facebook.com/v21.0";

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Overall limit for JSON calls (send, media info).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Uploads and downloads move up to 100 MB (WhatsApp's document limit).
const TRANSFER_TIMEOUT: Duration = Duration::from_secs(300);
/// Larger success or error bodies than this are not Graph answers.
const MAX_JSON_BODY: u64 = 1024 * 1024;

/// Graph error codes with a meaning for the inbox (Cloud API "Error codes" reference).
pub mod codes {
    /// AuthException: the token expired, was invalidated or the user blocked apps.
    pub const AUTH_EXCEPTION: i64 = 0;
    /// Unknown API error (transient).
    pub const API_UNKNOWN: i64 = 1;
    /// API service: temporary downtime or overload (transient).
    pub const API_SERVICE: i64 = 2;
    /// API too many calls (application rate limit).
    pub const API_TOO_MANY_CALLS: i64 = 4;
    /// Invalid parameter.
    pub const INVALID_PARAMETER: i64 = 100;
    /// Access token expired or invalid.
    pub const ACCESS_TOKEN_EXPIRED: i64 = 190;
    /// Rate limit issues on the WhatsApp Business Account.
    pub const WABA_RATE_LIMIT: i64 = 80007;
    /// Throughput rate limit hit on the business phone number.
    pub const RATE_LIMIT_HIT: i64 = 130429;
    /// Something went wrong (transient).
    pub const SOMETHING_WENT_WRONG: i64 = 131000;
    /// Service unavailable (transient).
    pub const SERVICE_UNAVAILABLE: i64 = 131016;
    /// Re-engagement message: more than 24 hours since the customer last wrote.
    pub const RE_ENGAGEMENT: i64 = 131047;
    /// Spam rate limit hit (a quality restriction, not a short wait).
    pub const SPAM_RATE_LIMIT: i64 = 131048;
    /// Media upload error.
    pub const MEDIA_UPLOAD_ERROR: i64 = 131053;
    /// Pair rate limit: too many messages to the same customer in a short time.
    pub const PAIR_RATE_LIMIT: i64 = 131056;
    /// Business-scoped user ID recipients are not supported for this message.
    pub const BSUID_NOT_SUPPORTED: i64 = 131062;
    /// Server temporarily unavailable (transient).
    pub const SERVER_TEMPORARILY_UNAVAILABLE: i64 = 133004;
}

/// A client of the Cloud API. Cheap to clone; holds no credentials (the token is passed per
/// call because each WhatsApp number has its own).
#[derive(Clone)]
pub struct CloudApi {
    http: reqwest::Client,
    base: String,
}

impl fmt::Debug for CloudApi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CloudApi")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

/// Who a message goes to, as the Messages API addresses them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient<'a> {
    /// A phone number / WhatsApp ID, sent as `to`.
    Phone(&'a str),
    /// A business-scoped user ID (or parent BSUID), sent as `recipient`.
    Bsuid(&'a str),
}

impl<'a> Recipient<'a> {
    /// Phone numbers are digits (maybe with `+`, spaces or dashes); BSUIDs are
    /// `CC.alphanumeric` or `CC.ENT.alphanumeric` with an upper-case ISO country code.
    pub fn parse(id: &'a str) -> Self {
        if is_bsuid(id) {
            Recipient::Bsuid(id)
        } else {
            Recipient::Phone(id)
        }
    }
}

/// Whether `id` has the shape of a business-scoped user ID.
pub fn is_bsuid(id: &str) -> bool {
    let mut parts = id.split('.');
    let country_ok = parts
        .next()
        .is_some_and(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()));
    let mut rest = 0;
    for part in parts {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return false;
        }
        rest += 1;
    }
    country_ok && (1..=2).contains(&rest)
}

/// A message to send. `to` is a phone number or a BSUID (see [`Recipient::parse`]).
#[derive(Clone)]
pub struct OutboundMessage {
    pub to: String,
    /// The `wamid` of the customer's message this one quotes (`context.message_id`).
    pub reply_to: Option<String>,
    pub body: OutboundBody,
}

/// Message content and the customer's id stay out of logs.
impl fmt::Debug for OutboundMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OutboundMessage")
            .field("type", &self.body.type_name())
            .field("reply", &self.reply_to.is_some())
            .finish_non_exhaustive()
    }
}

#[derive(Clone, PartialEq)]
pub enum OutboundBody {
    Text {
        body: String,
        preview_url: bool,
    },
    /// Media previously uploaded with [`CloudApi::upload_media`]. The API accepts a caption
    /// only for image, video and document, and a filename only for document; the others are
    /// left out of the request.
    Media {
        kind: OutboundMediaKind,
        media_id: String,
        caption: Option<String>,
        filename: Option<String>,
    },
    /// The documented `interactive` object (button, cta_url, list, …), passed through as is.
    Interactive(Value),
}

impl OutboundBody {
    /// The message `type` the request carries.
    pub fn type_name(&self) -> &'static str {
        match self {
            OutboundBody::Text { .. } => "text",
            OutboundBody::Media { kind, .. } => kind.as_str(),
            OutboundBody::Interactive(_) => "interactive",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboundMediaKind {
    Image,
    Video,
    Audio,
    Document,
    Sticker,
}

impl OutboundMediaKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboundMediaKind::Image => "image",
            OutboundMediaKind::Video => "video",
            OutboundMediaKind::Audio => "audio",
            OutboundMediaKind::Document => "document",
            OutboundMediaKind::Sticker => "sticker",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "image" => OutboundMediaKind::Image,
            "video" => OutboundMediaKind::Video,
            "audio" => OutboundMediaKind::Audio,
            "document" => OutboundMediaKind::Document,
            "sticker" => OutboundMediaKind::Sticker,
            _ => return None,
        })
    }

    fn takes_caption(self) -> bool {
        matches!(
            self,
            OutboundMediaKind::Image | OutboundMediaKind::Video | OutboundMediaKind::Document
        )
    }
}

/// `GET /{media_id}`: where to download the media and what to expect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaInfo {
    pub url: String,
    pub mime_type: String,
    pub sha256: Option<String>,
    pub file_size: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum CloudApiError {
    /// 131047: the customer last wrote more than 24 hours ago; only templates may be sent.
    #[error("outside the 24-hour customer service window: {message}")]
    WindowClosed { message: String },
    /// Throughput (130429), pair (131056), application (4) or account (80007) rate limit.
    /// `code` is the Graph error code, or 429 when only the HTTP status said so.
    #[error("rate limited by the Cloud API (code {code})")]
    RateLimited {
        code: i64,
        retry_after_secs: Option<u64>,
    },
    /// 190 (or 0, AuthException): the number's access token is expired or invalid.
    #[error("access token rejected: {message}")]
    TokenInvalid { message: String },
    /// Any other Graph error; `details` is `error_data.details`.
    #[error("request rejected by the Cloud API (code {code}): {message}")]
    Rejected {
        code: i64,
        message: String,
        details: Option<String>,
    },
    /// Connect, timeout or I/O failure.
    #[error("could not reach the Cloud API: {0}")]
    Transport(String),
    /// A 5xx answer without a parseable Graph error body.
    #[error("Cloud API server error (HTTP {status})")]
    Server { status: u16 },
    #[error("media is larger than allowed")]
    TooLarge,
    #[error("downloaded media does not match its SHA-256")]
    ChecksumMismatch,
    /// A success status with a body that is not the documented one, or a 4xx without a
    /// Graph error body.
    #[error("unexpected Cloud API response: {0}")]
    BadResponse(String),
    /// Refused before sending: an id that cannot be a path segment, an invalid MIME type.
    #[error("invalid request: {0}")]
    InvalidInput(String),
}

impl CloudApiError {
    /// Worth trying again later: rate limits, transport failures, server errors, and the
    /// Graph codes documented as temporary (1, 2, 131000, 131016, 133004).
    pub fn is_retryable(&self) -> bool {
        match self {
            CloudApiError::RateLimited { .. }
            | CloudApiError::Transport(_)
            | CloudApiError::Server { .. } => true,
            CloudApiError::Rejected { code, .. } => matches!(
                *code,
                codes::API_UNKNOWN
                    | codes::API_SERVICE
                    | codes::SOMETHING_WENT_WRONG
                    | codes::SERVICE_UNAVAILABLE
                    | codes::SERVER_TEMPORARILY_UNAVAILABLE
            ),
            _ => false,
        }
    }

    /// The Graph error code, when the error came from a Graph error body.
    pub fn code(&self) -> Option<i64> {
        match self {
            CloudApiError::WindowClosed { .. } => Some(codes::RE_ENGAGEMENT),
            CloudApiError::RateLimited { code, .. } | CloudApiError::Rejected { code, .. } => {
                Some(*code)
            }
            CloudApiError::TokenInvalid { .. } => Some(codes::ACCESS_TOKEN_EXPIRED),
            _ => None,
        }
    }

    /// Maps a Graph error body to what the inbox does about it.
    pub fn from_graph(error: GraphError, retry_after_secs: Option<u64>) -> Self {
        let details = error.error_data.and_then(|d| d.details);
        match error.code {
            codes::RE_ENGAGEMENT => CloudApiError::WindowClosed {
                message: details.unwrap_or(error.message),
            },
            codes::RATE_LIMIT_HIT
            | codes::PAIR_RATE_LIMIT
            | codes::API_TOO_MANY_CALLS
            | codes::WABA_RATE_LIMIT => CloudApiError::RateLimited {
                code: error.code,
                retry_after_secs,
            },
            codes::ACCESS_TOKEN_EXPIRED | codes::AUTH_EXCEPTION => CloudApiError::TokenInvalid {
                message: error.message,
            },
            code => CloudApiError::Rejected {
                code,
                message: error.message,
                details,
            },
        }
    }
}

/// Meta's Graph error body: `{"error":{"message","type","code","error_subcode",
/// "error_data":{"messaging_product","details"},"fbtrace_id"}}`.
#[derive(Debug, Clone, Deserialize)]
pub struct GraphErrorBody {
    pub error: GraphError,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GraphError {
    #[serde(default)]
    pub message: String,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    pub code: i64,
    #[serde(default)]
    pub error_subcode: Option<i64>,
    #[serde(default)]
    pub error_data: Option<GraphErrorData>,
    #[serde(default)]
    pub fbtrace_id: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GraphErrorData {
    #[serde(default)]
    pub messaging_product: Option<String>,
    #[serde(default)]
    pub details: Option<String>,
}

/// Send-message success: `{"messaging_product":"whatsapp","contacts":[{"input","wa_id"|
/// "user_id"}],"messages":[{"id","message_status"?}]}`.
#[derive(Deserialize)]
struct SendResponse {
    #[serde(default)]
    messages: Vec<SentMessage>,
}

#[derive(Deserialize)]
struct SentMessage {
    id: String,
}

#[derive(Deserialize)]
struct IdResponse {
    id: String,
}

/// `GET /{media_id}`: `{"messaging_product","url","mime_type","sha256","file_size","id"}`;
/// `file_size` is documented as a string placeholder and seen as a number, so both are read.
#[derive(Deserialize)]
struct MediaInfoResponse {
    url: String,
    mime_type: String,
    #[serde(default)]
    sha256: Option<String>,
    #[serde(default)]
    file_size: Option<Value>,
}

impl CloudApi {
    /// A client for `base_url` (e.g. [`DEFAULT_API_BASE`]); a trailing `/` is ignored.
    pub fn new(base_url: &str) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("agentdesk/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        CloudApi {
            http,
            base: base_url.trim_end_matches('/').to_owned(),
        }
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// POST {base}/{phone_number_id}/messages with the Bearer token; returns the new `wamid`.
    pub async fn send(
        &self,
        token: &str,
        phone_number_id: &str,
        message: &OutboundMessage,
    ) -> Result<String, CloudApiError> {
        let url = format!("{}/{}/messages", self.base, path_segment(phone_number_id)?);
        let body = message_body(message)?;
        let res = self
            .http
            .post(url)
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .map_err(transport)?;
        let res = check_status(res).await?;
        let parsed: SendResponse = read_json(res).await?;
        let id = parsed
            .messages
            .into_iter()
            .next()
            .map(|m| m.id)
            .filter(|id| !id.is_empty())
            .ok_or_else(|| CloudApiError::BadResponse("no messages[0].id in the answer".into()))?;
        tracing::debug!(
            phone_number_id,
            r#type = message.body.type_name(),
            "message sent"
        );
        Ok(id)
    }

    /// Marks a customer's message as read (blue ticks on the customer's phone):
    /// POST {base}/{phone_number_id}/messages `{"messaging_product":"whatsapp",
    /// "status":"read","message_id"}` → `{"success":true}`.
    pub async fn mark_read(
        &self,
        token: &str,
        phone_number_id: &str,
        message_id: &str,
    ) -> Result<(), CloudApiError> {
        let url = format!("{}/{}/messages", self.base, path_segment(phone_number_id)?);
        let body = json!({
            "messaging_product": "whatsapp",
            "status": "read",
            "message_id": message_id,
        });
        let res = self
            .http
            .post(url)
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .map_err(transport)?;
        let res = check_status(res).await?;
        let value: Value = read_json(res).await?;
        if value.get("success").and_then(Value::as_bool) == Some(true) {
            Ok(())
        } else {
            Err(CloudApiError::BadResponse(
                "mark-read did not answer success".into(),
            ))
        }
    }

    /// POST {base}/{phone_number_id}/media as multipart (`messaging_product=whatsapp`,
    /// `type=<mime>`, `file=<bytes; filename>`); returns the media id.
    pub async fn upload_media(
        &self,
        token: &str,
        phone_number_id: &str,
        bytes: Vec<u8>,
        mime: &str,
        filename: &str,
    ) -> Result<String, CloudApiError> {
        let url = format!("{}/{}/media", self.base, path_segment(phone_number_id)?);
        let file = reqwest::multipart::Part::bytes(bytes)
            .file_name(filename.to_owned())
            .mime_str(mime)
            .map_err(|_| CloudApiError::InvalidInput("invalid MIME type".into()))?;
        let form = reqwest::multipart::Form::new()
            .text("messaging_product", "whatsapp")
            .text("type", mime.to_owned())
            .part("file", file);
        let res = self
            .http
            .post(url)
            .bearer_auth(token)
            .multipart(form)
            .timeout(TRANSFER_TIMEOUT)
            .send()
            .await
            .map_err(transport)?;
        let res = check_status(res).await?;
        let parsed: IdResponse = read_json(res).await?;
        if parsed.id.is_empty() {
            return Err(CloudApiError::BadResponse("empty media id".into()));
        }
        Ok(parsed.id)
    }

    /// GET {base}/{media_id}: the media's download URL, type, hash and size.
    pub async fn media_info(
        &self,
        token: &str,
        media_id: &str,
    ) -> Result<MediaInfo, CloudApiError> {
        let url = format!("{}/{}", self.base, path_segment(media_id)?);
        let res = self
            .http
            .get(url)
            .bearer_auth(token)
            .send()
            .await
            .map_err(transport)?;
        let res = check_status(res).await?;
        let parsed: MediaInfoResponse = read_json(res).await?;
        let file_size = match parsed.file_size {
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        };
        Ok(MediaInfo {
            url: parsed.url,
            mime_type: parsed.mime_type,
            sha256: parsed.sha256.filter(|s| !s.is_empty()),
            file_size,
        })
    }

    /// GET `url` (from [`CloudApi::media_info`]) with the Bearer token. Stops with `TooLarge`
    /// as soon as the announced or received size passes `max_bytes`; with `expected_sha256`
    /// (hex, as media info gives it, or base64, as webhooks give it) checks the hash.
    pub async fn download(
        &self,
        token: &str,
        url: &str,
        max_bytes: u64,
        expected_sha256: Option<&str>,
    ) -> Result<Vec<u8>, CloudApiError> {
        let res = self
            .http
            .get(url)
            .bearer_auth(token)
            .timeout(TRANSFER_TIMEOUT)
            .send()
            .await
            .map_err(transport)?;
        let res = check_status(res).await?;
        if res.content_length().is_some_and(|len| len > max_bytes) {
            return Err(CloudApiError::TooLarge);
        }
        let capacity = res.content_length().unwrap_or(0).min(max_bytes);
        let mut out = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
        let mut hasher = Sha256::new();
        let mut stream = res.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(transport)?;
            if (out.len() + chunk.len()) as u64 > max_bytes {
                return Err(CloudApiError::TooLarge);
            }
            hasher.update(&chunk);
            out.extend_from_slice(&chunk);
        }
        if let Some(expected) = expected_sha256
            && !sha256_matches(&hasher.finalize(), expected)
        {
            return Err(CloudApiError::ChecksumMismatch);
        }
        Ok(out)
    }
}

/// The JSON body of a send-message request.
pub fn message_body(message: &OutboundMessage) -> Result<Value, CloudApiError> {
    let mut body = json!({
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
    });
    match Recipient::parse(message.to.trim()) {
        Recipient::Phone("") => return Err(CloudApiError::InvalidInput("no recipient".into())),
        Recipient::Phone(phone) => body["to"] = json!(phone),
        Recipient::Bsuid(id) => body["recipient"] = json!(id),
    }
    if let Some(reply_to) = &message.reply_to {
        body["context"] = json!({ "message_id": reply_to });
    }
    let kind = message.body.type_name();
    body["type"] = json!(kind);
    body[kind] = match &message.body {
        OutboundBody::Text { body, preview_url } => {
            json!({ "preview_url": preview_url, "body": body })
        }
        OutboundBody::Media {
            kind,
            media_id,
            caption,
            filename,
        } => {
            let mut media = json!({ "id": media_id });
            if let Some(caption) = caption.as_ref().filter(|_| kind.takes_caption()) {
                media["caption"] = json!(caption);
            }
            if let Some(filename) = filename
                .as_ref()
                .filter(|_| *kind == OutboundMediaKind::Document)
            {
                media["filename"] = json!(filename);
            }
            media
        }
        OutboundBody::Interactive(interactive) => interactive.clone(),
    };
    Ok(body)
}

/// Ids go into the URL path; refuse anything that could change the path.
fn path_segment(id: &str) -> Result<&str, CloudApiError> {
    if !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        Ok(id)
    } else {
        Err(CloudApiError::InvalidInput(
            "id is not a valid Graph path segment".into(),
        ))
    }
}

/// Compares a digest with a hex or base64 rendering of it.
fn sha256_matches(digest: &[u8], expected: &str) -> bool {
    let expected = expected.trim();
    if expected.len() == 64 && expected.bytes().all(|b| b.is_ascii_hexdigit()) {
        return hex::encode(digest).eq_ignore_ascii_case(expected);
    }
    let standard = base64::engine::general_purpose::STANDARD.encode(digest);
    let url_safe = base64::engine::general_purpose::URL_SAFE.encode(digest);
    [standard, url_safe]
        .iter()
        .any(|b| b == expected || b.trim_end_matches('=') == expected)
}

fn transport(err: reqwest::Error) -> CloudApiError {
    // reqwest's Display may contain the URL; our URLs carry no secrets (the token is a header).
    CloudApiError::Transport(err.without_url().to_string())
}

/// Passes success statuses through and turns the rest into a `CloudApiError`.
async fn check_status(res: reqwest::Response) -> Result<reqwest::Response, CloudApiError> {
    let status = res.status();
    if status.is_success() {
        return Ok(res);
    }
    let retry_after = res
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let body = read_capped(res, MAX_JSON_BODY).await.unwrap_or_default();
    if let Ok(parsed) = serde_json::from_slice::<GraphErrorBody>(&body) {
        tracing::debug!(
            code = parsed.error.code,
            subcode = parsed.error.error_subcode,
            fbtrace_id = parsed.error.fbtrace_id.as_deref(),
            "Cloud API error"
        );
        return Err(CloudApiError::from_graph(parsed.error, retry_after));
    }
    if status == StatusCode::TOO_MANY_REQUESTS {
        return Err(CloudApiError::RateLimited {
            code: i64::from(status.as_u16()),
            retry_after_secs: retry_after,
        });
    }
    if status.is_server_error() {
        return Err(CloudApiError::Server {
            status: status.as_u16(),
        });
    }
    Err(CloudApiError::BadResponse(format!(
        "HTTP {} without a Graph error body",
        status.as_u16()
    )))
}

async fn read_json<T: serde::de::DeserializeOwned>(
    res: reqwest::Response,
) -> Result<T, CloudApiError> {
    let body = read_capped(res, MAX_JSON_BODY).await?;
    serde_json::from_slice(&body)
        .map_err(|e| CloudApiError::BadResponse(format!("undocumented body: {e}")))
}

async fn read_capped(res: reqwest::Response, cap: u64) -> Result<Vec<u8>, CloudApiError> {
    if res.content_length().is_some_and(|len| len > cap) {
        return Err(CloudApiError::BadResponse("answer too large".into()));
    }
    let mut out = Vec::new();
    let mut stream = res.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(transport)?;
        if (out.len() + chunk.len()) as u64 > cap {
            return Err(CloudApiError::BadResponse("answer too large".into()));
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(to: &str) -> OutboundMessage {
        OutboundMessage {
            to: to.into(),
            reply_to: None,
            body: OutboundBody::Text {
                body: "hi".into(),
                preview_url: false,
            },
        }
    }

    #[test]
    fn bsuid_shapes() {
        assert!(is_bsuid("US.13491208655302741918"));
        assert!(is_bsuid("HK.ENT.abc123"));
        assert!(!is_bsuid("16505551234"));
        assert!(!is_bsuid("+1 650 555 1234"));
        assert!(!is_bsuid("us.1349"));
        assert!(!is_bsuid("US."));
        assert!(!is_bsuid("US.a.b.c"));
        assert!(!is_bsuid("USA.123"));
    }

    #[test]
    fn phone_goes_to_to_and_bsuid_to_recipient() {
        let body = message_body(&text("16505551234")).unwrap();
        assert_eq!(body["to"], "16505551234");
        assert!(body.get("recipient").is_none());
        let body = message_body(&text("US.13491208655302741918")).unwrap();
        assert_eq!(body["recipient"], "US.13491208655302741918");
        assert!(body.get("to").is_none());
        assert_eq!(body["recipient_type"], "individual");
        assert_eq!(body["text"]["body"], "hi");
        assert!(message_body(&text("  ")).is_err());
    }

    #[test]
    fn caption_and_filename_only_where_documented() {
        let mut msg = text("1");
        msg.body = OutboundBody::Media {
            kind: OutboundMediaKind::Audio,
            media_id: "9".into(),
            caption: Some("c".into()),
            filename: Some("f.ogg".into()),
        };
        let body = message_body(&msg).unwrap();
        assert_eq!(body["audio"], json!({"id": "9"}));
        msg.body = OutboundBody::Media {
            kind: OutboundMediaKind::Document,
            media_id: "9".into(),
            caption: Some("c".into()),
            filename: Some("f.pdf".into()),
        };
        let body = message_body(&msg).unwrap();
        assert_eq!(
            body["document"],
            json!({"id": "9", "caption": "c", "filename": "f.pdf"})
        );
    }

    #[test]
    fn graph_codes_map_to_actions() {
        let err = |code| GraphError {
            message: "m".into(),
            kind: None,
            code,
            error_subcode: None,
            error_data: None,
            fbtrace_id: None,
        };
        assert!(matches!(
            CloudApiError::from_graph(err(131047), None),
            CloudApiError::WindowClosed { .. }
        ));
        for code in [130429, 131056, 4, 80007] {
            let e = CloudApiError::from_graph(err(code), Some(3));
            assert!(e.is_retryable());
            assert_eq!(e.code(), Some(code));
        }
        assert!(matches!(
            CloudApiError::from_graph(err(190), None),
            CloudApiError::TokenInvalid { .. }
        ));
        assert!(CloudApiError::from_graph(err(131016), None).is_retryable());
        assert!(!CloudApiError::from_graph(err(100), None).is_retryable());
    }

    #[test]
    fn sha256_hex_or_base64() {
        let digest = Sha256::digest(b"abc");
        let hex = hex::encode(digest);
        assert!(sha256_matches(&digest, &hex));
        assert!(sha256_matches(&digest, &hex.to_uppercase()));
        let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
        assert!(sha256_matches(&digest, &b64));
        assert!(!sha256_matches(&digest, &"0".repeat(64)));
    }

    #[test]
    fn path_segments_are_checked() {
        assert!(path_segment("1234567890").is_ok());
        assert!(path_segment("../me").is_err());
        assert!(path_segment("").is_err());
        assert!(path_segment("a/b").is_err());
    }
}
