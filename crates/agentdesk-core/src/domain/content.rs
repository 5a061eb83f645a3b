//! What a message says: one tagged type for every producer (webhook parser, composer, demo
//! seeding) and every reader (store, API views, the sending worker).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Image,
    Video,
    Audio,
    Document,
    Sticker,
}

impl MediaKind {
    /// The Cloud API's name for it (`image`, `video`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Document => "document",
            MediaKind::Sticker => "sticker",
        }
    }

    /// The kind the Cloud API's message type names, if it is a media type.
    pub fn parse(message_type: &str) -> Option<Self> {
        Some(match message_type {
            "image" => MediaKind::Image,
            "video" => MediaKind::Video,
            "audio" => MediaKind::Audio,
            "document" => MediaKind::Document,
            "sticker" => MediaKind::Sticker,
            _ => return None,
        })
    }
}

/// What a message says, in either direction: parsed from a webhook, typed in the composer, or
/// sent by the server. Stored as JSON (`{"type": "text", "body": …}`) and sent to clients in the
/// same shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MessageContent {
    Text {
        body: String,
    },
    /// Inbound, the bytes are fetched separately by `media_id` (Cloud API media endpoint);
    /// outbound, they are in the blob store and `media_id` is `None`.
    Media {
        kind: MediaKind,
        media_id: Option<String>,
        mime_type: Option<String>,
        /// As Meta sends it (base64 of the SHA-256 of the file).
        sha256: Option<String>,
        caption: Option<String>,
        /// Documents only.
        filename: Option<String>,
        /// An audio message recorded as a voice note (`audio.voice: true`).
        #[serde(default)]
        voice: bool,
    },
    Location {
        latitude: f64,
        longitude: f64,
        name: Option<String>,
        address: Option<String>,
        url: Option<String>,
    },
    /// Contact cards the customer shared.
    Contacts {
        contacts: Vec<SharedContact>,
    },
    /// A tap on a reply button (`button_reply`) or a list row (`list_reply`, `list: true`) of
    /// an interactive message we sent.
    InteractiveReply {
        id: String,
        title: String,
        description: Option<String>,
        #[serde(default)]
        list: bool,
    },
    /// A tap on a template's quick-reply button (`type: "button"`).
    Button {
        payload: Option<String>,
        text: String,
    },
    /// A reaction to `target_wamid`; `emoji: None` means the reaction was removed.
    Reaction {
        target_wamid: String,
        emoji: Option<String>,
    },
    /// Anything we cannot show: Meta's `unsupported`/`unknown` types (with `kind` the inner
    /// `unsupported.type` when Meta names it, e.g. `poll_creation`), message types newer than
    /// this parser, and malformed messages of known types (then `kind` is the type and `detail`
    /// says what was wrong). `detail` carries `errors[0].title` / `error_data.details` if sent.
    Unsupported {
        kind: String,
        detail: Option<String>,
    },
}

/// One shared contact card: a display name and its phone numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedContact {
    pub name: String,
    pub phones: Vec<String>,
}

impl MessageContent {
    /// WhatsApp's name for the message type (`text`, `image`, `location`, …), stored beside the
    /// content so lists can filter on it.
    pub fn kind(&self) -> &'static str {
        match self {
            MessageContent::Text { .. } => "text",
            MessageContent::Media { kind, .. } => kind.as_str(),
            MessageContent::Location { .. } => "location",
            MessageContent::Contacts { .. } => "contacts",
            MessageContent::InteractiveReply { .. } => "interactive",
            MessageContent::Button { .. } => "button",
            MessageContent::Reaction { .. } => "reaction",
            MessageContent::Unsupported { .. } => "unsupported",
        }
    }

    /// Plain text for lists and search: the body, caption, file name, place or choice.
    pub fn preview(&self) -> Option<String> {
        match self {
            MessageContent::Text { body } => Some(body.clone()),
            MessageContent::Media {
                caption, filename, ..
            } => caption.clone().or_else(|| filename.clone()),
            MessageContent::Location { name, address, .. } => {
                name.clone().or_else(|| address.clone())
            }
            MessageContent::Contacts { contacts } => Some(
                contacts
                    .iter()
                    .map(|c| c.name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            MessageContent::InteractiveReply { title, .. } => Some(title.clone()),
            MessageContent::Button { text, .. } => Some(text.clone()),
            MessageContent::Reaction { .. } | MessageContent::Unsupported { .. } => None,
        }
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Reads the stored form. Content this build cannot read (a newer build's type, or a damaged
    /// row) comes back as `Unsupported` of the stored `kind`, so one bad row never hides a whole
    /// conversation; the row itself is left as it is.
    pub fn from_stored(kind: &str, json: &str) -> Self {
        serde_json::from_str(json).unwrap_or_else(|e| MessageContent::Unsupported {
            kind: kind.to_owned(),
            detail: Some(format!("unreadable stored content: {e}")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_form_round_trips_and_keeps_its_shape() {
        let text = MessageContent::Text { body: "Hi".into() };
        assert_eq!(text.to_json(), r#"{"type":"text","body":"Hi"}"#);
        assert_eq!(MessageContent::from_stored("text", &text.to_json()), text);
        // What the composer stored before outbound media carried no `media_id`.
        let old = r#"{"type":"media","kind":"image","mime_type":"image/png","caption":null,"filename":"a.png"}"#;
        let media = MessageContent::from_stored("image", old);
        assert_eq!(media.kind(), "image");
        assert_eq!(media.preview().as_deref(), Some("a.png"));
    }

    #[test]
    fn unreadable_content_is_unsupported_of_its_stored_kind() {
        let c = MessageContent::from_stored("poll", r#"{"type":"poll","question":"?"}"#);
        assert!(matches!(c, MessageContent::Unsupported { ref kind, .. } if kind == "poll"));
        assert_eq!(c.kind(), "unsupported");
        assert_eq!(
            MessageContent::from_stored("text", "not json").preview(),
            None
        );
    }

    #[test]
    fn media_kinds_round_trip() {
        for k in [
            MediaKind::Image,
            MediaKind::Video,
            MediaKind::Audio,
            MediaKind::Document,
            MediaKind::Sticker,
        ] {
            assert_eq!(MediaKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(MediaKind::parse("text"), None);
    }
}
