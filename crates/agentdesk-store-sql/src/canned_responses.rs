//! Canned responses: company presets and agents' own, scoped by company and owner in every
//! statement (`COALESCE(owner_id, 0)` is 0 for the company's presets, the agent's id for theirs).

#[derive(Debug, sqlx::FromRow)]
pub struct CannedRow {
    pub id: i64,
    pub company_id: i64,
    pub owner_id: Option<i64>,
    pub short_code: String,
    pub content: String,
    pub tags: String,
    pub attachment_key: Option<String>,
    pub attachment_mime: Option<String>,
    pub attachment_size: Option<i64>,
    pub attachment_filename: Option<String>,
    pub created_by: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl CannedRow {
    pub fn into_response(self) -> agentdesk_core::store::CannedResponse {
        use agentdesk_core::store::{CannedAttachment, CannedResponse, CannedResponseId};
        CannedResponse {
            id: CannedResponseId(self.id),
            company_id: crate::CompanyId(self.company_id),
            owner_id: self.owner_id.map(crate::UserId),
            short_code: self.short_code,
            content: self.content,
            tags: self
                .tags
                .split('\n')
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
            attachment: match (self.attachment_key, self.attachment_mime) {
                (Some(key), Some(mime)) => Some(CannedAttachment {
                    key,
                    mime,
                    size: self.attachment_size.unwrap_or(0),
                    filename: self.attachment_filename.unwrap_or_default(),
                }),
                _ => None,
            },
            created_by: crate::UserId(self.created_by),
            created_at: crate::Timestamp(self.created_at),
            updated_at: crate::Timestamp(self.updated_at),
        }
    }
}

/// `COALESCE(owner_id, 0)` for a scope: 0 for the company's presets.
pub fn scope_owner(scope: agentdesk_core::store::CannedScope) -> i64 {
    scope.owner().map_or(0, |user| user.0)
}

#[macro_export]
macro_rules! canned_columns {
    () => {
        concat!(
            "id, company_id, owner_id, short_code, content, tags, attachment_key, ",
            "attachment_mime, attachment_size, attachment_filename, created_by, created_at, ",
            "updated_at"
        )
    };
}

/// `canned_columns!` of the row `r`, for each backend's search, which joins the usage counts.
#[macro_export]
macro_rules! canned_columns_of_r {
    () => {
        concat!(
            "r.id, r.company_id, r.owner_id, r.short_code, r.content, r.tags, r.attachment_key, ",
            "r.attachment_mime, r.attachment_size, r.attachment_filename, r.created_by, ",
            "r.created_at, r.updated_at"
        )
    };
}

/// Implements `agentdesk_core::store::CannedResponseStore` for a struct with a `pool:
/// sqlx::Pool<$db>` field; `$search` is the backend's own search, an `async fn(&Pool, CompanyId,
/// UserId, &CannedSearch) -> Result<Vec<CannedResponse>>` over its text index.
#[macro_export]
macro_rules! impl_canned_response_store {
    ($store:ty, $db:ty, $search:path) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::CannedResponseStore for $store {
            async fn create_canned_response(
                &self,
                company: $crate::CompanyId,
                scope: ::agentdesk_core::store::CannedScope,
                new: &::agentdesk_core::store::NewCannedResponse,
                created_by: $crate::UserId,
                now: $crate::Timestamp,
            ) -> $crate::Result<::agentdesk_core::store::CannedResponse> {
                use ::agentdesk_core::domain::canned::{search_key, tags_key, words_key};
                let owner = scope.owner().map(|user| user.0);
                let file = new.attachment.as_ref();
                Ok(::sqlx::query_as::<$db, $crate::CannedRow>(concat!(
                    "INSERT INTO canned_responses (company_id, owner_id, short_code, code_key, ",
                    "content, tags, attachment_key, attachment_mime, attachment_size, ",
                    "attachment_filename, created_by, created_at, updated_at, code_search, ",
                    "content_search, tags_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ",
                    "$11, $12, $12, $13, $14, $15) RETURNING ",
                    $crate::canned_columns!()
                ))
                .bind(company.0)
                .bind(owner)
                .bind(new.short_code.as_str())
                .bind(new.short_code.key())
                .bind(new.content.as_str())
                .bind(new.tags.join("\n"))
                .bind(file.map(|f| f.key.as_str()))
                .bind(file.map(|f| f.mime.as_str()))
                .bind(file.map(|f| f.size))
                .bind(file.map(|f| f.filename.as_str()))
                .bind(created_by.0)
                .bind(now.0)
                .bind(search_key(new.short_code.as_str()))
                .bind(words_key(new.content.as_str()))
                .bind(tags_key(&new.tags))
                .fetch_one(&self.pool)
                .await
                .map_err($crate::store_error)?
                .into_response())
            }

            async fn canned_response(
                &self,
                company: $crate::CompanyId,
                scope: ::agentdesk_core::store::CannedScope,
                id: ::agentdesk_core::store::CannedResponseId,
            ) -> $crate::Result<Option<::agentdesk_core::store::CannedResponse>> {
                Ok(::sqlx::query_as::<$db, $crate::CannedRow>(concat!(
                    "SELECT ",
                    $crate::canned_columns!(),
                    " FROM canned_responses WHERE id = $1 AND company_id = $2 AND ",
                    "COALESCE(owner_id, 0) = $3"
                ))
                .bind(id.0)
                .bind(company.0)
                .bind($crate::scope_owner(scope))
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::CannedRow::into_response))
            }

            async fn canned_responses(
                &self,
                company: $crate::CompanyId,
                scope: ::agentdesk_core::store::CannedScope,
            ) -> $crate::Result<Vec<::agentdesk_core::store::CannedResponse>> {
                Ok(::sqlx::query_as::<$db, $crate::CannedRow>(concat!(
                    "SELECT ",
                    $crate::canned_columns!(),
                    " FROM canned_responses WHERE company_id = $1 AND COALESCE(owner_id, 0) = ",
                    "$2 ORDER BY created_at DESC, id DESC"
                ))
                .bind(company.0)
                .bind($crate::scope_owner(scope))
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?
                .into_iter()
                .map($crate::CannedRow::into_response)
                .collect())
            }

            async fn update_canned_response(
                &self,
                company: $crate::CompanyId,
                scope: ::agentdesk_core::store::CannedScope,
                id: ::agentdesk_core::store::CannedResponseId,
                patch: &::agentdesk_core::store::CannedPatch,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<::agentdesk_core::store::CannedResponse>> {
                use ::agentdesk_core::domain::canned::{search_key, tags_key, words_key};
                let file = patch.attachment.as_ref().and_then(Option::as_ref);
                Ok(::sqlx::query_as::<$db, $crate::CannedRow>(concat!(
                    "UPDATE canned_responses SET short_code = COALESCE($1, short_code), ",
                    "code_key = COALESCE($2, code_key), content = COALESCE($3, content), ",
                    "tags = COALESCE($4, tags), attachment_key = CASE WHEN $5 THEN $6 ELSE ",
                    "attachment_key END, attachment_mime = CASE WHEN $5 THEN $7 ELSE ",
                    "attachment_mime END, attachment_size = CASE WHEN $5 THEN $8 ELSE ",
                    "attachment_size END, attachment_filename = CASE WHEN $5 THEN $9 ELSE ",
                    "attachment_filename END, updated_at = $10, code_search = COALESCE($14, ",
                    "code_search), content_search = COALESCE($15, content_search), tags_key = ",
                    "COALESCE($16, tags_key) WHERE id = $11 AND company_id = $12 AND ",
                    "COALESCE(owner_id, 0) = $13 RETURNING ",
                    $crate::canned_columns!()
                ))
                .bind(patch.short_code.as_ref().map(|c| c.as_str()))
                .bind(patch.short_code.as_ref().map(|c| c.key()))
                .bind(patch.content.as_ref().map(|c| c.as_str()))
                .bind(patch.tags.as_ref().map(|t| t.join("\n")))
                .bind(patch.attachment.is_some())
                .bind(file.map(|f| f.key.as_str()))
                .bind(file.map(|f| f.mime.as_str()))
                .bind(file.map(|f| f.size))
                .bind(file.map(|f| f.filename.as_str()))
                .bind(now.0)
                .bind(id.0)
                .bind(company.0)
                .bind($crate::scope_owner(scope))
                .bind(patch.short_code.as_ref().map(|c| search_key(c.as_str())))
                .bind(patch.content.as_ref().map(|c| words_key(c.as_str())))
                .bind(patch.tags.as_ref().map(|t| tags_key(t)))
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::CannedRow::into_response))
            }

            async fn search_canned_responses(
                &self,
                company: $crate::CompanyId,
                user: $crate::UserId,
                search: &::agentdesk_core::store::CannedSearch,
            ) -> $crate::Result<Vec<::agentdesk_core::store::CannedResponse>> {
                $search(&self.pool, company, user, search).await
            }

            async fn record_canned_use(
                &self,
                company: $crate::CompanyId,
                user: $crate::UserId,
                id: ::agentdesk_core::store::CannedResponseId,
                now: $crate::Timestamp,
            ) -> $crate::Result<()> {
                ::sqlx::query::<$db>(concat!(
                    "INSERT INTO canned_usage (response_id, user_id, uses, last_used_at) SELECT ",
                    "id, $2, 1, $3 FROM canned_responses WHERE id = $1 AND company_id = $4 ON ",
                    "CONFLICT (response_id, user_id) DO UPDATE SET uses = canned_usage.uses + 1, ",
                    "last_used_at = excluded.last_used_at"
                ))
                .bind(id.0)
                .bind(user.0)
                .bind(now.0)
                .bind(company.0)
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(())
            }

            async fn delete_canned_response(
                &self,
                company: $crate::CompanyId,
                scope: ::agentdesk_core::store::CannedScope,
                id: ::agentdesk_core::store::CannedResponseId,
            ) -> $crate::Result<bool> {
                let done = ::sqlx::query::<$db>(concat!(
                    "DELETE FROM canned_responses WHERE id = $1 AND company_id = $2 AND ",
                    "COALESCE(owner_id, 0) = $3"
                ))
                .bind(id.0)
                .bind(company.0)
                .bind($crate::scope_owner(scope))
                .execute(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(done.rows_affected() == 1)
            }
        }
    };
}

/// `text` for a LIKE pattern with `\\` as the escape character.
pub fn like_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
