//! The `Store` implementation shared by the SQL backends, as a macro over the pool's database type.

/// Implements `agentdesk_core::Store` for a struct with a `pool: sqlx::Pool<$db>` field.
/// `$live_feed` is the backend's `async fn(&Pool) -> Result<Option<LiveFeed>>`.
/// `$name` is what `Store::backend` reports; `$begin` starts a write transaction (`BEGIN
/// IMMEDIATE` on SQLite, so a transaction that reads before it writes cannot fail with
/// SQLITE_BUSY_SNAPSHOT when another writer commits in between). `$send_lock` takes one text
/// key and holds a lock on it until the transaction ends (see `try_count_send!`).
#[macro_export]
macro_rules! impl_store {
    ($store:ty, $db:ty, $name:literal, $begin:literal, $send_lock:literal, $live_feed:path) => {
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
                let row = ::sqlx::query_as::<$db, $crate::CompanyRow>("SELECT id, name, require_two_factor, created_at FROM companies WHERE id = $1")
                    .bind(id.0)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(row.map($crate::CompanyRow::into_company))
            }

            async fn companies(&self) -> $crate::Result<Vec<$crate::Company>> {
                let rows = ::sqlx::query_as::<$db, $crate::CompanyRow>("SELECT id, name, require_two_factor, created_at FROM companies ORDER BY id")
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(rows.into_iter().map($crate::CompanyRow::into_company).collect())
            }

            async fn create_user(&self, new: &$crate::NewUser, now: $crate::Timestamp) -> $crate::Result<$crate::User> {
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
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

            async fn set_avatar(
                &self,
                id: $crate::UserId,
                avatar: Option<&$crate::AvatarRef>,
                names: &$crate::ProfilePatch,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<($crate::User, Option<$crate::AvatarRef>)>> {
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
                let before: Option<(Option<String>, Option<String>)> = ::sqlx::query_as(
                    "SELECT avatar_key, avatar_thumb_key FROM users WHERE id = $1",
                )
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let Some(before) = before else {
                    return Ok(None);
                };
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "UPDATE users SET avatar_key = $1, avatar_thumb_key = $2, updated_at = $3, ",
                    "first_name = COALESCE($5, first_name), last_name = COALESCE($6, last_name) ",
                    "WHERE id = $4 RETURNING ",
                    $crate::user_columns!()
                ))
                .bind(avatar.map(|a| a.full.as_str()))
                .bind(avatar.map(|a| a.thumb.as_str()))
                .bind(now.0)
                .bind(id.0)
                .bind(names.first_name.as_ref().map(|n| n.as_str()))
                .bind(names.last_name.as_ref().map(|n| n.as_str()))
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                tx.commit().await.map_err($crate::store_error)?;
                let previous = match before {
                    (Some(full), Some(thumb)) => Some($crate::AvatarRef { full, thumb }),
                    _ => None,
                };
                Ok(Some((row.into_user()?, previous)))
            }

            async fn company_avatar(
                &self,
                company: $crate::CompanyId,
                full_key: &str,
            ) -> $crate::Result<Option<$crate::AvatarRef>> {
                let row: Option<(String, String)> = ::sqlx::query_as(
                    "SELECT avatar_key, avatar_thumb_key FROM users WHERE company_id = $1 AND avatar_key = $2 AND avatar_thumb_key IS NOT NULL LIMIT 1",
                )
                .bind(company.0)
                .bind(full_key)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.map(|(full, thumb)| $crate::AvatarRef { full, thumb }))
            }

            async fn blob_in_use(&self, key: &str) -> $crate::Result<bool> {
                let (used,): (bool,) = ::sqlx::query_as(concat!(
                    "SELECT EXISTS (SELECT 1 FROM users WHERE avatar_key = $1 OR avatar_thumb_key = $1) ",
                    "OR EXISTS (SELECT 1 FROM messages WHERE media_key = $1)"
                ))
                .bind(key)
                .fetch_one(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(used)
            }

            async fn change_password(
                &self,
                id: $crate::UserId,
                password_hash: &str,
                current: &str,
                rotated: &$crate::NewSession,
                now: $crate::Timestamp,
            ) -> $crate::Result<u64> {
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
                ::sqlx::query::<$db>("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
                    .bind(password_hash)
                    .bind(now.0)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                let others = ::sqlx::query::<$db>("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
                    .bind(id.0)
                    .bind(current)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?
                    .rows_affected();
                ::sqlx::query::<$db>("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(current)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                $crate::insert_session!($db, &mut *tx, rotated);
                tx.commit().await.map_err($crate::store_error)?;
                Ok(others)
            }

            async fn set_require_two_factor(
                &self,
                company: $crate::CompanyId,
                required: bool,
            ) -> $crate::Result<Option<$crate::Company>> {
                let row = ::sqlx::query_as::<$db, $crate::CompanyRow>(
                    "UPDATE companies SET require_two_factor = $1 WHERE id = $2 RETURNING id, name, require_two_factor, created_at",
                )
                .bind(required)
                .bind(company.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.map($crate::CompanyRow::into_company))
            }

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
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "UPDATE users SET two_factor_method = $1, totp_secret = $2, updated_at = $3 WHERE id = $4 RETURNING ",
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

            async fn totp_secret(&self, id: $crate::UserId) -> $crate::Result<Option<String>> {
                let secret: Option<Option<String>> =
                    ::sqlx::query_scalar::<$db, Option<String>>("SELECT totp_secret FROM users WHERE id = $1")
                        .bind(id.0)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err($crate::store_error)?;
                Ok(secret.flatten())
            }

            async fn claim_totp_step(&self, id: $crate::UserId, step: i64) -> $crate::Result<bool> {
                let done = ::sqlx::query::<$db>(
                    "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
                )
                .bind(step)
                .bind(id.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(done.rows_affected() == 1)
            }

            async fn replace_recovery_codes(
                &self,
                id: $crate::UserId,
                hashes: &[String],
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
                ::sqlx::query::<$db>("DELETE FROM recovery_codes WHERE user_id = $1")
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                for hash in hashes {
                    ::sqlx::query::<$db>(
                        "INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)",
                    )
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
                let done = ::sqlx::query::<$db>(
                    "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
                )
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

            async fn set_phone(
                &self,
                id: $crate::UserId,
                phone: Option<&$crate::PhoneE164>,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<$crate::User>> {
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "UPDATE users SET phone = $1, updated_at = $2 WHERE id = $3 RETURNING ",
                    $crate::user_columns!()
                ))
                .bind(phone.map(|p| p.as_str()))
                .bind(now.0)
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                row.map($crate::UserRow::into_user).transpose()
            }

            async fn create_challenge(
                &self,
                c: &$crate::NewChallenge,
                limits: &$crate::SendLimits,
            ) -> $crate::Result<bool> {
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
                // An authenticator's code is not sent: nothing to limit or count.
                if c.channel != "totp"
                    && !$crate::try_count_send!(
                        $db, tx, $send_lock, c.user_id.0, &c.destination, c.verified, limits,
                        c.created_at.0
                    )
                {
                    return Ok(false);
                }
                ::sqlx::query::<$db>(concat!(
                    "UPDATE otp_challenges SET consumed_at = $1 ",
                    "WHERE user_id = $2 AND purpose = $3 AND consumed_at IS NULL"
                ))
                .bind(c.created_at.0)
                .bind(c.user_id.0)
                .bind(&c.purpose)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                ::sqlx::query::<$db>(concat!(
                    "INSERT INTO otp_challenges (id, user_id, purpose, channel, destination, ",
                    "destination_verified, payload, code_hash, created_at, last_sent_at, expires_at) ",
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)"
                ))
                .bind(&c.id)
                .bind(c.user_id.0)
                .bind(&c.purpose)
                .bind(&c.channel)
                .bind(&c.destination)
                .bind(c.verified)
                .bind(&c.payload)
                .bind(&c.code_hash)
                .bind(c.created_at.0)
                .bind(c.expires_at.0)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                tx.commit().await.map_err($crate::store_error)?;
                Ok(true)
            }

            async fn challenge(&self, id: &str) -> $crate::Result<Option<$crate::Challenge>> {
                let row = ::sqlx::query_as::<$db, $crate::ChallengeRow>(concat!(
                    "SELECT id, user_id, purpose, channel, destination, destination_verified, ",
                    "payload, code_hash, attempts, sends, ",
                    "created_at, last_sent_at, expires_at, consumed_at FROM otp_challenges WHERE id = $1"
                ))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.map($crate::ChallengeRow::into_challenge))
            }

            async fn resend_challenge(
                &self,
                id: &str,
                code_hash: &str,
                now: $crate::Timestamp,
                expires_at: $crate::Timestamp,
                limits: &$crate::SendLimits,
            ) -> $crate::Result<$crate::Resent> {
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
                let row: Option<(i64, String, bool)> = ::sqlx::query_as(concat!(
                    "SELECT user_id, destination, destination_verified FROM otp_challenges ",
                    "WHERE id = $1 AND consumed_at IS NULL"
                ))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let Some((user_id, destination, verified)) = row else {
                    return Ok($crate::Resent::NotLive);
                };
                if !$crate::try_count_send!(
                    $db, tx, $send_lock, user_id, &destination, verified, limits, now.0
                ) {
                    return Ok($crate::Resent::Limited);
                }
                let updated = ::sqlx::query::<$db>(concat!(
                    "UPDATE otp_challenges SET code_hash = $1, attempts = 0, sends = sends + 1, ",
                    "last_sent_at = $2, expires_at = $3 WHERE id = $4 AND consumed_at IS NULL"
                ))
                .bind(code_hash)
                .bind(now.0)
                .bind(expires_at.0)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                if updated.rows_affected() != 1 {
                    // Used up between the read and the update (PostgreSQL reads committed data):
                    // dropping the transaction takes the counted send back.
                    return Ok($crate::Resent::NotLive);
                }
                tx.commit().await.map_err($crate::store_error)?;
                Ok($crate::Resent::Sent)
            }

            async fn otp_failed(
                &self,
                challenge: &str,
                user: $crate::UserId,
                now: $crate::Timestamp,
            ) -> $crate::Result<i64> {
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
                ::sqlx::query::<$db>("UPDATE otp_challenges SET attempts = attempts + 1 WHERE id = $1")
                    .bind(challenge)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                let (failures,): (i64,) = ::sqlx::query_as(concat!(
                    "INSERT INTO otp_failures (user_id, failures, last_failure_at) VALUES ($1, 1, $2) ",
                    "ON CONFLICT (user_id) DO UPDATE SET failures = otp_failures.failures + 1, last_failure_at = $2 ",
                    "RETURNING failures"
                ))
                .bind(user.0)
                .bind(now.0)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                tx.commit().await.map_err($crate::store_error)?;
                Ok(failures)
            }

            async fn otp_failures(
                &self,
                user: $crate::UserId,
            ) -> $crate::Result<Option<(i64, $crate::Timestamp)>> {
                let row: Option<(i64, i64)> = ::sqlx::query_as(
                    "SELECT failures, last_failure_at FROM otp_failures WHERE user_id = $1",
                )
                .bind(user.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.map(|(f, at)| (f, $crate::Timestamp(at))))
            }

            async fn consume_challenge(
                &self,
                id: &str,
                user: $crate::UserId,
                max_attempts: i64,
                now: $crate::Timestamp,
            ) -> $crate::Result<bool> {
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
                let done = ::sqlx::query::<$db>(concat!(
                    "UPDATE otp_challenges SET consumed_at = $1 WHERE id = $2 AND user_id = $3 ",
                    "AND consumed_at IS NULL AND expires_at > $1 AND attempts < $4"
                ))
                .bind(now.0)
                .bind(id)
                .bind(user.0)
                .bind(max_attempts)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let won = done.rows_affected() == 1;
                if won {
                    ::sqlx::query::<$db>("DELETE FROM otp_failures WHERE user_id = $1")
                        .bind(user.0)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::store_error)?;
                }
                tx.commit().await.map_err($crate::store_error)?;
                Ok(won)
            }

            async fn push_outbox(
                &self,
                channel: &str,
                destination: &str,
                subject: Option<&str>,
                body: &str,
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                ::sqlx::query::<$db>(
                    "INSERT INTO outbox_messages (channel, destination, subject, body, created_at) VALUES ($1, $2, $3, $4, $5)",
                )
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
                let rows = ::sqlx::query_as::<$db, $crate::OutboxRow>(
                    "SELECT id, channel, destination, subject, body, created_at FROM outbox_messages ORDER BY id DESC LIMIT $1",
                )
                .bind(limit)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(rows.into_iter().map($crate::OutboxRow::into_message).collect())
            }

            async fn add_security_event(
                &self,
                user: $crate::UserId,
                kind: &str,
                detail: Option<&str>,
                ip: Option<&str>,
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                ::sqlx::query::<$db>(
                    "INSERT INTO security_events (user_id, kind, detail, ip, created_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(user.0)
                .bind(kind)
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
                let rows = ::sqlx::query_as::<$db, $crate::SecurityEventRow>(
                    "SELECT id, user_id, kind, detail, ip, created_at FROM security_events WHERE user_id = $1 ORDER BY id DESC LIMIT $2",
                )
                .bind(user.0)
                .bind(limit)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(rows.into_iter().map($crate::SecurityEventRow::into_event).collect())
            }

            async fn set_user_active(
                &self,
                company: $crate::CompanyId,
                id: $crate::UserId,
                active: bool,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<$crate::User>> {
                let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
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

            async fn user_sessions(
                &self,
                user: $crate::UserId,
                now: $crate::Timestamp,
                idle_cutoff: $crate::Timestamp,
            ) -> $crate::Result<Vec<$crate::Session>> {
                let rows = ::sqlx::query_as::<$db, $crate::SessionUserRow>(concat!(
                    "SELECT ", $crate::session_columns!(), ", ", $crate::user_columns!("u."),
                    " FROM sessions s JOIN users u ON u.id = s.user_id ",
                    "WHERE s.user_id = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 ORDER BY s.last_seen_at DESC"
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

        async fn create_number(&self, new: &$crate::NewWhatsAppNumber, now: $crate::Timestamp) -> $crate::Result<$crate::WhatsAppNumber> {
            // A number this company disconnected comes back as it is connected again; anyone
            // else's (connected or not) is taken.
            ::sqlx::query_as::<$db, $crate::NumberRow>(concat!(
                "INSERT INTO whatsapp_numbers (company_id, phone_number_id, display_phone_number, name, ",
                "access_token, assignment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ",
                "ON CONFLICT (phone_number_id) DO UPDATE SET display_phone_number = excluded.display_phone_number, ",
                "name = excluded.name, access_token = excluded.access_token, assignment = excluded.assignment, ",
                "token_invalid_at = NULL, disconnected_at = NULL ",
                "WHERE whatsapp_numbers.disconnected_at IS NOT NULL ",
                "AND whatsapp_numbers.company_id = excluded.company_id ",
                "RETURNING ", $crate::number_columns!()
            ))
            .bind(new.company_id.0)
            .bind(&new.phone_number_id)
            .bind(&new.display_phone_number)
            .bind(&new.name)
            .bind(&new.access_token)
            .bind(new.assignment.as_str())
            .bind(now.0)
            .fetch_optional(&self.pool)
            .await
            .map_err($crate::store_error)?
            .ok_or($crate::StoreError::Conflict)?
            .into_number()
        }

        async fn company_numbers(&self, company: $crate::CompanyId) -> $crate::Result<Vec<$crate::WhatsAppNumber>> {
            ::sqlx::query_as::<$db, $crate::NumberRow>(concat!("SELECT ", $crate::number_columns!(), " FROM whatsapp_numbers WHERE company_id = $1 ORDER BY id"))
                .bind(company.0)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?
                .into_iter()
                .map($crate::NumberRow::into_number)
                .collect()
        }

        async fn number_by_phone_number_id(&self, phone_number_id: &str) -> $crate::Result<Option<$crate::WhatsAppNumber>> {
            ::sqlx::query_as::<$db, $crate::NumberRow>(concat!("SELECT ", $crate::number_columns!(), " FROM whatsapp_numbers WHERE phone_number_id = $1"))
                .bind(phone_number_id)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::NumberRow::into_number)
                .transpose()
        }

        async fn number(&self, id: $crate::NumberId) -> $crate::Result<Option<$crate::WhatsAppNumber>> {
            ::sqlx::query_as::<$db, $crate::NumberRow>(concat!("SELECT ", $crate::number_columns!(), " FROM whatsapp_numbers WHERE id = $1"))
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::NumberRow::into_number)
                .transpose()
        }

        async fn update_number(
            &self,
            company: $crate::CompanyId,
            id: $crate::NumberId,
            patch: &$crate::NumberPatch,
        ) -> $crate::Result<Option<$crate::WhatsAppNumber>> {
            ::sqlx::query_as::<$db, $crate::NumberRow>(concat!(
                "UPDATE whatsapp_numbers SET name = COALESCE($1, name), assignment = COALESCE($2, assignment), ",
                "access_token = COALESCE($3, access_token), ",
                "token_invalid_at = CASE WHEN $3 IS NULL THEN token_invalid_at ELSE NULL END ",
                "WHERE id = $4 AND company_id = $5 AND disconnected_at IS NULL RETURNING ",
                $crate::number_columns!()
            ))
            .bind(patch.name.as_deref())
            .bind(patch.assignment.map(|a| a.as_str()))
            .bind(patch.access_token.as_deref())
            .bind(id.0)
            .bind(company.0)
            .fetch_optional(&self.pool)
            .await
            .map_err($crate::store_error)?
            .map($crate::NumberRow::into_number)
            .transpose()
        }

        async fn disconnect_number(
            &self,
            company: $crate::CompanyId,
            id: $crate::NumberId,
            now: $crate::Timestamp,
        ) -> $crate::Result<Option<$crate::WhatsAppNumber>> {
            ::sqlx::query_as::<$db, $crate::NumberRow>(concat!(
                "UPDATE whatsapp_numbers SET disconnected_at = $1, access_token = '' ",
                "WHERE id = $2 AND company_id = $3 AND disconnected_at IS NULL RETURNING ",
                $crate::number_columns!()
            ))
            .bind(now.0)
            .bind(id.0)
            .bind(company.0)
            .fetch_optional(&self.pool)
            .await
            .map_err($crate::store_error)?
            .map($crate::NumberRow::into_number)
            .transpose()
        }

        async fn flag_number_token(&self, id: $crate::NumberId, at: $crate::Timestamp) -> $crate::Result<()> {
            ::sqlx::query::<$db>("UPDATE whatsapp_numbers SET token_invalid_at = $1 WHERE id = $2")
                .bind(at.0)
                .bind(id.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
            Ok(())
        }

        async fn set_availability(&self, user: $crate::UserId, availability: $crate::Availability) -> $crate::Result<()> {
            ::sqlx::query::<$db>("UPDATE users SET availability = $1 WHERE id = $2")
                .bind(availability.as_str())
                .bind(user.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
            Ok(())
        }

        async fn ingest(&self, batch: &$crate::WebhookBatch, now: $crate::Timestamp) -> $crate::Result<$crate::IngestOutcome> {
            let mut out = $crate::IngestOutcome::default();
            let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
            // A delivery usually carries several messages of few customers: look each number,
            // contact and conversation up once, and touch each conversation once at the end.
            let mut numbers: ::std::collections::HashMap<&str, Option<(i64, i64, String)>> = ::std::collections::HashMap::new();
            let mut conversations: ::std::collections::HashMap<(i64, &str), i64> = ::std::collections::HashMap::new();
            let mut touched: ::std::collections::HashMap<i64, i64> = ::std::collections::HashMap::new();
            // Redeliveries: which of these wamids are stored already (one query per delivery).
            let mut stored: ::std::collections::HashSet<String> = ::std::collections::HashSet::new();
            for chunk in batch.messages.chunks(500) {
                let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
                let sql = format!("SELECT wamid FROM messages WHERE wamid IN ({})", placeholders.join(", "));
                let mut q = ::sqlx::query_scalar::<$db, String>(&sql);
                for m in chunk {
                    q = q.bind(&m.wamid);
                }
                stored.extend(q.fetch_all(&mut *tx).await.map_err($crate::store_error)?);
            }
            let mut seen: ::std::collections::HashSet<&str> = stored.iter().map(String::as_str).collect();
            let mut pending: Vec<(i64, i64, &$crate::InboundRecord)> = Vec::new();
            for m in &batch.messages {
                let number = match numbers.get(m.phone_number_id.as_str()) {
                    Some(n) => n.clone(),
                    None => {
                        let n = ::sqlx::query_as::<$db, (i64, i64, String)>("SELECT id, company_id, assignment FROM whatsapp_numbers WHERE phone_number_id = $1 AND disconnected_at IS NULL")
                            .bind(&m.phone_number_id)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err($crate::store_error)?;
                        numbers.insert(m.phone_number_id.as_str(), n.clone());
                        n
                    }
                };
                let Some((number_id, company_id, assignment)) = number else {
                    out.unknown_number += 1;
                    continue;
                };
                if stored.contains(m.wamid.as_str()) {
                    out.duplicates += 1;
                    continue;
                }
                let conversation_id = match conversations.get(&(number_id, m.customer_id.as_str())) {
                    Some(id) => *id,
                    None => {
                        let (contact_id, merged) = $crate::resolve_contact!(
                            $db, tx, company_id, &m.customer_id, m.customer_bsuid.as_deref(),
                            m.customer_phone.as_deref(), m.profile_name.as_deref(), now.0
                        );
                        if !merged.is_empty() {
                            // Conversations of this delivery that went into another one: their
                            // pending messages follow, and cached lookups start again.
                            conversations.clear();
                            for (gone, keep) in &merged {
                                for p in pending.iter_mut().filter(|p| p.0 == *gone) {
                                    p.0 = *keep;
                                }
                                out.events.retain(|e| e.conversation_id.map(|c| c.0) != Some(*gone));
                                out.events.push($crate::push_live_event!($db, tx, company_id, "conversation", Some(*keep), None::<i64>, now.0));
                            }
                        }
                        let open = ::sqlx::query_scalar::<$db, i64>("SELECT id FROM conversations WHERE number_id = $1 AND contact_id = $2 AND status = 'open'")
                            .bind(number_id)
                            .bind(contact_id)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err($crate::store_error)?;
                        let id = match open {
                            Some(id) => id,
                            None => {
                                let assignee = if assignment == "round_robin" {
                                    ::sqlx::query_scalar::<$db, i64>(concat!(
                                        "SELECT id FROM users WHERE company_id = $1 AND active = $2 AND availability = 'available' ",
                                        "ORDER BY COALESCE(last_assigned_at, 0), id LIMIT 1"
                                    ))
                                    .bind(company_id)
                                    .bind(true)
                                    .fetch_optional(&mut *tx)
                                    .await
                                    .map_err($crate::store_error)?
                                } else {
                                    None
                                };
                                let id = ::sqlx::query_scalar::<$db, i64>(concat!(
                                    "INSERT INTO conversations (company_id, number_id, contact_id, status, initiated_by, assignee_id, ",
                                    "last_customer_message_at, last_activity_at, created_at) VALUES ($1, $2, $3, 'open', 'customer', $4, NULL, $5, $5) RETURNING id"
                                ))
                                .bind(company_id)
                                .bind(number_id)
                                .bind(contact_id)
                                .bind(assignee)
                                .bind(now.0)
                                .fetch_one(&mut *tx)
                                .await
                                .map_err($crate::store_error)?;
                                $crate::push_timeline!($db, tx, id, "created", None::<i64>, None::<i64>, now.0);
                                if let Some(agent) = assignee {
                                    $crate::push_timeline!($db, tx, id, "assigned", None::<i64>, Some(agent), now.0);
                                    ::sqlx::query::<$db>("UPDATE users SET last_assigned_at = $1 WHERE id = $2")
                                        .bind(now.0)
                                        .bind(agent)
                                        .execute(&mut *tx)
                                        .await
                                        .map_err($crate::store_error)?;
                                }
                                out.events.push($crate::push_live_event!($db, tx, company_id, "conversation", Some(id), None::<i64>, now.0));
                                id
                            }
                        };
                        conversations.insert((number_id, m.customer_id.as_str()), id);
                        id
                    }
                };
                if !seen.insert(m.wamid.as_str()) {
                    out.duplicates += 1; // the same wamid twice in one delivery
                    continue;
                }
                pending.push((conversation_id, company_id, m));
            }
            // All new messages of the delivery in multi-row statements: what made ingest cost
            // two statements per message now costs two per hundred.
            for chunk in pending.chunks(100) {
                let rows: Vec<String> = (0..chunk.len())
                    .map(|i| {
                        let b = i * 7;
                        format!("(${}, 'in', ${}, ${}, ${}, ${}, 'received', ${}, ${})", b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7)
                    })
                    .collect();
                let sql = format!(
                    "INSERT INTO messages (conversation_id, direction, kind, content, text, wamid, status, reply_to_wamid, created_at) VALUES {} \
                     ON CONFLICT (wamid) DO NOTHING RETURNING id, conversation_id",
                    rows.join(", ")
                );
                let mut q = ::sqlx::query_as::<$db, (i64, i64)>(&sql);
                for (conversation_id, _, m) in chunk {
                    q = q.bind(*conversation_id).bind(&m.kind).bind(&m.content).bind(&m.text).bind(&m.wamid).bind(&m.reply_to_wamid).bind(now.0);
                }
                let mut inserted = q.fetch_all(&mut *tx).await.map_err($crate::store_error)?;
                inserted.sort_unstable();
                out.duplicates += chunk.len() - inserted.len();
                out.stored += inserted.len();
                for (conversation_id, _, m) in chunk {
                    // The window counts from when the customer wrote, never from the future.
                    let sent_at = m.sent_at.0.min(now.0);
                    let latest = touched.entry(*conversation_id).or_insert(sent_at);
                    *latest = (*latest).max(sent_at);
                }
                if inserted.is_empty() {
                    continue;
                }
                let rows: Vec<String> = (0..inserted.len())
                    .map(|i| {
                        let b = i * 3;
                        format!("(${}, 'message', ${}, ${}, ${})", b + 1, b + 2, b + 3, inserted.len() * 3 + 1)
                    })
                    .collect();
                let sql = format!(
                    "INSERT INTO live_events (company_id, kind, conversation_id, message_id, created_at) VALUES {} \
                     RETURNING id, company_id, kind, conversation_id, message_id, created_at",
                    rows.join(", ")
                );
                let companies: ::std::collections::HashMap<i64, i64> = chunk.iter().map(|(c, co, _)| (*c, *co)).collect();
                let mut q = ::sqlx::query_as::<$db, $crate::LiveEventRow>(&sql);
                for (message_id, conversation_id) in &inserted {
                    q = q.bind(companies.get(conversation_id).copied().unwrap_or_default()).bind(*conversation_id).bind(*message_id);
                }
                let mut events: Vec<$crate::LiveEvent> = q.bind(now.0).fetch_all(&mut *tx).await.map_err($crate::store_error)?.into_iter().map($crate::LiveEventRow::into_event).collect();
                events.sort_by_key(|e| e.id);
                out.events.extend(events);
            }
            for (conversation_id, sent_at) in touched {
                ::sqlx::query::<$db>(concat!(
                    "UPDATE conversations SET last_activity_at = $1, ",
                    "last_customer_message_at = CASE WHEN last_customer_message_at IS NULL OR last_customer_message_at < $2 THEN $2 ELSE last_customer_message_at END ",
                    "WHERE id = $3"
                ))
                .bind(now.0)
                .bind(sent_at)
                .bind(conversation_id)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
            }
            for r in &batch.reactions {
                let target = ::sqlx::query_as::<$db, (i64, i64, i64)>(concat!(
                    "SELECT m.id, m.conversation_id, c.company_id FROM messages m JOIN conversations c ON c.id = m.conversation_id ",
                    "JOIN whatsapp_numbers n ON n.id = c.number_id WHERE m.wamid = $1 AND n.phone_number_id = $2"
                ))
                .bind(&r.target_wamid)
                .bind(&r.phone_number_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let Some((message_id, conversation_id, company_id)) = target else { continue };
                ::sqlx::query::<$db>("UPDATE messages SET reaction = $1 WHERE id = $2")
                    .bind(r.emoji.as_deref().filter(|e| !e.is_empty()))
                    .bind(message_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                out.events.push($crate::push_live_event!($db, tx, company_id, "status", Some(conversation_id), Some(message_id), now.0));
            }
            for st in &batch.statuses {
                let target = ::sqlx::query_as::<$db, (i64, i64, i64)>(concat!(
                    "UPDATE messages SET status = $1, error_code = COALESCE($2, error_code), error_title = COALESCE($3, error_title) ",
                    "WHERE wamid = $4 AND direction = 'out' AND ",
                    "(CASE status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END) < $5 ",
                    "AND conversation_id IN (SELECT c.id FROM conversations c JOIN whatsapp_numbers n ON n.id = c.number_id WHERE n.phone_number_id = $6) ",
                    "RETURNING id, conversation_id, (SELECT company_id FROM conversations WHERE conversations.id = messages.conversation_id)"
                ))
                .bind(st.status.as_str())
                .bind(st.error_code)
                .bind(&st.error_title)
                .bind(&st.wamid)
                .bind(st.status.rank())
                .bind(&st.phone_number_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                if let Some((message_id, conversation_id, company_id)) = target {
                    out.events.push($crate::push_live_event!($db, tx, company_id, "status", Some(conversation_id), Some(message_id), now.0));
                }
            }
            for (kind, payload) in &batch.jobs {
                ::sqlx::query::<$db>("INSERT INTO jobs (kind, payload, run_at, attempts, max_attempts, created_at) VALUES ($1, $2, $3, 0, 8, $3)")
                    .bind(kind)
                    .bind(payload)
                    .bind(now.0)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
            }
            tx.commit().await.map_err($crate::store_error)?;
            Ok(out)
        }

        async fn conversations(&self, f: &$crate::ConversationFilter) -> $crate::Result<Vec<$crate::Conversation>> {
            let (view, me) = match f.view {
                $crate::View::Mine(u) => ("mine", u.0),
                $crate::View::Unassigned => ("unassigned", 0),
                $crate::View::All => ("all", 0),
            };
            ::sqlx::query_as::<$db, $crate::ConversationRow>(concat!(
                $crate::conversation_select!(),
                "WHERE c.company_id = $1 AND ($2 = 'all' OR ($2 = 'mine' AND c.assignee_id = $3) OR ($2 = 'unassigned' AND c.assignee_id IS NULL)) ",
                "AND ($4 IS NULL OR c.status = $4) AND ($5 IS NULL OR c.number_id = $5) ",
                "AND ($7 IS NULL OR c.last_activity_at < $7 OR (c.last_activity_at = $7 AND c.id < $8)) ",
                "ORDER BY c.last_activity_at DESC, c.id DESC LIMIT $6"
            ))
            .bind(f.company.0)
            .bind(view)
            .bind(me)
            .bind(f.status.map(|s| s.as_str()))
            .bind(f.number.map(|n| n.0))
            .bind(f.limit)
            .bind(f.before.map(|(at, _)| at.0))
            .bind(f.before.map(|(_, id)| id.0).unwrap_or(0))
            .fetch_all(&self.pool)
            .await
            .map_err($crate::store_error)?
            .into_iter()
            .map($crate::ConversationRow::into_conversation)
            .collect()
        }

        async fn view_counts(&self, company: $crate::CompanyId, me: $crate::UserId) -> $crate::Result<$crate::ViewCounts> {
            let (mine, unassigned, all) = ::sqlx::query_as::<$db, (i64, i64, i64)>(concat!(
                "SELECT COALESCE(SUM(CASE WHEN assignee_id = $2 THEN 1 ELSE 0 END), 0), ",
                "COALESCE(SUM(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END), 0), COUNT(*) ",
                "FROM conversations WHERE company_id = $1 AND status = 'open'"
            ))
            .bind(company.0)
            .bind(me.0)
            .fetch_one(&self.pool)
            .await
            .map_err($crate::store_error)?;
            Ok($crate::ViewCounts { mine, unassigned, all })
        }

        async fn conversation(&self, company: $crate::CompanyId, id: $crate::ConversationId) -> $crate::Result<Option<$crate::Conversation>> {
            ::sqlx::query_as::<$db, $crate::ConversationRow>(concat!($crate::conversation_select!(), "WHERE c.company_id = $1 AND c.id = $2"))
                .bind(company.0)
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::ConversationRow::into_conversation)
                .transpose()
        }

        async fn messages(
            &self,
            conversation: $crate::ConversationId,
            before: Option<$crate::MessageId>,
            limit: i64,
        ) -> $crate::Result<Vec<$crate::Message>> {
            let mut page = ::sqlx::query_as::<$db, $crate::MessageRow>(concat!(
                "SELECT ", $crate::message_columns!(), " FROM messages ",
                "WHERE conversation_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3"
            ))
            .bind(conversation.0)
            .bind(before.map_or(i64::MAX, |m| m.0))
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err($crate::store_error)?
            .into_iter()
            .map($crate::MessageRow::into_message)
            .collect::<$crate::Result<Vec<_>>>()?;
            page.reverse();
            Ok(page)
        }

        async fn message(&self, id: $crate::MessageId) -> $crate::Result<Option<$crate::Message>> {
            ::sqlx::query_as::<$db, $crate::MessageRow>(concat!("SELECT ", $crate::message_columns!(), " FROM messages WHERE id = $1"))
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::MessageRow::into_message)
                .transpose()
        }

        async fn timeline(&self, conversation: $crate::ConversationId) -> $crate::Result<Vec<$crate::TimelineEvent>> {
            Ok(::sqlx::query_as::<$db, $crate::TimelineRow>(
                "SELECT id, conversation_id, kind, actor_id, subject_id, created_at FROM timeline_events WHERE conversation_id = $1 ORDER BY id",
            )
            .bind(conversation.0)
            .fetch_all(&self.pool)
            .await
            .map_err($crate::store_error)?
            .into_iter()
            .map($crate::TimelineRow::into_event)
            .collect())
        }

        async fn assign(
            &self,
            company: $crate::CompanyId,
            id: $crate::ConversationId,
            assignee: Option<$crate::UserId>,
            actor: $crate::UserId,
            now: $crate::Timestamp,
        ) -> $crate::Result<Result<($crate::Conversation, $crate::LiveEvent), $crate::AssignError>> {
            let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
            if let Some(agent) = assignee {
                let ok = ::sqlx::query_scalar::<$db, i64>("SELECT id FROM users WHERE id = $1 AND company_id = $2 AND active = $3")
                    .bind(agent.0)
                    .bind(company.0)
                    .bind(true)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                if ok.is_none() {
                    return Ok(Err($crate::AssignError::NoSuchAgent));
                }
            }
            let changed = ::sqlx::query_scalar::<$db, i64>(
                "UPDATE conversations SET assignee_id = $1, last_activity_at = $2 WHERE id = $3 AND company_id = $4 RETURNING id",
            )
            .bind(assignee.map(|a| a.0))
            .bind(now.0)
            .bind(id.0)
            .bind(company.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err($crate::store_error)?;
            if changed.is_none() {
                return Ok(Err($crate::AssignError::NoSuchConversation));
            }
            let kind = if assignee.is_some() { "assigned" } else { "unassigned" };
            $crate::push_timeline!($db, tx, id.0, kind, Some(actor.0), assignee.map(|a| a.0), now.0);
            let event = $crate::push_live_event!($db, tx, company.0, "conversation", Some(id.0), None::<i64>, now.0);
            let row = ::sqlx::query_as::<$db, $crate::ConversationRow>(concat!($crate::conversation_select!(), "WHERE c.id = $1"))
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
            tx.commit().await.map_err($crate::store_error)?;
            Ok(Ok((row.into_conversation()?, event)))
        }

        async fn set_conversation_status(
            &self,
            company: $crate::CompanyId,
            id: $crate::ConversationId,
            status: $crate::ConversationStatus,
            actor: $crate::UserId,
            now: $crate::Timestamp,
        ) -> $crate::Result<Option<($crate::Conversation, $crate::LiveEvent)>> {
            let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
            let changed = ::sqlx::query_scalar::<$db, i64>(
                "UPDATE conversations SET status = $1, last_activity_at = $2 WHERE id = $3 AND company_id = $4 AND status <> $1 RETURNING id",
            )
            .bind(status.as_str())
            .bind(now.0)
            .bind(id.0)
            .bind(company.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err($crate::store_error)?;
            let exists = ::sqlx::query_as::<$db, $crate::ConversationRow>(concat!($crate::conversation_select!(), "WHERE c.id = $1 AND c.company_id = $2"))
                .bind(id.0)
                .bind(company.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
            let Some(row) = exists else { return Ok(None) };
            let kind = match status {
                $crate::ConversationStatus::Open => "reopened",
                $crate::ConversationStatus::Closed => "closed",
            };
            if changed.is_some() {
                $crate::push_timeline!($db, tx, id.0, kind, Some(actor.0), None::<i64>, now.0);
            }
            let event = $crate::push_live_event!($db, tx, company.0, "conversation", Some(id.0), None::<i64>, now.0);
            tx.commit().await.map_err($crate::store_error)?;
            Ok(Some((row.into_conversation()?, event)))
        }

        async fn create_outbound(&self, r: &$crate::OutboundRecord, now: $crate::Timestamp) -> $crate::Result<($crate::Message, $crate::LiveEvent)> {
            let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
            let row = ::sqlx::query_as::<$db, $crate::MessageRow>(concat!(
                "INSERT INTO messages (conversation_id, direction, kind, content, text, status, reply_to_wamid, sender_id, created_at, media_key, media_mime, media_size) ",
                "VALUES ($1, 'out', $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10) RETURNING ", $crate::message_columns!()
            ))
            .bind(r.conversation_id.0)
            .bind(&r.kind)
            .bind(&r.content)
            .bind(&r.text)
            .bind(&r.reply_to_wamid)
            .bind(r.sender_id.0)
            .bind(now.0)
            .bind(r.media.as_ref().map(|m| m.key.as_str()))
            .bind(r.media.as_ref().map(|m| m.mime.as_str()))
            .bind(r.media.as_ref().map(|m| m.size))
            .fetch_one(&mut *tx)
            .await
            .map_err($crate::store_error)?;
            let company = ::sqlx::query_scalar::<$db, i64>("UPDATE conversations SET last_activity_at = $1 WHERE id = $2 RETURNING company_id")
                .bind(now.0)
                .bind(r.conversation_id.0)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
            let event = $crate::push_live_event!($db, tx, company, "message", Some(r.conversation_id.0), Some(row.id), now.0);
            tx.commit().await.map_err($crate::store_error)?;
            Ok((row.into_message()?, event))
        }

        async fn outbound_result(
            &self,
            id: $crate::MessageId,
            wamid: Option<&str>,
            status: $crate::MessageStatus,
            error: Option<(i64, &str)>,
            now: $crate::Timestamp,
        ) -> $crate::Result<Option<($crate::Message, $crate::LiveEvent)>> {
            let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
            // A status webhook may have arrived before this answer: never go backwards.
            let row = ::sqlx::query_as::<$db, $crate::MessageRow>(concat!(
                "UPDATE messages SET wamid = COALESCE($1, wamid), ",
                "status = CASE WHEN (CASE status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END) < $2 THEN $3 ELSE status END, ",
                "error_code = COALESCE($4, error_code), error_title = COALESCE($5, error_title) WHERE id = $6 RETURNING ", $crate::message_columns!()
            ))
            .bind(wamid)
            .bind(status.rank())
            .bind(status.as_str())
            .bind(error.map(|e| e.0))
            .bind(error.map(|e| e.1))
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err($crate::store_error)?;
            let Some(row) = row else { return Ok(None) };
            let company = ::sqlx::query_scalar::<$db, i64>("SELECT company_id FROM conversations WHERE id = $1")
                .bind(row.conversation_id)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
            let event = $crate::push_live_event!($db, tx, company, "status", Some(row.conversation_id), Some(row.id), now.0);
            tx.commit().await.map_err($crate::store_error)?;
            Ok(Some((row.into_message()?, event)))
        }

        async fn attach_media(
            &self,
            phone_number_id: &str,
            wamid: &str,
            media: &$crate::MediaRef,
            now: $crate::Timestamp,
        ) -> $crate::Result<Option<($crate::Message, $crate::LiveEvent)>> {
            let mut tx = self.pool.begin_with($begin).await.map_err($crate::store_error)?;
            let row = ::sqlx::query_as::<$db, $crate::MessageRow>(concat!(
                "UPDATE messages SET media_key = $1, media_mime = $2, media_size = $3 WHERE wamid = $4 AND conversation_id IN ",
                "(SELECT c.id FROM conversations c JOIN whatsapp_numbers n ON n.id = c.number_id WHERE n.phone_number_id = $5) RETURNING ",
                $crate::message_columns!()
            ))
            .bind(&media.key)
            .bind(&media.mime)
            .bind(media.size)
            .bind(wamid)
            .bind(phone_number_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err($crate::store_error)?;
            let Some(row) = row else { return Ok(None) };
            let company = ::sqlx::query_scalar::<$db, i64>("SELECT company_id FROM conversations WHERE id = $1")
                .bind(row.conversation_id)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
            let event = $crate::push_live_event!($db, tx, company, "status", Some(row.conversation_id), Some(row.id), now.0);
            tx.commit().await.map_err($crate::store_error)?;
            Ok(Some((row.into_message()?, event)))
        }

        async fn live_event(&self, id: i64) -> $crate::Result<Option<$crate::LiveEvent>> {
            Ok(::sqlx::query_as::<$db, $crate::LiveEventRow>(
                "SELECT id, company_id, kind, conversation_id, message_id, created_at FROM live_events WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err($crate::store_error)?
            .map($crate::LiveEventRow::into_event))
        }

        async fn live_feed(&self) -> $crate::Result<Option<::agentdesk_core::store::LiveFeed>> {
            $live_feed(&self.pool).await
        }

        async fn live_events_after(&self, company: $crate::CompanyId, after: i64, limit: i64) -> $crate::Result<Vec<$crate::LiveEvent>> {
            Ok(::sqlx::query_as::<$db, $crate::LiveEventRow>(
                "SELECT id, company_id, kind, conversation_id, message_id, created_at FROM live_events WHERE company_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            )
            .bind(company.0)
            .bind(after)
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err($crate::store_error)?
            .into_iter()
            .map($crate::LiveEventRow::into_event)
            .collect())
        }

        async fn enqueue_job(&self, kind: &str, payload: &str, run_at: $crate::Timestamp, max_attempts: i64) -> $crate::Result<i64> {
            ::sqlx::query_scalar::<$db, i64>(
                "INSERT INTO jobs (kind, payload, run_at, attempts, max_attempts, created_at) VALUES ($1, $2, $3, 0, $4, $3) RETURNING id",
            )
            .bind(kind)
            .bind(payload)
            .bind(run_at.0)
            .bind(max_attempts)
            .fetch_one(&self.pool)
            .await
            .map_err($crate::store_error)
        }

        async fn claim_job(&self, now: $crate::Timestamp, lease_until: $crate::Timestamp) -> $crate::Result<Option<$crate::Job>> {
            // One statement: the lease condition is re-checked on the row being updated, so two
            // workers (or instances) never both claim a job.
            let row = ::sqlx::query_as::<$db, $crate::JobRow>(concat!(
                "UPDATE jobs SET locked_until = $1, attempts = attempts + 1 WHERE id = (",
                "SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $2 AND (locked_until IS NULL OR locked_until < $2) ",
                "ORDER BY run_at, id LIMIT 1) AND done_at IS NULL AND (locked_until IS NULL OR locked_until < $2) ",
                "RETURNING id, kind, payload, attempts, max_attempts"
            ))
            .bind(lease_until.0)
            .bind(now.0)
            .fetch_optional(&self.pool)
            .await
            .map_err($crate::store_error)?;
            Ok(row.map(|r| $crate::Job { id: r.id, kind: r.kind, payload: r.payload, attempts: r.attempts, max_attempts: r.max_attempts }))
        }

        async fn complete_job(&self, id: i64, now: $crate::Timestamp) -> $crate::Result<()> {
            ::sqlx::query::<$db>("UPDATE jobs SET done_at = $1, locked_until = NULL WHERE id = $2")
                .bind(now.0)
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
            Ok(())
        }

        async fn fail_job(&self, id: i64, error: &str, retry_at: Option<$crate::Timestamp>, now: $crate::Timestamp) -> $crate::Result<()> {
            // Without a retry the job is finished (given up); its last error stays for inspection.
            ::sqlx::query::<$db>(
                "UPDATE jobs SET last_error = $1, locked_until = NULL, run_at = COALESCE($2, run_at), done_at = CASE WHEN $2 IS NULL THEN $3 ELSE NULL END WHERE id = $4",
            )
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
