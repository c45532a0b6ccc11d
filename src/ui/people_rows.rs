//! How a connection looks in a column: name, position · company, connected-on date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::columns::RowView;
use super::text::{fit_spans, safe};
use super::theme::Theme;
use crate::model::person::LINKEDIN_DATE;
use crate::model::search::Query;
use crate::model::{People, PersonId};

/// Below this width the date is dropped to leave room for the name.
const DATE_MIN_WIDTH: u16 = 40;
const DATE_WIDTH: u16 = 11;

pub struct PeopleRows<'a> {
    pub people: &'a People,
}

impl RowView for PeopleRows<'_> {
    fn render_row(
        &self,
        id: u32,
        area: Rect,
        buf: &mut Buffer,
        query: &Query,
        _locked: Option<&str>,
        theme: &Theme,
    ) {
        let p = self.people.get(PersonId(id));
        let show_date = area.width >= DATE_MIN_WIDTH;
        let text_width = if show_date {
            area.width - DATE_WIDTH - 1
        } else {
            area.width
        } as usize;
        let name = p.full_name();
        let name = safe(&name);
        let detail = match (p.position.is_empty(), p.company.is_empty()) {
            (false, false) => format!("{} · {}", p.position, p.company),
            (false, true) => p.position.to_owned(),
            (true, false) => p.company.to_owned(),
            (true, true) => String::new(),
        };
        let detail = safe(&detail);
        let mut spans = Vec::with_capacity(6);
        let mut used = fit_spans(
            &name,
            text_width,
            theme.name,
            &query.highlights(&name),
            theme.highlight,
            &mut spans,
        );
        if used + 2 < text_width && !detail.is_empty() {
            spans.push(Span::raw("  "));
            used += 2;
            fit_spans(
                &detail,
                text_width - used,
                theme.detail,
                &query.highlights(&detail),
                theme.highlight,
                &mut spans,
            );
        }
        Line::from(spans).render(Rect::new(area.x, area.y, text_width as u16, 1), buf);
        if show_date && let Some(date) = p.connected_on {
            let date = date.format(LINKEDIN_DATE).to_string();
            buf.set_string(area.right() - DATE_WIDTH, area.y, date, theme.date);
        }
    }
}
