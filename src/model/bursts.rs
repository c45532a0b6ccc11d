//! Bursts and busy periods: days on which far more connections arrived than the account's
//! usual rate around that time.
//!
//! A *burst* is what an address book invited at once leaves: at most [`BURST_DAYS`] days
//! (those who accepted arrive within days). A *busy period* is a longer stretch of high
//! growth, a conference season or a recruiting drive: one event, not many bursts.
//!
//! The rule, on the connections with a known date a filter can name (years 0 to 9999):
//! - a day's *usual rate* is the median daily count over the [`AROUND_DAYS`] days either
//!   side, quiet days included. A median ignores a burst of a week in two years, and a
//!   rate measured around each day follows an account whose habits change;
//! - a day is *busy* when it holds at least [`MIN_DAY`] connections and [`TIMES_USUAL`]
//!   times its usual rate;
//! - busy days at most [`GAP_DAYS`] apart are one event; days weeks apart are not;
//! - an event of at least [`MIN_EVENT`] connections is a burst when it spans at most
//!   [`BURST_DAYS`] days, else a busy period;
//! - inside a busy period a burst is measured against the period's own rate (the median of
//!   its days with connections): an accident in a busy season still stands out.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The longest burst, in days.
pub const BURST_DAYS: i64 = 7;
/// The usual rate is measured this many days either side of a day.
pub const AROUND_DAYS: i64 = 365;
/// How many times the usual rate a busy day holds.
pub const TIMES_USUAL: usize = 5;
/// The fewest connections a busy day holds: a quiet account's handful is not busy.
pub const MIN_DAY: usize = 5;
/// The fewest connections a burst or a busy period holds.
pub const MIN_EVENT: usize = 20;
/// Busy days at most this many days apart belong to one event.
pub const GAP_DAYS: i64 = 7;
/// Inside a busy period, busy days at most this many days apart belong to one burst.
const INNER_GAP_DAYS: i64 = 3;

/// A span of days (ISO dates in JSON) and the connections in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Burst {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub count: usize,
}

impl Burst {
    /// `2024-03-12 to 2024-03-14`, or one day.
    pub fn days_text(&self) -> String {
        if self.from == self.to {
            self.from.to_string()
        } else {
            format!("{} to {}", self.from, self.to)
        }
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.from <= to && self.to >= from
    }
}

/// What the dates show, each list oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Found {
    pub bursts: Vec<Burst>,
    pub busy_periods: Vec<Burst>,
}

/// A day with connections: its number (days from the common era) and its count.
#[derive(Debug, Clone, Copy)]
struct Day {
    n: i64,
    count: usize,
}

/// The bursts and busy periods among `dates`.
pub fn find(dates: impl IntoIterator<Item = Option<NaiveDate>>) -> Found {
    let days = per_day(dates);
    let mut found = Found::default();
    let busy = busy_days(&days);
    for (start, end) in events(&days, &busy, GAP_DAYS) {
        let span = &days[start..=end];
        let count: usize = span.iter().map(|d| d.count).sum();
        if count < MIN_EVENT {
            continue;
        }
        if days[end].n - days[start].n < BURST_DAYS {
            found.bursts.push(burst(span));
        } else {
            found.bursts.extend(inner_bursts(span));
            found.busy_periods.push(burst(span));
        }
    }
    found.bursts.sort_by_key(|b| b.from);
    found
}

/// Connections per day with connections, oldest first.
fn per_day(dates: impl IntoIterator<Item = Option<NaiveDate>>) -> Vec<Day> {
    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    // Exports list connections by date: counted a run of one day at a time, the map is
    // touched once a day rather than once a connection.
    let mut run: Option<(NaiveDate, usize)> = None;
    let nameable = |d: &NaiveDate| (0..=9999).contains(&d.year());
    for date in dates.into_iter().flatten().filter(nameable) {
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
    per_day
        .into_iter()
        .map(|(d, count)| Day {
            n: i64::from(d.num_days_from_ce()),
            count,
        })
        .collect()
}

/// Whether each day is busy against its usual rate.
fn busy_days(days: &[Day]) -> Vec<bool> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let (first, last) = (first.n, last.n);
    // The window's days, days[lo..hi], by count: how many hold at most a given count is
    // then a logarithmic look-up, however long the history.
    let mut window = CountTree::new(days);
    let (mut lo, mut hi) = (0, 0);
    days.iter()
        .map(|day| {
            if day.count < MIN_DAY {
                return false;
            }
            let (from, to) = (day.n - AROUND_DAYS, day.n + AROUND_DAYS);
            while days[lo].n < from {
                if lo < hi {
                    window.add(days[lo].count, false);
                }
                lo += 1;
            }
            hi = hi.max(lo);
            while hi < days.len() && days[hi].n <= to {
                window.add(days[hi].count, true);
                hi += 1;
            }
            // Busy when the median is at most count / TIMES_USUAL: when more than half
            // the window's days (quiet ones included) hold at most that.
            let span = usize::try_from(to.min(last) - from.max(first) + 1).unwrap_or(0);
            let at_most = span.saturating_sub(hi - lo) + window.at_most(day.count / TIMES_USUAL);
            at_most > span.saturating_sub(1) / 2
        })
        .collect()
}

/// A multiset of day counts (a Fenwick tree over the distinct counts of the history).
struct CountTree {
    values: Vec<usize>,
    tree: Vec<usize>,
}

impl CountTree {
    fn new(days: &[Day]) -> Self {
        let mut values: Vec<usize> = days.iter().map(|d| d.count).collect();
        values.sort_unstable();
        values.dedup();
        let tree = vec![0; values.len() + 1];
        CountTree { values, tree }
    }

    /// Adds a day of `count` connections, or takes one away.
    fn add(&mut self, count: usize, add: bool) {
        let mut i = self.values.partition_point(|&v| v < count) + 1;
        while i < self.tree.len() {
            self.tree[i] = if add {
                self.tree[i] + 1
            } else {
                self.tree[i].saturating_sub(1)
            };
            i += i & i.wrapping_neg();
        }
    }

    /// How many days hold at most `limit`.
    fn at_most(&self, limit: usize) -> usize {
        let mut i = self.values.partition_point(|&v| v <= limit);
        let mut n = 0;
        while i > 0 {
            n += self.tree[i];
            i -= i & i.wrapping_neg();
        }
        n
    }
}

/// The lower median of `counts` and `span - counts.len()` zeros.
fn median_with_zeros(counts: &mut [usize], span: i64) -> usize {
    let zeros = usize::try_from(span)
        .unwrap_or(0)
        .saturating_sub(counts.len());
    let middle = (zeros + counts.len()).saturating_sub(1) / 2;
    if middle < zeros || counts.is_empty() {
        return 0;
    }
    *counts.select_nth_unstable(middle - zeros).1
}

/// Runs of busy days (as first and last index into `days`), busy days at most `gap` days
/// apart joined.
fn events(days: &[Day], busy: &[bool], gap: i64) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for i in (0..days.len()).filter(|&i| busy[i]) {
        match out.last_mut() {
            Some((_, end)) if days[i].n - days[*end].n <= gap => *end = i,
            _ => out.push((i, i)),
        }
    }
    out
}

/// The bursts inside a busy period, against the period's own rate.
fn inner_bursts(period: &[Day]) -> Vec<Burst> {
    let mut counts: Vec<usize> = period.iter().map(|d| d.count).collect();
    let rate = median_with_zeros(&mut counts, period.len() as i64);
    let threshold = MIN_DAY.max(TIMES_USUAL.saturating_mul(rate));
    let busy: Vec<bool> = period.iter().map(|d| d.count >= threshold).collect();
    events(period, &busy, INNER_GAP_DAYS)
        .into_iter()
        .map(|(start, end)| &period[start..=end])
        .filter(|span| span[span.len() - 1].n - span[0].n < BURST_DAYS)
        .map(burst)
        .filter(|b| b.count >= MIN_EVENT)
        .collect()
}

fn burst(span: &[Day]) -> Burst {
    let date = |n: i64| {
        i32::try_from(n)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .unwrap_or_default()
    };
    Burst {
        from: date(span[0].n),
        to: date(span[span.len() - 1].n),
        count: span.iter().map(|d| d.count).sum(),
    }
}

#[cfg(test)]
mod tests;
