//! Authenticator apps (TOTP, RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps, the usual
//! parameters every app understands). The 160-bit secret comes from the OS CSPRNG; the app learns
//! it from an `otpauth://` URI drawn as a QR code on the server (SVG, no script, no third party)
//! or typed in by hand. One step of clock drift is accepted either way, and every code works once:
//! the step it matched is claimed in the store before the challenge is used up.

use agentdesk_core::Timestamp;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use rand::RngCore;
use totp_rs::{Builder, Secret, Totp};

use crate::http::ApiError;

/// A stored secret that is not base32, or a library failure: never the user's fault.
#[derive(Debug, thiserror::Error)]
#[error("TOTP: {0}")]
pub struct TotpError(String);

impl From<TotpError> for ApiError {
    fn from(e: TotpError) -> Self {
        ApiError::internal(e)
    }
}

/// What the app shows above the code.
pub const ISSUER: &str = "agentdesk";

/// A fresh shared secret, base32 (RFC 4648, no padding) as apps expect it.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Secret::new_stack(bytes).to_base32()
}

fn totp(secret: &str, account: &str) -> Result<Totp, TotpError> {
    let secret = Secret::try_from_base32(secret)
        .map_err(|_| TotpError("the stored secret is not base32".into()))?;
    let mut builder = Builder::new().with_secret(secret);
    if !account.is_empty() {
        builder = builder.with_account_name(account).with_issuer(Some(ISSUER));
    }
    builder.build().map_err(|e| TotpError(format!("{e:?}")))
}

/// `otpauth://totp/agentdesk:{account}?secret=…&issuer=agentdesk`.
pub fn otpauth_uri(secret: &str, account: &str) -> Result<String, TotpError> {
    totp(secret, account)?
        .to_url()
        .map_err(|e| TotpError(format!("URI: {e:?}")))
}

/// The URI as a QR code: an SVG of dark modules on white with the quiet zone the standard asks
/// for, scalable to any size.
pub fn qr_svg(uri: &str) -> Result<String, TotpError> {
    let code = QrCode::with_error_correction_level(uri.as_bytes(), EcLevel::M)
        .map_err(|e| TotpError(format!("QR: {e}")))?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#111827"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build())
}

/// The secret in groups of four, for typing it into an app by hand.
pub fn grouped(secret: &str) -> String {
    super::in_groups(secret.as_bytes(), 4, " ")
}

/// The time step whose code `code` is (the current one or one either side), if any. Compared in
/// constant time by the library.
pub fn matching_step(secret: &str, code: &str, now: Timestamp) -> Result<Option<i64>, TotpError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let secs = u64::try_from(now.0.div_euclid(1000)).unwrap_or_default();
    Ok(totp(secret, "")?
        .check(&code, secs)
        .and_then(|step| i64::try_from(step).ok()))
}

/// The code of the step containing `now`: what an authenticator app shows (tests and the
/// benchmark act as the app).
pub fn code_at(secret: &str, now: Timestamp) -> Result<String, TotpError> {
    let secs = u64::try_from(now.0.div_euclid(1000)).unwrap_or_default();
    Ok(totp(secret, "")?.generate(secs).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890", 8-digit codes; the last six
    // digits are what a 6-digit app shows.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_match_rfc_6238_test_vectors() {
        for (secs, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
        ] {
            let now = Timestamp(secs * 1000);
            assert_eq!(code_at(RFC_SECRET, now).unwrap(), eight[2..], "at {secs}");
            assert_eq!(
                matching_step(RFC_SECRET, &eight[2..], now).unwrap(),
                Some(secs / 30)
            );
        }
    }

    #[test]
    fn one_step_of_drift_is_accepted_two_are_not() {
        let secret = new_secret();
        let now = Timestamp(1_800_000_000_000);
        let code = code_at(&secret, now).unwrap();
        let step = 1_800_000_000 / 30;
        assert_eq!(matching_step(&secret, &code, now).unwrap(), Some(step));
        let later = Timestamp(now.0 + 30_000);
        assert_eq!(matching_step(&secret, &code, later).unwrap(), Some(step));
        let much_later = Timestamp(now.0 + 60_000);
        assert_eq!(matching_step(&secret, &code, much_later).unwrap(), None);
        assert_eq!(matching_step(&secret, "12345", now).unwrap(), None);
        assert_eq!(matching_step(&secret, "abcdef", now).unwrap(), None);
    }

    #[test]
    fn secrets_are_160_bits_and_uris_carry_them() {
        let a = new_secret();
        assert_eq!(a.len(), 32, "20 bytes in base32 without padding");
        assert_ne!(a, new_secret());
        let uri = otpauth_uri(&a, "ana@example.com").unwrap();
        assert!(
            uri.starts_with("otpauth://totp/agentdesk:ana%40example.com?"),
            "{uri}"
        );
        assert!(uri.contains(&format!("secret={a}")), "{uri}");
        assert!(uri.contains("issuer=agentdesk"), "{uri}");
        let svg = qr_svg(&uri).unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg"), "{svg}");
        assert!(!svg.contains("<script"));
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD EFGH IJ");
    }
}
