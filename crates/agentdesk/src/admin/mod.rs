//! Admin › Agents: admins list the people of their company, add one, and deactivate or reactivate
//! one (a deactivated user's sessions end at once). Agents get 403.

pub mod agents;
pub mod page;
pub mod policy;

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Admin › Agents and the company's security policy.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(agents::list, agents::create))
        .routes(routes!(agents::deactivate))
        .routes(routes!(agents::reactivate))
        .routes(routes!(policy::get_policy, policy::put_policy))
}

pub fn pages() -> Router<AppState> {
    Router::new().route("/admin/agents", get(page::agents_page))
}
