//! The filter worker: one thread that runs filter jobs so the UI thread never waits on
//! matching. Jobs run in the order sent; a job whose column has moved on to a newer
//! filter stops at its next block, so a fast typist's keystrokes cost nothing.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::app::ListKind;
use crate::model::filter::{FilterChunk, FilterJob};

pub struct FilterWorker {
    jobs: Sender<(ListKind, FilterJob)>,
    results: Receiver<(ListKind, FilterChunk)>,
}

impl FilterWorker {
    pub fn spawn() -> std::io::Result<Self> {
        let (jobs, inbox) = mpsc::channel::<(ListKind, FilterJob)>();
        let (outbox, results) = mpsc::channel();
        thread::Builder::new()
            .name("filter".into())
            .spawn(move || {
                for (kind, job) in inbox {
                    // A send fails only when the UI has gone: stop quietly then.
                    let mut gone = false;
                    job.run(|chunk| gone = gone || outbox.send((kind, chunk)).is_err());
                    if gone {
                        return;
                    }
                }
            })?;
        Ok(FilterWorker { jobs, results })
    }

    pub fn submit(&self, kind: ListKind, job: FilterJob) {
        // The worker outlives every submit unless it panicked; the column then keeps
        // its partial result and says it is still matching.
        let _ = self.jobs.send((kind, job));
    }

    /// Chunks that have arrived since the last call.
    pub fn results(&self) -> impl Iterator<Item = (ListKind, FilterChunk)> + '_ {
        self.results.try_iter()
    }

    /// Waits up to `timeout` for the next chunk (tests and benchmarks).
    pub fn wait(&self, timeout: std::time::Duration) -> Option<(ListKind, FilterChunk)> {
        self.results.recv_timeout(timeout).ok()
    }
}
