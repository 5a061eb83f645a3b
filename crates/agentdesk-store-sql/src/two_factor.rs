//! A user's second factor and the authenticator app's secret and used time steps.

/// Implements `agentdesk_core::store::TwoFactorStore` for a struct with a `pool: sqlx::Pool<$db>`
/// field; `$begin` starts a write transaction (`BEGIN IMMEDIATE` on SQLite, so a transaction that
/// reads before it writes cannot fail with SQLITE_BUSY_SNAPSHOT when another writer commits in
/// between).
#[macro_export]
macro_rules! impl_two_factor_store {
    ($store:ty, $db:ty, $begin:literal) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::TwoFactorStore for $store {
            async fn set_two_factor(
                &self,
                id: $crate::UserId,
                method: Option<$crate::TwoFactorMethod>,
                totp_secret: Option<&str>,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<$crate::User>> {
                let secret = match method {
                    Some($crate::TwoFactorMethod::Totp) => totp_secret,
                    _ => None,
                };
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "UPDATE users SET two_factor_method = $1, totp_secret = $2, updated_at = $3 ",
                    "WHERE id = $4 RETURNING ",
                    $crate::user_columns!()
                ))
                .bind(method.map(|m| m.as_str()))
                .bind(secret)
                .bind(now.0)
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                if method.is_none() {
                    ::sqlx::query::<$db>("DELETE FROM recovery_codes WHERE user_id = $1")
                        .bind(id.0)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::store_error)?;
                }
                tx.commit().await.map_err($crate::store_error)?;
                row.map($crate::UserRow::into_user).transpose()
            }

            async fn totp_secret(
                &self,
                id: $crate::UserId,
            ) -> $crate::Result<Option<::agentdesk_core::Secret>> {
                let secret: Option<Option<String>> = ::sqlx::query_scalar::<$db, Option<String>>(
                    "SELECT totp_secret FROM users WHERE id = $1",
                )
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(secret.flatten().map(::agentdesk_core::Secret::from))
            }

            async fn claim_totp_step(&self, id: $crate::UserId, step: i64) -> $crate::Result<bool> {
                let done = ::sqlx::query::<$db>(concat!(
                    "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step ",
                    "IS NULL OR totp_last_step < $1)"
                ))
                .bind(step)
                .bind(id.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(done.rows_affected() == 1)
            }
        }
    };
}
