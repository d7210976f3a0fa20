//! The "nothing lost" check: every word of the input must appear in the meeting
//! the parser made of it.
//!
//! Words are runs of letters and digits. Three things are allowed to change form:
//! bullets (``, `o`, `-`) become `•`, a word split at a line end is joined, and
//! dates are normalised (`24. juni 2021` becomes `2021-06-24`), so month and
//! weekday names, `d.`/`den` before a date and `kl.` are not required verbatim.
//! Marker words that become structure (`Åben`/`Lukket` → `access`, `Fraværende: Ingen` → an
//! empty list, `Sagsgang`, `Bilag`) are listed in `MARKERS`.

use crate::model::Meeting;
use crate::reflow::letter_bullet;
use std::cell::{Cell, OnceCell};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// An Fx-style hasher (8 bytes per step): SipHash showed up in the ingest profile,
/// and these keys are the input's own words, not attacker-chosen table keys.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}

type Fast = BuildHasherDefault<WordHasher>;

/// A set of lower-cased words. Words of up to 16 bytes (nearly all Danish
/// words) are packed into a `u128`, so checking one needs no allocation.
#[derive(Default)]
struct WordSet {
    short: HashSet<u128, Fast>,
    long: HashSet<String, Fast>,
}

enum Key {
    Short(u128),
    Long(String),
}

/// Lower-cases `word` straight into a `u128` when it fits: one pass, no allocation.
fn key(word: &str) -> Key {
    let mut buf = [0u8; 16];
    let mut len = 0;
    for c in word.chars() {
        let mut push = |c: char| {
            let mut utf8 = [0u8; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            if let Some(slot) = buf.get_mut(len..len + bytes.len()) {
                slot.copy_from_slice(bytes);
            }
            len += bytes.len();
        };
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else if c.is_uppercase() {
            c.to_lowercase().for_each(&mut push);
        } else {
            push(c);
        }
    }
    if len <= 16 {
        // Words hold no NUL bytes, so zero padding cannot make two words equal.
        Key::Short(u128::from_le_bytes(buf))
    } else {
        Key::Long(word.to_lowercase())
    }
}

impl WordSet {
    fn insert(&mut self, word: &str) -> bool {
        match key(word) {
            Key::Short(k) => self.short.insert(k),
            Key::Long(k) => self.long.insert(k),
        }
    }

    fn contains(&self, word: &str) -> bool {
        match key(word) {
            Key::Short(k) => self.short.contains(&k),
            Key::Long(k) => self.long.contains(&k),
        }
    }
}

/// Words the parser turns into structure rather than text. Month and weekday names
/// (from `dates`) may also go, since dates are normalised.
const MARKERS: &[&str] = &[
    "åben",
    "lukket",
    "sag",
    "punkt",
    "sagsgang",
    "fraværende",
    "fravær",
    "afbud",
    "stede",
    "bilag",
    "ingen",
    "d",
    "den",
    "kl",
    "sagsnr",
    "sagnr",
    "fra",
    "mødet",
];

/// Runs of letters and digits. Scans bytes, decoding only non-ASCII characters:
/// this runs over every word of the input and of the output.
fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

struct Words<'a> {
    text: &'a str,
    pos: usize,
}

/// Byte classes for the tokenizer: 0 ends a word, 1 is an ASCII letter or digit,
/// 2 starts a multi-byte character that must be looked at.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b >= 0x80 {
            2
        } else if (b as u8).is_ascii_alphanumeric() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether the multi-byte character starting at byte `i` is a letter or digit, and its
/// length. The Latin-1 letters (`æ`, `ø`, `å`, `é`, …) are decided from their bytes.
fn wide_word_char(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    if bytes[i] == 0xC3 {
        // U+00C0..=U+00FF: all letters but `×` (C3 97) and `÷` (C3 B7).
        let c = bytes[i + 1];
        return (c != 0x97 && c != 0xB7, 2);
    }
    let c = text[i..].chars().next().expect("i is a char boundary");
    (c.is_alphanumeric(), c.len_utf8())
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.pos;
        let start = loop {
            let Some(&b) = bytes.get(i) else {
                self.pos = i;
                return None;
            };
            match CLASS[usize::from(b)] {
                0 => i += 1,
                1 => break i,
                _ => match wide_word_char(text, i) {
                    (true, _) => break i,
                    (false, n) => i += n,
                },
            }
        };
        while let Some(&b) = bytes.get(i) {
            match CLASS[usize::from(b)] {
                0 => break,
                1 => i += 1,
                _ => match wide_word_char(text, i) {
                    (true, n) => i += n,
                    (false, _) => break,
                },
            }
        }
        self.pos = i;
        Some(&text[start..i])
    }
}

fn opt(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("")
}

/// Every string of a meeting, including the parts of normalised dates.
/// `numbers` holds, per item in order, the item's number and then its attachments' numbers
/// (those that have one), as text.
fn meeting_texts<'a>(m: &'a Meeting, numbers: &'a [String]) -> Vec<&'a str> {
    let mut numbers = numbers.iter().map(String::as_str);
    let mut texts: Vec<&str> = Vec::new();
    // In the order the input prints them, so `Present` finds words near each other.
    texts.extend([
        opt(&m.heading),
        opt(&m.committee),
        opt(&m.date),
        opt(&m.start_time),
        opt(&m.location),
    ]);
    for s in &m.sections {
        texts.extend([opt(&s.heading), s.text.as_str()]);
    }
    texts.extend(m.furniture.iter().map(String::as_str));
    for a in &m.absent {
        texts.extend([a.name.as_str(), opt(&a.party), opt(&a.note)]);
    }
    for i in &m.items {
        if i.number.is_some() {
            texts.extend(numbers.next());
        }
        texts.extend([opt(&i.title), opt(&i.case_number)]);
        texts.extend(i.route.iter().map(String::as_str));
        for s in &i.sections {
            texts.extend([opt(&s.heading), s.text.as_str()]);
        }
        for d in &i.decisions {
            texts.extend([opt(&d.heading), opt(&d.body), opt(&d.date), d.text.as_str()]);
            texts.extend(d.remarks.iter().map(String::as_str));
        }
        for a in &i.absent {
            texts.extend([a.name.as_str(), opt(&a.party), opt(&a.note)]);
        }
        for a in &i.attachments {
            if a.number.is_some() {
                texts.extend(numbers.next());
            }
            texts.extend([opt(&a.title), opt(&a.reference), opt(&a.note)]);
        }
    }
    texts
}

/// The meeting's text, walked in the order the meeting holds it. The parser keeps the
/// input's order nearly everywhere, and most lines reach the bundle verbatim (reflow
/// joins them with a space), so the walk mostly compares whole input lines with the
/// text at its cursor: no tokenizing, no hashing. A line that differs is checked word
/// by word near the cursor. Where a line is printed elsewhere (a block the parser moved),
/// a substring search outward from the cursor finds it and the walk resumes there; a
/// word found nowhere near (a normalised date) is searched for the same way. Those
/// searches have a budget of a few readings of the meeting; past it, an index of
/// positions is built once and answers instead, so the check stays linear.
struct Present<'a> {
    texts: Vec<&'a str>,
    /// Where each text starts if they were one string, and their total length last.
    starts: Vec<usize>,
    /// The cursor: a text, and a byte offset in it.
    ti: usize,
    at: usize,
    /// Bytes left for `resync`'s substring scans: keeps this linear too.
    scan_bytes: Cell<usize>,
    all: OnceCell<Vec<Word<'a>>>,
    index: OnceCell<Positions<'a>>,
    lower: OnceCell<WordSet>,
}

/// A word of the output with a fingerprint (its length and first bytes) that rules out
/// nearly every other word in one integer comparison, and where it ends.
#[derive(Clone, Copy)]
struct Word<'a> {
    key: u64,
    text: &'a str,
    ti: usize,
    end: usize,
}

fn fingerprint(text: &str) -> u64 {
    let mut key = text.len().min(255) as u64;
    for (i, &b) in text.as_bytes().iter().take(7).enumerate() {
        key |= u64::from(b) << (8 * (i + 1));
    }
    key
}

impl Word<'_> {
    fn is(&self, key: u64, text: &str) -> bool {
        self.key == key && self.text == text
    }
}

/// A word, or the start of a line, looked for in the meeting's texts: a hit counts only
/// where it starts a word and, if it ends with a letter or digit, ends one.
struct Needle<'n> {
    text: &'n str,
    finder: memchr::memmem::Finder<'n>,
    whole: bool,
}

impl<'n> Needle<'n> {
    fn new(text: &'n str) -> Self {
        Needle {
            text,
            finder: memchr::memmem::Finder::new(text),
            whole: text.chars().next_back().is_some_and(char::is_alphanumeric),
        }
    }

    /// Whether the hit at byte `at` of `t` is one. A hit of a whole UTF-8 needle starts
    /// on a character boundary.
    fn accepts(&self, t: &str, at: usize) -> bool {
        let inside_word = t[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let runs_on = self.whole && is_word_char_at(t, at + self.text.len());
        !inside_word && !runs_on
    }
}

/// What a substring search around the cursor found.
enum Scan {
    /// An offset in the meeting's texts as if they were one string.
    Found(usize),
    Absent,
    /// The meeting's budget for such searches is spent.
    OverBudget,
}

/// Where each word occurs: its first position, and from each position the next one.
struct Positions<'a> {
    first: HashMap<&'a str, u32, Fast>,
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

/// How many bytes the cursor looks ahead, and behind.
const AHEAD_BYTES: usize = 1024;
const BEHIND: usize = 240;
/// Substring scans of the whole meeting allowed for `resync`, and its first ring's radius.
const RESYNC_SCANS: usize = 16;
const RING: usize = 256;
/// How much of a line `resync` looks for, and how little is too common to say where.
const NEEDLE_BYTES: usize = 64;
const NEEDLE_MIN: usize = 12;
/// Occurrences of one word looked at for the one nearest the cursor.
const OCCURRENCES: usize = 1024;

/// Where the first letter or digit at or after byte `i` is.
fn skip_non_word(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        match CLASS[usize::from(b)] {
            0 => i += 1,
            1 => break,
            _ => match wide_word_char(text, i) {
                (true, _) => break,
                (false, n) => i += n,
            },
        }
    }
    i
}

fn is_word_char_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) => match CLASS[usize::from(b)] {
            0 => false,
            1 => true,
            _ => wide_word_char(text, i).0,
        },
    }
}

/// The number of equal bytes `a` and `b` start with, 16 at a time while they last.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 16 <= n {
        let chunk = |s: &[u8]| u128::from_ne_bytes(s[i..i + 16].try_into().expect("16 bytes"));
        if chunk(a) != chunk(b) {
            break;
        }
        i += 16;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

impl<'a> Present<'a> {
    fn new(texts: Vec<&'a str>) -> Self {
        let texts: Vec<&str> = texts.into_iter().filter(|t| !t.is_empty()).collect();
        let starts: Vec<usize> = std::iter::once(0)
            .chain(texts.iter().scan(0, |end, t| {
                *end += t.len();
                Some(*end)
            }))
            .collect();
        let bytes = starts[texts.len()];
        Present {
            texts,
            starts,
            ti: 0,
            at: 0,
            // About one word per 6 bytes.
            scan_bytes: Cell::new(bytes * RESYNC_SCANS),
            all: OnceCell::new(),
            index: OnceCell::new(),
            lower: OnceCell::new(),
        }
    }

    /// How much of `text` (which starts with a letter or digit) is, as whole words, the
    /// text at the cursor: a byte length, 0 if not even its first word. Moves the cursor
    /// past it.
    fn verbatim(&mut self, text: &str) -> usize {
        while let Some(t) = self.texts.get(self.ti) {
            self.at = skip_non_word(t, self.at);
            if self.at < t.len() {
                let rest = &t[self.at..];
                let mut j = common_prefix(text.as_bytes(), rest.as_bytes());
                while !text.is_char_boundary(j) {
                    j -= 1;
                }
                // Stop after the last word that is whole in both.
                if is_word_char_at(text, j) || is_word_char_at(rest, j) {
                    while let Some(c) = text[..j].chars().next_back() {
                        if !c.is_alphanumeric() {
                            break;
                        }
                        j -= c.len_utf8();
                    }
                }
                self.at += j;
                return j;
            }
            (self.ti, self.at) = (self.ti + 1, 0);
        }
        0
    }

    /// The cursor as an offset in the meeting's texts as if they were one string.
    fn cursor(&self) -> usize {
        self.starts[self.ti.min(self.texts.len())] + self.at
    }

    fn total(&self) -> usize {
        self.starts[self.texts.len()]
    }

    /// Whether `word` is printed near the cursor: at most `AHEAD_BYTES` ahead (the cursor
    /// then moves past it) or `BEHIND` bytes behind. Bounded in bytes, so a long run of
    /// dots or one huge token after the cursor is not read again on every miss.
    fn near(&mut self, word: &str) -> bool {
        let needle = Needle::new(word);
        let cursor = self.cursor();
        let ahead = (cursor + AHEAD_BYTES).min(self.total());
        if let Some(at) = self.find_ahead(&needle, cursor, ahead) {
            self.move_to(at + word.len());
            return true;
        }
        self.find_behind(&needle, cursor.saturating_sub(BEHIND), cursor)
            .is_some()
    }

    /// Moves the cursor to where the start of `line` (from a word's start) is printed
    /// nearest it, if anywhere: a block the parser moved (Aarhus prints the decision
    /// before the case's sections, the bundle after them) is found with a few substring
    /// searches instead of word by word. Only moves the cursor; which words count as
    /// found is still decided by `verbatim`.
    fn resync(&mut self, line: &str) -> bool {
        let mut end = line.len().min(NEEDLE_BYTES);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        // End the needle after a whole word: the text may continue a word the line cuts.
        if is_word_char_at(line, end) {
            while let Some(c) = line[..end].chars().next_back() {
                if !c.is_alphanumeric() {
                    break;
                }
                end -= c.len_utf8();
            }
        }
        let needle = line[..end].trim_end();
        if needle.is_empty() || needle.len() < NEEDLE_MIN.min(line.trim_end().len()) {
            return false;
        }
        match self.nearest(needle) {
            Scan::Found(at) => {
                self.move_to(at);
                true
            }
            Scan::Absent | Scan::OverBudget => false,
        }
    }

    /// Where `needle` is printed nearest the cursor, as an offset. Searches rings around
    /// the cursor, each four times wider, so a block moved a little is found after a
    /// little reading; the bytes read are charged to the meeting's budget.
    fn nearest(&self, needle: &str) -> Scan {
        let needle = Needle::new(needle);
        let len = needle.text.len();
        let (cursor, total) = (self.cursor(), self.total());
        let (mut ahead_done, mut behind_done) = (cursor, cursor);
        let mut radius = RING;
        while ahead_done < total || behind_done > 0 {
            let to = cursor.saturating_add(radius).min(total);
            let from = ahead_done.saturating_sub(len).max(cursor);
            if !self.charge(to.saturating_sub(from)) {
                return Scan::OverBudget;
            }
            if let Some(at) = self.find_ahead(&needle, from, to) {
                return Scan::Found(at);
            }
            ahead_done = to;
            let from = cursor.saturating_sub(radius);
            let to = (behind_done + len).min(total);
            if !self.charge(to.saturating_sub(from)) {
                return Scan::OverBudget;
            }
            if let Some(at) = self.find_behind(&needle, from, to) {
                return Scan::Found(at);
            }
            behind_done = from;
            radius = radius.saturating_mul(4);
        }
        Scan::Absent
    }

    /// Takes `bytes` from the budget for substring searches, if that much is left.
    fn charge(&self, bytes: usize) -> bool {
        let left = self.scan_bytes.get().checked_sub(bytes);
        self.scan_bytes.set(left.unwrap_or(0));
        left.is_some()
    }

    /// The texts overlapping `[from, to)` (offsets in the joined texts), first to last:
    /// each as its offset, the text, and the range of it inside `[from, to)`.
    fn slices(
        &self,
        from: usize,
        to: usize,
    ) -> impl DoubleEndedIterator<Item = (usize, &'a str, usize, usize)> + use<'_, 'a> {
        let first = self
            .starts
            .partition_point(|&s| s <= from)
            .saturating_sub(1);
        let last = self.starts.partition_point(|&s| s < to).saturating_sub(1);
        (first..=last).filter_map(move |ti| {
            let (t, base) = (self.texts.get(ti)?, self.starts[ti]);
            let lo = from.saturating_sub(base).min(t.len());
            let hi = to.saturating_sub(base).min(t.len());
            (lo < hi).then_some((base, *t, lo, hi))
        })
    }

    /// The first hit of `needle` in `[from, to)`, reading forward.
    fn find_ahead(&self, needle: &Needle<'_>, from: usize, to: usize) -> Option<usize> {
        self.slices(from, to).find_map(|(base, t, lo, hi)| {
            let mut hits = needle.finder.find_iter(&t.as_bytes()[lo..hi]);
            hits.find(|&hit| needle.accepts(t, lo + hit))
                .map(|hit| base + lo + hit)
        })
    }

    /// The last hit of `needle` in `[from, to)`. Read forward all the same: memchr's
    /// reverse search has no SIMD and was slower than reading the whole range.
    fn find_behind(&self, needle: &Needle<'_>, from: usize, to: usize) -> Option<usize> {
        self.slices(from, to).rev().find_map(|(base, t, lo, hi)| {
            let hits = needle.finder.find_iter(&t.as_bytes()[lo..hi]);
            hits.filter(|&hit| needle.accepts(t, lo + hit))
                .last()
                .map(|hit| base + lo + hit)
        })
    }

    fn move_to(&mut self, offset: usize) {
        let ti = self.starts.partition_point(|&s| s <= offset) - 1;
        (self.ti, self.at) = (ti, offset - self.starts[ti]);
    }

    /// Every word of the meeting with where it ends, made when first needed.
    fn all(&self) -> &Vec<Word<'a>> {
        self.all.get_or_init(|| {
            let mut all = Vec::new();
            for (ti, t) in self.texts.iter().enumerate() {
                all.extend(words(t).map(|w| Word {
                    key: fingerprint(w),
                    text: w,
                    ti,
                    end: w.as_ptr() as usize - t.as_ptr() as usize + w.len(),
                }));
            }
            all
        })
    }

    /// Whether `word` is anywhere in the meeting as printed. Moves the cursor to the
    /// occurrence nearest it that is followed by `next` (the input's next word), if any.
    fn anywhere(&mut self, word: &str, next: Option<&str>) -> bool {
        if self.index.get().is_none() {
            match self.nearest(word) {
                Scan::Found(at) => {
                    let end = at + word.len();
                    if next.is_some_and(|next| self.followed(end, next)) {
                        self.move_to(end);
                    }
                    return true;
                }
                Scan::Absent => return false,
                // Many words far from the cursor: no more reading the meeting again.
                Scan::OverBudget => {}
            }
        }
        let next_key = next.map(fingerprint);
        let all = self.all();
        // The cursor as a position in `all`: the first word ending after it.
        let cursor = all.partition_point(|w| (w.ti, w.end) <= (self.ti, self.at));
        let followed = |k: usize| match (next, next_key) {
            (Some(next), Some(nk)) => all.get(k + 1).is_some_and(|w| w.is(nk, next)),
            _ => false,
        };
        let index = self.index.get_or_init(|| Positions::new(all));
        let mut k = index.first.get(word).copied().unwrap_or(NONE);
        let found = k != NONE;
        let mut resync = None;
        // Occurrences come in order: the nearest is the last before the cursor or the
        // first after it.
        for _ in 0..OCCURRENCES {
            let Some(at) = (k != NONE).then_some(k as usize) else {
                break;
            };
            if followed(at) {
                let closer = resync.is_none_or(|r: usize| at.abs_diff(cursor) < r.abs_diff(cursor));
                if closer {
                    resync = Some(at);
                }
                if at >= cursor {
                    break;
                }
            }
            k = index.next[at];
        }
        if let Some(k) = resync {
            let (ti, end) = (all[k].ti, all[k].end);
            (self.ti, self.at) = (ti, end);
        }
        found
    }

    /// Whether the word after offset `end` (in the joined texts, same text) is `next`.
    fn followed(&self, end: usize, next: &str) -> bool {
        let ti = self.starts.partition_point(|&s| s <= end).saturating_sub(1);
        let Some(t) = self.texts.get(ti) else {
            return false;
        };
        let at = skip_non_word(t, end - self.starts[ti]);
        t[at..].starts_with(next) && !is_word_char_at(t, at + next.len())
    }

    /// Whether `word` is in the meeting in any case.
    fn without_case(&self, word: &str) -> bool {
        self.lower
            .get_or_init(|| {
                let mut set = WordSet::default();
                for w in self.all() {
                    set.insert(w.text);
                }
                set
            })
            .contains(word)
    }
}

impl<'a> Positions<'a> {
    fn new(words: &[Word<'a>]) -> Self {
        let mut first = HashMap::with_capacity_and_hasher(words.len() / 2, Fast::default());
        let mut next = vec![NONE; words.len()];
        for (k, w) in words.iter().enumerate().rev() {
            // Positions fit in u32: a meeting's text is far below 4 G words.
            if let Some(later) = first.insert(w.text, k as u32) {
                next[k] = later;
            }
        }
        Positions { first, next }
    }
}

static MARKER_SET: LazyLock<WordSet> = LazyLock::new(|| {
    let mut markers = WordSet::default();
    let date_words = crate::dates::MONTHS
        .iter()
        .chain(crate::dates::MONTH_ABBREVIATIONS)
        .chain(crate::dates::WEEKDAYS);
    for m in MARKERS.iter().chain(date_words) {
        markers.insert(m);
    }
    // The labels the parser turns into structure (`Sagsid.:`, `Fraværende med afbud:`,
    // `Deltagere`): their words are the vocabulary's, not the meeting's text.
    let w = &crate::vocabulary::Vocabulary::builtin().words;
    let labels = w
        .case_labels
        .iter()
        .chain(&w.journal_labels)
        .chain(&w.absence_labels)
        .chain(&w.attendance_labels)
        .chain(&w.decision_headings)
        .chain(&w.item_decision_headings)
        .chain(&w.document_words);
    for label in labels {
        for word in words(label) {
            markers.insert(word);
        }
    }
    for word in ["pkt", "åbent", "åbne", "lukkede", "nr"] {
        markers.insert(word);
    }
    markers
});

/// `BilagIngen`, `dagsordenÅbn`, `Indholdsfortegnelse1`: two words that a page's text glued
/// together at an element's edge (a lower-case letter followed by an upper-case one or a
/// digit), each kept apart.
fn glued_parts(word: &str) -> Option<(&str, &str)> {
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        // `BilagIngen`, or `Indholdsfortegnelse1` (a heading glued to an item's number).
        if prev_lower && (c.is_uppercase() || c.is_ascii_digit()) {
            return Some((&word[..i], &word[i..]));
        }
        prev_lower = c.is_lowercase();
    }
    None
}

/// Words of `input` that appear nowhere in `meeting`, in input order, each once.
pub fn lost_words(input: &str, meeting: &Meeting) -> Vec<String> {
    let numbers: Vec<String> = meeting
        .items
        .iter()
        .flat_map(|i| {
            i.number
                .into_iter()
                .chain(i.attachments.iter().filter_map(|a| a.number))
        })
        .map(|n| n.to_string())
        .collect();
    let mut have = Present::new(meeting_texts(meeting, &numbers));
    let markers = &*MARKER_SET;
    // The parser drops NUL bytes (PDF extractors leave them inside words); so does the check.
    let input: std::borrow::Cow<'_, str> = if input.contains('\0') {
        input.replace('\0', "").into()
    } else {
        input.into()
    };
    let lines: Vec<&str> = crate::reflow::pieces(&input, b'\n', b'\r')
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}' || c == '\0'))
        .filter(|l| !l.is_empty())
        .collect();
    let mut lost = Vec::new();
    let mut reported = WordSet::default();
    for (n, line) in lines.iter().enumerate() {
        // Other bullets are not letters, and the walk skips them anyway.
        let line = letter_bullet(line).unwrap_or(line);
        // As much of the line as is verbatim at the cursor, then one word on its own, and
        // so on: most lines are one verbatim run.
        let first_word = skip_non_word(line, 0);
        let mut pos = first_word;
        loop {
            pos = skip_non_word(line, pos);
            if pos >= line.len() {
                break;
            }
            let run = have.verbatim(&line[pos..]);
            if run > 0 {
                pos += run;
                continue;
            }
            let mut tokens = Words { text: line, pos };
            let w = tokens.next().expect("a word starts at pos");
            let is_first = pos == first_word;
            pos += w.len();
            let following = tokens.next();
            let is_last = following.is_none();
            if markers.contains(w) || have.near(w) {
                continue;
            }
            // A word split at a line end lives on joined with the next line's first word
            // (or, seen from the next line, with the previous line's last word), through
            // a line that is one hyphenated fragment (`Børne-` / `organisatio-` / `udvalget`).
            // Each hyphen may have been kept (`MED-`) or joined, so every span is tried.
            let after = if is_last {
                split_after(&lines, n)
            } else {
                Vec::new()
            };
            let before = if is_first {
                split_before(&lines, n)
            } else {
                Vec::new()
            };
            let spans: Vec<String> = std::iter::once("")
                .chain(before.iter().map(String::as_str))
                .flat_map(|b| {
                    std::iter::once("")
                        .chain(after.iter().map(String::as_str))
                        .map(move |a| (b, a))
                })
                .filter(|(b, a)| !b.is_empty() || !a.is_empty())
                .map(|(b, a)| format!("{b}{w}{a}"))
                .collect();
            let joined = spans.iter();
            if joined.clone().any(|j| have.near(j)) {
                continue;
            }
            // A block the parser moved: find where this line is printed, and walk on there.
            let from = pos - w.len();
            if have.resync(&line[from..]) {
                let run = have.verbatim(&line[from..]);
                if run > 0 {
                    pos = from + run;
                    continue;
                }
            }
            // From cheap to dear: case-insensitive lookups build a second set, so they come last.
            let kept = have.anywhere(w, following)
                || joined.clone().any(|j| have.anywhere(j, None))
                || have.without_case(w)
                || joined.into_iter().any(|j| have.without_case(j))
                || glued_parts(w).is_some_and(|(a, b)| {
                    (markers.contains(a) || have.without_case(a))
                        && (markers.contains(b) || have.without_case(b))
                });
            if !kept && reported.insert(w) {
                lost.push(w.to_lowercase());
            }
        }
    }
    lost
}

/// What may follow line `n`'s last word when the line ends in a hyphen: the next line's
/// first word, then that and the next when the next line is one hyphenated fragment, and
/// so on (nearest first).
fn split_after(lines: &[&str], n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut k = n;
    while lines[k].trim_end().ends_with('-') && k + 1 < lines.len() && out.len() < 8 {
        let Some(first) = words(lines[k + 1]).next() else {
            break;
        };
        let so_far = out.last().map_or("", String::as_str);
        out.push(format!("{so_far}{first}"));
        if words(lines[k + 1]).nth(1).is_some() {
            break;
        }
        k += 1;
    }
    out
}

/// What may precede line `n`'s first word when the line before ends in a hyphen: its last
/// word, then that line's fragment and the one before, and so on (nearest first).
fn split_before(lines: &[&str], n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut k = n;
    while k > 0 && lines[k - 1].trim_end().ends_with('-') && out.len() < 8 {
        let Some(last) = words(lines[k - 1]).last() else {
            break;
        };
        let so_far = out.last().map_or("", String::as_str);
        out.push(format!("{last}{so_far}"));
        if words(lines[k - 1]).nth(1).is_some() {
            break;
        }
        k -= 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    /// A meeting whose only text is these sections, in this order.
    fn meeting(sections: &[&str]) -> Meeting {
        Meeting {
            id: String::new(),
            committee: None,
            date: None,
            start_time: None,
            location: None,
            absent: Vec::new(),
            members: Vec::new(),
            items: Vec::new(),
            source: String::new(),
            heading: None,
            sections: sections
                .iter()
                .map(|t| Section {
                    heading: None,
                    text: t.to_string(),
                })
                .collect(),
            furniture: Vec::new(),
        }
    }

    #[test]
    fn lost_words_table() {
        let filler = " og".repeat(79);
        let cut_behind = format!("løbet{filler}");
        let cut_input = format!("{cut_behind}\nbet");
        let moved_out = "Første afsnit om skolerne. Andet afsnit om vejene.";
        // A 3,000-letter token after the cursor, longer than the look-ahead's byte budget.
        let long = format!("alfa {} beta", "x".repeat(3000));
        // The cursor waits at the token's start, so the budget ends that far into it.
        let cut = "x".repeat(AHEAD_BYTES);
        let long_cut_input = format!("alfa\n{cut}");
        let cases: &[(&str, &[&str], &[&str])] = &[
            // input, the meeting's sections, the words reported lost
            (
                "Første linje\nanden linje",
                &["Første linje anden linje"],
                &[],
            ),
            ("Første linje\nanden linje", &["Første linje"], &["anden"]),
            (
                "organisatio-\nnen er klar",
                &["organisationen er klar"],
                &[],
            ),
            ("lø-\nbet af året", &["løbet af året"], &[]),
            // A fragment that is hyphenated again (found by the property test).
            (
                "Børne-\norganisatio-\nudvalget mødes",
                &["Børneorganisatioudvalget mødes"],
                &[],
            ),
            // A hyphen kept before a joined one (`MED-` / `Børne-` / `organisatio-`).
            (
                "MED-\nBørne-\norganisatio- bemærker",
                &["MED-Børneorganisatio- bemærker"],
                &[],
            ),
            // A fragment hyphenated again on a line with more words stops the chain.
            (
                "Børne-\nog unge-\nudvalget",
                &["Børne-og ungeudvalget"],
                &[],
            ),
            // Blocks in another order than the input's: the walk picks up where they are.
            (
                "Andet afsnit om vejene.\nFørste afsnit om skolerne.",
                &[moved_out],
                &[],
            ),
            (
                "Andet afsnit om vejene.\nTredje afsnit.",
                &[moved_out],
                &["tredje"],
            ),
            // Normalised dates and markers.
            (
                "Åben sag\nMødet den 24. juni 2021",
                &["Mødet 2021-06-24"],
                &[],
            ),
            // Case differs: still kept.
            ("SAGSFREMSTILLING", &["Sagsfremstilling"], &[]),
            // A word is not kept by a longer word that contains it ...
            ("bet", &["løbet"], &["bet"]),
            // ... nor by the end of a word cut where the look behind the cursor begins.
            (&cut_input, &[&cut_behind], &["bet"]),
            ("", &[], &[]),
            ("alfa\nbeta", &[&long], &[]),
            ("alfa\ngamma", &[&long], &["gamma"]),
            // The budget ends inside the long token: its first part is not a word there.
            (&long_cut_input, &[&long], &[cut.as_str()]),
        ];
        for (input, sections, want) in cases {
            let got = lost_words(input, &meeting(sections));
            assert_eq!(got, *want, "input {input:?}, sections {sections:?}");
        }
    }

    #[test]
    fn a_moved_block_resyncs_the_walk_for_what_follows() {
        // 300 words in order after a moved sentence: all found near once resynced.
        let tail: String = (0..300).map(|i| format!("ord{i} ")).collect();
        let out = format!("{tail}. Flyttet sætning her.");
        let input = format!("Flyttet sætning her.\n{tail}");
        let m = meeting(&[&out]);
        assert_eq!(lost_words(&input, &m), Vec::<String>::new());
        let dropped = input.replace("ord150 ", "ord150 tabt ");
        assert_eq!(lost_words(&dropped, &m), ["tabt"]);
    }

    /// `n` distinct lines, and the same lines in a scrambled order.
    fn scrambled(n: usize) -> (Vec<String>, Vec<String>) {
        let lines: Vec<String> = (0..n).map(|i| format!("linje{i} med ord{i}")).collect();
        // 7919 is prime and does not divide `n`: a permutation that jumps far each step.
        let shuffled = (0..n).map(|i| lines[i * 7919 % n].clone()).collect();
        (lines, shuffled)
    }

    #[test]
    fn far_words_count_only_whole() {
        // Far beyond the look-ahead and look-behind: found by the searches around the cursor.
        let filler = "og ".repeat(2000);
        let m = meeting(&["Forløbet var godt.", &filler, "Slut."]);
        let walk = format!("{filler}\nSlut.");
        assert_eq!(
            lost_words(&format!("{walk}\nForløbet"), &m),
            Vec::<String>::new()
        );
        assert_eq!(lost_words(&format!("{walk}\nløbet"), &m), ["løbet"]);
        assert_eq!(lost_words(&format!("{walk}\nForløb"), &m), ["forløb"]);
    }

    #[test]
    fn scrambled_blocks_are_all_found() {
        let (lines, shuffled) = scrambled(1001);
        let m = meeting(&lines.iter().map(String::as_str).collect::<Vec<_>>());
        let input = shuffled.join("\n");
        assert_eq!(lost_words(&input, &m), Vec::<String>::new());
        let dropped = input.replace("ord500\n", "ord500 tabt\n");
        assert_eq!(lost_words(&dropped, &m), ["tabt"]);
    }

    #[test]
    fn a_spent_budget_falls_back_to_the_index() {
        let (lines, shuffled) = scrambled(1001);
        let mut have = Present::new(lines.iter().map(String::as_str).collect());
        // Far jumps spend the substring-search budget; then it says so instead of reading.
        let spent = shuffled.iter().any(|line| {
            let found = have.nearest(line);
            if let Scan::Found(at) = found {
                have.move_to(at);
            }
            matches!(found, Scan::OverBudget)
        });
        assert!(spent, "the budget should run out on a scrambled meeting");
        assert!(have.index.get().is_none());
        assert!(have.anywhere("ord7", Some("linje8")));
        assert!(have.index.get().is_some(), "looked up in the index");
        assert!(!have.anywhere("ord1001", None));
        assert!(!have.anywhere("ord", None));
    }
}
