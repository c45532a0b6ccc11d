//! Profile URLs as identities: Connections.csv percent-encodes non-ASCII slugs while
//! Invitations.csv writes them raw, so both are decoded and normalised before comparing.

use percent_encoding::percent_decode_str;

/// Percent-decodes, lower-cases the host, drops query, fragment and trailing slashes.
/// `https://WWW.LinkedIn.com/in/jos%C3%A9-x/?trk=1` becomes `https://www.linkedin.com/in/josé-x`.
pub fn normalise(raw: &str) -> String {
    let mut out = String::new();
    normalise_into(raw, &mut out);
    out
}

/// LinkedIn's own host, as nearly every URL in an export starts.
const LINKEDIN: &str = "https://www.linkedin.com/";

/// How a URL was written, next to its normal form, when normalising found out on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// Exactly as normalised.
    Normal,
    /// Normal but for its non-ASCII bytes, each written `%XX` in upper-case hex (as
    /// Connections.csv writes every accented slug).
    PercentEncoded,
    /// Not worked out: compare the two.
    Unknown,
}

/// [`normalise`] into a reused buffer: the import calls it once per row. Says how `raw`
/// (trimmed) was spelled against the result, when that came for free.
pub fn normalise_into(raw: &str, out: &mut String) -> Spelling {
    out.clear();
    let raw = super::table::trim(raw);
    // Nearly every URL in an export is LinkedIn's own, without a query: copied in one
    // go, or decoded straight into `out` when Connections.csv percent-encoded its slug
    // (half the profiles in a network with accented names). Both end as the general
    // path below would, without its allocation and its searches.
    if let Some(path) = raw.strip_prefix(LINKEDIN)
        && memchr::memchr2(b'?', b'#', path.as_bytes()).is_none()
    {
        let mut spelling = if memchr::memchr(b'%', path.as_bytes()).is_none() {
            out.push_str(raw);
            Spelling::Normal
        } else if decode_percent_into(raw, out) {
            Spelling::PercentEncoded
        } else {
            Spelling::Unknown
        };
        let kept = out.trim_end_matches('/').len();
        if kept < out.len() {
            out.truncate(kept);
            spelling = Spelling::Unknown;
        }
        let path = out.get(LINKEDIN.len()..).unwrap_or_default();
        if matches!(path.trim_start_matches('/'), "" | "in" | "pub") {
            out.clear();
            spelling = Spelling::Unknown;
        }
        return spelling;
    }
    let raw = &raw[..raw.find(['?', '#']).unwrap_or(raw.len())];
    if raw.contains('%') {
        join_parts(&percent_decode_str(raw).decode_utf8_lossy(), out);
    } else {
        join_parts(raw, out);
    }
    if names_no_profile(out) {
        out.clear();
    }
    Spelling::Unknown
}

/// LinkedIn's address with no profile in it: late-2023 Invitations.csv files hold just
/// `https://www.linkedin.com/in` in both URL cells. That is a missing URL, not a person.
fn names_no_profile(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    (host == "linkedin.com" || host.ends_with(".linkedin.com"))
        && matches!(path.trim_matches('/'), "" | "in" | "pub")
}

/// Percent-decodes `raw` into `out` (empty), reusing its buffer; invalid UTF-8 after
/// decoding becomes U+FFFD, as `percent_decode_str(raw).decode_utf8_lossy()` has it.
/// Returns whether `raw` is the result written as [`Spelling::PercentEncoded`] says.
fn decode_percent_into(raw: &str, out: &mut String) -> bool {
    let mut bytes = std::mem::take(out).into_bytes();
    let mut canonical = raw.is_ascii();
    let raw = raw.as_bytes();
    // A hex digit's value, and whether it was written in upper case (or is a digit).
    let hex = |j: usize| match raw.get(j) {
        Some(&b @ b'0'..=b'9') => Some((b - b'0', true)),
        Some(&b @ b'A'..=b'F') => Some((b - b'A' + 10, true)),
        Some(&b @ b'a'..=b'f') => Some((b - b'a' + 10, false)),
        _ => None,
    };
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'%', &raw[i..]) {
        let at = i + at;
        bytes.extend_from_slice(&raw[i..at]);
        if let (Some((hi, upper_hi)), Some((lo, upper_lo))) = (hex(at + 1), hex(at + 2)) {
            let byte = hi * 16 + lo;
            // Only non-ASCII bytes are encoded, in upper case.
            canonical &= !byte.is_ascii() && upper_hi && upper_lo;
            bytes.push(byte);
            i = at + 3;
        } else {
            canonical = false;
            bytes.push(b'%');
            i = at + 1;
        }
    }
    bytes.extend_from_slice(&raw[i..]);
    *out = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            canonical = false;
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    canonical
}

fn join_parts(url: &str, out: &mut String) {
    if url.is_empty() {
        return;
    }
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    // One profile, whichever LinkedIn host or scheme wrote it: `linkedin.com/in/x`
    // (endorsement files), `http://uk.linkedin.com/in/x`.
    let host_lower = host.to_ascii_lowercase();
    if host_lower == "linkedin.com" || host_lower.ends_with(".linkedin.com") {
        out.push_str("https://www.linkedin.com");
        out.push_str(path.trim_end_matches('/'));
        return;
    }
    for c in scheme.chars() {
        out.push(c.to_ascii_lowercase());
    }
    out.push_str("://");
    if host.is_ascii() {
        out.extend(host.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.push_str(&host.to_lowercase());
    }
    out.push_str(path.trim_end_matches('/'));
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn percent_encoded_and_raw_slugs_meet() {
        assert_eq!(
            normalise("https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa"),
            normalise("https://www.linkedin.com/in/josé-garcía")
        );
    }

    #[test]
    fn host_lowercased_query_and_trailing_slash_dropped() {
        assert_eq!(
            normalise(" https://WWW.LinkedIn.com/in/Ada-X/?trk=people#top "),
            "https://www.linkedin.com/in/Ada-X"
        );
        assert_eq!(
            normalise("www.linkedin.com/in/ada"),
            "https://www.linkedin.com/in/ada"
        );
        assert_eq!(normalise(""), "");
        for same in [
            "linkedin.com/in/ada",
            "http://www.linkedin.com/in/ada/",
            "https://uk.linkedin.com/in/ada",
        ] {
            assert_eq!(normalise(same), "https://www.linkedin.com/in/ada", "{same}");
        }
    }

    /// The general path alone, as every URL was normalised before the fast one.
    fn general(url: &str) -> String {
        let url = url.trim();
        let url = &url[..url.find(['?', '#']).unwrap_or(url.len())];
        let mut out = String::new();
        super::join_parts(
            &percent_encoding::percent_decode_str(url).decode_utf8_lossy(),
            &mut out,
        );
        if super::names_no_profile(&out) {
            out.clear();
        }
        out
    }

    #[test]
    fn the_fast_path_agrees_with_the_full_one() {
        for url in [
            "https://www.linkedin.com/in/ada-x",
            "https://www.linkedin.com/in/ada-x/",
            "https://www.linkedin.com/in/jos%C3%A9",
            "https://www.linkedin.com/in/jos%c3%a9//",
            "https://www.linkedin.com/in/ada?x=1",
            "https://www.linkedin.com/in/ada%2F",
            "https://www.linkedin.com/in/%FF%",
            "https://www.linkedin.com/in/%C3",
            "https://www.linkedin.com/in/%zz%4",
            "https://www.linkedin.com///in",
            "https://www.linkedin.com/pub/",
            "https://www.linkedin.com/",
            "https://www.linkedin.com//",
        ] {
            assert_eq!(normalise(url), general(url), "{url}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_agrees_with_the_full_one_on_any_path(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "in", "pub", "/", "%", "%C3", "%A9", "%c3%a9", "%2F", "%FF", "%3F",
                    "%E2%80%8B", "ada", "-", "?", "#", "x=1", "é", "%4", "%%",
                ]),
                0..8,
            )
        ) {
            let url = format!("https://www.linkedin.com/{}", parts.concat());
            let mut out = String::new();
            let spelling = super::normalise_into(&url, &mut out);
            proptest::prop_assert_eq!(&out, &general(&url), "{}", url);
            // What the spelling claims holds, as the slow comparisons would find.
            match spelling {
                super::Spelling::Normal => proptest::prop_assert_eq!(&out, &url),
                super::Spelling::PercentEncoded => proptest::prop_assert!(
                    crate::model::profile_url::is_percent_encoding_of(&url, &out),
                    "{}", url
                ),
                super::Spelling::Unknown => {}
            }
        }
    }

    #[test]
    fn linkedin_own_spellings_are_recognised_on_the_way() {
        use super::{Spelling, normalise_into};
        let mut out = String::new();
        let spelling = |url: &str, out: &mut String| normalise_into(url, out);
        assert_eq!(
            spelling("https://www.linkedin.com/in/ada", &mut out),
            Spelling::Normal
        );
        assert_eq!(
            spelling("https://www.linkedin.com/in/jos%C3%A9", &mut out),
            Spelling::PercentEncoded
        );
        for other in [
            "https://www.linkedin.com/in/jos%c3%a9",
            "https://www.linkedin.com/in/ada%2Dx",
            "https://www.linkedin.com/in/ada/",
            "https://www.linkedin.com/in/jos%C3%A9%",
            "https://www.linkedin.com/in/josé%C3%A9",
        ] {
            assert_eq!(spelling(other, &mut out), Spelling::Unknown, "{other}");
        }
    }

    #[test]
    fn a_url_without_a_profile_is_no_url() {
        for url in [
            "https://www.linkedin.com/in",
            "https://www.linkedin.com/in/",
            "www.linkedin.com/in",
            "https://linkedin.com/",
        ] {
            assert_eq!(normalise(url), "", "{url}");
        }
        assert_eq!(
            normalise("https://www.linkedin.com/in/a"),
            "https://www.linkedin.com/in/a"
        );
    }

    #[test]
    fn invalid_percent_sequences_do_not_panic() {
        assert_eq!(
            normalise("https://x.com/in/%FF%"),
            "https://x.com/in/\u{FFFD}%"
        );
    }
}
