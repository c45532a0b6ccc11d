//! Writing e-mail drafts: private files (0600) in a private folder (0700), each created
//! new, never over an existing file.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{StoreError, fsutil};

/// Readies `dir` for drafts: created private if missing. An existing folder others can
/// read is refused rather than changed: the drafts hold other people's addresses.
pub fn prepare_folder(dir: &Path) -> Result<(), StoreError> {
    if !dir.exists() {
        return fsutil::create_private_dir(dir).map_err(StoreError::io(dir));
    }
    let meta = std::fs::metadata(dir).map_err(StoreError::io(dir))?;
    if !meta.is_dir() {
        return Err(StoreError::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(StoreError::NotPrivate {
                path: dir.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// Saves `bytes` as `STEM.eml` in `dir`, or `STEM-2.eml`, `STEM-3.eml`… when taken.
pub fn save_new(dir: &Path, stem: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    for n in 1u32.. {
        let name = if n == 1 {
            format!("{stem}.eml")
        } else {
            format!("{stem}-{n}.eml")
        };
        let path = dir.join(name);
        match fsutil::private_options()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(bytes)
                    .and_then(|()| file.sync_all())
                    .map_err(StoreError::io(&path))?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(StoreError::io(&path)(e)),
        }
    }
    Err(StoreError::io(dir)(std::io::Error::other(
        "no free file name",
    )))
}

/// A file name from a person's name: letters and digits kept, anything else (path
/// separators, dots, control characters) a single `-`, at most 60 characters.
pub fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "draft".to_owned()
    } else {
        stem.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_hold_no_separators_or_controls() {
        assert_eq!(file_stem("Ada Lovelace"), "Ada-Lovelace");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("Eve\u{1b}]52;\r\nX"), "Eve-52-X");
        assert_eq!(file_stem("José 山田"), "José-山田");
        assert_eq!(file_stem("..."), "draft");
        assert_eq!(file_stem(&"a".repeat(100)).len(), 60);
    }

    #[test]
    fn an_existing_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = dir.path().join("drafts");
        prepare_folder(&drafts).unwrap();
        let first = save_new(&drafts, "Ada", b"one").unwrap();
        let second = save_new(&drafts, "Ada", b"two").unwrap();
        assert_eq!(first.file_name().unwrap(), "Ada.eml");
        assert_eq!(second.file_name().unwrap(), "Ada-2.eml");
        assert_eq!(std::fs::read(&first).unwrap(), b"one");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&drafts), 0o700);
            assert_eq!(mode(&second), 0o600);
            let open = dir.path().join("shared");
            std::fs::create_dir(&open).unwrap();
            std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
            assert!(matches!(
                prepare_folder(&open),
                Err(StoreError::NotPrivate { .. })
            ));
        }
    }
}
