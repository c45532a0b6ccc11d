//! The two-column triage widget, shared by the Connections and Invitations screens.
//! It draws only the rows in view: the frame costs the same at 300 or 1,000,000 rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::text::{fit, fit_end, name_and_detail, safe, width, with_cursor};
use super::theme::Theme;
use crate::app::strings;
use crate::model::search::Query;
use crate::model::triage::{Side, Triage};

/// How one list draws its rows.
pub trait RowView {
    /// Draws item `id` into a one-line `area` (the mark and cursor are drawn around it).
    fn render_row(
        &self,
        id: u32,
        area: Rect,
        buf: &mut Buffer,
        query: &Query,
        locked: Option<&str>,
        theme: &Theme,
    );

    /// The column headings over the rows, as `(label, width from the right)`: the first
    /// label starts at the left, the others end where their field ends (0: the right edge).
    fn headings(&self, area_width: u16) -> Vec<(&'static str, u16)>;
}

/// Draws a row's name and detail (both already `shown`) into the first `text_width`
/// cells of its `area`, in the theme's person styles with the filter's matches
/// highlighted: what a person's row and a History record's row start with.
pub fn render_name_and_detail(
    name: &str,
    detail: &str,
    text_width: usize,
    area: Rect,
    buf: &mut Buffer,
    query: &Query,
    theme: &Theme,
) {
    let styles = [theme.name, theme.detail, theme.highlight];
    let spans = name_and_detail(name, detail, text_width, styles, query);
    Line::from(spans).render(Rect::new(area.x, area.y, text_width as u16, 1), buf);
}

/// Draws a list's headings into the line over its rows; the sorted one carries its arrow.
fn render_headings(
    headings: &[(&'static str, u16)],
    sorted: Option<(&str, bool)>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    for placed in super::headings::place(headings, sorted, area) {
        buf.set_string(placed.x, area.y, placed.text, theme.dim);
    }
}

/// A list's columns as drawn: two for a triaged list, one across the room of two for a
/// History list.
pub struct TriageColumns<'a, R> {
    pub triage: &'a Triage,
    pub rows: &'a R,
    /// The filter of the focused column is being typed, with its cursor here.
    pub typing: Option<usize>,
    pub theme: &'a Theme,
    /// Said after the empty-column text (History: where the journal is).
    pub note: Option<&'a str>,
}

impl<R: RowView> TriageColumns<'_, R> {
    /// Both columns, with their titles and what they say when empty: left, right.
    pub fn render(&self, titles: [&str; 2], empty: [&str; 2], areas: [Rect; 2], buf: &mut Buffer) {
        for side in [Side::Left, Side::Right] {
            let i = side.index();
            self.render_column(side, titles[i], empty[i], areas[i], buf);
        }
    }

    /// The left column alone across `area`: a list that is not triaged (History).
    pub fn render_one(&self, title: &str, empty: &str, area: Rect, buf: &mut Buffer) {
        self.render_column(Side::Left, title, empty, area, buf);
    }

    fn render_column(&self, side: Side, title: &str, empty: &str, area: Rect, buf: &mut Buffer) {
        let t = self.triage;
        let col = t.column(side);
        let focused = t.focus() == side;
        let count = if col.is_matching() {
            strings::column_searching(title, col.shown().len(), col.total())
        } else if col.is_filtered() {
            strings::column_filtered(title, col.shown().len(), col.total())
        } else {
            strings::column_count(title, col.total())
        };
        let count = format!(" {count} ");
        let sort = if t.is_sorting(side) {
            strings::sorting_by(t.sort_name(side))
        } else {
            format!(" {} ", t.sort_label(side))
        };
        let mut block = self
            .theme
            .block(focused)
            .title(Line::from(Span::styled(count.clone(), self.theme.title)));
        // The count matters more than the sort: drop the sort when both do not fit.
        if width(&count) + width(&sort) + 4 <= area.width as usize {
            block = block.title(Line::from(Span::styled(sort, self.theme.dim)).right_aligned());
        }
        let kept = if side == Side::Left {
            t.kept_count()
        } else {
            0
        };
        let mut counts = strings::marks_and_kept(col.marked(), kept);
        let typing = self.typing.filter(|_| focused);
        if typing.is_some() || col.is_filtered() || col.filter_error().is_some() {
            let whole = (area.width as usize).saturating_sub(10);
            // The bar and the counts share the bottom border: the counts take their room
            // first, but give it up while typing a filter they would cover.
            let counts_w = counts.as_deref().map_or(0, width);
            let typed = width(&safe(&col.filter)) + 1;
            if typing.is_some() && typed > whole.saturating_sub(counts_w) {
                counts = None;
            }
            let room = whole.saturating_sub(counts.as_deref().map_or(0, width));
            // A term that cannot be read says why, instead of silently matching nothing:
            // the hint gets half the bar, the typed text (its end) the rest.
            let error = col.filter_error();
            let text_room = if error.is_some() { room / 2 } else { room };
            let text = if let Some(cursor) = typing {
                with_cursor(&col.filter, cursor, text_room)
            } else {
                fit_end(&safe(&col.filter), text_room)
            };
            let mut spans = vec![
                Span::styled(" / ", self.theme.key),
                Span::raw(format!("{text} ")),
            ];
            if let Some(error) = error {
                let left = room.saturating_sub(width(&text) + 2);
                spans.push(Span::styled(
                    format!("{} ", fit(&error.hint, left)),
                    self.theme.warning,
                ));
            }
            block = block.title_bottom(Line::from(spans));
        }
        if let Some(counts) = counts {
            block = block
                .title_bottom(Line::from(Span::styled(counts, self.theme.mark)).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        // A header line over the rows, as a table has (the layout's rows start below it).
        let heading = super::headings::line(area);
        // "oldest first" is the date order read upwards.
        let sort = t.sort_name(side);
        let reversed = col.reversed != (sort == "oldest first");
        render_headings(
            &self.rows.headings(heading.width),
            Some((super::headings::sorted_heading(sort), reversed)),
            heading,
            buf,
            self.theme,
        );
        let inner = Rect::new(
            inner.x,
            inner.y + 1,
            inner.width,
            inner.height.saturating_sub(1),
        );
        if col.shown().is_empty() {
            let text = if t.is_sorting(side) {
                strings::empty_sorting(t.sort_name(side))
            } else if col.is_matching() {
                strings::SEARCHING.to_owned()
            } else if let Some(error) = col.filter_error() {
                error.hint.clone()
            } else if col.is_filtered() && col.total() > 0 {
                strings::no_match(&safe(&col.filter))
            } else {
                match self.note {
                    Some(note) => format!("{empty}\n\n{note}"),
                    None => empty.to_owned(),
                }
            };
            Paragraph::new(text)
                .style(self.theme.dim)
                .wrap(Wrap { trim: true })
                .render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
            return;
        }
        let visible = col
            .shown()
            .iter()
            .enumerate()
            .skip(col.offset)
            .take(inner.height as usize);
        for (y, (row, &id)) in (inner.y..).zip(visible) {
            let line = Rect::new(inner.x, y, inner.width, 1);
            let style = match (row == col.cursor, focused) {
                (true, true) => self.theme.cursor,
                (true, false) => self.theme.cursor_unfocused,
                _ => Style::new(),
            };
            buf.set_style(line, style);
            // A mark is what the next move takes; the flag is the keep list.
            let mark = if t.is_marked(id) {
                "✔ "
            } else if t.is_kept(id) {
                "⚑ "
            } else {
                "  "
            };
            buf.set_span(line.x, y, &Span::styled(mark, self.theme.mark), 2);
            let rest = Rect::new(line.x + 2, y, line.width.saturating_sub(2), 1);
            self.rows
                .render_row(id, rest, buf, col.query(), t.lock_reason(id), self.theme);
        }
    }
}
