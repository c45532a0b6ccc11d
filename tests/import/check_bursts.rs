//! `check` on the connection dates of real accounts' shapes: an accident on a quiet
//! account, a heavy networker's busy seasons, busy days weeks apart.

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};
use unconnect::commands::check::Summary;
use unconnect::import;
use unconnect::synthetic::{connections_csv_on, heavy_networker_dates};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An export of one connection per date, newest first.
fn export_of(mut dates: Vec<NaiveDate>) -> (tempfile::TempDir, import::Export) {
    dates.sort_unstable_by(|a, b| b.cmp(a));
    let dir = tempfile::tempdir().unwrap();
    let n = dates.len();
    // Hidden profiles (one in a hundred) are not people: counts are taken from people.
    std::fs::write(
        dir.path().join("Connections.csv"),
        connections_csv_on(dates, n, 5),
    )
    .unwrap();
    let export = import::load(dir.path()).expect("loads");
    assert_eq!(export.report.hidden + export.people.len(), n);
    (dir, export)
}

fn check(export: &import::Export) -> (String, Value) {
    let summary = Summary::of(export);
    let json = serde_json::from_str(&summary.to_json()).unwrap();
    (summary.to_text(), json)
}

/// `n` on each day from `from` for `len` days.
fn daily(from: NaiveDate, len: u64, n: impl Fn(u64) -> usize) -> Vec<NaiveDate> {
    (0..len)
        .flat_map(|i| std::iter::repeat_n(from + Days::new(i), n(i)))
        .collect()
}

fn spans(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["from"].as_str().unwrap().into(),
                b["to"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn an_active_account_with_a_two_day_accident_and_a_busy_season_shows_one_of_each() {
    // Five years of one or two a day (none on some days), four months at 30 to 90 a day
    // in 2019, and an accident on two days of 2021.
    let mut dates = daily(day(2017, 1, 1), 5 * 365, |i| {
        [1, 0, 2, 1, 0, 1, 3][i as usize % 7]
    });
    dates.extend(daily(day(2019, 3, 1), 122, |i| 30 + (i as usize * 17) % 61));
    dates.extend(daily(day(2021, 6, 7), 2, |i| [180, 95][i as usize]));
    let (_dir, export) = export_of(dates);
    let (text, json) = check(&export);
    let accident = export
        .people
        .ids()
        .filter(|&id| {
            export
                .people
                .connected_on(id)
                .is_some_and(|d| d == day(2021, 6, 7) || d == day(2021, 6, 8))
        })
        .count();
    assert_eq!(
        json["bursts"],
        json!([{"from": "2021-06-07", "to": "2021-06-08", "count": accident}])
    );
    assert_eq!(
        spans(&json["busy_periods"]),
        [("2019-03-01".into(), "2019-06-30".into())]
    );
    // A burst is asked about; a busy period is not.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.starts_with("bursts:")).unwrap();
    assert_eq!(
        lines[at],
        "bursts:      1 (at most a week far busier than your usual rate around it: an address book invited at once?)"
    );
    assert_eq!(
        lines[at + 1],
        format!("  2021-06-07 to 2021-06-08: {accident} connections")
    );
    assert_eq!(
        lines[at + 2],
        "busy periods: 1 (longer stretches of growth, such as a conference season)"
    );
    assert!(lines[at + 3].starts_with("  2019-03-01 to 2019-06-30: "));
    assert!(!lines[at + 2].contains('?'));
}

#[test]
fn two_busy_days_a_month_apart_are_two_bursts() {
    // One every third day, but none for weeks around the two busy days.
    let mut dates: Vec<NaiveDate> = daily(day(2020, 1, 1), 700, |i| usize::from(i % 3 == 0))
        .into_iter()
        .filter(|d| !(day(2020, 8, 10)..=day(2020, 10, 30)).contains(d))
        .collect();
    dates.extend(std::iter::repeat_n(day(2020, 9, 2), 45));
    dates.extend(std::iter::repeat_n(day(2020, 10, 5), 30));
    let (_dir, export) = export_of(dates);
    let (_, json) = check(&export);
    assert_eq!(
        spans(&json["bursts"]),
        [
            ("2020-09-02".into(), "2020-09-02".into()),
            ("2020-10-05".into(), "2020-10-05".into())
        ]
    );
    assert_eq!(json["busy_periods"], json!([]));
}

#[test]
fn a_heavy_networkers_seasons_are_busy_periods_and_only_the_accident_a_burst() {
    let (_dir, export) = export_of(heavy_networker_dates(2013));
    let (text, json) = check(&export);
    assert_eq!(
        spans(&json["bursts"]),
        [("2021-09-14".into(), "2021-09-15".into())],
        "{text}"
    );
    assert_eq!(
        spans(&json["busy_periods"]),
        [
            ("2016-03-01".into(), "2016-06-30".into()),
            ("2018-06-24".into(), "2018-08-04".into())
        ],
        "{text}"
    );
}
