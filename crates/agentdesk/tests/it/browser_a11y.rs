//! Accessibility and looks, checked by tools no one here wrote: axe-core (npm, installed by
//! `scripts/test`) on every page and the states that matter, in light and dark mode, failing on
//! any violation; and screenshots of each in English and Arabic, at 1440 and 390 pixels wide.

use std::path::PathBuf;

use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{Value, json};

use crate::support::*;

/// A DevTools command through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"cmd": self.cmd, "params": self.params}).to_string()),
        )
    }
}

/// The colour scheme pages are drawn in (`prefers-color-scheme`).
pub async fn color_scheme(b: &Browser, scheme: &str) {
    b.client
        .issue_cmd(Cdp {
            cmd: "Emulation.setEmulatedMedia",
            params: json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]}),
        })
        .await
        .unwrap();
}

/// The viewport's size in CSS pixels.
pub async fn viewport(b: &Browser, width: u32, height: u32) {
    b.client
        .issue_cmd(Cdp {
            cmd: "Emulation.setDeviceMetricsOverride",
            params: json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}),
        })
        .await
        .unwrap();
}

fn axe_source() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../scripts/test-tools/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "{} is missing and CI=true (scripts/test installs it)",
                path.display()
            )
        }
        Err(_) => {
            eprintln!(
                "skipping: {} not installed (run scripts/test)",
                path.display()
            );
            None
        }
    }
}

/// Runs axe-core on the page as it is now; returns what it found, as text (empty: nothing).
pub async fn axe_violations(b: &Browser, axe: &str, what: &str) -> String {
    b.client
        .execute(&format!("{axe}\n;return true;"), vec![])
        .await
        .unwrap();
    let found = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then((r) => done(JSON.stringify(
               r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 6).map((n) => ({ target: n.target, summary: n.failureSummary })) }))
             ))).catch((e) => done(JSON.stringify([{ id: 'axe-error', help: String(e) }])));",
            vec![],
        )
        .await
        .unwrap();
    let violations: Value = serde_json::from_str(found.as_str().unwrap_or("[]")).unwrap();
    if violations.as_array().is_some_and(Vec::is_empty) {
        String::new()
    } else {
        format!(
            "{what}:\n{}\n",
            serde_json::to_string_pretty(&violations).unwrap()
        )
    }
}

/// `contrast(text, background)`: the WCAG contrast ratio of the first element matching `text`
/// against the background of its closest ancestor matching `background` (alpha blended).
const CONTRAST_JS: &str = "function contrast(textSel, bgSel) {
  const t = document.querySelector(textSel); if (!t) return 0;
  const bgEl = t.closest(bgSel);
  const rgba = (c) => c.match(/[\\d.]+/g).map(Number);
  const [r, g, b, a = 1] = rgba(getComputedStyle(t).color);
  const [br, bgc, bb] = rgba(getComputedStyle(bgEl).backgroundColor);
  const mix = (f, k) => f * a + k * (1 - a);
  const lum = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const L = (x, y, z) => 0.2126 * lum(x) + 0.7152 * lum(y) + 0.0722 * lum(z);
  const l1 = L(mix(r, br), mix(g, bgc), mix(b, bb)), l2 = L(br, bgc, bb);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}";

/// Waits for the inbox to have loaded its list and opens a demo conversation with messages both
/// ways, a photo among them.
async fn open_first_conversation(b: &Browser) {
    b.click("button[data-view=all]").await;
    b.wait_js(
        "the list",
        "document.getElementById('conversation-list').getAttribute('aria-busy') === 'false' && document.querySelector('#conversation-list li[data-conversation-id]')",
    )
    .await;
    b.client
        .execute(
            "[...document.querySelectorAll('#conversation-list li[data-conversation-id]')] \
               .find((li) => li.textContent.includes('Mariana')).querySelector('a').click();",
            vec![],
        )
        .await
        .unwrap();
    b.wait_js(
        "the messages both ways",
        "document.querySelectorAll('#messages .msg--out').length > 0 && !document.getElementById('conversation').classList.contains('is-loading')",
    )
    .await;
}

/// Every page and the states that matter, as an admin of the demo company sees them; returns
/// what axe-core found on them.
async fn pages(b: &Browser, app: &TestApp, axe: &str, scheme: &str) -> String {
    let found = std::sync::Mutex::new(String::new());
    let check = |what: String| {
        let found = &found;
        async move {
            // Transitions finish before the colours are judged.
            b.wait_js(
                "animations to settle",
                "document.getAnimations().every((a) => a.playState !== 'running')",
            )
            .await;
            let v = axe_violations(b, axe, &what).await;
            found.lock().unwrap().push_str(&v);
        }
    };
    b.client.goto(&app.url("/login")).await.unwrap();
    check(format!("the sign-in page ({scheme})")).await;
    b.sign_in(app, "admin@demo.test", DEMO_PASSWORD).await;
    check(format!("the inbox ({scheme})")).await;
    open_first_conversation(b).await;
    check(format!("an open conversation ({scheme})")).await;
    b.fill("#composer-text", "/").await;
    b.wait_js(
        "the canned-response picker",
        "!document.getElementById('canned-picker').hidden",
    )
    .await;
    check(format!("the \"/\" picker ({scheme})")).await;
    b.client
        .execute(
            "const t = document.getElementById('composer-text'); t.value = ''; t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    // axe-core cannot judge text drawn over a bubble it does not see as the background (it
    // reports it as "incomplete"): the times and ticks are measured here.
    for side in ["in", "out"] {
        let ratio = b
            .wait_js(
                "the bubble's time",
                &format!(
                    "(() => {{ {CONTRAST_JS}; return contrast('.msg--{side} .bubble__meta', '.msg--{side} .bubble'); }})()"
                ),
            )
            .await;
        let ratio = ratio.as_f64().unwrap();
        if ratio < 4.5 {
            found.lock().unwrap().push_str(&format!(
                "time in {side} bubbles ({scheme}): contrast {ratio:.2} < 4.5\n"
            ));
        }
    }
    b.click("#transfer-open").await;
    b.wait_js(
        "the transfer dialog",
        "document.getElementById('transfer-dialog').open",
    )
    .await;
    check(format!("the transfer dialog ({scheme})")).await;
    b.client
        .goto(&app.url("/preferences/profile"))
        .await
        .unwrap();
    check(format!("Profile ({scheme})")).await;
    b.client
        .goto(&app.url("/preferences/security"))
        .await
        .unwrap();
    b.wait_js(
        "the sessions",
        "document.querySelectorAll('#sessions-list li').length > 0",
    )
    .await;
    check(format!("Security ({scheme})")).await;
    b.client.goto(&app.url("/admin/agents")).await.unwrap();
    check(format!("Admin › Agents ({scheme})")).await;
    b.client
        .goto(&app.url("/preferences/canned-responses"))
        .await
        .unwrap();
    b.wait_js(
        "the list",
        "document.getElementById('canned-list').getAttribute('aria-busy') === 'false'",
    )
    .await;
    check(format!("Canned responses ({scheme})")).await;
    b.click("#canned-presets-open").await;
    b.wait_js(
        "the drawer",
        "document.getElementById('canned-presets').open",
    )
    .await;
    check(format!("the presets drawer ({scheme})")).await;
    b.client
        .goto(&app.url("/admin/canned-responses"))
        .await
        .unwrap();
    b.wait_js(
        "the presets",
        "document.getElementById('canned-list').getAttribute('aria-busy') === 'false'",
    )
    .await;
    check(format!("Admin › Canned responses ({scheme})")).await;
    b.click("#canned-add").await;
    b.wait_js(
        "the editor",
        "document.getElementById('canned-dialog').open",
    )
    .await;
    b.click("#canned-emoji-open").await;
    b.wait_js(
        "the emoji",
        "document.querySelectorAll('#emoji-body button.emoji').length > 1000",
    )
    .await;
    check(format!("the canned-response editor ({scheme})")).await;
    b.client.goto(&app.url("/admin/numbers")).await.unwrap();
    check(format!("Admin › Numbers ({scheme})")).await;
    b.click("#numbers-table button[data-action=edit]").await;
    b.wait_js(
        "the edit dialog",
        "document.getElementById('number-edit-dialog').open",
    )
    .await;
    check(format!("the number dialog ({scheme})")).await;
    b.client.goto(&app.url("/no-such-page")).await.unwrap();
    check(format!("the not-found page ({scheme})")).await;
    b.client.goto(&app.url("/simulator")).await.unwrap();
    b.wait_js(
        "the simulator",
        "document.getElementById('sim-customer')?.value",
    )
    .await;
    check(format!("the customer simulator ({scheme})")).await;
    // The message box shows where the keyboard is.
    let ring = b
        .wait_js(
            "the message box focused",
            "(() => { document.getElementById('sim-text').focus(); \
               const box = document.querySelector('.wa-composer__box'); \
               const s = getComputedStyle(box); \
               return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'ring' : 'none'; })()",
        )
        .await;
    if ring != "ring" {
        found.lock().unwrap().push_str(&format!(
            "the simulator's message box ({scheme}): no visible focus\n"
        ));
    }
    b.sign_out_via_api(app).await;
    found.into_inner().unwrap()
}

impl Browser {
    /// Ends the browser's session without going through a page.
    pub async fn sign_out_via_api(&self, app: &TestApp) {
        self.client.goto(&app.url("/inbox")).await.unwrap();
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch('/api/v1/auth/logout', { method: 'POST' }).then(() => done(true));",
                vec![],
            )
            .await
            .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_core_in_light_and_dark_mode() {
    let Some(axe) = axe_source() else { return };
    let Some(b) = browser().await else { return };
    let app = spawn_app_with(Backend::Sqlite, |c| c.demo_conversations = true).await;
    let mut found = String::new();
    for scheme in ["light", "dark"] {
        color_scheme(&b, scheme).await;
        found.push_str(&pages(&b, &app, &axe, scheme).await);
    }
    assert!(found.is_empty(), "axe-core found violations on\n{found}");
}

/// Opens the demo conversation of the customer named `who` and waits for its messages.
pub async fn open_conversation_of(b: &Browser, who: &str) {
    b.click("button[data-view=all]").await;
    b.wait_js(
        "the list",
        &format!("[...document.querySelectorAll('#conversation-list li[data-conversation-id]')].some((li) => li.textContent.includes('{who}'))"),
    )
    .await;
    b.client
        .execute(
            &format!("[...document.querySelectorAll('#conversation-list li[data-conversation-id]')].find((li) => li.textContent.includes('{who}')).querySelector('a').click();"),
            vec![],
        )
        .await
        .unwrap();
    b.wait_js(
        "its messages",
        &format!("document.getElementById('chat-contact-name').textContent.includes('{who}') && document.querySelectorAll('#messages [data-message-id]').length > 1"),
    )
    .await;
}

/// Issue 10 (14): what people write keeps its own direction in either interface direction;
/// coordinates and phone numbers read left to right.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customer_text_keeps_its_direction_in_an_arabic_interface() {
    let Some(b) = browser().await else { return };
    let app = spawn_app_with(Backend::Sqlite, |c| c.demo_conversations = true).await;
    b.sign_in(&app, "admin@demo.test", DEMO_PASSWORD).await;
    // Arabic interface, Spanish customer.
    b.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('/api/v1/me', { method: 'PATCH', headers: { 'Content-Type': 'application/json' },
               body: JSON.stringify({ locale: 'ar' }) }).then(() => done(true));",
            vec![],
        )
        .await
        .unwrap();
    b.client.goto(&app.url("/inbox")).await.unwrap();
    assert_eq!(
        b.wait_js("rtl", "document.documentElement.dir").await,
        "rtl"
    );
    open_conversation_of(&b, "Carlos").await;
    let directions = b
        .wait_js(
            "directions",
            "(() => { const d = (el) => el && getComputedStyle(el).direction; \
               const text = [...document.querySelectorAll('#messages .bubble__text')].find((p) => p.textContent.includes('¿puedo')); \
               return JSON.stringify({ text: d(text), coords: d(document.querySelector('#messages .media-card__coords')), \
                 name: d(document.getElementById('chat-contact-name')), \
                 list: d([...document.querySelectorAll('#conversation-list .conv__name')].find((n) => n.textContent.includes('Carlos'))), \
                 phone: d(document.getElementById('chat-contact-phone')) }); })()",
        )
        .await;
    let directions: serde_json::Value = serde_json::from_str(directions.as_str().unwrap()).unwrap();
    assert_eq!(
        directions,
        json!({"text": "ltr", "coords": "ltr", "name": "ltr", "list": "ltr", "phone": "ltr"}),
        "Spanish text, coordinates and names read left to right in the Arabic interface"
    );
    // The coordinates are shown as written: the minus sign in front.
    let coords = b
        .wait_js(
            "coords",
            "document.querySelector('#messages .media-card__coords').textContent",
        )
        .await;
    assert_eq!(coords, "40.41536, -3.70739");
    // The bubble follows its text: the time sits at the end of the Spanish line (on the right),
    // clear of the words.
    let clear = b
        .wait_js(
            "the time's place",
            "(() => { const m = [...document.querySelectorAll('#messages .msg--out')].find((x) => x.textContent.includes('Claro')); \
               const bubble = m.querySelector('.bubble').getBoundingClientRect(); \
               const meta = m.querySelector('.bubble__meta').getBoundingClientRect(); \
               const text = m.querySelector('.bubble__text').getBoundingClientRect(); \
               return JSON.stringify({ end: bubble.right - meta.right < 16, below_or_after: meta.left >= text.left }); })()",
        )
        .await;
    assert_eq!(clear, json!("{\"end\":true,\"below_or_after\":true}"));
    b.screenshot("inbox-arabic-ui-spanish-customer").await;
    // English interface, Arabic customer.
    b.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('/api/v1/me', { method: 'PATCH', headers: { 'Content-Type': 'application/json' },
               body: JSON.stringify({ locale: 'en' }) }).then(() => done(true));",
            vec![],
        )
        .await
        .unwrap();
    b.client.goto(&app.url("/inbox")).await.unwrap();
    assert_eq!(
        b.wait_js("ltr", "document.documentElement.dir").await,
        "ltr"
    );
    open_conversation_of(&b, "Fatima").await;
    let direction = b
        .wait_js(
            "the Arabic text",
            "getComputedStyle([...document.querySelectorAll('#messages .bubble__text')].find((p) => p.textContent.includes('مرحبًا'))).direction",
        )
        .await;
    assert_eq!(direction, "rtl");
    b.screenshot("inbox-english-ui-arabic-customer").await;
}

/// The screens of this issue as a new user sees them, in light and dark, English and Arabic, at
/// 1440 and 390 pixels wide (`target/screenshots/tour-*.png`, looked at before each release);
/// none may scroll sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screens_in_both_schemes_both_directions_and_both_widths() {
    let Some(b) = browser().await else { return };
    let app = spawn_app_with(Backend::Sqlite, |c| c.demo_conversations = true).await;
    b.sign_in(&app, "admin@demo.test", DEMO_PASSWORD).await;
    for locale in ["en", "ar"] {
        b.client
            .execute_async(
                &format!(
                    "const done = arguments[arguments.length - 1];
                     fetch('/api/v1/me', {{ method: 'PATCH', headers: {{ 'Content-Type': 'application/json' }},
                       body: JSON.stringify({{ locale: '{locale}' }}) }}).then(() => done(true));"
                ),
                vec![],
            )
            .await
            .unwrap();
        for scheme in ["light", "dark"] {
            color_scheme(&b, scheme).await;
            for (width, height) in [(1440, 900), (390, 844)] {
                viewport(&b, width, height).await;
                let tag = format!("{locale}-{scheme}-{width}");
                b.client.goto(&app.url("/inbox")).await.unwrap();
                b.wait_js("the inbox", "document.getElementById('conversation-list').getAttribute('aria-busy') === 'false'").await;
                b.screenshot(&format!("tour-inbox-{tag}")).await;
                b.assert_no_horizontal_scroll(&format!("the inbox ({tag})"))
                    .await;
                open_conversation_of(&b, "Carlos").await;
                b.screenshot(&format!("tour-conversation-{tag}")).await;
                b.assert_no_horizontal_scroll(&format!("a conversation ({tag})"))
                    .await;
                for (page, path) in [
                    ("numbers", "/admin/numbers"),
                    ("security", "/preferences/security"),
                    ("profile", "/preferences/profile"),
                    ("canned", "/preferences/canned-responses"),
                    ("canned-admin", "/admin/canned-responses"),
                ] {
                    b.client.goto(&app.url(path)).await.unwrap();
                    b.wait_js("the page", "document.readyState === 'complete'")
                        .await;
                    b.screenshot(&format!("tour-{page}-{tag}")).await;
                    b.assert_no_horizontal_scroll(&format!("{path} ({tag})"))
                        .await;
                }
            }
        }
    }
}
