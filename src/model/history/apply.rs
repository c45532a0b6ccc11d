//! Events just journaled, applied to a history as it stands: the same history as
//! [`History::build`] over the whole journal, without replaying it. Every write the app
//! journals (a confirmation, a mark, a restore) comes back as its events and is applied
//! this way.

use std::cmp::Reverse;

use foldhash::{HashMap, HashSet};

use super::{Event, History, JournalAction, Kind, Record, replay};
use crate::model::Identity;

/// What applying events changed, per kind (`[removals, withdrawals]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Records were started or ended: the list was rebuilt, its positions are new.
    pub rebuilt: [bool; 2],
    /// Positions of records an event reached, in a list that was not rebuilt.
    pub changed: [Vec<usize>; 2],
}

impl Applied {
    pub fn any_rebuilt(&self) -> bool {
        self.rebuilt.iter().any(|&r| r)
    }
}

/// Lookups by walking the list before an index of it is worth building.
const WALKS: usize = 16;

impl History {
    /// Applies `events`, which follow in the journal every event this history was built
    /// from.
    pub fn apply_events<'a>(&mut self, events: impl IntoIterator<Item = Event<'a>>) -> Applied {
        let mut lists = [
            Lookup::new(&mut self.removals),
            Lookup::new(&mut self.withdrawals),
        ];
        for event in events {
            match (event.action.starts(), event.action) {
                (Some(kind), _) => {
                    let list = &mut lists[kind as usize];
                    list.end(event.id);
                    list.push(replay::record(&event, kind));
                }
                (None, JournalAction::Restore) => {
                    for list in &mut lists {
                        list.end(event.id);
                    }
                }
                (None, action) => {
                    let only = action.finding().map(|(kind, _)| kind);
                    for kind in [Kind::Removal, Kind::Withdrawal] {
                        if only.is_some_and(|k| k != kind) {
                            continue;
                        }
                        let list = &mut lists[kind as usize];
                        if let Some(i) = list.find(event.id) {
                            let r = &mut list.records[i];
                            r.state = r.state.after(&event, r.removed_on());
                            list.changed.push(i);
                        }
                    }
                }
            }
        }
        let [removals, withdrawals] = lists.map(Lookup::finish);
        Applied {
            rebuilt: [removals.0, withdrawals.0],
            changed: [removals.1, withdrawals.1],
        }
    }
}

/// One list while events are applied: records started are pushed at its end and records
/// ended are only noted, so positions hold until [`Lookup::finish`].
struct Lookup<'l> {
    records: &'l mut Vec<Record>,
    /// The list's length before: records from here on were started by these events.
    old: usize,
    ended: HashSet<usize>,
    index: Option<HashMap<Identity, usize>>,
    walks: usize,
    changed: Vec<usize>,
}

impl<'l> Lookup<'l> {
    fn new(records: &'l mut Vec<Record>) -> Self {
        Lookup {
            old: records.len(),
            records,
            ended: HashSet::default(),
            index: None,
            walks: 0,
            changed: Vec::new(),
        }
    }

    /// The position of the record in force for `id`. A few marks walk the list (a
    /// million records are not indexed for one tick); many build an index once.
    fn find(&mut self, id: &str) -> Option<usize> {
        if self.index.is_none() && self.walks < WALKS {
            self.walks += 1;
            // Newest started last: a record started afresh is found before the old one.
            return (0..self.records.len())
                .rev()
                .find(|i| !self.ended.contains(i) && self.records[*i].id == *id);
        }
        let (records, ended) = (&*self.records, &self.ended);
        let index = self.index.get_or_insert_with(|| {
            (0..records.len())
                .filter(|i| !ended.contains(i))
                .map(|i| (records[i].id.clone(), i))
                .collect()
        });
        index.get(id).copied()
    }

    /// Ends the record in force for `id`, if any.
    fn end(&mut self, id: &str) {
        if let Some(i) = self.find(id) {
            self.ended.insert(i);
            if let Some(index) = &mut self.index {
                index.remove(id);
            }
        }
    }

    fn push(&mut self, record: Record) {
        if let Some(index) = &mut self.index {
            index.insert(record.id.clone(), self.records.len());
        }
        self.records.push(record);
    }

    /// Drops the records ended and puts those started in place, newest first as
    /// [`History::build`] orders them. Returns whether the list was rebuilt, and the
    /// positions changed in place otherwise.
    fn finish(self) -> (bool, Vec<usize>) {
        let Lookup {
            records,
            old,
            ended,
            mut changed,
            ..
        } = self;
        if ended.is_empty() && records.len() == old {
            changed.sort_unstable();
            changed.dedup();
            return (false, changed);
        }
        let mut all = std::mem::take(records);
        let mut started = all.split_off(old);
        // Of one time, the later in the journal first: the started ones, newest last,
        // go in front of the older records in reverse, and a stable sort keeps that.
        let mut i = all.len() + started.len();
        started.reverse();
        let mut rebuilt: Vec<Record> = Vec::with_capacity(all.len() + started.len());
        for r in started {
            i -= 1;
            if !ended.contains(&i) {
                rebuilt.push(r);
            }
        }
        for (i, r) in all.into_iter().enumerate() {
            if !ended.contains(&i) {
                rebuilt.push(r);
            }
        }
        rebuilt.sort_by_key(|r| Reverse(r.at));
        *records = rebuilt;
        (true, Vec::new())
    }
}

#[cfg(test)]
mod tests;
