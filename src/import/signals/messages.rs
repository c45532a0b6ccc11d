//! messages.csv: per conversation, the people in it, how many messages, the last date and
//! who wrote first; then each person is joined to the connections (by URL, else by name)
//! and each connection in a conversation gets its counts.

use foldhash::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::error::ImportError;
use crate::import::decode::Decoded;
use crate::import::table::{Row, Table, TableKind, trim};
use crate::import::url;
use crate::model::PersonId;
use crate::model::person::fold_name;
use crate::model::signals::{Signals, Writer};

use super::lookup::Joiner;
use super::{warn, warn_rest};

const KIND: TableKind = TableKind {
    what: "messages.csv",
    expected: "CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO, RECIPIENT PROFILE URLS, DATE, …",
    is_header: |h| {
        h.has("conversation id") && h.has("date") && (h.has("sender profile url") || h.has("from"))
    },
    other_files: &[],
};

/// Members kept per conversation: LinkedIn's groups are far smaller; a crafted row with
/// a million recipients must not cost a million entries per message.
const MAX_MEMBERS: usize = 1_000;
/// Distinct people (connections or not) told apart in a file. Past this, new ones are
/// not counted: a crafted file cannot grow the tables without end.
const MAX_PARTIES: usize = 1 << 21;

#[derive(Debug, Default)]
struct Conversation {
    /// The people in it, as indices into [`Parties`].
    members: Vec<u32>,
    messages: u32,
    last: Option<NaiveDate>,
    /// The first message's time and sender.
    first: Option<(NaiveDateTime, Option<u32>)>,
}

impl Conversation {
    fn add_member(&mut self, party: u32) {
        if self.members.len() < MAX_MEMBERS && !self.members.contains(&party) {
            self.members.push(party);
        }
    }
}

/// Someone the file names: by profile URL when the row gives one, else by name.
struct Party {
    /// Normalised; empty when the row gave none.
    url: String,
    /// As written (the first one seen with this URL); folded only when the URL finds
    /// nobody, as it rarely does.
    name: String,
    /// The row had a URL for them that could not be paired with the name (a group's
    /// lists of different lengths): the name finds only connections without a URL.
    url_unpaired: bool,
    /// Rows they appear on: the user appears on nearly all.
    rows: u32,
}

/// Everyone the file names, told apart by URL, else by folded name.
#[derive(Default)]
struct Parties {
    list: Vec<Party>,
    by_key: HashMap<String, u32>,
    /// Names as written → their party, so a name is folded once, not on every row.
    by_raw_name: HashMap<String, u32>,
    buf: String,
}

impl Parties {
    /// The party for a URL (any form, may be empty) and a display name; `None` when
    /// neither says who, or past [`MAX_PARTIES`].
    fn see(&mut self, url: &str, name: &str, url_unpaired: bool) -> Option<u32> {
        let name = trim(name);
        let mut buf = std::mem::take(&mut self.buf);
        url::normalise_into(url, &mut buf);
        let found = if buf.is_empty() && !url_unpaired {
            self.by_raw_name.get(name).copied().or_else(|| {
                let key = format!("\u{1f}{}", fold_name(name));
                let found = self.add(key, String::new(), name.to_owned(), false);
                if let Some(i) = found
                    && self.by_raw_name.len() < MAX_PARTIES
                {
                    self.by_raw_name.insert(name.to_owned(), i);
                }
                found
            })
        } else if buf.is_empty() {
            let key = format!("\u{1e}{}", fold_name(name));
            self.add(key, String::new(), name.to_owned(), true)
        } else {
            match self.by_key.get(buf.as_str()) {
                Some(&i) => Some(i),
                None => self.add(buf.clone(), buf.clone(), name.to_owned(), false),
            }
        };
        self.buf = buf;
        if let Some(i) = found {
            let p = &mut self.list[i as usize];
            p.rows = p.rows.saturating_add(1);
        }
        found
    }

    fn add(&mut self, key: String, url: String, name: String, url_unpaired: bool) -> Option<u32> {
        if url.is_empty() && name.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_key.get(&key) {
            return Some(i);
        }
        if self.list.len() >= MAX_PARTIES {
            return None;
        }
        let i = self.list.len() as u32;
        self.by_key.insert(key, i);
        self.list.push(Party {
            url,
            name,
            url_unpaired,
            rows: 0,
        });
        Some(i)
    }

    /// The user: the one on the most rows, when no one else is on as many.
    fn owner(&self) -> Option<u32> {
        let mut top: Option<(u32, u32)> = None;
        let mut tied = false;
        for (i, p) in self.list.iter().enumerate() {
            match top {
                Some((_, rows)) if p.rows < rows => {}
                Some((_, rows)) if p.rows == rows => tied = true,
                _ => {
                    top = Some((i as u32, p.rows));
                    tied = false;
                }
            }
        }
        top.filter(|_| !tied).map(|(i, _)| i)
    }
}

/// Reads messages.csv into `signals`; says whether any row gave a profile URL.
pub fn read(
    label: &str,
    decoded: &Decoded,
    joiner: &mut Joiner<'_>,
    signals: &mut Signals,
    warnings: &mut Vec<String>,
) -> Result<bool, ImportError> {
    let mut table = Table::of_text(label, &decoded.text, &KIND)?;
    let h = &table.header;
    let col = |names: &[&str]| h.find(names);
    let [
        conversation,
        from_name,
        sender,
        to_names,
        recipients,
        date,
        draft,
        conversation_draft,
    ] = [
        col(&["conversation id"]),
        col(&["from"]),
        col(&["sender profile url"]),
        col(&["to"]),
        col(&["recipient profile urls", "recipient profile url"]),
        col(&["date"]),
        col(&["is message draft"]),
        col(&["is conversation draft"]),
    ];
    let mut conversations: Vec<Conversation> = Vec::new();
    let mut by_id: HashMap<String, u32> = HashMap::default();
    let mut parties = Parties::default();
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
        let yes = |c| trim(get(c)).eq_ignore_ascii_case("yes");
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
        let from = parties.see(get(sender), get(from_name), false);
        if let Some(p) = from {
            conv.add_member(p);
        }
        let (urls, names) = (get(recipients), get(to_names));
        if !urls.contains(',') && !names.contains(',') {
            // One recipient, as on nearly every row: no lists to build.
            if let Some(p) = parties.see(urls, names, false) {
                conv.add_member(p);
            }
        } else {
            let urls: Vec<&str> = list(urls).collect();
            let named: Vec<&str> = list(names).collect();
            // A group names its members in both lists, in the same order.
            let paired = urls.len() == named.len();
            let unpaired = !paired && !urls.is_empty();
            let members: Vec<(&str, &str)> = if paired {
                urls.into_iter().zip(named).collect()
            } else {
                // The lists disagree: a name may hold a comma itself ("Doe, MBA").
                let urls = urls.into_iter().map(|url| (url, ""));
                urls.chain(with_commas(names).into_iter().map(|name| ("", name)))
                    .collect()
            };
            for (url, name) in members {
                if let Some(p) = parties.see(url, name, unpaired && url.is_empty()) {
                    conv.add_member(p);
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
    let owner = parties.owner();
    // Each party's connections, found once.
    let mut found = Vec::new();
    let resolved: Vec<Vec<PersonId>> = parties
        .list
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // The user's own name says nothing about a connection who shares it.
            let name = if Some(i as u32) == owner || joiner.urls.find(&p.url).is_some() {
                String::new()
            } else {
                fold_name(&p.name)
            };
            joiner.find(&p.url, p.url_unpaired, &name, &mut found);
            found.clone()
        })
        .collect();
    let any_url = parties.list.iter().any(|p| !p.url.is_empty());
    // Each member's earliest conversation decides who wrote first.
    let mut first_at: HashMap<PersonId, NaiveDateTime> = HashMap::default();
    let mut members = Vec::new();
    for conv in &conversations {
        members.clear();
        for &p in &conv.members {
            members.extend_from_slice(&resolved[p as usize]);
        }
        members.sort_unstable();
        members.dedup();
        if members.is_empty() {
            signals.report.conversations_without_connections += 1;
            continue;
        }
        for &id in &members {
            let Some(s) = signals.get_mut(id) else {
                continue;
            };
            s.messages = s.messages.saturating_add(conv.messages);
            s.last_message = s.last_message.max(conv.last);
            if let Some((at, from)) = conv.first
                && first_at.get(&id).is_none_or(|&earliest| at < earliest)
            {
                first_at.insert(id, at);
                s.first_writer = Some(if from.is_some() && from == owner {
                    Writer::Me
                } else {
                    Writer::Them
                });
            }
        }
    }
    Ok(any_url)
}

/// The non-empty items of a comma-separated list.
fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split(',').map(trim).filter(|s| !s.is_empty())
}

/// Names a comma-separated list may hold: each item, and each run of two or three
/// neighbours as written, for a name with a comma of its own (`Sam Smith, Jr.`). A run
/// that is nobody's name finds no one.
fn with_commas(text: &str) -> Vec<&str> {
    let mut spans = Vec::new();
    let mut start = 0;
    for piece in text.split(',') {
        let end = start + piece.len();
        let item = trim(piece);
        if !item.is_empty() {
            let at = start + (piece.len() - piece.trim_start().len());
            spans.push((at, at + item.len()));
        }
        start = end + 1;
    }
    let mut out = Vec::with_capacity(spans.len() * 3);
    for (i, &(from, to)) in spans.iter().enumerate() {
        out.push(&text[from..to]);
        for &(_, last) in spans.iter().skip(i + 1).take(2) {
            out.push(&text[from..last]);
        }
    }
    out
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
