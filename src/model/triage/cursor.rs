//! Focus, cursor and scrolling.

use super::*;

impl Triage {
    pub fn set_focus(&mut self, side: Side) {
        self.focus = side;
    }

    pub fn toggle_focus(&mut self) {
        self.focus = self.focus.other();
        self.visual = None;
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
        col.anchor = None;
        col.cursor = col.cursor.saturating_add_signed(delta);
        self.clamp(side);
        self.follow_visual();
    }

    pub fn page(&mut self, pages: isize) {
        self.move_cursor(pages * self.viewport as isize);
    }

    pub fn cursor_to_start(&mut self) {
        self.columns[self.focus.index()].anchor = None;
        self.columns[self.focus.index()].cursor = 0;
        self.clamp(self.focus);
        self.follow_visual();
    }

    pub fn cursor_to_end(&mut self) {
        self.finish_filter(self.focus);
        self.columns[self.focus.index()].anchor = None;
        self.columns[self.focus.index()].cursor = usize::MAX;
        self.clamp(self.focus);
        self.follow_visual();
    }

    /// Puts the cursor on row `row` of a column (a mouse click), focusing it.
    pub fn select_row(&mut self, side: Side, row: usize) {
        self.focus = side;
        self.columns[side.index()].anchor = None;
        self.columns[side.index()].cursor = row;
        self.clamp(side);
    }

    /// Puts the cursor on item `id` (a list rebuilt under the user): on them when the
    /// column shows them, else on the nearest person shown; while the rows are still
    /// coming, the cursor waits for them.
    pub fn put_cursor_on(&mut self, side: Side, id: u32) {
        self.columns[side.index()].anchor = Some(id);
        self.refresh(side);
    }

    /// The cursor on the first row of a column's order, following no one (a view
    /// brought back without a person for it).
    pub fn cursor_to_top(&mut self, side: Side) {
        let col = &mut self.columns[side.index()];
        col.anchor = None;
        col.cursor = 0;
        col.offset = 0;
        self.clamp(side);
    }

    /// Scrolls a column's view without moving its cursor further than needed (mouse wheel).
    pub fn scroll(&mut self, side: Side, delta: isize) {
        let viewport = self.viewport;
        let col = &mut self.columns[side.index()];
        col.anchor = None;
        let max_offset = col.shown.len().saturating_sub(viewport);
        col.offset = col.offset.saturating_add_signed(delta).min(max_offset);
        col.cursor = col
            .cursor
            .clamp(col.offset, (col.offset + viewport - 1).max(col.offset));
        self.clamp(side);
    }

    /// Keeps cursor within the rows and the view around the cursor.
    pub(super) fn clamp(&mut self, side: Side) {
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
}
