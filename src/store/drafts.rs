//! Writing e-mail drafts: private files (0600) in a private folder (0700), each created
//! new, never over an existing file.

use std::path::{Path, PathBuf};

use super::faults::Faults;
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
/// Written to a temporary file and renamed, like every other file: a full disk leaves
/// no empty draft behind to push the next run's to `-2`.
pub fn save_new(dir: &Path, stem: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    save_new_with(dir, stem, bytes, None)
}

/// [`save_new`], failing as `faults` says (tests).
#[doc(hidden)]
pub fn save_new_with(
    dir: &Path,
    stem: &str,
    bytes: &[u8],
    faults: Option<&Faults>,
) -> Result<PathBuf, StoreError> {
    let name = |n: u32| match n {
        1 => format!("{stem}.eml"),
        n => format!("{stem}-{n}.eml"),
    };
    // The error names the folder: a draft's file name is a person's name.
    fsutil::save_new(&dir.join("draft.eml"), name, bytes, faults).map_err(StoreError::io(dir))
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

    #[test]
    fn a_full_disk_leaves_no_empty_draft_and_the_rerun_takes_the_first_name() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = dir.path().join("drafts");
        prepare_folder(&drafts).unwrap();
        for every in [1, 2] {
            let full = Faults::fail_every(every);
            let failed = save_new_with(&drafts, "Ada-Lovelace", b"letter", Some(&full));
            let message = failed.unwrap_err().to_string();
            assert!(message.contains("No space left"), "{message}");
            assert!(!message.contains("Ada"), "no name in the error: {message}");
            let left: Vec<_> = std::fs::read_dir(&drafts).unwrap().collect();
            assert!(left.is_empty(), "nothing left behind: {left:?}");
        }
        let path = save_new(&drafts, "Ada-Lovelace", b"letter").unwrap();
        assert_eq!(path.file_name().unwrap(), "Ada-Lovelace.eml");
        assert_eq!(std::fs::read(&path).unwrap(), b"letter");
    }
}
