//! The API's one error type. Handlers return `ApiError`; its response carries the code and the
//! message key as an extension, and `localize_errors` (which knows the request's language) writes
//! the body `{"error":{"code","message","fields"}}`. Responses the framework makes on its own
//! (404, 405, 413, extractor rejections) get the same shape there.

use std::collections::BTreeMap;

use agentdesk_core::StoreError;
use agentdesk_core::domain::Invalid;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// One field's problem: a machine-readable code; the message is added in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub code: &'static str,
    pub key: &'static str,
}

impl From<Invalid> for FieldProblem {
    fn from(i: Invalid) -> Self {
        let key = match i {
            Invalid::Required => "field-required",
            Invalid::TooLong => "field-too-long",
            Invalid::TooShort => "field-too-short",
            Invalid::Format => "field-invalid-format",
            Invalid::Unsupported => "field-unsupported",
            Invalid::NotMobile => "field-not-mobile",
        };
        Self {
            code: i.code(),
            key,
        }
    }
}

pub type FieldErrors = BTreeMap<String, FieldProblem>;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("validation failed")]
    Validation(FieldErrors),
    #[error("email is read-only")]
    EmailReadOnly,
    #[error("password too weak")]
    WeakPassword {
        field: &'static str,
        problem: FieldProblem,
    },
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("email taken")]
    EmailTaken,
    #[error("invalid webhook signature")]
    InvalidSignature,
    #[error("file too large")]
    FileTooLarge,
    #[error("avatar too large")]
    AvatarTooLarge,
    #[error("invalid image: {0}")]
    InvalidImage(String),
    #[error("wrong current password")]
    WrongPassword,
    #[error("invalid code")]
    InvalidCode,
    #[error("code expired")]
    CodeExpired,
    #[error("too many attempts")]
    TooManyAttempts { retry_after_secs: i64 },
    #[error("code not delivered: {0}")]
    DeliveryFailed(String),
    #[error("phone not verified")]
    PhoneNotVerified,
    /// Live delivery without a configured transport for this channel: codes cannot go out.
    #[error("{0:?} delivery is not configured")]
    ChannelNotConfigured(crate::delivery::Channel),
    #[error("two-factor authentication required by the company")]
    TwoFactorRequired,
    #[error("phone used for two-factor authentication")]
    PhoneInUse,
    #[error("two-factor authentication is off")]
    TwoFactorOff,
    #[error("authenticator codes cannot be resent")]
    NothingToResend,
    #[error("number taken")]
    NumberTaken,
    #[error("short code taken")]
    ShortCodeTaken,
    /// Content names a placeholder outside `canned::PLACEHOLDERS`; carries what it named.
    #[error("unknown placeholder {0:?}")]
    UnknownPlaceholder(String),
    #[error("outside the 24-hour window")]
    WindowClosed,
    #[error("the number is disconnected")]
    NumberDisconnected,
    #[error("conversation conflict")]
    ConversationConflict,
    #[error("conversation closed")]
    ConversationClosed,
    #[error("cannot deactivate yourself")]
    CannotDeactivateSelf,
    #[error("rate limited")]
    RateLimited { retry_after_secs: i64 },
    #[error("cross-site request refused")]
    CrossSite,
    #[error("malformed body: {0}")]
    MalformedBody(String),
    #[error("body does not match: {0}")]
    BodyMismatch(String),
    #[error("unsupported content type")]
    UnsupportedMediaType,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("server busy")]
    Busy,
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn field(name: &str, problem: impl Into<FieldProblem>) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(name.to_owned(), problem.into());
        ApiError::Validation(fields)
    }

    pub fn internal(e: impl std::fmt::Display) -> Self {
        ApiError::Internal(e.to_string())
    }

    fn parts(&self) -> (StatusCode, &'static str, &'static str) {
        use ApiError::*;
        match self {
            Validation(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "error-validation-failed",
            ),
            EmailReadOnly => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "email_read_only",
                "error-email-read-only",
            ),
            WeakPassword { .. } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "weak_password",
                "error-weak-password",
            ),
            InvalidCredentials => (
                StatusCode::UNAUTHORIZED,
                "invalid_credentials",
                "error-invalid-credentials",
            ),
            Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "error-unauthenticated",
            ),
            Forbidden => (StatusCode::FORBIDDEN, "forbidden", "error-forbidden"),
            NotFound => (StatusCode::NOT_FOUND, "not_found", "error-not-found"),
            EmailTaken => (StatusCode::CONFLICT, "email_taken", "error-email-taken"),
            InvalidSignature => (
                StatusCode::UNAUTHORIZED,
                "invalid_signature",
                "error-invalid-signature",
            ),
            FileTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "file_too_large",
                "error-file-too-large",
            ),
            AvatarTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "file_too_large",
                "error-avatar-too-large",
            ),
            InvalidImage(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_image",
                "error-invalid-image",
            ),
            WrongPassword => (
                StatusCode::FORBIDDEN,
                "wrong_password",
                "error-wrong-password",
            ),
            InvalidCode => (
                StatusCode::UNAUTHORIZED,
                "invalid_code",
                "error-invalid-code",
            ),
            CodeExpired => (StatusCode::GONE, "code_expired", "error-code-expired"),
            TooManyAttempts { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                "error-too-many-attempts",
            ),
            DeliveryFailed(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "delivery_failed",
                "error-delivery-failed",
            ),
            PhoneNotVerified => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "phone_not_verified",
                "error-phone-not-verified",
            ),
            ChannelNotConfigured(channel) => (
                StatusCode::CONFLICT,
                "channel_not_configured",
                match channel {
                    crate::delivery::Channel::Sms => "error-sms-not-configured",
                    crate::delivery::Channel::Email => "error-email-not-configured",
                },
            ),
            PhoneInUse => (StatusCode::CONFLICT, "phone_in_use", "error-phone-in-use"),
            TwoFactorOff => (
                StatusCode::CONFLICT,
                "two_factor_off",
                "error-two-factor-off",
            ),
            NothingToResend => (
                StatusCode::CONFLICT,
                "nothing_to_resend",
                "error-nothing-to-resend",
            ),
            TwoFactorRequired => (
                StatusCode::CONFLICT,
                "two_factor_required",
                "error-two-factor-required",
            ),
            NumberTaken => (StatusCode::CONFLICT, "number_taken", "error-number-taken"),
            ShortCodeTaken => (
                StatusCode::CONFLICT,
                "short_code_taken",
                "error-short-code-taken",
            ),
            UnknownPlaceholder(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_placeholder",
                "error-unknown-placeholder",
            ),
            WindowClosed => (StatusCode::CONFLICT, "window_closed", "error-window-closed"),
            NumberDisconnected => (
                StatusCode::CONFLICT,
                "number_disconnected",
                "error-number-disconnected",
            ),
            ConversationConflict => (
                StatusCode::CONFLICT,
                "conversation_conflict",
                "error-conversation-conflict",
            ),
            ConversationClosed => (
                StatusCode::CONFLICT,
                "conversation_closed",
                "error-conversation-closed",
            ),
            CannotDeactivateSelf => (
                StatusCode::CONFLICT,
                "cannot_deactivate_self",
                "error-cannot-deactivate-self",
            ),
            RateLimited { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "error-rate-limited",
            ),
            CrossSite => (
                StatusCode::FORBIDDEN,
                "cross_site_request",
                "error-cross-site",
            ),
            MalformedBody(_) => (
                StatusCode::BAD_REQUEST,
                "malformed_body",
                "error-malformed-body",
            ),
            BodyMismatch(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_body",
                "error-invalid-body",
            ),
            UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "error-unsupported-media-type",
            ),
            PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "error-payload-too-large",
            ),
            MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "error-method-not-allowed",
            ),
            Busy => (StatusCode::SERVICE_UNAVAILABLE, "server_busy", "error-busy"),
            Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
                "error-internal",
            ),
        }
    }

    /// The code and message key that a bare status gets when the framework answered by itself.
    pub fn for_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => ApiError::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
            StatusCode::UNAUTHORIZED => ApiError::Unauthenticated,
            StatusCode::FORBIDDEN => ApiError::Forbidden,
            StatusCode::TOO_MANY_REQUESTS => ApiError::RateLimited {
                retry_after_secs: 60,
            },
            StatusCode::SERVICE_UNAVAILABLE => ApiError::Busy,
            s if s.is_client_error() => ApiError::MalformedBody(s.to_string()),
            _ => ApiError::Internal(status.to_string()),
        }
    }
}

/// What `localize_errors` needs to write the body.
#[derive(Debug, Clone)]
pub struct PendingError {
    pub code: &'static str,
    pub key: &'static str,
    pub seconds: Option<i64>,
    pub fields: Option<FieldErrors>,
    pub detail: Option<String>,
    /// The unknown placeholder an `unknown_placeholder` error names.
    pub placeholder: Option<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, key) = self.parts();
        let mut detail = None;
        let mut seconds = None;
        let mut placeholder = None;
        let fields = match self {
            ApiError::Validation(f) => Some(f),
            ApiError::WeakPassword { field, problem } => {
                Some(FieldErrors::from([(field.to_owned(), problem)]))
            }
            ApiError::Internal(cause) => {
                tracing::error!(%cause, "request failed");
                None
            }
            ApiError::MalformedBody(d) | ApiError::BodyMismatch(d) => {
                detail = Some(d);
                None
            }
            ApiError::RateLimited { retry_after_secs }
            | ApiError::TooManyAttempts { retry_after_secs } => {
                seconds = Some(retry_after_secs.max(1));
                None
            }
            ApiError::UnknownPlaceholder(name) => {
                placeholder = Some(name);
                None
            }
            ApiError::DeliveryFailed(cause) => {
                tracing::warn!(%cause, "code not delivered");
                None
            }
            _ => None,
        };
        let mut response = status.into_response();
        if let Some(s) = seconds
            && let Ok(v) = HeaderValue::from_str(&s.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        response.extensions_mut().insert(PendingError {
            code,
            key,
            seconds,
            fields,
            detail,
            placeholder,
        });
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        // Call sites map the conflicts they expect; any other store error is a fault.
        ApiError::Internal(format!("{e}: {:?}", std::error::Error::source(&e)))
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
            JsonRejection::JsonDataError(e) => ApiError::BodyMismatch(e.body_text()),
            JsonRejection::JsonSyntaxError(e) => ApiError::MalformedBody(e.body_text()),
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
            other => ApiError::MalformedBody(other.body_text()),
        }
    }
}

/// The error body as documented in the OpenAPI document.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Machine-readable, snake_case.
    pub code: String,
    /// Human text in the user's language.
    pub message: String,
    /// Per-field problems, for validation errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub fields: Option<BTreeMap<String, FieldMessage>>,
    /// Technical detail (English), for malformed bodies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// `unknown_placeholder`: the placeholder content named, as written between the braces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// `unknown_placeholder`: every placeholder content may use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_placeholders: Option<Vec<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FieldMessage {
    pub code: String,
    pub message: String,
}
