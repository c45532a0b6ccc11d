//! Text from an export or a config file is untrusted. One policy, [`is_unsafe`], says
//! what must never leave the app raw (C0 and C1 controls, DEL, bidi controls, line and
//! paragraph separators), and each exit applies it its own way: the screen and the CLI's
//! text show a visible stand-in ([`safe`]), JSON, error messages and the log an escape
//! ([`escape`], [`json_safe`]); the opener and the clipboard take only checked links
//! ([`links`]).

pub mod links;

pub use links::{Refusal, clipboard_url, openable_url};

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Replaces anything a terminal would act on (C0/C1 controls, ESC and so CSI/OSC
/// sequences, DEL, bidi overrides) with a visible stand-in, so a name can neither move
/// the cursor, write the clipboard, ring the bell nor reorder the line. Invisible
/// characters that terminals and width tables disagree on (a joiner between letters, a
/// soft hyphen, Hangul fillers, emoji joiners) are dropped, and stray Hangul vowel or final jamo shown
/// as `�`, so every row is exactly as wide as the app thinks.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_change) {
        return Cow::Borrowed(s);
    }
    // Conjoining jamo spelling a modern syllable become that syllable (what a terminal
    // can draw in two cells); other text is left as it is.
    let composed: Cow<'_, str> = if s.chars().any(is_conjoining_jamo) {
        Cow::Owned(s.nfc().collect())
    } else {
        Cow::Borrowed(s)
    };
    let mut out = String::with_capacity(composed.len());
    for c in composed.chars() {
        if is_invisible(c) {
            // dropped: nothing to see, and terminals disagree on its width
        } else if is_conjoining_vowel_or_final(c) {
            out.push('\u{FFFD}');
        } else {
            out.push(visible(c));
        }
    }
    Cow::Owned(out)
}

/// Text for an error message, a log line or any CLI output: every [`is_unsafe`]
/// character written as a `\uXXXX` escape, so the text reads the same and nothing in it
/// acts on a terminal. Plain text is returned as it is; escaping twice changes nothing.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_but(text, None)
}

/// JSON text with every [`is_unsafe`] character written as a `\uXXXX` escape: still the
/// same JSON value, but nothing a terminal acts on reaches it when printed. (serde_json
/// escapes C0 controls itself; DEL, C1 controls, bidi controls and U+2028/U+2029 it
/// writes raw.) Line breaks outside strings are the pretty-printer's and are kept.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    escape_but(json, Some('\n'))
}

fn escape_but(text: &str, kept: Option<char>) -> Cow<'_, str> {
    let escaped = |c: char| Some(c) != kept && is_unsafe(c);
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            // Every unsafe character is in the Basic Multilingual Plane: one escape,
            // valid in JSON too.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_change(c: char) -> bool {
    is_unsafe(c) || is_invisible(c) || is_conjoining_jamo(c)
}

/// The policy: what no terminal, clipboard, log or error message gets raw. Controls (C0,
/// DEL, C1: ESC starts sequences, U+0085 and U+009B act like newline and CSI), bidi
/// controls (they reorder what follows), and U+2028/U+2029, which some terminals and
/// editors break lines at and width tables count as nothing.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Characters that change how text runs without being seen: a formula hides behind them.
pub fn is_invisible_or_format(c: char) -> bool {
    is_invisible(c) || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Default-ignorable and filler characters: drawn as nothing, yet some terminals give
/// them a cell (or two) and width tables give them none. Emoji joiners and modifiers are
/// among them: terminals that do not know a sequence (👩‍💻, 👍🏽, ❤️) draw its parts side by
/// side, wider than the one glyph the width tables count, so the parts are shown.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' // soft hyphen
        | '\u{034F}' // combining grapheme joiner
        | '\u{115F}' | '\u{1160}' // Hangul choseong and jungseong fillers
        | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels
        | '\u{180B}'..='\u{180F}' // Mongolian variation selectors, vowel separator
        | '\u{200B}'..='\u{200D}' // zero-width space, non-joiner, joiner
        | '\u{2060}'..='\u{2065}' // word joiner, invisible operators
        | '\u{206A}'..='\u{206F}' // deprecated format characters
        | '\u{3164}' // Hangul filler
        | '\u{FE0E}' | '\u{FE0F}' // text and emoji presentation selectors
        | '\u{FEFF}' // zero-width no-break space (BOM)
        | '\u{FFA0}' // halfwidth Hangul filler
        | '\u{FFF0}'..='\u{FFF8}'
        | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
        | '\u{1F3FB}'..='\u{1F3FF}' // emoji skin tones
        | '\u{1D173}'..='\u{1D17A}' // musical formatting
        | '\u{E0000}'..='\u{E0FFF}' // tags and reserved
    )
}

/// Hangul jamo that combine with their neighbours into one syllable.
fn is_conjoining_jamo(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{A960}'..='\u{A97F}' | '\u{D7B0}'..='\u{D7FF}')
}

/// A vowel or final jamo left over after composing: width 0 to the app, a cell or none
/// to terminals depending on their tables.
fn is_conjoining_vowel_or_final(c: char) -> bool {
    matches!(c, '\u{1161}'..='\u{11FF}' | '\u{D7B0}'..='\u{D7FF}')
}

fn visible(c: char) -> char {
    match c {
        // C0 controls have "control pictures": ESC shows as ␛, BEL as ␇.
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        // Line and paragraph separators: the symbol for newline, one cell everywhere.
        '\u{2028}' | '\u{2029}' => '\u{2424}',
        c if is_unsafe(c) => '\u{FFFD}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(safe("Eve\u{1b}]52;c;aGk=\u{7}"), "Eve␛]52;c;aGk=␇");
        assert_eq!(safe("\u{1b}[2J\u{9b}31m"), "␛[2J\u{FFFD}31m");
        assert_eq!(safe("abc\u{202E}fed"), "abc\u{FFFD}fed");
        assert!(matches!(safe("José 山田"), Cow::Borrowed(_)));
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(safe("An\u{200D}na"), "Anna");
        assert_eq!(safe("Kath\u{00AD}erine"), "Katherine");
        assert_eq!(safe("\u{3164}\u{3164}"), "");
        assert_eq!(safe("\u{FEFF}=x\u{200B}"), "=x");
        assert_eq!(safe("👩\u{200D}💻 Zoë"), "👩💻 Zoë");
        assert_eq!(safe("👍🏽 ❤\u{FE0F}"), "👍 ❤");
    }

    #[test]
    fn hangul_jamo_compose_and_strays_show() {
        // ᄒ ᅡ ᆫ (conjoining) is the syllable 한.
        assert_eq!(safe("\u{1112}\u{1161}\u{11AB}"), "한");
        assert_eq!(safe("a\u{1160}b"), "ab");
        assert_eq!(safe("a\u{1175}b"), "a\u{FFFD}b");
    }

    #[test]
    fn line_and_paragraph_separators_are_shown_not_drawn() {
        assert_eq!(safe("Mar\u{2028}3024\u{2029}"), "Mar␤3024␤");
        assert_eq!(escape("a\u{2028}b"), "a\\u2028b");
    }

    #[test]
    fn escaping_leaves_plain_text_and_makes_every_unsafe_character_visible() {
        assert!(matches!(escape("José 山田 \\u001b"), Cow::Borrowed(_)));
        let hostile = "Eve\u{1b}]0;pwned\u{7}\u{9b}2J\u{85}\u{7f}\u{202e}\u{2066}\r\n\t";
        let shown = escape(hostile);
        assert_eq!(
            shown,
            "Eve\\u001b]0;pwned\\u0007\\u009b2J\\u0085\\u007f\\u202e\\u2066\\u000d\\u000a\\u0009"
        );
        assert_eq!(escape(&shown), shown, "escaping twice changes nothing");
    }

    #[test]
    fn json_keeps_its_value_but_loses_raw_controls() {
        let json =
            serde_json::to_string_pretty(&["Eve\u{9b}31m\u{7f}\u{202e}x\u{2028}", "\u{1b}[2J"])
                .unwrap();
        let shown = json_safe(&json);
        assert!(!shown.chars().any(|c| c != '\n' && is_unsafe(c)), "{shown}");
        let back: Vec<String> = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, ["Eve\u{9b}31m\u{7f}\u{202e}x\u{2028}", "\u{1b}[2J"]);
    }
}
