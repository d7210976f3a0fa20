//! A person's absences, grouped by committee and by quarter, and their attendance where
//! the minutes list who was called.

use super::quarter_of;
use crate::fold::fold;
use crate::model::Bundle;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub party: Option<String>,
    /// Items missed: each item of a meeting missed whole, and each item missed alone.
    pub items_absent: usize,
    /// Meetings missed whole or in part, newest first.
    pub absences: Vec<MeetingAbsence>,
    /// Positions in `absences` by committee (by name; meetings with no committee last).
    pub by_committee: Vec<(Option<String>, Vec<usize>)>,
    /// Items and meetings missed per quarter, oldest first, every quarter from the first
    /// absence to the last (quarters with none included, so a chart's gaps are real).
    pub quarters: Vec<Quarter>,
    /// Only where the minutes list members: never a guess.
    pub attendance: Option<Attendance>,
}

/// One meeting a person missed, whole or some of its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingAbsence {
    pub meeting: usize,
    /// Absent from the whole meeting.
    pub whole: bool,
    /// The items missed (all of them when `whole`).
    pub items: Vec<usize>,
    /// What the minutes say of it (`afbud`, `deltog ikke i behandlingen`), first found.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quarter {
    pub year: u32,
    /// 1–4.
    pub quarter: u32,
    pub items: usize,
    pub meetings: usize,
}

/// Counted over the meetings whose minutes list members and name this person, as a
/// member or as absent: `present` of `listed` were not absent from the whole meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attendance {
    pub listed: usize,
    pub present: usize,
}

impl Attendance {
    /// Whole per cent, rounded half up.
    pub fn percent(self) -> u32 {
        if self.listed == 0 {
            return 0;
        }
        ((self.present * 200 + self.listed) / (self.listed * 2)) as u32
    }
}

/// Everyone, sorted by folded name, and where each key is.
pub(super) fn all(bundle: &Bundle, newest: &[usize]) -> (Vec<Person>, HashMap<String, usize>) {
    let mut people: BTreeMap<String, Person> = BTreeMap::new();
    let mut listed: HashMap<String, Attendance> = HashMap::new();
    for &mi in newest {
        let m = &bundle.meetings[mi];
        let mut here: BTreeMap<String, MeetingAbsence> = BTreeMap::new();
        for a in &m.absent {
            let Some(key) = enter(&mut people, &a.name, &a.party) else {
                continue;
            };
            let e = here.entry(key).or_insert_with(|| MeetingAbsence {
                meeting: mi,
                whole: true,
                items: (0..m.items.len()).collect(),
                note: None,
            });
            e.whole = true;
            e.items = (0..m.items.len()).collect();
            if e.note.is_none() {
                e.note.clone_from(&a.note);
            }
        }
        for (ii, item) in m.items.iter().enumerate() {
            for a in &item.absent {
                let Some(key) = enter(&mut people, &a.name, &a.party) else {
                    continue;
                };
                let e = here.entry(key).or_insert_with(|| MeetingAbsence {
                    meeting: mi,
                    whole: false,
                    items: Vec::new(),
                    note: None,
                });
                if !e.items.contains(&ii) {
                    e.items.push(ii);
                }
                if e.note.is_none() {
                    e.note.clone_from(&a.note);
                }
            }
        }
        if !m.members.is_empty() {
            for p in &m.members {
                enter(&mut people, &p.name, &p.party);
            }
            let named = m
                .members
                .iter()
                .map(|p| fold(p.name.trim()))
                .chain(m.absent.iter().map(|a| fold(a.name.trim())))
                .collect::<std::collections::BTreeSet<_>>();
            for key in named.into_iter().filter(|k| !k.is_empty()) {
                let whole = here.get(&key).is_some_and(|a| a.whole);
                let a = listed.entry(key).or_insert(Attendance {
                    listed: 0,
                    present: 0,
                });
                a.listed += 1;
                a.present += usize::from(!whole);
            }
        }
        for (key, absence) in here {
            if let Some(p) = people.get_mut(&key) {
                p.items_absent += absence.items.len();
                p.absences.push(absence);
            }
        }
    }
    let mut out: Vec<Person> = Vec::with_capacity(people.len());
    let mut at = HashMap::with_capacity(people.len());
    for (key, mut p) in people {
        p.attendance = listed.get(&key).copied();
        p.by_committee = by_committee(bundle, &p.absences);
        p.quarters = quarters(bundle, &p.absences);
        at.insert(key, out.len());
        out.push(p);
    }
    (out, at)
}

/// The key of a person, added if new; the first party printed for them sticks.
fn enter(
    people: &mut BTreeMap<String, Person>,
    name: &str,
    party: &Option<String>,
) -> Option<String> {
    let key = fold(name.trim());
    if key.is_empty() {
        return None;
    }
    let p = people.entry(key.clone()).or_insert_with(|| Person {
        name: name.trim().to_string(),
        party: None,
        items_absent: 0,
        absences: Vec::new(),
        by_committee: Vec::new(),
        quarters: Vec::new(),
        attendance: None,
    });
    if p.party.is_none() {
        p.party.clone_from(party);
    }
    Some(key)
}

fn by_committee(bundle: &Bundle, absences: &[MeetingAbsence]) -> Vec<(Option<String>, Vec<usize>)> {
    let mut groups: BTreeMap<(bool, Option<&String>), Vec<usize>> = BTreeMap::new();
    for (k, a) in absences.iter().enumerate() {
        let c = bundle.meetings[a.meeting].committee.as_ref();
        groups.entry((c.is_none(), c)).or_default().push(k);
    }
    groups
        .into_iter()
        .map(|((_, c), v)| (c.cloned(), v))
        .collect()
}

fn quarters(bundle: &Bundle, absences: &[MeetingAbsence]) -> Vec<Quarter> {
    let mut counts: BTreeMap<(u32, u32), (usize, usize)> = BTreeMap::new();
    for a in absences {
        if let Some(q) = quarter_of(bundle.meetings[a.meeting].date.as_deref()) {
            let c = counts.entry(q).or_default();
            c.0 += a.items.len();
            c.1 += 1;
        }
    }
    let mut per_year: BTreeMap<u32, usize> = BTreeMap::new();
    for (&(y, _), &(items, _)) in &counts {
        *per_year.entry(y).or_default() += items.max(1);
    }
    let Some((first, last)) = super::span(&per_year) else {
        return Vec::new();
    };
    let (Some(&start), Some(&end)) = (
        counts.range((first, 1)..).next().map(|(k, _)| k),
        counts.range(..=(last, 4)).next_back().map(|(k, _)| k),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut q) = start;
    while (y, q) <= end {
        let (items, meetings) = counts.get(&(y, q)).copied().unwrap_or_default();
        out.push(Quarter {
            year: y,
            quarter: q,
            items,
            meetings,
        });
        (y, q) = if q == 4 { (y + 1, 1) } else { (y, q + 1) };
    }
    out
}
