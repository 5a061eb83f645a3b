//! Cross-cutting middleware: security headers on every response, the CSRF rule for unsafe
//! methods, and the error renderer that writes localized JSON (API) or HTML (pages) bodies.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::{ErrorBody, ErrorDetail, FieldMessage, PendingError};
use super::page::render_error_page;
use super::{ApiError, RequestCtx};
use crate::i18n::Tr;
use crate::state::AppState;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
                   connect-src 'self'; font-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; \
                   frame-ancestors 'none'; form-action 'self'";

pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if state.config().https() {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    // Only content-addressed assets may be cached; everything else can carry personal data.
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Refuses cross-site unsafe requests (docs/security.md 14): `Sec-Fetch-Site` must be `same-origin` or
/// `none`; without it, an `Origin` must be exactly this server's: its scheme (`https` when the
/// public URL is https, else `http`) and the `Host`. Requests with neither header come from
/// non-browser clients and pass.
pub async fn csrf(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || is_same_site(req.headers(), state.config().https())
    {
        next.run(req).await
    } else {
        ApiError::CrossSite.into_response()
    }
}

fn is_same_site(h: &HeaderMap, https: bool) -> bool {
    if let Some(site) = h.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    let Some(origin) = h.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return true;
    };
    let host = h
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let scheme = if https { "https" } else { "http" };
    let Some((origin_scheme, origin_host)) = origin.split_once("://") else {
        return false; // "null" and anything else that is not an origin of ours
    };
    !host.is_empty()
        && origin_scheme.eq_ignore_ascii_case(scheme)
        && origin_host.eq_ignore_ascii_case(host)
}

/// Writes the body of every error response under `/api` and `/webhooks` as localized JSON, and of
/// every other error response as a localized HTML page.
pub async fn render_errors(req: Request, next: Next) -> Response {
    let is_api =
        req.uri().path().starts_with("/api/") || req.uri().path().starts_with("/webhooks/");
    // `resolve_context` (an outer layer) has settled the language already; only a route outside it
    // needs the headers. Nothing else of the request context is needed, so nothing is cloned.
    let locale = match req.extensions().get::<RequestCtx>() {
        Some(ctx) => ctx.locale,
        None => crate::http::context::resolve_locale(None, req.headers()),
    };
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let pending = res.extensions().get::<PendingError>().cloned();
    let already_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if pending.is_none() && (already_json || (!is_api && is_html(&res))) {
        return res;
    }
    let tr = Tr::new(locale);
    let pending = pending.unwrap_or_else(|| {
        let fallback = ApiError::for_status(status).into_response();
        fallback
            .extensions()
            .get::<PendingError>()
            .cloned()
            .unwrap_or(PendingError {
                code: "internal_error",
                key: "error-internal",
                seconds: None,
                fields: None,
                detail: None,
                placeholder: None,
            })
    });
    let valid = agentdesk_core::domain::canned::PLACEHOLDERS.map(|p| format!("{{{{{p}}}}}"));
    let message = match (pending.seconds, &pending.placeholder) {
        (Some(s), _) => tr.t_args(pending.key, &[("seconds", s.into())]),
        (None, Some(name)) => tr.t_args(
            pending.key,
            &[
                ("name", format!("{{{{{name}}}}}").into()),
                ("valid", valid.join(", ").into()),
            ],
        ),
        (None, None) => tr.t(pending.key),
    };
    let (mut parts, _) = res.into_parts();
    if is_api {
        let body = ErrorBody {
            error: ErrorDetail {
                code: pending.code.to_owned(),
                message,
                fields: pending.fields.map(|f| {
                    f.into_iter()
                        .map(|(name, p)| {
                            (
                                name,
                                FieldMessage {
                                    code: p.code.to_owned(),
                                    message: tr.t(p.key),
                                },
                            )
                        })
                        .collect()
                }),
                detail: pending.detail,
                valid_placeholders: pending.placeholder.is_some().then(|| valid.to_vec()),
                placeholder: pending.placeholder,
            },
        };
        let json = serde_json::to_vec(&body).unwrap_or_default();
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        parts.headers.remove(header::CONTENT_LENGTH);
        Response::from_parts(parts, Body::from(json))
    } else {
        let html = render_error_page(&tr, status, &message);
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        parts.headers.remove(header::CONTENT_LENGTH);
        Response::from_parts(parts, Body::from(html))
    }
}

fn is_html(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"))
}
