//! Statement helpers used inside `impl_store!` transactions.

/// Inserts a session (`&NewSession`) with any executor (`&pool` or `&mut *tx`).
#[macro_export]
macro_rules! insert_session {
    ($db:ty, $executor:expr, $s:expr) => {
        ::sqlx::query::<$db>(concat!(
            "INSERT INTO sessions (token_hash, user_id, kind, created_at, last_seen_at, expires_at, ip, user_agent) ",
            "VALUES ($1, $2, $3, $4, $4, $5, $6, $7)"
        ))
        .bind(&$s.token_hash)
        .bind($s.user_id.0)
        .bind($s.kind.as_str())
        .bind($s.created_at.0)
        .bind($s.expires_at.0)
        .bind(&$s.ip)
        .bind(&$s.user_agent)
        .execute($executor)
        .await
        .map_err($crate::store_error)?
    };
}

/// Inside a transaction: whether one more code may go from account `$user` to `$destination`
/// under `$limits` (`&SendLimits`) and, when it may, counts it — one atomic step. `$send_lock` is
/// the backend's statement that serializes sends per key (PostgreSQL: an advisory transaction
/// lock; SQLite: a no-op, as `BEGIN IMMEDIATE` already serializes writers). The account's lock is
/// always taken before the destination's, so two sends never wait on each other in a cycle.
#[macro_export]
macro_rules! try_count_send {
    ($db:ty, $tx:expr, $send_lock:literal, $user:expr, $destination:expr, $verified:expr, $limits:expr, $now:expr) => {{
        let user: i64 = $user;
        let destination: &str = $destination;
        let verified: bool = $verified;
        let limits: &$crate::SendLimits = $limits;
        for key in [format!("otp-account:{user}"), format!("otp-destination:{destination}")] {
            ::sqlx::query::<$db>($send_lock)
                .bind(key)
                .execute(&mut *$tx)
                .await
                .map_err($crate::store_error)?;
        }
        let (by_account, by_destination_verified, by_destination): (i64, i64, i64) =
            ::sqlx::query_as::<$db, (i64, i64, i64)>(concat!(
                "SELECT (SELECT COUNT(*) FROM otp_sends WHERE user_id = $1 AND sent_at > $3), ",
                "(SELECT COUNT(*) FROM otp_sends WHERE destination = $2 AND verified = $4 ",
                "AND sent_at > $3), ",
                "(SELECT COUNT(*) FROM otp_sends WHERE destination = $2 AND sent_at > $3)"
            ))
            .bind(user)
            .bind(destination)
            .bind(limits.since.0)
            .bind(true)
            .fetch_one(&mut *$tx)
            .await
            .map_err($crate::store_error)?;
        let allowed = by_account < limits.per_account
            && if verified {
                by_destination_verified < limits.per_verified_destination
            } else {
                by_destination < limits.per_unverified_destination
            };
        if allowed {
            ::sqlx::query::<$db>(
                "INSERT INTO otp_sends (user_id, destination, verified, sent_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(user)
            .bind(destination)
            .bind(verified)
            .bind($now)
            .execute(&mut *$tx)
            .await
            .map_err($crate::store_error)?;
        }
        allowed
    }};
}

/// Inserts a live event inside a transaction and evaluates to it.
#[macro_export]
macro_rules! push_live_event {
    ($db:ty, $tx:expr, $company:expr, $kind:expr, $conversation:expr, $message:expr, $now:expr) => {
        ::sqlx::query_as::<$db, $crate::LiveEventRow>(
            "INSERT INTO live_events (company_id, kind, conversation_id, message_id, created_at) VALUES ($1, $2, $3, $4, $5) \
             RETURNING id, company_id, kind, conversation_id, message_id, created_at",
        )
        .bind($company)
        .bind($kind)
        .bind($conversation)
        .bind($message)
        .bind($now)
        .fetch_one(&mut *$tx)
        .await
        .map_err($crate::store_error)?
        .into_event()
    };
}

/// Inserts a timeline entry inside a transaction.
#[macro_export]
macro_rules! push_timeline {
    ($db:ty, $tx:expr, $conversation:expr, $kind:expr, $actor:expr, $subject:expr, $now:expr) => {
        ::sqlx::query::<$db>(
            "INSERT INTO timeline_events (conversation_id, kind, actor_id, subject_id, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind($conversation)
        .bind($kind)
        .bind($actor)
        .bind($subject)
        .bind($now)
        .execute(&mut *$tx)
        .await
        .map_err($crate::store_error)?
    };
}

/// Inside an ingest transaction: the contact of company `$company` a payload describes by
/// `$bsuid` and/or `$phone` (`Option<&str>` each), created when neither is known, and merged when
/// the payload shows two contacts to be one customer. Evaluates to `(contact_id, merged)` where
/// `merged` lists `(conversation that went, conversation it went into)` for open conversations
/// on the same number that became one (messages, timeline and live events moved, nothing lost;
/// one open conversation per customer per number).
///
/// Which contacts are one customer: the one with this BSUID; any with this phone and no BSUID
/// (known by phone only, until now). A contact with this phone but another BSUID is somebody
/// else whose old number was recycled: it keeps its history and loses the phone. Without a BSUID
/// in the payload, the phone's contact (preferring one that knows its BSUID) absorbs the others
/// that have none.
#[macro_export]
macro_rules! resolve_contact {
    ($db:ty, $tx:expr, $company:expr, $key:expr, $bsuid:expr, $phone:expr, $name:expr, $now:expr) => {{
        let company: i64 = $company;
        let bsuid: Option<&str> = $bsuid;
        let phone: Option<&str> = $phone;
        let name: Option<&str> = $name;
        let now: i64 = $now;
        let rows = ::sqlx::query_as::<$db, (i64, Option<String>, Option<String>)>(concat!(
            "SELECT id, bsuid, phone FROM contacts ",
            "WHERE company_id = $1 AND (bsuid = $2 OR phone = $3) ORDER BY id"
        ))
        .bind(company)
        .bind(bsuid)
        .bind(phone)
        .fetch_all(&mut *$tx)
        .await
        .map_err($crate::store_error)?;
        let target = match bsuid {
            Some(b) => rows
                .iter()
                .find(|r| r.1.as_deref() == Some(b))
                .or_else(|| rows.iter().find(|r| r.1.is_none())),
            None => rows.iter().find(|r| r.1.is_some()).or(rows.first()),
        }
        .map(|r| r.0);
        if let (Some(b), Some(_)) = (bsuid, phone) {
            // The number now belongs to this customer: another BSUID's contact gives it up.
            for r in rows.iter().filter(|r| r.1.as_deref().is_some_and(|o| o != b) && r.2.as_deref() == phone) {
                ::sqlx::query::<$db>("UPDATE contacts SET phone = NULL WHERE id = $1")
                    .bind(r.0)
                    .execute(&mut *$tx)
                    .await
                    .map_err($crate::store_error)?;
            }
        }
        let mut merged: Vec<(i64, i64)> = Vec::new();
        let contact_id = match target {
            None => ::sqlx::query_scalar::<$db, i64>(concat!(
                "INSERT INTO contacts (company_id, customer_id, phone, bsuid, name, created_at) ",
                "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (company_id, customer_id) DO UPDATE SET ",
                "name = COALESCE(excluded.name, contacts.name), ",
                "phone = COALESCE(excluded.phone, contacts.phone), ",
                "bsuid = COALESCE(contacts.bsuid, excluded.bsuid) RETURNING id"
            ))
            .bind(company)
            .bind($key)
            .bind(phone)
            .bind(bsuid)
            .bind(name)
            .bind(now)
            .fetch_one(&mut *$tx)
            .await
            .map_err($crate::store_error)?,
            Some(target) => {
                let gone = rows.iter().filter(|r| r.0 != target && r.1.is_none());
                for (gone_id, _, _) in gone {
                    let open = ::sqlx::query_as::<$db, (i64, i64, Option<i64>, Option<i64>, i64)>(concat!(
                        "SELECT id, number_id, assignee_id, last_customer_message_at, last_activity_at ",
                        "FROM conversations WHERE contact_id = $1 AND status = 'open'"
                    ))
                    .bind(*gone_id)
                    .fetch_all(&mut *$tx)
                    .await
                    .map_err($crate::store_error)?;
                    for (conversation, number, assignee, last_customer, last_activity) in open {
                        let keep = ::sqlx::query_scalar::<$db, i64>(concat!(
                            "SELECT id FROM conversations ",
                            "WHERE contact_id = $1 AND number_id = $2 AND status = 'open'"
                        ))
                        .bind(target)
                        .bind(number)
                        .fetch_optional(&mut *$tx)
                        .await
                        .map_err($crate::store_error)?;
                        let Some(keep) = keep else { continue };
                        for table in ["messages", "timeline_events", "live_events"] {
                            let sql = format!("UPDATE {table} SET conversation_id = $1 WHERE conversation_id = $2");
                            ::sqlx::query::<$db>(&sql)
                                .bind(keep)
                                .bind(conversation)
                                .execute(&mut *$tx)
                                .await
                                .map_err($crate::store_error)?;
                        }
                        ::sqlx::query::<$db>(concat!(
                            "UPDATE conversations SET assignee_id = COALESCE(assignee_id, $1), ",
                            "last_customer_message_at = CASE WHEN last_customer_message_at IS NULL ",
                            "OR last_customer_message_at < $2 THEN $2 ELSE last_customer_message_at END, ",
                            "last_activity_at = CASE WHEN last_activity_at < $3 THEN $3 ELSE last_activity_at END ",
                            "WHERE id = $4"
                        ))
                        .bind(assignee)
                        .bind(last_customer)
                        .bind(last_activity)
                        .bind(keep)
                        .execute(&mut *$tx)
                        .await
                        .map_err($crate::store_error)?;
                        ::sqlx::query::<$db>("DELETE FROM conversations WHERE id = $1")
                            .bind(conversation)
                            .execute(&mut *$tx)
                            .await
                            .map_err($crate::store_error)?;
                        merged.push((conversation, keep));
                    }
                    ::sqlx::query::<$db>("UPDATE conversations SET contact_id = $1 WHERE contact_id = $2")
                        .bind(target)
                        .bind(*gone_id)
                        .execute(&mut *$tx)
                        .await
                        .map_err($crate::store_error)?;
                    // The merged contact's name survives where the kept one has none.
                    ::sqlx::query::<$db>(concat!(
                        "UPDATE contacts SET name = COALESCE(name, (SELECT name FROM contacts WHERE id = $1)) ",
                        "WHERE id = $2"
                    ))
                    .bind(*gone_id)
                    .bind(target)
                    .execute(&mut *$tx)
                    .await
                    .map_err($crate::store_error)?;
                    ::sqlx::query::<$db>("DELETE FROM contacts WHERE id = $1")
                        .bind(*gone_id)
                        .execute(&mut *$tx)
                        .await
                        .map_err($crate::store_error)?;
                }
                ::sqlx::query::<$db>(concat!(
                    "UPDATE contacts SET bsuid = COALESCE(bsuid, $1), phone = COALESCE($2, phone), ",
                    "name = COALESCE($3, name) WHERE id = $4"
                ))
                .bind(bsuid)
                .bind(phone)
                .bind(name)
                .bind(target)
                .execute(&mut *$tx)
                .await
                .map_err($crate::store_error)?;
                target
            }
        };
        (contact_id, merged)
    }};
}
