//! Device cookies (OWASP's defence against lockout as a denial of service; docs/security.md 9). A
//! browser that completes a sign-in gets a long-lived random cookie; the server keeps only its
//! SHA-256, in the database so every instance knows it. When that browser signs in again as the
//! same user, its failures count against the cookie alone: strangers guessing the password fill
//! the account's and their address's budgets and get locked, while the owner's browser keeps its
//! own five tries. The cookie is not a credential — the password (and second factor) are still
//! needed — so leaking it only gives a thief a separate budget of five guesses, itself throttled.
//!
//! Edge cases: a cookie given to another user of the same browser, a forged or expired cookie
//! and no cookie at all are all "unknown client"; the lookup runs whenever a cookie is sent, so
//! its timing does not depend on whether the account exists; signing out keeps the cookie (the
//! browser is still the owner's); a browser keeps one cookie, for the last user who signed in.

use agentdesk_core::domain::UserId;
use axum::http::{HeaderMap, HeaderValue};

use super::session::{new_token, token_hash};
use crate::http::ApiError;
use crate::http::cookies;
use crate::state::AppState;

/// A browser not used to sign in for this long is a stranger again.
pub const TRUSTED_DAYS: i64 = 180;

/// The cookie's name: `__Host-` prefixed over https, like the session cookie.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-agentdesk_device"
    } else {
        "agentdesk_device"
    }
}

/// The hash of the device cookie a request carries, unchecked.
pub fn presented(headers: &HeaderMap, https: bool) -> Option<String> {
    cookies::get(headers, cookie_name(https))
        .filter(|t| !t.is_empty() && t.len() <= 64)
        .map(token_hash)
}

fn cookie(token: &str, https: bool) -> Option<HeaderValue> {
    let secure = if https { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        cookie_name(https),
        TRUSTED_DAYS * 86_400
    ))
    .ok()
}

/// Whether the presented cookie (`hash`) was given to `user` and is still trusted; using it
/// renews that trust. Looked up for any cookie, whichever user it names.
pub async fn recognizes(
    state: &AppState,
    hash: Option<&str>,
    user: Option<UserId>,
) -> Result<bool, ApiError> {
    let Some(hash) = hash else {
        return Ok(false);
    };
    let now = state.clock().now();
    let owner = state
        .store()
        .trusted_device_user(hash, now, now.minus_secs(TRUSTED_DAYS * 86_400))
        .await?;
    Ok(owner.is_some() && owner == user)
}

/// After a completed sign-in: a new device cookie for this browser, unless it already carries a
/// trusted one for `user`.
pub async fn remember(
    state: &AppState,
    hash: Option<&str>,
    user: UserId,
) -> Result<Option<HeaderValue>, ApiError> {
    if recognizes(state, hash, Some(user)).await? {
        return Ok(None);
    }
    let token = new_token();
    state
        .store()
        .trust_device(&token_hash(&token), user, state.clock().now())
        .await?;
    Ok(cookie(&token, state.config().https()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_long_lived_strict_and_host_only() {
        let c = cookie("tok", true).unwrap();
        let c = c.to_str().unwrap();
        assert!(c.starts_with("__Host-agentdesk_device=tok;"), "{c}");
        for part in [
            "HttpOnly",
            "SameSite=Strict",
            "Path=/",
            "Secure",
            "Max-Age=15552000",
        ] {
            assert!(c.contains(part), "{part} in {c}");
        }
        assert!(!c.contains("Domain"));
        let plain = cookie("tok", false).unwrap();
        assert!(plain.to_str().unwrap().starts_with("agentdesk_device=tok;"));
    }

    #[test]
    fn only_plausible_cookies_are_looked_up() {
        let mut h = HeaderMap::new();
        h.insert(
            axum::http::header::COOKIE,
            HeaderValue::from_static("agentdesk_device=abc"),
        );
        assert_eq!(presented(&h, false), Some(token_hash("abc")));
        assert_eq!(presented(&h, true), None, "the https name differs");
        let long = format!("agentdesk_device={}", "x".repeat(65));
        h.insert(
            axum::http::header::COOKIE,
            HeaderValue::from_str(&long).unwrap(),
        );
        assert_eq!(presented(&h, false), None);
    }
}
