//! The confirm dialog lists as many names as the terminal has room for, and scrolls.

use chrono::NaiveDate;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyModifiers, MouseEvent, MouseEventKind};
use unconnect::app::{Action, App, Mode};
use unconnect::model::roster::people_triage;
use unconnect::model::{People, Person};
use unconnect::ui::layout::{hit, layout};
use unconnect::ui::{Screen, Theme};

fn app(n: usize) -> App {
    let people: People = (0..n)
        .map(|i| Person {
            first_name: format!("First{i:02}"),
            last_name: format!("Last{i:02}"),
            url: format!("https://www.linkedin.com/in/p{i}"),
            connected_on: NaiveDate::from_ymd_opt(2020, 1, 1),
            ..Default::default()
        })
        .collect();
    let triage = people_triage(&people);
    let mut app = App::new(
        people,
        triage,
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    );
    app.update(Action::MoveAll);
    app.update(Action::Remove);
    assert!(matches!(app.mode(), Mode::Confirm(_)));
    app
}

fn screen(app: &mut App, width: u16, height: u16) -> (String, Terminal<TestBackend>) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let l = layout(ratatui::layout::Rect::new(0, 0, width, height), app);
    app.handle(unconnect::app::Event::Layout {
        rows: l.rows[0].height as usize,
        help_max_scroll: u16::MAX,
    });
    terminal
        .draw(|f| f.render_widget(Screen::new(app, &Theme::default()), f.area()))
        .unwrap();
    let buf = terminal.backend().buffer().clone();
    let text = buf
        .content()
        .chunks(width as usize)
        .map(|r| {
            r.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
                + "\n"
        })
        .collect();
    (text, terminal)
}

fn names(screen: &str) -> usize {
    screen.matches("• First").count()
}

#[test]
fn a_tall_terminal_lists_more_names() {
    let mut app = app(60);
    let (small, _) = screen(&mut app, 80, 24);
    let (tall, _) = screen(&mut app, 160, 50);
    assert!(names(&small) >= 5, "{small}");
    assert!(names(&tall) >= 30, "{tall}");
    assert!(
        tall.contains(&format!("and {} more", 60 - names(&tall))),
        "{tall}"
    );
}

#[test]
fn j_page_down_and_the_wheel_scroll_the_names() {
    let mut app = app(60);
    for _ in 0..3 {
        app.update(Action::Down);
    }
    let (text, terminal) = screen(&mut app, 100, 30);
    assert!(text.contains("3 more above"), "{text}");
    assert!(!text.contains("• First00 Last00"), "{text}");
    assert!(text.contains("• First03 Last03"), "{text}");
    assert_snapshot!(terminal.backend());
    app.update(Action::PageDown);
    let (text, _) = screen(&mut app, 100, 30);
    assert!(text.contains("• First13 Last13"), "{text}");
    // The wheel, hit-tested on the dialog, scrolls back up.
    let l = layout(ratatui::layout::Rect::new(0, 0, 100, 30), &app);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollUp,
        column: l.dialog.x + 2,
        row: l.dialog.y + 2,
        modifiers: KeyModifiers::NONE,
    };
    let action = hit(&l, &app, wheel).unwrap();
    for _ in 0..10 {
        app.update(action);
    }
    let (text, _) = screen(&mut app, 100, 30);
    assert!(text.contains("• First00 Last00"), "{text}");
    // Closing forgets the scroll: the next dialog starts at the top.
    app.update(Action::Down);
    app.update(Action::No);
    app.update(Action::Remove);
    let (text, _) = screen(&mut app, 100, 30);
    assert!(text.contains("• First00 Last00"), "{text}");
}
