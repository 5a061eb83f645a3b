//! Statement helpers used inside `impl_store!` transactions.

/// Inserts a session (`&NewSession`) with any executor (`&pool` or `&mut *tx`).
#[macro_export]
macro_rules! insert_session {
    ($db:ty, $executor:expr, $s:expr) => {
        ::sqlx::query::<$db>(concat!(
            "INSERT INTO sessions (token_hash, user_id, kind, created_at, last_seen_at, expires_at, ip, user_agent) ",
            "VALUES ($1, $2, $3, $4, $4, $5, $6, $7)"
        ))
        .bind(&$s.token_hash)
        .bind($s.user_id.0)
        .bind($s.kind.as_str())
        .bind($s.created_at.0)
        .bind($s.expires_at.0)
        .bind(&$s.ip)
        .bind(&$s.user_agent)
        .execute($executor)
        .await
        .map_err($crate::store_error)?
    };
}

/// Inside a transaction: whether one more code may go from account `$user` to `$destination`
/// under `$limits` (`&SendLimits`) and, when it may, counts it — one atomic step. `$send_lock` is
/// the backend's statement that serializes sends per key (PostgreSQL: an advisory transaction
/// lock; SQLite: a no-op, as `BEGIN IMMEDIATE` already serializes writers). The account's lock is
/// always taken before the destination's, so two sends never wait on each other in a cycle.
#[macro_export]
macro_rules! try_count_send {
    ($db:ty, $tx:expr, $send_lock:literal, $user:expr, $destination:expr, $verified:expr, $limits:expr, $now:expr) => {{
        let user: i64 = $user;
        let destination: &str = $destination;
        let verified: bool = $verified;
        let limits: &$crate::SendLimits = $limits;
        for key in [format!("otp-account:{user}"), format!("otp-destination:{destination}")] {
            ::sqlx::query::<$db>($send_lock)
                .bind(key)
                .execute(&mut *$tx)
                .await
                .map_err($crate::store_error)?;
        }
        let (by_account, by_destination_verified, by_destination): (i64, i64, i64) =
            ::sqlx::query_as::<$db, (i64, i64, i64)>(concat!(
                "SELECT (SELECT COUNT(*) FROM otp_sends WHERE user_id = $1 AND sent_at > $3), ",
                "(SELECT COUNT(*) FROM otp_sends WHERE destination = $2 AND verified = $4 ",
                "AND sent_at > $3), ",
                "(SELECT COUNT(*) FROM otp_sends WHERE destination = $2 AND sent_at > $3)"
            ))
            .bind(user)
            .bind(destination)
            .bind(limits.since.0)
            .bind(true)
            .fetch_one(&mut *$tx)
            .await
            .map_err($crate::store_error)?;
        let allowed = by_account < limits.per_account
            && if verified {
                by_destination_verified < limits.per_verified_destination
            } else {
                by_destination < limits.per_unverified_destination
            };
        if allowed {
            ::sqlx::query::<$db>(
                "INSERT INTO otp_sends (user_id, destination, verified, sent_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(user)
            .bind(destination)
            .bind(verified)
            .bind($now)
            .execute(&mut *$tx)
            .await
            .map_err($crate::store_error)?;
        }
        allowed
    }};
}

/// Inserts a live event inside a transaction and evaluates to it.
#[macro_export]
macro_rules! push_live_event {
    ($db:ty, $tx:expr, $company:expr, $kind:expr, $conversation:expr, $message:expr, $now:expr) => {
        ::sqlx::query_as::<$db, $crate::LiveEventRow>(
            "INSERT INTO live_events (company_id, kind, conversation_id, message_id, created_at) VALUES ($1, $2, $3, $4, $5) \
             RETURNING id, company_id, kind, conversation_id, message_id, created_at",
        )
        .bind($company)
        .bind($kind)
        .bind($conversation)
        .bind($message)
        .bind($now)
        .fetch_one(&mut *$tx)
        .await
        .map_err($crate::store_error)?
        .into_event()
    };
}

/// Inserts a timeline entry inside a transaction.
#[macro_export]
macro_rules! push_timeline {
    ($db:ty, $tx:expr, $conversation:expr, $kind:expr, $actor:expr, $subject:expr, $now:expr) => {
        ::sqlx::query::<$db>(
            "INSERT INTO timeline_events (conversation_id, kind, actor_id, subject_id, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind($conversation)
        .bind($kind)
        .bind($actor)
        .bind($subject)
        .bind($now)
        .execute(&mut *$tx)
        .await
        .map_err($crate::store_error)?
    };
}
