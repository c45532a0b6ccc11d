//! "The same person": the one rule that says two rows (or two invitations) are one, and
//! the key the journal, the staged sets and the History store it as. Written as the bare
//! text it always was (a URL, `name:…`, `row:…`), so every file written so far reads.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::person::name_key;

/// The prefix of an identity made of a name and an e-mail address (no URL).
pub const NAME_PREFIX: &str = "name:";
/// The prefix of an identity made of a whole row (no URL, no e-mail address).
pub const ROW_PREFIX: &str = "row:";

/// Who a journal entry, a staged entry or a History record is about. Shared, not copied:
/// a journal entry and the History record it starts hold one text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identity(Arc<str>);

impl Identity {
    /// Two rows are one person when they have the same profile URL. Names are not unique
    /// (pre-2023 files hold different people of the same name), so without a URL they are
    /// one person only with the same name and the same non-empty e-mail address, or as an
    /// exact repeat of the row. `fields` in [`super::people::Field::ALL`] order.
    pub fn of_person(fields: [&str; 6], connected_on: Option<NaiveDate>) -> Identity {
        let mut key = String::new();
        write_person(&mut key, fields, connected_on);
        Identity::from(key)
    }

    /// An invitation is its invitee (URL, else the addressee's name) and when it was sent.
    pub fn of_invitation(invitee_url: &str, to: &str, sent_at: Option<NaiveDateTime>) -> Identity {
        let mut key = if invitee_url.is_empty() {
            format!("{NAME_PREFIX}{}", to.trim().to_lowercase())
        } else {
            invitee_url.to_owned()
        };
        if let Some(at) = sent_at {
            key.push_str(&format!("@{}", at.format("%Y-%m-%dT%H:%M")));
        }
        Identity::from(key)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name and e-mail address of a `name:` identity, as they were folded (an
    /// invitation's, or an older version's, has no e-mail part: it is empty then).
    pub fn name_and_email(&self) -> Option<(&str, &str)> {
        let name = self.0.strip_prefix(NAME_PREFIX)?;
        Some(name.split_once('|').unwrap_or((name, "")))
    }

    /// Whether the identity was made from a name (no URL was known).
    pub fn is_by_name(&self) -> bool {
        self.0.starts_with(NAME_PREFIX)
    }
}

/// Writes the identity of a person without a URL known yet (see [`Identity::of_person`])
/// into `key`: callers that match many rows reuse one buffer.
pub fn write_person(key: &mut String, fields: [&str; 6], connected_on: Option<NaiveDate>) {
    let [first, last, url, email, company, position] = fields;
    if !url.is_empty() {
        key.push_str(url);
        return;
    }
    let name = name_key(first, last);
    let email = email.trim().to_lowercase();
    if email.is_empty() {
        // \u{1f} (unit separator) cannot be typed into a name or a company.
        let date = connected_on.map(|d| d.to_string()).unwrap_or_default();
        key.push_str(&format!(
            "{ROW_PREFIX}{name}\u{1f}{company}\u{1f}{position}\u{1f}{date}"
        ));
    } else {
        key.push_str(&format!("{NAME_PREFIX}{name}|{email}"));
    }
}

impl From<String> for Identity {
    fn from(text: String) -> Identity {
        Identity(Arc::from(text))
    }
}

impl From<&str> for Identity {
    fn from(text: &str) -> Identity {
        Identity(Arc::from(text))
    }
}

impl std::ops::Deref for Identity {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Identity {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Identity {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Identity {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Identity {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<Identity> for str {
    fn eq(&self, other: &Identity) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Identity> for &str {
    fn eq(&self, other: &Identity) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<String> for Identity {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

/// As the bare text: the journal's and the staged sets' format.
impl serde::Serialize for Identity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Identity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Identity, D::Error> {
        Ok(Identity::from(
            <std::borrow::Cow<'de, str>>::deserialize(d)?.as_ref(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_the_identity_else_a_name_with_an_email_else_the_whole_row() {
        let day = NaiveDate::from_ymd_opt(2020, 1, 1);
        let url = Identity::of_person(
            ["Ada", "L", "https://www.linkedin.com/in/ada", "a@x", "", ""],
            day,
        );
        assert_eq!(url, "https://www.linkedin.com/in/ada");
        let named = Identity::of_person(
            ["Ada ", " Lovelace", "", " Ada@Example.com", "Acme", ""],
            day,
        );
        assert_eq!(named, "name:ada lovelace|ada@example.com");
        assert_eq!(
            named.name_and_email(),
            Some(("ada lovelace", "ada@example.com"))
        );
        let row = Identity::of_person(["Ada", "", "", "", "Acme", "CTO"], day);
        assert_eq!(row, "row:ada\u{1f}Acme\u{1f}CTO\u{1f}2020-01-01");
        assert!(row.name_and_email().is_none() && !row.is_by_name());
        let invitee = Identity::of_invitation("", " Bob ", None);
        assert_eq!(invitee.name_and_email(), Some(("bob", "")));
    }

    #[test]
    fn an_identity_is_written_and_read_as_its_bare_text() {
        let id = Identity::from("name:ada|a@x");
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, r#""name:ada|a@x""#);
        let back: Identity = serde_json::from_str(r#""name:ada\u007c2""#).unwrap();
        assert_eq!(back, "name:ada|2");
        assert_eq!(serde_json::from_str::<Identity>(&json).unwrap(), id);
    }
}
