//! What every operation of the API can answer besides its own responses, written into the OpenAPI
//! document once instead of in each handler's annotation: the body errors of every operation
//! that takes a body (400 unreadable, 413 too large, 415 not JSON, 422 fields of the wrong kind),
//! 422 for a query the parameters cannot hold, 401 where a session is needed (with the session
//! cookie declared as the security scheme), 403 on admin routes, 404 where a path names a record.
//! These come from the extractors and middleware every route shares, so the document says what
//! the server does; an operation's own description of a status is kept where it has one.

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{Content, OpenApi, Ref, RefOr, ResponseBuilder};

/// The security scheme's name: the session cookie.
pub const SESSION_SCHEME: &str = "session";

/// Operations anyone may call without a session.
const PUBLIC: [(&str, &str); 7] = [
    ("/api/v1/auth/login", "post"),
    ("/api/v1/auth/logout", "post"),
    ("/api/v1/dev/outbox", "get"),
    ("/healthz", "get"),
    ("/readyz", "get"),
    ("/webhooks/whatsapp", "get"),
    ("/webhooks/whatsapp", "post"),
];

fn error_response(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                Content::new(Some(Ref::from_schema_name("ErrorBody"))),
            )
            .build(),
    )
}

fn ensure(op: &mut Operation, status: &str, description: &str) {
    op.responses
        .responses
        .entry(status.to_owned())
        .or_insert_with(|| error_response(description));
}

/// Adds the shared responses and the session requirement to every operation of `doc`.
pub fn document_conventions(doc: &mut OpenApi, session_cookie: &str) {
    doc.components
        .get_or_insert_with(Default::default)
        .add_security_scheme(
            SESSION_SCHEME,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                session_cookie,
                "The session cookie set by `POST /api/v1/auth/login` (and `/auth/otp`).",
            ))),
        );
    for (path, item) in doc.paths.paths.iter_mut() {
        let operations = [
            ("get", &mut item.get),
            ("put", &mut item.put),
            ("post", &mut item.post),
            ("delete", &mut item.delete),
            ("patch", &mut item.patch),
        ];
        for (method, op) in operations {
            let Some(op) = op.as_mut() else { continue };
            if op.request_body.is_some() {
                ensure(
                    op,
                    "400",
                    "`malformed_body`: the body cannot be read (not JSON, broken multipart)",
                );
                ensure(
                    op,
                    "413",
                    "`payload_too_large`: the body is larger than this route takes",
                );
                ensure(
                    op,
                    "415",
                    "`unsupported_media_type`: the body is not of a type this route takes",
                );
                ensure(
                    op,
                    "422",
                    "`invalid_body` (unknown or ill-typed fields) or `validation_failed` (with `fields`)",
                );
            }
            let has_query = op
                .parameters
                .iter()
                .flatten()
                .any(|p| matches!(p, RefOr::T(p) if p.parameter_in == ParameterIn::Query));
            if has_query {
                ensure(
                    op,
                    "422",
                    "`invalid_body`: a query parameter of the wrong kind, or `validation_failed`",
                );
            }
            if !PUBLIC.contains(&(path.as_str(), method)) {
                op.security = Some(vec![SecurityRequirement::new(
                    SESSION_SCHEME,
                    Vec::<String>::new(),
                )]);
                ensure(
                    op,
                    "401",
                    "`unauthenticated`: no session, or one that cannot do this",
                );
            }
            if path.starts_with("/api/v1/admin/") {
                ensure(op, "403", "`forbidden`: admins only");
            }
            if path.contains('{') {
                ensure(
                    op,
                    "404",
                    "`not_found`: nothing with this id (of yours, in your company)",
                );
            }
        }
    }
}

/// The values some text fields take, for the document (the handlers parse them into the domain's
/// own types, reporting a wrong value on its field).
pub mod vocabulary {
    use utoipa::ToSchema;

    /// `admin` or `agent`.
    #[derive(ToSchema)]
    #[schema(rename_all = "snake_case")]
    #[allow(dead_code)]
    pub enum RoleName {
        Admin,
        Agent,
    }

    /// How a second factor reaches the user.
    #[derive(ToSchema)]
    #[schema(rename_all = "snake_case")]
    #[allow(dead_code)]
    pub enum MethodName {
        Sms,
        Email,
        Totp,
    }

    /// An agent's availability.
    /// What happened to the account (`SecurityEventKind` names them; a test keeps the two alike).
    #[derive(ToSchema)]
    #[schema(rename_all = "snake_case")]
    #[allow(dead_code)]
    pub enum SecurityEventKindName {
        SignedIn,
        TwoFactorFailed,
        TwoFactorEnabled,
        TwoFactorDisabled,
        TwoFactorSwitched,
        PasswordChanged,
        PhoneChanged,
        PhoneRemoved,
        SignedOutOthers,
        RecoveryCodeUsed,
        RecoveryCodesGenerated,
    }

    #[derive(ToSchema)]
    #[schema(rename_all = "snake_case")]
    #[allow(dead_code)]
    pub enum AvailabilityName {
        Available,
        Away,
        Offline,
    }

    /// A language of the interface.
    #[derive(ToSchema)]
    #[allow(dead_code)]
    pub enum LocaleName {
        #[schema(rename = "en")]
        En,
        #[schema(rename = "zh-CN")]
        ZhCn,
        #[schema(rename = "zh-TW")]
        ZhTw,
        #[schema(rename = "es")]
        Es,
        #[schema(rename = "pt-BR")]
        PtBr,
        #[schema(rename = "id")]
        Id,
        #[schema(rename = "ru")]
        Ru,
        #[schema(rename = "ar")]
        Ar,
    }
}

#[cfg(test)]
mod tests {
    use agentdesk_core::store::SecurityEventKind;
    use utoipa::PartialSchema;

    #[test]
    fn the_documented_event_kinds_are_the_stored_ones() {
        let schema = serde_json::to_value(super::vocabulary::SecurityEventKindName::schema())
            .unwrap_or_default();
        let documented: Vec<&str> = schema["enum"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let stored: Vec<&str> = SecurityEventKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(documented, stored);
        for kind in SecurityEventKind::ALL {
            assert_eq!(SecurityEventKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(SecurityEventKind::parse("made_up"), None);
    }
}
