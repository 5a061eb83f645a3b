//! Login, sessions, throttling, CSRF and headers (docs/security.md 7–15) through the HTTP API.

use std::time::Instant;

use agentdesk_core::store::{NewSession, SessionKind};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE, RETRY_AFTER, SET_COOKIE};
use serde_json::json;

use agentdesk_core::Clock;

use crate::on_both_backends;
use crate::support::*;

on_both_backends!(
    login_sets_a_hardened_session_cookie_and_me_answers,
    logout_ends_the_session_on_the_server,
    failures_answer_identically,
    account_throttle_locks_temporarily,
    idle_and_absolute_timeouts_end_sessions,
    deactivated_users_cannot_sign_in,
    strangers_cannot_lock_the_owners_browser_out
);

/// docs/security.md 9 (OWASP device cookies): failures from unknown clients lock the account for
/// unknown clients only; the browser its owner signed in with before keeps its own budget.
async fn strangers_cannot_lock_the_owners_browser_out(backend: Backend) {
    let app = spawn_app(backend).await;
    let owner = app.client();
    let res = app
        .login_response(&owner, "agent1@demo.test", DEMO_PASSWORD)
        .await;
    let device_cookie = res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("agentdesk_device="))
        .expect("a device cookie after signing in")
        .to_owned();
    assert!(device_cookie.contains("HttpOnly") && device_cookie.contains("SameSite=Strict"));
    let res = owner
        .post(app.url("/api/v1/auth/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // A colleague's browser, trusted for the colleague only.
    let colleague = app.agent(2).await;

    // A stranger (on the same address as the owner, as in an office) guesses 20 times, then
    // sprays other accounts until the address itself is locked.
    let stranger = app.client();
    let mut refused = 0;
    for _ in 0..20 {
        let res = app
            .login_response(&stranger, "agent1@demo.test", "guess-guess-guess")
            .await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            refused += 1;
        }
    }
    assert_eq!(refused, 15, "locked after five failures");
    for i in 0..46 {
        let email = format!("someone{i}@demo.test");
        app.login_response(&stranger, &email, "guess").await;
    }
    let res = app
        .login_response(&stranger, "someone-else@demo.test", "guess")
        .await;
    assert_eq!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the address is locked"
    );
    // Unknown clients stay locked out, even with the right password …
    let res = app
        .login_response(&app.client(), "agent1@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // … and so does a browser another user signed in with, and a forged device cookie.
    let res = app
        .login_response(&colleague, "agent1@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let forged = reqwest::Client::new()
        .post(app.url("/api/v1/auth/login"))
        .header(COOKIE, "agentdesk_device=made-up-by-the-attacker")
        .json(&json!({"email": "agent1@demo.test", "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::TOO_MANY_REQUESTS);
    // The owner's browser signs in at once.
    let res = app
        .login_response(&owner, "agent1@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (status, me) = json(owner.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(
        (status, me["email"].as_str()),
        (StatusCode::OK, Some("agent1@demo.test"))
    );
    // Guessing from the owner's browser is throttled too, on its own budget.
    owner
        .post(app.url("/api/v1/auth/logout"))
        .send()
        .await
        .unwrap();
    for _ in 0..5 {
        let res = app
            .login_response(&owner, "agent1@demo.test", "wrong-wrong")
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = app
        .login_response(&owner, "agent1@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // A success from the owner's browser does not wipe the strangers' count: once the lock
    // runs out, one more wrong guess locks the account again (for strangers), for longer.
    app.clock.advance_secs(61);
    let res = app
        .login_response(&owner, "agent1@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .login_response(&stranger, "agent1@demo.test", "one-more-guess")
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app
        .login_response(&app.client(), "agent1@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

async fn login_sets_a_hardened_session_cookie_and_me_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client();
    let res = app
        .login_response(&client, "Agent1@Demo.Test", DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res
        .headers()
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("agentdesk_session="), "{cookie}");
    for attr in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attr), "{attr} missing in {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned();
    assert!(token.len() >= 43, "token too short for 256 bits: {token}");
    let (_, body) = json(res).await;
    assert_eq!(body, json!({"status": "authenticated"}));

    let res = client.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
    let (status, me) = json(res).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["email"], "agent1@demo.test");
    assert_eq!(me["first_name"], "Mia");
    assert_eq!(me["role"], "agent");
    assert_eq!(me["locale"], "en");
    assert_eq!(me["two_factor"], json!({"enabled": false, "method": null}));
    assert!(me["avatar_url"].is_null() && me["phone"].is_null());
    assert_eq!(me["initials"], "MC");
    assert!(me["avatar_color"].as_u64().unwrap() < 8);

    // Only a hash of the token is stored.
    let stored = app
        .state
        .store()
        .live_session(&token, app.clock.now(), app.clock.now().minus_secs(60))
        .await
        .unwrap();
    assert!(
        stored.is_none(),
        "the raw token must not be a key in the database"
    );
}

async fn logout_ends_the_session_on_the_server(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client();
    let res = app
        .login_response(&client, "agent2@demo.test", DEMO_PASSWORD)
        .await;
    let cookie = res
        .headers()
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let res = client
        .post(app.url("/api/v1/auth/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(
        res.headers()
            .get(SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    // Replaying the old cookie by hand: the server no longer knows it.
    let raw = reqwest::Client::new();
    let (status, body) = json(
        raw.get(app.url("/api/v1/me"))
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED, "unauthenticated");
}

async fn failures_answer_identically(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client();
    let mut answers = Vec::new();
    let mut durations = Vec::new();
    for (email, password) in [
        ("agent1@demo.test", "wrong-password-1"),
        ("nobody@demo.test", "wrong-password-1"),
        ("not an email", "x"),
    ] {
        let started = Instant::now();
        let res = app.login_response(&client, email, password).await;
        durations.push(started.elapsed());
        let headers = res.headers().clone();
        assert!(headers.get(SET_COOKIE).is_none());
        answers.push(json(res).await);
    }
    assert_eq!(answers[0].0, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&answers[0].1), "invalid_credentials");
    assert_eq!(
        answers[0], answers[1],
        "unknown user and wrong password must answer the same"
    );
    assert_eq!(answers[0], answers[2]);
    // Unknown users still pay for a password hash: no fast path that reveals the account is missing.
    // The fastest of three tries each, so a load spike on a shared machine (noise only ever adds
    // time) does not decide it; three failures stay under the account lockout.
    for _ in 0..2 {
        for (i, email) in ["agent1@demo.test", "nobody@demo.test"]
            .into_iter()
            .enumerate()
        {
            let started = Instant::now();
            let res = app.login_response(&client, email, "wrong-password-1").await;
            durations[i] = durations[i].min(started.elapsed());
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        }
    }
    let (known, unknown) = (durations[0], durations[1]);
    assert!(
        unknown * 4 >= known,
        "unknown user answered much faster ({unknown:?} vs {known:?})"
    );
}

async fn account_throttle_locks_temporarily(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client();
    for email in ["agent3@demo.test", "ghost@demo.test"] {
        for _ in 0..5 {
            let (status, _) =
                json(app.login_response(&client, email, "not-the-password").await).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
        // Locked now, even with the right password; unknown and known accounts alike.
        let res = app.login_response(&client, email, DEMO_PASSWORD).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "{email}");
        let retry: i64 = res
            .headers()
            .get(RETRY_AFTER)
            .unwrap()
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=30).contains(&retry), "Retry-After {retry}");
        let (_, body) = json(res).await;
        assert_eq!(error_code(&body), "rate_limited");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains(&retry.to_string())
        );
    }
    // Temporary: after the wait the real user gets in, and success clears the counter.
    app.clock.advance_secs(31);
    app.signed_in("agent3@demo.test", DEMO_PASSWORD).await;
    let (status, _) = json(
        app.login_response(&client, "agent3@demo.test", "nope-nope-nope")
            .await,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "counter should restart after a success"
    );
    // One more failure after the lock ran out locks again, for twice as long.
    let (status, _) = json(app.login_response(&client, "ghost@demo.test", "x").await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let res = app.login_response(&client, "ghost@demo.test", "x").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: i64 = res
        .headers()
        .get(RETRY_AFTER)
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (31..=60).contains(&retry),
        "doubled lock expected, got {retry}"
    );
}

async fn idle_and_absolute_timeouts_end_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.agent(1).await;
    let me = |c: &reqwest::Client| {
        let c = c.clone();
        let url = app.url("/api/v1/me");
        async move { c.get(url).send().await.unwrap().status() }
    };
    app.clock.advance_secs(29 * 60);
    assert_eq!(
        me(&client).await,
        StatusCode::OK,
        "29 idle minutes are fine"
    );
    app.clock.advance_secs(29 * 60);
    assert_eq!(
        me(&client).await,
        StatusCode::OK,
        "activity extends the idle deadline"
    );
    app.clock.advance_secs(31 * 60);
    assert_eq!(
        me(&client).await,
        StatusCode::UNAUTHORIZED,
        "31 idle minutes end the session"
    );

    // Absolute: active every 20 minutes, still over after 12 hours.
    let client = app.agent(2).await;
    for _ in 0..35 {
        app.clock.advance_secs(20 * 60);
        assert_eq!(me(&client).await, StatusCode::OK);
    }
    app.clock.advance_secs(20 * 60 + 1);
    assert_eq!(
        me(&client).await,
        StatusCode::UNAUTHORIZED,
        "12 hours is the absolute limit"
    );
}

async fn deactivated_users_cannot_sign_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let id = app.user_id("agent2@demo.test").await;
    let company = app
        .state
        .store()
        .user(agentdesk_core::domain::UserId(id))
        .await
        .unwrap()
        .unwrap()
        .company_id;
    app.state
        .store()
        .set_user_active(
            company,
            agentdesk_core::domain::UserId(id),
            false,
            app.clock.now(),
        )
        .await
        .unwrap();
    let client = app.client();
    let deactivated = json(
        app.login_response(&client, "agent2@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    let wrong = json(
        app.login_response(&client, "agent3@demo.test", "wrong-password-2")
            .await,
    )
    .await;
    assert_eq!(
        deactivated, wrong,
        "a deactivated account answers like a wrong password"
    );
}

#[tokio::test]
async fn per_ip_throttle_stops_spraying_many_accounts() {
    let app = spawn_app(Backend::Sqlite).await;
    let client = app.client();
    for i in 0..50 {
        let (status, _) = json(
            app.login_response(&client, &format!("spray{i}@demo.test"), "Password1!")
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, body) = json(
        app.login_response(&client, "admin@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    assert_error(status, &body, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    app.clock.advance_secs(31);
    app.admin().await;
}

#[tokio::test]
async fn every_sign_in_gets_a_new_session_id() {
    let app = spawn_app(Backend::Sqlite).await;
    let client = app.client();
    let first = app
        .login_response(&client, "agent1@demo.test", DEMO_PASSWORD)
        .await;
    let first = first
        .headers()
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let second = app
        .login_response(&client, "agent1@demo.test", DEMO_PASSWORD)
        .await;
    let second = second
        .headers()
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert_ne!(first, second);
    let raw = reqwest::Client::new();
    let status = raw
        .get(app.url("/api/v1/me"))
        .header(COOKIE, &first)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the session the browser had before signing in again ends"
    );
    let status = raw
        .get(app.url("/api/v1/me"))
        .header(COOKIE, &second)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_half_session_can_reach_nothing_else() {
    let app = spawn_app(Backend::Sqlite).await;
    let user = app
        .state
        .store()
        .user(agentdesk_core::domain::UserId(
            app.user_id("agent1@demo.test").await,
        ))
        .await
        .unwrap()
        .unwrap();
    let token = agentdesk::auth::session::new_token();
    app.state
        .store()
        .create_session(&NewSession {
            token_hash: agentdesk::auth::session::token_hash(&token),
            user_id: user.id,
            kind: SessionKind::PendingSecondFactor,
            created_at: app.clock.now(),
            expires_at: app.clock.now().plus_secs(600),
            ip: None,
            user_agent: None,
        })
        .await
        .unwrap();
    let raw = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let cookie = format!("agentdesk_session={token}");
    for (method, path) in [
        ("GET", "/api/v1/me"),
        ("PATCH", "/api/v1/me"),
        ("GET", "/api/v1/admin/agents"),
    ] {
        let req = raw
            .request(method.parse().unwrap(), app.url(path))
            .header(COOKIE, &cookie)
            .json(&json!({"first_name": "X"}));
        let (status, body) = json(req.send().await.unwrap()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
        assert_eq!(error_code(&body), "unauthenticated");
    }
    let page = raw
        .get(app.url("/inbox"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
    assert_eq!(page.headers().get("location").unwrap(), "/login");
}

#[tokio::test]
async fn cross_site_unsafe_requests_are_refused() {
    let app = spawn_app(Backend::Sqlite).await;
    let raw = reqwest::Client::new();
    let body = json!({"email": "agent1@demo.test", "password": DEMO_PASSWORD});
    let login = || raw.post(app.url("/api/v1/auth/login")).json(&body);
    // The origin must match in scheme as well as host: this server speaks plain http.
    let wrong_scheme = app.base.replace("http://", "https://");
    let other_port = format!("{}1", app.base);
    for (name, value) in [
        ("sec-fetch-site", "cross-site"),
        ("sec-fetch-site", "same-site"),
        ("origin", "http://evil.example"),
        ("origin", wrong_scheme.as_str()),
        ("origin", other_port.as_str()),
        ("origin", "null"),
    ] {
        let (status, err) = json(login().header(name, value).send().await.unwrap()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{name}: {value}");
        assert_eq!(error_code(&err), "cross_site_request");
    }
    assert_eq!(
        login()
            .header("sec-fetch-site", "same-origin")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        login()
            .header("origin", app.base.clone())
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        login().send().await.unwrap().status(),
        StatusCode::OK,
        "non-browser clients pass"
    );
    // JSON endpoints insist on a JSON content type (a form post cannot smuggle a login).
    let res = raw
        .post(app.url("/api/v1/auth/login"))
        .header(CONTENT_TYPE, "text/plain")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let (status, err) = json(res).await;
    assert_error(
        status,
        &err,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let app = spawn_app(Backend::Sqlite).await;
    let raw = reqwest::Client::new();
    for path in [
        "/login",
        "/api/v1/me",
        "/healthz",
        "/nope",
        "/assets/css/app.css",
    ] {
        let res = raw.get(app.url(path)).send().await.unwrap();
        let h = res.headers();
        let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
        for part in [
            "default-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "script-src 'self'",
        ] {
            assert!(csp.contains(part), "{path}: {part} missing from {csp}");
        }
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(
            h.get("x-content-type-options").unwrap(),
            "nosniff",
            "{path}"
        );
        assert_eq!(h.get("referrer-policy").unwrap(), "same-origin", "{path}");
        assert!(h.get("x-request-id").is_some(), "{path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS on plain http"
        );
        if path != "/assets/css/app.css" {
            assert_eq!(h.get("cache-control").unwrap(), "no-store", "{path}");
        }
    }
    let https = spawn_app_with(Backend::Sqlite, |c| {
        c.public_url = Some("https://desk.example".into())
    })
    .await;
    let res = https
        .login_response(&https.client(), "agent1@demo.test", DEMO_PASSWORD)
        .await;
    assert!(res.headers().get("strict-transport-security").is_some());
    let cookie = res.headers().get(SET_COOKIE).unwrap().to_str().unwrap();
    assert!(
        cookie.starts_with("__Host-agentdesk_session=") && cookie.contains("; Secure"),
        "{cookie}"
    );
}

#[tokio::test]
async fn only_versioned_asset_urls_are_cached_for_good() {
    let app = spawn_app(Backend::Sqlite).await;
    let html = app
        .client()
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let css = html
        .split("href=\"")
        .find_map(|s| {
            s.split('"')
                .next()
                .filter(|u| u.starts_with("/assets/css/app.css?v="))
        })
        .unwrap()
        .to_owned();
    let raw = reqwest::Client::new();
    let versioned = raw.get(app.url(&css)).send().await.unwrap();
    assert_eq!(versioned.status(), StatusCode::OK);
    assert_eq!(
        versioned.headers().get("cache-control").unwrap(),
        "public, max-age=31536000, immutable"
    );
    assert!(
        versioned
            .headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    // The page names every module its script imports, at the bare URL the import asks for, so
    // the browser fetches them at once.
    for module in [
        "/assets/js/lib/api.js",
        "/assets/js/lib/forms.js",
        "/assets/js/lib/otp.js",
    ] {
        assert!(
            html.contains(&format!("<link rel=\"modulepreload\" href=\"{module}\">")),
            "{module} not preloaded"
        );
    }
    // A bare URL (what an ES module's relative import asks for) and a stale version revalidate.
    for url in ["/assets/js/lib/api.js", "/assets/css/app.css?v=000000"] {
        let res = raw.get(app.url(url)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            res.headers().get("cache-control").unwrap(),
            "no-cache",
            "{url}"
        );
        let etag = res.headers().get("etag").unwrap().clone();
        // Revalidating an unchanged asset costs no body.
        let again = raw
            .get(app.url(url))
            .header("if-none-match", etag.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{url}");
        assert_eq!(again.headers().get("etag"), Some(&etag));
        assert!(again.bytes().await.unwrap().is_empty());
        let stale = raw
            .get(app.url(url))
            .header("if-none-match", "\"0000\"")
            .send()
            .await
            .unwrap();
        assert_eq!(stale.status(), StatusCode::OK);
    }
    assert_eq!(
        raw.get(app.url("/assets/js/nope.js"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
}
