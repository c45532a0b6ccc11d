//! CSV exports of removed or staged people, in LinkedIn's own columns so the file reads
//! like the export it came from, and safe to open in a spreadsheet.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;
use unicode_width::UnicodeWidthChar;

use super::fsutil;
use crate::model::history::{Kind, Record};
use crate::model::person::LINKEDIN_DATE;
use crate::model::{Invitation, Person};
use crate::text_safety::{is_invisible_or_format, is_unsafe, safe};

/// How Invitations.csv writes `Sent At`: `2/12/26, 11:44 AM`.
pub const LINKEDIN_SENT_AT: &str = "%-m/%-d/%y, %-I:%M %p";

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
/// Spreadsheets also take the full-width and small forms of `= + - @` (and the minus
/// sign), and drop leading spaces, controls (NUL among them) and invisible characters,
/// so everything that takes no cell is looked past.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let first_seen = cell.chars().find(|&c| !takes_no_cell(c));
    if cell.starts_with(['\t', '\r']) || first_seen.is_some_and(starts_formula) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Spaces, and what is drawn as nothing: controls, format and zero-width characters.
fn takes_no_cell(c: char) -> bool {
    c.is_whitespace()
        || is_unsafe(c)
        || is_invisible_or_format(c)
        || UnicodeWidthChar::width(c).is_none_or(|w| w == 0)
        // Format characters (Unicode's Cf) that width tables give a cell.
        || matches!(c, '\u{0600}'..='\u{0605}' | '\u{06DD}' | '\u{070F}' | '\u{08E2}'
            | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}')
}

fn starts_formula(c: char) -> bool {
    matches!(
        c,
        '=' | '+' | '-' | '@'
            | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}' // ＝ ＋ － ＠
            | '\u{FE66}' | '\u{FE62}' | '\u{FE63}' // ﹦ ﹢ ﹣
            | '\u{2212}' // − minus sign
    )
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
                    // As the export wrote it, so the list joins back to Connections.csv.
                    p.written_url().to_owned(),
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

    /// Invitations: To, Profile URL, Sent At; for withdrawn ones also the withdrawal date
    /// and the first day the person may be invited again.
    pub fn of_invitations<'a>(
        items: impl IntoIterator<Item = (&'a Invitation, Option<(NaiveDate, NaiveDate)>)>,
        withdrawn: bool,
    ) -> Table {
        let mut header = vec!["To", "Profile URL", "Sent At"];
        if withdrawn {
            header.extend(["Withdrawn On", "May re-invite after"]);
        }
        let rows = items
            .into_iter()
            .map(|(inv, dates)| {
                let sent = inv
                    .sent_at
                    .map(|at| at.format(LINKEDIN_SENT_AT).to_string());
                let mut row = vec![
                    inv.to.clone(),
                    inv.invitee_url.clone(),
                    sent.unwrap_or_default(),
                ];
                if withdrawn {
                    let (on, reinvite) =
                        dates.map_or((String::new(), String::new()), |(on, re)| {
                            (
                                on.format(LINKEDIN_DATE).to_string(),
                                re.format(LINKEDIN_DATE).to_string(),
                            )
                        });
                    row.extend([on, reinvite]);
                }
                row
            })
            .collect();
        Table { header, rows }
    }

    /// A History list as shown: removals as people with `Removed On`, withdrawals as
    /// invitations with `Withdrawn On`; then each record's `Status`.
    pub fn of_records(records: &[Record]) -> Table {
        let removals = records.iter().all(|r| r.kind == Kind::Removal);
        let mut table = if removals {
            let people = records
                .iter()
                .filter_map(|r| Some((r.person.as_deref()?, Some(r.removed_on()))));
            Table::of_people(people, true)
        } else {
            let invitations = records.iter().filter_map(|r| {
                let on = r.removed_on();
                Some((r.invitation.as_deref()?, Some((on, on))))
            });
            let mut table = Table::of_invitations(invitations, true);
            // The re-invite date needs the account's rules: `unconnect export` has them.
            table.header.truncate(4);
            for row in &mut table.rows {
                row.truncate(4);
            }
            table
        };
        table.header.push("Status");
        let shown = records
            .iter()
            .filter(|r| r.person.is_some() || (!removals && r.invitation.is_some()));
        for (row, r) in table.rows.iter_mut().zip(shown) {
            row.push(r.status().label(r.kind).to_owned());
        }
        table
    }

    pub fn write_to(&self, out: &mut dyn Write, excel_bom: bool) -> io::Result<()> {
        self.write_cells(out, excel_bom, |cell| cell)
    }

    /// For a terminal: as [`Table::write_to`], with control characters and escape
    /// sequences in cells shown as visible stand-ins, so a name cannot act on the
    /// terminal (set the clipboard, retitle the window, hide the cursor).
    pub fn write_visible(&self, out: &mut dyn Write, excel_bom: bool) -> io::Result<()> {
        self.write_cells(out, excel_bom, |cell| match safe(&cell) {
            Cow::Borrowed(_) => cell,
            Cow::Owned(shown) => Cow::Owned(shown),
        })
    }

    fn write_cells(
        &self,
        out: &mut dyn Write,
        excel_bom: bool,
        show: impl for<'c> Fn(Cow<'c, str>) -> Cow<'c, str>,
    ) -> io::Result<()> {
        if excel_bom {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        w.write_record(&self.header)?;
        for row in &self.rows {
            w.write_record(row.iter().map(|c| show(neutralise(c)).into_owned()))?;
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
    fn a_history_list_exports_with_removed_on_and_status_and_no_formula() {
        use crate::model::history::{State, Status};
        let person = Person {
            first_name: "=cmd()".into(),
            last_name: "Lovelace".into(),
            url: "https://www.linkedin.com/in/ada".into(),
            ..Default::default()
        };
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+01:00").unwrap();
        let record = Record {
            kind: Kind::Removal,
            id: person.url.as_str().into(),
            at,
            batch: "b".into(),
            state: State {
                status: Status::StillThere,
                opened: true,
                done_at: None,
                checked: None,
            },
            person: Some(person.into()),
            invitation: None,
        };
        let table = Table::of_records(&[record]);
        assert_eq!(table.header.last(), Some(&"Status"));
        assert!(table.header.contains(&"Removed On"));
        let mut out = Vec::new();
        table.write_to(&mut out, false).unwrap();
        let csv = String::from_utf8(out).unwrap();
        assert!(csv.contains("'=cmd()"), "{csv}");
        assert!(csv.contains("20 Nov 2026,still connected"), "{csv}");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("Ada"), "Ada");
        assert_eq!(neutralise("a=b"), "a=b");
        assert_eq!(neutralise("Jean-Luc"), "Jean-Luc");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn formula_look_alikes_and_hidden_prefixes_are_neutralised() {
        for bad in [
            "＝HYPERLINK(\"x\")",
            "＋1",
            "－2",
            "＠SUM(A1)",
            "﹦1",
            "﹢1",
            "﹣1",
            "−1",
            "\u{200B}=1",
            "\u{FEFF}=1",
            "\u{2060}\u{200D}+1",
            "\u{202E}@x",
            "  =1",
            "\u{00A0}=1",
            "\n=1",
        ] {
            assert_eq!(neutralise(bad), format!("'{bad}"), "{bad:?}");
        }
        assert_eq!(neutralise("\u{200B}Ada"), "\u{200B}Ada");
    }

    /// Prefixes a spreadsheet drops or skips before it reads a formula.
    const HIDDEN_PREFIXES: [&str; 24] = [
        "\0",
        "\0\0",
        "\u{1}",
        "\u{8}",
        "\u{b}",
        "\u{c}",
        "\u{1b}",
        "\u{1f}",
        "\u{7f}",
        "\u{80}",
        "\u{85}",
        "\u{9b}",
        "\u{a0}",
        "\u{ad}",
        "\u{200b}",
        "\u{200e}",
        "\u{202e}",
        "\u{2028}",
        "\u{2029}",
        "\u{2066}",
        "\u{feff}",
        "\u{fff9}",
        "\u{e0001}",
        "\0\u{200b} ",
    ];
    const FORMULAS: [&str; 4] = [
        "=1+1",
        "=HYPERLINK(\"https://evil.example\",\"x\")",
        "@SUM(1)",
        "+1",
    ];

    #[test]
    fn a_formula_behind_nul_or_any_invisible_prefix_is_neutralised() {
        for prefix in HIDDEN_PREFIXES {
            for formula in FORMULAS {
                let cell = format!("{prefix}{formula}");
                assert_eq!(neutralise(&cell), format!("'{cell}"), "{cell:?}");
            }
            let plain = format!("{prefix}Ada");
            assert_eq!(neutralise(&plain), plain, "{plain:?}");
        }
    }

    #[test]
    fn every_table_neutralises_nul_formulas_in_every_column() {
        for formula in FORMULAS {
            let evil = format!("\0{formula}");
            let p = Person {
                first_name: evil.clone(),
                last_name: evil.clone(),
                url: evil.clone(),
                email: evil.clone(),
                company: evil.clone(),
                position: evil.clone(),
                ..Default::default()
            };
            let inv = Invitation {
                from: evil.clone(),
                to: evil.clone(),
                sent_at: None,
                message: evil.clone(),
                direction: crate::model::Direction::Outgoing,
                inviter_url: evil.clone(),
                invitee_url: evil.clone(),
            };
            for table in [
                Table::of_people([(&p, None)], true),
                Table::of_people([(&p, None)], false),
                Table::of_invitations([(&inv, None)], true),
                Table::of_invitations([(&inv, None)], false),
            ] {
                for excel in [false, true] {
                    let mut out = Vec::new();
                    table.write_to(&mut out, excel).unwrap();
                    let mut reader = csv::Reader::from_reader(out.as_slice());
                    let row = reader.records().next().unwrap().unwrap();
                    let filled: Vec<&str> = row.iter().filter(|c| !c.is_empty()).collect();
                    assert!(filled.len() >= 2, "{row:?}");
                    for cell in filled {
                        assert_eq!(cell, format!("'{evil}"), "in {:?}", table.header);
                    }
                }
            }
        }
    }

    #[test]
    fn withdrawn_invitations_say_when_to_reinvite() {
        let inv = Invitation {
            from: "Me".into(),
            to: "+Zoë".into(),
            sent_at: NaiveDate::from_ymd_opt(2026, 2, 12).and_then(|d| d.and_hms_opt(23, 44, 0)),
            message: String::new(),
            direction: crate::model::Direction::Outgoing,
            inviter_url: String::new(),
            invitee_url: "https://www.linkedin.com/in/zoë".into(),
        };
        let on = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let re = NaiveDate::from_ymd_opt(2026, 12, 19).unwrap();
        let table = Table::of_invitations([(&inv, Some((on, re)))], true);
        let mut out = Vec::new();
        table.write_to(&mut out, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "To,Profile URL,Sent At,Withdrawn On,May re-invite after\r\n\
             '+Zoë,https://www.linkedin.com/in/zoë,\"2/12/26, 11:44 PM\",28 Nov 2026,19 Dec 2026\r\n"
        );
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

    #[test]
    fn every_exported_column_is_neutralised() {
        let evil = |column: &str| format!("\u{200B}＝{column}()");
        let p = Person {
            first_name: evil("first"),
            last_name: evil("last"),
            url: evil("url"),
            email: evil("email"),
            company: evil("company"),
            position: evil("position"),
            ..Default::default()
        };
        let inv = Invitation {
            from: evil("from"),
            to: evil("to"),
            sent_at: None,
            message: evil("message"),
            direction: crate::model::Direction::Outgoing,
            inviter_url: evil("inviter"),
            invitee_url: evil("invitee"),
        };
        let tables = [
            Table::of_people([(&p, None)], true),
            Table::of_people([(&p, None)], false),
            Table::of_invitations([(&inv, None)], true),
            Table::of_invitations([(&inv, None)], false),
        ];
        for table in tables {
            let mut out = Vec::new();
            table.write_to(&mut out, false).unwrap();
            let mut reader = csv::Reader::from_reader(out.as_slice());
            let row = reader.records().next().unwrap().unwrap();
            let filled: Vec<&str> = row.iter().filter(|c| !c.is_empty()).collect();
            assert!(filled.len() >= 2, "{row:?}");
            for cell in filled {
                assert!(
                    cell.starts_with("'\u{200B}＝"),
                    "{cell:?} in {:?}",
                    table.header
                );
            }
        }
    }

    #[test]
    fn to_a_terminal_escapes_show_and_to_a_file_the_bytes_stay_exact() {
        let p = Person {
            first_name: "Eve\u{1b}]52;c;aGk=\u{7}".into(),
            last_name: "\u{1b}[?25l".into(),
            ..Default::default()
        };
        let table = Table::of_people([(&p, None)], false);
        let mut exact = Vec::new();
        table.write_to(&mut exact, false).unwrap();
        assert!(
            exact.windows(4).any(|w| w == b"\x1b]52"),
            "a file gets the name as it is"
        );
        let mut shown = Vec::new();
        table.write_visible(&mut shown, false).unwrap();
        let shown = String::from_utf8(shown).unwrap();
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown:?}"
        );
        assert!(shown.contains("Eve␛]52;c;aGk=␇,␛[?25l,"), "{shown:?}");
        assert!(shown.ends_with("\r\n"), "rows still end in CRLF");
    }
}
