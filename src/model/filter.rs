//! One column's filter as a job that can run on any thread: the query, the candidates in
//! display order, and the shared search index. At a million rows a full scan takes tens of
//! milliseconds, so the app runs it on a worker and shows matches as they stream in; small
//! lists (and narrowing a small result) run it inline.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::search::{IndexMatcher, Query, SearchIndex};
use super::triage::Side;

/// Candidates scanned between two checks for a newer job (and two result chunks).
const BLOCK: usize = 1 << 15;
/// The first chunk is sent as soon as it holds a screenful, so the top rows show at once.
const FIRST_SCREEN: usize = 200;

#[derive(Clone)]
pub struct FilterJob {
    pub side: Side,
    pub generation: u64,
    query: Query,
    search: Arc<SearchIndex>,
    candidates: Arc<[u32]>,
    /// The generation the column currently wants; a job that is no longer it stops.
    live: Arc<AtomicU64>,
    /// Match in storage order first (see `match_by_id`).
    by_id: bool,
    started: Instant,
}

/// Whether item `id` matched: from the bitmap when one was made, else matched now.
fn matched(by_id: Option<&Bits>, matcher: &IndexMatcher<'_>, id: u32) -> bool {
    match by_id {
        Some(bits) => bits.contains(id),
        None => matcher.matches(id as usize),
    }
}

/// One bit per item: matched or not.
struct Bits(Vec<u64>);

impl Bits {
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn contains(&self, id: u32) -> bool {
        let id = id as usize;
        self.0
            .get(id / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
    }
}

/// Matches found by a job, in candidate order, appended to what earlier chunks sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterChunk {
    pub side: Side,
    pub generation: u64,
    pub ids: Vec<u32>,
    /// The last chunk: with it, the time from request to complete result.
    pub done: Option<Duration>,
}

impl FilterJob {
    pub(super) fn new(
        side: Side,
        generation: u64,
        query: Query,
        search: Arc<SearchIndex>,
        candidates: Arc<[u32]>,
        live: Arc<AtomicU64>,
        by_id: bool,
    ) -> Self {
        FilterJob {
            side,
            generation,
            query,
            search,
            candidates,
            live,
            by_id,
            started: Instant::now(),
        }
    }

    pub fn candidates(&self) -> usize {
        self.candidates.len()
    }

    /// Whether the column still wants this job's results.
    pub fn is_live(&self) -> bool {
        self.live.load(Ordering::Relaxed) == self.generation
    }

    /// Scans every candidate, sending matches in chunks: a first screenful as soon as it
    /// is found, then one chunk per block. Stops without a final chunk once superseded.
    pub fn run(&self, mut send: impl FnMut(FilterChunk)) {
        let matcher = self.search.matcher(&self.query);
        let Some(by_id) = self.match_by_id(&matcher, true) else {
            return;
        };
        let is_match = |id| matched(by_id.as_ref(), &matcher, id);
        let mut found = Vec::new();
        let mut first_sent = false;
        let blocks = self.candidates.chunks(BLOCK);
        let last = blocks.len().saturating_sub(1);
        for (i, block) in blocks.enumerate() {
            if !self.is_live() {
                return;
            }
            for &id in block {
                if is_match(id) {
                    found.push(id);
                    if !first_sent && found.len() == FIRST_SCREEN {
                        first_sent = true;
                        send(self.chunk(std::mem::take(&mut found), None));
                    }
                }
            }
            if i < last && !found.is_empty() {
                first_sent = true;
                send(self.chunk(std::mem::take(&mut found), None));
            }
        }
        let elapsed = self.started.elapsed();
        send(self.chunk(found, Some(elapsed)));
    }

    /// Every match at once, whether or not the job is still wanted (inline filtering).
    pub fn run_to_end(&self) -> Vec<u32> {
        let matcher = self.search.matcher(&self.query);
        let by_id = self.match_by_id(&matcher, false).flatten();
        self.candidates
            .iter()
            .copied()
            .filter(|&id| matched(by_id.as_ref(), &matcher, id))
            .collect()
    }

    /// For candidates in an order far from storage order (by name, by company), matching
    /// them in that order would read the index at random: up to a million cache misses.
    /// Then the candidates are matched in storage order first, into a bitmap the display
    /// order is walked against. `None`: superseded meanwhile (when `stop_if_stale`).
    #[allow(clippy::option_option)] // outer: superseded or not; inner: bitmap made or not
    fn match_by_id(&self, matcher: &IndexMatcher<'_>, stop_if_stale: bool) -> Option<Option<Bits>> {
        if !self.by_id {
            return Some(None);
        }
        let n = self.search.len();
        let words = n.div_ceil(64);
        // Everyone, or (narrowing) the previous matches.
        let candidates = if self.candidates.len() == n {
            None
        } else {
            let mut set = Bits(vec![0; words]);
            for &id in self.candidates.iter() {
                set.insert(id as usize);
            }
            Some(set)
        };
        let mut bits = Bits(vec![0; words]);
        for start in (0..n).step_by(BLOCK) {
            if stop_if_stale && !self.is_live() {
                return None;
            }
            for i in start..n.min(start + BLOCK) {
                let candidate = candidates.as_ref().is_none_or(|c| c.contains(i as u32));
                if candidate && matcher.matches(i) {
                    bits.insert(i);
                }
            }
        }
        Some(Some(bits))
    }

    fn chunk(&self, ids: Vec<u32>, done: Option<Duration>) -> FilterChunk {
        FilterChunk {
            side: self.side,
            generation: self.generation,
            ids,
            done,
        }
    }
}

impl fmt::Debug for FilterJob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilterJob")
            .field("side", &self.side)
            .field("generation", &self.generation)
            .field("query", &self.query)
            .field("candidates", &self.candidates.len())
            .finish_non_exhaustive()
    }
}

impl PartialEq for FilterJob {
    fn eq(&self, other: &Self) -> bool {
        self.side == other.side
            && self.generation == other.generation
            && self.query == other.query
            && Arc::ptr_eq(&self.candidates, &other.candidates)
    }
}

impl Eq for FilterJob {}

#[cfg(test)]
mod tests;
