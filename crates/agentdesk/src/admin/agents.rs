//! The agents API under `/api/v1/admin/agents`.

use crate::http::ApiPath;
use agentdesk_core::domain::{Email, Invalid, NewUser, PersonName, Role, User, UserId};
use agentdesk_core::store::{Conflict, StoreError};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::password;
use crate::http::error::{ErrorBody, FieldErrors};
use crate::http::{AdminUser, ApiError, ApiJson};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct AgentView {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    /// `admin` or `agent`.
    pub role: String,
    pub active: bool,
    pub avatar_url: Option<String>,
    pub avatar_thumb_url: Option<String>,
    /// RFC 3339.
    pub created_at: String,
}

impl AgentView {
    pub fn of(u: &User) -> Self {
        Self {
            id: u.id.0,
            email: u.email.to_string(),
            first_name: u.first_name.as_str().to_owned(),
            last_name: u.last_name.as_str().to_owned(),
            role: u.role.as_str().to_owned(),
            active: u.active,
            avatar_url: u.avatar.as_ref().map(crate::profile::avatar::url),
            avatar_thumb_url: u.avatar.as_ref().map(crate::profile::avatar::thumb_url),
            created_at: u.created_at.to_rfc3339(),
        }
    }
}

#[utoipa::path(
    get, path = "/api/v1/admin/agents", tag = "admin",
    responses((status = 200, body = [AgentView]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody))
)]
pub async fn list(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
) -> Result<Json<Vec<AgentView>>, ApiError> {
    let users = state.store().company_users(admin.company_id).await?;
    Ok(Json(users.iter().map(AgentView::of).collect()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAgentRequest {
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[schema(
        min_length = 1,
        max_length = 50,
        pattern = r"^\s*[^\s\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub first_name: String,
    #[schema(
        min_length = 1,
        max_length = 50,
        pattern = r"^\s*[^\s\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub last_name: String,
    #[schema(value_type = crate::http::openapi::vocabulary::RoleName)]
    pub role: String,
    /// The initial password (8–128 characters, not a common one).
    #[schema(min_length = 8, max_length = 128)]
    pub password: String,
}

#[utoipa::path(
    post, path = "/api/v1/admin/agents", tag = "admin",
    request_body = NewAgentRequest,
    responses(
        (status = 201, body = AgentView),
        (status = 403, description = "`forbidden` for agents", body = ErrorBody),
        (status = 409, description = "`email_taken`", body = ErrorBody),
        (status = 422, description = "`validation_failed` or `weak_password`", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiJson(body): ApiJson<NewAgentRequest>,
) -> Result<(StatusCode, Json<AgentView>), ApiError> {
    let mut problems = FieldErrors::new();
    let mut note = |field: &str, r: Result<(), Invalid>| {
        if let Err(i) = r {
            problems.insert(field.to_owned(), i.into());
        }
    };
    let (mut email, mut first, mut last, mut role) = (None, None, None, None);
    note("email", Email::parse(&body.email).map(|v| email = Some(v)));
    note(
        "first_name",
        PersonName::parse(&body.first_name).map(|v| first = Some(v)),
    );
    note(
        "last_name",
        PersonName::parse(&body.last_name).map(|v| last = Some(v)),
    );
    note("role", Role::parse(&body.role).map(|v| role = Some(v)));
    // The password is judged in the same round as the other fields, against whatever personal
    // data parsed, so the admin sees every problem at once.
    let personal: Vec<&str> = [
        email.as_ref().map(Email::as_str),
        email.as_ref().map(Email::local_part),
        first.as_ref().map(PersonName::as_str),
        last.as_ref().map(PersonName::as_str),
    ]
    .into_iter()
    .flatten()
    .collect();
    let weak = password::check_new("password", &body.password, &personal)
        .err()
        .map(|w| w.weakness.problem());
    let (Some(email), Some(first_name), Some(last_name), Some(role), None) =
        (email, first, last, role, weak.clone())
    else {
        return Err(match weak {
            Some(problem) if problems.is_empty() => ApiError::WeakPassword {
                field: "password",
                problem,
            },
            Some(problem) => {
                problems.insert("password".to_owned(), problem);
                ApiError::Validation(problems)
            }
            None => ApiError::Validation(problems),
        });
    };
    let company = state
        .store()
        .company(admin.company_id)
        .await?
        .ok_or(ApiError::Forbidden)?;
    let password_hash = state.passwords().hash(&body.password).await?;
    let new = NewUser {
        company_name: company.name,
        email,
        first_name,
        last_name,
        role,
        locale: None,
        password_hash: password_hash.into(),
    };
    let user = match state.store().create_user(&new, state.clock().now()).await {
        Err(StoreError::Conflict(Conflict::Email)) => return Err(ApiError::EmailTaken),
        other => other?,
    };
    tracing::info!(admin_id = admin.id.0, user_id = user.id.0, "user created");
    Ok((StatusCode::CREATED, Json(AgentView::of(&user))))
}

async fn set_active(
    state: &AppState,
    admin: &User,
    id: i64,
    active: bool,
) -> Result<Json<AgentView>, ApiError> {
    if id == admin.id.0 && !active {
        return Err(ApiError::CannotDeactivateSelf);
    }
    let user = state
        .store()
        .set_user_active(admin.company_id, UserId(id), active, state.clock().now())
        .await?
        .ok_or(ApiError::NotFound)?;
    tracing::info!(
        admin_id = admin.id.0,
        user_id = id,
        active,
        "user activation changed"
    );
    Ok(Json(AgentView::of(&user)))
}

#[utoipa::path(
    post, path = "/api/v1/admin/agents/{id}/deactivate", tag = "admin",
    params(("id" = i64, Path, description = "User id")),
    responses(
        (status = 200, description = "Deactivated; every session of the user has ended", body = AgentView),
        (status = 404, description = "No such user in the admin's company", body = ErrorBody),
        (status = 409, description = "`cannot_deactivate_self`: an admin cannot deactivate themselves", body = ErrorBody),
    )
)]
pub async fn deactivate(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<AgentView>, ApiError> {
    set_active(&state, &admin, id, false).await
}

#[utoipa::path(
    post, path = "/api/v1/admin/agents/{id}/reactivate", tag = "admin",
    params(("id" = i64, Path, description = "User id")),
    responses((status = 200, body = AgentView), (status = 404, body = ErrorBody))
)]
pub async fn reactivate(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<AgentView>, ApiError> {
    set_active(&state, &admin, id, true).await
}
