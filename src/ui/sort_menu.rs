//! The sort menu (`s`): the list's columns under the focused column's headings, the
//! highlighted one in the cursor's colours, the one sorted by now with its arrow, each
//! with the key that picks it (from the keymap).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::layout::ScreenLayout;
use super::text::width;
use super::theme::Theme;
use crate::app::{Action, App, strings};

pub fn render(app: &App, selected: usize, l: &ScreenLayout, buf: &mut Buffer, theme: &Theme) {
    let Some((kind, columns, current)) = app.sort_menu() else {
        return;
    };
    let Some(triage) = app.triage_of(kind) else {
        return;
    };
    let side = triage.focus();
    let reversed = triage.column(side).reversed != (triage.sort_name(side) == "oldest first");
    let lines: Vec<(String, String, bool)> = columns
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let arrow = match (Some(c) == current, reversed) {
                (false, _) => "",
                (true, false) => " ↓",
                (true, true) => " ↑",
            };
            let key = app.keymap().key_of(c.action());
            (key, format!("{}{arrow}", c.label(kind)), i == selected)
        })
        .collect();
    let keys = strings::sort_menu_keys(
        &app.keymap().key_of(Action::PickSort),
        &app.keymap().key_of(Action::CloseSortMenu),
    );
    let title = strings::SORT_MENU_TITLE;
    let row_w = lines
        .iter()
        .map(|(k, t, _)| width(k) + 2 + width(t))
        .max()
        .unwrap_or(0);
    let w = (row_w.max(width(&keys)).max(width(title)) + 4) as u16;
    let h = lines.len() as u16 + 2;
    // Under the focused column's headings, at its right edge (History: one column).
    let column = if kind.history_kind().is_some() {
        l.columns[0].union(l.columns[1])
    } else {
        l.columns[side.index()]
    };
    let area = Rect::new(
        column.right().saturating_sub(w + 1).max(column.x),
        column.y + 2,
        w.min(column.width),
        h.min(column.height.saturating_sub(2)),
    );
    // A wide character just left of the box would spill under its border: blank it.
    if area.x > 0 {
        for y in area.y..area.bottom() {
            if let Some(cell) = buf.cell_mut((area.x - 1, y))
                && width(cell.symbol()) > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::from(Span::styled(title, theme.title)))
        .title_bottom(Line::from(Span::styled(keys, theme.dim)));
    let inner = block.inner(area);
    block.render(area, buf);
    for ((key, text, highlighted), y) in lines.into_iter().zip(inner.y..inner.bottom()) {
        let line = Rect::new(inner.x, y, inner.width, 1);
        if highlighted {
            buf.set_style(line, theme.cursor);
        }
        let spans = Line::from(vec![
            Span::raw(" "),
            Span::styled(key, theme.key),
            Span::raw(format!("  {text}")),
        ]);
        buf.set_line(line.x, y, &spans, line.width);
    }
}
