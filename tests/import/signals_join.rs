//! Relationship signals from a Complete export's other files, joined to the connections:
//! URL variants, drafts, group conversations, who wrote first, names shared by several.

use std::path::Path;

use unconnect::import;
use unconnect::model::PersonId;
use unconnect::model::roster::{SORT_FEWEST_MESSAGES, people_triage_with};
use unconnect::model::signals::{Signal, Signals, Writer};
use unconnect::model::triage::Side;

const CONNECTIONS: &str = "\
First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ada,Example,https://www.linkedin.com/in/ada-example,,Acme,Engineer,08 Feb 2026
José,García,https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa,,Globex,Sales,07 Feb 2026
Sam,Lee,https://www.linkedin.com/in/sam-lee-1,,Initech,Nurse,06 Feb 2026
Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Umbrella,Chef,05 Feb 2026
Bo,Quiet,https://www.linkedin.com/in/bo-quiet,,,,04 Feb 2026
";

const MESSAGES: &str = "\
CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT
c1,,Me Example,https://www.linkedin.com/in/me-example,Ada Example,www.linkedin.com/in/ada-example,2026-03-01 09:00:00 UTC,,\"Hi Ada, great to connect\",SENT,,No
c1,,Ada Example,https://www.linkedin.com/in/ada-example/,Me Example,https://www.linkedin.com/in/me-example,2026-03-02 10:00:00 UTC,,\"Likewise,
see you soon\",INBOX,,No
c1,,Me Example,https://www.linkedin.com/in/me-example,Ada Example,https://www.linkedin.com/in/ada-example,2026-03-03 10:00:00 UTC,,never sent,DRAFT,,Yes
c2,,José García,https://www.linkedin.com/in/josé-garcía,Me Example,https://www.linkedin.com/in/me-example,2026-04-01 08:00:00 UTC,,Hola,INBOX,,No
g1,Book club,Zed Stranger,https://www.linkedin.com/in/zed-stranger,\"Me Example, Ada Example, José García\",\"https://www.linkedin.com/in/me-example,https://www.linkedin.com/in/ada-example,https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa\",2026-01-05 19:00:00 UTC,,Next book?,INBOX,,No
g1,Book club,Me Example,https://www.linkedin.com/in/me-example,\"Zed Stranger, Ada Example, José García\",\"https://www.linkedin.com/in/zed-stranger,https://www.linkedin.com/in/ada-example,https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa\",2026-01-06 19:00:00 UTC,,The short one,SENT,,No
c3,,Pat Recruiter,https://www.linkedin.com/in/pat-recruiter,Me Example,https://www.linkedin.com/in/me-example,2026-05-01 08:00:00 UTC,,An opportunity,INBOX,,No
";

const ENDORSED: &str = "\
Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status
2025/03/01 10:00:00 UTC,Logistics,Ada,Example,www.linkedin.com/in/ada-example,ACCEPTED
2025/03/02 10:00:00 UTC,Python,Ada,Example,www.linkedin.com/in/ada-example,ACCEPTED
2025/03/03 10:00:00 UTC,Python,Sam,Lee,www.linkedin.com/in/sam-lee-2,ACCEPTED
2025/03/04 10:00:00 UTC,Python,Zed,Stranger,www.linkedin.com/in/zed-stranger,ACCEPTED
2025/03/05 10:00:00 UTC,Python,Bo,Quiet,www.linkedin.com/in/bo-quiet,REJECTED
";

const GIVEN: &str = "\
Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status
2025/04/01 10:00:00 UTC,Sales,José,García,linkedin.com/in/josé-garcía,ACCEPTED
";

const RECOMMENDED: &str = "\
First Name,Last Name,Company,Job Title,Text,Creation Date,Status
Sam,Lee,Initech,Nurse,\"Kind, careful\",\"02/01/26, 10:00 AM\",VISIBLE
josé, garcía ,Globex,Sales,Sharp,\"02/02/26, 10:00 AM\",VISIBLE
Nobody,Known,X,Y,Who?,\"02/03/26, 10:00 AM\",VISIBLE
";

fn export(files: &[(&str, &str)]) -> (tempfile::TempDir, import::Export) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let export = import::load(dir.path()).expect("loads");
    (dir, export)
}

fn complete() -> (tempfile::TempDir, import::Export) {
    export(&[
        ("Connections.csv", CONNECTIONS),
        ("messages.csv", MESSAGES),
        ("Endorsement_Received_Info.csv", ENDORSED),
        ("Endorsement_Given_Info.csv", GIVEN),
        ("Recommendations_Received.csv", RECOMMENDED),
    ])
}

fn of(signals: &Signals, i: u32) -> Signal {
    signals.get(PersonId(i))
}

#[test]
fn messages_join_on_every_url_form_skip_drafts_and_count_groups_for_each_member() {
    let (_dir, export) = complete();
    let s = export.signals.expect("signals");
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d);
    // Ada: c1 (2 sent, the draft left out; her URL without https:// and with a slash)
    // and the book club's 2.
    let ada = of(&s, 0);
    assert_eq!(ada.messages, 4);
    assert_eq!(ada.last_message, day(3, 2));
    // The book club came first, and a third member wrote its first message.
    assert_eq!(ada.first_writer, Some(Writer::Them));
    // José: raw UTF-8 in messages.csv, percent-encoded in Connections.csv.
    let jose = of(&s, 1);
    assert_eq!(jose.messages, 3);
    assert_eq!(jose.last_message, day(4, 1));
    assert_eq!(of(&s, 4).messages, 0, "Bo never wrote");
    assert_eq!(s.report.drafts, 1);
    assert_eq!(s.report.messages, 6);
    assert_eq!(
        s.report.conversations_without_connections, 1,
        "the recruiter"
    );
    assert_eq!(s.report.people_with_messages, 2);
}

#[test]
fn who_wrote_first_is_the_user_when_the_users_own_url_sent_the_first_message() {
    let messages = "\
CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER
c1,,Me,https://www.linkedin.com/in/me-example,Ada,https://www.linkedin.com/in/ada-example,2026-03-01 09:00:00 UTC,,Hi,SENT
c1,,Ada,https://www.linkedin.com/in/ada-example,Me,https://www.linkedin.com/in/me-example,2026-03-02 09:00:00 UTC,,Hi,INBOX
c2,,Bo,https://www.linkedin.com/in/bo-quiet,Me,https://www.linkedin.com/in/me-example,2026-03-01 09:00:00 UTC,,Hi,INBOX
";
    let (_dir, export) = export(&[("Connections.csv", CONNECTIONS), ("messages.csv", messages)]);
    let s = export.signals.expect("signals");
    assert_eq!(of(&s, 0).first_writer, Some(Writer::Me));
    assert_eq!(of(&s, 4).first_writer, Some(Writer::Them));
    assert!(s.sources.messages && !s.sources.endorsements && !s.sources.recommendations);
}

#[test]
fn endorsements_join_without_a_scheme_and_only_accepted_ones_count() {
    let (_dir, export) = complete();
    let s = export.signals.expect("signals");
    assert_eq!(of(&s, 0).endorsements_received, 2);
    assert_eq!(of(&s, 1).endorsements_given, 1, "raw UTF-8, no scheme");
    assert_eq!(
        of(&s, 3).endorsements_received,
        1,
        "the second Sam Lee, by URL"
    );
    assert_eq!(of(&s, 2).endorsements_received, 0);
    assert_eq!(of(&s, 4).endorsements_received, 0, "rejected");
    assert_eq!(s.report.endorsements_unmatched, 1, "not a connection");
    assert_eq!(s.report.people_with_endorsements, 3);
}

#[test]
fn recommendations_match_by_name_and_a_shared_name_by_the_company_the_row_names() {
    let (_dir, export) = complete();
    let s = export.signals.expect("signals");
    assert_eq!(
        of(&s, 1).recommendations_received,
        1,
        "case and spaces ignored"
    );
    // Two Sam Lees: the row names the first one's company.
    assert_eq!(of(&s, 2).recommendations_received, 1);
    assert_eq!(of(&s, 3).recommendations_received, 0);
    assert_eq!(s.report.shared_names, 0);
    assert_eq!(s.report.recommendations_unmatched, 1);
    assert_eq!(s.report.people_with_recommendations, 2);
}

#[test]
fn a_basic_export_has_no_signals_and_their_terms_say_so() {
    let (_dir, export) = export(&[("Connections.csv", CONNECTIONS)]);
    assert!(export.signals.is_none());
    let mut t = people_triage_with(&export.people, None);
    t.set_filter(Side::Left, "messages:0");
    assert!(t.column(Side::Left).filter_error().is_some());
}

#[test]
fn signal_terms_and_the_fewest_messages_sort_use_the_signals() {
    let (_dir, export) = complete();
    let signals = export.signals.as_ref();
    let mut t = people_triage_with(&export.people, signals);
    let shown = |t: &mut unconnect::model::triage::Triage, q: &str| {
        t.set_filter(Side::Left, q);
        assert!(t.column(Side::Left).filter_error().is_none(), "{q}");
        t.column(Side::Left).shown().to_vec()
    };
    assert_eq!(shown(&mut t, "messages:0"), [2, 3, 4]);
    assert_eq!(shown(&mut t, "messages:>3"), [0]);
    assert_eq!(shown(&mut t, "endorsed"), [0, 1, 3]);
    assert_eq!(shown(&mut t, "recommended"), [1, 2]);
    assert_eq!(shown(&mut t, "-endorsed messages:0"), [2, 4]);
    t.set_filter(Side::Left, "");
    let mut names = Vec::new();
    for _ in 0..5 {
        t.cycle_sort(Side::Left);
        names.push(t.sort_name(Side::Left));
    }
    assert_eq!(
        names,
        [
            "oldest first",
            "last name",
            "company",
            SORT_FEWEST_MESSAGES,
            "newest first"
        ]
    );
    for _ in 0..4 {
        t.cycle_sort(Side::Left);
    }
    assert_eq!(t.sort_name(Side::Left), SORT_FEWEST_MESSAGES);
    // No messages first, newest first among them; then José (3), then Ada (4).
    assert_eq!(t.column(Side::Left).shown(), [2, 3, 4, 1, 0]);
}

#[test]
fn signal_files_are_read_from_the_zip_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join("Complete_LinkedInDataExport_11-28-2026.zip");
    let file = std::fs::File::create(&path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("Connections.csv", CONNECTIONS),
        ("messages.csv", MESSAGES),
        ("Endorsement_Received_Info.csv", ENDORSED),
    ] {
        zip.start_file(name, options).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    let export = import::load(Path::new(&path)).expect("loads");
    let s = export.signals.expect("signals");
    assert_eq!(of(&s, 0).messages, 4);
    assert_eq!(of(&s, 0).endorsements_received, 2);
    assert!(!s.sources.recommendations);
}

#[test]
fn a_broken_signal_file_is_a_warning_not_a_failed_load() {
    let (_dir, export) = export(&[
        ("Connections.csv", CONNECTIONS),
        ("messages.csv", "just,some\nother,file\n"),
    ]);
    assert_eq!(export.people.len(), 5);
    let w = export.report.warnings.join("\n");
    assert!(
        w.contains("messages.csv") && w.contains("messages not loaded"),
        "{w}"
    );
}

#[test]
fn the_demo_accident_has_no_signals_and_real_contacts_do() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let export = import::load(&demo).expect("the demo loads");
    let s = export.signals.expect("the demo is a Complete export");
    let accident = chrono::NaiveDate::from_ymd_opt(2024, 3, 12).unwrap()
        ..=chrono::NaiveDate::from_ymd_opt(2024, 3, 14).unwrap();
    let mut real_with_signals = 0;
    for id in export.people.ids() {
        let signal = s.get(id);
        let any = signal.messages > 0 || signal.is_endorsed() || signal.is_recommended();
        match export.people.connected_on(id) {
            Some(d) if accident.contains(&d) => assert!(!any, "{:?}", export.people.get(id)),
            _ => real_with_signals += usize::from(any),
        }
    }
    assert!(real_with_signals >= 40, "{real_with_signals}");
    // The README's example: the accident, and nobody real.
    let mut t = people_triage_with(&export.people, Some(&s));
    t.set_filter(
        Side::Left,
        "connected:2024-03-12..2024-03-14 messages:0 -endorsed",
    );
    assert_eq!(t.column(Side::Left).shown().len(), 62);
}
