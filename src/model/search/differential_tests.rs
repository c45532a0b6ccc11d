//! The search index (text folded into one arena, built in parts across threads, shared
//! phrases matched once per query) held against the simple path: every field folded on
//! its own, char by char through the slow fold, and searched with `contains`.

use proptest::prelude::*;

use super::*;

/// The simple fold: each char through [`fold_slow`], no ASCII run, no table.
fn slow_fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        fold_slow(c, &mut out);
    }
    out
}

/// Whether `token` (a word, `-word`, or a quoted phrase) holds for these fields, found
/// the simple way: its text is in one field, or (negated) in none.
fn holds(token: &str, fields: &[&str]) -> bool {
    let folded = fields.iter().map(|f| slow_fold(f)).collect::<Vec<_>>();
    holds_folded(token, &folded)
}

/// [`holds`] for fields already folded.
fn holds_folded(token: &str, folded: &[String]) -> bool {
    let (negated, body) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let text = slow_fold(body.replace('"', "").trim());
    let found = folded.iter().any(|f| f.contains(&text));
    found != negated
}

/// Names in mixed case with accents, letters that fold to two (ß, Æ), to none of their
/// own (İ, ı), Greek and Cyrillic, and spaces: few enough letters that words meet.
const NAME: &str = "[aAbBnNéÉèøØßüÜæÆİıΩωЖжł '-]{0,10}";
const WORD: &str = "[abnéøßüæıωжлÆÜ]{1,3}";

#[derive(Debug, Clone)]
struct Person {
    first: String,
    last: String,
    email: String,
    /// Phrase ids: company, position (0: none).
    shared: [PhraseId; 2],
}

fn person(phrases: usize) -> impl Strategy<Value = Person> {
    let id = 0..phrases as PhraseId;
    (NAME, NAME, "[a-z.@]{0,6}", id.clone(), id).prop_map(|(first, last, email, a, b)| Person {
        first,
        last,
        email,
        shared: [a, b],
    })
}

/// A word, a negated word, or a quoted phrase of two words.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => WORD.prop_map(|w| w.clone()),
        1 => WORD.prop_map(|w| format!("-{w}")),
        1 => (WORD, WORD).prop_map(|(a, b)| format!("\"{a} {b}\"")),
    ]
}

fn case() -> impl Strategy<Value = (Vec<String>, Vec<Person>, usize, Vec<String>)> {
    prop::collection::vec(NAME, 1..6).prop_flat_map(|mut phrases| {
        phrases.insert(0, String::new()); // id 0: no phrase
        let n = phrases.len();
        (
            Just(phrases),
            prop::collection::vec(person(n), 0..80),
            1usize..9,
            prop::collection::vec(token(), 1..4),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_index_matches_what_folding_each_field_and_contains_matches(
        (phrases, people, parts, tokens) in case()
    ) {
        let text = tokens.join(" ");
        let query = Query::parse(&text);
        // A token that is a flag (`email`) is a term: not plain text.
        prop_assume!(query.is_ok());
        let query = query.unwrap();
        let fields = |i: usize| {
            let p: &Person = &people[i];
            [p.first.as_str(), p.last.as_str(), p.email.as_str()]
        };
        let index = SearchIndex::build_in_parts(people.len(), 8, parts, fields)
            .with_phrases(phrases.iter().map(String::as_str), |i| people[i].shared);
        let matcher = index.matcher(&query);
        for (i, p) in people.iter().enumerate() {
            let [a, b] = p.shared.map(|id| phrases[id as usize].as_str());
            let all = [p.first.as_str(), p.last.as_str(), p.email.as_str(), a, b];
            let want = tokens.iter().all(|t| holds(t, &all));
            prop_assert_eq!(matcher.matches(i), want, "{:?} against item {}: {:?}", text, i, all);
        }
    }
}

#[test]
fn words_match_within_one_field_never_across_two() {
    let people = ["Ann", "Bank", "Anna Banks"];
    let index = SearchIndex::build_in_parts(3, 8, 2, |i| [people[i], "Ω"]);
    let hits = |q: &str| {
        let query = Query::parse(q).unwrap();
        let m = index.matcher(&query);
        (0..3).filter(|&i| m.matches(i)).collect::<Vec<_>>()
    };
    assert_eq!(hits("ann"), [0, 2]);
    assert_eq!(hits("\"a b\""), [2]);
    assert_eq!(hits("annω"), Vec::<usize>::new());
    assert_eq!(hits("-bank ω"), [0]);
}

#[test]
fn the_connections_index_of_30000_people_matches_what_contains_matches() {
    use crate::model::People;
    use crate::model::people::Field;
    use crate::model::roster::people_search_index;

    let first = [
        "Anna",
        "José",
        "ZOË",
        "Łukasz",
        "Søren",
        "Ольга",
        "Straße",
        "ana",
    ];
    let last = [
        "García",
        "MÜLLER",
        "O'Brien",
        "Van der Berg",
        "Annan",
        "Æsir",
    ];
    let company = [
        "Acme, Inc.",
        "Bank of America",
        "Café Crème",
        "",
        "ANNAPURNA",
    ];
    let people: People = (0..30_000usize)
        .map(|i| crate::model::Person {
            first_name: first[i % first.len()].into(),
            last_name: last[i / 7 % last.len()].into(),
            email: if i % 3 == 0 {
                format!("a{i}@x.org")
            } else {
                String::new()
            },
            company: company[i / 11 % company.len()].into(),
            position: ["Engineer", "", "Sales Director"][i / 13 % 3].into(),
            ..Default::default()
        })
        .collect();
    let index = people_search_index(&people, None);
    let fields = [
        Field::FirstName,
        Field::LastName,
        Field::Email,
        Field::Company,
        Field::Position,
    ];
    let folded: Vec<[String; 5]> = people
        .ids()
        .map(|id| fields.map(|f| slow_fold(people.field(id, f))))
        .collect();
    let queries: [&[&str]; 8] = [
        &["ann"],
        &["an", "ca"],
        &["\"van der\""],
        &["jose", "-bank"],
        &["ss"],
        &["ae"],
        &["director", "a1"],
        &["ольга"],
    ];
    for tokens in queries {
        let text = tokens.join(" ");
        let query = Query::parse(&text).unwrap();
        let matcher = index.matcher(&query);
        let mut hits = 0;
        for (i, f) in folded.iter().enumerate() {
            let want = tokens.iter().all(|t| holds_folded(t, f));
            assert_eq!(matcher.matches(i), want, "{text:?}, person {i}: {f:?}");
            hits += usize::from(want);
        }
        assert!(hits > 0, "{text:?} matches someone");
    }
}
