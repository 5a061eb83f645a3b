//! A first or last name: without the characters that reorder or hide text (`text::clean`),
//! trimmed, not empty, at most 50 characters as sent (counted in Unicode scalar values, not
//! bytes), no control characters.

use super::Invalid;

pub const MAX_NAME_CHARS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let cleaned = super::text::clean(raw);
        let s = cleaned.trim();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        // The limit counts what was sent (as the API document's `maxLength` does): spaces and
        // invisible characters around a name count too.
        if raw.chars().count() > MAX_NAME_CHARS {
            return Err(Invalid::TooLong);
        }
        if s.chars().any(char::is_control) {
            return Err(Invalid::Format);
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        let fifty_han = "张".repeat(50);
        assert!(PersonName::parse(&fifty_han).is_ok());
        assert_eq!(PersonName::parse(&"张".repeat(51)), Err(Invalid::TooLong));
    }

    #[test]
    fn trims_and_requires_content() {
        assert_eq!(PersonName::parse("  Ada ").unwrap().as_str(), "Ada");
        assert_eq!(PersonName::parse("   "), Err(Invalid::Required));
        assert_eq!(PersonName::parse("a\u{0007}b"), Err(Invalid::Format));
    }

    #[test]
    fn hidden_and_reordering_characters_are_dropped() {
        assert_eq!(
            PersonName::parse("Ana\u{202E}avlis").unwrap().as_str(),
            "Anaavlis"
        );
        assert_eq!(
            PersonName::parse("\u{200B}\u{200D}"),
            Err(Invalid::Required)
        );
        assert_eq!(
            PersonName::parse(" \u{2066}Lee\u{2069} ").unwrap().as_str(),
            "Lee"
        );
    }
}
