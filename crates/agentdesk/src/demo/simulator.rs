//! The customer simulator page.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::http::ApiError;
use crate::http::page::{Ui, render};
use crate::i18n::Tr;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "demo/simulator.html")]
pub struct SimulatorPage {
    pub tr: Tr,
    pub ui: Ui,
}

/// The customer simulator: a phone-like page where one plays the demo numbers' customers. Only in
/// demo mode (404 otherwise); it needs no sign-in, like a customer's phone.
pub async fn simulator_page(
    State(state): State<AppState>,
    ctx: crate::http::RequestCtx,
) -> Result<Response, ApiError> {
    if !emulator_running(&state) {
        return Err(ApiError::NotFound);
    }
    Ok(render(&SimulatorPage {
        tr: ctx.tr(),
        ui: Ui::anonymous(),
    }))
}

/// The simulator needs the Graph emulator, which demo mode runs unless a real Cloud API base is
/// configured.
pub fn emulator_running(state: &AppState) -> bool {
    state.config().demo
        && state.config().whatsapp.api_base == crate::config::WhatsAppConfig::default().api_base
}
