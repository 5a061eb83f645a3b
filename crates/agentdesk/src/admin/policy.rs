//! `GET/PUT /api/v1/admin/security`: the company's security policy. With `require_two_factor`,
//! every user without a second factor is sent to set one up right after their password and can do
//! nothing else until done; nobody can turn theirs off.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::http::error::ErrorBody;
use crate::http::{AdminUser, ApiError, ApiJson};
use crate::state::AppState;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityPolicy {
    pub require_two_factor: bool,
}

#[utoipa::path(
    get, path = "/api/v1/admin/security", tag = "admin",
    responses((status = 200, body = SecurityPolicy), (status = 403, description = "`forbidden` for agents", body = ErrorBody))
)]
pub async fn get_policy(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
) -> Result<Json<SecurityPolicy>, ApiError> {
    let company = state
        .store()
        .company(admin.company_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(SecurityPolicy {
        require_two_factor: company.require_two_factor,
    }))
}

#[utoipa::path(
    put, path = "/api/v1/admin/security", tag = "admin",
    request_body = SecurityPolicy,
    responses((status = 200, body = SecurityPolicy), (status = 403, description = "`forbidden` for agents", body = ErrorBody))
)]
pub async fn put_policy(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiJson(body): ApiJson<SecurityPolicy>,
) -> Result<Json<SecurityPolicy>, ApiError> {
    let company = state
        .store()
        .set_require_two_factor(admin.company_id, body.require_two_factor)
        .await?
        .ok_or(ApiError::NotFound)?;
    tracing::info!(
        company_id = company.id.0,
        require_two_factor = company.require_two_factor,
        "security policy changed"
    );
    Ok(Json(SecurityPolicy {
        require_two_factor: company.require_two_factor,
    }))
}
