//! Putting people back where they were: in the done set (journaled) or the right column
//! (staged last time), and setting aside what was staged from another export.

use std::collections::HashSet;

use crate::model::hash::TextTable;
use crate::model::triage::Place;
use crate::store::staged::{IdGroup, StagedSet};

/// Where each item goes given what was journaled (done) and staged last time; what was
/// staged and is not in this export is returned, to be kept aside. Looks every item up in
/// the (small) done and staged sets rather than indexing a million identities; `identity`
/// writes item `i`'s identity into a reused buffer, so a million lookups allocate nothing.
pub(super) fn restore_places<S>(
    items: usize,
    mut identity: impl FnMut(u32, &mut String),
    done: &HashSet<&str>,
    staged: StagedSet<S>,
) -> (Vec<(u32, Place)>, StagedSet<S>) {
    if done.is_empty() && staged.is_empty() {
        return (Vec::new(), StagedSet::default());
    }
    let ids: Vec<&str> = staged.ids().collect();
    let mut staged_ids = TextTable::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let holds = |s: u32| ids[s as usize] == *id;
        staged_ids.find_or_insert(id, holds, i as u32);
    }
    let mut found = vec![false; ids.len()];
    let mut places = Vec::new();
    let mut key = String::new();
    for i in 0..items as u32 {
        key.clear();
        identity(i, &mut key);
        let is_done = done.contains(key.as_str());
        if is_done {
            places.push((i, Place::Done));
        }
        let holds = |s: u32| ids[s as usize] == key;
        if let Some(s) = staged_ids.find(&key, holds).map(|s| s as usize) {
            // Done since it was staged: nothing left to do for it.
            if !is_done && !found[s] {
                places.push((i, Place::Right));
            }
            found[s] = true;
        }
    }
    drop(staged_ids);
    drop(ids);
    // The same identity twice (staged from two exports): found once is found.
    (places, not_found(staged, &found))
}

/// The part of `staged` not `found` (flags in [`StagedSet::ids`] order).
fn not_found<S>(staged: StagedSet<S>, found: &[bool]) -> StagedSet<S> {
    let mut found = found.iter();
    let mut keep = || !found.next().copied().unwrap_or(false);
    let groups = staged
        .groups
        .into_iter()
        .filter_map(|group| {
            let ids: Vec<String> = group.ids.into_iter().filter(|_| keep()).collect();
            (!ids.is_empty()).then_some(IdGroup {
                export: group.export,
                ids,
            })
        })
        .collect();
    let entries = staged.entries.into_iter().filter(|_| keep()).collect();
    StagedSet { groups, entries }
}
