//! Passwords: argon2id hashing (the `argon2` crate's defaults, m=19456 KiB, t=2, p=1, per-user
//! salt) run on the blocking pool behind a bounded queue, and the policy for new passwords
//! (SECURITY.md 7–8).

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use tokio::sync::Semaphore;
use unicode_normalization::UnicodeNormalization;

use crate::http::ApiError;
use crate::http::error::FieldProblem;

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;

/// At most this many hashes wait for a worker; more answer 503 instead of piling up memory
/// (each argon2 run holds 19 MiB).
const MAX_WAITING: usize = 64;

pub struct Passwords {
    workers: Semaphore,
    queue: Semaphore,
    /// Verified against when the account does not exist, so that unknown and known emails take
    /// the same time.
    dummy_hash: String,
}

impl Default for Passwords {
    fn default() -> Self {
        Self::new()
    }
}

impl Passwords {
    pub fn new() -> Self {
        // Leave a core for everything else so a burst of logins cannot starve other requests.
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        let dummy_hash = hash_now("agentdesk-dummy-password").unwrap_or_default();
        Self {
            workers: Semaphore::new(cores.saturating_sub(1).max(1)),
            queue: Semaphore::new(MAX_WAITING),
            dummy_hash,
        }
    }

    pub async fn hash(&self, password: &str) -> Result<String, ApiError> {
        let password = normalize(password);
        self.run(move || hash_now(&password))
            .await?
            .map_err(ApiError::internal)
    }

    /// Checks a password against a stored hash, or against a dummy hash when there is none.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, ApiError> {
        let password = normalize(password);
        let real = hash.is_some();
        let hash = hash.unwrap_or(&self.dummy_hash).to_owned();
        let ok = self.run(move || verify_now(&password, &hash)).await?;
        Ok(ok && real)
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let _waiting = self.queue.try_acquire().map_err(|_| ApiError::Busy)?;
        let _worker = self.workers.acquire().await.map_err(ApiError::internal)?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(ApiError::internal)
    }
}

fn normalize(password: &str) -> String {
    password.nfkc().collect()
}

fn hash_now(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

fn verify_now(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Checks a new password (SECURITY.md 8): 8–128 code points after NFKC normalisation, no
/// composition rules, not a common or easily guessed password (zxcvbn score below 2 means it is
/// within about 10^6 guesses, which covers the top-10k lists), and not containing the user's email
/// or names.
pub fn check_new(field: &'static str, password: &str, personal: &[&str]) -> Result<(), ApiError> {
    let normalized = normalize(password);
    let count = normalized.chars().count();
    let weak = |key: &'static str, code: &'static str| ApiError::WeakPassword {
        field,
        problem: FieldProblem { code, key },
    };
    if count < MIN_CHARS {
        return Err(weak("password-too-short", "too_short"));
    }
    if count > MAX_CHARS {
        return Err(weak("password-too-long", "too_long"));
    }
    let lower = normalized.to_lowercase();
    let personal: Vec<String> = personal
        .iter()
        .map(|p| p.trim().to_lowercase())
        .filter(|p| p.chars().count() >= 3)
        .collect();
    if personal.iter().any(|p| lower.contains(p.as_str())) {
        return Err(weak("password-contains-personal", "contains_personal_data"));
    }
    let inputs: Vec<&str> = personal.iter().map(String::as_str).collect();
    let score = zxcvbn::zxcvbn(&normalized, &inputs).score();
    if u8::from(score) < 2 {
        return Err(weak("password-too-common", "too_common"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(r: Result<(), ApiError>) -> &'static str {
        match r {
            Ok(()) => "ok",
            Err(ApiError::WeakPassword { problem, .. }) => problem.code,
            Err(_) => "other",
        }
    }

    #[test]
    fn length_is_counted_in_code_points_after_nfkc() {
        assert_eq!(code(check_new("password", "short1!", &[])), "too_short");
        // Seven CJK characters are 21 bytes but only seven code points: too short.
        assert_eq!(
            code(check_new("password", "密码学很有意思", &[])),
            "too_short"
        );
        let random = |n: u32| -> String {
            let alphabet: Vec<char> =
                "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_!"
                    .chars()
                    .collect();
            (0..n)
                .map(|i| alphabet[(i.wrapping_mul(2_654_435_761) >> 11) as usize % alphabet.len()])
                .collect()
        };
        assert_eq!(code(check_new("password", &random(129), &[])), "too_long");
        assert_eq!(code(check_new("password", &random(128), &[])), "ok");
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        assert_eq!(
            code(check_new("password", "password123", &[])),
            "too_common"
        );
        assert_eq!(code(check_new("password", "iloveyou1", &[])), "too_common");
        assert_eq!(code(check_new("password", "qwertyuiop", &[])), "too_common");
        assert_eq!(
            code(check_new(
                "password",
                "ada-lovelace-1815",
                &["ada.lovelace@demo.test", "Ada", "Lovelace"]
            )),
            "contains_personal_data"
        );
        assert_eq!(
            code(check_new(
                "password",
                "correct horse battery staple",
                &["ada@x.test"]
            )),
            "ok"
        );
    }

    #[tokio::test]
    async fn hashes_verify_and_unknown_users_never_match() {
        let p = Passwords::new();
        let h = p.hash("Tr0ub4dor&3-long").await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(p.verify("Tr0ub4dor&3-long", Some(&h)).await.unwrap());
        assert!(!p.verify("wrong", Some(&h)).await.unwrap());
        assert!(!p.verify("agentdesk-dummy-password", None).await.unwrap());
        // NFKC: a full-width A equals an ASCII A.
        let h2 = p.hash("ＡbcdefgH1!").await.unwrap();
        assert!(p.verify("AbcdefgH1!", Some(&h2)).await.unwrap());
    }
}
