//! Companies and their users: accounts, profiles, avatars, passwords, availability and the
//! company's policies.

use super::{NewSession, StoreResult};
use crate::Timestamp;
use crate::domain::inbox::Availability;
use crate::domain::{
    AvatarRef, Company, CompanyId, Email, NewUser, PhoneE164, ProfilePatch, User, UserId,
};

#[async_trait::async_trait]
pub trait UserStore: Send + Sync {
    async fn count_users(&self) -> StoreResult<i64>;
    async fn company(&self, id: CompanyId) -> StoreResult<Option<Company>>;
    /// All companies, oldest first.
    async fn companies(&self) -> StoreResult<Vec<Company>>;
    /// Creates the user, and the company by name when it does not exist, in one transaction.
    /// `Conflict` when the email (compared case-insensitively) is taken.
    async fn create_user(&self, new: &NewUser, now: Timestamp) -> StoreResult<User>;
    async fn user(&self, id: UserId) -> StoreResult<Option<User>>;
    async fn user_by_email(&self, email: &Email) -> StoreResult<Option<User>>;
    /// Users of one company, admins first, then by name.
    async fn company_users(&self, company: CompanyId) -> StoreResult<Vec<User>>;
    async fn update_profile(
        &self,
        id: UserId,
        patch: &ProfilePatch,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;
    /// Replaces (or with `None` removes) the user's avatar, and in the same statement applies the
    /// names of `names` (so one Save changes both or neither); returns the user as updated and
    /// the avatar it had before, whose blobs the caller may then delete if nothing else uses them.
    async fn set_avatar(
        &self,
        id: UserId,
        avatar: Option<&AvatarRef>,
        names: &ProfilePatch,
        now: Timestamp,
    ) -> StoreResult<Option<(User, Option<AvatarRef>)>>;
    /// The avatar whose full-size key is `full_key`, if a user of `company` has it.
    async fn company_avatar(
        &self,
        company: CompanyId,
        full_key: &str,
    ) -> StoreResult<Option<AvatarRef>>;
    /// Whether any avatar or message still refers to a blob.
    async fn blob_in_use(&self, key: &str) -> StoreResult<bool>;
    /// Sets a new password hash and, in the same transaction, ends every session of the user and
    /// starts `rotated` in place of the current one (`current`, a token hash). Returns how many
    /// other sessions ended.
    async fn change_password(
        &self,
        id: UserId,
        password_hash: &str,
        current: &str,
        rotated: &NewSession,
        now: Timestamp,
    ) -> StoreResult<u64>;
    /// The admin policy requiring a second factor for everyone in the company.
    async fn set_require_two_factor(
        &self,
        company: CompanyId,
        required: bool,
    ) -> StoreResult<Option<Company>>;
    /// Sets (a verified number) or removes the user's phone.
    async fn set_phone(
        &self,
        id: UserId,
        phone: Option<&PhoneE164>,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;
    /// Activates or deactivates a user of `company`; deactivating ends all their sessions in the
    /// same transaction. `None` when no such user exists in that company.
    async fn set_user_active(
        &self,
        company: CompanyId,
        id: UserId,
        active: bool,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;
    async fn set_availability(&self, user: UserId, availability: Availability) -> StoreResult<()>;
}
