//! `X-Hub-Signature-256`: Meta signs every webhook POST with HMAC-SHA256 of the raw request body,
//! keyed with the app secret, and sends it as `sha256=<hex>`. The check runs over the exact bytes
//! received, before any parsing (docs/security.md item 21): re-serialising the JSON would change the
//! bytes and must not verify.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The header Meta sends the signature in.
pub const HEADER: &str = "X-Hub-Signature-256";

const PREFIX: &str = "sha256=";
/// Length of an HMAC-SHA256 tag in bytes.
const TAG_LEN: usize = 32;

/// The `X-Hub-Signature-256` value for `body`: `sha256=` followed by the lowercase hex
/// HMAC-SHA256 of the raw bytes. Used by the emulator and tests to sign what they send.
pub fn sign(app_secret: &[u8], body: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail; should it ever, the bare prefix
    // returned instead never verifies.
    let Ok(mut m) = <HmacSha256 as Mac>::new_from_slice(app_secret) else {
        return PREFIX.to_owned();
    };
    m.update(body);
    format!("{PREFIX}{}", hex::encode(m.finalize().into_bytes()))
}

/// Whether `header` is a valid signature of the raw `body` under `app_secret`.
///
/// False for an empty app secret (a misconfiguration that would make signatures forgeable),
/// a missing header, a missing or different prefix (`sha1=` …), hex that does not
/// decode, or a tag of the wrong length. Hex digits may be either case. The tag comparison is
/// constant time (`Mac::verify_slice`). Surrounding whitespace in the header value is tolerated;
/// anything else is not.
pub fn verify(app_secret: &[u8], body: &[u8], header: Option<&str>) -> bool {
    if app_secret.is_empty() {
        return false;
    }
    let Some(value) = header else {
        return false;
    };
    let Some(hex_tag) = value.trim().strip_prefix(PREFIX) else {
        return false;
    };
    if hex_tag.len() != TAG_LEN * 2 {
        return false;
    }
    let Ok(tag) = hex::decode(hex_tag) else {
        return false;
    };
    let Ok(mut m) = <HmacSha256 as Mac>::new_from_slice(app_secret) else {
        return false;
    };
    m.update(body);
    m.verify_slice(&tag).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"6f1c0d0b3e2a4c5d8e9f00112233aabb";
    const BODY: &[u8] = include_bytes!("../../tests/fixtures/whatsapp/text.json");

    #[test]
    fn known_vector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assert_eq!(
            sign(b"Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn sign_then_verify_roundtrip() {
        let header = sign(SECRET, BODY);
        assert!(header.starts_with("sha256="));
        assert_eq!(header.len(), "sha256=".len() + 64);
        assert!(
            header[7..]
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        assert!(verify(SECRET, BODY, Some(&header)));
    }

    #[test]
    fn empty_body_roundtrip() {
        let header = sign(SECRET, b"");
        assert!(verify(SECRET, b"", Some(&header)));
        assert!(!verify(SECRET, b" ", Some(&header)));
    }

    #[test]
    fn wrong_secret_fails() {
        let header = sign(SECRET, BODY);
        assert!(!verify(b"another secret", BODY, Some(&header)));
        assert!(!verify(b"", BODY, Some(&header)));
    }

    #[test]
    fn empty_secret_never_verifies() {
        let header = sign(b"", BODY);
        assert!(!verify(b"", BODY, Some(&header)));
    }

    #[test]
    fn tampered_body_fails() {
        let header = sign(SECRET, BODY);
        let mut tampered = BODY.to_vec();
        // Change one digit of the message text and, separately, append a byte.
        let pos = tampered
            .iter()
            .position(|&b| b == b'H')
            .expect("fixture has an H");
        tampered[pos] = b'h';
        assert!(!verify(SECRET, &tampered, Some(&header)));
        let mut longer = BODY.to_vec();
        longer.push(b'\n');
        assert!(!verify(SECRET, &longer, Some(&header)));
    }

    #[test]
    fn reserialized_json_fails() {
        // Same data, different bytes: a handler that parses first and signs the re-serialised
        // value would accept forged bodies, so this must not verify.
        let header = sign(SECRET, BODY);
        let value: serde_json::Value = serde_json::from_slice(BODY).expect("fixture is JSON");
        let compact = serde_json::to_vec(&value).expect("serialises");
        let pretty = serde_json::to_vec_pretty(&value).expect("serialises");
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&compact).expect("json"),
            value
        );
        assert_ne!(compact, BODY);
        assert_ne!(pretty, BODY);
        assert!(!verify(SECRET, &compact, Some(&header)));
        assert!(!verify(SECRET, &pretty, Some(&header)));
        // …while each is fine under its own signature.
        assert!(verify(SECRET, &compact, Some(&sign(SECRET, &compact))));
    }

    #[test]
    fn escaped_unicode_is_signed_as_sent() {
        // `\u00e9` and `é` decode to the same string but are different bytes.
        let escaped = br#"{"text":"caf\u00e9"}"#;
        let literal = "{\"text\":\"caf\u{e9}\"}".as_bytes();
        let header = sign(SECRET, escaped);
        assert!(verify(SECRET, escaped, Some(&header)));
        assert!(!verify(SECRET, literal, Some(&header)));
    }

    #[test]
    fn missing_header_fails() {
        assert!(!verify(SECRET, BODY, None));
        assert!(!verify(SECRET, BODY, Some("")));
    }

    #[test]
    fn malformed_headers_fail() {
        let good = sign(SECRET, BODY);
        let hex_part = &good[7..];
        let cases = [
            hex_part.to_string(),                    // no prefix
            format!("sha1={hex_part}"),              // wrong algorithm
            format!("SHA256={hex_part}"),            // prefix is case sensitive
            format!("sha256:{hex_part}"),            // wrong separator
            format!("sha256= {hex_part}"),           // space inside
            "sha256=".to_string(),                   // empty tag
            format!("sha256={}", &hex_part[..62]),   // one byte short
            format!("sha256={hex_part}00"),          // one byte long
            format!("sha256={}", &hex_part[..63]),   // odd length
            format!("sha256={}zz", &hex_part[..62]), // not hex
            format!("sha256={}", "0".repeat(64)),    // right shape, wrong tag
            format!("{good},{good}"),                // repeated
            format!("sha256={hex_part}\u{0}"),       // trailing NUL
            format!("sha256={}é", &hex_part[..62]),  // non-ASCII
        ];
        for header in &cases {
            assert!(!verify(SECRET, BODY, Some(header)), "accepted {header:?}");
        }
    }

    #[test]
    fn uppercase_hex_is_accepted() {
        let good = sign(SECRET, BODY);
        let upper = format!("sha256={}", good[7..].to_ascii_uppercase());
        assert_ne!(upper, good);
        assert!(verify(SECRET, BODY, Some(&upper)));
        let mixed: String = good[7..]
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect();
        assert!(verify(SECRET, BODY, Some(&format!("sha256={mixed}"))));
    }

    #[test]
    fn surrounding_whitespace_is_tolerated() {
        let good = sign(SECRET, BODY);
        assert!(verify(SECRET, BODY, Some(&format!(" {good}\t"))));
    }
}
