//! The newest evidence wins: a tick against an export taken the same day.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use super::steps::{Step, ev};
use super::{Kind, State, Status};

fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 3, day, hour, 0, 0)
        .unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// Removed on the 10th at 09:00, ticked done at 13:00, then checked against `export`.
fn ticked_then(export: NaiveDate, taken: Option<DateTime<FixedOffset>>) -> Status {
    let state = State::new().after(&ev(at(10, 13), "", "", Step::Done), day(10));
    assert_eq!(state.status, Status::Done);
    let step = Step::StillThere {
        kind: Kind::Removal,
        export,
        taken,
    };
    state.after(&ev(at(20, 9), "", "", step), day(10)).status
}

#[test]
fn an_export_taken_after_the_tick_that_still_lists_them_says_still_connected() {
    assert_eq!(ticked_then(day(10), Some(at(10, 15))), Status::StillThere);
    assert_eq!(ticked_then(day(11), None), Status::StillThere);
}

#[test]
fn an_export_taken_before_the_tick_leaves_it_done() {
    assert_eq!(ticked_then(day(10), Some(at(10, 11))), Status::Done);
}

#[test]
fn on_the_ticks_own_day_with_no_time_known_the_tick_stands() {
    assert_eq!(ticked_then(day(10), None), Status::Done);
}
