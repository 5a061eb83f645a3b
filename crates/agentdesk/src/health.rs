//! `GET /healthz`: 200 when the database answers, 503 otherwise. `GET /readyz`: 200 once the
//! server has started (migrations run) and both the database and the file storage answer.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;

pub fn api() -> utoipa_axum::router::OpenApiRouter<AppState> {
    use utoipa_axum::routes;
    utoipa_axum::router::OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok` or `unavailable`.
    pub status: &'static str,
    /// `sqlite` or `postgres`.
    pub database: &'static str,
}

#[utoipa::path(
    get, path = "/healthz", tag = "operations",
    responses((status = 200, body = Health), (status = 503, description = "The database does not answer", body = Health))
)]
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database = state.store().backend();
    match state.store().ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(Health {
                status: "ok",
                database,
            }),
        ),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health {
                    status: "unavailable",
                    database,
                }),
            )
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    /// `ready` or `not_ready`.
    pub status: &'static str,
    /// Whether the database answers (its migrations ran before the server started listening).
    pub database: bool,
    /// Whether files can be stored.
    pub files: bool,
}

#[utoipa::path(
    get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = Readiness),
        (status = 503, description = "The database or the file storage does not answer", body = Readiness),
    )
)]
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Readiness>) {
    let database = match state.store().ping().await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(error = %e, "not ready: database");
            false
        }
    };
    let files = match state.blobs().ready().await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(error = %e, "not ready: file storage");
            false
        }
    };
    let ready = database && files;
    (
        if ready {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        },
        Json(Readiness {
            status: if ready { "ready" } else { "not_ready" },
            database,
            files,
        }),
    )
}
