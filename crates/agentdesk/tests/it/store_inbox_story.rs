//! The inbox's storage story, on SQLite and PostgreSQL: numbers, ingest (dedupe, routing,
//! conversations, assignment), statuses that never go backwards, reactions, assignment and
//! status changes, live events and the job queue.

use std::sync::Arc;

use agentdesk_core::domain::content::MessageContent;
use agentdesk_core::domain::inbox::*;
use agentdesk_core::domain::{CompanyId, Email, NewUser, PersonName, Role, UserId};
use agentdesk_core::store::{
    AssignError, Conflict, ConversationFilter, JobKind, View, WebhookBatch,
};
use agentdesk_core::{Store, StoreError, Timestamp};

use crate::on_both_backends;
use crate::support::*;

on_both_backends!(
    unknown_job_kind_is_claimed_as_an_error,
    unknown_event_kinds_are_corrupt_data,
    ingest_routes_dedupes_and_assigns,
    statuses_reactions_and_outbound,
    assignment_status_and_events,
    job_queue_leases,
    one_customer_known_by_phone_and_bsuid_is_one_contact,
    messages_and_conversations_come_in_pages,
    numbers_are_changed_flagged_and_disconnected,
    media_arrives_and_live_events_are_read_back
);

/// Issue 10 (8): cursor paging, newest first, with nothing skipped or repeated even where
/// activity times are equal.
async fn messages_and_conversations_come_in_pages(backend: Backend) {
    let w = world(backend).await;
    let s = &w.store;
    s.create_number(&number(w.company, "PN-MANUAL", AssignmentMode::Manual), T0)
        .await
        .unwrap();
    // One large delivery: 230 messages of one customer.
    let many: Vec<_> = (0..230)
        .map(|i| {
            inbound(
                "PN-MANUAL",
                &format!("wamid.m{i}"),
                "ES.big",
                &format!("m{i}"),
                T0,
            )
        })
        .collect();
    s.ingest(&batch(many), T0).await.unwrap();
    let conversation = s.conversations(&all(w.company)).await.unwrap().remove(0);
    let newest = s
        .messages(conversation.company_id, conversation.id, None, 50)
        .await
        .unwrap();
    assert_eq!(newest.len(), 50);
    assert_eq!(newest.last().unwrap().text.as_deref(), Some("m229"));
    assert_eq!(
        newest.first().unwrap().text.as_deref(),
        Some("m180"),
        "oldest first within"
    );
    let mut seen: Vec<String> = newest.iter().filter_map(|m| m.text.clone()).collect();
    let mut before = newest.first().map(|m| m.id);
    loop {
        let page = s
            .messages(conversation.company_id, conversation.id, before, 50)
            .await
            .unwrap();
        if page.is_empty() {
            break;
        }
        before = page.first().map(|m| m.id);
        let mut texts: Vec<String> = page.into_iter().filter_map(|m| m.text).collect();
        texts.append(&mut seen);
        seen = texts;
    }
    let expected: Vec<String> = (0..230).map(|i| format!("m{i}")).collect();
    assert_eq!(seen, expected);

    // 25 conversations, many with the same last activity: pages of 10 cover each exactly once.
    for i in 0..24 {
        let at = T0.plus_secs(i % 3);
        s.ingest(
            &batch(vec![inbound(
                "PN-MANUAL",
                &format!("wamid.c{i}"),
                &format!("ES.c{i}"),
                "hi",
                at,
            )]),
            at,
        )
        .await
        .unwrap();
    }
    let mut ids = Vec::new();
    let mut before = None;
    loop {
        let page = s
            .conversations(&ConversationFilter {
                before,
                limit: 10,
                ..all(w.company)
            })
            .await
            .unwrap();
        let last = page.last().map(|c| (c.last_activity_at, c.id));
        let short = page.len() < 10;
        ids.extend(page.iter().map(|c| c.id));
        if short {
            break;
        }
        before = last;
    }
    assert_eq!(ids.len(), 25);
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), 25, "no conversation twice");
    let everything = s.conversations(&all(w.company)).await.unwrap();
    assert_eq!(
        ids,
        everything.iter().map(|c| c.id).collect::<Vec<_>>(),
        "same order"
    );
}

/// A message from a customer known by `bsuid` and/or `phone`.
fn from_customer(
    wamid: &str,
    bsuid: Option<&str>,
    phone: Option<&str>,
    name: Option<&str>,
    at: Timestamp,
) -> InboundRecord {
    InboundRecord {
        customer_id: bsuid.or(phone).unwrap().into(),
        customer_phone: phone.map(str::to_owned),
        customer_bsuid: bsuid.map(str::to_owned),
        profile_name: name.map(str::to_owned),
        ..inbound("PN-MANUAL", wamid, "x", "hi", at)
    }
}

/// Issue 10 (7): a customer first seen with both ids and then with the phone alone is one
/// contact with one open conversation; contacts made before a payload linked the two ids are
/// merged when one does, keeping every message; a recycled number moves to its new owner.
async fn one_customer_known_by_phone_and_bsuid_is_one_contact(backend: Backend) {
    let w = world(backend).await;
    let s = &w.store;
    s.create_number(&number(w.company, "PN-MANUAL", AssignmentMode::Manual), T0)
        .await
        .unwrap();
    let conversations_of = |phone: &'static str| {
        let store = s.clone();
        let company = w.company;
        async move {
            store
                .conversations(&all(company))
                .await
                .unwrap()
                .into_iter()
                .filter(|c| c.contact.phone.as_deref() == Some(phone))
                .collect::<Vec<_>>()
        }
    };

    // Both ids, then the phone alone: one contact, one conversation, both messages.
    let both = from_customer(
        "wamid.b1",
        Some("ES.1"),
        Some("34600000001"),
        Some("Marta"),
        T0,
    );
    let phone_only = from_customer("wamid.b2", None, Some("34600000001"), None, T0);
    s.ingest(&batch(vec![both]), T0).await.unwrap();
    s.ingest(&batch(vec![phone_only]), T0).await.unwrap();
    let found = conversations_of("34600000001").await;
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].contact.bsuid.as_deref(), Some("ES.1"));
    assert_eq!(found[0].contact.name.as_deref(), Some("Marta"));
    assert_eq!(
        s.messages(found[0].company_id, found[0].id, None, 1000)
            .await
            .unwrap()
            .len(),
        2
    );
    // And the other way round: the BSUID alone finds the contact too.
    let bsuid_only = from_customer("wamid.b3", Some("ES.1"), None, None, T0);
    s.ingest(&batch(vec![bsuid_only]), T0).await.unwrap();
    assert_eq!(
        s.messages(found[0].company_id, found[0].id, None, 1000)
            .await
            .unwrap()
            .len(),
        3
    );

    // Two contacts made while nothing linked them (phone only; BSUID only), each with an open
    // conversation and one with a closed one too.
    let later = T0.plus_secs(60);
    s.ingest(
        &batch(vec![from_customer(
            "wamid.p1",
            None,
            Some("34600000002"),
            Some("Rui"),
            T0,
        )]),
        T0,
    )
    .await
    .unwrap();
    let by_phone = conversations_of("34600000002").await.remove(0);
    s.set_conversation_status(
        w.company,
        by_phone.id,
        ConversationStatus::Closed,
        w.admin,
        T0,
    )
    .await
    .unwrap()
    .unwrap();
    s.ingest(
        &batch(vec![from_customer(
            "wamid.p2",
            None,
            Some("34600000002"),
            None,
            T0,
        )]),
        T0,
    )
    .await
    .unwrap();
    s.ingest(
        &batch(vec![
            from_customer("wamid.q1", Some("ES.2"), None, None, T0),
            from_customer("wamid.q2", Some("ES.2"), None, None, T0),
        ]),
        T0,
    )
    .await
    .unwrap();
    let before = s.conversations(&all(w.company)).await.unwrap().len();
    // A payload with both ids links them, in the same delivery as another message of theirs.
    s.ingest(
        &batch(vec![
            from_customer("wamid.l1", None, Some("34600000002"), None, later),
            from_customer("wamid.l2", Some("ES.2"), Some("34600000002"), None, later),
        ]),
        later,
    )
    .await
    .unwrap();
    let all_now = s.conversations(&all(w.company)).await.unwrap();
    assert_eq!(
        all_now.len(),
        before - 1,
        "two open conversations became one"
    );
    let mine: Vec<_> = all_now
        .iter()
        .filter(|c| c.contact.bsuid.as_deref() == Some("ES.2"))
        .collect();
    assert_eq!(
        mine.len(),
        2,
        "the open one and the closed one, both of one contact"
    );
    assert!(mine.iter().all(|c| c.contact.id == mine[0].contact.id));
    assert_eq!(mine[0].contact.phone.as_deref(), Some("34600000002"));
    assert_eq!(
        mine[0].contact.name.as_deref(),
        Some("Rui"),
        "the name survives the merge"
    );
    let open: Vec<_> = mine
        .iter()
        .filter(|c| c.status == ConversationStatus::Open)
        .collect();
    assert_eq!(open.len(), 1);
    let texts: Vec<String> = s
        .messages(open[0].company_id, open[0].id, None, 1000)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|m| m.wamid)
        .collect();
    for wamid in ["wamid.p2", "wamid.q1", "wamid.q2", "wamid.l1", "wamid.l2"] {
        assert!(texts.iter().any(|t| t == wamid), "{wamid} kept: {texts:?}");
    }
    assert_eq!(open[0].last_activity_at, later);

    // A recycled number: its new owner (another BSUID) gets it; the old contact keeps its
    // history under its BSUID alone.
    s.ingest(
        &batch(vec![from_customer(
            "wamid.r1",
            Some("ES.3"),
            Some("34600000003"),
            None,
            T0,
        )]),
        T0,
    )
    .await
    .unwrap();
    s.ingest(
        &batch(vec![from_customer(
            "wamid.r2",
            Some("ES.4"),
            Some("34600000003"),
            None,
            T0,
        )]),
        T0,
    )
    .await
    .unwrap();
    let all_now = s.conversations(&all(w.company)).await.unwrap();
    let old = all_now
        .iter()
        .find(|c| c.contact.bsuid.as_deref() == Some("ES.3"))
        .unwrap();
    let new = all_now
        .iter()
        .find(|c| c.contact.bsuid.as_deref() == Some("ES.4"))
        .unwrap();
    assert_ne!(old.contact.id, new.contact.id);
    assert_eq!(old.contact.phone, None);
    assert_eq!(new.contact.phone.as_deref(), Some("34600000003"));
}

const T0: Timestamp = Timestamp(1_800_000_000_000);

struct World {
    store: Arc<dyn Store>,
    company: CompanyId,
    admin: UserId,
    agents: Vec<UserId>,
    _dir: tempfile::TempDir,
}

async fn world(backend: Backend) -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = agentdesk::open_store(&fresh_database_url(backend, dir.path()).await)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for (i, role) in [Role::Admin, Role::Agent, Role::Agent, Role::Agent]
        .into_iter()
        .enumerate()
    {
        let u = store
            .create_user(
                &NewUser {
                    company_name: "Acme".into(),
                    email: Email::parse(&format!("u{i}@acme.test")).unwrap(),
                    first_name: PersonName::parse(&format!("U{i}")).unwrap(),
                    last_name: PersonName::parse("Test").unwrap(),
                    role,
                    locale: None,
                    password_hash: "x".into(),
                },
                T0,
            )
            .await
            .unwrap();
        ids.push(u);
    }
    World {
        company: ids[0].company_id,
        admin: ids[0].id,
        agents: ids[1..].iter().map(|u| u.id).collect(),
        store,
        _dir: dir,
    }
}

fn number(company: CompanyId, pnid: &str, mode: AssignmentMode) -> NewWhatsAppNumber {
    NewWhatsAppNumber {
        company_id: company,
        phone_number_id: pnid.into(),
        display_phone_number: "+1 555 0100".into(),
        name: "Support".into(),
        access_token: "EAAG-secret".into(),
        assignment: mode,
    }
}

fn inbound(pnid: &str, wamid: &str, customer: &str, text: &str, at: Timestamp) -> InboundRecord {
    InboundRecord {
        phone_number_id: pnid.into(),
        wamid: wamid.into(),
        customer_id: customer.into(),
        customer_phone: None,
        customer_bsuid: Some(customer.into()),
        profile_name: Some(format!("Customer {customer}")),
        content: MessageContent::Text { body: text.into() },
        text: Some(text.into()),
        reply_to_wamid: None,
        sent_at: at,
    }
}

fn batch(messages: Vec<InboundRecord>) -> WebhookBatch {
    WebhookBatch {
        messages,
        ..Default::default()
    }
}

fn all(company: CompanyId) -> ConversationFilter {
    ConversationFilter {
        company,
        view: View::All,
        status: None,
        number: None,
        before: None,
        limit: 100,
    }
}

async fn ingest_routes_dedupes_and_assigns(backend: Backend) {
    let w = world(backend).await;
    let s = &w.store;
    let manual = s
        .create_number(&number(w.company, "PN-MANUAL", AssignmentMode::Manual), T0)
        .await
        .unwrap();
    assert!(!manual.access_token.is_empty());
    assert!(!format!("{manual:?}").contains(manual.access_token.expose()));
    assert!(matches!(
        s.create_number(&number(w.company, "PN-MANUAL", AssignmentMode::Manual), T0)
            .await,
        Err(StoreError::Conflict(Conflict::PhoneNumberId))
    ));
    let rr = s
        .create_number(&number(w.company, "PN-RR", AssignmentMode::RoundRobin), T0)
        .await
        .unwrap();
    assert_eq!(s.company_numbers(w.company).await.unwrap().len(), 2);
    assert_eq!(
        s.number_by_phone_number_id("PN-RR")
            .await
            .unwrap()
            .unwrap()
            .id,
        rr.id
    );

    // A first message opens a customer-initiated conversation; manual numbers leave it unassigned.
    let out = s
        .ingest(
            &batch(vec![inbound(
                "PN-MANUAL",
                "wamid.1",
                "BSUID.ana",
                "Hola",
                T0,
            )]),
            T0,
        )
        .await
        .unwrap();
    assert_eq!((out.stored, out.duplicates, out.unknown_number), (1, 0, 0));
    assert_eq!(
        out.events
            .iter()
            .map(|e| e.kind.as_str())
            .collect::<Vec<_>>(),
        ["conversation", "message"]
    );
    let convs = s.conversations(&all(w.company)).await.unwrap();
    assert_eq!(convs.len(), 1);
    let c = &convs[0];
    assert_eq!(
        (c.status, c.initiated_by, c.assignee_id, c.number_id),
        (
            ConversationStatus::Open,
            InitiatedBy::Customer,
            None,
            manual.id
        )
    );
    assert_eq!(c.contact.customer_id, "BSUID.ana");
    assert_eq!(c.contact.name.as_deref(), Some("Customer BSUID.ana"));
    assert_eq!(c.last_customer_message_at, Some(T0));
    assert!(c.window_open(T0.plus_secs(23 * 3600)) && !c.window_open(T0.plus_secs(24 * 3600)));

    // Same customer again → same conversation; a redelivery changes nothing; unknown numbers are ignored.
    let later = T0.plus_secs(60);
    let out = s
        .ingest(
            &batch(vec![
                inbound("PN-MANUAL", "wamid.2", "BSUID.ana", "¿Hay alguien?", later),
                inbound("PN-MANUAL", "wamid.1", "BSUID.ana", "Hola", T0),
                inbound("PN-NOBODY", "wamid.x", "BSUID.zed", "hi", later),
            ]),
            later,
        )
        .await
        .unwrap();
    assert_eq!((out.stored, out.duplicates, out.unknown_number), (1, 1, 1));
    let msgs = s.messages(c.company_id, c.id, None, 1000).await.unwrap();
    assert_eq!(
        msgs.iter()
            .map(|m| m.wamid.as_deref().unwrap())
            .collect::<Vec<_>>(),
        ["wamid.1", "wamid.2"]
    );
    assert_eq!(msgs[1].text.as_deref(), Some("¿Hay alguien?"));
    assert_eq!(
        s.conversation(w.company, c.id)
            .await
            .unwrap()
            .unwrap()
            .last_customer_message_at,
        Some(later)
    );

    // Round robin among available agents, least recently assigned first; away/offline agents skipped.
    s.set_availability(w.agents[0], Availability::Available)
        .await
        .unwrap();
    s.set_availability(w.agents[2], Availability::Available)
        .await
        .unwrap();
    s.set_availability(w.agents[1], Availability::Away)
        .await
        .unwrap();
    let mut assignees = Vec::new();
    for (i, who) in ["b1", "b2", "b3"].into_iter().enumerate() {
        let at = T0.plus_secs(100 + i as i64);
        s.ingest(
            &batch(vec![inbound(
                "PN-RR",
                &format!("wamid.rr{i}"),
                who,
                "hi",
                at,
            )]),
            at,
        )
        .await
        .unwrap();
        let conv = s
            .conversations(&all(w.company))
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.contact.customer_id == who)
            .unwrap();
        assignees.push(conv.assignee_id.unwrap());
        let timeline: Vec<&str> = s
            .timeline(conv.company_id, conv.id)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.kind.as_str())
            .collect();
        assert_eq!(timeline, ["created", "assigned"]);
    }
    assert_eq!(assignees, [w.agents[0], w.agents[2], w.agents[0]]);
    let mine = s
        .conversations(&ConversationFilter {
            view: View::Mine(w.agents[0]),
            ..all(w.company)
        })
        .await
        .unwrap();
    assert_eq!(mine.len(), 2);
    let unassigned = s
        .conversations(&ConversationFilter {
            view: View::Unassigned,
            ..all(w.company)
        })
        .await
        .unwrap();
    assert_eq!(unassigned.len(), 1);
    let by_number = s
        .conversations(&ConversationFilter {
            number: Some(manual.id),
            ..all(w.company)
        })
        .await
        .unwrap();
    assert_eq!(by_number.len(), 1);
    let counts = s.view_counts(w.company, w.agents[0]).await.unwrap();
    assert_eq!((counts.mine, counts.unassigned, counts.all), (2, 1, 4));
    // Newest activity first.
    assert_eq!(
        s.conversations(&all(w.company)).await.unwrap()[0]
            .contact
            .customer_id,
        "b3"
    );

    // Closed conversations stay closed: the customer's next message opens a new one; the old one
    // cannot be reopened while the new one is open.
    s.set_conversation_status(w.company, c.id, ConversationStatus::Closed, w.admin, later)
        .await
        .unwrap()
        .unwrap();
    let at = T0.plus_secs(500);
    s.ingest(
        &batch(vec![inbound(
            "PN-MANUAL",
            "wamid.3",
            "BSUID.ana",
            "otra vez",
            at,
        )]),
        at,
    )
    .await
    .unwrap();
    let ana: Vec<Conversation> = s
        .conversations(&all(w.company))
        .await
        .unwrap()
        .into_iter()
        .filter(|x| x.contact.customer_id == "BSUID.ana")
        .collect();
    assert_eq!(ana.len(), 2);
    assert_eq!(
        ana.iter()
            .filter(|x| x.status == ConversationStatus::Open)
            .count(),
        1
    );
    let reopened = s
        .set_conversation_status(w.company, c.id, ConversationStatus::Open, w.admin, at)
        .await;
    assert!(
        matches!(
            reopened,
            Err(StoreError::Conflict(Conflict::OpenConversation))
        ),
        "{reopened:?}"
    );
    // Another company sees none of it.
    let other = agentdesk_core::domain::CompanyId(w.company.0 + 999);
    assert!(s.conversations(&all(other)).await.unwrap().is_empty());
    assert!(s.conversation(other, c.id).await.unwrap().is_none());
    assert!(s.messages(other, c.id, None, 50).await.unwrap().is_empty());
    assert!(s.timeline(other, c.id).await.unwrap().is_empty());
    let mine = s.messages(w.company, c.id, None, 50).await.unwrap();
    assert!(!mine.is_empty());
    assert!(s.message(other, mine[0].id).await.unwrap().is_none());
    assert!(s.message(w.company, mine[0].id).await.unwrap().is_some());
    assert!(s.number(other, c.number_id).await.unwrap().is_none());
    assert!(s.number(w.company, c.number_id).await.unwrap().is_some());
}

async fn statuses_reactions_and_outbound(backend: Backend) {
    let w = world(backend).await;
    let s = &w.store;
    s.create_number(&number(w.company, "PN-1", AssignmentMode::Manual), T0)
        .await
        .unwrap();
    s.ingest(
        &batch(vec![inbound("PN-1", "wamid.in", "cust", "hello", T0)]),
        T0,
    )
    .await
    .unwrap();
    let conv = s.conversations(&all(w.company)).await.unwrap().remove(0);
    let (pending, ev) = s
        .create_outbound(
            &OutboundRecord {
                conversation_id: conv.id,
                sender_id: w.agents[0],
                content: MessageContent::Text { body: "Hi!".into() },
                text: Some("Hi!".into()),
                reply_to_wamid: None,
                media: None,
            },
            T0,
        )
        .await
        .unwrap();
    assert_eq!(
        (pending.status, pending.direction, ev.kind.as_str()),
        (MessageStatus::Pending, Direction::Out, "message")
    );
    let status = |wamid: &str, st: MessageStatus, err: Option<(i64, &str)>| StatusRecord {
        phone_number_id: "PN-1".into(),
        wamid: wamid.into(),
        status: st,
        error_code: err.map(|e| e.0),
        error_title: err.map(|e| e.1.to_owned()),
    };
    // The delivered webhook can beat the API answer; the answer must not downgrade it.
    let (sent, _) = s
        .outbound_result(pending.id, Some("wamid.out"), MessageStatus::Sent, None, T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sent.wamid.as_deref(), Some("wamid.out"));
    let upd = |st| WebhookBatch {
        statuses: vec![st],
        ..Default::default()
    };
    let out = s
        .ingest(&upd(status("wamid.out", MessageStatus::Read, None)), T0)
        .await
        .unwrap();
    assert_eq!(out.events.len(), 1);
    s.ingest(
        &upd(status("wamid.out", MessageStatus::Delivered, None)),
        T0,
    )
    .await
    .unwrap();
    s.outbound_result(pending.id, Some("wamid.out"), MessageStatus::Sent, None, T0)
        .await
        .unwrap();
    assert_eq!(
        s.message(w.company, pending.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        MessageStatus::Read,
        "a late delivered never downgrades read"
    );
    // Statuses for another number's messages do nothing (no cross-tenant spoofing).
    let spoof = StatusRecord {
        phone_number_id: "PN-OTHER".into(),
        ..status("wamid.out", MessageStatus::Failed, Some((131047, "x")))
    };
    assert!(s.ingest(&upd(spoof), T0).await.unwrap().events.is_empty());
    assert_eq!(
        s.message(w.company, pending.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        MessageStatus::Read
    );

    // A failure keeps its reason.
    let (second, _) = s
        .create_outbound(
            &OutboundRecord {
                conversation_id: conv.id,
                sender_id: w.agents[0],
                content: MessageContent::Text {
                    body: "Again".into(),
                },
                text: Some("Again".into()),
                reply_to_wamid: Some("wamid.in".into()),
                media: None,
            },
            T0,
        )
        .await
        .unwrap();
    s.outbound_result(second.id, Some("wamid.out2"), MessageStatus::Sent, None, T0)
        .await
        .unwrap();
    s.ingest(
        &upd(status(
            "wamid.out2",
            MessageStatus::Failed,
            Some((131047, "Re-engagement message")),
        )),
        T0,
    )
    .await
    .unwrap();
    let failed = s.message(w.company, second.id).await.unwrap().unwrap();
    assert_eq!(
        (
            failed.status,
            failed.error_code,
            failed.error_title.as_deref()
        ),
        (
            MessageStatus::Failed,
            Some(131047),
            Some("Re-engagement message")
        )
    );
    assert_eq!(failed.reply_to_wamid.as_deref(), Some("wamid.in"));

    // Reactions attach to their target and can be removed.
    let react = |emoji: Option<&str>| WebhookBatch {
        reactions: vec![ReactionRecord {
            phone_number_id: "PN-1".into(),
            target_wamid: "wamid.out".into(),
            emoji: emoji.map(str::to_owned),
        }],
        ..Default::default()
    };
    s.ingest(&react(Some("👍")), T0).await.unwrap();
    assert_eq!(
        s.message(w.company, pending.id)
            .await
            .unwrap()
            .unwrap()
            .reaction
            .as_deref(),
        Some("👍")
    );
    s.ingest(&react(Some("")), T0).await.unwrap();
    assert_eq!(
        s.message(w.company, pending.id)
            .await
            .unwrap()
            .unwrap()
            .reaction,
        None
    );
}

async fn assignment_status_and_events(backend: Backend) {
    let w = world(backend).await;
    let s = &w.store;
    s.create_number(&number(w.company, "PN-1", AssignmentMode::Manual), T0)
        .await
        .unwrap();
    let first = s
        .ingest(
            &batch(vec![inbound("PN-1", "wamid.a", "cust", "hello", T0)]),
            T0,
        )
        .await
        .unwrap();
    let conv = s.conversations(&all(w.company)).await.unwrap().remove(0);
    let (assigned, ev) = s
        .assign(w.company, conv.id, Some(w.agents[1]), w.admin, T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(assigned.assignee_id, Some(w.agents[1]));
    assert!(ev.id > first.events.last().unwrap().id, "event ids grow");
    let (unassigned, _) = s
        .assign(w.company, conv.id, None, w.agents[1], T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unassigned.assignee_id, None);
    assert_eq!(
        s.assign(
            w.company,
            ConversationId(987_654),
            Some(w.agents[0]),
            w.admin,
            T0
        )
        .await
        .unwrap()
        .err(),
        Some(AssignError::NoSuchConversation)
    );
    assert_eq!(
        s.assign(w.company, conv.id, Some(UserId(987_654)), w.admin, T0)
            .await
            .unwrap()
            .err(),
        Some(AssignError::NoSuchAgent)
    );
    let other = CompanyId(w.company.0 + 1000);
    assert_eq!(
        s.assign(other, conv.id, None, w.admin, T0)
            .await
            .unwrap()
            .err(),
        Some(AssignError::NoSuchConversation)
    );
    // Deactivated users cannot be given work.
    s.set_user_active(w.company, w.agents[2], false, T0)
        .await
        .unwrap();
    assert_eq!(
        s.assign(w.company, conv.id, Some(w.agents[2]), w.admin, T0)
            .await
            .unwrap()
            .err(),
        Some(AssignError::NoSuchAgent)
    );

    s.set_conversation_status(w.company, conv.id, ConversationStatus::Closed, w.admin, T0)
        .await
        .unwrap()
        .unwrap();
    s.set_conversation_status(w.company, conv.id, ConversationStatus::Open, w.admin, T0)
        .await
        .unwrap()
        .unwrap();
    let timeline: Vec<(&str, Option<UserId>, Option<UserId>)> = s
        .timeline(conv.company_id, conv.id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.kind.as_str(), e.actor_id, e.subject_id))
        .collect();
    assert_eq!(
        timeline,
        [
            ("created", None, None),
            ("assigned", Some(w.admin), Some(w.agents[1])),
            ("unassigned", Some(w.agents[1]), None),
            ("closed", Some(w.admin), None),
            ("reopened", Some(w.admin), None),
        ]
    );
    assert!(
        s.set_conversation_status(other, conv.id, ConversationStatus::Closed, w.admin, T0)
            .await
            .unwrap()
            .is_none()
    );

    // Live events resume after any id, in order, scoped to the company.
    let events = s.live_events_after(w.company, 0, 100).await.unwrap();
    assert!(events.len() >= 6);
    assert!(events.windows(2).all(|p| p[0].id < p[1].id));
    let tail = s
        .live_events_after(w.company, events[2].id, 100)
        .await
        .unwrap();
    assert_eq!(tail.len(), events.len() - 3);
    assert!(s.live_events_after(other, 0, 100).await.unwrap().is_empty());
}

/// A live event or timeline entry of a kind this build does not know is corrupt data: an error
/// the caller sees, never a made-up kind.
async fn unknown_event_kinds_are_corrupt_data(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(backend, dir.path()).await;
    let store = agentdesk::open_store(&url).await.unwrap();
    let user = store
        .create_user(
            &NewUser {
                company_name: "Acme".into(),
                email: Email::parse("zoe@acme.test").unwrap(),
                first_name: PersonName::parse("Zoe").unwrap(),
                last_name: PersonName::parse("Test").unwrap(),
                role: Role::Agent,
                locale: None,
                password_hash: "x".into(),
            },
            T0,
        )
        .await
        .unwrap();
    execute_sql(
        backend,
        &url,
        "INSERT INTO live_events (company_id, kind, conversation_id, message_id, created_at) \
         VALUES (1, 'teleported', NULL, NULL, 0)",
    )
    .await;
    assert!(matches!(
        store.live_events_after(user.company_id, 0, 10).await,
        Err(StoreError::Corrupt(_))
    ));
    assert!(matches!(
        store.live_event(1).await,
        Err(StoreError::Corrupt(_))
    ));
}

/// A job kind this build does not know (written by a newer instance) is claimed as an error, so
/// the worker gives it up instead of the queue wedging on it.
async fn unknown_job_kind_is_claimed_as_an_error(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(backend, dir.path()).await;
    let store = agentdesk::open_store(&url).await.unwrap();
    execute_sql(
        backend,
        &url,
        "INSERT INTO jobs (kind, payload, run_at, attempts, max_attempts, created_at) \
         VALUES ('from_a_newer_build', '{}', 0, 0, 3, 0)",
    )
    .await;
    let job = store
        .claim_job(T0, T0.plus_secs(30))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.kind, Err("from_a_newer_build".to_owned()));
    store.fail_job(job.id, "unknown", None, T0).await.unwrap();
    assert!(
        store
            .claim_job(T0.plus_secs(60), T0.plus_secs(90))
            .await
            .unwrap()
            .is_none()
    );
}

async fn job_queue_leases(backend: Backend) {
    let w = world(backend).await;
    let s = &w.store;
    let id = s
        .enqueue_job(JobKind::DownloadMedia, "{\"m\":1}", T0, 3)
        .await
        .unwrap();
    s.enqueue_job(JobKind::SendMessage, "{\"later\":1}", T0.plus_secs(3600), 3)
        .await
        .unwrap();
    let job = s.claim_job(T0, T0.plus_secs(30)).await.unwrap().unwrap();
    assert_eq!(
        (job.id, job.kind.clone(), job.attempts),
        (id, Ok(JobKind::DownloadMedia), 1)
    );
    assert!(
        s.claim_job(T0.plus_secs(10), T0.plus_secs(40))
            .await
            .unwrap()
            .is_none(),
        "leased, and the other is not due"
    );
    // The worker died: after the lease the job is claimed again.
    let again = s
        .claim_job(T0.plus_secs(31), T0.plus_secs(60))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((again.id, again.attempts), (id, 2));
    s.fail_job(id, "timeout", Some(T0.plus_secs(90)), T0.plus_secs(32))
        .await
        .unwrap();
    assert!(
        s.claim_job(T0.plus_secs(60), T0.plus_secs(90))
            .await
            .unwrap()
            .is_none(),
        "backing off"
    );
    let third = s
        .claim_job(T0.plus_secs(91), T0.plus_secs(120))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(third.attempts, 3);
    s.complete_job(id, T0.plus_secs(92)).await.unwrap();
    assert!(
        s.claim_job(T0.plus_secs(200), T0.plus_secs(230))
            .await
            .unwrap()
            .is_none()
    );

    // Many workers, one job: exactly one claim wins.
    s.enqueue_job(JobKind::SendMessage, "{\"race\":1}", T0, 3)
        .await
        .unwrap();
    let at = T0.plus_secs(300);
    let claims: Vec<_> = (0..8)
        .map(|_| {
            let s = s.clone();
            tokio::spawn(async move {
                s.claim_job(at, at.plus_secs(30))
                    .await
                    .unwrap()
                    .filter(|j| j.payload == "{\"race\":1}")
            })
        })
        .collect();
    let mut winners = Vec::new();
    for c in claims {
        winners.extend(c.await.unwrap());
    }
    assert_eq!(winners.len(), 1);
    s.complete_job(winners[0].id, at).await.unwrap();
    // Giving up finishes the job.
    s.enqueue_job(JobKind::SendMessage, "{\"doomed\":1}", T0, 1)
        .await
        .unwrap();
    let at = T0.plus_secs(400);
    let doomed = s.claim_job(at, at.plus_secs(30)).await.unwrap().unwrap();
    s.fail_job(doomed.id, "gone", None, at).await.unwrap();
    assert_eq!(doomed.payload, "{\"doomed\":1}");
    let next = s
        .claim_job(at.plus_secs(3600), at.plus_secs(3700))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        next.payload, "{\"later\":1}",
        "the given-up job is never claimed again; the scheduled one now is"
    );
}

async fn numbers_are_changed_flagged_and_disconnected(backend: Backend) {
    use agentdesk_core::domain::inbox::NumberPatch;

    let w = world(backend).await;
    let s = &w.store;
    let n = s
        .create_number(&number(w.company, "PN-1", AssignmentMode::Manual), T0)
        .await
        .unwrap();
    let other = CompanyId(w.company.0 + 999);

    // A rejected token is flagged; a rotated one clears the flag.
    s.flag_number_token(n.id, T0).await.unwrap();
    let flagged = s.number(w.company, n.id).await.unwrap().unwrap();
    assert_eq!(flagged.token_invalid_at, Some(T0));
    let patch = NumberPatch {
        name: Some("Sales".into()),
        assignment: Some(AssignmentMode::RoundRobin),
        access_token: Some("EAAG-rotated".into()),
    };
    assert!(
        s.update_number(other, n.id, &patch)
            .await
            .unwrap()
            .is_none()
    );
    let changed = s
        .update_number(w.company, n.id, &patch)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(changed.name, "Sales");
    assert_eq!(changed.assignment, AssignmentMode::RoundRobin);
    assert_eq!(changed.access_token.expose(), "EAAG-rotated");
    assert_eq!(changed.token_invalid_at, None);
    // An empty patch changes nothing.
    let same = s
        .update_number(w.company, n.id, &NumberPatch::default())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (same.name.as_str(), same.assignment),
        ("Sales", AssignmentMode::RoundRobin)
    );

    // Disconnecting forgets the token and stops routing; the conversation stays.
    s.ingest(
        &batch(vec![inbound("PN-1", "wamid.a", "cust", "hi", T0)]),
        T0,
    )
    .await
    .unwrap();
    assert!(
        s.disconnect_number(other, n.id, T0)
            .await
            .unwrap()
            .is_none()
    );
    let gone = s
        .disconnect_number(w.company, n.id, T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(gone.disconnected_at, Some(T0));
    assert!(gone.access_token.is_empty());
    assert!(
        s.disconnect_number(w.company, n.id, T0)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        s.update_number(w.company, n.id, &patch)
            .await
            .unwrap()
            .is_none()
    );
    let ignored = s
        .ingest(
            &batch(vec![inbound("PN-1", "wamid.b", "cust", "still?", T0)]),
            T0,
        )
        .await
        .unwrap();
    assert_eq!((ignored.stored, ignored.unknown_number), (0, 1));
    assert_eq!(s.conversations(&all(w.company)).await.unwrap().len(), 1);
}

async fn media_arrives_and_live_events_are_read_back(backend: Backend) {
    use agentdesk_core::domain::inbox::MediaRef;

    let w = world(backend).await;
    let s = &w.store;
    s.create_number(&number(w.company, "PN-1", AssignmentMode::Manual), T0)
        .await
        .unwrap();
    let out = s
        .ingest(
            &batch(vec![inbound("PN-1", "wamid.pic", "cust", "photo", T0)]),
            T0,
        )
        .await
        .unwrap();
    let media = MediaRef {
        key: "blob-1".into(),
        mime: "image/jpeg".into(),
        size: 1234,
    };
    // Found by its wamid on the number it arrived on only.
    assert!(
        s.attach_media("PN-OTHER", "wamid.pic", &media, T0)
            .await
            .unwrap()
            .is_none()
    );
    let (message, event) = s
        .attach_media("PN-1", "wamid.pic", &media, T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(message.media.as_ref(), Some(&media));
    assert_eq!(event.message_id, Some(message.id));
    assert!(s.blob_in_use("blob-1").await.unwrap());

    // Every event can be read back by id (what other instances relay).
    for e in out.events.iter().chain([&event]) {
        let back = s.live_event(e.id).await.unwrap().unwrap();
        assert_eq!(
            (back.id, back.kind.as_str(), back.company_id),
            (e.id, e.kind.as_str(), w.company)
        );
    }
    assert!(s.live_event(i64::MAX).await.unwrap().is_none());
    // Only PostgreSQL announces events to other instances.
    let feed = s.live_feed().await.unwrap();
    assert_eq!(feed.is_some(), matches!(backend, Backend::Postgres));
}
