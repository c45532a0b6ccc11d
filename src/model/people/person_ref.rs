//! A borrowed view of one person of [`People`](super::People).

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::model::identity::{self, Identity};
use crate::model::person::{self, Person};
use crate::model::profile_url::{ProfileUrl, WrittenUrl, percent_encode_non_ascii};

/// A borrowed view of one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonRef<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    /// Normalised: the identity, and what joins Connections.csv to Invitations.csv.
    pub url: ProfileUrl<'a>,
    /// How the export wrote the URL, when not as `url`: see [`PersonRef::written_url`].
    pub written: WrittenUrl<'a>,
    pub email: &'a str,
    pub company: &'a str,
    pub position: &'a str,
    pub connected_on: Option<NaiveDate>,
}

impl<'a> PersonRef<'a> {
    /// See [`Identity::of_person`].
    pub fn identity(&self) -> Identity {
        let mut key = String::new();
        self.write_identity(&mut key);
        Identity::from(key)
    }

    /// Appends [`PersonRef::identity`] to `key`: callers that match many people reuse one
    /// buffer, and a URL is written without a copy of it first.
    pub fn write_identity(&self, key: &mut String) {
        if self.url.is_empty() {
            identity::write_person(
                key,
                [
                    self.first_name,
                    self.last_name,
                    "",
                    self.email,
                    self.company,
                    self.position,
                ],
                self.connected_on,
            );
        } else {
            self.url.write_to(key);
        }
    }

    /// The URL exactly as the export wrote it: what exports write, so they join back
    /// to the user's own Connections.csv.
    pub fn written_url(&self) -> Cow<'a, str> {
        match self.written {
            WrittenUrl::AsNormalised => self.url.to_cow(),
            WrittenUrl::PercentEncoded => Cow::Owned(percent_encode_non_ascii(&self.url.to_cow())),
            WrittenUrl::Text(text) => Cow::Borrowed(text),
        }
    }

    /// The URL as written when it differs from [`PersonRef::url`], else empty (as
    /// [`Person::url_as_written`] holds it).
    pub fn url_as_written(&self) -> Cow<'a, str> {
        match self.written {
            WrittenUrl::AsNormalised => Cow::Borrowed(""),
            _ => self.written_url(),
        }
    }

    /// Whether [`PersonRef::identity`] is `identity`, without allocating for a URL.
    pub fn has_identity(&self, identity: &str) -> bool {
        if self.url.is_empty() {
            self.identity() == *identity
        } else {
            self.url.is(identity)
        }
    }

    pub fn to_person(&self) -> Person {
        Person {
            first_name: self.first_name.to_owned(),
            last_name: self.last_name.to_owned(),
            url: self.url.to_string(),
            url_as_written: self.url_as_written().into_owned(),
            email: self.email.to_owned(),
            company: self.company.to_owned(),
            position: self.position.to_owned(),
            connected_on: self.connected_on,
        }
    }

    pub fn full_name(&self) -> String {
        person::full_name(self.first_name, self.last_name)
    }
}

/// Serialised exactly as [`Person`] is, without copying the fields into one first (the
/// staged set of a million people is written this way).
impl serde::Serialize for PersonRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut p = s.serialize_struct("Person", 8)?;
        p.serialize_field("first_name", self.first_name)?;
        p.serialize_field("last_name", self.last_name)?;
        p.serialize_field("url", &self.url)?;
        match self.written {
            WrittenUrl::AsNormalised => p.skip_field("url_as_written")?,
            _ => p.serialize_field("url_as_written", &self.url_as_written())?,
        }
        p.serialize_field("email", self.email)?;
        p.serialize_field("company", self.company)?;
        p.serialize_field("position", self.position)?;
        p.serialize_field("connected_on", &self.connected_on)?;
        p.end()
    }
}
