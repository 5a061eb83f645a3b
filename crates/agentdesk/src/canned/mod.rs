//! Canned responses: the company's presets (admins write them), each agent's own, the "/" picker's
//! search, and filling placeholders for a conversation. Pages: Your preference › Canned responses
//! (with the presets drawer) and Admin › Canned responses.

pub mod api;
pub mod emoji;
pub mod fill;
pub mod page;

use agentdesk_core::domain::User;
use agentdesk_core::store::{CannedResponse, CannedResponseId, CannedScope};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::inbox::attachments::DOCUMENT_MAX;
use crate::state::AppState;

/// The response `id` if `user` may use it: their own, or one of their company's presets.
pub async fn usable(
    state: &AppState,
    user: &User,
    id: CannedResponseId,
) -> Result<Option<CannedResponse>, ApiError> {
    let store = state.store();
    if let Some(own) = store
        .canned_response(user.company_id, CannedScope::Personal(user.id), id)
        .await?
    {
        return Ok(Some(own));
    }
    Ok(store
        .canned_response(user.company_id, CannedScope::Company, id)
        .await?)
}

pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::attachment))
        .routes(routes!(emoji::list))
        .merge(
            // A response may carry an attachment of up to 100 MB (JSON keeps the 1 MB cap).
            OpenApiRouter::new()
                .routes(routes!(api::list, api::create))
                .routes(routes!(api::update, api::delete))
                .routes(routes!(api::admin_create))
                .routes(routes!(api::admin_update, api::admin_delete))
                .layer(DefaultBodyLimit::max(DOCUMENT_MAX + 1024 * 1024)),
        )
}

pub fn pages() -> Router<AppState> {
    Router::new()
        .route("/preferences/canned-responses", get(page::personal_page))
        .route("/admin/canned-responses", get(page::admin_page))
}
