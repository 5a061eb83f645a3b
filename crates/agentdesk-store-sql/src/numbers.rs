//! The company's WhatsApp numbers.

/// Implements `agentdesk_core::store::NumberStore` for a struct with a `pool: sqlx::Pool<$db>`
/// field.
#[macro_export]
macro_rules! impl_number_store {
    ($store:ty, $db:ty) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::NumberStore for $store {
            async fn create_number(
                &self,
                new: &$crate::NewWhatsAppNumber,
                now: $crate::Timestamp,
            ) -> $crate::Result<$crate::WhatsAppNumber> {
                // A number this company disconnected comes back as it is connected again; anyone
                // else's (connected or not) is taken.
                ::sqlx::query_as::<$db, $crate::NumberRow>(concat!(
                "INSERT INTO whatsapp_numbers (company_id, phone_number_id, display_phone_number, ",
                "name, ",
                "access_token, assignment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ",
                "ON CONFLICT (phone_number_id) DO UPDATE SET display_phone_number = ",
                "excluded.display_phone_number, ",
                "name = excluded.name, access_token = excluded.access_token, assignment = ",
                "excluded.assignment, ",
                "token_invalid_at = NULL, disconnected_at = NULL ",
                "WHERE whatsapp_numbers.disconnected_at IS NOT NULL ",
                "AND whatsapp_numbers.company_id = excluded.company_id ",
                "RETURNING ", $crate::number_columns!()
            ))
            .bind(new.company_id.0)
            .bind(&new.phone_number_id)
            .bind(&new.display_phone_number)
            .bind(&new.name)
            .bind(new.access_token.expose())
            .bind(new.assignment.as_str())
            .bind(now.0)
            .fetch_optional(&self.pool)
            .await
            .map_err($crate::store_error)?
            .ok_or($crate::StoreError::Conflict(
                    ::agentdesk_core::store::Conflict::PhoneNumberId,
                ))?
            .into_number()
            }

            async fn company_numbers(
                &self,
                company: $crate::CompanyId,
            ) -> $crate::Result<Vec<$crate::WhatsAppNumber>> {
                ::sqlx::query_as::<$db, $crate::NumberRow>(concat!(
                    "SELECT ",
                    $crate::number_columns!(),
                    " FROM whatsapp_numbers WHERE company_id = $1 ORDER BY id"
                ))
                .bind(company.0)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?
                .into_iter()
                .map($crate::NumberRow::into_number)
                .collect()
            }

            async fn number_by_phone_number_id(
                &self,
                phone_number_id: &str,
            ) -> $crate::Result<Option<$crate::WhatsAppNumber>> {
                ::sqlx::query_as::<$db, $crate::NumberRow>(concat!(
                    "SELECT ",
                    $crate::number_columns!(),
                    " FROM whatsapp_numbers WHERE phone_number_id = $1"
                ))
                .bind(phone_number_id)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::NumberRow::into_number)
                .transpose()
            }

            async fn number(
                &self,
                company: $crate::CompanyId,
                id: $crate::NumberId,
            ) -> $crate::Result<Option<$crate::WhatsAppNumber>> {
                ::sqlx::query_as::<$db, $crate::NumberRow>(concat!(
                    "SELECT ",
                    $crate::number_columns!(),
                    " FROM whatsapp_numbers WHERE id = $1 AND company_id = $2"
                ))
                .bind(id.0)
                .bind(company.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::NumberRow::into_number)
                .transpose()
            }

            async fn update_number(
                &self,
                company: $crate::CompanyId,
                id: $crate::NumberId,
                patch: &$crate::NumberPatch,
            ) -> $crate::Result<Option<$crate::WhatsAppNumber>> {
                ::sqlx::query_as::<$db, $crate::NumberRow>(concat!(
                "UPDATE whatsapp_numbers SET name = COALESCE($1, name), assignment = COALESCE($2, ",
                "assignment), ",
                "access_token = COALESCE($3, access_token), ",
                "token_invalid_at = CASE WHEN $3 IS NULL THEN token_invalid_at ELSE NULL END ",
                "WHERE id = $4 AND company_id = $5 AND disconnected_at IS NULL RETURNING ",
                $crate::number_columns!()
            ))
            .bind(patch.name.as_deref())
            .bind(patch.assignment.map(|a| a.as_str()))
            .bind(patch.access_token.as_ref().map(|t| t.expose()))
            .bind(id.0)
            .bind(company.0)
            .fetch_optional(&self.pool)
            .await
            .map_err($crate::store_error)?
            .map($crate::NumberRow::into_number)
            .transpose()
            }

            async fn disconnect_number(
                &self,
                company: $crate::CompanyId,
                id: $crate::NumberId,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<$crate::WhatsAppNumber>> {
                ::sqlx::query_as::<$db, $crate::NumberRow>(concat!(
                    "UPDATE whatsapp_numbers SET disconnected_at = $1, access_token = '' ",
                    "WHERE id = $2 AND company_id = $3 AND disconnected_at IS NULL RETURNING ",
                    $crate::number_columns!()
                ))
                .bind(now.0)
                .bind(id.0)
                .bind(company.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::NumberRow::into_number)
                .transpose()
            }

            async fn flag_number_token(
                &self,
                id: $crate::NumberId,
                at: $crate::Timestamp,
            ) -> $crate::Result<()> {
                ::sqlx::query::<$db>(
                    "UPDATE whatsapp_numbers SET token_invalid_at = $1 WHERE id = $2",
                )
                .bind(at.0)
                .bind(id.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(())
            }
        }
    };
}
