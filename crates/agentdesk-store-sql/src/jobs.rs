//! The job queue: leased rows.

/// Implements `agentdesk_core::store::JobStore` for a struct with a `pool: sqlx::Pool<$db>` field.
#[macro_export]
macro_rules! impl_job_store {
    ($store:ty, $db:ty) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::JobStore for $store {
            async fn enqueue_job(
                &self,
                kind: ::agentdesk_core::store::JobKind,
                payload: &str,
                run_at: $crate::Timestamp,
                max_attempts: i64,
            ) -> $crate::Result<i64> {
                ::sqlx::query_scalar::<$db, i64>(concat!(
                    "INSERT INTO jobs (kind, payload, run_at, attempts, max_attempts, created_at) ",
                    "VALUES ($1, $2, $3, 0, $4, $3) RETURNING id"
                ))
                .bind(kind.as_str())
                .bind(payload)
                .bind(run_at.0)
                .bind(max_attempts)
                .fetch_one(&self.pool)
                .await
                .map_err($crate::store_error)
            }

            async fn claim_job(
                &self,
                now: $crate::Timestamp,
                lease_until: $crate::Timestamp,
            ) -> $crate::Result<Option<$crate::Job>> {
                // One statement: the lease condition is re-checked on the row being updated, so two
                // workers (or instances) never both claim a job.
                let row = ::sqlx::query_as::<$db, $crate::JobRow>(concat!(
                "UPDATE jobs SET locked_until = $1, attempts = attempts + 1 WHERE id = (",
                "SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $2 AND (locked_until IS ",
                "NULL OR locked_until < $2) ",
                "ORDER BY run_at, id LIMIT 1) AND done_at IS NULL AND (locked_until IS NULL OR ",
                "locked_until < $2) ",
                "RETURNING id, kind, payload, attempts, max_attempts"
            ))
            .bind(lease_until.0)
            .bind(now.0)
            .fetch_optional(&self.pool)
            .await
            .map_err($crate::store_error)?;
                Ok(row.map(|r| $crate::Job {
                    id: r.id,
                    kind: ::agentdesk_core::store::JobKind::parse(&r.kind).ok_or(r.kind),
                    payload: r.payload,
                    attempts: r.attempts,
                    max_attempts: r.max_attempts,
                }))
            }

            async fn complete_job(&self, id: i64, now: $crate::Timestamp) -> $crate::Result<()> {
                ::sqlx::query::<$db>(
                    "UPDATE jobs SET done_at = $1, locked_until = NULL WHERE id = $2",
                )
                .bind(now.0)
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(())
            }

            async fn fail_job(
                &self,
                id: i64,
                error: &str,
                retry_at: Option<$crate::Timestamp>,
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                // Without a retry the job is finished (given up); its last error stays for
                // inspection.
                ::sqlx::query::<$db>(concat!(
                    "UPDATE jobs SET last_error = $1, locked_until = NULL, run_at = COALESCE($2, ",
                    "run_at), done_at = CASE WHEN $2 IS NULL THEN $3 ELSE NULL END WHERE id = $4"
                ))
                .bind(error)
                .bind(retry_at.map(|t| t.0))
                .bind(now.0)
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(())
            }
        }
    };
}
