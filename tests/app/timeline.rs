//! The Timeline tab on the demo export: the March 2024 accident found and drawn, zoom,
//! and Enter taking the user to those people in the Connections tab.

use crate::drawing::draw;
use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use unconnect::app::timeline::Focus;
use unconnect::app::{Action, App, Tab};
use unconnect::model::roster::people_triage;
use unconnect::model::timeline::Granularity;
use unconnect::model::triage::Side;
use unconnect::ui::layout::{hit, layout};

fn demo_app() -> App {
    crate::fixtures::demo_app(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
}

#[test]
fn the_demo_accident_is_the_one_burst_and_the_tab_opens_on_it() {
    let mut app = demo_app();
    app.update(Action::TimelineTab);
    assert_eq!(app.tab(), Tab::Timeline);
    let t = app.timeline().unwrap();
    assert_eq!(t.bursts.len(), 1);
    let b = t.bursts[0];
    assert_eq!(
        (b.from.to_string(), b.to.to_string()),
        ("2024-03-12".into(), "2024-03-14".into())
    );
    let (start, n) = t.periods()[t.bar];
    assert_eq!(
        (start.to_string(), n),
        ("2024-03-01".into(), 62),
        "the cursor starts on it"
    );
    assert_snapshot!(draw(&mut app, 100, 24).backend());
}

#[test]
fn enter_on_the_burst_shows_its_people_in_the_connections_tab() {
    let mut app = demo_app();
    app.update(Action::TimelineTab);
    app.update(Action::ToggleBursts);
    assert_eq!(app.timeline().unwrap().focus, Focus::Bursts);
    app.update(Action::ShowConnections);
    assert_eq!(app.tab(), Tab::Connections);
    let left = app.triage().column(Side::Left);
    assert_eq!(left.filter, "connected:2024-03-12..2024-03-14");
    assert_eq!(left.shown().len(), 62);
    // And they are one key from the right column.
    app.update(Action::MoveAll);
    assert_eq!(app.staged_count(), 62);
}

#[test]
fn zooming_in_keeps_the_selected_period_and_enter_filters_that_week() {
    let mut app = demo_app();
    app.update(Action::TimelineTab);
    app.update(Action::ZoomIn);
    let t = app.timeline().unwrap();
    assert_eq!(t.granularity, Granularity::Week);
    let (start, _) = t.periods()[t.bar];
    // The burst stays under the cursor: the week of March's busiest day, not the week
    // holding 1 March (26 Feb, with no one in it).
    assert_eq!(
        start.to_string(),
        "2024-03-11",
        "the week holding March 2024's busiest day"
    );
    app.update(Action::ShowConnections);
    let left = app.triage().column(Side::Left);
    assert_eq!(left.filter, "connected:2024-03-11..2024-03-17");
    assert!(left.shown().len() >= 60, "{}", left.shown().len());
    app.update(Action::TimelineTab);
    app.update(Action::ZoomOut);
    assert_eq!(app.timeline().unwrap().granularity, Granularity::Month);
}

#[test]
fn a_click_selects_a_bar_or_a_burst() {
    let mut app = demo_app();
    app.update(Action::TimelineTab);
    let area = ratatui::layout::Rect::new(0, 0, 100, 24);
    let l = layout(area, &app);
    let tl = l.timeline.unwrap();
    let click = |x, y| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    let action = hit(&l, &app, click(tl.chart.x, tl.chart.y + 2)).unwrap();
    assert_eq!(action, Action::ClickBar(tl.first_bar));
    app.update(action);
    assert_eq!(app.timeline().unwrap().bar, tl.first_bar);
    let action = hit(&l, &app, click(tl.bursts.x + 3, tl.bursts.y)).unwrap();
    assert_eq!(action, Action::ClickBurst(0));
    app.update(action);
    let t = app.timeline().unwrap();
    assert_eq!(t.focus, Focus::Bursts);
    assert_eq!(t.periods()[t.bar].0.to_string(), "2024-03-01");
}

#[test]
fn a_burst_filter_resumed_with_a_word_moves_only_the_people_it_describes() {
    let mut app = demo_app();
    app.update(Action::TimelineTab);
    app.update(Action::ToggleBursts);
    app.update(Action::ShowConnections);
    assert_eq!(app.triage().column(Side::Left).shown().len(), 62);
    // `/` then a word: a new term, not glued onto the date.
    app.update(Action::Filter);
    for c in "retired".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    let left = app.triage().column(Side::Left);
    assert_eq!(left.filter, "connected:2024-03-12..2024-03-14 retired");
    assert!(left.filter_error().is_none());
    let retired = left.shown().len();
    assert!((1..62).contains(&retired), "{retired} retired people");
    app.update(Action::MoveAll);
    assert_eq!(app.staged_count(), retired);
}

#[test]
fn an_invalid_date_term_then_a_moves_no_one_and_says_why() {
    let mut app = demo_app();
    app.update(Action::Filter);
    for c in "connected:2024-02-30".chars() {
        app.update(Action::Input(c));
    }
    let status = app.status().unwrap().text.clone();
    assert!(status.starts_with("Filter not valid: "), "{status}");
    app.update(Action::KeepFilter);
    assert!(app.triage().column(Side::Left).shown().is_empty());
    app.update(Action::MoveAll);
    assert_eq!(app.staged_count(), 0);
    let status = app.status().unwrap().text.clone();
    assert!(
        status.starts_with("Not done: the filter as typed is not valid"),
        "{status}"
    );
    // Esc clears it: everyone is back, nothing was staged.
    app.update(Action::ClearFilter);
    assert!(app.triage().column(Side::Left).filter_error().is_none());
    assert!(app.triage().column(Side::Left).shown().len() > 200);
}

#[test]
fn the_cursor_is_kept_on_its_person_through_esc() {
    let mut app = demo_app();
    app.update(Action::Filter);
    for c in "lumen".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    for _ in 0..3 {
        app.update(Action::Down);
    }
    let person = app.triage().column(Side::Left).current();
    assert!(person.is_some());
    app.update(Action::ClearFilter);
    let left = app.triage().column(Side::Left);
    assert!(!left.is_filtered());
    assert_eq!(
        left.current(),
        person,
        "the same person, not row 4 of everyone"
    );
}

#[test]
fn a_heavy_networkers_seasons_are_busy_periods_and_enter_on_the_accident_shows_its_people() {
    use unconnect::synthetic::{connections_csv_on, heavy_networker_dates};
    let dir = tempfile::tempdir().unwrap();
    let dates = heavy_networker_dates(2013);
    let n = dates.len();
    let csv = connections_csv_on(dates, n, 2013);
    std::fs::write(dir.path().join("Connections.csv"), csv).unwrap();
    let export = unconnect::import::load(dir.path()).unwrap();
    let triage = people_triage(&export.people);
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut app = App::new(export.people, triage, day(2026, 12, 1));
    app.update(Action::TimelineTab);
    let t = app.timeline().unwrap();
    assert_eq!(
        t.bursts.iter().map(|b| (b.from, b.to)).collect::<Vec<_>>(),
        [(day(2021, 9, 14), day(2021, 9, 15))]
    );
    let count = t.bursts[0].count;
    assert_eq!(t.busy_periods.len(), 2);
    // The season's months are not drawn as bursts.
    assert!(!t.in_burst(day(2016, 4, 1)) && t.in_busy_period(day(2016, 4, 1)));
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(screen.contains(" Bursts (1) "), "{screen}");
    assert!(
        screen.contains("Busy periods, longer stretches of growth: 1 Mar 2016 – 30 Jun 2016"),
        "{screen}"
    );
    app.update(Action::ToggleBursts);
    app.update(Action::ShowConnections);
    let left = app.triage().column(Side::Left);
    assert_eq!(left.filter, "connected:2021-09-14..2021-09-15");
    assert!(left.filter_error().is_none());
    assert_eq!(left.shown().len(), count);
}

#[test]
fn a_burst_filter_narrowed_by_a_word_no_longer_says_a_moves_all_of_those_days() {
    let mut app = demo_app();
    app.update(Action::TimelineTab);
    app.update(Action::ToggleBursts);
    app.update(Action::ShowConnections);
    let said = app.status().unwrap().text.clone();
    assert!(said.contains("`a` moves them all"), "{said}");
    app.update(Action::Filter);
    for c in " retired".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    let retired = app.triage().column(Side::Left).shown().len();
    assert!(retired < 62, "{retired}");
    // The line spoke of all 62 people of those days; `a` now moves only the retired.
    let now = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(!now.contains("moves them all"), "stale: {now}");
}

/// An export whose connections sit at the calendar's ends.
fn app_of(csv: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Connections.csv"), csv).unwrap();
    let export = unconnect::import::load(dir.path()).unwrap();
    let triage = people_triage(&export.people);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    (dir, App::new(export.people, triage, today))
}

#[test]
fn the_last_week_of_the_calendar_shows_its_connection_on_enter() {
    let (_dir, mut app) = app_of(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Last,Day,https://www.linkedin.com/in/last-day,,A,B,31 Dec 9999\n\
         Mid,Person,https://www.linkedin.com/in/mid,,A,B,15 Jun 2020\n",
    );
    app.update(Action::TimelineTab);
    app.update(Action::ZoomIn);
    app.update(Action::Bottom);
    let t = app.timeline().unwrap();
    assert_eq!(t.periods()[t.bar].1, 1, "the week of 27 Dec 9999 holds her");
    app.update(Action::ShowConnections);
    let left = app.triage().column(Side::Left);
    assert!(left.filter_error().is_none(), "{:?}", left.filter_error());
    assert_eq!(left.shown().len(), 1, "{}", left.filter);
}

#[test]
fn a_year_before_the_common_era_is_no_date_and_every_bar_filters() {
    let (_dir, mut app) = app_of(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Neg,Year,https://www.linkedin.com/in/neg,,A,B,01 Jan -0001\n\
         First,Day,https://www.linkedin.com/in/first-day,,A,B,01 Jan 0000\n",
    );
    app.update(Action::TimelineTab);
    app.update(Action::ZoomIn);
    app.update(Action::Top);
    let t = app.timeline().unwrap();
    assert_eq!(
        t.periods()[t.bar].1,
        1,
        "only the year-0 connection is drawn"
    );
    app.update(Action::ShowConnections);
    let left = app.triage().column(Side::Left);
    assert!(left.filter_error().is_none(), "{:?}", left.filter_error());
    assert_eq!(left.shown().len(), 1, "{}", left.filter);
}

#[test]
fn every_bar_and_burst_of_a_heavy_networker_shows_exactly_the_connections_it_counts() {
    use unconnect::synthetic::{connections_csv_on, heavy_networker_dates};
    let dates = heavy_networker_dates(7);
    let n = dates.len();
    let (_dir, mut app) = app_of(&connections_csv_on(dates, n, 7));
    app.update(Action::TimelineTab);
    let bursts = app.timeline().unwrap().bursts.clone();
    for (i, burst) in bursts.iter().enumerate() {
        app.update(Action::TimelineTab);
        app.update(Action::ClickBurst(i));
        app.update(Action::ShowConnections);
        let left = app.triage().column(Side::Left);
        assert!(left.filter_error().is_none(), "{}", left.filter);
        assert_eq!(left.shown().len(), burst.count, "{}", left.filter);
    }
    for zoom in [Action::ZoomOut, Action::ZoomIn] {
        app.update(Action::TimelineTab);
        app.update(zoom);
        let bars = app.timeline().unwrap().periods().len();
        for bar in 0..bars {
            app.update(Action::TimelineTab);
            app.update(Action::ClickBar(bar));
            let t = app.timeline().unwrap();
            assert_eq!(t.bar, bar);
            let (start, count) = t.periods()[t.bar];
            app.update(Action::ShowConnections);
            let left = app.triage().column(Side::Left);
            assert!(left.filter_error().is_none(), "{start}: {}", left.filter);
            assert_eq!(left.shown().len(), count, "{start}: {}", left.filter);
        }
    }
}
