//! Reading a small text file the user names (the config, a drafts template): only a
//! regular file, and only up to a size cap. `/dev/zero` would otherwise be read until
//! memory runs out, and opening a FIFO waits forever for a writer.

use std::io::{self, Read as _};
use std::path::Path;

/// A config file is a few hundred bytes: this bounds a wrong file given by mistake.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The text of `path`, refused (before it is opened) when it is not a regular file, and
/// when it holds more than `limit` bytes or is not UTF-8. Errors keep their kind (a
/// missing file is `NotFound`) and say what is wrong in words, in one line.
pub fn read_text(path: &Path, limit: u64) -> io::Result<String> {
    // The type first: opening a FIFO blocks until someone writes to it.
    refuse_unless_regular(&std::fs::metadata(path)?)?;
    let file = open_without_blocking(path)?;
    // Checked again on what was opened: the name may have been swapped in between.
    refuse_unless_regular(&file.metadata()?)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than the {} unconnect reads", size(limit)),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
}

fn refuse_unless_regular(meta: &std::fs::Metadata) -> io::Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{}, not a regular file", kind_of(meta)),
    ))
}

/// What a file that is not a regular file is, in words.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "x = 1\n").unwrap();
        assert_eq!(read_text(&path, 6).unwrap(), "x = 1\n");
        let e = read_text(&path, 5).unwrap_err();
        assert_eq!(e.to_string(), "larger than the 5 bytes unconnect reads");
        std::fs::write(&path, [0xff, 0xfe]).unwrap();
        assert_eq!(
            read_text(&path, 6).unwrap_err().to_string(),
            "not UTF-8 text"
        );
        let missing = read_text(&dir.path().join("none"), 6).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        let folder = read_text(dir.path(), 6).unwrap_err();
        assert_eq!(folder.to_string(), "a folder, not a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_waiting() {
        let zero = read_text(Path::new("/dev/zero"), MAX_CONFIG_BYTES).unwrap_err();
        assert_eq!(zero.to_string(), "a device, not a regular file");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read_text(&fifo, MAX_CONFIG_BYTES).unwrap_err();
        assert_eq!(e.to_string(), "a named pipe (FIFO), not a regular file");
    }
}
