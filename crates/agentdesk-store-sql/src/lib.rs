//! What the SQLite and PostgreSQL stores share. Both drivers accept `$N` placeholders, so the SQL
//! both databases run alike is written once per capability, as a macro (`impl_user_store!`,
//! `impl_conversation_store!`, …) that each backend expands for its pool type; a backend that
//! needs its own SQL for a capability (full-text search, notifications) implements that trait
//! itself instead of expanding the macro. `sqlx::FromRow` derives are generic over the database, so
//! each row is declared once; converting rows into domain records re-validates every stored value.
//! The macro bodies are formatted by `scripts/fmt-macros.py`, which rustfmt cannot do.

mod canned_responses;
mod conversations;
mod database;
mod jobs;
mod live_events;
mod numbers;
mod one_time_codes;
mod outbox;
mod recovery_codes;
mod security_events;
mod sessions;
mod throttle;
mod two_factor;
mod users;

// Re-exported for the store macros, which expand in the backend crates.
pub use agentdesk_core::domain::inbox::{
    AssignmentMode, Availability, Contact, ContactId, Conversation, ConversationId,
    ConversationStatus, Direction, InboundRecord, InitiatedBy, LiveEvent, LiveEventKind, MediaRef,
    Message, MessageId, MessageStatus, NewWhatsAppNumber, NumberId, NumberPatch, OutboundRecord,
    TimelineEvent, TimelineKind, WhatsAppNumber,
};
pub use agentdesk_core::domain::{
    AvatarRef, Company, CompanyId, Email, Locale, NewUser, PersonName, ProfilePatch, Role, User,
    UserId,
};
pub use agentdesk_core::domain::{PhoneE164, TwoFactorMethod};
pub use agentdesk_core::store::{
    AssignError, ConversationFilter, IngestOutcome, Job, View, ViewCounts, WebhookBatch,
};
pub use agentdesk_core::store::{
    Challenge, CodeChannel, NewChallenge, OutboxMessage, Purpose, Resent, SecurityEvent, SendLimits,
};
pub use agentdesk_core::store::{
    NewSession, Session, SessionKind, StoreResult as Result, ThrottleState,
};
pub use agentdesk_core::{StoreError, Timestamp};

mod inbox_rows;
pub use canned_responses::{CannedRow, like_escape, scope_owner};
pub use inbox_rows::*;

/// The user columns in the order `UserRow` expects, as a literal for `concat!`; with a prefix
/// such as `"u."` for joins.
#[macro_export]
macro_rules! user_columns {
    () => {
        $crate::user_columns!("")
    };
    ($p:literal) => {
        concat!(
            $p,
            "id, ",
            $p,
            "company_id, ",
            $p,
            "email, ",
            $p,
            "first_name, ",
            $p,
            "last_name, ",
            $p,
            "role, ",
            $p,
            "locale, ",
            $p,
            "password_hash, ",
            $p,
            "active, ",
            $p,
            "availability, ",
            $p,
            "avatar_key, ",
            $p,
            "avatar_thumb_key, ",
            $p,
            "phone, ",
            $p,
            "two_factor_method, ",
            $p,
            "created_at, ",
            $p,
            "updated_at"
        )
    };
}

/// The session columns `SessionUserRow` expects before the user columns, for a join of
/// `sessions s`.
#[macro_export]
macro_rules! session_columns {
    () => {
        concat!(
            "s.token_hash, s.kind, s.created_at AS session_created_at, s.last_seen_at, ",
            "s.expires_at, s.ip, s.user_agent"
        )
    };
}

/// Maps a driver error by kind: a unique violation is a `Conflict` on every backend, named by the
/// constraint (PostgreSQL reports its name, SQLite the table and columns in its message).
pub fn store_error(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            StoreError::Conflict(conflict_of(db.constraint(), db.message()))
        }
        _ => StoreError::Backend(Box::new(e)),
    }
}

fn conflict_of(constraint: Option<&str>, message: &str) -> agentdesk_core::store::Conflict {
    use agentdesk_core::store::Conflict;
    let what = constraint.unwrap_or(message);
    if what.contains("email_normalized") {
        Conflict::Email
    } else if what.contains("phone_number_id") {
        Conflict::PhoneNumberId
    } else if what.contains("canned_responses_code") || what.contains("canned_responses.code_key") {
        Conflict::ShortCode
    } else if what.contains("conversations_one_open")
        || what.contains("conversations.number_id, conversations.contact_id")
    {
        Conflict::OpenConversation
    } else {
        Conflict::Other(what.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::conflict_of;
    use agentdesk_core::store::Conflict;

    #[test]
    fn unique_violations_are_named_on_both_backends() {
        // PostgreSQL names the constraint; SQLite says which columns.
        let pg = |c| conflict_of(Some(c), "duplicate key value violates unique constraint");
        let lite = |m| conflict_of(None, m);
        assert_eq!(pg("users_email_normalized_key"), Conflict::Email);
        assert_eq!(
            lite("UNIQUE constraint failed: users.email_normalized"),
            Conflict::Email
        );
        assert_eq!(
            pg("whatsapp_numbers_phone_number_id_key"),
            Conflict::PhoneNumberId
        );
        assert_eq!(
            lite("UNIQUE constraint failed: whatsapp_numbers.phone_number_id"),
            Conflict::PhoneNumberId
        );
        assert_eq!(pg("canned_responses_code_company"), Conflict::ShortCode);
        assert_eq!(pg("canned_responses_code_personal"), Conflict::ShortCode);
        assert_eq!(
            lite("UNIQUE constraint failed: canned_responses.owner_id, canned_responses.code_key"),
            Conflict::ShortCode
        );
        assert_eq!(pg("conversations_one_open"), Conflict::OpenConversation);
        assert_eq!(
            lite("UNIQUE constraint failed: conversations.number_id, conversations.contact_id"),
            Conflict::OpenConversation
        );
        assert_eq!(
            pg("companies_name_key"),
            Conflict::Other("companies_name_key".into())
        );
    }
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what}: {value:?}"))
}

#[derive(Debug, sqlx::FromRow)]
pub struct CompanyRow {
    pub id: i64,
    pub name: String,
    pub require_two_factor: bool,
    pub created_at: i64,
}

impl CompanyRow {
    pub fn into_company(self) -> Company {
        Company {
            id: CompanyId(self.id),
            name: self.name,
            require_two_factor: self.require_two_factor,
            created_at: Timestamp(self.created_at),
        }
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub company_id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: String,
    pub locale: Option<String>,
    pub password_hash: String,
    pub active: bool,
    pub availability: String,
    pub avatar_key: Option<String>,
    pub avatar_thumb_key: Option<String>,
    pub phone: Option<String>,
    pub two_factor_method: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl UserRow {
    pub fn into_user(self) -> Result<User> {
        Ok(User {
            id: UserId(self.id),
            company_id: CompanyId(self.company_id),
            email: Email::parse(&self.email).map_err(|_| corrupt("email", &self.email))?,
            first_name: PersonName::parse(&self.first_name)
                .map_err(|_| corrupt("first_name", &self.first_name))?,
            last_name: PersonName::parse(&self.last_name)
                .map_err(|_| corrupt("last_name", &self.last_name))?,
            role: Role::parse(&self.role).map_err(|_| corrupt("role", &self.role))?,
            locale: match self.locale.as_deref() {
                None => None,
                Some(tag) => Some(Locale::parse(tag).map_err(|_| corrupt("locale", tag))?),
            },
            password_hash: self.password_hash.into(),
            active: self.active,
            availability: Availability::parse(&self.availability)
                .map_err(|_| corrupt("availability", &self.availability))?,
            avatar: match (self.avatar_key, self.avatar_thumb_key) {
                (Some(full), Some(thumb)) => Some(AvatarRef { full, thumb }),
                _ => None,
            },
            phone: match self.phone.as_deref() {
                None => None,
                Some(p) => Some(PhoneE164::from_e164(p).map_err(|_| corrupt("phone", p))?),
            },
            two_factor: match self.two_factor_method.as_deref() {
                None => None,
                Some(m) => {
                    Some(TwoFactorMethod::parse(m).map_err(|_| corrupt("two_factor_method", m))?)
                }
            },
            created_at: Timestamp(self.created_at),
            updated_at: Timestamp(self.updated_at),
        })
    }
}

/// A session joined with its user (`session_columns!()` then `user_columns!("u.")`).
#[derive(Debug, sqlx::FromRow)]
pub struct SessionUserRow {
    pub token_hash: String,
    pub kind: String,
    pub session_created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    #[sqlx(flatten)]
    pub user: UserRow,
}

impl SessionUserRow {
    pub fn into_pair(self) -> Result<(Session, User)> {
        let kind =
            SessionKind::parse(&self.kind).ok_or_else(|| corrupt("session kind", &self.kind))?;
        let user = self.user.into_user()?;
        let session = Session {
            token_hash: self.token_hash,
            user_id: user.id,
            kind,
            created_at: Timestamp(self.session_created_at),
            last_seen_at: Timestamp(self.last_seen_at),
            expires_at: Timestamp(self.expires_at),
            ip: self.ip,
            user_agent: self.user_agent,
        };
        Ok((session, user))
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct ThrottleRow {
    pub failures: i64,
    pub window_started_at: i64,
    pub locked_until: Option<i64>,
}

impl ThrottleRow {
    pub fn into_state(self) -> ThrottleState {
        ThrottleState {
            failures: self.failures,
            window_started_at: Timestamp(self.window_started_at),
            locked_until: self.locked_until.map(Timestamp),
        }
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct ChallengeRow {
    pub id: String,
    pub user_id: i64,
    pub purpose: String,
    pub channel: String,
    pub destination: String,
    pub destination_verified: bool,
    pub payload: String,
    pub code_hash: String,
    pub attempts: i64,
    pub sends: i64,
    pub created_at: i64,
    pub last_sent_at: i64,
    pub expires_at: i64,
    pub consumed_at: Option<i64>,
}

impl ChallengeRow {
    pub fn into_challenge(self) -> Result<Challenge> {
        Ok(Challenge {
            purpose: Purpose::parse(&self.purpose)
                .ok_or_else(|| corrupt("challenge purpose", &self.purpose))?,
            channel: CodeChannel::parse(&self.channel)
                .ok_or_else(|| corrupt("challenge channel", &self.channel))?,
            id: self.id,
            user_id: UserId(self.user_id),
            destination: self.destination,
            verified: self.destination_verified,
            payload: self.payload,
            code_hash: self.code_hash,
            attempts: self.attempts,
            sends: self.sends,
            created_at: Timestamp(self.created_at),
            last_sent_at: Timestamp(self.last_sent_at),
            expires_at: Timestamp(self.expires_at),
            consumed: self.consumed_at.is_some(),
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub channel: String,
    pub destination: String,
    pub subject: Option<String>,
    pub body: String,
    pub created_at: i64,
}

impl OutboxRow {
    pub fn into_message(self) -> OutboxMessage {
        OutboxMessage {
            id: self.id,
            channel: self.channel,
            destination: self.destination,
            subject: self.subject,
            body: self.body,
            created_at: Timestamp(self.created_at),
        }
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct SecurityEventRow {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub detail: Option<String>,
    pub ip: Option<String>,
    pub created_at: i64,
}

impl SecurityEventRow {
    pub fn into_event(self) -> Result<SecurityEvent> {
        Ok(SecurityEvent {
            id: self.id,
            user_id: UserId(self.user_id),
            kind: agentdesk_core::store::SecurityEventKind::parse(&self.kind)
                .ok_or_else(|| corrupt("security event kind", &self.kind))?,
            detail: self.detail,
            ip: self.ip,
            created_at: Timestamp(self.created_at),
        })
    }
}
