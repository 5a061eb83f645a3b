//! Canned responses through HTTP: every limit and error code, scoping (another agent's or another
//! company's id is 404, agents on the admin endpoints 403), the picker's search with filled
//! placeholders, and sending with `canned_response_id` through a local Cloud API server.

use std::time::Duration;

use agentdesk_core::Clock;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::*;

on_both_backends!(presets_and_personal_responses_keep_to_their_owners);

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj <<>> endobj\n";

async fn create(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    json(client.post(app.url(path)).json(&body).send().await.unwrap()).await
}

/// A multipart create with a file.
async fn create_with_file(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    code: &str,
    content: &str,
    file: (&[u8], &str),
) -> (StatusCode, Value) {
    let form = reqwest::multipart::Form::new()
        .text("short_code", code.to_owned())
        .text("content", content.to_owned())
        .text("tags", "Billing")
        .part(
            "file",
            reqwest::multipart::Part::bytes(file.0.to_vec()).file_name(file.1.to_owned()),
        );
    json(
        client
            .post(app.url(path))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await
}

async fn search(client: &reqwest::Client, app: &TestApp, query: &str) -> Vec<Value> {
    let (status, body) = json(
        client
            .get(app.url("/api/v1/canned-responses"))
            .query(&[("q", query)])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array().unwrap().clone()
}

fn field_code<'a>(body: &'a Value, field: &str) -> &'a str {
    body["error"]["fields"][field]["code"]
        .as_str()
        .unwrap_or_default()
}

#[tokio::test]
async fn every_limit_and_error_code() {
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let path = "/api/v1/canned-responses";
    // Short code: 50 characters (of any script) are fine, 51 are not; no whitespace.
    let (status, made) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "ü".repeat(50), "content": "ok"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert_eq!(made["scope"], "personal");
    assert!(!made["created_by"]["name"].as_str().unwrap().is_empty());
    let (status, err) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "a".repeat(51), "content": "ok"}),
    )
    .await;
    assert_error(
        status,
        &err,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    assert_eq!(field_code(&err, "short_code"), "too_long");
    for bad in ["two words", "tab\tcode", "a\nb", "<b>", ""] {
        let (status, err) = create(
            &agent,
            &app,
            path,
            json!({"short_code": bad, "content": "ok"}),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}: {err}");
        assert!(!field_code(&err, "short_code").is_empty(), "{bad:?}");
    }
    // A typed "/" is dropped; Arabic and Chinese codes are codes.
    for (code, stored) in [("/slash", "slash"), ("شكرا", "شكرا"), ("退款", "退款")] {
        let (status, made) = create(
            &agent,
            &app,
            path,
            json!({"short_code": code, "content": "x"}),
        )
        .await;
        assert_eq!(
            (status, made["short_code"].as_str().unwrap()),
            (StatusCode::CREATED, stored)
        );
    }
    // Content: 4,096 characters, or 1,024 with an attachment.
    let (status, _) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "c4096", "content": "é".repeat(4096)}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, err) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "c4097", "content": "é".repeat(4097)}),
    )
    .await;
    assert_eq!(
        (status, field_code(&err, "content")),
        (StatusCode::UNPROCESSABLE_ENTITY, "too_long")
    );
    let (status, with_file) = create_with_file(
        &agent,
        &app,
        path,
        "f1024",
        &"x".repeat(1024),
        (PDF, "a.pdf"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{with_file}");
    assert_eq!(with_file["attachment"]["mime_type"], "application/pdf");
    assert_eq!(with_file["attachment"]["filename"], "a.pdf");
    assert_eq!(with_file["attachment"]["size"], PDF.len());
    assert_eq!(with_file["tags"], json!(["Billing"]));
    let (status, err) = create_with_file(
        &agent,
        &app,
        path,
        "f1025",
        &"x".repeat(1025),
        (PDF, "a.pdf"),
    )
    .await;
    assert_eq!(
        (status, field_code(&err, "content")),
        (StatusCode::UNPROCESSABLE_ENTITY, "too_long")
    );
    // Blank content, missing fields.
    let (status, err) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "blank", "content": "  \n "}),
    )
    .await;
    assert_eq!(
        (status, field_code(&err, "content")),
        (StatusCode::UNPROCESSABLE_ENTITY, "required")
    );
    let (status, err) = create(&agent, &app, path, json!({"short_code": "nocontent"})).await;
    assert_error(
        status,
        &err,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    );
    // Tags: at most ten of 1–30 characters.
    let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
    let (status, err) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "tags", "content": "x", "tags": eleven}),
    )
    .await;
    assert_eq!(
        (status, field_code(&err, "tags")),
        (StatusCode::UNPROCESSABLE_ENTITY, "too_long")
    );
    let (status, err) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "tags", "content": "x", "tags": ["t".repeat(31)]}),
    )
    .await;
    assert_eq!(
        (status, field_code(&err, "tags")),
        (StatusCode::UNPROCESSABLE_ENTITY, "too_long")
    );
    // Unknown fields are refused, not ignored.
    let (status, err) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "u", "content": "x", "owner_id": 1}),
    )
    .await;
    assert_error(
        status,
        &err,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    );
    // Attachments: typed by their bytes, limited per type.
    let (status, err) = create_with_file(
        &agent,
        &app,
        path,
        "html",
        "x",
        (b"<html><script>alert(1)</script>", "cat.png"),
    )
    .await;
    assert_error(
        status,
        &err,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    let mut image = b"\x89PNG\r\n\x1a\n".to_vec();
    image.resize(5 * 1024 * 1024, 0);
    let (status, _) = create_with_file(&agent, &app, path, "img5", "x", (&image, "ok.png")).await;
    assert_eq!(status, StatusCode::CREATED, "an image of exactly 5 MB");
    image.push(0);
    let (status, err) =
        create_with_file(&agent, &app, path, "img5b", "x", (&image, "big.png")).await;
    assert_error(
        status,
        &err,
        StatusCode::PAYLOAD_TOO_LARGE,
        "file_too_large",
    );
    let mut audio = b"OggS\0".to_vec();
    audio.resize(16 * 1024 * 1024 + 1, 0);
    let (status, err) = create_with_file(&agent, &app, path, "ogg", "x", (&audio, "a.ogg")).await;
    assert_error(
        status,
        &err,
        StatusCode::PAYLOAD_TOO_LARGE,
        "file_too_large",
    );
    // Bodies that are neither JSON nor a form.
    let (status, err) = json(
        agent
            .post(app.url(path))
            .body("short_code=x")
            .header("content-type", "text/plain")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(
        status,
        &err,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    let (status, err) = json(
        agent
            .post(app.url(path))
            .body("{nope")
            .header("content-type", "application/json")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(status, &err, StatusCode::BAD_REQUEST, "malformed_body");
    // Placeholders: only the known ones; the unknown one is named, with the valid ones.
    for (content, named) in [
        ("{{7*7}}", "7*7"),
        ("Hi {{ user.password }}", "user.password"),
        (
            "{{contact.first_name|x}} {{company.secret}}",
            "company.secret",
        ),
    ] {
        let (status, err) = create(
            &agent,
            &app,
            path,
            json!({"short_code": "ph", "content": content}),
        )
        .await;
        assert_error(
            status,
            &err,
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_placeholder",
        );
        assert_eq!(err["error"]["placeholder"], named, "{err}");
        let valid = err["error"]["valid_placeholders"].as_array().unwrap();
        assert_eq!(valid.len(), 7);
        assert!(valid.contains(&json!("{{contact.first_name}}")));
        let message = err["error"]["message"].as_str().unwrap();
        assert!(
            message.contains(named) && message.contains("{{company.name}}"),
            "{message}"
        );
    }
    // Short codes are unique per agent, compared case-insensitively.
    let (status, _) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "Thanks", "content": "x"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, err) = create(
        &agent,
        &app,
        path,
        json!({"short_code": "THANKS", "content": "y"}),
    )
    .await;
    assert_error(status, &err, StatusCode::CONFLICT, "short_code_taken");
    // Edits: the same checks; adding a file to long content, or a second "thanks", is refused.
    let long = create(
        &agent,
        &app,
        path,
        json!({"short_code": "long", "content": "x".repeat(2000)}),
    )
    .await
    .1;
    let id = long["id"].as_i64().unwrap();
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("b.pdf"),
    );
    let (status, err) = json(
        agent
            .patch(app.url(&format!("{path}/{id}")))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, field_code(&err, "content")),
        (StatusCode::UNPROCESSABLE_ENTITY, "too_long"),
        "{err}"
    );
    let (status, err) = json(
        agent
            .patch(app.url(&format!("{path}/{id}")))
            .json(&json!({"short_code": "thanks"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(status, &err, StatusCode::CONFLICT, "short_code_taken");
    let (status, err) = json(
        agent
            .patch(app.url(&format!("{path}/{id}")))
            .json(&json!({"content": "{{nope}}"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(
        status,
        &err,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown_placeholder",
    );
    let (status, err) = json(
        agent
            .patch(app.url(&format!("{path}/{id}")))
            .json(&json!({"color": "red"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(
        status,
        &err,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    );
    let (status, edited) = json(
        agent
            .patch(app.url(&format!("{path}/{id}")))
            .json(&json!({"content": "Short now", "tags": ["VIP"]}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(
        (edited["content"].as_str(), edited["tags"].clone()),
        (Some("Short now"), json!(["VIP"]))
    );
    // The attachment can be replaced, served, and removed.
    let with_id = with_file["id"].as_i64().unwrap();
    let res = agent
        .get(app.url(&format!("{path}/{with_id}/attachment")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);
    let (status, removed) = json(
        agent
            .patch(app.url(&format!("{path}/{with_id}")))
            .json(&json!({"remove_attachment": true}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, removed["attachment"].clone()),
        (StatusCode::OK, Value::Null)
    );
    let res = agent
        .get(app.url(&format!("{path}/{with_id}/attachment")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Search parameters are checked too.
    for (k, v) in [
        ("limit", "0"),
        ("limit", "501"),
        ("q", &"q".repeat(201)),
        ("scope", "everyone"),
        ("tag", &"t".repeat(31)),
        ("sort", "x"),
    ] {
        let res = agent
            .get(app.url(path))
            .query(&[(k, v)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{k}={v}");
    }
    // Delete, then it is gone.
    let res = agent
        .delete(app.url(&format!("{path}/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = agent
        .delete(app.url(&format!("{path}/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Signed out, nothing.
    let res = app.client().get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

async fn outsider(app: &TestApp) -> reqwest::Client {
    app.other_company_admin("o@other.test", "outsider pass phrase")
        .await
}

async fn presets_and_personal_responses_keep_to_their_owners(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin().await;
    let (ana, bo) = (app.agent(1).await, app.agent(2).await);
    let other = outsider(&app).await;
    let (status, preset) = create(
        &admin,
        &app,
        "/api/v1/admin/canned-responses",
        json!({"short_code": "hello", "content": "Company hello", "tags": ["Greeting"]}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{preset}");
    assert_eq!(preset["scope"], "company");
    let preset_id = preset["id"].as_i64().unwrap();
    // A personal code may equal a preset's; both are listed, the scope tells them apart.
    let (_, mine) = create(
        &ana,
        &app,
        "/api/v1/canned-responses",
        json!({"short_code": "Hello", "content": "Ana's hello"}),
    )
    .await;
    let mine_id = mine["id"].as_i64().unwrap();
    let found = search(&ana, &app, "hello").await;
    let mut scopes: Vec<&str> = found.iter().map(|r| r["scope"].as_str().unwrap()).collect();
    scopes.sort();
    assert_eq!(scopes, ["company", "personal"]);
    assert_eq!(
        search(&bo, &app, "hello").await.len(),
        1,
        "Bo sees the preset, not Ana's own"
    );
    assert!(
        search(&other, &app, "hello").await.is_empty(),
        "another company sees neither"
    );
    // Agents may not write presets.
    let (status, err) = create(
        &ana,
        &app,
        "/api/v1/admin/canned-responses",
        json!({"short_code": "x", "content": "x"}),
    )
    .await;
    assert_error(status, &err, StatusCode::FORBIDDEN, "forbidden");
    for (method, path) in [
        (
            "PATCH",
            format!("/api/v1/admin/canned-responses/{preset_id}"),
        ),
        (
            "DELETE",
            format!("/api/v1/admin/canned-responses/{preset_id}"),
        ),
    ] {
        let res = ana
            .request(method.parse().unwrap(), app.url(&path))
            .json(&json!({"content": "hijacked"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{method} {path}");
    }
    // Nobody reaches a response that is not theirs by id: Bo on Ana's, an agent on a preset
    // through the personal endpoints, another company's admin on either.
    let attempts = [
        (&bo, "PATCH", format!("/api/v1/canned-responses/{mine_id}")),
        (&bo, "DELETE", format!("/api/v1/canned-responses/{mine_id}")),
        (
            &bo,
            "GET",
            format!("/api/v1/canned-responses/{mine_id}/attachment"),
        ),
        (
            &ana,
            "PATCH",
            format!("/api/v1/canned-responses/{preset_id}"),
        ),
        (
            &ana,
            "DELETE",
            format!("/api/v1/canned-responses/{preset_id}"),
        ),
        (
            &admin,
            "PATCH",
            format!("/api/v1/admin/canned-responses/{mine_id}"),
        ),
        (
            &admin,
            "DELETE",
            format!("/api/v1/admin/canned-responses/{mine_id}"),
        ),
        (
            &other,
            "PATCH",
            format!("/api/v1/admin/canned-responses/{preset_id}"),
        ),
        (
            &other,
            "DELETE",
            format!("/api/v1/admin/canned-responses/{preset_id}"),
        ),
        (
            &other,
            "PATCH",
            format!("/api/v1/canned-responses/{mine_id}"),
        ),
    ];
    for (client, method, path) in attempts {
        let (status, err) = json(
            client
                .request(method.parse().unwrap(), app.url(&path))
                .json(&json!({"content": "hijacked"}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_error(status, &err, StatusCode::NOT_FOUND, "not_found");
    }
    let texts: Vec<String> = search(&ana, &app, "")
        .await
        .iter()
        .map(|r| r["content"].as_str().unwrap().to_owned())
        .collect();
    assert!(!texts.iter().any(|t| t == "hijacked"), "{texts:?}");
    // The admin edits and deletes the preset.
    let (status, edited) = json(
        admin
            .patch(app.url(&format!("/api/v1/admin/canned-responses/{preset_id}")))
            .json(&json!({"short_code": "hi"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, edited["short_code"].as_str()),
        (StatusCode::OK, Some("hi"))
    );
    let (status, err) = create(
        &admin,
        &app,
        "/api/v1/admin/canned-responses",
        json!({"short_code": "HI", "content": "dup"}),
    )
    .await;
    assert_error(status, &err, StatusCode::CONFLICT, "short_code_taken");
    let res = admin
        .delete(app.url(&format!("/api/v1/admin/canned-responses/{preset_id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(search(&bo, &app, "h").await.len(), 0);
}

#[tokio::test]
async fn placeholders_fill_for_the_conversation_and_sending_uses_the_stored_file() {
    let (app, graph) = inbox_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let now = app.clock.now().0 / 1000;
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.CR1",
            "US.700",
            "María José",
            "hola",
            now,
        ),
    )
    .await;
    deliver(
        &app,
        &text_payload(MANUAL_NUMBER, "wamid.CR2", "US.701", "", "who am I", now),
    )
    .await;
    let list = json(
        agent
            .get(app.url("/api/v1/conversations?view=all"))
            .send()
            .await
            .unwrap(),
    )
    .await
    .1;
    let by_name = |name: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["contact"]["name"].as_str().unwrap_or_default() == name)
            .map(|c| c["id"].as_i64().unwrap())
    };
    let maria = by_name("María José").expect("María's conversation");
    let nameless = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .find(|id| *id != maria)
        .unwrap();
    let content = "Hi {{contact.first_name|there}} ({{contact.name}}), {{agent.first_name}} from {{company.name}} on {{number.name}}. {{contact.phone}}";
    let (status, made) = create_with_file(
        &agent,
        &app,
        "/api/v1/canned-responses",
        "invoice",
        content,
        (PDF, "invoice 8812.pdf"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let id = made["id"].as_i64().unwrap();
    let rendered = |conversation: i64| {
        let agent = agent.clone();
        let url = app.url("/api/v1/canned-responses");
        async move {
            let (status, body) = json(
                agent
                    .get(url)
                    .query(&[
                        ("q", "invoice".to_owned()),
                        ("conversation_id", conversation.to_string()),
                    ])
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            body[0]["rendered"].as_str().unwrap().to_owned()
        }
    };
    // (These customers are known by their business-scoped id only: no phone to fill.)
    let filled = rendered(maria).await.trim().to_owned();
    assert!(filled.starts_with("Hi María (María José), "), "{filled}");
    assert!(!filled.contains("{{") && !filled.contains("}}"), "{filled}");
    let empty = rendered(nameless).await;
    assert!(
        empty.starts_with("Hi there (), "),
        "fallback, and nothing for a missing value: {empty}"
    );
    // Without conversation_id there is no `rendered`; another company's conversation is 404.
    assert!(
        search(&agent, &app, "invoice").await[0]
            .get("rendered")
            .is_none()
    );
    let other = outsider(&app).await;
    let res = other
        .get(app.url("/api/v1/canned-responses"))
        .query(&[("conversation_id", maria)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Sending with the id and no text: the filled content goes as the caption of the stored
    // file, which is uploaded to the media endpoint and sent by id.
    let url = app.url(&format!("/api/v1/conversations/{maria}/messages"));
    let (status, m) = json(
        agent
            .post(&url)
            .json(&json!({"canned_response_id": id}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{m}");
    assert_eq!(m["type"], "document");
    assert_eq!(m["text"].as_str().unwrap(), filled);
    let calls = eventually("upload then send", Duration::from_secs(10), || async {
        let c = graph.sent();
        (c.len() >= 2).then_some(c)
    })
    .await;
    assert_eq!(calls[0].0, format!("{MANUAL_NUMBER}/media"));
    assert_eq!(calls[0].2["file"], PDF.len());
    assert_eq!(calls[0].2["file.filename"], "invoice 8812.pdf");
    assert_eq!(calls[1].2["document"]["id"], calls[0].2["id"]);
    assert_eq!(calls[1].2["document"]["caption"].as_str().unwrap(), filled);
    // With text, the text is sent (the agent edited it) and the file still goes along.
    let (status, m) = json(
        agent
            .post(&url)
            .json(&json!({"canned_response_id": id, "text": "Edited"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, m["text"].as_str()),
        (StatusCode::CREATED, Some("Edited"))
    );
    // A text-only response sends its filled text.
    let (_, plain) = create(
        &agent,
        &app,
        "/api/v1/canned-responses",
        json!({"short_code": "bye", "content": "Bye {{contact.first_name}}!"}),
    )
    .await;
    let (status, m) = json(
        agent
            .post(&url)
            .json(&json!({"canned_response_id": plain["id"]}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, m["type"].as_str(), m["text"].as_str()),
        (StatusCode::CREATED, Some("text"), Some("Bye María!"))
    );
    let sent = eventually("the text send", Duration::from_secs(10), || async {
        graph
            .sent()
            .into_iter()
            .find(|c| c.2["type"] == "text" && c.2["text"]["body"] == "Bye María!")
    })
    .await;
    assert_eq!(sent.0, MANUAL_NUMBER);
    // Uses count for the ranking: "bye" (used once) now beats the newer "bye-2" on a tie.
    create(
        &agent,
        &app,
        "/api/v1/canned-responses",
        json!({"short_code": "bye-2", "content": "x"}),
    )
    .await;
    create(
        &agent,
        &app,
        "/api/v1/canned-responses",
        json!({"short_code": "bye-3", "content": "x"}),
    )
    .await;
    let codes: Vec<String> = search(&agent, &app, "b")
        .await
        .iter()
        .map(|r| r["short_code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes[0], "bye", "{codes:?}");
    // Another agent's response, or an unknown id, is not sent.
    let bo = app.agent(2).await;
    let (status, err) = json(
        bo.post(&url)
            .json(&json!({"canned_response_id": id}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(status, &err, StatusCode::NOT_FOUND, "not_found");
    let (status, _) = json(
        agent
            .post(&url)
            .json(&json!({"canned_response_id": 999_999}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Neither text nor a response: refused.
    let (status, err) = json(agent.post(&url).json(&json!({})).send().await.unwrap()).await;
    assert_eq!(
        (status, field_code(&err, "text")),
        (StatusCode::UNPROCESSABLE_ENTITY, "required")
    );
}
