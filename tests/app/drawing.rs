//! Drawing a whole screen into a fixed-size TestBackend, as the runtime would: the layout
//! first (its row count handed to the app), then one frame. Shared by the screen tests.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unconnect::app::{App, Event};
use unconnect::ui::layout::{ScreenLayout, layout};
use unconnect::ui::{Screen, Theme};

pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    draw_in(app, width, height, &Theme::default()).0
}

/// [`draw`] in `theme`, with the layout the frame was drawn to (where a click lands).
pub fn draw_in(
    app: &mut App,
    width: u16,
    height: u16,
    theme: &Theme,
) -> (Terminal<TestBackend>, ScreenLayout) {
    let l = layout(ratatui::layout::Rect::new(0, 0, width, height), app);
    app.handle(Event::Layout {
        rows: l.rows[0].height as usize,
        help_max_scroll: u16::MAX,
    });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| f.render_widget(Screen::new(app, theme), f.area()))
        .unwrap();
    (terminal, l)
}

/// The cells of a [`draw`]n screen.
pub fn drawn_cells(app: &mut App, width: u16, height: u16) -> Buffer {
    draw(app, width, height).backend().buffer().clone()
}

/// The footer: the last line of the screen drawn at `width` × `height`.
pub fn footer_line(app: &mut App, width: u16, height: u16) -> String {
    let buf = drawn_cells(app, width, height);
    (0..buf.area.width)
        .map(|x| buf[(x, buf.area.height - 1)].symbol())
        .collect()
}
