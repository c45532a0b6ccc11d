//! Signals on exports whose Connections.csv has no URLs (before mid-2023, or the column
//! left empty): messages, endorsements and recommendations joined by name.

use unconnect::commands::check::Summary;
use unconnect::import;
use unconnect::model::PersonId;
use unconnect::model::roster::people_triage_with;
use unconnect::model::signals::{JoinBy, Writer};
use unconnect::model::triage::Side;

/// Before mid-2023: no URL column. Two Sam Lees.
const NO_URL: &str = "\
First Name,Last Name,Email Address,Company,Position,Connected On
Ada,Example,,Acme,Engineer,08 Feb 2022
Sam,Lee,,Initech,Nurse,06 Feb 2022
Sam,Lee,,Umbrella,Chef,05 Feb 2022
Bo,Quiet,,,,04 Feb 2022
José,García,,Globex,Sales,03 Feb 2022
Dee,Draft,,,,02 Feb 2022
";

/// The same people in the current layout, the URL column empty in every row.
const EMPTY_URLS: &str = "\
First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ada,Example,,,Acme,Engineer,08 Feb 2022
Sam,Lee,,,Initech,Nurse,06 Feb 2022
Sam,Lee,,,Umbrella,Chef,05 Feb 2022
Bo,Quiet,,,,,04 Feb 2022
José,García,,,Globex,Sales,03 Feb 2022
Dee,Draft,,,,,02 Feb 2022
";

/// Ada wrote first (her name spaced and cased otherwise); the user wrote to "Sam Lee";
/// José's name is in decomposed Unicode; the only messages to Dee are drafts.
const MESSAGES: &str = "\
CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT
c1,,ada  EXAMPLE,https://www.linkedin.com/in/ada-x,Me Example,https://www.linkedin.com/in/me-example,2022-03-01 09:00:00 UTC,,Hi,INBOX,,No,No
c1,,Me Example,https://www.linkedin.com/in/me-example,Ada Example,https://www.linkedin.com/in/ada-x,2022-03-02 09:00:00 UTC,,Hello,SENT,,No,No
c2,,Me Example,https://www.linkedin.com/in/me-example,Sam Lee,https://www.linkedin.com/in/sam-lee-7,2022-04-01 09:00:00 UTC,,Lunch?,SENT,,No,No
c3,,Jose\u{301} García,https://www.linkedin.com/in/jose-g,Me Example,https://www.linkedin.com/in/me-example,2022-05-01 09:00:00 UTC,,Hola,INBOX,,No,No
c3,,Me Example,https://www.linkedin.com/in/me-example,Jose\u{301} García,https://www.linkedin.com/in/jose-g,2022-05-02 09:00:00 UTC,,Hola!,SENT,,No,No
c4,,Me Example,https://www.linkedin.com/in/me-example,Dee Draft,https://www.linkedin.com/in/dee-d,2022-06-01 09:00:00 UTC,,never sent,DRAFT,,Yes,No
c5,,Me Example,https://www.linkedin.com/in/me-example,Dee Draft,https://www.linkedin.com/in/dee-d,2022-06-02 09:00:00 UTC,,nor this,DRAFT,,No,Yes
";

/// A conversation with LinkedIn's assistant, in the same columns: Bo is only named in it.
const GUIDE: &str = "\
CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT
g1,,Me Example,https://www.linkedin.com/in/me-example,Bo Quiet,https://www.linkedin.com/in/bo-q,2022-07-01 09:00:00 UTC,,Write to Bo for me,INBOX,,No,No
";

fn load(files: &[(&str, &str)]) -> (tempfile::TempDir, import::Export) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        // The constants spell José's decomposed accent as an escape, for readability.
        let text = text.replace("\\u{301}", "\u{301}");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let export = import::load(dir.path()).expect("loads");
    (dir, export)
}

fn by_name_export(connections: &str) -> (tempfile::TempDir, import::Export) {
    load(&[
        ("Connections.csv", connections),
        ("messages.csv", MESSAGES),
        ("guide_messages.csv", GUIDE),
        ("learning_role_play_messages.csv", GUIDE),
    ])
}

/// messages:0, as the filter shows it: the first names of who matches.
fn never_messaged(export: &import::Export) -> Vec<String> {
    let mut t = people_triage_with(&export.people, export.signals.as_ref());
    t.set_filter(Side::Left, "messages:0");
    assert!(t.column(Side::Left).filter_error().is_none());
    t.column(Side::Left)
        .shown()
        .iter()
        .map(|&i| export.people.get(PersonId(i)).first_name.to_owned())
        .collect()
}

#[test]
fn a_no_url_export_finds_the_people_its_messages_name_and_only_them() {
    let (_dir, export) = by_name_export(NO_URL);
    let s = export.signals.as_ref().expect("signals");
    let of = |i| s.get(PersonId(i));
    assert_eq!(of(0).messages, 2, "Ada, spacing and case aside");
    assert_eq!(of(0).first_writer, Some(Writer::Them));
    assert_eq!((of(1).messages, of(2).messages), (1, 1), "both Sam Lees");
    assert_eq!(of(1).first_writer, Some(Writer::Me));
    assert_eq!(of(4).messages, 2, "José in another Unicode form");
    assert_eq!(
        of(3).messages,
        0,
        "Bo is only in the assistant's conversation"
    );
    assert_eq!(of(5).messages, 0, "only drafts to Dee");
    assert_eq!(never_messaged(&export), ["Bo", "Dee"]);
    let r = &s.report;
    assert_eq!(r.people_with_messages, 4);
    assert_eq!((r.messages, r.drafts), (5, 2));
    assert_eq!(r.shared_names, 1);
    assert_eq!(r.joins.len(), 1, "the assistants' files are not read");
    assert_eq!(r.joins[0].by, JoinBy::Name);
    // check says so, in words and in JSON.
    let text = Summary::of(&export).to_text();
    for line in [
        "signals:     4 people with messages, 0 with endorsements, 0 with recommendations",
        "  5 messages (2 drafts left out), 0 conversations with no connection in them",
        "  shared names: 1 (several connections have each; counted for all of them)",
    ] {
        assert!(text.lines().any(|l| l == line), "no {line:?} in\n{text}");
    }
    assert!(
        text.lines().any(|l| l.starts_with("  read ")
            && l.ends_with("messages.csv: by name: Connections.csv has no URLs")),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&Summary::of(&export).to_json()).unwrap();
    assert_eq!(json["signals"]["shared_names"], 1);
    assert_eq!(json["signals"]["joins"][0]["by"], "name");
    assert_eq!(
        json["signals"]["joins"][0]["how"],
        "by name: Connections.csv has no URLs"
    );
}

#[test]
fn an_empty_url_column_is_joined_by_name_and_check_warns_about_it() {
    let (_dir, export) = by_name_export(EMPTY_URLS);
    assert_eq!(export.report.format, import::Format::Current);
    assert_eq!(never_messaged(&export), ["Bo", "Dee"]);
    let s = export.signals.as_ref().expect("signals");
    assert_eq!(
        s.report.joins[0].how,
        "by name: Connections.csv's URL column is empty"
    );
    let text = Summary::of(&export).to_text();
    assert!(
        text.contains("Connections.csv: the URL column is empty in every row"),
        "{text}"
    );
    // A file with URLs says nothing of the kind.
    let with_urls = "\
First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ada,Example,https://www.linkedin.com/in/ada-x,,Acme,Engineer,08 Feb 2022
Bo,Quiet,,,,,04 Feb 2022
";
    let (_dir, export) = load(&[("Connections.csv", with_urls)]);
    assert!(
        export.report.warnings.is_empty(),
        "{:?}",
        export.report.warnings
    );
}

#[test]
fn a_pending_given_endorsement_counts() {
    let given = "\
Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status
2025/04/01 10:00:00 UTC,Sales,Bo,Quiet,,PENDING
2025/04/02 10:00:00 UTC,Sales,Dee,Draft,,HIDDEN
";
    let (_dir, export) = load(&[
        ("Connections.csv", NO_URL),
        ("Endorsement_Given_Info.csv", given),
    ]);
    let s = export.signals.as_ref().expect("signals");
    assert_eq!(s.get(PersonId(3)).endorsements_given, 1, "Bo, pending");
    assert_eq!(s.get(PersonId(5)).endorsements_given, 1, "Dee, hidden");
    assert_eq!(s.report.people_with_endorsements, 2);
    let mut t = people_triage_with(&export.people, Some(s));
    t.set_filter(Side::Left, "endorsed");
    assert_eq!(t.column(Side::Left).shown(), [3, 5]);
}

#[test]
fn a_group_conversation_and_a_single_message_find_their_people_by_name() {
    // One message: nobody is on more rows than anyone else, so nobody is taken for the
    // user and Ada is found.
    let one = "\
CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER
c1,,Ada Example,https://www.linkedin.com/in/ada-x,Me Example,https://www.linkedin.com/in/me-example,2022-03-01 09:00:00 UTC,,Hi,INBOX
";
    let (_dir, export) = load(&[("Connections.csv", NO_URL), ("messages.csv", one)]);
    assert_eq!(never_messaged(&export), ["Sam", "Sam", "Bo", "José", "Dee"]);
    // A group: the members' names and URLs in two lists, in the same order.
    let group = "\
CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER
g1,Book club,Me Example,https://www.linkedin.com/in/me-example,\"Bo Quiet, José García\",\"https://www.linkedin.com/in/bo-q,https://www.linkedin.com/in/jose-g\",2022-03-01 09:00:00 UTC,,Next book?,SENT
g1,Book club,Bo Quiet,https://www.linkedin.com/in/bo-q,\"Me Example, José García\",\"https://www.linkedin.com/in/me-example,https://www.linkedin.com/in/jose-g\",2022-03-02 09:00:00 UTC,,The short one,INBOX
c2,,Me Example,https://www.linkedin.com/in/me-example,Dee Draft,https://www.linkedin.com/in/dee-d,2022-04-01 09:00:00 UTC,,Hi,SENT
";
    let (_dir, export) = load(&[("Connections.csv", NO_URL), ("messages.csv", group)]);
    assert_eq!(never_messaged(&export), ["Ada", "Sam", "Sam"]);
    let s = export.signals.as_ref().expect("signals");
    assert_eq!(s.get(PersonId(3)).messages, 2, "Bo");
    assert_eq!(s.get(PersonId(4)).messages, 2, "José");
    assert_eq!(s.get(PersonId(3)).first_writer, Some(Writer::Me));
}

#[test]
fn a_connection_whose_name_holds_a_comma_is_not_never_messaged() {
    // "Doe, MBA" is a common last name on LinkedIn; the TO column lists a group's names
    // with commas too, so the name must not be cut at its own comma.
    let connections = "\
First Name,Last Name,Email Address,Company,Position,Connected On
Jane,\"Doe, MBA\",,Acme,Engineer,08 Feb 2022
Sam,\"Smith, Jr.\",,Initech,Nurse,06 Feb 2022
Ola,Nordmann,,Umbrella,Chef,05 Feb 2022
Bo,Quiet,,,,04 Feb 2022
";
    let messages = "\
CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT
c1,,Me Example,https://www.linkedin.com/in/me-example,\"Jane Doe, MBA\",https://www.linkedin.com/in/jane-doe,2022-03-01 09:00:00 UTC,,Hi,SENT,,No
c2,Team,Me Example,https://www.linkedin.com/in/me-example,\"Sam Smith, Jr., Ola Nordmann\",\"https://www.linkedin.com/in/sam-s,https://www.linkedin.com/in/ola-n\",2022-04-01 09:00:00 UTC,,Hi all,SENT,,No
c3,,Me Example,,\"Jane Doe, MBA\",,2022-05-01 09:00:00 UTC,,Again,SENT,,No
";
    let (_dir, export) = load(&[("Connections.csv", connections), ("messages.csv", messages)]);
    assert_eq!(never_messaged(&export), ["Bo"]);
    let s = export.signals.as_ref().expect("signals");
    assert_eq!(
        s.get(PersonId(0)).messages,
        2,
        "both messages to Jane Doe, MBA"
    );
    assert_eq!(s.report.conversations_without_connections, 0);
}
