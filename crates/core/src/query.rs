//! What the viewer asks of a bundle: filtering, free-text search, facet counts,
//! sorting, highlighting, and the URL hash that holds all of it. Pure, so it is
//! tested natively and the app only renders and dispatches.

use crate::dates::ymd;
use crate::fold::{fold, terms, Folded};
use crate::model::{Access, Bundle, Item, Meeting, Outcome};
pub use crate::route::{decode, encode, DatePreset, Route, View};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

/// Every filter the user can set. Empty sets and `None` mean "no restriction".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub committees: BTreeSet<String>,
    /// Inclusive `YYYY-MM-DD` bounds on the meeting date.
    pub from: Option<String>,
    pub to: Option<String>,
    pub absentee: Option<String>,
    pub outcomes: BTreeSet<Outcome>,
    pub dissent_only: bool,
    /// Only items with a personal note (the notes live on the device, not in the bundle:
    /// the caller passes the noted items to [`query_noted`]).
    pub noted: bool,
    pub access: Option<Access>,
    pub text: String,
    pub sort: Sort,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self
            == Filter {
                sort: self.sort,
                ..Filter::default()
            }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first.
    #[default]
    Date,
    Committee,
    /// Best match first; only meaningful with a search text (falls back to date).
    Relevance,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Date => "dato",
            Sort::Committee => "udvalg",
            Sort::Relevance => "relevans",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        [Sort::Date, Sort::Committee, Sort::Relevance]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Position of an item in the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub meeting: usize,
    pub item: usize,
}

/// Byte codes for trigram slots: letters, digits and common punctuation each have
/// their own; every other byte (those of non-ASCII letters) shares `OTHER`, so a slot
/// holding it stands for several trigrams: a filter then, not an answer. `SPACE` breaks.
const SPACE: u8 = 255;
const OTHER: u8 = 63;
static CODE: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = 1 + b as u8;
        b += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 27 + d as u8;
        d += 1;
    }
    let punct = b"-/.,:;()%&'\"+*!?=_<>[]#@$";
    let mut k = 0;
    while k < punct.len() {
        t[punct[k] as usize] = 37 + k as u8;
        k += 1;
    }
    let space = b" \t\n\r\x0b\x0c";
    let mut k = 0;
    while k < space.len() {
        t[space[k] as usize] = SPACE;
        k += 1;
    }
    t
};
const SLOTS: usize = 1 << 18;

/// The slot of a trigram, and whether it stands for that trigram alone.
fn slot(w: &[u8]) -> Option<(usize, bool)> {
    let (a, b, c) = (
        CODE[usize::from(w[0])],
        CODE[usize::from(w[1])],
        CODE[usize::from(w[2])],
    );
    if a == SPACE || b == SPACE || c == SPACE {
        return None;
    }
    let exact = a != OTHER && b != OTHER && c != OTHER;
    Some((
        (usize::from(a) << 12) | (usize::from(b) << 6) | usize::from(c),
        exact,
    ))
}

/// The entries holding one trigram: a sorted list while few do, a bitset once the
/// list would be the larger.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Postings {
    List(Vec<u32>),
    Bits(Box<[u64]>),
}

const NO_SET: u32 = u32::MAX;

/// Every trigram of folded text (whitespace excluded: terms hold none) with the entries
/// holding it. A term's trigrams give the only entries that can hold the term, exactly
/// enough that a 3-byte term needs no reading at all.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Trigrams {
    /// Per slot, its set in `sets`, or `NO_SET` when no entry holds it.
    slot_set: Vec<u32>,
    sets: Vec<Postings>,
    /// While adding: a bit per slot, set for the slots of the entry being added, so each
    /// is looked up once per entry (32 KB: the lookups of repeats stay in the cache).
    seen: Vec<u64>,
    /// The slots set in `seen`, to clear them after the entry.
    seen_slots: Vec<u32>,
    /// The number of entries.
    n: usize,
}

impl Trigrams {
    /// No text yet, for `n` entries; [`Trigrams::add`] adds each entry's text.
    fn empty(n: usize) -> Trigrams {
        Trigrams {
            slot_set: vec![NO_SET; SLOTS],
            sets: Vec::new(),
            seen: vec![0; SLOTS / 64],
            seen_slots: Vec::new(),
            n,
        }
    }

    /// Adds entry `i`'s folded text. Entries may come in any order, each once.
    fn add(&mut self, i: u32, text: &[u8]) {
        let words = self.n.div_ceil(64);
        // The slot of the last three bytes, rolled along (as `slot` computes it), and
        // how many bytes since the last space.
        let (mut key, mut run) = (0usize, 0usize);
        for &b in text {
            let code = CODE[usize::from(b)];
            if code == SPACE {
                run = 0;
                continue;
            }
            key = ((key << 6) | usize::from(code)) & (SLOTS - 1);
            run += 1;
            if run < 3 {
                continue;
            }
            let slot = key;
            let bit = 1u64 << (slot % 64);
            // An entry holds a trigram once however often.
            if self.seen[slot / 64] & bit != 0 {
                continue;
            }
            self.seen[slot / 64] |= bit;
            self.seen_slots.push(slot as u32);
            let id = match self.slot_set[slot] {
                NO_SET => {
                    self.slot_set[slot] = self.sets.len() as u32;
                    self.sets.push(Postings::List(Vec::new()));
                    self.sets.len() - 1
                }
                id => id as usize,
            };
            match &mut self.sets[id] {
                Postings::Bits(bits) => bits[i as usize / 64] |= 1 << (i % 64),
                Postings::List(list) => {
                    list.push(i);
                    // A list of n/32 entries is as large as a bitset.
                    if list.len() * 32 > self.n {
                        let mut bits = vec![0u64; words].into_boxed_slice();
                        for &j in list.iter() {
                            bits[j as usize / 64] |= 1 << (j % 64);
                        }
                        self.sets[id] = Postings::Bits(bits);
                    }
                }
            }
        }
        for slot in self.seen_slots.drain(..) {
            self.seen[slot as usize / 64] = 0;
        }
    }

    /// Frees what only adding needed.
    fn finish(&mut self) {
        for set in &mut self.sets {
            if let Postings::List(list) = set {
                list.shrink_to_fit();
            }
        }
        self.seen = Vec::new();
        self.seen_slots = Vec::new();
    }

    /// Clears in the bitset `acc` the entries that cannot hold `term` (3 bytes or more),
    /// and says whether every entry left does hold it (a 3-byte term of known bytes).
    fn narrow(&self, term: &[u8], acc: &mut [u64]) -> bool {
        let mut exact = term.len() == 3;
        for w in term.windows(3) {
            let set = slot(w).and_then(|(slot, one)| {
                exact &= one;
                let id = self.slot_set[slot];
                (id != NO_SET).then(|| &self.sets[id as usize])
            });
            match set {
                // A trigram no entry holds: nothing holds the term.
                None => {
                    acc.fill(0);
                    return true;
                }
                Some(Postings::Bits(bits)) => and(acc, bits),
                Some(Postings::List(list)) => {
                    let mut kept = vec![0u64; acc.len()];
                    for &j in list {
                        let (w, bit) = (j as usize / 64, 1u64 << (j % 64));
                        kept[w] |= acc[w] & bit;
                    }
                    acc.copy_from_slice(&kept);
                }
            }
        }
        exact
    }
}

fn and(acc: &mut [u64], bits: &[u64]) {
    acc.iter_mut().zip(bits).for_each(|(a, b)| *a &= b);
}

/// Folded text per item, built once per bundle, with the items holding each trigram
/// and each 1- or 2-byte string: a keystroke reads only the items that may match
/// instead of the whole archive, and short terms read none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    trigrams: Trigrams,
    /// Unique per index built, so a `TermCache` knows whose offsets it holds.
    id: u64,
    by_id: HashMap<String, ItemRef>,
    meetings_by_id: HashMap<String, usize>,
    /// Per entry, what the filters other than text ask about, packed: a query reads
    /// these in one sequential pass instead of following pointers into the bundle.
    meta: Vec<Meta>,
    /// The bundle's committees as written, sorted; entries refer to them by position.
    committee_names: Vec<String>,
    /// Per entry: its committee's position in `committee_names`, or `NO_COMMITTEE`.
    entry_committee: Vec<u16>,
    /// Per entry: the rank of its committee by folded name, for sorting by committee.
    committee_rank: Vec<u32>,
    /// Which outcomes occur in the bundle (every one is listed in the facets).
    outcomes_present: [bool; 9],
    /// For every 1- and 2-byte string of folded text: the entries containing it, as a
    /// bitset. A term that short has no trigrams; this answers it exactly, unread.
    /// Indexed by `short_key`; a direct table, as hashing every byte of 100 MB slowed the load.
    short_grams: Vec<Option<Box<[u64]>>>,
    /// Per meeting: its first entry (its items follow it).
    first_entry: Vec<u32>,
    /// While adding text: a bit per 1- or 2-byte string of the entry being added, and
    /// the strings set, to clear them after it.
    short_seen: Vec<u64>,
    short_keys: Vec<u16>,
    /// Per meeting: its text is in the index.
    text_added: Vec<bool>,
    text_pending: usize,
}

/// The `short_grams` slot of a 1- or 2-byte term (a 1-byte term is padded with 0).
fn short_key(term: &[u8]) -> usize {
    usize::from(term[0]) << 8 | usize::from(term.get(1).copied().unwrap_or(0))
}

const NO_COMMITTEE: u16 = u16::MAX;

fn outcome_slot(o: Outcome) -> usize {
    Outcome::ALL
        .iter()
        .position(|x| *x == o)
        .expect("every outcome is in ALL")
}

/// An entry's date, outcome, access and dissent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Meta {
    /// `YYYYMMDD`, or `NO_DATE`, or `ODD_DATE` for a date not written `YYYY-MM-DD`.
    date: u32,
    outcome: u8,
    closed: bool,
    dissent: bool,
}

const NO_DATE: u32 = 0;
const ODD_DATE: u32 = u32::MAX;

/// A `YYYY-MM-DD` date as a number that sorts the same way.
fn date_key(date: &str) -> Option<u32> {
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
struct Entry {
    at: ItemRef,
    title: String,
    /// Title, case number, sections and decisions, folded, separated by newlines.
    all: String,
    absent: Vec<String>,
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
            trigrams: Trigrams::empty(n),
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
            short_seen: vec![0; (1 << 16) / 64],
            short_keys: Vec::new(),
            text_added: vec![false; bundle.meetings.len()],
            text_pending: bundle.meetings.len(),
        }
    }

    /// Adds the free text of the meeting at position `mi`: `meeting` must have the
    /// items, in order, of the bundle the index was made from (`crate::packed::read_part`
    /// checks it). A meeting whose text is in already, or that does not fit, is left alone.
    pub fn add_text(&mut self, mi: usize, meeting: &Meeting) {
        if self.text_added.get(mi) != Some(&false) {
            return;
        }
        let first = self.first_entry[mi] as usize;
        let fits = meeting.items.iter().enumerate().all(|(ii, _)| {
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
            // Sized up front: grown by doubling, the texts of 40,000 items would hold a
            // third more memory than they use.
            let size = searchable_texts(item).map(|p| p.len() + 1).sum();
            let mut all = String::with_capacity(size);
            for part in searchable_texts(item) {
                all.push_str(&fold(part));
                all.push('\n');
            }
            all.shrink_to_fit();
            self.trigrams.add(i as u32, all.as_bytes());
            // Each 1- and 2-byte string once per entry: marked in a small local bitmap
            // first (8 KB, in the cache), then set in the index's large ones.
            let bytes = all.as_bytes();
            let (seen, keys) = (&mut self.short_seen, &mut self.short_keys);
            let mut mark = |key: usize| {
                let bit = 1u64 << (key % 64);
                if seen[key / 64] & bit == 0 {
                    seen[key / 64] |= bit;
                    keys.push(key as u16);
                }
            };
            // Each byte alone, and with the byte before it, where neither is whitespace.
            let mut prev: Option<u8> = None;
            for &b in bytes {
                if b.is_ascii_whitespace() {
                    prev = None;
                    continue;
                }
                mark(usize::from(b) << 8);
                if let Some(p) = prev {
                    mark(usize::from(p) << 8 | usize::from(b));
                }
                prev = Some(b);
            }
            for key in keys.drain(..) {
                let key = usize::from(key);
                seen[key / 64] = 0;
                let bits =
                    self.short_grams[key].get_or_insert_with(|| vec![0; words].into_boxed_slice());
                bits[i / 64] |= 1 << (i % 64);
            }
            self.entries[i].all = all;
        }
    }

    /// Frees what only adding text needed; call once every part is in (or given up).
    pub fn finish_text(&mut self) {
        self.trigrams.finish();
        self.short_seen = Vec::new();
        self.short_keys = Vec::new();
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

/// One result: where it is and how well it matched the text: the number of matches,
/// ten for each in the title. Counted only when sorting by relevance (0 otherwise,
/// and without a text), since the other orders need only whether an item matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub at: ItemRef,
    pub score: u32,
}

/// How an item fares against a filter; None from [`Matcher::eval`] means it fails
/// a filter that is neither committee nor outcome, so it counts nowhere.
struct Eval {
    committee_ok: bool,
    outcome_ok: bool,
    score: u32,
}

struct Matcher<'a> {
    filter: &'a Filter,
    /// The items with a personal note, for `filter.noted`.
    noted: &'a HashSet<ItemRef>,
    terms: Vec<String>,
    /// Per term, whether an entry's text must be read to know it holds the term: not
    /// for terms of one or two bytes, nor for three known bytes (the index answers them).
    verify: Vec<bool>,
    /// Per term, a SIMD substring searcher built once, not once per item.
    finders: Vec<memchr::memmem::Finder<'static>>,
    scoring: bool,
    absentee: Option<String>,
    /// The date bounds as numbers (`YYYYMMDD`; open ends at 0 and MAX), when both can be.
    dates: Option<(u32, u32)>,
    /// Which outcome slots the filter asks for.
    outcomes: [bool; 9],
}

impl<'a> Matcher<'a> {
    fn new(filter: &'a Filter, noted: &'a HashSet<ItemRef>) -> Self {
        let terms = terms(&filter.text);
        Matcher {
            filter,
            noted,
            verify: terms.iter().map(|t| t.len() > 2).collect(),
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
    fn eval(
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

/// Where each recent search term first occurs in each entry's folded text, kept between
/// queries: a term typed one letter longer is looked for only from where the shorter
/// one was found (or not at all where it was absent), and erasing reads nothing.
/// Offsets belong to one `SearchIndex`: used with another, the cache starts over.
#[derive(Debug, Default)]
pub struct TermCache {
    /// The `SearchIndex::id` the offsets belong to.
    index: Option<u64>,
    /// Most recently used first.
    levels: Vec<Level>,
}

#[derive(Debug)]
struct Level {
    term: String,
    /// Per entry: the first match's byte offset, `ABSENT`, or `UNKNOWN`.
    first: Vec<u32>,
}

const ABSENT: u32 = u32::MAX;
const UNKNOWN: u32 = u32::MAX - 1;
/// Terms remembered (each costs 4 bytes an entry: 160 KB at 40,000 items).
const LEVELS: usize = 12;

/// One term's first-match offsets for this query, and the nearest shorter term's.
struct Lookup {
    level: Level,
    /// Index in the cache of a remembered term that `level.term` starts with.
    parent: Option<usize>,
}

impl TermCache {
    /// Takes out the levels of `terms` (`None` where not wanted), made fresh where not
    /// remembered, each with its parent among the levels left.
    fn lookups(&mut self, terms: &[Option<&str>], entries: usize) -> Vec<Option<Lookup>> {
        let levels: Vec<Option<Level>> = terms
            .iter()
            .map(|t| {
                let t = (*t)?;
                Some(match self.levels.iter().position(|l| l.term == t) {
                    Some(k) => self.levels.remove(k),
                    None => Level {
                        term: t.to_string(),
                        first: vec![UNKNOWN; entries],
                    },
                })
            })
            .collect();
        levels
            .into_iter()
            .map(|level| {
                let level = level?;
                let parent = self
                    .levels
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| {
                        level.term.starts_with(l.term.as_str()) && l.term.len() < level.term.len()
                    })
                    .max_by_key(|(_, l)| l.term.len())
                    .map(|(k, _)| k);
                Some(Lookup { level, parent })
            })
            .collect()
    }

    fn keep(&mut self, lookups: Vec<Lookup>) {
        for l in lookups {
            self.levels.insert(0, l.level);
        }
        self.levels.truncate(LEVELS);
    }
}

/// Where `finder`'s term first occurs in entry `i`'s text, remembered in `look`.
fn first_match(
    all: &[u8],
    finder: &memchr::memmem::Finder<'_>,
    look: &mut Lookup,
    parents: &[Level],
    i: usize,
) -> Option<usize> {
    match look.level.first[i] {
        ABSENT => return None,
        UNKNOWN => {}
        at => return Some(at as usize),
    }
    // The term starts with the parent's, so it cannot occur before the parent does.
    let from = match look.parent.map(|p| parents[p].first[i]) {
        Some(ABSENT) => {
            look.level.first[i] = ABSENT;
            return None;
        }
        Some(UNKNOWN) | None => 0,
        Some(at) => at as usize,
    };
    let found = finder.find(&all[from..]).map(|k| from + k);
    look.level.first[i] = found.map_or(ABSENT, |at| at as u32);
    found
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
    let mut matcher = Matcher::new(filter, noted);
    let n = index.entries.len();
    if cache.index != Some(index.id) {
        *cache = TermCache {
            index: Some(index.id),
            levels: Vec::new(),
        };
    }
    let wanted: Vec<bool> = index
        .committee_names
        .iter()
        .map(|c| filter.committees.contains(c))
        .collect();
    let mut committee_counts = vec![0usize; index.committee_names.len()];
    let mut outcome_counts = [0usize; 9];
    // The entries that can hold every term, from the index alone: a bitset.
    let mut text_cands: Option<Vec<u64>> = None;
    for (k, t) in matcher.terms.iter().enumerate() {
        let acc = text_cands.get_or_insert_with(|| vec![!0; n.div_ceil(64)]);
        if t.len() <= 2 {
            // A short term found nowhere has no bitset: nothing holds it.
            match &index.short_grams[short_key(t.as_bytes())] {
                Some(bits) => and(acc, bits),
                None => acc.fill(0),
            }
        } else {
            matcher.verify[k] = !index.trigrams.narrow(t.as_bytes(), acc);
        }
    }
    // Terms whose text must be read (all of them when scoring counts matches).
    let wanted_terms: Vec<Option<&str>> = matcher
        .terms
        .iter()
        .zip(&matcher.verify)
        .map(|(t, &verify)| (verify || matcher.scoring).then_some(t.as_str()))
        .collect();
    let mut lookups = cache.lookups(&wanted_terms, n);
    let mut hits = Vec::new();
    // Entries are in date order, so the default sort is already done.
    for (i, (e, &meta)) in index.entries.iter().zip(&index.meta).enumerate() {
        let committee = index.entry_committee[i];
        let committee_ok = filter.committees.is_empty()
            || (committee != NO_COMMITTEE && wanted[committee as usize]);
        let text_ok = text_cands
            .as_ref()
            .is_none_or(|b| b[i / 64] & (1 << (i % 64)) != 0);
        let Some(mut v) = matcher.eval(bundle, e, meta, committee_ok, text_ok) else {
            continue;
        };
        // The text last, and only where the index cannot answer alone.
        let mut found = true;
        for (k, look) in lookups.iter_mut().enumerate() {
            let Some(look) = look else { continue };
            let finder = &matcher.finders[k];
            let Some(at) = first_match(e.all.as_bytes(), finder, look, &cache.levels, i) else {
                found = false;
                break;
            };
            if matcher.scoring {
                let n = finder.find_iter(&e.all.as_bytes()[at..]).count() as u32;
                v.score += n + 10 * finder.find_iter(e.title.as_bytes()).count() as u32;
            }
        }
        if !found {
            continue;
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
    cache.keep(lookups.into_iter().flatten().collect());
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

/// A person absent at least once, with the number of items they missed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absentee {
    pub name: String,
    pub party: Option<String>,
    pub items: usize,
}

/// Everyone absent from a meeting or an item, sorted by name (Danish letters folded).
pub fn absentees(bundle: &Bundle) -> Vec<Absentee> {
    let mut people: BTreeMap<String, Absentee> = BTreeMap::new();
    for m in &bundle.meetings {
        for item in &m.items {
            let mut seen = BTreeSet::new();
            for a in m.absent.iter().chain(&item.absent) {
                let key = fold(a.name.trim());
                if key.is_empty() || !seen.insert(key.clone()) {
                    continue;
                }
                let p = people.entry(key).or_insert_with(|| Absentee {
                    name: a.name.trim().to_string(),
                    party: a.party.clone(),
                    items: 0,
                });
                p.items += 1;
                if p.party.is_none() {
                    p.party = a.party.clone();
                }
            }
        }
        // Someone absent from a meeting with no items still counts as absent.
        if m.items.is_empty() {
            for a in &m.absent {
                let key = fold(a.name.trim());
                if !key.is_empty() {
                    people.entry(key).or_insert_with(|| Absentee {
                        name: a.name.trim().to_string(),
                        party: a.party.clone(),
                        items: 0,
                    });
                }
            }
        }
    }
    people.into_values().collect()
}

/// Byte ranges in `text` where a term of `query` matches (folded), merged and in order.
pub fn highlight(text: &str, query: &str) -> Vec<Range<usize>> {
    let terms = terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for t in &terms {
        for (at, _) in folded.text.match_indices(t.as_str()) {
            ranges.push(folded.original_range(at, at + t.len()));
        }
    }
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// A piece of text to render, marked when it is a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// `text` split into plain and matching segments.
pub fn segments(text: &str, query: &str) -> Vec<Segment> {
    split(text, &highlight(text, query))
}

fn split(text: &str, ranges: &[Range<usize>]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut pos = 0;
    for r in ranges {
        if r.start > pos {
            out.push(Segment {
                text: text[pos..r.start].to_string(),
                hit: false,
            });
        }
        out.push(Segment {
            text: text[r.clone()].to_string(),
            hit: true,
        });
        pos = r.end;
    }
    if pos < text.len() || out.is_empty() {
        out.push(Segment {
            text: text[pos..].to_string(),
            hit: false,
        });
    }
    out
}

/// A short passage around the first match in the item's texts, matches marked.
/// Title and case number are left out since the row shows them; None when only they matched.
pub fn snippet(item: &Item, query: &str, width: usize) -> Option<Vec<Segment>> {
    let texts = item
        .decisions
        .iter()
        .flat_map(|d| std::iter::once(d.text.as_str()).chain(d.remarks.iter().map(String::as_str)))
        .chain(item.sections.iter().map(|s| s.text.as_str()))
        // A heading ("Økonomiske konsekvenser") is the last resort.
        .chain(item.sections.iter().filter_map(|s| s.heading.as_deref()));
    for text in texts {
        let ranges = highlight(text, query);
        let Some(first) = ranges.first() else {
            continue;
        };
        let start = floor_char(text, first.start.saturating_sub(width / 3));
        let start = text[..start].rfind(char::is_whitespace).map_or(start, |i| {
            if first.start - i < width / 2 {
                i + 1
            } else {
                start
            }
        });
        let end = floor_char(text, (start + width).min(text.len()).max(first.end));
        let window: Vec<Range<usize>> = ranges
            .iter()
            .filter(|r| r.start >= start && r.end <= end)
            .map(|r| r.start - start..r.end - start)
            .collect();
        let mut segs = split(&text[start..end], &window);
        if start > 0 {
            segs.insert(
                0,
                Segment {
                    text: "…".into(),
                    hit: false,
                },
            );
        }
        if end < text.len() {
            segs.push(Segment {
                text: "…".into(),
                hit: false,
            });
        }
        return Some(segs);
    }
    None
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Resolves an item position.
pub fn get(bundle: &Bundle, at: ItemRef) -> (&Meeting, &Item) {
    let m = &bundle.meetings[at.meeting];
    (m, &m.items[at.item])
}
