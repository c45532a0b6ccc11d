//! Shapes seen in real exports that once read wrong: different people with one name,
//! European re-saves, invitation URLs without a profile, stray spaces in names, URLs
//! rewritten on export. Each fixture is small and invented; each test asserts the
//! counts a person would check.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unconnect::error::ImportError;
use unconnect::import::date_order::DateOrder;
use unconnect::import::{self, Export};
use unconnect::model::Person;
use unconnect::model::people::PersonRef;
use unconnect::store::export::Table;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

fn load(name: &str) -> Export {
    import::load(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn people(e: &Export) -> Vec<PersonRef<'_>> {
    e.people.ids().map(|id| e.people.get(id)).collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn different_people_with_one_name_stay_apart_without_a_url() {
    let e = load("same_names_no_url.csv");
    // Three Maya Lindgrens (one row repeated exactly), one Omar Haddad (same e-mail
    // twice), two Ivo Petrovs (their "NA" e-mails say nothing).
    assert_eq!(e.report.people, 6);
    assert_eq!(e.report.duplicates, 2);
    let who: Vec<(String, &str, &str, Option<NaiveDate>)> = people(&e)
        .iter()
        .map(|p| (p.full_name(), p.company, p.position, p.connected_on))
        .collect();
    assert_eq!(
        who,
        [
            (
                "Maya Lindgren".into(),
                "Nordic Freight",
                "Dispatcher",
                date(2021, 5, 12)
            ),
            (
                "Maya Lindgren".into(),
                "Lumen Labs",
                "Designer",
                date(2019, 2, 3)
            ),
            (
                "Maya Lindgren".into(),
                "Oak & Co",
                "Accountant",
                date(2017, 9, 30)
            ),
            (
                "Omar Haddad".into(),
                "Saffron Kitchen",
                "Chef",
                date(2020, 1, 1)
            ),
            (
                "Ivo Petrov".into(),
                "Atlas Print",
                "Printer",
                date(2018, 7, 5)
            ),
            (
                "Ivo Petrov".into(),
                "Blue Harbor",
                "Skipper",
                date(2016, 8, 6)
            ),
        ],
        "no entry mixes two people's fields"
    );
    assert!(people(&e).iter().all(|p| p.email != "NA"));
    assert!(
        e.report
            .traits
            .iter()
            .any(|t| t == "2 e-mails written \"NA\" read as empty"),
        "{:?}",
        e.report.traits
    );
}

#[test]
fn invitation_urls_without_a_profile_fall_back_to_names_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixture("no_slug_connections.csv"),
        dir.path().join("Connections.csv"),
    )
    .unwrap();
    fs::copy(
        fixture("invitations_no_slug.csv"),
        dir.path().join("Invitations.csv"),
    )
    .unwrap();
    let e = import::load(dir.path()).unwrap();
    let inv = e.invitations.as_ref().unwrap();
    assert_eq!((inv.report.outgoing, inv.report.incoming), (4, 1));
    // Ada, "Lena  Vogel" (doubled space, and "Lena " in Connections.csv) and
    // "tariq aziz" are connections; only Nora is still waiting.
    assert_eq!(inv.report.pending, 1);
    assert!(
        inv.list
            .iter()
            .all(|i| i.invitee_url.is_empty() && i.inviter_url.is_empty())
    );
    let warned: Vec<_> = inv
        .report
        .warnings
        .iter()
        .filter(|w| w.contains("name no profile"))
        .collect();
    assert_eq!(warned.len(), 1, "{:?}", inv.report.warnings);
    assert!(warned[0].contains("10 profile URLs") && warned[0].contains("by name"));
}

#[test]
fn a_european_excel_resave_is_read_with_its_separator_encoding_and_dates() {
    let e = load("european_resave.csv");
    assert_eq!(e.report.people, 3);
    assert_eq!(e.report.skipped, []);
    let who: Vec<(String, &str, Option<NaiveDate>)> = people(&e)
        .iter()
        .map(|p| (p.full_name(), p.company, p.connected_on))
        .collect();
    assert_eq!(
        who,
        [
            ("Jürgen Bäcker".into(), "Müller & Söhne", date(2021, 4, 3)),
            ("Zoë Lefèvre".into(), "Café Noël, SARL", date(2021, 9, 16)),
            ("Björn Ek".into(), "Ek; Partners", date(2020, 12, 1)),
        ]
    );
    let order = e.report.date_order.as_ref().unwrap();
    assert_eq!(order.order, DateOrder::DayFirst);
    assert!(order.from_values, "16.09.2021 shows it");
    assert!(e.report.traits.iter().any(|t| t.contains("Windows-1252")));
    assert!(e.report.traits.iter().any(|t| t == "CRLF line endings"));
}

#[test]
fn us_slash_dates_are_read_month_first_when_a_value_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    fs::write(
        &path,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Ada,One,,,,,03/04/2021\n\
         Bob,Two,,,,,09/16/2021\n",
    )
    .unwrap();
    let e = import::load(&path).unwrap();
    let dates: Vec<_> = people(&e).iter().map(|p| p.connected_on).collect();
    assert_eq!(dates, [date(2021, 3, 4), date(2021, 9, 16)]);
    assert_eq!(
        e.report.date_order.as_ref().unwrap().order,
        DateOrder::MonthFirst
    );
}

#[test]
fn an_unknown_semicolon_layout_quotes_its_header_and_names_the_separator() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Kontakte.csv");
    fs::write(
        &path,
        "Notes:\n\"A note, with commas.\"\n\nVorname;Nachname;Firma\nAda;Example;Acme\n",
    )
    .unwrap();
    let err = import::load(&path).unwrap_err();
    let ImportError::NotLinkedIn {
        found, separator, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(found, "\"vorname\", \"nachname\", \"firma\"");
    assert_eq!(*separator, "semicolons");
    let text = err.to_string();
    assert!(
        text.contains("split at semicolons") && !text.contains("notes:"),
        "{text}"
    );
}

#[test]
fn exported_urls_are_written_as_the_export_wrote_them() {
    let e = load("current.csv");
    let jose = people(&e)
        .into_iter()
        .find(|p| p.first_name == "José")
        .unwrap();
    let written = "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-4b2a1c";
    // The identity stays the decoded form, which joins Invitations.csv's raw UTF-8...
    assert_eq!(jose.url, "https://www.linkedin.com/in/josé-garcía-4b2a1c");
    // ...while what is staged and exported keeps the export's own spelling, so the
    // exported list joins back to the user's Connections.csv.
    let staged: Person =
        serde_json::from_str(&serde_json::to_string(&jose.to_person()).unwrap()).unwrap();
    assert_eq!(staged.written_url(), written);
    assert_eq!(staged.identity(), jose.identity());
    let table = Table::of_people([(&staged, None)], false);
    assert_eq!(table.rows[0][2], written);
    // A URL already in normal form is stored once, not twice.
    let ada = people(&e)
        .into_iter()
        .find(|p| p.first_name == "Ada")
        .unwrap();
    assert_eq!(ada.url_as_written(), "");
    assert_eq!(ada.written_url(), "https://www.linkedin.com/in/ada-example");
}

#[test]
fn a_row_repeated_with_its_date_written_another_way_is_one_person() {
    // Found by the structured property tests: 03.04.2021 is read day first only once
    // 16.09.2021 shows the order, after the ISO repeat was first compared with it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    fs::write(
        &path,
        "First Name;Last Name;Email Address;Company;Position;Connected On\n\
         Maya;Lindgren;;Acme;Chef;03.04.2021\n\
         Maya;Lindgren;;Acme;Chef;2021-04-03\n\
         Omar;Haddad;;Acme;Chef;16.09.2021\n",
    )
    .unwrap();
    let e = import::load(&path).unwrap();
    assert_eq!((e.report.people, e.report.duplicates), (2, 1));
    assert_eq!(people(&e)[0].connected_on, date(2021, 4, 3));
}

#[test]
fn a_european_resave_inside_a_zip_is_decoded_as_it_inflates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    zip.start_file("Connections.csv", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, &fs::read(fixture("european_resave.csv")).unwrap())
        .unwrap();
    zip.finish().unwrap();
    let zipped = import::load(&path).unwrap();
    let plain = load("european_resave.csv");
    assert_eq!(people(&zipped), people(&plain));
    assert_eq!(zipped.report.traits, plain.report.traits);
    assert_eq!(people(&zipped)[1].company, "Café Noël, SARL");
}
