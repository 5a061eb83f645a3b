//! Passwords: argon2id hashing (the `argon2` crate's defaults, m=19456 KiB, t=2, p=1, per-user
//! salt) run off the async workers on dedicated threads behind a bounded queue, and the policy for
//! new passwords (docs/security.md 7–8).

use std::cell::RefCell;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{self, Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use unicode_normalization::UnicodeNormalization;

use crate::http::ApiError;
use crate::http::error::FieldProblem;

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;

/// At most this many hashes wait for a worker; more answer 503 instead of piling up.
const MAX_WAITING: usize = 64;

/// A valid argon2id hash of a random password nobody knows, verified against when an account does
/// not exist so that unknown and known emails cost the same time. A constant, so start-up does not
/// spend a hash on it.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$bm90LWEtcmVhbC1zYWx0$6ijCu5ZRm0pu6ae1zkwBFzcTX0nUCeaf1dyrDVSTVaQ";

type Job = Box<dyn FnOnce() + Send>;

/// Why hashing or verifying a password did not happen.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    /// Every worker is busy and the queue is full: the caller answers 503 instead of piling up.
    #[error("password hashing is busy")]
    Busy,
    /// The workers are gone (the app is shutting down).
    #[error("password hashing stopped")]
    Stopped,
    #[error("password hashing failed: {0}")]
    Failed(String),
}

impl From<HashError> for ApiError {
    fn from(e: HashError) -> Self {
        match e {
            HashError::Busy => ApiError::Busy,
            other => ApiError::internal(other),
        }
    }
}

/// Why the policy refuses a new password (docs/security.md 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Weakness {
    #[error("shorter than {MIN_CHARS} characters")]
    TooShort,
    #[error("longer than {MAX_CHARS} characters")]
    TooLong,
    #[error("contains the email address or a name")]
    ContainsPersonal,
    #[error("too common or easily guessed")]
    TooCommon,
}

impl Weakness {
    /// The machine-readable code and the message key the API answers with.
    pub fn problem(self) -> FieldProblem {
        let (code, key) = match self {
            Weakness::TooShort => ("too_short", "password-too-short"),
            Weakness::TooLong => ("too_long", "password-too-long"),
            Weakness::ContainsPersonal => ("contains_personal_data", "password-contains-personal"),
            Weakness::TooCommon => ("too_common", "password-too-common"),
        };
        FieldProblem { code, key }
    }
}

/// A refused new password, and the field it was typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {weakness}")]
pub struct WeakPassword {
    pub field: &'static str,
    pub weakness: Weakness,
}

impl From<WeakPassword> for ApiError {
    fn from(w: WeakPassword) -> Self {
        ApiError::WeakPassword {
            field: w.field,
            problem: w.weakness.problem(),
        }
    }
}

/// Hashing runs on a few dedicated threads fed by a bounded queue. Dedicated and long-lived on
/// purpose: each argon2 run needs 19 MiB, and glibc keeps that memory in the arena of the thread
/// that used it, so short-lived blocking-pool threads would multiply it; a fixed set of workers
/// reuses it. One core is left for everything else, so a burst of sign-ins cannot starve other
/// requests.
pub struct Passwords {
    jobs: std::sync::mpsc::SyncSender<Job>,
}

impl Default for Passwords {
    fn default() -> Self {
        Self::new()
    }
}

impl Passwords {
    pub fn new() -> Self {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        let (jobs, queue) = std::sync::mpsc::sync_channel::<Job>(MAX_WAITING);
        let queue = std::sync::Arc::new(std::sync::Mutex::new(queue));
        for i in 0..cores.saturating_sub(1).max(1) {
            let queue = queue.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    loop {
                        // The lock is held only while waiting for the next job, not while hashing.
                        let next = match queue.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        match next {
                            Ok(job) => job(),
                            Err(_) => return, // every sender is gone: the app has shut down
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a password-hashing thread");
            }
        }
        Self { jobs }
    }

    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let password = normalize(password);
        self.run(move || hash_now(&password))
            .await?
            .map_err(|e| HashError::Failed(e.to_string()))
    }

    /// Checks a password against a stored hash, or against a dummy hash when there is none.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, HashError> {
        let password = normalize(password);
        let real = hash.is_some();
        let hash = hash.unwrap_or(DUMMY_HASH).to_owned();
        let ok = self.run(move || verify_now(&password, &hash)).await?;
        Ok(ok && real)
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let (done, result) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(work());
        });
        self.jobs.try_send(job).map_err(|e| match e {
            std::sync::mpsc::TrySendError::Full(_) => HashError::Busy,
            std::sync::mpsc::TrySendError::Disconnected(_) => HashError::Stopped,
        })?;
        result.await.map_err(|_| HashError::Stopped)
    }
}

fn normalize(password: &str) -> String {
    password.nfkc().collect()
}

thread_local! {
    /// Argon2's 19 MiB of working memory, allocated once per hashing thread and reused. Freeing
    /// and re-allocating it for every hash makes glibc keep several copies (its mmap threshold
    /// grows past the size after the first free), so RSS climbed by ~100 MB after a few logins.
    static BLOCKS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

fn with_blocks<T>(count: usize, work: impl FnOnce(&mut [Block]) -> T) -> T {
    BLOCKS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut blocks) => {
            if blocks.len() < count {
                blocks.resize(count, Block::default());
            }
            work(&mut blocks[..count])
        }
        // Not reachable (nothing hashes re-entrantly), but never panic: use fresh memory.
        Err(_) => work(&mut vec![Block::default(); count]),
    })
}

/// Runs argon2 with the thread's reusable memory.
fn compute(
    argon: &Argon2<'_>,
    params: &Params,
    password: &str,
    salt: &[u8],
    len: usize,
) -> password_hash::Result<Output> {
    Output::init_with(len, |out| {
        with_blocks(params.block_count(), |blocks| {
            argon.hash_password_into_with_memory(password.as_bytes(), salt, out, blocks)
        })
        .map_err(password_hash::Error::from)
    })
}

fn hash_now(password: &str) -> password_hash::Result<String> {
    let params = Params::default();
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt.as_salt().decode_b64(&mut salt_buf)?;
    let output = compute(
        &argon,
        &params,
        password,
        salt_bytes,
        Params::DEFAULT_OUTPUT_LEN,
    )?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params)?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// Recomputes the hash with the stored algorithm, parameters and salt; `Output` compares in
/// constant time.
fn verify_now(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Ok(params), Ok(algorithm)) = (
        Params::try_from(&parsed),
        Algorithm::try_from(parsed.algorithm),
    ) else {
        return false;
    };
    let version = match parsed.version.map(Version::try_from) {
        None => Version::V0x13,
        Some(Ok(v)) => v,
        Some(Err(_)) => return false,
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    let mut salt_buf = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_buf) else {
        return false;
    };
    let argon = Argon2::new(algorithm, version, params.clone());
    compute(&argon, &params, password, salt_bytes, expected.len())
        .is_ok_and(|computed| computed == expected)
}

/// Checks a new password (docs/security.md 8): 8–128 code points as sent (as the OpenAPI
/// document's `minLength` counts; NFKC may lengthen "¨" into two), no
/// composition rules, not a common or easily guessed password (zxcvbn score below 2 means it is
/// within about 10^6 guesses, which covers the top-10k lists), and not containing the user's email
/// or names.
pub fn check_new(
    field: &'static str,
    password: &str,
    personal: &[&str],
) -> Result<(), WeakPassword> {
    let normalized = normalize(password);
    let count = password.chars().count();
    let weak = |weakness| WeakPassword { field, weakness };
    if count < MIN_CHARS {
        return Err(weak(Weakness::TooShort));
    }
    if count > MAX_CHARS {
        return Err(weak(Weakness::TooLong));
    }
    let lower = normalized.to_lowercase();
    let personal: Vec<String> = personal
        .iter()
        .map(|p| p.trim().to_lowercase())
        .filter(|p| p.chars().count() >= 3)
        .collect();
    if personal.iter().any(|p| lower.contains(p.as_str())) {
        return Err(weak(Weakness::ContainsPersonal));
    }
    let inputs: Vec<&str> = personal.iter().map(String::as_str).collect();
    let score = zxcvbn::zxcvbn(&normalized, &inputs).score();
    if u8::from(score) < 2 {
        return Err(weak(Weakness::TooCommon));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_what_was_sent_not_its_normal_form() {
        // Seven code points; NFKC makes "¨" a space and a combining mark, eight in all.
        let sent = "¨Q\u{F9D5B}Óx»\u{33F69}";
        assert_eq!(sent.chars().count(), 7);
        assert!(normalize(sent).chars().count() >= 8);
        assert_eq!(
            check_new("password", sent, &[]).map_err(|w| w.weakness),
            Err(Weakness::TooShort)
        );
    }

    fn code(r: Result<(), WeakPassword>) -> &'static str {
        match r {
            Ok(()) => "ok",
            Err(weak) => weak.weakness.problem().code,
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
        // The dummy hash has the production parameters, so it costs the same time.
        assert!(DUMMY_HASH.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
        // Hashes made by the argon2 crate's own API verify too (compatibility with stored hashes).
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let theirs = Argon2::default()
            .hash_password(b"compat-check-1", &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        assert!(p.verify("compat-check-1", Some(&theirs)).await.unwrap());
        assert!(
            Argon2::default()
                .verify_password(b"Tr0ub4dor&3-long", &PasswordHash::new(&h).unwrap())
                .is_ok()
        );
        assert!(!p.verify("x", Some("not a hash")).await.unwrap());
        // NFKC: a full-width A equals an ASCII A.
        let h2 = p.hash("ＡbcdefgH1!").await.unwrap();
        assert!(p.verify("AbcdefgH1!", Some(&h2)).await.unwrap());
    }
}
