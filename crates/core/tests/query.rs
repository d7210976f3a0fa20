//! Filtering, search and facets on the Norddjurs sample bundle (a snapshot of `referat
//! ingest examples/norddjurs`), on a small hand-made bundle and on many drawn items. The
//! URL hash is in route.rs.

use referat_core::query::{
    absentees, facets, highlight, search, segments, snippet, Filter, ItemRef, SearchIndex, Sort,
};
use referat_core::{Access, Bundle, Outcome};

fn sample() -> Bundle {
    Bundle::from_json(include_str!("fixtures/norddjurs-bundle.json"))
        .expect("the sample bundle is valid")
}

fn ids(bundle: &Bundle, filter: &Filter) -> Vec<String> {
    let index = SearchIndex::new(bundle);
    search(bundle, &index, filter)
        .iter()
        .map(|h| bundle.meetings[h.at.meeting].items[h.at.item].id.clone())
        .collect()
}

const VPU: &str = "vpu-2024-04-24-1";
const BUU_2024: &str = "buu-2024-04-18-1";
const DIALOGUE_2021: &str = "buu-2021-06-24-1";
const AGENDA_002: &str = "002-24e5a101f9c48806-1";
const STATUS_004: &str = "004-dc055bac9ae9b81d-1";

#[test]
fn no_filter_lists_everything_newest_first_undated_last() {
    let b = sample();
    assert_eq!(
        ids(&b, &Filter::default()),
        vec![VPU, BUU_2024, DIALOGUE_2021, AGENDA_002, STATUS_004]
    );
}

#[test]
fn committee_filter_gives_exactly_the_vpu_item() {
    let b = sample();
    let f = Filter {
        committees: ["Voksen- og plejeudvalget".to_string()].into(),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec![VPU]);
    let f = Filter {
        committees: ["Børne- og ungdomsudvalget".to_string()].into(),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec![BUU_2024, DIALOGUE_2021]);
}

#[test]
fn absentee_matches_item_absence() {
    let b = sample();
    let f = Filter {
        absentee: Some("Tom Bytoft".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec![VPU]);
    assert_eq!(b.meetings[0].date.as_deref(), Some("2024-04-24"));
    // Case and Danish letters do not matter.
    let f = Filter {
        absentee: Some("fritz birk soerensen".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec![DIALOGUE_2021]);
}

#[test]
fn outcome_filter_gives_exactly_the_approved_items() {
    let b = sample();
    let f = Filter {
        outcomes: [Outcome::Approved].into(),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec![VPU, BUU_2024]);
    let f = Filter {
        outcomes: [Outcome::Approved, Outcome::Discussed].into(),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec![VPU, BUU_2024, DIALOGUE_2021]);
}

#[test]
fn free_text_folds_case_and_danish_letters() {
    let b = sample();
    let f = |q: &str| Filter {
        text: q.into(),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f("effektivisering")), vec![DIALOGUE_2021]);
    assert_eq!(ids(&b, &f("EFFEKTIVISERING")), vec![DIALOGUE_2021]);
    assert_eq!(ids(&b, &f("oekonomiske")), vec![VPU, BUU_2024, STATUS_004]);
    assert_eq!(ids(&b, &f("økonomiske")), vec![VPU, BUU_2024, STATUS_004]);
    // Every term must match; the case number is searchable.
    assert_eq!(ids(&b, &f("21/1359 effektivisering")), vec![DIALOGUE_2021]);
    assert_eq!(ids(&b, &f("21/1359 oekonomiske")), Vec::<String>::new());
}

#[test]
fn date_range_is_inclusive_and_drops_undated_meetings() {
    let b = sample();
    let f = Filter {
        from: Some("2024-04-18".into()),
        to: Some("2024-04-24".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec![VPU, BUU_2024]);
    let f = Filter {
        to: Some("2023-12-31".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec![DIALOGUE_2021]);
}

#[test]
fn committee_counts_ignore_the_committee_filter_but_respect_the_others() {
    let b = sample();
    let index = SearchIndex::new(&b);
    let f = Filter {
        committees: ["Voksen- og plejeudvalget".to_string()].into(),
        ..Filter::default()
    };
    let facets = facets(&b, &index, &f);
    let committees: Vec<(&str, usize)> = facets
        .committees
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        committees,
        vec![
            ("Børne- og ungdomsudvalget", 2),
            ("Voksen- og plejeudvalget", 1)
        ]
    );
    assert_eq!(facets.outcomes.get(&Outcome::Approved), Some(&1));
    assert_eq!(facets.outcomes.get(&Outcome::Discussed), Some(&0));

    let f = Filter {
        outcomes: [Outcome::Approved].into(),
        ..Filter::default()
    };
    let facets = facets_of(&b, &f);
    assert_eq!(facets.committees["Børne- og ungdomsudvalget"], 1);
    assert_eq!(facets.committees["Voksen- og plejeudvalget"], 1);
    // Outcome counts ignore the outcome filter itself.
    assert_eq!(facets.outcomes[&Outcome::Approved], 2);
    assert_eq!(facets.outcomes[&Outcome::Discussed], 1);
    assert_eq!(facets.outcomes[&Outcome::Pending], 2);
    assert_eq!(
        facets.outcomes.get(&Outcome::Rejected),
        None,
        "outcomes not in the bundle are not listed"
    );
}

fn facets_of(b: &Bundle, f: &Filter) -> referat_core::query::Facets {
    facets(b, &SearchIndex::new(b), f)
}

#[test]
fn absentee_list_covers_meeting_and_item_absences() {
    let b = sample();
    let names: Vec<(String, usize)> = absentees(&b)
        .into_iter()
        .map(|a| (a.name, a.items))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Diana Therese Mikkelsen".to_string(), 1),
            ("Fritz Birk Sørensen".to_string(), 1),
            ("Kristina Hviid".to_string(), 1),
            ("Tom Bytoft".to_string(), 1),
        ]
    );
}

#[test]
fn snippet_highlights_the_word_in_the_dialogue_item() {
    let b = sample();
    let item = &b.meetings[2].items[0];
    assert_eq!(item.id, DIALOGUE_2021);
    let segs = snippet(item, "effektivisering", 160).expect("a snippet");
    let hits: Vec<String> = segs
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.text.to_lowercase())
        .collect();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h == "effektivisering"), "{hits:?}");
    // A match only in a section heading still gets a snippet.
    let b = handmade();
    let item = &b.meetings[0].items[0];
    let segs = snippet(item, "sagsfremstilling", 100).expect("the heading");
    assert_eq!(segs.iter().filter(|s| s.hit).count(), 1);
}

#[test]
fn highlight_maps_folded_matches_to_the_original_text() {
    let text = "Økonomiske konsekvenser og de økonomiske rammer";
    let ranges = highlight(text, "oekonomiske");
    let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(words, vec!["Økonomiske", "økonomiske"]);
    let segs = segments("Budget 2022", "budget");
    assert_eq!(segs.len(), 2);
    assert!(segs[0].hit && segs[0].text == "Budget" && !segs[1].hit && segs[1].text == " 2022");
    assert_eq!(segments("plain", "").len(), 1);
}

/// A small bundle with what the sample lacks: dissent, a closed item, a case across meetings.
fn handmade() -> Bundle {
    Bundle::from_json(
        r#"{"format":"referat-bundle","version":1,"title":"T","generated":"2025-01-01T00:00:00Z","meetings":[
        {"id":"kb-2025-03-01","committee":"Kommunalbestyrelsen","date":"2025-03-01","absent":[{"name":"Åse Ørum","party":"A","note":null}],"source":"a","items":[
          {"id":"kb-2025-03-01-1","number":1,"case_number":"24/100","title":"Budget for skoler","access":"open","sections":[{"heading":"Sagsfremstilling","text":"Budget budget budget"}],
           "decisions":[{"body":"Kommunalbestyrelsen","date":"2025-03-01","text":"Godkendt. C stemte imod.","outcome":"approved","dissent":true,"remarks":[]}],"outcome":"approved"},
          {"id":"kb-2025-03-01-2","number":2,"case_number":null,"title":"Personsag","access":"closed","decisions":[],"outcome":"pending"}]},
        {"id":"oeu-2025-02-01","committee":"Økonomiudvalget","date":"2025-02-01","source":"b","items":[
          {"id":"oeu-2025-02-01-1","number":1,"case_number":"24/100","title":"Skoler","access":"open","sections":[{"heading":null,"text":"Nyt budget"}],
           "decisions":[{"body":"Økonomiudvalget","date":"2025-02-01","text":"Anbefales.","outcome":"recommended","dissent":false,"remarks":[]}],"outcome":"recommended"}]}
        ]}"#,
    )
    .expect("valid")
}

#[test]
fn dissent_access_sorting_and_relevance() {
    let b = handmade();
    let f = Filter {
        dissent_only: true,
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec!["kb-2025-03-01-1"]);
    let f = Filter {
        access: Some(Access::Closed),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec!["kb-2025-03-01-2"]);
    let f = Filter {
        sort: Sort::Committee,
        ..Filter::default()
    };
    assert_eq!(
        ids(&b, &f),
        vec!["kb-2025-03-01-1", "kb-2025-03-01-2", "oeu-2025-02-01-1"]
    );
    // Relevance: the item with "budget" in its title and text ranks first.
    let f = Filter {
        text: "budget".into(),
        sort: Sort::Relevance,
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec!["kb-2025-03-01-1", "oeu-2025-02-01-1"]);
    let f = Filter {
        text: "skoler".into(),
        sort: Sort::Relevance,
        ..Filter::default()
    };
    let index = SearchIndex::new(&b);
    let hits = search(&b, &index, &f);
    assert_eq!(hits.len(), 2);
    // Meeting absence counts for every item of the meeting.
    let f = Filter {
        absentee: Some("aase oerum".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&b, &f), vec!["kb-2025-03-01-1", "kb-2025-03-01-2"]);
    assert_eq!(absentees(&b)[0].items, 2);
}

#[test]
fn case_timeline_links_the_same_case_number() {
    let b = handmade();
    let index = SearchIndex::new(&b);
    let cases = referat_core::aggregate::Aggregates::new(&b);
    // The item view's timeline: the other treatments of the item's case number.
    let others = |at: ItemRef| -> Vec<ItemRef> {
        let item = &b.meetings[at.meeting].items[at.item];
        item.case_number
            .as_deref()
            .map_or(&[][..], |c| cases.case(c))
            .iter()
            .copied()
            .filter(|r| *r != at)
            .collect()
    };
    let at = index.item("kb-2025-03-01-1").unwrap();
    assert_eq!(
        others(at),
        vec![ItemRef {
            meeting: 1,
            item: 0
        }]
    );
    assert!(others(index.item("kb-2025-03-01-2").unwrap()).is_empty());
    assert_eq!(index.meeting("oeu-2025-02-01"), Some(1));
}

/// Every substring of the sample's texts, searched as a term, finds exactly the items
/// whose folded text contains it, in every sort.
#[test]
fn index_never_drops_a_match_nor_adds_one() {
    let b = sample();
    let index = SearchIndex::new(&b);
    let folded = folded_texts(&b);
    let mut checked = 0;
    for (_, text) in &folded {
        for word in text.split_whitespace().step_by(7) {
            let chars: Vec<char> = word.chars().collect();
            for len in 1..=chars.len().min(9) {
                let term: String = chars[chars.len() - len..].iter().collect();
                let term =
                    term.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '-');
                if term.is_empty() {
                    continue;
                }
                let expected: Vec<&str> = folded
                    .iter()
                    .filter(|(_, t)| t.contains(term))
                    .map(|(id, _)| id.as_str())
                    .collect();
                for sort in [Sort::Date, Sort::Relevance] {
                    let f = Filter {
                        text: term.to_string(),
                        sort,
                        ..Filter::default()
                    };
                    let mut want = expected.clone();
                    want.sort();
                    assert_eq!(found_ids(&b, &index, &f), want, "term {term:?}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "{checked} terms checked");
}

/// Beyond one 64-bit word of the per-entry bitsets: short terms (one or two bytes)
/// answered from the bitsets find exactly what a scan finds, and the default order
/// (kept from the index, not re-sorted) is newest first, undated last, then bundle order.
#[test]
fn short_terms_and_date_order_across_many_items() {
    use referat_core::fold::fold;
    let base = sample();
    let mut b = base.clone();
    b.meetings.clear();
    for copy in 0..40 {
        for m in &base.meetings {
            let mut m = m.clone();
            m.id = format!("{}-k{copy}", m.id);
            if copy % 3 == 0 {
                m.date = None;
            }
            for item in &mut m.items {
                item.id = format!("{}-k{copy}", item.id);
                item.title = Some(format!(
                    "Kopi {copy} qz{} {}",
                    copy % 7,
                    item.title.clone().unwrap_or_default()
                ));
            }
            b.meetings.push(m);
        }
    }
    let index = SearchIndex::new(&b);
    let items = folded_texts(&b);
    assert!(items.len() > 150);
    for term in ["q", "qz", "z3", "k", "1", "21", "oe", "ø", "é", "x9"] {
        let folded = fold(term);
        let mut want: Vec<&str> = items
            .iter()
            .filter(|(_, t)| t.contains(folded.as_str()))
            .map(|(id, _)| id.as_str())
            .collect();
        let f = Filter {
            text: term.to_string(),
            ..Filter::default()
        };
        want.sort();
        assert_eq!(found_ids(&b, &index, &f), want, "term {term:?}");
    }
    let order: Vec<(Option<&str>, usize, usize)> = search(&b, &index, &Filter::default())
        .iter()
        .map(|h| {
            (
                b.meetings[h.at.meeting].date.as_deref(),
                h.at.meeting,
                h.at.item,
            )
        })
        .collect();
    let mut expected = order.clone();
    expected.sort_by(|a, c| {
        match (a.0, c.0) {
            (Some(x), Some(y)) => y.cmp(x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then((a.1, a.2).cmp(&(c.1, c.2)))
    });
    assert_eq!(order, expected);
    assert_eq!(order.len(), items.len());
}

/// The ids of the items a filter finds, sorted (for comparing with a plain scan).
/// Every item's id and the text search reads in it: `searchable_texts` folded, one per line.
fn folded_texts(b: &Bundle) -> Vec<(String, String)> {
    use referat_core::fold::fold;
    use referat_core::query::searchable_texts;
    b.meetings
        .iter()
        .flat_map(|m| &m.items)
        .map(|i| {
            let all: Vec<String> = searchable_texts(i).map(fold).collect();
            (i.id.clone(), all.join("\n"))
        })
        .collect()
}

/// A small deterministic generator for randomized tests: `next(k)` is in `0..k`.
fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |k| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % k as u64) as usize
    }
}

fn found_ids(b: &Bundle, index: &SearchIndex, f: &Filter) -> Vec<String> {
    let mut ids: Vec<String> = search(b, index, f)
        .iter()
        .map(|h| b.meetings[h.at.meeting].items[h.at.item].id.clone())
        .collect();
    ids.sort();
    ids
}

/// Dates are compared as numbers for speed; dates that are not `YYYY-MM-DD` (possible in
/// a bundle built in code) and bounds that are not must still compare as written.
#[test]
fn date_filter_compares_odd_dates_as_written() {
    let mut b = handmade();
    b.meetings[1].date = Some("2025-02-30".into());
    let index = SearchIndex::new(&b);
    let cases: &[(Option<&str>, Option<&str>, &[&str])] = &[
        (Some("2025-02-01"), Some("2025-02-28"), &[]),
        (
            Some("2025-02-29"),
            Some("2025-03-01"),
            &["kb-2025-03-01-1", "kb-2025-03-01-2", "oeu-2025-02-01-1"],
        ),
        (
            Some("2025-03"),
            None,
            &["kb-2025-03-01-1", "kb-2025-03-01-2"],
        ),
        (None, Some("2025-02-30"), &["oeu-2025-02-01-1"]),
    ];
    for (from, to, want) in cases {
        let f = Filter {
            from: from.map(String::from),
            to: to.map(String::from),
            ..Filter::default()
        };
        let mut got = found_ids(&b, &index, &f);
        got.sort();
        assert_eq!(got, *want, "from {from:?} to {to:?}");
    }
}

/// The word index keeps words of one item, of a few and of most (one entry, a list, a
/// bitset): over many generated items, with Danish and other non-ASCII letters, every
/// term finds exactly the items holding it.
#[test]
fn word_index_is_exact_over_many_items() {
    use referat_core::fold::fold;
    let mut b = handmade();
    let template = b.meetings[0].items[0].clone();
    b.meetings.truncate(1);
    b.meetings[0].items.clear();
    let alphabet: Vec<char> = "aabbeeiklmnorsst-/1æøåéñçß".chars().collect();
    let mut next = xorshift(0x2545_f491_4f6c_dd1d);
    for i in 0..700 {
        let mut item = template.clone();
        item.id = format!("g{i}");
        // Mostly short, varied words: some in a handful of items, some in most.
        let words: Vec<String> = (0..(3 + next(12)))
            .map(|_| {
                (0..(1 + next(5)))
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect()
            })
            .collect();
        item.title = Some(words.join(" "));
        item.sections.clear();
        item.decisions.clear();
        item.case_number = None;
        b.meetings[0].items.push(item);
    }
    let index = SearchIndex::new(&b);
    let texts = folded_texts(&b);
    let mut checked = 0;
    for _ in 0..400 {
        let term: String = (0..(1 + next(4)))
            .map(|_| alphabet[next(alphabet.len())])
            .collect();
        let folded = fold(&term);
        let mut want: Vec<&str> = texts
            .iter()
            .filter(|(_, t)| t.contains(folded.as_str()))
            .map(|(id, _)| id.as_str())
            .collect();
        want.sort();
        let f = Filter {
            text: term.clone(),
            ..Filter::default()
        };
        assert_eq!(found_ids(&b, &index, &f), want, "term {term:?}");
        checked += usize::from(!want.is_empty());
    }
    assert!(checked > 100, "only {checked} terms matched anything");
}

/// The term cache only saves looking at words: a session of typing, erasing, switching terms,
/// sorting by relevance and changing other filters gives, query by query, exactly what
/// fresh queries give.
/// 300 items whose titles and texts are words drawn from `WORDS`, and the draw.
const WORDS: [&str; 9] = [
    "budget",
    "budgetter",
    "skoler",
    "skole",
    "aarhus",
    "år",
    "økonomi",
    "21/1",
    "xyz",
];

fn drawn_items() -> (Bundle, impl FnMut(usize) -> usize) {
    let mut b = handmade();
    let template = b.meetings[0].items[0].clone();
    let words = WORDS;
    let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
    for i in 0..300 {
        let mut item = template.clone();
        item.id = format!("c{i}");
        let text: Vec<&str> = (0..(2 + next(6)))
            .map(|_| words[next(words.len())])
            .collect();
        item.title = Some(text.join(" "));
        item.sections[0].text = (0..next(8))
            .map(|_| words[next(words.len())])
            .collect::<Vec<_>>()
            .join(" ");
        item.outcome = if next(2) == 0 {
            Outcome::Approved
        } else {
            Outcome::Noted
        };
        b.meetings[0].items.push(item);
    }
    (b, next)
}

#[test]
fn cached_queries_equal_fresh_ones() {
    use referat_core::query::{query, query_cached, TermCache};
    let (b, mut next) = drawn_items();
    let words = WORDS;
    let index = SearchIndex::new(&b);
    let mut cache = TermCache::default();
    let mut filter = Filter::default();
    let mut checked = 0;
    for _ in 0..40 {
        let word = words[next(words.len())];
        // Type it a letter at a time, then erase part of it.
        let chars: Vec<char> = word.chars().collect();
        let typed: Vec<String> = (1..=chars.len())
            .map(|k| chars[..k].iter().collect())
            .collect();
        let erased: Vec<String> = (1..chars.len())
            .rev()
            .map(|k| chars[..k].iter().collect())
            .take(next(4))
            .collect();
        let prefix = if next(3) == 0 { "skole " } else { "" };
        for text in typed.iter().chain(&erased) {
            filter.text = format!("{prefix}{text}");
            let got = query_cached(&b, &index, &filter, &mut cache);
            assert_eq!(
                got,
                query(&b, &index, &filter),
                "text {:?} sort {:?}",
                filter.text,
                filter.sort
            );
            checked += 1;
        }
        filter.sort = if next(3) == 0 {
            Sort::Relevance
        } else {
            Sort::Date
        };
        filter.outcomes = if next(3) == 0 {
            [Outcome::Approved].into()
        } else {
            Default::default()
        };
    }
    // Pasted terms: several letters more (or fewer) than a remembered one.
    filter = Filter::default();
    for text in [
        "s",
        "sk",
        "skolerne",
        "skole",
        "sko",
        "skoler",
        "b",
        "budgetterne",
        "bud",
        "budgetter",
        "budge",
        "å",
        "år",
        "aarhus",
        "aar",
    ] {
        filter.text = text.into();
        let got = query_cached(&b, &index, &filter, &mut cache);
        assert_eq!(got, query(&b, &index, &filter), "pasted {text:?}");
        checked += 1;
    }
    assert!(checked > 150, "{checked}");
}

/// Text arriving meeting by meeting (the packed layout's parts, in any order) with one
/// term cache kept throughout: each query equals a fresh one, and once all text is in,
/// the query on the whole index.
#[test]
fn cached_queries_follow_text_added_in_parts() {
    use referat_core::query::{query, query_cached, TermCache};
    let b = sample();
    assert!(b.meetings.len() >= 3, "the sample has several meetings");
    let whole = SearchIndex::new(&b);
    let mut index = SearchIndex::light(&b);
    let mut cache = TermCache::default();
    let texts = [
        "ud", "udv", "udvalg", "beslut", "besl", "sag", "sagen", "oekonomi",
    ];
    let ask = |text: &str, index: &SearchIndex, cache: &mut TermCache| {
        let f = Filter {
            text: text.into(),
            ..Filter::default()
        };
        let got = query_cached(&b, index, &f, cache);
        assert_eq!(got, query(&b, index, &f), "{text}");
        got
    };
    let mut found_before = 0;
    for mi in (0..b.meetings.len()).rev() {
        for text in texts {
            ask(text, &index, &mut cache);
        }
        found_before = ask("udvalg", &index, &mut cache).0.len();
        index.add_text(mi, &b.meetings[mi]);
    }
    index.finish_text();
    for text in texts {
        let f = Filter {
            text: text.into(),
            ..Filter::default()
        };
        assert_eq!(
            ask(text, &index, &mut cache),
            query(&b, &whole, &f),
            "{text}"
        );
    }
    assert!(ask("udvalg", &index, &mut cache).0.len() > found_before);
}

/// A cache used with a second index starts over instead of reading the first one's offsets.
#[test]
fn term_cache_follows_its_index() {
    use referat_core::query::{query, query_cached, TermCache};
    let (a, b) = (sample(), handmade());
    let (ia, ib) = (SearchIndex::new(&a), SearchIndex::new(&b));
    let mut cache = TermCache::default();
    for text in ["budg", "budget", "skole"] {
        let f = Filter {
            text: text.into(),
            ..Filter::default()
        };
        assert_eq!(query_cached(&a, &ia, &f, &mut cache), query(&a, &ia, &f));
        assert_eq!(query_cached(&b, &ib, &f, &mut cache), query(&b, &ib, &f));
    }
}

#[test]
fn noted_filter_keeps_the_items_with_a_note_and_counts_facets_under_it() {
    use referat_core::query::{query_noted, TermCache};
    let b = sample();
    let index = SearchIndex::new(&b);
    let noted: std::collections::HashSet<ItemRef> = [
        index.item(BUU_2024).expect("item"),
        index.item(AGENDA_002).expect("item"),
    ]
    .into();
    let f = Filter {
        noted: true,
        ..Filter::default()
    };
    let (hits, facets) = query_noted(&b, &index, &f, &mut TermCache::default(), &noted);
    let got: Vec<&str> = hits
        .iter()
        .map(|h| b.meetings[h.at.meeting].items[h.at.item].id.as_str())
        .collect();
    assert_eq!(got, [BUU_2024, AGENDA_002]);
    assert_eq!(facets.committees.get("Børne- og ungdomsudvalget"), Some(&1));
    // Without notes on this device the filter keeps nothing (it never means "all").
    assert!(ids(&b, &f).is_empty());
}
