//! The "nothing lost" check: every word of the input must appear in the meeting
//! the parser made of it.
//!
//! Words are runs of letters and digits. Three things are allowed to change form:
//! bullets (``, `o`, `-`) become `•`, a word split at a line end is joined, and
//! dates are normalised (`24. juni 2021` becomes `2021-06-24`), so month and
//! weekday names, `d.`/`den` before a date and `kl.` are not required verbatim.
//! Marker words that become structure (`Åben`/`Lukket` → `access`, `Fraværende: Ingen` → an
//! empty list, `Sagsgang`, `Bilag`) are listed in `MARKERS`.

mod present;
mod words;

use crate::model::Meeting;
use crate::reflow::letter_bullet;
use present::Present;
use std::sync::LazyLock;
use words::{skip_non_word, words, WordSet, Words};

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
    use super::present::{tests::scrambled, AHEAD_BYTES};
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
}
