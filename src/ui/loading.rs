//! The screen shown while a large export loads: what is loading, how far it got, and the
//! first connections already read, so the user sees their data from the first frame.

use std::path::Path;
use std::sync::atomic::Ordering;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Gauge, Widget};

use super::columns::RowView;
use super::people_rows::PeopleRows;
use super::text::{fit, safe};
use super::theme::Theme;
use crate::app::strings;
use crate::import::Progress;
use crate::model::search::Query;

pub struct LoadingScreen<'a> {
    pub path: &'a Path,
    pub progress: &'a Progress,
    pub theme: &'a Theme,
    /// How the quit key is written, from the keymap.
    pub quit_key: String,
}

impl Widget for LoadingScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [top, rows] = area.layout(&Layout::vertical([
            Constraint::Length(5),
            Constraint::Fill(1),
        ]));
        let box_area = top.centered_horizontally(Constraint::Length(70.min(area.width)));
        let block = Block::bordered()
            .border_style(self.theme.border_focused)
            .title(strings::APP_TITLE);
        let inner = block.inner(box_area);
        block.render(box_area, buf);
        let [label, gauge, hint] = inner.layout(&Layout::vertical([Constraint::Length(1); 3]));
        let path = self.path.display().to_string();
        let text = if self.progress.ratio() >= 1.0 {
            // Parsed: the search index and sort orders are being built.
            strings::INDEXING.to_owned()
        } else {
            strings::loading(&safe(&path))
        };
        Line::styled(fit(&text, label.width as usize), self.theme.title).render(label, buf);
        Gauge::default()
            .gauge_style(self.theme.border_focused)
            .ratio(self.progress.ratio())
            .render(gauge, buf);
        Line::styled(strings::quits(&self.quit_key), self.theme.dim).render(hint, buf);
        self.render_preview(rows, buf);
    }
}

impl LoadingScreen<'_> {
    /// The first people read, read-only until everything is loaded.
    fn render_preview(&self, area: Rect, buf: &mut Buffer) {
        let Ok(preview) = self.progress.preview.lock() else {
            return;
        };
        if preview.is_empty() || area.height < 3 {
            return;
        }
        let read = self
            .progress
            .people
            .load(Ordering::Relaxed)
            .max(preview.len() as u64);
        let title = strings::read_so_far(read);
        let block = Block::bordered()
            .border_style(self.theme.border)
            .title(Line::styled(title, self.theme.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let people = PeopleRows {
            people: &preview,
            signals: None,
        };
        let no_query = Query::default();
        for (y, id) in (inner.y..inner.bottom()).zip(preview.ids()) {
            let line = Rect::new(inner.x + 2, y, inner.width.saturating_sub(2), 1);
            people.render_row(id.0, line, buf, &no_query, None, self.theme);
        }
    }
}
