//! Issue 5's transports against real servers: codes by email through a real SMTP server (Python's
//! aiosmtpd, `scripts/smtp_sink.py`, which writes each message it accepts to a file) and by SMS
//! through a local HTTP server that accepts only Twilio's documented request format and answers
//! with Twilio's documented bodies. Both check the text is in the user's language, that the code
//! delivered works, and that a failing provider gives a retryable 503 `delivery_failed`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use agentdesk::config::{DeliveryMode, Secret, SmsConfig, SmtpConfig, SmtpTls};
use agentdesk::i18n::Tr;
use agentdesk_core::domain::Locale;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, Method, StatusCode as HttpStatus, Uri, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::support::*;

// --- SMTP ------------------------------------------------------------------------------------

const MAIL_FROM: &str = "agentdesk <no-reply@agentdesk.test>";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A Python that can import aiosmtpd: `TEST_PYTHON` (set by `scripts/test`), else the venv
/// `scripts/test` makes. `None` (test skipped) outside CI; under `CI=true` a failure.
async fn python_with_aiosmtpd() -> Option<PathBuf> {
    let python = std::env::var_os("TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join(".venv-test/bin/python"));
    let works = tokio::process::Command::new(&python)
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .await
        .is_ok_and(|s| s.success());
    if works {
        return Some(python);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} cannot import aiosmtpd and CI=true (scripts/test sets up .venv-test)",
            python.display()
        );
    }
    eprintln!(
        "skipping: {} cannot import aiosmtpd (run scripts/test, or set TEST_PYTHON)",
        python.display()
    );
    None
}

/// `scripts/smtp_sink.py` as a child process (killed on drop) on a port of its choosing.
struct SmtpSink {
    child: tokio::process::Child,
    port: u16,
    dir: tempfile::TempDir,
}

/// One message as the SMTP server received it.
#[derive(Debug, Clone)]
struct Received {
    mail_from: String,
    rcpt_tos: Vec<String>,
    mail: Mail,
}

impl SmtpSink {
    async fn start(python: &Path) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut child = tokio::process::Command::new(python)
            .arg(workspace_root().join("scripts/smtp_sink.py"))
            .arg(dir.path())
            .args(["--host", "127.0.0.1", "--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut first = String::new();
        tokio::time::timeout(
            Duration::from_secs(30),
            BufReader::new(stdout).read_line(&mut first),
        )
        .await
        .expect("the SMTP sink did not start within 30 s")
        .unwrap();
        let port = first
            .trim()
            .strip_prefix("listening 127.0.0.1:")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line from the SMTP sink: {first:?}"));
        Self { child, port, dir }
    }

    /// Every message received so far, oldest first.
    fn messages(&self) -> Vec<Received> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| {
                let v: Value = serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap();
                Received {
                    mail_from: v["mail_from"].as_str().unwrap().to_owned(),
                    rcpt_tos: v["rcpt_tos"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|r| r.as_str().unwrap().to_owned())
                        .collect(),
                    mail: Mail::parse(v["data"].as_str().unwrap()),
                }
            })
            .collect()
    }

    async fn wait_for(&self, count: usize) -> Vec<Received> {
        eventually(
            &format!("{count} message(s) at the SMTP server"),
            Duration::from_secs(15),
            || {
                let messages = self.messages();
                async move { (messages.len() >= count).then_some(messages) }
            },
        )
        .await
    }

    async fn stop(&mut self) {
        self.child.kill().await.unwrap();
    }
}

/// An RFC 5322 message, with headers unfolded and RFC 2047 encoded-words decoded, and the body
/// decoded from its Content-Transfer-Encoding.
#[derive(Debug, Clone)]
struct Mail {
    headers: Vec<(String, String)>,
    body: String,
}

impl Mail {
    fn parse(data: &str) -> Self {
        let data = data.replace("\r\n", "\n");
        let (head, body) = data
            .split_once("\n\n")
            .expect("no blank line after the headers");
        let mut raw: Vec<(String, String)> = Vec::new();
        for line in head.lines() {
            if line.starts_with([' ', '\t']) {
                raw.last_mut().expect("continuation first").1.push_str(line);
            } else {
                let (name, value) = line.split_once(':').expect("header without a colon");
                raw.push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
        let headers: Vec<(String, String)> = raw
            .into_iter()
            .map(|(n, v)| (n, decode_encoded_words(&v)))
            .collect();
        let encoding = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("Content-Transfer-Encoding"))
            .map(|(_, v)| v.to_ascii_lowercase())
            .unwrap_or_else(|| "7bit".into());
        let bytes = match encoding.as_str() {
            "quoted-printable" => quoted_printable(body, false),
            "base64" => BASE64
                .decode(body.split_whitespace().collect::<String>())
                .expect("bad base64 body"),
            "7bit" | "8bit" | "binary" => body.as_bytes().to_vec(),
            other => panic!("unexpected Content-Transfer-Encoding {other}"),
        };
        Self {
            headers,
            body: String::from_utf8(bytes)
                .expect("body is not UTF-8")
                .trim_end()
                .to_owned(),
        }
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name} header in {:?}", self.headers))
    }
}

/// Quoted-printable (RFC 2045) or, with `header`, the Q encoding of RFC 2047 (`_` is a space).
fn quoted_printable(text: &str, header: bool) -> Vec<u8> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'=' if b.get(i + 1) == Some(&b'\n') => i += 2, // soft line break
            b'=' => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).expect("bad =XX escape"));
                i += 3;
            }
            b'_' if header => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The first `=?charset?enc?text?=` in `s`: its byte range and decoded bytes.
fn encoded_word(s: &str) -> Option<(usize, usize, Vec<u8>)> {
    let start = s.find("=?")?;
    let inner = &s[start + 2..];
    let (charset, after) = inner.split_once('?')?;
    let (encoding, after) = after.split_once('?')?;
    let len = after.find("?=")?;
    let text = &after[..len];
    assert!(
        charset.eq_ignore_ascii_case("utf-8"),
        "unexpected charset {charset}"
    );
    let bytes = match encoding {
        "B" | "b" => BASE64.decode(text).expect("bad base64 encoded-word"),
        "Q" | "q" => quoted_printable(text, true),
        _ => return None,
    };
    let end = start + 2 + charset.len() + 1 + encoding.len() + 1 + len + 2;
    Some((start, end, bytes))
}

/// Decodes RFC 2047 encoded-words; whitespace between two adjacent words is dropped.
fn decode_encoded_words(value: &str) -> String {
    let mut out = Vec::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some((start, end, bytes)) = encoded_word(rest) {
        let between = &rest[..start];
        if !(after_word && between.trim().is_empty()) {
            out.extend_from_slice(between.as_bytes());
        }
        out.extend_from_slice(&bytes);
        rest = &rest[end..];
        after_word = true;
    }
    out.extend_from_slice(rest.as_bytes());
    String::from_utf8(out).expect("header is not UTF-8")
}

#[test]
fn mail_parsing_decodes_what_lettre_produces() {
    let mail = Mail::parse(
        "From: agentdesk <no-reply@agentdesk.test>\r\nSubject: =?utf-8?b?VHUgY8OzZGln?=\r\n =?utf-8?q?o_de_agentdesk?=\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n123456 es tu c=C3=B3digo=\r\n de agentdesk.\r\n",
    );
    assert_eq!(mail.header("subject"), "Tu código de agentdesk");
    assert_eq!(mail.body, "123456 es tu código de agentdesk.");
    // What lettre writes: only the word that needs it encoded.
    assert_eq!(
        decode_encoded_words("Tu =?utf-8?b?Y8OzZGlnbw==?= de agentdesk"),
        "Tu código de agentdesk"
    );
    let mail =
        Mail::parse("Subject: plain\r\nContent-Transfer-Encoding: base64\r\n\r\nMTIzNDU2IMOp\r\n");
    assert_eq!(
        (mail.header("Subject"), mail.body.as_str()),
        ("plain", "123456 é")
    );
}

async fn set_locale(app: &TestApp, client: &reqwest::Client, locale: &str) {
    let (status, body) = json(
        client
            .patch(app.url("/api/v1/me"))
            .json(&json!({ "locale": locale }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["locale"], locale, "{body}");
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    json(client.post(app.url(path)).json(&body).send().await.unwrap()).await
}

/// The app keeps serving after a transport failure.
async fn assert_healthy(app: &TestApp, client: &reqwest::Client) {
    let res = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (status, me) = json(client.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{me}");
}

/// A 503 `delivery_failed` whose message is the user's language's, without provider details.
fn assert_delivery_failed(status: StatusCode, body: &Value, locale: Locale, detail: &str) {
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(error_code(body), "delivery_failed");
    let message = body["error"]["message"].as_str().unwrap();
    assert_eq!(
        message,
        Tr::new(locale).t("error-delivery-failed"),
        "{body}"
    );
    assert!(!message.contains(detail), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_codes_go_through_a_real_smtp_server() {
    let Some(python) = python_with_aiosmtpd().await else {
        return;
    };
    let mut sink = SmtpSink::start(&python).await;
    let port = sink.port;
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.delivery.mode = Some(DeliveryMode::Live);
        c.delivery.smtp = SmtpConfig {
            host: Some("127.0.0.1".into()),
            port,
            tls: SmtpTls::None,
            username: None,
            password: None,
            from: MAIL_FROM.into(),
        };
    })
    .await;
    let agent = app.agent(1).await;
    set_locale(&app, &agent, "es").await;
    let es = Tr::new(Locale::Es);

    let (status, challenge) = post(
        &app,
        &agent,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "enable", "method": "email"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{challenge}");
    assert_eq!(challenge["channel"], "email");

    let received = sink.wait_for(1).await;
    assert_eq!(received.len(), 1, "{received:?}");
    let message = &received[0];
    assert_eq!(message.mail_from, "no-reply@agentdesk.test");
    assert_eq!(message.rcpt_tos, ["agent1@demo.test"]);
    let mail = &message.mail;
    assert_eq!(mail.header("From"), MAIL_FROM);
    assert_eq!(mail.header("To"), "agent1@demo.test");
    assert_eq!(mail.header("Subject"), es.t("otp-email-subject"));
    assert_eq!(mail.header("Subject"), "Tu código de agentdesk");
    let content_type = mail.header("Content-Type").to_ascii_lowercase();
    assert!(
        content_type.starts_with("text/plain") && content_type.contains("charset=utf-8"),
        "{content_type}"
    );
    let code = six_digits(&mail.body);
    assert_eq!(mail.body, es.t1("otp-two-factor", "code", &code));
    assert!(
        mail.body.contains("autenticación de dos factores"),
        "{mail:?}"
    );

    // The code from the mailbox works.
    let (status, me) = json(
        agent
            .put(app.url("/api/v1/me/two-factor"))
            .json(&json!({"enabled": true, "method": "email",
                          "challenge_id": challenge["id"], "code": code}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(
        me["two_factor"],
        json!({"enabled": true, "method": "email"})
    );
    // The change is confirmed by email too (there is no phone), also in Spanish.
    let received = sink.wait_for(2).await;
    assert_eq!(received.len(), 2, "{received:?}");
    let notice = &received[1];
    assert_eq!(notice.rcpt_tos, ["agent1@demo.test"]);
    assert_eq!(notice.mail.header("Subject"), es.t("notice-email-subject"));
    assert_eq!(notice.mail.body, es.t("notice-two-factor-enabled"));

    // With the SMTP server gone the code cannot be sent: a retryable 503, and the app goes on.
    sink.stop().await;
    let (status, body) = post(
        &app,
        &agent,
        "/api/v1/me/two-factor/challenge",
        json!({"action": "disable", "method": "email"}),
    )
    .await;
    assert_delivery_failed(status, &body, Locale::Es, "127.0.0.1");
    assert_healthy(&app, &agent).await;
}

// --- SMS (Twilio's REST API) -----------------------------------------------------------------

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
const AUTH_TOKEN: &str = "f00dfeedf00dfeedf00dfeedf00dfeed";
const SMS_FROM: &str = "+15005550006";

/// One request the fake Twilio received.
#[derive(Debug, Clone)]
struct TwilioRequest {
    method: Method,
    path: String,
    authorized: bool,
    content_type: Option<String>,
    /// The form fields in the order sent; `None` when the body was not a form.
    fields: Option<Vec<(String, String)>>,
}

impl TwilioRequest {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .as_ref()?
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A local stand-in for `api.twilio.com`: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`
/// with HTTP basic auth (Account SID, Auth Token) and a form-encoded `To`, `From`, `Body`. It
/// answers as Twilio documents it: 201 with the Message resource, or (when `refuse` is set)
/// 400 with error 21211; bad credentials, or another account's SID, get 401 with error 20003.
#[derive(Clone)]
struct FakeTwilio {
    base: String,
    requests: Arc<Mutex<Vec<TwilioRequest>>>,
    refuse: Arc<AtomicBool>,
    next_sid: Arc<AtomicU64>,
}

fn twilio_error(status: HttpStatus, code: u32, message: &str) -> Response {
    let body = json!({
        "code": code,
        "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status.as_u16(),
    });
    let mut res = (status, axum::Json(body)).into_response();
    if status == HttpStatus::UNAUTHORIZED {
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            "Basic realm=\"Twilio API\"".parse().unwrap(),
        );
    }
    res
}

async fn fake_twilio_handler(
    State(fake): State<FakeTwilio>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let expected_auth = format!(
        "Basic {}",
        BASE64.encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"))
    );
    let authorized = headers
        .get(header::AUTHORIZATION)
        .is_some_and(|v| v.as_bytes() == expected_auth.as_bytes());
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let fields = form.ok().map(|Form(f)| f);
    let request = TwilioRequest {
        method: method.clone(),
        path: uri.path().to_owned(),
        authorized,
        content_type: content_type.clone(),
        fields: fields.clone(),
    };
    fake.requests.lock().unwrap().push(request.clone());

    // Twilio checks the credentials first, and that they belong to the account in the path.
    let path_account = uri
        .path()
        .strip_prefix("/2010-04-01/Accounts/")
        .and_then(|rest| rest.split('/').next());
    if !authorized || path_account != Some(ACCOUNT_SID) {
        return twilio_error(HttpStatus::UNAUTHORIZED, 20003, "Authenticate");
    }
    if uri.path() != format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json") {
        return twilio_error(
            HttpStatus::NOT_FOUND,
            20404,
            &format!("The requested resource {} was not found", uri.path()),
        );
    }
    if method != Method::POST {
        return twilio_error(HttpStatus::METHOD_NOT_ALLOWED, 20004, "Method not allowed");
    }
    let form_encoded = content_type.as_deref().is_some_and(|c| {
        c.split(';').next().is_some_and(|m| {
            m.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
    });
    let (Some(to), Some(from), Some(body), true) = (
        request.field("To"),
        request.field("From"),
        request.field("Body"),
        form_encoded,
    ) else {
        let code = if request.field("To").is_none() {
            21604
        } else {
            21602
        };
        return twilio_error(
            HttpStatus::BAD_REQUEST,
            code,
            "A 'To' phone number, a 'From' number and a message body are required.",
        );
    };
    if fake.refuse.load(Ordering::SeqCst) {
        return twilio_error(
            HttpStatus::BAD_REQUEST,
            21211,
            &format!("The 'To' number {to} is not a valid phone number."),
        );
    }
    let sid = format!(
        "SM{:032x}",
        fake.next_sid.fetch_add(1, Ordering::SeqCst) + 1
    );
    let date = "Mon, 24 Nov 2025 12:00:00 +0000";
    let resource = json!({
        "account_sid": ACCOUNT_SID,
        "api_version": "2010-04-01",
        "body": body,
        "date_created": date,
        "date_sent": null,
        "date_updated": date,
        "direction": "outbound-api",
        "error_code": null,
        "error_message": null,
        "from": from,
        "messaging_service_sid": null,
        "num_media": "0",
        "num_segments": "1",
        "price": null,
        "price_unit": "USD",
        "sid": sid,
        "status": "queued",
        "subresource_uris": {
            "media": format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{sid}/Media.json")
        },
        "to": to,
        "uri": format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{sid}.json"),
    });
    (HttpStatus::CREATED, axum::Json(resource)).into_response()
}

impl FakeTwilio {
    async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let fake = FakeTwilio {
            base: format!("http://{}", listener.local_addr().unwrap()),
            requests: Arc::default(),
            refuse: Arc::default(),
            next_sid: Arc::default(),
        };
        let router = axum::Router::new()
            .fallback(fake_twilio_handler)
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        fake
    }

    fn requests(&self) -> Vec<TwilioRequest> {
        self.requests.lock().unwrap().clone()
    }
}

/// The fake turns away what a broken client would send, so such a client fails the test.
async fn fake_twilio_rejects_malformed_requests(fake: &FakeTwilio) {
    let http = reqwest::Client::new();
    let url = format!(
        "{}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json",
        fake.base
    );
    let form = [("To", "+14155552671"), ("From", SMS_FROM), ("Body", "x")];
    let cases = [
        (http.post(&url).form(&form), StatusCode::UNAUTHORIZED, 20003),
        (
            http.post(&url)
                .basic_auth(ACCOUNT_SID, Some("wrong"))
                .form(&form),
            StatusCode::UNAUTHORIZED,
            20003,
        ),
        (
            http.post(format!(
                "{}/2010-04-01/Accounts/ACffffffffffffffffffffffffffffffff/Messages.json",
                fake.base
            ))
            .basic_auth(ACCOUNT_SID, Some(AUTH_TOKEN))
            .form(&form),
            StatusCode::UNAUTHORIZED,
            20003,
        ),
        (
            http.post(format!(
                "{}/2010-04-01/Accounts/{ACCOUNT_SID}/SMS/Messages.json",
                fake.base
            ))
            .basic_auth(ACCOUNT_SID, Some(AUTH_TOKEN))
            .form(&form),
            StatusCode::NOT_FOUND,
            20404,
        ),
        (
            http.post(&url)
                .basic_auth(ACCOUNT_SID, Some(AUTH_TOKEN))
                .json(&json!({"To": "+14155552671", "From": SMS_FROM, "Body": "x"})),
            StatusCode::BAD_REQUEST,
            21604,
        ),
    ];
    for (request, status, code) in cases {
        let (got, body) = json(request.send().await.unwrap()).await;
        assert_eq!((got, body["code"].as_u64()), (status, Some(code)), "{body}");
        assert_eq!(body["status"], status.as_u16());
        assert_eq!(
            body["more_info"],
            format!("https://www.twilio.com/docs/errors/{code}")
        );
    }
    // A well-formed request is accepted with the documented resource.
    let (status, body) = json(
        http.post(&url)
            .basic_auth(ACCOUNT_SID, Some(AUTH_TOKEN))
            .form(&form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["status"], "queued");
    assert!(
        body["sid"]
            .as_str()
            .is_some_and(|s| s.starts_with("SM") && s.len() == 34)
    );
    fake.requests.lock().unwrap().clear();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sms_codes_go_through_the_twilio_rest_api() {
    let fake = FakeTwilio::start().await;
    fake_twilio_rejects_malformed_requests(&fake).await;
    let api_base = fake.base.clone();
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.delivery.mode = Some(DeliveryMode::Live);
        c.delivery.sms = SmsConfig {
            api_base,
            account_sid: Some(ACCOUNT_SID.into()),
            auth_token: Some(Secret::new(AUTH_TOKEN)),
            from: Some(SMS_FROM.into()),
        };
    })
    .await;
    let agent = app.agent(1).await;
    set_locale(&app, &agent, "pt-BR").await;

    let (status, step) = post(
        &app,
        &agent,
        "/api/v1/me/phone",
        json!({"country": "US", "number": "4155552671"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{step}");
    assert_eq!(step["step"], "verify_new");

    let requests = fake.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    let sent = &requests[0];
    assert_eq!(sent.method, Method::POST);
    assert_eq!(
        sent.path,
        format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json")
    );
    assert!(sent.authorized, "{sent:?}");
    assert_eq!(
        sent.content_type.as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    let fields: BTreeMap<&str, &str> = sent
        .fields
        .as_ref()
        .expect("not a form")
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        fields.keys().copied().collect::<Vec<_>>(),
        ["Body", "From", "To"],
        "{sent:?}"
    );
    assert_eq!(fields["To"], "+14155552671");
    assert_eq!(fields["From"], SMS_FROM);
    let code = six_digits(fields["Body"]);
    assert_eq!(
        fields["Body"],
        Tr::new(Locale::PtBr).t1("otp-phone-new", "code", &code)
    );

    let (status, done) = post(
        &app,
        &agent,
        "/api/v1/me/phone/verify",
        json!({"challenge_id": step["challenge"]["id"], "code": code}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["step"], "done");
    assert_eq!(done["profile"]["phone"], "+14155552671");
    // The confirmation goes by email (not configured here: only logged), never a second SMS.
    assert_eq!(fake.requests().len(), 1);

    // Twilio refuses the message: a 503 in the user's language, and the app goes on.
    fake.refuse.store(true, Ordering::SeqCst);
    let other = app.agent(2).await;
    set_locale(&app, &other, "es").await;
    let (status, body) = post(
        &app,
        &other,
        "/api/v1/me/phone",
        json!({"country": "US", "number": "4155552671"}),
    )
    .await;
    assert_delivery_failed(status, &body, Locale::Es, "21211");
    let requests = fake.requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert!(requests[1].authorized);
    assert_eq!(requests[1].field("To"), Some("+14155552671"));
    assert_healthy(&app, &other).await;
}
