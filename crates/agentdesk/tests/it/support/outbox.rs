//! The dev outbox, read as a demo user would: the newest message to an address and its code.

use reqwest::StatusCode;
use serde_json::Value;

use super::{TestApp, json};

/// The newest message in the dev outbox to `to`.
pub async fn outbox_message(app: &TestApp, to: &str) -> Value {
    let (status, list) = json(reqwest::get(app.url("/api/v1/dev/outbox")).await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    list.as_array()
        .unwrap()
        .iter()
        .find(|m| m["to"] == to)
        .cloned()
        .unwrap_or_else(|| panic!("no message to {to} in {list}"))
}

/// The six-digit code of the newest message to `to`.
pub async fn outbox_code(app: &TestApp, to: &str) -> String {
    let body = outbox_message(app, to).await["body"]
        .as_str()
        .unwrap()
        .to_owned();
    six_digits(&body)
}

pub fn six_digits(text: &str) -> String {
    let digits: Vec<char> = text.chars().collect();
    digits
        .windows(6)
        .map(|w| w.iter().collect::<String>())
        .find(|w| w.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or_else(|| panic!("no code in {text:?}"))
}
