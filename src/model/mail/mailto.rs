//! A `mailto:` link for one person (RFC 6068), for the mail client the desktop opens:
//! the same one-mailbox check as the drafts, and everything percent-encoded so that
//! neither the address nor the text can add a header or a recipient.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::address::{AddressProblem, mailbox};
use super::template::Letter;

/// Kept as they are: RFC 3986's unreserved characters; in the address also `@`.
const TEXT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
const ADDRESS: &AsciiSet = &TEXT.remove(b'@');

/// `mailto:ADDRESS?subject=…&body=…`, line breaks in the body as CRLF (`%0D%0A`).
pub fn mailto(address_field: &str, letter: &Letter) -> Result<String, AddressProblem> {
    let address = mailbox(address_field)?;
    let body = letter.body.replace("\r\n", "\n").replace('\n', "\r\n");
    Ok(format!(
        "mailto:{}?subject={}&body={}",
        utf8_percent_encode(address, ADDRESS),
        utf8_percent_encode(&letter.subject, TEXT),
        utf8_percent_encode(&body, TEXT)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_is_one_encoded_address_and_encoded_text() {
        let letter = Letter {
            subject: "Hi & bye?".into(),
            body: "Dear José,\nthanks".into(),
        };
        assert_eq!(
            mailto("o'brien+x@example.com", &letter).unwrap(),
            "mailto:o%27brien%2Bx@example.com?subject=Hi%20%26%20bye%3F&body=Dear%20Jos%C3%A9%2C%0D%0Athanks"
        );
        assert_eq!(
            mailto("a@example.com?cc=spy@evil.example", &letter),
            Err(AddressProblem::Invalid)
        );
        assert_eq!(mailto("", &letter), Err(AddressProblem::Missing));
    }
}
