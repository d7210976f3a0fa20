//! The search index of a bundle: folded text, its words, short strings and the packed
//! per-entry data the filters read.

use super::filter::ItemRef;
use super::folded_part::FoldedPart;
use super::short_grams::ShortKeys;
use super::words::Words;
use crate::dates::ymd;
use crate::fold::fold;
use crate::model::{Access, Bundle, Item, Meeting, Outcome};
use std::collections::HashMap;

/// Folded text per item, built once per bundle, with the items holding each word and
/// each 1- or 2-byte string: a keystroke is answered from these, reading no item's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    pub(super) entries: Vec<Entry>,
    pub(super) words: Words,
    /// Unique per index built, so a `TermCache` knows whose word numbers it holds.
    pub(super) id: u64,
    by_id: HashMap<String, ItemRef>,
    meetings_by_id: HashMap<String, usize>,
    /// Per entry, what the filters other than text ask about, packed: a query reads
    /// these in one sequential pass instead of following pointers into the bundle.
    pub(super) meta: Vec<Meta>,
    /// The bundle's committees as written, sorted; entries refer to them by position.
    pub(super) committee_names: Vec<String>,
    /// Per entry: its committee's position in `committee_names`, or `NO_COMMITTEE`.
    pub(super) entry_committee: Vec<u16>,
    /// Per entry: the rank of its committee by folded name, for sorting by committee.
    pub(super) committee_rank: Vec<u32>,
    /// Which outcomes occur in the bundle (every one is listed in the facets).
    pub(super) outcomes_present: [bool; 9],
    /// For every 1- and 2-byte string of folded text: the entries containing it, as a
    /// bitset. A term that short is in most words; this answers it without looking at them.
    /// Indexed by `short_key`; a direct table, as hashing every byte of 100 MB slowed the load.
    pub(super) short_grams: Vec<Option<Box<[u64]>>>,
    /// Per meeting: its first entry (its items follow it).
    first_entry: Vec<u32>,
    /// While adding text: finds the 1- and 2-byte strings of the entry being added.
    short: ShortKeys,
    /// Per meeting: its text is in the index.
    text_added: Vec<bool>,
    text_pending: usize,
}

pub(super) const NO_COMMITTEE: u16 = u16::MAX;

pub(super) fn outcome_slot(o: Outcome) -> usize {
    Outcome::ALL
        .iter()
        .position(|x| *x == o)
        .expect("every outcome is in ALL")
}

/// An entry's date, outcome, access and dissent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Meta {
    /// `YYYYMMDD`, or `NO_DATE`, or `ODD_DATE` for a date not written `YYYY-MM-DD`.
    pub(super) date: u32,
    pub(super) outcome: u8,
    pub(super) closed: bool,
    pub(super) dissent: bool,
}

pub(super) const NO_DATE: u32 = 0;
pub(super) const ODD_DATE: u32 = u32::MAX;

/// A `YYYY-MM-DD` date as a number that sorts the same way.
pub(super) fn date_key(date: &str) -> Option<u32> {
    ymd(date).map(|(y, m, d)| y * 10_000 + m * 100 + d)
}

/// The list's default order of two meetings' dates: newest first, undated last (ties
/// are then broken by position in the bundle).
pub(crate) fn newest_first(a: Option<&str>, b: Option<&str>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// Entries are kept in the default order (newest first, undated last, then bundle order),
/// so a query walks them front to back and needs no sort for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    pub(super) at: ItemRef,
    pub(super) title: String,
    /// Title, case number, sections and decisions, folded, separated by newlines.
    pub(super) all: String,
    pub(super) absent: Vec<String>,
}

impl SearchIndex {
    /// The index of a whole bundle.
    pub fn new(bundle: &Bundle) -> SearchIndex {
        let mut index = SearchIndex::light(bundle);
        for (mi, m) in bundle.meetings.iter().enumerate() {
            index.add_text(mi, m);
        }
        index.finish_text();
        index
    }

    /// Everything but the free text: filters, facets and sorting are exact at once; a
    /// text matches nothing until [`SearchIndex::add_text`] has added the meetings'
    /// text (see [`SearchIndex::text_pending`]). For the packed layout (`crate::packed`),
    /// whose parts arrive after the light bundle.
    pub fn light(bundle: &Bundle) -> SearchIndex {
        // The default order first (newest first, undated last, then bundle order), so
        // entries are built in it: no second copy of anything (wasm memory never shrinks).
        let mut order: Vec<ItemRef> = bundle
            .meetings
            .iter()
            .enumerate()
            .flat_map(|(mi, m)| {
                (0..m.items.len()).map(move |ii| ItemRef {
                    meeting: mi,
                    item: ii,
                })
            })
            .collect();
        let date = |at: &ItemRef| bundle.meetings[at.meeting].date.as_deref();
        order.sort_by(|a, b| newest_first(date(a), date(b)).then(a.cmp(b)));
        let mut entries = Vec::with_capacity(order.len());
        let mut by_id = HashMap::with_capacity(order.len());
        let meetings_by_id = bundle
            .meetings
            .iter()
            .enumerate()
            .map(|(mi, m)| (m.id.clone(), mi))
            .collect();
        let mut first_entry = vec![0u32; bundle.meetings.len()];
        for (i, at) in order.into_iter().enumerate() {
            let m = &bundle.meetings[at.meeting];
            let item = &m.items[at.item];
            by_id.insert(item.id.clone(), at);
            // A meeting's items are next to each other in this order (same date, then
            // bundle order), so its first entry finds them all.
            if at.item == 0 {
                first_entry[at.meeting] = i as u32;
            }
            let absent = m
                .absent
                .iter()
                .chain(&item.absent)
                .map(|a| fold(a.name.trim()))
                .collect();
            entries.push(Entry {
                at,
                title: fold(item.title.as_deref().unwrap_or("")),
                all: String::new(),
                absent,
            });
        }
        let meta = entries
            .iter()
            .map(|e| {
                let m = &bundle.meetings[e.at.meeting];
                let item = &m.items[e.at.item];
                Meta {
                    date: m
                        .date
                        .as_deref()
                        .map_or(NO_DATE, |d| date_key(d).unwrap_or(ODD_DATE)),
                    outcome: outcome_slot(item.outcome) as u8,
                    closed: item.access == Access::Closed,
                    dissent: item.decisions.iter().any(|d| d.dissent),
                }
            })
            .collect();
        let mut committee_names: Vec<String> = bundle
            .meetings
            .iter()
            .filter_map(|m| m.committee.clone())
            .collect();
        committee_names.sort();
        committee_names.dedup();
        let mut by_fold: Vec<(String, usize)> = committee_names
            .iter()
            .enumerate()
            .map(|(i, c)| (fold(c), i))
            .collect();
        by_fold.sort();
        let mut rank_of = vec![0u32; committee_names.len()];
        for (rank, (_, i)) in by_fold.iter().enumerate() {
            rank_of[*i] = rank as u32;
        }
        let committee_of = |e: &Entry| {
            let c = bundle.meetings[e.at.meeting].committee.as_deref();
            c.and_then(|c| committee_names.binary_search_by(|n| n.as_str().cmp(c)).ok())
        };
        let entry_committee: Vec<u16> = entries
            .iter()
            .map(|e| committee_of(e).map_or(NO_COMMITTEE, |i| i as u16))
            .collect();
        let committee_rank = entry_committee
            .iter()
            .map(|&c| {
                if c == NO_COMMITTEE {
                    u32::MAX
                } else {
                    rank_of[c as usize]
                }
            })
            .collect();
        let mut outcomes_present = [false; 9];
        for item in bundle.meetings.iter().flat_map(|m| &m.items) {
            outcomes_present[outcome_slot(item.outcome)] = true;
        }
        let n = entries.len();
        SearchIndex {
            entries,
            words: Words::empty(n),
            id: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
            by_id,
            meetings_by_id,
            short_grams: vec![None; 1 << 16],
            meta,
            committee_names,
            entry_committee,
            committee_rank,
            outcomes_present,
            first_entry,
            short: ShortKeys::new(),
            text_added: vec![false; bundle.meetings.len()],
            text_pending: bundle.meetings.len(),
        }
    }

    /// Adds the free text of the meeting at position `mi`: `meeting` must have the
    /// items, in order, of the bundle the index was made from (`crate::packed::read_part`
    /// checks it). A meeting whose text is in already, or that does not fit, is left alone.
    pub fn add_text(&mut self, mi: usize, meeting: &Meeting) {
        self.add_meeting(mi, meeting, None);
    }

    /// [`SearchIndex::add_text`] for `meetings`, the meetings at positions `first`,
    /// `first + 1`, …, with their items folded and their short strings found elsewhere when
    /// `folded` has them ([`super::encode_folded_part`] of the same meetings; if its item
    /// count differs, everything is done here).
    pub fn add_texts(&mut self, first: usize, meetings: &[Meeting], folded: Option<FoldedPart>) {
        let items = meetings.iter().map(|m| m.items.len()).sum::<usize>();
        let mut folded = folded.filter(|k| k.len() == items);
        let mut p = 0;
        for (j, meeting) in meetings.iter().enumerate() {
            self.add_meeting(first + j, meeting, folded.as_mut().map(|k| (k, p)));
            p += meeting.items.len();
        }
    }

    /// Adds meeting `mi`; with `folded`, its item `ii` is item `from + ii` there, folded and
    /// with its short strings found.
    fn add_meeting(
        &mut self,
        mi: usize,
        meeting: &Meeting,
        mut folded: Option<(&mut FoldedPart, usize)>,
    ) {
        if self.text_added.get(mi) != Some(&false) {
            return;
        }
        let first = self.first_entry[mi] as usize;
        let fits = (0..meeting.items.len()).all(|ii| {
            self.entries.get(first + ii).is_some_and(|e| {
                e.at == ItemRef {
                    meeting: mi,
                    item: ii,
                }
            })
        });
        if !fits {
            return;
        }
        self.text_added[mi] = true;
        self.text_pending -= 1;
        let words = self.entries.len().div_ceil(64);
        for (ii, item) in meeting.items.iter().enumerate() {
            let i = first + ii;
            let all = match &mut folded {
                Some((k, from)) => k.take_text(*from + ii),
                None => folded_text(item),
            };
            self.words.add(i as u32, all.as_bytes());
            let found = match &folded {
                Some((k, from)) => k.item(from + ii),
                None => self.short.of(all.as_bytes()),
            };
            for &key in found {
                let bits = self.short_grams[usize::from(key)]
                    .get_or_insert_with(|| vec![0; words].into_boxed_slice());
                bits[i / 64] |= 1 << (i % 64);
            }
            self.entries[i].all = all;
        }
    }

    /// Frees what only adding text needed; call once every part is in (or given up).
    pub fn finish_text(&mut self) {
        self.words.finish();
        self.short = ShortKeys::empty();
    }

    /// Meetings whose text is not in the index yet: a free-text query is complete only at 0.
    pub fn text_pending(&self) -> usize {
        self.text_pending
    }

    pub fn item(&self, id: &str) -> Option<ItemRef> {
        self.by_id.get(id).copied()
    }

    pub fn meeting(&self, id: &str) -> Option<usize> {
        self.meetings_by_id.get(id).copied()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `item`'s searchable texts folded, each followed by a newline: what its words and short
/// strings are read from.
pub(super) fn folded_text(item: &Item) -> String {
    // Sized up front: grown by doubling, the texts of 40,000 items would hold a third
    // more memory than they use.
    let size = searchable_texts(item).map(|p| p.len() + 1).sum();
    let mut all = String::with_capacity(size);
    for part in searchable_texts(item) {
        all.push_str(&fold(part));
        all.push('\n');
    }
    all.shrink_to_fit();
    all
}

/// The texts free-text search looks at, in the order snippets prefer them.
pub fn searchable_texts(item: &Item) -> impl Iterator<Item = &str> {
    item.title
        .as_deref()
        .into_iter()
        .chain(item.case_number.as_deref())
        .chain(item.decisions.iter().flat_map(|d| {
            std::iter::once(d.text.as_str()).chain(d.remarks.iter().map(String::as_str))
        }))
        .chain(item.sections.iter().flat_map(|s| {
            s.heading
                .as_deref()
                .into_iter()
                .chain(std::iter::once(s.text.as_str()))
        }))
}
