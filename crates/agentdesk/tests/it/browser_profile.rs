//! Issue 4 in headless Chromium: the avatar (choose, crop, upload with progress, hover preview,
//! delete), name counters, every locale on every settings page (no raw key, no broken layout),
//! Arabic right to left, and a password change ending another browser's session.

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use serde_json::json;

use crate::support::*;

async fn open_profile(b: &Browser, app: &TestApp, email: &str) {
    b.sign_in(app, email, DEMO_PASSWORD).await;
    b.client
        .goto(&app.url("/preferences/profile"))
        .await
        .unwrap();
    b.wait_for_path("/preferences/profile").await;
}

async fn hover(b: &Browser, css: &str) {
    let element = b.client.find(Locator::Css(css)).await.unwrap();
    let actions = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element,
        duration: Some(Duration::from_millis(50)),
        x: 0.0,
        y: 0.0,
    });
    b.client.perform_actions(actions).await.unwrap();
}

/// A noisy picture (so the upload is big enough to report progress several times).
fn noisy_png(w: u32, h: u32) -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let img = image::RgbImage::from_fn(w, h, |x, _| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let n = (seed & 0x3f) as u8;
        if x < w / 2 {
            image::Rgb([200 + n / 2, n, n])
        } else {
            image::Rgb([n, n, 200 + n / 2])
        }
    });
    png_of(&img)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn avatar_upload_with_progress_hover_preview_and_delete() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    open_profile(&b, &app, "agent1@demo.test").await;
    assert_eq!(
        b.wait_js(
            "no picture yet",
            "!document.getElementById('avatar-stage').classList.contains('has-picture') && 'none'"
        )
        .await,
        json!("none")
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portrait.png");
    let bytes = noisy_png(1400, 1000);
    assert!(
        bytes.len() > 1_000_000 && bytes.len() < 5 * 1024 * 1024,
        "{}",
        bytes.len()
    );
    std::fs::write(&path, &bytes).unwrap();
    b.client
        .find(Locator::Css("#avatar-file"))
        .await
        .unwrap()
        .send_keys(path.to_str().unwrap())
        .await
        .unwrap();

    // The crop dialog opens on the picture; drag it towards the red half, then keep that square.
    b.wait_js(
        "the crop dialog",
        "document.getElementById('crop-dialog').open",
    )
    .await;
    b.screenshot("avatar-crop").await;
    let canvas = b.client.find(Locator::Css("#crop-canvas")).await.unwrap();
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: canvas,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(100)),
            x: 120.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        });
    b.client.perform_actions(drag).await.unwrap();
    b.click("#crop-use").await;
    b.wait_js(
        "the pending note",
        "!document.getElementById('avatar-pending').hidden",
    )
    .await;
    assert_eq!(
        b.wait_js(
            "the local preview",
            "document.querySelector('#avatar-current .avatar__img')?.src.startsWith('blob:')"
        )
        .await,
        json!(true)
    );

    // One Save is all or nothing: with the first name emptied, nothing is saved — the picture
    // stays pending, the page says so in the error colour and points at the name.
    b.fill("#first_name", " ").await;
    b.click("#profile-save").await;
    let status = b
        .wait_js(
            "the failure",
            "document.getElementById('profile-status').classList.contains('is-error') && document.getElementById('profile-status').textContent",
        )
        .await;
    assert!(
        status.as_str().unwrap().starts_with("Nothing was saved"),
        "{status}"
    );
    assert!(
        !b.wait_js(
            "the field error",
            "document.getElementById('first_name-error').textContent"
        )
        .await
        .as_str()
        .unwrap()
        .is_empty()
    );
    assert_eq!(
        b.wait_js(
            "the picture still pending",
            "!document.getElementById('avatar-pending').hidden"
        )
        .await,
        json!(true)
    );
    let (_, me) = crate::support::json(
        app.agent(1)
            .await
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        me["avatar_url"],
        serde_json::Value::Null,
        "the picture was not saved"
    );
    b.screenshot("profile-save-refused").await;
    b.fill("#first_name", "Mia").await;

    // Save uploads it, showing progress as it goes.
    b.client
        .execute(
            "window.__progress = []; const label = document.getElementById('avatar-progress-label'); \
             new MutationObserver(() => window.__progress.push(label.textContent)).observe(label, {childList: true, characterData: true, subtree: true});",
            vec![],
        )
        .await
        .unwrap();
    b.click("#profile-save").await;
    b.wait_js(
        "the saved status",
        "document.getElementById('profile-status').textContent === 'Saved'",
    )
    .await;
    let progress = b
        .wait_js(
            "progress reports",
            "window.__progress.length > 0 && window.__progress",
        )
        .await;
    let reports: Vec<String> = serde_json::from_value(progress).unwrap();
    assert!(
        reports
            .iter()
            .any(|r| r.starts_with("Uploading picture…") && r.contains('%')),
        "{reports:?}"
    );
    assert_eq!(
        b.wait_js(
            "the progress bar to go away",
            "document.getElementById('avatar-progress').hidden"
        )
        .await,
        json!(true)
    );

    // The picture is everywhere the user appears on this page: the sidebar and the profile.
    let sidebar = b
        .wait_js("the sidebar picture", "document.querySelector('#me-button .avatar__img')?.complete && document.querySelector('#me-button .avatar__img').naturalWidth")
        .await;
    assert_eq!(sidebar, json!(96));
    let me = app.user_id("agent1@demo.test").await;
    let stored = app
        .state
        .store()
        .user(agentdesk_core::domain::UserId(me))
        .await
        .unwrap()
        .unwrap();
    assert!(stored.avatar.is_some());
    // The dragged crop kept more of the red (left) half than a centred square would.
    let url = crate::support::json(
        app.agent(1)
            .await
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap(),
    )
    .await
    .1["avatar_url"]
        .as_str()
        .unwrap()
        .to_owned();
    let picture = app
        .agent(1)
        .await
        .get(app.url(&url))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let picture = image::load_from_memory(&picture).unwrap().into_rgb8();
    assert!(
        picture.get_pixel(320, 320).0[0] > 150,
        "dragged towards red: {:?}",
        picture.get_pixel(320, 320)
    );

    // Hover: a larger preview with the delete action.
    hover(&b, "#avatar-trigger").await;
    let preview = b
        .wait_js(
            "the hover preview",
            "getComputedStyle(document.getElementById('avatar-pop')).display !== 'none' && document.querySelector('#avatar-preview .avatar__img')?.complete && document.getElementById('avatar-preview').getBoundingClientRect().width",
        )
        .await;
    assert!(
        preview.as_f64().unwrap() > 150.0,
        "preview is larger: {preview}"
    );
    b.screenshot("avatar-hover").await;
    // Moving away hides it.
    hover(&b, "h1").await;
    b.wait_js(
        "the preview to hide",
        "getComputedStyle(document.getElementById('avatar-pop')).display === 'none'",
    )
    .await;

    // Delete asks first.
    hover(&b, "#avatar-trigger").await;
    b.wait_js(
        "the hover preview",
        "getComputedStyle(document.getElementById('avatar-pop')).display !== 'none'",
    )
    .await;
    b.click("#avatar-remove").await;
    b.wait_js(
        "the confirmation",
        "document.getElementById('avatar-remove-dialog').open",
    )
    .await;
    b.screenshot("avatar-remove-confirm").await;
    b.click("#avatar-remove-cancel").await;
    b.wait_js(
        "the dialog to close",
        "!document.getElementById('avatar-remove-dialog').open",
    )
    .await;
    assert!(
        app.state
            .store()
            .user(agentdesk_core::domain::UserId(me))
            .await
            .unwrap()
            .unwrap()
            .avatar
            .is_some(),
        "cancel keeps it"
    );

    hover(&b, "#avatar-trigger").await;
    b.click("#avatar-remove").await;
    b.wait_js(
        "the confirmation",
        "document.getElementById('avatar-remove-dialog').open",
    )
    .await;
    b.click("#avatar-remove-confirm").await;
    b.wait_js("the initials back", "!document.querySelector('#me-button .avatar__img') && !document.querySelector('#avatar-current .avatar__img')").await;
    assert_eq!(b.text("#me-button .avatar").await, "MC");
    assert!(
        app.state
            .store()
            .user(agentdesk_core::domain::UserId(me))
            .await
            .unwrap()
            .unwrap()
            .avatar
            .is_none()
    );
    b.screenshot("avatar-removed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn name_counters_count_characters_and_unsaved_changes_warn() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    open_profile(&b, &app, "agent1@demo.test").await;
    assert_eq!(b.text("#first_name-count").await, "3 / 50");

    // Characters, not bytes: 45 CJK characters and an emoji are 46.
    b.fill("#first_name", &format!("{}😀", "明".repeat(45)))
        .await;
    assert_eq!(b.text("#first_name-count").await, "46 / 50");
    assert_eq!(
        b.wait_js(
            "the near-limit mark",
            "document.getElementById('first_name-count').classList.contains('is-near')"
        )
        .await,
        json!(true)
    );
    b.fill("#first_name", &"明".repeat(51)).await;
    assert_eq!(b.text("#first_name-count").await, "51 / 50");
    assert_eq!(
        b.wait_js(
            "the over-limit mark",
            "document.getElementById('first_name-count').classList.contains('is-over')"
        )
        .await,
        json!(true)
    );
    b.click("#profile-save").await;
    let error = b
        .wait_js(
            "the field error",
            "document.getElementById('first_name-error').textContent",
        )
        .await;
    assert_eq!(error, json!("This is too long."));
    b.screenshot("profile-name-too-long").await;

    // Leaving with unsaved changes asks first (the page cancels `beforeunload`, which makes the
    // browser ask; headless Chrome under WebDriver answers such prompts by itself, so the test
    // checks the page's answer), and stops asking once saved.
    let leaving = "(() => { const e = new Event('beforeunload', { cancelable: true }); \
                    window.dispatchEvent(e); return e.defaultPrevented ? 'asks' : 'silent'; })()";
    b.fill("#first_name", "Mia-Rose").await;
    assert_eq!(b.wait_js("the leave warning", leaving).await, json!("asks"));
    b.click("#profile-save").await;
    b.wait_js(
        "the saved status",
        "document.getElementById('profile-status').textContent === 'Saved'",
    )
    .await;
    assert_eq!(
        b.wait_js("no leave warning", leaving).await,
        json!("silent")
    );
    b.click(".nav-item[href='/inbox']").await;
    b.wait_for_path("/inbox").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arabic_turns_the_layout_right_to_left() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    open_profile(&b, &app, "agent1@demo.test").await;
    // Unsaved names survive the language switch.
    b.fill("#last_name", "Chen-Haddad").await;
    b.client
        .find(Locator::Css("#language option[value='ar']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_js(
        "the page in Arabic",
        "document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl'",
    )
    .await;
    let value = b
        .wait_js(
            "the kept draft",
            "document.getElementById('last_name').value",
        )
        .await;
    assert_eq!(value, json!("Chen-Haddad"));
    let mirrored = b
        .wait_js(
            "the mirrored layout",
            "(() => { const s = document.querySelector('.sidebar').getBoundingClientRect(); \
               const m = document.querySelector('.prefs__menu').getBoundingClientRect(); \
               const c = document.querySelector('.prefs__content').getBoundingClientRect(); \
               return s.left > window.innerWidth / 2 && m.left > c.left ? 'mirrored' : ''; })()",
        )
        .await;
    assert_eq!(mirrored, json!("mirrored"));
    b.assert_no_horizontal_scroll("profile in Arabic").await;
    let heading = b.text("h1").await;
    assert!(
        heading
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{heading}"
    );
    b.screenshot("preferences-profile-ar").await;
    b.click(".nav-item[href='/inbox']").await;
    b.wait_for_path("/inbox").await;
    b.screenshot("inbox-ar").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_in_every_locale_without_raw_keys_or_broken_layout() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    b.sign_in(&app, "admin@demo.test", DEMO_PASSWORD).await;
    let admin = app.admin().await;
    for locale in agentdesk_core::domain::Locale::ALL {
        let tag = locale.tag();
        let res = admin
            .patch(app.url("/api/v1/me"))
            .json(&json!({"locale": tag}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        for page in [
            "/preferences/profile",
            "/inbox",
            "/admin/agents",
            "/admin/numbers",
        ] {
            b.client.goto(&app.url(page)).await.unwrap();
            b.wait_js(&format!("{page} in {tag}"), &format!("document.documentElement.lang === '{tag}' && document.readyState === 'complete'")).await;
            let raw = b
                .client
                .execute(
                    "return document.body.innerText.includes('⟦') || document.title.includes('⟦');",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(raw, json!(false), "{page} in {tag} shows a raw key");
            // Well-formed: ids are unique and the title is plain text.
            let sane = b
                .client
                .execute(
                    "const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); \
                     return new Set(ids).size === ids.length && !/[<>]/.test(document.title) && document.title.length > 0;",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(
                sane,
                json!(true),
                "{page} in {tag}: duplicate ids or a broken title"
            );
            b.assert_no_horizontal_scroll(&format!("{page} in {tag}"))
                .await;
            // Labels fit their buttons and menu entries.
            let clipped = b
                .client
                .execute(
                    "return [...document.querySelectorAll('.btn, .nav-item, .prefs__link, .tab, h1, h2')] \
                       .filter((e) => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1) \
                       .map((e) => e.textContent.trim());",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(clipped, json!([]), "{page} in {tag}: clipped labels");
            let dir = b
                .client
                .execute("return document.documentElement.dir;", vec![])
                .await
                .unwrap();
            assert_eq!(dir, json!(if locale.is_rtl() { "rtl" } else { "ltr" }));
        }
        b.client
            .goto(&app.url("/preferences/profile"))
            .await
            .unwrap();
        b.wait_js("the profile page", "document.readyState === 'complete'")
            .await;
        b.screenshot(&format!("preferences-profile-{tag}")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_change_ends_the_session_in_another_browser() {
    let Some(here) = browser().await else { return };
    let Some(there) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    there.sign_in(&app, "agent1@demo.test", DEMO_PASSWORD).await;
    open_profile(&here, &app, "agent1@demo.test").await;

    here.fill("#current_password", DEMO_PASSWORD).await;
    here.fill("#new_password", "password1").await;
    let weak = here
        .wait_js(
            "the meter",
            "document.getElementById('password-strength').dataset.score",
        )
        .await;
    assert!(matches!(weak.as_str(), Some("0" | "1")), "{weak}");
    here.fill("#new_password", "lantern orbit maple 42").await;
    here.wait_js(
        "a strong score",
        "['3', '4'].includes(document.getElementById('password-strength').dataset.score)",
    )
    .await;
    here.fill("#confirm_password", "lantern orbit maple 43")
        .await;
    here.click("#password-save").await;
    let mismatch = here
        .wait_js(
            "the mismatch",
            "document.getElementById('confirm_password-error').textContent",
        )
        .await;
    assert_eq!(mismatch, json!("The two new passwords do not match."));
    here.screenshot("password-strength").await;

    here.fill("#confirm_password", "lantern orbit maple 42")
        .await;
    here.click("#password-save").await;
    let done = here
        .wait_js(
            "the confirmation",
            "document.getElementById('password-status').textContent",
        )
        .await;
    assert_eq!(
        done,
        json!("Password changed. You have been signed out on every other device.")
    );
    here.screenshot("password-changed").await;

    // The other browser is signed out; this one is not.
    there.client.goto(&app.url("/inbox")).await.unwrap();
    there.wait_for_path("/login").await;
    here.client.goto(&app.url("/inbox")).await.unwrap();
    here.wait_for_path("/inbox").await;
    there.fill("#email", "agent1@demo.test").await;
    there.fill("#password", "lantern orbit maple 42").await;
    there.click("#login-submit").await;
    there.wait_for_path("/inbox").await;
}
