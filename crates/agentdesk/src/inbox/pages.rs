//! The inbox's pages: the inbox itself, Admin › WhatsApp numbers, and (demo mode only) the
//! customer simulator. They render the frame; ES modules under `static/js/` fill them through
//! the JSON API and live events.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::http::PageUser;
use crate::http::page::{Nav, Ui, render};
use crate::i18n::Tr;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "inbox/page.html")]
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
        demo: crate::demo::simulator::emulator_running(&state),
    })
}
