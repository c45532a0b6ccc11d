//! Pending invitations as a triage: outgoing invitations whose invitee is not a connection.

use std::cmp::Reverse;

use chrono::NaiveDate;

use super::People;
use super::invitation::{Direction, Invitation, InvitationRules};
use super::invitee::invitee_is_connection;
use super::search::{SearchIndex, fold};
use super::terms::{DateKey, Facts};
use super::triage::{SortOrder, Triage};

pub const SORT_SENT: &str = "newest first";
pub const SORT_NAME: &str = "name";
/// The reason on an expired row, and in the status line when moving one is refused.
pub const EXPIRED_REASON: &str = "probably expired: no Withdraw button after expiry";
/// The same, short enough for a row.
pub const EXPIRED_ROW: &str = "no Withdraw button after expiry";

/// The withdrawable candidates, and what was left out and why.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    pub items: Vec<Invitation>,
    /// Invitations others sent the user: not theirs to withdraw.
    pub incoming: usize,
    /// Outgoing invitations whose invitee is now a connection.
    pub accepted: usize,
}

impl Pending {
    pub fn from_export(people: &People, all: &[Invitation]) -> Pending {
        let connected = invitee_is_connection(people, all);
        let mut pending = Pending::default();
        for (inv, connected) in all.iter().zip(connected) {
            match (inv.direction, connected) {
                (Direction::Incoming, _) => pending.incoming += 1,
                (Direction::Outgoing, true) => pending.accepted += 1,
                (Direction::Outgoing, false) => pending.items.push(inv.clone()),
            }
        }
        pending
    }

    pub fn sent_on(&self, id: u32) -> Option<NaiveDate> {
        self.items[id as usize].sent_at.map(|at| at.date())
    }

    /// A triage where probably-expired invitations are locked in the left column.
    pub fn triage(&self, rules: &InvitationRules, today: NaiveDate) -> Triage {
        let search = SearchIndex::build(self.items.len(), |i| {
            let inv = &self.items[i];
            [inv.to.as_str(), inv.message.as_str()]
        })
        .with_facts(Facts::default().with_dates(
            DateKey::Sent,
            (0..self.items.len() as u32).map(|i| self.sent_on(i)),
        ));
        let ids = || (0..self.items.len() as u32).collect::<Vec<u32>>();
        let mut by_sent = ids();
        by_sent.sort_by_key(|&i| Reverse(self.items[i as usize].sent_at));
        let mut by_name = ids();
        by_name.sort_by_cached_key(|&i| fold(&self.items[i as usize].to));
        let locks = (0..self.items.len() as u32)
            .map(|i| {
                self.sent_on(i)
                    .filter(|&sent| rules.is_probably_expired(sent, today))
                    .map(|_| EXPIRED_REASON)
            })
            .collect();
        Triage::new(
            search,
            vec![
                SortOrder::new(SORT_SENT, by_sent),
                SortOrder::new(SORT_NAME, by_name),
            ],
        )
        .with_locks(locks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::triage::Side;

    fn inv(to: &str, url: &str, direction: Direction, sent: (i32, u32, u32)) -> Invitation {
        Invitation {
            from: "Me".into(),
            to: to.into(),
            sent_at: NaiveDate::from_ymd_opt(sent.0, sent.1, sent.2)
                .and_then(|d| d.and_hms_opt(11, 44, 0)),
            message: String::new(),
            direction,
            inviter_url: "https://www.linkedin.com/in/me".into(),
            invitee_url: url.into(),
        }
    }

    #[test]
    fn expired_invitations_cannot_be_moved() {
        let pending = Pending {
            items: vec![
                inv(
                    "Fresh",
                    "https://x/in/a",
                    Direction::Outgoing,
                    (2026, 11, 20),
                ),
                inv("Old", "https://x/in/b", Direction::Outgoing, (2026, 1, 2)),
            ],
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut t = pending.triage(&InvitationRules::default(), today);
        let moved = t.move_all_shown();
        assert_eq!(moved.count, 1);
        assert_eq!(moved.refused, Some((1, EXPIRED_REASON)));
        assert_eq!(t.column(Side::Right).total(), 1);
        assert_eq!(t.column(Side::Left).total(), 1);
    }
}
