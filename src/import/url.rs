//! Profile URLs as identities: Connections.csv percent-encodes non-ASCII slugs while
//! Invitations.csv writes them raw, so both are decoded and normalised before comparing.

use std::borrow::Cow;

use percent_encoding::percent_decode_str;

/// [`normalise`], without allocating when the URL is already normal (most rows of a file).
pub fn normalise_cow(raw: &str) -> Cow<'_, str> {
    let raw = raw.trim();
    let plain = raw.starts_with("https://")
        && !raw.ends_with('/')
        && !raw.contains(['%', '?', '#'])
        && raw[8..]
            .split('/')
            .next()
            .is_some_and(|host| !host.bytes().any(|b| b.is_ascii_uppercase()));
    if plain || raw.is_empty() {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(normalise(raw))
    }
}

/// Percent-decodes, lower-cases the host, drops query, fragment and trailing slashes.
/// `https://WWW.LinkedIn.com/in/jos%C3%A9-x/?trk=1` becomes `https://www.linkedin.com/in/josé-x`.
pub fn normalise(raw: &str) -> String {
    let raw = raw.trim();
    if raw.is_empty() {
        return String::new();
    }
    let without_tail = raw.split(['?', '#']).next().unwrap_or(raw);
    let decoded = percent_decode_str(without_tail).decode_utf8_lossy();
    let (scheme, rest) = match decoded.split_once("://") {
        Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
        None => ("https".to_owned(), decoded.as_ref()),
    };
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = path.trim_end_matches('/');
    format!("{scheme}://{}{path}", host.to_lowercase())
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
    }

    #[test]
    fn borrowed_fast_path_agrees_with_normalise() {
        for u in [
            "https://www.linkedin.com/in/ada",
            "https://WWW.linkedin.com/in/ada",
            "https://www.linkedin.com/in/ada/",
            "https://www.linkedin.com/in/jos%C3%A9",
            "http://www.linkedin.com/in/ada?x",
            "",
        ] {
            assert_eq!(super::normalise_cow(u), normalise(u), "{u}");
        }
    }

    #[test]
    fn invalid_percent_sequences_do_not_panic() {
        assert_eq!(
            normalise("https://x.com/in/%FF%"),
            "https://x.com/in/\u{FFFD}%"
        );
    }
}
