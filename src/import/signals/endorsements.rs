//! Endorsement_Received_Info.csv and Endorsement_Given_Info.csv: one row per endorsement,
//! the other person by profile URL (often without `https://`), else by name.

use crate::error::ImportError;
use crate::import::decode::Decoded;
use crate::import::table::{Row, Table, TableKind, sniff_delimiter};
use crate::model::signals::Signals;

use super::lookup::ByName;
use super::{Names, Urls};

const KIND: TableKind = TableKind {
    what: "endorsements",
    expected: "Endorsement Date, Skill Name, Endorser First Name, Endorser Last Name, Endorser Public Url, Endorsement Status",
    is_header: |h| h.has("endorsement date") && h.has("skill name"),
    other_files: &[],
};

/// `received`: the file of endorsements others gave the user.
pub fn read(
    label: &str,
    decoded: &Decoded,
    received: bool,
    urls: &mut Urls<'_>,
    names: &mut Names<'_>,
    signals: &mut Signals,
) -> Result<(), ImportError> {
    let text = decoded.text.as_bytes();
    let delimiter = sniff_delimiter(&text[..text.len().min(1 << 16)]);
    let mut table = Table::open(label, text, &KIND, delimiter)?;
    let h = &table.header;
    let role = if received { "endorser" } else { "endorsee" };
    let find = |what: &str| h.find(&[&format!("{role} {what}")]);
    let [first, last, url] = [find("first name"), find("last name"), find("public url")];
    let status = h.find(&["endorsement status"]);
    while let Some(row) = table.next_row()? {
        let Row::Fields { fields, .. } = row else {
            continue;
        };
        let get = |c: Option<usize>| c.map_or("", |c| fields.get(c));
        // Only an accepted endorsement shows on a profile.
        let state = get(status);
        if !state.is_empty() && !state.eq_ignore_ascii_case("accepted") {
            continue;
        }
        let by_url = urls.find(get(url));
        let person = match by_url {
            Some(id) => Some(id),
            None if urls.last_normalised().is_empty() => match names.find(get(first), get(last)) {
                ByName::One(id) => Some(id),
                ByName::Several | ByName::Nobody => None,
            },
            None => None,
        };
        match person.and_then(|id| signals.get_mut(id)) {
            Some(s) if received => {
                s.endorsements_received = s.endorsements_received.saturating_add(1);
            }
            Some(s) => s.endorsements_given = s.endorsements_given.saturating_add(1),
            None => signals.report.endorsements_unmatched += 1,
        }
    }
    Ok(())
}
