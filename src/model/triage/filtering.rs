//! Filtering and sorting a column, inline or through a worker job.

use super::*;

impl Triage {
    /// Sets a column's filter. Returns a job to run on a worker when the list is large;
    /// until its chunks arrive (see [`Triage::accept`]) the column shows what matched so far.
    ///
    /// A filter with a malformed or unknown term (or one this list cannot answer, such
    /// as `messages:` without messages.csv) is kept as typed with its error, for the
    /// filter bar's hint ([`Column::filter_error`]), while the column keeps showing the
    /// last valid filter's result: the rows do not jump while a term is half typed.
    pub fn set_filter(&mut self, side: Side, text: &str) -> Option<FilterJob> {
        let parsed = Query::parse(text).and_then(|q| self.search.check(&q).map(|()| q));
        let query = match parsed {
            Ok(query) => query,
            Err(error) => {
                let col = &mut self.columns[side.index()];
                col.filter = text.to_owned();
                col.error = Some(error);
                return None;
            }
        };
        self.columns[side.index()].error = None;
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

    /// Recomputes what a column shows, keeping the cursor on the same item if it is still
    /// there, else at the same row. No matching here: the matches are known.
    pub(super) fn refresh(&mut self, side: Side) {
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
            // Everyone, or no one, in this column (as at a start): nothing to sift.
            match total {
                0 => Vec::new(),
                all if all == order.len() => order.to_vec(),
                _ => order.iter().copied().filter(in_column).collect(),
            }
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
