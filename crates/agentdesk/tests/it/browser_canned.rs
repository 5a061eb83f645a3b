//! Canned responses in Chromium: an agent adds a personal response with an emoji and an
//! attachment (the upload's progress seen), edits, searches, filters and deletes it; the presets
//! drawer; in the inbox, "/" → type → ↑/↓ → the preview with filled placeholders and the
//! attachment → Enter inserts without sending → send; Esc; the "Company" label. Content written
//! as HTML stays text everywhere and runs nothing.

use std::time::Duration;

use fantoccini::Locator;
use reqwest::StatusCode;
use serde_json::json;

use crate::browser_a11y::open_conversation_of;
use crate::support::*;

const HOSTILE: &str = "<img src=x onerror=alert(1)>";
const HOSTILE_FLAG: &str = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

/// A PNG of about 1.5 MB (random pixels do not compress), so the upload reports progress.
fn big_png(dir: &std::path::Path) -> std::path::PathBuf {
    let mut img = image::RgbImage::new(720, 720);
    let mut x: u32 = 0x1234_5678;
    for p in img.pixels_mut() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *p = image::Rgb([x as u8, (x >> 8) as u8, (x >> 16) as u8]);
    }
    let path = dir.join("welcome banner.png");
    std::fs::write(&path, crate::support::images::png_of(&img)).unwrap();
    path
}

async fn preset(app: &TestApp, code: &str, content: &str) {
    let admin = app.admin().await;
    let res = admin
        .post(app.url("/api/v1/admin/canned-responses"))
        .json(&json!({"short_code": code, "content": content, "tags": ["Policy"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
}

async fn list_codes(b: &Browser) -> Vec<String> {
    let v = b
        .client
        .execute(
            "return [...document.querySelectorAll('#canned-list .canned-code')].map((c) => c.textContent);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

async fn wait_codes(b: &Browser, what: &str, want: &[&str]) {
    let want = serde_json::to_string(want).unwrap();
    b.wait_js(
        what,
        &format!("JSON.stringify([...document.querySelectorAll('#canned-list .canned-code')].map((c) => c.textContent)) === '{want}' && document.getElementById('canned-list').getAttribute('aria-busy') === 'false'"),
    )
    .await;
}

#[tokio::test]
async fn an_agent_keeps_personal_responses_and_checks_the_presets() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    preset(
        &app,
        "returns",
        "Returns are free within 30 days, {{contact.first_name|there}}.",
    )
    .await;
    preset(&app, "hostile", HOSTILE).await;
    preset(&app, "flag", HOSTILE_FLAG).await;
    let files = tempfile::tempdir().unwrap();
    let png = big_png(files.path());

    b.sign_in(&app, "agent1@demo.test", DEMO_PASSWORD).await;
    b.client
        .goto(&app.url("/preferences/canned-responses"))
        .await
        .unwrap();
    b.wait_js(
        "the empty state",
        "!document.getElementById('canned-empty').hidden",
    )
    .await;
    b.screenshot("canned-empty").await;

    // Add one with an emoji from the picker and an attachment.
    b.click("#canned-add").await;
    b.wait_js(
        "the editor",
        "document.getElementById('canned-dialog').open",
    )
    .await;
    b.fill("#canned-code", "thanks").await;
    b.fill(
        "#canned-content",
        "Thank you {{contact.first_name|friend}}! ",
    )
    .await;
    b.click("#canned-emoji-open").await;
    b.wait_js(
        "the emoji",
        "document.querySelectorAll('#emoji-body button.emoji').length > 1000",
    )
    .await;
    b.fill("#emoji-search", "thumbs up").await;
    b.wait_js(
        "the search",
        "document.querySelector('#emoji-body button.emoji')?.dataset.emoji === '👍'",
    )
    .await;
    // A skin tone applies to what is picked.
    b.click(".emoji-tone[data-tone='3']").await;
    b.wait_js(
        "the tone",
        "document.querySelector('#emoji-body button.emoji')?.dataset.emoji === '👍🏽'",
    )
    .await;
    b.click("#emoji-body button.emoji").await;
    let text = b
        .wait_js(
            "the emoji inserted",
            "document.getElementById('canned-content').value",
        )
        .await;
    assert_eq!(text, "Thank you {{contact.first_name|friend}}! 👍🏽");
    // "Insert variable" puts a placeholder at the caret.
    b.click("#canned-var-open").await;
    b.click("#canned-var-menu [data-token='{{agent.first_name}}']")
        .await;
    let text = b
        .wait_js(
            "the variable",
            "document.getElementById('canned-content').value",
        )
        .await;
    assert!(
        text.as_str().unwrap().ends_with("👍🏽{{agent.first_name}}"),
        "{text}"
    );
    b.fill("#canned-tags", "Greeting, VIP").await;
    b.client
        .find(Locator::Css("#canned-file-input"))
        .await
        .unwrap()
        .send_keys(png.to_str().unwrap())
        .await
        .unwrap();
    b.wait_js("the file card", "!document.getElementById('canned-file-card').hidden && document.querySelector('#canned-file-thumb img')").await;
    b.screenshot("canned-editor").await;
    b.client
        .execute(
            "window.__progress = [];
             new MutationObserver(() => { const p = document.getElementById('canned-file-progress');
               window.__progress.push([p.hidden, p.getAttribute('aria-valuetext')]); })
               .observe(document.getElementById('canned-file-progress'), { attributes: true });",
            vec![],
        )
        .await
        .unwrap();
    b.click("#canned-save").await;
    b.wait_js(
        "the dialog to close",
        "!document.getElementById('canned-dialog').open",
    )
    .await;
    wait_codes(&b, "the new response", &["/thanks"]).await;
    let progress = b.wait_js("progress seen", "window.__progress").await;
    let seen: Vec<(bool, Option<String>)> = serde_json::from_value(progress).unwrap();
    assert!(
        seen.iter().any(|(hidden, _)| !hidden),
        "the progress bar showed: {seen:?}"
    );
    assert!(
        seen.iter()
            .any(|(_, t)| t.as_deref().is_some_and(|t| t.contains('%'))),
        "a percentage was told: {seen:?}"
    );
    assert!(
        b.text("#canned-list .canned-chip--file")
            .await
            .contains("welcome banner.png")
    );
    assert!(b.text("#canned-list").await.contains("👍🏽"));

    // Edit it: the content changes, the attachment stays.
    b.click("#canned-list .canned-edit").await;
    b.wait_js("the editor", "document.getElementById('canned-dialog').open && document.getElementById('canned-code').value === 'thanks'").await;
    b.fill(
        "#canned-content",
        "Many thanks, {{contact.first_name|friend}}!",
    )
    .await;
    b.click("#canned-save").await;
    b.wait_js(
        "the edit",
        "document.getElementById('canned-list').textContent.includes('Many thanks')",
    )
    .await;

    // A second response, to search and filter between.
    b.click("#canned-add").await;
    b.fill("#canned-code", "bye").await;
    b.fill("#canned-content", "Have a good day!").await;
    b.click("#canned-save").await;
    wait_codes(&b, "both", &["/bye", "/thanks"]).await;
    b.fill("#canned-search", "MANY").await;
    wait_codes(&b, "content search", &["/thanks"]).await;
    b.fill("#canned-search", "zzz").await;
    b.wait_js(
        "no results",
        "document.querySelector('#canned-list .canned-list__none')",
    )
    .await;
    b.fill("#canned-search", "").await;
    wait_codes(&b, "both again", &["/bye", "/thanks"]).await;
    b.click("#canned-has-file").await;
    wait_codes(&b, "with attachment", &["/thanks"]).await;
    b.click("#canned-has-file").await;
    wait_codes(&b, "both again", &["/bye", "/thanks"]).await;
    b.client
        .execute("const s = document.getElementById('canned-tag'); s.value = 'VIP'; s.dispatchEvent(new Event('change'));", vec![])
        .await
        .unwrap();
    wait_codes(&b, "tag filter", &["/thanks"]).await;
    b.client
        .execute("const s = document.getElementById('canned-tag'); s.value = ''; s.dispatchEvent(new Event('change'));", vec![])
        .await
        .unwrap();
    wait_codes(&b, "both again", &["/bye", "/thanks"]).await;
    b.screenshot("canned-list").await;

    // Delete asks first: declining keeps it, accepting removes it.
    b.click("#canned-list li[data-id] .canned-delete").await;
    b.client.dismiss_alert().await.unwrap();
    assert_eq!(list_codes(&b).await, ["/bye", "/thanks"]);
    b.click("#canned-list li[data-id] .canned-delete").await;
    b.client.accept_alert().await.unwrap();
    wait_codes(&b, "deleted", &["/thanks"]).await;

    // The presets drawer: read-only, searchable, who and when; hostile content is only text.
    b.click("#canned-presets-open").await;
    b.wait_js("the drawer", "document.getElementById('canned-presets').open && document.querySelectorAll('#canned-presets-list li').length === 3").await;
    let drawer = b.text("#canned-presets-list").await;
    assert!(drawer.contains(HOSTILE), "{drawer}");
    assert!(drawer.contains("Added by"), "{drawer}");
    b.fill("#canned-presets-search", "return").await;
    b.wait_js(
        "the drawer search",
        "document.querySelectorAll('#canned-presets-list li').length === 1",
    )
    .await;
    b.screenshot("canned-drawer").await;
    let ran = b
        .client
        .execute(
            "return [window.__xss ?? null, document.querySelectorAll('.canned-list img').length];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        ran,
        json!([null, 0]),
        "nothing the content says ran or was drawn"
    );
}

#[tokio::test]
async fn the_slash_picker_inserts_without_sending_and_sends_the_stored_file() {
    let Some(b) = browser().await else { return };
    let app = spawn_app_with(Backend::Sqlite, |c| c.demo_conversations = true).await;
    preset(
        &app,
        "zreturns",
        "Returns are free within 30 days, {{contact.first_name|there}}.",
    )
    .await;
    preset(&app, "zhostile", HOSTILE).await;
    // Mia's own response with a file, by the API.
    let mia = app.agent(1).await;
    let pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\n".to_vec();
    let form = reqwest::multipart::Form::new()
        .text("short_code", "invoice")
        .text(
            "content",
            "Here is your invoice, {{contact.first_name}}. {{agent.first_name}}",
        )
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf).file_name("invoice 8812.pdf"),
        );
    let res = mia
        .post(app.url("/api/v1/canned-responses"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);

    b.sign_in(&app, "agent1@demo.test", DEMO_PASSWORD).await;
    open_conversation_of(&b, "Mariana").await;
    b.wait_js(
        "the composer",
        "!document.getElementById('composer-text').disabled",
    )
    .await;
    let before = b
        .wait_js(
            "the messages",
            "document.querySelectorAll('#messages [data-direction=out]').length + 1",
        )
        .await;
    // "/" after a word and a space opens the picker; the list is a listbox the textarea controls.
    b.fill("#composer-text", "Hello /").await;
    b.wait_js("the picker", "!document.getElementById('canned-picker').hidden && document.querySelectorAll('#canned-picker-list [role=option]').length > 3").await;
    assert_eq!(
        b.wait_js(
            "the active option",
            "document.getElementById('composer-text').getAttribute('aria-activedescendant')"
        )
        .await,
        b.wait_js(
            "the first option",
            "document.querySelector('#canned-picker-list [role=option][aria-selected=true]').id"
        )
        .await
    );
    // The demo's presets, these and Mia's own; the "Company" label tells presets apart; hostile
    // content is text.
    let listed = b.text("#canned-picker-list").await;
    assert!(
        listed.contains("Company") && listed.contains(HOSTILE),
        "{listed}"
    );
    // Typing filters; ↓ moves; the preview fills the placeholders for Mariana.
    b.client
        .find(Locator::Css("#composer-text"))
        .await
        .unwrap()
        .send_keys("zret")
        .await
        .unwrap();
    b.wait_js(
        "filtered",
        "document.querySelectorAll('#canned-picker-list [role=option]').length === 1",
    )
    .await;
    b.client
        .find(Locator::Css("#composer-text"))
        .await
        .unwrap()
        .send_keys("\u{0008}\u{0008}\u{0008}\u{0008}")
        .await
        .unwrap();
    b.wait_js(
        "all again",
        "document.querySelectorAll('#canned-picker-list [role=option]').length > 3",
    )
    .await;
    b.client
        .find(Locator::Css("#composer-text"))
        .await
        .unwrap()
        .send_keys("inv")
        .await
        .unwrap();
    b.wait_js("the invoice", "document.querySelectorAll('#canned-picker-list [role=option]').length === 1 && document.getElementById('canned-picker-preview').textContent.includes('Mariana')").await;
    let preview = b.text("#canned-picker-preview").await;
    assert!(
        preview.contains("Here is your invoice, Mariana. Mia"),
        "{preview}"
    );
    assert!(
        preview.contains("invoice 8812.pdf"),
        "the attachment is previewed: {preview}"
    );
    b.screenshot("canned-picker").await;
    // Esc closes and keeps what was typed.
    b.client
        .find(Locator::Css("#composer-text"))
        .await
        .unwrap()
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    b.wait_js("closed", "document.getElementById('canned-picker').hidden")
        .await;
    assert_eq!(
        b.wait_js("kept", "document.getElementById('composer-text').value")
            .await,
        "Hello /inv"
    );
    // Typing again reopens it; ↑/↓ wrap; Enter inserts in place of "/inv" and does not send.
    b.client
        .find(Locator::Css("#composer-text"))
        .await
        .unwrap()
        .send_keys("\u{0008}v")
        .await
        .unwrap();
    b.wait_js("reopened", "!document.getElementById('canned-picker').hidden && document.querySelectorAll('#canned-picker-list [role=option]').length === 1").await;
    b.client
        .find(Locator::Css("#composer-text"))
        .await
        .unwrap()
        .send_keys("\u{E015}\u{E007}")
        .await
        .unwrap();
    let text = b.wait_js("inserted", "document.getElementById('canned-picker').hidden && document.getElementById('composer-text').value").await;
    assert_eq!(text, "Hello Here is your invoice, Mariana. Mia");
    b.wait_js("the chip", "!document.getElementById('composer-attachment').hidden && document.getElementById('composer-attachment-name').textContent === 'invoice 8812.pdf'").await;
    let outgoing = b
        .wait_js(
            "nothing sent yet",
            "document.querySelectorAll('#messages [data-direction=out]').length + 1",
        )
        .await;
    assert_eq!(outgoing, before, "Enter inserted; it did not send");
    b.screenshot("canned-inserted").await;
    // Enter now sends: the message goes with the stored file, nothing uploaded from the browser.
    b.client
        .find(Locator::Css("#composer-text"))
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    b.wait_js("sent with the file", "[...document.querySelectorAll('#messages [data-direction=out]')].some((m) => m.textContent.includes('invoice 8812.pdf') && m.textContent.includes('Here is your invoice, Mariana'))").await;
    b.wait_js("the composer cleared", "document.getElementById('composer-text').value === '' && document.getElementById('composer-attachment').hidden").await;
    let uses = eventually("the use counted", Duration::from_secs(5), || async {
        let (_, list) = json(
            mia.get(app.url("/api/v1/canned-responses?q="))
                .send()
                .await
                .unwrap(),
        )
        .await;
        (list[0]["short_code"] == "invoice").then_some(list)
    })
    .await;
    assert_eq!(
        uses[0]["short_code"], "invoice",
        "the used response ranks first on an empty query"
    );
    let ran = b
        .client
        .execute("return window.__xss ?? null;", vec![])
        .await
        .unwrap();
    assert_eq!(ran, json!(null));
}

/// The keystroke → rendered picker list time in headless Chromium (a measurement for
/// docs/benchmarks.md, not a timed test): run with
/// `cargo test -p agentdesk --test it -- --ignored measure_picker_keystroke_to_render --nocapture`.
#[tokio::test]
#[ignore]
async fn measure_picker_keystroke_to_render() {
    let Some(b) = browser().await else { return };
    let app = spawn_app_with(Backend::Sqlite, |c| c.demo_conversations = true).await;
    let admin = app.admin().await;
    for i in 0..2000 {
        let code = format!(
            "{}-{i}",
            ["refund", "shipping", "delay", "invoice", "troca", "退款"][i % 6]
        );
        let res = admin
            .post(app.url("/api/v1/admin/canned-responses"))
            .json(&json!({"short_code": code, "content": format!("Answer {i}: refunds reach your card within five days, {{{{contact.first_name|there}}}}.")}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    b.sign_in(&app, "agent1@demo.test", DEMO_PASSWORD).await;
    open_conversation_of(&b, "Mariana").await;
    b.wait_js(
        "the composer",
        "!document.getElementById('composer-text').disabled",
    )
    .await;
    let times = b
        .client
        .execute_async(
            "const done = arguments[0];
             const t = document.getElementById('composer-text');
             const list = document.getElementById('canned-picker-list');
             const words = ['refund-1', 'shipping-2', 'delay-3', 'invoice-4', 'troca-5', '退款-6', 'answer', 'card'];
             const times = [];
             (async () => {
               for (let round = 0; round < 3; round++) for (const w of words) {
                 t.value = ''; t.dispatchEvent(new Event('input', { bubbles: true }));
                 for (let n = 1; n <= w.length; n++) {
                   const text = '/' + w.slice(0, n);
                   const start = performance.now();
                   const rendered = new Promise((resolve) => {
                     const obs = new MutationObserver(() => { obs.disconnect(); resolve(); });
                     obs.observe(list, { childList: true });
                   });
                   t.value = text; t.setSelectionRange(text.length, text.length);
                   t.dispatchEvent(new Event('input', { bubbles: true }));
                   await rendered;
                   await new Promise(requestAnimationFrame);
                   times.push(performance.now() - start);
                 }
               }
               done(times);
             })();",
            vec![],
        )
        .await
        .unwrap();
    let mut times: Vec<f64> = serde_json::from_value(times).unwrap();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "keystroke → picker list rendered (next frame), {} keystrokes over 2,000 presets: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        times.len(),
        at(0.5),
        at(0.95),
        times[times.len() - 1]
    );
}
