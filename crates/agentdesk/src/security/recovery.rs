//! Recovery codes: ten per user, shown once, each signing in once when the second factor is out
//! of reach. A code is 24 characters of Crockford's base32 (120 bits from the OS CSPRNG), so a
//! plain SHA-256 is an adequate way to store it (ASVS 6.5.2 asks for a password hash only below
//! 112 bits) and a lookup by hash needs no per-code comparison loop. Typing is forgiving: case,
//! spaces and dashes do not matter, and `i`/`l`/`o` read as `1`/`1`/`0`.
//!
//! `POST /api/v1/me/recovery-codes` makes a new set (the old one stops working) after the
//! password is given again; enabling two-factor authentication makes the first set.

use agentdesk_core::store::SecurityEventKind;
use axum::Json;
use axum::extract::State;
use rand::Rng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use agentdesk_core::domain::User;

use crate::auth::throttle::confirm_password;
use crate::delivery::Channel;
use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiJson, ApiUser, RequestCtx};
use crate::state::AppState;

/// Codes in a set.
pub const COUNT: usize = 10;
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const CHARS: usize = 24;
const GROUP: usize = 4;

/// One new code, as shown: `k7q2-m9xd-…` (six groups of four).
fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let chars: Vec<u8> = (0..CHARS)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())])
        .collect();
    super::in_groups(&chars, GROUP, "-")
}

/// The code as typed, reduced to its 24 characters; `None` when it cannot be a code.
pub fn normalize(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(CHARS);
    for c in raw.chars() {
        let c = match c.to_ascii_lowercase() {
            ' ' | '-' | '\u{2010}'..='\u{2015}' | '\t' => continue,
            'i' | 'l' => '1',
            'o' => '0',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
        if out.len() > CHARS {
            return None;
        }
    }
    (out.len() == CHARS).then_some(out)
}

/// What is stored of a (normalized) code.
pub fn hash(normalized: &str) -> String {
    hex::encode(Sha256::digest(normalized.as_bytes()))
}

/// Makes a new set for `user`, replacing any older one, and returns it for showing once.
pub async fn issue(state: &AppState, user: &User) -> Result<Vec<String>, ApiError> {
    let codes: Vec<String> = (0..COUNT).map(|_| new_code()).collect();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|c| normalize(c))
        .map(|n| hash(&n))
        .collect();
    state
        .store()
        .replace_recovery_codes(user.id, &hashes, state.clock().now())
        .await?;
    Ok(codes)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCodesRequest {
    /// The account's password, asked again before new codes are shown.
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RecoveryCodes {
    /// Ten codes, each usable once at the code step of signing in. Shown only in this answer.
    pub codes: Vec<String>,
}

#[utoipa::path(
    post, path = "/api/v1/me/recovery-codes", tag = "security",
    request_body = NewCodesRequest,
    responses(
        (status = 200, description = "A new set; the previous codes no longer work", body = RecoveryCodes),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`wrong_password`", body = ErrorBody),
        (status = 409, description = "`two_factor_off`: recovery codes belong to two-factor authentication", body = ErrorBody),
        (status = 429, description = "`rate_limited`: too many wrong passwords", body = ErrorBody),
    )
)]
pub async fn regenerate(
    State(state): State<AppState>,
    ctx: RequestCtx,
    ApiUser { user, .. }: ApiUser,
    ApiJson(body): ApiJson<NewCodesRequest>,
) -> Result<Json<RecoveryCodes>, ApiError> {
    confirm_password(&state, &user, &body.password).await?;
    if user.two_factor.is_none() {
        return Err(ApiError::TwoFactorOff);
    }
    let codes = issue(&state, &user).await?;
    super::events::record(
        &state,
        user.id,
        SecurityEventKind::RecoveryCodesGenerated,
        None,
        ctx.ip.as_deref(),
    )
    .await;
    let body =
        crate::i18n::Tr::new(user.locale.unwrap_or_default()).t("notice-recovery-codes-generated");
    super::notify(&state, &user, Channel::Email, body).await;
    Ok(Json(RecoveryCodes { codes }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_carry_120_bits_and_read_back_however_typed() {
        let codes: Vec<String> = (0..200).map(|_| new_code()).collect();
        for code in &codes {
            assert_eq!(code.len(), CHARS + CHARS / GROUP - 1, "{code}");
            assert_eq!(code.split('-').count(), 6);
            let n = normalize(code).unwrap();
            assert_eq!(n.len(), CHARS);
            assert_eq!(normalize(&code.to_uppercase()).as_deref(), Some(n.as_str()));
            assert_eq!(
                normalize(&code.replace('-', " ")).as_deref(),
                Some(n.as_str())
            );
            assert_eq!(
                normalize(&format!(" {} ", code.replace('-', ""))).as_deref(),
                Some(n.as_str())
            );
        }
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), codes.len());
        // 32 symbols × 24 characters.
        assert_eq!(ALPHABET.len().ilog2() as usize * CHARS, 120);
    }

    #[test]
    fn look_alikes_are_read_as_digits_and_junk_is_refused() {
        assert_eq!(
            normalize("ilo0-aaaa-bbbb-cccc-dddd-eeee").as_deref(),
            Some("1100aaaabbbbccccddddeeee")
        );
        assert_eq!(
            normalize("123456"),
            None,
            "a six-digit code is not a recovery code"
        );
        assert_eq!(normalize("aaaa-bbbb-cccc-dddd-eeee-ffff-g"), None);
        assert_eq!(
            normalize("uuuu-bbbb-cccc-dddd-eeee-ffff"),
            None,
            "u is not in the alphabet"
        );
        assert_eq!(normalize("ääää-bbbb-cccc-dddd-eeee-ffff"), None);
        assert_eq!(normalize(""), None);
        let h = hash("1100aaaabbbbccccddddeeee");
        assert_eq!(h.len(), 64);
        assert!(!h.contains("aaaa"));
    }
}
