//! One notifier, three transports chosen by configuration (`AGENTDESK_DELIVERY__MODE`): SMTP email
//! (`lettre`), SMS through a Twilio-compatible REST API, and the dev outbox (messages kept in the
//! database for `GET /api/v1/dev/outbox`, and logged, for demos without any account). Callers
//! hand over a finished, localized message; a transport failure comes back as a
//! `DeliveryError` the API turns into a retryable 503. The message body (which carries the code)
//! is never logged outside outbox mode.

pub mod sms;
pub mod smtp;

use std::sync::Arc;

use agentdesk_core::{Clock, Store};

use crate::config::{DeliveryConfig, DeliveryMode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Sms,
    Email,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "email",
        }
    }
}

/// A finished message: the destination is an email address or an E.164 number.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub channel: Channel,
    pub to: String,
    /// Email only.
    pub subject: Option<String>,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("{0} delivery is not configured")]
    NotConfigured(&'static str),
    #[error("the provider refused the message: {0}")]
    Refused(String),
    #[error("the provider could not be reached: {0}")]
    Unreachable(String),
}

pub struct Notifier {
    mode: DeliveryMode,
    smtp: Option<smtp::Mailer>,
    sms: Option<sms::SmsClient>,
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
}

/// Says at start-up why a live channel cannot be used: not set up is an expected state of a fresh
/// server (a warning that names what to set), a setting that does not work is an error.
fn unavailable(channel: &str, setting: &str, e: &DeliveryError) {
    match e {
        DeliveryError::NotConfigured(_) => tracing::warn!(
            "{channel} delivery is not configured: sign-in codes and security notices cannot go \
             out by {channel}, and it cannot be chosen for two-factor authentication, until \
             {setting} (and the rest of its settings, see the README) is set"
        ),
        other => tracing::error!(error = %other, "{channel} delivery cannot be used"),
    }
}

impl Notifier {
    /// Builds the transports `mode` needs. A live transport that is not configured (or cannot be
    /// built: a bad host, say) is logged; its channel is then not offered for codes
    /// (`available`), and a send through it is refused with `NotConfigured`.
    pub fn new(
        mode: DeliveryMode,
        config: &DeliveryConfig,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let live = mode == DeliveryMode::Live;
        let smtp = if live {
            smtp::Mailer::new(&config.smtp)
                .inspect_err(|e| unavailable("email", "AGENTDESK_DELIVERY__SMTP__HOST", e))
                .ok()
        } else {
            None
        };
        let sms = if live {
            sms::SmsClient::new(&config.sms)
                .inspect_err(|e| unavailable("SMS", "AGENTDESK_DELIVERY__SMS__ACCOUNT_SID", e))
                .ok()
        } else {
            None
        };
        if mode == DeliveryMode::Outbox {
            tracing::warn!(
                "delivery mode is `outbox`: sign-in codes are kept in GET /api/v1/dev/outbox and \
                 the log, readable by anyone who can reach this server; use it for demos and tests \
                 only (AGENTDESK_DELIVERY__MODE=live sends them by SMTP and SMS)"
            );
        }
        Self {
            mode,
            smtp,
            sms,
            store,
            clock,
        }
    }

    pub fn is_outbox(&self) -> bool {
        self.mode == DeliveryMode::Outbox
    }

    /// Whether codes can go out through `channel`: always in outbox mode; in live mode only when
    /// its transport is configured.
    pub fn available(&self, channel: Channel) -> bool {
        match (self.mode, channel) {
            (DeliveryMode::Outbox, _) => true,
            (DeliveryMode::Live, Channel::Email) => self.smtp.is_some(),
            (DeliveryMode::Live, Channel::Sms) => self.sms.is_some(),
        }
    }

    pub async fn send(&self, message: &Outgoing) -> Result<(), DeliveryError> {
        match self.mode {
            DeliveryMode::Outbox => {
                self.store
                    .push_outbox(
                        message.channel.as_str(),
                        &message.to,
                        message.subject.as_deref(),
                        &message.body,
                        self.clock.now(),
                    )
                    .await
                    .map_err(|e| DeliveryError::Unreachable(e.to_string()))?;
                // Outbox mode is for demos and development: the log shows the code on purpose.
                tracing::info!(channel = message.channel.as_str(), to = %message.to, body = %message.body, "dev outbox");
                Ok(())
            }
            DeliveryMode::Live => {
                let result = match message.channel {
                    Channel::Email => match &self.smtp {
                        Some(m) => m.send(message).await,
                        None => Err(DeliveryError::NotConfigured("email")),
                    },
                    Channel::Sms => match &self.sms {
                        Some(s) => s.send(message).await,
                        None => Err(DeliveryError::NotConfigured("sms")),
                    },
                };
                match &result {
                    Ok(()) => tracing::info!(channel = message.channel.as_str(), "message sent"),
                    Err(e) => {
                        tracing::warn!(channel = message.channel.as_str(), error = %e, "message not sent")
                    }
                }
                result
            }
        }
    }
}
