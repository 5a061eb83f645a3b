//! Values that are valid by construction: after `parse`, the rest of the code cannot hold an
//! invalid email, name, locale or role.

pub mod canned;
pub mod content;
mod email;
mod ids;
pub mod inbox;
mod locale;
pub mod name;
mod phone;
mod role;
pub mod text;
mod user;

pub use email::Email;
pub use ids::{CompanyId, UserId};
pub use locale::Locale;
pub use name::PersonName;
pub use phone::{PhoneE164, TwoFactorMethod, region_of, regions};
pub use role::Role;
pub use user::{AvatarRef, Company, NewUser, ProfilePatch, User};

/// Why a value was refused. The HTTP layer turns the code into a message in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("required")]
    Required,
    #[error("too_long")]
    TooLong,
    #[error("too_short")]
    TooShort,
    #[error("invalid_format")]
    Format,
    #[error("unsupported")]
    Unsupported,
    /// A phone number that cannot receive text messages (premium-rate, shared-cost, satellite,
    /// fixed-line and the like).
    #[error("not_mobile")]
    NotMobile,
}

impl Invalid {
    /// The machine-readable code sent in an error's `fields` map.
    pub fn code(self) -> &'static str {
        match self {
            Invalid::Required => "required",
            Invalid::TooLong => "too_long",
            Invalid::TooShort => "too_short",
            Invalid::Format => "invalid_format",
            Invalid::Unsupported => "unsupported",
            Invalid::NotMobile => "not_mobile",
        }
    }
}
