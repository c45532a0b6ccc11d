//! A test hook for full disks: makes chosen writes and syncs of the store fail, so the
//! "nothing lost" paths can be tested on any machine, not only on a nearly full one.
//! Nothing in the app turns it on: faults can be set up and attached only with the
//! `test-support` feature (tests, benches), so the shipped binary has no way to fail a
//! write on purpose; its checks are then always "no fault".

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Fails every `every`-th write or sync the store makes through it (as a full disk
/// would: the failing write lands half its bytes first).
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct Faults {
    every: AtomicUsize,
    ops: AtomicUsize,
    injected: AtomicUsize,
    /// Also fail the undo of a failed journal batch.
    rollbacks: AtomicBool,
}

impl Faults {
    /// Fails the `n`-th, `2n`-th, … operation (`n` = 0 never fails).
    #[cfg(feature = "test-support")]
    pub fn fail_every(n: usize) -> Faults {
        Faults {
            every: AtomicUsize::new(n),
            ..Faults::default()
        }
    }

    /// From now on, fails every `n`-th operation (0: none), counting afresh.
    #[cfg(feature = "test-support")]
    pub fn set_every(&self, n: usize) {
        self.ops.store(0, Ordering::SeqCst);
        self.every.store(n, Ordering::SeqCst);
    }

    /// Makes undoing a failed batch fail too (until switched off).
    #[cfg(feature = "test-support")]
    pub fn fail_rollbacks(&self, fail: bool) {
        self.rollbacks.store(fail, Ordering::SeqCst);
    }

    /// How many failures were injected so far.
    #[cfg(feature = "test-support")]
    pub fn injected(&self) -> usize {
        self.injected.load(Ordering::SeqCst)
    }

    /// Counts one operation; an error if it is one to fail.
    pub(crate) fn check_op(faults: Option<&Faults>) -> io::Result<()> {
        match faults {
            Some(f) if f.every.load(Ordering::SeqCst) > 0 => {
                let n = f.ops.fetch_add(1, Ordering::SeqCst) + 1;
                if n.is_multiple_of(f.every.load(Ordering::SeqCst)) {
                    f.injected.fetch_add(1, Ordering::SeqCst);
                    return Err(disk_full());
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// An error if undoing a failed batch should fail.
    pub(crate) fn check_rollback(faults: Option<&Faults>) -> io::Result<()> {
        match faults {
            Some(f) if f.rollbacks.load(Ordering::SeqCst) => {
                f.injected.fetch_add(1, Ordering::SeqCst);
                Err(disk_full())
            }
            _ => Ok(()),
        }
    }
}

fn disk_full() -> io::Error {
    io::Error::new(
        io::ErrorKind::StorageFull,
        "No space left on device (injected)",
    )
}

/// Passes writes through, counting the bytes, and fails them as `faults` says.
pub(crate) struct FaultyWriter<'a, W> {
    inner: W,
    faults: Option<&'a Faults>,
    pub written: u64,
}

impl<'a, W: Write> FaultyWriter<'a, W> {
    pub fn new(inner: W, faults: Option<&'a Faults>) -> Self {
        FaultyWriter {
            inner,
            faults,
            written: 0,
        }
    }
}

impl<W: Write> Write for FaultyWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Err(e) = Faults::check_op(self.faults) {
            // A full disk takes part of the write before refusing the rest.
            let half = &buf[..buf.len() / 2];
            self.inner.write_all(half)?;
            self.written += half.len() as u64;
            return Err(e);
        }
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
