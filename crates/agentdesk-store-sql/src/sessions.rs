//! Sessions and device cookies (hashes only).

/// Inserts a session (`&NewSession`) with any executor (`&pool` or `&mut *tx`).
#[macro_export]
macro_rules! insert_session {
    ($db:ty, $executor:expr, $s:expr) => {
        ::sqlx::query::<$db>(concat!(
            "INSERT INTO sessions (token_hash, user_id, kind, created_at, last_seen_at, ",
            "expires_at, ip, user_agent) ",
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

/// Implements `agentdesk_core::store::SessionStore` for a struct with a `pool: sqlx::Pool<$db>`
/// field.
#[macro_export]
macro_rules! impl_session_store {
    ($store:ty, $db:ty) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::SessionStore for $store {
            async fn create_session(&self, s: &$crate::NewSession) -> $crate::Result<()> {
                $crate::insert_session!($db, &self.pool, s);
                Ok(())
            }

            async fn live_session(
                &self,
                token_hash: &str,
                now: $crate::Timestamp,
                idle_cutoff: $crate::Timestamp,
            ) -> $crate::Result<Option<($crate::Session, $crate::User)>> {
                let row = ::sqlx::query_as::<$db, $crate::SessionUserRow>(concat!(
                    "SELECT ",
                    $crate::session_columns!(),
                    ", ",
                    $crate::user_columns!("u."),
                    " FROM sessions s JOIN users u ON u.id = s.user_id ",
                    "WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND ",
                    "u.active = $4"
                ))
                .bind(token_hash)
                .bind(now.0)
                .bind(idle_cutoff.0)
                .bind(true)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                row.map($crate::SessionUserRow::into_pair).transpose()
            }

            async fn user_sessions(
                &self,
                user: $crate::UserId,
                now: $crate::Timestamp,
                idle_cutoff: $crate::Timestamp,
            ) -> $crate::Result<Vec<$crate::Session>> {
                let rows = ::sqlx::query_as::<$db, $crate::SessionUserRow>(concat!(
                    "SELECT ",
                    $crate::session_columns!(),
                    ", ",
                    $crate::user_columns!("u."),
                    " FROM sessions s JOIN users u ON u.id = s.user_id ",
                    "WHERE s.user_id = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 ORDER BY ",
                    "s.last_seen_at DESC"
                ))
                .bind(user.0)
                .bind(now.0)
                .bind(idle_cutoff.0)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?;
                rows.into_iter()
                    .map(|r| r.into_pair().map(|(s, _)| s))
                    .collect()
            }

            async fn touch_session(
                &self,
                token_hash: &str,
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                ::sqlx::query::<$db>("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                    .bind(now.0)
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(())
            }

            async fn delete_session(&self, token_hash: &str) -> $crate::Result<()> {
                ::sqlx::query::<$db>("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(())
            }

            async fn delete_user_sessions(
                &self,
                user: $crate::UserId,
                keep: Option<&str>,
            ) -> $crate::Result<u64> {
                let done = ::sqlx::query::<$db>(
                    "DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2",
                )
                .bind(user.0)
                .bind(keep)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(done.rows_affected())
            }

            async fn purge_expired_sessions(
                &self,
                now: $crate::Timestamp,
                idle_cutoff: $crate::Timestamp,
            ) -> $crate::Result<u64> {
                let done = ::sqlx::query::<$db>(
                    "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2",
                )
                .bind(now.0)
                .bind(idle_cutoff.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(done.rows_affected())
            }

            async fn trust_device(
                &self,
                token_hash: &str,
                user: $crate::UserId,
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                ::sqlx::query::<$db>(concat!(
                    "INSERT INTO trusted_devices (token_hash, user_id, created_at, last_used_at) ",
                    "VALUES ($1, $2, $3, $3)"
                ))
                .bind(token_hash)
                .bind(user.0)
                .bind(now.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(())
            }

            async fn trusted_device_user(
                &self,
                token_hash: &str,
                now: $crate::Timestamp,
                cutoff: $crate::Timestamp,
            ) -> $crate::Result<Option<$crate::UserId>> {
                let user = ::sqlx::query_scalar::<$db, i64>(concat!(
                    "UPDATE trusted_devices SET last_used_at = $1 ",
                    "WHERE token_hash = $2 AND last_used_at > $3 RETURNING user_id"
                ))
                .bind(now.0)
                .bind(token_hash)
                .bind(cutoff.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(user.map($crate::UserId))
            }
        }
    };
}
