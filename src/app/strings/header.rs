//! The History tab's header, in parts the screen shows whole or leaves out whole: how far
//! the work has got, what the exports verified, the pace, and the key to the other list.

use super::numbers::thousands;
use crate::model::history::{Pace, Progress};

/// A part of a header line: the lowest `rank` stays longest, in the first of its `forms`
/// (longest first) that fits. Each form carries the separator before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderPart {
    pub rank: u8,
    pub forms: Vec<String>,
}

impl HeaderPart {
    fn new(rank: u8, forms: Vec<String>) -> HeaderPart {
        HeaderPart { rank, forms }
    }

    /// The part as said in full.
    pub fn longest(&self) -> &str {
        self.forms.first().map_or("", String::as_str)
    }
}

/// "12 of 40 done on LinkedIn", " (5 verified, 2 still connected)" and the pace;
/// `still_there` names those still connected (or still pending). The pace comes before
/// the key to the other list.
pub fn history_progress(p: &Progress, still_there: &str, pace: &Pace) -> Vec<HeaderPart> {
    let done = thousands(p.done_on_linkedin());
    let (total, verified) = (thousands(p.total), thousands(p.verified));
    // Before a newer export verified anything, "(0 verified, 0 still connected)" says
    // least of all the parts.
    let checked_rank = if p.verified + p.still_there > 0 { 1 } else { 4 };
    let mut parts = vec![
        HeaderPart::new(0, vec![format!("{done} of {total} done on LinkedIn")]),
        HeaderPart::new(
            checked_rank,
            vec![format!(
                " ({verified} verified, {} {still_there})",
                thousands(p.still_there)
            )],
        ),
    ];
    parts.extend(pace_part(pace));
    parts
}

/// " · 12 today, ~3 days left at this pace", the last words first to go; `None` before
/// anything is ticked.
pub fn pace_part(pace: &Pace) -> Option<HeaderPart> {
    let today = match pace.today {
        0 => "none".to_owned(),
        n => thousands(n),
    };
    let Some(days) = pace.days_left else {
        return (pace.today > 0).then(|| HeaderPart::new(2, vec![format!(" · {today} today")]));
    };
    let left = if days <= 1 {
        "~1 day".to_owned()
    } else {
        format!("~{} days", thousands(days))
    };
    let at = if pace.only_today {
        "today's pace"
    } else {
        "this pace"
    };
    let short = format!(" · {today} today, {left} left");
    Some(HeaderPart::new(2, vec![format!("{short} at {at}"), short]))
}

/// " · Tab shows Withdrawn (3)", or " · Tab: Withdrawn (3)" where room is short.
pub fn history_switch(key: &str, other: &str, other_count: usize) -> HeaderPart {
    let n = thousands(other_count);
    HeaderPart::new(
        3,
        vec![
            format!(" · {key} shows {other} ({n})"),
            format!(" · {key}: {other} ({n})"),
        ],
    )
}

/// The parts as said in full, for the status line.
pub fn in_full(parts: &[HeaderPart]) -> String {
    parts.iter().map(HeaderPart::longest).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(pace: &Pace) -> Vec<String> {
        pace_part(pace).map(|p| p.forms).unwrap_or_default()
    }

    #[test]
    fn the_pace_says_today_and_the_days_left_or_nothing() {
        assert!(said(&Pace::default()).is_empty());
        let p = Pace {
            today: 10,
            left: 25,
            days_left: Some(3),
            only_today: true,
        };
        assert_eq!(
            said(&p),
            [
                " · 10 today, ~3 days left at today's pace",
                " · 10 today, ~3 days left"
            ]
        );
        let p = Pace {
            today: 0,
            left: 5,
            days_left: Some(1),
            only_today: false,
        };
        assert_eq!(said(&p)[0], " · none today, ~1 day left at this pace");
        let p = Pace {
            today: 4,
            ..Pace::default()
        };
        assert_eq!(said(&p), [" · 4 today"]);
    }

    #[test]
    fn counts_are_grouped_in_thousands() {
        let p = Progress {
            total: 12_000,
            done: 1_500,
            verified: 1_000,
            still_there: 2,
            ..Progress::default()
        };
        let line = in_full(&history_progress(&p, "still connected", &Pace::default()));
        assert!(
            line.starts_with(
                "2,500 of 12,000 done on LinkedIn (1,000 verified, 2 still connected)"
            ),
            "{line}"
        );
    }
}
