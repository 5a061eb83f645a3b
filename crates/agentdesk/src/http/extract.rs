//! Extractors: a JSON body whose rejections use the API error format, and the signed-in user for
//! API calls (401 otherwise), for pages (redirect to sign-in otherwise) and for admins (403).

use agentdesk_core::domain::User;
use agentdesk_core::store::{Session, SessionKind};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;

use super::{ApiError, RequestCtx};

impl<S: Send + Sync> FromRequestParts<S> for RequestCtx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<RequestCtx>()
            .cloned()
            .unwrap_or_else(|| RequestCtx::anonymous(Default::default())))
    }
}

/// `axum::Json` with rejections turned into `ApiError` (415 without a JSON content type, 400 for
/// broken JSON, 422 for unknown or ill-typed fields, 413 past the body limit).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(value) = axum::Json::<T>::from_request(req, state).await?;
        Ok(ApiJson(value))
    }
}

/// `axum::extract::Query` with rejections in the API error format: a query the handler's
/// parameters cannot hold (an unknown `view`, a `limit` that is not a number) is 422
/// `validation_failed`, like a body field would be.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(e) => Err(ApiError::BodyMismatch(e.body_text())),
        }
    }
}

/// `axum::extract::Path` whose rejection is 404: `/conversations/abc` or an id beyond what any
/// record can have names nothing, and says so the same way a missing record does.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(_) => Err(ApiError::NotFound),
        }
    }
}

fn full_session(parts: &Parts) -> Option<(Session, User)> {
    parts
        .extensions
        .get::<RequestCtx>()
        .and_then(|c| c.session.clone())
        .filter(|(s, _)| s.kind == SessionKind::Full)
}

/// The signed-in user of an API call. A half-signed-in session (password given, second factor
/// pending) does not count.
pub struct ApiUser {
    pub user: User,
    pub session: Session,
}

impl<S: Send + Sync> FromRequestParts<S> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        full_session(parts)
            .map(|(session, user)| ApiUser { user, session })
            .ok_or(ApiError::Unauthenticated)
    }
}

fn session_of_kind(parts: &Parts, kinds: &[SessionKind]) -> Option<(Session, User)> {
    parts
        .extensions
        .get::<RequestCtx>()
        .and_then(|c| c.session.clone())
        .filter(|(s, _)| kinds.contains(&s.kind))
}

/// The user of an API call that also serves a user who must first set up a second factor (the
/// company requires one): reading the profile, phone and two-factor endpoints only.
pub struct SetupUser {
    pub user: User,
    pub session: Session,
}

impl<S: Send + Sync> FromRequestParts<S> for SetupUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        session_of_kind(parts, &[SessionKind::Full, SessionKind::SetupSecondFactor])
            .map(|(session, user)| SetupUser { user, session })
            .ok_or(ApiError::Unauthenticated)
    }
}

/// An admin making an API call.
pub struct AdminUser(pub User);

impl<S: Send + Sync> FromRequestParts<S> for AdminUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ApiUser { user, .. } = ApiUser::from_request_parts(parts, state).await?;
        if user.is_admin() {
            Ok(AdminUser(user))
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// The signed-in user of a page; anyone else is sent to the sign-in page.
pub struct PageUser {
    pub user: User,
    pub ctx: RequestCtx,
}

impl<S: Send + Sync> FromRequestParts<S> for PageUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ctx = parts.extensions.get::<RequestCtx>().cloned();
        match (full_session(parts), ctx) {
            (Some((_, user)), Some(ctx)) => Ok(PageUser { user, ctx }),
            _ if session_of_kind(parts, &[SessionKind::SetupSecondFactor]).is_some() => {
                Err(Redirect::to("/preferences/security").into_response())
            }
            _ => Err(Redirect::to("/login").into_response()),
        }
    }
}

/// The signed-in admin of an admin page: others are sent to sign in, agents get the 403 page.
pub struct AdminPageUser {
    pub user: User,
    pub ctx: RequestCtx,
}

impl<S: Send + Sync> FromRequestParts<S> for AdminPageUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let PageUser { user, ctx } = PageUser::from_request_parts(parts, state).await?;
        if user.is_admin() {
            Ok(AdminPageUser { user, ctx })
        } else {
            Err(ApiError::Forbidden.into_response())
        }
    }
}

/// The Security page: also open to a user who must set up a second factor first.
pub struct SetupPageUser {
    pub user: User,
    pub ctx: RequestCtx,
    /// True while the user still has to set up a second factor.
    pub setup: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for SetupPageUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ctx = parts.extensions.get::<RequestCtx>().cloned();
        match (
            session_of_kind(parts, &[SessionKind::Full, SessionKind::SetupSecondFactor]),
            ctx,
        ) {
            (Some((session, user)), Some(ctx)) => Ok(SetupPageUser {
                user,
                ctx,
                setup: session.kind == SessionKind::SetupSecondFactor,
            }),
            _ => Err(Redirect::to("/login").into_response()),
        }
    }
}
