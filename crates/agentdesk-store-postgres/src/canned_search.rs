//! Canned-response search on PostgreSQL: `LIKE '%…%'` over the folded short code and content,
//! served by pg_trgm GIN indexes (substrings in any script); the ranking is computed on the
//! candidates only.

use agentdesk_core::domain::{CompanyId, UserId};
use agentdesk_core::store::{CannedResponse, CannedSearch, StoreResult};
use agentdesk_store_sql::{CannedRow, like_escape, store_error};
use sqlx::PgPool;

/// Binds: 1 company, 2 user, 3–4 the owners accepted, 5 the code form, 6 the words form after a
/// space, 7 the tag needle, 8 has-attachment, 9 the limit, 10–11 the LIKE patterns of the code
/// and words forms.
const SEARCH: &str = concat!(
    "SELECT ",
    agentdesk_store_sql::canned_columns_of_r!(),
    " FROM canned_responses r LEFT JOIN canned_usage u ON u.response_id = r.id AND ",
    "u.user_id = $2 WHERE r.company_id = $1 AND COALESCE(r.owner_id, 0) IN ($3, $4) AND ",
    "($7::text IS NULL OR strpos(r.tags_key, $7) > 0) AND ($8::boolean IS NULL OR ",
    "(r.attachment_key IS NOT NULL) = $8) AND (r.code_search LIKE $10 OR r.content_search LIKE ",
    "$11) ORDER BY CASE WHEN r.code_search = $5 THEN 0 WHEN starts_with(r.code_search, $5) ",
    "THEN 1 WHEN strpos(r.code_search, $5) > 0 THEN 2 WHEN strpos(r.content_search, $6) > 0 ",
    "THEN 3 ELSE 4 END, COALESCE(u.uses, 0) DESC, r.created_at DESC, r.id DESC LIMIT $9"
);

pub async fn search(
    pool: &PgPool,
    company: CompanyId,
    user: UserId,
    search: &CannedSearch,
) -> StoreResult<Vec<CannedResponse>> {
    let q = &search.query;
    let (owner_a, owner_b) = search.owners(user);
    let words = (!q.words.is_empty()).then_some(q.words.as_str());
    Ok(sqlx::query_as::<sqlx::Postgres, CannedRow>(SEARCH)
        .bind(company.0)
        .bind(user.0)
        .bind(owner_a)
        .bind(owner_b)
        .bind(&q.code)
        .bind(words.map(|w| format!(" {w}")))
        .bind(search.tag_needle())
        .bind(search.has_attachment)
        .bind(i64::from(search.limit))
        .bind(format!("%{}%", like_escape(&q.code)))
        .bind(words.map(|w| format!("%{}%", like_escape(w))))
        .fetch_all(pool)
        .await
        .map_err(store_error)?
        .into_iter()
        .map(CannedRow::into_response)
        .collect())
}
