//! The demo company that `serve --demo` seeds into an empty database, so the product can be tried
//! on a fresh machine without any setup: its users and numbers here, its sample conversations in
//! `inbox.rs` (with files drawn by `files.rs`).

mod canned;
mod files;
mod inbox;
pub mod simulator;

use agentdesk_core::domain::inbox::{AssignmentMode, Availability, NewWhatsAppNumber};
use agentdesk_core::domain::{Email, Invalid, NewUser, PersonName, Role};

use agentdesk_graph_emulator::EmulatorState;

use crate::http::ApiError;
use crate::state::AppState;

/// The simulator page (demo mode only; 404 otherwise).
pub fn pages() -> axum::Router<AppState> {
    axum::Router::new().route("/simulator", axum::routing::get(simulator::simulator_page))
}

/// The app with the Graph API emulator's routes, when demo mode runs it.
pub fn with_emulator(app: axum::Router, emulator: Option<EmulatorState>) -> axum::Router {
    match emulator {
        Some(em) => app.nest("/emulator/graph", agentdesk_graph_emulator::router(em)),
        None => app,
    }
}

pub const COMPANY: &str = "Demo Co";
pub const DEFAULT_PASSWORD: &str = "demo-password-1";
/// The argon2id hash of `DEFAULT_PASSWORD`, so seeding with the default spends no time hashing.
const DEFAULT_PASSWORD_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$XoUN7w34FK2gTb5LHqWx9A$9BWXV5RWckakbseZ36oOjka5w9dzDKy7EXukwX+wcTY";

/// (email, first name, last name, role)
pub const USERS: [(&str, &str, &str, Role); 4] = [
    ("admin@demo.test", "Alex", "Admin", Role::Admin),
    ("agent1@demo.test", "Mia", "Chen", Role::Agent),
    ("agent2@demo.test", "Lucas", "Silva", Role::Agent),
    ("agent3@demo.test", "Sara", "Haddad", Role::Agent),
];

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("demo data is invalid: {0}")]
    Invalid(#[from] Invalid),
    #[error("{0}")]
    Api(#[from] ApiError),
    #[error("{0}")]
    Store(#[from] agentdesk_core::StoreError),
    #[error("{0}")]
    Password(#[from] crate::auth::password::HashError),
    #[error("{0}")]
    Other(String),
}

/// The demo company's WhatsApp numbers: (phone_number_id, display number, name, assignment).
pub const NUMBERS: [(&str, &str, &str, AssignmentMode); 2] = [
    (
        "100000000000001",
        "+1 555 010 0001",
        "Demo Support",
        AssignmentMode::RoundRobin,
    ),
    (
        "100000000000002",
        "+1 555 010 0002",
        "Demo Sales",
        AssignmentMode::Manual,
    ),
];

/// Simulated customers of each demo number: (name, phone).
pub const CUSTOMERS: [(&str, Option<&str>); 3] = [
    ("Ana Souza", Some("5511987654321")),
    ("Budi Santoso", None),
    ("Li Wei", Some("8613800138000")),
];

/// Seeds the demo company when the database has no users; returns whether it did.
pub async fn seed_if_empty(state: &AppState) -> Result<bool, SeedError> {
    if state.store().count_users().await? > 0 {
        return Ok(false);
    }
    // The demo users share a public password; one hash serves them all.
    let password_hash = match &state.config().demo_password {
        Some(custom) => state.passwords().hash(custom.expose()).await?,
        None => DEFAULT_PASSWORD_HASH.to_owned(),
    };
    let mut users = Vec::new();
    let mut company = None;
    for (email, first, last, role) in USERS {
        let new = NewUser {
            company_name: COMPANY.to_owned(),
            email: Email::parse(email)?,
            first_name: PersonName::parse(first)?,
            last_name: PersonName::parse(last)?,
            role,
            locale: None,
            password_hash: password_hash.clone().into(),
        };
        let user = state.store().create_user(&new, state.clock().now()).await?;
        users.push(user.id);
        company = Some(user.company_id);
        if role == Role::Admin {
            for (pnid, display, name, assignment) in NUMBERS {
                let number = NewWhatsAppNumber {
                    company_id: user.company_id,
                    phone_number_id: pnid.to_owned(),
                    display_phone_number: display.to_owned(),
                    name: name.to_owned(),
                    access_token: "demo-access-token".into(),
                    assignment,
                };
                state
                    .store()
                    .create_number(&number, state.clock().now())
                    .await?;
            }
        }
    }
    // Conversations first, while everyone is still offline, so round robin leaves them to the
    // assignments the samples make.
    if let (true, Some(company)) = (state.config().demo_conversations, company) {
        inbox::seed(state, company, &users).await?;
        if let [admin, agent, ..] = users[..] {
            canned::seed(state, company, admin, agent).await?;
        }
    }
    for user in users {
        state
            .store()
            .set_availability(user, Availability::Available)
            .await?;
    }
    Ok(true)
}

/// Tells the Graph emulator about the demo numbers and their simulated customers.
pub async fn prepare_emulator(state: &AppState, emulator: &EmulatorState) -> Result<(), SeedError> {
    for (pnid, display, _, _) in NUMBERS {
        if state
            .store()
            .number_by_phone_number_id(pnid)
            .await?
            .is_none()
        {
            continue;
        }
        emulator.register_number(pnid, display);
        for (name, phone) in CUSTOMERS {
            if let Err(e) = emulator.add_customer(pnid, name, phone, None, Some("BR")) {
                tracing::warn!(error = %e, "cannot add a simulated customer");
            }
        }
    }
    Ok(())
}

/// The sign-in hint printed at start-up in demo mode. The password is shown only when it is the
/// well-known default.
pub fn credentials_hint(state: &AppState) -> String {
    let emails: Vec<&str> = USERS.iter().map(|u| u.0).collect();
    let password = match state.config().demo_password {
        None => format!("password {DEFAULT_PASSWORD}"),
        Some(_) => "the password in AGENTDESK_DEMO_PASSWORD".to_owned(),
    };
    format!("demo: sign in as {} with {password}", emails.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_precomputed_hash_is_the_default_password() {
        let p = crate::auth::password::Passwords::new();
        assert!(
            p.verify(DEFAULT_PASSWORD, Some(DEFAULT_PASSWORD_HASH))
                .await
                .unwrap()
        );
        assert!(
            !p.verify("demo-password-2", Some(DEFAULT_PASSWORD_HASH))
                .await
                .unwrap()
        );
    }
}
