//! Your preference › Profile: the `/api/v1/me` endpoints, the preference page, and the avatar
//! (initials on a name-derived colour for now).

pub mod avatar;
pub mod me;
pub mod page;
pub mod password;
pub mod picture;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// The signed-in user's own profile, picture and password.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me::get_me, me::patch_me))
        .routes(routes!(avatar::get_avatar))
        .routes(routes!(password::change_password))
        .routes(routes!(password::strength))
        .merge(
            // The avatar upload, limited to the picture's 5 MB (and its form) while streaming.
            OpenApiRouter::new()
                .routes(routes!(avatar::put_avatar, avatar::delete_avatar))
                .layer(DefaultBodyLimit::max(avatar::BODY_LIMIT)),
        )
}

pub fn pages() -> Router<AppState> {
    Router::new()
        .route("/preferences", get(page::preferences_root))
        .route("/preferences/profile", get(page::profile_page))
}
