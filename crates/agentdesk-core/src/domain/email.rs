//! An email address as a login identity: trimmed, at most 254 characters, one `@` with a
//! non-empty local part and a domain; compared case-insensitively.

use super::Invalid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.chars().count() > 254 {
            return Err(Invalid::TooLong);
        }
        let (local, domain) = s.split_once('@').ok_or(Invalid::Format)?;
        let ok_chars = |p: &str| {
            !p.chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '@')
        };
        let domain_ok = !domain.is_empty()
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .split('.')
                .all(|label| !label.is_empty() && !label.starts_with('-'));
        if local.is_empty()
            || local.chars().count() > 64
            || !ok_chars(local)
            || !ok_chars(domain)
            || !domain_ok
        {
            return Err(Invalid::Format);
        }
        Ok(Self(s.to_owned()))
    }

    /// The address as the user typed it (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form uniqueness and look-ups use: lower case.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }

    /// The part before the `@`, for password rules that forbid containing it.
    pub fn local_part(&self) -> &str {
        self.0.split('@').next().unwrap_or_default()
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_trims() {
        let e = Email::parse("  Agent1@Demo.Test ").unwrap();
        assert_eq!(e.as_str(), "Agent1@Demo.Test");
        assert_eq!(e.normalized(), "agent1@demo.test");
        assert_eq!(e.local_part(), "Agent1");
    }

    #[test]
    fn refuses_malformed_addresses() {
        assert_eq!(Email::parse(""), Err(Invalid::Required));
        for bad in [
            "no-at",
            "@demo.test",
            "a@",
            "a@@b.c",
            "a b@c.d",
            "a@.c",
            "a@c.",
            "a@b..c",
        ] {
            assert_eq!(Email::parse(bad), Err(Invalid::Format), "{bad}");
        }
        let long = format!("{}@d.test", "a".repeat(300));
        assert_eq!(Email::parse(&long), Err(Invalid::TooLong));
    }
}
