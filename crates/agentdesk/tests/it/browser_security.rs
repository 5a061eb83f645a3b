//! Issue 5 in headless Chromium: turning on 2FA by email with the code from the dev outbox, then
//! signing in with a code; changing the phone number through both verifications; the admin policy
//! forcing setup (done with an authenticator app, scanning the server's QR code); signing in with
//! the app's code and with a recovery code; new recovery codes behind the password.

use std::time::Duration;

use agentdesk_core::Clock;
use fantoccini::Locator;
use serde_json::json;

use crate::support::*;

/// Waits for a message to `to` that is not one of `seen` and returns its code.
async fn fresh_code(app: &TestApp, to: &str, seen: &mut Vec<String>) -> String {
    let known = seen.clone();
    let body = eventually(
        &format!("a new code to {to}"),
        Duration::from_secs(10),
        || {
            let known = known.clone();
            async move {
                let (_, list) = json(reqwest::get(app.url("/api/v1/dev/outbox")).await.ok()?).await;
                let body = list.as_array()?.iter().find(|m| m["to"] == to)?["body"]
                    .as_str()?
                    .to_owned();
                (!known.contains(&body)).then_some(body)
            }
        },
    )
    .await;
    seen.push(body.clone());
    six_digits(&body)
}

async fn enter_code(b: &Browser, code: &str) {
    b.wait_js(
        "the code dialog",
        "document.getElementById('otp-dialog').open",
    )
    .await;
    b.fill("#otp-code", code).await;
    b.click("#otp-confirm").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enable_email_2fa_then_sign_in_with_a_code() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    let mut seen = Vec::new();
    b.sign_in(&app, "agent1@demo.test", DEMO_PASSWORD).await;
    b.client
        .goto(&app.url("/preferences/security"))
        .await
        .unwrap();
    b.wait_for_path("/preferences/security").await;
    assert_eq!(b.text("#tfa-state").await, "Off");
    // The strongest method is offered first and preselected; this user picks email.
    assert_eq!(
        b.wait_js(
            "the preselected method",
            "document.querySelector('input[name=tfa-method]:checked').value"
        )
        .await,
        json!("totp")
    );
    // Off: the preselected method is marked, but not drawn as something in force.
    let drawn = b
        .wait_js(
            "the off state",
            "(() => { const card = document.querySelector('input[name=tfa-method]:checked').closest('.choice'); \
               const active = card.querySelector('.choice__active'); \
               return JSON.stringify({ fill: getComputedStyle(card).backgroundColor === getComputedStyle(document.querySelector('.card')).backgroundColor, \
                 in_use_shown: getComputedStyle(active).display !== 'none' }); })()",
        )
        .await;
    assert_eq!(drawn, json!("{\"fill\":true,\"in_use_shown\":false}"));
    b.screenshot("security-off").await;
    b.click("input[name=tfa-method][value=email]").await;

    b.click(".switch").await;
    b.wait_js(
        "the code dialog",
        "document.getElementById('otp-dialog').open",
    )
    .await;
    // While the code is awaited nothing has changed: the switch stays off and says what waits.
    assert_eq!(
        b.wait_js(
            "the pending state",
            "JSON.stringify([document.getElementById('tfa-switch').checked, document.getElementById('tfa-state').textContent])",
        )
        .await,
        json!("[false,\"Turning on…\"]")
    );
    // textContent: the dialog fades in, and WebDriver reports no text while it is transparent.
    let text = b
        .wait_js(
            "the dialog text",
            "document.getElementById('otp-text').textContent",
        )
        .await;
    assert!(text.as_str().unwrap().contains("a•••@demo.test"), "{text}");
    // The resend button counts down first.
    let resend = b
        .wait_js(
            "the countdown",
            "document.getElementById('otp-resend').textContent",
        )
        .await;
    assert!(
        resend.as_str().unwrap().starts_with("New code in"),
        "{resend}"
    );
    b.screenshot("security-code-dialog").await;
    // A wrong code is explained in place.
    b.fill("#otp-code", "000000").await;
    b.click("#otp-confirm").await;
    let error = b
        .wait_js(
            "the error",
            "document.getElementById('otp-error').textContent",
        )
        .await;
    assert_eq!(error, json!("That code is not correct."));
    let code = fresh_code(&app, "agent1@demo.test", &mut seen).await;
    enter_code(&b, &code).await;
    save_recovery_codes(&b, "security-recovery-codes", true).await;
    b.wait_js("2FA on", "document.getElementById('tfa-state').textContent === 'On' && !document.getElementById('otp-dialog').open").await;
    assert_eq!(
        b.wait_js("the recovery card", "!document.getElementById('recovery-card').hidden && document.getElementById('recovery-count').textContent").await,
        json!("10 unused codes left")
    );
    // The list reloads after the change: wait for the newest entry to be this one.
    b.wait_js(
        "the events list",
        "document.querySelector('#security-events .events__label')?.textContent === 'Two-factor authentication turned on'",
    )
    .await;
    b.screenshot("security-on").await;
    b.wait_js(
        "the sessions list",
        "document.querySelector('#sessions-list .badge') && (document.getElementById('sessions-card').scrollIntoView(), true)",
    )
    .await;
    b.screenshot("security-sessions-events").await;

    // Sign out, then in: password, then the code.
    b.sign_out().await;
    let text = password_step(&b, "agent1@demo.test").await;
    assert!(text.as_str().unwrap().contains("a•••@demo.test"), "{text}");
    assert_eq!(b.text("#login-heading").await, "Enter your code");
    assert_eq!(
        b.wait_js("the resend countdown", "document.getElementById('otp-resend').disabled && document.getElementById('otp-resend').textContent").await.as_str().map(|s| s.starts_with("New code in")),
        Some(true)
    );
    b.screenshot("login-code").await;
    // The half-session cannot open the inbox.
    let code = fresh_code(&app, "agent1@demo.test", &mut seen).await;
    b.fill("#otp-code", &code).await;
    b.click("#otp-submit").await;
    b.wait_for_path("/inbox").await;
    assert_eq!(b.text(".me-button__name").await, "Mia Chen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn change_the_phone_number_through_both_verifications() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    let mut seen = Vec::new();
    b.sign_in(&app, "agent2@demo.test", DEMO_PASSWORD).await;
    b.client
        .goto(&app.url("/preferences/security"))
        .await
        .unwrap();
    b.wait_for_path("/preferences/security").await;
    // SMS needs a phone first.
    assert_eq!(
        b.wait_js(
            "sms disabled",
            "document.querySelector('input[value=sms]').disabled"
        )
        .await,
        json!(true)
    );
    // The picker speaks the page's language.
    let us = b.wait_js("the picker", "[...document.getElementById('phone-country').options].find((o) => o.value === 'US')?.textContent").await;
    assert_eq!(us, json!("United States (+1)"));

    // A number that is not valid for its country is explained in place.
    b.client
        .find(Locator::Css("#phone-country option[value='US']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.fill("#phone-number", "123").await;
    b.click("#phone-save").await;
    let error = b
        .wait_js(
            "the field error",
            "document.getElementById('number-error').textContent",
        )
        .await;
    assert!(error.as_str().is_some_and(|e| !e.is_empty()));

    // First number: one code, to it.
    b.fill("#phone-number", "(415) 555-2671").await;
    b.click("#phone-save").await;
    let code = fresh_code(&app, "+14155552671", &mut seen).await;
    let text = b.wait_js("the dialog text", "document.getElementById('otp-dialog').open && document.getElementById('otp-text').textContent").await;
    assert!(text.as_str().unwrap().contains("•••• ••71"), "{text}");
    enter_code(&b, &code).await;
    b.wait_js(
        "the saved number",
        "document.getElementById('phone-current').textContent.includes('+14155552671')",
    )
    .await;
    assert_eq!(
        b.wait_js(
            "sms enabled",
            "!document.querySelector('input[value=sms]').disabled && 'yes'"
        )
        .await,
        json!("yes")
    );

    // Changing it: the old number first, then the new one.
    b.client
        .find(Locator::Css("#phone-country option[value='BR']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.fill("#phone-number", "11 91234-5678").await;
    b.click("#phone-save").await;
    let old = fresh_code(&app, "+14155552671", &mut seen).await;
    let text = b.wait_js("the old-number step", "document.getElementById('otp-dialog').open && document.getElementById('otp-text').textContent").await;
    assert!(text.as_str().unwrap().contains("current number"), "{text}");
    b.screenshot("phone-old-step").await;
    enter_code(&b, &old).await;
    let new = fresh_code(&app, "+5511912345678", &mut seen).await;
    let text = b.wait_js("the new-number step", "document.getElementById('otp-dialog').open && document.getElementById('otp-text').textContent.includes('new number') && document.getElementById('otp-text').textContent").await;
    assert!(text.as_str().unwrap().contains("•••• ••78"), "{text}");
    let me = app.user_id("agent2@demo.test").await;
    let stored = app
        .state
        .store()
        .user(agentdesk_core::domain::UserId(me))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.phone.unwrap().as_str(),
        "+14155552671",
        "unchanged until the new number is verified"
    );
    enter_code(&b, &new).await;
    b.wait_js(
        "the new number",
        "document.getElementById('phone-current').textContent.includes('+5511912345678')",
    )
    .await;
    b.screenshot("phone-changed").await;
    let stored = app
        .state
        .store()
        .user(agentdesk_core::domain::UserId(me))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.phone.unwrap().as_str(), "+5511912345678");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_policy_forces_two_factor_setup() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    b.sign_in(&app, "admin@demo.test", DEMO_PASSWORD).await;
    b.client.goto(&app.url("/admin/agents")).await.unwrap();
    b.wait_for_path("/admin/agents").await;
    b.click(".policy .switch").await;
    let toast = b
        .wait_js("the toast", "document.getElementById('toast').textContent")
        .await;
    assert_eq!(
        toast,
        json!("Two-factor authentication is now required for everyone.")
    );
    b.screenshot("admin-require-2fa").await;
    b.sign_out().await;

    // An agent without 2FA lands on the Security page and can go nowhere else.
    b.fill("#email", "agent3@demo.test").await;
    b.fill("#password", DEMO_PASSWORD).await;
    b.click("#login-submit").await;
    b.wait_for_path("/preferences/security").await;
    assert!(
        b.text("#setup-banner")
            .await
            .contains("requires two-factor")
    );
    b.screenshot("security-setup-required").await;
    b.client.goto(&app.url("/inbox")).await.unwrap();
    b.wait_for_path("/preferences/security").await;

    // Set up with the authenticator app (preselected as the strongest): scan, enter its code.
    b.click(".switch").await;
    let secret = scan_qr_code(&b).await;
    b.screenshot("security-authenticator-setup").await;
    let code = agentdesk::security::totp::code_at(&secret, app.clock.now()).unwrap();
    b.fill("#otp-code", &code).await;
    b.click("#otp-confirm").await;
    save_recovery_codes(&b, "security-setup-recovery-codes", true).await;
    b.wait_for_path("/inbox").await;
    assert_eq!(b.text(".me-button__name").await, "Sara Haddad");
}

/// Signs in with the password on the open sign-in page; returns the code step's sentence.
async fn password_step(b: &Browser, email: &str) -> serde_json::Value {
    b.fill("#email", email).await;
    b.fill("#password", DEMO_PASSWORD).await;
    b.click("#login-submit").await;
    b.wait_js(
        "the code step",
        "!document.getElementById('otp-form').hidden",
    )
    .await;
    b.wait_js(
        "the code text",
        "document.getElementById('otp-text').textContent",
    )
    .await
}

/// Waits for the authenticator enrolment in the code dialog, checks the QR code image loaded from
/// the server, and returns the secret shown for typing by hand (what the app learns by scanning).
async fn scan_qr_code(b: &Browser) -> String {
    b.wait_js(
        "the enrolment",
        "document.getElementById('otp-dialog').open && !document.getElementById('otp-enroll').hidden",
    )
    .await;
    let qr = b
        .wait_js(
            "the QR code",
            "(() => { const i = document.getElementById('otp-qr'); return i.complete && i.naturalWidth > 0 && i.getAttribute('src'); })()",
        )
        .await;
    assert!(
        qr.as_str()
            .unwrap()
            .starts_with("/api/v1/me/two-factor/qr/"),
        "{qr}"
    );
    assert_eq!(
        b.wait_js(
            "the dialog title",
            "document.getElementById('otp-title').textContent"
        )
        .await,
        json!("Set up your authenticator app")
    );
    assert_eq!(
        b.wait_js("no resend", "document.getElementById('otp-resend').hidden")
            .await,
        json!(true),
        "an app's code is never sent"
    );
    let secret = b
        .wait_js(
            "the key",
            "document.getElementById('otp-secret').textContent",
        )
        .await;
    secret.as_str().unwrap().replace(' ', "")
}

/// The recovery codes dialog: ten codes, Done only after "I have saved these codes".
/// Saves the recovery codes the dialog shows; `toast`: a toast was shown as the dialog opened,
/// and must be drawn above it.
async fn save_recovery_codes(b: &Browser, screenshot: &str, toast: bool) -> Vec<String> {
    let codes = b
        .wait_js(
            "the recovery codes",
            "document.getElementById('codes-dialog').open && document.querySelectorAll('#codes-list li').length === 10 && [...document.querySelectorAll('#codes-list li')].map((li) => li.textContent)",
        )
        .await;
    let codes: Vec<String> = codes
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert!(codes.iter().all(|c| c.len() == 29), "{codes:?}");
    assert_eq!(
        b.wait_js(
            "Done waits",
            "document.getElementById('codes-done').disabled"
        )
        .await,
        json!(true)
    );
    b.screenshot(screenshot).await;
    if toast {
        // The toast shown as 2FA turned on is drawn above the dialog's backdrop, not dimmed under it:
        // the pixel at its edge is the toast's own colour.
        let spot = b
            .wait_js(
                "the toast",
                "(() => { const t = document.getElementById('toast'); if (!t.matches(':popover-open') || !t.textContent) return ''; \
                   const r = t.getBoundingClientRect(); \
                   return JSON.stringify([Math.round(r.left + 5), Math.round(r.top + r.height / 2), getComputedStyle(t).backgroundColor]); })()",
            )
            .await;
        let spot: serde_json::Value = serde_json::from_str(spot.as_str().unwrap()).unwrap();
        let shown = b
            .pixel(
                spot[0].as_u64().unwrap() as u32,
                spot[1].as_u64().unwrap() as u32,
            )
            .await;
        let expected: Vec<u8> = spot[2]
            .as_str()
            .unwrap()
            .trim_start_matches("rgb(")
            .trim_end_matches(')')
            .split(',')
            .map(|c| c.trim().parse().unwrap())
            .collect();
        assert!(
            shown
                .iter()
                .zip(&expected)
                .all(|(a, b)| a.abs_diff(*b) <= 6),
            "the toast is dimmed: {shown:?} where its colour is {expected:?}"
        );
    }
    b.click("#codes-saved").await;
    b.click("#codes-done").await;
    b.wait_js(
        "the dialog to close",
        "!document.getElementById('codes-dialog')?.open",
    )
    .await;
    codes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_with_the_app_or_a_recovery_code_and_make_new_codes() {
    let Some(b) = browser().await else { return };
    let app = spawn_app(Backend::Sqlite).await;
    let agent = app.agent(2).await;
    let (secret, codes) = crate::support::enable_totp(&app, &agent).await;
    app.clock.advance_secs(30);

    // The app's code: no resend button, the sentence names the app.
    b.client.goto(&app.url("/login")).await.unwrap();
    let text = password_step(&b, "agent2@demo.test").await;
    assert!(
        text.as_str().unwrap().contains("authenticator app"),
        "{text}"
    );
    assert_eq!(
        b.wait_js("no resend", "document.getElementById('otp-resend').hidden")
            .await,
        json!(true)
    );
    b.screenshot("login-authenticator").await;
    let code = agentdesk::security::totp::code_at(&secret, app.clock.now()).unwrap();
    b.fill("#otp-code", &code).await;
    b.click("#otp-submit").await;
    b.wait_for_path("/inbox").await;
    b.sign_out().await;

    // Lost the phone: a recovery code instead. A wrong one is explained in place.
    password_step(&b, "agent2@demo.test").await;
    b.click("#otp-recovery").await;
    b.wait_js(
        "the recovery field",
        "!document.getElementById('recovery-field').hidden",
    )
    .await;
    b.fill("#recovery-code", "aaaa-bbbb-cccc-dddd-eeee-ffff")
        .await;
    b.click("#otp-submit").await;
    assert_eq!(
        b.wait_js("the error", "!document.getElementById('otp-error').hidden && document.getElementById('otp-error').textContent").await,
        json!("That code is not correct.")
    );
    b.screenshot("login-recovery-code").await;
    b.fill("#recovery-code", &codes[4].to_uppercase()).await;
    b.click("#otp-submit").await;
    b.wait_for_path("/inbox").await;

    // New codes: the password first (a wrong one is explained), then the dialog.
    b.client
        .goto(&app.url("/preferences/security"))
        .await
        .unwrap();
    b.wait_for_path("/preferences/security").await;
    assert_eq!(
        b.wait_js(
            "the count",
            "document.getElementById('recovery-count').textContent"
        )
        .await,
        json!("9 unused codes left")
    );
    b.click("#recovery-generate").await;
    b.wait_js(
        "the password dialog",
        "document.getElementById('recovery-password-dialog').open",
    )
    .await;
    b.fill("#recovery-password", "not my password").await;
    b.click("#recovery-password-confirm").await;
    assert_eq!(
        b.wait_js(
            "the error",
            "document.getElementById('recovery-password-error').textContent"
        )
        .await,
        json!("Your current password is not correct.")
    );
    b.fill("#recovery-password", DEMO_PASSWORD).await;
    b.click("#recovery-password-confirm").await;
    let fresh = save_recovery_codes(&b, "security-new-recovery-codes", false).await;
    assert!(fresh.iter().all(|c| !codes.contains(c)));
    assert_eq!(
        b.wait_js(
            "the count",
            "document.getElementById('recovery-count').textContent === '10 unused codes left'"
        )
        .await,
        json!(true)
    );
    b.wait_js(
        "the events list",
        "document.querySelector('#security-events .events__label')?.textContent === 'New recovery codes generated'",
    )
    .await;
    b.screenshot("security-authenticator-on").await;
}
