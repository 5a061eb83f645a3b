//! Tools no one here wrote, run against the real app in bounded runs: schemathesis (PyPI) over
//! the whole OpenAPI document, signed in, with every check and every phase. `scripts/test`
//! installs the tools; outside CI a missing tool skips the test with a message.

use std::path::PathBuf;
use std::time::Duration;

use crate::support::*;

/// A command from the test tools' virtualenv (`.venv-test`, next to `TEST_PYTHON`), or `None`
/// when it is not installed (a failure under `CI=true`).
pub fn venv_tool(name: &str) -> Option<PathBuf> {
    let python = std::env::var("TEST_PYTHON")
        .ok()
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.venv-test/bin/python")
        });
    let tool = python.with_file_name(name);
    if tool.exists() {
        return Some(tool);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} is not installed and CI=true (scripts/test installs it)",
            tool.display()
        );
    }
    eprintln!(
        "skipping: {} not installed (run scripts/test)",
        tool.display()
    );
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_nothing_the_document_does_not_say() {
    let Some(schemathesis) = venv_tool("schemathesis") else {
        return;
    };
    let app = spawn_app_with(Backend::Sqlite, |c| c.demo_conversations = true).await;
    // An admin of another company, the run's peer for object-level authorization.
    let hash = app
        .state
        .passwords()
        .hash("peer company password")
        .await
        .unwrap();
    app.state
        .store()
        .create_user(
            &agentdesk_core::domain::NewUser {
                company_name: "Peer Co".into(),
                email: agentdesk_core::domain::Email::parse("peer@peer.test").unwrap(),
                first_name: agentdesk_core::domain::PersonName::parse("Pia").unwrap(),
                last_name: agentdesk_core::domain::PersonName::parse("Peer").unwrap(),
                role: agentdesk_core::domain::Role::Admin,
                locale: None,
                password_hash: hash.into(),
            },
            agentdesk_core::Clock::now(app.clock.as_ref()),
        )
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let login = |email: &str, password: &str| {
        serde_json::json!({
            "name": email,
            "loginEndpointAuth": {
                "verb": "POST",
                "endpoint": "/api/v1/auth/login",
                "contentType": "application/json",
                "payloadRaw": serde_json::json!({"email": email, "password": password}).to_string(),
                "expectCookies": true
            }
        })
    };
    let wfc = dir.path().join("wfc-auth.json");
    std::fs::write(
        &wfc,
        serde_json::json!({"auth": [
            login("admin@demo.test", DEMO_PASSWORD),
            login("peer@peer.test", "peer company password"),
        ]})
        .to_string(),
    )
    .unwrap();
    let config =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/schemathesis.toml");
    let report = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/schemathesis");
    let run = tokio::process::Command::new(&schemathesis)
        .arg("--config-file")
        .arg(&config)
        .arg("run")
        .arg(app.url("/api/v1/openapi.json"))
        // Every check is on by default (schemathesis 4); the config file turns one off where a
        // schema cannot be judged by it, which `--checks all` would override.
        .args(["--phases", "examples,coverage,fuzzing,stateful"])
        .args([
            "--max-examples",
            "25",
            "--max-time",
            "150",
            "--seed",
            "20261201",
        ])
        // One worker: CPython 3.11's parser is not safe in threads ("AST constructor recursion
        // depth mismatch" inside hypothesis), and the run is bounded by time anyway.
        .args(["--workers", "1", "--request-timeout", "10", "--no-shrink"])
        .arg("--auth-wfc")
        .arg(&wfc)
        .args(["--auth-wfc-user", "admin@demo.test"])
        .args(["--report", "junit", "--report-dir"])
        .arg(&report)
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(300), run)
        .await
        .expect("schemathesis finished in 5 minutes")
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "schemathesis found failures ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    // It really ran: every operation but the ones the config leaves out.
    assert!(stdout.contains("Tested:"), "{stdout}");
}
