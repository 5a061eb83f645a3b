//! `Secret`: a value that must never be printed — access tokens, password hashes, authenticator
//! secrets, and the secrets of the configuration. `Debug` prints `[redacted]`; reading it takes an
//! explicit `expose()`, which is easy to find in review. It has no `Display`, so it cannot slip
//! into a log line. It (de)serializes as the plain string, for the configuration file only:
//! response bodies are built from view types that never hold one.

use std::fmt;

#[derive(Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for the one place that needs it (an HTTP header, a hash check).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn debug_never_shows_the_value() {
        let s = Secret::new("EAAG-very-secret-token");
        assert_eq!(format!("{s:?}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(&s)), "Some([redacted])");
        assert_eq!(s.expose(), "EAAG-very-secret-token");
        assert!(Secret::new("").is_empty());
    }
}
