//! Text that people see but did not write for us to trust: names and file names. Some characters
//! change how text around them is shown without being seen themselves — bidirectional overrides,
//! embeddings and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C)
//! reorder what follows, so `invoice\u{202E}fdp.exe` displays as `invoiceexe.pdf`; zero-width
//! spaces and joiners (U+200B–U+200D, U+2060, U+FEFF, U+180E) make two names that look equal
//! differ. They are removed here, once, where such text enters.
//!
//! Edge cases: a zero-width joiner or non-joiner between two visible characters is kept, because
//! emoji sequences (👩‍💻) and Persian or Indic spelling need it; one at either end, next to a space
//! or next to another invisible character does nothing visible and is dropped. Control characters
//! are the caller's to refuse or drop (names refuse them; file names drop them).

/// Characters that reorder the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that take no space and show nothing, except the joiners (see `clean`).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}'
    )
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// A visible neighbour a joiner may join.
fn joins(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        !c.is_whitespace()
            && !c.is_control()
            && !is_bidi_control(c)
            && !is_invisible(c)
            && !is_joiner(c)
    })
}

/// `raw` without bidirectional controls, invisible characters and joiners that join nothing.
pub fn clean(raw: &str) -> String {
    let kept: Vec<char> = raw
        .chars()
        .filter(|c| !is_bidi_control(*c) && !is_invisible(*c))
        .collect();
    kept.iter()
        .enumerate()
        .filter(|(i, c)| {
            !is_joiner(**c)
                || (joins(i.checked_sub(1).and_then(|p| kept.get(p).copied()))
                    && joins(kept.get(i + 1).copied()))
        })
        .map(|(_, c)| *c)
        .collect()
}

/// Longest file name kept, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 200;

/// A file name as a user or customer gave it, made safe to show and to send back in a
/// `Content-Disposition` header: `clean`ed, without control characters or path separators,
/// trimmed, at most 200 characters; `fallback` when nothing is left.
pub fn file_name(raw: &str, fallback: &str) -> String {
    let cleaned: String = clean(raw)
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\'))
        .collect();
    let trimmed: String = cleaned
        .trim()
        .trim_start_matches('.')
        .chars()
        .take(MAX_FILE_NAME_CHARS)
        .collect();
    let trimmed = trimmed.trim();
    if trimmed.is_empty() {
        fallback.to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_and_isolates_are_removed() {
        assert_eq!(clean("invoice\u{202E}fdp.exe"), "invoicefdp.exe");
        assert_eq!(
            clean("\u{2067}Ana\u{2069} \u{200F}Silva\u{200E}"),
            "Ana Silva"
        );
        assert_eq!(clean("a\u{061C}b\u{202A}c\u{202C}"), "abc");
    }

    #[test]
    fn lone_zero_width_characters_go_joiners_between_letters_stay() {
        assert_eq!(clean("\u{200B}Ana\u{FEFF}"), "Ana");
        assert_eq!(clean("\u{200D}Ana\u{200C}"), "Ana");
        assert_eq!(clean("Ana \u{200D} Lee"), "Ana  Lee");
        assert_eq!(clean("\u{200B}\u{200D}\u{2060}"), "");
        // 👩‍💻 is woman + ZWJ + laptop; Persian "می‌خواهم" needs its ZWNJ.
        assert_eq!(clean("👩\u{200D}💻"), "👩\u{200D}💻");
        assert_eq!(clean("می\u{200C}خواهم"), "می\u{200C}خواهم");
        // A joiner next to an invisible character joins nothing once that is gone.
        assert_eq!(clean("a\u{200D}\u{200B}"), "a");
    }

    #[test]
    fn file_names_are_safe_to_show_and_to_send_back() {
        assert_eq!(file_name("invoice\u{202E}fdp.exe", "x"), "invoicefdp.exe");
        assert_eq!(file_name("../../etc/passwd", "x"), "etcpasswd");
        assert_eq!(file_name("..\\boot.ini", "x"), "boot.ini");
        assert_eq!(file_name(" report\r\n.pdf ", "x"), "report.pdf");
        assert_eq!(file_name("\u{202E}\u{200B}", "attachment"), "attachment");
        assert_eq!(file_name(&"é".repeat(300), "x").chars().count(), 200);
        assert_eq!(
            file_name("Relatório 2026 – março.pdf", "x"),
            "Relatório 2026 – março.pdf"
        );
    }
}
