//! Recommendations_Received.csv and Recommendations_Given.csv: names only, so matched by
//! name (narrowed by company or title where several connections share it); a name still
//! shared counts for each of them.

use crate::error::ImportError;
use crate::import::decode::Decoded;
use crate::import::table::{Row, Table, TableKind};
use crate::model::person::name_key;
use crate::model::signals::Signals;

use super::lookup::{By, Joiner};

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
    joiner: &mut Joiner<'_>,
    signals: &mut Signals,
) -> Result<(), ImportError> {
    let mut table = Table::of_text(label, &decoded.text, &KIND)?;
    let h = &table.header;
    let [first, last, company, title] = [
        h.find(&["first name"]),
        h.find(&["last name"]),
        h.find(&["company"]),
        h.find(&["job title"]),
    ];
    let mut found = Vec::new();
    while let Some(row) = table.next_row()? {
        let Row::Fields { fields, .. } = row else {
            continue;
        };
        let get = |c: Option<usize>| c.map_or("", |c| fields.get(c));
        let name = name_key(get(first), get(last));
        let by = joiner.find_at(&name, get(company), get(title), &mut found);
        if by == By::Nobody {
            signals.report.recommendations_unmatched += 1;
        }
        for &id in &found {
            if let Some(s) = signals.get_mut(id) {
                let n = if received {
                    &mut s.recommendations_received
                } else {
                    &mut s.recommendations_given
                };
                *n = n.saturating_add(1);
            }
        }
    }
    Ok(())
}
