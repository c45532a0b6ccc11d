//! One row of LinkedIn's `Invitations.csv`.

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::identity::Identity;

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
    pub fn identity(&self) -> Identity {
        Identity::of_invitation(&self.invitee_url, &self.to, self.sent_at)
    }
}

/// LinkedIn's rules for pending invitations, as settings: LinkedIn publishes no expiry
/// (claims range from 3 weeks to 6 months), and the wait before re-inviting someone after
/// withdrawing is "up to three weeks" today (3 days in 2013).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvitationRules {
    pub expiry_days: u32,
    pub reinvite_wait_days: u32,
}

impl Default for InvitationRules {
    fn default() -> Self {
        InvitationRules {
            expiry_days: 180,
            reinvite_wait_days: 21,
        }
    }
}

impl InvitationRules {
    /// The day from which an invitation sent on `sent` is probably expired.
    pub fn expires_on(&self, sent: NaiveDate) -> NaiveDate {
        sent.checked_add_days(Days::new(self.expiry_days.into()))
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn is_probably_expired(&self, sent: NaiveDate, today: NaiveDate) -> bool {
        today >= self.expires_on(sent)
    }

    /// The first day the same person may be invited again after a withdrawal.
    pub fn may_reinvite_after(&self, withdrawn: NaiveDate) -> NaiveDate {
        withdrawn
            .checked_add_days(Days::new(self.reinvite_wait_days.into()))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// "today", "1 day", "12 days": how long ago an invitation was sent.
pub fn age(sent: NaiveDate, today: NaiveDate) -> String {
    match (today - sent).num_days() {
        ..=0 => "today".to_owned(),
        1 => "1 day".to_owned(),
        n => format!("{n} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn expiry_counts_calendar_days_across_month_ends_and_leap_days() {
        let rules = InvitationRules {
            expiry_days: 30,
            reinvite_wait_days: 21,
        };
        // 2024 is a leap year: 31 Jan + 30 days = 1 Mar (29 Feb exists).
        assert_eq!(rules.expires_on(d(2024, 1, 31)), d(2024, 3, 1));
        assert_eq!(rules.expires_on(d(2023, 1, 31)), d(2023, 3, 2));
        assert!(!rules.is_probably_expired(d(2024, 1, 31), d(2024, 2, 29)));
        assert!(rules.is_probably_expired(d(2024, 1, 31), d(2024, 3, 1)));
        let default = InvitationRules::default();
        assert_eq!(default.expires_on(d(2026, 5, 31)), d(2026, 11, 27));
    }

    #[test]
    fn reinvite_date_is_the_withdrawal_plus_the_wait() {
        let rules = InvitationRules::default();
        assert_eq!(rules.may_reinvite_after(d(2026, 11, 28)), d(2026, 12, 19));
        assert_eq!(rules.may_reinvite_after(d(2028, 2, 8)), d(2028, 2, 29));
        assert_eq!(rules.may_reinvite_after(d(2026, 12, 20)), d(2027, 1, 10));
        let old = InvitationRules {
            reinvite_wait_days: 3,
            ..rules
        };
        assert_eq!(old.may_reinvite_after(d(2013, 1, 28)), d(2013, 1, 31));
    }

    #[test]
    fn ages_read_naturally() {
        assert_eq!(age(d(2026, 11, 28), d(2026, 11, 28)), "today");
        assert_eq!(age(d(2026, 11, 27), d(2026, 11, 28)), "1 day");
        assert_eq!(age(d(2026, 11, 16), d(2026, 11, 28)), "12 days");
    }
}
