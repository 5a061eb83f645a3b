//! agentdesk's `Store` on PostgreSQL. Migrations are embedded and carry the same version numbers
//! as the SQLite ones.

mod canned_search;

use std::time::Duration;

use agentdesk_core::StoreError;
use agentdesk_core::store::StoreResult;
use agentdesk_store_sql::store_error as backend;
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
}

/// Listens to the ids the `live_events_notify` trigger announces on commit (migration 0003).
async fn pg_live_feed(pool: &PgPool) -> StoreResult<Option<agentdesk_core::store::LiveFeed>> {
    let mut listener = sqlx::postgres::PgListener::connect_with(pool)
        .await
        .map_err(backend)?;
    listener.listen("agentdesk_live").await.map_err(backend)?;
    let feed = futures_util::stream::unfold(listener, |mut listener| async move {
        loop {
            match listener.recv().await {
                Ok(note) => {
                    if let Ok(id) = note.payload().parse::<i64>() {
                        return Some((id, listener));
                    }
                }
                // The listener reconnects by itself; a closed pool ends the feed.
                Err(sqlx::Error::PoolClosed) => return None,
                Err(e) => {
                    tracing::warn!(error = %e, "live event feed interrupted; reconnecting");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            }
        }
    });
    Ok(Some(Box::pin(feed)))
}

// Every capability with the SQL both backends share; a capability that needs this backend's own
// SQL implements its trait here instead.
agentdesk_store_sql::impl_database_store!(PostgresStore, sqlx::Postgres, "postgres");
agentdesk_store_sql::impl_user_store!(PostgresStore, sqlx::Postgres, "BEGIN");
agentdesk_store_sql::impl_two_factor_store!(PostgresStore, sqlx::Postgres, "BEGIN");
agentdesk_store_sql::impl_recovery_code_store!(PostgresStore, sqlx::Postgres, "BEGIN");
agentdesk_store_sql::impl_one_time_code_store!(
    PostgresStore,
    sqlx::Postgres,
    "BEGIN",
    "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))"
);
agentdesk_store_sql::impl_security_event_store!(PostgresStore, sqlx::Postgres);
agentdesk_store_sql::impl_outbox_store!(PostgresStore, sqlx::Postgres);
agentdesk_store_sql::impl_session_store!(PostgresStore, sqlx::Postgres);
agentdesk_store_sql::impl_throttle_store!(PostgresStore, sqlx::Postgres);
agentdesk_store_sql::impl_number_store!(PostgresStore, sqlx::Postgres);
agentdesk_store_sql::impl_conversation_store!(PostgresStore, sqlx::Postgres, "BEGIN");
agentdesk_store_sql::impl_live_event_store!(PostgresStore, sqlx::Postgres, pg_live_feed);
agentdesk_store_sql::impl_job_store!(PostgresStore, sqlx::Postgres);
agentdesk_store_sql::impl_canned_response_store!(
    PostgresStore,
    sqlx::Postgres,
    canned_search::search
);

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
