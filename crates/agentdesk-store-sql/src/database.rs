//! The database itself: backend name, ping, applied migrations.

/// Implements `agentdesk_core::store::DatabaseStore` for a struct with a `pool: sqlx::Pool<$db>`
/// field; `$name` is what `backend()` reports.
#[macro_export]
macro_rules! impl_database_store {
    ($store:ty, $db:ty, $name:literal) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::DatabaseStore for $store {
            fn backend(&self) -> &'static str {
                $name
            }

            async fn ping(&self) -> $crate::Result<()> {
                ::sqlx::query::<$db>("SELECT 1")
                    .execute(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(())
            }

            async fn applied_migrations(&self) -> $crate::Result<Vec<i64>> {
                ::sqlx::query_scalar::<$db, i64>(
                    "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
                )
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)
            }
        }
    };
}
