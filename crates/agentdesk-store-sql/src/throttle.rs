//! Login throttling counters and locks.

/// Implements `agentdesk_core::store::ThrottleStore` for a struct with a `pool: sqlx::Pool<$db>`
/// field.
#[macro_export]
macro_rules! impl_throttle_store {
    ($store:ty, $db:ty) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::ThrottleStore for $store {
            async fn throttle_state(
                &self,
                key: &str,
            ) -> $crate::Result<Option<$crate::ThrottleState>> {
                let row = ::sqlx::query_as::<$db, $crate::ThrottleRow>(concat!(
                    "SELECT failures, window_started_at, locked_until FROM login_throttle ",
                    "WHERE key = $1"
                ))
                .bind(key)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.map($crate::ThrottleRow::into_state))
            }

            async fn record_failure(
                &self,
                key: &str,
                now: $crate::Timestamp,
                window_start_cutoff: $crate::Timestamp,
            ) -> $crate::Result<$crate::ThrottleState> {
                // One statement, so concurrent failures on one key never lose a count.
                let row = ::sqlx::query_as::<$db, $crate::ThrottleRow>(concat!(
                    "INSERT INTO login_throttle (key, failures, window_started_at, locked_until) ",
                    "VALUES ($1, 1, $2, NULL) ",
                    "ON CONFLICT (key) DO UPDATE SET ",
                    "failures = CASE WHEN login_throttle.window_started_at < $3 THEN 1 ELSE ",
                    "login_throttle.failures + 1 END, ",
                    "window_started_at = CASE WHEN login_throttle.window_started_at < $3 THEN $2 ",
                    "ELSE login_throttle.window_started_at END ",
                    "RETURNING failures, window_started_at, locked_until"
                ))
                .bind(key)
                .bind(now.0)
                .bind(window_start_cutoff.0)
                .fetch_one(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.into_state())
            }

            async fn lock_until(&self, key: &str, until: $crate::Timestamp) -> $crate::Result<()> {
                ::sqlx::query::<$db>("UPDATE login_throttle SET locked_until = $1 WHERE key = $2")
                    .bind(until.0)
                    .bind(key)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(())
            }

            async fn clear_throttle(&self, key: &str) -> $crate::Result<()> {
                ::sqlx::query::<$db>("DELETE FROM login_throttle WHERE key = $1")
                    .bind(key)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(())
            }
        }
    };
}
