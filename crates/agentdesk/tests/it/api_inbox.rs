//! The inbox through HTTP: numbers, the signed webhook, conversations, assignment, replies going
//! out through a Cloud API server that checks what it receives, statuses, the 24-hour window and
//! live events with resume.

use std::time::Duration;

use agentdesk::config::Secret;
use agentdesk_core::Clock;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

fn now_secs(app: &TestApp) -> i64 {
    app.clock.now().0 / 1000
}

async fn conversations(client: &reqwest::Client, app: &TestApp, view: &str) -> Vec<Value> {
    let (status, list) = json(
        client
            .get(app.url(&format!("/api/v1/conversations?view={view}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().unwrap().clone()
}

crate::on_both_backends!(customer_writes_agent_replies_statuses_arrive);

async fn customer_writes_agent_replies_statuses_arrive(backend: Backend) {
    let (app, graph) = inbox_app(backend).await;
    let admin = app.admin().await;
    let agent = app.agent(1).await;
    let ts = now_secs(&app);
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.IN1",
            "US.7777",
            "Ana Souza",
            "Olá, meu pedido atrasou",
            ts,
        ),
    )
    .await;

    // Manual number: unassigned, visible to everyone in the company.
    let unassigned = conversations(&agent, &app, "unassigned").await;
    assert_eq!(unassigned.len(), 1);
    let conv = &unassigned[0];
    assert_eq!(conv["status"], "open");
    assert_eq!(conv["initiated_by"], "customer");
    assert_eq!(conv["contact"]["name"], "Ana Souza");
    assert_eq!(conv["number"]["phone_number_id"], MANUAL_NUMBER);
    assert_eq!(conv["window_open"], true);
    let id = conv["id"].as_i64().unwrap();
    let (_, msgs) = json(
        agent
            .get(app.url(&format!("/api/v1/conversations/{id}/messages")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(msgs[0]["direction"], "in");
    assert_eq!(msgs[0]["text"], "Olá, meu pedido atrasou");
    assert_eq!(msgs[0]["wa_message_id"], "wamid.IN1");

    // The admin transfers it to agent 1.
    let agent1 = app.user_id("agent1@demo.test").await;
    let (status, body) = json(
        admin
            .put(app.url(&format!("/api/v1/conversations/{id}/assignee")))
            .json(&json!({"user_id": agent1}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(conversations(&agent, &app, "mine").await.len(), 1);
    assert!(conversations(&agent, &app, "unassigned").await.is_empty());
    let (_, detail) = json(
        agent
            .get(app.url(&format!("/api/v1/conversations/{id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let kinds: Vec<&str> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["created", "assigned"]);

    // The reply goes out through the Cloud API, addressed by the business-scoped id.
    let (status, sent) = json(
        agent
            .post(app.url(&format!("/api/v1/conversations/{id}/messages")))
            .json(&json!({"text": "Vou verificar agora 👍", "reply_to": "wamid.IN1"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{sent}");
    assert_eq!(sent["status"], "pending");
    let mid = sent["id"].as_i64().unwrap();
    let request = eventually("the Cloud API call", Duration::from_secs(10), || async {
        graph.sent().first().cloned()
    })
    .await;
    assert_eq!(request.0, MANUAL_NUMBER);
    assert_eq!(request.1.as_deref(), Some("Bearer demo-access-token"));
    assert_eq!(request.2["messaging_product"], "whatsapp");
    assert_eq!(request.2["type"], "text");
    assert_eq!(request.2["text"]["body"], "Vou verificar agora 👍");
    assert_eq!(request.2["context"]["message_id"], "wamid.IN1");
    assert_eq!(request.2["recipient"], "US.7777");
    let message = |wanted: &'static str| {
        let agent = agent.clone();
        let url = app.url(&format!("/api/v1/conversations/{id}/messages"));
        async move {
            let (_, msgs) = json(agent.get(url).send().await.unwrap()).await;
            let m = msgs
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["id"].as_i64() == Some(mid))
                .cloned()
                .unwrap();
            (m["status"] == wanted).then_some(m)
        }
    };
    let m = eventually("sent", Duration::from_secs(10), || message("sent")).await;
    let wamid = m["wa_message_id"].as_str().unwrap().to_owned();

    // Statuses arrive out of order: read, then a late delivered that must not downgrade it.
    deliver(
        &app,
        &status_payload(MANUAL_NUMBER, &wamid, "read", ts + 5, None),
    )
    .await;
    deliver(
        &app,
        &status_payload(MANUAL_NUMBER, &wamid, "delivered", ts + 3, None),
    )
    .await;
    eventually("read", Duration::from_secs(5), || message("read")).await;
}

#[tokio::test]
async fn webhook_signature_handshake_limits_and_replays() {
    let (app, _graph) = inbox_app(Backend::Sqlite).await;
    let raw_client = reqwest::Client::new();
    let hs = |token: &str| {
        raw_client.get(app.url(&format!("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444"))).send()
    };
    let ok = hs("verify-me").await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert!(
        ok.headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    assert_eq!(ok.text().await.unwrap(), "1158201444");
    assert_eq!(hs("wrong").await.unwrap().status(), StatusCode::FORBIDDEN);

    let payload = text_payload(
        MANUAL_NUMBER,
        "wamid.SIG1",
        "US.1",
        "Zé",
        "Caf\u{e9}",
        now_secs(&app),
    );
    let raw = serde_json::to_vec(&payload).unwrap();
    assert_eq!(
        post_webhook(&app, &raw, None).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post_webhook(&app, &raw, Some("sha256=deadbeef".into())).await,
        StatusCode::UNAUTHORIZED
    );
    let wrong_key = agentdesk::whatsapp::signature::sign(b"another-secret", &raw);
    assert_eq!(
        post_webhook(&app, &raw, Some(wrong_key)).await,
        StatusCode::UNAUTHORIZED
    );
    // The signature of a re-serialized body (same data, other bytes) does not fit the raw bytes.
    let pretty = serde_json::to_vec_pretty(&payload).unwrap();
    let sig_of_pretty = agentdesk::whatsapp::signature::sign(SECRET.as_bytes(), &pretty);
    assert_eq!(
        post_webhook(&app, &raw, Some(sig_of_pretty)).await,
        StatusCode::UNAUTHORIZED
    );
    let admin = app.admin().await;
    assert!(
        conversations(&admin, &app, "all").await.is_empty(),
        "nothing stored from refused deliveries"
    );

    // Escaped unicode signed over the exact bytes Meta sent.
    let escaped = format!(
        r#"{{"object":"whatsapp_business_account","entry":[{{"id":"W","changes":[{{"field":"messages","value":{{"messaging_product":"whatsapp","metadata":{{"display_phone_number":"1","phone_number_id":"{MANUAL_NUMBER}"}},"contacts":[{{"profile":{{"name":"Jos\u00e9"}},"user_id":"US.2"}}],"messages":[{{"from_user_id":"US.2","id":"wamid.ESC","timestamp":"{}","type":"text","text":{{"body":"Caf\u00e9 \ud83d\ude00 https:\/\/x.test"}}}}]}}}}]}}]}}"#,
        now_secs(&app)
    );
    let sig = agentdesk::whatsapp::signature::sign(SECRET.as_bytes(), escaped.as_bytes());
    assert_eq!(
        post_webhook(&app, escaped.as_bytes(), Some(sig.clone())).await,
        StatusCode::OK
    );
    // A validly signed replay is acknowledged and changes nothing.
    assert_eq!(
        post_webhook(&app, escaped.as_bytes(), Some(sig)).await,
        StatusCode::OK
    );
    let all = conversations(&admin, &app, "all").await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["contact"]["name"], "José");
    let id = all[0]["id"].as_i64().unwrap();
    let (_, msgs) = json(
        admin
            .get(app.url(&format!("/api/v1/conversations/{id}/messages")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(msgs.as_array().unwrap().len(), 1);
    assert_eq!(msgs[0]["text"], "Café 😀 https://x.test");

    // Unknown numbers are acknowledged and ignored; oversized bodies are refused unread.
    deliver(
        &app,
        &text_payload("999999", "wamid.UNK", "US.3", "X", "hi", now_secs(&app)),
    )
    .await;
    assert_eq!(conversations(&admin, &app, "all").await.len(), 1);
    let big = vec![b' '; 3 * 1024 * 1024 + 1];
    let sig = agentdesk::whatsapp::signature::sign(SECRET.as_bytes(), &big);
    assert_eq!(
        post_webhook(&app, &big, Some(sig)).await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    // Not JSON, but signed: a clear 400.
    let junk = b"not json";
    let sig = agentdesk::whatsapp::signature::sign(SECRET.as_bytes(), junk);
    assert_eq!(
        post_webhook(&app, junk, Some(sig)).await,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn cloud_api_errors_are_handled_as_documented() {
    let (app, graph) = inbox_app(Backend::Sqlite).await;
    let agent = app.agent(2).await;
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.E1",
            "US.55",
            "Budi",
            "halo",
            now_secs(&app),
        ),
    )
    .await;
    let id = conversations(&agent, &app, "all").await[0]["id"]
        .as_i64()
        .unwrap();
    let send = |text: &str| {
        let req = agent
            .post(app.url(&format!("/api/v1/conversations/{id}/messages")))
            .json(&json!({"text": text}));
        async move { json(req.send().await.unwrap()).await }
    };
    let status_of = |mid: i64| {
        let agent = agent.clone();
        let url = app.url(&format!("/api/v1/conversations/{id}/messages"));
        async move {
            let (_, msgs) = json(agent.get(url).send().await.unwrap()).await;
            msgs.as_array()
                .unwrap()
                .iter()
                .find(|m| m["id"].as_i64() == Some(mid))
                .cloned()
                .unwrap()
        }
    };
    // 130429: retried with backoff, then sent.
    graph.answer(400, json!({"error": {"message": "(#130429) Rate limit hit", "type": "OAuthException", "code": 130429, "error_data": {"messaging_product": "whatsapp", "details": "Cloud API message throughput has been reached."}, "fbtrace_id": "A"}}));
    let (_, m) = send("one").await;
    let mid = m["id"].as_i64().unwrap();
    eventually("the first attempt", Duration::from_secs(10), || async {
        (graph.sent().len() == 1).then_some(())
    })
    .await;
    assert_eq!(
        status_of(mid).await["status"],
        "pending",
        "waiting to retry"
    );
    app.clock.advance_secs(5);
    app.state.jobs().wake();
    eventually("the retry to succeed", Duration::from_secs(10), || async {
        (status_of(mid).await["status"] == "sent").then_some(())
    })
    .await;

    // 131047: failed, with the reason shown on the message.
    graph.answer(400, json!({"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047, "error_data": {"messaging_product": "whatsapp", "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."}, "fbtrace_id": "B"}}));
    let (_, m) = send("two").await;
    let mid = m["id"].as_i64().unwrap();
    let failed = eventually("the failure", Duration::from_secs(10), || async {
        let m = status_of(mid).await;
        (m["status"] == "failed").then_some(m)
    })
    .await;
    assert_eq!(failed["error"]["code"], 131047);
    assert!(
        failed["error"]["title"]
            .as_str()
            .unwrap()
            .contains("24 hours")
    );

    // 190: the number's token is flagged for the admin.
    graph.answer(401, json!({"error": {"message": "Error validating access token: Session has expired", "type": "OAuthException", "code": 190, "error_subcode": 463, "fbtrace_id": "C"}}));
    let (_, m) = send("three").await;
    let mid = m["id"].as_i64().unwrap();
    eventually("the failure", Duration::from_secs(10), || async {
        (status_of(mid).await["status"] == "failed").then_some(())
    })
    .await;
    let (_, numbers) = json(
        agent
            .get(app.url("/api/v1/whatsapp-numbers"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let manual = numbers
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["phone_number_id"] == MANUAL_NUMBER)
        .unwrap();
    assert_eq!(manual["token_invalid"], true);
    assert!(
        manual.get("access_token").is_none(),
        "tokens are never shown back"
    );
}

#[tokio::test]
async fn replies_outside_the_24_hour_window_are_refused_before_sending() {
    let (app, graph) = inbox_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.W1",
            "US.9",
            "Li",
            "你好",
            now_secs(&app),
        ),
    )
    .await;
    let id = conversations(&agent, &app, "all").await[0]["id"]
        .as_i64()
        .unwrap();
    app.clock.advance_secs(24 * 3600 + 1);
    let agent = app.agent(1).await; // the old session idled out meanwhile
    let (status, body) = json(
        agent
            .post(app.url(&format!("/api/v1/conversations/{id}/messages")))
            .json(&json!({"text": "hello?"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(status, &body, StatusCode::CONFLICT, "window_closed");
    assert!(graph.sent().is_empty());
    let conv = conversations(&agent, &app, "all").await;
    assert_eq!(conv[0]["window_open"], false);
    // Empty and over-long replies are refused with field errors.
    for text in ["   ".to_owned(), "x".repeat(4097)] {
        let (status, body) = json(
            agent
                .post(app.url(&format!("/api/v1/conversations/{id}/messages")))
                .json(&json!({"text": text}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body["error"]["fields"]["text"].is_object());
    }
}

#[tokio::test]
async fn numbers_are_admin_only_and_never_show_their_token() {
    let (app, _graph) = inbox_app(Backend::Sqlite).await;
    let admin = app.admin().await;
    let body = json!({"phone_number_id": "123456789012345", "display_phone_number": "+62 21 555 0199", "name": "Jakarta", "access_token": "EAAG-very-secret", "assignment": "round_robin"});
    let res = admin
        .post(app.url("/api/v1/admin/whatsapp-numbers"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let text = res.text().await.unwrap();
    assert!(!text.contains("EAAG-very-secret"), "{text}");
    let (status, err) = json(
        admin
            .post(app.url("/api/v1/admin/whatsapp-numbers"))
            .json(&body)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, error_code(&err).as_str()),
        (StatusCode::CONFLICT, "number_taken")
    );
    let (status, err) = json(admin.post(app.url("/api/v1/admin/whatsapp-numbers")).json(&json!({"phone_number_id": "12a", "display_phone_number": "", "name": "x", "access_token": "t", "assignment": "random"})).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for f in ["phone_number_id", "display_phone_number", "assignment"] {
        assert!(err["error"]["fields"][f].is_object(), "{f}: {err}");
    }
    let agent = app.agent(1).await;
    let (status, _) = json(
        agent
            .post(app.url("/api/v1/admin/whatsapp-numbers"))
            .json(&body)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn round_robin_availability_and_company_scoping() {
    let (app, _graph) = inbox_app(Backend::Sqlite).await;
    let a1 = app.agent(1).await;
    // Only agent 1 stays available.
    for n in [2, 3] {
        let c = app.agent(n).await;
        assert_eq!(
            c.put(app.url("/api/v1/me/availability"))
                .json(&json!({"availability": "away"}))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::NO_CONTENT
        );
    }
    let admin = app.admin().await;
    admin
        .put(app.url("/api/v1/me/availability"))
        .json(&json!({"availability": "offline"}))
        .send()
        .await
        .unwrap();
    let (status, _) = json(
        a1.put(app.url("/api/v1/me/availability"))
            .json(&json!({"availability": "busy"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    deliver(
        &app,
        &text_payload(RR_NUMBER, "wamid.RR1", "US.100", "C1", "oi", now_secs(&app)),
    )
    .await;
    let mine = conversations(&a1, &app, "mine").await;
    assert_eq!(
        mine.len(),
        1,
        "round robin gave it to the only available agent"
    );
    let id = mine[0]["id"].as_i64().unwrap();
    let (_, colleagues) = json(a1.get(app.url("/api/v1/agents")).send().await.unwrap()).await;
    let by_email: Vec<&str> = colleagues
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["availability"].as_str().unwrap())
        .collect();
    assert!(by_email.contains(&"away") && by_email.contains(&"available"));

    // Close, then the customer writes again: a new conversation.
    let (status, closed) = json(
        a1.put(app.url(&format!("/api/v1/conversations/{id}/status")))
            .json(&json!({"status": "closed"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, closed["status"].as_str()),
        (StatusCode::OK, Some("closed"))
    );
    deliver(
        &app,
        &text_payload(
            RR_NUMBER,
            "wamid.RR2",
            "US.100",
            "C1",
            "again",
            now_secs(&app),
        ),
    )
    .await;
    let (_, open) = json(
        a1.get(app.url("/api/v1/conversations?view=all&status=open"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(open.as_array().unwrap().len(), 1);
    assert_ne!(open[0]["id"].as_i64().unwrap(), id);
    let (status, err) = json(
        a1.put(app.url(&format!("/api/v1/conversations/{id}/status")))
            .json(&json!({"status": "open"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, error_code(&err).as_str()),
        (StatusCode::CONFLICT, "conversation_conflict")
    );

    // Another company's agent cannot see or touch it.
    let outsider = app
        .other_company_admin("o@other.test", "outsider pass phrase")
        .await;
    assert!(conversations(&outsider, &app, "all").await.is_empty());
    for (method, path) in [
        ("GET", format!("/api/v1/conversations/{id}")),
        ("GET", format!("/api/v1/conversations/{id}/messages")),
    ] {
        let (status, _) = json(
            outsider
                .request(method.parse().unwrap(), app.url(&path))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _) = json(
        outsider
            .put(app.url(&format!("/api/v1/conversations/{id}/assignee")))
            .json(&json!({"user_id": null}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // And an agent of this company cannot be assigned someone from another company.
    let outsider_id = app.user_id("o@other.test").await;
    let (status, _) = json(
        a1.put(app.url(&format!("/api/v1/conversations/{id}/assignee")))
            .json(&json!({"user_id": outsider_id}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// Reads server-sent events from a response until `want` events arrived.
async fn read_events(res: reqwest::Response, want: usize) -> Vec<(i64, Value)> {
    use futures_util::StreamExt;
    let mut stream = res.bytes_stream();
    let mut buf = String::new();
    let mut out = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while out.len() < want {
        let chunk = tokio::time::timeout_at(deadline, stream.next())
            .await
            .expect("events in time")
            .unwrap()
            .unwrap();
        buf.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buf.find("\n\n") {
            let block: String = buf.drain(..end + 2).collect();
            let id = block
                .lines()
                .find_map(|l| l.strip_prefix("id:"))
                .map(|v| v.trim().parse::<i64>().unwrap());
            let data = block
                .lines()
                .find_map(|l| l.strip_prefix("data:"))
                .map(|v| serde_json::from_str::<Value>(v.trim()).unwrap());
            if let (Some(id), Some(data)) = (id, data) {
                out.push((id, data));
            }
        }
    }
    out
}

#[tokio::test]
async fn live_events_arrive_and_resume_after_a_reconnect() {
    let (app, _graph) = inbox_app(Backend::Sqlite).await;
    let agent = app.agent(3).await;
    let res = agent.get(app.url("/api/v1/events")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.L1",
            "US.42",
            "Live",
            "first",
            now_secs(&app),
        ),
    )
    .await;
    let events = read_events(res, 2).await;
    assert_eq!(events[0].1["type"], "conversation");
    assert_eq!(events[1].1["type"], "message");
    assert_eq!(events[1].1["message"]["text"], "first");
    let last = events[1].0;
    // Offline while two more things happen; resuming from Last-Event-ID loses nothing.
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.L2",
            "US.42",
            "Live",
            "second",
            now_secs(&app),
        ),
    )
    .await;
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.L3",
            "US.42",
            "Live",
            "third",
            now_secs(&app),
        ),
    )
    .await;
    let res = agent
        .get(app.url("/api/v1/events"))
        .header("last-event-id", last.to_string())
        .send()
        .await
        .unwrap();
    let resumed = read_events(res, 2).await;
    let texts: Vec<&str> = resumed
        .iter()
        .map(|(_, d)| d["message"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["second", "third"]);
    assert!(resumed[0].0 > last);
    // Events are scoped to the company and need a session.
    let anon = reqwest::Client::new()
        .get(app.url("/api/v1/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn customer_media_is_downloaded_checked_and_served_to_the_company_only() {
    let (app, graph) = inbox_app(Backend::Sqlite).await;
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\nnot-really-but-bytes".to_vec();
    graph.add_media("MEDIA1", "image/png", png.clone());
    graph.add_media("MEDIA2", "text/html", b"<script>alert(1)</script>".to_vec());
    let media = |wamid: &str, id: &str, kind: &str, extra: Value| {
        let mut m = json!({"from_user_id": "US.321", "id": wamid, "timestamp": now_secs(&app).to_string(), "type": kind});
        let mut obj =
            json!({"id": id, "mime_type": if kind == "image" { "image/png" } else { "text/html" }});
        for (k, v) in extra.as_object().unwrap() {
            obj[k] = v.clone();
        }
        m[kind] = obj;
        json!({"object": "whatsapp_business_account", "entry": [{"id": "W", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp", "metadata": {"display_phone_number": "1", "phone_number_id": MANUAL_NUMBER},
            "contacts": [{"profile": {"name": "Pix"}, "user_id": "US.321"}], "messages": [m]}}]}]})
    };
    deliver(
        &app,
        &media(
            "wamid.IMG",
            "MEDIA1",
            "image",
            json!({"caption": "the damaged box"}),
        ),
    )
    .await;
    deliver(
        &app,
        &media(
            "wamid.DOC",
            "MEDIA2",
            "document",
            json!({"filename": "invoice \"final\".html"}),
        ),
    )
    .await;
    let agent = app.agent(1).await;
    let id = conversations(&agent, &app, "all").await[0]["id"]
        .as_i64()
        .unwrap();
    let msgs = eventually("both downloads", Duration::from_secs(10), || {
        let agent = agent.clone();
        let url = app.url(&format!("/api/v1/conversations/{id}/messages"));
        async move {
            let (_, msgs) = json(agent.get(url).send().await.unwrap()).await;
            let all = msgs.as_array().unwrap().clone();
            all.iter()
                .all(|m| m["media_url"].is_string())
                .then_some(all)
        }
    })
    .await;
    assert_eq!(msgs[0]["type"], "image");
    assert_eq!(msgs[0]["text"], "the damaged box");
    let img = agent
        .get(app.url(msgs[0]["media_url"].as_str().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(img.status(), StatusCode::OK);
    assert_eq!(img.headers().get("content-type").unwrap(), "image/png");
    assert_eq!(
        img.headers().get("x-content-type-options").unwrap(),
        "nosniff"
    );
    assert_eq!(img.bytes().await.unwrap().to_vec(), png);
    // Both files were fetched with the number's token: the info, then the bytes.
    let reads = graph.media_reads();
    assert!(reads.len() >= 4, "{reads:?}");
    assert!(
        reads
            .iter()
            .all(|(_, auth)| auth.as_deref() == Some("Bearer demo-access-token")),
        "{reads:?}"
    );
    // HTML never renders inline: it downloads, under an RFC 6266 filename.
    let doc = agent
        .get(app.url(msgs[1]["media_url"].as_str().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(
        doc.headers().get("content-type").unwrap(),
        "application/octet-stream"
    );
    let disposition = doc
        .headers()
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename*=UTF-8''invoice%20%22final%22.html"),
        "{disposition}"
    );
    // Nobody outside the company, and nobody signed out, gets the file.
    let anon = reqwest::Client::new()
        .get(app.url(msgs[0]["media_url"].as_str().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn attachments_upload_first_then_send_by_id() {
    let (app, graph) = inbox_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.AT1",
            "US.600",
            "Rosa",
            "send me the invoice",
            now_secs(&app),
        ),
    )
    .await;
    let id = conversations(&agent, &app, "all").await[0]["id"]
        .as_i64()
        .unwrap();
    let url = app.url(&format!("/api/v1/conversations/{id}/messages"));
    let send = |bytes: Vec<u8>, name: &str, caption: &str| {
        let form = reqwest::multipart::Form::new()
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
            )
            .text("text", caption.to_owned());
        agent.post(&url).multipart(form).send()
    };
    let pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\n".to_vec();
    let (status, m) = json(
        send(pdf.clone(), "invoice 8812.pdf", "Your invoice")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{m}");
    assert_eq!(m["type"], "document");
    assert_eq!(m["text"], "Your invoice");
    assert!(
        m["media_url"].is_string(),
        "the file is ours to show at once"
    );
    let calls = eventually("upload then send", Duration::from_secs(10), || async {
        let c = graph.sent();
        (c.len() >= 2).then_some(c)
    })
    .await;
    assert_eq!(calls[0].0, format!("{MANUAL_NUMBER}/media"));
    assert_eq!(calls[0].1.as_deref(), Some("Bearer demo-access-token"));
    assert_eq!(calls[0].2["messaging_product"], "whatsapp");
    assert_eq!(calls[0].2["type"], "application/pdf");
    assert_eq!(calls[0].2["file"], pdf.len());
    assert_eq!(calls[0].2["file.filename"], "invoice 8812.pdf");
    assert_eq!(calls[1].2["type"], "document");
    assert_eq!(calls[1].2["document"]["id"], calls[0].2["id"]);
    assert!(calls[0].2["id"].is_string(), "the upload answered an id");
    assert_eq!(calls[1].2["document"]["caption"], "Your invoice");
    assert_eq!(calls[1].2["document"]["filename"], "invoice 8812.pdf");

    // A name that would display reversed ("invoiceexe.pdf") loses its override, and cannot climb
    // out of its folder either.
    let (status, m) = json(
        send(pdf.clone(), "..\\invoice\u{202E}fdp.exe", "")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{m}");
    assert_eq!(m["content"]["filename"], "invoicefdp.exe", "{m}");

    // What a file is comes from its bytes: HTML named .png is refused.
    let (status, err) = json(
        send(
            b"<html><script>alert(1)</script></html>".to_vec(),
            "cat.png",
            "",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (status, error_code(&err).as_str()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
    );
    // WhatsApp's per-type limits: an image of 5 MB + 1 byte is too large.
    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(5 * 1024 * 1024 + 1, 0);
    let (status, err) = json(send(big, "huge.png", "").await.unwrap()).await;
    assert_eq!(
        (status, error_code(&err).as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "file_too_large")
    );
    // Captions are limited to 1024 characters.
    let (status, err) = json(send(pdf, "a.pdf", &"x".repeat(1025)).await.unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err["error"]["fields"]["text"]["code"], "too_long");
    // JSON on this route keeps its small limit.
    let (status, _) = json(
        agent
            .post(&url)
            .header("content-type", "application/json")
            .body(format!("{{\"text\":\"{}\"}}", "a".repeat(1_100_000)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn events_broadcast_out_of_id_order_all_arrive() {
    // Two transactions commit in one order and announce in the other; a stream must not drop the
    // older one just because a newer id went out first.
    let (app, _graph) = inbox_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let company = app
        .state
        .store()
        .user(agentdesk_core::domain::UserId(
            app.user_id("agent1@demo.test").await,
        ))
        .await
        .unwrap()
        .unwrap()
        .company_id;
    let res = agent.get(app.url("/api/v1/events")).send().await.unwrap();
    let rendered = |id: i64| {
        std::sync::Arc::new(agentdesk::inbox::live::Rendered {
            company,
            id,
            kind: agentdesk_core::domain::inbox::LiveEventKind::Conversation,
            json: json!({"id": id, "type": "conversation"}).to_string(),
        })
    };
    // The stream task subscribes right after the response starts; send until both are through.
    let reader = tokio::spawn(read_events(res, 2));
    let mut tick = tokio::time::interval(Duration::from_millis(50));
    for _ in 0..100 {
        tick.tick().await;
        if reader.is_finished() {
            break;
        }
        app.state
            .live()
            .send(vec![rendered(1_000_001), rendered(1_000_000)]);
    }
    let got = reader.await.unwrap();
    let ids: Vec<i64> = got.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, [1_000_001, 1_000_000]);
}

#[tokio::test]
async fn a_second_instance_on_postgres_relays_live_events() {
    if !postgres_or_skip().await {
        return;
    }
    let (a, _graph) = inbox_app(Backend::Postgres).await;
    let shared = a.state.config().database_url();
    let b = spawn_app_with(Backend::Postgres, |c| {
        c.database_url = Some(Secret::new(shared));
        c.whatsapp.app_secret = Some(Secret::new(SECRET));
        c.whatsapp.api_base = "http://127.0.0.1:9/v21.0".into();
    })
    .await;
    // A browser on instance B; the customer's message arrives at instance A.
    let agent = b.agent(2).await;
    let res = agent.get(b.url("/api/v1/events")).send().await.unwrap();
    let reader = tokio::spawn(read_events(res, 2));
    let mut tick = tokio::time::interval(Duration::from_millis(100));
    let mut n = 0;
    while !reader.is_finished() && n < 50 {
        tick.tick().await;
        n += 1;
        deliver(
            &a,
            &text_payload(
                MANUAL_NUMBER,
                &format!("wamid.RELAY{n}"),
                "US.RELAY",
                "Relay",
                "via instance A",
                now_secs(&a),
            ),
        )
        .await;
    }
    let events = reader.await.unwrap();
    assert!(
        events
            .iter()
            .any(|(_, d)| d["type"] == "message" && d["message"]["text"] == "via instance A"),
        "{events:?}"
    );
}

/// Issue 10 (7), as the outside probe found it: a customer first seen with `wa_id` and a BSUID,
/// then with `wa_id` only, is one customer with one open conversation.
#[tokio::test]
async fn a_customer_seen_by_phone_then_by_both_ids_stays_one_conversation() {
    let (app, _graph) = inbox_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let payload = |wamid: &str, user_id: Option<&str>, text: &str| {
        let mut contact = json!({"profile": {"name": "Lena"}, "wa_id": "4915112345678"});
        let mut message = json!({"from": "4915112345678", "id": wamid,
            "timestamp": now_secs(&app).to_string(), "type": "text", "text": {"body": text}});
        if let Some(u) = user_id {
            contact["user_id"] = json!(u);
            message["from_user_id"] = json!(u);
        }
        json!({"object": "whatsapp_business_account", "entry": [{"id": "WABA1", "changes": [{
            "field": "messages", "value": {"messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550100001", "phone_number_id": MANUAL_NUMBER},
            "contacts": [contact], "messages": [message]}}]}]})
    };
    deliver(&app, &payload("wamid.L1", Some("DE.77120"), "Hallo")).await;
    deliver(&app, &payload("wamid.L2", None, "Ist jemand da?")).await;
    deliver(&app, &payload("wamid.L3", Some("DE.77120"), "Danke")).await;
    let list = conversations(&agent, &app, "all").await;
    let lena: Vec<_> = list
        .iter()
        .filter(|c| c["contact"]["name"] == "Lena")
        .collect();
    assert_eq!(lena.len(), 1, "{list:#?}");
    assert_eq!(lena[0]["contact"]["phone"], "4915112345678");
    assert_eq!(lena[0]["contact"]["bsuid"], "DE.77120");
    let id = lena[0]["id"].as_i64().unwrap();
    let (_, msgs) = json(
        agent
            .get(app.url(&format!("/api/v1/conversations/{id}/messages")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(msgs.as_array().unwrap().len(), 3, "{msgs}");
}

/// Issue 10 (8): a conversation with thousands of messages answers a page at a time; bad paging
/// parameters get clear 422s, ids nobody has get 404s.
#[tokio::test]
async fn messages_and_conversations_are_paged() {
    let (app, _graph) = inbox_app(Backend::Sqlite).await;
    let agent = app.agent(1).await;
    let messages: Vec<Value> = (0..300)
        .map(|i| json!({"from_user_id": "US.page", "id": format!("wamid.P{i}"),
            "timestamp": now_secs(&app).to_string(), "type": "text", "text": {"body": format!("line {i}")}}))
        .collect();
    deliver(&app, &json!({"object": "whatsapp_business_account", "entry": [{"id": "WABA1", "changes": [{
        "field": "messages", "value": {"messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550100001", "phone_number_id": MANUAL_NUMBER},
        "contacts": [{"profile": {"name": "Pager"}, "user_id": "US.page"}], "messages": messages}}]}]})).await;
    let id = conversations(&agent, &app, "all").await[0]["id"]
        .as_i64()
        .unwrap();
    let get = |query: String| {
        let url = app.url(&format!("/api/v1/conversations/{id}/messages{query}"));
        let agent = agent.clone();
        async move { json(agent.get(url).send().await.unwrap()).await }
    };
    let (status, page) = get(String::new()).await;
    assert_eq!(status, StatusCode::OK);
    let page = page.as_array().unwrap().clone();
    assert_eq!(page.len(), 50, "the newest page by default");
    assert_eq!(page[49]["text"], "line 299");
    let first = page[0]["id"].as_i64().unwrap();
    let (_, older) = get(format!("?before={first}&limit=200")).await;
    let older = older.as_array().unwrap();
    assert_eq!(older.len(), 200);
    assert_eq!(older[199]["text"], "line 249");
    // Out of range: which field and why; not a number at all: a field of the wrong type.
    for (bad, code) in [
        ("?limit=0", "validation_failed"),
        ("?limit=201", "validation_failed"),
        ("?limit=ten", "invalid_body"),
        ("?before=x", "invalid_body"),
    ] {
        let (status, body) = get(bad.to_owned()).await;
        assert_eq!(
            (status, error_code(&body).as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, code),
            "{bad}: {body}"
        );
    }
    // Ids that are not numbers, or beyond any number, name nothing: 404.
    for path in [
        "/api/v1/conversations/abc",
        "/api/v1/conversations/99999999999999999999/messages",
    ] {
        let (status, body) = json(agent.get(app.url(path)).send().await.unwrap()).await;
        assert_eq!(
            (status, error_code(&body).as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{path}"
        );
    }
    // Conversations: pages by cursor, and a broken cursor is explained.
    let (status, list) = json(
        agent
            .get(app.url("/api/v1/conversations?view=all&limit=1"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let cursor = list[0]["cursor"].as_str().unwrap().to_owned();
    let (status, next) = json(
        agent
            .get(app.url(&format!(
                "/api/v1/conversations?view=all&limit=1&before={cursor}"
            )))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, next.as_array().map(Vec::len)),
        (StatusCode::OK, Some(0))
    );
    for bad in [
        "?before=yesterday",
        "?view=everything",
        "?status=pending",
        "?limit=500",
    ] {
        let (status, body) = json(
            agent
                .get(app.url(&format!("/api/v1/conversations{bad}")))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
    }
}

crate::on_both_backends!(numbers_can_be_changed_and_disconnected);

/// Issue 10 (10): admins rename a number, change its rule, rotate its token and disconnect it;
/// its conversations are kept, nothing more comes in or goes out, and connecting it again brings
/// it back with them.
async fn numbers_can_be_changed_and_disconnected(backend: Backend) {
    let (app, graph) = inbox_app(backend).await;
    let admin = app.admin().await;
    let numbers = || async {
        let (_, list) = json(
            admin
                .get(app.url("/api/v1/whatsapp-numbers"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        list.as_array().unwrap().clone()
    };
    let manual = numbers()
        .await
        .into_iter()
        .find(|n| n["phone_number_id"] == MANUAL_NUMBER)
        .unwrap();
    let id = manual["id"].as_i64().unwrap();
    let url = app.url(&format!("/api/v1/admin/whatsapp-numbers/{id}"));
    // The Cloud API once refused the token: a new one clears the flag.
    app.state
        .store()
        .flag_number_token(agentdesk_core::domain::inbox::NumberId(id), app.clock.now())
        .await
        .unwrap();
    let (status, changed) = json(
        admin
            .patch(&url)
            .json(&json!({"name": "Sales (Lisbon)", "assignment": "round_robin", "access_token": "EAAG-rotated"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["name"], "Sales (Lisbon)");
    assert_eq!(changed["assignment"], "round_robin");
    assert_eq!(changed["token_invalid"], false);
    assert!(
        !changed.to_string().contains("EAAG-rotated"),
        "the token is never shown"
    );
    // The rotated token is what the Cloud API gets from now on.
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.N1",
            "US.num",
            "Nuno",
            "olá",
            now_secs(&app),
        ),
    )
    .await;
    let agent = app.agent(1).await;
    let conversation = conversations(&admin, &app, "all").await[0].clone();
    let cid = conversation["id"].as_i64().unwrap();
    let send_url = app.url(&format!("/api/v1/conversations/{cid}/messages"));
    let (status, _) = json(
        agent
            .post(&send_url)
            .json(&json!({"text": "Olá Nuno!"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let calls = eventually("the reply to go out", Duration::from_secs(10), || async {
        let c = graph.sent();
        (!c.is_empty()).then_some(c)
    })
    .await;
    assert_eq!(calls[0].1.as_deref(), Some("Bearer EAAG-rotated"));
    // Bad changes are explained; nobody else may make them.
    for (body, field) in [
        (json!({"name": "  "}), "name"),
        (json!({"assignment": "randomly"}), "assignment"),
        (json!({"access_token": ""}), "access_token"),
    ] {
        let (status, err) = json(admin.patch(&url).json(&body).send().await.unwrap()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(err["error"]["fields"][field].is_object(), "{field}: {err}");
    }
    let (status, _) = json(
        admin
            .patch(&url)
            .json(&json!({"phone_number_id": "1"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the routing id cannot change"
    );
    for res in [
        agent
            .patch(&url)
            .json(&json!({"name": "x"}))
            .send()
            .await
            .unwrap(),
        agent.delete(&url).send().await.unwrap(),
    ] {
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    for missing in [
        "/api/v1/admin/whatsapp-numbers/999999",
        "/api/v1/admin/whatsapp-numbers/x",
    ] {
        let res = admin
            .patch(app.url(missing))
            .json(&json!({"name": "x"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{missing}");
    }

    // Disconnected: kept in the list as disconnected, conversations kept, nothing sent or stored.
    let res = admin.delete(&url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let listed = numbers().await.into_iter().find(|n| n["id"] == id).unwrap();
    assert!(listed["disconnected_at"].is_string(), "{listed}");
    let kept = conversations(&admin, &app, "all").await;
    let kept = kept
        .iter()
        .find(|c| c["id"] == cid)
        .expect("the conversation is kept");
    assert_eq!(kept["number"]["disconnected"], true);
    let (status, err) = json(
        agent
            .post(&send_url)
            .json(&json!({"text": "still there?"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, error_code(&err).as_str()),
        (StatusCode::CONFLICT, "number_disconnected")
    );
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.N2",
            "US.num",
            "Nuno",
            "hello?",
            now_secs(&app),
        ),
    )
    .await;
    let (_, msgs) = json(agent.get(&send_url).send().await.unwrap()).await;
    assert!(
        msgs.as_array()
            .unwrap()
            .iter()
            .all(|m| m["wa_message_id"] != "wamid.N2"),
        "webhooks for a disconnected number are not stored"
    );
    for res in [
        admin.delete(&url).send().await.unwrap(),
        admin
            .patch(&url)
            .json(&json!({"name": "x"}))
            .send()
            .await
            .unwrap(),
    ] {
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
    // Connected again: the same number, with its conversation.
    let (status, again) = json(
        admin
            .post(app.url("/api/v1/admin/whatsapp-numbers"))
            .json(
                &json!({"phone_number_id": MANUAL_NUMBER, "display_phone_number": "+1 555 010 0002",
                "name": "Sales", "access_token": "EAAG-new", "assignment": "manual"}),
            )
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{again}");
    assert_eq!(again["id"], id);
    assert_eq!(again["disconnected_at"], Value::Null);
    deliver(
        &app,
        &text_payload(
            MANUAL_NUMBER,
            "wamid.N3",
            "US.num",
            "Nuno",
            "back?",
            now_secs(&app),
        ),
    )
    .await;
    let (_, msgs) = json(agent.get(&send_url).send().await.unwrap()).await;
    assert!(
        msgs.as_array()
            .unwrap()
            .iter()
            .any(|m| m["wa_message_id"] == "wamid.N3")
    );
}

/// Issue 10 (11): `serve --demo` opens on a believable inbox.
#[tokio::test]
async fn the_demo_opens_on_a_believable_inbox() {
    let app = spawn_app_with(Backend::Sqlite, |c| c.demo_conversations = true).await;
    let admin = app.admin().await;
    let list = |query: &'static str| {
        let admin = admin.clone();
        let url = app.url(&format!("/api/v1/conversations?{query}"));
        async move {
            let (status, list) = json(admin.get(url).send().await.unwrap()).await;
            assert_eq!(status, StatusCode::OK);
            list.as_array().unwrap().clone()
        }
    };
    let all = list("view=all&limit=200").await;
    assert!(all.len() >= 6, "{}", all.len());
    let open = list("view=all&status=open").await;
    let closed = list("view=all&status=closed").await;
    assert!(!open.is_empty() && !closed.is_empty());
    // Customers on both numbers.
    let numbers: std::collections::HashSet<_> =
        all.iter().map(|c| c["number"]["id"].clone()).collect();
    assert_eq!(numbers.len(), 2);
    // One open conversation assigned to each agent, and some waiting unassigned.
    for email in ["agent1@demo.test", "agent2@demo.test", "agent3@demo.test"] {
        let id = app.user_id(email).await;
        assert!(
            open.iter().any(|c| c["assignee_id"] == id),
            "{email} has an open conversation"
        );
    }
    assert!(open.iter().any(|c| c["assignee_id"].is_null()));
    // One is outside the 24-hour window.
    assert!(open.iter().any(|c| c["window_open"] == false));
    // Several languages, and a photo and a document that can be opened.
    let mut texts = String::new();
    let mut media = Vec::new();
    for c in &all {
        let id = c["id"].as_i64().unwrap();
        let (_, msgs) = json(
            admin
                .get(app.url(&format!("/api/v1/conversations/{id}/messages")))
                .send()
                .await
                .unwrap(),
        )
        .await;
        for m in msgs.as_array().unwrap() {
            texts.push_str(m["text"].as_str().unwrap_or_default());
            if let Some(url) = m["media_url"].as_str() {
                media.push((m["type"].as_str().unwrap().to_owned(), url.to_owned()));
            }
        }
    }
    for sample in [
        "pedido",
        "dirección",
        "الفاتورة",
        "耳机",
        "скидки",
        "Canada",
    ] {
        assert!(texts.contains(sample), "{sample} missing");
    }
    for kind in ["image", "document"] {
        let (_, url) = media
            .iter()
            .find(|(k, _)| k == kind)
            .unwrap_or_else(|| panic!("no {kind}"));
        let res = admin.get(app.url(url)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{kind}");
        let bytes = res.bytes().await.unwrap();
        let magic: &[u8] = if kind == "image" { b"\x89PNG" } else { b"%PDF" };
        assert!(bytes.starts_with(magic), "{kind}");
    }
    // Seeding is once: a restart on the same database adds nothing (covered by the CLI test for
    // users); the demo agents are available for round robin.
    let (_, me) = json(admin.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(me["availability"], "available");
}
