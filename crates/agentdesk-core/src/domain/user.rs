//! Companies and their users as the product keeps them.

use super::{CompanyId, Email, Locale, PersonName, PhoneE164, Role, TwoFactorMethod, UserId};
use crate::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    pub id: CompanyId,
    pub name: String,
    /// Admin policy: users without a second factor must set one up right after their password.
    pub require_two_factor: bool,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: UserId,
    pub company_id: CompanyId,
    pub email: Email,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub role: Role,
    /// `None` until the user picks a language; the request's language applies meanwhile.
    pub locale: Option<Locale>,
    pub password_hash: crate::Secret,
    pub active: bool,
    /// The agent's own status; only available agents receive round-robin conversations.
    pub availability: super::inbox::Availability,
    /// Blob keys of the picture, once one is uploaded.
    pub avatar: Option<AvatarRef>,
    /// Verified phone number (only verified numbers are ever stored).
    pub phone: Option<PhoneE164>,
    /// The second factor, when two-factor authentication is on.
    pub two_factor: Option<TwoFactorMethod>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl User {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name.as_str(), self.last_name.as_str())
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

/// A user to create. The company is found by name and created when it does not exist, in the
/// same transaction as the user.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub company_name: String,
    pub email: Email,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub role: Role,
    pub locale: Option<Locale>,
    pub password_hash: crate::Secret,
}

/// An avatar as stored: blob keys of the 640×640 picture and its 96×96 thumbnail. The full key
/// also names the avatar in its URL, so a new picture gets a new URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvatarRef {
    pub full: String,
    pub thumb: String,
}

/// The profile fields a user may change themselves; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ProfilePatch {
    pub first_name: Option<PersonName>,
    pub last_name: Option<PersonName>,
    pub locale: Option<Locale>,
}
