//! The app shell: the sign-in page and `/` (the inbox itself lives in `crate::inbox`).

use agentdesk_core::domain::Locale;
use askama::Template;
use axum::Router;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::http::RequestCtx;
use crate::http::page::{Ui, render};
use crate::i18n::Tr;
use crate::state::AppState;

pub fn pages() -> Router<AppState> {
    Router::new()
        .route("/", get(root))
        .route("/login", get(login_page))
}

pub async fn root(ctx: RequestCtx) -> Redirect {
    if ctx.session.is_some() {
        Redirect::to("/inbox")
    } else {
        Redirect::to("/login")
    }
}

#[derive(Template)]
#[template(path = "shell/login.html")]
pub struct LoginPage {
    pub tr: Tr,
    pub ui: Ui,
    pub locales: Vec<(&'static str, &'static str, bool)>,
}

pub fn locale_options(current: Locale) -> Vec<(&'static str, &'static str, bool)> {
    Locale::ALL
        .iter()
        .map(|l| (l.tag(), l.native_name(), *l == current))
        .collect()
}

pub async fn login_page(ctx: RequestCtx) -> Response {
    if ctx
        .session
        .as_ref()
        .is_some_and(|(s, _)| s.kind == agentdesk_core::store::SessionKind::Full)
    {
        return Redirect::to("/inbox").into_response();
    }
    render(&LoginPage {
        tr: ctx.tr(),
        ui: Ui::anonymous(),
        locales: locale_options(ctx.locale),
    })
}
