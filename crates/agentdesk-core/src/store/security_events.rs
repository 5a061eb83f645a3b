//! What happened to an account's security, for the user to review.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::UserId;

crate::named_enum! {
    /// What happened. Stored by name (`as_str`); a stored name no longer known is corrupt data.
    pub enum SecurityEventKind {
        SignedIn = "signed_in",
        TwoFactorFailed = "two_factor_failed",
        TwoFactorEnabled = "two_factor_enabled",
        TwoFactorDisabled = "two_factor_disabled",
        TwoFactorSwitched = "two_factor_switched",
        PasswordChanged = "password_changed",
        PhoneChanged = "phone_changed",
        PhoneRemoved = "phone_removed",
        SignedOutOthers = "signed_out_others",
        RecoveryCodeUsed = "recovery_code_used",
        RecoveryCodesGenerated = "recovery_codes_generated",
    }
}

#[derive(Debug, Clone)]
pub struct SecurityEvent {
    pub id: i64,
    pub user_id: UserId,
    pub kind: SecurityEventKind,
    pub detail: Option<String>,
    pub ip: Option<String>,
    pub created_at: Timestamp,
}

#[async_trait::async_trait]
pub trait SecurityEventStore: Send + Sync {
    async fn add_security_event(
        &self,
        user: UserId,
        kind: SecurityEventKind,
        detail: Option<&str>,
        ip: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Newest first.
    async fn security_events(&self, user: UserId, limit: i64) -> StoreResult<Vec<SecurityEvent>>;
}
