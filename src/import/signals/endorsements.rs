//! Endorsement_Received_Info.csv and Endorsement_Given_Info.csv: one row per endorsement,
//! the other person by profile URL (often without `https://`), else by name.

use crate::error::ImportError;
use crate::import::decode::Decoded;
use crate::import::table::{Row, Table, TableKind, trim};
use crate::model::person::name_key;
use crate::model::signals::Signals;

use super::lookup::{By, Joiner};

const KIND: TableKind = TableKind {
    what: "endorsements",
    expected: "Endorsement Date, Skill Name, Endorser First Name, Endorser Last Name, Endorser Public Url, Endorsement Status",
    is_header: |h| h.has("endorsement date") && h.has("skill name"),
    other_files: &[],
};

/// `received`: the file of endorsements others gave the user. Says whether any row gave a
/// profile URL.
pub fn read(
    label: &str,
    decoded: &Decoded,
    received: bool,
    joiner: &mut Joiner<'_>,
    signals: &mut Signals,
) -> Result<bool, ImportError> {
    let mut table = Table::of_text(label, &decoded.text, &KIND)?;
    let h = &table.header;
    let role = if received { "endorser" } else { "endorsee" };
    let find = |what: &str| h.find(&[&format!("{role} {what}")]);
    let [first, last, url] = [find("first name"), find("last name"), find("public url")];
    let status = h.find(&["endorsement status"]);
    let mut any_url = false;
    let mut found = Vec::new();
    while let Some(row) = table.next_row()? {
        let Row::Fields { fields, .. } = row else {
            continue;
        };
        let get = |c: Option<usize>| c.map_or("", |c| fields.get(c));
        // A received endorsement the user turned down or hid says little; one the user
        // gave is a sign of a real relationship whatever its status (pending included).
        let state = trim(get(status));
        if received && !state.is_empty() && !state.eq_ignore_ascii_case("accepted") {
            continue;
        }
        any_url |= !trim(get(url)).is_empty();
        let name = name_key(get(first), get(last));
        if joiner.find(get(url), false, &name, &mut found) == By::Nobody {
            signals.report.endorsements_unmatched += 1;
        }
        for &id in &found {
            if let Some(s) = signals.get_mut(id) {
                let n = if received {
                    &mut s.endorsements_received
                } else {
                    &mut s.endorsements_given
                };
                *n = n.saturating_add(1);
            }
        }
    }
    Ok(any_url)
}
