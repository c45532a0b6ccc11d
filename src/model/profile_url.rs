//! Profile URLs as a person's row keeps them: the normalised URL (the identity), stored
//! without LinkedIn's common prefix, and how the export wrote it.

use std::borrow::Cow;

/// A profile URL as stored: LinkedIn's `https://www.linkedin.com/in/`, common to nearly
/// every URL of an export, is kept once rather than once a person (28 MB a million).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProfileUrl<'a> {
    pub(super) linkedin_in: bool,
    pub(super) rest: &'a str,
}

impl<'a> ProfileUrl<'a> {
    pub const LINKEDIN_IN: &'static str = "https://www.linkedin.com/in/";

    /// The stored form of `url`.
    pub(super) fn split(url: &'a str) -> Self {
        match url.strip_prefix(Self::LINKEDIN_IN) {
            Some(rest) => ProfileUrl {
                linkedin_in: true,
                rest,
            },
            None => ProfileUrl {
                linkedin_in: false,
                rest: url,
            },
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.linkedin_in && self.rest.is_empty()
    }

    /// The whole URL.
    pub fn to_cow(&self) -> Cow<'a, str> {
        if self.linkedin_in {
            Cow::Owned(format!("{}{}", Self::LINKEDIN_IN, self.rest))
        } else {
            Cow::Borrowed(self.rest)
        }
    }

    /// Appends the whole URL to `out`.
    pub fn write_to(&self, out: &mut String) {
        if self.linkedin_in {
            out.push_str(Self::LINKEDIN_IN);
        }
        out.push_str(self.rest);
    }

    /// Whether this is `url`, without building the whole URL.
    pub fn is(&self, url: &str) -> bool {
        *self == ProfileUrl::split(url)
    }
}

impl std::fmt::Display for ProfileUrl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.linkedin_in {
            f.write_str(Self::LINKEDIN_IN)?;
        }
        f.write_str(self.rest)
    }
}

impl std::fmt::Debug for ProfileUrl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.to_cow())
    }
}

impl PartialEq<&str> for ProfileUrl<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.is(other)
    }
}

impl PartialEq<String> for ProfileUrl<'_> {
    fn eq(&self, other: &String) -> bool {
        self.is(other)
    }
}

impl PartialEq<ProfileUrl<'_>> for String {
    fn eq(&self, other: &ProfileUrl<'_>) -> bool {
        other.is(self)
    }
}

impl PartialEq<ProfileUrl<'_>> for &str {
    fn eq(&self, other: &ProfileUrl<'_>) -> bool {
        other.is(self)
    }
}

/// How the export wrote a person's URL, next to its normalised form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrittenUrl<'a> {
    /// Exactly as normalised (nearly every URL).
    AsNormalised,
    /// The normalised URL with its non-ASCII bytes percent-encoded, upper-case hex.
    PercentEncoded,
    /// Anything else (a trailing slash, a query, another case): kept as written.
    Text(&'a str),
}

/// Upper-case hex digits, as LinkedIn percent-encodes.
const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// `url` with every non-ASCII byte written `%XX`, as Connections.csv writes slugs. Run
/// for each such removal when the journal is read: ASCII runs are copied whole.
pub fn percent_encode_non_ascii(url: &str) -> String {
    let mut out = String::with_capacity(url.len() * 2);
    let mut rest = url;
    // Both ends of a run of non-ASCII bytes are character boundaries.
    while let Some(start) = rest.bytes().position(|b| !b.is_ascii()) {
        out.push_str(&rest[..start]);
        let end = rest.as_bytes()[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(rest.len(), |n| start + n);
        for b in rest[start..end].bytes() {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Whether `written` is [`percent_encode_non_ascii`] of a non-ASCII `url`, checked
/// without building it (once per row of a large export).
pub fn is_percent_encoding_of(written: &str, url: &str) -> bool {
    if url.is_ascii() {
        return false;
    }
    let mut w = written.bytes();
    for b in url.bytes() {
        if b.is_ascii() {
            if w.next() != Some(b) {
                return false;
            }
        } else if w.next() != Some(b'%')
            || w.next() != Some(HEX[usize::from(b >> 4)])
            || w.next() != Some(HEX[usize::from(b & 15)])
        {
            return false;
        }
    }
    w.next().is_none()
}

impl serde::Serialize for ProfileUrl<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_bytes_are_encoded_as_linkedin_writes_them() {
        let url = "https://www.linkedin.com/in/josé-ü";
        let encoded = percent_encode_non_ascii(url);
        assert_eq!(encoded, "https://www.linkedin.com/in/jos%C3%A9-%C3%BC");
        assert!(is_percent_encoding_of(&encoded, url));
    }
}
