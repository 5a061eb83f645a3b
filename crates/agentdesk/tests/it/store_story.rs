//! The storage story: every `Store` behaviour, run unchanged against SQLite and PostgreSQL.

use std::sync::Arc;

use agentdesk_core::domain::{
    CompanyId, Email, Locale, NewUser, PersonName, ProfilePatch, Role, UserId,
};
use agentdesk_core::store::{CodeChannel, Conflict, NewSession, Purpose, SessionKind};
use agentdesk_core::{Store, StoreError, Timestamp};

use crate::on_both_backends;
use crate::support::*;

on_both_backends!(
    users_and_companies,
    sessions_live_and_die,
    throttle_counts_atomically,
    migrations_are_applied,
    authenticator_and_recovery_codes,
    upgrade_to_the_authenticator_keeps_methods_and_codes,
    send_limits_are_checked_and_counted_together,
    trusted_devices_belong_to_one_user_and_expire,
    profiles_passwords_and_policies,
    codes_are_consumed_once_and_failures_counted,
    security_events_and_the_outbox_are_kept_newest_first
);

async fn trusted_devices_belong_to_one_user_and_expire(backend: Backend) {
    let (store, _dir) = store(backend).await;
    let zoe = store
        .create_user(&new_user("Acme", "zoe@acme.test", "Zoe", Role::Agent), T0)
        .await
        .unwrap();
    store.trust_device("hash-1", zoe.id, T0).await.unwrap();
    let cutoff = |now: Timestamp| now.minus_secs(180 * 86_400);
    let later = T0.plus_secs(100 * 86_400);
    assert_eq!(
        store
            .trusted_device_user("hash-1", later, cutoff(later))
            .await
            .unwrap(),
        Some(zoe.id)
    );
    assert_eq!(
        store
            .trusted_device_user("unknown", later, cutoff(later))
            .await
            .unwrap(),
        None
    );
    // Using it renewed it: 250 days after creation it is still trusted (150 after its use) …
    let much_later = T0.plus_secs(250 * 86_400);
    assert_eq!(
        store
            .trusted_device_user("hash-1", much_later, cutoff(much_later))
            .await
            .unwrap(),
        Some(zoe.id)
    );
    // … but not after 180 days unused.
    let gone = much_later.plus_secs(181 * 86_400);
    assert_eq!(
        store
            .trusted_device_user("hash-1", gone, cutoff(gone))
            .await
            .unwrap(),
        None
    );
    // A cookie hash is given once.
    assert!(matches!(
        store.trust_device("hash-1", zoe.id, T0).await,
        Err(StoreError::Conflict(Conflict::Other(_)))
    ));
}

async fn store(backend: Backend) -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(backend, dir.path()).await;
    (agentdesk::open_store(&url).await.unwrap(), dir)
}

fn new_user(company: &str, email: &str, first: &str, role: Role) -> NewUser {
    NewUser {
        company_name: company.into(),
        email: Email::parse(email).unwrap(),
        first_name: PersonName::parse(first).unwrap(),
        last_name: PersonName::parse("Tester").unwrap(),
        role,
        locale: None,
        password_hash: "$argon2id$placeholder".into(),
    }
}

const T0: Timestamp = Timestamp(1_800_000_000_000);

async fn migrations_are_applied(backend: Backend) {
    let (store, _dir) = store(backend).await;
    let applied = store.applied_migrations().await.unwrap();
    assert_eq!(
        applied,
        agentdesk_store_sqlite::migration_versions(),
        "SQLite and this backend disagree"
    );
    assert_eq!(
        agentdesk_store_sqlite::migration_versions(),
        agentdesk_store_postgres::migration_versions()
    );
    store.ping().await.unwrap();
}

async fn users_and_companies(backend: Backend) {
    let (store, _dir) = store(backend).await;
    assert_eq!(store.count_users().await.unwrap(), 0);
    let zoe = store
        .create_user(&new_user("Acme", "Zoe@Acme.test", "Zoe", Role::Agent), T0)
        .await
        .unwrap();
    // Secrets read back from the store never print.
    assert_eq!(zoe.password_hash.expose(), "$argon2id$placeholder");
    assert!(!format!("{zoe:?}").contains("argon2id"), "{zoe:?}");
    let adam = store
        .create_user(&new_user("Acme", "adam@acme.test", "Adam", Role::Agent), T0)
        .await
        .unwrap();
    let boss = store
        .create_user(&new_user("Acme", "boss@acme.test", "Boss", Role::Admin), T0)
        .await
        .unwrap();
    assert_eq!(
        zoe.company_id, adam.company_id,
        "the company is found by name, not created twice"
    );
    assert_eq!(
        zoe.email.as_str(),
        "Zoe@Acme.test",
        "the address is kept as typed"
    );
    assert!(zoe.active && zoe.locale.is_none());

    // Case-insensitive uniqueness; the failed insert leaves no half-made company behind.
    let dup = store
        .create_user(
            &new_user("Brand New Co", "ZOE@acme.test", "Zed", Role::Agent),
            T0,
        )
        .await;
    assert!(
        matches!(dup, Err(StoreError::Conflict(Conflict::Email))),
        "{dup:?}"
    );
    assert_eq!(
        store.companies().await.unwrap().len(),
        1,
        "the transaction rolled back the new company"
    );
    let found = store
        .user_by_email(&Email::parse("zoe@ACME.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, zoe.id);
    assert!(
        store
            .user_by_email(&Email::parse("nobody@acme.test").unwrap())
            .await
            .unwrap()
            .is_none()
    );

    let other = store
        .create_user(&new_user("Globex", "g@globex.test", "Gil", Role::Admin), T0)
        .await
        .unwrap();
    assert_ne!(other.company_id, zoe.company_id);
    let names: Vec<String> = store
        .company_users(zoe.company_id)
        .await
        .unwrap()
        .iter()
        .map(|u| u.first_name.as_str().to_owned())
        .collect();
    assert_eq!(
        names,
        ["Boss", "Adam", "Zoe"],
        "admins first, then by name; other companies excluded"
    );
    assert_eq!(
        store.company(boss.company_id).await.unwrap().unwrap().name,
        "Acme"
    );
    assert!(store.company(CompanyId(987_654)).await.unwrap().is_none());

    // Partial profile updates.
    let patch = ProfilePatch {
        first_name: Some(PersonName::parse("Zoë").unwrap()),
        last_name: None,
        locale: Some(Locale::ZhCn),
    };
    let updated = store
        .update_profile(zoe.id, &patch, Timestamp(T0.0 + 5))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            updated.first_name.as_str(),
            updated.last_name.as_str(),
            updated.locale
        ),
        ("Zoë", "Tester", Some(Locale::ZhCn))
    );
    assert_eq!(updated.updated_at, Timestamp(T0.0 + 5));
    assert!(
        store
            .update_profile(UserId(987_654), &patch, T0)
            .await
            .unwrap()
            .is_none()
    );

    // Activation is scoped to the company.
    assert!(
        store
            .set_user_active(other.company_id, zoe.id, false, T0)
            .await
            .unwrap()
            .is_none()
    );
    assert!(store.user(zoe.id).await.unwrap().unwrap().active);
    let off = store
        .set_user_active(zoe.company_id, zoe.id, false, T0)
        .await
        .unwrap()
        .unwrap();
    assert!(!off.active);
    assert_eq!(store.count_users().await.unwrap(), 4);
}

fn session(
    hash: &str,
    user: UserId,
    kind: SessionKind,
    at: Timestamp,
    ttl_secs: i64,
) -> NewSession {
    NewSession {
        token_hash: hash.into(),
        user_id: user,
        kind,
        created_at: at,
        expires_at: at.plus_secs(ttl_secs),
        ip: Some("127.0.0.1".into()),
        user_agent: Some("story".into()),
    }
}

async fn sessions_live_and_die(backend: Backend) {
    let (store, _dir) = store(backend).await;
    let ann = store
        .create_user(&new_user("Acme", "ann@acme.test", "Ann", Role::Agent), T0)
        .await
        .unwrap();
    let bob = store
        .create_user(&new_user("Acme", "bob@acme.test", "Bob", Role::Agent), T0)
        .await
        .unwrap();
    store
        .create_session(&session("a1", ann.id, SessionKind::Full, T0, 3600))
        .await
        .unwrap();
    store
        .create_session(&session(
            "a2",
            ann.id,
            SessionKind::PendingSecondFactor,
            T0,
            3600,
        ))
        .await
        .unwrap();
    store
        .create_session(&session("a3", ann.id, SessionKind::Full, T0, 3600))
        .await
        .unwrap();
    store
        .create_session(&session("b1", bob.id, SessionKind::Full, T0, 3600))
        .await
        .unwrap();
    assert!(matches!(
        store
            .create_session(&session("a1", bob.id, SessionKind::Full, T0, 1))
            .await,
        Err(StoreError::Conflict(Conflict::Other(_)))
    ));

    let idle = |now: Timestamp| now.minus_secs(1800);
    let now = T0.plus_secs(60);
    let (s, u) = store
        .live_session("a1", now, idle(now))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (s.kind, u.id, s.ip.as_deref()),
        (SessionKind::Full, ann.id, Some("127.0.0.1"))
    );
    assert_eq!(
        store
            .live_session("a2", now, idle(now))
            .await
            .unwrap()
            .unwrap()
            .0
            .kind,
        SessionKind::PendingSecondFactor
    );
    assert!(
        store
            .live_session("zz", now, idle(now))
            .await
            .unwrap()
            .is_none()
    );

    // Idle: untouched for 31 minutes is dead; touched is alive.
    let later = T0.plus_secs(31 * 60);
    store
        .touch_session("a3", T0.plus_secs(20 * 60))
        .await
        .unwrap();
    assert!(
        store
            .live_session("a1", later, idle(later))
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .live_session("a3", later, idle(later))
            .await
            .unwrap()
            .is_some()
    );
    // Absolute: past expires_at nothing is live, touched or not.
    let past = T0.plus_secs(3601);
    store.touch_session("a3", past).await.unwrap();
    assert!(
        store
            .live_session("a3", past, idle(past))
            .await
            .unwrap()
            .is_none()
    );

    // Sign out others: keep one, end the rest of that user's only.
    let ended = store
        .delete_user_sessions(ann.id, Some("a3"))
        .await
        .unwrap();
    assert_eq!(ended, 2);
    assert!(
        store
            .live_session("b1", now, idle(now))
            .await
            .unwrap()
            .is_some()
    );
    store.delete_session("b1").await.unwrap();
    assert!(
        store
            .live_session("b1", now, idle(now))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.delete_user_sessions(ann.id, None).await.unwrap(), 1);

    // Deactivation ends sessions in the same transaction.
    store
        .create_session(&session("b2", bob.id, SessionKind::Full, T0, 3600))
        .await
        .unwrap();
    store
        .set_user_active(bob.company_id, bob.id, false, now)
        .await
        .unwrap();
    store
        .set_user_active(bob.company_id, bob.id, true, now)
        .await
        .unwrap();
    assert!(
        store
            .live_session("b2", now, idle(now))
            .await
            .unwrap()
            .is_none(),
        "reactivation does not revive sessions"
    );

    // Purge removes expired and idle sessions only.
    store
        .create_session(&session("p-old", bob.id, SessionKind::Full, T0, 60))
        .await
        .unwrap();
    store
        .create_session(&session(
            "p-new",
            bob.id,
            SessionKind::Full,
            T0.plus_secs(3000),
            3600,
        ))
        .await
        .unwrap();
    let at = T0.plus_secs(3100);
    assert_eq!(store.purge_expired_sessions(at, idle(at)).await.unwrap(), 1);
    assert!(
        store
            .live_session("p-new", at, idle(at))
            .await
            .unwrap()
            .is_some()
    );
}

async fn throttle_counts_atomically(backend: Backend) {
    let (store, _dir) = store(backend).await;
    assert!(store.throttle_state("k").await.unwrap().is_none());
    let window = |now: Timestamp| now.minus_secs(900);
    let s = store.record_failure("k", T0, window(T0)).await.unwrap();
    assert_eq!(
        (s.failures, s.window_started_at, s.locked_until),
        (1, T0, None)
    );
    let s = store
        .record_failure("k", T0.plus_secs(10), window(T0.plus_secs(10)))
        .await
        .unwrap();
    assert_eq!((s.failures, s.window_started_at), (2, T0));
    store.lock_until("k", T0.plus_secs(40)).await.unwrap();
    assert_eq!(
        store
            .throttle_state("k")
            .await
            .unwrap()
            .unwrap()
            .locked_until,
        Some(T0.plus_secs(40))
    );
    // A failure after the window restarts the count.
    let late = T0.plus_secs(1000);
    let s = store.record_failure("k", late, window(late)).await.unwrap();
    assert_eq!((s.failures, s.window_started_at), (1, late));

    // Forty concurrent failures on one key count forty: no lost updates.
    let tasks: Vec<_> = (0..40)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.record_failure("hot", T0, window(T0)).await.unwrap() })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(
        store.throttle_state("hot").await.unwrap().unwrap().failures,
        40
    );
    store.clear_throttle("hot").await.unwrap();
    assert!(store.throttle_state("hot").await.unwrap().is_none());
}

async fn authenticator_and_recovery_codes(backend: Backend) {
    use agentdesk_core::domain::TwoFactorMethod;
    use agentdesk_core::store::NewChallenge;

    let (store, _dir) = store(backend).await;
    let zoe = store
        .create_user(&new_user("Acme", "zoe@acme.test", "Zoe", Role::Agent), T0)
        .await
        .unwrap();

    // The authenticator's secret is kept with the method, and only with it.
    let on = store
        .set_two_factor(
            zoe.id,
            Some(TwoFactorMethod::Totp),
            Some("JBSWY3DPEHPK3PXP"),
            T0,
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(on.two_factor, Some(TwoFactorMethod::Totp));
    assert_eq!(
        store
            .totp_secret(zoe.id)
            .await
            .unwrap()
            .as_ref()
            .map(|s| s.expose()),
        Some("JBSWY3DPEHPK3PXP")
    );
    store
        .set_two_factor(zoe.id, Some(TwoFactorMethod::Email), Some("IGNORED"), T0)
        .await
        .unwrap();
    assert_eq!(store.totp_secret(zoe.id).await.unwrap(), None);
    assert_eq!(store.totp_secret(UserId(999_999)).await.unwrap(), None);

    // Every time step is accepted once, and never an older one.
    assert!(store.claim_totp_step(zoe.id, 100).await.unwrap());
    assert!(!store.claim_totp_step(zoe.id, 100).await.unwrap());
    assert!(!store.claim_totp_step(zoe.id, 99).await.unwrap());
    assert!(store.claim_totp_step(zoe.id, 101).await.unwrap());
    let claims: Vec<_> = (0..8)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.claim_totp_step(zoe.id, 200).await.unwrap() })
        })
        .collect();
    let mut won = 0;
    for c in claims {
        won += usize::from(c.await.unwrap());
    }
    assert_eq!(won, 1, "one step, one winner");

    // Recovery codes: each used once, atomically; a new set replaces the old one.
    let hashes: Vec<String> = ["h1", "h2", "h3"].iter().map(|h| h.to_string()).collect();
    store
        .replace_recovery_codes(zoe.id, &hashes, T0)
        .await
        .unwrap();
    assert_eq!(store.recovery_codes_left(zoe.id).await.unwrap(), 3);
    assert!(store.use_recovery_code(zoe.id, "h1", T0).await.unwrap());
    assert!(!store.use_recovery_code(zoe.id, "h1", T0).await.unwrap());
    assert!(!store.use_recovery_code(zoe.id, "nope", T0).await.unwrap());
    assert!(
        !store
            .use_recovery_code(UserId(999_999), "h2", T0)
            .await
            .unwrap(),
        "another user's code"
    );
    let uses: Vec<_> = (0..8)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.use_recovery_code(zoe.id, "h2", T0).await.unwrap() })
        })
        .collect();
    let mut won = 0;
    for u in uses {
        won += usize::from(u.await.unwrap());
    }
    assert_eq!(won, 1, "one code, one winner");
    assert_eq!(store.recovery_codes_left(zoe.id).await.unwrap(), 1);
    store
        .replace_recovery_codes(zoe.id, &["h4".to_string()], T0)
        .await
        .unwrap();
    assert!(!store.use_recovery_code(zoe.id, "h3", T0).await.unwrap());
    assert_eq!(store.recovery_codes_left(zoe.id).await.unwrap(), 1);
    // Turning two-factor authentication off takes the codes with it.
    store.set_two_factor(zoe.id, None, None, T0).await.unwrap();
    assert_eq!(store.recovery_codes_left(zoe.id).await.unwrap(), 0);
    assert!(!store.use_recovery_code(zoe.id, "h4", T0).await.unwrap());

    // A challenge the app answers sends nothing, so no send limit applies to it.
    let none_left = agentdesk_core::store::SendLimits {
        since: T0.minus_secs(3600),
        per_account: 0,
        per_verified_destination: 0,
        per_unverified_destination: 0,
    };
    assert!(
        store
            .create_challenge(
                &NewChallenge {
                    id: "app-challenge".into(),
                    user_id: zoe.id,
                    purpose: Purpose::Login,
                    channel: CodeChannel::Totp,
                    destination: String::new(),
                    verified: true,
                    payload: "{}".into(),
                    code_hash: String::new(),
                    created_at: T0,
                    expires_at: T0.plus_secs(600),
                },
                &none_left
            )
            .await
            .unwrap()
    );
    let stored = store.challenge("app-challenge").await.unwrap().unwrap();
    assert_eq!(stored.channel, CodeChannel::Totp);
}

/// docs/security.md 4 in the store: the limits are checked and counted in one step (parallel sends
/// never pass together), per account, and per destination with a number being added counted
/// apart from its verified owner's codes.
async fn send_limits_are_checked_and_counted_together(backend: Backend) {
    use agentdesk_core::store::{NewChallenge, Resent, SendLimits};

    let (store, _dir) = store(backend).await;
    let owner = store
        .create_user(
            &new_user("Acme", "owner@acme.test", "Owner", Role::Agent),
            T0,
        )
        .await
        .unwrap();
    let other = store
        .create_user(
            &new_user("Acme", "other@acme.test", "Other", Role::Agent),
            T0,
        )
        .await
        .unwrap();
    let limits = SendLimits {
        since: T0.minus_secs(3600),
        per_account: 5,
        per_verified_destination: 3,
        per_unverified_destination: 2,
    };
    let challenge =
        |id: &str, user: agentdesk_core::domain::UserId, purpose: Purpose, verified| NewChallenge {
            id: id.into(),
            user_id: user,
            purpose,
            channel: CodeChannel::Sms,
            destination: "+14155552671".into(),
            verified,
            payload: "{}".into(),
            code_hash: "h".into(),
            created_at: T0,
            expires_at: T0.plus_secs(600),
        };
    // Another account "adding" the owner's number: two codes, then refused.
    for i in 0..2 {
        let c = challenge(&format!("other-{i}"), other.id, Purpose::PhoneNew, false);
        assert!(store.create_challenge(&c, &limits).await.unwrap());
    }
    let c = challenge("other-2", other.id, Purpose::PhoneNew, false);
    assert!(!store.create_challenge(&c, &limits).await.unwrap());
    assert!(
        store.challenge("other-2").await.unwrap().is_none(),
        "nothing stored"
    );
    // The owner's own codes to the number they verified are not starved by those.
    for i in 0..3 {
        let c = challenge(&format!("owner-{i}"), owner.id, Purpose::Login, true);
        assert!(
            store.create_challenge(&c, &limits).await.unwrap(),
            "owner send {i}"
        );
    }
    let c = challenge("owner-3", owner.id, Purpose::Login, true);
    assert!(!store.create_challenge(&c, &limits).await.unwrap());
    // A resend is a send: over the limit it changes nothing; a used-up challenge is not live.
    let live = store.challenge("owner-2").await.unwrap().unwrap();
    assert_eq!(
        store
            .resend_challenge("owner-2", "h2", T0, T0.plus_secs(600), &limits)
            .await
            .unwrap(),
        Resent::Limited
    );
    assert_eq!(
        store.challenge("owner-2").await.unwrap().unwrap().code_hash,
        live.code_hash
    );
    let later = SendLimits {
        since: T0.plus_secs(1),
        ..limits
    };
    assert_eq!(
        store
            .resend_challenge("owner-2", "h2", T0.plus_secs(60), T0.plus_secs(660), &later)
            .await
            .unwrap(),
        Resent::Sent
    );
    assert_eq!(
        store.challenge("owner-2").await.unwrap().unwrap().code_hash,
        "h2"
    );
    assert_eq!(
        store
            .resend_challenge("owner-1", "h3", T0, T0.plus_secs(600), &later)
            .await
            .unwrap(),
        Resent::NotLive,
        "owner-1 was replaced by owner-2 (one live code per user and purpose)"
    );

    // Twenty parallel sends from one account under a limit of five: exactly five pass.
    let fresh = store
        .create_user(
            &new_user("Acme", "fresh@acme.test", "Fresh", Role::Agent),
            T0,
        )
        .await
        .unwrap();
    let wide = SendLimits {
        per_verified_destination: 100,
        per_unverified_destination: 100,
        ..limits
    };
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let store = store.clone();
            let c = NewChallenge {
                id: format!("race-{i}"),
                user_id: fresh.id,
                purpose: Purpose::TwoFactor,
                destination: format!("fresh{i}@acme.test"),
                channel: CodeChannel::Email,
                ..challenge("", fresh.id, Purpose::Login, true)
            };
            tokio::spawn(async move { store.create_challenge(&c, &wide).await.unwrap() })
        })
        .collect();
    let mut passed = 0;
    for t in tasks {
        passed += usize::from(t.await.unwrap());
    }
    assert_eq!(passed, 5);
}

/// A database made before the authenticator arrived (migrations 1–5) keeps every user's method
/// and every live code through migration 6, which then accepts `totp`.
async fn upgrade_to_the_authenticator_keeps_methods_and_codes(backend: Backend) {
    use agentdesk_core::domain::TwoFactorMethod;

    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(backend, dir.path()).await;
    let folder = match backend {
        Backend::Sqlite => "agentdesk-store-sqlite",
        Backend::Postgres => "agentdesk-store-postgres",
    };
    let company_row = "INSERT INTO companies (name, created_at) VALUES ('Old Co', 1)";
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(folder)
        .join("migrations");
    let old = dir.path().join("migrations-1-5");
    std::fs::create_dir(&old).unwrap();
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.as_str() < "0006" {
            std::fs::copy(&path, old.join(&name)).unwrap();
        }
    }
    let migrator = sqlx::migrate::Migrator::new(old.as_path()).await.unwrap();
    let user_row = "INSERT INTO users (company_id, email, email_normalized, first_name, last_name, role, password_hash, created_at, updated_at, phone, two_factor_method) \
                    VALUES (1, 'old@old.test', 'old@old.test', 'Old', 'Timer', 'agent', 'x', 1, 1, '+14155552671', 'sms')";
    let challenge_row = "INSERT INTO otp_challenges (id, user_id, purpose, channel, destination, payload, code_hash, created_at, last_sent_at, expires_at) \
                         VALUES ('live-one', 1, 'login', 'sms', '+14155552671', '{}', 'abc', 1, 1, 99999999999999)";
    match backend {
        Backend::Sqlite => {
            let options = <sqlx::sqlite::SqliteConnectOptions as std::str::FromStr>::from_str(&url)
                .unwrap()
                .create_if_missing(true);
            let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
            migrator.run(&pool).await.unwrap();
            for sql in [company_row, user_row, challenge_row] {
                sqlx::query(sql).execute(&pool).await.unwrap();
            }
            pool.close().await;
        }
        Backend::Postgres => {
            let pool = sqlx::PgPool::connect(&url).await.unwrap();
            migrator.run(&pool).await.unwrap();
            for sql in [company_row, user_row, challenge_row] {
                sqlx::query(sql).execute(&pool).await.unwrap();
            }
            pool.close().await;
        }
    }

    let store = agentdesk::open_store(&url).await.unwrap();
    assert_eq!(
        store.applied_migrations().await.unwrap(),
        agentdesk_store_sqlite::migration_versions()
    );
    let user = store
        .user_by_email(&Email::parse("old@old.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.two_factor, Some(TwoFactorMethod::Sms), "method kept");
    assert_eq!(
        user.phone.as_ref().map(|p| p.as_str()),
        Some("+14155552671")
    );
    let live = store.challenge("live-one").await.unwrap().unwrap();
    assert_eq!(
        (live.channel.as_str(), live.consumed),
        ("sms", false),
        "live code kept"
    );
    let now_totp = store
        .set_two_factor(
            user.id,
            Some(TwoFactorMethod::Totp),
            Some("JBSWY3DPEHPK3PXP"),
            T0,
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now_totp.two_factor, Some(TwoFactorMethod::Totp));
}

async fn profiles_passwords_and_policies(backend: Backend) {
    use agentdesk_core::domain::{AvatarRef, PhoneE164};

    let (store, _dir) = store(backend).await;
    assert_eq!(
        store.backend(),
        match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    );
    let zoe = store
        .create_user(&new_user("Acme", "zoe@acme.test", "Zoe", Role::Agent), T0)
        .await
        .unwrap();
    let rival = store
        .create_user(&new_user("Rival", "ray@rival.test", "Ray", Role::Agent), T0)
        .await
        .unwrap();

    // A picture and new names in one statement; the old picture is handed back.
    let first = AvatarRef {
        full: "av-full-1".into(),
        thumb: "av-thumb-1".into(),
    };
    let names = ProfilePatch {
        first_name: Some(PersonName::parse("Zoë").unwrap()),
        ..Default::default()
    };
    let (user, before) = store
        .set_avatar(zoe.id, Some(&first), &names, T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.avatar.as_ref(), Some(&first));
    assert_eq!(user.first_name.as_str(), "Zoë");
    assert_eq!(before, None);
    assert!(store.blob_in_use("av-full-1").await.unwrap());
    assert!(store.blob_in_use("av-thumb-1").await.unwrap());
    assert!(!store.blob_in_use("nobody-uses-this").await.unwrap());
    // Avatars are found within the owner's company only.
    assert_eq!(
        store
            .company_avatar(zoe.company_id, "av-full-1")
            .await
            .unwrap(),
        Some(first.clone())
    );
    assert_eq!(
        store
            .company_avatar(rival.company_id, "av-full-1")
            .await
            .unwrap(),
        None
    );
    let second = AvatarRef {
        full: "av-full-2".into(),
        thumb: "av-thumb-2".into(),
    };
    let (_, before) = store
        .set_avatar(zoe.id, Some(&second), &ProfilePatch::default(), T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(before, Some(first));
    assert!(!store.blob_in_use("av-full-1").await.unwrap());
    let (user, before) = store
        .set_avatar(zoe.id, None, &ProfilePatch::default(), T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((user.avatar, before), (None, Some(second)));
    assert!(
        store
            .set_avatar(UserId(9_999), None, &names, T0)
            .await
            .unwrap()
            .is_none()
    );

    // A verified phone is set and removed.
    let phone = PhoneE164::parse(Some("us"), "(415) 555-2671").unwrap();
    let user = store
        .set_phone(zoe.id, Some(&phone), T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.phone.as_ref(), Some(&phone));
    let user = store.set_phone(zoe.id, None, T0).await.unwrap().unwrap();
    assert_eq!(user.phone, None);

    // A password change ends every other session and rotates the current one, in one step.
    for (hash, at) in [("cur", T0), ("other-1", T0), ("other-2", T0)] {
        store
            .create_session(&session(hash, zoe.id, SessionKind::Full, at, 3600))
            .await
            .unwrap();
    }
    store
        .create_session(&session("ray-1", rival.id, SessionKind::Full, T0, 3600))
        .await
        .unwrap();
    let idle = T0.minus_secs(1800);
    assert_eq!(
        store.user_sessions(zoe.id, T0, idle).await.unwrap().len(),
        3
    );
    let rotated = session("rotated", zoe.id, SessionKind::Full, T0, 3600);
    let ended = store
        .change_password(zoe.id, "$argon2id$new", "cur", &rotated, T0)
        .await
        .unwrap();
    assert_eq!(ended, 2);
    let left = store.user_sessions(zoe.id, T0, idle).await.unwrap();
    assert_eq!(
        left.iter()
            .map(|s| s.token_hash.as_str())
            .collect::<Vec<_>>(),
        ["rotated"]
    );
    assert_eq!(
        store
            .user(zoe.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash
            .expose(),
        "$argon2id$new"
    );
    // Nobody else's sessions were touched.
    assert_eq!(
        store.user_sessions(rival.id, T0, idle).await.unwrap().len(),
        1
    );

    // The company policy, per company.
    let acme = store
        .set_require_two_factor(zoe.company_id, true)
        .await
        .unwrap()
        .unwrap();
    assert!(acme.require_two_factor);
    assert!(
        !store
            .company(rival.company_id)
            .await
            .unwrap()
            .unwrap()
            .require_two_factor
    );
    assert!(
        store
            .set_require_two_factor(CompanyId(9_999), true)
            .await
            .unwrap()
            .is_none()
    );
}

async fn codes_are_consumed_once_and_failures_counted(backend: Backend) {
    use agentdesk_core::store::{NewChallenge, SendLimits};

    let (store, _dir) = store(backend).await;
    let zoe = store
        .create_user(&new_user("Acme", "zoe@acme.test", "Zoe", Role::Agent), T0)
        .await
        .unwrap();
    let ray = store
        .create_user(&new_user("Acme", "ray@acme.test", "Ray", Role::Agent), T0)
        .await
        .unwrap();
    let limits = SendLimits {
        since: T0.minus_secs(3600),
        per_account: 5,
        per_verified_destination: 5,
        per_unverified_destination: 3,
    };
    let challenge = |id: &str| NewChallenge {
        id: id.into(),
        user_id: zoe.id,
        purpose: Purpose::Login,
        channel: CodeChannel::Email,
        destination: "zoe@acme.test".into(),
        verified: true,
        payload: "{}".into(),
        code_hash: "h".into(),
        created_at: T0,
        expires_at: T0.plus_secs(600),
    };
    assert!(
        store
            .create_challenge(&challenge("c-1"), &limits)
            .await
            .unwrap()
    );

    // Wrong codes count against the challenge and the account.
    assert_eq!(store.otp_failures(zoe.id).await.unwrap(), None);
    assert_eq!(store.otp_failed("c-1", zoe.id, T0).await.unwrap(), 1);
    let later = T0.plus_secs(5);
    assert_eq!(store.otp_failed("c-1", zoe.id, later).await.unwrap(), 2);
    assert_eq!(store.otp_failures(zoe.id).await.unwrap(), Some((2, later)));
    assert_eq!(store.challenge("c-1").await.unwrap().unwrap().attempts, 2);

    // Not by another user, not past the tries, not after it expired.
    assert!(!store.consume_challenge("c-1", ray.id, 5, T0).await.unwrap());
    assert!(!store.consume_challenge("c-1", zoe.id, 2, T0).await.unwrap());
    assert!(
        !store
            .consume_challenge("c-1", zoe.id, 5, T0.plus_secs(601))
            .await
            .unwrap()
    );

    // Two parallel uses of one live code: exactly one wins, and success clears the failures.
    let (a, b) = tokio::join!(
        store.consume_challenge("c-1", zoe.id, 5, later),
        store.consume_challenge("c-1", zoe.id, 5, later)
    );
    assert_eq!([a.unwrap(), b.unwrap()].iter().filter(|w| **w).count(), 1);
    assert!(store.challenge("c-1").await.unwrap().unwrap().consumed);
    assert!(
        !store
            .consume_challenge("c-1", zoe.id, 5, later)
            .await
            .unwrap()
    );
    assert_eq!(
        store
            .otp_failures(zoe.id)
            .await
            .unwrap()
            .map(|f| f.0)
            .unwrap_or(0),
        0
    );
}

async fn security_events_and_the_outbox_are_kept_newest_first(backend: Backend) {
    let (store, _dir) = store(backend).await;
    let zoe = store
        .create_user(&new_user("Acme", "zoe@acme.test", "Zoe", Role::Agent), T0)
        .await
        .unwrap();
    let ray = store
        .create_user(&new_user("Acme", "ray@acme.test", "Ray", Role::Agent), T0)
        .await
        .unwrap();
    use agentdesk_core::store::SecurityEventKind as Kind;
    for (i, kind) in [
        Kind::SignedIn,
        Kind::PasswordChanged,
        Kind::TwoFactorEnabled,
    ]
    .into_iter()
    .enumerate()
    {
        store
            .add_security_event(
                zoe.id,
                kind,
                Some("email"),
                Some("192.0.2.7"),
                T0.plus_secs(i as i64),
            )
            .await
            .unwrap();
    }
    store
        .add_security_event(ray.id, Kind::SignedIn, None, None, T0)
        .await
        .unwrap();
    let events = store.security_events(zoe.id, 2).await.unwrap();
    assert_eq!(
        events.iter().map(|e| e.kind).collect::<Vec<_>>(),
        [Kind::TwoFactorEnabled, Kind::PasswordChanged]
    );
    assert_eq!(events[0].detail.as_deref(), Some("email"));
    assert_eq!(events[0].ip.as_deref(), Some("192.0.2.7"));
    assert!(events.iter().all(|e| e.user_id == zoe.id));

    store
        .push_outbox("email", "zoe@acme.test", Some("Code"), "123456", T0)
        .await
        .unwrap();
    store
        .push_outbox("sms", "+14155552671", None, "654321", T0.plus_secs(1))
        .await
        .unwrap();
    let kept = store.outbox(10).await.unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(
        (
            kept[0].channel.as_str(),
            kept[0].destination.as_str(),
            kept[0].body.as_str()
        ),
        ("sms", "+14155552671", "654321")
    );
    assert_eq!(kept[1].subject.as_deref(), Some("Code"));
    assert_eq!(store.outbox(1).await.unwrap().len(), 1);
}
