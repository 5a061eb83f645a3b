//! Recovery codes, stored as hashes, used up atomically.

/// Implements `agentdesk_core::store::RecoveryCodeStore` for a struct with a `pool:
/// sqlx::Pool<$db>` field; `$begin` starts a write transaction (`BEGIN IMMEDIATE` on SQLite, so a
/// transaction that reads before it writes cannot fail with SQLITE_BUSY_SNAPSHOT when another
/// writer commits in between).
#[macro_export]
macro_rules! impl_recovery_code_store {
    ($store:ty, $db:ty, $begin:literal) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::RecoveryCodeStore for $store {
            async fn replace_recovery_codes(
                &self,
                id: $crate::UserId,
                hashes: &[String],
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                ::sqlx::query::<$db>("DELETE FROM recovery_codes WHERE user_id = $1")
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                for hash in hashes {
                    ::sqlx::query::<$db>(concat!(
                        "INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ",
                        "($1, $2, $3)"
                    ))
                    .bind(id.0)
                    .bind(hash)
                    .bind(now.0)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                }
                tx.commit().await.map_err($crate::store_error)?;
                Ok(())
            }

            async fn use_recovery_code(
                &self,
                id: $crate::UserId,
                hash: &str,
                now: $crate::Timestamp,
            ) -> $crate::Result<bool> {
                let done = ::sqlx::query::<$db>(concat!(
                    "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash ",
                    "= $3 AND used_at IS NULL"
                ))
                .bind(now.0)
                .bind(id.0)
                .bind(hash)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(done.rows_affected() == 1)
            }

            async fn recovery_codes_left(&self, id: $crate::UserId) -> $crate::Result<i64> {
                ::sqlx::query_scalar::<$db, i64>(
                    "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
                )
                .bind(id.0)
                .fetch_one(&self.pool)
                .await
                .map_err($crate::store_error)
            }
        }
    };
}
