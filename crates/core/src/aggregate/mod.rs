//! What the person, committee, meeting and case pages show, computed once per bundle
//! (not per render): at 40,000 items a page then only reads what is already counted.

mod case;
mod committee;
mod person;

pub use case::case_key;
pub use committee::{Committee, YearOutcomes};
pub use person::{Attendance, MeetingAbsence, Person, Quarter};

use crate::dates::ymd;
use crate::fold::fold;
use crate::model::Bundle;
use crate::query::{Filter, ItemRef};
use std::collections::{BTreeMap, HashMap};

/// The pages' data for one bundle.
#[derive(Debug, Clone, Default)]
pub struct Aggregates {
    /// Everyone absent at least once or named in a member list, by name (folded).
    pub people: Vec<Person>,
    person_at: HashMap<String, usize>,
    /// Every committee with a meeting, by name.
    pub committees: Vec<Committee>,
    committee_at: HashMap<String, usize>,
    /// Every meeting, newest first (undated last, in bundle order).
    pub meetings: Vec<usize>,
    /// Items by case number, oldest meeting first.
    cases: HashMap<String, Vec<ItemRef>>,
}

impl Aggregates {
    pub fn new(bundle: &Bundle) -> Aggregates {
        let meetings = newest_first(bundle);
        let (people, person_at) = person::all(bundle, &meetings);
        let (committees, committee_at) = committee::all(bundle, &meetings, &people);
        Aggregates {
            people,
            person_at,
            committees,
            committee_at,
            cases: case::all(bundle, &meetings),
            meetings,
        }
    }

    /// A person by name, however it is cased or spelled without Danish letters.
    pub fn person(&self, name: &str) -> Option<&Person> {
        self.person_index(name).map(|i| &self.people[i])
    }

    /// Where a person is in `people`.
    pub fn person_index(&self, name: &str) -> Option<usize> {
        self.person_at.get(&fold(name.trim())).copied()
    }

    pub fn committee(&self, name: &str) -> Option<&Committee> {
        self.committee_index(name).map(|i| &self.committees[i])
    }

    /// Where a committee is in `committees`.
    pub fn committee_index(&self, name: &str) -> Option<usize> {
        self.committee_at.get(name.trim()).copied()
    }

    /// Every item with this case number, oldest first (empty when none has it).
    pub fn case(&self, number: &str) -> &[ItemRef] {
        self.cases
            .get(&case_key(number))
            .map_or(&[], |v| v.as_slice())
    }

    /// The meetings the committee and date filters keep, newest first.
    pub fn meetings_in(&self, bundle: &Bundle, filter: &Filter) -> Vec<usize> {
        self.meetings
            .iter()
            .copied()
            .filter(|&mi| {
                let m = &bundle.meetings[mi];
                let committee_ok = filter.committees.is_empty()
                    || m.committee
                        .as_ref()
                        .is_some_and(|c| filter.committees.contains(c));
                let date_ok = match m.date.as_deref() {
                    Some(d) => {
                        filter.from.as_deref().is_none_or(|f| d >= f)
                            && filter.to.as_deref().is_none_or(|t| d <= t)
                    }
                    None => filter.from.is_none() && filter.to.is_none(),
                };
                committee_ok && date_ok
            })
            .collect()
    }
}

/// Meeting positions, newest first; undated meetings last in bundle order.
fn newest_first(bundle: &Bundle) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bundle.meetings.len()).collect();
    order.sort_by(|&a, &b| {
        let (da, db) = (&bundle.meetings[a].date, &bundle.meetings[b].date);
        match (da, db) {
            (Some(x), Some(y)) => y.cmp(x).then(a.cmp(&b)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.cmp(&b),
        }
    });
    order
}

/// The years a chart spans: from the first to the last year with a count, but never more
/// than a century. A stray date (year 1, or a typo such as 2924) must neither draw a
/// thousand empty years nor push the real ones off the chart: of the centuries starting
/// at a year with a count, the one holding most counts wins (the later on a tie).
fn span(counts: &BTreeMap<u32, usize>) -> Option<(u32, u32)> {
    let best = counts
        .keys()
        .map(|&start| {
            let held: usize = counts
                .range(start..=start.saturating_add(100))
                .map(|(_, n)| n)
                .sum();
            (held, start)
        })
        .max()?;
    let start = best.1;
    let end = counts
        .range(start..=start.saturating_add(100))
        .next_back()?
        .0;
    Some((start, *end))
}

/// Year and quarter (1–4) of a `YYYY-MM-DD` date.
fn quarter_of(date: Option<&str>) -> Option<(u32, u32)> {
    let (y, m, _) = ymd(date?)?;
    Some((y, (m - 1) / 3 + 1))
}

/// Everyone absent from a meeting's items or from all of it, once each, in the order given.
pub fn meeting_absentees(m: &crate::model::Meeting) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    m.absent
        .iter()
        .chain(m.items.iter().flat_map(|i| &i.absent))
        .map(|a| a.name.trim())
        .filter(|n| !n.is_empty() && seen.insert(fold(n)))
        .map(str::to_string)
        .collect()
}
