//! Canned responses: company presets (no owner) and each agent's personal ones (owned). Short
//! codes are unique per scope, compared by `ShortCode::key`; a personal code may equal a preset's.
//! Every read and write names the company and the scope, so another company's or another agent's
//! response cannot be reached by id.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::canned::{CannedContent, CannedQuery, ShortCode};
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

/// Which responses a search looks through: the company's presets and the agent's own, or one of
/// the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CannedSearchScope {
    #[default]
    All,
    Company,
    Personal,
}

/// A search of the responses an agent can use, best match first: exact short code, then short
/// code prefix, short code contains, a word of the content starting with the query, content
/// contains; ties by how often this agent used the response, then newest. An empty query lists
/// everything in that tie order.
#[derive(Debug, Clone, Default)]
pub struct CannedSearch {
    pub query: CannedQuery,
    pub scope: CannedSearchScope,
    /// Only responses with this tag (`canned::fold`ed).
    pub tag: Option<String>,
    /// Only responses with (true) or without (false) an attachment.
    pub has_attachment: Option<bool>,
    pub limit: u32,
}

impl CannedSearch {
    /// The two `COALESCE(owner_id, 0)` values a search of `user`'s accepts.
    pub fn owners(&self, user: UserId) -> (i64, i64) {
        match self.scope {
            CannedSearchScope::All => (0, user.0),
            CannedSearchScope::Company => (0, 0),
            CannedSearchScope::Personal => (user.0, user.0),
        }
    }

    /// `tag` as stored tags are searched: between line breaks.
    pub fn tag_needle(&self) -> Option<String> {
        self.tag.as_ref().map(|t| format!("\n{t}\n"))
    }
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
    /// `CannedSearch` over what `user` of `company` can use.
    async fn search_canned_responses(
        &self,
        company: CompanyId,
        user: UserId,
        search: &CannedSearch,
    ) -> StoreResult<Vec<CannedResponse>>;
    /// Counts one use of the response `id` by `user` (nothing when `company` has no such id).
    async fn record_canned_use(
        &self,
        company: CompanyId,
        user: UserId,
        id: CannedResponseId,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Deletes the response `id` of `scope`; `false` when there is no such response.
    async fn delete_canned_response(
        &self,
        company: CompanyId,
        scope: CannedScope,
        id: CannedResponseId,
    ) -> StoreResult<bool>;
}
