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
use crate::reflow::list_marker;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

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

impl Words<'_> {
    /// The length of the character at `i` if it is a letter or digit.
    fn word_char(&self, i: usize) -> (bool, usize) {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            return (b.is_ascii_alphanumeric(), 1);
        }
        let c = self.text[i..].chars().next().expect("i is a char boundary");
        (c.is_alphanumeric(), c.len_utf8())
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        let mut i = self.pos;
        while i < len {
            let (is_word, n) = self.word_char(i);
            if is_word {
                break;
            }
            i += n;
        }
        let start = i;
        while i < len {
            let (is_word, n) = self.word_char(i);
            if !is_word {
                break;
            }
            i += n;
        }
        self.pos = i;
        (start < i).then(|| &self.text[start..i])
    }
}

fn opt(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("")
}

/// Every string of a meeting, including the parts of normalised dates.
fn meeting_texts<'a>(m: &'a Meeting, numbers: &'a [String]) -> Vec<&'a str> {
    let mut texts: Vec<&str> = Vec::new();
    texts.extend([
        opt(&m.committee),
        opt(&m.date),
        opt(&m.start_time),
        opt(&m.location),
        opt(&m.heading),
    ]);
    for s in &m.sections {
        texts.extend([opt(&s.heading), s.text.as_str()]);
    }
    for a in &m.absent {
        texts.extend([a.name.as_str(), opt(&a.party), opt(&a.note)]);
    }
    texts.extend(numbers.iter().map(String::as_str));
    for i in &m.items {
        texts.extend([opt(&i.case_number), opt(&i.title)]);
        texts.extend(i.route.iter().map(String::as_str));
        for s in &i.sections {
            texts.extend([opt(&s.heading), s.text.as_str()]);
        }
        for d in &i.decisions {
            texts.extend([opt(&d.body), opt(&d.date), d.text.as_str(), opt(&d.heading)]);
            texts.extend(d.remarks.iter().map(String::as_str));
        }
        for a in &i.absent {
            texts.extend([a.name.as_str(), opt(&a.party), opt(&a.note)]);
        }
        for a in &i.attachments {
            texts.extend([opt(&a.title), opt(&a.reference), opt(&a.note)]);
        }
    }
    texts
}

/// The meeting's words: looked up as printed first (nearly every input word is there
/// verbatim), and only on a miss without case, with the lower-cased set built then.
struct Present<'a> {
    texts: Vec<&'a str>,
    exact: HashSet<&'a str, Fast>,
    lower: std::cell::OnceCell<WordSet>,
}

impl<'a> Present<'a> {
    fn new(texts: Vec<&'a str>) -> Self {
        // Sized up front (about one distinct word per 12 bytes of text): no rehashing.
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let mut exact = HashSet::with_capacity_and_hasher(bytes / 12, Fast::default());
        exact.extend(texts.iter().flat_map(|t| words(t)));
        Present {
            texts,
            exact,
            lower: std::cell::OnceCell::new(),
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.exact.contains(word)
            || self
                .lower
                .get_or_init(|| {
                    let mut set = WordSet::default();
                    for w in self.texts.iter().flat_map(|t| words(t)) {
                        set.insert(w);
                    }
                    set
                })
                .contains(word)
    }
}

/// Words of `input` that appear nowhere in `meeting`, in input order, each once.
pub fn lost_words(input: &str, meeting: &Meeting) -> Vec<String> {
    let item_numbers = meeting.items.iter().filter_map(|i| i.number);
    let attachment_numbers = meeting
        .items
        .iter()
        .flat_map(|i| &i.attachments)
        .filter_map(|a| a.number);
    let numbers: Vec<String> = item_numbers
        .chain(attachment_numbers)
        .map(|n| n.to_string())
        .collect();
    let have = Present::new(meeting_texts(meeting, &numbers));
    let mut markers = WordSet::default();
    let date_words = crate::dates::MONTHS
        .iter()
        .chain(crate::dates::MONTH_ABBREVIATIONS)
        .chain(crate::dates::WEEKDAYS);
    for m in MARKERS.iter().chain(date_words) {
        markers.insert(m);
    }
    // The parser drops NUL bytes (PDF extractors leave them inside words); so does the check.
    let input: std::borrow::Cow<'_, str> = if input.contains('\0') {
        input.replace('\0', "").into()
    } else {
        input.into()
    };
    let lines: Vec<&str> = input
        .split(['\n', '\r'])
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}' || c == '\0'))
        .filter(|l| !l.is_empty())
        .collect();
    let mut lost = Vec::new();
    let mut reported = WordSet::default();
    for (n, line) in lines.iter().enumerate() {
        let line = match list_marker(line) {
            Some(crate::reflow::ListMarker::Bullet(rest)) => rest,
            _ => line,
        };
        let mut tokens = words(line).peekable();
        let mut first = true;
        while let Some(w) = tokens.next() {
            let (is_first, is_last) = (std::mem::take(&mut first), tokens.peek().is_none());
            if have.exact.contains(w) || markers.contains(w) {
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
            let joined = |exact: bool| {
                [&next, &prev].into_iter().flatten().any(|j| {
                    if exact {
                        have.exact.contains(j.as_str())
                    } else {
                        have.contains(j)
                    }
                })
            };
            // Case-insensitive lookups build a second set, so they come last.
            let kept = joined(true) || have.contains(w) || joined(false);
            if !kept && reported.insert(w) {
                lost.push(w.to_lowercase());
            }
        }
    }
    lost
}
