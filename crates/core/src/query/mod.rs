//! What the viewer asks of a bundle: filtering, free-text search, facet counts,
//! sorting, highlighting, and the URL hash that holds all of it. Pure, so it is
//! tested natively and the app only renders and dispatches.

mod absentees;
mod filter;
mod folded_part;
mod highlight;
mod index;
mod matcher;
mod short_grams;
mod term_cache;
mod words;

pub use crate::route::{decode, encode, DatePreset, Route, View};
pub use absentees::{absentees, Absentee};
pub use filter::{Filter, ItemRef, Sort};
pub use folded_part::{encode_folded_part, FoldedPart};
pub use highlight::{highlight, segments, snippet, Segment};
#[cfg(feature = "pack")]
pub(crate) use index::newest_first;
pub use index::{searchable_texts, SearchIndex};
pub use term_cache::TermCache;

use crate::model::{Bundle, Item, Meeting, Outcome};
use index::{outcome_slot, NO_COMMITTEE};
use matcher::Matcher;
use short_grams::short_key;
use std::collections::{BTreeMap, HashSet};

/// One result: where it is and how well it matched the text: the number of matches,
/// ten for each in the title. Counted only when sorting by relevance (0 otherwise,
/// and without a text), since the other orders need only whether an item matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub at: ItemRef,
    pub score: u32,
}

/// The items that pass `filter`, sorted as it asks.
pub fn search(bundle: &Bundle, index: &SearchIndex, filter: &Filter) -> Vec<Hit> {
    query(bundle, index, filter).0
}

/// Facet counts: for each committee, the items it would give under all the
/// other filters; for each outcome likewise. Every committee and outcome in the bundle is listed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub committees: BTreeMap<String, usize>,
    pub outcomes: BTreeMap<Outcome, usize>,
}

pub fn facets(bundle: &Bundle, index: &SearchIndex, filter: &Filter) -> Facets {
    query(bundle, index, filter).1
}

/// Results and facet counts in one pass over the index: what the app calls per change.
pub fn query(bundle: &Bundle, index: &SearchIndex, filter: &Filter) -> (Vec<Hit>, Facets) {
    query_cached(bundle, index, filter, &mut TermCache::default())
}

/// `query`, remembering where terms were found in `cache` for the next keystroke.
pub fn query_cached(
    bundle: &Bundle,
    index: &SearchIndex,
    filter: &Filter,
    cache: &mut TermCache,
) -> (Vec<Hit>, Facets) {
    query_noted(bundle, index, filter, cache, &HashSet::new())
}

/// `query_cached` where `filter.noted` keeps the items in `noted` (those with a personal
/// note on this device).
pub fn query_noted(
    bundle: &Bundle,
    index: &SearchIndex,
    filter: &Filter,
    cache: &mut TermCache,
    noted: &HashSet<ItemRef>,
) -> (Vec<Hit>, Facets) {
    let matcher = Matcher::new(filter, noted);
    let n = index.entries.len();
    cache.follow(index.id);
    let wanted: Vec<bool> = index
        .committee_names
        .iter()
        .map(|c| filter.committees.contains(c))
        .collect();
    let mut committee_counts = vec![0usize; index.committee_names.len()];
    let mut outcome_counts = [0usize; 9];
    // The entries holding every term, from the index alone: a bitset.
    let mut text_bits: Option<Vec<u64>> = None;
    for (t, finder) in matcher.terms.iter().zip(&matcher.finders) {
        let acc = text_bits.get_or_insert_with(|| vec![!0; n.div_ceil(64)]);
        if t.len() <= 2 {
            // A short term found nowhere has no bitset: nothing holds it.
            match &index.short_grams[short_key(t.as_bytes())] {
                Some(bits) => acc.iter_mut().zip(bits.iter()).for_each(|(a, b)| *a &= b),
                None => acc.fill(0),
            }
        } else {
            let words = cache.words(&index.words, t, finder);
            index.words.narrow(words, acc);
        }
    }
    let mut hits = Vec::new();
    // Entries are in date order, so the default sort is already done.
    for (i, (e, &meta)) in index.entries.iter().zip(&index.meta).enumerate() {
        let committee = index.entry_committee[i];
        let committee_ok = filter.committees.is_empty()
            || (committee != NO_COMMITTEE && wanted[committee as usize]);
        let text_ok = text_bits
            .as_ref()
            .is_none_or(|b| b[i / 64] & (1 << (i % 64)) != 0);
        let Some(mut v) = matcher.eval(bundle, e, meta, committee_ok, text_ok) else {
            continue;
        };
        if matcher.scoring {
            // Only ranking by relevance reads the text: it counts the matches.
            for finder in &matcher.finders {
                v.score += finder.find_iter(e.all.as_bytes()).count() as u32
                    + 10 * finder.find_iter(e.title.as_bytes()).count() as u32;
            }
        }
        if v.outcome_ok && committee != NO_COMMITTEE {
            committee_counts[committee as usize] += 1;
        }
        if v.committee_ok {
            outcome_counts[usize::from(meta.outcome)] += 1;
            if v.outcome_ok {
                hits.push((
                    i,
                    Hit {
                        at: e.at,
                        score: v.score,
                    },
                ));
            }
        }
    }
    // Stable sorts keep the date order among equals.
    match filter.sort {
        Sort::Relevance if !matcher.terms.is_empty() => {
            hits.sort_by_key(|(_, h)| std::cmp::Reverse(h.score))
        }
        Sort::Committee => hits.sort_by_key(|&(i, _)| index.committee_rank[i]),
        _ => {}
    }
    let facets = Facets {
        committees: index
            .committee_names
            .iter()
            .cloned()
            .zip(committee_counts)
            .collect(),
        outcomes: Outcome::ALL
            .iter()
            .zip(outcome_counts)
            .filter(|(o, _)| index.outcomes_present[outcome_slot(**o)])
            .map(|(o, n)| (*o, n))
            .collect(),
    };
    (hits.into_iter().map(|(_, h)| h).collect(), facets)
}

/// Resolves an item position.
pub fn get(bundle: &Bundle, at: ItemRef) -> (&Meeting, &Item) {
    let m = &bundle.meetings[at.meeting];
    (m, &m.items[at.item])
}
