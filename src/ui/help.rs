//! The `?` overlay: every binding, straight from the keymap table.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::keymap::{Context, KEYMAP};
use super::theme::THEME;

pub struct HelpOverlay;

impl Widget for HelpOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let block = Block::bordered()
            .border_style(THEME.border_focused)
            .title(Line::from(Span::styled(
                " Keys (? or Esc closes) ",
                THEME.title,
            )))
            .title_bottom(Line::from(Span::styled(
                " Mouse: click a row to move it, wheel scrolls, click [ Remove ] ",
                THEME.dim,
            )));
        let inner = block.inner(area);
        block.render(area, buf);
        let mut lines = Vec::new();
        for context in [
            Context::Browse,
            Context::Filter,
            Context::Confirm,
            Context::Prompt,
        ] {
            lines.push(Line::styled(context.title(), THEME.title));
            for b in KEYMAP.iter().filter(|b| b.context == context) {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<10}", b.label), THEME.key),
                    Span::styled(b.help, THEME.hint),
                ]));
            }
        }
        // Two columns when there is room, so the whole table fits on a laptop screen.
        let halves = if inner.width >= 100 { 2 } else { 1 };
        let per = lines.len().div_ceil(halves);
        let areas =
            inner.layout_vec(&Layout::horizontal(vec![Constraint::Fill(1); halves]).spacing(2));
        for (chunk, area) in lines.chunks(per).zip(areas.iter()) {
            Paragraph::new(chunk.to_vec()).render(*area, buf);
        }
    }
}
