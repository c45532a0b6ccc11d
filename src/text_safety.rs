//! Text read from an export is untrusted: before it reaches any terminal (the screen or
//! the CLI's standard output) it is made visible-safe here. Pure characters, no terminal
//! library, so both the UI and the commands can use it.

use std::borrow::Cow;

/// Replaces anything a terminal would act on (C0/C1 controls, ESC and so CSI/OSC
/// sequences, DEL, bidi overrides) with a visible stand-in, so a name can neither move
/// the cursor, write the clipboard, ring the bell nor reorder the line.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(visible).collect())
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

fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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
    fn json_keeps_its_value_but_loses_raw_controls() {
        let json =
            serde_json::to_string_pretty(&["Eve\u{9b}31m\u{7f}\u{202e}x", "\u{1b}[2J"]).unwrap();
        let shown = json_safe(&json);
        assert!(!shown.chars().any(|c| c != '\n' && is_unsafe(c)), "{shown}");
        let back: Vec<String> = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, ["Eve\u{9b}31m\u{7f}\u{202e}x", "\u{1b}[2J"]);
    }
}
