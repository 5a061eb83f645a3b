//! Security events of a user's account.

/// Implements `agentdesk_core::store::SecurityEventStore` for a struct with a `pool:
/// sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_security_event_store {
    ($store:ty, $db:ty) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::SecurityEventStore for $store {
            async fn add_security_event(
                &self,
                user: $crate::UserId,
                kind: ::agentdesk_core::store::SecurityEventKind,
                detail: Option<&str>,
                ip: Option<&str>,
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                ::sqlx::query::<$db>(concat!(
                    "INSERT INTO security_events (user_id, kind, detail, ip, created_at) ",
                    "VALUES ($1, $2, $3, $4, $5)"
                ))
                .bind(user.0)
                .bind(kind.as_str())
                .bind(detail)
                .bind(ip)
                .bind(now.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(())
            }

            async fn security_events(
                &self,
                user: $crate::UserId,
                limit: i64,
            ) -> $crate::Result<Vec<$crate::SecurityEvent>> {
                let rows = ::sqlx::query_as::<$db, $crate::SecurityEventRow>(concat!(
                    "SELECT id, user_id, kind, detail, ip, created_at FROM security_events ",
                    "WHERE user_id = $1 ORDER BY id DESC LIMIT $2"
                ))
                .bind(user.0)
                .bind(limit)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?;
                rows.into_iter()
                    .map($crate::SecurityEventRow::into_event)
                    .collect()
            }
        }
    };
}
