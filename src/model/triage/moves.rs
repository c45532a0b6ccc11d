//! Moving rows between the columns, undo and redo, and confirming.

use super::*;

impl Triage {
    /// Moves the marked rows the focused column shows, or the row under the cursor if
    /// none are marked, to the other column.
    pub fn move_selection(&mut self) -> Moved {
        let side = self.focus;
        let ids = self.selection();
        self.move_ids(side, ids)
    }

    /// What [`Triage::move_selection`] would move: the marked rows shown in the focused
    /// column, or the cursor row.
    pub fn selection(&self) -> Vec<u32> {
        let col = self.column(self.focus);
        let marked: Vec<u32> = if col.marked > 0 {
            col.shown
                .iter()
                .copied()
                .filter(|&id| self.is_marked(id))
                .collect()
        } else {
            Vec::new()
        };
        if marked.is_empty() {
            col.current().into_iter().collect()
        } else {
            marked
        }
    }

    /// Moves every row the focused column shows (after filtering) to the other column,
    /// except kept ones.
    pub fn move_all_shown(&mut self) -> Moved {
        let side = self.focus;
        self.finish_filter(side);
        let shown = &self.column(side).shown;
        let ids: Vec<u32> = shown
            .iter()
            .copied()
            .filter(|&id| !self.is_kept(id))
            .collect();
        let kept_skipped = shown.len() - ids.len();
        Moved {
            kept_skipped,
            ..self.move_ids(side, ids)
        }
    }

    /// Moves these items from a column to the other (those still there).
    pub fn move_items(&mut self, from: Side, ids: Vec<u32>) -> Moved {
        self.move_ids(from, ids)
    }

    /// Moves one row of a column (a mouse click on it).
    pub fn move_row(&mut self, side: Side, row: usize) -> Moved {
        self.select_row(side, row);
        let ids = self.column(side).current().into_iter().collect();
        self.move_ids(side, ids)
    }

    pub(super) fn move_ids(&mut self, from: Side, ids: Vec<u32>) -> Moved {
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
            kept_skipped: 0,
        }
    }

    pub(super) fn apply(&mut self, m: &Move) {
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
}
