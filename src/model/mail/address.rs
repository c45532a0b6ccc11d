//! Exactly one plain mailbox, `local@domain.example`, or nothing. Stricter than RFC 5322
//! on purpose: no quoted local parts, comments, display names, groups or lists, which
//! are how a crafted export field adds a recipient (`victim@example.com>, spy@evil.example`).

/// Why a person's address cannot be written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AddressProblem {
    /// The export has no address for them (LinkedIn shares it only when they allow it).
    Missing,
    /// The field is not exactly one valid address.
    Invalid,
}

impl AddressProblem {
    pub fn describe(self) -> &'static str {
        match self {
            AddressProblem::Missing => "no e-mail address in the export",
            AddressProblem::Invalid => "not a valid address",
        }
    }
}

/// Longest address SMTP carries (RFC 5321 says 254 in practice).
const MAX_ADDRESS: usize = 254;

/// The address in `field` (spaces around it ignored), if it is exactly one mailbox.
/// Only ASCII addresses are accepted: an internationalised one needs mail software that
/// not every client has, and looks like a spoof too often.
pub fn mailbox(field: &str) -> Result<&str, AddressProblem> {
    let address = field.trim_matches(' ');
    if address.is_empty() {
        return Err(AddressProblem::Missing);
    }
    let (local, domain) = address.split_once('@').ok_or(AddressProblem::Invalid)?;
    let valid = address.len() <= MAX_ADDRESS
        && local.len() <= 64
        && dot_atom(local, is_atext)
        && is_domain(domain);
    if valid {
        Ok(address)
    } else {
        Err(AddressProblem::Invalid)
    }
}

/// RFC 5322 `atext`: what an unquoted local part may hold.
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

/// Non-empty runs of `allowed` separated by single dots.
fn dot_atom(s: &str, allowed: fn(char) -> bool) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|part| !part.is_empty() && part.chars().all(allowed))
}

/// A host name of two labels or more: letters, digits and inner hyphens, a top-level
/// label that is not all digits.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(label_ok)
        && labels
            .last()
            .is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_plain_mailbox_is_accepted() {
        assert_eq!(mailbox("ada@example.com"), Ok("ada@example.com"));
        assert_eq!(
            mailbox(" o'brien+li@mail.example.co.uk "),
            Ok("o'brien+li@mail.example.co.uk")
        );
        assert_eq!(mailbox(""), Err(AddressProblem::Missing));
        assert_eq!(mailbox("   "), Err(AddressProblem::Missing));
    }

    #[test]
    fn anything_that_could_add_a_recipient_or_a_header_is_refused() {
        for bad in [
            "victim@example.com>, spy@evil.example",
            "victim@example.com, spy@evil.example",
            "victim@example.com; spy@evil.example",
            "Victim <victim@example.com>",
            "<victim@example.com>",
            "\"victim\"@example.com",
            "vic tim@example.com",
            "victim@example.com\r\nBcc: spy@evil.example",
            "victim@example.com\nBcc: spy@evil.example",
            "victim@exa\tmple.com",
            "victim(comment)@example.com",
            "victim",
            "victim@localhost",
            "victim@@example.com",
            "a@b@example.com",
            "victim@-example.com",
            "victim@example..com",
            ".victim@example.com",
            "victim.@example.com",
            "victim@127.0.0.1",
            "victim@[127.0.0.1]",
            "josé@example.com",
            "victim@exämple.com",
        ] {
            assert_eq!(mailbox(bad), Err(AddressProblem::Invalid), "{bad:?}");
        }
        let long = format!("{}@example.com", "a".repeat(65));
        assert_eq!(mailbox(&long), Err(AddressProblem::Invalid));
    }
}
