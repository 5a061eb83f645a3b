//! Issue 5 on the API: two-factor authentication by email and SMS, the OTP sign-in step with its
//! half-session, the phone change through both numbers, and every OTP abuse case of docs/security.md.
//! Codes are read from the dev outbox, as a demo user would.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::*;

/// Gives the signed-in `client` a verified phone (first number: one code to it).
async fn add_phone(
    app: &TestApp,
    client: &reqwest::Client,
    country: &str,
    number: &str,
    e164: &str,
) {
    let (status, step) = post(
        client,
        app,
        "/api/v1/me/phone",
        json!({"country": country, "number": number}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{step}");
    assert_eq!(step["step"], "verify_new");
    let code = outbox_code(app, e164).await;
    let (status, done) = post(
        client,
        app,
        "/api/v1/me/phone/verify",
        json!({"challenge_id": step["challenge"]["id"], "code": code}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["step"], "done");
    assert_eq!(done["profile"]["phone"], e164);
}

async fn email_two_factor_sign_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let agent = app.agent(1).await;
    enable_email_2fa(&app, &agent, "agent1@demo.test").await;
    // Confirmed through the other channel (email, as there is no phone).
    let notice = outbox_message(&app, "agent1@demo.test").await;
    assert!(
        notice["body"].as_str().unwrap().contains("turned on"),
        "{notice}"
    );

    // Sign in again: the password step gives a half-session and a code.
    let browser = app.client();
    let (status, step) = json(
        app.login_response(&browser, "agent1@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(step["status"], "otp_required");
    let challenge = &step["challenge"];
    assert_eq!(challenge["channel"], "email");
    assert_eq!(challenge["destination_hint"], "a•••@demo.test");
    assert!(challenge["expires_at"].is_string() && challenge["resend_after"].is_string());

    // The half-session can do nothing else.
    for path in [
        "/api/v1/me",
        "/api/v1/conversations",
        "/api/v1/agents",
        "/api/v1/me/security-events",
    ] {
        let (status, body) = json(browser.get(app.url(path)).send().await.unwrap()).await;
        assert_eq!(
            (status, error_code(&body).as_str()),
            (StatusCode::UNAUTHORIZED, "unauthenticated"),
            "{path}"
        );
    }
    let (status, _) = post(
        &browser,
        &app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "disable", "method": "email"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let page = browser.get(app.url("/inbox")).send().await.unwrap();
    assert!(
        page.status().is_redirection(),
        "pages send a half-session back to sign in"
    );

    let (status, body) = post(
        &browser,
        &app,
        "/api/v1/auth/otp",
        json!({"challenge_id": challenge["id"], "code": "000000"}),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code")
    );
    let code = outbox_code(&app, "agent1@demo.test").await;
    let message = outbox_message(&app, "agent1@demo.test").await;
    assert!(message["subject"].as_str().is_some_and(|s| !s.is_empty()));
    let res = browser
        .post(app.url("/api/v1/auth/otp"))
        .json(&json!({"challenge_id": challenge["id"], "code": code}))
        .send()
        .await
        .unwrap();
    assert!(
        res.headers().get("set-cookie").is_some(),
        "a new session id after the code"
    );
    let (status, body) = json(res).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("authenticated"))
    );
    let (status, me) = json(browser.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["email"], "agent1@demo.test");

    // Security events tell the story, newest first.
    let (_, events) = json(
        browser
            .get(app.url("/api/v1/me/security-events"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let kinds: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds[0], "signed_in");
    assert!(
        kinds.contains(&"two_factor_failed") && kinds.contains(&"two_factor_enabled"),
        "{kinds:?}"
    );

    // Disabling needs a code sent to the current method.
    let (status, challenge) = post(
        &browser,
        &app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "disable", "method": "email"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let code = outbox_code(&app, "agent1@demo.test").await;
    let (status, me) = put(
        &browser,
        &app,
        "/api/v1/me/two-factor",
        json!({"enabled": false, "method": "email", "challenge_id": challenge["id"], "code": code}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["two_factor"]["enabled"], false);
    let (_, step) = json(
        app.login_response(&app.client(), "agent1@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    assert_eq!(step["status"], "authenticated");
}

async fn phone_change_through_both_numbers(backend: Backend) {
    let app = spawn_app(backend).await;
    let agent = app.agent(1).await;
    // SMS needs a verified phone first.
    let (status, body) = post(
        &agent,
        &app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "enable", "method": "sms"}),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "phone_not_verified")
    );
    // Bad numbers are refused with a field error.
    for (country, number) in [
        ("US", "123"),
        ("US", "not a number"),
        ("ZZ", "4155552671"),
        ("", "4155552671"),
    ] {
        let (status, body) = post(
            &agent,
            &app,
            "/api/v1/me/phone",
            json!({"country": country, "number": number}),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{country} {number}: {body}"
        );
        assert!(body["error"]["fields"]["number"].is_object(), "{body}");
    }

    add_phone(&app, &agent, "US", "(415) 555-2671", "+14155552671").await;

    // Changing it: a code to the old number first; nothing reaches the new one yet.
    let (status, step) = post(
        &agent,
        &app,
        "/api/v1/me/phone",
        json!({"country": "BR", "number": "11 91234-5678"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{step}");
    assert_eq!(step["step"], "verify_old");
    assert_eq!(step["challenge"]["destination_hint"], "•••• ••71");
    let (_, outbox) = json(reqwest::get(app.url("/api/v1/dev/outbox")).await.unwrap()).await;
    assert!(
        outbox
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["to"] != "+5511912345678")
    );
    let old_code = outbox_code(&app, "+14155552671").await;
    let (status, step2) = post(
        &agent,
        &app,
        "/api/v1/me/phone/verify",
        json!({"challenge_id": step["challenge"]["id"], "code": old_code}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{step2}");
    assert_eq!(step2["step"], "verify_new");
    let (_, me) = json(agent.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(
        me["phone"], "+14155552671",
        "not changed before the new number is verified"
    );
    let new_code = outbox_code(&app, "+5511912345678").await;
    let (status, done) = post(
        &agent,
        &app,
        "/api/v1/me/phone/verify",
        json!({"challenge_id": step2["challenge"]["id"], "code": new_code}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["profile"]["phone"], "+5511912345678");
    let notice = outbox_message(&app, "agent1@demo.test").await;
    assert!(
        notice["body"].as_str().unwrap().contains("phone number"),
        "{notice}"
    );

    // SMS 2FA on that phone; then the phone cannot be removed.
    let (status, challenge) = post(
        &agent,
        &app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "enable", "method": "sms"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{challenge}");
    assert_eq!(challenge["channel"], "sms");
    let code = outbox_code(&app, "+5511912345678").await;
    let (status, me) = put(
        &agent,
        &app,
        "/api/v1/me/two-factor",
        json!({"enabled": true, "method": "sms", "challenge_id": challenge["id"], "code": code}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["two_factor"], json!({"enabled": true, "method": "sms"}));
    // An SMS change is confirmed by email.
    assert!(
        outbox_message(&app, "agent1@demo.test").await["body"]
            .as_str()
            .unwrap()
            .contains("turned on")
    );
    let (status, body) = json(
        agent
            .delete(app.url("/api/v1/me/phone"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::CONFLICT, "phone_in_use")
    );

    // Switching to email needs a code sent to email; then the phone can go.
    let (status, challenge) = post(
        &agent,
        &app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "switch", "method": "email"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(challenge["channel"], "email");
    let code = outbox_code(&app, "agent1@demo.test").await;
    let (status, me) = put(
        &agent,
        &app,
        "/api/v1/me/two-factor",
        json!({"enabled": true, "method": "email", "challenge_id": challenge["id"], "code": code}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["two_factor"]["method"], "email");
    // An email change is confirmed by SMS.
    assert!(
        outbox_message(&app, "+5511912345678").await["body"]
            .as_str()
            .unwrap()
            .contains("different method")
    );
    let (status, me) = json(
        agent
            .delete(app.url("/api/v1/me/phone"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["phone"], Value::Null);
}

async fn admin_policy_forces_setup(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin().await;
    let agent = app.agent(1).await;
    let (status, _) = put(
        &agent,
        &app,
        "/api/v1/admin/security",
        json!({"require_two_factor": true}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, policy) = put(
        &admin,
        &app,
        "/api/v1/admin/security",
        json!({"require_two_factor": true}),
    )
    .await;
    assert_eq!(
        (status, policy),
        (StatusCode::OK, json!({"require_two_factor": true}))
    );
    let (_, policy) = json(
        admin
            .get(app.url("/api/v1/admin/security"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(policy["require_two_factor"], true);

    // Without a second factor: straight to setting one up, and nothing else.
    let browser = app.client();
    let (status, step) = json(
        app.login_response(&browser, "agent2@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    assert_eq!(
        (status, step["status"].as_str()),
        (StatusCode::OK, Some("two_factor_setup_required"))
    );
    for path in [
        "/api/v1/conversations",
        "/api/v1/agents",
        "/api/v1/me/password/strength",
    ] {
        let res = browser.get(app.url(path)).send().await.unwrap();
        assert!(
            matches!(
                res.status(),
                StatusCode::UNAUTHORIZED | StatusCode::METHOD_NOT_ALLOWED
            ),
            "{path}: {}",
            res.status()
        );
    }
    let page = browser.get(app.url("/inbox")).send().await.unwrap();
    assert_eq!(page.headers()["location"], "/preferences/security");
    let page = browser
        .get(app.url("/preferences/security"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let (status, me) = json(browser.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(
        (status, me["two_factor"]["enabled"].as_bool()),
        (StatusCode::OK, Some(false))
    );

    enable_email_2fa(&app, &browser, "agent2@demo.test").await;
    let (status, _) = json(
        browser
            .get(app.url("/api/v1/conversations"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "fully signed in once set up");
    // While the company requires it, it cannot be turned off.
    let (status, body) = post(
        &browser,
        &app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "disable", "method": "email"}),
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::CONFLICT, "two_factor_required")
    );
    // Next time: the code step.
    let (_, step) = json(
        app.login_response(&app.client(), "agent2@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    assert_eq!(step["status"], "otp_required");

    // Lifting the policy signs people in as before.
    put(
        &admin,
        &app,
        "/api/v1/admin/security",
        json!({"require_two_factor": false}),
    )
    .await;
    let (_, step) = json(
        app.login_response(&app.client(), "agent3@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    assert_eq!(step["status"], "authenticated");
}

on_both_backends!(
    email_two_factor_sign_in,
    phone_change_through_both_numbers,
    admin_policy_forces_setup
);

/// A fresh email challenge for enabling 2FA; returns (challenge id, code).
async fn enable_challenge(app: &TestApp, client: &reqwest::Client) -> (String, String) {
    let (status, challenge) = post(
        client,
        app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "enable", "method": "email"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{challenge}");
    let code = outbox_code(app, "agent1@demo.test").await;
    (challenge["id"].as_str().unwrap().to_owned(), code)
}

fn wrong(code: &str) -> String {
    let last = code.chars().last().unwrap().to_digit(10).unwrap();
    format!("{}{}", &code[..5], (last + 1) % 10)
}

async fn try_enable(
    app: &TestApp,
    client: &reqwest::Client,
    id: &str,
    code: &str,
) -> (StatusCode, Value) {
    put(
        client,
        app,
        "/api/v1/me/two-factor",
        json!({"enabled": true, "method": "email", "challenge_id": id, "code": code}),
    )
    .await
}

#[tokio::test]
async fn otp_brute_force_on_one_challenge_kills_it() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let (id, code) = enable_challenge(&app, &agent).await;
    for i in 1..=5 {
        let (status, body) = try_enable(&app, &agent, &id, &wrong(&code)).await;
        let expected = if i < 5 {
            "invalid_code"
        } else {
            "too_many_attempts"
        };
        assert_eq!(error_code(&body), expected, "try {i}: {status}");
    }
    // Dead after five wrong tries, even with the right code (and the account now waits).
    let res = agent
        .put(app.url("/api/v1/me/two-factor"))
        .json(&json!({"enabled": true, "method": "email", "challenge_id": id, "code": code}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().get("retry-after").is_some());
    // Once the account's wait is over, the challenge is still dead.
    app.clock.advance_secs(31);
    let (status, _) = try_enable(&app, &agent, &id, &code).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the challenge stays dead"
    );
    let (_, me) = json(agent.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(me["two_factor"]["enabled"], false);
}

#[tokio::test]
async fn resends_do_not_reset_the_account_failure_counter() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let browser = app.client();
    enable_email_2fa(&app, &agent, "agent1@demo.test").await;
    let (_, step) = json(
        app.login_response(&browser, "agent1@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    let id = step["challenge"]["id"].as_str().unwrap().to_owned();
    let first = outbox_code(&app, "agent1@demo.test").await;
    let otp = |code: String| {
        let (browser, app, id) = (&browser, &app, id.clone());
        async move {
            json(
                browser
                    .post(app.url("/api/v1/auth/otp"))
                    .json(&json!({"challenge_id": id, "code": code}))
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    for _ in 0..4 {
        let (status, _) = otp(wrong(&first)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    // Resending too soon is refused with the wait.
    let res = browser
        .post(app.url("/api/v1/auth/otp/resend"))
        .json(&json!({"challenge_id": id}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    app.clock.advance_secs(61);
    let (status, again) = post(
        &browser,
        &app,
        "/api/v1/auth/otp/resend",
        json!({"challenge_id": id}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{again}");
    let second = outbox_code(&app, "agent1@demo.test").await;
    // The old code no longer works…
    if first != second {
        let (status, body) = otp(first.clone()).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    } else {
        let (status, _) = otp(wrong(&second)).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    }
    // …and that fifth failure in a row locks the account for 30 s, resend or not.
    let res = browser
        .post(app.url("/api/v1/auth/otp"))
        .json(&json!({"challenge_id": id, "code": second}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&wait), "{wait}");
    app.clock.advance_secs(31);
    let (status, body) = otp(second.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn expired_reused_swapped_and_foreign_codes_fail() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let other = app.agent(2).await;

    // Expired.
    let (id, code) = enable_challenge(&app, &agent).await;
    app.clock.advance_secs(10 * 60 + 1);
    let (status, body) = try_enable(&app, &agent, &id, &code).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::GONE, "code_expired")
    );

    // Another user's challenge id with its right code: refused, and the owner can still use it.
    app.clock.advance_secs(120);
    let (id, code) = enable_challenge(&app, &agent).await;
    let (status, body) = try_enable(&app, &other, &id, &code).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code")
    );

    // Purpose and action swaps: an "enable email" code neither disables nor enables SMS, a phone
    // code does not touch 2FA.
    let (status, _) = put(
        &agent,
        &app,
        "/api/v1/me/two-factor",
        json!({"enabled": false, "method": "email", "challenge_id": id, "code": code}),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = put(
        &agent,
        &app,
        "/api/v1/me/two-factor",
        json!({"enabled": true, "method": "sms", "challenge_id": id, "code": code}),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, step) = post(
        &agent,
        &app,
        "/api/v1/me/phone",
        json!({"country": "US", "number": "4155552671"}),
    )
    .await;
    let phone_code = outbox_code(&app, "+14155552671").await;
    let (status, body) = try_enable(
        &app,
        &agent,
        step["challenge"]["id"].as_str().unwrap(),
        &phone_code,
    )
    .await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code")
    );
    let (status, _) = post(
        &agent,
        &app,
        "/api/v1/auth/otp",
        json!({"challenge_id": id, "code": code}),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a 2FA code never signs in"
    );

    // The owner's code still works once (none of the above consumed it)…
    let (status, body) = try_enable(&app, &agent, &id, &code).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // …and only once.
    let (status, body) = try_enable(&app, &agent, &id, &code).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code")
    );

    // Disabling or switching without a code.
    for body in [
        json!({"enabled": false, "method": "email", "challenge_id": "made-up", "code": "123456"}),
        json!({"enabled": true, "method": "sms", "challenge_id": "", "code": ""}),
    ] {
        let (status, _) = put(&agent, &app, "/api/v1/me/two-factor", body).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, body) = put(
        &agent,
        &app,
        "/api/v1/me/two-factor",
        json!({"enabled": false, "method": "email"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (_, me) = json(agent.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(
        me["two_factor"],
        json!({"enabled": true, "method": "email"})
    );
}

on_both_backends!(parallel_double_submit_has_exactly_one_winner);

async fn parallel_double_submit_has_exactly_one_winner(backend: Backend) {
    let app = spawn_app(backend).await;
    let agent = app.agent(1).await;
    let (id, code) = enable_challenge(&app, &agent).await;
    let (a, b) = tokio::join!(
        try_enable(&app, &agent, &id, &code),
        try_enable(&app, &agent, &id, &code)
    );
    let wins = [a.0, b.0].iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(wins, 1, "{a:?} {b:?}");
}

#[tokio::test]
async fn sends_are_limited_per_hour_and_the_phone_change_needs_the_old_number() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    add_phone(&app, &agent, "US", "4155552671", "+14155552671").await;
    // One send so far (the phone); four more are allowed this hour, then 429.
    for i in 0..4 {
        let (status, body) = post(
            &agent,
            &app,
            "/api/v1/me/two-factor/challenge",
            json!({"action": "enable", "method": "email"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "send {i}: {body}");
    }
    let res = agent
        .post(app.url("/api/v1/me/two-factor/challenge"))
        .json(&json!({"action": "enable", "method": "email"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().get("retry-after").is_some());
    app.clock.advance_secs(3601);
    // (An hour idles the session out: sign in again.)
    let agent = app.agent(1).await;

    // A change verifying only the new number is impossible: the code goes to the old number, and
    // a wrong code there changes nothing.
    let (_, step) = post(
        &agent,
        &app,
        "/api/v1/me/phone",
        json!({"country": "GB", "number": "07911 123456"}),
    )
    .await;
    assert_eq!(step["step"], "verify_old");
    let (status, _) = post(
        &agent,
        &app,
        "/api/v1/me/phone/verify",
        json!({"challenge_id": step["challenge"]["id"], "code": "000000"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, outbox) = json(reqwest::get(app.url("/api/v1/dev/outbox")).await.unwrap()).await;
    assert!(
        outbox
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["to"] != "+447911123456"),
        "nothing sent to the new number"
    );
    let (_, me) = json(agent.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(me["phone"], "+14155552671");
}

#[tokio::test]
async fn a_plain_server_keeps_no_outbox() {
    // Not a demo and no mode set: live delivery, so codes are never readable by whoever asks.
    let app = crate::support::spawn_app_with(Backend::Sqlite, |c| c.demo = false).await;
    assert_eq!(
        app.state.config().delivery_mode(),
        agentdesk::config::DeliveryMode::Live
    );
    let (status, body) = json(reqwest::get(app.url("/api/v1/dev/outbox")).await.unwrap()).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
}

#[tokio::test]
async fn live_delivery_without_a_provider_offers_no_codes_through_it() {
    let app = crate::support::spawn_app_with(Backend::Sqlite, |c| {
        c.delivery.mode = Some(agentdesk::config::DeliveryMode::Live);
    })
    .await;
    let (status, body) = json(reqwest::get(app.url("/api/v1/dev/outbox")).await.unwrap()).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    // No SMTP server configured: email cannot be chosen, and the answer says why; no SMS
    // provider: a phone number (verified by SMS) cannot be added either.
    let agent = app.agent(1).await;
    for (path, body, named) in [
        (
            "/api/v1/me/two-factor/challenge",
            json!({"action": "enable", "method": "email"}),
            "email",
        ),
        (
            "/api/v1/me/phone",
            json!({"country": "US", "number": "(415) 555-2671"}),
            "SMS",
        ),
    ] {
        let (status, body) = post(&agent, &app, path, body).await;
        assert_eq!(
            (status, error_code(&body).as_str()),
            (StatusCode::CONFLICT, "channel_not_configured")
        );
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains(named), "{body}");
    }
    // The authenticator app needs no provider and still works.
    let (status, _) = post(
        &agent,
        &app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "enable", "method": "totp"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // The Security page shows both channels as unavailable; admins are told how to fix it.
    let url = app.url("/preferences/security");
    let page = |client: reqwest::Client| {
        let url = url.clone();
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let agent_page = page(agent).await;
    assert!(agent_page.contains("Not available on this server"));
    assert!(!agent_page.contains("delivery-admin-note"));
    let admin_page = page(app.admin().await).await;
    assert!(admin_page.contains("delivery-admin-note"));
    assert!(admin_page.contains("AGENTDESK_DELIVERY__SMTP__HOST"));
    assert!(admin_page.contains("AGENTDESK_DELIVERY__SMS__ACCOUNT_SID"));
}

#[tokio::test]
async fn active_sessions_and_signing_out_the_others() {
    let app = spawn_app(Backend::Sqlite).await;
    let here = app.agent(1).await;
    let phone = app.agent(1).await;
    let colleague = app.agent(2).await;
    let (status, list) = json(
        here.get(app.url("/api/v1/me/sessions"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let list = list.as_array().unwrap().clone();
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(list.iter().filter(|s| s["current"] == true).count(), 1);
    assert!(
        list.iter()
            .all(|s| s["id"].as_str().unwrap().len() == 12 && s["kind"] == "full")
    );

    let (status, done) = json(
        here.delete(app.url("/api/v1/me/sessions"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, done), (StatusCode::OK, json!({"ended": 1})));
    assert_eq!(
        phone
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        here.get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        colleague
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let (_, list) = json(
        here.get(app.url("/api/v1/me/sessions"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let (_, events) = json(
        here.get(app.url("/api/v1/me/security-events"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(events[0]["kind"], "signed_out_others");
}

on_both_backends!(
    other_accounts_cannot_starve_the_owners_sign_in_codes,
    parallel_sends_stop_at_the_limit
);

/// docs/security.md 4: codes that other accounts send to a number while "adding" it never use up the
/// budget of the account that verified it, and the number gets only a few codes nobody asked for.
async fn other_accounts_cannot_starve_the_owners_sign_in_codes(backend: Backend) {
    let app = spawn_app_with(backend, |_| {}).await;
    let owner = app.agent(1).await;
    add_phone(&app, &owner, "US", "4155552671", "+14155552671").await;
    let (status, challenge) = post(
        &owner,
        &app,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "enable", "method": "sms"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{challenge}");
    let code = outbox_code(&app, "+14155552671").await;
    let (status, body) = put(
        &owner,
        &app,
        "/api/v1/me/two-factor",
        json!({"enabled": true, "method": "sms", "challenge_id": challenge["id"], "code": code}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let sent_before = sends_to(&app, "+14155552671").await;

    // Colleagues type the owner's number into their own phone change, again and again, in
    // parallel: only a few codes reach it, then every further try is refused.
    let number = json!({"country": "US", "number": "4155552671"});
    let mut attempts = Vec::new();
    for n in [2, 3] {
        let colleague = app.agent(n).await;
        for _ in 0..6 {
            let (client, url, body) = (
                colleague.clone(),
                app.url("/api/v1/me/phone"),
                number.clone(),
            );
            attempts
                .push(async move { client.post(url).json(&body).send().await.unwrap().status() });
        }
    }
    let statuses = futures_util::future::join_all(attempts).await;
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::OK || *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    let unasked = sends_to(&app, "+14155552671").await - sent_before;
    assert!(unasked >= 1, "a colleague may try once: {statuses:?}");
    assert!(unasked <= 3, "{unasked} unasked codes reached the number");

    // The owner still signs in with SMS codes, several times over, from new browsers.
    for round in 0..3 {
        let browser = app.client();
        let (status, body) = json(
            app.login_response(&browser, "agent1@demo.test", DEMO_PASSWORD)
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "round {round}: {body}");
        assert_eq!(body["status"], "otp_required", "round {round}: {body}");
        let code = outbox_code(&app, "+14155552671").await;
        let (status, body) = post(
            &browser,
            &app,
            "/api/v1/auth/otp",
            json!({"challenge_id": body["challenge"]["id"], "code": code}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "round {round}: {body}");
    }
}

/// How many messages the dev outbox holds for `to`.
async fn sends_to(app: &TestApp, to: &str) -> usize {
    let (_, list) = json(reqwest::get(app.url("/api/v1/dev/outbox")).await.unwrap()).await;
    list.as_array()
        .unwrap()
        .iter()
        .filter(|m| m["to"] == to)
        .count()
}

/// docs/security.md 4: the limit is checked and counted in one step, so 30 parallel requests get
/// exactly five codes out.
async fn parallel_sends_stop_at_the_limit(backend: Backend) {
    let app = spawn_app_with(backend, |_| {}).await;
    let agent = app.agent(1).await;
    let requests = (0..30).map(|_| {
        let (client, url) = (agent.clone(), app.url("/api/v1/me/two-factor/challenge"));
        async move {
            client
                .post(url)
                .json(&json!({"action": "enable", "method": "email"}))
                .send()
                .await
                .unwrap()
                .status()
        }
    });
    let statuses = futures_util::future::join_all(requests).await;
    let sent = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((sent, refused), (5, 25), "{statuses:?}");
    assert_eq!(sends_to(&app, "agent1@demo.test").await, 5);
}

#[tokio::test]
async fn sends_to_one_number_being_added_are_limited_across_accounts() {
    let app = spawn_app(Backend::Sqlite).await;
    let number = json!({"country": "US", "number": "4155552671"});
    for (n, times) in [(1, 2), (2, 1)] {
        let agent = app.agent(n).await;
        for _ in 0..times {
            let (status, body) = post(&agent, &app, "/api/v1/me/phone", number.clone()).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
    }
    // Three codes went to that number this hour for accounts that do not own it: a third
    // account cannot send a fourth.
    let third = app.agent(3).await;
    let (status, body) = post(&third, &app, "/api/v1/me/phone", number.clone()).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited")
    );
    // Another number is fine for that account.
    let (status, _) = post(
        &third,
        &app,
        "/api/v1/me/phone",
        json!({"country": "US", "number": "4155552672"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn codes_go_only_to_numbers_that_receive_text_messages() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    for (country, number) in [
        ("", "+979 1 2345 6789"),  // international premium rate
        ("GB", "0909 123 4567"),   // premium rate
        ("GB", "0906 123 4567"),   // premium rate
        ("GB", "0871 234 5678"),   // shared cost
        ("US", "1-900-234-5678"),  // premium rate
        ("", "+882 342 123 4567"), // international networks
        ("", "+881 6 1234 5678"),  // satellite
        ("", "+870 773 123 456"),  // Inmarsat
        ("GB", "020 7946 0958"),   // a London landline
    ] {
        let (status, body) = post(
            &agent,
            &app,
            "/api/v1/me/phone",
            json!({"country": country, "number": number}),
        )
        .await;
        assert_eq!(
            (status, error_code(&body).as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
            "{number}: {body}"
        );
        assert_eq!(
            body["error"]["fields"]["number"]["code"], "not_mobile",
            "{number}"
        );
    }
    assert_eq!(sends_to(&app, "+979123456789").await, 0);
    // A mobile number abroad is fine.
    let (status, body) = post(
        &agent,
        &app,
        "/api/v1/me/phone",
        json!({"country": "GB", "number": "07911 123456"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn a_signed_in_resend_keeps_the_cooldown_and_the_owner() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let (id, first) = enable_challenge(&app, &agent).await;
    let resend = |client: &reqwest::Client| {
        let body = json!({"challenge_id": id});
        let req = client.post(app.url("/api/v1/me/otp/resend")).json(&body);
        async move { req.send().await.unwrap() }
    };
    // Within the cooldown: refused, with the wait.
    let res = resend(&agent).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().get("retry-after").is_some());
    // Another user cannot resend (or learn of) this challenge.
    let other = app.agent(2).await;
    let (status, body) = json(resend(&other).await).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code")
    );
    // After a minute: a new code, the old one dead, the countdown given in seconds.
    app.clock.advance_secs(61);
    let (status, view) = json(resend(&agent).await).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(
        (view["id"].as_str(), view["resend_in"].as_i64()),
        (Some(id.as_str()), Some(60))
    );
    let second = outbox_code(&app, "agent1@demo.test").await;
    if second != first {
        let (status, _) = try_enable(&app, &agent, &id, &first).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "the resent code replaced the first"
        );
    }
    let (status, me) = try_enable(&app, &agent, &id, &second).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    // A sign-in challenge is not this endpoint's business.
    let browser = app.client();
    let (_, step) = json(
        app.login_response(&browser, "agent1@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    let body = json!({"challenge_id": step["challenge"]["id"]});
    let res = agent
        .post(app.url("/api/v1/me/otp/resend"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}
