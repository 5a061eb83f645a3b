//! Canned-response search on SQLite: the FTS5 trigram index finds the responses whose folded
//! short code or content contains a query of three characters or more; shorter queries scan the
//! company's responses (an index range), which `instr` checks in a few hundred microseconds.

use agentdesk_core::domain::{CompanyId, UserId};
use agentdesk_core::store::{CannedResponse, CannedSearch, StoreResult};
use agentdesk_store_sql::{CannedRow, store_error};
use sqlx::SqlitePool;

/// The search with `$matching` choosing the candidates. Binds: 1 company, 2 user, 3–4 the owners
/// accepted, 5 the code form, 6 the words form, 7 the words form after a space, 8 the tag needle,
/// 9 has-attachment, 10 the limit, 11 the FTS5 query.
macro_rules! search_sql {
    ($matching:literal) => {
        concat!(
            "SELECT ",
            agentdesk_store_sql::canned_columns_of_r!(),
            " FROM canned_responses r LEFT JOIN canned_usage u ON u.response_id = r.id AND ",
            "u.user_id = $2 WHERE r.company_id = $1 AND COALESCE(r.owner_id, 0) IN ($3, $4) ",
            "AND ($8 IS NULL OR instr(r.tags_key, $8) > 0) AND ($9 IS NULL OR ",
            "(r.attachment_key IS NOT NULL) = $9) AND (instr(r.code_search, $5) > 0 OR ",
            "instr(r.content_search, $6) > 0) AND ",
            $matching,
            " ORDER BY CASE WHEN r.code_search = $5 THEN 0 WHEN substr(r.code_search, 1, ",
            "length($5)) = $5 THEN 1 WHEN instr(r.code_search, $5) > 0 THEN 2 WHEN ",
            "instr(r.content_search, $7) > 0 THEN 3 ELSE 4 END, COALESCE(u.uses, 0) DESC, ",
            "r.created_at DESC, r.id DESC LIMIT $10"
        )
    };
}

/// Candidates from the trigram index; the `instr` terms recheck them.
const INDEXED: &str =
    search_sql!("r.id IN (SELECT rowid FROM canned_search WHERE canned_search MATCH $11)");
/// Queries too short for trigrams (and the empty one, which lists everything).
const SCANNED: &str = search_sql!("$11 IS NULL");

/// A phrase of the FTS5 query language: in double quotes, a double quote doubled.
fn phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

pub async fn search(
    pool: &SqlitePool,
    company: CompanyId,
    user: UserId,
    search: &CannedSearch,
) -> StoreResult<Vec<CannedResponse>> {
    let q = &search.query;
    let (owner_a, owner_b) = search.owners(user);
    let words = (!q.words.is_empty()).then(|| q.words.clone());
    let trigrams = |s: &str| s.chars().count() >= 3;
    let fts = (trigrams(&q.code) && words.as_deref().is_none_or(trigrams)).then(|| {
        let code = format!("code_search : {}", phrase(&q.code));
        match &words {
            Some(w) => format!("{code} OR content_search : {}", phrase(w)),
            None => code,
        }
    });
    let sql = if fts.is_some() { INDEXED } else { SCANNED };
    Ok(sqlx::query_as::<sqlx::Sqlite, CannedRow>(sql)
        .bind(company.0)
        .bind(user.0)
        .bind(owner_a)
        .bind(owner_b)
        .bind(&q.code)
        .bind(words.as_deref())
        .bind(words.as_ref().map(|w| format!(" {w}")))
        .bind(search.tag_needle())
        .bind(search.has_attachment)
        .bind(i64::from(search.limit))
        .bind(fts)
        .fetch_all(pool)
        .await
        .map_err(store_error)?
        .into_iter()
        .map(CannedRow::into_response)
        .collect())
}
