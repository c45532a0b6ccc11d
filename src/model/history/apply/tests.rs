//! Applying events as they are journaled gives the history a replay of the whole
//! journal gives: checked on fixed and on random journals.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;

use crate::model::history::steps::{Step, ev};
use crate::model::history::{Event, History, Kind};
use crate::model::{Direction, Invitation, Person};

fn at(minute: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, 1 + minute / 600, 10, minute % 60, 0)
        .unwrap()
}

const IDS: [&str; 4] = ["u0", "u1", "u2", "u3"];

/// One journaled event, owned: `(minute, identity, what)`.
#[derive(Debug, Clone, Copy)]
enum What {
    Remove,
    Withdraw,
    Restore,
    Opened,
    Done,
    Undone,
    Verified(Kind, u32),
    StillThere(Kind, u32, bool),
}

struct Owned {
    people: Vec<Arc<Person>>,
    invitations: Vec<Arc<Invitation>>,
}

impl Owned {
    fn new() -> Owned {
        Owned {
            people: IDS
                .iter()
                .map(|u| {
                    Arc::new(Person {
                        first_name: u.to_uppercase(),
                        url: (*u).to_owned(),
                        ..Default::default()
                    })
                })
                .collect(),
            invitations: IDS
                .iter()
                .map(|u| {
                    Arc::new(Invitation {
                        from: "Me".into(),
                        to: u.to_uppercase(),
                        sent_at: None,
                        message: String::new(),
                        direction: Direction::Outgoing,
                        inviter_url: String::new(),
                        invitee_url: (*u).to_owned(),
                    })
                })
                .collect(),
        }
    }

    fn event(&self, &(minute, who, what): &(u32, usize, What)) -> Event<'_> {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, 1 + d).unwrap();
        let step = match what {
            What::Remove => Step::Remove(Some(&self.people[who])),
            What::Withdraw => Step::Withdraw(Some(&self.invitations[who])),
            What::Restore => Step::Restore,
            What::Opened => Step::Opened,
            What::Done => Step::Done,
            What::Undone => Step::Undone,
            What::Verified(kind, d) => Step::Verified {
                kind,
                export: day(d),
            },
            What::StillThere(kind, d, timed) => Step::StillThere {
                kind,
                export: day(d),
                taken: timed.then(|| at(d * 600 + 30)),
            },
        };
        ev(at(minute), "b", IDS[who], step)
    }
}

/// The history built from the first `split` events, then each later run of `batch`
/// events applied, against the history built from all of them.
fn check(events: &[(u32, usize, What)], split: usize, batch: usize) -> (History, History) {
    let owned = Owned::new();
    let split = split.min(events.len());
    let mut applied = History::build(events[..split].iter().map(|e| owned.event(e)));
    for run in events[split..].chunks(batch.max(1)) {
        applied.apply_events(run.iter().map(|e| owned.event(e)));
    }
    let built = History::build(events.iter().map(|e| owned.event(e)));
    (applied, built)
}

#[test]
fn confirm_open_done_undone_restore_and_verify_applied_one_by_one_equal_a_replay() {
    use What::*;
    let events = [
        (0, 0, Remove),
        (0, 1, Remove),
        (0, 2, Remove),
        (1, 0, Withdraw),
        (2, 0, Opened),
        (3, 0, Done),
        (4, 1, Done),
        (5, 1, Undone),
        (6, 2, Restore),
        (700, 1, Verified(Kind::Removal, 1)),
        (701, 0, StillThere(Kind::Withdrawal, 1, true)),
        (702, 2, Remove),
        (702, 3, Remove),
        (703, 0, Restore),
    ];
    for split in 0..events.len() {
        let (applied, built) = check(&events, split, 1);
        assert_eq!(applied, built, "applied one by one from event {split} on");
    }
    let (applied, built) = check(&events, 0, 1);
    assert_eq!(built.removals.len(), 3, "u1, u2 again and u3");
    assert_eq!(applied, built);
}

#[test]
fn a_mark_reaches_the_record_in_place_and_a_removal_rebuilds_the_list() {
    let owned = Owned::new();
    let mut h = History::build([
        owned.event(&(0, 0, What::Remove)),
        owned.event(&(0, 1, What::Remove)),
    ]);
    let applied = h.apply_events([owned.event(&(1, 1, What::Done))]);
    assert!(!applied.any_rebuilt());
    assert_eq!(
        applied.changed[Kind::Removal as usize],
        vec![0],
        "u1, newest first"
    );
    let applied = h.apply_events([owned.event(&(2, 2, What::Remove))]);
    assert_eq!(applied.rebuilt, [true, false]);
    assert_eq!(h.removals[0].id, "u2");
}

fn what() -> impl Strategy<Value = What> {
    let kind = prop_oneof![Just(Kind::Removal), Just(Kind::Withdrawal)];
    prop_oneof![
        3 => Just(What::Remove),
        1 => Just(What::Withdraw),
        1 => Just(What::Restore),
        2 => Just(What::Opened),
        2 => Just(What::Done),
        1 => Just(What::Undone),
        1 => (kind.clone(), 0..3u32).prop_map(|(k, d)| What::Verified(k, d)),
        1 => (kind, 0..3u32, any::<bool>()).prop_map(|(k, d, t)| What::StillThere(k, d, t)),
    ]
}

proptest! {
    #[test]
    fn random_journals_applied_in_batches_equal_a_replay(
        steps in proptest::collection::vec((0..4u32, 0..IDS.len(), what()), 0..60),
        split in 0..60usize,
        batch in 1..8usize,
    ) {
        // Time runs forward as in a journal, with ties and now and then a step back.
        let mut minute = 0;
        let events: Vec<(u32, usize, What)> = steps
            .into_iter()
            .map(|(gap, who, what)| {
                minute = (minute + gap * 100).saturating_sub(if gap == 3 { 250 } else { 0 });
                (minute, who, what)
            })
            .collect();
        let (applied, built) = check(&events, split, batch);
        prop_assert_eq!(applied, built);
    }
}
