//! Private, durable file writes: the data is other people's personal data, and a crash
//! must never leave a half-written file behind.
//!
//! Temp files are created exclusively (`O_EXCL`, so a planted symlink is refused, never
//! followed) under an unguessable name, private from the first byte, then renamed over
//! the target: the target becomes a regular file even if it was a symlink.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::faults::{Faults, FaultyWriter};

/// Opens for writing with mode 0600 (on Unix) from the first byte.
pub fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Opens `path` with `options` only if it is a regular file: a pipe, device or socket
/// put in place of a data file is refused before anything waits on it (opening a pipe
/// blocks until someone writes to it).
pub fn open_regular(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        use std::os::unix::io::AsRawFd;
        // Non-blocking only for the open itself: a pipe's open returns at once.
        let file = options.custom_flags(libc::O_NONBLOCK).open(path)?;
        check_regular(&file.metadata()?)?;
        // SAFETY: fcntl on a descriptor this function owns; no memory is passed.
        let fd = file.as_raw_fd();
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    {
        // No non-blocking open here: look first (a small race, but no wait forever).
        match fs::metadata(path) {
            Ok(meta) => check_regular(&meta)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        options.open(path)
    }
}

fn check_regular(meta: &fs::Metadata) -> io::Result<()> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a pipe, device or socket?); unconnect reads and writes only regular files here",
        ))
    }
}

/// The whole of `path` if it is a regular file (see [`open_regular`]); `None` if there
/// is no such file.
pub fn read_regular(path: &Path) -> io::Result<Option<Vec<u8>>> {
    read_regular_with(path, false)
}

/// [`read_regular`] for a file unconnect will rewrite: made private (see [`tighten`]).
pub fn read_private(path: &Path) -> io::Result<Option<Vec<u8>>> {
    read_regular_with(path, true)
}

fn read_regular_with(path: &Path, private: bool) -> io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut file = match open_regular(path, OpenOptions::new().read(true)) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if private {
        tighten(&file)?;
    }
    // Grown as read, from the size the file says it has now.
    let size = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// Makes an existing file private (0600), as every file unconnect writes is: one
/// restored from a backup may be readable by others.
pub fn tighten(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if file.metadata()?.permissions().mode() & 0o077 != 0 {
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Creates a folder (and parents) and makes it private (0700).
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    fs::create_dir_all(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Makes a rename or a new file in `dir` survive a power cut.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The folder `path` is in (`.` for a bare file name).
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// What every temp file of ours starts with, so stale ones can be recognised.
const TEMP_MARK: &str = ".tmp-";

/// `.NAME.tmp-` for `NAME`: the prefix of the temp files written for it.
fn temp_prefix(path: &Path) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(TEMP_MARK);
    prefix
}

/// A new private temp file in `dir`, created exclusively with a random name.
fn new_temp(dir: &Path, prefix: &OsString) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).rand_bytes(12);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    builder.tempfile_in(dir).map_err(without_temp_name)
}

/// tempfile adds ` at path "…/.x.csv.tmp-UnyONlek8E1Q"` to its errors: a name the user
/// never chose and cannot find. The caller's message names the file they asked for.
fn without_temp_name(error: io::Error) -> io::Error {
    let text = error.to_string();
    match text.find(" at path ") {
        Some(cut) => io::Error::new(error.kind(), &text[..cut]),
        None => error,
    }
}

/// Writes `path` atomically: a private temp file beside it, fsync, rename, fsync folder.
/// Readers see the old file or the new one, never a mix.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_with(path, None, write)
}

/// [`write_atomic`], with writes failing as `faults` says (tests of full disks).
pub fn write_atomic_with(
    path: &Path,
    faults: Option<&Faults>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = parent_of(path);
    // Dropping the temp file on any error below removes it.
    let tmp = write_temp(dir, &temp_prefix(path), faults, write)?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// A synced temp file in `dir` holding what `write` wrote.
fn write_temp(
    dir: &Path,
    prefix: &OsString,
    faults: Option<&Faults>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<NamedTempFile> {
    let mut tmp = new_temp(dir, prefix)?;
    {
        let mut out = io::BufWriter::new(FaultyWriter::new(tmp.as_file_mut(), faults));
        write(&mut out)?;
        out.flush()?;
    }
    Faults::check_op(faults)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Saves `bytes` to a new file `STEM-STAMP.EXT` beside `near` (adding `-2`, `-3`, … when
/// that name is taken) and returns its path. Never replaces an existing file: two repairs
/// within the same second each keep what they set aside.
pub fn save_aside(near: &Path, stem: &str, ext: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let name = |n: u32| match n {
        1 => format!("{stem}-{stamp}.{ext}"),
        n => format!("{stem}-{stamp}-{n}.{ext}"),
    };
    save_new(near, name, bytes, None)
}

/// Writes `bytes` to a new file beside `near` (in its folder), named by `name(1)`, or
/// `name(2)`, … when taken: by a temporary file, synced, then renamed without
/// overwriting. A failure (a full disk) leaves no file under any of those names.
pub fn save_new(
    near: &Path,
    name: impl Fn(u32) -> String,
    bytes: &[u8],
    faults: Option<&Faults>,
) -> io::Result<PathBuf> {
    let dir = parent_of(near);
    let mut tmp = write_temp(dir, &temp_prefix(near), faults, |w| w.write_all(bytes))?;
    for n in 1u32.. {
        let target = dir.join(name(n));
        match tmp.persist_noclobber(&target) {
            Ok(_) => {
                sync_dir(dir)?;
                return Ok(target);
            }
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(io::Error::other("no free file name"))
}

/// Removes temp files a killed run of ours left in `dir` (they hold other people's data).
/// Only call with the folder locked, so no running instance is still writing one.
pub fn remove_stale_temp_files(dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name.starts_with('.') && name.contains(TEMP_MARK);
        if ours && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_is_neither_followed_nor_left_in_place() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "keep me").unwrap();
        let out = dir.path().join("out.csv");
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        // The old predictable names, planted for this and the next process ids.
        let pid = std::process::id();
        for p in pid..pid + 50 {
            let planted = dir.path().join(format!(".out.csv.tmp-{p}"));
            std::os::unix::fs::symlink(&victim, planted).unwrap();
        }
        write_atomic(&out, |w| w.write_all(b"new export")).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        let meta = fs::symlink_metadata(&out).unwrap();
        assert!(meta.file_type().is_file(), "out.csv is a regular file now");
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        assert_eq!(fs::read_to_string(&out).unwrap(), "new export");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staged.jsonl");
        fs::write(&path, "old").unwrap();
        let failed = write_atomic(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn two_set_asides_in_the_same_second_both_survive() {
        let dir = tempfile::tempdir().unwrap();
        let near = dir.path().join("journal.jsonl");
        let a = save_aside(&near, "journal.torn", "jsonl", b"first").unwrap();
        let b = save_aside(&near, "journal.torn", "jsonl", b"second").unwrap();
        assert_ne!(a, b);
        assert_eq!(fs::read(&a).unwrap(), b"first");
        assert_eq!(fs::read(&b).unwrap(), b"second");
    }

    #[test]
    fn stale_temp_files_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let keep = ["journal.jsonl", "staged-connections.jsonl", ".hidden"];
        for name in keep {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::write(dir.path().join(".staged-connections.jsonl.tmp-4242"), "x").unwrap();
        fs::write(dir.path().join(".journal.jsonl.tmp-Ab3dE9x0QqZz"), "x").unwrap();
        assert_eq!(remove_stale_temp_files(dir.path()).unwrap(), 2);
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [".hidden", "journal.jsonl", "staged-connections.jsonl"]
        );
    }

    #[test]
    fn an_error_never_names_the_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("x.csv");
        let error = write_atomic(&path, |w| w.write_all(b"x")).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert!(!error.to_string().contains(".tmp-"), "{error}");
    }
}
