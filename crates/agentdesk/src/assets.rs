//! Static files (CSS, ES modules, images) embedded in the binary and served under `/assets/` with
//! a content hash in the URL, so they can be cached for a year and still change on upgrade.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::extract::{Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::Embed;

#[derive(Embed)]
#[folder = "static/"]
struct Static;

fn versions() -> &'static HashMap<String, String> {
    static VERSIONS: OnceLock<HashMap<String, String>> = OnceLock::new();
    VERSIONS.get_or_init(|| {
        Static::iter()
            .filter_map(|path| {
                let file = Static::get(&path)?;
                let hash: String = file
                    .metadata
                    .sha256_hash()
                    .iter()
                    .take(6)
                    .map(|b| format!("{b:02x}"))
                    .collect();
                Some((path.to_string(), hash))
            })
            .collect()
    })
}

/// The URL of an embedded asset, with its content hash.
pub fn url(path: &str) -> String {
    match versions().get(path) {
        Some(v) => format!("/assets/{path}?v={v}"),
        None => format!("/assets/{path}"),
    }
}

#[derive(serde::Deserialize)]
pub struct Version {
    v: Option<String>,
}

/// Serves an asset. Only a URL carrying the current content hash may be cached for good; a bare
/// URL (an ES module's `import './api.js'`) must be revalidated so an upgrade is seen at once.
pub async fn serve(
    Path(path): Path<String>,
    Query(version): Query<Version>,
    headers: axum::http::HeaderMap,
) -> Response {
    let Some(file) = Static::get(&path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let etag = versions().get(&path).map(|v| format!("\"{v}\""));
    // A revalidation of an unchanged asset is answered without the body.
    if let Some(tag) = &etag
        && headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|given| given.split(',').any(|t| t.trim() == tag))
    {
        let mut res = StatusCode::NOT_MODIFIED.into_response();
        if let Ok(v) = HeaderValue::from_str(tag) {
            res.headers_mut().insert(header::ETAG, v);
        }
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        return res;
    }
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let mut res = file.data.into_owned().into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime.as_ref()) {
        h.insert(header::CONTENT_TYPE, v);
    }
    let current = version.v.is_some_and(|v| versions().get(&path) == Some(&v));
    let cache = if current {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Some(tag) = etag.and_then(|t| HeaderValue::from_str(&t).ok()) {
        h.insert(header::ETAG, tag);
    }
    res
}

/// Every embedded path, for tests and the page-weight benchmark.
pub fn paths() -> Vec<String> {
    Static::iter().map(|p| p.to_string()).collect()
}
