//! Text messages through a Twilio-compatible REST API: `POST {base}/2010-04-01/Accounts/{sid}/
//! Messages.json`, HTTP basic auth (account SID, auth token), form-encoded `To`, `From`, `Body`.
//! Success is 201 with the message resource; errors carry Twilio's `{"code","message",…}`.

use std::time::Duration;

use serde::Deserialize;

use super::{DeliveryError, Outgoing};
use crate::config::SmsConfig;

pub struct SmsClient {
    http: reqwest::Client,
    url: String,
    sid: String,
    token: String,
    from: String,
}

#[derive(Debug, Deserialize)]
struct TwilioError {
    code: Option<i64>,
    message: Option<String>,
}

impl SmsClient {
    pub fn new(config: &SmsConfig) -> Result<Self, DeliveryError> {
        let (Some(sid), Some(token), Some(from)) =
            (&config.account_sid, &config.auth_token, &config.from)
        else {
            return Err(DeliveryError::NotConfigured("sms"));
        };
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| DeliveryError::Unreachable(e.to_string()))?;
        Ok(Self {
            http,
            url: format!(
                "{}/2010-04-01/Accounts/{sid}/Messages.json",
                config.api_base.trim_end_matches('/')
            ),
            sid: sid.clone(),
            token: token.expose().to_owned(),
            from: from.clone(),
        })
    }

    pub async fn send(&self, message: &Outgoing) -> Result<(), DeliveryError> {
        let res = self
            .http
            .post(&self.url)
            .basic_auth(&self.sid, Some(&self.token))
            .form(&[
                ("To", message.to.as_str()),
                ("From", self.from.as_str()),
                ("Body", message.body.as_str()),
            ])
            .send()
            .await
            .map_err(|e| DeliveryError::Unreachable(e.without_url().to_string()))?;
        let status = res.status();
        if status.is_success() {
            return Ok(());
        }
        let body: Option<TwilioError> = res.json().await.ok();
        let detail = match body {
            Some(TwilioError {
                code: Some(code),
                message,
            }) => format!("{code}: {}", message.unwrap_or_default()),
            _ => status.to_string(),
        };
        if status.is_server_error() || status == reqwest::StatusCode::TOO_MANY_REQUESTS {
            Err(DeliveryError::Unreachable(detail))
        } else {
            Err(DeliveryError::Refused(detail))
        }
    }
}
