//! How a connection looks in a column: name, position · company, the relationship
//! marker (`✉3★`, when the export has signals), connected-on date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::columns::{RowView, render_name_and_detail};
use super::text::{clip, position_and_company, shown, width};
use super::theme::Theme;
use crate::model::person::{LINKEDIN_DATE, full_name};
use crate::model::search::Query;
use crate::model::signals::Signals;
use crate::model::{People, PersonId};

/// Below this width the date is dropped to leave room for the name. The date is the one
/// field that shows an accident: the name and the rest are shortened first.
const DATE_MIN_WIDTH: u16 = 24;
const DATE_WIDTH: u16 = 11;

/// The headings over a column of people `area_width` wide (see `RowView::headings`);
/// the mouse reads them too.
pub fn headings(area_width: u16, signals: bool) -> Vec<(&'static str, u16)> {
    let mut headings = vec![("name", 0)];
    if area_width >= 40 {
        headings[0].0 = "name · position · company";
    }
    let date = area_width >= DATE_MIN_WIDTH;
    if signals && area_width >= 44 {
        headings.push(("signals", if date { DATE_WIDTH + 1 } else { 0 }));
    }
    if date {
        headings.push(("connected", 0));
    }
    headings
}

pub struct PeopleRows<'a> {
    pub people: &'a People,
    /// `None` for a Basic export: no markers then.
    pub signals: Option<&'a Signals>,
}

impl RowView for PeopleRows<'_> {
    fn headings(&self, area_width: u16) -> Vec<(&'static str, u16)> {
        headings(area_width, self.signals.is_some())
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
        let p = self.people.get(PersonId(id));
        let show_date = area.width >= DATE_MIN_WIDTH;
        let text_width = if show_date {
            area.width - DATE_WIDTH - 1
        } else {
            area.width
        } as usize;
        // Each part cut first: a 900 KB name is never copied whole.
        let name = full_name(
            &clip(p.first_name, text_width),
            &clip(p.last_name, text_width),
        );
        let name = shown(&name, text_width);
        let marker = self
            .signals
            .map(|s| s.get(PersonId(id)).marker())
            .unwrap_or_default();
        let marker_width = width(&marker);
        // The name keeps its room: the marker shows only beside a name that fits whole.
        let show_marker = marker_width > 0 && width(&name) + 1 + marker_width <= text_width;
        let text_width = if show_marker {
            text_width - marker_width - 1
        } else {
            text_width
        };
        let detail =
            position_and_company(&clip(p.position, text_width), &clip(p.company, text_width));
        let detail = shown(&detail, text_width);
        render_name_and_detail(&name, &detail, text_width, area, buf, query, theme);
        if show_marker {
            let x = area.x + (text_width + 1) as u16;
            buf.set_string(x, area.y, marker, theme.signal);
        }
        if show_date && let Some(date) = p.connected_on {
            let date = date.format(LINKEDIN_DATE).to_string();
            buf.set_string(area.right() - DATE_WIDTH, area.y, date, theme.date);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;
    use crate::model::signals::{Signal, SignalSources};

    fn row(name: (&str, &str), signal: Option<Signal>, width: u16) -> (String, Buffer) {
        let people: People = [Person {
            first_name: name.0.into(),
            last_name: name.1.into(),
            position: "Engineer".into(),
            company: "Acme".into(),
            connected_on: chrono::NaiveDate::from_ymd_opt(2024, 3, 14),
            ..Default::default()
        }]
        .into_iter()
        .collect();
        let signals = signal.map(|s| {
            let mut signals = Signals::new(1, SignalSources::default());
            *signals.get_mut(PersonId(0)).unwrap() = s;
            signals
        });
        let area = Rect::new(0, 0, width, 1);
        // Room past the row, to see that nothing is drawn there.
        let mut buf = Buffer::empty(Rect::new(0, 0, width + 8, 1));
        let rows = PeopleRows {
            people: &people,
            signals: signals.as_ref(),
        };
        let query = Query::default();
        rows.render_row(0, area, &mut buf, &query, None, &Theme::default());
        let past: String = (width..width + 8).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(past, " ".repeat(8), "drawn past the row's width");
        let text = (0..width).map(|x| buf[(x, 0)].symbol()).collect();
        (text, buf)
    }

    #[allow(clippy::unnecessary_wraps)] // rows take an optional signal
    fn talked_and_endorsed() -> Option<Signal> {
        Some(Signal {
            messages: 12,
            endorsements_received: 1,
            ..Default::default()
        })
    }

    #[test]
    fn the_marker_sits_before_the_date_and_the_row_keeps_its_width() {
        let (text, buf) = row(("Ada", "Example"), talked_and_endorsed(), 50);
        assert_eq!(text, "Ada Example  Engineer · Acme      ✉12★ 14 Mar 2024");
        let theme = Theme::default();
        for x in 34..38 {
            assert_eq!(buf[(x, 0)].style().fg, theme.signal.fg, "cell {x}");
        }
        assert_ne!(buf[(33, 0)].style().fg, theme.signal.fg);
    }

    #[test]
    fn a_narrow_row_keeps_the_date_and_drops_the_marker_before_cutting_the_name() {
        let name = ("Alexandria", "Montgomery-Fairweather");
        // At 37 cells the date keeps its 11: the marker goes, then the name is cut.
        let (text, _) = row(name, talked_and_endorsed(), 37);
        assert_eq!(text, "Alexandria Montgomery-Fa… 14 Mar 2024");
        // 33 cells of name, a space, the marker (4), and the date: all of it at 50.
        let (text, _) = row(name, talked_and_endorsed(), 50);
        assert_eq!(text, "Alexandria Montgomery-Fairweather ✉12★ 14 Mar 2024");
        // The date goes only where a name would have almost no room.
        let (text, _) = row(name, talked_and_endorsed(), 23);
        assert!(!text.contains("2024"), "{text:?}");
    }

    #[test]
    fn without_signals_a_row_has_no_marker() {
        let (with, _) = row(("Ada", "Example"), Some(Signal::default()), 50);
        let (basic, _) = row(("Ada", "Example"), None, 50);
        assert_eq!(with, basic);
        assert_eq!(basic, "Ada Example  Engineer · Acme           14 Mar 2024");
    }
}
