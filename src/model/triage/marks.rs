//! Marks: which rows the next move takes.

use super::*;

impl Triage {
    /// Marks or unmarks the row under the cursor, then steps down.
    pub fn toggle_mark(&mut self) {
        let side = self.focus;
        if let Some(id) = self.column(side).current() {
            self.set_mark(side, id, !self.is_marked(id));
            self.move_cursor(1);
        }
    }

    /// Inverts the marks of the rows the focused column shows, passing kept ones by.
    /// Returns how many kept rows were passed by.
    pub fn invert_marks(&mut self) -> usize {
        let side = self.focus;
        self.finish_filter(side);
        let shown = std::mem::take(&mut self.columns[side.index()].shown);
        let mut skipped = 0;
        for &id in &shown {
            if self.is_kept(id) {
                skipped += 1;
            } else {
                self.set_mark(side, id, !self.is_marked(id));
            }
        }
        self.columns[side.index()].shown = shown;
        skipped
    }

    /// Marks the rows `from..=to` (either order) of a column, passing kept ones by (a
    /// shift-click). Returns how many kept rows were passed by.
    pub fn mark_range(&mut self, side: Side, from: usize, to: usize) -> usize {
        self.finish_filter(side);
        let (lo, hi) = (from.min(to), from.max(to));
        let shown = std::mem::take(&mut self.columns[side.index()].shown);
        let mut skipped = 0;
        for &id in shown.iter().take(hi + 1).skip(lo) {
            if self.is_kept(id) {
                skipped += 1;
            } else {
                self.set_mark(side, id, true);
            }
        }
        self.columns[side.index()].shown = shown;
        skipped
    }

    /// Shift-↑/↓: marks the cursor row and the row it moves to. Returns how many kept
    /// rows were passed by.
    pub fn extend_marks(&mut self, delta: isize) -> usize {
        let side = self.focus;
        let from = self.column(side).cursor;
        self.move_cursor(delta);
        let to = self.column(side).cursor;
        self.mark_range(side, from, to)
    }

    /// Unmarks every row of a column (`Esc`). Returns how many were marked.
    pub fn clear_marks(&mut self, side: Side) -> usize {
        let was = self.columns[side.index()].marked;
        if was == 0 {
            return 0;
        }
        let place = side.place();
        for (id, slot) in self.marked.iter_mut().enumerate() {
            if *slot && self.place[id] == place {
                *slot = false;
            }
        }
        self.columns[side.index()].marked = 0;
        was
    }

    /// Marks these rows of the left or right column (marks brought over to a list
    /// rebuilt under the user); rows elsewhere are passed by.
    pub fn mark_ids(&mut self, ids: &[u32]) {
        for &id in ids {
            let side = match self.place.get(id as usize) {
                Some(Place::Left) => Side::Left,
                Some(Place::Right) => Side::Right,
                _ => continue,
            };
            self.set_mark(side, id, true);
        }
    }

    /// Unmarks these rows, wherever they are: a row an action was done to is finished
    /// with, and its mark would hide what the action changed.
    pub fn unmark(&mut self, ids: &[u32]) {
        for &id in ids {
            let side = match self.place.get(id as usize) {
                Some(Place::Left) => Side::Left,
                Some(Place::Right) => Side::Right,
                _ => continue,
            };
            self.set_mark(side, id, false);
        }
    }

    pub(super) fn set_mark(&mut self, side: Side, id: u32, on: bool) {
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
}
