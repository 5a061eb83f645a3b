//! The two pages of canned responses: Your preference › Canned responses (the agent's own, with
//! the company presets in a drawer) and Admin › Canned responses (the presets). Both render the
//! frame; the list, search, filters and the editor are `js/canned/page.js`, on the JSON API.

use agentdesk_core::domain::canned::{CAPTION_MAX_CHARS, CONTENT_MAX_CHARS, PLACEHOLDERS};
use askama::Template;
use axum::response::Response;

use crate::http::page::{Nav, Ui, render};
use crate::http::{AdminPageUser, PageUser};
use crate::i18n::Tr;

/// One entry of the editor's "Insert variable" menu.
pub struct Variable {
    pub token: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "canned/page.html")]
pub struct CannedPage {
    pub tr: Tr,
    pub ui: Ui,
    /// Admin › Canned responses (the presets), or the agent's own page.
    pub admin: bool,
    pub variables: Vec<Variable>,
    pub content_max: usize,
    pub caption_max: usize,
}

fn page(tr: Tr, ui: Ui, admin: bool) -> Response {
    let variables = PLACEHOLDERS
        .iter()
        .map(|p| Variable {
            token: format!("{{{{{p}}}}}"),
            label: tr.t(&format!("canned-var-{}", p.replace(['.', '_'], "-"))),
        })
        .collect();
    render(&CannedPage {
        tr,
        ui,
        admin,
        variables,
        content_max: CONTENT_MAX_CHARS,
        caption_max: CAPTION_MAX_CHARS,
    })
}

pub async fn personal_page(PageUser { user, ctx }: PageUser) -> Response {
    page(ctx.tr(), Ui::signed_in(&user, Nav::Preferences), false)
}

pub async fn admin_page(AdminPageUser { user, ctx }: AdminPageUser) -> Response {
    page(ctx.tr(), Ui::signed_in(&user, Nav::CannedPresets), true)
}
