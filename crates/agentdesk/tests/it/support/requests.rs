//! JSON requests with a signed-in client, and checking an error answer.

use reqwest::StatusCode;
use serde_json::Value;

use super::{TestApp, error_code, json};

/// Asserts an API error answer: its status, its machine-readable code, and a message for people.
#[track_caller]
pub fn assert_error(status: StatusCode, body: &Value, expected: StatusCode, code: &str) {
    assert_eq!(status, expected, "{body}");
    assert_eq!(error_code(body), code, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "no message in {body}"
    );
}

pub async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    json(client.post(app.url(path)).json(&body).send().await.unwrap()).await
}

pub async fn put(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    json(client.put(app.url(path)).json(&body).send().await.unwrap()).await
}
