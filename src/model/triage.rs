//! The two-column triage: everyone starts on the left; the user stages some on the right;
//! confirming moves the right column to "done" (removed, or withdrawn). Pure state: no
//! terminal, no files. Both the Connections and the Invitations screens use it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::filter::{FilterChunk, FilterJob};
use super::search::{Query, SearchIndex};

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
        }
    }

    /// An order that arrives later: columns using it show "Sorting…" until then.
    pub fn pending(name: &'static str) -> Self {
        SortOrder {
            name,
            order: None,
            follows_ids: false,
        }
    }
}

/// The state of one column's view.
#[derive(Debug, Clone, Default)]
pub struct Column {
    /// Index into the triage's sort orders.
    pub sort: usize,
    /// The filter as typed.
    pub filter: String,
    query: Query,
    /// Every item that passes the filter, in either column or done, in sort order: moves
    /// then only re-select by place instead of matching again.
    matched: Vec<u32>,
    /// The filter job still adding to `matched`, when one runs on a worker.
    job: Option<FilterJob>,
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

    pub fn query(&self) -> &Query {
        &self.query
    }

    pub fn is_filtered(&self) -> bool {
        !self.query.is_empty()
    }

    /// Matches are still streaming in: `shown` is the top of the result so far.
    pub fn is_matching(&self) -> bool {
        self.job.is_some()
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
    search: Arc<SearchIndex>,
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
        let n = search.len();
        let mut t = Triage {
            place: vec![Place::Left; n],
            in_place: [n, 0, 0],
            marked: vec![false; n],
            locks: Vec::new(),
            search: Arc::new(search),
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
        for (id, place) in places {
            if (id as usize) < self.place.len() {
                self.set_place(id, place);
            }
        }
        self.refresh_all();
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

    // --- focus and cursor -------------------------------------------------------------

    pub fn set_focus(&mut self, side: Side) {
        self.focus = side;
    }

    pub fn toggle_focus(&mut self) {
        self.focus = self.focus.other();
    }

    /// Rows visible in a column; paging and scrolling use it.
    pub fn set_viewport(&mut self, rows: usize) {
        self.viewport = rows.max(1);
        for side in [Side::Left, Side::Right] {
            self.clamp(side);
        }
    }

    pub fn viewport(&self) -> usize {
        self.viewport
    }

    /// Moves the focused cursor by `delta` rows, stopping at the ends.
    pub fn move_cursor(&mut self, delta: isize) {
        let side = self.focus;
        let col = &mut self.columns[side.index()];
        col.cursor = col.cursor.saturating_add_signed(delta);
        self.clamp(side);
    }

    pub fn page(&mut self, pages: isize) {
        self.move_cursor(pages * self.viewport as isize);
    }

    pub fn cursor_to_start(&mut self) {
        self.columns[self.focus.index()].cursor = 0;
        self.clamp(self.focus);
    }

    pub fn cursor_to_end(&mut self) {
        self.finish_filter(self.focus);
        self.columns[self.focus.index()].cursor = usize::MAX;
        self.clamp(self.focus);
    }

    /// Puts the cursor on row `row` of a column (a mouse click), focusing it.
    pub fn select_row(&mut self, side: Side, row: usize) {
        self.focus = side;
        self.columns[side.index()].cursor = row;
        self.clamp(side);
    }

    /// Scrolls a column's view without moving its cursor further than needed (mouse wheel).
    pub fn scroll(&mut self, side: Side, delta: isize) {
        let viewport = self.viewport;
        let col = &mut self.columns[side.index()];
        let max_offset = col.shown.len().saturating_sub(viewport);
        col.offset = col.offset.saturating_add_signed(delta).min(max_offset);
        col.cursor = col
            .cursor
            .clamp(col.offset, (col.offset + viewport - 1).max(col.offset));
        self.clamp(side);
    }

    /// Keeps cursor within the rows and the view around the cursor.
    fn clamp(&mut self, side: Side) {
        let viewport = self.viewport;
        let col = &mut self.columns[side.index()];
        let len = col.shown.len();
        col.cursor = col.cursor.min(len.saturating_sub(1));
        if col.cursor < col.offset {
            col.offset = col.cursor;
        } else if col.cursor >= col.offset + viewport {
            col.offset = col.cursor + 1 - viewport;
        }
        col.offset = col.offset.min(len.saturating_sub(viewport));
    }

    // --- marks ------------------------------------------------------------------------

    /// Marks or unmarks the row under the cursor, then steps down.
    pub fn toggle_mark(&mut self) {
        let side = self.focus;
        if let Some(id) = self.column(side).current() {
            self.set_mark(side, id, !self.is_marked(id));
            self.move_cursor(1);
        }
    }

    /// Inverts the marks of the rows the focused column shows.
    pub fn invert_marks(&mut self) {
        let side = self.focus;
        self.finish_filter(side);
        let shown = std::mem::take(&mut self.columns[side.index()].shown);
        for &id in &shown {
            self.set_mark(side, id, !self.is_marked(id));
        }
        self.columns[side.index()].shown = shown;
    }

    fn set_mark(&mut self, side: Side, id: u32, on: bool) {
        let slot = &mut self.marked[id as usize];
        if *slot != on {
            *slot = on;
            let col = &mut self.columns[side.index()];
            if on {
                col.marked += 1;
            } else {
                col.marked -= 1;
            }
        }
    }

    // --- moving -----------------------------------------------------------------------

    /// Moves the marked rows the focused column shows, or the row under the cursor if
    /// none are marked, to the other column.
    pub fn move_selection(&mut self) -> Moved {
        let side = self.focus;
        let col = self.column(side);
        let marked: Vec<u32> = if col.marked > 0 {
            col.shown
                .iter()
                .copied()
                .filter(|&id| self.is_marked(id))
                .collect()
        } else {
            Vec::new()
        };
        let ids = if marked.is_empty() {
            col.current().into_iter().collect()
        } else {
            marked
        };
        self.move_ids(side, ids)
    }

    /// Moves every row the focused column shows (after filtering) to the other column.
    pub fn move_all_shown(&mut self) -> Moved {
        let side = self.focus;
        self.finish_filter(side);
        let ids = self.column(side).shown.clone();
        self.move_ids(side, ids)
    }

    /// Moves one row of a column (a mouse click on it).
    pub fn move_row(&mut self, side: Side, row: usize) -> Moved {
        self.select_row(side, row);
        let ids = self.column(side).current().into_iter().collect();
        self.move_ids(side, ids)
    }

    fn move_ids(&mut self, from: Side, ids: Vec<u32>) -> Moved {
        let mut refused: Option<(usize, &'static str)> = None;
        let ids: Vec<u32> = ids
            .into_iter()
            .filter(|&id| match self.lock_reason(id) {
                Some(reason) => {
                    let n = refused.map_or(0, |(n, _)| n);
                    refused = Some((n + 1, refused.map_or(reason, |(_, r)| r)));
                    false
                }
                None => self.place[id as usize] == from.place(),
            })
            .collect();
        let count = ids.len();
        if count > 0 {
            let m = Move {
                ids,
                from: from.place(),
                to: from.other().place(),
            };
            self.apply(&m);
            self.undo.push(m);
            self.redo.clear();
        }
        Moved {
            count,
            to: from.other(),
            refused,
        }
    }

    fn apply(&mut self, m: &Move) {
        for &id in &m.ids {
            self.set_place(id, m.to);
            // Marks do not travel: a moved row arrives unmarked.
            if self.marked[id as usize] {
                self.marked[id as usize] = false;
                match m.from {
                    Place::Left => self.columns[0].marked -= 1,
                    Place::Right => self.columns[1].marked -= 1,
                    Place::Done => {}
                }
            }
        }
        self.refresh_all();
    }

    /// Undoes the last move. Returns how many items went back, and to which column.
    pub fn undo(&mut self) -> Option<(usize, Side)> {
        let m = self.undo.pop()?;
        let back = Move {
            ids: m.ids.clone(),
            from: m.to,
            to: m.from,
        };
        self.apply(&back);
        self.redo.push(m);
        Some((back.ids.len(), side_of(back.to)))
    }

    pub fn redo(&mut self) -> Option<(usize, Side)> {
        let m = self.redo.pop()?;
        self.apply(&m);
        let result = (m.ids.len(), side_of(m.to));
        self.undo.push(m);
        Some(result)
    }

    /// Marks items as done (their removal was journaled). Undo history ends here: a
    /// confirmed removal is not something `u` can take back.
    pub fn confirm(&mut self, ids: &[u32]) {
        let m = Move {
            ids: ids.to_vec(),
            from: Place::Right,
            to: Place::Done,
        };
        self.apply(&m);
        self.undo.clear();
        self.redo.clear();
    }

    // --- filter and sort --------------------------------------------------------------

    /// Sets a column's filter. Returns a job to run on a worker when the list is large;
    /// until its chunks arrive (see [`Triage::accept`]) the column shows what matched so far.
    pub fn set_filter(&mut self, side: Side, text: &str) -> Option<FilterJob> {
        let query = Query::parse(text);
        let col = &self.columns[side.index()];
        let narrows = col.is_filtered() && !col.is_matching() && col.query.is_narrowed_by(&query);
        let col = &mut self.columns[side.index()];
        col.filter = text.to_owned();
        col.query = query;
        // A new filter starts at its first match, not wherever the cursor was.
        col.cursor = 0;
        col.offset = 0;
        col.shown.clear();
        self.start_filter(side, narrows)
    }

    pub fn cycle_sort(&mut self, side: Side) -> Option<FilterJob> {
        let col = &mut self.columns[side.index()];
        col.sort = (col.sort + 1) % self.sorts.len();
        col.cursor = 0;
        col.offset = 0;
        if col.is_filtered() {
            // The matches are in the old order: find them again in the new one.
            col.shown.clear();
            self.start_filter(side, false)
        } else {
            self.refresh(side);
            None
        }
    }

    /// Matches the column's query against the previous matches (`narrows`: typing more
    /// can only remove rows) or everyone, inline or as a job.
    fn start_filter(&mut self, side: Side, narrows: bool) -> Option<FilterJob> {
        self.generations += 1;
        let generation = self.generations;
        // Any job still running for this column is now stale and stops at its next block.
        self.live[side.index()]
            .0
            .store(generation, Ordering::Relaxed);
        let col = &mut self.columns[side.index()];
        col.job = None;
        if col.query.is_empty() {
            col.matched = Vec::new();
            self.refresh(side);
            return None;
        }
        let sort = &self.sorts[col.sort];
        let candidates: Arc<[u32]> = if narrows {
            Arc::from(std::mem::take(&mut col.matched))
        } else if let Some(order) = &sort.order {
            Arc::clone(order)
        } else {
            // The order is still being computed: `sort_ready` filters then.
            col.matched.clear();
            self.refresh(side);
            return None;
        };
        // Many candidates in an order far from storage order are matched by id first.
        let by_id = !sort.follows_ids && candidates.len() >= MATCH_BY_ID_FROM;
        let job = FilterJob::new(
            side,
            generation,
            col.query.clone(),
            Arc::clone(&self.search),
            candidates,
            Arc::clone(&self.live[side.index()].0),
            by_id,
        );
        col.matched.clear();
        if job.candidates() <= self.inline_limit {
            col.matched = job.run_to_end();
            self.refresh(side);
            None
        } else {
            col.job = Some(job.clone());
            self.refresh(side);
            Some(job)
        }
    }

    /// Takes a chunk of a filter job's matches. Returns false for a stale chunk (the
    /// filter changed since), which is dropped.
    pub fn accept(&mut self, chunk: FilterChunk) -> bool {
        let side = chunk.side;
        let place = side.place();
        let col = &mut self.columns[side.index()];
        if col
            .job
            .as_ref()
            .is_none_or(|j| j.generation != chunk.generation)
        {
            return false;
        }
        let places = &self.place;
        col.shown
            .extend(chunk.ids.iter().filter(|&&id| places[id as usize] == place));
        col.matched.extend_from_slice(&chunk.ids);
        if chunk.done.is_some() {
            col.job = None;
        }
        self.clamp(side);
        true
    }

    /// Completes a column's filter here and now: acting on "everything shown" must not
    /// act on half a result. The worker's copy of the job is cancelled.
    fn finish_filter(&mut self, side: Side) {
        let Some(job) = self.columns[side.index()].job.take() else {
            return;
        };
        self.generations += 1;
        self.live[side.index()]
            .0
            .store(self.generations, Ordering::Relaxed);
        self.columns[side.index()].matched = job.run_to_end();
        self.refresh(side);
    }

    fn refresh_all(&mut self) {
        self.refresh(Side::Left);
        self.refresh(Side::Right);
    }

    /// Recomputes what a column shows, keeping the cursor on the same item if it is still
    /// there, else at the same row. No matching here: the matches are known.
    fn refresh(&mut self, side: Side) {
        let place = side.place();
        let col = &self.columns[side.index()];
        let keep = col.current();
        let places = &self.place;
        let in_column = |&id: &u32| places[id as usize] == place;
        let total = self.in_place[place.index()];
        let shown: Vec<u32> = if col.is_filtered() {
            col.matched.iter().copied().filter(in_column).collect()
        } else {
            let order = self.sorts[col.sort].order.as_deref().unwrap_or_default();
            order.iter().copied().filter(in_column).collect()
        };
        let col = &mut self.columns[side.index()];
        if let Some(keep) = keep
            && let Some(row) = shown.iter().position(|&id| id == keep)
        {
            col.cursor = row;
        }
        col.shown = shown;
        col.total = total;
        self.clamp(side);
    }
}

fn side_of(place: Place) -> Side {
    match place {
        Place::Right => Side::Right,
        _ => Side::Left,
    }
}

#[cfg(test)]
mod tests;
