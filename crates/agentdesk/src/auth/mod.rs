//! Signing in and staying signed in: password hashing and policy, login throttling, server-side
//! sessions, and the login/logout endpoints.

pub mod device;
pub mod login;
pub mod password;
pub mod session;
pub mod throttle;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Signing in (password, then the second step) and out.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login::login))
        .routes(routes!(login::logout))
        .routes(routes!(login::otp))
        .routes(routes!(login::resend))
}
