//! The Timeline read at a glance: one scale for the whole history, said in the title;
//! arrows where more history is off-screen; years on the week axis; the footer's zoom
//! key the one that changes the view.

use crate::drawing::draw;
use unconnect::app::{Action, App};
use unconnect::model::roster::people_triage;

fn demo_app() -> App {
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo");
    let export = unconnect::import::load(std::path::Path::new(demo)).unwrap();
    let triage = people_triage(&export.people);
    let mut app = App::new(
        export.people,
        triage,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    );
    app.update(Action::TimelineTab);
    app
}

fn lines(app: &mut App, width: u16, height: u16) -> Vec<String> {
    let terminal = draw(app, width, height);
    let buf = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The chart's axis: the line above its bottom border.
fn axis(lines: &[String]) -> &str {
    let bottom = lines.iter().position(|l| l.starts_with('└')).unwrap();
    &lines[bottom - 1]
}

#[test]
fn the_scale_is_the_whole_history_s_and_the_title_says_it() {
    let mut app = demo_app();
    app.update(Action::Top);
    let screen = lines(&mut app, 100, 24);
    assert!(screen[1].contains("█ = 62"), "{}", screen[1]);
    // Far left of the burst, no bar reaches the top: the burst's 62 is the scale.
    assert!(!screen[2].contains('█'), "{}", screen.join("\n"));
}

#[test]
fn arrows_say_there_is_more_history_off_screen() {
    let mut app = demo_app();
    app.update(Action::Top);
    let screen = lines(&mut app, 80, 24);
    let line = axis(&screen);
    assert!(!line.contains('◀') && line.contains('▶'), "{line}");
    app.update(Action::Bottom);
    let screen = lines(&mut app, 80, 24);
    let line = axis(&screen);
    assert!(line.contains('◀') && !line.contains('▶'), "{line}");
}

#[test]
fn week_labels_carry_their_year() {
    let mut app = demo_app();
    app.update(Action::ZoomIn);
    for width in [80, 100] {
        let screen = lines(&mut app, width, 24);
        let line = axis(&screen);
        // The first label has its year, and every January is its year.
        let words: Vec<&str> = line
            .split_whitespace()
            .filter(|w| w.chars().all(char::is_alphanumeric))
            .collect();
        let is_year = |w: &str| w.len() == 4 && w.starts_with("20");
        assert!(is_year(words[0]) || is_year(words[1]), "at {width}: {line}");
        assert!(line.contains("2024"), "at {width}: {line}");
        assert!(!line.contains("Jan"), "at {width}: {line}");
    }
}

#[test]
fn the_footer_shows_the_zoom_key_to_the_other_view() {
    let mut app = demo_app();
    for width in [80, 100] {
        let screen = lines(&mut app, width, 24);
        let footer = screen.last().unwrap();
        assert!(
            footer.contains("+ weeks") && !footer.contains("- months"),
            "{footer}"
        );
    }
    app.update(Action::ZoomIn);
    for width in [80, 100] {
        let screen = lines(&mut app, width, 24);
        let footer = screen.last().unwrap();
        assert!(
            footer.contains("- months") && !footer.contains("+ weeks"),
            "{footer}"
        );
    }
}

#[test]
fn a_filter_set_from_the_timeline_is_an_earlier_filter_for_up() {
    let mut app = demo_app();
    app.update(Action::ToggleBursts);
    app.update(Action::ShowConnections);
    let left = |app: &App| {
        app.triage()
            .column(unconnect::model::triage::Side::Left)
            .filter
            .clone()
    };
    assert_eq!(left(&app), "connected:2024-03-12..2024-03-14");
    // Another filter typed over it, then ↑ brings the burst's back.
    app.update(Action::Filter);
    app.update(Action::Edit(unconnect::app::Edit::DeleteLine));
    for c in "acme".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Edit(unconnect::app::Edit::Earlier));
    assert_eq!(left(&app), "connected:2024-03-12..2024-03-14");
}
