//! One RFC 5322 draft (`.eml`): `X-Unsent: 1` so Outlook and Thunderbird open it as a
//! draft to edit and send, `To:` one mailbox, no `From:` (the mail client fills it in)
//! and no `Date:` (it is not sent yet), a UTF-8 plain-text body in quoted-printable,
//! CRLF line endings. Written by hand: six headers, where the mail builders at hand add
//! a `Message-ID` naming this machine and a `Date`.

use base64::Engine as _;

use super::address::{AddressProblem, mailbox};
use super::template::{Letter, one_line};

/// Header lines holding encoded words may be 76 characters long (RFC 2047); every line
/// is kept within that, inside RFC 5322's recommended 78 and far from its 998.
const LINE: usize = 76;

/// The draft to `address_field` (checked: exactly one mailbox) for `name`.
pub fn draft(name: &str, address_field: &str, letter: &Letter) -> Result<Vec<u8>, AddressProblem> {
    let address = mailbox(address_field)?;
    let name = one_line(name);
    let mut out = String::new();
    out.push_str("X-Unsent: 1\r\n");
    out.push_str(&to(name.trim(), address));
    out.push_str(&header(
        "Subject: ",
        &unstructured(&one_line(&letter.subject), LINE - 9),
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

/// `To: name <address>`, the address on a line of its own when the name leaves no room.
fn to(name: &str, address: &str) -> String {
    const HEAD: &str = "To: ";
    if name.is_empty() {
        return header(HEAD, address);
    }
    let phrase = phrase(name, LINE - HEAD.len());
    let last_line = match phrase.rsplit_once("\r\n") {
        Some((_, last)) => last.len(),
        None => HEAD.len() + phrase.len(),
    };
    let gap = if last_line + 3 + address.len() <= LINE {
        " "
    } else {
        "\r\n "
    };
    header(HEAD, &format!("{phrase}{gap}<{address}>"))
}

fn header(head: &str, value: &str) -> String {
    format!("{head}{value}\r\n")
}

/// A display name: as it is when plain, quoted when it has punctuation, encoded words
/// (RFC 2047) when it is not ASCII or too long for the first line's `room`.
fn phrase(name: &str, room: usize) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') && name.len() <= room {
        return name.to_owned();
    }
    if name.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        let quoted = format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""));
        if quoted.len() <= room {
            return quoted;
        }
    }
    encoded_words(name, room)
}

/// A subject: as it is when short plain ASCII, else encoded words (which also fold it).
fn unstructured(text: &str, room: usize) -> String {
    if text.len() <= room && text.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        text.to_owned()
    } else {
        encoded_words(text, room)
    }
}

/// What `=?utf-8?B?` and `?=` add to a word's base64.
const WORD_FRAME: usize = 12;

/// Input bytes whose encoded word fits in `room` characters (base64: 4 per 3 bytes).
fn word_bytes(room: usize) -> usize {
    (room.saturating_sub(WORD_FRAME) / 4 * 3).max(4)
}

/// `=?utf-8?B?…?=` words, split between characters, each at most 75 characters: the
/// first fits in `first_room`, the others on folded lines of their own.
fn encoded_words(text: &str, first_room: usize) -> String {
    let mut words = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let room = if words.is_empty() {
            first_room
        } else {
            LINE - 1
        };
        let mut end = (start + word_bytes(room)).min(text.len());
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
        assert_eq!(phrase("Ada Lovelace", 72), "Ada Lovelace");
        assert_eq!(phrase("O'Brien, \"Li\"", 72), "\"O'Brien, \\\"Li\\\"\"");
        assert_eq!(phrase("José", 72), "=?utf-8?B?Sm9zw6k=?=");
        let long = "Αλέξανδρος Παπαδόπουλος-Καραμανλής";
        let words = encoded_words(long, 72);
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

    /// The headers of a draft, unfolded lines as written.
    fn header_lines(eml: &str) -> Vec<&str> {
        eml.split("\r\n\r\n")
            .next()
            .unwrap()
            .split("\r\n")
            .collect()
    }

    #[test]
    fn long_names_and_subjects_are_folded_and_read_back_whole() {
        let letter = |subject: &str| Letter {
            subject: subject.into(),
            body: "Hi\n".into(),
        };
        let names = [
            "Ada Lovelace ".repeat(462).trim().to_owned(), // 6,005 characters, plain
            "a".repeat(6000),                              // no space to fold at
            "O'Brien, \"Li\" ".repeat(400).trim().to_owned(),
            "Αλέξανδρος Παπαδόπουλος ".repeat(250).trim().to_owned(),
            "Zoë".into(),
            "Ada Lovelace".into(),
        ];
        let longest = format!("{}@{}.example.com", "a".repeat(64), "b".repeat(60));
        for (name, address) in names
            .iter()
            .flat_map(|n| [(n, "ada@example.com"), (n, &longest)])
        {
            let long_subjects = [
                "Sorry about that invitation, ".repeat(40),
                "Grüße ".repeat(300),
            ];
            for subject in [
                "Hello",
                long_subjects[0].trim_end(),
                long_subjects[1].trim_end(),
            ] {
                let bytes = draft(name, address, &letter(subject)).unwrap();
                let eml = String::from_utf8(bytes.clone()).unwrap();
                for line in header_lines(&eml) {
                    // An address cannot be folded: it may have a longer line of its own.
                    let limit = if line == format!(" <{address}>") {
                        998
                    } else {
                        76
                    };
                    assert!(line.len() <= limit, "{} characters: {line}", line.len());
                    for word in line.split(' ').filter(|w| w.starts_with("=?")) {
                        assert!(word.len() <= 75, "{word}");
                    }
                }
                let message = mail_parser::MessageParser::default().parse(&bytes).unwrap();
                let to = message.to().and_then(|a| a.first()).expect("one recipient");
                assert_eq!(to.name(), Some(name.as_str()));
                assert_eq!(to.address(), Some(address));
                assert_eq!(message.subject(), Some(subject));
            }
        }
    }
}
