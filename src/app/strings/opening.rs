//! What the app says about opening an export: the first status line and the notes the
//! Invitations and History tabs show, worded from the session's [`OpenReport`].

use chrono::{Datelike, NaiveDate};

use crate::model::changes::Changes;
use crate::model::history::Verification;
use crate::model::signals::Signals;
use crate::session::{OpenReport, Since};

use super::numbers::{counted, thousands};

/// An export whose name is dated after today verifies nothing.
pub fn future_export(day: chrono::NaiveDate) -> String {
    format!("This export's name dates it {day}, later than today: not believed, nothing verified. ")
}

/// An undated copy of an export removals were made from verifies nothing.
pub const KNOWN_COPY: &str = "This export is a copy of one you removed people from (no date in \
     its name, the same people): nothing verified; LinkedIn's newer export will. ";

/// The first status line, and whether it is a warning. What had to be repaired on disk
/// comes alone and first (a journal cut off, a staged list damaged); otherwise what
/// matters most comes first, as the line is cut to the terminal's width.
pub fn opening_status(report: &OpenReport) -> (String, bool) {
    let repaired: Vec<&str> = report
        .repairs
        .iter()
        .map(String::as_str)
        .chain(report.unrecorded.as_deref())
        .collect();
    if !repaired.is_empty() {
        return (repaired.join("; "), true);
    }
    let mut status = String::new();
    if let Some(dir) = &report.demo_data_dir {
        status.push_str(&format!(
            "Demo: kept apart from your data, in {}. ",
            dir.display()
        ));
    }
    if let Some(day) = report.reconciled.future_date {
        status.push_str(&future_export(day));
    }
    if report.reconciled.known_copy {
        status.push_str(KNOWN_COPY);
    }
    if let Some(summary) = verification_summary(&report.reconciled.verification) {
        status.push_str(&format!("{summary}. "));
    }
    if let Some(since) = since_last_export(&report.since) {
        status.push_str(&format!("{since}. "));
    }
    if report.restored > 0 {
        status.push_str(&format!(
            "Restored {} staged from last time. ",
            thousands(report.restored)
        ));
    }
    if report.removed_here > 0 {
        status.push_str(&format!(
            "{} already removed. ",
            thousands(report.removed_here)
        ));
    }
    status.push_str(&format!(
        "Loaded {}",
        counted(report.people, "connection", "connections")
    ));
    let mut notes = Vec::new();
    if report.hidden > 0 {
        let hidden = counted(report.hidden, "hidden profile", "hidden profiles");
        notes.push(format!("{hidden} left out"));
    }
    if report.duplicates > 0 {
        let duplicates = counted(report.duplicates, "duplicate", "duplicates");
        notes.push(format!("{duplicates} merged"));
    }
    // Named as `unconnect check` lists them: lines skipped apart from warnings.
    let mut check = Vec::new();
    if report.skipped > 0 {
        let lines = counted(report.skipped, "line", "lines");
        check.push(format!("{lines} skipped"));
    }
    if report.warnings > 0 {
        check.push(counted(report.warnings, "warning", "warnings"));
    }
    if !check.is_empty() {
        notes.push(format!("{}: see `unconnect check`", check.join(", ")));
    }
    if !notes.is_empty() {
        status.push_str(&format!(" ({})", notes.join(", ")));
    }
    (
        status,
        report.skipped + report.warnings > 0
            || report.reconciled.future_date.is_some()
            || report.reconciled.known_copy
            || matches!(report.since, Since::Older { .. }),
    )
}

/// "Since your last export: 30 removals verified, 9 still connected"; `None` when
/// nothing changed.
pub fn verification_summary(v: &Verification) -> Option<String> {
    let mut parts = Vec::new();
    if v.removals_verified > 0 {
        let n = counted(v.removals_verified, "removal", "removals");
        parts.push(format!("{n} verified"));
    }
    if v.removals_still_connected > 0 {
        parts.push(format!(
            "{} still connected",
            thousands(v.removals_still_connected)
        ));
    }
    if v.withdrawals_verified > 0 {
        let n = counted(v.withdrawals_verified, "withdrawal", "withdrawals");
        parts.push(format!("{n} verified"));
    }
    if v.withdrawals_still_pending > 0 {
        let n = counted(v.withdrawals_still_pending, "invitation", "invitations");
        parts.push(format!("{n} still pending"));
    }
    (!parts.is_empty()).then(|| format!("Since your last export: {}", parts.join(", ")))
}

/// "Since the export of 2 Nov: 25 new (20 on 1 Dec: a burst), 5 gone that you did not
/// remove, 3 gone that you removed", or that this export is older than the one opened last
/// time; `None` when there is nothing to say.
pub fn since_last_export(since: &Since) -> Option<String> {
    match since {
        Since::Nothing => None,
        // The same day, older by the hour: "taken 7 Dec" twice would read as nonsense.
        Since::Older { previous, this } if this.day == previous.day => Some(format!(
            "This export was taken earlier on {} than the one opened last time: \
             nothing compared, and the newer one stays the one to compare with",
            short_day(this.day, this.day.year())
        )),
        Since::Older { previous, this } => {
            let year = this.day.year();
            Some(format!(
                "This export (taken {}) is older than the one opened last time ({}): \
                 nothing compared, and the newer one stays the one to compare with",
                short_day(this.day, year),
                short_day(previous.day, year)
            ))
        }
        Since::Compared {
            previous,
            this,
            changes,
        } => Some(format!(
            "Since the export of {}: {}",
            short_day(previous.day, this.day.year()),
            changes_in_words(changes, this.day.year())
        )),
    }
}

/// The changes in one clause list; days in `year` without it.
fn changes_in_words(c: &Changes, year: i32) -> String {
    let mut parts = Vec::new();
    let gone = c.gone_not_by_you.len() + c.gone_removed_by_you.len();
    if c.added.is_empty() {
        parts.push(if gone == 0 {
            "no one new or gone".to_owned()
        } else {
            "no one new".to_owned()
        });
    } else {
        let mut new = format!("{} new", thousands(c.added.len()));
        let bursts: Vec<String> = c
            .new_bursts
            .iter()
            .map(|b| {
                let days = if b.from == b.to {
                    format!("on {}", short_day(b.from, year))
                } else {
                    format!(
                        "from {} to {}",
                        short_day(b.from, year),
                        short_day(b.to, year)
                    )
                };
                format!("{} {days}: a burst", thousands(b.count))
            })
            .collect();
        if !bursts.is_empty() {
            new.push_str(&format!(" ({})", bursts.join("; ")));
        }
        parts.push(new);
    }
    if !c.gone_not_by_you.is_empty() {
        parts.push(format!(
            "{} gone that you did not remove",
            thousands(c.gone_not_by_you.len())
        ));
    }
    if !c.gone_removed_by_you.is_empty() {
        parts.push(format!(
            "{} gone that you removed",
            thousands(c.gone_removed_by_you.len())
        ));
    }
    // Short enough to say only when nobody came or went.
    if c.added.is_empty() && gone == 0 {
        if c.changed_position > 0 {
            parts.push(format!(
                "{} changed position",
                thousands(c.changed_position)
            ));
        }
        if c.changed_company > 0 {
            parts.push(format!("{} changed company", thousands(c.changed_company)));
        }
    }
    parts.join(", ")
}

/// "2 Nov", with the year when it is not `year`.
fn short_day(day: NaiveDate, year: i32) -> String {
    if day.year() == year {
        day.format("%-d %b").to_string()
    } else {
        day.format("%-d %b %Y").to_string()
    }
}

pub const NO_INVITATIONS: &str = "No Invitations.csv in this export.\n\n\
To withdraw pending invitations, request your data from LinkedIn (Settings > Data privacy > \
Get a copy of your data) with Invitations included, then open the whole export folder or zip, \
or pass the file with --invitations FILE.";

/// What the screen can say once about relationship signals.
pub fn signals_note(signals: Option<&Signals>) -> String {
    let Some(s) = signals else {
        return "No messages, endorsements or recommendations in this export (a Basic \
                export has none): request the Complete archive from LinkedIn to see who \
                you have talked to."
            .to_owned();
    };
    let r = &s.report;
    format!(
        "Signals: {} with messages, {} with endorsements, {} with recommendations.",
        counted(r.people_with_messages, "person", "people"),
        counted(r.people_with_endorsements, "person", "people"),
        counted(r.people_with_recommendations, "person", "people"),
    )
}

/// What the History tab says until it is filled. Written once, at start: it says
/// "when this session began" so that it stays true after a removal.
pub fn history_note(report: &OpenReport) -> String {
    let removed = counted(report.removals_in_force, "person", "people");
    // The demo's folder is not the one export reads by default: name it.
    let from = match &report.demo_data_dir {
        Some(dir) => format!(" --data-dir {}", dir.display()),
        None => String::new(),
    };
    format!(
        "The journal ({removed} removed when this session began) is {}. \
         `unconnect export removed{from} -o removed.csv` writes everyone removed to a CSV \
         file with the date of each removal.",
        report.journal_path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonId;
    use crate::model::changes::NewBurst;
    use crate::model::history::ExportDate;

    #[test]
    fn the_first_status_line_says_what_matters_first_and_repairs_alone() {
        let mut report = OpenReport {
            restored: 2,
            people: 293,
            hidden: 10,
            ..OpenReport::default()
        };
        report.reconciled.verification.removals_verified = 1;
        report.reconciled.verification.removals_still_connected = 2;
        assert_eq!(
            opening_status(&report),
            (
                "Since your last export: 1 removal verified, 2 still connected. Restored 2 \
                 staged from last time. Loaded 293 connections (10 hidden profiles left out)"
                    .to_owned(),
                false
            )
        );
        report.skipped = 1;
        let (status, warning) = opening_status(&report);
        assert!(warning, "a line skipped: see `unconnect check`");
        assert!(status.ends_with("out, 1 line skipped: see `unconnect check`)"));
        (report.skipped, report.warnings) = (0, 2);
        let (status, warning) = opening_status(&report);
        assert!(warning && status.ends_with("out, 2 warnings: see `unconnect check`)"));
        report.repairs.push("journal line 4 is unreadable".into());
        report.unrecorded = Some("could not record what this export verified".into());
        assert_eq!(
            opening_status(&report),
            (
                "journal line 4 is unreadable; could not record what this export verified"
                    .to_owned(),
                true
            )
        );
    }

    #[test]
    fn an_export_dated_after_today_says_so_first_as_a_warning() {
        let mut report = OpenReport {
            people: 3,
            ..OpenReport::default()
        };
        report.reconciled.future_date = chrono::NaiveDate::from_ymd_opt(2099, 12, 31);
        let (line, warning) = opening_status(&report);
        assert!(
            line.starts_with(
                "This export's name dates it 2099-12-31, later than today: not believed, \
                 nothing verified."
            ),
            "{line}"
        );
        assert!(warning);
    }

    #[test]
    fn a_copy_of_a_known_export_says_why_nothing_was_verified() {
        let mut report = OpenReport {
            people: 3,
            ..OpenReport::default()
        };
        report.reconciled.known_copy = true;
        let (line, warning) = opening_status(&report);
        assert!(
            line.starts_with("This export is a copy of one you removed people from"),
            "{line}"
        );
        assert!(line.contains("nothing verified"), "{line}");
        assert!(warning);
    }

    #[test]
    fn counts_have_thousands_separators() {
        let report = OpenReport {
            people: 29_665,
            hidden: 1_204,
            restored: 1_500,
            ..OpenReport::default()
        };
        assert_eq!(
            opening_status(&report).0,
            "Restored 1,500 staged from last time. Loaded 29,665 connections \
             (1,204 hidden profiles left out)"
        );
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn dated(day: NaiveDate) -> ExportDate {
        ExportDate { day, taken: None }
    }

    fn ids(n: u32) -> Vec<PersonId> {
        (0..n).map(PersonId).collect()
    }

    #[test]
    fn what_changed_since_the_last_export_is_said_with_its_burst() {
        let since = Since::Compared {
            previous: dated(day(11, 2)),
            this: dated(day(12, 5)),
            changes: Changes {
                added: ids(25),
                new_bursts: vec![NewBurst {
                    from: day(12, 1),
                    to: day(12, 1),
                    count: 20,
                }],
                gone_not_by_you: ids(5),
                ..Changes::default()
            },
        };
        let report = OpenReport {
            people: 1_300,
            since,
            ..OpenReport::default()
        };
        assert_eq!(
            opening_status(&report),
            (
                "Since the export of 2 Nov: 25 new (20 on 1 Dec: a burst), 5 gone that you \
                 did not remove. Loaded 1,300 connections"
                    .to_owned(),
                false
            )
        );
    }

    #[test]
    fn removals_are_told_apart_thousands_separated_and_other_years_named() {
        let since = Since::Compared {
            previous: dated(day(1, 2).with_year(2025).unwrap()),
            this: dated(day(3, 1)),
            changes: Changes {
                added: ids(1_200),
                new_bursts: vec![NewBurst {
                    from: day(2, 27),
                    to: day(3, 1),
                    count: 1_100,
                }],
                gone_not_by_you: ids(1),
                gone_removed_by_you: ids(2_000),
                changed_position: 7,
                ..Changes::default()
            },
        };
        assert_eq!(
            since_last_export(&since).unwrap(),
            "Since the export of 2 Jan 2025: 1,200 new (1,100 from 27 Feb to 1 Mar: a \
             burst), 1 gone that you did not remove, 2,000 gone that you removed"
        );
        let quiet = Since::Compared {
            previous: dated(day(1, 2)),
            this: dated(day(3, 1)),
            changes: Changes {
                gone_removed_by_you: ids(62),
                ..Changes::default()
            },
        };
        assert_eq!(
            since_last_export(&quiet).unwrap(),
            "Since the export of 2 Jan: no one new, 62 gone that you removed"
        );
    }

    #[test]
    fn an_export_older_by_the_hour_says_earlier_that_day() {
        let report = OpenReport {
            people: 3,
            since: Since::Older {
                previous: dated(day(12, 7)),
                this: dated(day(12, 7)),
            },
            ..OpenReport::default()
        };
        let (line, _) = opening_status(&report);
        assert!(
            line.starts_with(
                "This export was taken earlier on 7 Dec than the one opened last time"
            ),
            "{line}"
        );
    }

    #[test]
    fn an_older_export_says_so_as_a_warning_and_the_same_one_says_nothing() {
        let report = OpenReport {
            people: 3,
            since: Since::Older {
                previous: dated(day(12, 1)),
                this: dated(day(11, 2)),
            },
            ..OpenReport::default()
        };
        let (line, warning) = opening_status(&report);
        assert!(
            line.starts_with(
                "This export (taken 2 Nov) is older than the one opened last time (1 Dec): \
                 nothing compared"
            ),
            "{line}"
        );
        assert!(warning);
        assert_eq!(since_last_export(&Since::Nothing), None);
    }

    #[test]
    fn nothing_verified_says_nothing() {
        assert_eq!(verification_summary(&Verification::default()), None);
    }
}
