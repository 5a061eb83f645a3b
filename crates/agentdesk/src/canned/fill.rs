//! The values placeholders are filled with for one conversation: the contact's name and phone,
//! the agent's name, the WhatsApp number's name and the company's. Filling is plain substitution
//! (`canned::render`); a value that is missing leaves the placeholder's fallback, or nothing.

use agentdesk_core::domain::User;
use agentdesk_core::domain::canned;
use agentdesk_core::domain::inbox::Conversation;

use crate::http::ApiError;
use crate::state::AppState;

#[derive(Debug, Clone, Default)]
pub struct Values {
    contact_name: Option<String>,
    contact_phone: Option<String>,
    agent_name: String,
    agent_first_name: String,
    number_name: Option<String>,
    company_name: Option<String>,
}

impl Values {
    pub async fn for_conversation(
        state: &AppState,
        agent: &User,
        c: &Conversation,
    ) -> Result<Self, ApiError> {
        let number = state.store().number(c.company_id, c.number_id).await?;
        let company = state.store().company(c.company_id).await?;
        Ok(Values {
            contact_name: c.contact.name.clone(),
            contact_phone: c.contact.phone.as_ref().map(|p| {
                if p.starts_with('+') {
                    p.clone()
                } else {
                    format!("+{p}")
                }
            }),
            agent_name: agent.full_name(),
            agent_first_name: agent.first_name.as_str().to_owned(),
            number_name: number.map(|n| n.name),
            company_name: company.map(|c| c.name),
        })
    }

    /// The value of one placeholder of `canned::PLACEHOLDERS`.
    pub fn value(&self, name: &str) -> Option<String> {
        match name {
            "contact.name" => self.contact_name.clone(),
            "contact.first_name" => self
                .contact_name
                .as_deref()
                .and_then(|n| n.split_whitespace().next())
                .map(str::to_owned),
            "contact.phone" => self.contact_phone.clone(),
            "agent.name" => Some(self.agent_name.clone()),
            "agent.first_name" => Some(self.agent_first_name.clone()),
            "number.name" => self.number_name.clone(),
            "company.name" => self.company_name.clone(),
            _ => None,
        }
    }

    pub fn render(&self, content: &str) -> String {
        canned::render(content, |name| self.value(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_placeholder_has_its_value_and_missing_ones_fall_back() {
        let v = Values {
            contact_name: Some("María José Pérez".into()),
            contact_phone: Some("+34600111222".into()),
            agent_name: "Ana Ruiz".into(),
            agent_first_name: "Ana".into(),
            number_name: Some("Support".into()),
            company_name: Some("Acme".into()),
        };
        for name in canned::PLACEHOLDERS {
            assert!(v.value(name).is_some(), "{name} has a value");
        }
        assert_eq!(
            v.render("Hi {{contact.first_name}} ({{contact.phone}}), {{agent.first_name}} of {{company.name}} / {{number.name}}: {{contact.name}}, {{agent.name}}"),
            "Hi María (+34600111222), Ana of Acme / Support: María José Pérez, Ana Ruiz"
        );
        let unknown_contact = Values {
            contact_name: None,
            ..v
        };
        assert_eq!(
            unknown_contact.render("Hi {{contact.first_name|there}}, {{contact.name}}!"),
            "Hi there, !"
        );
    }
}
