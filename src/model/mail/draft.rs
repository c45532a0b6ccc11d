//! One RFC 5322 draft (`.eml`): `X-Unsent: 1` so Outlook and Thunderbird open it as a
//! draft to edit and send, `To:` one mailbox, no `From:` (the mail client fills it in)
//! and no `Date:` (it is not sent yet), a UTF-8 plain-text body in quoted-printable,
//! CRLF line endings. Written by hand: six headers, where the mail builders at hand add
//! a `Message-ID` naming this machine and a `Date`.

use base64::Engine as _;

use super::address::{AddressProblem, mailbox};
use super::template::{Letter, one_line};

/// The draft to `address_field` (checked: exactly one mailbox) for `name`.
pub fn draft(name: &str, address_field: &str, letter: &Letter) -> Result<Vec<u8>, AddressProblem> {
    let address = mailbox(address_field)?;
    let name = one_line(name);
    let name = name.trim();
    let to = if name.is_empty() {
        address.to_owned()
    } else {
        format!("{} <{address}>", phrase(name))
    };
    let mut out = String::new();
    out.push_str("X-Unsent: 1\r\n");
    out.push_str(&format!("To: {to}\r\n"));
    out.push_str(&format!(
        "Subject: {}\r\n",
        unstructured(&one_line(&letter.subject))
    ));
    out.push_str("MIME-Version: 1.0\r\n");
    out.push_str("Content-Type: text/plain; charset=utf-8\r\n");
    out.push_str("Content-Transfer-Encoding: quoted-printable\r\n");
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend(quoted_printable::encode(crlf_lines(&letter.body)));
    if !bytes.ends_with(b"\r\n") {
        bytes.extend_from_slice(b"\r\n");
    }
    Ok(bytes)
}

/// A display name: as it is when plain, quoted when it has punctuation, encoded words
/// (RFC 2047) when it is not ASCII.
fn phrase(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') {
        name.to_owned()
    } else if name.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{escaped}\"")
    } else {
        encoded_words(name)
    }
}

/// A subject: as it is when short plain ASCII, else encoded words (which also fold it).
fn unstructured(text: &str) -> String {
    if text.len() <= 70 && text.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        text.to_owned()
    } else {
        encoded_words(text)
    }
}

/// Input bytes per encoded word: 45 bytes are 60 base64 characters, and with
/// `=?utf-8?B?` and `?=` a word stays within RFC 2047's 75.
const WORD_BYTES: usize = 45;

/// `=?utf-8?B?…?=` words, split between characters, folded onto lines of their own.
fn encoded_words(text: &str) -> String {
    let mut words = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + WORD_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let chunk = &text.as_bytes()[start..end];
        let b64 = base64::engine::general_purpose::STANDARD.encode(chunk);
        words.push(format!("=?utf-8?B?{b64}?="));
        start = end;
    }
    words.join("\r\n ")
}

/// Every line ending made CRLF.
fn crlf_lines(text: &str) -> String {
    let unix = text.replace("\r\n", "\n").replace('\r', "\n");
    unix.replace('\n', "\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_quoted_or_encoded_as_needed() {
        assert_eq!(phrase("Ada Lovelace"), "Ada Lovelace");
        assert_eq!(phrase("O'Brien, \"Li\""), "\"O'Brien, \\\"Li\\\"\"");
        assert_eq!(phrase("José"), "=?utf-8?B?Sm9zw6k=?=");
        let long = "Αλέξανδρος Παπαδόπουλος-Καραμανλής";
        let words = encoded_words(long);
        assert!(words.split("\r\n ").all(|w| w.len() <= 75), "{words}");
        assert!(words.contains("\r\n "), "folded: {words}");
    }

    #[test]
    fn a_draft_has_only_our_headers_and_crlf_lines() {
        let letter = Letter {
            subject: "Hello".into(),
            body: "Line one\nLine two\n".into(),
        };
        let eml = String::from_utf8(
            draft("Ada\r\nBcc: spy@evil.example", "ada@example.com", &letter).unwrap(),
        )
        .unwrap();
        assert!(
            eml.starts_with(
                "X-Unsent: 1\r\nTo: \"Ada  Bcc: spy@evil.example\" <ada@example.com>\r\n"
            ),
            "{eml}"
        );
        assert!(!eml.contains("\nBcc"), "{eml}");
        assert!(
            !eml.replace("\r\n", "").contains('\n'),
            "CRLF only: {eml:?}"
        );
        assert!(eml.ends_with("Line one\r\nLine two\r\n"), "{eml:?}");
        assert_eq!(
            draft("Ada", "victim@example.com>, spy@evil.example", &letter),
            Err(AddressProblem::Invalid)
        );
    }
}
