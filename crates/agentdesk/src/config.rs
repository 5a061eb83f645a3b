//! Configuration: built-in defaults, then an optional TOML file, then `AGENTDESK_*` environment
//! variables (nested keys joined with `__`). Secrets are wrapped in `Secret` so that neither logs
//! nor `Debug` output ever show them.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Configuration secrets (database URL, SMTP password, SMS token, app secret) use the domain's
/// redacting type.
pub use agentdesk_core::Secret;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Address to bind; port 0 picks a free port.
    pub listen: String,
    /// Where the SQLite file and local blobs live.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; defaults to `sqlite://$DATA_DIR/agentdesk.db`. May carry a
    /// password, hence a secret.
    pub database_url: Option<Secret>,
    /// The URL users reach the server at. When it starts with `https://`, cookies get `Secure`
    /// and the `__Host-` prefix, and HSTS is sent.
    pub public_url: Option<String>,
    pub log_format: LogFormat,
    pub session: SessionConfig,
    pub login: LoginConfig,
    pub delivery: DeliveryConfig,
    pub whatsapp: WhatsAppConfig,
    /// Seed the demo company on an empty database (`serve --demo`).
    pub demo: bool,
    /// With the demo company, seed its sample conversations too (on by default).
    pub demo_conversations: bool,
    /// Password of the demo users; `demo-password-1` when unset.
    pub demo_password: Option<Secret>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("./data"),
            database_url: None,
            public_url: None,
            log_format: LogFormat::Text,
            session: SessionConfig::default(),
            login: LoginConfig::default(),
            delivery: DeliveryConfig::default(),
            whatsapp: WhatsAppConfig::default(),
            demo: false,
            demo_conversations: true,
            demo_password: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionConfig {
    /// A session unused for this long ends (docs/security.md 12: 30 minutes).
    pub idle_timeout_minutes: i64,
    /// A session ends this long after sign-in, used or not (12 hours).
    pub absolute_timeout_hours: i64,
}

impl Default for SessionConfig {
    fn default() -> Self {
        Self {
            idle_timeout_minutes: 30,
            absolute_timeout_hours: 12,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginConfig {
    /// Failures per account (by submitted email) before a temporary lock.
    pub account_max_failures: i64,
    /// Failures per client IP before a temporary lock.
    pub ip_max_failures: i64,
    /// Failures are counted within this window.
    pub window_minutes: i64,
    /// First lock length; doubles with each further failure up to `lock_max_seconds`.
    pub lock_base_seconds: i64,
    pub lock_max_seconds: i64,
}

impl Default for LoginConfig {
    fn default() -> Self {
        Self {
            account_max_failures: 5,
            ip_max_failures: 50,
            window_minutes: 15,
            lock_base_seconds: 30,
            lock_max_seconds: 900,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryMode {
    /// Codes land in the dev outbox and the log, readable by anyone who can reach the server:
    /// demos and tests only.
    Outbox,
    /// Codes go out through SMTP and the SMS provider.
    Live,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DeliveryConfig {
    /// Unset means `live`, or `outbox` under `serve --demo` (see `Config::delivery_mode`).
    pub mode: Option<DeliveryMode>,
    pub smtp: SmtpConfig,
    pub sms: SmsConfig,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (port 587).
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same host or in tests.
    None,
}

/// Email through SMTP (`AGENTDESK_DELIVERY__SMTP__*`), used in `live` mode.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SmtpConfig {
    pub host: Option<String>,
    pub port: u16,
    pub tls: SmtpTls,
    pub username: Option<String>,
    pub password: Option<Secret>,
    /// The sender, e.g. `agentdesk <no-reply@example.com>`.
    pub from: String,
}

impl Default for SmtpConfig {
    fn default() -> Self {
        Self {
            host: None,
            port: 587,
            tls: SmtpTls::Starttls,
            username: None,
            password: None,
            from: "agentdesk <no-reply@agentdesk.invalid>".into(),
        }
    }
}

/// Text messages through a Twilio-compatible REST API (`AGENTDESK_DELIVERY__SMS__*`), used in
/// `live` mode.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SmsConfig {
    pub api_base: String,
    pub account_sid: Option<String>,
    pub auth_token: Option<Secret>,
    /// The sending number (E.164) or messaging service.
    pub from: Option<String>,
}

impl Default for SmsConfig {
    fn default() -> Self {
        Self {
            api_base: "https://api.twilio.com".into(),
            account_sid: None,
            auth_token: None,
            from: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct WhatsAppConfig {
    pub api_base: String,
    pub app_secret: Option<Secret>,
    pub verify_token: Option<Secret>,
}

impl Default for WhatsAppConfig {
    fn default() -> Self {
        Self {
            api_base: "https://graph.facebook.com/v21.0".into(),
            app_secret: None,
            verify_token: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(#[from] Box<figment::Error>);

/// Environment variables with the prefix that are inputs to commands rather than configuration.
const NOT_CONFIG: [&str; 1] = ["password"];

impl Config {
    /// Defaults → TOML file (if given) → `AGENTDESK_*` environment.
    pub fn load(file: Option<&Path>) -> Result<(Self, Vec<String>), ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(file) = file {
            figment = figment.merge(Toml::file_exact(file));
        }
        figment = figment.merge(Env::prefixed("AGENTDESK_").split("__").ignore(&NOT_CONFIG));
        let unknown = unknown_keys(&figment);
        let config: Config = figment.extract().map_err(|e| ConfigError(Box::new(e)))?;
        Ok((config, unknown))
    }

    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose().to_owned(),
            None => format!("sqlite://{}", self.data_dir.join("agentdesk.db").display()),
        }
    }

    /// The delivery mode in force: the configured one, else `outbox` for a demo and `live`
    /// otherwise, so a plain server never shows sign-in codes to whoever asks for them.
    pub fn delivery_mode(&self) -> DeliveryMode {
        match self.delivery.mode {
            Some(mode) => mode,
            None if self.demo => DeliveryMode::Outbox,
            None => DeliveryMode::Live,
        }
    }

    pub fn https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }
}

/// Top-level and nested keys that the configuration does not know, so a typo is reported instead
/// of silently ignored.
fn unknown_keys(figment: &Figment) -> Vec<String> {
    let known = figment::value::Value::serialize(Config::default()).ok();
    let given = figment.find_value("").ok();
    let mut out = Vec::new();
    if let (Some(known), Some(given)) = (known, given) {
        collect_unknown("", &known, &given, &mut out);
    }
    out
}

fn collect_unknown(
    prefix: &str,
    known: &figment::value::Value,
    given: &figment::value::Value,
    out: &mut Vec<String>,
) {
    let (Some(known), Some(given)) = (known.as_dict(), given.as_dict()) else {
        return;
    };
    for (key, value) in given {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match known.get(key) {
            // Optional values are absent from the defaults; accept their keys.
            None if !matches!(
                key.as_str(),
                "database_url"
                    | "public_url"
                    | "app_secret"
                    | "verify_token"
                    | "demo_password"
                    | "mode"
            ) =>
            {
                out.push(path)
            }
            Some(k) => collect_unknown(&path, k, value, out),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let mut c = Config {
            database_url: Some(Secret::new("postgres://u:hunter2@db/x")),
            ..Config::default()
        };
        c.whatsapp.app_secret = Some(Secret::new("app-secret-value"));
        let shown = format!("{c:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!shown.contains("app-secret-value"), "{shown}");
        assert!(shown.contains("[redacted]"));
    }

    #[test]
    fn codes_are_kept_in_the_outbox_only_for_demos_or_when_asked() {
        let mut c = Config::default();
        assert_eq!(c.delivery_mode(), DeliveryMode::Live, "the default is live");
        c.demo = true;
        assert_eq!(c.delivery_mode(), DeliveryMode::Outbox, "serve --demo");
        c.delivery.mode = Some(DeliveryMode::Live);
        assert_eq!(c.delivery_mode(), DeliveryMode::Live, "explicit wins");
        c.demo = false;
        c.delivery.mode = Some(DeliveryMode::Outbox);
        assert_eq!(c.delivery_mode(), DeliveryMode::Outbox, "explicit outbox");
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail dictates the error type
    fn env_overrides_toml_overrides_defaults_and_typos_are_reported() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "a.toml",
                "listen = \"0.0.0.0:9000\"\nlistne = 1\n[session]\nidle_timeout_minutes = 5\n",
            )?;
            jail.set_env("AGENTDESK_SESSION__IDLE_TIMEOUT_MINUTES", "7");
            jail.set_env("AGENTDESK_DELIVERY__MODE", "live");
            jail.set_env("AGENTDESK_PASSWORD", "not-config");
            let (c, unknown) =
                Config::load(Some(Path::new("a.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(c.listen, "0.0.0.0:9000");
            assert_eq!(c.session.idle_timeout_minutes, 7);
            assert_eq!(c.delivery.mode, Some(DeliveryMode::Live));
            assert_eq!(unknown, vec!["listne".to_string()]);
            assert_eq!(c.database_url(), "sqlite://./data/agentdesk.db");
            Ok(())
        });
    }
}
