//! The staged file's lines. People staged from the export that was open are kept by
//! identity alone, under a header naming that export, so a million of them restore
//! without reading a million people's fields again; the export has them. An identity
//! that is a LinkedIn profile URL (nearly all) is written without LinkedIn's common
//! prefix, as a one-string array; any other as a JSON string. People staged from an
//! export not open then keep their fields, one JSON object each (the oldest form, still
//! read):
//!
//! ```text
//! {"staged":3,"export":"/home/me/Downloads/Connections.csv"}
//! ["ada"]
//! ["bo"]
//! "name:di dee|di@example.com"
//! {"id":"https://www.linkedin.com/in/cy","item":{"first_name":"Cy",...}}
//! ```
//!
//! `["ada"]` stands for `https://www.linkedin.com/in/ada`: half the bytes to read, for a
//! million staged. Each line says which form it is, so a file read from its middle (in
//! two halves) needs no context. Version 2 files (every identity a whole JSON string)
//! read as before.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::StagedEntry;
use super::id_list::IdList;
use crate::model::profile_url::ProfileUrl;

/// The staged file's version of the identities form: 3 adds the short form of LinkedIn
/// profile URLs.
const VERSION: u32 = 3;
/// The versions still read: 2 wrote every identity whole.
const READ_VERSIONS: [u32; 2] = [2, 3];

/// What a short-form identity line leaves out.
const LINKEDIN_IN: &str = ProfileUrl::LINKEDIN_IN;

/// Starts a run of identities: the export they were staged from.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    staged: u32,
    export: Option<String>,
}

/// Identities staged from one export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdGroup {
    /// The export they were staged from (as opened, made absolute), when known.
    pub export: Option<String>,
    pub ids: IdList,
}

/// Everything a staged file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedSet<T> {
    /// Identities, by the export they were staged from.
    pub groups: Vec<IdGroup>,
    /// Entries with their fields.
    pub entries: Vec<StagedEntry<T>>,
}

impl<T> Default for StagedSet<T> {
    fn default() -> Self {
        StagedSet {
            groups: Vec::new(),
            entries: Vec::new(),
        }
    }
}

impl<T> StagedSet<T> {
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.ids.len()).sum::<usize>() + self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every identity: the groups' first, in file order, then the entries'.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let grouped = self.groups.iter().flat_map(|g| g.ids.iter());
        grouped.chain(self.entries.iter().map(|e| e.id.as_str()))
    }
}

/// Writes the header of a run of identities staged from `export`.
pub fn write_header(out: &mut dyn Write, export: Option<&str>) -> io::Result<()> {
    let header = Header {
        staged: VERSION,
        export: export.map(str::to_owned),
    };
    serde_json::to_writer(&mut *out, &header)?;
    out.write_all(b"\n")
}

/// Writes an identity line's JSON (without its line break): a LinkedIn profile URL in
/// the short form, anything else whole.
pub fn write_id(buf: &mut Vec<u8>, id: &str) -> serde_json::Result<()> {
    match id.strip_prefix(LINKEDIN_IN) {
        Some(rest) => serde_json::to_writer(buf, &[rest]),
        None => serde_json::to_writer(buf, id),
    }
}

/// Writes `set`: its groups, each under its header, then its entries.
pub fn write_set<T: Serialize>(out: &mut dyn Write, set: &StagedSet<T>) -> io::Result<()> {
    let mut buf = Vec::new();
    for group in &set.groups {
        write_header(&mut buf, group.export.as_deref())?;
        for id in &group.ids {
            write_id(&mut buf, id)?;
            buf.push(b'\n');
        }
    }
    for entry in &set.entries {
        serde_json::to_writer(&mut buf, entry)?;
        buf.push(b'\n');
    }
    out.write_all(&buf)
}

/// What a run of lines holds, and its damaged lines (number from 1, text).
pub struct Parsed<'a, T> {
    pub set: StagedSet<T>,
    /// Identities before any header in this run (a run read from the middle of a file
    /// continues the group before it).
    headless: IdList,
    pub bad: Vec<(usize, &'a str)>,
}

impl<'a, T> Parsed<'a, T> {
    /// Appends the next run of the same file.
    pub fn extend(&mut self, next: Parsed<'a, T>) {
        match self.set.groups.last_mut() {
            Some(last) => last.ids.append(&next.headless),
            None => self.headless.append(&next.headless),
        }
        self.set.groups.extend(next.set.groups);
        self.set.entries.extend(next.set.entries);
        self.bad.extend(next.bad);
    }

    /// The set, identities before any header counted as from an unknown export.
    pub fn finish(mut self) -> (StagedSet<T>, Vec<(usize, &'a str)>) {
        if !self.headless.is_empty() {
            let ids = std::mem::take(&mut self.headless);
            self.set.groups.insert(0, IdGroup { export: None, ids });
        }
        (self.set, self.bad)
    }
}

/// The lines of `text`, whose first is line `before + 1` of the file; lines numbered in
/// `damaged` (sorted) are taken as damaged without reading them.
pub fn parse_lines<'a, T: DeserializeOwned>(
    text: &'a str,
    before: usize,
    damaged: &[usize],
) -> Parsed<'a, T> {
    let mut parsed = Parsed {
        set: StagedSet::default(),
        headless: IdList::default(),
        bad: Vec::new(),
    };
    for (i, line) in lines(text).enumerate() {
        if !damaged.is_empty() && damaged.binary_search(&(before + i + 1)).is_ok() {
            parsed.bad.push((before + i + 1, line));
            continue;
        }
        let body = trimmed(line);
        let ids = match parsed.set.groups.last_mut() {
            Some(group) => &mut group.ids,
            None => &mut parsed.headless,
        };
        let read = match body.as_bytes().first() {
            None => continue,
            Some(b'[') => read_short_id(body).map(|rest| ids.push_parts(LINKEDIN_IN, &rest)),
            Some(b'"') => read_id(body).map(|id| ids.push(&id)),
            Some(b'{') if body.starts_with("{\"staged\"") => serde_json::from_str::<Header>(body)
                .ok()
                .filter(|h| READ_VERSIONS.contains(&h.staged))
                .map(|h| {
                    parsed.set.groups.push(IdGroup {
                        export: h.export,
                        ids: IdList::default(),
                    });
                }),
            Some(_) => serde_json::from_str(body)
                .ok()
                .map(|entry| parsed.set.entries.push(entry)),
        };
        if read.is_none() {
            parsed.bad.push((before + i + 1, line));
        }
    }
    parsed
}

/// `line` without surrounding white space. The lines this program writes have none,
/// which is checked first: a million lines.
fn trimmed(line: &str) -> &str {
    let bytes = line.as_bytes();
    let clean = |b: Option<&u8>| b.is_some_and(|b| b"\"[]{}".contains(b));
    if clean(bytes.first()) && clean(bytes.last()) {
        line
    } else {
        line.trim()
    }
}

/// The lines of `text`, as [`str::lines`] gives them (a `\r` before the break dropped),
/// found with `memchr`'s vector search: a million short lines are most of the work.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let line = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut rest),
        };
        Some(line)
    })
}

/// An identity line: a JSON string. Most need no unescaping: take them as they are.
fn read_id(body: &str) -> Option<Cow<'_, str>> {
    let inner = body.strip_prefix('"')?.strip_suffix('"')?;
    if is_plain(inner) {
        return Some(Cow::Borrowed(inner));
    }
    serde_json::from_str::<String>(body).ok().map(Cow::Owned)
}

/// A short-form identity line, `["rest"]`: what follows LinkedIn's profile URL prefix.
fn read_short_id(body: &str) -> Option<Cow<'_, str>> {
    let inner = body.strip_prefix("[\"")?.strip_suffix("\"]")?;
    if is_plain(inner) {
        return Some(Cow::Borrowed(inner));
    }
    let [rest] = serde_json::from_str::<[String; 1]>(body).ok()?;
    Some(Cow::Owned(rest))
}

/// Whether the inside of a JSON string holds no escape, quote or control character: then
/// it is its own value. Eight bytes at a time, the last eight overlapping: at a million
/// lines this takes a third of the time of a loop over the bytes.
fn is_plain(inner: &str) -> bool {
    let bytes = inner.as_bytes();
    let Some(last) = bytes.last_chunk::<8>() else {
        return !bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
    };
    let (words, _) = bytes.as_chunks::<8>();
    let odd = words
        .iter()
        .fold(odd_bytes(last), |odd, w| odd | odd_bytes(w));
    odd == 0
}

/// Non-zero if one of these bytes is a control character, a quote or a backslash (the
/// word-at-a-time test for a byte below a bound, exact for bounds up to 128).
fn odd_bytes(word: &[u8; 8]) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let x = u64::from_ne_bytes(*word);
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x;
    let quote = x ^ (ONES * u64::from(b'"'));
    let backslash = x ^ (ONES * u64::from(b'\\'));
    (below(x, 0x20) | below(quote, 1) | below(backslash, 1)) & HIGHS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_split_as_str_lines_splits_them() {
        for text in ["", "a", "a\n", "a\r\nb", "\n\nc\r", "x\n\r\n"] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn identities_read_back_exactly_however_they_are_spelt() {
        for id in [
            "plain",
            "with \"quotes\" and \\",
            "tab\there",
            "ünï\u{1b}[2J",
        ] {
            let line = serde_json::to_string(id).unwrap();
            assert_eq!(read_id(&line).as_deref(), Some(id), "{line}");
        }
        assert_eq!(read_id("\"cut off"), None);
        assert_eq!(read_id("\"a\"b\""), None, "not one JSON string");
    }

    #[test]
    fn profile_urls_are_written_short_and_read_back_whole_other_identities_as_they_are() {
        for id in [
            "https://www.linkedin.com/in/ada",
            "https://www.linkedin.com/in/jos\u{e9}-\"q\"\t\\",
            "https://www.linkedin.com/in/",
            "https://www.linkedin.com/pub/old/1/2/3",
            "http://www.linkedin.com/in/ada",
            "name:ada lovelace|ada@example.com",
            "row:ada\u{1f}acme\u{1f}\u{1f}2020-01-01",
            "[\"looks like a short line\"]",
            "",
        ] {
            let mut line = Vec::new();
            write_id(&mut line, id).unwrap();
            let line = String::from_utf8(line).unwrap();
            let short = id.starts_with(LINKEDIN_IN);
            assert_eq!(line.starts_with('['), short, "{line}");
            let parsed = parse_lines::<()>(&line, 0, &[]);
            assert!(parsed.bad.is_empty(), "{line}");
            assert_eq!(parsed.headless.iter().collect::<Vec<_>>(), [id], "{line}");
        }
        assert_eq!(
            parse_lines::<()>("[\"cut off\"\n[\"a\",\"b\"]\n[1]\n", 7, &[]).bad,
            [(8, "[\"cut off\""), (9, "[\"a\",\"b\"]"), (10, "[1]")],
            "not one string"
        );
    }

    proptest::proptest! {
        /// Word at a time, as byte at a time: no escape, no quote, no control character.
        #[test]
        fn plain_is_what_needs_no_unescaping(text in "[ -~\u{0}-\u{1f}é€😀]{0,40}") {
            let naive = !text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
            proptest::prop_assert_eq!(is_plain(&text), naive);
        }
    }

    #[test]
    fn version_2_and_3_headers_are_read_and_other_versions_set_aside() {
        let text = "{\"staged\":2,\"export\":\"/old.csv\"}\n\"https://www.linkedin.com/in/a\"\n\
                    {\"staged\":3,\"export\":\"/new.csv\"}\n[\"b\"]\n\
                    {\"staged\":4,\"export\":null}\n";
        let parsed = parse_lines::<()>(text, 0, &[]);
        assert_eq!(parsed.bad, [(5, "{\"staged\":4,\"export\":null}")]);
        let groups: Vec<(Option<&str>, Vec<&str>)> = parsed
            .set
            .groups
            .iter()
            .map(|g| (g.export.as_deref(), g.ids.iter().collect()))
            .collect();
        assert_eq!(
            groups,
            [
                (Some("/old.csv"), vec!["https://www.linkedin.com/in/a"]),
                (Some("/new.csv"), vec!["https://www.linkedin.com/in/b"]),
            ]
        );
    }
}
