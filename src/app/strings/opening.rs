//! What the app says about opening an export: the first status line and the notes the
//! Invitations and History tabs show, worded from the session's [`OpenReport`].

use crate::model::history::Verification;
use crate::model::signals::Signals;
use crate::session::OpenReport;

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
    if report.problems > 0 {
        let warnings = counted(report.problems, "warning", "warnings");
        notes.push(format!("{warnings}: see `unconnect check`"));
    }
    if !notes.is_empty() {
        status.push_str(&format!(" ({})", notes.join(", ")));
    }
    (
        status,
        report.problems > 0
            || report.reconciled.future_date.is_some()
            || report.reconciled.known_copy,
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
        report.problems = 1;
        assert!(
            opening_status(&report).1,
            "a warning to see `unconnect check`"
        );
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

    #[test]
    fn nothing_verified_says_nothing() {
        assert_eq!(verification_summary(&Verification::default()), None);
    }
}
