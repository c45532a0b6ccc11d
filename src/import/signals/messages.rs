//! messages.csv: per conversation, its members among the connections, how many messages,
//! the last date and who wrote first; then each member gets the conversation's counts.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::error::ImportError;
use crate::import::decode::Decoded;
use crate::import::table::{Row, Table, TableKind, sniff_delimiter};
use crate::model::PersonId;
use crate::model::signals::{Signals, Writer};

use super::{Urls, warn, warn_rest};

const KIND: TableKind = TableKind {
    what: "messages.csv",
    expected: "CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO, RECIPIENT PROFILE URLS, DATE, …",
    is_header: |h| h.has("conversation id") && h.has("sender profile url") && h.has("date"),
    other_files: &[],
};

/// Members kept per conversation: LinkedIn's groups are far smaller; a crafted row with
/// a million recipients must not cost a million entries per message.
const MAX_MEMBERS: usize = 1_000;
/// Distinct URLs of people who are not connections (the user, group members) counted to
/// find the user's own: the most frequent. Past this, new ones are not counted.
const MAX_OTHERS: usize = 1 << 20;

/// Who sent a conversation's first message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sender {
    Connection(PersonId),
    /// Not a connection: index into the other URLs (the user's own among them).
    Other(u32),
    Unknown,
}

#[derive(Debug, Default)]
struct Conversation {
    members: Vec<PersonId>,
    messages: u32,
    last: Option<NaiveDate>,
    first: Option<(NaiveDateTime, Sender)>,
}

impl Conversation {
    fn add_member(&mut self, id: PersonId) {
        if self.members.len() < MAX_MEMBERS && !self.members.contains(&id) {
            self.members.push(id);
        }
    }
}

/// URLs of people who are not connections, each with how often it appears.
#[derive(Default)]
struct Others {
    ids: HashMap<String, u32>,
    counts: Vec<u32>,
}

impl Others {
    fn see(&mut self, url: &str) -> Option<u32> {
        if let Some(&i) = self.ids.get(url) {
            self.counts[i as usize] += 1;
            return Some(i);
        }
        if self.counts.len() >= MAX_OTHERS {
            return None;
        }
        let i = self.counts.len() as u32;
        self.ids.insert(url.to_owned(), i);
        self.counts.push(1);
        Some(i)
    }

    /// The user: the URL on most rows.
    fn owner(&self) -> Option<u32> {
        (0..self.counts.len() as u32).max_by_key(|&i| self.counts[i as usize])
    }
}

pub fn read(
    label: &str,
    decoded: &Decoded,
    urls: &mut Urls<'_>,
    signals: &mut Signals,
    warnings: &mut Vec<String>,
) -> Result<(), ImportError> {
    let text = decoded.text.as_bytes();
    let delimiter = sniff_delimiter(&text[..text.len().min(1 << 16)]);
    let mut table = Table::open(label, text, &KIND, delimiter)?;
    let h = &table.header;
    let col = |names: &[&str]| h.find(names);
    let [
        conversation,
        sender,
        recipients,
        date,
        draft,
        conversation_draft,
    ] = [
        col(&["conversation id"]),
        col(&["sender profile url"]),
        col(&["recipient profile urls", "recipient profile url"]),
        col(&["date"]),
        col(&["is message draft"]),
        col(&["is conversation draft"]),
    ];
    let mut conversations: Vec<Conversation> = Vec::new();
    let mut by_id: HashMap<String, u32> = HashMap::new();
    let mut others = Others::default();
    let mut added = 0;
    let expected = h.names.len();
    while let Some(row) = table.next_row()? {
        let (line, fields) = match row {
            Row::Fields { line, fields } => (line, fields),
            Row::Misshapen { line, found } => {
                warn(warnings, &mut added, || {
                    format!(
                        "{label}, line {line}: expected {expected} fields, found {found}; left out"
                    )
                });
                continue;
            }
            Row::NotUtf8 { line } => {
                warn(warnings, &mut added, || {
                    format!("{label}, line {line}: not valid text; left out")
                });
                continue;
            }
        };
        let get = |c: Option<usize>| c.map_or("", |c| fields.get(c));
        let yes = |c| get(c).eq_ignore_ascii_case("yes");
        // Drafts were never sent.
        if yes(draft) || yes(conversation_draft) {
            signals.report.drafts += 1;
            continue;
        }
        signals.report.messages += 1;
        let key = get(conversation);
        let index = if key.is_empty() {
            // No conversation id: the message stands alone.
            None
        } else {
            by_id.get(key).copied()
        };
        let index = index.unwrap_or_else(|| {
            let i = conversations.len() as u32;
            conversations.push(Conversation::default());
            if !key.is_empty() {
                by_id.insert(key.to_owned(), i);
            }
            i
        });
        let conv = &mut conversations[index as usize];
        conv.messages = conv.messages.saturating_add(1);
        let from = match urls.find(get(sender)) {
            Some(id) => {
                conv.add_member(id);
                Sender::Connection(id)
            }
            None if urls.last_normalised().is_empty() => Sender::Unknown,
            None => others
                .see(urls.last_normalised())
                .map_or(Sender::Unknown, Sender::Other),
        };
        for to in get(recipients).split(',') {
            match urls.find(to) {
                Some(id) => conv.add_member(id),
                None if urls.last_normalised().is_empty() => {}
                None => {
                    others.see(urls.last_normalised());
                }
            }
        }
        let text = get(date);
        match parse_date(text) {
            Some(at) => {
                conv.last = conv.last.max(Some(at.date()));
                if conv.first.is_none_or(|(first, _)| at < first) {
                    conv.first = Some((at, from));
                }
            }
            None => warn(warnings, &mut added, || {
                format!(
                    "{label}, line {line}: unreadable date \"{}\"; the message counted without it",
                    text.chars().take(40).collect::<String>().escape_debug()
                )
            }),
        }
    }
    warn_rest(warnings, added, label);
    let owner = others.owner();
    // Each member's earliest conversation decides who wrote first.
    let mut first_at: HashMap<PersonId, NaiveDateTime> = HashMap::new();
    for conv in &conversations {
        if conv.members.is_empty() {
            signals.report.conversations_without_connections += 1;
            continue;
        }
        for &id in &conv.members {
            let Some(s) = signals.get_mut(id) else {
                continue;
            };
            s.messages = s.messages.saturating_add(conv.messages);
            s.last_message = s.last_message.max(conv.last);
            if let Some((at, from)) = conv.first
                && first_at.get(&id).is_none_or(|&earliest| at < earliest)
            {
                first_at.insert(id, at);
                s.first_writer = Some(match from {
                    Sender::Other(i) if Some(i) == owner => Writer::Me,
                    _ => Writer::Them,
                });
            }
        }
    }
    Ok(())
}

/// `2026-08-01 02:00:00 UTC`, read without chrono's format interpreter: a large file
/// has a date on every row.
fn parse_date(s: &str) -> Option<NaiveDateTime> {
    let s = s.strip_suffix("UTC").unwrap_or(s).trim();
    let b = s.as_bytes();
    if b.len() != 19 || b[4] != b'-' || b[7] != b'-' || b[10] != b' ' || b[13] != b':' {
        return NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y/%m/%d %H:%M:%S"))
            .ok();
    }
    let n = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?)?.and_hms_opt(
        n(11..13)?,
        n(14..16)?,
        n(17..19)?,
    )
}
