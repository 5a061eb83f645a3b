//! One-time codes (docs/security.md 1–4): six digits from the OS CSPRNG, valid ten minutes, stored as
//! a keyed hash and compared in constant time, never logged; single use, consumed atomically; bound
//! to the user, the purpose and the pending action; dead after five wrong tries; a per-account
//! failure counter that a resend does not reset, with growing waits (30 s … 1 h) and a cap of
//! 100 consecutive failures; resends at most every 60 s and five sends an hour per account and
//! per destination, checked and counted in one atomic step. A number being added (a phone change)
//! is not yet anyone's: codes to it are counted apart (three an hour from all accounts), so they
//! never use up the budget of the owner who verified that number for signing in.
//!
//! A challenge answered from an authenticator app (channel `totp`) sends nothing: its code is
//! checked against the app's secret (the user's, or for an enrolment the new one the challenge
//! carries) and each time step is accepted once. Every other rule above applies to it unchanged.
//! At the sign-in step a recovery code may answer instead of the code; it counts as a try too.

use agentdesk_core::store::SecurityEventKind;
use hmac::{Hmac, Mac};
use rand::Rng;
use serde::Serialize;
use sha2::Sha256;
use utoipa::ToSchema;

use agentdesk_core::domain::{User, UserId};
pub use agentdesk_core::store::Purpose;
use agentdesk_core::store::{Challenge, CodeChannel, NewChallenge, Resent, SendLimits};
use agentdesk_core::{Secret, Timestamp};

use agentdesk_core::domain::TwoFactorMethod;

use crate::auth::session::new_token;
use crate::delivery::{Channel, Outgoing};
use crate::http::ApiError;
use crate::i18n::Tr;
use crate::state::AppState;

/// Why a code was not sent or not accepted; handlers answer with the matching `ApiError`.
#[derive(Debug, thiserror::Error)]
pub enum OtpError {
    #[error("no verified phone number")]
    PhoneNotVerified,
    /// Live delivery without a configured transport for this channel.
    #[error("{0:?} delivery is not configured")]
    ChannelNotConfigured(Channel),
    /// The number cannot receive texts (a landline or a premium number stored long ago).
    #[error("not a mobile number")]
    NotMobile,
    /// The cooldown or an hourly send limit.
    #[error("rate limited")]
    RateLimited { retry_after_secs: i64 },
    #[error("code not delivered: {0}")]
    DeliveryFailed(String),
    /// Wrong, used, or not this user's: all look the same.
    #[error("invalid code")]
    InvalidCode,
    #[error("authenticator codes cannot be resent")]
    NothingToResend,
    #[error("too many attempts")]
    TooManyAttempts { retry_after_secs: i64 },
    #[error("code expired")]
    CodeExpired,
    #[error(transparent)]
    Store(#[from] agentdesk_core::StoreError),
    #[error(transparent)]
    Totp(#[from] super::totp::TotpError),
}

impl From<OtpError> for ApiError {
    fn from(e: OtpError) -> Self {
        match e {
            OtpError::PhoneNotVerified => ApiError::PhoneNotVerified,
            OtpError::ChannelNotConfigured(channel) => ApiError::ChannelNotConfigured(channel),
            OtpError::NotMobile => {
                ApiError::field("phone", agentdesk_core::domain::Invalid::NotMobile)
            }
            OtpError::RateLimited { retry_after_secs } => {
                ApiError::RateLimited { retry_after_secs }
            }
            OtpError::DeliveryFailed(why) => ApiError::DeliveryFailed(why),
            OtpError::InvalidCode => ApiError::InvalidCode,
            OtpError::NothingToResend => ApiError::NothingToResend,
            OtpError::TooManyAttempts { retry_after_secs } => {
                ApiError::TooManyAttempts { retry_after_secs }
            }
            OtpError::CodeExpired => ApiError::CodeExpired,
            OtpError::Store(e) => e.into(),
            OtpError::Totp(e) => e.into(),
        }
    }
}

pub const CODE_TTL_SECS: i64 = 10 * 60;
pub const MAX_TRIES: i64 = 5;
pub const RESEND_COOLDOWN_SECS: i64 = 60;
pub const SENDS_PER_HOUR: i64 = 5;
/// Consecutive wrong codes before every further try waits the longest.
pub const MAX_CONSECUTIVE_FAILURES: i64 = 100;
const FREE_FAILURES: i64 = 4;
const FIRST_WAIT_SECS: i64 = 30;
const LONGEST_WAIT_SECS: i64 = 3600;

/// The message key of the text that carries a code for `purpose`.
fn message_key(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Login => "otp-login",
        Purpose::TwoFactor => "otp-two-factor",
        Purpose::PhoneOld => "otp-phone-old",
        Purpose::PhoneNew => "otp-phone-new",
    }
}

/// The transport of a channel that sends codes; `None` for the authenticator app.
fn transport(channel: CodeChannel) -> Option<Channel> {
    match channel {
        CodeChannel::Sms => Some(Channel::Sms),
        CodeChannel::Email => Some(Channel::Email),
        CodeChannel::Totp => None,
    }
}

fn code_channel(channel: Channel) -> CodeChannel {
    match channel {
        Channel::Sms => CodeChannel::Sms,
        Channel::Email => CodeChannel::Email,
    }
}

/// A challenge as the API shows it: where the code went (masked) and when it can be resent.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChallengeView {
    pub id: String,
    /// `sms` or `email`; `totp` when the code comes from the user's authenticator app.
    pub channel: String,
    /// Empty for `totp`.
    pub destination_hint: String,
    /// RFC 3339.
    pub expires_at: String,
    /// RFC 3339: the earliest time `resend` is accepted (for `totp`, nothing is ever resent).
    pub resend_after: String,
    /// The same moment as seconds from this answer, for counting down without trusting the
    /// client's clock.
    pub resend_in: i64,
    /// Only when an authenticator app is being set up: what to scan or type into it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrollment: Option<Enrollment>,
}

/// A new authenticator's secret, as a QR code and as text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Enrollment {
    /// Base32 in groups of four, for typing by hand.
    pub secret: String,
    /// `otpauth://totp/…`, what the QR code holds.
    pub otpauth_uri: String,
    /// The QR code: an SVG image for this user only, while the challenge lives.
    pub qr_url: String,
}

impl ChallengeView {
    /// A code sent at `sent_at`: it expires after `CODE_TTL_SECS`, may be resent after
    /// `RESEND_COOLDOWN_SECS`.
    fn sent(id: &str, channel: CodeChannel, destination: &str, sent_at: Timestamp) -> Self {
        Self {
            id: id.to_owned(),
            channel: channel.as_str().to_owned(),
            destination_hint: hint(channel, destination),
            expires_at: sent_at.plus_secs(CODE_TTL_SECS).to_rfc3339(),
            resend_after: sent_at.plus_secs(RESEND_COOLDOWN_SECS).to_rfc3339(),
            resend_in: RESEND_COOLDOWN_SECS,
            enrollment: None,
        }
    }

    /// A challenge the authenticator app answers: nothing went anywhere, nothing to resend.
    fn authenticator(id: &str, created_at: Timestamp) -> Self {
        let expires_at = created_at.plus_secs(CODE_TTL_SECS).to_rfc3339();
        Self {
            id: id.to_owned(),
            channel: CodeChannel::Totp.as_str().to_owned(),
            destination_hint: String::new(),
            resend_after: expires_at.clone(),
            resend_in: CODE_TTL_SECS,
            expires_at,
            enrollment: None,
        }
    }
}

/// `a•••@example.com` or `•••• ••23`.
pub fn hint(channel: CodeChannel, destination: &str) -> String {
    if channel == CodeChannel::Email {
        let (local, domain) = destination.split_once('@').unwrap_or((destination, ""));
        let first: String = local.chars().take(1).collect();
        format!("{first}•••@{domain}")
    } else {
        let digits: Vec<char> = destination.chars().filter(char::is_ascii_digit).collect();
        let tail: String = digits[digits.len().saturating_sub(2)..].iter().collect();
        format!("•••• ••{tail}")
    }
}

fn new_code() -> String {
    format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32))
}

fn mac(challenge_id: &str) -> Option<Hmac<Sha256>> {
    Hmac::<Sha256>::new_from_slice(challenge_id.as_bytes()).ok()
}

/// The code as stored: HMAC-SHA-256 keyed with the (secret, random) challenge id.
fn code_hash(challenge_id: &str, code: &str) -> String {
    match mac(challenge_id) {
        Some(mut m) => {
            m.update(code.as_bytes());
            hex::encode(m.finalize().into_bytes())
        }
        None => String::new(),
    }
}

fn code_matches(challenge_id: &str, code: &str, stored: &str) -> bool {
    let (Some(mut m), Ok(expected)) = (mac(challenge_id), hex::decode(stored)) else {
        return false;
    };
    m.update(code.trim().as_bytes());
    m.verify_slice(&expected).is_ok()
}

/// How long the account must wait after `failures` consecutive wrong codes.
pub fn wait_after(failures: i64) -> i64 {
    if failures >= MAX_CONSECUTIVE_FAILURES {
        return LONGEST_WAIT_SECS;
    }
    if failures <= FREE_FAILURES {
        return 0;
    }
    let doublings = (failures - FREE_FAILURES - 1).min(10) as u32;
    (FIRST_WAIT_SECS << doublings).min(LONGEST_WAIT_SECS)
}

/// The text that carries a code, in the user's language.
fn message(tr: &Tr, purpose: Purpose, channel: Channel, code: &str, to: &str) -> Outgoing {
    let body = tr.t1(message_key(purpose), "code", code);
    Outgoing {
        channel,
        to: to.to_owned(),
        subject: (channel == Channel::Email).then(|| tr.t("otp-email-subject")),
        body,
    }
}

/// Codes a number being added may receive in an hour, from all accounts together: a colleague
/// who types someone else's number sends them only a few codes they did not ask for.
pub const UNVERIFIED_SENDS_PER_HOUR: i64 = 3;

/// The hourly send limits before `now` (docs/security.md 4).
fn send_limits(now: Timestamp) -> SendLimits {
    SendLimits {
        since: now.minus_secs(3600),
        per_account: SENDS_PER_HOUR,
        per_verified_destination: SENDS_PER_HOUR,
        per_unverified_destination: UNVERIFIED_SENDS_PER_HOUR,
    }
}

/// What a refused send answers: try again when a slot of the hour frees up, roughly.
fn over_the_limit() -> OtpError {
    OtpError::RateLimited {
        retry_after_secs: 3600 / SENDS_PER_HOUR,
    }
}

/// A challenge for `purpose` answered by `method`: a code sent by SMS or email, or (`Totp`)
/// one the user's authenticator app shows.
pub async fn challenge_for(
    state: &AppState,
    user: &User,
    method: TwoFactorMethod,
    purpose: Purpose,
    payload: serde_json::Value,
) -> Result<ChallengeView, OtpError> {
    match method {
        TwoFactorMethod::Totp => issue_authenticator(state, user, purpose, payload).await,
        TwoFactorMethod::Email => {
            let to = user.email.as_str().to_owned();
            issue(state, user, purpose, Channel::Email, &to, payload).await
        }
        TwoFactorMethod::Sms => {
            let to = user
                .phone
                .as_ref()
                .map(|p| p.as_str().to_owned())
                .ok_or(OtpError::PhoneNotVerified)?;
            issue(state, user, purpose, Channel::Sms, &to, payload).await
        }
    }
}

/// A challenge the authenticator app answers (for an enrolment, `payload` carries the new
/// secret as `totp_secret`). Nothing is sent, so the send limits do not apply; the tries and the
/// account's failure counter do.
pub async fn issue_authenticator(
    state: &AppState,
    user: &User,
    purpose: Purpose,
    payload: serde_json::Value,
) -> Result<ChallengeView, OtpError> {
    let now = state.clock().now();
    let id = new_token();
    let challenge = NewChallenge {
        id: id.clone(),
        user_id: user.id,
        purpose,
        channel: CodeChannel::Totp,
        destination: String::new(),
        verified: true,
        payload: payload.to_string(),
        code_hash: String::new(),
        created_at: now,
        expires_at: now.plus_secs(CODE_TTL_SECS),
    };
    state
        .store()
        .create_challenge(&challenge, &send_limits(now))
        .await?;
    Ok(ChallengeView::authenticator(&id, now))
}

/// The new secret an enrolment challenge carries.
pub fn enrolling_secret(challenge: &Challenge) -> Option<Secret> {
    serde_json::from_str::<serde_json::Value>(&challenge.payload)
        .ok()?
        .get("totp_secret")?
        .as_str()
        .map(Secret::from)
}

/// Sends a new code for `purpose` to `destination` and returns its challenge.
pub async fn issue(
    state: &AppState,
    user: &User,
    purpose: Purpose,
    channel: Channel,
    destination: &str,
    payload: serde_json::Value,
) -> Result<ChallengeView, OtpError> {
    let now = state.clock().now();
    if !state.notifier().available(channel) {
        return Err(OtpError::ChannelNotConfigured(channel));
    }
    // A number stored before numbers were checked for it may still be one that texts cost money.
    if channel == Channel::Sms
        && !agentdesk_core::domain::PhoneE164::from_e164(destination)
            .is_ok_and(|p| p.receives_sms())
    {
        return Err(OtpError::NotMobile);
    }
    let id = new_token();
    let code = new_code();
    let challenge = NewChallenge {
        id: id.clone(),
        user_id: user.id,
        purpose,
        channel: code_channel(channel),
        destination: destination.to_owned(),
        // Every code goes to the account's own email or verified phone, except the one that
        // proves a new number.
        verified: purpose != Purpose::PhoneNew,
        payload: payload.to_string(),
        code_hash: code_hash(&id, &code),
        created_at: now,
        expires_at: now.plus_secs(CODE_TTL_SECS),
    };
    if !state
        .store()
        .create_challenge(&challenge, &send_limits(now))
        .await?
    {
        return Err(over_the_limit());
    }
    let tr = Tr::new(user.locale.unwrap_or_default());
    state
        .notifier()
        .send(&message(&tr, purpose, channel, &code, destination))
        .await
        .map_err(|e| OtpError::DeliveryFailed(e.to_string()))?;
    Ok(ChallengeView::sent(
        &id,
        code_channel(channel),
        destination,
        now,
    ))
}

/// A new code for a live challenge (the old one stops working), after the cooldown.
pub async fn resend(
    state: &AppState,
    user: &User,
    challenge: &Challenge,
) -> Result<ChallengeView, OtpError> {
    let now = state.clock().now();
    if challenge.consumed {
        return Err(OtpError::InvalidCode);
    }
    let Some(channel) = transport(challenge.channel) else {
        return Err(OtpError::NothingToResend);
    };
    if !state.notifier().available(channel) {
        return Err(OtpError::ChannelNotConfigured(channel));
    }
    let ready = challenge.last_sent_at.plus_secs(RESEND_COOLDOWN_SECS);
    if now < ready {
        return Err(OtpError::RateLimited {
            retry_after_secs: (ready.0 - now.0 + 999) / 1000,
        });
    }
    let code = new_code();
    match state
        .store()
        .resend_challenge(
            &challenge.id,
            &code_hash(&challenge.id, &code),
            now,
            now.plus_secs(CODE_TTL_SECS),
            &send_limits(now),
        )
        .await?
    {
        Resent::Sent => {}
        Resent::NotLive => return Err(OtpError::InvalidCode),
        Resent::Limited => return Err(over_the_limit()),
    }
    let purpose = challenge.purpose;
    let tr = Tr::new(user.locale.unwrap_or_default());
    state
        .notifier()
        .send(&message(
            &tr,
            purpose,
            channel,
            &code,
            &challenge.destination,
        ))
        .await
        .map_err(|e| OtpError::DeliveryFailed(e.to_string()))?;
    Ok(ChallengeView::sent(
        &challenge.id,
        challenge.channel,
        &challenge.destination,
        now,
    ))
}

/// Loads a challenge for its owner and purpose; anything else looks like a wrong code, so ids
/// of other users' challenges reveal nothing.
pub async fn load(
    state: &AppState,
    id: &str,
    user: UserId,
    purposes: &[Purpose],
) -> Result<Challenge, OtpError> {
    match state.store().challenge(id).await? {
        Some(c) if c.user_id == user && purposes.contains(&c.purpose) => Ok(c),
        _ => Err(OtpError::InvalidCode),
    }
}

/// Checks a code against a challenge the caller loaded with `load` (owner and purpose checked)
/// and, when right, uses the challenge up. Returns it (with its pending action) to the caller,
/// who then performs exactly that action.
pub async fn verify_loaded(
    state: &AppState,
    challenge: Challenge,
    code: &str,
) -> Result<Challenge, OtpError> {
    check(state, challenge, Answer::Code(code)).await
}

/// Answers a sign-in challenge with a recovery code instead of its code: the recovery code is used
/// up, and the challenge too.
pub async fn verify_recovery(
    state: &AppState,
    challenge: Challenge,
    recovery_code: &str,
) -> Result<Challenge, OtpError> {
    check(state, challenge, Answer::Recovery(recovery_code)).await
}

enum Answer<'a> {
    Code(&'a str),
    Recovery(&'a str),
}

/// Whether `answer` is right, using up what must be used once (an authenticator's time step, a
/// recovery code) when it is.
async fn accepts(
    state: &AppState,
    challenge: &Challenge,
    answer: Answer<'_>,
    now: Timestamp,
) -> Result<bool, OtpError> {
    let user = challenge.user_id;
    match answer {
        Answer::Code(code) if challenge.channel == CodeChannel::Totp => {
            let secret = match enrolling_secret(challenge) {
                Some(secret) => secret,
                None => match state.store().totp_secret(user).await? {
                    Some(secret) => secret,
                    None => return Ok(false),
                },
            };
            match super::totp::matching_step(secret.expose(), code, now)? {
                // A code seen before (replayed, or typed twice in one step) is a wrong code.
                Some(step) => Ok(state.store().claim_totp_step(user, step).await?),
                None => Ok(false),
            }
        }
        Answer::Code(code) => Ok(code_matches(&challenge.id, code, &challenge.code_hash)),
        Answer::Recovery(raw) => match super::recovery::normalize(raw) {
            Some(n) => Ok(state
                .store()
                .use_recovery_code(user, &super::recovery::hash(&n), now)
                .await?),
            None => Ok(false),
        },
    }
}

async fn check(
    state: &AppState,
    challenge: Challenge,
    answer: Answer<'_>,
) -> Result<Challenge, OtpError> {
    let now = state.clock().now();
    let user = challenge.user_id;
    if let Some((failures, last)) = state.store().otp_failures(user).await? {
        let until = last.plus_secs(wait_after(failures));
        if now < until {
            return Err(OtpError::TooManyAttempts {
                retry_after_secs: (until.0 - now.0 + 999) / 1000,
            });
        }
    }
    if challenge.consumed {
        return Err(OtpError::InvalidCode);
    }
    if challenge.attempts >= MAX_TRIES {
        return Err(OtpError::TooManyAttempts {
            retry_after_secs: 1,
        });
    }
    if now >= challenge.expires_at {
        return Err(OtpError::CodeExpired);
    }
    if !accepts(state, &challenge, answer, now).await? {
        let failures = state.store().otp_failed(&challenge.id, user, now).await?;
        if challenge.purpose == Purpose::Login {
            super::events::record(state, user, SecurityEventKind::TwoFactorFailed, None, None)
                .await;
        }
        let wait = wait_after(failures);
        if wait > 0 || challenge.attempts + 1 >= MAX_TRIES {
            return Err(OtpError::TooManyAttempts {
                retry_after_secs: wait.max(1),
            });
        }
        return Err(OtpError::InvalidCode);
    }
    if !state
        .store()
        .consume_challenge(&challenge.id, user, MAX_TRIES, now)
        .await?
    {
        // Another request with the same code got there first.
        return Err(OtpError::InvalidCode);
    }
    Ok(challenge)
}

/// `POST /api/v1/me/otp/resend`: a new code for a live challenge of a signed-in user (changing
/// two-factor authentication or the phone number), under the same cooldown and hourly limits as
/// the sign-in step's resend.
#[utoipa::path(
    post, path = "/api/v1/me/otp/resend", tag = "security",
    request_body = crate::auth::login::ResendRequest,
    responses(
        (status = 200, description = "A new code was sent; the previous one no longer works", body = ChallengeView),
        (status = 401, description = "`invalid_code` (no such live challenge of yours) or `unauthenticated`", body = crate::http::error::ErrorBody),
        (status = 409, description = "`nothing_to_resend`: an authenticator app's code is never sent", body = crate::http::error::ErrorBody),
        (status = 429, description = "`rate_limited` with `Retry-After`: within 60 s of the last send, or five sends this hour", body = crate::http::error::ErrorBody),
        (status = 503, description = "`delivery_failed`", body = crate::http::error::ErrorBody),
    )
)]
pub async fn resend_mine(
    axum::extract::State(state): axum::extract::State<AppState>,
    crate::http::SetupUser { user, .. }: crate::http::SetupUser,
    crate::http::ApiJson(body): crate::http::ApiJson<crate::auth::login::ResendRequest>,
) -> Result<axum::Json<ChallengeView>, ApiError> {
    let purposes = [Purpose::TwoFactor, Purpose::PhoneOld, Purpose::PhoneNew];
    let challenge = load(&state, &body.challenge_id, user.id, &purposes).await?;
    Ok(axum::Json(resend(&state, &user, &challenge).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_hashed_per_challenge() {
        for _ in 0..200 {
            let c = new_code();
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
        let h = code_hash("challenge-a", "123456");
        assert!(!h.contains("123456"));
        assert!(code_matches("challenge-a", "123456", &h));
        assert!(code_matches("challenge-a", " 123456 ", &h));
        assert!(
            !code_matches("challenge-b", "123456", &h),
            "bound to its challenge"
        );
        assert!(!code_matches("challenge-a", "123457", &h));
        assert!(!code_matches("challenge-a", "123456", "not hex"));
    }

    #[test]
    fn waits_grow_from_30_seconds_to_an_hour() {
        assert_eq!(wait_after(1), 0);
        assert_eq!(wait_after(4), 0);
        assert_eq!(wait_after(5), 30);
        assert_eq!(wait_after(6), 60);
        assert_eq!(wait_after(10), 960);
        assert_eq!(wait_after(12), 3600);
        assert_eq!(wait_after(99), 3600);
        assert_eq!(wait_after(100), 3600);
    }

    #[test]
    fn hints_show_little() {
        assert_eq!(
            hint(CodeChannel::Email, "agent1@demo.test"),
            "a•••@demo.test"
        );
        assert_eq!(hint(CodeChannel::Sms, "+14155552671"), "•••• ••71");
    }
}
