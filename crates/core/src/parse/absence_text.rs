//! Absences told in running text: `Afbud fra Anna Aaen og Bo Kragh`, `Kristina Hviid deltog
//! ikke i dialogmødet.`, `Alle var til stede undtagen …`, in a meeting's opening or an item's
//! decision. Lists of people line by line are in `people.rs`.

use super::people::{parse_people_line, NAME};
use crate::model::Absence;
use regex::Regex;
use std::sync::LazyLock;

/// One sentence, anchored: `Names deltog ikke …`.
static DID_NOT_TAKE_PART: LazyLock<Regex> = LazyLock::new(|| {
    let one = format!(r"{NAME}(?:\s*\([^()]{{1,40}}\))?");
    Regex::new(&format!(
        r"^(?P<names>{one}(?:(?:\s*,\s*|\s+og\s+){one})*)\s+(?P<note>deltog\s+ikke\b.*)$"
    ))
    .expect("valid regex")
});

/// Where a text stands: before the first item (the meeting's own absences), or in an
/// item's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Meeting,
    Item,
}

/// One name in a sentence: capitalised words on one line, an initial with its full stop
/// (`Susanne K. Iliassen`) but no sentence's end (`Godkendt. Anna Aaen`).
const ONE: &str = r"(?:\p{Lu}\.|\p{Lu}[\p{L}'’\-]+)(?:[ \t]+(?:\p{Lu}\.|\p{Lu}[\p{L}'’\-]+|(?:von|van|der|de|af|la|le|du)\b))*(?:[ \t]*\([^()]{0,40}\))?";

/// A list of names (`A, B og C`) between what comes before and after it.
fn names_between(before: &str, after: &str) -> Regex {
    Regex::new(&format!(
        r"{before}(?P<names>{ONE}(?:(?:\s*,\s*|\s+og\s+){ONE})*){after}"
    ))
    .expect("valid regex")
}

static AFBUD_FRA: LazyLock<Regex> =
    LazyLock::new(|| names_between(r"(?i:\bafbud\s+fra)\s+(?:\d+\s+\p{Ll}+\s+)?", ""));
static WAS_ABSENT: LazyLock<Regex> = LazyLock::new(|| {
    names_between(
        r"(?m)(?:^|[.!?:]\s+)",
        r"\s+(?i:(?:var|er)\s+fraværende|(?:havde|har)\s+meldt\s+afbud|meldte\s+afbud|udeblev)",
    )
});
static EXCEPT: LazyLock<Regex> =
    LazyLock::new(|| names_between(r"(?i:(?:til\s+stede|mødt),?\s+undtagen):?\s+", ""));
/// The member a substitute stands in for: `I stedet for X deltog`, `mødte for X`,
/// `indkaldt som stedfortræder for X`, `Indkaldelse af stedfortræder for X`, `Suppleant
/// for X` in a member list. (`udpeget som stedfortræder for X i bestyrelsen` is a board
/// seat, not a meeting.)
static REPLACED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?i:\bi\s+stedet\s+for|\bmødte\s+for|\b(?:indkaldt|deltog|deltager|mødte)\s+som\s+(?:stedfortræder|suppleant)\s+for|\bindkaldelse\s+af\s+(?:stedfortræder|suppleant)\s+for)|\bSuppleant\s+for)\s+(?P<names>{ONE})|\bSom\s+(?:stedfortræder|suppleant)\s+for\s+(?P<before>{ONE})\s+(?:deltog|mødte)"
    ))
    .expect("valid regex")
});
/// A partial absence (`deltog ikke i pkt. 14-19`, `… den lukkede dagsorden`): for the
/// items it names, not for the whole meeting.
static PARTIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:pkt|punkt|punkterne|sag|sagerne|lukkede|kl)\b|\d").expect("valid regex")
});
/// A note that names items by number: `under punkterne 12-15`, `i pkt. 5`.
static OTHER_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:pkt|punkt|punkterne|punkt\s+nr|sag|sagerne)\.?\s*(?:nr\.?\s*)?\d")
        .expect("valid regex")
});

/// The people a text says were absent: `Der er afbud fra A, B og C`, `A var fraværende`,
/// `til stede, undtagen: A`, the member a substitute replaced, and `A deltog ikke i …`
/// (before the first item only when it is about the whole meeting).
pub fn absences_in_text(text: &str, scope: Scope) -> Vec<Absence> {
    let mut out: Vec<Absence> = Vec::new();
    let mut add = |people: Option<Vec<Absence>>| {
        for p in people.into_iter().flatten() {
            if !out.iter().any(|q| q.name == p.name) {
                out.push(p);
            }
        }
    };
    // Each pattern runs only where its key word is in the text (a stem without the first
    // letter, so `Afbud` and `afbud` both match; lower-casing every decision would cost more).
    type Keys = Vec<memchr::memmem::Finder<'static>>;
    static KEYS: LazyLock<[Keys; 4]> = LazyLock::new(|| {
        fn finders(keys: &[&'static str]) -> Keys {
            keys.iter()
                .map(|k| memchr::memmem::Finder::new(*k))
                .collect()
        }
        [
            finders(&["fbud"]),
            finders(&["ravær", "meldt afbud", "meldte afbud", "udeblev"]),
            finders(&["ndtagen"]),
            finders(&["tedet for", "ødte for", "træder for", "uppleant for"]),
        ]
    });
    let patterns: [&Regex; 4] = [&AFBUD_FRA, &WAS_ABSENT, &EXCEPT, &REPLACED];
    for (keys, pattern) in KEYS.iter().zip(patterns) {
        // The pattern runs on the sentence around each key word only, which keeps this
        // linear in long texts (a capturing search over a whole text is slow).
        let mut done = 0;
        for at in keys.iter().flat_map(|k| k.find_iter(text.as_bytes())) {
            if at < done {
                continue;
            }
            let (from, to) = sentence_around(text, at);
            done = to;
            let window = &text[from..to];
            for c in pattern.captures_iter(window) {
                // `Winnie Holm (i stedet for Brian Lund)` in a list is a remark on the list.
                let whole = from + c.get(0).map_or(0, |m| m.start());
                if text[..whole].trim_end().ends_with('(') {
                    continue;
                }
                let names = c.name("names").or(c.name("before"));
                add(names.and_then(|m| parse_people_line(m.as_str())));
            }
        }
    }
    // Before the first item, only the whole meeting counts; in an item, not a note that
    // names other items (`deltog ikke under punkterne 12-15`).
    let taking_part = did_not_take_part(text).into_iter().filter(|p| {
        let note = p.note.as_deref().unwrap_or("");
        match scope {
            Scope::Meeting => !PARTIAL.is_match(note),
            Scope::Item => !OTHER_ITEMS.is_match(note),
        }
    });
    add(Some(taking_part.collect()));
    out
}

const SENTENCE_WINDOW: usize = 400;

/// The sentence (or line) around byte `at`, at most a window either way: from just after
/// the previous line break or sentence end, to the next line break.
fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let from = floor_char_boundary(text, at.saturating_sub(SENTENCE_WINDOW));
    let to = floor_char_boundary(text, (at + SENTENCE_WINDOW).min(text.len()));
    let start = text[from..at]
        .rfind(['\n', '!', '?'])
        .map_or(from, |i| from + i + 1);
    let end = text[at..to].find('\n').map_or(to, |i| at + i);
    (start, end)
}

/// Built once: this runs over every section and decision text.
static DELTOG: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("deltog"));

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Finds "X deltog ikke i …" sentences in a text. A substring search finds the
/// candidates; the regex then runs on one sentence only, which keeps this linear.
pub fn did_not_take_part(text: &str) -> Vec<Absence> {
    let mut out = Vec::new();
    for at in DELTOG.find_iter(text.as_bytes()) {
        // Look at most one long sentence either way, so text without full stops stays linear.
        let from = floor_char_boundary(text, at.saturating_sub(SENTENCE_WINDOW));
        let to = floor_char_boundary(text, (at + SENTENCE_WINDOW).min(text.len()));
        let start = text[from..at]
            .rfind(['.', '!', '?', ':', '\n'])
            .map_or(from, |i| from + i + 1);
        let end = text[at..to].find(['.', '\n']).map_or(to, |i| at + i);
        let Some(c) = DID_NOT_TAKE_PART.captures(text[start..end].trim()) else {
            continue;
        };
        let note = c["note"].trim().to_string();
        if let Some(people) = parse_people_line(&c["names"]) {
            out.extend(people.into_iter().map(|p| Absence {
                note: Some(note.clone()),
                ..p
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::people::tests::a;

    #[test]
    fn did_not_take_part_sentences() {
        assert_eq!(
            did_not_take_part(
                "Punktet blev kort drøftet. Kristina Hviid deltog ikke i dialogmødet."
            ),
            vec![a("Kristina Hviid", None, Some("deltog ikke i dialogmødet"))]
        );
        assert_eq!(
            did_not_take_part(
                "Venstre tog forbehold.\nJesper Kjeldsen deltog ikke i sagens behandling."
            ),
            vec![a(
                "Jesper Kjeldsen",
                None,
                Some("deltog ikke i sagens behandling")
            )]
        );
        assert_eq!(
            did_not_take_part("Mette Skautrup (A) og Bünyamin Simsek (A) deltog ikke i punktet."),
            vec![
                a("Mette Skautrup", Some("A"), Some("deltog ikke i punktet")),
                a("Bünyamin Simsek", Some("A"), Some("deltog ikke i punktet"))
            ]
        );
        assert!(did_not_take_part("Han deltog ikke.").is_empty());
    }

    #[test]
    fn absence_sentences_table() {
        let names = |text: &str, scope: Scope| -> Vec<String> {
            absences_in_text(text, scope)
                .into_iter()
                .map(|a| a.name)
                .collect()
        };
        let cases: &[(&str, Scope, &[&str])] = &[
            ("Der er afbud fra Anne Holm, Bo Lund og Carl Berg.", Scope::Meeting, &["Anne Holm", "Bo Lund", "Carl Berg"]),
            ("Afbud fra Maria Hald (A). Som suppleant er indkaldt Karen Kruse (A).", Scope::Meeting, &["Maria Hald"]),
            ("Afbud fra Eva Holm stedfortræder Lars Bo", Scope::Item, &["Eva Holm"]),
            ("Godkendt.\nAnna Aaen og Bo Storm var fraværende.", Scope::Item, &["Anna Aaen", "Bo Storm"]),
            ("Mødet blev holdt. Karen Holm (V) havde meldt afbud.", Scope::Meeting, &["Karen Holm"]),
            ("Bo Mose havde meldt afbud, og Per Lind deltog i stedet. Ib Kamp udeblev uden afbud.", Scope::Meeting, &["Bo Mose", "Ib Kamp"]),
            ("Medlemmerne var til stede, undtagen: Gitte Kjær-Holm (V).", Scope::Meeting, &["Gitte Kjær-Holm"]),
            ("Alle medlemmer var mødt undtagen Anders Kühn og Inge Tryde, der havde meldt afbud.", Scope::Meeting, &["Anders Kühn", "Inge Tryde"]),
            ("I stedet for Vivi Kier deltog Preben Holm.", Scope::Meeting, &["Vivi Kier"]),
            ("Stedfortræder Jacob Rose mødte for Laura Lind, der havde forfald.", Scope::Meeting, &["Laura Lind"]),
            ("Som stedfortræder for Anders Kühn deltog Claus Kjeld.", Scope::Meeting, &["Anders Kühn"]),
            ("Erik Sand (V) var indkaldt som stedfortræder for Bo Kragh (V).", Scope::Meeting, &["Bo Kragh"]),
            ("Jørgen Kruse, Suppleant for Sakio Fleis, (S)", Scope::Meeting, &["Sakio Fleis"]),
            ("Indkaldelse af stedfortræder for Ole Skif", Scope::Item, &["Ole Skif"]),
            // A board seat, not a meeting.
            ("Gruppen har udpeget Rune Kall som stedfortræder for John Woz i bestyrelsen.", Scope::Meeting, &[]),
            // Part of the meeting only: not the meeting's absence.
            ("Ole Brink og Pia Vang deltog ikke i pkt. 9-12.", Scope::Meeting, &[]),
            ("Ole Brink deltog ikke i sagens behandling.", Scope::Item, &["Ole Brink"]),
        ];
        for (text, scope, want) in cases {
            assert_eq!(names(text, *scope), *want, "text `{text}`");
        }
    }
}
