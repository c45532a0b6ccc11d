use chrono::Days;

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

/// `n` a day for `len` days from `from`.
fn daily(from: NaiveDate, len: u64, n: usize) -> Vec<(NaiveDate, usize)> {
    (0..len).map(|i| (from + Days::new(i), n)).collect()
}

/// One connection every `every` days for `span` days from 2015.
fn sparse(every: u64, span: u64) -> Vec<Option<NaiveDate>> {
    (0..span)
        .step_by(every as usize)
        .map(|i| Some(day(2015, 1, 1) + Days::new(i)))
        .collect()
}

fn spans(list: &[Burst]) -> Vec<(NaiveDate, NaiveDate)> {
    list.iter().map(|b| (b.from, b.to)).collect()
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
    let found = find(dates.iter().copied());
    assert_eq!(
        found.bursts,
        [Burst {
            from: day(2024, 3, 12),
            to: day(2024, 3, 14),
            count: 62
        }]
    );
    assert!(found.busy_periods.is_empty(), "{found:?}");
}

#[test]
fn steady_growth_is_not_a_burst_however_fast() {
    assert_eq!(find(sparse(3, 3000)), Found::default());
    // Ten a day, every day for three years: busy, but usual for this account.
    assert_eq!(
        find(on(&daily(day(2018, 1, 1), 1100, 10))),
        Found::default()
    );
    // Growth that speeds up, 1 to 12 a day.
    let speeding: Vec<_> = (0..1200)
        .map(|i| (day(2018, 1, 1) + Days::new(i), 1 + i as usize / 100))
        .collect();
    assert_eq!(find(on(&speeding)), Found::default());
}

#[test]
fn a_single_busy_day_of_a_handful_is_not_a_burst() {
    let mut dates = sparse(5, 2000);
    dates.extend(on(&[(day(2019, 6, 3), 8)]));
    assert_eq!(find(dates), Found::default());
}

#[test]
fn a_burst_stands_out_from_a_busy_account_and_quiet_days_beside_it_stay_out() {
    let mut days = daily(day(2018, 1, 1), 800, 2);
    // Two a day is usual: a busy day needs 10. These hold 42 and 27; the days either
    // side hold the usual 2.
    days.push((day(2019, 2, 10), 40));
    days.push((day(2019, 2, 11), 25));
    let found = find(on(&days));
    assert_eq!(
        found.bursts,
        [Burst {
            from: day(2019, 2, 10),
            to: day(2019, 2, 11),
            count: 69,
        }]
    );
    assert!(found.busy_periods.is_empty());
    // Eight more in a day (10 in all) is busy, but too few for a burst.
    let mut days = daily(day(2018, 1, 1), 800, 2);
    days.push((day(2019, 2, 10), 8));
    assert_eq!(find(on(&days)), Found::default());
}

#[test]
fn unknown_and_unnameable_dates_are_ignored_and_separate_bursts_stay_apart() {
    let mut dates = sparse(4, 3000);
    dates.extend(std::iter::repeat_n(None, 500));
    dates.extend(on(&[(day(2016, 5, 1), 30), (day(2021, 9, 9), 22)]));
    // A filter cannot name a day past 9999: no burst there.
    dates.extend(on(&[(day(10_000, 1, 1), 50)]));
    let found = find(dates);
    assert_eq!(
        spans(&found.bursts),
        [
            (day(2016, 5, 1), day(2016, 5, 1)),
            (day(2021, 9, 9), day(2021, 9, 9))
        ]
    );
    // Only unknown dates: nothing to find.
    assert_eq!(find(std::iter::repeat_n(None, 100)), Found::default());
}

#[test]
fn two_busy_days_a_month_apart_are_two_bursts() {
    let mut dates = sparse(3, 3000);
    dates.extend(on(&[(day(2019, 3, 5), 40), (day(2019, 4, 6), 35)]));
    let found = find(dates);
    assert_eq!(
        spans(&found.bursts),
        [
            (day(2019, 3, 5), day(2019, 3, 5)),
            (day(2019, 4, 6), day(2019, 4, 6))
        ]
    );
    assert!(found.busy_periods.is_empty());
}

#[test]
fn four_busy_days_over_six_weeks_with_nothing_between_are_four_bursts() {
    let mut dates = sparse(30, 3000);
    let busy = [
        (day(2018, 6, 24), 30),
        (day(2018, 7, 8), 25),
        (day(2018, 7, 22), 40),
        (day(2018, 8, 4), 21),
    ];
    dates.extend(on(&busy));
    let found = find(dates);
    assert_eq!(spans(&found.bursts), busy.map(|(d, _)| (d, d)));
    assert!(found.busy_periods.is_empty());
}

#[test]
fn a_week_long_accident_is_one_burst() {
    let mut dates = sparse(7, 3000);
    dates.extend(on(&daily(day(2020, 4, 1), 7, 15)));
    let found = find(dates);
    assert_eq!(spans(&found.bursts), [(day(2020, 4, 1), day(2020, 4, 7))]);
    assert!(found.bursts[0].count >= 105);
    assert!(found.busy_periods.is_empty());
}

#[test]
fn a_busy_season_is_one_busy_period_and_an_accident_in_it_still_a_burst() {
    let mut days = daily(day(2016, 1, 1), 1500, 1);
    // Four months at 20 to 100 a day, quieter at weekends, conference days of 40.
    let season: Vec<_> = (0..120u64)
        .map(|i| {
            let n = match i % 7 {
                5 | 6 => 8,
                k => 20 + (k as usize * 37 + i as usize * 13) % 80,
            };
            (day(2017, 3, 1) + Days::new(i), n)
        })
        .collect();
    days.extend(season);
    // A two-day accident in the middle of it.
    days.push((day(2017, 5, 10), 400));
    days.push((day(2017, 5, 11), 250));
    let found = find(on(&days));
    assert_eq!(
        spans(&found.busy_periods),
        [(day(2017, 3, 1), day(2017, 6, 28))]
    );
    assert_eq!(spans(&found.bursts), [(day(2017, 5, 10), day(2017, 5, 11))]);
}

#[test]
fn median_counts_the_quiet_days_of_the_window() {
    assert_eq!(median_with_zeros(&mut [5, 1, 9], 3), 5);
    assert_eq!(median_with_zeros(&mut [5, 1, 9], 7), 0);
    assert_eq!(median_with_zeros(&mut [5, 1, 9, 4], 5), 4);
    assert_eq!(median_with_zeros(&mut [], 10), 0);
}

#[test]
fn the_filter_for_every_burst_and_busy_period_parses_even_at_the_calendars_ends() {
    use crate::model::terms::{connected_between, parse};
    let mut days = vec![
        (day(0, 1, 1), 40),
        (day(9999, 12, 30), 30),
        (day(9999, 12, 31), 30),
    ];
    days.extend(daily(day(5000, 1, 1), 30, 25));
    let found = find(on(&days));
    assert_eq!(found.bursts.len(), 2, "{found:?}");
    assert_eq!(found.busy_periods.len(), 1, "{found:?}");
    for b in found.bursts.iter().chain(&found.busy_periods) {
        let query = connected_between(b.from, b.to);
        assert!(parse(&query).is_ok(), "{query}");
    }
}

#[test]
fn the_count_tree_counts_as_a_scan_of_the_window_would() {
    let counts: Vec<usize> = (0..300).map(|i| (i * 7919 + 13) % 37 + 1).collect();
    let days: Vec<Day> = counts
        .iter()
        .enumerate()
        .map(|(i, &count)| Day { n: i as i64, count })
        .collect();
    let mut tree = CountTree::new(&days);
    for (i, &c) in counts.iter().enumerate() {
        tree.add(c, true);
        // A window of the last 40 days.
        if i >= 40 {
            tree.add(counts[i - 40], false);
        }
        let window = &counts[i.saturating_sub(39)..=i];
        for limit in [0, 1, 5, 18, 36, 37, 100] {
            let scanned = window.iter().filter(|&&c| c <= limit).count();
            assert_eq!(tree.at_most(limit), scanned, "day {i}, at most {limit}");
        }
    }
}
