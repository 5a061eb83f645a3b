//! The canned-responses API: `GET /api/v1/canned-responses` (the picker's search, ranked by the
//! store), the caller's own responses under `/api/v1/canned-responses/{id}` and the company's
//! presets under `/api/v1/admin/canned-responses` (admins only). A response is written as JSON or
//! as a form with its attachment; every id is looked up within the caller's scope, so another
//! agent's response or another company's is 404.

use std::collections::HashMap;

use agentdesk_core::domain::canned::{
    self, CannedContent, CannedQuery, ContentError, MAX_TAGS, ShortCode,
};
use agentdesk_core::domain::{CompanyId, Invalid, User, UserId};
use agentdesk_core::store::{
    CannedAttachment, CannedPatch, CannedResponse, CannedResponseId, CannedScope, CannedSearch,
    CannedSearchScope, Conflict, NewCannedResponse, StoreError,
};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::error::{ErrorBody, FieldErrors};
use crate::http::multipart::{JsonOrForm, form_error, json_or_form, parse_json, read_file};
use crate::http::{AdminUser, ApiError, ApiPath, ApiQuery, ApiUser};
use crate::inbox::attachments;
use crate::state::AppState;

/// Results a search returns when `limit` is not given, and the most it may ask for.
pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 500;
/// Longest query the picker sends (longer than any short code or first line searched for).
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Debug, Serialize, ToSchema)]
pub struct CannedView {
    pub id: i64,
    pub short_code: String,
    pub content: String,
    /// `company` (a preset) or `personal` (the caller's own).
    pub scope: String,
    pub tags: Vec<String>,
    pub attachment: Option<AttachmentView>,
    pub created_by: CreatorView,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
    /// The content with its placeholders filled for `conversation_id`; only when it was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rendered: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentView {
    pub filename: String,
    pub mime_type: String,
    /// Bytes.
    pub size: i64,
    /// Where the file is served (images, audio, video and PDF inline; anything else downloads).
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatorView {
    pub id: i64,
    pub name: String,
}

/// Views of `list`, with their creators' names (looked up once each, within `company`).
async fn views(
    state: &AppState,
    company: CompanyId,
    list: Vec<CannedResponse>,
    rendered: Option<&super::fill::Values>,
) -> Result<Vec<CannedView>, ApiError> {
    let mut names: HashMap<UserId, String> = HashMap::new();
    for r in &list {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(r.created_by) {
            let name = state
                .store()
                .user(r.created_by)
                .await?
                .filter(|u| u.company_id == company)
                .map(|u| u.full_name())
                .unwrap_or_default();
            slot.insert(name);
        }
    }
    Ok(list
        .into_iter()
        .map(|r| CannedView {
            id: r.id.0,
            scope: if r.owner_id.is_some() {
                "personal"
            } else {
                "company"
            }
            .to_owned(),
            tags: r.tags,
            attachment: r.attachment.map(|a| AttachmentView {
                url: format!("/api/v1/canned-responses/{}/attachment", r.id.0),
                filename: a.filename,
                mime_type: a.mime,
                size: a.size,
            }),
            created_by: CreatorView {
                id: r.created_by.0,
                name: names.get(&r.created_by).cloned().unwrap_or_default(),
            },
            created_at: r.created_at.to_rfc3339(),
            updated_at: r.updated_at.to_rfc3339(),
            rendered: rendered.map(|v| v.render(&r.content)),
            short_code: r.short_code,
            content: r.content,
        })
        .collect())
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScopeName {
    All,
    Company,
    Personal,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// What the agent typed after "/": matched against short codes and content, case- and
    /// accent-insensitively. Empty or absent: everything, most used first.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// `all` (default: the company's presets and the caller's own), `company` or `personal`.
    #[param(inline)]
    pub scope: Option<ScopeName>,
    /// Fill each result's `rendered` for this conversation.
    pub conversation_id: Option<i64>,
    /// Results (default 20).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// Only responses with this tag (compared case-insensitively).
    #[param(max_length = 30)]
    pub tag: Option<String>,
    /// Only responses with (`true`) or without (`false`) an attachment.
    pub has_attachment: Option<bool>,
}

#[utoipa::path(
    get, path = "/api/v1/canned-responses", tag = "canned responses", params(ListQuery),
    responses(
        (status = 200, description = "Best match first: exact short code, short code prefix, short code contains, a content word starting with `q`, content contains; ties by the caller's own uses, then newest", body = [CannedView]),
        (status = 401, body = ErrorBody),
        (status = 404, description = "`conversation_id` is not a conversation of the caller's company", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Vec<CannedView>>, ApiError> {
    let query = q.q.unwrap_or_default();
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::field("q", Invalid::TooLong));
    }
    let limit = match q.limit {
        None => DEFAULT_LIMIT,
        Some(n) if (1..=i64::from(MAX_LIMIT)).contains(&n) => n as u32,
        Some(n) if n < 1 => return Err(ApiError::field("limit", Invalid::TooShort)),
        Some(_) => return Err(ApiError::field("limit", Invalid::TooLong)),
    };
    let tag = match q.tag.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(t) if t.chars().count() > canned::TAG_MAX_CHARS => {
            return Err(ApiError::field("tag", Invalid::TooLong));
        }
        Some(t) => Some(canned::fold(t)),
    };
    let values = match q.conversation_id {
        None => None,
        Some(id) => {
            let c = state
                .store()
                .conversation(
                    user.company_id,
                    agentdesk_core::domain::inbox::ConversationId(id),
                )
                .await?
                .ok_or(ApiError::NotFound)?;
            Some(super::fill::Values::for_conversation(&state, &user, &c).await?)
        }
    };
    let search = CannedSearch {
        query: CannedQuery::new(&query),
        scope: match q.scope.unwrap_or(ScopeName::All) {
            ScopeName::All => CannedSearchScope::All,
            ScopeName::Company => CannedSearchScope::Company,
            ScopeName::Personal => CannedSearchScope::Personal,
        },
        tag,
        has_attachment: q.has_attachment,
        limit,
    };
    let found = state
        .store()
        .search_canned_responses(user.company_id, user.id, &search)
        .await?;
    Ok(Json(
        views(&state, user.company_id, found, values.as_ref()).await?,
    ))
}

/// A new response, as JSON. As a form (`multipart/form-data`), the same fields (one `tags` field
/// per tag) and the attachment as `file`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRequest {
    /// 1–50 letters (any script), digits, `-`, `_` or `.`; no whitespace; unique in its scope,
    /// compared case-insensitively. A leading "/" is dropped.
    #[schema(min_length = 1, max_length = 51)]
    pub short_code: String,
    /// At most 4,096 characters, or 1,024 with an attachment (it becomes the caption). Only the
    /// placeholders `{{contact.name}}`, `{{contact.first_name}}`, `{{contact.phone}}`,
    /// `{{agent.name}}`, `{{agent.first_name}}`, `{{number.name}}` and `{{company.name}}`, each
    /// with an optional fallback: `{{contact.first_name|there}}`.
    #[schema(min_length = 1, max_length = 4096)]
    pub content: String,
    /// Up to ten tags of 1–30 characters.
    #[schema(max_items = 10)]
    pub tags: Option<Vec<String>>,
}

/// An edit, as JSON (or a form with a new `file`): only the fields given change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchRequest {
    #[schema(min_length = 1, max_length = 51)]
    pub short_code: Option<String>,
    #[schema(min_length = 1, max_length = 4096)]
    pub content: Option<String>,
    #[schema(max_items = 10)]
    pub tags: Option<Vec<String>>,
    /// `true` removes the attachment.
    pub remove_attachment: Option<bool>,
}

/// A new response as a form: the fields of `CreateRequest` (one `tags` field per tag) and the
/// attachment as `file`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // documents the form; `read_draft` reads it
pub struct CreateForm {
    #[schema(min_length = 1, max_length = 51)]
    pub short_code: String,
    /// At most 1,024 characters with a file (the caption), else 4,096.
    #[schema(min_length = 1, max_length = 4096)]
    pub content: String,
    #[schema(max_items = 10)]
    pub tags: Option<Vec<String>>,
    /// Image (JPEG, PNG, WebP ≤ 5 MB), video/audio (≤ 16 MB) or document (≤ 100 MB), known by
    /// its bytes.
    #[schema(value_type = Option<String>, format = Binary)]
    pub file: Option<Vec<u8>>,
}

/// An edit as a form: any field of `PatchRequest`, and a new attachment as `file`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // documents the form; `read_draft` reads it
pub struct PatchForm {
    #[schema(min_length = 1, max_length = 51)]
    pub short_code: Option<String>,
    #[schema(min_length = 1, max_length = 4096)]
    pub content: Option<String>,
    #[schema(max_items = 10)]
    pub tags: Option<Vec<String>>,
    #[schema(value_type = Option<String>, format = Binary)]
    pub file: Option<Vec<u8>>,
    /// `true` removes the attachment.
    pub remove_attachment: Option<bool>,
}

/// What a create or an edit asked for, before it is checked.
#[derive(Debug, Default)]
struct Draft {
    short_code: Option<String>,
    content: Option<String>,
    tags: Option<Vec<String>>,
    file: Option<(Vec<u8>, String)>,
    remove_attachment: bool,
}

fn too_large() -> ApiError {
    ApiError::FileTooLarge
}

async fn read_draft(
    state: &AppState,
    req: axum::extract::Request,
    edit: bool,
) -> Result<Draft, ApiError> {
    match json_or_form(req, state).await? {
        JsonOrForm::Json(bytes) if edit => {
            let p: PatchRequest = parse_json(&bytes)?;
            Ok(Draft {
                short_code: p.short_code,
                content: p.content,
                tags: p.tags,
                file: None,
                remove_attachment: p.remove_attachment.unwrap_or(false),
            })
        }
        JsonOrForm::Json(bytes) => {
            let c: CreateRequest = parse_json(&bytes)?;
            Ok(Draft {
                short_code: Some(c.short_code),
                content: Some(c.content),
                tags: c.tags,
                ..Draft::default()
            })
        }
        JsonOrForm::Form(mut form) => {
            let mut d = Draft::default();
            while let Some(mut field) = form
                .next_field()
                .await
                .map_err(|e| form_error(e, too_large))?
            {
                let name = field.name().unwrap_or_default().to_owned();
                if name == "file" {
                    let filename = agentdesk_core::domain::text::file_name(
                        field.file_name().unwrap_or_default(),
                        "attachment",
                    );
                    let bytes = read_file(&mut field, attachments::DOCUMENT_MAX, too_large).await?;
                    d.file = Some((bytes, filename));
                    continue;
                }
                let text = field.text().await.map_err(|e| form_error(e, too_large))?;
                match name.as_str() {
                    "short_code" => d.short_code = Some(text),
                    "content" => d.content = Some(text),
                    "tags" => {
                        let tags = d.tags.get_or_insert_with(Vec::new);
                        if tags.len() > MAX_TAGS {
                            return Err(ApiError::field("tags", Invalid::TooLong));
                        }
                        if !text.trim().is_empty() {
                            tags.push(text);
                        }
                    }
                    "remove_attachment" if edit => d.remove_attachment = text == "true",
                    other => {
                        return Err(ApiError::BodyMismatch(format!("unknown field {other:?}")));
                    }
                }
            }
            Ok(d)
        }
    }
}

/// The file checked (type by its bytes, size by its type) and stored once.
async fn store_file(
    state: &AppState,
    (bytes, filename): (Vec<u8>, String),
) -> Result<CannedAttachment, ApiError> {
    let sniffed = attachments::sniff(&bytes).ok_or(ApiError::UnsupportedMediaType)?;
    if bytes.len() > attachments::limit_for(sniffed.kind) {
        return Err(ApiError::FileTooLarge);
    }
    let key = state
        .blobs()
        .put(&bytes)
        .await
        .map_err(ApiError::internal)?;
    Ok(CannedAttachment {
        key,
        mime: sniffed.mime.to_owned(),
        size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        filename,
    })
}

/// Checks content for a response that will (or will not) have an attachment: its own field error
/// into `errors`, or the unknown placeholder it names.
fn check_content(
    raw: &str,
    with_attachment: bool,
    errors: &mut FieldErrors,
) -> Result<Option<CannedContent>, ApiError> {
    match CannedContent::parse(raw, with_attachment) {
        Ok(c) => Ok(Some(c)),
        Err(ContentError::Invalid(i)) => {
            errors.insert("content".into(), i.into());
            Ok(None)
        }
        Err(ContentError::UnknownPlaceholder(name)) => Err(ApiError::UnknownPlaceholder(name)),
    }
}

fn conflict(e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict(Conflict::ShortCode) => ApiError::ShortCodeTaken,
        other => other.into(),
    }
}

async fn create_in(
    state: &AppState,
    user: &User,
    scope: CannedScope,
    req: axum::extract::Request,
) -> Result<(StatusCode, Json<CannedView>), ApiError> {
    let draft = read_draft(state, req, false).await?;
    let mut errors = FieldErrors::new();
    let code = match draft.short_code.as_deref().map(ShortCode::parse) {
        Some(Ok(code)) => Some(code),
        Some(Err(i)) => {
            errors.insert("short_code".into(), i.into());
            None
        }
        None => {
            errors.insert("short_code".into(), Invalid::Required.into());
            None
        }
    };
    let tags = match canned::parse_tags(&draft.tags.unwrap_or_default()) {
        Ok(tags) => tags,
        Err(i) => {
            errors.insert("tags".into(), i.into());
            Vec::new()
        }
    };
    let content = match draft.content.as_deref() {
        Some(raw) => check_content(raw, draft.file.is_some(), &mut errors)?,
        None => {
            errors.insert("content".into(), Invalid::Required.into());
            None
        }
    };
    let (Some(short_code), Some(content), true) = (code, content, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let attachment = match draft.file {
        Some(file) => Some(store_file(state, file).await?),
        None => None,
    };
    let new = NewCannedResponse {
        short_code,
        content,
        tags,
        attachment,
    };
    let now = state.clock().now();
    let made = state
        .store()
        .create_canned_response(user.company_id, scope, &new, user.id, now)
        .await
        .map_err(conflict)?;
    let mut list = views(state, user.company_id, vec![made], None).await?;
    let view = list.pop().ok_or_else(|| ApiError::internal("no view"))?;
    Ok((StatusCode::CREATED, Json(view)))
}

async fn update_in(
    state: &AppState,
    user: &User,
    scope: CannedScope,
    id: CannedResponseId,
    req: axum::extract::Request,
) -> Result<Json<CannedView>, ApiError> {
    let draft = read_draft(state, req, true).await?;
    let current = state
        .store()
        .canned_response(user.company_id, scope, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let will_have_file =
        draft.file.is_some() || (current.attachment.is_some() && !draft.remove_attachment);
    let mut errors = FieldErrors::new();
    let mut patch = CannedPatch::default();
    if let Some(raw) = draft.short_code.as_deref() {
        match ShortCode::parse(raw) {
            Ok(code) => patch.short_code = Some(code),
            Err(i) => {
                errors.insert("short_code".into(), i.into());
            }
        }
    }
    if let Some(raw) = &draft.tags {
        match canned::parse_tags(raw) {
            Ok(tags) => patch.tags = Some(tags),
            Err(i) => {
                errors.insert("tags".into(), i.into());
            }
        }
    }
    // The content is checked again whenever it or the attachment changes: a caption is shorter.
    let content = draft.content.as_deref().unwrap_or(&current.content);
    if let Some(checked) = check_content(content, will_have_file, &mut errors)? {
        patch.content = draft.content.is_some().then_some(checked);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    if let Some(file) = draft.file {
        patch.attachment = Some(Some(store_file(state, file).await?));
    } else if draft.remove_attachment {
        patch.attachment = Some(None);
    }
    let now = state.clock().now();
    let updated = state
        .store()
        .update_canned_response(user.company_id, scope, id, &patch, now)
        .await
        .map_err(conflict)?
        .ok_or(ApiError::NotFound)?;
    let mut list = views(state, user.company_id, vec![updated], None).await?;
    list.pop()
        .map(Json)
        .ok_or_else(|| ApiError::internal("no view"))
}

async fn delete_in(
    state: &AppState,
    user: &User,
    scope: CannedScope,
    id: CannedResponseId,
) -> Result<StatusCode, ApiError> {
    if state
        .store()
        .delete_canned_response(user.company_id, scope, id)
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

#[utoipa::path(
    post, path = "/api/v1/canned-responses", tag = "canned responses",
    request_body(content(
        (CreateRequest = "application/json"),
        (CreateForm = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "The caller's new personal response", body = CannedView),
        (status = 401, body = ErrorBody),
        (status = 409, description = "`short_code_taken`: the caller already has a response with this short code (compared case-insensitively)", body = ErrorBody),
        (status = 413, description = "`file_too_large`: image > 5 MB, audio/video > 16 MB, document > 100 MB", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not a file WhatsApp carries (known by its bytes), or a body neither JSON nor a form", body = ErrorBody),
        (status = 422, description = "`validation_failed` (per field) or `unknown_placeholder` (naming it, with the valid ones)", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    req: axum::extract::Request,
) -> Result<(StatusCode, Json<CannedView>), ApiError> {
    create_in(&state, &user, CannedScope::Personal(user.id), req).await
}

#[utoipa::path(
    patch, path = "/api/v1/canned-responses/{id}", tag = "canned responses", params(("id" = i64, Path)),
    request_body(content(
        (PatchRequest = "application/json"),
        (PatchForm = "multipart/form-data"),
    )),
    responses(
        (status = 200, body = CannedView),
        (status = 401, body = ErrorBody),
        (status = 404, description = "Not one of the caller's own responses", body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(id): ApiPath<i64>,
    req: axum::extract::Request,
) -> Result<Json<CannedView>, ApiError> {
    let scope = CannedScope::Personal(user.id);
    update_in(&state, &user, scope, CannedResponseId(id), req).await
}

#[utoipa::path(
    delete, path = "/api/v1/canned-responses/{id}", tag = "canned responses", params(("id" = i64, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, body = ErrorBody),
        (status = 404, description = "Not one of the caller's own responses", body = ErrorBody),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    delete_in(
        &state,
        &user,
        CannedScope::Personal(user.id),
        CannedResponseId(id),
    )
    .await
}

#[utoipa::path(
    get, path = "/api/v1/canned-responses/{id}/attachment", tag = "canned responses", params(("id" = i64, Path)),
    responses(
        (status = 200, description = "The file (served with `nosniff`; only images, audio, video and PDF inline)"),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No attachment, or not the caller's own response nor a company preset", body = ErrorBody),
    )
)]
pub async fn attachment(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<axum::response::Response, ApiError> {
    let r = super::usable(&state, &user, CannedResponseId(id))
        .await?
        .ok_or(ApiError::NotFound)?;
    let file = r.attachment.ok_or(ApiError::NotFound)?;
    let fallback = format!("canned-{id}");
    attachments::serve(
        &state,
        &file.key,
        &file.mime,
        Some(file.filename),
        &fallback,
    )
    .await
}

#[utoipa::path(
    post, path = "/api/v1/admin/canned-responses", tag = "canned responses",
    request_body(content(
        (CreateRequest = "application/json"),
        (CreateForm = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "The new company preset", body = CannedView),
        (status = 401, body = ErrorBody),
        (status = 403, description = "Agents may not change the company's presets", body = ErrorBody),
        (status = 409, description = "`short_code_taken`: the company has a preset with this short code", body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
pub async fn admin_create(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    req: axum::extract::Request,
) -> Result<(StatusCode, Json<CannedView>), ApiError> {
    create_in(&state, &admin, CannedScope::Company, req).await
}

#[utoipa::path(
    patch, path = "/api/v1/admin/canned-responses/{id}", tag = "canned responses", params(("id" = i64, Path)),
    request_body(content(
        (PatchRequest = "application/json"),
        (PatchForm = "multipart/form-data"),
    )),
    responses(
        (status = 200, body = CannedView),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "Not a preset of the caller's company", body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody),
    )
)]
pub async fn admin_update(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<i64>,
    req: axum::extract::Request,
) -> Result<Json<CannedView>, ApiError> {
    update_in(
        &state,
        &admin,
        CannedScope::Company,
        CannedResponseId(id),
        req,
    )
    .await
}

#[utoipa::path(
    delete, path = "/api/v1/admin/canned-responses/{id}", tag = "canned responses", params(("id" = i64, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "Not a preset of the caller's company", body = ErrorBody),
    )
)]
pub async fn admin_delete(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    delete_in(&state, &admin, CannedScope::Company, CannedResponseId(id)).await
}
