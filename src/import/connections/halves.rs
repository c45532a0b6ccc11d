//! A large file parsed in two halves at once (rayon), joined as if read in one pass.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::ImportError;
use crate::import::Progress;
use crate::import::decode::TextInfo;
use crate::import::report::ConnectionsReport;
use crate::import::table::Table;
use crate::model::People;

use super::rows::{Limits, RowReader, Stop};

/// Where the second half starts: just after the first line break past the middle. It
/// may fall inside a quoted field; the first half's reader finds out (see `read_halves`).
pub(super) fn find_split(path: &Path, size: u64) -> Option<u64> {
    let mut file = File::open(path).ok()?;
    let middle = size / 2;
    file.seek(SeekFrom::Start(middle)).ok()?;
    let mut window = vec![0; 1 << 16];
    let n = file.read(&mut window).ok()?;
    memchr::memchr(b'\n', &window[..n]).map(|i| middle + i as u64 + 1)
}

/// Parses `[start, split)` and `[split, end)` at once (`rayon::join`), then joins them
/// as if read in one pass: same order, same duplicates merged, same line numbers.
/// The split is only trusted if a record of the first half ends exactly there; if not
/// (a quoted line break), or if the second half failed, the first half reads on alone.
/// `None`: not UTF-8.
pub(super) fn read_halves<R: Read + Send>(
    label: &str,
    path: &Path,
    table: &mut Table<'_, R>,
    info: TextInfo,
    bom_len: u64,
    split: u64,
    progress: &Progress,
) -> Result<Option<(People, ConnectionsReport)>, ImportError> {
    let size = progress.total.load(Ordering::Relaxed);
    // After a CRLF the first half's last record ends at the `\r`: the parser takes the
    // `\n` as the start of the next record. A split between the two is never trusted.
    let (crlf, inside_crlf) = around(path, split);
    let crlf = u64::from(crlf);
    let boundary = split - crlf;
    let header = table.header.clone();
    let cancel = AtomicBool::new(false);
    let mut first = RowReader::new(&table.header, info, label, (split, size), true);
    let seed = first.identity_seed().clone();
    let read_second = || -> Result<(RowReader<'_>, Result<Stop, ImportError>), ImportError> {
        let open_err = |source| ImportError::Open {
            path: label.to_owned(),
            source,
        };
        let mut file = File::open(path).map_err(open_err)?;
        file.seek(SeekFrom::Start(split)).map_err(open_err)?;
        let reader = BufReader::with_capacity(1 << 16, file);
        let mut rest = Table::continuing(label, reader, header);
        let mut rows = RowReader::new(
            &rest.header,
            info,
            label,
            (size - split, size - split),
            false,
        )
        .hashing_with(&seed);
        let limits = Limits {
            cancel: Some(&cancel),
            ..Limits::default()
        };
        let stop = rows.read(&mut rest, progress, &limits);
        Ok((rows, stop))
    };
    let read_first = || {
        let limits = Limits {
            stop_at: Some(boundary),
            base: bom_len,
            cancel: None,
        };
        let stop = first.read(table, progress, &limits);
        let aligned =
            !inside_crlf && matches!(stop, Ok(Stop::Boundary { at, .. }) if at == boundary);
        if !aligned {
            // The second half is wasted work (or the first failed): stop it early.
            cancel.store(true, Ordering::Relaxed);
        }
        (stop, aligned)
    };
    // A panic in either is a bug, not bad input: rayon propagates it.
    let ((stop, aligned), second) = rayon::join(read_first, read_second);
    let stop = stop?;
    match (stop, second) {
        (Stop::NotUtf8, _) => Ok(None),
        (Stop::Boundary { next_line, .. }, Ok((rest, Ok(Stop::End)))) if aligned => {
            #[cfg(test)]
            super::tests::JOINS.with(|j| j.set(j.get() + 1));
            first.absorb(rest, next_line - 1)?;
            Ok(Some(first.finish(progress, size)?))
        }
        (Stop::Boundary { .. }, Ok((_, Ok(Stop::NotUtf8)))) if aligned => Ok(None),
        (Stop::End, second) => {
            if let Ok((rest, _)) = second {
                rest.retract(progress);
            }
            Ok(Some(first.finish(progress, size)?))
        }
        (_, second) => {
            // Misaligned, or the second half failed: read on alone from here.
            if let Ok((rest, _)) = second {
                rest.retract(progress);
            }
            match first.read(table, progress, &Limits::default())? {
                Stop::End => Ok(Some(first.finish(progress, size)?)),
                _ => Ok(None),
            }
        }
    }
}

/// Whether a CRLF line break ends just before `at`, and whether `at` falls inside one.
fn around(path: &Path, at: u64) -> (bool, bool) {
    let mut bytes = [0u8; 3];
    let start = at.saturating_sub(2);
    let read = File::open(path).and_then(|mut f| {
        f.seek(SeekFrom::Start(start))?;
        f.read(&mut bytes)
    });
    let Ok(n) = read else {
        return (false, false);
    };
    let at = (at - start) as usize;
    let byte = |i: usize| (i < n).then(|| bytes[i]);
    let after = at >= 2 && byte(at - 2) == Some(b'\r') && byte(at - 1) == Some(b'\n');
    let inside = at >= 1 && byte(at - 1) == Some(b'\r') && byte(at) == Some(b'\n');
    (after, inside)
}
