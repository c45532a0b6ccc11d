//! A Connections.csv that is not UTF-8, read again: Windows-1252 (and UTF-8 with stray
//! bytes) is decoded as it streams, in two passes over the source (one to judge which it
//! is, one to parse), so it costs what a UTF-8 file costs. UTF-16, rare and already
//! half text, is still decoded whole.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::Ordering;

use crate::error::ImportError;
use crate::import::Progress;
use crate::import::decode::{self, TextInfo};
use crate::import::report::ConnectionsReport;
use crate::import::source::{self, MAX_FILE_BYTES, ZipEntryReader};
use crate::import::table::{StreamStop, Table, sniff_delimiter};
use crate::import::transcode::{self, Transcoder};
use crate::model::People;

use super::rows::{Limits, RowReader, Stop};
use super::{KIND, parse};

/// Where the bytes can be read from again, from the start.
pub(super) enum Source<'a> {
    File(&'a Path),
    ZipEntry { zip: &'a Path, index: usize },
}

impl Source<'_> {
    /// Runs `f` on a fresh reader of the source.
    fn with<T>(
        &self,
        label: &str,
        f: impl FnOnce(&mut dyn Read) -> Result<T, ImportError>,
    ) -> Result<T, ImportError> {
        match self {
            Source::File(path) => {
                let file = File::open(path).map_err(|source| ImportError::Open {
                    path: label.to_owned(),
                    source,
                })?;
                f(&mut file.take(MAX_FILE_BYTES + 1))
            }
            Source::ZipEntry { zip, index } => {
                let mut archive = source::open_archive(zip, label)?;
                let entry = archive
                    .by_index(*index)
                    .map_err(|e| ImportError::CorruptZip {
                        path: label.to_owned(),
                        reason: e.to_string(),
                    })?;
                f(&mut ZipEntryReader(entry.take(MAX_FILE_BYTES + 1)))
            }
        }
    }
}

fn read_err(label: &str) -> impl Fn(std::io::Error) -> ImportError + '_ {
    move |e| match e.get_ref().and_then(|i| i.downcast_ref::<StreamStop>()) {
        Some(StreamStop::Damaged(reason)) => ImportError::CorruptZip {
            path: label.to_owned(),
            reason: reason.clone(),
        },
        _ => ImportError::Open {
            path: label.to_owned(),
            source: e,
        },
    }
}

/// Parses `src` (found not to be UTF-8) again, decoding it; `size` is for progress.
pub(super) fn parse_legacy(
    label: &str,
    src: &Source<'_>,
    size: u64,
    progress: &Progress,
) -> Result<(People, ConnectionsReport), ImportError> {
    progress.done.store(0, Ordering::Relaxed);
    progress.people.store(0, Ordering::Relaxed);
    let mut head = [0u8; 3];
    let head_len = src.with(label, |r| r.read(&mut head).map_err(read_err(label)))?;
    let head = &head[..head_len];
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        let bytes = src.with(label, |r| {
            let mut bytes = Vec::new();
            r.read_to_end(&mut bytes).map_err(read_err(label))?;
            Ok(bytes)
        })?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(ImportError::TooLarge {
                path: label.to_owned(),
                limit: source::describe_cap(MAX_FILE_BYTES),
            });
        }
        return parse(label, &decode::decode(bytes), progress);
    }
    let bom_len = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let legacy = src.with(label, |r| transcode::judge(r).map_err(read_err(label)))?;
    src.with(label, |r| {
        let mut skip = [0u8; 3];
        r.read_exact(&mut skip[..bom_len])
            .map_err(read_err(label))?;
        let mut reader = BufReader::with_capacity(1 << 16, Transcoder::new(r, legacy));
        let head = reader.fill_buf().map_err(read_err(label))?;
        let (crlf, cr_only) = TextInfo::line_endings(head);
        let info = TextInfo {
            had_bom: bom_len > 0,
            encoding_note: Some(legacy.note()),
            crlf,
            cr_only,
        };
        let delimiter = sniff_delimiter(head);
        let mut table = Table::open(label, reader, &KIND, delimiter)?;
        let mut rows = RowReader::new(&table.header, info, label, (size, size), true);
        match rows.read(&mut table, progress, &Limits::default())? {
            Stop::End => rows.finish(progress, size),
            _ => Err(ImportError::Csv {
                path: label.to_owned(),
                line: 0,
                reason: "not UTF-8 after decoding (a bug: please report it)".to_owned(),
            }),
        }
    })
}
