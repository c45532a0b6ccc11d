//! Hostile input costs bounded memory and time: files that are not files, zip bombs,
//! lines of nothing but commas, old-Mac line endings. Each ends in a clear one-line error
//! (or a load) quickly, never a wait or a machine out of memory.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use unconnect::error::ImportError;
use unconnect::import::{self, Export};

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

/// Loads in a thread and gives up after `secs`: a FIFO that blocks fails the test
/// instead of hanging it.
fn load_within(path: &Path, secs: u64) -> Result<Export, ImportError> {
    let (tx, rx) = mpsc::channel();
    let owned = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(import::load(&owned));
    });
    rx.recv_timeout(Duration::from_secs(secs))
        .unwrap_or_else(|_| panic!("loading {} took over {secs} s", path.display()))
}

fn one_line(err: &ImportError, file: &str) -> String {
    let text = err.to_string();
    assert!(!text.contains('\n'), "{text:?}");
    assert!(text.contains(file), "{text:?} does not name {file}");
    text
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let err = load_within(&path, 10).unwrap_err();
    assert!(matches!(err, ImportError::NotAFile { .. }), "{err:?}");
    assert!(one_line(&err, "Connections.csv").contains("named pipe"));
    // Given as the Invitations.csv, too.
    let real = dir.path().join("real.csv");
    fs::write(&real, format!("{HEADER}Ada,One,,,,,01 Jan 2024\n")).unwrap();
    let err = import::load_with(&real, Some(&path)).unwrap_err();
    assert!(matches!(err, ImportError::NotAFile { .. }), "{err:?}");
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_at_once() {
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        return;
    }
    let err = load_within(zero, 10).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::NotAFile {
                kind: "a device",
                ..
            }
        ),
        "{err:?}"
    );
}

fn zip_of(path: &Path, name: &str, body: impl Fn(&mut dyn Write)) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    zip.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    body(&mut zip);
    zip.finish().unwrap();
}

#[test]
fn a_zip_bomb_of_commas_stops_inflating_at_the_record_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Basic_LinkedInDataExport.zip");
    // 64 MiB of commas deflate to about 64 KiB.
    let commas = vec![b','; 1 << 20];
    zip_of(&path, "Connections.csv", |w| {
        w.write_all(HEADER.as_bytes()).unwrap();
        for _ in 0..64 {
            w.write_all(&commas).unwrap();
        }
    });
    assert!(fs::metadata(&path).unwrap().len() < 1 << 20);
    let err = load_within(&path, 30).unwrap_err();
    assert!(
        matches!(err, ImportError::RecordTooLarge { line: 2, .. }),
        "{err:?}"
    );
    let text = one_line(&err, "Basic_LinkedInDataExport.zip (Connections.csv)");
    assert!(text.contains("line 2") && text.contains("2 MiB"), "{text}");
}

#[test]
fn a_zip_bomb_in_the_invitations_entry_is_a_warning_within_its_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("Connections.csv", opts).unwrap();
    zip.write_all(format!("{HEADER}Ada,One,,,,,01 Jan 2024\n").as_bytes())
        .unwrap();
    zip.start_file("Invitations.csv", opts).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..70 {
        zip.write_all(&spaces).unwrap();
    }
    zip.finish().unwrap();
    let e = load_within(&path, 60).unwrap();
    assert_eq!(e.people.len(), 1);
    assert!(e.invitations.is_none());
    assert!(
        e.report
            .warnings
            .iter()
            .any(|w| w.contains("(Invitations.csv): larger than the 64 MiB")),
        "{:?}",
        e.report.warnings
    );
}

#[test]
fn a_line_of_commas_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let mut text = format!("{HEADER}Ada,One,,,,,01 Jan 2024\n");
    text.push_str(&",".repeat(3 << 20));
    fs::write(&path, text).unwrap();
    let err = load_within(&path, 30).unwrap_err();
    assert!(
        matches!(err, ImportError::RecordTooLarge { line: 3, .. }),
        "{err:?}"
    );
}

#[test]
fn many_rows_of_many_commas_are_skipped_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let mut text = HEADER.to_owned();
    let wide = format!("{}\n", ",".repeat(10_000));
    for _ in 0..500 {
        text.push_str(&wide);
    }
    text.push_str("Ada,One,,,,,01 Jan 2024\n");
    fs::write(&path, text).unwrap();
    let e = load_within(&path, 30).unwrap();
    assert_eq!(e.people.len(), 1);
    assert_eq!(e.report.skipped.len(), 500);
    assert_eq!(e.report.skipped[499].line, 501);
    assert_eq!(e.report.skipped[0].reason, "expected 7 fields, found 10001");
}

#[test]
fn line_numbers_are_right_in_an_old_mac_cr_file() {
    let text = "Notes:\r\"A note\"\r\rFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\
        Ada,One,,,,,01 Jan 2024\r\
        Bob,Two,,,\"Acme\rLabs\",,02 Jan 2024\r\
        short,row\r\
        Cy,Three,,,,,someday";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    fs::write(&path, text).unwrap();
    let e = import::load(&path).unwrap();
    assert_eq!(e.people.len(), 3);
    assert_eq!(e.report.skipped.len(), 1);
    assert_eq!(e.report.skipped[0].line, 8, "line 8 holds the short row");
    assert!(
        e.report.warnings.iter().any(|w| w.contains("line 9")),
        "{:?}",
        e.report.warnings
    );
    assert!(
        e.report
            .traits
            .iter()
            .any(|t| t.contains("CR line endings"))
    );
}

#[test]
fn an_invitations_csv_of_endless_tiny_rows_is_refused_not_held() {
    let dir = tempfile::tempdir().unwrap();
    let connections = dir.path().join("Connections.csv");
    fs::write(&connections, format!("{HEADER}Ada,One,,,,,01 Jan 2024\n")).unwrap();
    let invitations = dir.path().join("Invitations.csv");
    let mut text = "From,To,Sent At,Message,Direction\n".to_owned();
    text.push_str(&"a,b,,,OUTGOING\n".repeat(100_001));
    fs::write(&invitations, text).unwrap();
    let e = import::load(&connections).unwrap();
    assert_eq!(e.people.len(), 1, "the connections still load");
    assert!(e.invitations.is_none());
    assert!(
        e.report
            .warnings
            .iter()
            .any(|w| w.contains("more than 100000 invitations")),
        "{:?}",
        e.report.warnings
    );
}
