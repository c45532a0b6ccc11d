//! Signals of a real relationship, per person: messages exchanged, endorsements and
//! recommendations either way. Read from a Complete export's other files; a Basic export
//! has none.

use chrono::NaiveDate;
use serde::Serialize;

use super::PersonId;

/// Who wrote first in the conversations with someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// The user.
    Me,
    /// Not the user: the person, or in a group conversation perhaps another member.
    Them,
}

/// One person's signals. 20 bytes; a Complete export's people hold one each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signal {
    /// Messages in the conversations they are in (a group's count for each member).
    pub messages: u32,
    pub last_message: Option<NaiveDate>,
    pub first_writer: Option<Writer>,
    pub endorsements_received: u16,
    pub endorsements_given: u16,
    pub recommendations_received: u8,
    pub recommendations_given: u8,
}

impl Signal {
    pub fn is_endorsed(&self) -> bool {
        self.endorsements_received > 0 || self.endorsements_given > 0
    }

    pub fn is_recommended(&self) -> bool {
        self.recommendations_received > 0 || self.recommendations_given > 0
    }

    /// What the row shows: `✉3` for messages, `★` for an endorsement or recommendation
    /// either way; empty for none.
    pub fn marker(&self) -> String {
        let mut s = String::new();
        if self.messages > 0 {
            s.push_str(&format!("✉{}", self.messages));
        }
        if self.is_endorsed() || self.is_recommended() {
            s.push('★');
        }
        s
    }

    /// The detail line for the cursor row, e.g. "3 messages, the last on 2025-03-01,
    /// they wrote first · endorsed you 2× · you recommended them".
    pub fn detail(&self) -> String {
        let mut parts = Vec::new();
        if self.messages > 0 {
            let plural = if self.messages == 1 { "" } else { "s" };
            let mut m = format!("{} message{plural}", self.messages);
            if let Some(last) = self.last_message {
                m.push_str(&format!(", the last on {last}"));
            }
            match self.first_writer {
                Some(Writer::Me) => m.push_str(", you wrote first"),
                Some(Writer::Them) => m.push_str(", they wrote first"),
                None => {}
            }
            parts.push(m);
        } else {
            parts.push("no messages".to_owned());
        }
        let times = |n: u16| {
            if n > 1 {
                format!(" {n}×")
            } else {
                String::new()
            }
        };
        if self.endorsements_received > 0 {
            parts.push(format!("endorsed you{}", times(self.endorsements_received)));
        }
        if self.endorsements_given > 0 {
            parts.push(format!(
                "you endorsed them{}",
                times(self.endorsements_given)
            ));
        }
        if self.recommendations_received > 0 {
            parts.push("recommended you".to_owned());
        }
        if self.recommendations_given > 0 {
            parts.push("you recommended them".to_owned());
        }
        parts.join(" · ")
    }
}

/// Which of the files were in the export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SignalSources {
    pub messages: bool,
    pub endorsements: bool,
    pub recommendations: bool,
}

/// What reading the files found, for `check` and the status line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SignalsReport {
    pub files: Vec<String>,
    pub people_with_messages: usize,
    pub people_with_endorsements: usize,
    pub people_with_recommendations: usize,
    /// Messages read (drafts left out).
    pub messages: usize,
    pub drafts: usize,
    /// Conversations with none of the connections in them.
    pub conversations_without_connections: usize,
    /// Endorsements whose profile is not among the connections.
    pub endorsements_unmatched: usize,
    /// Recommendations whose name is no connection's.
    pub recommendations_unmatched: usize,
    /// Names several connections share that found someone in the files: the signal
    /// counts for each of them.
    pub shared_names: usize,
    /// How each file read was joined to the connections.
    pub joins: Vec<Join>,
}

/// How a file's people were found among the connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum JoinBy {
    Url,
    Name,
    /// By URL where both sides have one, by name for the rest.
    UrlThenName,
}

/// How one file was joined, e.g. "by name: Connections.csv has no URLs".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Join {
    pub file: String,
    pub by: JoinBy,
    /// In words, with the reason when not by URL.
    pub how: String,
    /// Matches made by URL and by name.
    pub matched_by_url: usize,
    pub matched_by_name: usize,
}

/// Every person's signals, by person id.
#[derive(Debug, Clone, Default)]
pub struct Signals {
    per_person: Vec<Signal>,
    pub sources: SignalSources,
    pub report: SignalsReport,
}

impl Signals {
    /// Signals for `people` people, all empty.
    pub fn new(people: usize, sources: SignalSources) -> Self {
        Signals {
            per_person: vec![Signal::default(); people],
            sources,
            report: SignalsReport::default(),
        }
    }

    pub fn get(&self, id: PersonId) -> Signal {
        self.per_person.get(id.index()).copied().unwrap_or_default()
    }

    pub fn get_mut(&mut self, id: PersonId) -> Option<&mut Signal> {
        self.per_person.get_mut(id.index())
    }

    pub fn all(&self) -> &[Signal] {
        &self.per_person
    }

    /// Fills in the report's per-person counts from the signals.
    pub fn count_people(&mut self) {
        let r = &mut self.report;
        r.people_with_messages = self.per_person.iter().filter(|s| s.messages > 0).count();
        r.people_with_endorsements = self.per_person.iter().filter(|s| s.is_endorsed()).count();
        r.people_with_recommendations = self
            .per_person
            .iter()
            .filter(|s| s.is_recommended())
            .count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_and_detail_say_what_there_is() {
        let none = Signal::default();
        assert_eq!(none.marker(), "");
        assert_eq!(none.detail(), "no messages");
        let s = Signal {
            messages: 3,
            last_message: NaiveDate::from_ymd_opt(2025, 3, 1),
            first_writer: Some(Writer::Them),
            endorsements_received: 2,
            recommendations_given: 1,
            ..Default::default()
        };
        assert_eq!(s.marker(), "✉3★");
        assert_eq!(
            s.detail(),
            "3 messages, the last on 2025-03-01, they wrote first · endorsed you 2× · you recommended them"
        );
        let one = Signal {
            messages: 1,
            first_writer: Some(Writer::Me),
            ..Default::default()
        };
        assert_eq!(one.detail(), "1 message, you wrote first");
    }
}
