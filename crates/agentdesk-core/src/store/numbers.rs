//! The company's WhatsApp Business numbers.

use super::StoreResult;
use crate::Timestamp;
use crate::domain::CompanyId;
use crate::domain::inbox::{NewWhatsAppNumber, NumberId, NumberPatch, WhatsAppNumber};

#[async_trait::async_trait]
pub trait NumberStore: Send + Sync {
    /// `Conflict` when the phone_number_id is connected already (by any company). A number this
    /// company disconnected is connected again, with the new name, token and rule, and keeps its
    /// conversations.
    async fn create_number(
        &self,
        new: &NewWhatsAppNumber,
        now: Timestamp,
    ) -> StoreResult<WhatsAppNumber>;
    async fn company_numbers(&self, company: CompanyId) -> StoreResult<Vec<WhatsAppNumber>>;
    async fn number_by_phone_number_id(
        &self,
        phone_number_id: &str,
    ) -> StoreResult<Option<WhatsAppNumber>>;
    /// A number of `company` (connected or not).
    async fn number(&self, company: CompanyId, id: NumberId)
    -> StoreResult<Option<WhatsAppNumber>>;
    /// Changes a connected number of `company`; `None` when there is none with that id.
    async fn update_number(
        &self,
        company: CompanyId,
        id: NumberId,
        patch: &NumberPatch,
    ) -> StoreResult<Option<WhatsAppNumber>>;
    /// Disconnects a number of `company`: its token is forgotten, webhooks for it are ignored,
    /// its conversations stay. `None` when there is no connected number with that id.
    async fn disconnect_number(
        &self,
        company: CompanyId,
        id: NumberId,
        now: Timestamp,
    ) -> StoreResult<Option<WhatsAppNumber>>;
    /// Marks the number's access token as rejected by the Cloud API.
    async fn flag_number_token(&self, id: NumberId, at: Timestamp) -> StoreResult<()>;
}
