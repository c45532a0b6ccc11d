//! Text from the CSV is untrusted: it is made visible-safe before it reaches the terminal,
//! and fitted to a width measured in terminal cells (CJK and emoji take two). A field is
//! cut to what its row can show first, so a 900 KB name costs a frame what a short one
//! does.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::app::strings::HeaderPart;

pub use crate::text_safety::safe;

/// Bytes of a field kept per cell of room: a cell's character with its combining marks
/// rarely needs more, and what lies past them cannot be shown anyway.
const BYTES_PER_CELL: usize = 32;

/// `text` cut to what `max` cells can show, before anything scans it whole; ends in `…`
/// when cut. Plain-length text is returned as it is.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    let keep = max.saturating_add(1).saturating_mul(BYTES_PER_CELL);
    if text.len() <= keep {
        return Cow::Borrowed(text);
    }
    let mut end = keep;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

/// A field as a row of `max` cells shows it: [`clip`]ped, then made [`safe`].
pub fn shown(text: &str, max: usize) -> Cow<'_, str> {
    match clip(text, max) {
        Cow::Borrowed(text) => safe(text),
        Cow::Owned(cut) => Cow::Owned(safe(&cut).into_owned()),
    }
}

/// Whether `text` fits in `max` cells, looking no further than `max` cells' worth.
fn fits(text: &str, max: usize) -> bool {
    let mut used = 0;
    for g in text.graphemes(true) {
        used += UnicodeWidthStr::width(g);
        if used > max {
            return false;
        }
    }
    true
}

/// Display width of a (safe) string in terminal cells, grapheme by grapheme as ratatui's
/// buffer measures it (so `👩‍💻` is one 2-cell glyph, not two).
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// A line being typed with its cursor `▏` before character `cursor`, fitted into `max`
/// cells around the cursor: what is before it first, then what follows.
pub fn with_cursor(text: &str, cursor: usize, max: usize) -> String {
    let at = text
        .char_indices()
        .nth(cursor)
        .map_or(text.len(), |(i, _)| i);
    let before = format!("{}▏", safe(&text[..at]));
    let after = safe(&text[at..]);
    let before = fit_end(&before, max);
    let room = max.saturating_sub(width(&before));
    format!("{before}{}", fit(&after, room))
}

/// `text` fitted into `max` cells keeping its end (where typing happens), starting
/// with `…` when cut.
pub fn fit_end(text: &str, max: usize) -> String {
    if fits(text, max) {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 1; // the ellipsis
    for g in text.graphemes(true).rev() {
        let w = UnicodeWidthStr::width(g);
        if used + w > max {
            break;
        }
        used += w;
        kept.push(g);
    }
    kept.reverse();
    format!("…{}", kept.concat())
}

/// "Position · Company", or whichever of the two there is.
pub fn position_and_company(position: &str, company: &str) -> String {
    match (position.is_empty(), company.is_empty()) {
        (false, false) => format!("{position} · {company}"),
        (false, true) => position.to_owned(),
        (true, false) => company.to_owned(),
        (true, true) => String::new(),
    }
}

/// A row's text: the name in `name_style`, then two spaces and the detail when there is
/// room, both with the filter's matches highlighted, fitted into `max` cells.
pub fn name_and_detail(
    name: &str,
    detail: &str,
    max: usize,
    styles: [Style; 3],
    query: &crate::model::search::Query,
) -> Vec<Span<'static>> {
    name_and_detail_marked(
        name,
        detail,
        max,
        styles,
        [&query.highlights(name), &query.highlights(detail)],
    )
}

/// [`name_and_detail`] with the highlighted char ranges of each given: a row whose detail
/// is the app's own words (not the person's) has none there.
pub fn name_and_detail_marked(
    name: &str,
    detail: &str,
    max: usize,
    styles: [Style; 3],
    highlights: [&[Range<usize>]; 2],
) -> Vec<Span<'static>> {
    let [name_style, detail_style, highlight] = styles;
    let [name_highlights, detail_highlights] = highlights;
    let mut spans = Vec::with_capacity(6);
    let mut used = fit_spans(
        name,
        max,
        name_style,
        name_highlights,
        highlight,
        &mut spans,
    );
    if used + 2 < max && !detail.is_empty() {
        spans.push(Span::raw("  "));
        used += 2;
        fit_spans(
            detail,
            max - used,
            detail_style,
            detail_highlights,
            highlight,
            &mut spans,
        );
    }
    spans
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
    let fits = fits(text, max);
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

/// The parts that fit in `max` cells, each whole or left out, shown in their own order.
/// Which parts show goes by rank (lowest first), each in its shortest form: a part is
/// shortened before a lesser one is dropped. Then, by rank again, each shown part takes
/// its longest form that still fits. Only when none fits is the first cut, with `…`.
pub fn fit_parts(parts: &[HeaderPart], max: usize) -> String {
    let mut by_rank: Vec<usize> = (0..parts.len()).collect();
    by_rank.sort_by_key(|&i| parts[i].rank);
    let mut chosen: Vec<Option<&str>> = vec![None; parts.len()];
    let mut used = 0;
    for &i in &by_rank {
        if let Some(form) = parts[i].forms.last().filter(|f| used + width(f) <= max) {
            used += width(form);
            chosen[i] = Some(form);
        }
    }
    for &i in &by_rank {
        let Some(now) = chosen[i] else { continue };
        let room = max - (used - width(now));
        if let Some(form) = parts[i].forms.iter().find(|f| width(f) <= room) {
            used = used - width(now) + width(form);
            chosen[i] = Some(form);
        }
    }
    if chosen.iter().all(Option::is_none) {
        return fit(parts.first().map_or("", HeaderPart::longest), max);
    }
    chosen.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_show_whole_by_rank_in_their_own_order_or_not_at_all() {
        let part = |rank, forms: &[&str]| HeaderPart {
            rank,
            forms: forms.iter().map(|&f| f.to_owned()).collect(),
        };
        let parts = [
            part(0, &["12 of 40"]),
            part(2, &[" · pace, at this pace", " · pace"]),
            part(1, &[" · Tab"]),
        ];
        assert_eq!(fit_parts(&parts, 40), "12 of 40 · pace, at this pace · Tab");
        assert_eq!(fit_parts(&parts, 25), "12 of 40 · pace · Tab");
        assert_eq!(fit_parts(&parts, 20), "12 of 40 · Tab");
        assert_eq!(fit_parts(&parts, 9), "12 of 40");
        assert_eq!(fit_parts(&parts, 5), "12 o…");
        // The pace in full would leave no room for the Tab part: it is said short.
        assert_eq!(fit_parts(&parts, 34), "12 of 40 · pace · Tab");
        assert_eq!(fit_parts(&[], 5), "");
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

    /// Draws rows of `names` (each fitted to 11 cells, then a `│` border) through a real
    /// backend into a terminal emulator, frame after frame, and returns what the
    /// emulator shows next to what the app's buffer holds.
    fn drawn(frames: &[Vec<&str>]) -> (Vec<String>, Vec<String>) {
        use ratatui::backend::CrosstermBackend;
        use ratatui::layout::Rect;
        use ratatui::text::Line;
        use ratatui::widgets::Widget;
        use ratatui::{Terminal, TerminalOptions, Viewport};
        let area = Rect::new(0, 0, 12, 7);
        /// What the backend wrote, kept to replay into the emulator.
        #[derive(Clone, Default)]
        struct Tape(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
        impl std::io::Write for Tape {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0.borrow_mut().extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let tape = Tape::default();
        let backend = CrosstermBackend::new(tape.clone());
        let options = TerminalOptions {
            viewport: Viewport::Fixed(area),
        };
        let mut terminal = Terminal::with_options(backend, options).unwrap();
        let mut expected = Vec::new();
        for names in frames {
            let frame = terminal
                .draw(|f| {
                    let buf = f.buffer_mut();
                    for (row, name) in names.iter().enumerate() {
                        let mut spans = Vec::new();
                        let name = safe(name);
                        let used =
                            fit_spans(&name, 11, Style::new(), &[], Style::new(), &mut spans);
                        assert!(used <= 11);
                        Line::from(spans).render(Rect::new(0, row as u16, 11, 1), buf);
                        buf.set_string(11, row as u16, "│", Style::new());
                    }
                })
                .unwrap();
            expected = (0..area.height)
                .map(|y| {
                    let mut row = String::new();
                    let mut skip = 0;
                    for x in 0..area.width {
                        if skip > 0 {
                            skip -= 1;
                            continue;
                        }
                        let symbol = frame.buffer[(x, y)].symbol();
                        skip = width(symbol).saturating_sub(1);
                        row.push_str(symbol);
                    }
                    row
                })
                .collect();
        }
        let bytes = tape.0.borrow().clone();
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut parser = vt100::Parser::new(size(area.height), size(area.width), 0);
        parser.process(&bytes);
        let shown = parser
            .screen()
            .rows(0, area.width)
            .map(|r| {
                let pad = (area.width as usize).saturating_sub(width(&r));
                r + &" ".repeat(pad)
            })
            .collect();
        (shown, expected)
    }

    #[test]
    fn a_huge_field_is_cut_before_it_is_measured_and_shows_as_cut() {
        let huge = "Ada Lovelace ".repeat(70_000);
        let cut = clip(&huge, 20);
        assert!(cut.len() < 1_000, "{}", cut.len());
        assert!(cut.ends_with('…'));
        assert_eq!(fit(&shown(&huge, 20), 20), "Ada Lovelace Ada Lo…");
        assert!(matches!(clip("Ada", 20), Cow::Borrowed("Ada")));
        // Even a name of nothing but joiners ends in `…`: something was left out.
        let hidden = format!("{}Eve", "\u{200D}".repeat(100_000));
        assert_eq!(fit(&shown(&hidden, 20), 20), "…");
        // Cut inside a multi-byte character: at the character before.
        let wide = "山".repeat(100_000);
        assert_eq!(fit(&shown(&wide, 5), 5), "山山…");
    }

    #[test]
    fn line_and_paragraph_separators_keep_the_row_its_width() {
        let (shown, expected) = drawn(&[vec![
            "Mar\u{2028}3024 Ng",
            "A\u{2029}\u{2028}\u{2028}B",
            "Plain Name",
        ]]);
        for (row, (shown, expected)) in shown.iter().zip(&expected).enumerate().take(3) {
            assert_eq!(shown, expected, "row {row}");
            assert!(expected.ends_with('│'), "row {row}: {expected:?}");
        }
        assert!(!safe("Mar\u{2028}3024").contains('\u{2028}'));
    }

    #[test]
    fn invisible_characters_keep_every_row_its_width_across_scrolling() {
        let tricky = [
            "An\u{200D}na Berg",
            "Kath\u{00AD}erine Ng",
            "\u{1112}\u{1161}\u{11AB} \u{1160}Kim",
            "\u{3164}\u{3164}Park Ji",
            "Zoë\u{200B}\u{FEFF} Ray",
            "👩\u{200D}💻 Dev Ops",
            "👍🏽 ❤\u{FE0F} Fan",
        ];
        // Then scrolled by one row: old text must not linger beside new.
        let scrolled: Vec<&str> = tricky[1..].iter().chain(&["Plain Name"]).copied().collect();
        let (shown, expected) = drawn(&[tricky.to_vec(), scrolled]);
        for (row, (shown, expected)) in shown.iter().zip(&expected).enumerate() {
            assert_eq!(shown, expected, "row {row}");
            assert!(
                expected.ends_with('│'),
                "row {row} is exactly 12 cells: {expected:?}"
            );
        }
    }
}
