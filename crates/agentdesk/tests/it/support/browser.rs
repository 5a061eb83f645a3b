//! Headless Chromium over WebDriver: each test gets its own chromedriver and profile.
//! Screenshots land in `target/screenshots/`.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use super::*;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        // chromedriver runs in its own process group with the Chromium it started: end them all,
        // or every test run would leave browsers behind.
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A headless Chromium, or `None` (test skipped) when Chromium is not installed outside CI.
/// Under `CI=true` a missing browser fails the test.
pub async fn browser() -> Option<Browser> {
    if !std::path::Path::new(CHROMEDRIVER).exists() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("chromedriver is not installed and CI=true (scripts/test installs it)");
        }
        eprintln!("skipping: {CHROMEDRIVER} not installed (run scripts/test)");
        return None;
    }
    let port = free_port();
    let driver = Command::new(CHROMEDRIVER)
        .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let binary = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .unwrap();
    let caps = json!({
        "goog:chromeOptions": {
            "binary": binary,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,800", "--lang=en-US",
                "--autoplay-policy=no-user-gesture-required",
                format!("--user-data-dir={}", profile.path().display()),
            ],
            "prefs": { "intl.accept_languages": "en-US,en" }
        }
    });
    let caps: fantoccini::wd::Capabilities = caps.as_object().unwrap().clone();
    let url = format!("http://127.0.0.1:{port}");
    let client = eventually(
        "chromedriver to accept a session",
        Duration::from_secs(30),
        || {
            let caps = caps.clone();
            let url = url.clone();
            async move {
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps)
                    .connect(&url)
                    .await
                    .ok()
            }
        },
    )
    .await;
    Some(Browser {
        client,
        driver,
        _profile: profile,
    })
}

impl Browser {
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// The colour of one pixel of the page as drawn (from a screenshot).
    pub async fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let png = self.client.screenshot().await.unwrap();
        let img = image::load_from_memory(&png).unwrap().into_rgb8();
        img.get_pixel(x, y).0
    }

    pub async fn wait_for_path(&self, path: &str) {
        eventually(
            &format!("the browser to reach {path}"),
            Duration::from_secs(15),
            || async {
                let url = self.client.current_url().await.ok()?;
                (url.path() == path).then_some(())
            },
        )
        .await
    }

    /// Waits until the JS expression is truthy and returns its value.
    pub async fn wait_js(&self, what: &str, expr: &str) -> serde_json::Value {
        let script = format!("return ({expr});");
        eventually(what, Duration::from_secs(15), || {
            let script = script.clone();
            async move {
                let v = self.client.execute(&script, vec![]).await.ok()?;
                let truthy = !(v.is_null() || v == json!(false) || v == json!("") || v == json!(0));
                truthy.then_some(v)
            }
        })
        .await
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let el = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap();
        el.clear().await.unwrap();
        el.send_keys(value).await.unwrap();
    }

    pub async fn click(&self, css: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }

    pub async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    pub async fn sign_in(&self, app: &TestApp, email: &str, password: &str) {
        self.client.goto(&app.url("/login")).await.unwrap();
        self.fill("#email", email).await;
        self.fill("#password", password).await;
        self.click("#login-submit").await;
        self.wait_for_path("/inbox").await;
    }

    /// Signs out through the account menu and waits for the sign-in page.
    pub async fn sign_out(&self) {
        self.click("#me-button").await;
        self.wait_js(
            "the menu to open",
            "!document.getElementById('me-menu').hidden",
        )
        .await;
        self.click("#sign-out").await;
        self.wait_for_path("/login").await;
    }

    /// No element is wider than the viewport (nothing to scroll sideways).
    pub async fn assert_no_horizontal_scroll(&self, page: &str) {
        let overflow = self
            .client
            .execute(
                "return document.documentElement.scrollWidth - window.innerWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            overflow.as_i64().unwrap() <= 0,
            "{page} scrolls sideways by {overflow}px"
        );
    }
}
