//! The storage contract. Each backend (SQLite, PostgreSQL) implements `Store` with its own SQL and
//! migrations; the server only ever holds an `Arc<dyn Store>`. Multi-step writes happen inside one
//! transaction in the backend, never as several calls from the caller.

mod inbox;
mod security;
mod session;
mod throttle;

pub use inbox::{
    AssignError, ConversationFilter, IngestOutcome, Job, View, ViewCounts, WebhookBatch,
};
pub use security::{Challenge, NewChallenge, OutboxMessage, Resent, SecurityEvent, SendLimits};
pub use session::{NewSession, Session, SessionKind};
pub use throttle::ThrottleState;

use crate::Timestamp;
use crate::domain::inbox::{
    Availability, Conversation, ConversationId, ConversationStatus, LiveEvent, MediaRef, Message,
    MessageId, MessageStatus, NewWhatsAppNumber, NumberId, NumberPatch, OutboundRecord,
    TimelineEvent, WhatsAppNumber,
};
use crate::domain::{
    AvatarRef, Company, CompanyId, Email, NewUser, PhoneE164, ProfilePatch, TwoFactorMethod, User,
    UserId,
};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken (for example an email already in use).
    #[error("conflict with an existing record")]
    Conflict,
    /// A stored value no longer passes its domain validation.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Backend(#[source] Box<dyn std::error::Error + Send + Sync>),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Ids of live events committed by any instance, as the database announces them.
pub type LiveFeed = std::pin::Pin<Box<dyn futures_core::Stream<Item = i64> + Send>>;

#[async_trait::async_trait]
pub trait Store: Send + Sync + 'static {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Answers when the database does.
    async fn ping(&self) -> StoreResult<()>;
    /// Versions of the migrations applied, ascending.
    async fn applied_migrations(&self) -> StoreResult<Vec<i64>>;

    // Companies and users.
    async fn count_users(&self) -> StoreResult<i64>;
    async fn company(&self, id: CompanyId) -> StoreResult<Option<Company>>;
    /// All companies, oldest first.
    async fn companies(&self) -> StoreResult<Vec<Company>>;
    /// Creates the user, and the company by name when it does not exist, in one transaction.
    /// `Conflict` when the email (compared case-insensitively) is taken.
    async fn create_user(&self, new: &NewUser, now: Timestamp) -> StoreResult<User>;
    async fn user(&self, id: UserId) -> StoreResult<Option<User>>;
    async fn user_by_email(&self, email: &Email) -> StoreResult<Option<User>>;
    /// Users of one company, admins first, then by name.
    async fn company_users(&self, company: CompanyId) -> StoreResult<Vec<User>>;
    async fn update_profile(
        &self,
        id: UserId,
        patch: &ProfilePatch,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;
    /// Replaces (or with `None` removes) the user's avatar, and in the same statement applies the
    /// names of `names` (so one Save changes both or neither); returns the user as updated and
    /// the avatar it had before, whose blobs the caller may then delete if nothing else uses them.
    async fn set_avatar(
        &self,
        id: UserId,
        avatar: Option<&AvatarRef>,
        names: &ProfilePatch,
        now: Timestamp,
    ) -> StoreResult<Option<(User, Option<AvatarRef>)>>;
    /// The avatar whose full-size key is `full_key`, if a user of `company` has it.
    async fn company_avatar(
        &self,
        company: CompanyId,
        full_key: &str,
    ) -> StoreResult<Option<AvatarRef>>;
    /// Whether any avatar or message still refers to a blob.
    async fn blob_in_use(&self, key: &str) -> StoreResult<bool>;
    /// Sets a new password hash and, in the same transaction, ends every session of the user and
    /// starts `rotated` in place of the current one (`current`, a token hash). Returns how many
    /// other sessions ended.
    async fn change_password(
        &self,
        id: UserId,
        password_hash: &str,
        current: &str,
        rotated: &NewSession,
        now: Timestamp,
    ) -> StoreResult<u64>;
    /// The admin policy requiring a second factor for everyone in the company.
    async fn set_require_two_factor(
        &self,
        company: CompanyId,
        required: bool,
    ) -> StoreResult<Option<Company>>;
    /// Turns two-factor authentication on with a method, or off (`None`). `totp_secret` is the
    /// authenticator's shared secret (base32) for `Totp` and is cleared for any other method.
    /// Turning it off also deletes the recovery codes, in the same transaction.
    async fn set_two_factor(
        &self,
        id: UserId,
        method: Option<TwoFactorMethod>,
        totp_secret: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;
    /// The authenticator's shared secret (base32), when the user has one.
    async fn totp_secret(&self, id: UserId) -> StoreResult<Option<String>>;
    /// Records that the authenticator code of time step `step` was accepted, atomically; `false`
    /// when this step or a later one was already used (RFC 6238 §5.2: every code works once).
    async fn claim_totp_step(&self, id: UserId, step: i64) -> StoreResult<bool>;
    /// Replaces all the user's recovery codes with these hashes.
    async fn replace_recovery_codes(
        &self,
        id: UserId,
        hashes: &[String],
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Uses one recovery code up, atomically: `false` when `hash` is not one of the user's unused
    /// codes (of two parallel uses of one code, exactly one gets `true`).
    async fn use_recovery_code(&self, id: UserId, hash: &str, now: Timestamp) -> StoreResult<bool>;
    /// How many of the user's recovery codes are unused.
    async fn recovery_codes_left(&self, id: UserId) -> StoreResult<i64>;
    /// Sets (a verified number) or removes the user's phone.
    async fn set_phone(
        &self,
        id: UserId,
        phone: Option<&PhoneE164>,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;

    // One-time codes (SECURITY.md 1–4).
    /// Stores a challenge and counts its send, unless `limits` are reached (`false`, nothing
    /// stored): check and count are one atomic step. Any live challenge of the same user and
    /// purpose dies (one live code per user and purpose). A `totp` challenge sends nothing and is
    /// neither limited nor counted.
    async fn create_challenge(
        &self,
        challenge: &NewChallenge,
        limits: &SendLimits,
    ) -> StoreResult<bool>;
    async fn challenge(&self, id: &str) -> StoreResult<Option<Challenge>>;
    /// A resend: a new code replaces the old one (its wrong-try count starts again; the
    /// account's failure counter does not), under the same `limits`, checked and counted
    /// atomically.
    async fn resend_challenge(
        &self,
        id: &str,
        code_hash: &str,
        now: Timestamp,
        expires_at: Timestamp,
        limits: &SendLimits,
    ) -> StoreResult<Resent>;
    /// Counts a wrong code against the challenge and the account; returns the account's
    /// consecutive failures.
    async fn otp_failed(&self, challenge: &str, user: UserId, now: Timestamp) -> StoreResult<i64>;
    /// The account's consecutive failures and when the last one happened.
    async fn otp_failures(&self, user: UserId) -> StoreResult<Option<(i64, Timestamp)>>;
    /// Uses a challenge up, atomically: of two parallel calls exactly one gets `true`. Only a
    /// live, unexpired challenge with fewer than `max_attempts` wrong tries can be consumed; a
    /// success clears the account's failure counter.
    async fn consume_challenge(
        &self,
        id: &str,
        user: UserId,
        max_attempts: i64,
        now: Timestamp,
    ) -> StoreResult<bool>;

    // The dev outbox and security events.
    async fn push_outbox(
        &self,
        channel: &str,
        destination: &str,
        subject: Option<&str>,
        body: &str,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Newest first.
    async fn outbox(&self, limit: i64) -> StoreResult<Vec<OutboxMessage>>;
    async fn add_security_event(
        &self,
        user: UserId,
        kind: &str,
        detail: Option<&str>,
        ip: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Newest first.
    async fn security_events(&self, user: UserId, limit: i64) -> StoreResult<Vec<SecurityEvent>>;

    /// Activates or deactivates a user of `company`; deactivating ends all their sessions in the
    /// same transaction. `None` when no such user exists in that company.
    async fn set_user_active(
        &self,
        company: CompanyId,
        id: UserId,
        active: bool,
        now: Timestamp,
    ) -> StoreResult<Option<User>>;

    // Sessions. Only a hash of the session token is stored.
    async fn create_session(&self, session: &NewSession) -> StoreResult<()>;
    /// The live session for a token hash with its active user: not expired (absolute), not idle
    /// beyond `idle_cutoff`, user active.
    async fn live_session(
        &self,
        token_hash: &str,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> StoreResult<Option<(Session, User)>>;
    async fn touch_session(&self, token_hash: &str, now: Timestamp) -> StoreResult<()>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;
    /// The user's live sessions (full or half), most recently used first.
    async fn user_sessions(
        &self,
        user: UserId,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> StoreResult<Vec<Session>>;
    /// Ends every session of a user except `keep` (a token hash); returns how many ended.
    async fn delete_user_sessions(&self, user: UserId, keep: Option<&str>) -> StoreResult<u64>;
    /// Removes sessions whose absolute or idle deadline has passed; returns how many.
    async fn purge_expired_sessions(
        &self,
        now: Timestamp,
        idle_cutoff: Timestamp,
    ) -> StoreResult<u64>;

    // Login throttling, keyed by a string such as `account:<email>` or `ip:<addr>`.
    async fn throttle_state(&self, key: &str) -> StoreResult<Option<ThrottleState>>;
    /// Counts one failure atomically: the window restarts when `window_start_cutoff` is later than
    /// the stored window start. Returns the state after counting.
    async fn record_failure(
        &self,
        key: &str,
        now: Timestamp,
        window_start_cutoff: Timestamp,
    ) -> StoreResult<ThrottleState>;
    async fn lock_until(&self, key: &str, until: Timestamp) -> StoreResult<()>;
    async fn clear_throttle(&self, key: &str) -> StoreResult<()>;

    // Device cookies: browsers that completed a sign-in. Only a hash of the cookie is stored.
    async fn trust_device(&self, token_hash: &str, user: UserId, now: Timestamp)
    -> StoreResult<()>;
    /// The user a device cookie was given to, if it was used after `cutoff`; marks it used at
    /// `now` in the same statement.
    async fn trusted_device_user(
        &self,
        token_hash: &str,
        now: Timestamp,
        cutoff: Timestamp,
    ) -> StoreResult<Option<UserId>>;

    // WhatsApp numbers.
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
    async fn number(&self, id: NumberId) -> StoreResult<Option<WhatsAppNumber>>;
    /// Marks the number's access token as rejected by the Cloud API.
    async fn flag_number_token(&self, id: NumberId, at: Timestamp) -> StoreResult<()>;
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

    async fn set_availability(&self, user: UserId, availability: Availability) -> StoreResult<()>;

    // Conversations.
    /// Stores one webhook delivery in one transaction: contacts, conversations (opened and
    /// assigned by the number's rule), messages deduplicated by wamid, reactions, statuses that
    /// never downgrade, jobs, and the live events that tell browsers.
    async fn ingest(&self, batch: &WebhookBatch, now: Timestamp) -> StoreResult<IngestOutcome>;
    /// Newest activity first.
    async fn conversations(&self, filter: &ConversationFilter) -> StoreResult<Vec<Conversation>>;
    async fn view_counts(&self, company: CompanyId, me: UserId) -> StoreResult<ViewCounts>;
    async fn conversation(
        &self,
        company: CompanyId,
        id: ConversationId,
    ) -> StoreResult<Option<Conversation>>;
    /// A page of a conversation's messages: the newest `limit` before `before` (all when
    /// `None`), oldest first.
    async fn messages(
        &self,
        conversation: ConversationId,
        before: Option<MessageId>,
        limit: i64,
    ) -> StoreResult<Vec<Message>>;
    async fn message(&self, id: MessageId) -> StoreResult<Option<Message>>;
    async fn timeline(&self, conversation: ConversationId) -> StoreResult<Vec<TimelineEvent>>;
    /// Assigns (or with `None` unassigns) a conversation of `company` to one of its active users,
    /// with a timeline entry and a live event.
    async fn assign(
        &self,
        company: CompanyId,
        id: ConversationId,
        assignee: Option<UserId>,
        actor: UserId,
        now: Timestamp,
    ) -> StoreResult<Result<(Conversation, LiveEvent), AssignError>>;
    /// Closes or reopens. Reopening fails with `Conflict` when the customer already has another
    /// open conversation on that number.
    async fn set_conversation_status(
        &self,
        company: CompanyId,
        id: ConversationId,
        status: ConversationStatus,
        actor: UserId,
        now: Timestamp,
    ) -> StoreResult<Option<(Conversation, LiveEvent)>>;
    /// Stores an outgoing message as `pending` and tells browsers.
    async fn create_outbound(
        &self,
        record: &OutboundRecord,
        now: Timestamp,
    ) -> StoreResult<(Message, LiveEvent)>;
    /// Records what the Cloud API answered for an outgoing message.
    async fn outbound_result(
        &self,
        id: MessageId,
        wamid: Option<&str>,
        status: MessageStatus,
        error: Option<(i64, &str)>,
        now: Timestamp,
    ) -> StoreResult<Option<(Message, LiveEvent)>>;
    /// Records the downloaded file of an inbound media message, found by its wamid within the
    /// number it arrived on.
    async fn attach_media(
        &self,
        phone_number_id: &str,
        wamid: &str,
        media: &MediaRef,
        now: Timestamp,
    ) -> StoreResult<Option<(Message, LiveEvent)>>;
    /// One live event by id (for relaying events another instance created).
    async fn live_event(&self, id: i64) -> StoreResult<Option<LiveEvent>>;
    /// A feed of every committed live event's id when the backend can announce them to other
    /// instances (PostgreSQL `LISTEN/NOTIFY`); `None` for single-instance backends (SQLite).
    async fn live_feed(&self) -> StoreResult<Option<LiveFeed>>;
    /// Live events of a company after `after` (exclusive), oldest first.
    async fn live_events_after(
        &self,
        company: CompanyId,
        after: i64,
        limit: i64,
    ) -> StoreResult<Vec<LiveEvent>>;

    // Job queue.
    async fn enqueue_job(
        &self,
        kind: &str,
        payload: &str,
        run_at: Timestamp,
        max_attempts: i64,
    ) -> StoreResult<i64>;
    /// Leases the next due job until `lease_until`; a crashed worker's lease runs out and the job
    /// is claimed again.
    async fn claim_job(&self, now: Timestamp, lease_until: Timestamp) -> StoreResult<Option<Job>>;
    async fn complete_job(&self, id: i64, now: Timestamp) -> StoreResult<()>;
    /// Schedules another attempt, or gives up when attempts are used up (`retry_at` = None).
    async fn fail_job(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<Timestamp>,
        now: Timestamp,
    ) -> StoreResult<()>;
}
