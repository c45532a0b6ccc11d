//! The arena: fields round-trip, merges fill only what is empty, URLs come back whole.

use super::*;

#[test]
fn fields_round_trip_and_merge_fills_only_empty_fields() {
    let mut people = People::default();
    let id = people
        .push(["Ada", "Example", "", "", "Acme, Inc.", ""], None)
        .unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 2, 8);
    people
        .fill_missing(
            id,
            ["X", "Y", "", "ada@example.com", "Other", "CTO"],
            "",
            date,
        )
        .unwrap();
    let p = people.get(id);
    assert_eq!(p.first_name, "Ada");
    assert_eq!(p.company, "Acme, Inc.");
    assert_eq!(p.email, "ada@example.com");
    assert_eq!(p.position, "CTO");
    assert_eq!(p.connected_on, date);
}

#[test]
fn urls_come_back_whole_whether_or_not_linkedin_s_prefix_was_kept_once() {
    let mut people = People::default();
    let urls = [
        "https://www.linkedin.com/in/ada-x",
        "https://example.com/in/ada",
        "https://www.linkedin.com/in/",
        "",
    ];
    for url in urls {
        people
            .push(["A", "B", url, "", "Acme", "CTO"], None)
            .unwrap();
    }
    for (id, url) in people.ids().zip(urls) {
        let p = people.get(id);
        assert_eq!(p.url.to_string(), url);
        assert_eq!(p.url, url);
        assert_eq!(p.url.is_empty(), url.is_empty());
        assert_eq!(
            p.position, "CTO",
            "the flag does not leak into the position"
        );
    }
    // A duplicate brings the URL a first row lacked; appending keeps every flag.
    let mut more = People::default();
    let id = more.push(["C", "D", "", "", "", ""], None).unwrap();
    more.fill_missing(id, ["", "", urls[0], "", "", "Dev"], "", None)
        .unwrap();
    assert_eq!(more.get(id).url, urls[0]);
    assert_eq!(more.get(id).position, "Dev");
    assert!(more.get(id).has_identity(urls[0]));
    people.append(more).unwrap();
    assert_eq!(people.get(PersonId(4)).url, urls[0]);
    assert_eq!(people.get(PersonId(0)).url, urls[0]);
    assert_eq!(people.get(PersonId(1)).url, urls[1]);
}

#[test]
fn the_url_as_written_comes_back_without_being_stored_twice() {
    let mut people = People::default();
    let url = "https://www.linkedin.com/in/josé-ü";
    for written in [
        "https://www.linkedin.com/in/jos%C3%A9-%C3%BC",
        "https://www.linkedin.com/in/jos%c3%a9-%c3%bc",
        "https://www.linkedin.com/in/josé-ü/",
        url,
    ] {
        let before = people.text_len();
        let id = people
            .push_written(["A", "B", url, "", "", ""], written, None)
            .unwrap();
        let p = people.get(id);
        assert_eq!(p.written_url(), written);
        assert_eq!(p.url, url);
        assert_eq!(p.to_person().written_url(), written);
        let stored_twice = people.text_len() - before > "AB".len() + url.len() - 28;
        // Only what LinkedIn's own upper-case encoding cannot rebuild is stored.
        assert_eq!(
            stored_twice,
            written != url && !written.contains("%C3"),
            "{written}"
        );
    }
}

#[test]
fn a_borrowed_person_serialises_exactly_as_an_owned_one() {
    let mut people = People::default();
    let id = people
        .push(
            [
                "Zoë",
                "\"Q\"",
                "https://www.linkedin.com/in/zoe",
                "z@x.org",
                "Acme",
                "",
            ],
            NaiveDate::from_ymd_opt(2024, 3, 12),
        )
        .unwrap();
    let p = people.get(id);
    assert_eq!(
        serde_json::to_string(&p).unwrap(),
        serde_json::to_string(&p.to_person()).unwrap()
    );
}

#[test]
fn identity_prefers_url_then_name_and_email() {
    let mut people = People::default();
    let a = people
        .push(
            ["Ada", "E", "https://www.linkedin.com/in/ada", "", "", ""],
            None,
        )
        .unwrap();
    let b = people
        .push(["Ada", "E", "", "A@x.org", "", ""], None)
        .unwrap();
    assert_eq!(people.get(a).identity(), "https://www.linkedin.com/in/ada");
    assert_eq!(people.get(b).identity(), "name:ada e|a@x.org");
}
