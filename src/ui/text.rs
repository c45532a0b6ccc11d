//! Text from the CSV is untrusted: it is made visible-safe before it reaches the terminal,
//! and fitted to a width measured in terminal cells (CJK and emoji take two).

use std::borrow::Cow;
use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Replaces anything a terminal would act on (C0/C1 controls, ESC and so CSI/OSC
/// sequences, DEL, bidi overrides) with a visible stand-in, so a name can neither move
/// the cursor, write the clipboard, ring the bell nor reorder the line.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(visible).collect())
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

/// Display width of a (safe) string in terminal cells, grapheme by grapheme as ratatui's
/// buffer measures it (so `👩‍💻` is one 2-cell glyph, not two).
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Spans for `text` fitted into `max` cells, ending in `…` when cut; chars inside
/// `highlights` (char ranges) get `highlight` patched over `base`. Returns the cells used.
pub fn fit_spans(
    text: &str,
    max: usize,
    base: Style,
    highlights: &[Range<usize>],
    highlight: Style,
    out: &mut Vec<Span<'static>>,
) -> usize {
    if max == 0 {
        return 0;
    }
    let fits = width(text) <= max;
    let budget = if fits { max } else { max - 1 };
    let mut used = 0;
    let mut run = String::new();
    let mut run_hl = false;
    let mut hl = highlights.iter().peekable();
    let mut i = 0; // char index of the grapheme, as highlight ranges count
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w > budget {
            break;
        }
        while hl.peek().is_some_and(|r| r.end <= i) {
            hl.next();
        }
        let is_hl = hl.peek().is_some_and(|r| r.contains(&i));
        if is_hl != run_hl && !run.is_empty() {
            let style = if run_hl { base.patch(highlight) } else { base };
            out.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hl = is_hl;
        run.push_str(g);
        used += w;
        i += g.chars().count();
    }
    if !run.is_empty() {
        let style = if run_hl { base.patch(highlight) } else { base };
        out.push(Span::styled(run, style));
    }
    if !fits {
        out.push(Span::styled("…", base));
        used += 1;
    }
    used
}

/// `text` cut to `max` cells with `…`.
pub fn fit(text: &str, max: usize) -> String {
    let mut spans = Vec::new();
    fit_spans(text, max, Style::new(), &[], Style::new(), &mut spans);
    spans.into_iter().map(|s| s.content).collect()
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
    fn fitting_counts_wide_chars_as_two_cells() {
        assert_eq!(fit("山田太郎", 5), "山田…");
        assert_eq!(fit("山田太郎", 8), "山田太郎");
        assert_eq!(fit("Ada Lovelace", 6), "Ada L…");
        assert_eq!(fit("👩‍💻 Zoë", 3), "👩‍💻…");
        assert_eq!(width("👩‍💻"), 2);
        assert_eq!(fit("x", 0), "");
        assert_eq!(width(&fit("éééééé", 4)), 4);
    }
}
