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

/// Counts one code sent (for the hourly limits) inside a transaction.
#[macro_export]
macro_rules! count_send {
    ($db:ty, $tx:expr, $user:expr, $destination:expr, $now:expr) => {
        ::sqlx::query::<$db>(
            "INSERT INTO otp_sends (user_id, destination, sent_at) VALUES ($1, $2, $3)",
        )
        .bind($user)
        .bind($destination)
        .bind($now)
        .execute(&mut *$tx)
        .await
        .map_err($crate::store_error)?
    };
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
