//! How one entry fares against a filter, every filter but the text evaluated once.

use super::filter::{Filter, ItemRef, Sort};
use super::index::{date_key, Entry, Meta, NO_DATE, ODD_DATE};
use crate::fold::{fold, terms};
use crate::model::{Access, Bundle, Outcome};
use std::collections::HashSet;

/// How an item fares against a filter; None from [`Matcher::eval`] means it fails
/// a filter that is neither committee nor outcome, so it counts nowhere.
pub(super) struct Eval {
    pub(super) committee_ok: bool,
    pub(super) outcome_ok: bool,
    pub(super) score: u32,
}

pub(super) struct Matcher<'a> {
    filter: &'a Filter,
    /// The items with a personal note, for `filter.noted`.
    noted: &'a HashSet<ItemRef>,
    pub(super) terms: Vec<String>,
    /// Per term, a SIMD substring searcher built once, not once per item.
    pub(super) finders: Vec<memchr::memmem::Finder<'static>>,
    pub(super) scoring: bool,
    absentee: Option<String>,
    /// The date bounds as numbers (`YYYYMMDD`; open ends at 0 and MAX), when both can be.
    dates: Option<(u32, u32)>,
    /// Which outcome slots the filter asks for.
    outcomes: [bool; 9],
}

impl<'a> Matcher<'a> {
    pub(super) fn new(filter: &'a Filter, noted: &'a HashSet<ItemRef>) -> Self {
        let terms = terms(&filter.text);
        Matcher {
            filter,
            noted,
            finders: terms
                .iter()
                .map(|t| memchr::memmem::Finder::new(t.as_bytes()).into_owned())
                .collect(),
            scoring: filter.sort == Sort::Relevance,
            terms,
            absentee: filter
                .absentee
                .as_deref()
                .map(|a| fold(a.trim()))
                .filter(|a| !a.is_empty()),
            dates: (|| {
                let from = filter.from.as_deref().map_or(Some(NO_DATE + 1), date_key)?;
                let to = filter.to.as_deref().map_or(Some(ODD_DATE - 1), date_key)?;
                Some((from, to))
            })(),
            outcomes: std::array::from_fn(|k| filter.outcomes.contains(&Outcome::ALL[k])),
        }
    }

    /// Evaluates every filter once (cheap ones first, text last), so results and
    /// both facet counts come from one pass.
    pub(super) fn eval(
        &self,
        bundle: &Bundle,
        e: &Entry,
        meta: Meta,
        committee_ok: bool,
        text_ok: bool,
    ) -> Option<Eval> {
        let f = self.filter;
        if f.from.is_some() || f.to.is_some() {
            match (meta.date, self.dates) {
                (NO_DATE, _) => return None,
                (ODD_DATE, _) | (_, None) => {
                    // Dates the numbers cannot stand for: compare the text, as written.
                    let d = bundle.meetings[e.at.meeting].date.as_deref()?;
                    if f.from.as_deref().is_some_and(|from| d < from)
                        || f.to.as_deref().is_some_and(|to| d > to)
                    {
                        return None;
                    }
                }
                (d, Some((from, to))) => {
                    if d < from || d > to {
                        return None;
                    }
                }
            }
        }
        if let Some(a) = &self.absentee {
            if !e.absent.iter().any(|x| x == a) {
                return None;
            }
        }
        if f.dissent_only && !meta.dissent {
            return None;
        }
        if f.noted && !self.noted.contains(&e.at) {
            return None;
        }
        if f.access
            .is_some_and(|a| (a == Access::Closed) != meta.closed)
        {
            return None;
        }
        if !text_ok {
            return None;
        }
        let outcome_ok = f.outcomes.is_empty() || self.outcomes[usize::from(meta.outcome)];
        Some(Eval {
            committee_ok,
            outcome_ok,
            score: 0,
        })
    }
}
