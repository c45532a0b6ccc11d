//! Invitations.csv, with or without the two profile URL columns (added around 2023).

use crate::error::ImportError;
use crate::model::{Direction, Invitation};

use super::dates::parse_sent_at;
use super::decode::Decoded;
use super::report::{InvitationsReport, Skipped};
use super::table::{Header, Row, Table, TableKind};
use super::url;

/// LinkedIn caps sending at about 100 invitations a week and the file covers about a
/// year: a few thousand rows. Far more is not an Invitations.csv.
pub const MAX_INVITATIONS: usize = 100_000;

const KIND: TableKind = TableKind {
    what: "Invitations.csv",
    expected: "From, To, Sent At, Message, Direction, inviterProfileUrl, inviteeProfileUrl",
    is_header,
    other_files: &[(super::connections::is_header, "Connections.csv")],
};

/// Whether a header line is Invitations.csv's.
pub fn is_header(h: &Header) -> bool {
    h.has("from") && h.has("to") && h.has("direction")
}

pub fn parse(
    label: &str,
    decoded: &Decoded,
) -> Result<(Vec<Invitation>, InvitationsReport), ImportError> {
    let mut table = Table::of_text(label, &decoded.text, &KIND)?;
    let h = &table.header;
    let col = [
        h.find(&["from"]),
        h.find(&["to"]),
        h.find(&["sent at"]),
        h.find(&["message"]),
        h.find(&["direction"]),
        h.find(&["inviterprofileurl", "inviter profile url"]),
        h.find(&["inviteeprofileurl", "invitee profile url"]),
    ];
    let mut report = InvitationsReport {
        file: label.to_owned(),
        ..Default::default()
    };
    if let Some(encoding) = decoded.encoding_note {
        report.warnings.push(format!(
            "{label}: not UTF-8; read as {encoding} (a re-save by Excel?)"
        ));
    }
    let mut list = Vec::new();
    // URL cells that name no profile: warned about once, at the end.
    let mut profileless = 0usize;
    let expected = table.header.names.len();
    while let Some(row) = table.next_row()? {
        if list.len() == MAX_INVITATIONS {
            // Each is a few owned strings: a file of tiny rows must not cost gigabytes.
            return Err(ImportError::TooManyInvitations {
                path: label.to_owned(),
                max: MAX_INVITATIONS,
            });
        }
        let (line, record) = match row {
            Row::Misshapen { line, found } => {
                report.skipped.push(Skipped {
                    line,
                    reason: format!("expected {expected} fields, found {found}"),
                });
                continue;
            }
            // Decoded text is UTF-8: cannot happen, but a row is never silently dropped.
            Row::NotUtf8 { line } => {
                report.skipped.push(Skipped {
                    line,
                    reason: "not valid text".to_owned(),
                });
                continue;
            }
            Row::Fields { line, fields } => (line, fields),
        };
        let get = |i: usize| col[i].map_or("", |c| record.get(c));
        let direction = match get(4).to_ascii_uppercase().as_str() {
            "OUTGOING" => Direction::Outgoing,
            "INCOMING" => Direction::Incoming,
            other => {
                report.skipped.push(Skipped {
                    line,
                    reason: format!(
                        "direction \"{}\" is neither INCOMING nor OUTGOING",
                        other.escape_debug()
                    ),
                });
                continue;
            }
        };
        let sent_text = get(2);
        let sent_at = parse_sent_at(sent_text);
        if sent_at.is_none() && !sent_text.is_empty() {
            report.warnings.push(format!(
                "{label}, line {line}: unreadable date \"{}\"; kept with the date unknown",
                sent_text.escape_debug()
            ));
        }
        match direction {
            Direction::Outgoing => report.outgoing += 1,
            Direction::Incoming => report.incoming += 1,
        }
        let [inviter_url, invitee_url] = [5, 6].map(|i| {
            let normal = url::normalise(get(i));
            profileless += usize::from(normal.is_empty() && !get(i).is_empty());
            normal
        });
        list.push(Invitation {
            from: get(0).to_owned(),
            to: get(1).to_owned(),
            sent_at,
            message: get(3).to_owned(),
            direction,
            inviter_url,
            invitee_url,
        });
    }
    if profileless > 0 {
        report.warnings.push(format!(
            "{label}: {profileless} profile URLs name no profile (like \"https://www.linkedin.com/in\"); \
             those invitations are matched to connections by name"
        ));
    }
    Ok((list, report))
}
