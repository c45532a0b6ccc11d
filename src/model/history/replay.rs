//! Replaying events one at a time, as the journal is read: nothing of an event is held
//! once it has been applied but the record it starts. `history` lists a million removals
//! from a journal read once this way, without its entries ever held together.

use std::sync::Arc;

use super::{Event, History, JournalAction, Kind, Record, State};
use crate::model::Identity;
use crate::model::hash::TextTable;

/// The records of the events pushed so far, each with a tag given when its record
/// started (where its line is, for `history`; nothing, for [`History::build`]).
#[derive(Debug)]
pub struct Replay<T> {
    /// Every record started, in journal order, with its tag.
    started: Vec<(Record, T)>,
    /// Per record started: false once it is ended or started afresh.
    live: Vec<bool>,
    /// Each identity seen, with its record in force in `started` per kind, found by a
    /// table of hashes (growing it reads no identity again).
    identities: TextTable,
    in_force: Vec<(Identity, [Option<u32>; 2])>,
}

impl<T> Default for Replay<T> {
    fn default() -> Self {
        Replay {
            started: Vec::new(),
            live: Vec::new(),
            identities: TextTable::with_capacity(0),
            in_force: Vec::new(),
        }
    }
}

impl<T> Replay<T> {
    /// Applies `event`, the next in journal order; `tag` goes with the record it starts,
    /// if it starts one.
    pub fn push(&mut self, event: &Event<'_>, tag: T) {
        let id = event.id.as_str();
        let in_force = &self.in_force;
        let holds = |slot: u32| in_force[slot as usize].0 == id;
        let kind = match (event.action.starts(), event.action) {
            (Some(kind), _) => kind,
            (None, JournalAction::Restore) => {
                if let Some(slot) = self.identities.find(id, holds) {
                    for i in self.in_force[slot as usize]
                        .1
                        .iter_mut()
                        .filter_map(Option::take)
                    {
                        self.live[i as usize] = false;
                    }
                }
                return;
            }
            (None, action) => {
                let only = action.finding().map(|(kind, _)| kind);
                let Some(slot) = self.identities.find(id, holds) else {
                    return;
                };
                for kind in [Kind::Removal, Kind::Withdrawal] {
                    if only.is_none_or(|k| k == kind)
                        && let Some(i) = self.in_force[slot as usize].1[kind as usize]
                    {
                        let r = &mut self.started[i as usize].0;
                        r.state = r.state.after(event, r.removed_on());
                    }
                }
                return;
            }
        };
        let new = u32::try_from(self.in_force.len()).unwrap_or(u32::MAX);
        let found = self.identities.find_or_insert(id, holds, new);
        let slot = found.unwrap_or_else(|| {
            self.in_force.push((event.id.clone(), [None, None]));
            new
        });
        let started = u32::try_from(self.started.len()).unwrap_or(u32::MAX);
        if let Some(i) = self.in_force[slot as usize].1[kind as usize].replace(started) {
            self.live[i as usize] = false;
        }
        self.started.push((record(event, kind), tag));
        self.live.push(true);
    }

    /// The records in force, with their tags, newest first; of one time, the later in
    /// the journal first. The journal is nearly always in time order, so reversed it is
    /// sorted already (and the stable sort finds that in one pass). Collected in place:
    /// the records are not copied.
    pub fn finish(self) -> Vec<(Record, T)> {
        let Replay {
            started,
            live,
            identities,
            in_force,
        } = self;
        drop((in_force, identities));
        let mut live: Vec<(Record, T)> = started
            .into_iter()
            .zip(live)
            .filter_map(|(s, live)| live.then_some(s))
            .collect();
        live.reverse();
        live.sort_by_key(|(r, _)| std::cmp::Reverse(r.at));
        live
    }
}

impl History {
    /// The history of records in force, newest first (as [`Replay::finish`] gives them).
    pub fn of_records(mut removals: Vec<Record>) -> History {
        let withdrawals = removals
            .extract_if(.., |r| r.kind == Kind::Withdrawal)
            .collect();
        History {
            removals,
            withdrawals,
        }
    }
}

/// The record `event` starts, of `kind`.
pub(super) fn record(event: &Event<'_>, kind: Kind) -> Record {
    Record {
        kind,
        id: event.id.clone(),
        at: event.at,
        batch: Arc::clone(event.batch),
        state: State::new(),
        person: event.person.cloned(),
        invitation: event.invitation.cloned(),
    }
}
