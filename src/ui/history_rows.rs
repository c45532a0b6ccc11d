//! How a History record looks: name, position · company (or the invitation's message),
//! then where it stands on LinkedIn and the day it was removed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::columns::{RowView, render_name_and_detail};
use super::text::{position_and_company, shown, width};
use super::theme::Theme;
use crate::model::history::{Kind, Record, Status};
use crate::model::person::LINKEDIN_DATE;
use crate::model::search::Query;

/// Below this width the removal date gives its room to the name.
const HISTORY_DATE_MIN_WIDTH: u16 = 50;

/// The headings over the History list (see `RowView::headings`).
pub fn headings(area_width: u16, kind: Kind) -> Vec<(&'static str, u16)> {
    let date = area_width >= HISTORY_DATE_MIN_WIDTH;
    // A withdrawal is an invitation: its addressee and the message it carried.
    let (first, on) = match kind {
        Kind::Removal => ("name · position · company", "removed on"),
        // "withdrawn on" and its arrow would not fit the date field: it ran into "status".
        Kind::Withdrawal => ("name · message", "withdrawn"),
    };
    let mut headings = vec![(first, 0)];
    headings.push(("status", if date { date_width(kind) } else { 0 }));
    if date {
        headings.push((on, 0));
    }
    headings
}

/// The date and the gap before it: wide enough for its heading with the sort arrow
/// ("withdrawn on ↓"), so the heading never runs into "status".
fn date_width(kind: Kind) -> u16 {
    match kind {
        Kind::Removal => 13,
        Kind::Withdrawal => 15,
    }
}

pub struct HistoryRows<'a> {
    pub records: &'a [Record],
    pub kind: Kind,
}

/// The status in its colour: what is left to do stands out, what is verified is calm.
pub fn status_style(status: Status, theme: &Theme) -> Style {
    match status {
        Status::ToDo => theme.warning,
        Status::Opened => theme.key,
        Status::Done => theme.info,
        Status::Verified => theme.info.add_modifier(ratatui::style::Modifier::BOLD),
        Status::StillThere => theme.error,
    }
}

impl RowView for HistoryRows<'_> {
    fn headings(&self, area_width: u16) -> Vec<(&'static str, u16)> {
        headings(area_width, self.kind)
    }

    fn render_row(
        &self,
        id: u32,
        area: Rect,
        buf: &mut Buffer,
        query: &Query,
        _locked: Option<&str>,
        theme: &Theme,
    ) {
        let r = &self.records[id as usize];
        let status = format!("{:>15}", r.status().label(r.kind));
        // The removal date when there is room for it.
        let date = (area.width >= HISTORY_DATE_MIN_WIDTH).then(|| {
            let day = r.removed_on().format(LINKEDIN_DATE).to_string();
            format!("{day:>w$}", w = usize::from(date_width(r.kind)))
        });
        let right_w = (width(&status) + date.as_deref().map_or(0, width)) as u16;
        let text_width = area.width.saturating_sub(right_w + 1) as usize;
        let name = r.name();
        let name = shown(&name, text_width);
        let detail = match (&r.person, &r.invitation) {
            (Some(p), _) => position_and_company(&p.position, &p.company),
            (None, Some(inv)) if !inv.message.is_empty() => format!("“{}”", inv.message),
            _ => String::new(),
        };
        let detail = shown(&detail, text_width);
        render_name_and_detail(&name, &detail, text_width, area, buf, query, theme);
        let x = area.right().saturating_sub(right_w);
        let (x, _) = buf.set_stringn(
            x,
            area.y,
            &status,
            area.width as usize,
            status_style(r.status(), theme),
        );
        if let Some(date) = date {
            buf.set_string(x, area.y, date, theme.date);
        }
    }
}
