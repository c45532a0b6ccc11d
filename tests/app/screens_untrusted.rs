//! Every field drawn from an export is untrusted: each one, wherever it is drawn, shows
//! control characters as visible symbols and sends none to the terminal. And what the
//! text snapshots cannot see, the styles: the cursor row, the focused column, marks and
//! filter highlights, checked cell by cell.

use crate::drawing::drawn_cells;
use crate::fixtures::{app_of, with_pending};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unconnect::app::{Action, App};
use unconnect::model::triage::Side;
use unconnect::model::{Direction, Invitation, Person};
use unconnect::ui::Theme;

/// Short enough that every field is drawn in a 120-column screen.
const CSI_CLEAR: &str = "\u{1b}[2J";
const OSC_52: &str = "\u{1b}]52;c;eA==\u{7}";
const BIDI: &str = "\u{202e}";

fn person(first: &str, last: &str, position: &str, company: &str, email: &str) -> Person {
    Person {
        first_name: first.into(),
        last_name: last.into(),
        url: format!("https://www.linkedin.com/in/{}", last.len()),
        email: email.into(),
        company: company.into(),
        position: position.into(),
        connected_on: NaiveDate::from_ymd_opt(2024, 3, 12),
        ..Default::default()
    }
}

fn hostile_people() -> Vec<Person> {
    vec![
        person(
            &format!("Eve{OSC_52}"),
            "X",
            &format!("Dev{CSI_CLEAR}"),
            &format!("A{BIDI}B"),
            "",
        ),
        person("Plain", "Person", "Baker", "Crumbs", ""),
    ]
}

fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

/// Nothing a terminal would obey is in any cell.
fn assert_inert(screen: &str) {
    for c in screen.chars() {
        assert!(
            !(('\u{202a}'..='\u{202e}').contains(&c) || c.is_control() && c != '\n'),
            "{c:?} reached the screen:\n{screen}"
        );
    }
}

#[test]
fn names_positions_and_companies_show_their_escapes() {
    let mut app = app_of(hostile_people());
    let screen = text(&drawn_cells(&mut app, 120, 16));
    assert_inert(&screen);
    assert!(screen.contains("Eve␛]52;c;eA==␇ X"), "the name: {screen}");
    assert!(screen.contains("Dev␛[2J"), "the position: {screen}");
    assert!(screen.contains("A�B"), "the company: {screen}");
}

#[test]
fn the_dialog_the_filter_text_and_the_status_line_show_their_escapes() {
    let mut app = app_of(hostile_people());
    app.update(Action::Move);
    app.update(Action::Remove);
    let dialog = text(&drawn_cells(&mut app, 120, 24));
    assert_inert(&dialog);
    assert!(dialog.contains("• Eve␛]52;c;eA==␇ X"), "{dialog}");
    app.update(Action::No);

    // Typed or pasted into the filter: the controls never get in.
    app.update(Action::Filter);
    for c in format!("x{CSI_CLEAR}").chars() {
        app.update(Action::Input(c));
    }
    app.handle(unconnect::app::Event::Paste(format!("{OSC_52}\n")));
    let filtered = text(&drawn_cells(&mut app, 120, 16));
    assert_inert(&filtered);
    assert!(filtered.contains("/ x[2J]52;c;eA== ▏"), "{filtered}");
    assert!(
        filtered.contains("No match for \"x[2J]52;c;eA== \""),
        "{filtered}"
    );

    // A status line that quotes untrusted text.
    app.handle(unconnect::app::Event::Copied {
        text: String::new(),
        message: format!("Could not open {OSC_52}"),
        error: None,
    });
    let status = text(&drawn_cells(&mut app, 120, 16));
    assert_inert(&status);
    assert!(status.contains("Could not open ␛]52;c;eA==␇"), "{status}");
}

#[test]
fn invitation_names_and_messages_show_their_escapes() {
    let app = app_of(hostile_people());
    let invitation = Invitation {
        from: "Me".into(),
        to: format!("Ivan{CSI_CLEAR}"),
        sent_at: NaiveDate::from_ymd_opt(2026, 11, 20).and_then(|d| d.and_hms_opt(9, 0, 0)),
        message: format!("Hi{OSC_52}{BIDI}"),
        direction: Direction::Outgoing,
        inviter_url: String::new(),
        invitee_url: "https://www.linkedin.com/in/ivan".into(),
    };
    let pending = unconnect::model::pending::Pending {
        items: vec![invitation],
        ..Default::default()
    };
    let mut app = with_pending(app, pending);
    app.update(Action::InvitationsTab);
    let screen = text(&drawn_cells(&mut app, 120, 16));
    assert_inert(&screen);
    assert!(screen.contains("Ivan␛[2J"), "{screen}");
    assert!(screen.contains("Hi␛]52;c;eA==␇�"), "{screen}");
}

#[test]
fn the_loading_preview_shows_its_escapes() {
    use std::sync::atomic::Ordering;
    let progress = unconnect::import::Progress::default();
    progress.total.store(10, Ordering::Relaxed);
    *progress.preview.lock().unwrap() = hostile_people().into_iter().collect();
    let mut terminal = Terminal::new(TestBackend::new(120, 12)).unwrap();
    terminal
        .draw(|f| {
            f.render_widget(
                unconnect::ui::loading::LoadingScreen {
                    path: std::path::Path::new("odd\u{1b}[2Jname/Connections.csv"),
                    progress: &progress,
                    theme: &Theme::default(),
                    quit_key: "q".into(),
                },
                f.area(),
            );
        })
        .unwrap();
    let screen = text(terminal.backend().buffer());
    assert_inert(&screen);
    assert!(screen.contains("Eve␛]52;c;eA==␇ X"), "{screen}");
    assert!(screen.contains("odd␛[2Jname"), "the path too: {screen}");
}

fn many(n: usize) -> App {
    app_of((0..n).map(|i| {
        person(
            &format!("First{i}"),
            &format!("Last{i}"),
            "Engineer",
            "Acme",
            "",
        )
    }))
}

#[test]
fn the_cursor_row_and_the_focused_column_are_styled() {
    let theme = Theme::default();
    let mut app = many(10);
    app.update(Action::Down);
    let buf = drawn_cells(&mut app, 100, 16);
    // Left column rows start at y 3, under the headings; the cursor is on the second row, focused: blue.
    for x in 1..49 {
        assert_eq!(buf[(x, 4)].bg, theme.cursor.bg.unwrap(), "x {x}");
    }
    assert_ne!(buf[(5, 3)].bg, theme.cursor.bg.unwrap());
    assert_eq!(buf[(0, 1)].fg, Color::Cyan, "focused border");
    assert_eq!(buf[(50, 1)].fg, Color::DarkGray, "unfocused border");

    // Move one across, focus the right column: its cursor is blue, the left one grey.
    app.update(Action::Move);
    app.update(Action::SwitchColumn);
    let buf = drawn_cells(&mut app, 100, 16);
    assert_eq!(buf[(55, 3)].bg, theme.cursor.bg.unwrap());
    assert_eq!(buf[(5, 4)].bg, theme.cursor_unfocused.bg.unwrap());
    assert_eq!(buf[(50, 1)].fg, Color::Cyan);
    assert_eq!(buf[(0, 1)].fg, Color::DarkGray);
}

#[test]
fn marked_rows_carry_a_styled_tick() {
    let theme = Theme::default();
    let mut app = many(6);
    app.update(Action::Mark);
    app.update(Action::Down);
    app.update(Action::Mark);
    let buf = drawn_cells(&mut app, 100, 16);
    for y in [3, 5] {
        assert_eq!(buf[(1, y)].symbol(), "✔", "row {y}");
        assert_eq!(buf[(1, y)].fg, theme.mark.fg.unwrap());
        assert!(buf[(1, y)].modifier.contains(Modifier::BOLD));
    }
    assert_eq!(buf[(1, 4)].symbol(), " ", "the row between is not marked");
    // The column's bottom border: the status line and footer are the last two rows.
    let bottom = (0..50)
        .map(|x| buf[(x, 16 - 3)].symbol())
        .collect::<String>();
    assert!(bottom.contains("2 marked"), "{bottom}");
}

#[test]
fn filter_matches_are_highlighted_and_nothing_else_is() {
    let theme = Theme::default();
    let mut app = app_of(vec![
        person("José", "García", "Dentist", "Clínica", ""),
        person("Ana", "Smith", "Baker", "Crumbs", ""),
    ]);
    app.update(Action::Filter);
    for c in "jose".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.triage().column(Side::Left).shown().len(), 1);
    let buf = drawn_cells(&mut app, 100, 16);
    let row: Vec<_> = (3..20).map(|x| &buf[(x, 3)]).collect();
    let lit: String = row
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(lit, "José", "accent-blind match, highlighted as written");
    let first = row.iter().find(|c| c.symbol() == "J").unwrap();
    assert_eq!(first.fg, theme.highlight.fg.unwrap());
}
