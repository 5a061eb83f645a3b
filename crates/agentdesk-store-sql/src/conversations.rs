//! Conversations and messages: ingest, lists, assignment, replies, media.

/// Inserts a live event inside a transaction and evaluates to it.
#[macro_export]
macro_rules! push_live_event {
    (
        $db:ty, $tx:expr, $company:expr, $kind:expr, $conversation:expr, $message:expr, $now:expr
    ) => {
        ::sqlx::query_as::<$db, $crate::LiveEventRow>(concat!(
            "INSERT INTO live_events (company_id, kind, conversation_id, message_id, ",
            "created_at) VALUES ($1, $2, $3, $4, $5) ",
            "RETURNING id, company_id, kind, conversation_id, message_id, created_at"
        ))
        .bind($company)
        .bind($kind.as_str())
        .bind($conversation)
        .bind($message)
        .bind($now)
        .fetch_one(&mut *$tx)
        .await
        .map_err($crate::store_error)?
        .into_event()?
    };
}

/// Inserts a timeline entry inside a transaction.
#[macro_export]
macro_rules! push_timeline {
    ($db:ty, $tx:expr, $conversation:expr, $kind:expr, $actor:expr, $subject:expr, $now:expr) => {
        ::sqlx::query::<$db>(concat!(
            "INSERT INTO timeline_events (conversation_id, kind, actor_id, subject_id, ",
            "created_at) VALUES ($1, $2, $3, $4, $5)"
        ))
        .bind($conversation)
        .bind($kind.as_str())
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
    (
        $db:ty, $tx:expr, $company:expr, $key:expr, $bsuid:expr, $phone:expr, $name:expr, $now:expr
    ) => {{
        let company: i64 = $company;
        let bsuid: Option<&str> = $bsuid;
        let phone: Option<&str> = $phone;
        let name: Option<&str> = $name;
        let now: i64 = $now;
        // Two lookups joined by UNION, so each uses its own index: with `bsuid = $2 OR
        // phone = $3` SQLite searched the phone index by company alone, scanning every contact
        // of the company on every delivery.
        let rows = ::sqlx::query_as::<$db, (i64, Option<String>, Option<String>)>(concat!(
            "SELECT id, bsuid, phone FROM contacts WHERE company_id = $1 AND bsuid = $2 ",
            "UNION SELECT id, bsuid, phone FROM contacts WHERE company_id = $1 AND phone = $3 ",
            "ORDER BY id"
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
            for r in rows
                .iter()
                .filter(|r| r.1.as_deref().is_some_and(|o| o != b) && r.2.as_deref() == phone)
            {
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
                "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (company_id, customer_id) DO UPDATE ",
                "SET ",
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
                    let open = ::sqlx::query_as::<$db, (i64, i64, Option<i64>, Option<i64>, i64)>(
                        concat!(
                            "SELECT id, number_id, assignee_id, last_customer_message_at, ",
                            "last_activity_at ",
                            "FROM conversations WHERE contact_id = $1 AND status = 'open'"
                        ),
                    )
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
                            let sql = format!(
                                "UPDATE {table} SET conversation_id = $1 WHERE conversation_id = $2"
                            );
                            ::sqlx::query::<$db>(&sql)
                                .bind(keep)
                                .bind(conversation)
                                .execute(&mut *$tx)
                                .await
                                .map_err($crate::store_error)?;
                        }
                        ::sqlx::query::<$db>(concat!(
                            "UPDATE conversations SET assignee_id = COALESCE(assignee_id, $1), ",
                            "last_customer_message_at = CASE WHEN last_customer_message_at IS ",
                            "NULL ",
                            "OR last_customer_message_at < $2 THEN $2 ELSE ",
                            "last_customer_message_at END, ",
                            "last_activity_at = CASE WHEN last_activity_at < $3 THEN $3 ELSE ",
                            "last_activity_at END ",
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
                    ::sqlx::query::<$db>(
                        "UPDATE conversations SET contact_id = $1 WHERE contact_id = $2",
                    )
                    .bind(target)
                    .bind(*gone_id)
                    .execute(&mut *$tx)
                    .await
                    .map_err($crate::store_error)?;
                    // The merged contact's name survives where the kept one has none.
                    ::sqlx::query::<$db>(concat!(
                        "UPDATE contacts SET name = COALESCE(name, (SELECT name FROM contacts ",
                        "WHERE id = $1)) ",
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
                    "UPDATE contacts SET bsuid = COALESCE(bsuid, $1), phone = COALESCE($2, ",
                    "phone), ",
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

/// Implements `agentdesk_core::store::ConversationStore` for a struct with a `pool:
/// sqlx::Pool<$db>` field; `$begin` starts a write transaction (`BEGIN IMMEDIATE` on SQLite, so a
/// transaction that reads before it writes cannot fail with SQLITE_BUSY_SNAPSHOT when another
/// writer commits in between).
#[macro_export]
macro_rules! impl_conversation_store {
    ($store:ty, $db:ty, $begin:literal) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::ConversationStore for $store {
            async fn ingest(
                &self,
                batch: &$crate::WebhookBatch,
                now: $crate::Timestamp,
            ) -> $crate::Result<$crate::IngestOutcome> {
                let mut out = $crate::IngestOutcome::default();
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                // A delivery usually carries several messages of few customers: look each number,
                // contact and conversation up once, and touch each conversation once at the end.
                let mut numbers: ::std::collections::HashMap<&str, Option<(i64, i64, String)>> =
                    ::std::collections::HashMap::new();
                let mut conversations: ::std::collections::HashMap<(i64, &str), i64> =
                    ::std::collections::HashMap::new();
                let mut touched: ::std::collections::HashMap<i64, i64> =
                    ::std::collections::HashMap::new();
                // Redeliveries: which of these wamids are stored already (one query per delivery).
                let mut stored: ::std::collections::HashSet<String> =
                    ::std::collections::HashSet::new();
                for chunk in batch.messages.chunks(500) {
                    let placeholders: Vec<String> =
                        (1..=chunk.len()).map(|i| format!("${i}")).collect();
                    let sql = format!(
                        "SELECT wamid FROM messages WHERE wamid IN ({})",
                        placeholders.join(", ")
                    );
                    let mut q = ::sqlx::query_scalar::<$db, String>(&sql);
                    for m in chunk {
                        q = q.bind(&m.wamid);
                    }
                    stored.extend(q.fetch_all(&mut *tx).await.map_err($crate::store_error)?);
                }
                let mut seen: ::std::collections::HashSet<&str> =
                    stored.iter().map(String::as_str).collect();
                let mut pending: Vec<(i64, i64, &$crate::InboundRecord)> = Vec::new();
                for m in &batch.messages {
                    let number = match numbers.get(m.phone_number_id.as_str()) {
                        Some(n) => n.clone(),
                        None => {
                            let n = ::sqlx::query_as::<$db, (i64, i64, String)>(concat!(
                                "SELECT id, company_id, assignment FROM whatsapp_numbers ",
                                "WHERE phone_number_id = $1 AND disconnected_at IS NULL"
                            ))
                            .bind(&m.phone_number_id)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err($crate::store_error)?;
                            numbers.insert(m.phone_number_id.as_str(), n.clone());
                            n
                        }
                    };
                    let Some((number_id, company_id, assignment)) = number else {
                        out.unknown_number += 1;
                        continue;
                    };
                    if stored.contains(m.wamid.as_str()) {
                        out.duplicates += 1;
                        continue;
                    }
                    let conversation_id = match conversations
                        .get(&(number_id, m.customer_id.as_str()))
                    {
                        Some(id) => *id,
                        None => {
                            let (contact_id, merged) = $crate::resolve_contact!(
                                $db,
                                tx,
                                company_id,
                                &m.customer_id,
                                m.customer_bsuid.as_deref(),
                                m.customer_phone.as_deref(),
                                m.profile_name.as_deref(),
                                now.0
                            );
                            if !merged.is_empty() {
                                // Conversations of this delivery that went into another one: their
                                // pending messages follow, and cached lookups start again.
                                conversations.clear();
                                for (gone, keep) in &merged {
                                    for p in pending.iter_mut().filter(|p| p.0 == *gone) {
                                        p.0 = *keep;
                                    }
                                    out.events
                                        .retain(|e| e.conversation_id.map(|c| c.0) != Some(*gone));
                                    out.events.push($crate::push_live_event!(
                                        $db,
                                        tx,
                                        company_id,
                                        $crate::LiveEventKind::Conversation,
                                        Some(*keep),
                                        None::<i64>,
                                        now.0
                                    ));
                                }
                            }
                            let open = ::sqlx::query_scalar::<$db, i64>(concat!(
                                "SELECT id FROM conversations ",
                                "WHERE number_id = $1 AND contact_id = $2 AND status = 'open'"
                            ))
                            .bind(number_id)
                            .bind(contact_id)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err($crate::store_error)?;
                            let id = match open {
                                Some(id) => id,
                                None => {
                                    let assignee = if assignment == "round_robin" {
                                        ::sqlx::query_scalar::<$db, i64>(concat!(
                                        "SELECT id FROM users WHERE company_id = $1 AND active = ",
                                        "$2 AND availability = 'available' ",
                                        "ORDER BY COALESCE(last_assigned_at, 0), id LIMIT 1"
                                    ))
                                    .bind(company_id)
                                    .bind(true)
                                    .fetch_optional(&mut *tx)
                                    .await
                                    .map_err($crate::store_error)?
                                    } else {
                                        None
                                    };
                                    let id = ::sqlx::query_scalar::<$db, i64>(concat!(
                                    "INSERT INTO conversations (company_id, number_id, ",
                                    "contact_id, status, initiated_by, assignee_id, ",
                                    "last_customer_message_at, last_activity_at, created_at) ",
                                    "VALUES ($1, $2, $3, 'open', 'customer', $4, NULL, $5, $5) ",
                                    "RETURNING id"
                                ))
                                .bind(company_id)
                                .bind(number_id)
                                .bind(contact_id)
                                .bind(assignee)
                                .bind(now.0)
                                .fetch_one(&mut *tx)
                                .await
                                .map_err($crate::store_error)?;
                                    $crate::push_timeline!(
                                        $db,
                                        tx,
                                        id,
                                        $crate::TimelineKind::Created,
                                        None::<i64>,
                                        None::<i64>,
                                        now.0
                                    );
                                    if let Some(agent) = assignee {
                                        $crate::push_timeline!(
                                            $db,
                                            tx,
                                            id,
                                            $crate::TimelineKind::Assigned,
                                            None::<i64>,
                                            Some(agent),
                                            now.0
                                        );
                                        ::sqlx::query::<$db>(
                                            "UPDATE users SET last_assigned_at = $1 WHERE id = $2",
                                        )
                                        .bind(now.0)
                                        .bind(agent)
                                        .execute(&mut *tx)
                                        .await
                                        .map_err($crate::store_error)?;
                                    }
                                    out.events.push($crate::push_live_event!(
                                        $db,
                                        tx,
                                        company_id,
                                        $crate::LiveEventKind::Conversation,
                                        Some(id),
                                        None::<i64>,
                                        now.0
                                    ));
                                    id
                                }
                            };
                            conversations.insert((number_id, m.customer_id.as_str()), id);
                            id
                        }
                    };
                    if !seen.insert(m.wamid.as_str()) {
                        out.duplicates += 1; // the same wamid twice in one delivery
                        continue;
                    }
                    pending.push((conversation_id, company_id, m));
                }
                // All new messages of the delivery in multi-row statements: what made ingest cost
                // two statements per message now costs two per hundred.
                for chunk in pending.chunks(100) {
                    let rows: Vec<String> = (0..chunk.len())
                        .map(|i| {
                            let b = i * 7;
                            format!(
                                "(${}, 'in', ${}, ${}, ${}, ${}, 'received', ${}, ${})",
                                b + 1,
                                b + 2,
                                b + 3,
                                b + 4,
                                b + 5,
                                b + 6,
                                b + 7
                            )
                        })
                        .collect();
                    let sql = format!(
                        concat!(
                            "INSERT INTO messages (conversation_id, direction, kind, content, ",
                            "text, wamid, status, reply_to_wamid, created_at) VALUES {} ",
                            "ON CONFLICT (wamid) DO NOTHING RETURNING id, conversation_id"
                        ),
                        rows.join(", ")
                    );
                    let mut q = ::sqlx::query_as::<$db, (i64, i64)>(&sql);
                    for (conversation_id, _, m) in chunk {
                        q = q
                            .bind(*conversation_id)
                            .bind(m.content.kind())
                            .bind(m.content.to_json())
                            .bind(&m.text)
                            .bind(&m.wamid)
                            .bind(&m.reply_to_wamid)
                            .bind(now.0);
                    }
                    let mut inserted = q.fetch_all(&mut *tx).await.map_err($crate::store_error)?;
                    inserted.sort_unstable();
                    out.duplicates += chunk.len() - inserted.len();
                    out.stored += inserted.len();
                    for (conversation_id, _, m) in chunk {
                        // The window counts from when the customer wrote, never from the future.
                        let sent_at = m.sent_at.0.min(now.0);
                        let latest = touched.entry(*conversation_id).or_insert(sent_at);
                        *latest = (*latest).max(sent_at);
                    }
                    if inserted.is_empty() {
                        continue;
                    }
                    let rows: Vec<String> = (0..inserted.len())
                        .map(|i| {
                            let b = i * 3;
                            format!(
                                "(${}, '{}', ${}, ${}, ${})",
                                b + 1,
                                $crate::LiveEventKind::Message.as_str(),
                                b + 2,
                                b + 3,
                                inserted.len() * 3 + 1
                            )
                        })
                        .collect();
                    let sql = format!(
                        concat!(
                            "INSERT INTO live_events (company_id, kind, conversation_id, ",
                            "message_id, created_at) VALUES {} RETURNING id, company_id, kind, ",
                            "conversation_id, message_id, created_at"
                        ),
                        rows.join(", ")
                    );
                    let companies: ::std::collections::HashMap<i64, i64> =
                        chunk.iter().map(|(c, co, _)| (*c, *co)).collect();
                    let mut q = ::sqlx::query_as::<$db, $crate::LiveEventRow>(&sql);
                    for (message_id, conversation_id) in &inserted {
                        q = q
                            .bind(companies.get(conversation_id).copied().unwrap_or_default())
                            .bind(*conversation_id)
                            .bind(*message_id);
                    }
                    let mut events: Vec<$crate::LiveEvent> = q
                        .bind(now.0)
                        .fetch_all(&mut *tx)
                        .await
                        .map_err($crate::store_error)?
                        .into_iter()
                        .map($crate::LiveEventRow::into_event)
                        .collect::<$crate::Result<_>>()?;
                    events.sort_by_key(|e| e.id);
                    out.events.extend(events);
                }
                for (conversation_id, sent_at) in touched {
                    ::sqlx::query::<$db>(concat!(
                        "UPDATE conversations SET last_activity_at = $1, ",
                        "last_customer_message_at = CASE WHEN last_customer_message_at IS NULL OR ",
                        "last_customer_message_at < $2 THEN $2 ELSE last_customer_message_at END ",
                        "WHERE id = $3"
                    ))
                    .bind(now.0)
                    .bind(sent_at)
                    .bind(conversation_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                }
                for r in &batch.reactions {
                    let target = ::sqlx::query_as::<$db, (i64, i64, i64)>(concat!(
                        "SELECT m.id, m.conversation_id, c.company_id FROM messages m JOIN ",
                        "conversations c ON c.id = m.conversation_id ",
                        "JOIN whatsapp_numbers n ON n.id = c.number_id WHERE m.wamid = $1 AND ",
                        "n.phone_number_id = $2"
                    ))
                    .bind(&r.target_wamid)
                    .bind(&r.phone_number_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                    let Some((message_id, conversation_id, company_id)) = target else {
                        continue;
                    };
                    ::sqlx::query::<$db>("UPDATE messages SET reaction = $1 WHERE id = $2")
                        .bind(r.emoji.as_deref().filter(|e| !e.is_empty()))
                        .bind(message_id)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::store_error)?;
                    out.events.push($crate::push_live_event!(
                        $db,
                        tx,
                        company_id,
                        $crate::LiveEventKind::Status,
                        Some(conversation_id),
                        Some(message_id),
                        now.0
                    ));
                }
                for st in &batch.statuses {
                    let target = ::sqlx::query_as::<$db, (i64, i64, i64)>(concat!(
                    "UPDATE messages SET status = $1, error_code = COALESCE($2, error_code), ",
                    "error_title = COALESCE($3, error_title) ",
                    "WHERE wamid = $4 AND direction = 'out' AND ",
                    "(CASE status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 ",
                    "WHEN 'failed' THEN 4 ELSE 0 END) < $5 ",
                    "AND conversation_id IN (SELECT c.id FROM conversations c JOIN ",
                    "whatsapp_numbers n ON n.id = c.number_id WHERE n.phone_number_id = $6) ",
                    "RETURNING id, conversation_id, (SELECT company_id FROM conversations WHERE ",
                    "conversations.id = messages.conversation_id)"
                ))
                .bind(st.status.as_str())
                .bind(st.error_code)
                .bind(&st.error_title)
                .bind(&st.wamid)
                .bind(st.status.rank())
                .bind(&st.phone_number_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                    if let Some((message_id, conversation_id, company_id)) = target {
                        out.events.push($crate::push_live_event!(
                            $db,
                            tx,
                            company_id,
                            $crate::LiveEventKind::Status,
                            Some(conversation_id),
                            Some(message_id),
                            now.0
                        ));
                    }
                }
                for (kind, payload) in &batch.jobs {
                    ::sqlx::query::<$db>(concat!(
                        "INSERT INTO jobs (kind, payload, run_at, attempts, max_attempts, ",
                        "created_at) VALUES ($1, $2, $3, 0, 8, $3)"
                    ))
                    .bind(kind.as_str())
                    .bind(payload)
                    .bind(now.0)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                }
                tx.commit().await.map_err($crate::store_error)?;
                Ok(out)
            }

            async fn conversations(
                &self,
                f: &$crate::ConversationFilter,
            ) -> $crate::Result<Vec<$crate::Conversation>> {
                let (view, me) = match f.view {
                    $crate::View::Mine(u) => ("mine", u.0),
                    $crate::View::Unassigned => ("unassigned", 0),
                    $crate::View::All => ("all", 0),
                };
                ::sqlx::query_as::<$db, $crate::ConversationRow>(concat!(
                $crate::conversation_select!(),
                "WHERE c.company_id = $1 AND ($2 = 'all' OR ($2 = 'mine' AND c.assignee_id = $3) ",
                "OR ($2 = 'unassigned' AND c.assignee_id IS NULL)) ",
                "AND ($4 IS NULL OR c.status = $4) AND ($5 IS NULL OR c.number_id = $5) ",
                "AND ($7 IS NULL OR c.last_activity_at < $7 OR (c.last_activity_at = $7 AND c.id ",
                "< $8)) ",
                "ORDER BY c.last_activity_at DESC, c.id DESC LIMIT $6"
            ))
            .bind(f.company.0)
            .bind(view)
            .bind(me)
            .bind(f.status.map(|s| s.as_str()))
            .bind(f.number.map(|n| n.0))
            .bind(f.limit)
            .bind(f.before.map(|(at, _)| at.0))
            .bind(f.before.map(|(_, id)| id.0).unwrap_or(0))
            .fetch_all(&self.pool)
            .await
            .map_err($crate::store_error)?
            .into_iter()
            .map($crate::ConversationRow::into_conversation)
            .collect()
            }

            async fn view_counts(
                &self,
                company: $crate::CompanyId,
                me: $crate::UserId,
            ) -> $crate::Result<$crate::ViewCounts> {
                let (mine, unassigned, all) = ::sqlx::query_as::<$db, (i64, i64, i64)>(concat!(
                    "SELECT COALESCE(SUM(CASE WHEN assignee_id = $2 THEN 1 ELSE 0 END), 0), ",
                    "COALESCE(SUM(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END), 0), COUNT(*) ",
                    "FROM conversations WHERE company_id = $1 AND status = 'open'"
                ))
                .bind(company.0)
                .bind(me.0)
                .fetch_one(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok($crate::ViewCounts {
                    mine,
                    unassigned,
                    all,
                })
            }

            async fn conversation(
                &self,
                company: $crate::CompanyId,
                id: $crate::ConversationId,
            ) -> $crate::Result<Option<$crate::Conversation>> {
                ::sqlx::query_as::<$db, $crate::ConversationRow>(concat!(
                    $crate::conversation_select!(),
                    "WHERE c.company_id = $1 AND c.id = $2"
                ))
                .bind(company.0)
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::ConversationRow::into_conversation)
                .transpose()
            }

            async fn messages(
                &self,
                company: $crate::CompanyId,
                conversation: $crate::ConversationId,
                before: Option<$crate::MessageId>,
                limit: i64,
            ) -> $crate::Result<Vec<$crate::Message>> {
                let mut page = ::sqlx::query_as::<$db, $crate::MessageRow>(concat!(
                    "SELECT ",
                    $crate::message_columns!(),
                    " FROM messages WHERE conversation_id = $1 AND id < $2 AND ",
                    "conversation_id IN (SELECT id FROM conversations WHERE company_id = $4) ",
                    "ORDER BY id DESC LIMIT $3"
                ))
                .bind(conversation.0)
                .bind(before.map_or(i64::MAX, |m| m.0))
                .bind(limit)
                .bind(company.0)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?
                .into_iter()
                .map($crate::MessageRow::into_message)
                .collect::<$crate::Result<Vec<_>>>()?;
                page.reverse();
                Ok(page)
            }

            async fn message(
                &self,
                company: $crate::CompanyId,
                id: $crate::MessageId,
            ) -> $crate::Result<Option<$crate::Message>> {
                ::sqlx::query_as::<$db, $crate::MessageRow>(concat!(
                    "SELECT ",
                    $crate::message_columns!(),
                    " FROM messages WHERE id = $1 AND ",
                    "conversation_id IN (SELECT id FROM conversations WHERE company_id = $2)"
                ))
                .bind(id.0)
                .bind(company.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?
                .map($crate::MessageRow::into_message)
                .transpose()
            }

            async fn timeline(
                &self,
                company: $crate::CompanyId,
                conversation: $crate::ConversationId,
            ) -> $crate::Result<Vec<$crate::TimelineEvent>> {
                Ok(::sqlx::query_as::<$db, $crate::TimelineRow>(concat!(
                    "SELECT id, conversation_id, kind, actor_id, subject_id, created_at FROM ",
                    "timeline_events WHERE conversation_id = $1 AND conversation_id IN ",
                    "(SELECT id FROM conversations WHERE company_id = $2) ORDER BY id"
                ))
                .bind(conversation.0)
                .bind(company.0)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store_error)?
                .into_iter()
                .map($crate::TimelineRow::into_event)
                .collect::<$crate::Result<_>>()?)
            }

            async fn assign(
                &self,
                company: $crate::CompanyId,
                id: $crate::ConversationId,
                assignee: Option<$crate::UserId>,
                actor: $crate::UserId,
                now: $crate::Timestamp,
            ) -> $crate::Result<
                Result<($crate::Conversation, $crate::LiveEvent), $crate::AssignError>,
            > {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                if let Some(agent) = assignee {
                    let ok = ::sqlx::query_scalar::<$db, i64>(
                        "SELECT id FROM users WHERE id = $1 AND company_id = $2 AND active = $3",
                    )
                    .bind(agent.0)
                    .bind(company.0)
                    .bind(true)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err($crate::store_error)?;
                    if ok.is_none() {
                        return Ok(Err($crate::AssignError::NoSuchAgent));
                    }
                }
                let changed = ::sqlx::query_scalar::<$db, i64>(concat!(
                    "UPDATE conversations SET assignee_id = $1, last_activity_at = $2 WHERE id = ",
                    "$3 AND company_id = $4 RETURNING id"
                ))
                .bind(assignee.map(|a| a.0))
                .bind(now.0)
                .bind(id.0)
                .bind(company.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                if changed.is_none() {
                    return Ok(Err($crate::AssignError::NoSuchConversation));
                }
                let kind = if assignee.is_some() {
                    $crate::TimelineKind::Assigned
                } else {
                    $crate::TimelineKind::Unassigned
                };
                $crate::push_timeline!(
                    $db,
                    tx,
                    id.0,
                    kind,
                    Some(actor.0),
                    assignee.map(|a| a.0),
                    now.0
                );
                let event = $crate::push_live_event!(
                    $db,
                    tx,
                    company.0,
                    $crate::LiveEventKind::Conversation,
                    Some(id.0),
                    None::<i64>,
                    now.0
                );
                let row = ::sqlx::query_as::<$db, $crate::ConversationRow>(concat!(
                    $crate::conversation_select!(),
                    "WHERE c.id = $1"
                ))
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                tx.commit().await.map_err($crate::store_error)?;
                Ok(Ok((row.into_conversation()?, event)))
            }

            async fn set_conversation_status(
                &self,
                company: $crate::CompanyId,
                id: $crate::ConversationId,
                status: $crate::ConversationStatus,
                actor: $crate::UserId,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<($crate::Conversation, $crate::LiveEvent)>> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                let changed = ::sqlx::query_scalar::<$db, i64>(concat!(
                    "UPDATE conversations SET status = $1, last_activity_at = $2 WHERE id = $3 ",
                    "AND company_id = $4 AND status <> $1 RETURNING id"
                ))
                .bind(status.as_str())
                .bind(now.0)
                .bind(id.0)
                .bind(company.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let exists = ::sqlx::query_as::<$db, $crate::ConversationRow>(concat!(
                    $crate::conversation_select!(),
                    "WHERE c.id = $1 AND c.company_id = $2"
                ))
                .bind(id.0)
                .bind(company.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let Some(row) = exists else { return Ok(None) };
                let kind = match status {
                    $crate::ConversationStatus::Open => $crate::TimelineKind::Reopened,
                    $crate::ConversationStatus::Closed => $crate::TimelineKind::Closed,
                };
                if changed.is_some() {
                    $crate::push_timeline!($db, tx, id.0, kind, Some(actor.0), None::<i64>, now.0);
                }
                let event = $crate::push_live_event!(
                    $db,
                    tx,
                    company.0,
                    $crate::LiveEventKind::Conversation,
                    Some(id.0),
                    None::<i64>,
                    now.0
                );
                tx.commit().await.map_err($crate::store_error)?;
                Ok(Some((row.into_conversation()?, event)))
            }

            async fn create_outbound(
                &self,
                r: &$crate::OutboundRecord,
                now: $crate::Timestamp,
            ) -> $crate::Result<($crate::Message, $crate::LiveEvent)> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                let row = ::sqlx::query_as::<$db, $crate::MessageRow>(concat!(
                "INSERT INTO messages (conversation_id, direction, kind, content, text, status, ",
                "reply_to_wamid, sender_id, created_at, media_key, media_mime, media_size) ",
                "VALUES ($1, 'out', $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10) RETURNING ",
                $crate::message_columns!()
            ))
            .bind(r.conversation_id.0)
            .bind(r.content.kind())
            .bind(r.content.to_json())
            .bind(&r.text)
            .bind(&r.reply_to_wamid)
            .bind(r.sender_id.0)
            .bind(now.0)
            .bind(r.media.as_ref().map(|m| m.key.as_str()))
            .bind(r.media.as_ref().map(|m| m.mime.as_str()))
            .bind(r.media.as_ref().map(|m| m.size))
            .fetch_one(&mut *tx)
            .await
            .map_err($crate::store_error)?;
                let company = ::sqlx::query_scalar::<$db, i64>(concat!(
                    "UPDATE conversations SET last_activity_at = $1 WHERE id = $2 ",
                    "RETURNING company_id"
                ))
                .bind(now.0)
                .bind(r.conversation_id.0)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let event = $crate::push_live_event!(
                    $db,
                    tx,
                    company,
                    $crate::LiveEventKind::Message,
                    Some(r.conversation_id.0),
                    Some(row.id),
                    now.0
                );
                tx.commit().await.map_err($crate::store_error)?;
                Ok((row.into_message()?, event))
            }

            async fn outbound_result(
                &self,
                id: $crate::MessageId,
                wamid: Option<&str>,
                status: $crate::MessageStatus,
                error: Option<(i64, &str)>,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<($crate::Message, $crate::LiveEvent)>> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                // A status webhook may have arrived before this answer: never go backwards.
                let row = ::sqlx::query_as::<$db, $crate::MessageRow>(concat!(
                "UPDATE messages SET wamid = COALESCE($1, wamid), ",
                "status = CASE WHEN (CASE status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN ",
                "'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END) < $2 THEN $3 ELSE status END, ",
                "error_code = COALESCE($4, error_code), ",
                "error_title = COALESCE($5, error_title) WHERE id = $6 RETURNING ",
                $crate::message_columns!()
            ))
            .bind(wamid)
            .bind(status.rank())
            .bind(status.as_str())
            .bind(error.map(|e| e.0))
            .bind(error.map(|e| e.1))
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err($crate::store_error)?;
                let Some(row) = row else { return Ok(None) };
                let company = ::sqlx::query_scalar::<$db, i64>(
                    "SELECT company_id FROM conversations WHERE id = $1",
                )
                .bind(row.conversation_id)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let event = $crate::push_live_event!(
                    $db,
                    tx,
                    company,
                    $crate::LiveEventKind::Status,
                    Some(row.conversation_id),
                    Some(row.id),
                    now.0
                );
                tx.commit().await.map_err($crate::store_error)?;
                Ok(Some((row.into_message()?, event)))
            }

            async fn attach_media(
                &self,
                phone_number_id: &str,
                wamid: &str,
                media: &$crate::MediaRef,
                now: $crate::Timestamp,
            ) -> $crate::Result<Option<($crate::Message, $crate::LiveEvent)>> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                let row = ::sqlx::query_as::<$db, $crate::MessageRow>(concat!(
                "UPDATE messages SET media_key = $1, media_mime = $2, media_size = $3 WHERE wamid ",
                "= $4 AND conversation_id IN ",
                "(SELECT c.id FROM conversations c JOIN whatsapp_numbers n ON n.id = c.number_id ",
                "WHERE n.phone_number_id = $5) RETURNING ",
                $crate::message_columns!()
            ))
            .bind(&media.key)
            .bind(&media.mime)
            .bind(media.size)
            .bind(wamid)
            .bind(phone_number_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err($crate::store_error)?;
                let Some(row) = row else { return Ok(None) };
                let company = ::sqlx::query_scalar::<$db, i64>(
                    "SELECT company_id FROM conversations WHERE id = $1",
                )
                .bind(row.conversation_id)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let event = $crate::push_live_event!(
                    $db,
                    tx,
                    company,
                    $crate::LiveEventKind::Status,
                    Some(row.conversation_id),
                    Some(row.id),
                    now.0
                );
                tx.commit().await.map_err($crate::store_error)?;
                Ok(Some((row.into_message()?, event)))
            }
        }
    };
}
