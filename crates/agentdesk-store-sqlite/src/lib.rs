//! agentdesk's `Store` on SQLite: the bundled library, WAL journal, a busy timeout so concurrent
//! writers wait instead of failing, and foreign keys enforced. Migrations are embedded.

use std::str::FromStr;
use std::time::Duration;

use agentdesk_core::Timestamp;
use agentdesk_core::domain::{Company, CompanyId, Email, NewUser, ProfilePatch, User, UserId};
use agentdesk_core::store::{NewSession, Session, StoreResult, ThrottleState};
use agentdesk_core::{Store, StoreError};
use agentdesk_store_sql::{
    CompanyRow, SESSION_COLUMNS, SessionUserRow, ThrottleRow, USER_COLUMNS, UserRow,
    prefixed_user_columns, store_error as backend,
};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Versions of the embedded migrations, for the test that both backends agree.
pub fn migration_versions() -> Vec<i64> {
    MIGRATOR.iter().map(|m| m.version).collect()
}

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at a `sqlite://` URL and applies migrations.
    pub async fn connect(url: &str) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(backend)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
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
impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
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
            "SELECT id, name, created_at FROM companies WHERE id = ?",
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
        sqlx::query(
            "INSERT INTO companies (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        )
        .bind(&new.company_name)
        .bind(now.0)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let company_id: i64 = sqlx::query_scalar("SELECT id FROM companies WHERE name = ?")
            .bind(&new.company_name)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let sql = format!(
            "INSERT INTO users (company_id, email, email_normalized, first_name, last_name, role, locale, \
             password_hash, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) \
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
        self.user_where("id = ?", BindValue::Int(id.0)).await
    }

    async fn user_by_email(&self, email: &Email) -> StoreResult<Option<User>> {
        let normalized = email.normalized();
        self.user_where("email_normalized = ?", BindValue::Text(&normalized))
            .await
    }

    async fn company_users(&self, company: CompanyId) -> StoreResult<Vec<User>> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE company_id = ? \
             ORDER BY role = 'agent', first_name COLLATE NOCASE, last_name COLLATE NOCASE, id"
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
            "UPDATE users SET first_name = COALESCE(?, first_name), last_name = COALESCE(?, last_name), \
             locale = COALESCE(?, locale), updated_at = ? WHERE id = ? RETURNING {USER_COLUMNS}"
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
            "UPDATE users SET active = ?, updated_at = ? WHERE id = ? AND company_id = ? RETURNING {USER_COLUMNS}"
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
            sqlx::query("DELETE FROM sessions WHERE user_id = ?")
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
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
             WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ? AND u.active = 1",
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
        sqlx::query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")
            .bind(now.0)
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn delete_user_sessions(&self, user: UserId, keep: Option<&str>) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?")
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
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?")
            .bind(now.0)
            .bind(idle_cutoff.0)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(done.rows_affected())
    }

    async fn throttle_state(&self, key: &str) -> StoreResult<Option<ThrottleState>> {
        let row = sqlx::query_as::<_, ThrottleRow>(
            "SELECT failures, window_started_at, locked_until FROM login_throttle WHERE key = ?",
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
            "INSERT INTO login_throttle (key, failures, window_started_at, locked_until) VALUES (?1, 1, ?2, NULL) \
             ON CONFLICT (key) DO UPDATE SET \
               failures = CASE WHEN login_throttle.window_started_at < ?3 THEN 1 ELSE login_throttle.failures + 1 END, \
               window_started_at = CASE WHEN login_throttle.window_started_at < ?3 THEN ?2 ELSE login_throttle.window_started_at END \
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
        sqlx::query("UPDATE login_throttle SET locked_until = ? WHERE key = ?")
            .bind(until.0)
            .bind(key)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn clear_throttle(&self, key: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_throttle WHERE key = ?")
            .bind(key)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
