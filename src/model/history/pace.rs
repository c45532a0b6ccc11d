//! How fast the work-through goes: how many were ticked done today and, at the recent
//! pace, in how many days the rest will be done. Pure: the day is passed in, never read
//! from the clock.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Record;

/// How many of the most recent days with a tick make the pace: a week of work, so a
/// day off does not drag the estimate down and one busy hour does not make it.
pub const RECENT_ACTIVE_DAYS: usize = 7;

/// The pace of one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pace {
    /// Ticked done today.
    pub today: usize,
    /// Not done yet.
    pub left: usize,
    /// Days of work the rest takes at the recent pace; `None` with nothing left or no
    /// tick yet to measure a pace by.
    pub days_left: Option<usize>,
    /// The pace is today's alone (the only day with a tick).
    pub only_today: bool,
}

impl Pace {
    /// The pace of `records` on `today`.
    pub fn of(records: &[Record], today: NaiveDate) -> Pace {
        Pace::from_ticks(
            records.iter().map(|r| {
                (
                    r.status().is_done(),
                    r.state.done_at.map(|at| at.date_naive()),
                )
            }),
            today,
        )
    }

    /// From each record's (done on LinkedIn, day it was ticked done): a record verified
    /// by an export without a tick is done but has no day.
    pub fn from_ticks(
        records: impl IntoIterator<Item = (bool, Option<NaiveDate>)>,
        today: NaiveDate,
    ) -> Pace {
        let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        let mut left = 0;
        for (done, ticked) in records {
            if !done {
                left += 1;
            }
            if let Some(day) = ticked {
                *per_day.entry(day).or_default() += 1;
            }
        }
        // A tick after `today` is a session gone past midnight (or a pinned day): the
        // latest day worked is today then.
        let today = per_day.keys().next_back().map_or(today, |&d| d.max(today));
        let today_count = per_day.get(&today).copied().unwrap_or(0);
        let recent: Vec<(&NaiveDate, &usize)> =
            per_day.iter().rev().take(RECENT_ACTIVE_DAYS).collect();
        let ticks: usize = recent.iter().map(|(_, n)| **n).sum();
        let days = recent.len();
        let days_left = (left > 0 && ticks > 0).then(|| (left * days).div_ceil(ticks));
        Pace {
            today: today_count,
            left,
            days_left,
            only_today: days == 1 && today_count > 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or_default()
    }

    /// `done` records ticked on each of `days`, and `left` not done.
    fn pace(ticks: &[(u32, usize)], left: usize, today: u32) -> Pace {
        let done = ticks
            .iter()
            .flat_map(|&(d, n)| std::iter::repeat_n((true, Some(day(d))), n));
        let to_do = std::iter::repeat_n((false, None), left);
        Pace::from_ticks(done.chain(to_do), day(today))
    }

    #[test]
    fn no_tick_yet_gives_no_estimate() {
        assert_eq!(
            pace(&[], 40, 10),
            Pace {
                today: 0,
                left: 40,
                days_left: None,
                only_today: false
            }
        );
    }

    #[test]
    fn today_alone_sets_the_pace() {
        let p = pace(&[(10, 10)], 25, 10);
        assert_eq!(p.today, 10);
        assert_eq!(p.days_left, Some(3), "25 at 10 a day is 3 days");
        assert!(p.only_today);
    }

    #[test]
    fn the_pace_is_per_active_day_of_the_last_seven_so_days_off_do_not_count() {
        // 30 on day 1, 10 on day 5, 20 today (day 20): 60 in 3 active days is 20 a day.
        let p = pace(&[(1, 30), (5, 10), (20, 20)], 50, 20);
        assert_eq!(p.today, 20);
        assert_eq!(p.days_left, Some(3));
        assert!(!p.only_today);
    }

    #[test]
    fn only_the_seven_most_recent_active_days_count() {
        // A busy first day long ago, then seven days of 2: the pace is 2 a day.
        let mut ticks = vec![(1, 500)];
        ticks.extend((10..17).map(|d| (d, 2)));
        let p = pace(&ticks, 10, 17);
        assert_eq!(p.days_left, Some(5));
        assert_eq!(p.today, 0, "nothing ticked on day 17");
    }

    #[test]
    fn nothing_left_needs_no_estimate_and_verified_without_a_tick_is_done() {
        let mut records = vec![(true, None); 3];
        records.push((true, Some(day(4))));
        let p = Pace::from_ticks(records, day(4));
        assert_eq!(p.left, 0);
        assert_eq!(p.days_left, None);
        assert_eq!(p.today, 1);
    }

    #[test]
    fn ticks_after_the_day_the_app_started_count_as_today() {
        // Started on day 10, ticked after midnight: that is today's work.
        let p = pace(&[(9, 5), (11, 5)], 10, 10);
        assert_eq!((p.today, p.days_left), (5, Some(2)));
    }
}
