//! agentdesk's `Store` on SQLite: the bundled library, WAL journal, a busy timeout so concurrent
//! writers wait instead of failing, and foreign keys enforced. Migrations are embedded.

mod canned_search;

use std::str::FromStr;
use std::time::Duration;

use agentdesk_core::StoreError;
use agentdesk_core::store::StoreResult;
use agentdesk_store_sql::store_error as backend;
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
}

/// SQLite serves one instance: there is no one to relay live events to.
async fn no_live_feed(_: &SqlitePool) -> StoreResult<Option<agentdesk_core::store::LiveFeed>> {
    Ok(None)
}

// Every capability with the SQL both backends share; a capability that needs this backend's own
// SQL implements its trait here instead.
agentdesk_store_sql::impl_database_store!(SqliteStore, sqlx::Sqlite, "sqlite");
agentdesk_store_sql::impl_user_store!(SqliteStore, sqlx::Sqlite, "BEGIN IMMEDIATE");
agentdesk_store_sql::impl_two_factor_store!(SqliteStore, sqlx::Sqlite, "BEGIN IMMEDIATE");
agentdesk_store_sql::impl_recovery_code_store!(SqliteStore, sqlx::Sqlite, "BEGIN IMMEDIATE");
agentdesk_store_sql::impl_one_time_code_store!(
    SqliteStore,
    sqlx::Sqlite,
    "BEGIN IMMEDIATE",
    "SELECT $1"
);
agentdesk_store_sql::impl_security_event_store!(SqliteStore, sqlx::Sqlite);
agentdesk_store_sql::impl_outbox_store!(SqliteStore, sqlx::Sqlite);
agentdesk_store_sql::impl_session_store!(SqliteStore, sqlx::Sqlite);
agentdesk_store_sql::impl_throttle_store!(SqliteStore, sqlx::Sqlite);
agentdesk_store_sql::impl_number_store!(SqliteStore, sqlx::Sqlite);
agentdesk_store_sql::impl_conversation_store!(SqliteStore, sqlx::Sqlite, "BEGIN IMMEDIATE");
agentdesk_store_sql::impl_live_event_store!(SqliteStore, sqlx::Sqlite, no_live_feed);
agentdesk_store_sql::impl_job_store!(SqliteStore, sqlx::Sqlite);
agentdesk_store_sql::impl_canned_response_store!(SqliteStore, sqlx::Sqlite, canned_search::search);
