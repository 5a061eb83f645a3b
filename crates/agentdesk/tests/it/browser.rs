//! Browser tests: the real pages and ES modules in headless Chromium, driven over WebDriver.
//! Each test gets its own chromedriver and profile. Screenshots land in `target/screenshots/`.

use std::time::Duration;

use fantoccini::Locator;
use serde_json::json;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_open_preferences_switch_to_chinese_and_sign_out() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;

    b.client.goto(&app.url("/login")).await.unwrap();
    b.screenshot("login").await;
    // A wrong password shows the server's message in place.
    b.fill("#email", "agent1@demo.test").await;
    b.fill("#password", "not-my-password").await;
    b.click("#login-submit").await;
    let shown = b.wait_js("the login error", "!document.getElementById('login-error').hidden && document.getElementById('login-error').textContent").await;
    assert_eq!(shown, json!("The email or password is incorrect."));
    b.screenshot("login-error").await;

    b.sign_in(&app, "agent1@demo.test", DEMO_PASSWORD).await;
    assert_eq!(b.text(".me-button__name").await, "Mia Chen");
    b.screenshot("inbox").await;

    // The avatar in the lower-left corner opens the menu.
    let avatar = b.wait_js("the avatar", "(() => { const r = document.getElementById('me-button').getBoundingClientRect(); return r.left < 80 && r.bottom > window.innerHeight - 100; })()").await;
    assert_eq!(
        avatar,
        json!(true),
        "the avatar sits in the lower-left corner"
    );
    b.click("#me-button").await;
    b.wait_js(
        "the menu to open",
        "!document.getElementById('me-menu').hidden",
    )
    .await;
    assert_eq!(b.text("#me-button .avatar").await, "MC");
    b.screenshot("avatar-menu").await;
    b.click("#me-menu a[href='/preferences/profile']").await;
    b.wait_for_path("/preferences/profile").await;
    assert_eq!(b.text("h1").await, "Your preference");
    b.screenshot("preferences-profile").await;

    // Saving names updates the sidebar and the initials at once, without a reload.
    b.fill("#first_name", "Amélie").await;
    b.fill("#last_name", "Zhang").await;
    assert_eq!(b.text("#first_name-count").await, "6 / 50");
    b.click("#profile-save").await;
    b.wait_js(
        "the sidebar name",
        "document.querySelector('.me-button__name').textContent === 'Amélie Zhang'",
    )
    .await;
    assert_eq!(b.text("#me-button .avatar").await, "AZ");
    // textContent, not the rendered text: the status fades in from transparent.
    b.wait_js(
        "the saved status",
        "document.getElementById('profile-status').textContent === 'Saved'",
    )
    .await;

    // Switching the language applies at once to the whole UI.
    b.client
        .find(Locator::Css("#language option[value='zh-CN']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_js(
        "the page in Chinese",
        "document.documentElement.lang === 'zh-CN'",
    )
    .await;
    assert_eq!(b.text("h1").await, "个人偏好设置");
    assert_eq!(b.text(".nav-item").await, "收件箱");
    b.screenshot("preferences-profile-zh").await;

    b.click("#me-button").await;
    b.wait_js(
        "the menu to open",
        "!document.getElementById('me-menu').hidden",
    )
    .await;
    b.click("#sign-out").await;
    b.wait_for_path("/login").await;
    // Signed out for real: the inbox sends us back to sign in.
    b.client.goto(&app.url("/inbox")).await.unwrap();
    b.wait_for_path("/login").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_add_and_deactivate_agents_in_the_browser() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    b.sign_in(&app, "admin@demo.test", DEMO_PASSWORD).await;
    b.click("a[href='/admin/agents']").await;
    b.wait_for_path("/admin/agents").await;
    b.screenshot("admin-agents").await;

    b.click("#agent-add-open").await;
    b.wait_js(
        "the dialog",
        "document.getElementById('agent-add-dialog').open",
    )
    .await;
    b.fill("#new-first", "Nora").await;
    b.fill("#new-last", "Lee").await;
    b.fill("#new-email", "nora@demo.test").await;
    b.fill("#new-password", "password").await;
    b.click("#agent-add-form button[type=submit]").await;
    let msg = b
        .wait_js(
            "the password problem",
            "document.querySelector('.field__error[data-for=password]').textContent",
        )
        .await;
    assert_eq!(msg, json!("This password is too common or easy to guess."));
    b.screenshot("admin-agents-add-error").await;
    b.fill("#new-password", "harbour lights at dusk").await;
    b.click("#agent-add-form button[type=submit]").await;
    b.wait_js("the new row", "[...document.querySelectorAll('.person__email')].some(e => e.textContent === 'nora@demo.test')").await;

    let id = app.user_id("nora@demo.test").await;
    b.click(&format!("button[data-action=deactivate][data-id='{id}']"))
        .await;
    eventually("the confirmation", Duration::from_secs(10), || async {
        b.client.accept_alert().await.ok()
    })
    .await;
    b.wait_js(
        "the row to show deactivated",
        &format!(
            "document.querySelector(\"tr[data-agent-id='{id}']\").classList.contains('is-inactive')"
        ),
    )
    .await;
    b.screenshot("admin-agents-deactivated").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_fit_a_360_pixel_phone() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    b.client.set_window_size(360, 740).await.unwrap();
    b.client.goto(&app.url("/login")).await.unwrap();
    b.wait_js("the login form", "document.getElementById('login-form')")
        .await;
    b.assert_no_horizontal_scroll("login").await;
    b.screenshot("mobile-login").await;
    b.sign_in(&app, "admin@demo.test", DEMO_PASSWORD).await;
    for (path, name) in [
        ("/inbox", "mobile-inbox"),
        ("/preferences/profile", "mobile-preferences"),
        ("/admin/agents", "mobile-agents"),
    ] {
        b.client.goto(&app.url(path)).await.unwrap();
        b.wait_for_path(path).await;
        b.assert_no_horizontal_scroll(path).await;
        b.screenshot(name).await;
    }
    // The account menu still opens on a phone.
    b.click("#me-button").await;
    b.wait_js(
        "the menu to open",
        "!document.getElementById('me-menu').hidden",
    )
    .await;
    b.screenshot("mobile-menu").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_writes_an_agent_answers_live_and_transfers() {
    let Some(sim) = browser().await else { return };
    let Some(mia) = browser().await else { return };
    let Some(lucas) = browser().await else { return };
    // Demo mode: the simulator posts signed webhooks to the app, and replies go out through the
    // Cloud API client to the built-in Graph emulator.
    let app = spawn_app(Backend::Sqlite).await;
    mia.sign_in(&app, "agent1@demo.test", DEMO_PASSWORD).await;
    mia.click("button[data-view=all]").await;
    mia.wait_js(
        "the list to load",
        "document.getElementById('conversation-list').getAttribute('aria-busy') === 'false'",
    )
    .await;
    lucas.sign_in(&app, "agent2@demo.test", DEMO_PASSWORD).await;
    lucas.click("button[data-view=mine]").await;

    // The customer writes on the manual number (it stays unassigned).
    sim.client.goto(&app.url("/simulator")).await.unwrap();
    sim.wait_js(
        "numbers",
        "document.querySelectorAll('#sim-number option[value=\"100000000000002\"]').length",
    )
    .await;
    sim.client
        .find(Locator::Css("#sim-number option[value='100000000000002']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    sim.wait_js("customers", "document.getElementById('sim-customer').value")
        .await;
    sim.fill("#sim-text", "Hello, is my order on its way?")
        .await;
    sim.click("#sim-send").await;
    sim.screenshot("simulator-sent").await;

    // It appears in Mia's open inbox without a reload.
    let conv_id = mia
        .wait_js("the conversation to arrive live", "(() => { const li = document.querySelector('#conversation-list li[data-conversation-id]'); return li && li.dataset.conversationId; })()")
        .await;
    let conv_id = conv_id.as_str().unwrap().to_owned();
    mia.click(&format!(
        "#conversation-list li[data-conversation-id='{conv_id}'] a"
    ))
    .await;
    mia.wait_js("the message", "[...document.querySelectorAll('#messages [data-direction=in]')].some(m => m.textContent.includes('Hello, is my order on its way?'))").await;
    mia.fill("#composer-text", "Yes! It left our warehouse this morning.")
        .await;
    mia.click("#composer-send").await;
    mia.wait_js("the reply to be delivered", "[...document.querySelectorAll('#messages [data-direction=out]')].some(m => ['delivered', 'read'].includes(m.dataset.status))").await;
    mia.screenshot("inbox-conversation").await;

    // The customer's phone shows the reply with its status; reading it turns Mia's ticks blue.
    sim.wait_js("the reply on the phone", "[...document.querySelectorAll('#sim-messages li.wa-msg--in')].some(m => m.textContent.includes('It left our warehouse'))").await;
    sim.click("#sim-mark-read").await;
    mia.wait_js("read ticks", "[...document.querySelectorAll('#messages [data-direction=out]')].some(m => m.dataset.status === 'read')").await;
    sim.screenshot("simulator-reply").await;

    // Mia transfers it to Lucas: it lands in his Mine view, live.
    let lucas_id = app.user_id("agent2@demo.test").await;
    mia.click("#transfer-open").await;
    mia.wait_js(
        "the transfer dialog",
        "document.getElementById('transfer-dialog').open",
    )
    .await;
    mia.fill("#transfer-search", "Lucas").await;
    mia.screenshot("inbox-transfer").await;
    mia.click(&format!(
        "#transfer-list button[data-agent-id='{lucas_id}']"
    ))
    .await;
    lucas
        .wait_js("the transfer to reach Lucas", &format!("!!document.querySelector(\"#conversation-list li[data-conversation-id='{conv_id}']\")"))
        .await;
    lucas
        .wait_js(
            "his Mine count",
            "document.querySelector('.view-count[data-count=mine]').textContent === '1'",
        )
        .await;
    lucas.screenshot("inbox-transferred").await;

    // Lucas closes it: the details panel stops calling the reply window open (issue 10, 15).
    lucas
        .click(&format!(
            "#conversation-list li[data-conversation-id='{conv_id}'] a"
        ))
        .await;
    lucas
        .wait_js(
            "an open window in the details",
            "document.getElementById('details-window').textContent.startsWith('Open')",
        )
        .await;
    lucas.click("#close-conversation").await;
    lucas
        .wait_js(
            "the details to say the conversation is closed",
            "document.getElementById('details-window').textContent \
             === 'Not open: the conversation is closed' \
             && document.getElementById('window-open').hidden",
        )
        .await;
}

/// Issue 10 (8): a long conversation opens on its newest page; scrolling up loads the page
/// before it and keeps what the agent was reading in place.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn older_messages_load_on_scrolling_up_without_jumping() {
    use agentdesk_core::domain::inbox::InboundRecord;
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    let now = agentdesk_core::Clock::now(app.clock.as_ref());
    let messages = (0..130)
        .map(|i| InboundRecord {
            phone_number_id: "100000000000002".into(),
            wamid: format!("wamid.scroll{i}"),
            customer_id: "US.scroll".into(),
            customer_phone: None,
            customer_bsuid: Some("US.scroll".into()),
            profile_name: Some("Scroll Tester".into()),
            content: agentdesk_core::domain::content::MessageContent::Text {
                body: format!("Message number {i}"),
            },
            text: Some(format!("Message number {i}")),
            reply_to_wamid: None,
            sent_at: now,
        })
        .collect();
    app.state
        .store()
        .ingest(
            &agentdesk_core::store::WebhookBatch {
                messages,
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    b.sign_in(&app, "admin@demo.test", DEMO_PASSWORD).await;
    b.click("button[data-view=all]").await;
    b.click("#conversation-list li[data-conversation-id] a")
        .await;
    b.wait_js(
        "the newest page",
        "document.querySelectorAll('#messages [data-message-id]').length === 50",
    )
    .await;
    let last = b
        .wait_js(
            "the newest message at the bottom",
            "[...document.querySelectorAll('#messages [data-message-id]')].pop().textContent",
        )
        .await;
    assert!(
        last.as_str().unwrap().contains("Message number 129"),
        "{last}"
    );
    // Scroll to the top: the page before loads, and the message that was first stays put.
    let before = b
        .client
        .execute(
            "const first = document.querySelector('#messages [data-message-id]'); \
             window.__first = first.dataset.messageId; \
             document.getElementById('chat-scroll').scrollTop = 0; \
             return first.textContent;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        before.as_str().unwrap().contains("Message number 80"),
        "{before}"
    );
    b.wait_js(
        "the page before",
        "document.querySelectorAll('#messages [data-message-id]').length === 100",
    )
    .await;
    let offset = b
        .wait_js(
            "the offset of the message read before",
            "(() => { const s = document.getElementById('chat-scroll'); \
              const m = document.querySelector(`#messages [data-message-id=\"${window.__first}\"]`); \
              return String(m.getBoundingClientRect().top - s.getBoundingClientRect().top); })()",
        )
        .await;
    let offset: f64 = offset.as_str().unwrap().parse().unwrap();
    assert!(
        (0.0..200.0).contains(&offset),
        "the message read before stays near the top of the view, not pushed away: {offset}px"
    );
    b.screenshot("inbox-older-messages").await;
    // And on to the first message.
    b.client
        .execute(
            "document.getElementById('chat-scroll').scrollTop = 0;",
            vec![],
        )
        .await
        .unwrap();
    b.wait_js(
        "every message",
        "document.querySelectorAll('#messages [data-message-id]').length === 130",
    )
    .await;
}

/// Issue 10 (10) in the browser: an admin renames a number, then disconnects it; its
/// conversation stays and says why no reply can be sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_edit_and_disconnect_numbers() {
    use agentdesk_core::domain::inbox::InboundRecord;
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    let now = agentdesk_core::Clock::now(app.clock.as_ref());
    app.state
        .store()
        .ingest(
            &agentdesk_core::store::WebhookBatch {
                messages: vec![InboundRecord {
                    phone_number_id: "100000000000002".into(),
                    wamid: "wamid.disc1".into(),
                    customer_id: "US.disc".into(),
                    customer_phone: None,
                    customer_bsuid: Some("US.disc".into()),
                    profile_name: Some("Dora Disconnect".into()),
                    content: agentdesk_core::domain::content::MessageContent::Text {
                        body: "Are you there?".into(),
                    },
                    text: Some("Are you there?".into()),
                    reply_to_wamid: None,
                    sent_at: now,
                }],
                ..Default::default()
            },
            now,
        )
        .await
        .unwrap();
    b.sign_in(&app, "admin@demo.test", DEMO_PASSWORD).await;
    b.client.goto(&app.url("/admin/numbers")).await.unwrap();
    let row = "#numbers-table tr[data-pnid='100000000000002']";
    b.click(&format!("{row} button[data-action=edit]")).await;
    b.wait_js(
        "the edit dialog",
        "document.getElementById('number-edit-dialog').open",
    )
    .await;
    b.fill("#edit-name", "Sales Lisbon").await;
    b.screenshot("numbers-edit").await;
    b.click("#number-edit-submit").await;
    b.wait_js(
        "the new name",
        "document.querySelector(\"#numbers-table tr[data-pnid='100000000000002'] .person__name\")?.textContent === 'Sales Lisbon'",
    )
    .await;
    b.click(&format!("{row} button[data-action=disconnect]"))
        .await;
    b.wait_js(
        "the confirmation",
        "document.getElementById('number-disconnect-dialog').open",
    )
    .await;
    // textContent: the dialog fades in, and WebDriver reports no text until it is visible.
    let body = b
        .wait_js(
            "the body",
            "document.getElementById('number-disconnect-body').textContent",
        )
        .await;
    assert!(body.as_str().unwrap().contains("Sales Lisbon"), "{body}");
    b.screenshot("numbers-disconnect").await;
    b.click("#number-disconnect-confirm").await;
    b.wait_js(
        "the disconnected row",
        "!!document.querySelector(\"#numbers-table tr[data-pnid='100000000000002'] button[data-action=reconnect]\")",
    )
    .await;
    b.screenshot("numbers-disconnected").await;
    // The conversation is kept and says why nobody can answer it.
    b.client.goto(&app.url("/inbox")).await.unwrap();
    b.click("button[data-view=all]").await;
    b.click("#conversation-list li[data-conversation-id] a")
        .await;
    b.wait_js(
        "the disconnected notice",
        "!document.getElementById('number-disconnected-notice').hidden && document.getElementById('composer-text').disabled",
    )
    .await;
    b.screenshot("inbox-number-disconnected").await;
}
