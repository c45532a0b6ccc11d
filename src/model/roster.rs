//! Connections as a triage: the search index and the sort orders of the screen.
//!
//! Built for a million rows: sort keys are packed integers (a date, or the first bytes of
//! the folded text), so sorting compares integers; only rows whose packed keys tie compare
//! full folded strings. The first frame needs only the date orders; the search index
//! (in two halves, on two threads) and then the name and company orders follow in the
//! background.

use std::cmp::Reverse;
use std::ops::Range;
use std::sync::Arc;

use super::people::{Field, People, PersonId};
use super::phrases::PhraseId;
use super::search::{SearchIndex, fold, fold_char_into};
use super::signals::Signals;
use super::terms::{DateKey, Facts};
use super::triage::{SortOrder, Triage};

pub use super::sort_names::{
    SORT_COMPANY, SORT_CONNECTED, SORT_FEWEST_MESSAGES, SORT_LAST_NAME, SORT_OLDEST,
};

/// A sort order, built in place: a million ids are 4 MB, not worth a second copy.
pub type Order = Arc<[u32]>;

/// A triage over `people`, searchable and every sort order ready (tests, benchmarks,
/// tools).
pub fn people_triage(people: &People) -> Triage {
    people_triage_with(people, None)
}

/// [`people_triage`] with the Complete export's signals, for their filter terms and sort.
pub fn people_triage_with(people: &People, signals: Option<&Signals>) -> Triage {
    let mut triage = people_triage_first(people, signals);
    triage.search_ready(people_search_index(people, signals));
    for (name, order) in later_sorts(people, signals) {
        triage.sort_ready(name, order);
    }
    triage
}

/// What the screen needs first: the date orders. The cycle is newest first, oldest
/// first, last name, company, and fewest messages when there are `signals` with
/// messages. The search index ([`people_search_index`], for
/// [`Triage::search_ready`]) and the name, company and message orders
/// ([`later_sorts`]) are left to build after the first frame: a filter typed before
/// the index is there waits for it, and the other orders are only needed once the user
/// presses `s`.
pub fn people_triage_first(people: &People, signals: Option<&Signals>) -> Triage {
    let by_date = sort_by_date(people);
    let oldest = oldest_first(people, &by_date);
    let mut sorts = vec![
        SortOrder::new(SORT_CONNECTED, by_date),
        SortOrder::new(SORT_OLDEST, oldest),
        SortOrder::pending(SORT_LAST_NAME),
        SortOrder::pending(SORT_COMPANY),
    ];
    if has_messages(signals) {
        sorts.push(SortOrder::pending(SORT_FEWEST_MESSAGES));
    }
    // The terms a filter may use are known now; their data comes with the index.
    let terms = facts_of(people, signals, 0..0);
    Triage::search_later(people.len(), terms, sorts)
}

fn has_messages(signals: Option<&Signals>) -> bool {
    signals.is_some_and(|s| s.sources.messages)
}

/// The sort orders [`people_triage_first`] leaves pending.
pub fn later_sorts(people: &People, signals: Option<&Signals>) -> Vec<(&'static str, Order)> {
    let mut sorts = vec![
        (
            SORT_LAST_NAME,
            sort_by_text(people, Field::LastName, Field::FirstName),
        ),
        (SORT_COMPANY, sort_by_company(people, Field::LastName)),
    ];
    if let Some(signals) = signals.filter(|s| s.sources.messages) {
        sorts.push((SORT_FEWEST_MESSAGES, fewest_messages(people, signals)));
    }
    sorts
}

pub fn people_search_index(people: &People, signals: Option<&Signals>) -> SearchIndex {
    // Names and emails per person (less than the whole text: no URLs, no phrases);
    // companies and positions once each, as phrases.
    let fields = |i: usize| {
        let id = PersonId(i as u32);
        [Field::FirstName, Field::LastName, Field::Email].map(|f| people.field(id, f))
    };
    let parts = rayon::current_num_threads();
    // The facts need none of the text: gathered beside it rather than after it.
    let (facts, index) = rayon::join(
        || people_facts(people, signals),
        || {
            SearchIndex::build_in_parts(people.len(), people.text_len(), parts, fields)
                .with_phrases(people.phrases().iter(), |i| {
                    people.phrase_ids(PersonId(i as u32))
                })
        },
    );
    index.with_facts(facts)
}

/// What the filter terms read about connections: the date connected, whether there is
/// an e-mail address, the company and position; and from the Complete export's files
/// (`signals`) the messages, endorsements and recommendations it has.
pub fn people_facts(people: &People, signals: Option<&Signals>) -> Facts {
    facts_of(people, signals, 0..people.len() as u32)
}

/// [`people_facts`] for the people `ids` (none: only which terms there are).
fn facts_of(people: &People, signals: Option<&Signals>, ids: Range<u32>) -> Facts {
    let ids = ids.map(PersonId);
    let mut facts = Facts::default()
        .with_dates(
            DateKey::Connected,
            ids.clone().map(|id| people.connected_on(id)),
        )
        .with_emails(
            ids.clone()
                .map(|id| people.field(id, Field::Email).contains('@')),
        )
        .with_company_and_position();
    if let Some(signals) = signals {
        let each = || ids.clone().map(|id| signals.get(id));
        if signals.sources.messages {
            facts = facts.with_messages(each().map(|s| s.messages));
        }
        if signals.sources.endorsements {
            facts = facts.with_endorsements(each().map(|s| s.is_endorsed()));
        }
        if signals.sources.recommendations {
            facts = facts.with_recommendations(each().map(|s| s.is_recommended()));
        }
    }
    facts
}

/// Newest first; ties keep file order, which LinkedIn writes newest first.
fn sort_by_date(people: &People) -> Order {
    let mut keyed: Vec<(Reverse<Option<chrono::NaiveDate>>, u32)> = people
        .ids()
        .map(|id| (Reverse(people.connected_on(id)), id.0))
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, id)| id).collect()
}

/// Oldest first: the dated part of `by_date` reversed, unknown dates still last.
fn oldest_first(people: &People, by_date: &[u32]) -> Order {
    let dated = by_date
        .iter()
        .take_while(|&&id| people.connected_on(PersonId(id)).is_some())
        .count();
    let (dated, unknown) = by_date.split_at(dated);
    dated.iter().rev().chain(unknown).copied().collect()
}

/// Fewest messages first (no messages at all first of all); ties newest first.
fn fewest_messages(people: &People, signals: &Signals) -> Order {
    let mut order = sort_by_date(people).to_vec();
    // Stable: ties keep the date order.
    order.sort_by_key(|&id| signals.get(PersonId(id)).messages);
    order.into()
}

/// Orders by `primary` then `secondary`, folded (case and accents ignored), empty values
/// last, ties in file order.
fn sort_by_text(people: &People, primary: Field, secondary: Field) -> Order {
    sort_by_keys(
        people,
        |id, scratch| {
            let p = people.field(id, primary);
            let (key, cut) = prefix::<16>(p, scratch);
            // No folded text starts with 0xFF bytes (not UTF-8): empty sorts last.
            (if p.is_empty() { u128::MAX } else { key }, cut)
        },
        |id| people.field(id, primary),
        secondary,
    )
}

/// [`sort_by_text`] by company: each distinct company is ranked once, by its folded
/// name, so the rank is an exact key (spellings that fold alike share one).
fn sort_by_company(people: &People, secondary: Field) -> Order {
    let phrases = people.phrases();
    let mut by_name: Vec<(String, PhraseId)> = (1..phrases.len() as PhraseId)
        .map(|p| (fold(phrases.get(p)), p))
        .collect();
    by_name.sort_unstable();
    // The empty phrase (no company) keeps the largest rank: last.
    let mut rank = vec![u128::MAX; phrases.len()];
    let mut current = 0;
    for (i, (name, p)) in by_name.iter().enumerate() {
        if i > 0 && *name != by_name[i - 1].0 {
            current += 1;
        }
        rank[*p as usize] = current;
    }
    drop(by_name);
    sort_by_keys(
        people,
        |id, _| (rank[people.phrase_ids(id)[0] as usize], false),
        |id| people.field(id, Field::Company),
        secondary,
    )
}

/// Sorts by a packed primary key (and whether it was cut short), then by `secondary`'s
/// packed prefix, then file order. Where packed keys cannot decide (a cut prefix), the
/// whole folded text does.
fn sort_by_keys<'p>(
    people: &'p People,
    primary_key: impl Fn(PersonId, &mut String) -> (u128, bool),
    primary_text: impl Fn(PersonId) -> &'p str,
    secondary: Field,
) -> Order {
    let mut scratch = String::with_capacity(32);
    let mut keyed: Vec<Keyed> = people
        .ids()
        .map(|id| {
            let (primary, cut_primary) = primary_key(id, &mut scratch);
            let (second, cut_secondary) = prefix::<8>(people.field(id, secondary), &mut scratch);
            Keyed {
                primary,
                secondary: second as u64,
                id: id.0,
                cut_primary,
                cut_secondary,
            }
        })
        .collect();
    keyed.sort_unstable_by_key(|k| (k.primary, k.secondary, k.id));
    let text = |k: &Keyed| {
        let id = PersonId(k.id);
        (primary_text(id), people.field(id, secondary))
    };
    // Rows with equal primary keys: if a primary was cut, the secondary key must not
    // decide before the rest of the primary does, so the whole run is sorted by text.
    // Else the primaries are equal and only runs of equal, cut secondaries need text.
    // Neither is needed when the rows hold the very same text (namesakes, colleagues).
    for run in runs(&mut keyed, |a, b| a.primary == b.primary) {
        if run.iter().any(|k| k.cut_primary) {
            if run.iter().any(|k| text(k) != text(&run[0])) {
                run.sort_by_cached_key(|k| {
                    let (p, s) = text(k);
                    (fold(p), fold(s), k.id)
                });
            }
            continue;
        }
        for ties in runs(run, |a, b| a.secondary == b.secondary) {
            if ties.iter().any(|k| k.cut_secondary)
                && ties.iter().any(|k| text(k).1 != text(&ties[0]).1)
            {
                ties.sort_by_cached_key(|k| (fold(text(k).1), k.id));
            }
        }
    }
    keyed.into_iter().map(|k| k.id).collect()
}

/// The runs of consecutive equal items (by `same`) of a sorted slice, longer than one.
fn runs<T>(items: &mut [T], same: impl Fn(&T, &T) -> bool) -> Vec<&mut [T]> {
    let mut runs = Vec::new();
    let mut rest = items;
    while !rest.is_empty() {
        let len = 1 + rest[1..].iter().take_while(|k| same(k, &rest[0])).count();
        let (run, tail) = rest.split_at_mut(len);
        if len > 1 {
            runs.push(run);
        }
        rest = tail;
    }
    runs
}

/// A row's sort key: folded prefixes packed into integers so sorting compares integers.
struct Keyed {
    primary: u128,
    secondary: u64,
    id: u32,
    /// A prefix was cut short: equal keys may still differ further on.
    cut_primary: bool,
    cut_secondary: bool,
}

/// The first `N` bytes of the folded text, big-endian so integer order is text order,
/// and whether the folded text was longer (cut).
fn prefix<const N: usize>(s: &str, folded: &mut String) -> (u128, bool) {
    let mut bytes = [0u8; 16];
    if s.is_ascii() {
        for (b, c) in bytes[..N].iter_mut().zip(s.bytes()) {
            *b = c.to_ascii_lowercase();
        }
    } else {
        folded.clear();
        for c in s.chars() {
            fold_char_into(c, folded);
            if folded.len() > N {
                break;
            }
        }
        for (b, f) in bytes[..N].iter_mut().zip(folded.bytes()) {
            *b = f;
        }
    }
    let len = if s.is_ascii() { s.len() } else { folded.len() };
    let value = u128::from_be_bytes(bytes) >> (8 * (16 - N));
    (value, len > N)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;
    use crate::model::search::Query;

    fn people(names: &[(&str, &str, &str)]) -> People {
        names
            .iter()
            .map(|(first, last, company)| Person {
                first_name: (*first).into(),
                last_name: (*last).into(),
                company: (*company).into(),
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn text_sorts_fold_accents_put_empty_last_and_break_long_ties() {
        let p = people(&[
            ("Zed", "", "Acme"),
            ("Ana", "Müller", "acme"),
            ("Bob", "Muller", ""),
            ("Ann", "Vanderbilt-Longname", "Zeta"),
            ("Al", "Vanderbilt-Longer", "Beta"),
            ("Éva", "Ávila", "Beta"),
        ]);
        assert_eq!(
            *sort_by_text(&p, Field::LastName, Field::FirstName),
            [5, 1, 2, 4, 3, 0]
        );
        assert_eq!(
            *sort_by_text(&p, Field::Company, Field::LastName),
            [0, 1, 5, 4, 3, 2]
        );
        assert_eq!(
            sort_by_company(&p, Field::LastName),
            sort_by_text(&p, Field::Company, Field::LastName),
            "ranked companies sort as their text does"
        );
        // A cut primary decides before the secondary: "van der e" < "van der f".
        let p = people(&[("b", "Van der é", ""), ("Ana", "Van der f", "")]);
        assert_eq!(*sort_by_text(&p, Field::LastName, Field::FirstName), [0, 1]);
    }

    #[test]
    fn the_filter_finds_words_in_names_emails_companies_and_positions_in_any_order() {
        let p: People = [
            (
                "Ana",
                "Silva",
                "Bank of America",
                "Teller",
                "ana@example.com",
            ),
            ("José", "García", "Acme, Inc.", "Senior Engineer", ""),
            ("Bob", "Acme", "Globex", "Engineer", ""),
        ]
        .iter()
        .map(|(first, last, company, position, email)| Person {
            first_name: (*first).into(),
            last_name: (*last).into(),
            company: (*company).into(),
            position: (*position).into(),
            email: (*email).into(),
            ..Default::default()
        })
        .collect();
        let index = people_search_index(&p, None);
        let found = |q: &str| {
            let query = Query::parse(q).unwrap();
            let m = index.matcher(&query);
            (0..3).filter(|&i| m.matches(i)).collect::<Vec<_>>()
        };
        assert_eq!(found("acme"), [1, 2], "a company, and a last name");
        assert_eq!(found("engineer acme"), [1, 2]);
        assert_eq!(found("senior jose"), [1], "any order, accents ignored");
        assert_eq!(found("america teller ana"), [0]);
        assert_eq!(found("example.com"), [0], "emails");
        assert_eq!(found("globex engineer bob"), [2]);
        assert_eq!(
            found("ofamerica"),
            Vec::<usize>::new(),
            "not across words' gaps"
        );
        assert_eq!(
            found("engineerglobex"),
            Vec::<usize>::new(),
            "nor across fields"
        );
    }

    #[test]
    fn the_first_triage_answers_the_terms_the_whole_one_does_and_filters_alike_once_indexed() {
        use crate::model::signals::{SignalSources, Signals};
        use crate::model::triage::Side;
        let p = people(&[
            ("Ana", "Silva", "Acme"),
            ("José", "García", "Globex"),
            ("Bob", "Acme", ""),
        ]);
        let queries = [
            "acme",
            "messages:0",
            "email",
            "endorsed",
            "recommended",
            "connected:2020",
            "sent:2020",
            "company:acme",
            "position:x",
        ];
        let sources = [
            None,
            Some(SignalSources {
                messages: true,
                endorsements: false,
                recommendations: true,
            }),
        ];
        for sources in sources {
            let signals = sources.map(|s| Signals::new(p.len(), s));
            let mut whole = people_triage_with(&p, signals.as_ref());
            let mut first = people_triage_first(&p, signals.as_ref());
            for q in queries {
                whole.set_filter(Side::Left, q);
                first.set_filter(Side::Left, q);
                assert_eq!(
                    first.column(Side::Left).filter_error(),
                    whole.column(Side::Left).filter_error(),
                    "{q} with {sources:?}"
                );
            }
            first.set_filter(Side::Left, "acme");
            whole.set_filter(Side::Left, "acme");
            first.search_ready(people_search_index(&p, signals.as_ref()));
            assert_eq!(
                first.column(Side::Left).shown(),
                whole.column(Side::Left).shown()
            );
            assert_eq!(first.column(Side::Left).shown(), &[0, 2]);
        }
    }

    proptest::proptest! {
        /// The packed keys and the tie-breaking give exactly the naive order.
        #[test]
        fn text_sort_equals_sorting_whole_folded_strings(
            rows in proptest::collection::vec(
                (
                    "(|Van der |Vanderbilt|Müller|MULLER|Ōe|Åsa )[a-zé]{0,12}",
                    "(|Ana|Åna|Anastasia-Long)[a-z]{0,3}",
                ),
                0..60,
            )
        ) {
            let p = people(
                &rows
                    .iter()
                    .map(|(l, f)| (f.as_str(), l.as_str(), ""))
                    .collect::<Vec<_>>(),
            );
            let mut naive: Vec<u32> = (0..rows.len() as u32).collect();
            naive.sort_by_key(|&i| {
                let (last, first) = &rows[i as usize];
                (last.is_empty(), fold(last), fold(first), i)
            });
            proptest::prop_assert_eq!(&*sort_by_text(&p, Field::LastName, Field::FirstName), &naive[..]);
            // The same text as companies: ranked phrases must sort exactly alike.
            let as_companies = people(
                &rows
                    .iter()
                    .map(|(l, f)| ("", f.as_str(), l.as_str()))
                    .collect::<Vec<_>>(),
            );
            proptest::prop_assert_eq!(&*sort_by_company(&as_companies, Field::LastName), &naive[..]);
        }
    }
}
