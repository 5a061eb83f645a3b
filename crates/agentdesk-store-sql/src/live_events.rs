//! Live events and the feed of other instances' events.

/// Implements `agentdesk_core::store::LiveEventStore` for a struct with a `pool: sqlx::Pool<$db>`
/// field; `$live_feed` is the backend's `async fn(&Pool) -> Result<Option<LiveFeed>>`.
#[macro_export]
macro_rules! impl_live_event_store {
    ($store:ty, $db:ty, $live_feed:path) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::LiveEventStore for $store {
            async fn live_event(&self, id: i64) -> $crate::Result<Option<$crate::LiveEvent>> {
                Ok(::sqlx::query_as::<$db, $crate::LiveEventRow>(concat!(
                    "SELECT id, company_id, kind, conversation_id, message_id, created_at FROM ",
                    "live_events WHERE id = $1"
                ))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::LiveEventRow::into_event)
                .transpose()?)
            }

            async fn live_feed(&self) -> $crate::Result<Option<::agentdesk_core::store::LiveFeed>> {
                $live_feed(&self.pool).await
            }

            async fn live_events_after(
                &self,
                company: $crate::CompanyId,
                after: i64,
                limit: i64,
            ) -> $crate::Result<Vec<$crate::LiveEvent>> {
                Ok(::sqlx::query_as::<$db, $crate::LiveEventRow>(concat!(
                    "SELECT id, company_id, kind, conversation_id, message_id, created_at FROM ",
                    "live_events WHERE company_id = $1 AND id > $2 ORDER BY id LIMIT $3"
                ))
                .bind(company.0)
                .bind(after)
                .bind(limit)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?
                .into_iter()
                .map($crate::LiveEventRow::into_event)
                .collect::<$crate::Result<_>>()?)
            }
        }
    };
}
