//! Conversations for agents: the lists (Mine / Unassigned / All), one conversation with its
//! messages and timeline, sending a reply, assignment and transfer, close and reopen.

use crate::http::{ApiPath, ApiQuery};
use agentdesk_core::StoreError;
use agentdesk_core::domain::UserId;
use agentdesk_core::domain::content::MessageContent;
use agentdesk_core::domain::inbox::{
    ConversationId, ConversationStatus, MessageId, NumberId, OutboundRecord,
};
use agentdesk_core::store::{AssignError, CannedResponseId, Conflict, ConversationFilter, View};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::views::{ConversationView, MessageView, TimelineView};
use crate::http::error::ErrorBody;
use crate::http::{ApiError, ApiJson, ApiUser};
use crate::state::AppState;

/// WhatsApp's limit for a text message body.
pub const MAX_TEXT_CHARS: usize = 4096;
/// Longest `reply_to` accepted (wamids are about 60 characters).
const MAX_REPLY_TO_CHARS: usize = 256;

/// Longest page of conversations or messages one request returns.
pub const MAX_PAGE: i64 = 200;
/// Conversations per page when `limit` is not given.
pub const DEFAULT_CONVERSATION_PAGE: i64 = 50;
/// Messages per page when `limit` is not given.
pub const DEFAULT_MESSAGE_PAGE: i64 = 50;

/// Which conversations a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ViewName {
    /// Assigned to the caller.
    Mine,
    Unassigned,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusName {
    Open,
    Closed,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `mine` (default), `unassigned` or `all`.
    #[param(inline)]
    pub view: Option<ViewName>,
    /// `open` or `closed`; both when absent.
    #[param(inline)]
    pub status: Option<StatusName>,
    /// Only conversations on this WhatsApp number.
    pub number_id: Option<i64>,
    /// Cursor paging: the `cursor` of the last conversation of the previous page.
    #[param(max_length = 37, pattern = r"^[0-9]{1,18}\.[0-9]{1,18}$")]
    pub before: Option<String>,
    /// Conversations per page (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

/// A page size from a query, within 1..=200.
fn page_size(limit: Option<i64>, default: i64) -> Result<i64, ApiError> {
    match limit {
        None => Ok(default),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(n) if n < 1 => Err(ApiError::field(
            "limit",
            agentdesk_core::domain::Invalid::TooShort,
        )),
        Some(_) => Err(ApiError::field(
            "limit",
            agentdesk_core::domain::Invalid::TooLong,
        )),
    }
}

/// `"{last activity in ms}.{id}"`, what a conversation's `cursor` holds.
fn parse_cursor(raw: &str) -> Option<(agentdesk_core::Timestamp, ConversationId)> {
    let (at, id) = raw.split_once('.')?;
    Some((
        agentdesk_core::Timestamp(at.parse().ok()?),
        ConversationId(id.parse().ok()?),
    ))
}

#[utoipa::path(
    get, path = "/api/v1/conversations", tag = "inbox", params(ListQuery),
    responses(
        (status = 200, description = "Newest activity first, one page; the next page is `before` = the last item's `cursor` (a page shorter than `limit` is the last)", body = [ConversationView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 422, description = "`validation_failed`: an unknown view or status, a malformed cursor, a limit outside 1–200", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Vec<ConversationView>>, ApiError> {
    let view = match q.view.unwrap_or(ViewName::Mine) {
        ViewName::Mine => View::Mine(user.id),
        ViewName::Unassigned => View::Unassigned,
        ViewName::All => View::All,
    };
    let status = q.status.map(|s| match s {
        StatusName::Open => ConversationStatus::Open,
        StatusName::Closed => ConversationStatus::Closed,
    });
    let before =
        match q.before.as_deref() {
            None => None,
            Some(raw) => Some(parse_cursor(raw).ok_or_else(|| {
                ApiError::field("before", agentdesk_core::domain::Invalid::Format)
            })?),
        };
    let filter = ConversationFilter {
        company: user.company_id,
        view,
        status,
        number: q.number_id.map(NumberId),
        before,
        limit: page_size(q.limit, DEFAULT_CONVERSATION_PAGE)?,
    };
    let now = state.clock().now();
    let list = state.store().conversations(&filter).await?;
    Ok(Json(
        list.iter().map(|c| ConversationView::of(c, now)).collect(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Counts {
    pub mine: i64,
    pub unassigned: i64,
    pub all: i64,
}

#[utoipa::path(get, path = "/api/v1/conversations/counts", tag = "inbox", responses((status = 200, description = "Open conversations per view", body = Counts)))]
pub async fn counts(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
) -> Result<Json<Counts>, ApiError> {
    let c = state.store().view_counts(user.company_id, user.id).await?;
    Ok(Json(Counts {
        mine: c.mine,
        unassigned: c.unassigned,
        all: c.all,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationDetail {
    pub conversation: ConversationView,
    pub timeline: Vec<TimelineView>,
}

#[utoipa::path(
    get, path = "/api/v1/conversations/{id}", tag = "inbox", params(("id" = i64, Path)),
    responses((status = 200, body = ConversationDetail), (status = 404, body = ErrorBody))
)]
pub async fn get(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ConversationDetail>, ApiError> {
    let c = state
        .store()
        .conversation(user.company_id, ConversationId(id))
        .await?
        .ok_or(ApiError::NotFound)?;
    let timeline = state.store().timeline(c.company_id, c.id).await?;
    Ok(Json(ConversationDetail {
        conversation: ConversationView::of(&c, state.clock().now()),
        timeline: timeline.iter().map(TimelineView::of).collect(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MessagesQuery {
    /// Cursor paging: only messages older than this message id (the first of the page before).
    #[param(minimum = 1)]
    pub before: Option<i64>,
    /// Messages per page (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

#[utoipa::path(
    get, path = "/api/v1/conversations/{id}/messages", tag = "inbox",
    params(("id" = i64, Path), MessagesQuery),
    responses(
        (status = 200, description = "The newest page first (`before` = the first item's `id` gives the one before it); within a page oldest first", body = [MessageView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such conversation in the caller's company", body = ErrorBody),
        (status = 422, description = "`validation_failed`: a limit outside 1–200", body = ErrorBody),
    )
)]
pub async fn messages(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<MessagesQuery>,
) -> Result<Json<Vec<MessageView>>, ApiError> {
    let limit = page_size(q.limit, DEFAULT_MESSAGE_PAGE)?;
    if q.before.is_some_and(|b| b < 1) {
        return Err(ApiError::field(
            "before",
            agentdesk_core::domain::Invalid::TooShort,
        ));
    }
    let c = state
        .store()
        .conversation(user.company_id, ConversationId(id))
        .await?
        .ok_or(ApiError::NotFound)?;
    let list = state
        .store()
        .messages(c.company_id, c.id, q.before.map(MessageId), limit)
        .await?;
    Ok(Json(list.iter().map(MessageView::of).collect()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendRequest {
    /// 1–4096 characters (1,024 as the caption of a canned response's attachment). Required
    /// unless `canned_response_id` is given; then, when absent, the response's content with its
    /// placeholders filled for this conversation is sent.
    #[schema(min_length = 1, max_length = 4096, pattern = r"\S")]
    pub text: Option<String>,
    /// A canned response (the caller's own or a company preset): its attachment goes with the
    /// message (the stored file, uploaded to the Cloud API), and the use counts for its ranking.
    pub canned_response_id: Option<i64>,
    /// The WhatsApp id (`wa_message_id`) of a message to quote; empty or absent: none.
    #[schema(max_length = 256, pattern = r"^[A-Za-z0-9._=+/:-]*$")]
    pub reply_to: Option<String>,
}

#[utoipa::path(
    post, path = "/api/v1/conversations/{id}/messages", tag = "inbox", params(("id" = i64, Path)),
    request_body(content(
        (SendRequest = "application/json"),
        (SendForm = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "Stored as `pending` and queued for the Cloud API; status changes arrive as live events", body = MessageView),
        (status = 404, description = "No such conversation, or `canned_response_id` is not the caller's own or a company preset", body = ErrorBody),
        (status = 409, description = "`window_closed` outside WhatsApp's 24-hour window, `conversation_closed`, `number_disconnected`", body = ErrorBody),
        (status = 413, description = "`file_too_large`: image > 5 MB, audio/video > 16 MB, document > 100 MB", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not a file type WhatsApp carries (known by its bytes)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
pub async fn send(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(id): ApiPath<i64>,
    req: axum::extract::Request,
) -> Result<(StatusCode, Json<MessageView>), ApiError> {
    use crate::http::multipart::{JsonOrForm, json_or_form, parse_json};
    let (text, reply_to, file, canned_id) = match json_or_form(req, &state).await? {
        JsonOrForm::Form(form) => {
            let upload = super::attachments::read(form).await?;
            (Some(upload.text), upload.reply_to, upload.file, None)
        }
        JsonOrForm::Json(bytes) => {
            let body: SendRequest = parse_json(&bytes)?;
            (body.text, body.reply_to, None, body.canned_response_id)
        }
    };
    // A quoted message is named by its WhatsApp id; anything longer than any such id names none.
    let reply_to_wamid = reply_to.filter(|r| !r.trim().is_empty());
    if let Some(r) = &reply_to_wamid {
        if r.chars().count() > MAX_REPLY_TO_CHARS {
            return Err(ApiError::field(
                "reply_to",
                agentdesk_core::domain::Invalid::TooLong,
            ));
        }
        // WhatsApp message ids are letters, digits and a few punctuation marks.
        if !r
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._=+/:-".contains(&b))
        {
            return Err(ApiError::field(
                "reply_to",
                agentdesk_core::domain::Invalid::Format,
            ));
        }
    }
    let c = state
        .store()
        .conversation(user.company_id, ConversationId(id))
        .await?
        .ok_or(ApiError::NotFound)?;
    // A canned response: the caller's own or a company preset, never another agent's.
    let canned = match canned_id {
        None => None,
        Some(cid) => Some(
            crate::canned::usable(&state, &user, CannedResponseId(cid))
                .await?
                .ok_or(ApiError::NotFound)?,
        ),
    };
    let text = match (text, &canned) {
        (Some(t), _) if !t.trim().is_empty() => t,
        (_, Some(r)) => crate::canned::fill::Values::for_conversation(&state, &user, &c)
            .await?
            .render(&r.content),
        (t, None) => t.unwrap_or_default(),
    };
    let canned_file = canned.as_ref().and_then(|r| r.attachment.clone());
    let has_file = file.is_some() || canned_file.is_some();
    // Limits count what was sent, as the OpenAPI document's `maxLength` does.
    let sent_chars = text.chars().count();
    let text = text.trim().to_owned();
    let max = if has_file {
        super::attachments::MAX_CAPTION_CHARS
    } else {
        MAX_TEXT_CHARS
    };
    if text.is_empty() && !has_file {
        return Err(ApiError::field(
            "text",
            agentdesk_core::domain::Invalid::Required,
        ));
    }
    if sent_chars > max {
        return Err(ApiError::field(
            "text",
            agentdesk_core::domain::Invalid::TooLong,
        ));
    }
    if c.status == ConversationStatus::Closed {
        return Err(ApiError::ConversationClosed);
    }
    if c.number_disconnected {
        return Err(ApiError::NumberDisconnected);
    }
    let now = state.clock().now();
    if !c.window_open(now) {
        return Err(ApiError::WindowClosed);
    }
    let caption = (!text.is_empty()).then_some(text);
    let media_content = |kind, mime: &str, filename| MessageContent::Media {
        kind,
        media_id: None,
        mime_type: Some(mime.to_owned()),
        sha256: None,
        caption: caption.clone(),
        filename: Some(filename),
        voice: false,
    };
    let (content, media) = match (file, canned_file) {
        (None, None) => (
            MessageContent::Text {
                body: caption.clone().unwrap_or_default(),
            },
            None,
        ),
        // The stored blob goes as it is: nothing is uploaded again from the browser.
        (None, Some(f)) => (
            media_content(
                super::attachments::kind_for_mime(&f.mime),
                &f.mime,
                f.filename,
            ),
            Some(agentdesk_core::domain::inbox::MediaRef {
                key: f.key,
                mime: f.mime,
                size: f.size,
            }),
        ),
        (Some((bytes, filename)), _) => {
            let sniffed =
                super::attachments::sniff(&bytes).ok_or(ApiError::UnsupportedMediaType)?;
            if bytes.len() > super::attachments::limit_for(sniffed.kind) {
                return Err(ApiError::FileTooLarge);
            }
            let key = state
                .blobs()
                .put(&bytes)
                .await
                .map_err(ApiError::internal)?;
            let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
            (
                media_content(sniffed.kind, sniffed.mime, filename),
                Some(agentdesk_core::domain::inbox::MediaRef {
                    key,
                    mime: sniffed.mime.to_owned(),
                    size,
                }),
            )
        }
    };
    let record = OutboundRecord {
        conversation_id: c.id,
        sender_id: user.id,
        content,
        text: caption,
        reply_to_wamid,
        media,
    };
    let (message, event) = state.store().create_outbound(&record, now).await?;
    state
        .jobs()
        .enqueue_send(user.company_id, c.id, message.id)
        .await?;
    state.live().publish(vec![event]).await;
    if let Some(r) = canned {
        state
            .store()
            .record_canned_use(user.company_id, user.id, r.id, now)
            .await?;
    }
    Ok((StatusCode::CREATED, Json(MessageView::of(&message))))
}

/// A reply with one attachment (multipart form).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // documents the form for OpenAPI; the fields are read by `attachments::read`
pub struct SendForm {
    /// The attachment: image (JPEG, PNG, WebP ≤ 5 MB), video/audio (≤ 16 MB) or document (≤ 100 MB).
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
    /// Caption, at most 1024 characters.
    #[schema(max_length = 1024)]
    pub text: Option<String>,
    #[schema(max_length = 256, pattern = r"^[A-Za-z0-9._=+/:-]*$")]
    pub reply_to: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssigneeRequest {
    /// A user of the company, or null to unassign.
    #[schema(minimum = 1)]
    pub user_id: Option<i64>,
}

#[utoipa::path(
    put, path = "/api/v1/conversations/{id}/assignee", tag = "inbox", params(("id" = i64, Path)), request_body = AssigneeRequest,
    responses((status = 200, body = ConversationView), (status = 404, body = ErrorBody), (status = 422, description = "`validation_failed`: no such active user", body = ErrorBody))
)]
pub async fn assign(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<AssigneeRequest>,
) -> Result<Json<ConversationView>, ApiError> {
    let now = state.clock().now();
    match state
        .store()
        .assign(
            user.company_id,
            ConversationId(id),
            body.user_id.map(UserId),
            user.id,
            now,
        )
        .await?
    {
        Ok((c, event)) => {
            state.live().publish(vec![event]).await;
            Ok(Json(ConversationView::of(&c, now)))
        }
        Err(AssignError::NoSuchConversation) => Err(ApiError::NotFound),
        Err(AssignError::NoSuchAgent) => Err(ApiError::field(
            "user_id",
            agentdesk_core::domain::Invalid::Unsupported,
        )),
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    #[schema(value_type = StatusName)]
    pub status: String,
}

#[utoipa::path(
    put, path = "/api/v1/conversations/{id}/status", tag = "inbox", params(("id" = i64, Path)), request_body = StatusRequest,
    responses((status = 200, body = ConversationView), (status = 404, body = ErrorBody), (status = 409, description = "`conversation_conflict`: the customer has another open conversation on this number", body = ErrorBody))
)]
pub async fn set_status(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<StatusRequest>,
) -> Result<Json<ConversationView>, ApiError> {
    let status =
        ConversationStatus::parse(body.status.trim()).map_err(|i| ApiError::field("status", i))?;
    let now = state.clock().now();
    match state
        .store()
        .set_conversation_status(user.company_id, ConversationId(id), status, user.id, now)
        .await
    {
        Ok(Some((c, event))) => {
            state.live().publish(vec![event]).await;
            Ok(Json(ConversationView::of(&c, now)))
        }
        Ok(None) => Err(ApiError::NotFound),
        Err(StoreError::Conflict(Conflict::OpenConversation)) => {
            Err(ApiError::ConversationConflict)
        }
        Err(e) => Err(e.into()),
    }
}

#[utoipa::path(
    get, path = "/api/v1/messages/{id}/media", tag = "inbox", params(("id" = i64, Path)),
    responses((status = 200, description = "The file, with its MIME type (served with `nosniff`; only images, audio, video and PDF inline)"), (status = 404, body = ErrorBody))
)]
pub async fn media(
    State(state): State<AppState>,
    ApiUser { user, .. }: ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<axum::response::Response, ApiError> {
    // Only a message of the caller's company is found.
    let message = state
        .store()
        .message(
            user.company_id,
            agentdesk_core::domain::inbox::MessageId(id),
        )
        .await?
        .ok_or(ApiError::NotFound)?;
    let media = message.media.ok_or(ApiError::NotFound)?;
    let filename = match &message.content {
        MessageContent::Media {
            filename: Some(f), ..
        } => Some(f.clone()),
        _ => None,
    };
    super::attachments::serve(
        &state,
        &media.key,
        &media.mime,
        filename,
        &format!("message-{id}"),
    )
    .await
}
