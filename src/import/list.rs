//! A list of people to bring back (`unconnect stage`): a CSV the import can read (LinkedIn's
//! columns, unconnect's own exports, a spreadsheet re-save with `;`, a BOM, CRLF or
//! Windows-1252), with any columns of the user's own; or plain text, a profile URL or a
//! name a line. Read whole (it is bounded) with the import's own decoding, table and URL
//! rules.

use std::path::Path;

use super::decode;
use super::source::{MAX_INVITATIONS_BYTES, read_file};
use super::table::{Header, Row, Table, TableKind, trim};
use super::url;
use crate::error::ImportError;
use crate::model::matching::Wanted;

/// A list is a few thousand rows at most; a whole export re-saved fits many times over.
pub const MAX_LIST_BYTES: u64 = MAX_INVITATIONS_BYTES;
/// A plain list's line is one name or one URL.
const MAX_LINE_BYTES: usize = 2048;

#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("{path}: no column {column:?}; its columns are {found}")]
    NoColumn {
        path: String,
        column: String,
        found: String,
    },
    #[error("{path}: a plain list (a URL or a name a line) has no columns for --column")]
    NoColumns { path: String },
    #[error(
        "{path}, line {line}: longer than a name or a profile URL ({MAX_LINE_BYTES} bytes at most)"
    )]
    LineTooLong { path: String, line: u64 },
}

/// `--column NAME` (a non-empty cell) or `--column NAME=VALUE` (that value, case and
/// surrounding spaces aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnFilter {
    pub name: String,
    pub value: Option<String>,
}

impl ColumnFilter {
    pub fn parse(arg: &str) -> ColumnFilter {
        match arg.split_once('=') {
            Some((name, value)) => ColumnFilter {
                name: name.trim().to_owned(),
                value: Some(value.trim().to_lowercase()),
            },
            None => ColumnFilter {
                name: arg.trim().to_owned(),
                value: None,
            },
        }
    }

    fn takes(&self, cell: &str) -> bool {
        let cell = cell.trim();
        match &self.value {
            None => !cell.is_empty(),
            Some(value) => cell.to_lowercase() == *value,
        }
    }
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    /// Where it starts in the file, from 1.
    pub line: u64,
    pub wanted: Wanted,
    /// The row as the user would recognise it (name, else URL), not yet made safe.
    pub label: String,
}

#[derive(Debug, Default)]
pub struct List {
    pub rows: Vec<ListRow>,
    /// Rows `--column` left out.
    pub left_out: usize,
    /// Rows that could not be read: (line, why).
    pub skipped: Vec<(u64, String)>,
    /// Read as plain text, a URL or a name a line.
    pub plain: bool,
}

const KIND: TableKind = TableKind {
    what: "list",
    expected: "First Name and Last Name, Name, URL or Profile URL",
    is_header: is_list_header,
    other_files: &[],
};

const NAME: &[&str] = &["name", "full name"];
const URL: &[&str] = &["url", "profile url"];
const EMAIL: &[&str] = &["email address", "e-mail address", "email"];

fn is_list_header(h: &Header) -> bool {
    (h.has("first name") && h.has("last name")) || h.find(NAME).is_some() || h.find(URL).is_some()
}

/// Reads the list at `path`, keeping only the rows `filter` takes.
pub fn read(path: &Path, filter: Option<&ColumnFilter>) -> Result<List, ListError> {
    let source = read_file(path, MAX_LIST_BYTES)?;
    let label = source.label;
    let text = decode::decode(source.bytes).text;
    if looks_plain(&text) {
        if filter.is_some() {
            return Err(ListError::NoColumns { path: label });
        }
        return read_plain(&label, &text);
    }
    let mut table = Table::of_text(&label, &text, &KIND)?;
    let header = table.header.clone();
    let column = |names: &[&str]| header.find(names);
    let (first, last, name, url_at, email) = (
        column(&["first name"]),
        column(&["last name"]),
        column(NAME),
        column(URL),
        column(EMAIL),
    );
    let filter = match filter {
        Some(f) => match header.find(&[f.name.to_lowercase().as_str()]) {
            Some(at) => Some((at, f)),
            None => {
                return Err(ListError::NoColumn {
                    path: label,
                    column: f.name.clone(),
                    found: columns(&header.names),
                });
            }
        },
        None => None,
    };
    let mut list = List::default();
    let mut url_buf = String::new();
    while let Some(row) = table.next_row()? {
        let (line, fields) = match row {
            Row::Fields { line, fields } => (line, fields),
            Row::Misshapen { line, found } => {
                let why = format!("expected {} fields, found {found}", header.names.len());
                list.skipped.push((line, why));
                continue;
            }
            // Decoded whole above: always UTF-8.
            Row::NotUtf8 { line } => {
                list.skipped.push((line, "not UTF-8".to_owned()));
                continue;
            }
        };
        let get = |at: Option<usize>| at.map_or("", |i| fields.get(i));
        if let Some((at, f)) = filter
            && !f.takes(fields.get(at))
        {
            list.left_out += 1;
            continue;
        }
        let full = match (get(first), get(last)) {
            ("", "") => get(name).to_owned(),
            (first, last) => crate::model::person::full_name(first, last),
        };
        url::normalise_into(get(url_at), &mut url_buf);
        let mut email_text = get(email);
        if email_text.eq_ignore_ascii_case("na") || email_text.eq_ignore_ascii_case("n/a") {
            email_text = "";
        }
        if full.is_empty() && url_buf.is_empty() {
            // A hidden profile's row, or a blank line a spreadsheet left.
            continue;
        }
        let label = if full.is_empty() {
            url_buf.clone()
        } else {
            full.clone()
        };
        list.rows.push(ListRow {
            line,
            wanted: Wanted::new(url_buf.clone(), &full, email_text),
            label,
        });
    }
    Ok(list)
}

/// The columns, for an error message: shortened to one line, nothing a terminal acts on.
fn columns(names: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut out: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| {
            format!(
                "{:?}",
                crate::text_safety::safe(&n.chars().take(30).collect::<String>())
            )
        })
        .collect();
    if names.len() > SHOWN {
        out.push(format!("and {} more", names.len() - SHOWN));
    }
    out.join(", ")
}

/// Plain text: no line among the first holds a separator a CSV would.
fn looks_plain(text: &str) -> bool {
    !text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .any(|l| l.contains([',', ';', '\t']))
}

fn read_plain(label: &str, text: &str) -> Result<List, ListError> {
    let mut list = List {
        plain: true,
        ..List::default()
    };
    let mut url_buf = String::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i as u64 + 1;
        if raw.len() > MAX_LINE_BYTES {
            return Err(ListError::LineTooLong {
                path: label.to_owned(),
                line,
            });
        }
        let item = trim(raw);
        if item.is_empty() || item.starts_with('#') {
            continue;
        }
        // A one-column CSV's header.
        if list.rows.is_empty() && list.skipped.is_empty() {
            let lower = item.to_lowercase();
            if URL.contains(&lower.as_str()) || NAME.contains(&lower.as_str()) {
                continue;
            }
        }
        let wanted = if looks_like_url(item) {
            url::normalise_into(item, &mut url_buf);
            if url_buf.is_empty() {
                list.skipped
                    .push((line, "a URL that names no profile".to_owned()));
                continue;
            }
            Wanted::new(url_buf.clone(), "", "")
        } else {
            Wanted::new(String::new(), item, "")
        };
        list.rows.push(ListRow {
            line,
            wanted,
            label: item.to_owned(),
        });
    }
    Ok(list)
}

fn looks_like_url(item: &str) -> bool {
    let lower = item.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.contains("linkedin.com/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(bytes: &[u8], filter: Option<&str>) -> List {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.csv");
        std::fs::write(&path, bytes).unwrap();
        read(&path, filter.map(ColumnFilter::parse).as_ref()).unwrap()
    }

    fn labels(l: &List) -> Vec<(u64, &str)> {
        l.rows.iter().map(|r| (r.line, r.label.as_str())).collect()
    }

    #[test]
    fn an_excel_resave_with_a_marking_column_is_filtered_by_it() {
        let text = "\u{FEFF}First Name;Last Name;URL;Email Address;Company;Position;Connected On;Remove\r\n\
                    Ada;One;https://www.linkedin.com/in/ada/;NA;Acme;CEO;01 Jan 2024; X \r\n\
                    Bo;Two;;;Acme;;02 Jan 2024;\r\n\
                    Cy;Three;;cy@example.com;;;03 Jan 2024;keep\r\n";
        let all = list(text.as_bytes(), None);
        assert_eq!(all.rows.len(), 3);
        let marked = list(text.as_bytes(), Some("remove"));
        assert_eq!(labels(&marked), [(2, "Ada One"), (4, "Cy Three")]);
        assert_eq!(marked.left_out, 1);
        assert_eq!(marked.rows[0].wanted.url, "https://www.linkedin.com/in/ada");
        assert_eq!(marked.rows[0].wanted.email, "", "NA is no address");
        let x = list(text.as_bytes(), Some("Remove=x"));
        assert_eq!(labels(&x), [(2, "Ada One")]);
        let keep = list(text.as_bytes(), Some("Remove = KEEP"));
        assert_eq!(labels(&keep), [(4, "Cy Three")]);
        assert_eq!(keep.rows[0].wanted.email, "cy@example.com");
    }

    #[test]
    fn a_spreadsheet_with_only_a_name_or_only_a_url_column_is_a_list() {
        let names = list(b"Full Name,Company\nAda Lovelace,Acme\n", None);
        assert_eq!(labels(&names), [(2, "Ada Lovelace")]);
        assert_eq!(names.rows[0].wanted.name, "ada lovelace");
        let urls = list(
            b"Profile URL;Note\nhttps://www.linkedin.com/in/bo/;met once\n",
            None,
        );
        assert_eq!(labels(&urls), [(2, "https://www.linkedin.com/in/bo")]);
        assert!(!urls.plain);
    }

    #[test]
    fn a_first_name_alone_does_not_make_a_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.csv");
        std::fs::write(&path, "First Name,Company\nAda,Acme\n").unwrap();
        let err = read(&path, None).unwrap_err().to_string();
        assert!(err.contains("not a LinkedIn list"), "{err}");
    }

    #[test]
    fn a_missing_column_names_the_first_twelve_and_counts_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.csv");
        let header: Vec<String> = (1..=14).map(|i| format!("c{i}")).collect();
        let text = format!("Name,{}\nAda,{}\n", header.join(","), "x,".repeat(13) + "x");
        std::fs::write(&path, text).unwrap();
        let err = read(&path, Some(&ColumnFilter::parse("Remove")))
            .unwrap_err()
            .to_string();
        assert!(err.ends_with("\"c11\", and 3 more"), "{err}");
        // Exactly twelve: all named, nothing counted.
        std::fs::write(
            &path,
            format!(
                "Name,{}\nAda,{}\n",
                header[..11].join(","),
                "x,".repeat(10) + "x"
            ),
        )
        .unwrap();
        let err = read(&path, Some(&ColumnFilter::parse("Remove")))
            .unwrap_err()
            .to_string();
        assert!(err.ends_with("\"c10\", \"c11\""), "{err}");
    }

    #[test]
    fn a_plain_list_skips_a_header_only_on_its_first_line() {
        let l = list(b"Ada Lovelace\nname\n", None);
        assert_eq!(labels(&l), [(1, "Ada Lovelace"), (2, "name")]);
    }

    #[test]
    fn a_plain_line_of_the_longest_length_allowed_is_read() {
        let longest = "a".repeat(MAX_LINE_BYTES);
        let l = list(format!("{longest}\n").as_bytes(), None);
        assert_eq!(l.rows.len(), 1);
    }

    #[test]
    fn a_link_in_a_plain_list_is_matched_as_a_link_never_as_a_name() {
        let l = list(
            b"https://example.com/ada\nhttp://example.com/bo\nwww.example.com/cy\n",
            None,
        );
        let wanted: Vec<(&str, &str)> = l
            .rows
            .iter()
            .map(|r| (r.wanted.url.as_str(), r.wanted.name.as_str()))
            .collect();
        assert_eq!(
            wanted,
            [
                ("https://example.com/ada", ""),
                ("http://example.com/bo", ""),
                ("https://www.example.com/cy", ""),
            ]
        );
    }

    #[test]
    fn windows_1252_names_are_decoded() {
        let l = list(b"First Name,Last Name\nJos\xe9,M\xfcller\n", None);
        assert_eq!(labels(&l), [(2, "José Müller")]);
        assert_eq!(l.rows[0].wanted.name, "josé müller");
    }

    #[test]
    fn a_plain_list_holds_urls_and_names_a_line() {
        let l = list(
            b"URL\nhttps://www.linkedin.com/in/jos%C3%A9\n\n# a comment\nlinkedin.com/in/bo\nAda  Lovelace \nhttps://www.linkedin.com/in\n",
            None,
        );
        assert!(l.plain);
        assert_eq!(l.rows.len(), 3);
        assert_eq!(l.rows[0].wanted.url, "https://www.linkedin.com/in/josé");
        assert_eq!(l.rows[1].wanted.url, "https://www.linkedin.com/in/bo");
        assert_eq!(
            (l.rows[2].line, l.rows[2].wanted.name.as_str()),
            (6, "ada lovelace")
        );
        assert_eq!(l.skipped, [(7, "a URL that names no profile".to_owned())]);
    }

    #[test]
    fn refusals_name_the_file_and_say_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.csv");
        std::fs::write(&path, "First Name,Last Name,\u{1b}[2J\nA,B,C\n").unwrap();
        let err = read(&path, Some(&ColumnFilter::parse("Remove"))).unwrap_err();
        let err = err.to_string();
        assert!(err.contains("no column \"Remove\""), "{err}");
        assert!(
            err.contains("\"first name\", \"last name\", \"␛[2j\""),
            "{err}"
        );
        std::fs::write(&path, "Ada\n").unwrap();
        let err = read(&path, Some(&ColumnFilter::parse("Remove"))).unwrap_err();
        assert!(matches!(err, ListError::NoColumns { .. }), "{err}");
        std::fs::write(&path, format!("{}\n", "a".repeat(5000))).unwrap();
        let err = read(&path, None).unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
        std::fs::write(&path, "Company,Position\nAcme,CEO\n").unwrap();
        let err = read(&path, None).unwrap_err().to_string();
        assert!(err.contains("not a LinkedIn list"), "{err}");
        let err = read(dir.path(), None).unwrap_err().to_string();
        assert!(err.starts_with(&dir.path().display().to_string()), "{err}");
    }
}
