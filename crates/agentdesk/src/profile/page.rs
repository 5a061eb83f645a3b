//! The "Your preference" page. Its left menu lists only the sections that work.

use agentdesk_core::domain::name::MAX_NAME_CHARS;
use askama::Template;
use axum::response::{Redirect, Response};

use crate::http::PageUser;
use crate::http::page::{Nav, Ui, render};
use crate::i18n::Tr;
use crate::shell::locale_options;

pub async fn preferences_root() -> Redirect {
    Redirect::to("/preferences/profile")
}

#[derive(Template)]
#[template(path = "profile/page.html")]
pub struct ProfilePage {
    pub tr: Tr,
    pub ui: Ui,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub role_label: String,
    pub max_name: usize,
    pub locales: Vec<(&'static str, &'static str, bool)>,
}

pub async fn profile_page(PageUser { user, ctx }: PageUser) -> Response {
    let tr = ctx.tr();
    let role_label = tr.t(if user.is_admin() {
        "role-admin"
    } else {
        "role-agent"
    });
    render(&ProfilePage {
        ui: Ui::signed_in(&user, Nav::Preferences),
        first_name: user.first_name.as_str().to_owned(),
        last_name: user.last_name.as_str().to_owned(),
        email: user.email.to_string(),
        role_label,
        max_name: MAX_NAME_CHARS,
        locales: locale_options(ctx.locale),
        tr,
    })
}
