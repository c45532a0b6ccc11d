//! What the import test files share: fixtures, loading with a check that the input is
//! left untouched, and a look at what was loaded.

#![allow(dead_code, unused_imports)] // each test file uses part of this

pub use std::fs;
pub use std::io::Write;
pub use std::path::{Path, PathBuf};
pub use std::time::SystemTime;

pub use chrono::{NaiveDate, NaiveDateTime};
pub use unconnect::error::ImportError;
pub use unconnect::import::{self, Container, Export, Format, Skipped};
pub use unconnect::model::Direction;
pub use unconnect::model::people::PersonRef;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

pub fn read_fixture(name: &str) -> Vec<u8> {
    fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The bytes and modification time of a file, to prove loading never touches it.
pub fn snapshot(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mtime = fs::metadata(path).unwrap().modified().unwrap();
    (bytes, mtime)
}

/// Every regular file under `dir`, with its snapshot, sorted by path.
pub fn tree(dir: &Path) -> Vec<(PathBuf, (Vec<u8>, SystemTime))> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let s = snapshot(&p);
                out.push((p, s));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// `import::load`, asserting the input (file, or every file of a folder) is unchanged.
pub fn load_path(path: &Path) -> Result<Export, ImportError> {
    load_path_with(path, None)
}

pub fn load_path_with(path: &Path, invitations: Option<&Path>) -> Result<Export, ImportError> {
    let before = if path.is_dir() {
        tree(path)
    } else if path.exists() {
        vec![(path.to_path_buf(), snapshot(path))]
    } else {
        Vec::new()
    };
    let result = import::load_with(path, invitations);
    let after = if path.is_dir() {
        tree(path)
    } else if path.exists() {
        vec![(path.to_path_buf(), snapshot(path))]
    } else {
        Vec::new()
    };
    assert!(
        before == after,
        "{}: loading changed the input",
        path.display()
    );
    result
}

pub fn load(name: &str) -> Export {
    load_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn datetime(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").ok()
}

/// Everyone loaded, in file order.
pub fn people(e: &Export) -> Vec<PersonRef<'_>> {
    e.people.ids().map(|id| e.people.get(id)).collect()
}

/// The one person with this first name.
pub fn person<'e>(e: &'e Export, first_name: &str) -> PersonRef<'e> {
    let found: Vec<_> = people(e)
        .into_iter()
        .filter(|p| p.first_name == first_name)
        .collect();
    assert_eq!(found.len(), 1, "people named {first_name}: {found:?}");
    found[0]
}

pub fn names(e: &Export) -> Vec<String> {
    people(e)
        .iter()
        .map(unconnect::model::people::PersonRef::full_name)
        .collect()
}

pub fn skipped(e: &Export) -> Vec<(u64, &str)> {
    e.report
        .skipped
        .iter()
        .map(|Skipped { line, reason }| (*line, reason.as_str()))
        .collect()
}

pub fn has_trait(e: &Export, t: &str) -> bool {
    e.report.traits.iter().any(|x| x == t)
}

pub fn write_zip(path: &Path, files: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    for (name, bytes) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// The error, after checking it displays as exactly one line naming `file`.
pub fn one_line_error(result: Result<Export, ImportError>, file: &str) -> (ImportError, String) {
    let err = match result {
        Ok(e) => panic!("expected an error naming {file}, loaded {:?}", e.report),
        Err(err) => err,
    };
    let text = err.to_string();
    assert!(
        !text.contains('\n') && !text.contains('\r'),
        "not one line: {text:?}"
    );
    assert!(!text.is_empty());
    assert!(text.contains(file), "{text:?} does not name {file}");
    (err, text)
}

pub const CONNECTIONS_HEADER: &str =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
