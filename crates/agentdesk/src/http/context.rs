//! Per-request context: who is signed in (from the session cookie) and which language to speak.
//! Resolved once by `resolve_context` and read by extractors, pages and the error renderer.

use std::net::SocketAddr;

use agentdesk_core::domain::{Locale, User};
use agentdesk_core::store::Session;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;

use super::cookies;
use crate::auth::session::token_hash;
use crate::i18n::Tr;
use crate::state::AppState;

#[derive(Debug, Clone)]
pub struct RequestCtx {
    pub locale: Locale,
    pub session: Option<(Session, User)>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The hash of the device cookie the browser sent, not yet checked (`auth::device`).
    pub device: Option<String>,
}

impl RequestCtx {
    pub fn tr(&self) -> Tr {
        Tr::new(self.locale)
    }

    pub fn anonymous(locale: Locale) -> Self {
        Self {
            locale,
            session: None,
            ip: None,
            user_agent: None,
            device: None,
        }
    }
}

/// The language for a request: the user's setting, then the language cookie, then
/// `Accept-Language`, then English.
pub fn resolve_locale(user: Option<&User>, headers: &HeaderMap) -> Locale {
    user.and_then(|u| u.locale)
        .or_else(|| cookies::get(headers, cookies::LANG_COOKIE).and_then(|c| Locale::parse(c).ok()))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

pub async fn resolve_context(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let headers = req.headers();
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string());
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(256).collect());
    let session = match cookies::get(
        headers,
        cookies::session_cookie_name(state.config().https()),
    ) {
        Some(token) => state.sessions().resolve(&token_hash(token)).await,
        None => None,
    };
    let locale = resolve_locale(session.as_ref().map(|(_, u)| u), headers);
    let device = crate::auth::device::presented(headers, state.config().https());
    req.extensions_mut().insert(RequestCtx {
        locale,
        session,
        ip,
        user_agent,
        device,
    });
    next.run(req).await
}
