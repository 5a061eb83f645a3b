//! How a user looks to colleagues. Without an uploaded picture: their initials on one of eight
//! colours derived from the name, so the same person always gets the same colour.

use agentdesk_core::domain::User;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initials {
    pub letters: String,
    /// 0–7, selects the CSS class `avatar--c{n}`.
    pub colour: u8,
}

impl Initials {
    pub fn of(user: &User) -> Self {
        Self::from_names(user.first_name.as_str(), user.last_name.as_str())
    }

    pub fn from_names(first: &str, last: &str) -> Self {
        let letters: String = [first, last]
            .iter()
            .filter_map(|n| n.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        // FNV-1a: stable across releases and platforms, unlike the std hasher.
        let hash = format!("{first} {last}")
            .bytes()
            .fold(0x811c_9dc5_u32, |h, b| {
                (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
            });
        Self {
            letters,
            // FNV-1a mixes its low bits poorly; fold the high half in before taking three bits.
            colour: ((hash ^ (hash >> 16)) % 8) as u8,
        }
    }

    pub fn class(&self) -> String {
        format!("avatar--c{}", self.colour)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_stable_and_handle_any_script() {
        let a = Initials::from_names("ada", "Lovelace");
        assert_eq!(a.letters, "AL");
        assert_eq!(a, Initials::from_names("ada", "Lovelace"));
        assert_eq!(Initials::from_names("明", "李").letters, "明李");
        assert!(a.colour < 8);
        // Different people mostly get different colours.
        let demo = [
            ("Alex", "Admin"),
            ("Mia", "Chen"),
            ("Lucas", "Silva"),
            ("Sara", "Haddad"),
            ("Nora", "Lee"),
            ("Omar", "Haddad"),
        ];
        let colours: std::collections::BTreeSet<u8> = demo
            .iter()
            .map(|(f, l)| Initials::from_names(f, l).colour)
            .collect();
        assert!(colours.len() >= 4, "{colours:?}");
    }
}
