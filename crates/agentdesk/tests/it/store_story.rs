//! The storage story: every `Store` behaviour, run unchanged against SQLite and PostgreSQL.

use std::sync::Arc;

use agentdesk_core::domain::{
    CompanyId, Email, Locale, NewUser, PersonName, ProfilePatch, Role, UserId,
};
use agentdesk_core::store::{NewSession, SessionKind};
use agentdesk_core::{Store, StoreError, Timestamp};

use crate::helpers::*;
use crate::on_both_backends;

on_both_backends!(
    users_and_companies,
    sessions_live_and_die,
    throttle_counts_atomically,
    migrations_are_applied
);

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
    assert!(matches!(dup, Err(StoreError::Conflict)), "{dup:?}");
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
        Err(StoreError::Conflict)
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
