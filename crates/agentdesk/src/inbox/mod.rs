//! The inbox: WhatsApp numbers (admin), the webhook that brings customers' messages in,
//! conversations and their messages, assignment and transfer, sending through the Cloud API via
//! the job queue, and live updates for open browsers.

pub mod attachments;
pub mod conversations;
pub mod ingest;
pub mod jobs;
pub mod live;
pub mod pages;
pub mod views;
pub mod webhook;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Conversations, messages, assignment, live events, media; and Meta's webhook.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(conversations::list))
        .routes(routes!(conversations::counts))
        .routes(routes!(conversations::get))
        .routes(routes!(conversations::assign))
        .routes(routes!(conversations::set_status))
        .routes(routes!(live::events))
        .routes(routes!(conversations::media))
        .merge(
            // A reply may carry an attachment of up to 100 MB (the handler caps JSON itself).
            OpenApiRouter::new()
                .routes(routes!(conversations::messages, conversations::send))
                .layer(DefaultBodyLimit::max(
                    attachments::DOCUMENT_MAX + 1024 * 1024,
                )),
        )
        .merge(
            // The webhook, with its own body limit (documented in the OpenAPI document too).
            OpenApiRouter::new()
                .routes(routes!(webhook::handshake, webhook::receive))
                .layer(DefaultBodyLimit::max(webhook::MAX_BODY)),
        )
}

pub fn pages() -> Router<AppState> {
    Router::new().route("/inbox", get(pages::inbox_page))
}
