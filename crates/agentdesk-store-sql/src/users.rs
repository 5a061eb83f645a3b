//! Companies and users: accounts, profiles, avatars, passwords, availability, policies.

/// Implements `agentdesk_core::store::UserStore` for a struct with a `pool: sqlx::Pool<$db>`
/// field; `$begin` starts a write transaction (`BEGIN IMMEDIATE` on SQLite, so a transaction that
/// reads before it writes cannot fail with SQLITE_BUSY_SNAPSHOT when another writer commits in
/// between).
#[macro_export]
macro_rules! impl_user_store {
    ($store:ty, $db:ty, $begin:literal) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::UserStore for $store {
            async fn count_users(&self) -> $crate::Result<i64> {
                ::sqlx::query_scalar::<$db, i64>("SELECT COUNT(*) FROM users")
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::store_error)
            }

            async fn company(
                &self,
                id: $crate::CompanyId,
            ) -> $crate::Result<Option<$crate::Company>> {
                let row = ::sqlx::query_as::<$db, $crate::CompanyRow>(
                    "SELECT id, name, require_two_factor, created_at FROM companies WHERE id = $1",
                )
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.map($crate::CompanyRow::into_company))
            }

            async fn companies(&self) -> $crate::Result<Vec<$crate::Company>> {
                let rows = ::sqlx::query_as::<$db, $crate::CompanyRow>(
                    "SELECT id, name, require_two_factor, created_at FROM companies ORDER BY id",
                )
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(rows
                    .into_iter()
                    .map($crate::CompanyRow::into_company)
                    .collect())
            }

            async fn create_user(
                &self,
                new: &$crate::NewUser,
                now: $crate::Timestamp,
            ) -> $crate::Result<$crate::User> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                ::sqlx::query::<$db>(concat!(
                    "INSERT INTO companies (name, created_at) VALUES ($1, $2) ",
                    "ON CONFLICT (name) DO NOTHING"
                ))
                .bind(&new.company_name)
                .bind(now.0)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let company_id =
                    ::sqlx::query_scalar::<$db, i64>("SELECT id FROM companies WHERE name = $1")
                        .bind(&new.company_name)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err($crate::store_error)?;
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "INSERT INTO users (company_id, email, email_normalized, first_name, ",
                    "last_name, role, locale, ",
                    "password_hash, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, ",
                    "$6, $7, $8, $9, $10, $10) ",
                    "RETURNING ",
                    $crate::user_columns!()
                ))
                .bind(company_id)
                .bind(new.email.as_str())
                .bind(new.email.normalized())
                .bind(new.first_name.as_str())
                .bind(new.last_name.as_str())
                .bind(new.role.as_str())
                .bind(new.locale.map(|l| l.tag()))
                .bind(new.password_hash.expose())
                .bind(true)
                .bind(now.0)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                tx.commit().await.map_err($crate::store_error)?;
                row.into_user()
            }

            async fn user(&self, id: $crate::UserId) -> $crate::Result<Option<$crate::User>> {
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "SELECT ",
                    $crate::user_columns!(),
                    " FROM users WHERE id = $1"
                ))
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                row.map($crate::UserRow::into_user).transpose()
            }

            async fn user_by_email(
                &self,
                email: &$crate::Email,
            ) -> $crate::Result<Option<$crate::User>> {
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "SELECT ",
                    $crate::user_columns!(),
                    " FROM users WHERE email_normalized = $1"
                ))
                .bind(email.normalized())
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                row.map($crate::UserRow::into_user).transpose()
            }

            async fn company_users(
                &self,
                company: $crate::CompanyId,
            ) -> $crate::Result<Vec<$crate::User>> {
                let rows = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "SELECT ",
                    $crate::user_columns!(),
                    " FROM users WHERE company_id = $1 ",
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
                    "UPDATE users SET first_name = COALESCE($1, first_name), last_name = ",
                    "COALESCE($2, last_name), ",
                    "locale = COALESCE($3, locale), updated_at = $4 WHERE id = $5 RETURNING ",
                    $crate::user_columns!()
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
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
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
                let row: Option<(String, String)> = ::sqlx::query_as(concat!(
                    "SELECT avatar_key, avatar_thumb_key FROM users WHERE company_id = $1 AND ",
                    "avatar_key = $2 AND avatar_thumb_key IS NOT NULL LIMIT 1"
                ))
                .bind(company.0)
                .bind(full_key)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.map(|(full, thumb)| $crate::AvatarRef { full, thumb }))
            }

            async fn blob_in_use(&self, key: &str) -> $crate::Result<bool> {
                let (used,): (bool,) = ::sqlx::query_as(concat!(
                    "SELECT EXISTS (SELECT 1 FROM users WHERE avatar_key = $1 OR avatar_thumb_key ",
                    "= $1) ",
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
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                ::sqlx::query::<$db>(
                    "UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3",
                )
                .bind(password_hash)
                .bind(now.0)
                .bind(id.0)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let others = ::sqlx::query::<$db>(
                    "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
                )
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
                let row = ::sqlx::query_as::<$db, $crate::CompanyRow>(concat!(
                    "UPDATE companies SET require_two_factor = $1 WHERE id = $2 RETURNING id, ",
                    "name, require_two_factor, created_at"
                ))
                .bind(required)
                .bind(company.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.map($crate::CompanyRow::into_company))
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

            async fn set_user_active(
                &self,
                company: $crate::CompanyId,
                id: $crate::UserId,
                active: bool,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<$crate::User>> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                let row = ::sqlx::query_as::<$db, $crate::UserRow>(concat!(
                    "UPDATE users SET active = $1, updated_at = $2 WHERE id = $3 AND company_id = ",
                    "$4 RETURNING ",
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

            async fn set_availability(
                &self,
                user: $crate::UserId,
                availability: $crate::Availability,
            ) -> $crate::Result<()> {
                ::sqlx::query::<$db>("UPDATE users SET availability = $1 WHERE id = $2")
                    .bind(availability.as_str())
                    .bind(user.0)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::store_error)?;
                Ok(())
            }
        }
    };
}
