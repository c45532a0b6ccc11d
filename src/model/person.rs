//! One connection, owned. The bulk of people live in [`super::People`]; this owned form is
//! what the journal, the staged set and tests pass around.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// LinkedIn writes `Connected On` like `08 Feb 2026`; exports use the same form.
pub const LINKEDIN_DATE: &str = "%d %b %Y";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub first_name: String,
    pub last_name: String,
    /// Normalised profile URL (see [`crate::import::url::normalise`]), empty when unknown.
    pub url: String,
    pub email: String,
    pub company: String,
    pub position: String,
    pub connected_on: Option<NaiveDate>,
}

impl Person {
    /// The key that says two rows are the same person: the profile URL, else name + email.
    pub fn identity(&self) -> String {
        identity(&self.first_name, &self.last_name, &self.url, &self.email)
    }

    pub fn full_name(&self) -> String {
        full_name(&self.first_name, &self.last_name)
    }
}

/// See [`Person::identity`]. Names are not unique, so the URL wins whenever there is one.
pub fn identity(first: &str, last: &str, url: &str, email: &str) -> String {
    if url.is_empty() {
        format!(
            "name:{} {}|{}",
            first.trim().to_lowercase(),
            last.trim().to_lowercase(),
            email.trim().to_lowercase()
        )
    } else {
        url.to_owned()
    }
}

pub fn full_name(first: &str, last: &str) -> String {
    match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first} {last}"),
        (false, true) => first.to_owned(),
        _ => last.to_owned(),
    }
}
