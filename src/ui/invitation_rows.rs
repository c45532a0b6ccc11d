//! How a pending invitation looks in a column: invitee, message, sent date and age; an
//! expired one is dimmed and says why it cannot be moved.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::columns::RowView;
use super::text::{name_and_detail_marked, shown, width};
use super::theme::Theme;
use crate::app::strings;
use crate::model::invitation::age;
use crate::model::pending::{EXPIRED_ROW, Pending};
use crate::model::person::LINKEDIN_DATE;
use crate::model::search::Query;

/// Below this width only the age is shown on the right, not the date.
const DATE_MIN_WIDTH: u16 = 50;

/// The headings over a column of invitations (see `RowView::headings`).
pub fn headings(area_width: u16) -> Vec<(&'static str, u16)> {
    let mut headings = vec![("name", 0)];
    if area_width >= 30 {
        headings.push(("sent", 0));
    }
    headings
}

pub struct InvitationRows<'a> {
    pub pending: &'a Pending,
    pub today: NaiveDate,
}

impl RowView for InvitationRows<'_> {
    fn headings(&self, area_width: u16) -> Vec<(&'static str, u16)> {
        headings(area_width)
    }

    fn render_row(
        &self,
        id: u32,
        area: Rect,
        buf: &mut Buffer,
        query: &Query,
        locked: Option<&str>,
        theme: &Theme,
    ) {
        let inv = &self.pending.items[id as usize];
        let sent = inv.sent_at.map(|at| at.date());
        let when = match sent {
            Some(d) if area.width >= DATE_MIN_WIDTH && locked.is_none() => {
                format!("{} · {}", d.format(LINKEDIN_DATE), age(d, self.today))
            }
            Some(d) => age(d, self.today),
            None => strings::DATE_UNKNOWN.to_owned(),
        };
        // Expiry is an estimate: say so on the row.
        let right = match locked {
            Some(_) => strings::maybe_expired(&when),
            None => when,
        };
        let right_w = width(&right) as u16;
        let text_width = area.width.saturating_sub(right_w + 1) as usize;
        let (name_style, detail_style) = match locked {
            Some(_) => (theme.locked, theme.locked),
            None => (theme.name, theme.detail),
        };
        let name = shown(&inv.to, text_width);
        let detail = match locked {
            Some(_) => EXPIRED_ROW.to_owned(),
            None if inv.message.is_empty() => String::new(),
            None => format!("“{}”", shown(&inv.message, text_width)),
        };
        // The expiry note is the app's words: a filter's match is never shown in it.
        let detail_highlights = if locked.is_some() {
            Vec::new()
        } else {
            query.highlights(&detail)
        };
        let spans = name_and_detail_marked(
            &name,
            &detail,
            text_width,
            [name_style, detail_style, theme.highlight],
            [&query.highlights(&name), &detail_highlights],
        );
        Line::from(spans).render(Rect::new(area.x, area.y, text_width as u16, 1), buf);
        let style = if locked.is_some() {
            theme.locked
        } else {
            theme.date
        };
        buf.set_stringn(
            area.right().saturating_sub(right_w),
            area.y,
            right,
            right_w as usize,
            style,
        );
    }
}
