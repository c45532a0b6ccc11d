//! CSV exports of removed or staged people, in LinkedIn's own columns so the file reads
//! like the export it came from, and safe to open in a spreadsheet.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;

use super::fsutil;
use crate::model::Person;
use crate::model::person::LINKEDIN_DATE;

pub const CONNECTION_COLUMNS: [&str; 7] = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
];

/// OWASP CSV injection: a cell a spreadsheet would read as a formula gets a leading `'`.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A table to write: header and rows of cells (neutralised on the way out).
pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// People with LinkedIn's columns, plus `Removed On` when `removed_on` is given.
    pub fn of_people<'a>(
        people: impl IntoIterator<Item = (&'a Person, Option<NaiveDate>)>,
        with_removed_on: bool,
    ) -> Table {
        let mut header = CONNECTION_COLUMNS.to_vec();
        if with_removed_on {
            header.push("Removed On");
        }
        let date = |d: Option<NaiveDate>| {
            d.map(|d| d.format(LINKEDIN_DATE).to_string())
                .unwrap_or_default()
        };
        let rows = people
            .into_iter()
            .map(|(p, removed_on)| {
                let mut row = vec![
                    p.first_name.clone(),
                    p.last_name.clone(),
                    p.url.clone(),
                    p.email.clone(),
                    p.company.clone(),
                    p.position.clone(),
                    date(p.connected_on),
                ];
                if with_removed_on {
                    row.push(date(removed_on));
                }
                row
            })
            .collect();
        Table { header, rows }
    }

    pub fn write_to(&self, out: &mut dyn Write, excel_bom: bool) -> io::Result<()> {
        if excel_bom {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        w.write_record(&self.header)?;
        for row in &self.rows {
            w.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
        }
        w.flush()
    }

    /// Writes to `path` atomically (never a half-written export), private (0600).
    pub fn save(&self, path: &Path, excel_bom: bool) -> io::Result<()> {
        fsutil::write_atomic(path, |w| self.write_to(w, excel_bom))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("Ada"), "Ada");
        assert_eq!(neutralise("a=b"), "a=b");
    }

    #[test]
    fn export_reads_like_linkedin_with_removed_on() {
        let p = Person {
            first_name: "=cmd".into(),
            last_name: "Müller".into(),
            company: "Acme, Inc.".into(),
            connected_on: NaiveDate::from_ymd_opt(2026, 2, 8),
            ..Default::default()
        };
        let table = Table::of_people([(&p, NaiveDate::from_ymd_opt(2026, 11, 28))], true);
        let mut out = Vec::new();
        table.write_to(&mut out, true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "\u{FEFF}First Name,Last Name,URL,Email Address,Company,Position,Connected On,Removed On\r\n\
             '=cmd,Müller,,,\"Acme, Inc.\",,08 Feb 2026,28 Nov 2026\r\n"
        );
    }
}
