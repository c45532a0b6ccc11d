//! The two-column triage: everyone starts on the left; the user stages some on the right;
//! confirming moves the right column to "done" (removed, or withdrawn). Pure state: no
//! terminal, no files. Both the Connections and the Invitations screens use it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::filter::{FilterChunk, FilterJob};
use super::search::{Query, SearchIndex};
use super::terms::{Facts, QueryError};

mod cursor;
mod filtering;
mod keep;
mod marks;
mod moves;

pub use keep::Visual;

/// Lists up to this size (and narrowing a result this small) filter inline: a scan of
/// 100,000 rows takes about 2 ms. Larger ones filter on a worker, results streaming in.
pub const INLINE_FILTER_LIMIT: usize = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    fn place(self) -> Place {
        match self {
            Side::Left => Place::Left,
            Side::Right => Place::Right,
        }
    }
}

/// Where an item is. Every item is in exactly one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Left,
    Right,
    /// Removed (or withdrawn): recorded in the journal, shown in neither column.
    Done,
}

impl Place {
    fn index(self) -> usize {
        self as usize
    }
}

/// From this many candidates, an order that does not follow storage order is matched in
/// storage order first (see [`FilterJob`]); below it, random reads are cheap enough.
const MATCH_BY_ID_FROM: usize = 20_000;

/// Whether at least 9 in 10 neighbours of `order` are near successors (at most 16 items
/// apart): reading items in this order then reads memory almost in order. "Mostly rising"
/// is not enough: a name order rises within each name, 1,600 rows at a stride.
fn follows_ids(order: &[u32]) -> bool {
    let near = order
        .windows(2)
        .filter(|w| w[0] < w[1] && w[1] - w[0] <= 16)
        .count();
    near * 10 >= order.len().saturating_sub(1) * 9
}

/// A column's current filter generation, shared with its jobs. A cloned triage gets its
/// own, so filtering the clone never cancels the original's jobs.
#[derive(Debug, Default)]
struct Live(Arc<AtomicU64>);

impl Clone for Live {
    fn clone(&self) -> Self {
        Live(Arc::new(AtomicU64::new(self.0.load(Ordering::Relaxed))))
    }
}

/// One way to order a column, precomputed once: sorting a million rows on every keystroke
/// would be visible.
#[derive(Debug, Clone)]
pub struct SortOrder {
    pub name: &'static str,
    /// Shared with filter jobs, which scan candidates in display order. `None` while it
    /// is still being computed in the background (see [`Triage::sort_ready`]).
    order: Option<Arc<[u32]>>,
    /// `order` read backwards, made when a column first asks for it (`S`).
    backwards: Option<Arc<[u32]>>,
    /// Nearly storage order (the date order of an export written newest first): reading
    /// items in this order reads memory in order.
    follows_ids: bool,
}

impl SortOrder {
    pub fn new(name: &'static str, order: impl Into<Arc<[u32]>>) -> Self {
        let order = order.into();
        SortOrder {
            name,
            follows_ids: follows_ids(&order),
            order: Some(order),
            backwards: None,
        }
    }

    /// An order that arrives later: columns using it show "Sorting…" until then.
    pub fn pending(name: &'static str) -> Self {
        SortOrder {
            name,
            order: None,
            backwards: None,
            follows_ids: false,
        }
    }

    /// The order as a column reads it: backwards when `reversed`. `None` while pending.
    fn read(&self, reversed: bool) -> Option<&Arc<[u32]>> {
        if reversed {
            self.backwards.as_ref()
        } else {
            self.order.as_ref()
        }
    }

    /// Makes the backwards order, once the order is known.
    fn read_backwards(&mut self) {
        if self.backwards.is_none()
            && let Some(order) = &self.order
        {
            self.backwards = Some(order.iter().rev().copied().collect());
        }
    }
}

/// The state of one column's view.
#[derive(Debug, Clone, Default)]
pub struct Column {
    /// Index into the triage's sort orders.
    pub sort: usize,
    /// The order is read backwards (`S`).
    pub reversed: bool,
    /// The filter as typed.
    pub filter: String,
    /// The filter the column shows (empty while the text as typed is not valid).
    query: Query,
    /// Why the filter as typed is not valid, when it is not: the column then shows no
    /// rows, so nothing acts on a result the text does not describe.
    error: Option<QueryError>,
    /// The person the cursor belongs to while the rows are still coming (a filter job,
    /// the search index or a sort order): the cursor goes back to them when they are
    /// shown, else to the nearest person shown once the result is whole.
    anchor: Option<u32>,
    /// Every item that passes the filter, in either column or done, in sort order: moves
    /// then only re-select by place instead of matching again.
    matched: Vec<u32>,
    /// The filter job still adding to `matched`, when one runs on a worker.
    job: Option<FilterJob>,
    /// The filter waits for the search index, still being built (see
    /// [`Triage::search_ready`]).
    awaits_search: bool,
    /// Items of this column that pass the filter, in sort order.
    shown: Vec<u32>,
    /// Items in this column, filter or not.
    total: usize,
    marked: usize,
    pub cursor: usize,
    pub offset: usize,
}

impl Column {
    pub fn shown(&self) -> &[u32] {
        &self.shown
    }

    pub fn total(&self) -> usize {
        self.total
    }

    pub fn marked(&self) -> usize {
        self.marked
    }

    /// The last valid filter: what the column shows and the rows highlight.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Why the filter as typed cannot be used (a one-line hint). The column shows no
    /// rows meanwhile: bulk actions then have nothing to act on.
    pub fn filter_error(&self) -> Option<&QueryError> {
        self.error.as_ref()
    }

    /// A filter is typed: a valid one, or one that is not (which shows no rows).
    pub fn is_filtered(&self) -> bool {
        !self.query.is_empty() || self.error.is_some()
    }

    /// Matches are still streaming in (or waiting for the search index): `shown` is the
    /// top of the result so far.
    pub fn is_matching(&self) -> bool {
        self.job.is_some() || self.awaits_search
    }

    /// The item under the cursor.
    pub fn current(&self) -> Option<u32> {
        self.shown.get(self.cursor).copied()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Move {
    ids: Vec<u32>,
    from: Place,
    to: Place,
}

/// What a move did, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub count: usize,
    pub to: Side,
    /// Items that could not move, with the first reason.
    pub refused: Option<(usize, &'static str)>,
    /// Kept items a bulk move (move all shown) left where they were.
    pub kept_skipped: usize,
}

#[derive(Debug, Clone)]
pub struct Triage {
    place: Vec<Place>,
    /// How many items are in each place, kept as items move: a keystroke's refresh
    /// must not count a million places.
    in_place: [usize; 3],
    marked: Vec<bool>,
    /// Why an item cannot be moved (an expired invitation), if it cannot.
    locks: Vec<Option<&'static str>>,
    /// On the keep list: bulk moves, inverts and range marks pass it by (empty: nobody).
    kept: Vec<bool>,
    kept_count: usize,
    /// A range being marked with `V`, following the cursor.
    visual: Option<Visual>,
    search: Arc<SearchIndex>,
    /// `search` is a stand-in holding only which terms the list can answer: the index
    /// is still being built (see [`Triage::search_ready`]).
    search_pending: bool,
    sorts: Vec<SortOrder>,
    columns: [Column; 2],
    /// Each column's current filter generation, shared with its jobs to cancel them.
    live: [Live; 2],
    generations: u64,
    inline_limit: usize,
    focus: Side,
    viewport: usize,
    undo: Vec<Move>,
    redo: Vec<Move>,
}

impl Triage {
    /// `sorts` must be non-empty and each a permutation of `0..search.len()`.
    pub fn new(search: SearchIndex, sorts: Vec<SortOrder>) -> Self {
        Triage::with_search(search.len(), search, false, sorts)
    }

    /// A triage of `len` items whose search index is still being built: it opens at once
    /// and filters once [`Triage::search_ready`] gives it the index. A filter typed
    /// before then is checked against `facts` (which terms this list can answer; their
    /// per-item data is not needed) and waits.
    pub fn search_later(len: usize, facts: Facts, sorts: Vec<SortOrder>) -> Self {
        let stand_in = SearchIndex::default().with_facts(facts);
        Triage::with_search(len, stand_in, true, sorts)
    }

    fn with_search(
        n: usize,
        search: SearchIndex,
        search_pending: bool,
        sorts: Vec<SortOrder>,
    ) -> Self {
        let mut t = Triage {
            place: vec![Place::Left; n],
            in_place: [n, 0, 0],
            marked: vec![false; n],
            locks: Vec::new(),
            kept: Vec::new(),
            kept_count: 0,
            visual: None,
            search: Arc::new(search),
            search_pending,
            sorts,
            columns: Default::default(),
            live: Default::default(),
            generations: 0,
            inline_limit: INLINE_FILTER_LIMIT,
            focus: Side::Left,
            viewport: 10,
            undo: Vec::new(),
            redo: Vec::new(),
        };
        t.refresh_all();
        t
    }

    /// Items that cannot be moved, with the reason shown to the user.
    pub fn with_locks(mut self, locks: Vec<Option<&'static str>>) -> Self {
        self.locks = locks;
        self
    }

    /// Filters with up to `limit` candidates run inline; tests use 0 to exercise the
    /// streaming path on small lists.
    pub fn with_inline_filter_limit(mut self, limit: usize) -> Self {
        self.inline_limit = limit;
        self
    }

    /// Puts items where a previous session left them (staged, or done per the journal).
    pub fn restore(&mut self, places: impl IntoIterator<Item = (u32, Place)>) {
        let mut moved = false;
        for (id, place) in places {
            if (id as usize) < self.place.len() {
                self.set_place(id, place);
                moved = true;
            }
        }
        // Nothing to put back (a first start): the columns are as they were.
        if moved {
            self.refresh_all();
        }
    }

    fn set_place(&mut self, id: u32, place: Place) {
        let slot = &mut self.place[id as usize];
        self.in_place[slot.index()] -= 1;
        self.in_place[place.index()] += 1;
        *slot = place;
    }

    pub fn len(&self) -> usize {
        self.place.len()
    }

    pub fn is_empty(&self) -> bool {
        self.place.is_empty()
    }

    pub fn place(&self, id: u32) -> Place {
        self.place[id as usize]
    }

    pub fn is_marked(&self, id: u32) -> bool {
        self.marked[id as usize]
    }

    pub fn lock_reason(&self, id: u32) -> Option<&'static str> {
        self.locks.get(id as usize).copied().flatten()
    }

    pub fn column(&self, side: Side) -> &Column {
        &self.columns[side.index()]
    }

    pub fn focus(&self) -> Side {
        self.focus
    }

    pub fn sort_name(&self, side: Side) -> &'static str {
        self.sorts[self.column(side).sort].name
    }

    /// The column's sort order is still being computed.
    pub fn is_sorting(&self, side: Side) -> bool {
        self.sorts[self.column(side).sort].order.is_none()
    }

    /// The column's order as the user reads it: "company", "company, reversed"; an
    /// order whose reverse has a name of its own reads as that ("oldest first").
    pub fn sort_label(&self, side: Side) -> String {
        let name = self.sort_name(side);
        if !self.column(side).reversed {
            return name.to_owned();
        }
        match super::sort_names::reversed_name(name) {
            Some(opposite) => opposite.to_owned(),
            None => format!("{name}, reversed"),
        }
    }

    /// The names of the sort orders, in the order `s` cycles through them.
    pub fn sort_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.sorts.iter().map(|s| s.name)
    }

    /// A pending sort order has been computed. Columns showing it are filled (and
    /// filtered: the returned jobs are for the worker).
    pub fn sort_ready(
        &mut self,
        name: &'static str,
        order: impl Into<Arc<[u32]>>,
    ) -> Vec<FilterJob> {
        let Some(index) = self.sorts.iter().position(|s| s.name == name) else {
            return Vec::new();
        };
        let order = order.into();
        self.sorts[index].follows_ids = follows_ids(&order);
        self.sorts[index].order = Some(order);
        self.sorts[index].backwards = None;
        if self.columns.iter().any(|c| c.sort == index && c.reversed) {
            self.sorts[index].read_backwards();
        }
        let mut jobs = Vec::new();
        for side in [Side::Left, Side::Right] {
            let col = &self.columns[side.index()];
            if col.sort != index {
                continue;
            }
            if col.is_filtered() {
                jobs.extend(self.start_filter(side, false));
            } else {
                self.refresh(side);
            }
        }
        jobs
    }

    /// The search index has been built (for the `len` items of
    /// [`Triage::search_later`]). Columns whose filter was waiting for it are filtered:
    /// the returned jobs are for the worker.
    pub fn search_ready(&mut self, search: SearchIndex) -> Vec<FilterJob> {
        debug_assert_eq!(search.len(), self.len(), "an index of these items");
        self.search = Arc::new(search);
        self.search_pending = false;
        let waiting = [Side::Left, Side::Right].into_iter();
        let waiting: Vec<Side> = waiting
            .filter(|side| self.columns[side.index()].awaits_search)
            .collect();
        waiting
            .into_iter()
            .filter_map(|side| self.start_filter(side, false))
            .collect()
    }

    pub fn done_count(&self) -> usize {
        self.len() - self.columns[0].total - self.columns[1].total
    }

    /// Ids in a place, in item order.
    pub fn ids_in(&self, place: Place) -> impl Iterator<Item = u32> + '_ {
        self.place
            .iter()
            .enumerate()
            .filter(move |(_, p)| **p == place)
            .map(|(i, _)| i as u32)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

fn side_of(place: Place) -> Side {
    match place {
        Place::Right => Side::Right,
        _ => Side::Left,
    }
}

#[cfg(test)]
mod differential_tests;
#[cfg(test)]
mod moves_tests;
#[cfg(test)]
mod people_tests;
#[cfg(test)]
mod tests;
