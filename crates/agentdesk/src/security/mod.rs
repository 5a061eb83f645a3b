//! Your preference › Security and the second sign-in step: one-time codes (`otp`), two-factor
//! authentication by SMS, email or an authenticator app (`two_factor`, `totp`), recovery codes
//! (`recovery`), the verified phone number (`phone`), security events, and the dev outbox.

pub mod events;
pub mod otp;
pub mod outbox;
pub mod page;
pub mod phone;
pub mod recovery;
pub mod sessions;
pub mod totp;
pub mod two_factor;

use agentdesk_core::domain::User;

use crate::delivery::{Channel, Outgoing};
use crate::i18n::Tr;
use crate::state::AppState;
use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Two-factor authentication, recovery codes, phone, sessions, security events, dev outbox.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(two_factor::challenge))
        .routes(routes!(two_factor::apply))
        .routes(routes!(two_factor::qr_code))
        .routes(routes!(recovery::regenerate))
        .routes(routes!(otp::resend_mine))
        .routes(routes!(phone::start, phone::remove))
        .routes(routes!(phone::verify))
        .routes(routes!(events::list))
        .routes(routes!(sessions::list, sessions::sign_out_others))
        .routes(routes!(outbox::list))
}

pub fn pages() -> Router<AppState> {
    Router::new().route("/preferences/security", get(page::security_page))
}

/// Tells the user about a security change through the channel it did not happen on (email after
/// an SMS change and vice versa; email when there is no phone, and after a change made with an
/// authenticator app). A failure is logged, not fatal: the change itself has happened.
pub async fn confirm_elsewhere(state: &AppState, user: &User, changed: Channel, key: &str) {
    let via = match (changed, &user.phone) {
        (Channel::Email, Some(_)) => Channel::Sms,
        _ => Channel::Email,
    };
    let body = Tr::new(user.locale.unwrap_or_default()).t(key);
    notify(state, user, via, body).await;
}

/// Sends a security notice (`body`, already in the user's language) by `via`.
pub async fn notify(state: &AppState, user: &User, via: Channel, body: String) {
    let tr = Tr::new(user.locale.unwrap_or_default());
    let message = match (via, &user.phone) {
        (Channel::Sms, Some(phone)) => Outgoing {
            channel: Channel::Sms,
            to: phone.as_str().to_owned(),
            subject: None,
            body,
        },
        _ => Outgoing {
            channel: Channel::Email,
            to: user.email.as_str().to_owned(),
            subject: Some(tr.t("notice-email-subject")),
            body,
        },
    };
    if let Err(e) = state.notifier().send(&message).await {
        tracing::warn!(error = %e, user_id = user.id.0, "security notice not delivered");
    }
}

/// ASCII `text` in groups of `size` joined by `separator`, for codes and keys people copy by hand.
pub fn in_groups(text: &[u8], size: usize, separator: &str) -> String {
    text.chunks(size.max(1))
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(separator)
}
