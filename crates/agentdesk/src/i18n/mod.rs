//! Every visible string goes through Fluent. `Tr` is the translator for one request's locale; pages
//! take it as a field and call `tr.t("key")`. A missing key renders as `⟦key⟧` so that tests (and
//! people) spot it at once instead of reading an English fallback by accident.

use std::borrow::Cow;
use std::collections::HashMap;

use agentdesk_core::domain::Locale;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bidi isolation marks would end up inside HTML attributes and JSON messages.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Marks a key that no locale defines.
pub const MISSING_MARK: char = '⟦';

fn langid(locale: Locale) -> LanguageIdentifier {
    locale.tag().parse().unwrap_or_default()
}

#[derive(Debug, Clone)]
pub struct Tr {
    locale: Locale,
    lang: LanguageIdentifier,
}

impl Tr {
    pub fn new(locale: Locale) -> Self {
        Self {
            locale,
            lang: langid(locale),
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The `lang` attribute value.
    pub fn lang(&self) -> &'static str {
        self.locale.tag()
    }

    /// The `dir` attribute value.
    pub fn dir(&self) -> &'static str {
        if self.locale.is_rtl() { "rtl" } else { "ltr" }
    }

    pub fn t(&self, key: &str) -> String {
        LOCALES
            .try_lookup(&self.lang, key)
            .unwrap_or_else(|| missing(key))
    }

    /// A message with named arguments, e.g. `tr.t_args("retry-in", &[("seconds", 30.into())])`.
    pub fn t_args(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| (Cow::Owned((*k).to_owned()), v.clone()))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.lang, key, &map)
            .unwrap_or_else(|| missing(key))
    }

    /// A message with one string argument, for templates.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.t_args(key, &[(name, FluentValue::from(value.to_owned()))])
    }
}

fn missing(key: &str) -> String {
    tracing::warn!(key, "missing translation");
    format!("{MISSING_MARK}{key}⟧")
}

/// The Fluent sources, for the test that every locale defines every key.
pub fn sources() -> Vec<(Locale, &'static str)> {
    vec![
        (Locale::En, include_str!("../../locales/en/main.ftl")),
        (Locale::ZhCn, include_str!("../../locales/zh-CN/main.ftl")),
        (Locale::ZhTw, include_str!("../../locales/zh-TW/main.ftl")),
        (Locale::Es, include_str!("../../locales/es/main.ftl")),
        (Locale::PtBr, include_str!("../../locales/pt-BR/main.ftl")),
        (Locale::Id, include_str!("../../locales/id/main.ftl")),
        (Locale::Ru, include_str!("../../locales/ru/main.ftl")),
        (Locale::Ar, include_str!("../../locales/ar/main.ftl")),
    ]
}

/// Message ids defined in one Fluent source (top-level `key =` lines).
pub fn keys_of(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_locale_defines_every_key_and_nothing_more() {
        let sources = sources();
        assert_eq!(
            sources.len(),
            Locale::ALL.len(),
            "a locale has no Fluent file"
        );
        let english: BTreeSet<String> = keys_of(sources[0].1).into_iter().collect();
        assert!(english.len() > 50, "suspiciously few keys");
        for (locale, src) in &sources {
            let keys: Vec<String> = keys_of(src);
            let set: BTreeSet<String> = keys.iter().cloned().collect();
            assert_eq!(set.len(), keys.len(), "{locale:?} defines a key twice");
            let missing: Vec<_> = english.difference(&set).collect();
            let extra: Vec<_> = set.difference(&english).collect();
            assert!(missing.is_empty(), "{locale:?} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{locale:?} has keys English lacks: {extra:?}"
            );
            for key in &keys {
                // Every variable any message uses, so messages with arguments resolve too.
                let text = Tr::new(*locale).t_args(
                    key,
                    &[
                        ("seconds", 1.into()),
                        ("name", "X".into()),
                        ("code", "123456".into()),
                        ("count", 3.into()),
                        ("valid", "{{a}}, {{b}}".into()),
                        ("date", "1 Dec 2026".into()),
                    ],
                );
                assert!(
                    !text.contains(MISSING_MARK),
                    "{locale:?} {key} does not resolve"
                );
            }
        }
    }

    #[test]
    fn a_missing_key_is_marked_not_hidden() {
        assert_eq!(Tr::new(Locale::En).t("no-such-key"), "⟦no-such-key⟧");
    }

    #[test]
    fn arguments_are_filled_without_isolation_marks() {
        let s = Tr::new(Locale::En).t_args("error-rate-limited", &[("seconds", 30.into())]);
        assert!(s.contains("30"), "{s}");
        assert!(!s.contains('\u{2068}'));
    }
}
