//! The inbox's pages: the inbox itself, Admin › WhatsApp numbers, and (demo mode only) the
//! customer simulator. They render the frame; ES modules under `static/js/` fill them through
//! the JSON API and live events.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::http::page::{Nav, Ui, render};
use crate::http::{ApiError, PageUser};
use crate::i18n::Tr;
use crate::inbox::views::NumberView;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "inbox.html")]
pub struct InboxPage {
    pub tr: Tr,
    pub ui: Ui,
    pub me_id: i64,
    pub first_name: String,
    pub availability: String,
    pub demo: bool,
}

pub async fn inbox_page(
    State(state): State<AppState>,
    PageUser { user, ctx }: PageUser,
) -> Response {
    render(&InboxPage {
        tr: ctx.tr(),
        ui: Ui::signed_in(&user, Nav::Inbox),
        me_id: user.id.0,
        first_name: user.first_name.as_str().to_owned(),
        availability: user.availability.as_str().to_owned(),
        demo: emulator_running(&state),
    })
}

#[derive(Template)]
#[template(path = "admin_numbers.html")]
pub struct NumbersPage {
    pub tr: Tr,
    pub ui: Ui,
    pub numbers: Vec<NumberView>,
}

pub async fn numbers_page(
    State(state): State<AppState>,
    PageUser { user, ctx }: PageUser,
) -> Response {
    if !user.is_admin() {
        return ApiError::Forbidden.into_response();
    }
    match state.store().company_numbers(user.company_id).await {
        Ok(numbers) => render(&NumbersPage {
            tr: ctx.tr(),
            ui: Ui::signed_in(&user, Nav::Numbers),
            numbers: numbers.iter().map(NumberView::of).collect(),
        }),
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "simulator.html")]
pub struct SimulatorPage {
    pub tr: Tr,
    pub ui: Ui,
}

/// The customer simulator: a phone-like page where one plays the demo numbers' customers. Only in
/// demo mode (404 otherwise); it needs no sign-in, like a customer's phone.
pub async fn simulator_page(
    State(state): State<AppState>,
    ctx: crate::http::RequestCtx,
) -> Response {
    if !emulator_running(&state) {
        return ApiError::NotFound.into_response();
    }
    render(&SimulatorPage {
        tr: ctx.tr(),
        ui: Ui::anonymous(),
    })
}

/// The simulator needs the Graph emulator, which demo mode runs unless a real Cloud API base is
/// configured.
fn emulator_running(state: &AppState) -> bool {
    state.config().demo
        && state.config().whatsapp.api_base == crate::config::WhatsAppConfig::default().api_base
}
