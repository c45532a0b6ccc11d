//! The line under the Connections columns when the export has signals: what the
//! signals amount to until the user first moves, then the cursor row's, e.g.
//! "Ada Example: 3 messages, the last on 2025-03-01, they wrote first · endorsed you 2×".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{fit, fit_spans, safe, shown, width};
use super::theme::Theme;
use crate::app::{App, ListKind};

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    let room = area.width as usize;
    if let Some(note) = &app.signals_note() {
        buf.set_string(area.x, area.y, fit(&safe(note), room), theme.hint);
        return;
    }
    let Some(id) = app.connection_at_cursor() else {
        return;
    };
    let Some(signal) = app.signal(id) else {
        return;
    };
    let name = format!(
        "{}: ",
        shown(&app.item_name(ListKind::Connections, id), room)
    );
    let mut spans: Vec<Span> = Vec::with_capacity(3);
    let used = fit_spans(&name, room, theme.name, &[], theme.name, &mut spans);
    if used == width(&name) {
        // The detail is built from numbers and dates: nothing in it needs `safe`.
        spans.push(Span::styled(fit(&signal.detail(), room - used), theme.hint));
    }
    Line::from(spans).render(area, buf);
}
