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
