//! Drawing a whole screen into a fixed-size TestBackend, as the runtime would: the layout
//! first (its row count handed to the app), then one frame. Shared by the screen tests.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unconnect::app::{App, Event};
use unconnect::ui::layout::layout;
use unconnect::ui::{Screen, Theme};

pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let l = layout(ratatui::layout::Rect::new(0, 0, width, height), app);
    app.handle(Event::Layout {
        rows: l.rows[0].height as usize,
        help_max_scroll: u16::MAX,
    });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| f.render_widget(Screen::new(app, &Theme::default()), f.area()))
        .unwrap();
    terminal
}
