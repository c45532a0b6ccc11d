//! When an export was taken, to tell a removal it verifies from one it predates. LinkedIn
//! names its zip `Basic_LinkedInDataExport_MM-DD-YYYY.zip` (or `Complete_…`), and an
//! unzipped folder usually keeps that name; otherwise the newest modification time of
//! its Connections.csv and Invitations.csv says it.

use std::path::Path;
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone};

use crate::model::history::ExportDate;

/// The export's date: from the name of the zip (or folder) at `path`, else from `modified`,
/// the newest modification time of its files. With a name's day, a zip's entry times
/// (LinkedIn writes them when it builds the export) give the moment too when they fall
/// on that day; a folder's times are when it was unzipped or copied, not built, and
/// entries dated another day are not LinkedIn's: then only the day is known.
pub fn export_date(
    path: &Path,
    modified: Option<DateTime<FixedOffset>>,
    zip: bool,
) -> Option<ExportDate> {
    let by_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(date_in_name);
    match by_name {
        Some(day) => Some(ExportDate {
            day,
            taken: modified.filter(|t| zip && t.date_naive() == day),
        }),
        None => modified.map(|taken| ExportDate {
            day: taken.date_naive(),
            taken: Some(taken),
        }),
    }
}

/// Whether the zip's (or folder's) name at `path` carries LinkedIn's date.
pub fn dated_by_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(date_in_name)
        .is_some()
}

/// `…_MM-DD-YYYY` at the end of the name (before `.zip`, if any).
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    let lower = name.to_ascii_lowercase();
    let stem = lower.strip_suffix(".zip").unwrap_or(&lower);
    let (_, date) = stem.rsplit_once('_')?;
    if date.len() != 10 || !date.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    NaiveDate::parse_from_str(date, "%m-%d-%Y").ok()
}

/// A file's modification time, in the local offset of that moment.
pub fn modified(path: &Path) -> Option<DateTime<FixedOffset>> {
    let at: SystemTime = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(DateTime::<Local>::from(at).fixed_offset())
}

/// A zip entry's time (local, without a zone, as zip stores it).
pub fn zip_time(t: zip::DateTime) -> Option<DateTime<FixedOffset>> {
    let date = NaiveDate::from_ymd_opt(t.year().into(), t.month().into(), t.day().into())?;
    let time = date.and_hms_opt(t.hour().into(), t.minute().into(), t.second().into())?;
    local(time)
}

fn local(time: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    Local
        .from_local_datetime(&time)
        .earliest()
        .map(|t| t.fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn linkedins_zip_names_give_the_day() {
        let day = |n| date_in_name(n);
        assert_eq!(
            day("Basic_LinkedInDataExport_11-28-2026.zip"),
            Some(d(2026, 11, 28))
        );
        assert_eq!(
            day("Complete_LinkedInDataExport_03-05-2024.ZIP"),
            Some(d(2024, 3, 5))
        );
        assert_eq!(
            day("Basic_LinkedInDataExport_11-28-2026"),
            Some(d(2026, 11, 28))
        );
        assert_eq!(
            day("Basic_LinkedInDataExport_13-28-2026.zip"),
            None,
            "no 13th month"
        );
        assert_eq!(day("Basic_LinkedInDataExport_2026-11-28.zip"), None);
        assert_eq!(day("Connections.csv"), None);
        assert_eq!(day("export.zip"), None);
    }

    #[test]
    fn the_name_wins_over_file_times_which_come_next() {
        let t = local(d(2026, 1, 2).and_hms_opt(10, 0, 0).unwrap()).unwrap();
        let named = Path::new("/x/Basic_LinkedInDataExport_11-28-2026.zip");
        assert_eq!(
            export_date(named, Some(t), false),
            Some(ExportDate {
                day: d(2026, 11, 28),
                taken: None
            })
        );
        let unnamed = Path::new("/x/my-export");
        assert_eq!(
            export_date(unnamed, Some(t), false),
            Some(ExportDate {
                day: d(2026, 1, 2),
                taken: Some(t)
            })
        );
        assert_eq!(export_date(unnamed, None, false), None);
    }

    const CSV: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                       Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,,01 Mar 2024\n";
    const INVITATIONS: &str =
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";

    #[test]
    fn a_loaded_export_knows_its_date_from_its_name_or_its_newest_file() {
        let dir = tempfile::tempdir().unwrap();
        let at = |y, m, day| {
            let t = local(d(y, m, day).and_hms_opt(9, 30, 0).unwrap()).unwrap();
            (t, std::time::SystemTime::from(t))
        };
        // A folder not named by LinkedIn: Invitations.csv is the newer file.
        let folder = dir.path().join("export");
        std::fs::create_dir(&folder).unwrap();
        let (older, older_sys) = at(2025, 1, 2);
        let (newer, newer_sys) = at(2025, 2, 3);
        for (name, text, time) in [
            ("Connections.csv", CSV, older_sys),
            ("Invitations.csv", INVITATIONS, newer_sys),
        ] {
            let path = folder.join(name);
            std::fs::write(&path, text).unwrap();
            let f = std::fs::File::options().write(true).open(&path).unwrap();
            f.set_modified(time).unwrap();
        }
        let export = crate::import::load(&folder).unwrap();
        assert_eq!(
            export.export_date,
            Some(ExportDate {
                day: d(2025, 2, 3),
                taken: Some(newer)
            })
        );
        let lone = crate::import::load(&folder.join("Connections.csv")).unwrap();
        assert_eq!(
            lone.export_date.unwrap().taken,
            Some(newer),
            "with its sibling"
        );
        assert!(older < newer);

        // A zip: its name, else its entries' times.
        let write_zip = |path: &Path| {
            let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
            let time = zip::DateTime::from_date_and_time(2024, 7, 8, 10, 11, 12).unwrap();
            let options = zip::write::SimpleFileOptions::default().last_modified_time(time);
            zip.start_file("Connections.csv", options).unwrap();
            std::io::Write::write_all(&mut zip, CSV.as_bytes()).unwrap();
            zip.finish().unwrap();
        };
        let named = dir.path().join("Basic_LinkedInDataExport_11-28-2026.zip");
        write_zip(&named);
        let export = crate::import::load(&named).unwrap();
        assert_eq!(
            export.export_date,
            Some(ExportDate {
                day: d(2026, 11, 28),
                taken: None
            })
        );
        let unnamed = dir.path().join("download.zip");
        write_zip(&unnamed);
        let date = crate::import::load(&unnamed).unwrap().export_date.unwrap();
        assert_eq!(date.day, d(2024, 7, 8));
        assert_eq!(
            date.taken.unwrap().naive_local(),
            d(2024, 7, 8).and_hms_opt(10, 11, 12).unwrap()
        );
    }

    #[test]
    fn zip_times_read_as_local_times() {
        let z = zip::DateTime::from_date_and_time(2025, 6, 30, 23, 59, 58).unwrap();
        let t = zip_time(z).unwrap();
        assert_eq!(
            t.naive_local(),
            d(2025, 6, 30).and_hms_opt(23, 59, 58).unwrap()
        );
    }
}
