//! Admin › WhatsApp numbers: connect a number (its Cloud API id, display number, name, access
//! token and assignment rule). The token is stored for the Cloud API client and never shown back.

use agentdesk_core::StoreError;
use agentdesk_core::domain::inbox::{AssignmentMode, NewWhatsAppNumber};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;

use super::views::NumberView;
use crate::http::error::{ErrorBody, FieldErrors, FieldProblem};
use crate::http::{AdminUser, ApiError, ApiJson, ApiUser};
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewNumberRequest {
    /// Meta's phone number id (digits); inbound webhooks are routed by it.
    pub phone_number_id: String,
    pub display_phone_number: String,
    pub name: String,
    /// A Cloud API access token with `whatsapp_business_messaging`; never returned.
    pub access_token: String,
    /// `manual` or `round_robin`.
    pub assignment: String,
}

fn text_field(problems: &mut FieldErrors, name: &str, value: &str, max: usize) -> String {
    let v = value.trim();
    let problem = if v.is_empty() {
        Some(agentdesk_core::domain::Invalid::Required)
    } else if v.chars().count() > max {
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
        (status = 201, body = NumberView),
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
    let assignment = AssignmentMode::parse(body.assignment.trim());
    if let Err(i) = assignment {
        problems.insert("assignment".into(), FieldProblem::from(i));
    }
    let Ok(assignment) = assignment else {
        return Err(ApiError::Validation(problems));
    };
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let new = NewWhatsAppNumber {
        company_id: admin.company_id,
        phone_number_id,
        display_phone_number: display,
        name,
        access_token: token,
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
        Err(StoreError::Conflict) => Err(ApiError::NumberTaken),
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
