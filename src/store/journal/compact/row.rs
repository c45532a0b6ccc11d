//! An entry line's fields as read: the journal of a large export holds tens of thousands
//! of them and is read at every start. A line as this program writes it (strings without
//! escapes, nulls, no spaces) is read directly; any other goes to serde_json, which
//! reads every line the same. No list is allocated for a line, and its date is read
//! without chrono's general parser.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};

/// The most fields this version writes: a person's seven and the URL as written. A
/// newer version's further fields are counted and skipped.
const MOST: usize = 8;

/// The fields of one entry line: strings or nulls, the first [`MOST`] of them kept.
#[derive(Debug, Default)]
pub(in crate::store::journal) struct Fields {
    values: [Option<String>; MOST],
    len: usize,
}

impl Fields {
    pub fn len(&self) -> usize {
        self.len
    }

    /// Reads an entry line, `[` to `]`; `None` if it is not an array whose first
    /// [`MOST`] values are strings or nulls.
    pub fn read(body: &[u8]) -> Option<Fields> {
        Fields::read_plain(body).or_else(|| serde_json::from_slice(body).ok())
    }

    /// Reads a line of strings without escapes and nulls, separated by commas alone;
    /// `None` for anything else, left to serde_json (a control character, which JSON
    /// refuses, as well).
    fn read_plain(body: &[u8]) -> Option<Fields> {
        let (values, len) = Fields::read_plain_borrowed(body)?;
        Some(Fields {
            values: values.map(|v| v.map(str::to_owned)),
            len,
        })
    }

    /// [`Fields::read_plain`] without a copy of any field: the first [`MOST`] values as
    /// they stand in `body`, and how many there are (a lean read allocates none).
    pub fn read_plain_borrowed(body: &[u8]) -> Option<([Option<&str>; MOST], usize)> {
        let text = std::str::from_utf8(body).ok()?;
        // Folded, not stopped at the first: the compiler then checks many bytes at once.
        #[allow(clippy::unnecessary_fold)]
        if text.bytes().fold(false, |control, b| control || (b < 0x20)) {
            return None;
        }
        let mut rest = text.strip_prefix('[')?.strip_suffix(']')?;
        let mut values = [None; MOST];
        let mut len = 0;
        if rest.is_empty() {
            return Some((values, len));
        }
        loop {
            let value = if let Some(after) = rest.strip_prefix("null") {
                rest = after;
                None
            } else {
                let inner = rest.strip_prefix('"')?;
                let end = memchr::memchr2(b'"', b'\\', inner.as_bytes())?;
                if inner.as_bytes()[end] != b'"' {
                    return None;
                }
                rest = &inner[end + 1..];
                Some(&inner[..end])
            };
            if let Some(slot) = values.get_mut(len) {
                *slot = value;
            }
            len += 1;
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None if rest.is_empty() => return Some((values, len)),
                None => return None,
            }
        }
    }

    /// The fields in order, a null as empty text.
    pub fn into_texts(self) -> impl Iterator<Item = String> {
        self.values
            .into_iter()
            .take(self.len)
            .map(Option::unwrap_or_default)
    }

    /// The only field of a one-field line (an identity); `None` if null.
    pub fn into_only(self) -> Option<String> {
        let [first, ..] = self.values;
        first
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fields, D::Error> {
        struct Read;
        impl<'de> Visitor<'de> for Read {
            type Value = Fields;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "an array of strings or nulls")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Fields, A::Error> {
                let mut fields = Fields::default();
                loop {
                    let more = match fields.values.get_mut(fields.len) {
                        Some(slot) => seq.next_element()?.map(|value| *slot = value),
                        None => seq.next_element::<de::IgnoredAny>()?.map(drop),
                    };
                    if more.is_none() {
                        return Ok(fields);
                    }
                    fields.len += 1;
                }
            }
        }
        d.deserialize_seq(Read)
    }
}

/// A date as the journal writes it (`2026-02-08`); anything else as chrono reads it.
pub(in crate::store::journal) fn date(text: &str) -> Option<NaiveDate> {
    if let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = text.as_bytes()
        && [y0, y1, y2, y3, m0, m1, d0, d1]
            .iter()
            .all(u8::is_ascii_digit)
    {
        let number = |digits: &[u8]| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
        let year = i32::try_from(number(&[y0, y1, y2, y3])).ok()?;
        return NaiveDate::from_ymd_opt(year, number(&[m0, m1]), number(&[d0, d1]));
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_keeps_eight_fields_and_counts_a_newer_versions_more() {
        let fields: Fields = serde_json::from_str(r#"["a",null,"c"]"#).unwrap();
        assert_eq!(fields.len(), 3);
        assert_eq!(fields.into_texts().collect::<Vec<_>>(), ["a", "", "c"]);
        let only: Fields = serde_json::from_str(r#"["id"]"#).unwrap();
        assert_eq!(only.into_only().as_deref(), Some("id"));
        let eight = r#"["1","2","3","4","5","6","7","8"]"#;
        assert_eq!(serde_json::from_str::<Fields>(eight).unwrap().len(), 8);
        let nine = r#"["1","2","3","4","5","6","7","8",{"new":9}]"#;
        let nine = serde_json::from_str::<Fields>(nine).unwrap();
        assert_eq!(nine.len(), 9);
        assert_eq!(nine.into_texts().last().as_deref(), Some("8"));
        assert!(serde_json::from_str::<Fields>(r"[1]").is_err());
    }

    /// What serde_json reads the line as: the reference.
    fn as_json(line: &str) -> Option<Vec<Option<String>>> {
        let fields: Fields = serde_json::from_str(line).ok()?;
        let len = fields.len;
        Some(fields.values.into_iter().take(len).collect())
    }

    fn as_read(line: &str) -> Option<Vec<Option<String>>> {
        let fields = Fields::read(line.as_bytes())?;
        let len = fields.len;
        Some(fields.values.into_iter().take(len).collect())
    }

    #[test]
    fn plain_and_other_lines_read_as_serde_json_reads_them() {
        for line in [
            r#"["Ada","Lovelace",null,"","x"]"#,
            r#"["José, \"the\" first","\u001b[2J"]"#,
            r#"[ "spaced" , null ]"#,
            "[\"tab\tinside\"]",
            r"[]",
            r#"["a",]"#,
            r#"[,"a"]"#,
            r#"["a""b"]"#,
            r#"["a",nul]"#,
            r#"["a",nullx]"#,
            r#"["unterminated]"#,
            r#"["1","2","3","4","5","6","7","8","9"]"#,
            r"[1]",
            r#"{"a":1}"#,
        ] {
            assert_eq!(as_read(line), as_json(line), "{line}");
        }
        assert!(
            Fields::read_plain(br#"["Ada",null]"#).is_some(),
            "read directly"
        );
        assert!(Fields::read(b"[\"\xff\"]").is_none(), "not UTF-8");
    }

    proptest::proptest! {
        /// Any array of strings (escapes, controls, any Unicode) and nulls, written with
        /// or without spaces, reads as serde_json reads it.
        #[test]
        fn any_line_reads_as_serde_json_reads_it(
            values in proptest::collection::vec(
                proptest::option::of("(\\PC|[\"\\\\\u{0}-\u{1f}é😀,\\[\\]])*"),
                0..10,
            ),
            spaced in proptest::bool::ANY,
        ) {
            let mut line = serde_json::to_string(&values).unwrap();
            if spaced {
                line = line.replace(',', " , ");
            }
            proptest::prop_assert_eq!(as_read(&line), as_json(&line));
        }
    }

    #[test]
    fn dates_read_as_chrono_reads_them() {
        for text in [
            "2026-02-08",
            "2024-02-29",
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "0000-01-01",
            "+10000-01-01",
            "2026-2-8",
            "2026/02/08",
            "",
        ] {
            assert_eq!(date(text), text.parse().ok(), "{text:?}");
        }
    }
}
