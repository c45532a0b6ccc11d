//! Recommendations_Received.csv and Recommendations_Given.csv: names only, so matched by
//! name; a name several connections share is left unmatched and counted.

use crate::error::ImportError;
use crate::import::decode::Decoded;
use crate::import::table::{Row, Table, TableKind, sniff_delimiter};
use crate::model::signals::Signals;

use super::Names;
use super::lookup::ByName;

const KIND: TableKind = TableKind {
    what: "recommendations",
    expected: "First Name, Last Name, Company, Job Title, Text, Creation Date, Status",
    is_header: |h| h.has("first name") && h.has("last name") && h.has("text"),
    other_files: &[],
};

/// `received`: the file of recommendations others wrote for the user.
pub fn read(
    label: &str,
    decoded: &Decoded,
    received: bool,
    names: &mut Names<'_>,
    signals: &mut Signals,
) -> Result<(), ImportError> {
    let text = decoded.text.as_bytes();
    let delimiter = sniff_delimiter(&text[..text.len().min(1 << 16)]);
    let mut table = Table::open(label, text, &KIND, delimiter)?;
    let h = &table.header;
    let [first, last] = [h.find(&["first name"]), h.find(&["last name"])];
    while let Some(row) = table.next_row()? {
        let Row::Fields { fields, .. } = row else {
            continue;
        };
        let get = |c: Option<usize>| c.map_or("", |c| fields.get(c));
        match names.find(get(first), get(last)) {
            ByName::One(id) => {
                if let Some(s) = signals.get_mut(id) {
                    let n = if received {
                        &mut s.recommendations_received
                    } else {
                        &mut s.recommendations_given
                    };
                    *n = n.saturating_add(1);
                }
            }
            ByName::Several => signals.report.recommendations_ambiguous += 1,
            ByName::Nobody => signals.report.recommendations_unmatched += 1,
        }
    }
    Ok(())
}
