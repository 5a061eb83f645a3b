//! The `Store` implementation shared by the SQL backends, as a macro over the pool's database type.

/// Implements `agentdesk_core::Store` for a struct with a `pool: sqlx::Pool<$db>` field.
/// `$name` is what `Store::backend` reports.
#[macro_export]
macro_rules! impl_store {
    ($store:ty, $db:ty, $name:literal) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::Store for $store {
            fn backend(&self) -> &'static str {
                $name
            }

            async fn ping(&self) -> $crate::Result<()> {
                ::sqlx::query::<$db>("SELECT 1").execute(&self.pool).await.map_err($crate::store_error)?;
                Ok(())
            }

            async fn applied_migrations(&self) -> $crate::Result<Vec<i64>> {
                ::sqlx::query_scalar::<$db, i64>("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store_error)
            }

            async fn count_users(&self) -> $crate::Result<i64> {
                ::sqlx::query_scalar::<$db, i64>("SELECT COUNT(*) FROM users").fetch_one(&self.pool).await.map_err($crate::store_error)
            }

            async fn company(&self, id: $crate::CompanyId) -> $crate::Result<Option<$crate::Company>> {
                let row = ::sqlx::query_as::<$db, $crate::CompanyRow>("SELECT id, name, created_at FROM companies WHERE id = $1")
                    .bind(id.0)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(row.map($crate::CompanyRow::into_company))
            }

            async fn companies(&self) -> $crate::Result<Vec<$crate::Company>> {
                let rows = ::sqlx::query_as::<$db, $crate::CompanyRow>("SELECT id, name, created_at FROM companies ORDER BY id")
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(rows.into_iter().map($crate::CompanyRow::into_company).collect())
            }

            async fn create_user(&self, new: &$crate::NewUser, now: $crate::Timestamp) -> $crate::Result<$crate::User> {
                let mut tx = self.pool.begin().await.map_err($crate::store_error)?;
                ::sqlx::query::<$db>("INSERT INTO companies (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                    .bind(&new.company_name)
                    .bind(now.0)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                let company_id = ::sqlx::query_scalar::<$db, i64>("SELECT id FROM companies WHERE name = $1")
                    .bind(&new.company_name)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "INSERT INTO users (company_id, email, email_normalized, first_name, last_name, role, locale, ",
                    "password_hash, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) ",
                    "RETURNING ", $crate::user_columns!()
                ))
                .bind(company_id)
                .bind(new.email.as_str())
                .bind(new.email.normalized())
                .bind(new.first_name.as_str())
                .bind(new.last_name.as_str())
                .bind(new.role.as_str())
                .bind(new.locale.map(|l| l.tag()))
                .bind(&new.password_hash)
                .bind(true)
                .bind(now.0)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                tx.commit().await.map_err($crate::store_error)?;
                row.into_user()
            }

            async fn user(&self, id: $crate::UserId) -> $crate::Result<Option<$crate::User>> {
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!("SELECT ", $crate::user_columns!(), " FROM users WHERE id = $1"))
                    .bind(id.0)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                row.map($crate::UserRow::into_user).transpose()
            }

            async fn user_by_email(&self, email: &$crate::Email) -> $crate::Result<Option<$crate::User>> {
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "SELECT ", $crate::user_columns!(), " FROM users WHERE email_normalized = $1"
                ))
                .bind(email.normalized())
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                row.map($crate::UserRow::into_user).transpose()
            }

            async fn company_users(&self, company: $crate::CompanyId) -> $crate::Result<Vec<$crate::User>> {
                let rows = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "SELECT ", $crate::user_columns!(), " FROM users WHERE company_id = $1 ",
                    "ORDER BY role = 'agent', lower(first_name), lower(last_name), id"
                ))
                .bind(company.0)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?;
                rows.into_iter().map($crate::UserRow::into_user).collect()
            }

            async fn update_profile(
                &self,
                id: $crate::UserId,
                patch: &$crate::ProfilePatch,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<$crate::User>> {
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "UPDATE users SET first_name = COALESCE($1, first_name), last_name = COALESCE($2, last_name), ",
                    "locale = COALESCE($3, locale), updated_at = $4 WHERE id = $5 RETURNING ", $crate::user_columns!()
                ))
                .bind(patch.first_name.as_ref().map(|n| n.as_str()))
                .bind(patch.last_name.as_ref().map(|n| n.as_str()))
                .bind(patch.locale.map(|l| l.tag()))
                .bind(now.0)
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                row.map($crate::UserRow::into_user).transpose()
            }

            async fn set_user_active(
                &self,
                company: $crate::CompanyId,
                id: $crate::UserId,
                active: bool,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<$crate::User>> {
                let mut tx = self.pool.begin().await.map_err($crate::store_error)?;
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "UPDATE users SET active = $1, updated_at = $2 WHERE id = $3 AND company_id = $4 RETURNING ",
                    $crate::user_columns!()
                ))
                .bind(active)
                .bind(now.0)
                .bind(id.0)
                .bind(company.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                if row.is_some() && !active {
                    ::sqlx::query::<$db>("DELETE FROM sessions WHERE user_id = $1")
                        .bind(id.0)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::store_error)?;
                }
                tx.commit().await.map_err($crate::store_error)?;
                row.map($crate::UserRow::into_user).transpose()
            }

            async fn create_session(&self, s: &$crate::NewSession) -> $crate::Result<()> {
                ::sqlx::query::<$db>(concat!(
                    "INSERT INTO sessions (token_hash, user_id, kind, created_at, last_seen_at, expires_at, ip, user_agent) ",
                    "VALUES ($1, $2, $3, $4, $4, $5, $6, $7)"
                ))
                .bind(&s.token_hash)
                .bind(s.user_id.0)
                .bind(s.kind.as_str())
                .bind(s.created_at.0)
                .bind(s.expires_at.0)
                .bind(&s.ip)
                .bind(&s.user_agent)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(())
            }

            async fn live_session(
                &self,
                token_hash: &str,
                now: $crate::Timestamp,
                idle_cutoff: $crate::Timestamp,
            ) -> $crate::Result<Option<($crate::Session, $crate::User)>> {
                let row = ::sqlx::query_as::<$db, $crate::SessionUserRow>(concat!(
                    "SELECT ", $crate::session_columns!(), ", ", $crate::user_columns!("u."),
                    " FROM sessions s JOIN users u ON u.id = s.user_id ",
                    "WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.active = $4"
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

            async fn touch_session(&self, token_hash: &str, now: $crate::Timestamp) -> $crate::Result<()> {
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

            async fn delete_user_sessions(&self, user: $crate::UserId, keep: Option<&str>) -> $crate::Result<u64> {
                let done = ::sqlx::query::<$db>("DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2")
                    .bind(user.0)
                    .bind(keep)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(done.rows_affected())
            }

            async fn purge_expired_sessions(&self, now: $crate::Timestamp, idle_cutoff: $crate::Timestamp) -> $crate::Result<u64> {
                let done = ::sqlx::query::<$db>("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
                    .bind(now.0)
                    .bind(idle_cutoff.0)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(done.rows_affected())
            }

            async fn throttle_state(&self, key: &str) -> $crate::Result<Option<$crate::ThrottleState>> {
                let row = ::sqlx::query_as::<$db, $crate::ThrottleRow>(
                    "SELECT failures, window_started_at, locked_until FROM login_throttle WHERE key = $1",
                )
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
                    "INSERT INTO login_throttle (key, failures, window_started_at, locked_until) VALUES ($1, 1, $2, NULL) ",
                    "ON CONFLICT (key) DO UPDATE SET ",
                    "failures = CASE WHEN login_throttle.window_started_at < $3 THEN 1 ELSE login_throttle.failures + 1 END, ",
                    "window_started_at = CASE WHEN login_throttle.window_started_at < $3 THEN $2 ELSE login_throttle.window_started_at END ",
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
