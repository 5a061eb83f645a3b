//! Canned responses: company presets (no owner) and each agent's personal ones (owned). Short
//! codes are unique per scope, compared by `ShortCode::key`; a personal code may equal a preset's.
//! Every read and write names the company and the scope, so another company's or another agent's
//! response cannot be reached by id.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::canned::{CannedContent, ShortCode};
use crate::domain::{CompanyId, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct CannedResponseId(pub i64);

/// Whose responses: the company's presets, or one agent's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CannedScope {
    Company,
    Personal(UserId),
}

impl CannedScope {
    /// The owner a response of this scope has: none for the company's presets.
    pub fn owner(self) -> Option<UserId> {
        match self {
            CannedScope::Company => None,
            CannedScope::Personal(user) => Some(user),
        }
    }
}

/// The file that goes with a response, stored once in the blob store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CannedAttachment {
    pub key: String,
    pub mime: String,
    pub size: i64,
    pub filename: String,
}

#[derive(Debug, Clone)]
pub struct CannedResponse {
    pub id: CannedResponseId,
    pub company_id: CompanyId,
    /// `None` for a company preset.
    pub owner_id: Option<UserId>,
    pub short_code: String,
    pub content: String,
    pub tags: Vec<String>,
    pub attachment: Option<CannedAttachment>,
    pub created_by: UserId,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct NewCannedResponse {
    pub short_code: ShortCode,
    pub content: CannedContent,
    /// Checked by `canned::parse_tags`; none may contain a line break.
    pub tags: Vec<String>,
    pub attachment: Option<CannedAttachment>,
}

/// What an edit changes; `None` leaves a field as it is (`attachment: Some(None)` removes it).
#[derive(Debug, Clone, Default)]
pub struct CannedPatch {
    pub short_code: Option<ShortCode>,
    pub content: Option<CannedContent>,
    pub tags: Option<Vec<String>>,
    pub attachment: Option<Option<CannedAttachment>>,
}

#[async_trait::async_trait]
pub trait CannedResponseStore: Send + Sync {
    /// Adds a response to `scope` of `company`; `Conflict::ShortCode` when the scope has the code.
    async fn create_canned_response(
        &self,
        company: CompanyId,
        scope: CannedScope,
        new: &NewCannedResponse,
        created_by: UserId,
        now: Timestamp,
    ) -> StoreResult<CannedResponse>;
    /// The response `id` if it belongs to `scope` of `company`.
    async fn canned_response(
        &self,
        company: CompanyId,
        scope: CannedScope,
        id: CannedResponseId,
    ) -> StoreResult<Option<CannedResponse>>;
    /// The responses of `scope`, newest first.
    async fn canned_responses(
        &self,
        company: CompanyId,
        scope: CannedScope,
    ) -> StoreResult<Vec<CannedResponse>>;
    /// Applies `patch` to the response `id` of `scope`; `None` when there is no such response.
    async fn update_canned_response(
        &self,
        company: CompanyId,
        scope: CannedScope,
        id: CannedResponseId,
        patch: &CannedPatch,
        now: Timestamp,
    ) -> StoreResult<Option<CannedResponse>>;
    /// Deletes the response `id` of `scope`; `false` when there is no such response.
    async fn delete_canned_response(
        &self,
        company: CompanyId,
        scope: CannedScope,
        id: CannedResponseId,
    ) -> StoreResult<bool>;
}
