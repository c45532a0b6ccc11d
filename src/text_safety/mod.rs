//! Text from an export is untrusted. Before it reaches a terminal (the app's screen, or
//! the CLI's standard output when that is a terminal) it is made visible-safe: nothing in
//! it can act on the terminal, and what the app measures as a cell is what terminals draw.

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

/// JSON text with every character [`safe`] would replace written as a `\uXXXX` escape:
/// still the same JSON value, but nothing a terminal acts on reaches it when printed.
/// (serde_json escapes C0 controls itself; DEL, C1 controls and bidi overrides it
/// writes raw.) Line breaks outside strings are the pretty-printer's and are kept.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    if !json.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c != '\n' && is_unsafe(c) {
            // Every unsafe character is in the Basic Multilingual Plane: one escape.
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

fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
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
    fn json_keeps_its_value_but_loses_raw_controls() {
        let json =
            serde_json::to_string_pretty(&["Eve\u{9b}31m\u{7f}\u{202e}x", "\u{1b}[2J"]).unwrap();
        let shown = json_safe(&json);
        assert!(!shown.chars().any(|c| c != '\n' && is_unsafe(c)), "{shown}");
        let back: Vec<String> = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, ["Eve\u{9b}31m\u{7f}\u{202e}x", "\u{1b}[2J"]);
    }
}
