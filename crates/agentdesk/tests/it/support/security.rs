//! Turning two-factor authentication on for a signed-in client, by email or the authenticator.

use agentdesk::security::totp;
use agentdesk_core::Clock;
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{TestApp, outbox_code, post, put};

/// Turns email 2FA on for the signed-in `client` (whose email is `email`).
pub async fn enable_email_2fa(app: &TestApp, client: &reqwest::Client, email: &str) {
    let (status, challenge) = post(
        client,
        app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "enable", "method": "email"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{challenge}");
    let code = outbox_code(app, email).await;
    let (status, me) = put(
        client,
        app,
        "/api/v1/me/two-factor",
        json!({"enabled": true, "method": "email", "challenge_id": challenge["id"], "code": code}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(
        me["two_factor"],
        json!({"enabled": true, "method": "email"})
    );
}

/// `PUT /api/v1/me/two-factor` answering `challenge_id` with `code`.
pub async fn change_two_factor(
    app: &TestApp,
    client: &reqwest::Client,
    enabled: bool,
    method: &str,
    challenge_id: &Value,
    code: &str,
) -> (StatusCode, Value) {
    put(
        client,
        app,
        "/api/v1/me/two-factor",
        json!({"enabled": enabled, "method": method, "challenge_id": challenge_id, "code": code}),
    )
    .await
}

/// What the app shows now for `secret` (as the enrolment displays it, in groups).
pub fn app_code(app: &TestApp, secret: &str) -> String {
    totp::code_at(&secret.replace(' ', ""), app.clock.now()).unwrap()
}

/// Starts setting up the app (`action` enable or switch); returns the challenge.
pub async fn start_enrolment(app: &TestApp, client: &reqwest::Client, action: &str) -> Value {
    let (status, challenge) = post(
        client,
        app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": action, "method": "totp"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{challenge}");
    challenge
}

/// Turns the app on for the signed-in `client`; returns (secret in base32, recovery codes).
pub async fn enable_totp(app: &TestApp, client: &reqwest::Client) -> (String, Vec<String>) {
    let challenge = start_enrolment(app, client, "enable").await;
    let secret = challenge["enrollment"]["secret"]
        .as_str()
        .unwrap()
        .replace(' ', "");
    let (status, me) = change_two_factor(
        app,
        client,
        true,
        "totp",
        &challenge["id"],
        &app_code(app, &secret),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    let codes = me["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    (secret, codes)
}
