//! The demo's canned responses: a few company presets (one in Arabic) and a personal one of the
//! first agent's, so the "/" picker has something to show on the first "/".

use agentdesk_core::domain::canned::{CannedContent, ShortCode, parse_tags};
use agentdesk_core::domain::{CompanyId, UserId};
use agentdesk_core::store::{CannedScope, NewCannedResponse};

use super::SeedError;
use crate::state::AppState;

/// (short code, content, tags).
const PRESETS: [(&str, &str, &[&str]); 5] = [
    (
        "refund",
        "Hi {{contact.first_name|there}}, refunds reach your card within 5–7 business days after we receive the item.",
        &["Billing", "Refunds"],
    ),
    (
        "shipping",
        "Your order ships within 24 hours, {{contact.first_name|there}}. You will get the tracking link here on WhatsApp.",
        &["Orders"],
    ),
    (
        "hours",
        "We answer Monday to Friday, 9:00–18:00. Outside those hours {{company.name}} replies the next morning.",
        &["General"],
    ),
    (
        "thanks",
        "Thank you for contacting {{company.name}}! Is there anything else I can help with?",
        &["General"],
    ),
    (
        "شكرا",
        "شكرًا لتواصلك مع {{company.name}}! سنرد عليك في أقرب وقت.",
        &["عام"],
    ),
];

const PERSONAL: [(&str, &str, &[&str]); 1] = [(
    "hi",
    "Hello {{contact.first_name|there}} 👋 I'm {{agent.first_name}}. How can I help you today?",
    &["Greeting"],
)];

fn response(code: &str, content: &str, tags: &[&str]) -> Result<NewCannedResponse, SeedError> {
    let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
    Ok(NewCannedResponse {
        short_code: ShortCode::parse(code)?,
        content: CannedContent::parse(content, false)
            .map_err(|e| SeedError::Other(e.to_string()))?,
        tags: parse_tags(&tags)?,
        attachment: None,
    })
}

pub async fn seed(
    state: &AppState,
    company: CompanyId,
    admin: UserId,
    agent: UserId,
) -> Result<(), SeedError> {
    let now = state.clock().now();
    for (code, content, tags) in PRESETS {
        let new = response(code, content, tags)?;
        state
            .store()
            .create_canned_response(company, CannedScope::Company, &new, admin, now)
            .await?;
    }
    for (code, content, tags) in PERSONAL {
        let new = response(code, content, tags)?;
        state
            .store()
            .create_canned_response(company, CannedScope::Personal(agent), &new, agent, now)
            .await?;
    }
    Ok(())
}
