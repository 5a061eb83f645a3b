//! The canned responses' storage story, run unchanged against SQLite and PostgreSQL: scopes,
//! case-insensitive uniqueness per scope, edits and deletes that reach only their own scope.

use agentdesk_core::Timestamp;
use agentdesk_core::domain::canned::{CannedContent, ShortCode};
use agentdesk_core::domain::{Email, NewUser, PersonName, Role, User};
use agentdesk_core::store::{
    CannedAttachment, CannedPatch, CannedResponseId, CannedScope, Conflict, NewCannedResponse,
};
use agentdesk_core::{Store, StoreError};

use crate::on_both_backends;
use crate::support::*;

on_both_backends!(
    presets_and_personal_responses_live_in_their_scopes,
    edits_and_deletes_reach_only_their_scope
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
