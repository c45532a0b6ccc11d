//! Paths the user types in the export prompt: `~` expanded, Tab completion from the
//! folder named, and the folder the prompt proposes (Downloads, else Documents, else
//! home), written with `~` as the user would type it.

use std::path::{Path, PathBuf};

use crate::app::ExportRefusal;

/// `~` or `~/…` with the home folder put in; anything else as typed.
pub fn expand_tilde(typed: &Path, home: Option<&Path>) -> PathBuf {
    let text = typed.to_string_lossy();
    match (home, text.strip_prefix('~')) {
        (Some(home), Some("")) => home.to_path_buf(),
        (Some(home), Some(rest)) if rest.starts_with('/') => {
            home.join(rest.trim_start_matches('/'))
        }
        _ => typed.to_path_buf(),
    }
}

/// The file an export typed as `typed` writes: a folder (one that exists, or any path
/// ending in `/`) gets `file_name` inside it. Refused with why when the folder is not
/// there, or when what is named is a folder all the same: a folder is never "replaced".
pub fn export_target(
    typed: &Path,
    file_name: &str,
    home: Option<&Path>,
) -> Result<PathBuf, (PathBuf, ExportRefusal)> {
    let says_folder = typed.to_string_lossy().ends_with('/');
    let path = expand_tilde(typed, home);
    let path = if says_folder || path.is_dir() {
        path.join(file_name)
    } else {
        path
    };
    if path.is_dir() {
        return Err((path, ExportRefusal::IsFolder));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if folder.is_dir() {
        Ok(path)
    } else {
        Err((folder.to_path_buf(), ExportRefusal::NoFolder))
    }
}

/// The user's home folder.
pub fn home() -> Option<PathBuf> {
    directories::UserDirs::new().map(|d| d.home_dir().to_path_buf())
}

/// Where the export prompt proposes files: Downloads, else Documents, else home; `None`
/// leaves the current folder. Written with `~` when under home.
pub fn export_folder() -> Option<String> {
    let dirs = directories::UserDirs::new()?;
    let home = dirs.home_dir();
    // Without an XDG user-dirs file the platform names none: look for the usual ones.
    let downloads = dirs.download_dir().map(Path::to_path_buf);
    let documents = dirs.document_dir().map(Path::to_path_buf);
    let folder = [
        downloads,
        Some(home.join("Downloads")),
        documents,
        Some(home.join("Documents")),
    ]
    .into_iter()
    .flatten()
    .find(|d| d.is_dir())
    .unwrap_or_else(|| home.to_path_buf());
    Some(with_tilde(&folder, home))
}

fn with_tilde(path: &Path, home: &Path) -> String {
    match path.strip_prefix(home) {
        Ok(rest) if rest.as_os_str().is_empty() => "~".to_owned(),
        Ok(rest) => format!("~/{}", rest.display()),
        Err(_) => path.display().to_string(),
    }
}

/// Completes what was typed from the entries of the folder it names: the longest common
/// prefix of the matching names (a folder gets its `/`), and the matching names. Returns
/// the input as typed (with its `~`) plus the completion.
pub fn complete(typed: &str, home: Option<&Path>) -> (String, Vec<String>) {
    let (folder_part, stem) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let folder = if folder_part.is_empty() {
        PathBuf::from(".")
    } else {
        expand_tilde(Path::new(folder_part), home)
    };
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return (typed.to_owned(), Vec::new());
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let hidden = name.starts_with('.') && !stem.starts_with('.');
            (name.starts_with(stem) && !hidden).then(|| {
                if e.path().is_dir() {
                    format!("{name}/")
                } else {
                    name
                }
            })
        })
        .collect();
    names.sort();
    let Some(first) = names.first() else {
        return (typed.to_owned(), names);
    };
    let mut common = first.clone();
    for name in &names[1..] {
        let same = common
            .char_indices()
            .zip(name.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        common.truncate(same);
    }
    (format!("{folder_part}{common}"), names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tilde_is_home_only_at_the_start() {
        let home = Path::new("/home/ada");
        let e = |s: &str| expand_tilde(Path::new(s), Some(home));
        assert_eq!(
            e("~/Downloads/x.csv"),
            Path::new("/home/ada/Downloads/x.csv")
        );
        assert_eq!(e("~"), Path::new("/home/ada"));
        assert_eq!(e("~bob/x"), Path::new("~bob/x"));
        assert_eq!(e("a/~/x"), Path::new("a/~/x"));
        assert_eq!(e("/tmp/x.csv"), Path::new("/tmp/x.csv"));
    }

    #[test]
    fn a_folder_gets_the_proposed_name_inside_and_a_missing_one_is_refused() {
        let home = tempfile::tempdir().unwrap();
        let h = Some(home.path());
        std::fs::create_dir(home.path().join("Downloads")).unwrap();
        let name = "unconnect-staged-2026-12-01.csv";
        let inside = home.path().join("Downloads").join(name);
        let target = |typed: &str| export_target(Path::new(typed), name, h);
        assert_eq!(target("~/Downloads"), Ok(inside.clone()));
        assert_eq!(target("~/Downloads/"), Ok(inside.clone()));
        assert_eq!(
            target("~/Downloads/mine.csv"),
            Ok(home.path().join("Downloads/mine.csv"))
        );
        assert_eq!(
            target("~/Nowhere/"),
            Err((home.path().join("Nowhere"), ExportRefusal::NoFolder))
        );
        assert_eq!(
            target("~/Nowhere/x.csv"),
            Err((home.path().join("Nowhere"), ExportRefusal::NoFolder))
        );
        // A file typed with a slash after it names no folder.
        std::fs::write(home.path().join("plain"), "").unwrap();
        assert_eq!(
            target("~/plain/"),
            Err((home.path().join("plain"), ExportRefusal::NoFolder))
        );
        // The proposed name is itself a folder there: still not a file.
        std::fs::create_dir(home.path().join("Downloads").join(name)).unwrap();
        assert_eq!(
            target("~/Downloads"),
            Err((inside, ExportRefusal::IsFolder))
        );
    }

    #[test]
    fn tab_completes_to_the_common_prefix_and_lists_the_candidates() {
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir(home.path().join("Downloads")).unwrap();
        std::fs::create_dir(home.path().join("Documents")).unwrap();
        std::fs::write(home.path().join("Downloads/removed-2026.csv"), "").unwrap();
        std::fs::write(home.path().join("Downloads/removed-2025.csv"), "").unwrap();
        std::fs::write(home.path().join(".secret"), "").unwrap();
        let h = Some(home.path());
        assert_eq!(
            complete("~/Dow", h),
            ("~/Downloads/".into(), vec!["Downloads/".into()])
        );
        let (input, names) = complete("~/Do", h);
        assert_eq!(input, "~/Do");
        assert_eq!(names, vec!["Documents/", "Downloads/"]);
        let (input, names) = complete("~/Downloads/rem", h);
        assert_eq!(input, "~/Downloads/removed-202");
        assert_eq!(names.len(), 2);
        assert_eq!(
            complete("~/nothing-here/x", h),
            ("~/nothing-here/x".into(), vec![])
        );
        assert_eq!(
            complete("~/", h).1,
            vec!["Documents/", "Downloads/"],
            "hidden left out"
        );
    }
}
