//! Rendering server-side pages: the `Ui` every page template gets (asset URLs, the signed-in user
//! for the sidebar) and the HTML error page.

use agentdesk_core::domain::User;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::ApiError;
use crate::assets;
use crate::i18n::Tr;
use crate::profile::avatar::Initials;

/// Sidebar entries, to mark the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    None,
    Inbox,
    Agents,
    Numbers,
    Preferences,
    CannedPresets,
}

/// What the layout needs besides the translator.
#[derive(Debug, Clone)]
pub struct Ui {
    pub user: Option<ShellUser>,
    pub nav: Nav,
}

#[derive(Debug, Clone)]
pub struct ShellUser {
    pub full_name: String,
    pub email: String,
    pub is_admin: bool,
    pub initials: Initials,
    /// 96×96 and 640×640 picture URLs, when the user has one.
    pub avatar_thumb: Option<String>,
    pub avatar_full: Option<String>,
}

impl Ui {
    pub fn anonymous() -> Self {
        Self {
            user: None,
            nav: Nav::None,
        }
    }

    pub fn signed_in(user: &User, nav: Nav) -> Self {
        Self {
            user: Some(ShellUser {
                full_name: user.full_name(),
                email: user.email.to_string(),
                is_admin: user.is_admin(),
                initials: Initials::of(user),
                avatar_thumb: user.avatar.as_ref().map(crate::profile::avatar::thumb_url),
                avatar_full: user.avatar.as_ref().map(crate::profile::avatar::url),
            }),
            nav,
        }
    }

    pub fn asset(&self, path: &str) -> String {
        assets::url(path)
    }

    /// The modules `entry` imports, directly or not, for `<link rel="modulepreload">`, so the
    /// browser fetches them at once instead of one import level after another.
    pub fn preloads(&self, entry: &str) -> Vec<String> {
        assets::module_imports(entry)
    }

    pub fn is(&self, nav: Nav) -> bool {
        self.nav == nav
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.is_admin)
    }
}

/// Renders a page template; a template error becomes a logged 500.
pub fn render(page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => ApiError::internal(format!("template: {e}")).into_response(),
    }
}

#[derive(Template)]
#[template(path = "layout/error.html")]
struct ErrorPage<'a> {
    tr: &'a Tr,
    ui: Ui,
    status: u16,
    title: String,
    message: &'a str,
}

pub fn render_error_page(tr: &Tr, status: StatusCode, message: &str) -> String {
    let title = match status {
        StatusCode::NOT_FOUND => tr.t("error-page-not-found-title"),
        StatusCode::FORBIDDEN => tr.t("error-page-forbidden-title"),
        s if s.is_server_error() => tr.t("error-page-server-title"),
        _ => tr.t("error-page-generic-title"),
    };
    let page = ErrorPage {
        tr,
        ui: Ui::anonymous(),
        status: status.as_u16(),
        title,
        message,
    };
    page.render().unwrap_or_else(|_| message.to_owned())
}
