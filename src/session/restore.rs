//! Putting people back where they were: in the done set (journaled) or the right column
//! (staged last time), and setting aside what was staged from another export.

use crate::model::hash::TextTable;
use crate::model::triage::Place;
use crate::store::staged::{IdGroup, IdList, StagedSet};

/// Which items were journaled done: identities to look up, or a flag per item already
/// worked out (a million people are then not looked up a second time).
pub(super) enum Done<'a> {
    Ids(&'a super::IdSet<'a>),
    Items(&'a [bool]),
}

impl Done<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Done::Ids(ids) => ids.is_empty(),
            Done::Items(items) => !items.contains(&true),
        }
    }

    /// Whether item `i` is done; `key` writes its identity, when it must be looked up.
    fn has(&self, i: u32, key: impl FnOnce() -> bool) -> bool {
        match self {
            Done::Ids(ids) => !ids.is_empty() && key(),
            Done::Items(items) => items.get(i as usize).copied().unwrap_or(false),
        }
    }
}

/// Where each item goes given what was journaled (done) and staged last time; what was
/// staged and is not in this export is returned, to be kept aside. `has_identity(i, id)`
/// says whether item `i`'s identity is `id` without writing it out (a URL compared in
/// its parts); `identity` writes it into a reused buffer, for hash lookups. A million
/// items allocate nothing either way.
///
/// People staged from this export were saved in its order, so they are matched walking
/// both lists together; only what that leaves over is looked up in a hash table.
pub(super) fn restore_places<S>(
    items: usize,
    has_identity: impl Fn(u32, &str) -> bool,
    mut identity: impl FnMut(u32, &mut String),
    done: &Done<'_>,
    staged: StagedSet<S>,
) -> (Vec<(u32, Place)>, StagedSet<S>) {
    let none_done = done.is_empty();
    if none_done && staged.is_empty() {
        return (Vec::new(), StagedSet::default());
    }
    // As `staged.ids()`, group by group: one loop each rather than a chained iterator.
    let mut ids: Vec<&str> = Vec::with_capacity(staged.len());
    for group in &staged.groups {
        ids.extend(group.ids.iter());
    }
    ids.extend(staged.entries.iter().map(|e| e.id.as_str()));
    let mut found = vec![false; ids.len()];
    let mut matched = vec![false; items];
    let mut places = Vec::with_capacity(ids.len());
    let mut key = String::new();
    let mut next = 0;
    for i in 0..items as u32 {
        if none_done && next == ids.len() {
            break; // nothing left to find
        }
        // Written out only to be looked up among the done.
        let done_here = done.has(i, || {
            key.clear();
            identity(i, &mut key);
            matches!(done, Done::Ids(ids) if ids.contains(key.as_str()))
        });
        if done_here {
            places.push((i, Place::Done));
        }
        if ids.get(next).is_some_and(|id| has_identity(i, id)) {
            // Done since it was staged: nothing left to do for it.
            if !done_here {
                places.push((i, Place::Right));
            }
            found[next] = true;
            matched[i as usize] = true;
            next += 1;
        }
    }
    let left: Vec<u32> = (0..ids.len() as u32)
        .filter(|&s| !found[s as usize])
        .collect();
    if !left.is_empty() {
        let mut staged_ids = TextTable::with_capacity(left.len());
        for &s in &left {
            let id = ids[s as usize];
            staged_ids.find_or_insert(id, |t| ids[t as usize] == id, s);
        }
        for i in (0..items as u32).filter(|&i| !matched[i as usize]) {
            key.clear();
            identity(i, &mut key);
            let holds = |s: u32| ids[s as usize] == key;
            if let Some(s) = staged_ids.find(&key, holds).map(|s| s as usize) {
                // The same identity twice (staged from two exports): found once is found.
                let is_done = done.has(
                    i,
                    || matches!(done, Done::Ids(ids) if ids.contains(key.as_str())),
                );
                if !found[s] && !is_done {
                    places.push((i, Place::Right));
                }
                found[s] = true;
            }
        }
    }
    drop(ids);
    let foreign = if left.is_empty() {
        StagedSet::default()
    } else {
        not_found(staged, &found)
    };
    (places, foreign)
}

/// The part of `staged` not `found` (flags in [`StagedSet::ids`] order).
fn not_found<S>(staged: StagedSet<S>, found: &[bool]) -> StagedSet<S> {
    let mut found = found.iter();
    let mut keep = || !found.next().copied().unwrap_or(false);
    let groups = staged
        .groups
        .into_iter()
        .filter_map(|group| {
            let ids: IdList = group.ids.iter().filter(|_| keep()).collect();
            (!ids.is_empty()).then_some(IdGroup {
                export: group.export,
                ids,
            })
        })
        .collect();
    let entries = staged.entries.into_iter().filter(|_| keep()).collect();
    StagedSet { groups, entries }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::staged::StagedEntry;

    #[test]
    fn staged_in_any_order_is_restored_once_and_the_rest_set_aside() {
        let items = ["a", "b", "c", "d", "e"];
        let staged = StagedSet {
            groups: vec![
                IdGroup {
                    export: Some("this".into()),
                    // Saved in the export's order, then out of it.
                    ids: ["a", "c", "e", "b", "x"].into_iter().collect(),
                },
                IdGroup {
                    export: Some("another".into()),
                    ids: ["a"].into_iter().collect(),
                },
            ],
            entries: vec![StagedEntry {
                id: "d".into(),
                item: (),
            }],
        };
        let done: super::super::IdSet = ["c"].into_iter().collect();
        let identity = |i: u32, key: &mut String| key.push_str(items[i as usize]);
        let is = |i: u32, id: &str| items[i as usize] == id;
        let (mut places, foreign) =
            restore_places(items.len(), is, identity, &Done::Ids(&done), staged);
        places.sort_by_key(|(i, _)| *i);
        assert_eq!(
            places,
            [
                (0, Place::Right),
                (1, Place::Right),
                (2, Place::Done),
                (3, Place::Right),
                (4, Place::Right),
            ]
        );
        let kept: Vec<&str> = foreign.ids().collect();
        assert_eq!(kept, ["x", "a"], "not in this export, or a second copy");
        assert_eq!(foreign.groups[0].export.as_deref(), Some("this"));
    }
}
