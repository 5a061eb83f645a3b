//! The team as an agent sees it: colleagues (for the transfer list) and one's own availability,
//! which decides who receives round-robin conversations.

use agentdesk_core::domain::inbox::Availability;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiJson, ApiUser};
use crate::profile::avatar::Initials;
use crate::state::AppState;

pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(set_availability))
        .routes(routes!(colleagues))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityRequest {
    #[schema(value_type = crate::http::openapi::vocabulary::AvailabilityName)]
    pub availability: String,
}

#[utoipa::path(
    put, path = "/api/v1/me/availability", tag = "inbox", request_body = AvailabilityRequest,
    responses((status = 204, description = "Saved; only available agents receive round-robin conversations"), (status = 422, body = ErrorBody))
)]
pub async fn set_availability(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiJson(body): ApiJson<AvailabilityRequest>,
) -> Result<StatusCode, ApiError> {
    let a = Availability::parse(body.availability.trim())
        .map_err(|i| ApiError::field("availability", i))?;
    state.store().set_availability(user.id, a).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ColleagueView {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    /// `admin` or `agent`.
    pub role: String,
    /// `available`, `away` or `offline`.
    pub availability: String,
    pub avatar_url: Option<String>,
    /// 96×96, for the list itself; `avatar_url` for a larger view.
    pub avatar_thumb_url: Option<String>,
    pub initials: String,
    pub avatar_color: u8,
}

#[utoipa::path(get, path = "/api/v1/agents", tag = "inbox", responses((status = 200, description = "Active people of the company, for the transfer list", body = [ColleagueView])))]
pub async fn colleagues(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
) -> Result<Json<Vec<ColleagueView>>, ApiError> {
    let users = state.store().company_users(user.company_id).await?;
    Ok(Json(
        users
            .iter()
            .filter(|u| u.active)
            .map(|u| {
                let initials = Initials::of(u);
                ColleagueView {
                    id: u.id.0,
                    first_name: u.first_name.as_str().to_owned(),
                    last_name: u.last_name.as_str().to_owned(),
                    role: u.role.as_str().to_owned(),
                    availability: u.availability.as_str().to_owned(),
                    avatar_url: u.avatar.as_ref().map(crate::profile::avatar::url),
                    avatar_thumb_url: u.avatar.as_ref().map(crate::profile::avatar::thumb_url),
                    initials: initials.letters,
                    avatar_color: initials.colour,
                }
            })
            .collect(),
    ))
}
