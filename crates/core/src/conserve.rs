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
use std::borrow::Cow;
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

type WordSet<'a> = HashSet<Cow<'a, str>, BuildHasherDefault<WordHasher>>;

/// Words the parser turns into structure rather than text.
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
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dec",
];

fn words(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
}

fn opt(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("")
}

/// All words in a meeting's strings, including the parts of normalised dates.
fn meeting_words<'a>(m: &'a Meeting, numbers: &'a [String]) -> WordSet<'a> {
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
    texts.into_iter().flat_map(words).collect()
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
    let have = meeting_words(meeting, &numbers);
    let markers: HashSet<&str> = MARKERS.iter().copied().collect();
    let lines: Vec<&str> = input
        .split('\n')
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}' || c == '\0'))
        .filter(|l| !l.is_empty())
        .collect();
    let mut lost = Vec::new();
    let mut reported = HashSet::new();
    for (n, line) in lines.iter().enumerate() {
        let line = match list_marker(line) {
            Some(crate::reflow::ListMarker::Bullet(rest)) => rest,
            _ => line,
        };
        let line_words: Vec<Cow<'_, str>> = words(line).collect();
        for (k, w) in line_words.iter().enumerate() {
            if have.contains(w) || markers.contains(w.as_ref()) {
                continue;
            }
            // A word split at a line end lives on joined with the next line's first word
            // (or, seen from the next line, with the previous line's last word).
            let joined_next = k + 1 == line_words.len()
                && line.trim_end().ends_with('-')
                && lines
                    .get(n + 1)
                    .and_then(|l| words(l).next())
                    .is_some_and(|next| have.contains(format!("{w}{next}").as_str()));
            let joined_prev = k == 0
                && n > 0
                && lines[n - 1].trim_end().ends_with('-')
                && words(lines[n - 1])
                    .last()
                    .is_some_and(|prev| have.contains(format!("{prev}{w}").as_str()));
            if !(joined_next || joined_prev) && reported.insert(w.to_string()) {
                lost.push(w.to_string());
            }
        }
    }
    lost
}
