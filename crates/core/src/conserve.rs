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
/// by word near the cursor; a word found nowhere near (a block the parser moved, a
/// normalised date) is looked for in a few full scans, then in an index of positions
/// built once, and where it is followed by the input's next word the walk resumes there.
struct Present<'a> {
    texts: Vec<&'a str>,
    /// The cursor: a text, and a byte offset in it.
    ti: usize,
    at: usize,
    /// Word comparisons left for full scans before the index is built: keeps this linear.
    budget: Cell<usize>,
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

/// Where each word occurs: its first position, and from each position the next one.
struct Positions<'a> {
    first: HashMap<&'a str, u32, Fast>,
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

/// How many words (and at most how many bytes) the cursor looks ahead, and how many bytes behind.
const AHEAD: usize = 24;
const AHEAD_BYTES: usize = 1024;
const BEHIND: usize = 240;
/// Full scans allowed per meeting before the index is built.
const SCANS: usize = 2;
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

/// The words of `text[..end]` in its last `bytes` bytes, never starting inside a word.
fn tail_words(text: &str, end: usize, bytes: usize) -> Words<'_> {
    let mut from = end.saturating_sub(bytes);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    if from > 0 && is_word_char_at(text, from) {
        // Skip the word cut in two: its end alone is not a word of the text.
        while from < end && is_word_char_at(text, from) {
            from += text[from..].chars().next().map_or(1, char::len_utf8);
        }
    }
    Words {
        text: &text[..end],
        pos: from,
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
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        Present {
            texts,
            ti: 0,
            at: 0,
            // About one word per 6 bytes.
            budget: Cell::new(bytes / 6 * SCANS),
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

    /// Whether `word` is printed near the cursor; moves the cursor past it if ahead.
    fn near(&mut self, word: &str) -> bool {
        let (mut ti, mut at) = (self.ti, self.at);
        // Ahead: `AHEAD` words, but never more than `AHEAD_BYTES` bytes, so a long run of
        // dots or one huge token after the cursor is not read again on every miss.
        let mut budget = AHEAD_BYTES;
        for _ in 0..AHEAD {
            let Some(t) = self.texts.get(ti) else { break };
            let mut limit = (at + budget).min(t.len());
            while !t.is_char_boundary(limit) {
                limit -= 1;
            }
            let Some(w) = (Words {
                text: &t[..limit],
                pos: at,
            })
            .next() else {
                if limit < t.len() {
                    break;
                }
                budget -= limit - at;
                (ti, at) = (ti + 1, 0);
                continue;
            };
            let end = w.as_ptr() as usize - t.as_ptr() as usize + w.len();
            if end == limit && limit < t.len() && is_word_char_at(t, limit) {
                // The budget ends inside this word: its start alone is not a word of the text.
                break;
            }
            budget -= end - at;
            at = end;
            if w == word {
                (self.ti, self.at) = (ti, at);
                return true;
            }
        }
        // Behind: the last `BEHIND` bytes before the cursor, over as many texts as that takes.
        let (mut ti, mut end) = match self.texts.get(self.ti) {
            Some(_) => (self.ti, self.at),
            // Past the end: behind is the end of the last text.
            None => match self.texts.len().checked_sub(1) {
                Some(last) => (last, self.texts[last].len()),
                None => return false,
            },
        };
        let mut left = BEHIND;
        loop {
            let t = self.texts[ti];
            if tail_words(t, end, left).any(|w| w == word) {
                return true;
            }
            left = left.saturating_sub(end);
            if left == 0 || ti == 0 {
                return false;
            }
            ti -= 1;
            end = self.texts[ti].len();
        }
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
        let (key, next_key) = (fingerprint(word), next.map(fingerprint));
        let all = self.all();
        let n = all.len();
        // The cursor as a position in `all`: the first word ending after it.
        let cursor = all.partition_point(|w| (w.ti, w.end) <= (self.ti, self.at));
        let followed = |k: usize| match (next, next_key) {
            (Some(next), Some(nk)) => all.get(k + 1).is_some_and(|w| w.is(nk, next)),
            _ => false,
        };
        let mut found = false;
        let mut resync = None;
        if self.index.get().is_none() && self.budget.get() >= n {
            self.budget.set(self.budget.get() - n);
            // Nearest first, alternating ahead and behind: text repeats in minutes.
            let (after, before) = (cursor..n, (0..cursor).rev());
            for k in interleave(after, before) {
                if all[k].is(key, word) {
                    found = true;
                    if followed(k) {
                        resync = Some(k);
                        break;
                    }
                }
            }
        } else {
            let index = self.index.get_or_init(|| Positions::new(all));
            let mut k = index.first.get(word).copied().unwrap_or(NONE);
            found = k != NONE;
            // Occurrences come in order: the nearest is the last before the cursor or the
            // first after it.
            for _ in 0..OCCURRENCES {
                let Some(at) = (k != NONE).then_some(k as usize) else {
                    break;
                };
                if followed(at) {
                    let closer =
                        resync.is_none_or(|r: usize| at.abs_diff(cursor) < r.abs_diff(cursor));
                    if closer {
                        resync = Some(at);
                    }
                    if at >= cursor {
                        break;
                    }
                }
                k = index.next[at];
            }
        }
        if let Some(k) = resync {
            let (ti, end) = (all[k].ti, all[k].end);
            (self.ti, self.at) = (ti, end);
        }
        found
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

/// `a0, b0, a1, b1, …`, then the rest of the longer one.
fn interleave<T>(
    a: impl Iterator<Item = T>,
    b: impl Iterator<Item = T>,
) -> impl Iterator<Item = T> {
    let (mut a, mut b) = (a.fuse(), b.fuse());
    let mut take_a = true;
    std::iter::from_fn(move || {
        let item = if take_a {
            a.next().or_else(|| b.next())
        } else {
            b.next().or_else(|| a.next())
        };
        take_a = !take_a;
        item
    })
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
    markers
});

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
            // (or, seen from the next line, with the previous line's last word).
            let next = (is_last && line.trim_end().ends_with('-'))
                .then(|| lines.get(n + 1).and_then(|l| words(l).next()))
                .flatten()
                .map(|next| format!("{w}{next}"));
            let prev = (is_first && n > 0 && lines[n - 1].trim_end().ends_with('-'))
                .then(|| words(lines[n - 1]).last())
                .flatten()
                .map(|prev| format!("{prev}{w}"));
            let joined = [&next, &prev].into_iter().flatten();
            // From cheap to dear: case-insensitive lookups build a second set, so they come last.
            let kept = joined.clone().any(|j| have.near(j))
                || have.anywhere(w, following)
                || joined.clone().any(|j| have.anywhere(j, None))
                || have.without_case(w)
                || joined.into_iter().any(|j| have.without_case(j));
            if !kept && reported.insert(w) {
                lost.push(w.to_lowercase());
            }
        }
    }
    lost
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

    #[test]
    fn interleave_alternates_then_drains() {
        let got: Vec<i32> = interleave([1, 3, 5, 7].into_iter(), [2, 4].into_iter()).collect();
        assert_eq!(got, [1, 2, 3, 4, 5, 7]);
    }
}
