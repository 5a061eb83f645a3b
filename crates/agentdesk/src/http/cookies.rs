//! Reading and writing the two cookies the product sets: the session and the language choice of
//! a signed-out visitor.

use axum::http::{HeaderMap, HeaderValue, header};

pub const LANG_COOKIE: &str = "agentdesk_lang";

/// The session cookie's name: `__Host-` prefixed when served over https (the prefix requires
/// `Secure`), a plain name on http://localhost in development.
pub fn session_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-agentdesk_session"
    } else {
        "agentdesk_session"
    }
}

pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn session_cookie(token: &str, https: bool) -> Option<HeaderValue> {
    let secure = if https { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax{secure}",
        session_cookie_name(https)
    ))
    .ok()
}

pub fn clear_session_cookie(https: bool) -> HeaderValue {
    let secure = if https { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        session_cookie_name(https)
    ))
    .unwrap_or(HeaderValue::from_static(
        "agentdesk_session=; Path=/; Max-Age=0",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_several_headers() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; agentdesk_lang=zh-CN"),
        );
        h.append(
            header::COOKIE,
            HeaderValue::from_static("agentdesk_session=tok"),
        );
        assert_eq!(get(&h, LANG_COOKIE), Some("zh-CN"));
        assert_eq!(get(&h, "agentdesk_session"), Some("tok"));
        assert_eq!(get(&h, "nope"), None);
    }

    #[test]
    fn secure_cookies_use_the_host_prefix() {
        let c = session_cookie("t", true).unwrap();
        let c = c.to_str().unwrap();
        assert!(c.starts_with("__Host-agentdesk_session=t;"));
        assert!(
            c.contains("Secure")
                && c.contains("HttpOnly")
                && c.contains("SameSite=Lax")
                && c.contains("Path=/")
        );
        assert!(!c.contains("Domain"));
    }
}
