//! What a user may do in their company: admins manage the workspace, agents work conversations.

use super::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Admin,
    Agent,
}

impl Role {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "admin" => Ok(Role::Admin),
            "agent" => Ok(Role::Agent),
            "" => Err(Invalid::Required),
            _ => Err(Invalid::Unsupported),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Agent => "agent",
        }
    }
}
