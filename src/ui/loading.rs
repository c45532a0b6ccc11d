//! The screen shown while a large export loads: what is loading and how far it got.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Gauge, Widget};

use super::text::{fit, safe};
use super::theme::THEME;

pub struct LoadingScreen<'a> {
    pub path: &'a Path,
    pub ratio: f64,
}

impl Widget for LoadingScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let box_area = area.centered(
            Constraint::Length(70.min(area.width)),
            Constraint::Length(5.min(area.height)),
        );
        let block = Block::bordered()
            .border_style(THEME.border_focused)
            .title(" unconnect ");
        let inner = block.inner(box_area);
        block.render(box_area, buf);
        let [label, gauge, hint] = inner.layout(&Layout::vertical([Constraint::Length(1); 3]));
        let path = self.path.display().to_string();
        let text = format!("Loading {}", safe(&path));
        Line::styled(fit(&text, label.width as usize), THEME.title).render(label, buf);
        Gauge::default()
            .gauge_style(THEME.border_focused)
            .ratio(self.ratio.clamp(0.0, 1.0))
            .render(gauge, buf);
        Line::styled("q quits", THEME.dim).render(hint, buf);
    }
}
