//! Dates of digits only: `16.09.2021` (European re-saves), `09/16/2021` (US). Which
//! number is the day is decided once for the whole file, from its values: one above 12
//! settles it.

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl DateOrder {
    pub fn describe(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day first",
            DateOrder::MonthFirst => "month first",
        }
    }
}

/// `a.b.yyyy`, `a/b/yyyy`, `a/b/yy` or `a-b-yyyy`, before its order is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumericDate {
    first: u32,
    second: u32,
    year: i32,
    separator: u8,
}

impl NumericDate {
    pub fn parse(s: &str) -> Option<Self> {
        let separator = *s
            .as_bytes()
            .iter()
            .find(|b| matches!(b, b'.' | b'/' | b'-'))?;
        let mut parts = s.split(char::from(separator));
        let mut number = |max_len: usize| -> Option<u32> {
            let p = parts.next()?;
            (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let (first, second) = (number(2)?, number(2)?);
        let year_text = s.rsplit(char::from(separator)).next()?;
        let year = number(4)? as i32;
        if parts.next().is_some() {
            return None;
        }
        let year = match year_text.len() {
            // Two-digit years: 1970 to 2069, as spreadsheets read them.
            2 if year < 70 => 2000 + year,
            2 => 1900 + year,
            4 => year,
            _ => return None,
        };
        let date = NumericDate {
            first,
            second,
            year,
            separator,
        };
        date.date(DateOrder::DayFirst)
            .or_else(|| date.date(DateOrder::MonthFirst))
            .map(|_| date)
    }

    /// The date read in `order`; `None` when it cannot be read so (a 13th month).
    pub fn date(self, order: DateOrder) -> Option<NaiveDate> {
        let (day, month) = match order {
            DateOrder::DayFirst => (self.first, self.second),
            DateOrder::MonthFirst => (self.second, self.first),
        };
        NaiveDate::from_ymd_opt(self.year, month, day)
    }

    /// The order this value alone proves, if any.
    fn proves(self) -> Option<DateOrder> {
        let valid = |o| self.date(o).is_some();
        match (valid(DateOrder::DayFirst), valid(DateOrder::MonthFirst)) {
            (true, false) => Some(DateOrder::DayFirst),
            (false, true) => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }

    /// Readable either way (both numbers 12 or less, and different).
    pub fn is_ambiguous(self) -> bool {
        self.proves().is_none() && self.first != self.second
    }
}

/// What a file's digit-only dates say about their order.
#[derive(Debug, Clone, Default)]
pub struct DateVotes {
    day_first: usize,
    month_first: usize,
    /// Dates written with dots, which only day-first countries use.
    dotted: usize,
    total: usize,
    /// The first such date, as written, to show the user.
    example: Option<(String, NumericDate)>,
}

/// The order chosen for a file, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateChoice {
    pub order: DateOrder,
    /// The values showed it (one had a day above 12); otherwise it was assumed.
    pub from_values: bool,
    /// Some values showed the other order (those were read in it).
    pub conflicting: bool,
    /// A date of the file as written, and how it was read.
    pub example: String,
    pub example_read_as: String,
}

impl DateVotes {
    pub fn add(&mut self, date: NumericDate, text: &str) {
        self.total += 1;
        self.dotted += usize::from(date.separator == b'.');
        match date.proves() {
            Some(DateOrder::DayFirst) => self.day_first += 1,
            Some(DateOrder::MonthFirst) => self.month_first += 1,
            None => {}
        }
        if self.example.is_none() {
            self.example = Some((text.to_owned(), date));
        }
    }

    pub fn merge(&mut self, other: DateVotes) {
        self.day_first += other.day_first;
        self.month_first += other.month_first;
        self.dotted += other.dotted;
        self.total += other.total;
        if self.example.is_none() {
            self.example = other.example;
        }
    }

    /// `None` when the file had no digit-only dates.
    pub fn decide(&self) -> Option<DateChoice> {
        let (text, example) = self.example.as_ref()?;
        let (order, from_values) = match (self.day_first, self.month_first) {
            (0, 0) if self.dotted * 2 >= self.total => (DateOrder::DayFirst, false),
            // LinkedIn's own exports are US, month first.
            (0, 0) => (DateOrder::MonthFirst, false),
            (d, m) if d >= m => (DateOrder::DayFirst, true),
            _ => (DateOrder::MonthFirst, true),
        };
        Some(DateChoice {
            order,
            from_values,
            conflicting: self.day_first > 0 && self.month_first > 0,
            example: text.clone(),
            example_read_as: example
                .date(order)
                .map(|d| d.format("%-d %B %Y").to_string())
                .unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(dates: &[&str]) -> DateChoice {
        let mut v = DateVotes::default();
        for d in dates {
            v.add(NumericDate::parse(d).unwrap(), d);
        }
        v.decide().unwrap()
    }

    #[test]
    fn one_day_above_12_settles_the_order_for_the_whole_file() {
        let c = votes(&["03.04.2021", "16.09.2021"]);
        assert_eq!(
            (c.order, c.from_values, c.conflicting),
            (DateOrder::DayFirst, true, false)
        );
        assert_eq!(c.example_read_as, "3 April 2021");
        let c = votes(&["03/04/2021", "09/16/2021"]);
        assert_eq!((c.order, c.from_values), (DateOrder::MonthFirst, true));
        assert_eq!(c.example_read_as, "4 March 2021");
    }

    #[test]
    fn without_proof_dots_are_day_first_and_slashes_month_first() {
        assert_eq!(votes(&["03.04.2021"]).order, DateOrder::DayFirst);
        assert!(!votes(&["03.04.2021"]).from_values);
        assert_eq!(votes(&["03/04/21"]).order, DateOrder::MonthFirst);
    }

    #[test]
    fn digit_dates_parse_or_are_refused() {
        let d = NumericDate::parse("16.09.2021").unwrap();
        assert_eq!(
            d.date(DateOrder::DayFirst),
            NaiveDate::from_ymd_opt(2021, 9, 16)
        );
        assert_eq!(d.date(DateOrder::MonthFirst), None);
        assert_eq!(NumericDate::parse("3/4/21").unwrap().year, 2021);
        for bad in [
            "32.01.2021",
            "13/13/2021",
            "1.2",
            "1.2.3.4",
            "a.b.2021",
            "1.2.20210",
            "",
        ] {
            assert_eq!(NumericDate::parse(bad), None, "{bad}");
        }
        assert!(NumericDate::parse("03.04.2021").unwrap().is_ambiguous());
        assert!(!NumericDate::parse("04.04.2021").unwrap().is_ambiguous());
    }
}
