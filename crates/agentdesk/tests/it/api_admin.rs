//! Admin › Agents through the API: only admins, company-scoped, deactivation ends sessions.

use agentdesk_core::domain::{Email, NewUser, PersonName, Role};
use reqwest::StatusCode;
use serde_json::json;

use agentdesk_core::Clock;

use crate::on_both_backends;
use crate::support::*;

on_both_backends!(admins_create_deactivate_and_reactivate_agents);

async fn admins_create_deactivate_and_reactivate_agents(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin().await;
    let (status, list) = json(
        admin
            .get(app.url("/api/v1/admin/agents"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let emails: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails[0], "admin@demo.test", "admins first");
    assert_eq!(emails.len(), 4);

    let new = json!({"email": "Nora.Lee@Demo.test", "first_name": " Nora ", "last_name": "Lee", "role": "agent", "password": "sunrise over the harbour"});
    let (status, created) = json(
        admin
            .post(app.url("/api/v1/admin/agents"))
            .json(&new)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["first_name"], "Nora");
    assert_eq!(created["active"], true);
    let nora = app
        .signed_in("nora.lee@demo.test", "sunrise over the harbour")
        .await;

    // The same email in another case is the same identity.
    let mut dup = new.clone();
    dup["email"] = json!("NORA.LEE@demo.test");
    let (status, body) = json(
        admin
            .post(app.url("/api/v1/admin/agents"))
            .json(&dup)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(status, &body, StatusCode::CONFLICT, "email_taken");

    // Deactivation ends the agent's sessions at once and blocks sign-in.
    let id = created["id"].as_i64().unwrap();
    let (status, body) = json(
        admin
            .post(app.url(&format!("/api/v1/admin/agents/{id}/deactivate")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["active"], false);
    assert_eq!(
        nora.get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let (status, _) = json(
        app.login_response(
            &app.client(),
            "nora.lee@demo.test",
            "sunrise over the harbour",
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (status, _) = json(
        admin
            .post(app.url(&format!("/api/v1/admin/agents/{id}/reactivate")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    app.signed_in("nora.lee@demo.test", "sunrise over the harbour")
        .await;
}

#[tokio::test]
async fn new_agents_are_validated_field_by_field() {
    let app = spawn_app(Backend::Sqlite).await;
    let admin = app.admin().await;
    let post = |body: serde_json::Value| {
        let req = admin.post(app.url("/api/v1/admin/agents")).json(&body);
        async move { json(req.send().await.unwrap()).await }
    };
    let (status, body) = post(json!({"email": "nope", "first_name": "", "last_name": "x".repeat(51), "role": "owner", "password": "whatever-long-enough"})).await;
    assert_error(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    let fields = &body["error"]["fields"];
    assert_eq!(fields["email"]["code"], "invalid_format");
    assert_eq!(fields["first_name"]["code"], "required");
    assert_eq!(fields["last_name"]["code"], "too_long");
    assert_eq!(fields["role"]["code"], "unsupported");
    assert!(fields["email"]["message"].as_str().unwrap().len() > 5);
    assert!(
        fields.get("password").is_none(),
        "a fine password is not flagged"
    );

    // A weak password is reported in the same answer as the other problems.
    let (status, body) = post(json!({"email": "nope", "first_name": "Omar", "last_name": "Haddad", "role": "agent", "password": "123456789"})).await;
    assert_eq!(
        (status, error_code(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
    );
    assert_eq!(body["error"]["fields"]["email"]["code"], "invalid_format");
    assert_eq!(body["error"]["fields"]["password"]["code"], "too_common");

    for (password, code) in [
        ("short", "too_short"),
        ("password1", "too_common"),
        ("omar-haddad-2024", "contains_personal_data"),
    ] {
        let (status, body) = post(json!({"email": "omar@demo.test", "first_name": "Omar", "last_name": "Haddad", "role": "agent", "password": password})).await;
        assert_error(
            status,
            &body,
            StatusCode::UNPROCESSABLE_ENTITY,
            "weak_password",
        );
        assert_eq!(
            body["error"]["fields"]["password"]["code"], code,
            "{password}"
        );
    }
    // Mass assignment: unknown fields are refused, not ignored.
    let (status, body) = post(json!({"email": "omar@demo.test", "first_name": "Omar", "last_name": "Haddad", "role": "agent", "password": "a long and fine phrase", "active": false, "company_id": 99})).await;
    assert_error(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    );
}

#[tokio::test]
async fn agents_cannot_reach_admin_routes() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let admin_id = app.user_id("admin@demo.test").await;
    let attempts = [
        agent.get(app.url("/api/v1/admin/agents")),
        agent.post(app.url("/api/v1/admin/agents")).json(&json!({"email": "x@demo.test", "first_name": "X", "last_name": "Y", "role": "admin", "password": "a long and fine phrase"})),
        agent.post(app.url(&format!("/api/v1/admin/agents/{admin_id}/deactivate"))),
    ];
    for req in attempts {
        let (status, body) = json(req.send().await.unwrap()).await;
        assert_error(status, &body, StatusCode::FORBIDDEN, "forbidden");
    }
    for path in ["/admin/agents", "/admin/numbers"] {
        let page = agent.get(app.url(path)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::FORBIDDEN, "{path}");
        assert!(
            page.text().await.unwrap().contains("Access denied"),
            "{path}"
        );
    }
    // Anonymous callers are told to sign in, not that the route is forbidden.
    let (status, body) = json(
        app.client()
            .get(app.url("/api/v1/admin/agents"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn admins_only_manage_their_own_company() {
    let app = spawn_app(Backend::Sqlite).await;
    let hash = app
        .state
        .passwords()
        .hash("other company secret")
        .await
        .unwrap();
    let outsider = app
        .state
        .store()
        .create_user(
            &NewUser {
                company_name: "Other Co".into(),
                email: Email::parse("boss@other.test").unwrap(),
                first_name: PersonName::parse("Bo").unwrap(),
                last_name: PersonName::parse("Ss").unwrap(),
                role: Role::Agent,
                locale: None,
                password_hash: hash.into(),
            },
            app.clock.now(),
        )
        .await
        .unwrap();
    let admin = app.admin().await;
    let (status, list) = json(
        admin
            .get(app.url("/api/v1/admin/agents"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!list.to_string().contains("boss@other.test"));
    let (status, body) = json(
        admin
            .post(app.url(&format!(
                "/api/v1/admin/agents/{}/deactivate",
                outsider.id.0
            )))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another company's user is not even acknowledged"
    );
    assert_eq!(error_code(&body), "not_found");
    let (status, body) = json(
        admin
            .post(app.url("/api/v1/admin/agents/999999/deactivate"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::NOT_FOUND, "not_found".to_owned())
    );
    let own = app.user_id("admin@demo.test").await;
    let (status, body) = json(
        admin
            .post(app.url(&format!("/api/v1/admin/agents/{own}/deactivate")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(
        status,
        &body,
        StatusCode::CONFLICT,
        "cannot_deactivate_self",
    );
}
