//! The error format everywhere, the profile endpoint's validation, languages, pages and the
//! OpenAPI document.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, COOKIE};
use serde_json::json;

use crate::on_both_backends;
use crate::support::*;

on_both_backends!(profile_patch_validates_and_persists);

async fn profile_patch_validates_and_persists(backend: Backend) {
    let app = spawn_app(backend).await;
    let agent = app.agent(1).await;
    let patch = |body: serde_json::Value| {
        let req = agent.patch(app.url("/api/v1/me")).json(&body);
        async move { json(req.send().await.unwrap()).await }
    };
    let (status, me) = patch(json!({"first_name": "  Mei  ", "last_name": "张".repeat(50)})).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["first_name"], "Mei");
    assert_eq!(me["last_name"].as_str().unwrap().chars().count(), 50);

    let (status, body) =
        patch(json!({"first_name": "   ", "last_name": "张".repeat(51), "locale": "xx"})).await;
    assert_error(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    assert_eq!(body["error"]["fields"]["first_name"]["code"], "required");
    assert_eq!(body["error"]["fields"]["last_name"]["code"], "too_long");
    assert_eq!(body["error"]["fields"]["locale"]["code"], "unsupported");

    let (status, body) = patch(json!({"email": "other@demo.test"})).await;
    assert_eq!(
        (status, error_code(&body)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "email_read_only".to_owned()
        )
    );
    let (status, body) = patch(json!({"role": "admin"})).await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body".to_owned())
    );

    // Nothing of the refused requests was applied; the language switch is.
    let (status, me) = patch(json!({"locale": "zh-CN"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["locale"], "zh-CN");
    let (_, me) = json(agent.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(
        (
            me["first_name"].as_str(),
            me["email"].as_str(),
            me["role"].as_str()
        ),
        (Some("Mei"), Some("agent1@demo.test"), Some("agent"))
    );
    // From now on this user's errors and pages are in Chinese, whatever the browser says.
    let (_, body) = json(
        agent
            .patch(app.url("/api/v1/me"))
            .header(ACCEPT_LANGUAGE, "en")
            .json(&json!({"first_name": ""}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(body["error"]["message"], "有些字段需要修改。");
    assert_eq!(
        body["error"]["fields"]["first_name"]["message"],
        "此项为必填项。"
    );
    let page = agent
        .get(app.url("/preferences/profile"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("<html lang=\"zh-CN\" dir=\"ltr\">"),
        "{}",
        &page[..200]
    );
    assert!(page.contains("个人偏好设置"));
}

#[tokio::test]
async fn every_error_has_the_documented_shape() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let admin = app.admin().await;
    let cases: Vec<(reqwest::RequestBuilder, StatusCode, &str)> = vec![
        (
            agent.get(app.url("/api/v1/nope")),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            agent.delete(app.url("/api/v1/me")),
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
        (
            agent
                .patch(app.url("/api/v1/me"))
                .header(CONTENT_TYPE, "application/json")
                .body("{not json"),
            StatusCode::BAD_REQUEST,
            "malformed_body",
        ),
        (
            agent
                .patch(app.url("/api/v1/me"))
                .json(&json!({"first_name": 5})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            agent
                .patch(app.url("/api/v1/me"))
                .header(CONTENT_TYPE, "application/json")
                .body(format!("{{\"first_name\":\"{}\"}}", "a".repeat(1_100_000))),
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
        (
            // An id that is not a number names nothing.
            admin.post(app.url("/api/v1/admin/agents/abc/deactivate")),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            app.client().get(app.url("/api/v1/me")),
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        ),
    ];
    for (req, status, code) in cases {
        let res = req.send().await.unwrap();
        assert_eq!(res.headers().get(CONTENT_TYPE).unwrap(), "application/json");
        let (got, body) = json(res).await;
        assert_eq!((got, error_code(&body).as_str()), (status, code), "{body}");
    }
}

#[tokio::test]
async fn languages_resolve_from_cookie_then_accept_language() {
    let app = spawn_app(Backend::Sqlite).await;
    let raw = reqwest::Client::new();
    let message = |req: reqwest::RequestBuilder| async move {
        json(req.send().await.unwrap()).await.1["error"]["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let url = app.url("/api/v1/me");
    assert_eq!(message(raw.get(&url)).await, "Please sign in to continue.");
    assert_eq!(
        message(raw.get(&url).header(ACCEPT_LANGUAGE, "zh-Hans-CN,zh;q=0.9")).await,
        "请先登录。"
    );
    assert_eq!(
        message(
            raw.get(&url)
                .header(ACCEPT_LANGUAGE, "zh-CN")
                .header(COOKIE, "agentdesk_lang=en")
        )
        .await,
        "Please sign in to continue."
    );
    assert_eq!(
        message(raw.get(&url).header(ACCEPT_LANGUAGE, "fr-FR")).await,
        "Please sign in to continue."
    );
    let page = raw
        .get(app.url("/nope"))
        .header(ACCEPT_LANGUAGE, "zh-CN")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    assert!(
        page.headers()
            .get(CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(html.contains("页面不存在"), "{html}");
}

#[tokio::test]
async fn pages_render_in_every_locale_without_raw_keys() {
    let app = spawn_app(Backend::Sqlite).await;
    let admin = app.admin().await;
    for locale in agentdesk_core::domain::Locale::ALL {
        let (status, _) = json(
            admin
                .patch(app.url("/api/v1/me"))
                .json(&json!({"locale": locale.tag()}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        for path in ["/inbox", "/preferences/profile", "/admin/agents"] {
            let res = admin.get(app.url(path)).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let html = res.text().await.unwrap();
            assert!(
                !html.contains(agentdesk::i18n::MISSING_MARK),
                "{path} in {locale:?} shows a raw key"
            );
            assert!(
                html.contains(&format!("lang=\"{}\"", locale.tag())),
                "{path}"
            );
        }
        let login = app
            .client()
            .get(app.url("/login"))
            .header(COOKIE, format!("agentdesk_lang={}", locale.tag()))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!login.contains(agentdesk::i18n::MISSING_MARK));
        assert!(!login.contains("<script>"), "no inline scripts");
    }
}

#[tokio::test]
async fn pages_redirect_when_signed_out_and_escape_user_text() {
    let app = spawn_app(Backend::Sqlite).await;
    let anon = app.client();
    for path in ["/inbox", "/preferences/profile", "/admin/agents"] {
        let res = anon.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(res.headers().get("location").unwrap(), "/login");
    }
    assert_eq!(
        anon.get(app.url("/"))
            .send()
            .await
            .unwrap()
            .headers()
            .get("location")
            .unwrap(),
        "/login"
    );
    let agent = app.agent(2).await;
    assert_eq!(
        agent
            .get(app.url("/"))
            .send()
            .await
            .unwrap()
            .headers()
            .get("location")
            .unwrap(),
        "/inbox"
    );
    let evil = "<img src=x onerror=alert(1)>";
    let (status, _) = json(
        agent
            .patch(app.url("/api/v1/me"))
            .json(&json!({"first_name": evil}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let html = agent
        .get(app.url("/preferences/profile"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains(evil), "user text must be escaped");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;") || html.contains("&#60;img"),
        "escaped name expected"
    );
}

#[tokio::test]
async fn openapi_documents_every_api_route() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, doc) = json(reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    let expected = [
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/auth/otp", "post"),
        ("/api/v1/auth/otp/resend", "post"),
        ("/api/v1/me/two-factor/challenge", "post"),
        ("/api/v1/me/two-factor", "put"),
        ("/api/v1/me/two-factor/qr/{challenge_id}", "get"),
        ("/api/v1/me/recovery-codes", "post"),
        ("/api/v1/me/otp/resend", "post"),
        ("/api/v1/me/phone", "post"),
        ("/api/v1/me/phone", "delete"),
        ("/api/v1/me/phone/verify", "post"),
        ("/api/v1/me/security-events", "get"),
        ("/api/v1/me/sessions", "get"),
        ("/api/v1/me/sessions", "delete"),
        ("/api/v1/dev/outbox", "get"),
        ("/api/v1/admin/security", "get"),
        ("/api/v1/admin/security", "put"),
        ("/api/v1/me", "get"),
        ("/api/v1/me", "patch"),
        ("/api/v1/me/avatar", "put"),
        ("/api/v1/me/avatar", "delete"),
        ("/api/v1/avatars/{file}", "get"),
        ("/api/v1/me/password", "post"),
        ("/api/v1/me/password/strength", "post"),
        ("/api/v1/admin/agents", "get"),
        ("/api/v1/admin/agents", "post"),
        ("/api/v1/admin/agents/{id}/deactivate", "post"),
        ("/api/v1/admin/agents/{id}/reactivate", "post"),
        ("/healthz", "get"),
        ("/readyz", "get"),
        ("/api/v1/admin/whatsapp-numbers", "post"),
        ("/api/v1/admin/whatsapp-numbers/{id}", "patch"),
        ("/api/v1/admin/whatsapp-numbers/{id}", "delete"),
        ("/api/v1/whatsapp-numbers", "get"),
        ("/api/v1/conversations", "get"),
        ("/api/v1/conversations/counts", "get"),
        ("/api/v1/conversations/{id}", "get"),
        ("/api/v1/conversations/{id}/messages", "get"),
        ("/api/v1/conversations/{id}/messages", "post"),
        ("/api/v1/conversations/{id}/assignee", "put"),
        ("/api/v1/conversations/{id}/status", "put"),
        ("/api/v1/me/availability", "put"),
        ("/api/v1/agents", "get"),
        ("/api/v1/events", "get"),
        ("/api/v1/messages/{id}/media", "get"),
        ("/api/v1/canned-responses", "get"),
        ("/api/v1/emojis", "get"),
        ("/api/v1/canned-responses", "post"),
        ("/api/v1/canned-responses/{id}", "patch"),
        ("/api/v1/canned-responses/{id}", "delete"),
        ("/api/v1/canned-responses/{id}/attachment", "get"),
        ("/api/v1/admin/canned-responses", "post"),
        ("/api/v1/admin/canned-responses/{id}", "patch"),
        ("/api/v1/admin/canned-responses/{id}", "delete"),
        ("/webhooks/whatsapp", "get"),
        ("/webhooks/whatsapp", "post"),
    ];
    for (path, method) in expected {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} undocumented"
        );
    }
    let documented: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert_eq!(
        documented,
        expected.len(),
        "a route is documented that this test does not know: update the list"
    );
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
}

#[tokio::test]
async fn readyz_reports_the_database_and_the_files() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, body) = json(reqwest::get(app.url("/readyz")).await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"status": "ready", "database": true, "files": true})
    );
    // File storage that cannot be written: not ready, and says which part.
    let blocked = tempfile::tempdir().unwrap();
    let file = blocked.path().join("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.database_url = Some(agentdesk::config::Secret::new(format!(
            "sqlite://{}",
            blocked.path().join("t.db").display()
        )));
        c.data_dir = file.clone();
    })
    .await;
    let (status, body) = json(reqwest::get(app.url("/readyz")).await.unwrap()).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        body,
        json!({"status": "not_ready", "database": true, "files": false})
    );
}

#[tokio::test]
async fn healthz_reports_the_database() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, body) = json(reqwest::get(app.url("/healthz")).await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"status": "ok", "database": "sqlite"}));
}

#[tokio::test]
async fn the_simulator_exists_only_where_the_emulator_runs() {
    let demo = spawn_app(Backend::Sqlite).await;
    assert_eq!(
        reqwest::get(demo.url("/simulator")).await.unwrap().status(),
        StatusCode::OK
    );
    assert_eq!(
        reqwest::get(demo.url("/emulator/graph/sim/numbers"))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let plain = spawn_app_with(Backend::Sqlite, |c| c.demo = false).await;
    assert_eq!(
        reqwest::get(plain.url("/simulator"))
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        reqwest::get(plain.url("/emulator/graph/sim/numbers"))
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let real_api = spawn_app_with(Backend::Sqlite, |c| {
        c.whatsapp.api_base = "https://graph.example/v21.0".into()
    })
    .await;
    assert_eq!(
        reqwest::get(real_api.url("/simulator"))
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
}
