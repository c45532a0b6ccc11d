//! Whatever bytes a user hands us, as a Connections.csv, as an export zip, or as the two
//! CSVs of an unzipped export folder: loading ends in Ok or a one-line error naming the
//! file, never a panic, a hang or unbounded memory.

#![no_main]

use std::fs;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use unconnect::import;

/// One scratch folder per fuzzing process, reused for every input.
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("unconnect-fuzz-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

fn check(path: &std::path::Path, invitations: Option<&std::path::Path>) {
    match import::load_with(path, invitations) {
        Ok(export) => {
            assert_eq!(export.report.people, export.people.len());
            for id in export.people.ids() {
                let p = export.people.get(id);
                let _ = (p.identity(), p.written_url(), p.full_name());
            }
            for s in &export.report.skipped {
                assert!(s.line >= 1 && !s.reason.contains('\n'));
            }
            assert!(export.report.warnings.iter().all(|w| !w.contains('\n')));
            if let Some(inv) = &export.invitations {
                assert_eq!(inv.report.outgoing + inv.report.incoming, inv.list.len());
                assert!(inv.report.pending <= inv.report.outgoing);
            }
        }
        Err(e) => {
            let text = e.to_string();
            assert!(!text.contains('\n'), "multi-line error: {text:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let dir = scratch();
    match mode % 3 {
        0 => {
            let path = dir.join("Connections.csv");
            fs::write(&path, rest).expect("scratch write");
            check(&path, None);
        }
        1 => {
            let path = dir.join("export.zip");
            fs::write(&path, rest).expect("scratch write");
            check(&path, None);
        }
        _ => {
            // The first byte after the mode says where Connections.csv ends.
            let (cut, rest) = rest.split_first().map_or((0, rest), |(&c, r)| (c, r));
            let at = (usize::from(cut) * rest.len() / 255).min(rest.len());
            let (connections, invitations) = rest.split_at(at);
            let path = dir.join("Connections.csv");
            let inv = dir.join("Invitations.csv");
            fs::write(&path, connections).expect("scratch write");
            fs::write(&inv, invitations).expect("scratch write");
            check(&path, Some(&inv));
        }
    }
});
