//! Email through SMTP with `lettre`: STARTTLS, implicit TLS or (for a local relay) none, optional
//! credentials, a configured sender. Plain-text UTF-8 bodies.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::{DeliveryError, Outgoing};
use crate::config::{SmtpConfig, SmtpTls};

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl Mailer {
    pub fn new(config: &SmtpConfig) -> Result<Self, DeliveryError> {
        let host = config
            .host
            .as_deref()
            .filter(|h| !h.is_empty())
            .ok_or(DeliveryError::NotConfigured("email"))?;
        let builder = match config.tls {
            SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                .map_err(|e| DeliveryError::Unreachable(e.to_string()))?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                .map_err(|e| DeliveryError::Unreachable(e.to_string()))?,
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
        };
        let mut builder = builder
            .port(config.port)
            .timeout(Some(Duration::from_secs(10)));
        if let (Some(user), Some(password)) = (&config.username, &config.password) {
            builder =
                builder.credentials(Credentials::new(user.clone(), password.expose().to_owned()));
        }
        let from = config
            .from
            .parse()
            .map_err(|_| DeliveryError::NotConfigured("email (sender address)"))?;
        Ok(Self {
            transport: builder.build(),
            from,
        })
    }

    pub async fn send(&self, message: &Outgoing) -> Result<(), DeliveryError> {
        let to = message
            .to
            .parse()
            .map_err(|_| DeliveryError::Refused("recipient address".into()))?;
        let email = Message::builder()
            // A Message-ID (lettre makes one from the host name): mail without one looks like spam.
            .message_id(None)
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone().unwrap_or_default())
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.clone())
            .map_err(|e| DeliveryError::Refused(e.to_string()))?;
        self.transport.send(email).await.map_err(|e| {
            if e.is_permanent() {
                DeliveryError::Refused(e.to_string())
            } else {
                DeliveryError::Unreachable(e.to_string())
            }
        })?;
        Ok(())
    }
}
