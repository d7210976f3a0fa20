//! A committee's meetings, the outcomes of its items year by year, and who is absent most.

use super::Person;
use crate::dates::ymd;
use crate::model::{Bundle, Outcome};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Committee {
    pub name: String,
    /// Its meetings, newest first.
    pub meetings: Vec<usize>,
    pub items: usize,
    /// Outcomes of its items per year, oldest first, every year from the first to the last.
    pub years: Vec<YearOutcomes>,
    /// Who missed most of its items: position in `Aggregates::people`, items, meetings;
    /// most items first, then by name.
    pub absent_most: Vec<(usize, usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearOutcomes {
    pub year: u32,
    /// Counts in the order of [`Outcome::ALL`].
    pub outcomes: [usize; 9],
}

impl YearOutcomes {
    pub fn total(&self) -> usize {
        self.outcomes.iter().sum()
    }

    pub fn count(&self, o: Outcome) -> usize {
        self.outcomes[slot(o)]
    }
}

fn slot(o: Outcome) -> usize {
    Outcome::ALL.iter().position(|x| *x == o).unwrap_or(0)
}

pub(super) fn all(
    bundle: &Bundle,
    newest: &[usize],
    people: &[Person],
) -> (Vec<Committee>, HashMap<String, usize>) {
    let mut by_name: BTreeMap<&str, Committee> = BTreeMap::new();
    let mut years: BTreeMap<&str, BTreeMap<u32, [usize; 9]>> = BTreeMap::new();
    // Per committee, per person: items and meetings missed.
    let mut missed: BTreeMap<&str, HashMap<usize, (usize, usize)>> = BTreeMap::new();
    for &mi in newest {
        let m = &bundle.meetings[mi];
        let Some(name) = m.committee.as_deref() else {
            continue;
        };
        let c = by_name.entry(name).or_insert_with(|| Committee {
            name: name.to_string(),
            meetings: Vec::new(),
            items: 0,
            years: Vec::new(),
            absent_most: Vec::new(),
        });
        c.meetings.push(mi);
        c.items += m.items.len();
        if let Some((y, _, _)) = m.date.as_deref().and_then(ymd) {
            let counts = years.entry(name).or_default().entry(y).or_default();
            for item in &m.items {
                counts[slot(item.outcome)] += 1;
            }
        }
    }
    // Who missed what, read off each person's absences (one per meeting): linear, where
    // looking each meeting's absentees up again was not.
    for (p, person) in people.iter().enumerate() {
        for a in &person.absences {
            if let Some(name) = bundle.meetings[a.meeting].committee.as_deref() {
                let e = missed.entry(name).or_default().entry(p).or_default();
                e.0 += a.items.len();
                e.1 += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(by_name.len());
    let mut at = HashMap::with_capacity(by_name.len());
    for (name, mut c) in by_name {
        let totals: BTreeMap<u32, usize> = years
            .get(name)
            .map(|ys| ys.iter().map(|(&y, o)| (y, o.iter().sum())).collect())
            .unwrap_or_default();
        if let (Some(ys), Some((first, last))) = (years.get(name), super::span(&totals)) {
            c.years = (first..=last)
                .map(|year| YearOutcomes {
                    year,
                    outcomes: ys.get(&year).copied().unwrap_or_default(),
                })
                .collect();
        }
        let mut most: Vec<(usize, usize, usize)> = missed
            .get(name)
            .map(|m| m.iter().map(|(&p, &(i, n))| (p, i, n)).collect())
            .unwrap_or_default();
        most.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        c.absent_most = most;
        at.insert(name.to_string(), out.len());
        out.push(c);
    }
    (out, at)
}
