//! What the screen says once, at start: about invitations, signals and the journal.

use crate::model::signals::Signals;
use crate::store::DataDir;

pub(super) const NO_INVITATIONS: &str = "No Invitations.csv in this export.\n\n\
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

/// "1 connection", "2 connections".
pub(super) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Written once, at start: it says "before this session" so that it stays true after a
/// removal.
/// `removed`: the removals in force (the history's), counted once rather than again from
/// the journal.
pub(super) fn history_note(removed: usize, data_dir: &DataDir, demo: bool) -> String {
    let removed = counted(removed, "person", "people");
    // The demo's folder is not the one export reads by default: name it.
    let from = if demo {
        format!(" --data-dir {}", data_dir.path().display())
    } else {
        String::new()
    };
    format!(
        "The journal ({removed} removed when this session began) is {}. \
         `unconnect export removed{from} -o removed.csv` writes everyone removed to a CSV \
         file with the date of each removal.",
        data_dir.journal_path().display()
    )
}
