//! Admin › Numbers: the company's WhatsApp numbers, connected, edited and disconnected through
//! the API by `static/js/numbers/numbers.js`.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::api::NumberView;
use crate::http::page::{Nav, Ui, render};
use crate::http::{AdminPageUser, ApiError};
use crate::i18n::Tr;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "numbers/page.html")]
pub struct NumbersPage {
    pub tr: Tr,
    pub ui: Ui,
    pub numbers: Vec<NumberView>,
}

pub async fn numbers_page(
    State(state): State<AppState>,
    AdminPageUser { user, ctx }: AdminPageUser,
) -> Result<Response, ApiError> {
    let numbers = state.store().company_numbers(user.company_id).await?;
    Ok(render(&NumbersPage {
        tr: ctx.tr(),
        ui: Ui::signed_in(&user, Nav::Numbers),
        numbers: numbers.iter().map(NumberView::of).collect(),
    }))
}
