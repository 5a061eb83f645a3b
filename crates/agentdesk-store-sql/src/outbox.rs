//! The dev outbox.

/// Implements `agentdesk_core::store::OutboxStore` for a struct with a `pool: sqlx::Pool<$db>`
/// field.
#[macro_export]
macro_rules! impl_outbox_store {
    ($store:ty, $db:ty) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::OutboxStore for $store {
            async fn push_outbox(
                &self,
                channel: &str,
                destination: &str,
                subject: Option<&str>,
                body: &str,
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                ::sqlx::query::<$db>(concat!(
                    "INSERT INTO outbox_messages (channel, destination, subject, body, ",
                    "created_at) VALUES ($1, $2, $3, $4, $5)"
                ))
                .bind(channel)
                .bind(destination)
                .bind(subject)
                .bind(body)
                .bind(now.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(())
            }

            async fn outbox(&self, limit: i64) -> $crate::Result<Vec<$crate::OutboxMessage>> {
                let rows = ::sqlx::query_as::<$db, $crate::OutboxRow>(concat!(
                    "SELECT id, channel, destination, subject, body, created_at FROM ",
                    "outbox_messages ORDER BY id DESC LIMIT $1"
                ))
                .bind(limit)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(rows
                    .into_iter()
                    .map($crate::OutboxRow::into_message)
                    .collect())
            }
        }
    };
}
