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

/// Every module an embedded ES module imports (`from './x.js'`), directly or through others, as
/// the URLs the browser resolves them to (without the version, as `import` asks for them); computed
/// once per entry.
pub fn module_imports(entry: &str) -> Vec<String> {
    static GRAPHS: OnceLock<std::sync::Mutex<HashMap<String, Vec<String>>>> = OnceLock::new();
    let graphs = GRAPHS.get_or_init(Default::default);
    if let Ok(known) = graphs.lock()
        && let Some(found) = known.get(entry)
    {
        return found.clone();
    }
    let mut seen: Vec<String> = Vec::new();
    let mut todo = vec![entry.to_owned()];
    while let Some(path) = todo.pop() {
        let Some(file) = Static::get(&path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&file.data);
        for spec in text
            .lines()
            .filter(|l| l.starts_with("import ") || l.starts_with("} from "))
            .filter_map(|l| {
                l.split(" from '")
                    .nth(1)
                    .or_else(|| l.strip_prefix("import '"))
            })
            .filter_map(|rest| rest.split('\'').next())
        {
            let Some(resolved) = resolve(&path, spec) else {
                continue;
            };
            if resolved != entry && !seen.contains(&resolved) {
                seen.push(resolved.clone());
                todo.push(resolved);
            }
        }
    }
    seen.sort();
    let urls: Vec<String> = seen.iter().map(|p| format!("/assets/{p}")).collect();
    if let Ok(mut known) = graphs.lock() {
        known.insert(entry.to_owned(), urls.clone());
    }
    urls
}

/// `./x.js` or `../x.js` relative to the module at `from` (a path under `static/`).
fn resolve(from: &str, spec: &str) -> Option<String> {
    if !(spec.starts_with("./") || spec.starts_with("../")) {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for piece in spec.split('/') {
        match piece {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
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

#[cfg(test)]
mod tests {
    use super::{module_imports, resolve};

    #[test]
    fn imports_are_resolved_and_followed() {
        assert_eq!(
            resolve("js/inbox/main.js", "../lib/api.js").as_deref(),
            Some("js/lib/api.js")
        );
        assert_eq!(
            resolve("js/lib/dialog-form.js", "./forms.js").as_deref(),
            Some("js/lib/forms.js")
        );
        assert_eq!(
            resolve("js/inbox/x.js", "../lib/wa-format.js").as_deref(),
            Some("js/lib/wa-format.js")
        );
        assert_eq!(resolve("js/x.js", "https://elsewhere/x.js"), None);
        // agents.js imports dialog-form.js, which imports api.js and forms.js.
        let agents = module_imports("js/admin/agents.js");
        for wanted in [
            "js/lib/dialog-form.js",
            "js/lib/api.js",
            "js/lib/forms.js",
            "js/lib/flash.js",
        ] {
            assert!(
                agents.contains(&format!("/assets/{wanted}")),
                "{wanted} in {agents:?}"
            );
        }
        assert!(!agents.contains(&"/assets/js/admin/agents.js".to_owned()));
        let inbox = module_imports("js/inbox/main.js");
        assert!(
            inbox.contains(&"/assets/js/lib/wa-format.js".to_owned()),
            "{inbox:?}"
        );
    }
}
