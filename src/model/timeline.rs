//! Connections per month or per week over the whole history, for the Timeline's bars.

use chrono::{Datelike, Days, Months, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Month,
    /// Weeks start on Monday (ISO 8601).
    Week,
}

impl Granularity {
    /// The first day of the period holding `date`.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Granularity::Month => date.with_day(1).unwrap_or(date),
            Granularity::Week => {
                let back = u64::from(date.weekday().num_days_from_monday());
                date.checked_sub_days(Days::new(back)).unwrap_or(date)
            }
        }
    }

    /// The first day of the period after the one starting on `start`.
    pub fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Granularity::Month => start.checked_add_months(Months::new(1)),
            Granularity::Week => start.checked_add_days(Days::new(7)),
        }
    }

    /// The last day of the period starting on `start`.
    pub fn end_of(self, start: NaiveDate) -> NaiveDate {
        self.next(start).and_then(|n| n.pred_opt()).unwrap_or(start)
    }
}

/// Connections per period, each period by its first day, from the first dated
/// connection's period to the last one's, empty periods included. Unknown dates are left
/// out (the caller can count them); no dates at all give no periods.
pub fn counts(
    dates: impl IntoIterator<Item = Option<NaiveDate>>,
    granularity: Granularity,
) -> Vec<(NaiveDate, usize)> {
    let mut starts: Vec<NaiveDate> = dates
        .into_iter()
        .flatten()
        .map(|d| granularity.start_of(d))
        .collect();
    starts.sort_unstable();
    let (Some(&first), Some(&last)) = (starts.first(), starts.last()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut period = Some(first);
    let mut at = 0;
    while let Some(start) = period.filter(|&p| p <= last) {
        let n = starts[at..].iter().take_while(|&&s| s == start).count();
        at += n;
        out.push((start, n));
        period = granularity.next(start);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_from_first_to_last_with_the_empty_ones_between() {
        let dates = [
            Some(day(2024, 3, 14)),
            None,
            Some(day(2023, 12, 31)),
            Some(day(2024, 3, 1)),
            Some(day(2024, 1, 2)),
        ];
        assert_eq!(
            counts(dates, Granularity::Month),
            [
                (day(2023, 12, 1), 1),
                (day(2024, 1, 1), 1),
                (day(2024, 2, 1), 0),
                (day(2024, 3, 1), 2),
            ]
        );
        assert!(counts([None, None], Granularity::Month).is_empty());
    }

    #[test]
    fn weeks_start_on_monday() {
        // 12 Mar 2024 is a Tuesday; 17 Mar a Sunday; 18 Mar a Monday.
        let dates = [
            day(2024, 3, 12),
            day(2024, 3, 17),
            day(2024, 3, 18),
            day(2024, 4, 1),
        ];
        assert_eq!(
            counts(dates.map(Some), Granularity::Week),
            [
                (day(2024, 3, 11), 2),
                (day(2024, 3, 18), 1),
                (day(2024, 3, 25), 0),
                (day(2024, 4, 1), 1),
            ]
        );
        assert_eq!(Granularity::Week.end_of(day(2024, 3, 11)), day(2024, 3, 17));
        assert_eq!(Granularity::Month.end_of(day(2024, 2, 1)), day(2024, 2, 29));
    }
}
