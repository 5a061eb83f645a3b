//! agentdesk's `Store` on PostgreSQL. Migrations are embedded and carry the same version numbers
//! as the SQLite ones.

use std::time::Duration;

use agentdesk_core::Timestamp;
use agentdesk_core::domain::{Company, CompanyId, Email, NewUser, ProfilePatch, User, UserId};
use agentdesk_core::store::{NewSession, Session, StoreResult, ThrottleState};
use agentdesk_core::{Store, StoreError};
use agentdesk_store_sql::{
    CompanyRow, SESSION_COLUMNS, SessionUserRow, ThrottleRow, USER_COLUMNS, UserRow,
    prefixed_user_columns, store_error as backend,
};
use sqlx::postgres::{PgPool, PgPoolOptions};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Versions of the embedded migrations, for the test that both backends agree.
pub fn migration_versions() -> Vec<i64> {
    MIGRATOR.iter().map(|m| m.version).collect()
}

pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to a `postgres://` URL and applies migrations.
    pub async fn connect(url: &str) -> StoreResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(backend)?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StoreError::Backend(Box::new(e)))?;
        Ok(Self { pool })
    }

    async fn user_where(&self, clause: &str, bind: BindValue<'_>) -> StoreResult<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE {clause}");
        let q = sqlx::query_as::<_, UserRow>(&sql);
        let q = match bind {
            BindValue::Int(i) => q.bind(i),
            BindValue::Text(t) => q.bind(t),
        };
        q.fetch_optional(&self.pool)
            .await
            .map_err(backend)?
            .map(UserRow::into_user)
            .transpose()
    }
}

enum BindValue<'a> {
    Int(i64),
    Text(&'a str),
}

#[async_trait::async_trait]
impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn applied_migrations(&self) -> StoreResult<Vec<i64>> {
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(&self.pool)
            .await
            .map_err(backend)
    }

    async fn count_users(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await
            .map_err(backend)
    }

    async fn company(&self, id: CompanyId) -> StoreResult<Option<Company>> {
        let row = sqlx::query_as::<_, CompanyRow>(
            "SELECT id, name, created_at FROM companies WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(row.map(CompanyRow::into_company))
    }

    async fn companies(&self) -> StoreResult<Vec<Company>> {
        let rows = sqlx::query_as::<_, CompanyRow>(
            "SELECT id, name, created_at FROM companies ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok(rows.into_iter().map(CompanyRow::into_company).collect())
    }

    async fn create_user(&self, new: &NewUser, now: Timestamp) -> StoreResult<User> {
        let mut tx = self.pool.begin().await.map_err(backend)?;
        sqlx::query("INSERT INTO companies (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
            .bind(&new.company_name)
            .bind(now.0)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let company_id: i64 = sqlx::query_scalar("SELECT id FROM companies WHERE name = $1")
            .bind(&new.company_name)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let sql = format!(
            "INSERT INTO users (company_id, email, email_normalized, first_name, last_name, role, locale, \
             password_hash, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, TRUE, $9, $10) \
             RETURNING {USER_COLUMNS}"
        );
        let row = sqlx::query_as::<_, UserRow>(&sql)
            .bind(company_id)
            .bind(new.email.as_str())
            .bind(new.email.normalized())
            .bind(new.first_name.as_str())
            .bind(new.last_name.as_str())
            .bind(new.role.as_str())
            .bind(new.locale.map(|l| l.tag()))
            .bind(&new.password_hash)
            .bind(now.0)
            .bind(now.0)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)?;
        row.into_user()
    }

    async fn user(&self, id: UserId) -> StoreResult<Option<User>> {
        self.user_where("id = $1", BindValue::Int(id.0)).await
    }

    async fn user_by_email(&self, email: &Email) -> StoreResult<Option<User>> {
        let normalized = email.normalized();
        self.user_where("email_normalized = $1", BindValue::Text(&normalized))
            .await
    }

    async fn company_users(&self, company: CompanyId) -> StoreResult<Vec<User>> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE company_id = $1 \
             ORDER BY role = 'agent', lower(first_name), lower(last_name), id"
        );
        let rows = sqlx::query_as::<_, UserRow>(&sql)
            .bind(company.0)
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.into_iter().map(UserRow::into_user).collect()
    }

    async fn update_profile(
        &self,
        id: UserId,
        patch: &ProfilePatch,
        now: Timestamp,
    ) -> StoreResult<Option<User>> {
        let sql = format!(
            "UPDATE users SET first_name = COALESCE($1, first_name), last_name = COALESCE($2, last_name), \
             locale = COALESCE($3, locale), updated_at = $4 WHERE id = $5 RETURNING {USER_COLUMNS}"
        );
        let row = sqlx::query_as::<_, UserRow>(&sql)
            .bind(patch.first_name.as_ref().map(|n| n.as_str()))
            .bind(patch.last_name.as_ref().map(|n| n.as_str()))
            .bind(patch.locale.map(|l| l.tag()))
            .bind(now.0)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        row.map(UserRow::into_user).transpose()
    }

    async fn set_user_active(
        &self,
        company: CompanyId,
        id: UserId,
        active: bool,
        now: Timestamp,
    ) -> StoreResult<Option<User>> {
        let mut tx = self.pool.begin().await.map_err(backend)?;
        let sql = format!(
            "UPDATE users SET active = $1, updated_at = $2 WHERE id = $3 AND company_id = $4 RETURNING {USER_COLUMNS}"
        );
        let row = sqlx::query_as::<_, UserRow>(&sql)
            .bind(active)
            .bind(now.0)
            .bind(id.0)
            .bind(company.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?;
        if row.is_some() && !active {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)?;
        row.map(UserRow::into_user).transpose()
    }

    async fn create_session(&self, s: &NewSession) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, kind, created_at, last_seen_at, expires_at, ip, user_agent) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&s.token_hash)
        .bind(s.user_id.0)
        .bind(s.kind.as_str())
        .bind(s.created_at.0)
        .bind(s.created_at.0)
        .bind(s.expires_at.0)
        .bind(&s.ip)
        .bind(&s.user_agent)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn live_session(
        &self,
        token_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> StoreResult<Option<(Session, User)>> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS}, {} \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.active",
            prefixed_user_columns("u")
        );
        let row = sqlx::query_as::<_, SessionUserRow>(&sql)
            .bind(token_hash)
            .bind(now.0)
            .bind(idle_cutoff.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        row.map(SessionUserRow::into_pair).transpose()
    }

    async fn touch_session(&self, token_hash: &str, now: Timestamp) -> StoreResult<()> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now.0)
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn delete_user_sessions(&self, user: UserId, keep: Option<&str>) -> StoreResult<u64> {
        let done = sqlx::query(
            "DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2",
        )
        .bind(user.0)
        .bind(keep)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(done.rows_affected())
    }

    async fn purge_expired_sessions(
        &self,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
            .bind(now.0)
            .bind(idle_cutoff.0)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(done.rows_affected())
    }

    async fn throttle_state(&self, key: &str) -> StoreResult<Option<ThrottleState>> {
        let row = sqlx::query_as::<_, ThrottleRow>(
            "SELECT failures, window_started_at, locked_until FROM login_throttle WHERE key = $1",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(row.map(ThrottleRow::into_state))
    }

    async fn record_failure(
        &self,
        key: &str,
        now: Timestamp,
        window_start_cutoff: Timestamp,
    ) -> StoreResult<ThrottleState> {
        let row = sqlx::query_as::<_, ThrottleRow>(
            "INSERT INTO login_throttle (key, failures, window_started_at, locked_until) VALUES ($1, 1, $2, NULL) \
             ON CONFLICT (key) DO UPDATE SET \
               failures = CASE WHEN login_throttle.window_started_at < $3 THEN 1 ELSE login_throttle.failures + 1 END, \
               window_started_at = CASE WHEN login_throttle.window_started_at < $3 THEN $2 ELSE login_throttle.window_started_at END \
             RETURNING failures, window_started_at, locked_until",
        )
        .bind(key)
        .bind(now.0)
        .bind(window_start_cutoff.0)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        Ok(row.into_state())
    }

    async fn lock_until(&self, key: &str, until: Timestamp) -> StoreResult<()> {
        sqlx::query("UPDATE login_throttle SET locked_until = $1 WHERE key = $2")
            .bind(until.0)
            .bind(key)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn clear_throttle(&self, key: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_throttle WHERE key = $1")
            .bind(key)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

/// Throw-away databases for tests: each test run gets its own, so tests never see each other's
/// rows. Names start with `agentdesk_t_` so a test script can drop leftovers.
pub mod scratch {
    use super::*;
    use sqlx::Connection;

    /// Creates a fresh database on the server behind `server_url` (any database the user may
    /// connect to) and returns the URL of the new one.
    pub async fn create_database(server_url: &str, name: &str) -> StoreResult<String> {
        let mut conn = sqlx::PgConnection::connect(server_url)
            .await
            .map_err(backend)?;
        let safe: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let create = format!("CREATE DATABASE agentdesk_t_{safe}");
        sqlx::query(&create)
            .execute(&mut conn)
            .await
            .map_err(backend)?;
        let base = server_url
            .rsplit_once('/')
            .map(|(b, _)| b)
            .unwrap_or(server_url);
        Ok(format!("{base}/agentdesk_t_{safe}"))
    }

    /// Whether a PostgreSQL server answers at `server_url`.
    pub async fn reachable(server_url: &str) -> bool {
        sqlx::PgConnection::connect(server_url).await.is_ok()
    }
}
