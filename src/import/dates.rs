//! The date shapes found in real exports. Anything else is "unknown", reported by the caller.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

pub use super::date_order::{DateOrder, NumericDate};

/// A `Connected On` value as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectedOn {
    Known(NaiveDate),
    /// Digits only (`16.09.2021`, `3/4/2021`): which is the day, the file decides.
    Numeric(NumericDate),
    Unknown,
}

/// `Connected On`: `08 Feb 2026` (current), `8-Nov-19` (Excel re-save),
/// `1/8/18, 6:14 PM` (2018, US month first), ISO `2026-02-08`, or digits in either
/// order (`16.09.2021`, `09/16/2021`).
pub fn read_connected_on(s: &str) -> ConnectedOn {
    let s = s.trim();
    if s.is_empty() {
        return ConnectedOn::Unknown;
    }
    if let Some(d) = parse_current(s) {
        return ConnectedOn::Known(d);
    }
    const DATE_FORMATS: [&str; 5] = ["%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%Y/%m/%d"];
    let known = DATE_FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        // LinkedIn's own 2018 form, with a 12-hour time: always US, month first.
        .or_else(|| parse_us_datetime(s).map(|dt| dt.date()));
    match known {
        // Four-digit years only: the filter writes and reads no other (`-0001` is no date).
        Some(d) if (0..=9999).contains(&d.year()) => ConnectedOn::Known(d),
        Some(_) => ConnectedOn::Unknown,
        None => NumericDate::parse(s).map_or(ConnectedOn::Unknown, ConnectedOn::Numeric),
    }
}

/// [`read_connected_on`], with digits-only dates read month first, as LinkedIn's US
/// exports write them.
pub fn parse_connected_on(s: &str) -> Option<NaiveDate> {
    match read_connected_on(s) {
        ConnectedOn::Known(d) => Some(d),
        ConnectedOn::Numeric(n) => n.date(DateOrder::MonthFirst),
        ConnectedOn::Unknown => None,
    }
}

/// The current layout, `08 Feb 2026`, without chrono's format interpreter: a million rows
/// spent more time re-reading the format string than the dates.
fn parse_current(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 11 || b[2] != b' ' || b[6] != b' ' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    const MONTHS: [&[u8; 3]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let month = MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(&b[3..6]))? as u32
        + 1;
    NaiveDate::from_ymd_opt(digits(7..11)? as i32, month, digits(0..2)?)
}

/// `Sent At`: `2/12/26, 11:44 AM` (no zero padding, 12-hour, no zone).
pub fn parse_sent_at(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    parse_us_datetime(s)
        .or_else(|| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok())
        .or_else(|| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").ok())
}

fn parse_us_datetime(s: &str) -> Option<NaiveDateTime> {
    [
        "%m/%d/%y, %I:%M %p",
        "%m/%d/%Y, %I:%M %p",
        "%m/%d/%y %I:%M %p",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn every_known_connected_on_shape() {
        assert_eq!(parse_connected_on("08 Feb 2026"), d(2026, 2, 8));
        assert_eq!(parse_connected_on("29 feb 2024"), d(2024, 2, 29));
        assert_eq!(parse_connected_on("29 Feb 2023"), None);
        assert_eq!(parse_connected_on("8 Feb 2026"), d(2026, 2, 8));
        assert_eq!(parse_connected_on("8-Nov-19"), d(2019, 11, 8));
        assert_eq!(parse_connected_on("1/8/18, 6:14 PM"), d(2018, 1, 8));
        assert_eq!(parse_connected_on("2026-02-08"), d(2026, 2, 8));
    }

    #[test]
    fn nonsense_is_unknown() {
        for s in [
            "",
            "soon",
            "31 Feb 2026",
            "99/99/99, 1:00 PM",
            "08 Foo 2026",
            "01 Jan -0001",
            "-0001-01-01",
            "01 Jan 10000",
        ] {
            assert_eq!(parse_connected_on(s), None, "{s}");
        }
    }

    #[test]
    fn sent_at_is_twelve_hour_us() {
        let at = parse_sent_at("2/12/26, 11:44 PM").unwrap();
        assert_eq!(at.to_string(), "2026-02-12 23:44:00");
        assert_eq!(
            parse_sent_at("12/1/25, 12:05 AM").unwrap().to_string(),
            "2025-12-01 00:05:00"
        );
        assert!(parse_sent_at("yesterday").is_none());
    }
}
