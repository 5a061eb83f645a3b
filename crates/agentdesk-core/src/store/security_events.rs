//! What happened to an account's security, for the user to review.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::UserId;

/// What happened. Stored by name (`as_str`); a stored name no longer known is corrupt data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecurityEventKind {
    SignedIn,
    TwoFactorFailed,
    TwoFactorEnabled,
    TwoFactorDisabled,
    TwoFactorSwitched,
    PasswordChanged,
    PhoneChanged,
    PhoneRemoved,
    SignedOutOthers,
    RecoveryCodeUsed,
    RecoveryCodesGenerated,
}

impl SecurityEventKind {
    pub const ALL: [SecurityEventKind; 11] = [
        Self::SignedIn,
        Self::TwoFactorFailed,
        Self::TwoFactorEnabled,
        Self::TwoFactorDisabled,
        Self::TwoFactorSwitched,
        Self::PasswordChanged,
        Self::PhoneChanged,
        Self::PhoneRemoved,
        Self::SignedOutOthers,
        Self::RecoveryCodeUsed,
        Self::RecoveryCodesGenerated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignedIn => "signed_in",
            Self::TwoFactorFailed => "two_factor_failed",
            Self::TwoFactorEnabled => "two_factor_enabled",
            Self::TwoFactorDisabled => "two_factor_disabled",
            Self::TwoFactorSwitched => "two_factor_switched",
            Self::PasswordChanged => "password_changed",
            Self::PhoneChanged => "phone_changed",
            Self::PhoneRemoved => "phone_removed",
            Self::SignedOutOthers => "signed_out_others",
            Self::RecoveryCodeUsed => "recovery_code_used",
            Self::RecoveryCodesGenerated => "recovery_codes_generated",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
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
