//! Admin › Agents page: the company's people, with add, deactivate and reactivate.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::http::page::{Nav, Ui, render};
use crate::http::{AdminPageUser, ApiError};
use crate::i18n::Tr;
use crate::profile::avatar::Initials;
use crate::state::AppState;

pub struct AgentRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role_label: String,
    pub active: bool,
    pub is_me: bool,
    pub initials: Initials,
    pub avatar_thumb: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/agents.html")]
pub struct AgentsPage {
    pub tr: Tr,
    pub ui: Ui,
    pub agents: Vec<AgentRow>,
    pub require_two_factor: bool,
}

pub async fn agents_page(
    State(state): State<AppState>,
    AdminPageUser { user, ctx }: AdminPageUser,
) -> Result<Response, ApiError> {
    let users = state.store().company_users(user.company_id).await?;
    let tr = ctx.tr();
    let agents = users
        .iter()
        .map(|u| AgentRow {
            id: u.id.0,
            name: u.full_name(),
            email: u.email.to_string(),
            role_label: tr.t(if u.is_admin() {
                "role-admin"
            } else {
                "role-agent"
            }),
            active: u.active,
            is_me: u.id == user.id,
            initials: Initials::of(u),
            avatar_thumb: u.avatar.as_ref().map(crate::profile::avatar::thumb_url),
        })
        .collect();
    let require_two_factor = state
        .store()
        .company(user.company_id)
        .await?
        .is_some_and(|c| c.require_two_factor);
    Ok(render(&AgentsPage {
        require_two_factor,
        ui: Ui::signed_in(&user, Nav::Agents),
        agents,
        tr,
    }))
}
