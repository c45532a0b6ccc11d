//! The staged file's lines. People staged from the export that was open are kept by
//! identity alone, under a header naming that export, so a million of them restore
//! without reading a million people's fields again; the export has them. People staged
//! from an export not open then keep their fields, one JSON object each (the older form,
//! still read):
//!
//! ```text
//! {"staged":2,"export":"/home/me/Downloads/Connections.csv"}
//! "https://www.linkedin.com/in/ada"
//! "https://www.linkedin.com/in/bo"
//! {"id":"https://www.linkedin.com/in/cy","item":{"first_name":"Cy",...}}
//! ```

use std::borrow::Cow;
use std::io::{self, Write};

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::StagedEntry;
use super::id_list::IdList;

/// The staged file's version of the identities form.
const VERSION: u32 = 2;

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

/// Writes `set`: its groups, each under its header, then its entries.
pub fn write_set<T: Serialize>(out: &mut dyn Write, set: &StagedSet<T>) -> io::Result<()> {
    let mut buf = Vec::new();
    for group in &set.groups {
        write_header(&mut buf, group.export.as_deref())?;
        for id in group.ids.iter() {
            serde_json::to_writer(&mut buf, id)?;
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

/// The lines of `text`, whose first is line `before + 1` of the file.
pub fn parse_lines<T: DeserializeOwned>(text: &str, before: usize) -> Parsed<'_, T> {
    let mut parsed = Parsed {
        set: StagedSet::default(),
        headless: IdList::default(),
        bad: Vec::new(),
    };
    for (i, line) in lines(text).enumerate() {
        let body = line.trim();
        if body.is_empty() {
            continue;
        }
        let read = if body.starts_with('"') {
            read_id(body).map(|id| match parsed.set.groups.last_mut() {
                Some(group) => group.ids.push(&id),
                None => parsed.headless.push(&id),
            })
        } else if body.starts_with("{\"staged\"") {
            serde_json::from_str::<Header>(body)
                .ok()
                .filter(|h| h.staged == VERSION)
                .map(|h| {
                    parsed.set.groups.push(IdGroup {
                        export: h.export,
                        ids: IdList::default(),
                    })
                })
        } else {
            serde_json::from_str(body)
                .ok()
                .map(|entry| parsed.set.entries.push(entry))
        };
        if read.is_none() {
            parsed.bad.push((before + i + 1, line));
        }
    }
    parsed
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
    // Every byte checked, without stopping early, so that the loop is vectorised.
    let plain = !inner.bytes().fold(false, |odd, b| {
        odd | (b == b'\\') | (b == b'"') | (b < 0x20)
    });
    if plain {
        return Some(Cow::Borrowed(inner));
    }
    serde_json::from_str::<String>(body).ok().map(Cow::Owned)
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
}
