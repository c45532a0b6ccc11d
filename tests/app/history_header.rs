//! The History header with the pace shown: at 80 to 100 columns each part shows whole or
//! is left out whole, the least needed first, never cut mid-word.

use crate::drawing::draw;
use crate::history_fixtures::{december, history_app, removal, removals};
use chrono::DateTime;
use insta::assert_snapshot;
use unconnect::app::App;
use unconnect::model::Person;
use unconnect::model::history::Status;

/// `n` people removed on 7 December 2026; the first `done` ticked done that day, the
/// next `verified` gone from a newer export.
fn removed(n: usize, done: usize, verified: usize) -> App {
    let people: Vec<Person> = (0..n)
        .map(|i| Person {
            first_name: format!("Person{i}"),
            last_name: "Test".into(),
            url: format!("https://www.linkedin.com/in/person-{i}"),
            ..Default::default()
        })
        .collect();
    let at = DateTime::parse_from_rfc3339("2026-12-07T10:00:00.000+01:00").unwrap();
    let list = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let status = match i {
                i if i < done => Status::Done,
                i if i < done + verified => Status::Verified,
                _ => Status::ToDo,
            };
            let mut r = removal(p, at, "b1", status);
            // Ticked, or verified, without having been opened from here.
            r.state.opened = false;
            r.state.done_at = (i < done).then_some(at);
            r
        })
        .collect();
    history_app(people, [], removals(list), december(7))
}

/// Ten removed.
fn app(done: usize, verified: usize) -> App {
    removed(10, done, verified)
}

/// The header line (below the tabs), without the padding after it.
fn header(app: &mut App, width: u16) -> String {
    let terminal = draw(app, width, 24);
    let buf = terminal.backend().buffer();
    (0..width)
        .map(|x| buf[(x, 1)].symbol())
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// The header's parts, each in its forms from the longest: in full, as the status line
/// says them after a tick.
const PARTS: [&[&str]; 4] = [
    &["1 of 10 done on LinkedIn"],
    &[" (0 verified, 0 still connected)"],
    &[
        " · 1 today, ~9 days left at today's pace",
        " · 1 today, ~9 days left",
    ],
    &[" · Tab shows Withdrawn (0)", " · Tab: Withdrawn (0)"],
];

#[test]
fn with_the_pace_every_part_of_the_header_shows_whole_or_not_at_all() {
    let mut app = app(1, 0);
    let full: String = PARTS.iter().map(|forms| forms[0]).collect();
    assert_eq!(
        app.progress_line(unconnect::app::ListKind::Removed),
        PARTS[..3].iter().map(|forms| forms[0]).collect::<String>()
    );
    for width in 80..=100 {
        let line = header(&mut app, width);
        assert!(!line.contains('…'), "cut at {width}: {line}");
        assert!(
            line.contains("· 1 today, ~9 days left"),
            "at {width}: {line}"
        );
        // Each part taken off in order, whole in one of its forms or not there: nothing left.
        let mut rest = line.as_str();
        for forms in PARTS {
            if let Some(r) = forms.iter().find_map(|f| rest.strip_prefix(f)) {
                rest = r;
            }
        }
        assert_eq!(rest, "", "at {width}: {line}");
    }
    assert_eq!(header(&mut app, 130), full);
}

#[test]
fn the_history_header_with_the_pace_at_80_by_24() {
    let mut app = app(1, 0);
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn the_history_header_with_the_pace_at_100_by_24() {
    let mut app = app(1, 0);
    assert_snapshot!(draw(&mut app, 100, 24).backend());
}

#[test]
fn without_the_pace_the_key_to_the_other_list_fits_80_columns_in_short() {
    let mut app = app(0, 0);
    assert_eq!(
        header(&mut app, 80),
        "0 of 10 done on LinkedIn (0 verified, 0 still connected) · Tab: Withdrawn (0)"
    );
    assert_eq!(
        header(&mut app, 90),
        "0 of 10 done on LinkedIn (0 verified, 0 still connected) · Tab shows Withdrawn (0)"
    );
}

#[test]
fn once_an_export_verified_some_its_counts_outrank_the_pace() {
    let mut app = app(1, 1);
    assert_eq!(
        header(&mut app, 80),
        "2 of 10 done on LinkedIn (1 verified, 0 still connected) · 1 today, ~8 days left"
    );
}

#[test]
fn the_readme_walkthrough_header_at_80_columns_reads_as_quoted() {
    // 61 removed, the first batch of ten ticked today.
    let mut app = removed(61, 10, 0);
    assert_eq!(
        header(&mut app, 80),
        "10 of 61 done on LinkedIn · 10 today, ~6 days left · Tab shows Withdrawn (0)"
    );
}
