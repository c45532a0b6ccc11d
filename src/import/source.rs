//! Where the CSV bytes come from: a single CSV, the unzipped export folder, or the zip
//! itself (read in place, never extracted). Everything is opened read-only.

use std::fs::{self, File};
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::export_date::{modified, zip_time};
use super::table::StreamStop;
use crate::error::ImportError;

/// One CSV file's bytes, with the name errors should show for it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub label: String,
    pub bytes: Vec<u8>,
}

/// What a path held, and how it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Csv,
    Folder,
    Zip,
}

/// Connections.csv: a file on disk, or an entry of a zip, streamed as it is parsed.
#[derive(Debug)]
pub enum Connections {
    File {
        label: String,
        path: PathBuf,
    },
    ZipEntry {
        label: String,
        zip: PathBuf,
        index: usize,
    },
}

impl Connections {
    pub fn label(&self) -> &str {
        match self {
            Connections::File { label, .. } | Connections::ZipEntry { label, .. } => label,
        }
    }
}

#[derive(Debug)]
pub struct ExportFiles {
    pub container: Container,
    pub connections: Connections,
    /// Found but unreadable is an error for the caller to report, not a failed load.
    pub invitations: Option<Result<SourceFile, ImportError>>,
    /// The Complete export's files that tell a real contact from an accidental one.
    pub signals: SignalFiles,
    /// The newest modification time of Connections.csv and Invitations.csv: when the
    /// export was taken, if its name does not say.
    pub modified: Option<DateTime<FixedOffset>>,
}

/// messages.csv, the endorsements and the recommendations, each when found.
#[derive(Debug, Default)]
pub struct SignalFiles {
    pub messages: Option<Result<SourceFile, ImportError>>,
    pub endorsements_received: Option<Result<SourceFile, ImportError>>,
    pub endorsements_given: Option<Result<SourceFile, ImportError>>,
    pub recommendations_received: Option<Result<SourceFile, ImportError>>,
    pub recommendations_given: Option<Result<SourceFile, ImportError>>,
}

/// Their names, in [`SignalFiles`] order.
const SIGNAL_FILES: [&str; 5] = [
    "messages.csv",
    "endorsement_received_info.csv",
    "endorsement_given_info.csv",
    "recommendations_received.csv",
    "recommendations_given.csv",
];

impl SignalFiles {
    /// Each file `find(name)` reads, if it finds it.
    fn find(mut find: impl FnMut(&str) -> Option<Result<SourceFile, ImportError>>) -> Self {
        let [
            messages,
            endorsements_received,
            endorsements_given,
            recommendations_received,
            recommendations_given,
        ] = SIGNAL_FILES.map(&mut find);
        SignalFiles {
            messages,
            endorsements_received,
            endorsements_given,
            recommendations_received,
            recommendations_given,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_none()
            && self.endorsements_received.is_none()
            && self.endorsements_given.is_none()
            && self.recommendations_received.is_none()
            && self.recommendations_given.is_none()
    }
}

/// The newer of two optional times.
fn newest(
    a: Option<DateTime<FixedOffset>>,
    b: Option<DateTime<FixedOffset>>,
) -> Option<DateTime<FixedOffset>> {
    a.max(b)
}

const CONNECTIONS: &str = "connections.csv";
const INVITATIONS: &str = "invitations.csv";
/// Unzipped exports are sometimes nested one or two folders down.
const MAX_FOLDER_DEPTH: usize = 3;
/// 32-bit offsets cap what we can hold: the arena, and the search index, which adds a
/// separator per field to the folded text. 3 GiB (some 25 million rows) leaves room for
/// both; refuse early instead of failing midway.
pub const MAX_FILE_BYTES: u64 = 3 << 30;
/// Invitations.csv covers about a year, a few thousand rows (about a megabyte); it is
/// read whole, so it gets a cap of its own, far above any real one.
pub const MAX_INVITATIONS_BYTES: u64 = 64 << 20;
/// messages.csv and the endorsement and recommendation files are read whole: a lifetime
/// of messages fits, a file meant to exhaust memory does not.
pub const MAX_SIGNALS_BYTES: u64 = 1 << 30;

/// What a cap is called in the error that names it.
pub fn describe_cap(cap: u64) -> &'static str {
    if cap == MAX_INVITATIONS_BYTES {
        "64 MiB"
    } else {
        "3 GiB"
    }
}

/// Refuses FIFOs, devices and sockets before anything opens them: opening a FIFO waits
/// for a writer, and a device such as `/dev/zero` never ends.
fn require_regular(path: &Path, meta: &fs::Metadata) -> Result<(), ImportError> {
    if meta.is_file() || meta.is_dir() {
        return Ok(());
    }
    Err(ImportError::NotAFile {
        path: path.display().to_string(),
        kind: special_kind(&meta.file_type()),
    })
}

#[cfg(unix)]
fn special_kind(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> &'static str {
    "not a regular file"
}

pub fn open_export(path: &Path) -> Result<ExportFiles, ImportError> {
    let label = path.display().to_string();
    let meta = fs::metadata(path).map_err(|source| ImportError::Open {
        path: label.clone(),
        source,
    })?;
    require_regular(path, &meta)?;
    if meta.is_dir() {
        let connections = find_in_folder(path, CONNECTIONS)
            .ok_or(ImportError::NoConnectionsInFolder { path: label })?;
        let invitations = find_in_folder(path, INVITATIONS);
        // The export's other files sit beside its Connections.csv.
        let dir = connections.parent().unwrap_or(path);
        return Ok(ExportFiles {
            container: Container::Folder,
            modified: newest(
                modified(&connections),
                invitations.as_deref().and_then(modified),
            ),
            connections: stream_file(&connections)?,
            invitations: invitations.map(|p| read_invitations(&p)),
            signals: SignalFiles::find(|name| {
                find_child(dir, name).map(|p| read_file(&p, MAX_SIGNALS_BYTES))
            }),
        });
    }
    if looks_like_zip(path) {
        return open_zip(path);
    }
    // A lone Connections.csv: its export's Invitations.csv usually sits beside it.
    let invitations = path
        .parent()
        .and_then(|dir| find_child(dir, INVITATIONS))
        .filter(|p| p != path);
    let signals = SignalFiles::find(|name| {
        path.parent()
            .and_then(|dir| find_child(dir, name))
            .filter(|p| p != path)
            .map(|p| read_file(&p, MAX_SIGNALS_BYTES))
    });
    Ok(ExportFiles {
        container: Container::Csv,
        modified: newest(modified(path), invitations.as_deref().and_then(modified)),
        connections: stream_file(path)?,
        invitations: invitations.map(|p| read_invitations(&p)),
        signals,
    })
}

/// A file to parse as it is read, once we know it opens and is not too large.
fn stream_file(path: &Path) -> Result<Connections, ImportError> {
    let label = path.display().to_string();
    let len = File::open(path)
        .and_then(|f| f.metadata())
        .map_err(|source| ImportError::Open {
            path: label.clone(),
            source,
        })?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: label,
            limit: describe_cap(MAX_FILE_BYTES),
        });
    }
    Ok(Connections::File {
        label,
        path: path.to_path_buf(),
    })
}

/// Reads an Invitations.csv whole, e.g. `--invitations FILE`.
pub fn read_invitations(path: &Path) -> Result<SourceFile, ImportError> {
    read_file(path, MAX_INVITATIONS_BYTES)
}

/// Reads a file whole, refusing one over `cap` bytes (or one that is not a file).
pub fn read_file(path: &Path, cap: u64) -> Result<SourceFile, ImportError> {
    let label = path.display().to_string();
    let open_err = |source| ImportError::Open {
        path: label.clone(),
        source,
    };
    require_regular(path, &fs::metadata(path).map_err(open_err)?)?;
    let file = File::open(path).map_err(open_err)?;
    let too_large = || ImportError::TooLarge {
        path: label.clone(),
        limit: describe_cap(cap),
    };
    let len = file.metadata().map_err(open_err)?.len();
    if len > cap {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(open_err)?;
    if bytes.len() as u64 > cap {
        return Err(too_large());
    }
    Ok(SourceFile { label, bytes })
}

fn looks_like_zip(path: &Path) -> bool {
    let by_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    let mut magic = [0u8; 4];
    let by_magic = File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|()| magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06");
    by_name || by_magic
}

fn find_child(dir: &Path, name: &str) -> Option<PathBuf> {
    // A bare `Connections.csv` has "" as its parent: the current folder.
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    entries.into_iter().find(|p| {
        p.is_file()
            && p.file_name()
                .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case(name))
    })
}

/// Breadth-first, so the export's own top-level file wins over a nested copy.
fn find_in_folder(root: &Path, name: &str) -> Option<PathBuf> {
    let mut level = vec![root.to_path_buf()];
    for _ in 0..MAX_FOLDER_DEPTH {
        if let Some(found) = level.iter().find_map(|dir| find_child(dir, name)) {
            return Some(found);
        }
        let mut next: Vec<PathBuf> = level
            .iter()
            .filter_map(|dir| fs::read_dir(dir).ok())
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        next.sort();
        level = next;
    }
    None
}

fn open_zip(path: &Path) -> Result<ExportFiles, ImportError> {
    let label = path.display().to_string();
    let corrupt = |e: zip::result::ZipError| ImportError::CorruptZip {
        path: label.clone(),
        reason: e.to_string(),
    };
    let file = File::open(path).map_err(|source| ImportError::Open {
        path: label.clone(),
        source,
    })?;
    let mut archive = zip::ZipArchive::new(file).map_err(corrupt)?;
    let connections =
        find_in_zip(&archive, CONNECTIONS).ok_or_else(|| ImportError::NoConnectionsInZip {
            path: label.clone(),
        })?;
    let invitations_index = find_in_zip(&archive, INVITATIONS);
    let entry_time = |archive: &mut zip::ZipArchive<File>, i: usize| {
        archive
            .by_index_raw(i)
            .ok()
            .and_then(|e| e.last_modified())
            .and_then(zip_time)
    };
    let modified = newest(
        entry_time(&mut archive, connections),
        invitations_index.and_then(|i| entry_time(&mut archive, i)),
    );
    let connections = Connections::ZipEntry {
        label: entry_label(&mut archive, connections, &label)?,
        zip: path.to_path_buf(),
        index: connections,
    };
    let invitations =
        invitations_index.map(|i| read_zip_entry(&mut archive, i, &label, MAX_INVITATIONS_BYTES));
    let signals = SignalFiles::find(|name| {
        find_in_zip(&archive, name)
            .map(|i| read_zip_entry(&mut archive, i, &label, MAX_SIGNALS_BYTES))
    });
    Ok(ExportFiles {
        container: Container::Zip,
        modified,
        connections,
        invitations,
        signals,
    })
}

fn find_in_zip<R: Read + Seek>(archive: &zip::ZipArchive<R>, name: &str) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None; // (depth, index): shallowest wins
    for i in 0..archive.len() {
        let Some(Ok(entry)) = archive.name_for_index(i) else {
            continue;
        };
        let base = entry.rsplit(['/', '\\']).next().unwrap_or(&entry);
        if base.eq_ignore_ascii_case(name) {
            let depth = entry.matches('/').count();
            if best.is_none_or(|(d, _)| depth < d) {
                best = Some((depth, i));
            }
        }
    }
    best.map(|(_, i)| i)
}

/// `export.zip (Connections.csv)`: how errors name an entry.
fn entry_label<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    index: usize,
    zip_label: &str,
) -> Result<String, ImportError> {
    let entry = archive
        .by_index_raw(index)
        .map_err(|e| ImportError::CorruptZip {
            path: zip_label.to_owned(),
            reason: e.to_string(),
        })?;
    let name = entry
        .name()
        .map(std::borrow::Cow::into_owned)
        .unwrap_or_default();
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    Ok(format!("{zip_label} ({base})"))
}

/// Opens the zip at `zip` (named `label` in errors) again, to stream one of its entries.
pub fn open_archive(zip: &Path, label: &str) -> Result<zip::ZipArchive<File>, ImportError> {
    let file = File::open(zip).map_err(|source| ImportError::Open {
        path: label.to_owned(),
        source,
    })?;
    zip::ZipArchive::new(file).map_err(|e| ImportError::CorruptZip {
        path: label.to_owned(),
        reason: e.to_string(),
    })
}

/// A zip entry read as it inflates: its read errors (a failed checksum, a broken stream)
/// say the zip is damaged, whatever line the parser had reached. How much is read is
/// bounded by the reader above it: the size in the zip's header is not to be trusted.
pub struct ZipEntryReader<R>(pub R);

impl<R: Read> Read for ZipEntryReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0
            .read(buf)
            .map_err(|e| std::io::Error::other(StreamStop::Damaged(e.to_string())))
    }
}

/// Reads a whole entry, refusing one that inflates past `cap`.
pub fn read_zip_entry<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    index: usize,
    zip_label: &str,
    cap: u64,
) -> Result<SourceFile, ImportError> {
    let label = entry_label(archive, index, zip_label)?;
    let mut entry = archive
        .by_index(index)
        .map_err(|e| ImportError::CorruptZip {
            path: zip_label.to_owned(),
            reason: e.to_string(),
        })?;
    let too_large = || ImportError::TooLarge {
        path: label.clone(),
        limit: describe_cap(cap),
    };
    if entry.size() > cap {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(entry.size() as usize);
    // `take` stops inflating a lying size header (zip bomb) just past the cap.
    (&mut entry)
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::CorruptZip {
            path: label.clone(),
            reason: e.to_string(),
        })?;
    if bytes.len() as u64 > cap {
        return Err(too_large());
    }
    Ok(SourceFile { label, bytes })
}
