//! Text from the CSV is untrusted: it is made visible-safe before it reaches the terminal,
//! and fitted to a width measured in terminal cells (CJK and emoji take two).

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub use crate::text_safety::safe;

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
