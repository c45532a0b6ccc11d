//! Filtering and sorting a column, inline or through a worker job.

use super::*;

impl Triage {
    /// Sets a column's filter. Returns a job to run on a worker when the list is large;
    /// until its chunks arrive (see [`Triage::accept`]) the column shows what matched so far.
    ///
    /// A filter with a malformed or unknown term (or one this list cannot answer, such
    /// as `messages:` without messages.csv) is kept as typed with its error, for the
    /// filter bar's hint ([`Column::filter_error`]), and the column shows no rows until
    /// it is valid: a result the text does not describe is never on screen to act on.
    ///
    /// The cursor stays on its person when the new result shows them, else it goes to
    /// the nearest person shown (see `Triage::refresh`).
    pub fn set_filter(&mut self, side: Side, text: &str) -> Option<FilterJob> {
        let parsed = Query::parse(text).and_then(|q| self.search.check(&q).map(|()| q));
        let col = &self.columns[side.index()];
        // A person still awaited (rows streaming in) comes before a row shown meanwhile.
        let person = col.anchor.or(col.current());
        // Narrowing reuses the last matches: only those of a valid, finished filter.
        let narrows = |query: &Query| {
            col.error.is_none()
                && !col.query.is_empty()
                && !col.is_matching()
                && col.query.is_narrowed_by(query)
        };
        let (query, error, narrows) = match parsed {
            Ok(query) => {
                let narrows = narrows(&query);
                (query, None, narrows)
            }
            Err(error) => (Query::default(), Some(error), false),
        };
        let col = &mut self.columns[side.index()];
        text.clone_into(&mut col.filter);
        col.query = query;
        col.error = error;
        col.anchor = person;
        col.shown.clear();
        self.start_filter(side, narrows)
    }

    /// The filter as typed, ready to take one more term: resuming a kept filter with `/`
    /// must not glue a word onto its last term (`…2024-03-14retired`).
    pub fn resume_filter(&mut self, side: Side) {
        let col = &mut self.columns[side.index()];
        if !col.filter.is_empty() && !col.filter.ends_with(' ') {
            col.filter.push(' ');
        }
    }

    /// Changes the facts the filter terms read (a History record's status), and filters
    /// the columns again, inline (a few records change at a time, on lists of thousands):
    /// the last matches are no longer what the filter says.
    pub fn change_facts(&mut self, change: impl FnOnce(&mut Facts)) {
        change(Arc::make_mut(&mut self.search).facts_mut());
        let limit = std::mem::replace(&mut self.inline_limit, usize::MAX);
        for side in [Side::Left, Side::Right] {
            if self.columns[side.index()].is_filtered() {
                // Inline: no job comes back.
                let _ = self.start_filter(side, false);
            }
        }
        self.inline_limit = limit;
    }

    /// `s`: the next sort order, in its usual direction.
    pub fn cycle_sort(&mut self, side: Side) -> Option<FilterJob> {
        let sort = (self.columns[side.index()].sort + 1) % self.sorts.len();
        self.set_sort(side, sort, false)
    }

    /// `S`: the same order read backwards.
    pub fn reverse_sort(&mut self, side: Side) -> Option<FilterJob> {
        let col = &self.columns[side.index()];
        self.set_sort(side, col.sort, !col.reversed)
    }

    /// Sorts a column by order `sort` (an index into the triage's orders; out of range
    /// is the first), reversed or not, keeping the cursor on its person.
    pub fn set_sort(&mut self, side: Side, sort: usize, reversed: bool) -> Option<FilterJob> {
        let sort = if sort < self.sorts.len() { sort } else { 0 };
        if reversed {
            self.sorts[sort].read_backwards();
        }
        let col = &mut self.columns[side.index()];
        col.anchor = col.anchor.or(col.current());
        col.sort = sort;
        col.reversed = reversed;
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
    pub(super) fn start_filter(&mut self, side: Side, narrows: bool) -> Option<FilterJob> {
        self.generations += 1;
        let generation = self.generations;
        // Any job still running for this column is now stale and stops at its next block.
        self.live[side.index()]
            .0
            .store(generation, Ordering::Relaxed);
        let col = &mut self.columns[side.index()];
        col.job = None;
        col.awaits_search = false;
        if col.query.is_empty() {
            // No filter (everyone), or one not valid as typed (no one).
            col.matched = Vec::new();
            self.refresh(side);
            return None;
        }
        if self.search_pending {
            // Nothing to match against yet: `search_ready` filters then.
            col.awaits_search = true;
            col.matched.clear();
            self.refresh(side);
            return None;
        }
        let sort = &self.sorts[col.sort];
        let candidates: Arc<[u32]> = if narrows {
            Arc::from(std::mem::take(&mut col.matched))
        } else if let Some(order) = sort.read(col.reversed) {
            Arc::clone(order)
        } else {
            // The order is still being computed: `sort_ready` filters then.
            col.matched.clear();
            self.refresh(side);
            return None;
        };
        // Many candidates in an order far from storage order are matched by id first.
        let by_id = (col.reversed || !sort.follows_ids) && candidates.len() >= MATCH_BY_ID_FROM;
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
        let person = col.anchor;
        self.place_cursor(side, person);
        true
    }

    /// Completes a column's filter here and now: acting on "everything shown" must not
    /// act on half a result. The worker's copy of the job is cancelled.
    pub(super) fn finish_filter(&mut self, side: Side) {
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

    pub(super) fn refresh_all(&mut self) {
        self.refresh(Side::Left);
        self.refresh(Side::Right);
    }

    /// Recomputes what a column shows, keeping the cursor on the same person if they are
    /// still shown, else on the nearest one. No matching here: the matches are known.
    pub(super) fn refresh(&mut self, side: Side) {
        let place = side.place();
        let col = &self.columns[side.index()];
        let person = col.anchor.or(col.current());
        let places = &self.place;
        let in_column = |&id: &u32| places[id as usize] == place;
        let total = self.in_place[place.index()];
        let shown: Vec<u32> = if col.is_filtered() {
            col.matched.iter().copied().filter(in_column).collect()
        } else {
            let order = self.sorts[col.sort].read(col.reversed);
            let order = order.map(|o| &o[..]).unwrap_or_default();
            // Everyone, or no one, in this column (as at a start): nothing to sift.
            match total {
                0 => Vec::new(),
                all if all == order.len() => order.to_vec(),
                _ => order.iter().copied().filter(in_column).collect(),
            }
        };
        let col = &mut self.columns[side.index()];
        col.shown = shown;
        col.total = total;
        self.place_cursor(side, person);
    }

    /// Puts the cursor on `person` if the column shows them. If not: while rows are still
    /// coming, the cursor waits for them; once the result is whole, it goes to the nearest
    /// person shown in the column's order (the next one, else the one before).
    pub(super) fn place_cursor(&mut self, side: Side, person: Option<u32>) {
        let col = &self.columns[side.index()];
        // An invalid filter shows no one for now: the person waits for a valid one.
        let waiting =
            col.is_matching() || col.error.is_some() || self.sorts[col.sort].order.is_none();
        let row = person.and_then(|id| col.shown.iter().position(|&s| s == id));
        let col = &mut self.columns[side.index()];
        match (person, row) {
            (_, Some(row)) => {
                col.cursor = row;
                col.anchor = None;
            }
            (Some(_), None) if waiting => col.anchor = person,
            (Some(id), None) => match self.nearest_row(side, id) {
                Some(row) => {
                    let col = &mut self.columns[side.index()];
                    col.anchor = None;
                    col.cursor = row;
                }
                // No one shown (all of a filter's rows moved): the cursor stays with the
                // person, to come back beside them when rows are shown again.
                None => self.columns[side.index()].anchor = Some(id),
            },
            (None, None) => col.anchor = None,
        }
        self.clamp(side);
    }

    /// The row of the person shown nearest to `id` in the column's order: the first one
    /// after it, else the last one before it. `None` when the column shows no one.
    fn nearest_row(&self, side: Side, id: u32) -> Option<usize> {
        let col = &self.columns[side.index()];
        if col.shown.is_empty() {
            return None;
        }
        let order = self.sorts[col.sort].read(col.reversed)?;
        let rank = order.iter().position(|&o| o == id)?;
        let mut shown = vec![false; self.len()];
        for &s in &col.shown {
            shown[s as usize] = true;
        }
        let is_shown = |o: &&u32| shown[**o as usize];
        let near = order[rank + 1..]
            .iter()
            .find(is_shown)
            .or_else(|| order[..rank].iter().rev().find(is_shown))?;
        col.shown.iter().position(|s| s == near)
    }
}
