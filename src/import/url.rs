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

/// [`normalise`] into a reused buffer: the import calls it once per row.
pub fn normalise_into(raw: &str, out: &mut String) {
    out.clear();
    let raw = raw.trim();
    // Nearly every URL in an export is already normal: copy it in one go.
    if raw.starts_with("https://www.linkedin.com/")
        && !raw.ends_with('/')
        && memchr::memchr3(b'%', b'?', b'#', raw.as_bytes()).is_none()
    {
        out.push_str(raw);
    } else {
        let raw = &raw[..raw.find(['?', '#']).unwrap_or(raw.len())];
        if raw.contains('%') {
            join_parts(&percent_decode_str(raw).decode_utf8_lossy(), out);
        } else {
            join_parts(raw, out);
        }
    }
    if names_no_profile(out) {
        out.clear();
    }
}

/// LinkedIn's address with no profile in it: late-2023 Invitations.csv files hold just
/// `https://www.linkedin.com/in` in both URL cells. That is a missing URL, not a person.
fn names_no_profile(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    (host == "linkedin.com" || host.ends_with(".linkedin.com"))
        && matches!(path.trim_matches('/'), "" | "in" | "pub")
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

    #[test]
    fn the_fast_path_agrees_with_the_full_one() {
        for url in [
            "https://www.linkedin.com/in/ada-x",
            "https://www.linkedin.com/in/ada-x/",
            "https://www.linkedin.com/in/jos%C3%A9",
            "https://www.linkedin.com/in/ada?x=1",
        ] {
            let mut slow = String::new();
            super::join_parts(
                &percent_encoding::percent_decode_str(&url[..url.find('?').unwrap_or(url.len())])
                    .decode_utf8_lossy(),
                &mut slow,
            );
            assert_eq!(normalise(url), slow, "{url}");
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
