//! One connection, owned. The bulk of people live in [`super::People`]; this owned form is
//! what the journal, the staged set and tests pass around.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::identity::Identity;

/// LinkedIn writes `Connected On` like `08 Feb 2026`; exports use the same form.
pub const LINKEDIN_DATE: &str = "%d %b %Y";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub first_name: String,
    pub last_name: String,
    /// Normalised profile URL (see [`crate::import::url::normalise`]), empty when unknown.
    pub url: String,
    /// The URL exactly as the export wrote it, when that differs from `url` (a
    /// percent-encoded slug, a trailing slash); empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url_as_written: String,
    pub email: String,
    pub company: String,
    pub position: String,
    pub connected_on: Option<NaiveDate>,
}

impl Person {
    /// The key that says two rows are the same person: see [`Identity::of_person`].
    pub fn identity(&self) -> Identity {
        Identity::of_person(
            [
                &self.first_name,
                &self.last_name,
                &self.url,
                &self.email,
                &self.company,
                &self.position,
            ],
            self.connected_on,
        )
    }

    /// The URL exactly as the export wrote it: what exports write.
    pub fn written_url(&self) -> &str {
        if self.url_as_written.is_empty() {
            &self.url
        } else {
            &self.url_as_written
        }
    }

    pub fn full_name(&self) -> String {
        full_name(&self.first_name, &self.last_name)
    }
}

/// A name as matching sees it: NFC, trimmed, inner runs of whitespace made one space,
/// case-folded. `Maya  Lindgren ` and `maya lindgren` are the same name.
pub fn fold_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(name.len());
    for word in name.nfc().collect::<String>().split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// [`fold_name`] of a first and a last name together.
pub fn name_key(first: &str, last: &str) -> String {
    fold_name(&format!("{first} {last}"))
}

pub fn full_name(first: &str, last: &str) -> String {
    match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first} {last}"),
        (false, true) => first.to_owned(),
        _ => last.to_owned(),
    }
}
