//! Your preference › Security: two-factor authentication, phone, recovery codes, sessions and
//! security events; `static/js/security/security.js` drives it through the API.

use agentdesk_core::store::SecurityEventKind;
use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::http::SetupPageUser;
use crate::http::page::{Nav, Ui, render};
use crate::i18n::Tr;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "security/page.html")]
pub struct SecurityPage {
    pub tr: Tr,
    pub ui: Ui,
    pub email: String,
    /// E.164, or empty.
    pub phone: String,
    /// `sms`, `email`, `totp`, or empty when 2FA is off.
    pub method: &'static str,
    /// Unused recovery codes, and the sentence that says how many.
    pub recovery_left: i64,
    pub recovery_left_text: String,
    /// The same sentence for a fresh set.
    pub recovery_full_text: String,
    /// The picker's preselected region (the phone's, else empty: the browser's locale decides).
    pub region: String,
    pub regions: &'static [(String, u16)],
    pub event_labels: Vec<(&'static str, String)>,
    /// The company requires a second factor and the user has none yet.
    pub setup: bool,
    /// Whether codes can go out by SMS / email on this server (live delivery needs a provider).
    pub sms_available: bool,
    pub email_available: bool,
    /// Admins are told how to configure a missing channel.
    pub is_admin: bool,
}

pub async fn security_page(
    State(state): State<AppState>,
    SetupPageUser { user, ctx, setup }: SetupPageUser,
) -> Result<Response, crate::http::ApiError> {
    let tr = ctx.tr();
    let recovery_left = state.store().recovery_codes_left(user.id).await?;
    Ok(render(&SecurityPage {
        recovery_left,
        recovery_left_text: tr.t_args("recovery-left", &[("count", recovery_left.into())]),
        recovery_full_text: tr.t_args(
            "recovery-left",
            &[("count", (crate::security::recovery::COUNT as i64).into())],
        ),
        ui: Ui::signed_in(&user, Nav::Preferences),
        email: user.email.to_string(),
        phone: user
            .phone
            .as_ref()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        method: user.two_factor.map(|m| m.as_str()).unwrap_or_default(),
        region: user
            .phone
            .as_ref()
            .and_then(agentdesk_core::domain::region_of)
            .unwrap_or_default(),
        regions: agentdesk_core::domain::regions(),
        event_labels: SecurityEventKind::ALL
            .iter()
            .map(|k| (k.as_str(), tr.t(&format!("security-event-{}", k.as_str()))))
            .collect(),
        setup,
        sms_available: state.notifier().available(crate::delivery::Channel::Sms),
        email_available: state.notifier().available(crate::delivery::Channel::Email),
        is_admin: user.is_admin(),
        tr,
    }))
}
