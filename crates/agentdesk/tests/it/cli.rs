//! The `agentdesk` binary as users and outside tests run it.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use reqwest::StatusCode;

use crate::support::*;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_agentdesk"));
    // Keep the developer's own AGENTDESK_* settings out of these tests.
    for (k, _) in std::env::vars().filter(|(k, _)| k.starts_with("AGENTDESK_")) {
        c.env_remove(k);
    }
    c
}

#[test]
fn help_documents_every_command() {
    let out = bin().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for word in ["serve", "user", "--config"] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
    let sub = String::from_utf8(
        bin()
            .args(["user", "add", "--help"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for word in [
        "--email",
        "--first-name",
        "--last-name",
        "--role",
        "--company",
        "AGENTDESK_PASSWORD",
    ] {
        assert!(sub.contains(word), "{word} missing from:\n{sub}");
    }
    assert!(
        String::from_utf8(bin().args(["serve", "--help"]).output().unwrap().stdout)
            .unwrap()
            .contains("--demo")
    );
}

#[test]
fn unknown_database_schemes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["serve"])
        .env("AGENTDESK_DATA_DIR", dir.path())
        .env("AGENTDESK_DATABASE_URL", "mysql://root@127.0.0.1/x")
        .env("AGENTDESK_LISTEN", "127.0.0.1:0")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unsupported database URL scheme \"mysql\""),
        "{err}"
    );
}

/// Starts `agentdesk serve` on port 0 and returns the child and its address from the log line.
fn serve(args: &[&str], envs: &[(&str, &std::ffi::OsStr)]) -> (Server, String) {
    let (child, addr, _) = serve_with_log(args, envs);
    (child, addr)
}

/// A server process that is killed when the test ends, passing or not, so a failed test leaves
/// no server behind (holding the test's output open).
pub struct Server(std::process::Child);

impl std::ops::Deref for Server {
    type Target = std::process::Child;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Server {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Like `serve`, and also returns what the server logged before it listened.
fn serve_with_log(args: &[&str], envs: &[(&str, &std::ffi::OsStr)]) -> (Server, String, String) {
    let mut cmd = bin();
    cmd.arg("serve")
        .args(args)
        .env("AGENTDESK_LISTEN", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let mut log = String::new();
    let addr = loop {
        let line = lines
            .next()
            .expect("server exited before listening")
            .unwrap();
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
        log.push_str(&line);
        log.push('\n');
    };
    // Keep draining the log so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (Server(child), addr, log)
}

#[tokio::test]
async fn user_add_then_serve_then_sign_in_then_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().as_os_str();
    // Password from standard input.
    let mut child = bin()
        .args([
            "user",
            "add",
            "--email",
            "Owner@Shop.test",
            "--first-name",
            "Olu",
            "--last-name",
            "Ade",
            "--role",
            "admin",
            "--company",
            "Shop",
        ])
        .env("AGENTDESK_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"blue kettle on the stove\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Password from the environment; the company defaults to the only one there is.
    let out = bin()
        .args([
            "user",
            "add",
            "--email",
            "helper@shop.test",
            "--first-name",
            "Hana",
            "--last-name",
            "Ito",
            "--role",
            "agent",
        ])
        .env("AGENTDESK_DATA_DIR", data)
        .env("AGENTDESK_PASSWORD", "green kettle on the stove")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"Shop\""));
    // A taken email and a weak password are refused with a reason.
    let out = bin()
        .args([
            "user",
            "add",
            "--email",
            "OWNER@shop.test",
            "--first-name",
            "X",
            "--last-name",
            "Y",
            "--role",
            "agent",
        ])
        .env("AGENTDESK_DATA_DIR", data)
        .env("AGENTDESK_PASSWORD", "another fine passphrase")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    let out = bin()
        .args([
            "user",
            "add",
            "--email",
            "new@shop.test",
            "--first-name",
            "X",
            "--last-name",
            "Y",
            "--role",
            "agent",
        ])
        .env("AGENTDESK_DATA_DIR", data)
        .env("AGENTDESK_PASSWORD", "password")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("password refused"));

    let (mut server, addr, log) = serve_with_log(&[], &[("AGENTDESK_DATA_DIR", data)]);
    // A plain server sends codes for real: no outbox, and nothing says there is one.
    assert!(!log.contains("outbox"), "{log}");
    let client = reqwest::Client::new();
    let outbox = client
        .get(format!("http://{addr}/api/v1/dev/outbox"))
        .send()
        .await
        .unwrap();
    assert_eq!(outbox.status(), StatusCode::NOT_FOUND);
    let health = client
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let login = client
        .post(format!("http://{addr}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "helper@shop.test", "password": "green kettle on the stove"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    let owner = client
        .post(format!("http://{addr}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "owner@shop.test", "password": "blue kettle on the stove"}))
        .send()
        .await
        .unwrap();
    assert_eq!(owner.status(), StatusCode::OK);

    // Graceful shutdown on SIGTERM: exits 0.
    let kill = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = eventually("the server to exit", Duration::from_secs(20), || {
        let s = server.try_wait().unwrap();
        async move { s }
    })
    .await;
    assert!(status.success(), "{status:?}");
}

#[tokio::test]
async fn serve_demo_seeds_once_and_prints_credentials() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().as_os_str();
    let (mut server, addr, log) = serve_with_log(&["--demo"], &[("AGENTDESK_DATA_DIR", data)]);
    // A demo keeps codes in the outbox, and says at start that anyone can read them.
    assert!(
        log.contains("delivery mode is `outbox`") && log.contains("readable by anyone"),
        "{log}"
    );
    let client = reqwest::Client::new();
    for email in [
        "admin@demo.test",
        "agent1@demo.test",
        "agent2@demo.test",
        "agent3@demo.test",
    ] {
        let res = client
            .post(format!("http://{addr}/api/v1/auth/login"))
            .json(&serde_json::json!({"email": email, "password": DEMO_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{email}");
    }
    server.kill().unwrap();
    server.wait().unwrap();
    // A custom demo password is honoured on a fresh database.
    let dir2 = tempfile::tempdir().unwrap();
    let (mut server, addr) = serve(
        &["--demo"],
        &[
            ("AGENTDESK_DATA_DIR", dir2.path().as_os_str()),
            (
                "AGENTDESK_DEMO_PASSWORD",
                std::ffi::OsStr::new("custom demo phrase 9"),
            ),
        ],
    );
    let res = client
        .post(format!("http://{addr}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "agent3@demo.test", "password": "custom demo phrase 9"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    server.kill().unwrap();
    server.wait().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_webhooks_survive_a_kill_9() {
    use crate::support::{MANUAL_NUMBER, SECRET, text_payload};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().as_os_str();
    let env: Vec<(&str, &std::ffi::OsStr)> = vec![
        ("AGENTDESK_DATA_DIR", data),
        (
            "AGENTDESK_WHATSAPP__APP_SECRET",
            std::ffi::OsStr::new(SECRET),
        ),
        // Replies are not part of this test; keep the client away from the network.
        (
            "AGENTDESK_WHATSAPP__API_BASE",
            std::ffi::OsStr::new("http://127.0.0.1:9/v21.0"),
        ),
        // Only this test's messages in the database.
        (
            "AGENTDESK_DEMO_CONVERSATIONS",
            std::ffi::OsStr::new("false"),
        ),
    ];
    let (mut server, addr) = serve(&["--demo"], &env);
    let client = reqwest::Client::new();
    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let senders: Vec<_> = (0..8)
        .map(|worker| {
            let client = client.clone();
            let acked = acked.clone();
            let url = format!("http://{addr}/webhooks/whatsapp");
            tokio::spawn(async move {
                for i in 0..400 {
                    let wamid = format!("wamid.CRASH.{worker}.{i}");
                    let body = serde_json::to_vec(&text_payload(
                        MANUAL_NUMBER,
                        &wamid,
                        "US.CRASH",
                        "Crash",
                        &format!("m {worker} {i}"),
                        1_800_000_000,
                    ))
                    .unwrap();
                    let sig = agentdesk::whatsapp::signature::sign(SECRET.as_bytes(), &body);
                    match client
                        .post(&url)
                        .header("content-type", "application/json")
                        .header("x-hub-signature-256", sig)
                        .body(body)
                        .send()
                        .await
                    {
                        Ok(r) if r.status() == StatusCode::OK => acked.lock().unwrap().push(wamid),
                        _ => return, // the server is gone
                    }
                }
            })
        })
        .collect();
    // Kill the server the moment enough deliveries were acknowledged, with more in flight.
    eventually(
        "some acknowledged deliveries",
        Duration::from_secs(60),
        || {
            let n = acked.lock().unwrap().len();
            async move { (n >= 150).then_some(()) }
        },
    )
    .await;
    server.kill().unwrap(); // SIGKILL: no shutdown, no flush
    server.wait().unwrap();
    for s in senders {
        s.await.unwrap();
    }
    let acked: Vec<String> = acked.lock().unwrap().clone();
    assert!(acked.len() >= 150);

    let (mut server, addr) = serve(&[], &env);
    let admin = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let res = admin
        .post(format!("http://{addr}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "admin@demo.test", "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let list: serde_json::Value = admin
        .get(format!("http://{addr}/api/v1/conversations?view=all"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "one customer, one conversation"
    );
    let id = list[0]["id"].as_i64().unwrap();
    // Every page of the conversation, newest first.
    let mut stored = std::collections::HashSet::<String>::new();
    let mut before = String::new();
    loop {
        let page: serde_json::Value = admin
            .get(format!(
                "http://{addr}/api/v1/conversations/{id}/messages?limit=200{before}"
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let page = page.as_array().unwrap();
        stored.extend(
            page.iter()
                .filter_map(|m| m["wa_message_id"].as_str().map(str::to_owned)),
        );
        match page.first() {
            Some(first) if page.len() == 200 => before = format!("&before={}", first["id"]),
            _ => break,
        }
    }
    let lost: Vec<&String> = acked
        .iter()
        .filter(|w| !stored.contains(w.as_str()))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged messages lost: {:?}",
        lost.len(),
        acked.len(),
        &lost[..lost.len().min(5)]
    );
    server.kill().unwrap();
    server.wait().unwrap();
}
