//! Whether a word of the input is present in the meeting's text, walked in order.

use super::words::{is_word_char_at, skip_non_word, words, Fast, WordSet};
use std::cell::{Cell, OnceCell};
use std::collections::HashMap;

/// The meeting's text, walked in the order the meeting holds it. The parser keeps the
/// input's order nearly everywhere, and most lines reach the bundle verbatim (reflow
/// joins them with a space), so the walk mostly compares whole input lines with the
/// text at its cursor: no tokenizing, no hashing. A line that differs is checked word
/// by word near the cursor. Where a line is printed elsewhere (a block the parser moved),
/// a substring search outward from the cursor finds it and the walk resumes there; a
/// word found nowhere near (a normalised date) is searched for the same way. Those
/// searches have a budget of a few readings of the meeting; past it, an index of
/// positions is built once and answers instead, so the check stays linear.
pub(super) struct Present<'a> {
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
pub(super) const AHEAD_BYTES: usize = 1024;
const BEHIND: usize = 240;
/// Substring scans of the whole meeting allowed for `resync`, and its first ring's radius.
const RESYNC_SCANS: usize = 16;
const RING: usize = 256;
/// How much of a line `resync` looks for, and how little is too common to say where.
const NEEDLE_BYTES: usize = 64;
const NEEDLE_MIN: usize = 12;
/// Occurrences of one word looked at for the one nearest the cursor.
const OCCURRENCES: usize = 1024;

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
    pub(super) fn new(texts: Vec<&'a str>) -> Self {
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
    pub(super) fn verbatim(&mut self, text: &str) -> usize {
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
    pub(super) fn near(&mut self, word: &str) -> bool {
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
    pub(super) fn resync(&mut self, line: &str) -> bool {
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
    pub(super) fn anywhere(&mut self, word: &str, next: Option<&str>) -> bool {
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
    pub(super) fn without_case(&self, word: &str) -> bool {
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// `n` distinct lines, and the same lines in a scrambled order.
    pub(in crate::conserve) fn scrambled(n: usize) -> (Vec<String>, Vec<String>) {
        let lines: Vec<String> = (0..n).map(|i| format!("linje{i} med ord{i}")).collect();
        // 7919 is prime and does not divide `n`: a permutation that jumps far each step.
        let shuffled = (0..n).map(|i| lines[i * 7919 % n].clone()).collect();
        (lines, shuffled)
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
