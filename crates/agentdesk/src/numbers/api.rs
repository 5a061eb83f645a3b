//! Admin › WhatsApp numbers: connect a number (its Cloud API id, display number, name, access
//! token and assignment rule), rename it, change its rule, rotate its token, disconnect it
//! (conversations are kept; connecting the same id again brings it back). The token is stored
//! for the Cloud API client and never shown back.

use agentdesk_core::StoreError;
use agentdesk_core::Timestamp;
use agentdesk_core::domain::inbox::{
    AssignmentMode, NewWhatsAppNumber, NumberId, NumberPatch, WhatsAppNumber,
};
use agentdesk_core::store::Conflict;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::error::{ErrorBody, FieldErrors};
use crate::http::{AdminUser, ApiError, ApiJson, ApiPath, ApiUser};
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewNumberRequest {
    /// Meta's phone number id (digits); inbound webhooks are routed by it.
    #[schema(min_length = 1, max_length = 64, pattern = "^[0-9]+$")]
    pub phone_number_id: String,
    #[schema(
        min_length = 1,
        max_length = 32,
        pattern = r"^\s*[^\s\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub display_phone_number: String,
    #[schema(
        min_length = 1,
        max_length = 80,
        pattern = r"^\s*[^\s\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub name: String,
    /// A Cloud API access token with `whatsapp_business_messaging`; never returned.
    #[schema(
        min_length = 1,
        max_length = 1024,
        pattern = r"^\s*[^\s\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub access_token: String,
    /// Read as text so that a wrong value is reported on its field.
    #[schema(value_type = Assignment)]
    pub assignment: String,
}

/// How new conversations on a number are assigned: `manual` (they stay unassigned until someone
/// takes them) or `round_robin` (each goes to the available agent whose last assignment is
/// oldest). For the OpenAPI document; requests read it as text (`AssignmentMode::parse`).
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum Assignment {
    Manual,
    RoundRobin,
}

fn assignment_field(problems: &mut FieldErrors, raw: &str) -> Option<AssignmentMode> {
    AssignmentMode::parse(raw.trim())
        .inspect_err(|i| {
            problems.insert("assignment".into(), (*i).into());
        })
        .ok()
}

/// What an admin may change of a connected number; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberChange {
    #[schema(
        min_length = 1,
        max_length = 80,
        pattern = r"^\s*[^\s\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub name: Option<String>,
    #[schema(value_type = Option<Assignment>)]
    pub assignment: Option<String>,
    /// A new (rotated) access token; never returned.
    #[schema(
        min_length = 1,
        max_length = 1024,
        pattern = r"^\s*[^\s\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub access_token: Option<String>,
}

fn text_field(problems: &mut FieldErrors, name: &str, value: &str, max: usize) -> String {
    let v = value.trim();
    let problem = if v.is_empty() {
        Some(agentdesk_core::domain::Invalid::Required)
    } else if value.chars().count() > max {
        Some(agentdesk_core::domain::Invalid::TooLong)
    } else if v.chars().any(char::is_control) {
        Some(agentdesk_core::domain::Invalid::Format)
    } else {
        None
    };
    if let Some(p) = problem {
        problems.insert(name.to_owned(), p.into());
    }
    v.to_owned()
}

#[utoipa::path(
    post, path = "/api/v1/admin/whatsapp-numbers", tag = "admin",
    request_body = NewNumberRequest,
    responses(
        (status = 201, description = "Connected (a number this company disconnected before is connected again, with its conversations)", body = NumberView),
        (status = 403, description = "`forbidden` for agents", body = ErrorBody),
        (status = 409, description = "`number_taken`: this phone_number_id is connected already", body = ErrorBody),
        (status = 422, description = "`validation_failed`", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiJson(body): ApiJson<NewNumberRequest>,
) -> Result<(StatusCode, Json<NumberView>), ApiError> {
    let mut problems = FieldErrors::new();
    let phone_number_id = text_field(&mut problems, "phone_number_id", &body.phone_number_id, 64);
    if !problems.contains_key("phone_number_id")
        && !phone_number_id.chars().all(|c| c.is_ascii_digit())
    {
        problems.insert(
            "phone_number_id".into(),
            agentdesk_core::domain::Invalid::Format.into(),
        );
    }
    let display = text_field(
        &mut problems,
        "display_phone_number",
        &body.display_phone_number,
        32,
    );
    let name = text_field(&mut problems, "name", &body.name, 80);
    let token = text_field(&mut problems, "access_token", &body.access_token, 1024);
    let assignment = assignment_field(&mut problems, &body.assignment);
    let (true, Some(assignment)) = (problems.is_empty(), assignment) else {
        return Err(ApiError::Validation(problems));
    };
    let new = NewWhatsAppNumber {
        company_id: admin.company_id,
        phone_number_id,
        display_phone_number: display,
        name,
        access_token: token.into(),
        assignment,
    };
    match state.store().create_number(&new, state.clock().now()).await {
        Ok(n) => {
            tracing::info!(
                admin_id = admin.id.0,
                number_id = n.id.0,
                "WhatsApp number connected"
            );
            Ok((StatusCode::CREATED, Json(NumberView::of(&n))))
        }
        Err(StoreError::Conflict(Conflict::PhoneNumberId)) => Err(ApiError::NumberTaken),
        Err(e) => Err(e.into()),
    }
}

#[utoipa::path(
    get, path = "/api/v1/whatsapp-numbers", tag = "inbox",
    responses((status = 200, description = "The company's numbers (for filters); tokens are never included", body = [NumberView]))
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
) -> Result<Json<Vec<NumberView>>, ApiError> {
    let numbers = state.store().company_numbers(user.company_id).await?;
    Ok(Json(numbers.iter().map(NumberView::of).collect()))
}

#[utoipa::path(
    patch, path = "/api/v1/admin/whatsapp-numbers/{id}", tag = "admin",
    params(("id" = i64, Path)),
    request_body = NumberChange,
    responses(
        (status = 200, description = "The number as changed; a new token clears `token_invalid`", body = NumberView),
        (status = 403, description = "`forbidden` for agents", body = ErrorBody),
        (status = 404, description = "`not_found`: no connected number with this id in the company", body = ErrorBody),
        (status = 422, description = "`validation_failed`", body = ErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NumberChange>,
) -> Result<Json<NumberView>, ApiError> {
    let mut problems = FieldErrors::new();
    let patch = NumberPatch {
        name: body
            .name
            .as_deref()
            .map(|n| text_field(&mut problems, "name", n, 80)),
        assignment: body
            .assignment
            .as_deref()
            .and_then(|a| assignment_field(&mut problems, a)),
        access_token: body
            .access_token
            .as_deref()
            .map(|t| text_field(&mut problems, "access_token", t, 1024).into()),
    };
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let number = state
        .store()
        .update_number(admin.company_id, NumberId(id), &patch)
        .await?
        .ok_or(ApiError::NotFound)?;
    tracing::info!(
        admin_id = admin.id.0,
        number_id = number.id.0,
        token_rotated = patch.access_token.is_some(),
        "WhatsApp number changed"
    );
    Ok(Json(NumberView::of(&number)))
}

#[utoipa::path(
    delete, path = "/api/v1/admin/whatsapp-numbers/{id}", tag = "admin",
    params(("id" = i64, Path)),
    responses(
        (status = 204, description = "Disconnected: its token is forgotten, webhooks for it are ignored, nothing more is sent on it; its conversations stay readable"),
        (status = 403, description = "`forbidden` for agents", body = ErrorBody),
        (status = 404, description = "`not_found`: no connected number with this id in the company", body = ErrorBody),
    )
)]
pub async fn disconnect(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    let number = state
        .store()
        .disconnect_number(admin.company_id, NumberId(id), state.clock().now())
        .await?
        .ok_or(ApiError::NotFound)?;
    tracing::info!(
        admin_id = admin.id.0,
        number_id = number.id.0,
        "WhatsApp number disconnected"
    );
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NumberView {
    pub id: i64,
    pub phone_number_id: String,
    pub display_phone_number: String,
    pub name: String,
    /// `manual` or `round_robin`.
    pub assignment: String,
    /// True when the Cloud API rejected the access token: an admin must replace it.
    pub token_invalid: bool,
    /// When an admin disconnected the number (its conversations are kept); null while connected.
    pub disconnected_at: Option<String>,
    pub created_at: String,
}

impl NumberView {
    pub fn of(n: &WhatsAppNumber) -> Self {
        Self {
            id: n.id.0,
            phone_number_id: n.phone_number_id.clone(),
            display_phone_number: n.display_phone_number.clone(),
            name: n.name.clone(),
            assignment: n.assignment.as_str().to_owned(),
            token_invalid: n.token_invalid_at.is_some(),
            disconnected_at: n.disconnected_at.map(Timestamp::to_rfc3339),
            created_at: n.created_at.to_rfc3339(),
        }
    }
}
