//! One row of LinkedIn's `Invitations.csv`.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// Sent by the user: the only kind that can be withdrawn.
    Outgoing,
    Incoming,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub from: String,
    pub to: String,
    /// LinkedIn gives no time zone; this is the user's local time as exported.
    pub sent_at: Option<NaiveDateTime>,
    pub message: String,
    pub direction: Direction,
    /// Normalised, percent-decoded; empty in older files without URL columns.
    pub inviter_url: String,
    pub invitee_url: String,
}

impl Invitation {
    /// Identity of the invitation in the journal: invitee and send time.
    pub fn identity(&self) -> String {
        let who = if self.invitee_url.is_empty() {
            format!("name:{}", self.to.trim().to_lowercase())
        } else {
            self.invitee_url.clone()
        };
        match self.sent_at {
            Some(at) => format!("{who}@{}", at.format("%Y-%m-%dT%H:%M")),
            None => who,
        }
    }
}
