//! Admin › Numbers: the company's WhatsApp Business numbers (API and page).

pub mod api;
pub mod page;

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::create))
        .routes(routes!(api::update, api::disconnect))
        .routes(routes!(api::list))
}

pub fn pages() -> Router<AppState> {
    Router::new().route("/admin/numbers", get(page::numbers_page))
}
