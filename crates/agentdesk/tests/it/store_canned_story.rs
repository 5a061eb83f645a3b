//! The canned responses' storage story, run unchanged against SQLite and PostgreSQL: scopes,
//! case-insensitive uniqueness per scope, edits and deletes that reach only their own scope.

use agentdesk_core::Timestamp;
use agentdesk_core::domain::canned::{CannedContent, CannedQuery, ShortCode, fold};
use agentdesk_core::domain::{Email, NewUser, PersonName, Role, User};
use agentdesk_core::store::{
    CannedAttachment, CannedPatch, CannedResponseId, CannedScope, CannedSearch, CannedSearchScope,
    Conflict, NewCannedResponse,
};
use agentdesk_core::{Store, StoreError};

use crate::on_both_backends;
use crate::support::*;

on_both_backends!(
    presets_and_personal_responses_live_in_their_scopes,
    edits_and_deletes_reach_only_their_scope,
    search_ranks_code_exact_prefix_contains_then_content_word_then_content,
    search_ignores_case_and_accents_and_finds_chinese_and_arabic_substrings,
    search_ties_go_to_this_agents_most_used_then_newest,
    search_keeps_to_scopes_filters_and_edits
);

const T0: Timestamp = Timestamp(1_800_000_000_000);

async fn people(backend: Backend) -> (std::sync::Arc<dyn Store>, tempfile::TempDir, [User; 3]) {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(backend, dir.path()).await;
    let store = agentdesk::open_store(&url).await.unwrap();
    let mut made = Vec::new();
    for (company, email) in [
        ("Acme", "ana@acme.test"),
        ("Acme", "bo@acme.test"),
        ("Other", "olga@other.test"),
    ] {
        let user = NewUser {
            company_name: company.into(),
            email: Email::parse(email).unwrap(),
            first_name: PersonName::parse("Test").unwrap(),
            last_name: PersonName::parse("Person").unwrap(),
            role: Role::Admin,
            locale: None,
            password_hash: "x".into(),
        };
        made.push(store.create_user(&user, T0).await.unwrap());
    }
    let [ana, bo, olga]: [User; 3] = made.try_into().unwrap();
    assert_eq!(ana.company_id, bo.company_id);
    assert_ne!(ana.company_id, olga.company_id);
    (store, dir, [ana, bo, olga])
}

fn response(code: &str, content: &str) -> NewCannedResponse {
    NewCannedResponse {
        short_code: ShortCode::parse(code).unwrap(),
        content: CannedContent::parse(content, false).unwrap(),
        tags: vec!["Billing".into(), "Refunds".into()],
        attachment: None,
    }
}

async fn presets_and_personal_responses_live_in_their_scopes(backend: Backend) {
    let (s, _dir, [ana, bo, olga]) = people(backend).await;
    let company = ana.company_id;
    let preset = s
        .create_canned_response(
            company,
            CannedScope::Company,
            &response("Refund", "Refunds take {{contact.first_name|you}} 5 days."),
            ana.id,
            T0,
        )
        .await
        .unwrap();
    assert_eq!(preset.owner_id, None);
    assert_eq!(preset.short_code, "Refund");
    assert_eq!(preset.tags, ["Billing", "Refunds"]);
    assert_eq!(
        (preset.created_by, preset.created_at, preset.updated_at),
        (ana.id, T0, T0)
    );
    // The same code in another case is the same code, in the company's presets …
    assert!(matches!(
        s.create_canned_response(
            company,
            CannedScope::Company,
            &response("REFUND", "x"),
            bo.id,
            T0
        )
        .await,
        Err(StoreError::Conflict(Conflict::ShortCode))
    ));
    // … but an agent may keep their own "refund", and so may a colleague, once each.
    let mine = s
        .create_canned_response(
            company,
            CannedScope::Personal(bo.id),
            &response("refund", "My own refund text"),
            bo.id,
            T0.plus_secs(1),
        )
        .await
        .unwrap();
    assert_eq!(mine.owner_id, Some(bo.id));
    assert!(matches!(
        s.create_canned_response(
            company,
            CannedScope::Personal(bo.id),
            &response("ReFuNd", "again"),
            bo.id,
            T0
        )
        .await,
        Err(StoreError::Conflict(Conflict::ShortCode))
    ));
    s.create_canned_response(
        company,
        CannedScope::Personal(ana.id),
        &response("refund", "Ana's"),
        ana.id,
        T0,
    )
    .await
    .unwrap();
    // Another company has its own presets.
    s.create_canned_response(
        olga.company_id,
        CannedScope::Company,
        &response("refund", "Other's preset"),
        olga.id,
        T0,
    )
    .await
    .unwrap();

    // Reads stay in their scope.
    let presets = s
        .canned_responses(company, CannedScope::Company)
        .await
        .unwrap();
    assert_eq!(
        presets.iter().map(|r| r.id).collect::<Vec<_>>(),
        [preset.id]
    );
    let bos = s
        .canned_responses(company, CannedScope::Personal(bo.id))
        .await
        .unwrap();
    assert_eq!(bos.iter().map(|r| r.id).collect::<Vec<_>>(), [mine.id]);
    for (scope, company_of) in [
        (CannedScope::Personal(ana.id), company),
        (CannedScope::Company, company),
        (CannedScope::Personal(bo.id), olga.company_id),
    ] {
        assert!(
            s.canned_response(company_of, scope, mine.id)
                .await
                .unwrap()
                .is_none(),
            "{scope:?}"
        );
    }
    assert!(
        s.canned_response(olga.company_id, CannedScope::Company, preset.id)
            .await
            .unwrap()
            .is_none()
    );
    let back = s
        .canned_response(company, CannedScope::Personal(bo.id), mine.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(back.content, "My own refund text");
    assert!(
        s.canned_response(company, CannedScope::Company, CannedResponseId(999_999))
            .await
            .unwrap()
            .is_none()
    );
}

async fn edits_and_deletes_reach_only_their_scope(backend: Backend) {
    let (s, _dir, [ana, bo, olga]) = people(backend).await;
    let company = ana.company_id;
    let bos = CannedScope::Personal(bo.id);
    let hello = s
        .create_canned_response(company, bos, &response("hello", "Hello!"), bo.id, T0)
        .await
        .unwrap();
    let bye = s
        .create_canned_response(company, bos, &response("bye", "Bye!"), bo.id, T0)
        .await
        .unwrap();
    let file = CannedAttachment {
        key: "blob-key".into(),
        mime: "application/pdf".into(),
        size: 1234,
        filename: "price list.pdf".into(),
    };
    let later = T0.plus_secs(60);
    let patch = CannedPatch {
        content: Some(CannedContent::parse("Hello {{contact.name}}!", true).unwrap()),
        tags: Some(vec![]),
        attachment: Some(Some(file.clone())),
        ..Default::default()
    };
    // Not Ana's, not the company's, not another company's to change.
    for (c, scope) in [
        (company, CannedScope::Personal(ana.id)),
        (company, CannedScope::Company),
        (olga.company_id, bos),
    ] {
        assert!(
            s.update_canned_response(c, scope, hello.id, &patch, later)
                .await
                .unwrap()
                .is_none()
        );
        assert!(!s.delete_canned_response(c, scope, hello.id).await.unwrap());
    }
    let edited = s
        .update_canned_response(company, bos, hello.id, &patch, later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(edited.short_code, "hello", "untouched");
    assert_eq!(edited.content, "Hello {{contact.name}}!");
    assert!(edited.tags.is_empty());
    assert_eq!(edited.attachment, Some(file));
    assert_eq!((edited.created_at, edited.updated_at), (T0, later));
    // Renaming onto a code the scope has is refused; onto a free one works.
    let rename = |code: &str| CannedPatch {
        short_code: Some(ShortCode::parse(code).unwrap()),
        ..Default::default()
    };
    assert!(matches!(
        s.update_canned_response(company, bos, hello.id, &rename("BYE"), later)
            .await,
        Err(StoreError::Conflict(Conflict::ShortCode))
    ));
    let renamed = s
        .update_canned_response(company, bos, hello.id, &rename("hi"), later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(renamed.short_code, "hi");
    assert!(
        renamed.attachment.is_some(),
        "kept when the patch says nothing"
    );
    let detached = s
        .update_canned_response(
            company,
            bos,
            hello.id,
            &CannedPatch {
                attachment: Some(None),
                ..Default::default()
            },
            later,
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(detached.attachment, None);
    // The old code is free again.
    s.create_canned_response(
        company,
        bos,
        &response("Hello", "Hello again"),
        bo.id,
        later,
    )
    .await
    .unwrap();
    assert!(
        s.delete_canned_response(company, bos, bye.id)
            .await
            .unwrap()
    );
    assert!(
        !s.delete_canned_response(company, bos, bye.id)
            .await
            .unwrap()
    );
    assert!(
        s.canned_response(company, bos, bye.id)
            .await
            .unwrap()
            .is_none()
    );
}

/// The short codes a search of `user`'s finds, best first.
async fn found(s: &dyn Store, user: &User, query: &str) -> Vec<String> {
    find(
        s,
        user,
        CannedSearch {
            query: CannedQuery::new(query),
            limit: 50,
            ..Default::default()
        },
    )
    .await
}

async fn find(s: &dyn Store, user: &User, search: CannedSearch) -> Vec<String> {
    s.search_canned_responses(user.company_id, user.id, &search)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.short_code)
        .collect()
}

/// Adds presets `(code, content)` one millisecond apart, in order (so the last is the newest).
async fn presets(s: &dyn Store, by: &User, list: &[(&str, &str)]) -> Vec<CannedResponseId> {
    let mut ids = Vec::new();
    for (i, (code, content)) in list.iter().enumerate() {
        let at = Timestamp(T0.0 + i as i64);
        let made = s
            .create_canned_response(
                by.company_id,
                CannedScope::Company,
                &response(code, content),
                by.id,
                at,
            )
            .await
            .unwrap();
        ids.push(made.id);
    }
    ids
}

async fn search_ranks_code_exact_prefix_contains_then_content_word_then_content(backend: Backend) {
    let (s, _dir, [ana, ..]) = people(backend).await;
    let s = &*s;
    // Created so that "newest first" would give the reverse of the ranking.
    presets(
        s,
        &ana,
        &[
            ("hi", "Hello!"),
            ("refund", "Thanks."),
            ("refund-policy", "Thanks."),
            ("xrefundx", "Thanks."),
            ("other", "Ask about your refund here."),
            ("misc", "We sent the nonrefundable notice."),
        ],
    )
    .await;
    assert_eq!(
        found(s, &ana, "refund").await,
        ["refund", "refund-policy", "xrefundx", "other", "misc"],
        "exact code, code prefix, code contains, content word prefix, content contains"
    );
    // Each rung alone.
    assert_eq!(found(s, &ana, "REFUND-POL").await, ["refund-policy"]);
    assert_eq!(found(s, &ana, "fundx").await, ["xrefundx"]);
    assert_eq!(found(s, &ana, "ask ab").await, ["other"]);
    assert_eq!(found(s, &ana, "fundab").await, ["misc"]);
    // Two characters (under a trigram) rank the same way; ties within a rung go to the newest.
    assert_eq!(
        found(s, &ana, "re").await,
        ["refund-policy", "refund", "xrefundx", "other", "misc"]
    );
    assert_eq!(
        found(s, &ana, "/hi").await[0],
        "hi",
        "a typed / is not part of the query"
    );
    // Wildcards and quotes are text.
    assert!(found(s, &ana, "%").await.is_empty());
    assert!(found(s, &ana, "_").await.is_empty());
    // Quotes are not FTS5 syntax; in content, punctuation separates words.
    assert_eq!(found(s, &ana, "\"refund\"").await, ["other", "misc"]);
    assert!(found(s, &ana, "re%und").await.is_empty());
    // The empty query lists everything, newest first.
    let everything = found(s, &ana, "").await;
    assert_eq!((everything.len(), everything[0].as_str()), (6, "misc"));
}

async fn search_ignores_case_and_accents_and_finds_chinese_and_arabic_substrings(backend: Backend) {
    let (s, _dir, [ana, ..]) = people(backend).await;
    let s = &*s;
    presets(
        s,
        &ana,
        &[
            ("menu", "Notre Café ouvre à 8h."),
            ("tuikuan", "您的退款申请已经受理，请耐心等待。"),
            ("marhaba", "مَرْحَبًا بِكَ في متجرنا"),
            ("Ünïcode", "ok"),
            ("حساب", "تفاصيل الحساب"),
        ],
    )
    .await;
    assert_eq!(found(s, &ana, "cafe").await, ["menu"]);
    assert_eq!(found(s, &ana, "CAFÉ OUV").await, ["menu"]);
    assert_eq!(found(s, &ana, "退款").await, ["tuikuan"]);
    assert_eq!(found(s, &ana, "申请已经").await, ["tuikuan"]);
    assert_eq!(found(s, &ana, "مرحبا").await, ["marhaba"]);
    assert_eq!(found(s, &ana, "متجر").await, ["marhaba"]);
    assert_eq!(found(s, &ana, "unic").await, ["Ünïcode"]);
    assert_eq!(found(s, &ana, "حس").await, ["حساب"]);
}

async fn search_ties_go_to_this_agents_most_used_then_newest(backend: Backend) {
    let (s, _dir, [ana, bo, olga]) = people(backend).await;
    let s = &*s;
    let ids = presets(
        s,
        &ana,
        &[("ship-a", "x"), ("ship-b", "x"), ("ship-c", "x")],
    )
    .await;
    assert_eq!(found(s, &ana, "ship").await, ["ship-c", "ship-b", "ship-a"]);
    for _ in 0..2 {
        s.record_canned_use(ana.company_id, ana.id, ids[0], T0)
            .await
            .unwrap();
    }
    s.record_canned_use(ana.company_id, ana.id, ids[1], T0)
        .await
        .unwrap();
    assert_eq!(found(s, &ana, "ship").await, ["ship-a", "ship-b", "ship-c"]);
    // Bo's uses are his: Ana's order stays, his follows his own.
    for _ in 0..3 {
        s.record_canned_use(bo.company_id, bo.id, ids[2], T0)
            .await
            .unwrap();
    }
    assert_eq!(found(s, &ana, "ship").await, ["ship-a", "ship-b", "ship-c"]);
    assert_eq!(found(s, &bo, "ship").await, ["ship-c", "ship-b", "ship-a"]);
    // A use counted from another company does nothing.
    s.record_canned_use(olga.company_id, olga.id, ids[1], T0)
        .await
        .unwrap();
    for _ in 0..5 {
        s.record_canned_use(olga.company_id, ana.id, ids[2], T0)
            .await
            .unwrap();
    }
    assert_eq!(found(s, &ana, "ship").await, ["ship-a", "ship-b", "ship-c"]);
    // The rung still comes first: an exact code beats a used prefix.
    presets(s, &ana, &[("ship", "x")]).await;
    assert_eq!(found(s, &ana, "ship").await[0], "ship");
    // Deleting a used response takes its counts with it.
    assert!(
        s.delete_canned_response(ana.company_id, CannedScope::Company, ids[0])
            .await
            .unwrap()
    );
    assert_eq!(found(s, &ana, "ship-").await, ["ship-b", "ship-c"]);
}

async fn search_keeps_to_scopes_filters_and_edits(backend: Backend) {
    let (s, _dir, [ana, bo, olga]) = people(backend).await;
    let s = &*s;
    let company = ana.company_id;
    presets(s, &ana, &[("hello", "Company hello")]).await;
    let mut mine = response("hello", "Ana's own hello");
    mine.tags = vec!["VIP".into()];
    mine.attachment = Some(CannedAttachment {
        key: "blobs/x".into(),
        mime: "image/png".into(),
        size: 10,
        filename: "x.png".into(),
    });
    let own = s
        .create_canned_response(company, CannedScope::Personal(ana.id), &mine, ana.id, T0)
        .await
        .unwrap();
    s.create_canned_response(
        company,
        CannedScope::Personal(bo.id),
        &response("hello-bo", "Bo"),
        bo.id,
        T0,
    )
    .await
    .unwrap();
    s.create_canned_response(
        olga.company_id,
        CannedScope::Company,
        &response("hello-other", "Another company"),
        olga.id,
        T0,
    )
    .await
    .unwrap();
    let by = |scope| CannedSearch {
        query: CannedQuery::new("hello"),
        scope,
        limit: 50,
        ..Default::default()
    };
    let mut all = find(s, &ana, by(CannedSearchScope::All)).await;
    all.sort();
    assert_eq!(
        all,
        ["hello", "hello"],
        "the preset and Ana's own; never Bo's or another company's"
    );
    assert_eq!(
        find(s, &ana, by(CannedSearchScope::Company)).await,
        ["hello"]
    );
    let personal = s
        .search_canned_responses(company, ana.id, &by(CannedSearchScope::Personal))
        .await
        .unwrap();
    assert_eq!(personal.len(), 1);
    assert_eq!(personal[0].id, own.id);
    assert_eq!(found(s, &bo, "hello").await.len(), 2);
    assert_eq!(found(s, &olga, "hello").await, ["hello-other"]);
    // Filters: tag (case-insensitively, whole tags only) and attachment.
    let tagged = |tag: &str| CannedSearch {
        tag: Some(fold(tag)),
        limit: 50,
        ..Default::default()
    };
    assert_eq!(find(s, &ana, tagged("vip")).await, ["hello"]);
    assert_eq!(find(s, &ana, tagged("VI")).await.len(), 0);
    assert_eq!(
        find(s, &ana, tagged("billing")).await.len(),
        1,
        "the preset's tag"
    );
    let with = |has| CannedSearch {
        has_attachment: Some(has),
        limit: 50,
        ..Default::default()
    };
    let with_file = s
        .search_canned_responses(company, ana.id, &with(true))
        .await
        .unwrap();
    assert_eq!(with_file.iter().map(|r| r.id).collect::<Vec<_>>(), [own.id]);
    assert_eq!(find(s, &ana, with(false)).await, ["hello"]);
    // The limit.
    let one = CannedSearch {
        limit: 1,
        ..Default::default()
    };
    assert_eq!(find(s, &ana, one).await.len(), 1);
    // An edit is searchable at once, and the old text no longer is.
    let patch = CannedPatch {
        short_code: Some(ShortCode::parse("bonjour").unwrap()),
        content: Some(CannedContent::parse("Salut à toi", true).unwrap()),
        tags: Some(vec!["Français".into()]),
        attachment: None,
    };
    s.update_canned_response(company, CannedScope::Personal(ana.id), own.id, &patch, T0)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found(s, &ana, "bonj").await, ["bonjour"]);
    assert_eq!(found(s, &ana, "salut a").await, ["bonjour"]);
    assert_eq!(find(s, &ana, tagged("FRANÇAIS")).await, ["bonjour"]);
    assert!(find(s, &ana, tagged("vip")).await.is_empty());
    assert_eq!(found(s, &ana, "hello").await, ["hello"]);
    assert!(
        s.delete_canned_response(company, CannedScope::Personal(ana.id), own.id)
            .await
            .unwrap()
    );
    assert!(found(s, &ana, "bonjour").await.is_empty());
}
