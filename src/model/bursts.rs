//! Bursts: runs of days on which far more connections arrived than usual, the mark an
//! address book invited at once leaves (those who accepted arrive within days).
//!
//! The rule, on the connections with a known date (unknown dates are ignored):
//! - a *window* is 3 consecutive days;
//! - the export's *typical* 3-day count is the median, over every day that has a
//!   connection, of the connections in the window starting that day. Only days with
//!   connections count: over all days of the span, a sparse export's median is 0 and
//!   "5 times typical" would mean nothing; the median ignores the few burst days;
//! - a window is *hot* when it holds at least [`MIN_BURST`] connections and at least
//!   [`TIMES_TYPICAL`] times the typical count: a single busy day of a handful is not a
//!   burst, and neither is steady growth, however fast, since it raises the typical count;
//! - overlapping or touching hot windows merge into one burst, whose edges are then
//!   trimmed to the first and last day busier than a typical day (the median count of a
//!   day with connections), so a quiet day beside the burst is not swept into it.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

/// Days in a window.
pub const WINDOW_DAYS: u64 = 3;
/// The fewest connections a hot window holds.
pub const MIN_BURST: usize = 20;
/// How many times the typical 3-day count a hot window holds.
pub const TIMES_TYPICAL: usize = 5;

/// One burst: its first and last day (ISO dates in JSON), and the connections in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Burst {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub count: usize,
}

/// The bursts among `dates`, oldest first.
pub fn find(dates: impl IntoIterator<Item = Option<NaiveDate>>) -> Vec<Burst> {
    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    // Exports list connections by date: counted a run of one day at a time, the map is
    // touched once a day rather than once a connection.
    let mut run: Option<(NaiveDate, usize)> = None;
    for date in dates.into_iter().flatten() {
        match &mut run {
            Some((day, n)) if *day == date => *n += 1,
            _ => {
                if let Some((day, n)) = run.replace((date, 1)) {
                    *per_day.entry(day).or_default() += n;
                }
            }
        }
    }
    if let Some((day, n)) = run {
        *per_day.entry(day).or_default() += n;
    }
    let days: Vec<(NaiveDate, usize)> = per_day.into_iter().collect();
    if days.is_empty() {
        return Vec::new();
    }
    // The window starting at each day with connections: days[i..ends[i]].
    let mut windows = Vec::with_capacity(days.len());
    let mut end = 0;
    let mut in_window = 0;
    for (i, &(day, _)) in days.iter().enumerate() {
        let last = day.checked_add_days(Days::new(WINDOW_DAYS - 1));
        while end < days.len() && last.is_none_or(|last| days[end].0 <= last) {
            in_window += days[end].1;
            end += 1;
        }
        windows.push((end, in_window));
        in_window -= days[i].1;
    }
    let typical_window = median(windows.iter().map(|&(_, n)| n).collect());
    let typical_day = median(days.iter().map(|&(_, n)| n).collect());
    let threshold = MIN_BURST.max(TIMES_TYPICAL * typical_window);

    let mut bursts = Vec::new();
    // The days (as indices) of the burst being merged: start..end.
    let mut current: Option<(usize, usize)> = None;
    for (i, &(end, n)) in windows.iter().enumerate() {
        if n < threshold {
            continue;
        }
        current = match current {
            // Overlapping or touching: the same burst.
            Some((start, until)) if i <= until => Some((start, until.max(end))),
            Some(done) => {
                bursts.extend(trimmed(&days, done, typical_day));
                Some((i, end))
            }
            None => Some((i, end)),
        };
    }
    bursts.extend(current.and_then(|c| trimmed(&days, c, typical_day)));
    bursts
}

/// The burst over `days[start..end]`, its quiet edge days left out.
fn trimmed(
    days: &[(NaiveDate, usize)],
    (start, end): (usize, usize),
    typical_day: usize,
) -> Option<Burst> {
    let run = &days[start..end];
    let first = run.iter().position(|&(_, n)| n > typical_day)?;
    let last = run.iter().rposition(|&(_, n)| n > typical_day)?;
    let run = &run[first..=last];
    Some(Burst {
        from: run[0].0,
        to: run[run.len() - 1].0,
        count: run.iter().map(|&(_, n)| n).sum(),
    })
}

/// The lower median; 0 for none.
fn median(mut values: Vec<usize>) -> usize {
    if values.is_empty() {
        return 0;
    }
    let middle = (values.len() - 1) / 2;
    *values.select_nth_unstable(middle).1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// `n` connections on each of the given days.
    fn on(days: &[(NaiveDate, usize)]) -> Vec<Option<NaiveDate>> {
        days.iter()
            .flat_map(|&(d, n)| std::iter::repeat_n(Some(d), n))
            .collect()
    }

    /// One connection every `every` days for `span` days from 2015.
    fn sparse(every: u64, span: u64) -> Vec<Option<NaiveDate>> {
        (0..span)
            .step_by(every as usize)
            .map(|i| Some(day(2015, 1, 1) + Days::new(i)))
            .collect()
    }

    #[test]
    fn the_demo_accident_is_one_burst_over_its_three_days() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/demo/Connections.csv"
        ))
        .unwrap();
        let dates: Vec<Option<NaiveDate>> = text
            .lines()
            .skip(4)
            .map(|l| NaiveDate::parse_from_str(l.rsplit(',').next().unwrap(), "%d %b %Y").ok())
            .collect();
        let bursts = find(dates.iter().copied());
        assert_eq!(bursts.len(), 1, "{bursts:?}");
        let b = bursts[0];
        assert_eq!((b.from, b.to), (day(2024, 3, 12), day(2024, 3, 14)));
        let in_march = dates
            .iter()
            .flatten()
            .filter(|d| (day(2024, 3, 12)..=day(2024, 3, 14)).contains(d))
            .count();
        assert_eq!(b.count, in_march);
        assert!(b.count >= 60, "{}", b.count);
    }

    #[test]
    fn steady_growth_is_not_a_burst_however_fast() {
        assert!(find(sparse(3, 3000)).is_empty());
        // Ten a day, every day for three years: busy, but usual for this export.
        let busy: Vec<_> = (0..1100)
            .map(|i| (day(2018, 1, 1) + Days::new(i), 10))
            .collect();
        assert!(find(on(&busy)).is_empty());
        // Growth that speeds up, 1 to 12 a day.
        let speeding: Vec<_> = (0..1200)
            .map(|i| (day(2018, 1, 1) + Days::new(i), 1 + i as usize / 100))
            .collect();
        assert!(find(on(&speeding)).is_empty());
    }

    #[test]
    fn a_single_busy_day_of_a_handful_is_not_a_burst() {
        let mut dates = sparse(5, 2000);
        dates.extend(on(&[(day(2019, 6, 3), 8)]));
        assert!(find(dates).is_empty());
    }

    #[test]
    fn a_burst_stands_out_from_a_busy_export_and_quiet_edges_are_trimmed() {
        let mut days: Vec<_> = (0..800)
            .map(|i| (day(2018, 1, 1) + Days::new(i), 2))
            .collect();
        // The usual 3-day count is 6: a burst needs 30. These days hold 42 and 27.
        days.push((day(2019, 2, 10), 40));
        days.push((day(2019, 2, 11), 25));
        let bursts = find(on(&days));
        assert_eq!(
            bursts,
            [Burst {
                from: day(2019, 2, 10),
                to: day(2019, 2, 11),
                count: 69,
            }]
        );
        // 22 more in a day is a burst in a sparse export, not in this one (28 < 30).
        let mut days: Vec<_> = (0..800)
            .map(|i| (day(2018, 1, 1) + Days::new(i), 2))
            .collect();
        days.push((day(2019, 2, 10), 22));
        assert!(find(on(&days)).is_empty());
    }

    #[test]
    fn unknown_dates_are_ignored_and_separate_bursts_stay_apart() {
        let mut dates = sparse(4, 3000);
        dates.extend(std::iter::repeat_n(None, 500));
        dates.extend(on(&[(day(2016, 5, 1), 30), (day(2021, 9, 9), 22)]));
        let bursts = find(dates);
        assert_eq!(
            bursts.iter().map(|b| (b.from, b.to)).collect::<Vec<_>>(),
            [
                (day(2016, 5, 1), day(2016, 5, 1)),
                (day(2021, 9, 9), day(2021, 9, 9))
            ]
        );
        // Only unknown dates: nothing to find.
        assert!(find(std::iter::repeat_n(None, 100)).is_empty());
    }

    #[test]
    fn a_long_accident_merges_into_one_burst() {
        let mut dates = sparse(7, 3000);
        let week: Vec<_> = (0..7)
            .map(|i| (day(2020, 4, 1) + Days::new(i), 15))
            .collect();
        dates.extend(on(&week));
        let bursts = find(dates);
        assert_eq!(bursts.len(), 1, "{bursts:?}");
        assert_eq!(
            (bursts[0].from, bursts[0].to),
            (day(2020, 4, 1), day(2020, 4, 7))
        );
        assert!(bursts[0].count >= 105);
    }
}
