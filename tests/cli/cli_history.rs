//! `reconcile`, `history` and `drafts` run as a user would, on a journal of removals
//! with hostile names and addresses; drafts are read back by a real mail parser.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use chrono::{FixedOffset, TimeZone};
use mail_parser::{Address, MessageParser};
use unconnect::model::{People, Person};
use unconnect::store::Journal;
use unconnect::store::journal::removal_entries;

const BIN: &str = env!("CARGO_BIN_EXE_unconnect");
const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("UNCONNECT_DATA_DIR", data)
        .env("UNCONNECT_TODAY", "2026-03-25")
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn person(first: &str, last: &str, slug: &str, email: &str) -> Person {
    Person {
        first_name: first.into(),
        last_name: last.into(),
        url: format!("https://www.linkedin.com/in/{slug}"),
        email: email.into(),
        company: "Acme".into(),
        ..Default::default()
    }
}

/// Five people removed on 10 March 2026, one batch.
fn removed(data: &Path) -> Vec<Person> {
    let people = vec![
        person("Ada", "Lovelace", "ada", "ada@example.com"),
        person("José", "Østergaard", "jose", "jose@example.com"),
        person(
            "Eve\r\nBcc: spy@evil.example",
            "X",
            "eve",
            "eve@example.com",
        ),
        person(
            "Mallory",
            "M",
            "mallory",
            "victim@example.com>, spy@evil.example",
        ),
        person("Nobody", "N", "nobody", ""),
        person(
            "Trent\u{1b}]52;c;aGk=\u{7}",
            "T",
            "trent",
            "trent@exa mple.com",
        ),
    ];
    let all: People = people.iter().cloned().collect();
    fs::create_dir_all(data).unwrap();
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    let at = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 3, 10, 12, 0, 0)
        .unwrap();
    let ids: Vec<u32> = (0..people.len() as u32).collect();
    journal.append(removal_entries(&all, &ids, at)).unwrap();
    people
}

#[test]
fn reconcile_then_history_show_who_linkedin_dropped() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let people = removed(&data);
    // A newer export: Ada is gone, José still there.
    let export = tmp.path().join("Basic_LinkedInDataExport_03-20-2026");
    fs::create_dir_all(&export).unwrap();
    let jose = &people[1];
    fs::write(
        export.join("Connections.csv"),
        format!(
            "{HEADER}{},{},{},{},Acme,,01 Jan 2020\nZed,Z,https://www.linkedin.com/in/zed,,,,01 Jan 2020\n",
            jose.first_name, jose.last_name, jose.url, jose.email
        ),
    )
    .unwrap();
    let before: serde_json::Value =
        serde_json::from_str(&stdout(&run(&data, &["history", "--json"]))).unwrap();
    let rows = before.as_array().unwrap();
    assert_eq!(rows.len(), 6);
    assert!(
        rows.iter()
            .all(|r| r["status"] == "to do" && r["list"] == "removed")
    );

    let json: serde_json::Value = serde_json::from_str(&stdout(&run(
        &data,
        &["reconcile", export.to_str().unwrap(), "--json"],
    )))
    .unwrap();
    assert_eq!(json["export_date"], "2026-03-20");
    assert_eq!(json["removed"], 6);
    assert_eq!(json["verified"], 5);
    assert_eq!(json["still_connected"], 1);
    assert_eq!(json["withdrawn"], 0);
    assert_eq!(json["withdrawal_verified"], 0);
    assert_eq!(json["still_pending"], 0);
    assert_eq!(json["newly_verified"], 5);

    let after: serde_json::Value =
        serde_json::from_str(&stdout(&run(&data, &["history", "--json"]))).unwrap();
    let status_of = |url: &str| {
        after
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["url"] == url)
            .map(|r| r["status"].as_str().unwrap().to_owned())
    };
    assert_eq!(status_of(&people[0].url).as_deref(), Some("verified"));
    assert_eq!(status_of(&jose.url).as_deref(), Some("still connected"));

    // Again: nothing new to record.
    let again = stdout(&run(&data, &["reconcile", export.to_str().unwrap()]));
    assert!(again.contains("Nothing changed"), "{again}");
    assert!(
        again.contains("removed:      6 (5 verified, 1 still connected"),
        "{again}"
    );

    // Text: names made safe, never raw escapes; only records on stdout, each with the
    // batch id `drafts --batch` takes; the summary on stderr.
    let output = run(&data, &["history"]);
    let text = stdout(&output);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("Trent␛]52;c;aGk=␇ T"), "{text}");
    assert_eq!(text.lines().count(), 6, "one line a record:\n{text}");
    let batches: serde_json::Value =
        serde_json::from_str(&stdout(&run(&data, &["history", "--json"]))).unwrap();
    for (line, record) in text.lines().zip(batches.as_array().unwrap()) {
        let batch = record["batch"].as_str().unwrap();
        assert!(!batch.is_empty() && line.contains(batch), "{batch}: {line}");
    }
    let summary = String::from_utf8_lossy(&output.stderr);
    assert!(
        summary.contains("5 of 6 done on LinkedIn (5 verified, 1 still connected)"),
        "{summary}"
    );
    assert!(!text.contains("done on LinkedIn"), "{text}");
}

#[test]
fn drafts_read_back_as_one_recipient_each_and_the_unusable_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    removed(&data);
    let out = tmp.path().join("drafts");
    let template = tmp.path().join("note.txt");
    fs::write(
        &template,
        "Subject: Über {first_name}\n\nHallo {first_name} at {company},\nbye\n",
    )
    .unwrap();
    let printed = stdout(&run(
        &data,
        &[
            "drafts",
            "-o",
            out.to_str().unwrap(),
            "--template",
            template.to_str().unwrap(),
        ],
    ));
    assert!(printed.starts_with("Wrote 3 drafts to"), "{printed}");
    assert!(
        printed.contains("3 people had no usable address"),
        "{printed}"
    );
    assert!(
        printed.contains("no e-mail address in the export (1): Nobody N;"),
        "{printed}"
    );
    assert!(printed.contains("not a valid address (2):"), "{printed}");
    assert!(printed.contains("Mallory M;"), "{printed}");
    assert!(!printed.contains('\u{1b}'), "{printed:?}");

    let mut files: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "Ada-Lovelace.eml",
            "Eve-Bcc-spy-evil-example-X.eml",
            "José-Østergaard.eml"
        ]
    );
    for path in &files {
        let bytes = fs::read(path).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "CRLF only in {path:?}"
        );
        let message = MessageParser::default().parse(&bytes).unwrap();
        let to = match message.to() {
            Some(Address::List(list)) => list.clone(),
            other => panic!("To: {other:?}"),
        };
        assert_eq!(to.len(), 1, "one recipient in {path:?}");
        assert!(message.from().is_none(), "no From in {path:?}");
        assert!(message.bcc().is_none() && message.cc().is_none(), "{text}");
        assert_eq!(message.header_raw("X-Unsent").map(str::trim), Some("1"));
        let header_names: Vec<String> = message
            .headers()
            .iter()
            .map(|h| h.name().to_ascii_lowercase())
            .collect();
        assert_eq!(
            header_names,
            [
                "x-unsent",
                "to",
                "subject",
                "mime-version",
                "content-type",
                "content-transfer-encoding"
            ]
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        let address = to[0].address().unwrap().to_owned();
        let name = to[0].name().unwrap_or_default().to_owned();
        let subject = message.subject().unwrap().to_owned();
        let body = message.body_text(0).unwrap().into_owned();
        match address.as_str() {
            "jose@example.com" => {
                assert_eq!(name, "José Østergaard");
                assert_eq!(subject, "Über José");
                assert!(body.starts_with("Hallo José at Acme,"), "{body}");
            }
            "eve@example.com" => {
                assert_eq!(
                    name, "Eve  Bcc: spy@evil.example X",
                    "the CR LF became spaces"
                );
                assert!(subject.starts_with("Über Eve"), "{subject}");
            }
            "ada@example.com" => assert_eq!(name, "Ada Lovelace"),
            other => panic!("unexpected recipient {other}"),
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
    // Again: new names beside the old ones, nothing overwritten.
    let printed = stdout(&run(
        &data,
        &["drafts", "-o", out.to_str().unwrap(), "--batch", "all"],
    ));
    assert!(printed.starts_with("Wrote 3 drafts"), "{printed}");
    assert!(out.join("Ada-Lovelace-2.eml").is_file());
    let unknown = run(
        &data,
        &["drafts", "-o", out.to_str().unwrap(), "--batch", "nope"],
    );
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no removal batch \"nope\""));
}

/// Names with C1 controls (CSI as U+009B, NEL as U+0085), DEL, bidi overrides and
/// line separators: `history --json` escapes them as `check --json` does, and reads back
/// as the same names; the text shows stand-ins.
#[test]
fn history_json_and_text_escape_c1_del_bidi_and_separators() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let hostile = "Eve\u{9b}2J\u{85}\u{7f}\u{202e}gnp.exe\u{2066}\u{2028}\u{2029}\u{1b}]0;x\u{7}";
    let people = [person(hostile, "X", "eve", "eve@example.com")];
    let all: People = people.iter().cloned().collect();
    fs::create_dir_all(&data).unwrap();
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    let at = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 3, 10, 12, 0, 0)
        .unwrap();
    journal.append(removal_entries(&all, &[0], at)).unwrap();
    for args in [&["history", "--json"][..], &["history"]] {
        let out = stdout(&run(&data, args));
        let raw: Vec<char> = out
            .chars()
            .filter(|&c| c != '\n' && unconnect::text_safety::is_unsafe(c))
            .collect();
        assert!(raw.is_empty(), "{args:?} wrote {raw:?} raw: {out:?}");
    }
    let json = stdout(&run(&data, &["history", "--json"]));
    assert!(
        json.contains("Eve\\u009b2J\\u0085\\u007f\\u202egnp.exe\\u2066\\u2028\\u2029"),
        "{json}"
    );
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(back[0]["name"], format!("{hostile} X"));
}

#[test]
fn drafts_after_the_clock_moved_back_go_to_the_batch_confirmed_last() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    fs::create_dir_all(&data).unwrap();
    let all: People = [
        person("Ada", "Lovelace", "ada", "ada@example.com"),
        person("José", "Østergaard", "jose", "jose@example.com"),
    ]
    .into_iter()
    .collect();
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    let day = |d| {
        FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 3, d, 12, 0, 0)
            .unwrap()
    };
    // Ada first, stamped the 10th; then the clock went back a day and José was removed.
    journal
        .append(removal_entries(&all, &[0], day(10)))
        .unwrap();
    journal.append(removal_entries(&all, &[1], day(9))).unwrap();
    drop(journal);

    let out = tmp.path().join("drafts");
    let printed = stdout(&run(&data, &["drafts", "-o", out.to_str().unwrap()]));
    assert!(printed.starts_with("Wrote 1 draft to"), "{printed}");
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["José-Østergaard.eml"]);
}

#[test]
fn an_export_dated_after_today_is_not_believed_and_a_real_later_one_still_verifies() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let people = removed(&data);
    // Ada is gone from both; the first claims to be from 2099 (today is 2026-03-25).
    let write = |name: &str| {
        let export = tmp.path().join(name);
        fs::create_dir_all(&export).unwrap();
        fs::write(
            export.join("Connections.csv"),
            format!("{HEADER}Zed,Z,https://www.linkedin.com/in/zed,,,,01 Jan 2020\n"),
        )
        .unwrap();
        export
    };
    let future = write("Basic_LinkedInDataExport_12-31-2099");
    let out = run(&data, &["reconcile", future.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("2099-12-31, later than today (2026-03-25); not believed"),
        "{said}"
    );
    let history = stdout(&run(&data, &["history", "--json"]));
    assert!(
        !history.contains("\"verified\""),
        "nothing verified: {history}"
    );

    let real = write("Basic_LinkedInDataExport_03-20-2026");
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(
        &data,
        &["reconcile", real.to_str().unwrap(), "--json"],
    )))
    .unwrap();
    assert_eq!(json["verified"], people.len());
}
