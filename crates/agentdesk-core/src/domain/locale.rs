//! The languages the product speaks. A user's locale applies to every page, JSON error message,
//! email and SMS sent to them.

use super::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    ZhCn,
    ZhTw,
    Es,
    PtBr,
    Id,
    Ru,
    Ar,
}

impl Locale {
    /// In the order the language picker lists them.
    pub const ALL: [Locale; 8] = [
        Locale::En,
        Locale::ZhCn,
        Locale::ZhTw,
        Locale::Es,
        Locale::PtBr,
        Locale::Id,
        Locale::Ru,
        Locale::Ar,
    ];

    /// Exact tags as stored and sent in the API (`en`, `zh-CN`, `pt-BR`, …), case-insensitive.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(raw.trim()))
            .ok_or(Invalid::Unsupported)
    }

    /// The best supported locale for a BCP 47 tag from a browser (`zh-Hans-CN`, `en-GB`, `zh`,
    /// `pt-PT`, `ar-EG`).
    pub fn negotiate(tag: &str) -> Option<Self> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.is_empty() {
            return None;
        }
        if let Ok(l) = Self::parse(&tag) {
            return Some(l);
        }
        let mut parts = tag.split(['-', '_']);
        match parts.next()? {
            "en" => Some(Locale::En),
            "zh" => {
                let traditional = parts.any(|p| matches!(p, "hant" | "tw" | "hk" | "mo"));
                Some(if traditional {
                    Locale::ZhTw
                } else {
                    Locale::ZhCn
                })
            }
            "es" => Some(Locale::Es),
            "pt" => Some(Locale::PtBr),
            // `in` is the withdrawn code some old systems still send.
            "id" | "in" => Some(Locale::Id),
            "ru" => Some(Locale::Ru),
            "ar" => Some(Locale::Ar),
            _ => None,
        }
    }

    /// Picks from an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut ranked: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|item| {
                let mut it = item.split(';');
                let tag = it.next()?.trim();
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, tag))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.into_iter().find_map(|(_, tag)| Self::negotiate(tag))
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::Es => "es",
            Locale::PtBr => "pt-BR",
            Locale::Id => "id",
            Locale::Ru => "ru",
            Locale::Ar => "ar",
        }
    }

    /// The language's own name, shown in the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhCn => "简体中文",
            Locale::ZhTw => "繁體中文",
            Locale::Es => "Español",
            Locale::PtBr => "Português (Brasil)",
            Locale::Id => "Bahasa Indonesia",
            Locale::Ru => "Русский",
            Locale::Ar => "العربية",
        }
    }

    /// Written right to left: the page gets `dir="rtl"` and mirrors its layout.
    pub fn is_rtl(self) -> bool {
        matches!(self, Locale::Ar)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exact_tags_only() {
        assert_eq!(Locale::parse("zh-cn"), Ok(Locale::ZhCn));
        assert_eq!(Locale::parse("en"), Ok(Locale::En));
        assert_eq!(Locale::parse("xx"), Err(Invalid::Unsupported));
        assert_eq!(Locale::parse("pt"), Err(Invalid::Unsupported));
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.tag()), Ok(l));
        }
        assert!(Locale::Ar.is_rtl() && !Locale::Ru.is_rtl());
    }

    #[test]
    fn negotiates_accept_language_with_q_values() {
        assert_eq!(
            Locale::from_accept_language("fr-FR, zh-Hans-CN;q=0.8, en;q=0.5"),
            Some(Locale::ZhCn)
        );
        assert_eq!(
            Locale::from_accept_language("en-GB,en;q=0.9"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("de, fr;q=0.9"), None);
        assert_eq!(
            Locale::from_accept_language("de, zh-Hant-HK;q=0.9"),
            Some(Locale::ZhTw)
        );
        assert_eq!(Locale::from_accept_language("pt-PT"), Some(Locale::PtBr));
        assert_eq!(
            Locale::from_accept_language("ar-EG,en;q=0.5"),
            Some(Locale::Ar)
        );
        assert_eq!(Locale::from_accept_language("in-ID"), Some(Locale::Id));
        assert_eq!(
            Locale::from_accept_language("zh;q=0, en;q=0.1"),
            Some(Locale::En)
        );
    }
}
