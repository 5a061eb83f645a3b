//! Issue 5, beyond the seed, on the API: the authenticator app (TOTP, RFC 6238) as a third method
//! with its QR code drawn by the server, and the ten recovery codes usable at the code step. The
//! test plays the app: it computes codes from the secret the enrolment shows, on the app's clock.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::*;

/// A code the app does not show now.
fn not_the_code(code: &str) -> String {
    let last = code.chars().last().unwrap().to_digit(10).unwrap();
    format!("{}{}", &code[..5], (last + 5) % 10)
}

/// Password step for `email`; returns the client holding the half-session and the challenge.
async fn password_step(app: &TestApp, email: &str) -> (reqwest::Client, Value) {
    let client = app.client();
    let (status, step) = json(app.login_response(&client, email, DEMO_PASSWORD).await).await;
    assert_eq!(status, StatusCode::OK, "{step}");
    assert_eq!(step["status"], "otp_required");
    (client, step["challenge"].clone())
}

async fn answer(
    app: &TestApp,
    client: &reqwest::Client,
    challenge: &Value,
    body: Value,
) -> (StatusCode, Value) {
    let mut body = body;
    body["challenge_id"] = challenge["id"].clone();
    post(client, app, "/api/v1/auth/otp", body).await
}

async fn authenticator_and_recovery_codes(backend: Backend) {
    let app = spawn_app(backend).await;
    let agent = app.agent(1).await;
    let outbox_before = json(reqwest::get(app.url("/api/v1/dev/outbox")).await.unwrap())
        .await
        .1;

    // Enrolment: a 160-bit secret as QR code and text; nothing is sent anywhere.
    let challenge = start_enrolment(&app, &agent, "enable").await;
    assert_eq!(challenge["channel"], "totp");
    assert_eq!(challenge["destination_hint"], "");
    let enrollment = &challenge["enrollment"];
    let secret = enrollment["secret"].as_str().unwrap().to_owned();
    assert_eq!(secret.replace(' ', "").len(), 32, "{secret}");
    let uri = enrollment["otpauth_uri"].as_str().unwrap();
    assert!(
        uri.starts_with("otpauth://totp/agentdesk:agent1%40demo.test?"),
        "{uri}"
    );
    assert!(
        uri.contains(&format!("secret={}", secret.replace(' ', ""))),
        "{uri}"
    );
    let outbox_after = json(reqwest::get(app.url("/api/v1/dev/outbox")).await.unwrap())
        .await
        .1;
    assert_eq!(outbox_before, outbox_after, "an app's code is not sent");

    // The QR code: an SVG for this user only, never cached.
    let qr_url = app.url(enrollment["qr_url"].as_str().unwrap());
    let res = agent.get(&qr_url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    assert_eq!(res.headers()["cache-control"], "no-store");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    let svg = res.text().await.unwrap();
    assert!(svg.contains("<svg") && !svg.contains("<script"), "{svg}");
    let other = app.agent(2).await;
    assert_eq!(
        other.get(&qr_url).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );

    // A wrong code, then the app's code: on, with ten recovery codes shown this once.
    let code = app_code(&app, &secret);
    let (status, body) = change_two_factor(
        &app,
        &agent,
        true,
        "totp",
        &challenge["id"],
        &not_the_code(&code),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code")
    );
    let (status, me) = change_two_factor(&app, &agent, true, "totp", &challenge["id"], &code).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["two_factor"], json!({"enabled": true, "method": "totp"}));
    let codes: Vec<String> = me["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    let distinct: std::collections::HashSet<_> = codes.iter().collect();
    assert_eq!(distinct.len(), 10);
    for c in &codes {
        assert_eq!(c.len(), 29, "{c}");
        assert!(
            c.chars()
                .all(|ch| ch == '-' || ch.is_ascii_digit() || ch.is_ascii_lowercase()),
            "{c}"
        );
    }
    // Used up: the QR code is gone; the change was confirmed by email.
    assert_eq!(
        agent.get(&qr_url).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let notice = outbox_message(&app, "agent1@demo.test").await;
    assert!(
        notice["body"].as_str().unwrap().contains("turned on"),
        "{notice}"
    );
    let (_, me) = json(agent.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(me["two_factor"], json!({"enabled": true, "method": "totp"}));
    assert!(me.get("recovery_codes").is_none(), "shown once");
    let user = app.user_id("agent1@demo.test").await;
    let stored = app
        .state
        .store()
        .totp_secret(agentdesk_core::domain::UserId(user))
        .await
        .unwrap();
    assert_eq!(
        stored.as_ref().map(|s| s.expose()),
        Some(secret.replace(' ', "").as_str())
    );

    // Signing in: the app answers; nothing to resend; the code just used does not work twice.
    let (browser, login) = password_step(&app, "agent1@demo.test").await;
    assert_eq!(login["channel"], "totp");
    let (status, body) = post(
        &browser,
        &app,
        "/api/v1/auth/otp/resend",
        json!({"challenge_id": login["id"]}),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::CONFLICT, "nothing_to_resend")
    );
    let (status, body) = answer(
        &app,
        &browser,
        &login,
        json!({"code": app_code(&app, &secret)}),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code"),
        "replayed"
    );
    app.clock.advance_secs(30);
    let (status, body) = answer(
        &app,
        &browser,
        &login,
        json!({"code": app_code(&app, &secret)}),
    )
    .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("authenticated")),
        "{body}"
    );
    let (status, _) = json(browser.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);

    // A recovery code instead, typed loosely: signed in, the code used up, the user told.
    let (browser, login) = password_step(&app, "agent1@demo.test").await;
    let loose = format!("  {}  ", codes[0].to_uppercase().replace('-', " "));
    let (status, body) = answer(&app, &browser, &login, json!({"recovery_code": loose})).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("authenticated")),
        "{body}"
    );
    let notice = outbox_message(&app, "agent1@demo.test").await;
    let text = notice["body"].as_str().unwrap();
    assert!(
        text.contains("recovery code") && text.contains("9 codes are left"),
        "{text}"
    );
    let (_, events) = json(
        browser
            .get(app.url("/api/v1/me/security-events"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        events
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "recovery_code_used"),
        "{events}"
    );
    let (browser, login) = password_step(&app, "agent1@demo.test").await;
    let (status, body) = answer(&app, &browser, &login, json!({"recovery_code": codes[0]})).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code"),
        "single use"
    );
    // Both or neither: the request must say which it answers with.
    let (status, body) = answer(
        &app,
        &browser,
        &login,
        json!({"code": "123456", "recovery_code": codes[1]}),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
    );
    let (status, _) = answer(&app, &browser, &login, json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // A new set needs the password and replaces the old one.
    let (status, body) = post(
        &agent,
        &app,
        "/api/v1/me/recovery-codes",
        json!({"password": "not it"}),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::FORBIDDEN, "wrong_password")
    );
    let (status, fresh) = post(
        &agent,
        &app,
        "/api/v1/me/recovery-codes",
        json!({"password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{fresh}");
    let fresh: Vec<String> = fresh["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fresh.len(), 10);
    assert!(fresh.iter().all(|c| !codes.contains(c)));
    let (browser, login) = password_step(&app, "agent1@demo.test").await;
    let (status, _) = answer(&app, &browser, &login, json!({"recovery_code": codes[1]})).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the old set stopped working"
    );
    let (status, _) = answer(&app, &browser, &login, json!({"recovery_code": fresh[3]})).await;
    assert_eq!(status, StatusCode::OK, "the new set works");

    // Turning it off needs the app's current code; the secret and the codes go with it.
    let (status, off) = post(
        &agent,
        &app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "disable", "method": "totp"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{off}");
    assert_eq!(off["channel"], "totp");
    assert!(off.get("enrollment").is_none(), "{off}");
    app.clock.advance_secs(30);
    let (status, me) = change_two_factor(
        &app,
        &agent,
        false,
        "totp",
        &off["id"],
        &app_code(&app, &secret),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["two_factor"]["enabled"], false);
    let id = agentdesk_core::domain::UserId(user);
    assert_eq!(app.state.store().totp_secret(id).await.unwrap(), None);
    assert_eq!(app.state.store().recovery_codes_left(id).await.unwrap(), 0);
    let (status, body) = post(
        &agent,
        &app,
        "/api/v1/me/recovery-codes",
        json!({"password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::CONFLICT, "two_factor_off")
    );
}

on_both_backends!(authenticator_and_recovery_codes);

#[tokio::test]
async fn authenticator_codes_resist_abuse() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;

    // Switching from email to the app: the code of the new app, no new recovery codes.
    enable_email_2fa(&app, &agent, "agent1@demo.test").await;
    let first = start_enrolment(&app, &agent, "switch").await;
    let first_secret = first["enrollment"]["secret"].as_str().unwrap().to_owned();
    // Starting again replaces the enrolment: the first secret's codes no longer fit.
    let second = start_enrolment(&app, &agent, "switch").await;
    let secret = second["enrollment"]["secret"].as_str().unwrap().to_owned();
    assert_ne!(first_secret, secret);
    let (status, _) = change_two_factor(
        &app,
        &agent,
        true,
        "totp",
        &first["id"],
        &app_code(&app, &first_secret),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the replaced enrolment is dead"
    );
    let (status, body) = change_two_factor(
        &app,
        &agent,
        true,
        "totp",
        &second["id"],
        &app_code(&app, &first_secret),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code"),
        "another secret's code"
    );
    // A code for switching cannot turn it off instead.
    let (status, _) = change_two_factor(
        &app,
        &agent,
        false,
        "totp",
        &second["id"],
        &app_code(&app, &secret),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, me) = change_two_factor(
        &app,
        &agent,
        true,
        "totp",
        &second["id"],
        &app_code(&app, &secret),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["two_factor"]["method"], "totp");
    assert!(
        me.get("recovery_codes").is_none(),
        "a switch keeps the codes it had"
    );
    app.clock.advance_secs(30);

    // The half-session reaches neither the QR code nor new recovery codes.
    let (half, login) = password_step(&app, "agent1@demo.test").await;
    let (status, _) = post(
        &half,
        &app,
        "/api/v1/me/recovery-codes",
        json!({"password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let res = half
        .get(app.url(&format!(
            "/api/v1/me/two-factor/qr/{}",
            second["id"].as_str().unwrap()
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // Brute force on one challenge: five wrong codes kill it, even for the right one after.
    let right = app_code(&app, &secret);
    for i in 1..=5 {
        let (_, body) = answer(&app, &half, &login, json!({"code": not_the_code(&right)})).await;
        let expected = if i < 5 {
            "invalid_code"
        } else {
            "too_many_attempts"
        };
        assert_eq!(error_code(&body), expected, "try {i}");
    }
    let (status, _) = answer(&app, &half, &login, json!({"code": right})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Recovery codes count as tries too: a wrong one is a failure on the account.
    app.clock.advance_secs(31);
    let (half, login) = password_step(&app, "agent1@demo.test").await;
    let (status, body) = answer(
        &app,
        &half,
        &login,
        json!({"recovery_code": "aaaa-bbbb-cccc-dddd-eeee-ffff"}),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the sixth consecutive failure waits: {body}"
    );
    app.clock.advance_secs(61);

    // One code submitted twice at once: exactly one sign-in.
    let (half, login) = password_step(&app, "agent1@demo.test").await;
    let code = app_code(&app, &secret);
    let (ra, rb) = tokio::join!(
        answer(&app, &half, &login, json!({"code": code})),
        answer(&app, &half, &login, json!({"code": code}))
    );
    let wins = [ra.0, rb.0]
        .iter()
        .filter(|s| **s == StatusCode::OK)
        .count();
    assert_eq!(wins, 1, "{ra:?} {rb:?}");
    // The same code on a new sign-in, within its 30 seconds: refused (RFC 6238 §5.2).
    let (half, login) = password_step(&app, "agent1@demo.test").await;
    let (status, body) = answer(&app, &half, &login, json!({"code": code})).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code")
    );
}
