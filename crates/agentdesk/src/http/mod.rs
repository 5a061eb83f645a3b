//! HTTP plumbing shared by every capability: the error type, the request context (language and
//! session), extractors, and the middleware stack (security headers, CSRF, error bodies).

pub mod context;
pub mod cookies;
pub mod error;
pub mod extract;
pub mod middleware;
pub mod multipart;
pub mod openapi;
pub mod page;

pub use context::RequestCtx;
pub use error::ApiError;
pub use extract::{
    AdminPageUser, AdminUser, ApiJson, ApiPath, ApiQuery, ApiUser, PageUser, SetupPageUser,
    SetupUser,
};
