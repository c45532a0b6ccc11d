//! The two-column triage: everyone starts on the left; the user stages some on the right;
//! confirming moves the right column to "done" (removed, or withdrawn). Pure state: no
//! terminal, no files. Both the Connections and the Invitations screens use it.

use super::search::{Query, SearchIndex};

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

/// One way to order a column, precomputed once: sorting a million rows on every keystroke
/// would be visible.
#[derive(Debug, Clone)]
pub struct SortOrder {
    pub name: &'static str,
    pub order: Vec<u32>,
}

/// The state of one column's view.
#[derive(Debug, Clone, Default)]
pub struct Column {
    /// Index into the triage's sort orders.
    pub sort: usize,
    /// The filter as typed.
    pub filter: String,
    query: Query,
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
    marked: Vec<bool>,
    /// Why an item cannot be moved (an expired invitation), if it cannot.
    locks: Vec<Option<&'static str>>,
    search: SearchIndex,
    sorts: Vec<SortOrder>,
    columns: [Column; 2],
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
            marked: vec![false; n],
            locks: Vec::new(),
            search,
            sorts,
            columns: Default::default(),
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

    /// Puts items where a previous session left them (staged, or done per the journal).
    pub fn restore(&mut self, places: impl IntoIterator<Item = (u32, Place)>) {
        for (id, place) in places {
            if let Some(p) = self.place.get_mut(id as usize) {
                *p = place;
            }
        }
        self.refresh_all();
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
            self.place[id as usize] = m.to;
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

    pub fn set_filter(&mut self, side: Side, text: &str) {
        let col = &mut self.columns[side.index()];
        let query = Query::parse(text);
        let narrows = col.is_filtered() && col.query.is_narrowed_by(&query);
        col.filter = text.to_owned();
        col.query = query;
        col.cursor = 0;
        col.offset = 0;
        if narrows {
            // Typing one more letter: only the rows shown so far can still match.
            let matcher = col.query.matcher();
            let search = &self.search;
            col.shown
                .retain(|&id| matcher.matches(search.haystack(id as usize)));
        } else {
            // A new filter starts at its first match, not wherever the cursor was.
            col.shown.clear();
            self.refresh(side);
        }
    }

    pub fn cycle_sort(&mut self, side: Side) {
        let col = &mut self.columns[side.index()];
        col.sort = (col.sort + 1) % self.sorts.len();
        col.cursor = 0;
        col.offset = 0;
        self.refresh(side);
    }

    fn refresh_all(&mut self) {
        self.refresh(Side::Left);
        self.refresh(Side::Right);
    }

    /// Recomputes what a column shows, keeping the cursor on the same item if it is still
    /// there, else at the same row.
    fn refresh(&mut self, side: Side) {
        let place = side.place();
        let col = &self.columns[side.index()];
        let keep = col.current();
        let matcher = col.query.matcher();
        let filtered = col.is_filtered();
        let mut total = 0;
        let mut shown = Vec::with_capacity(if filtered { 64 } else { self.place.len() });
        for &id in &self.sorts[col.sort].order {
            if self.place[id as usize] != place {
                continue;
            }
            total += 1;
            if !filtered || matcher.matches(self.search.haystack(id as usize)) {
                shown.push(id);
            }
        }
        drop(matcher);
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
