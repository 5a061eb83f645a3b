//! Canned responses' values, validated once where they enter: the short code agents type after
//! "/", the content with its placeholders, and tags. Limits: short code 1–50 characters; content
//! up to 4,096 characters (WhatsApp's text body), or 1,024 when an attachment goes with it,
//! because it then becomes the media caption.
//!
//! Placeholders are a fixed list filled by plain substitution, never by a template engine:
//! `{{contact.first_name}}`, with an optional fallback `{{contact.first_name|there}}`. Content
//! naming anything else (`{{7*7}}`, `{{ user.password }}`) is refused, naming it.

use unicode_normalization::UnicodeNormalization;

use super::Invalid;

pub const SHORT_CODE_MAX_CHARS: usize = 50;
pub const CONTENT_MAX_CHARS: usize = 4096;
pub const CAPTION_MAX_CHARS: usize = 1024;
pub const TAG_MAX_CHARS: usize = 30;
pub const MAX_TAGS: usize = 10;

/// Every placeholder content may use, in the order the editor's "Insert variable" menu lists them.
pub const PLACEHOLDERS: [&str; 7] = [
    "contact.name",
    "contact.first_name",
    "contact.phone",
    "agent.name",
    "agent.first_name",
    "number.name",
    "company.name",
];

/// A short code: letters of any script, digits and `-_.`, no whitespace, 1–50 characters after
/// NFC normalisation. A leading "/" (how agents type it in the composer) is not part of it.
/// Two codes are the same when their `key`s are (case-insensitive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortCode(String);

impl ShortCode {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let trimmed = raw.trim();
        let trimmed = trimmed.strip_prefix('/').unwrap_or(trimmed);
        let code: String = trimmed.nfc().collect();
        if code.is_empty() {
            return Err(Invalid::Required);
        }
        if code.chars().count() > SHORT_CODE_MAX_CHARS {
            return Err(Invalid::TooLong);
        }
        let allowed = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.') || is_mark(c);
        if !code.chars().all(allowed) || code.chars().next().is_some_and(is_mark) {
            return Err(Invalid::Format);
        }
        Ok(ShortCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What uniqueness and exact matches compare: compatibility-normalised and lower-cased, so
    /// `Hello`, `HELLO` and `ｈｅｌｌｏ` are one code.
    pub fn key(&self) -> String {
        fold(&self.0)
    }
}

/// Lower-cased after NFKC: the form short codes, tags and searches are compared in.
pub fn fold(text: &str) -> String {
    text.nfkc().collect::<String>().to_lowercase()
}

/// The form searches compare in: compatibility-decomposed, accents and other combining marks
/// dropped, recomposed and lower-cased, so "cafe" finds "Café" and "مرحبا" finds "مَرْحَبًا".
pub fn search_key(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_mark(*c))
        .nfc()
        .collect::<String>()
        .to_lowercase()
}

/// `search_key` with every run of characters that are neither letters nor digits made one space,
/// and a space in front: a word of the text starts wherever `" " + word` occurs in it.
pub fn words_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    for c in search_key(text).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.starts_with(' ') {
        out.insert(0, ' ');
    }
    out
}

/// Tags in the form a tag filter searches: each folded, between line breaks (empty for none).
pub fn tags_key(tags: &[String]) -> String {
    if tags.is_empty() {
        return String::new();
    }
    let folded: Vec<String> = tags.iter().map(|t| fold(t)).collect();
    format!("\n{}\n", folded.join("\n"))
}

/// What a picker search compares: the typed text in the form of short codes' `search_key` and
/// in the form of content's `words_key` (without the leading space). Empty lists everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CannedQuery {
    pub code: String,
    pub words: String,
}

impl CannedQuery {
    pub fn new(raw: &str) -> Self {
        let trimmed = raw.trim();
        let trimmed = trimmed.strip_prefix('/').unwrap_or(trimmed);
        CannedQuery {
            code: search_key(trimmed)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
            words: words_key(trimmed).trim().to_owned(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.code.is_empty() && self.words.is_empty()
    }
}

/// Combining marks (Devanagari vowel signs and virama, Arabic harakat, Hebrew points, …)
/// belong to the letter before them: allowed inside a code, never first.
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Why content was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    #[error("{0}")]
    Invalid(Invalid),
    /// A `{{…}}` naming something outside `PLACEHOLDERS`; carries what it named.
    #[error("unknown placeholder {0:?}")]
    UnknownPlaceholder(String),
}

/// One `{{name}}` or `{{name|fallback}}` in content: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placeholder {
    start: usize,
    end: usize,
    name: String,
    fallback: Option<String>,
}

/// The `{{…}}` of `text` in order. An opening `{{` with no closing `}}` is plain text.
fn placeholders(text: &str) -> Vec<Placeholder> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{").map(|i| from + i) {
        let Some(close) = text[open + 2..].find("}}").map(|i| open + 2 + i) else {
            break;
        };
        let inner = &text[open + 2..close];
        let (name, fallback) = match inner.split_once('|') {
            Some((name, fallback)) => (name, Some(fallback.trim().to_owned())),
            None => (inner, None),
        };
        found.push(Placeholder {
            start: open,
            end: close + 2,
            name: name.trim().to_owned(),
            fallback,
        });
        from = close + 2;
    }
    found
}

/// A canned response's text: not blank, within its limit, every placeholder known. Line breaks
/// are `\n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CannedContent(String);

impl CannedContent {
    /// `with_attachment`: the content will be a caption, so the shorter limit applies.
    pub fn parse(raw: &str, with_attachment: bool) -> Result<Self, ContentError> {
        let text = raw.replace("\r\n", "\n").replace('\r', "\n");
        if text.trim().is_empty() {
            return Err(ContentError::Invalid(Invalid::Required));
        }
        let limit = if with_attachment {
            CAPTION_MAX_CHARS
        } else {
            CONTENT_MAX_CHARS
        };
        if text.chars().count() > limit {
            return Err(ContentError::Invalid(Invalid::TooLong));
        }
        if let Some(unknown) = placeholders(&text)
            .into_iter()
            .find(|p| !PLACEHOLDERS.contains(&p.name.as_str()))
        {
            return Err(ContentError::UnknownPlaceholder(unknown.name));
        }
        Ok(CannedContent(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The content with each placeholder replaced by `value(name)`, or its fallback when the
    /// value is missing or blank, or nothing: no braces are ever left behind. Values are inserted
    /// as they are; nothing in them is read as a placeholder again.
    pub fn render(&self, value: impl Fn(&str) -> Option<String>) -> String {
        render(&self.0, value)
    }
}

/// `CannedContent::render` for stored content (already checked when it was saved).
pub fn render(text: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for p in placeholders(text) {
        out.push_str(&text[at..p.start]);
        let filled = value(&p.name)
            .filter(|v| !v.trim().is_empty())
            .or(p.fallback)
            .unwrap_or_default();
        out.push_str(&filled);
        at = p.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Tags of a response: each 1–30 characters, trimmed, without control characters; at most ten,
/// duplicates (compared case-insensitively) dropped, first spelling kept.
pub fn parse_tags(raw: &[String]) -> Result<Vec<String>, Invalid> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw {
        let tag: String = super::text::clean(tag.trim()).nfc().collect();
        if tag.is_empty() {
            return Err(Invalid::Required);
        }
        if tag.chars().count() > TAG_MAX_CHARS {
            return Err(Invalid::TooLong);
        }
        if tag.chars().any(char::is_control) {
            return Err(Invalid::Format);
        }
        if !tags.iter().any(|t| fold(t) == fold(&tag)) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(Invalid::TooLong);
    }
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_codes_are_1_to_50_letters_digits_and_dash_underscore_dot() {
        assert_eq!(ShortCode::parse(&"a".repeat(50)).map(|c| c.0.len()), Ok(50));
        assert_eq!(ShortCode::parse(&"a".repeat(51)), Err(Invalid::TooLong));
        assert_eq!(ShortCode::parse("  "), Err(Invalid::Required));
        assert_eq!(ShortCode::parse("/"), Err(Invalid::Required));
        for bad in [
            "two words",
            "tab\there",
            "semi;colon",
            "<b>",
            "{{x}}",
            "emoji👋",
        ] {
            assert_eq!(ShortCode::parse(bad), Err(Invalid::Format), "{bad}");
        }
        for good in [
            "refund-policy",
            "v1.2_en",
            "مرحبا",
            "你好",
            "नमस्ते",
            "Café",
            "привет",
        ] {
            assert_eq!(
                ShortCode::parse(good).map(|c| c.0),
                Ok(good.to_owned()),
                "{good}"
            );
        }
        // Typed with the picker's slash, or with spaces around it, it is the same code.
        assert_eq!(
            ShortCode::parse(" /thanks ").map(|c| c.0),
            Ok("thanks".into())
        );
        // Fifty code points, not bytes.
        assert!(ShortCode::parse(&"你".repeat(50)).is_ok());
        assert_eq!(ShortCode::parse(&"你".repeat(51)), Err(Invalid::TooLong));
    }

    #[test]
    fn short_codes_compare_case_insensitively() {
        let key = |s: &str| ShortCode::parse(s).map(|c| c.key());
        assert_eq!(key("Hello"), key("HELLO"));
        assert_eq!(key("ｈｅｌｌｏ"), key("hello"));
        assert_eq!(key("CAFÉ"), key("café"));
        // Composed and decomposed é are one character after NFC.
        assert_eq!(
            ShortCode::parse("cafe\u{0301}").map(|c| c.0),
            Ok("café".to_owned())
        );
        assert_ne!(key("hello"), key("hallo"));
    }

    #[test]
    fn content_limits_depend_on_the_attachment() {
        assert!(CannedContent::parse(&"x".repeat(4096), false).is_ok());
        assert_eq!(
            CannedContent::parse(&"x".repeat(4097), false),
            Err(ContentError::Invalid(Invalid::TooLong))
        );
        assert!(CannedContent::parse(&"x".repeat(1024), true).is_ok());
        assert_eq!(
            CannedContent::parse(&"x".repeat(1025), true),
            Err(ContentError::Invalid(Invalid::TooLong))
        );
        assert_eq!(
            CannedContent::parse(" \n\t ", false),
            Err(ContentError::Invalid(Invalid::Required))
        );
        assert_eq!(
            CannedContent::parse("a\r\nb", false).map(|c| c.0),
            Ok("a\nb".to_owned())
        );
    }

    #[test]
    fn only_known_placeholders_are_accepted_and_the_unknown_one_is_named() {
        assert!(
            CannedContent::parse(
                "Hi {{contact.first_name|there}}, {{agent.name}} here",
                false
            )
            .is_ok()
        );
        for (content, named) in [
            ("{{7*7}}", "7*7"),
            ("{{ user.password }}", "user.password"),
            (
                "Hi {{contact.first_name}} {{contact.email}}",
                "contact.email",
            ),
            ("{{}}", ""),
            (
                "{{constructor.constructor('x')()}}",
                "constructor.constructor('x')()",
            ),
        ] {
            assert_eq!(
                CannedContent::parse(content, false),
                Err(ContentError::UnknownPlaceholder(named.to_owned())),
                "{content}"
            );
        }
        // Braces that open nothing, or single braces, are text.
        assert!(CannedContent::parse("JSON: {\"a\": 1} and {{ unclosed", false).is_ok());
    }

    #[test]
    fn rendering_substitutes_falls_back_and_leaves_no_braces() {
        let content = CannedContent::parse(
            "Hi {{contact.first_name|there}}! I'm {{agent.first_name}}{{contact.phone}}.",
            false,
        )
        .unwrap();
        let known = |name: &str| match name {
            "contact.first_name" => Some("Ana".to_owned()),
            "agent.first_name" => Some("Mia".to_owned()),
            _ => None,
        };
        assert_eq!(content.render(known), "Hi Ana! I'm Mia.");
        let blank = |name: &str| (name == "contact.first_name").then(|| "  ".to_owned());
        assert_eq!(content.render(blank), "Hi there! I'm .");
        // A value that looks like a placeholder is inserted as text, not filled again.
        let sneaky =
            |name: &str| (name == "contact.first_name").then(|| "{{agent.first_name}}".to_owned());
        assert_eq!(content.render(sneaky), "Hi {{agent.first_name}}! I'm .");
    }

    #[test]
    fn tags_are_trimmed_deduplicated_and_limited() {
        let tags = |v: &[&str]| parse_tags(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            tags(&[" Billing ", "billing", "Refunds"]),
            Ok(vec!["Billing".into(), "Refunds".into()])
        );
        assert_eq!(tags(&[""]), Err(Invalid::Required));
        assert_eq!(tags(&[&"t".repeat(31)]), Err(Invalid::TooLong));
        let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
        assert_eq!(parse_tags(&eleven), Err(Invalid::TooLong));
        assert_eq!(tags(&["a\u{202E}b"]), Ok(vec!["ab".into()]));
    }

    #[test]
    fn search_keys_ignore_case_accents_and_marks() {
        assert_eq!(search_key("Café"), "cafe");
        assert_eq!(search_key("ÉCOLE"), "ecole");
        assert_eq!(search_key("مَرْحَبًا"), "مرحبا");
        assert_eq!(search_key("ｈｅｌｌｏ"), "hello");
        assert_eq!(search_key("退款"), "退款");
        assert_eq!(
            words_key("Hi {{contact.name}}, your re-fund!"),
            " hi contact name your re fund "
        );
        assert_eq!(words_key(""), " ");
        let q = CannedQuery::new(" /Re-Fund ");
        assert_eq!((q.code.as_str(), q.words.as_str()), ("re-fund", "re fund"));
        assert!(CannedQuery::new("  / ").is_empty());
    }
}
