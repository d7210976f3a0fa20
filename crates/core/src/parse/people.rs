//! People in absence lists: `Fritz Birk Sørensen (A)`, `Ingen`, and
//! sentences such as `Kristina Hviid deltog ikke i dialogmødet.`

use crate::model::{Absence, Member};
use regex::Regex;
use std::sync::LazyLock;

const NAME: &str = r"\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|von|van|der|de|af|la|le|du))*";

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<name>{NAME})\s*(?:\((?P<party>[^()]{{1,40}})\))?\s*(?P<rest>.*)$"
    ))
    .expect("valid regex")
});
/// One sentence, anchored: `Names deltog ikke …`.
static DID_NOT_TAKE_PART: LazyLock<Regex> = LazyLock::new(|| {
    let one = format!(r"{NAME}(?:\s*\([^()]{{1,40}}\))?");
    Regex::new(&format!(
        r"^(?P<names>{one}(?:(?:\s*,\s*|\s+og\s+){one})*)\s+(?P<note>deltog\s+ikke\b.*)$"
    ))
    .expect("valid regex")
});

/// Parses one line of an absence list. `None` when the line is not a list of people.
pub fn parse_people_line(line: &str) -> Option<Vec<Absence>> {
    // `Anders Fog- Petersen`: a name hyphenated across a PDF line is one name.
    let line = strip_bullet(line).replace("()", "").replace("- ", "-");
    let line = line.trim().trim_end_matches(['.', ',']).trim();
    if line.is_empty() {
        return None;
    }
    if matches!(
        line.to_lowercase().as_str(),
        "ingen" | "ingen fravær" | "ingen fraværende" | "-"
    ) {
        return Some(Vec::new());
    }
    let mut people = Vec::new();
    for piece in split_names(line) {
        people.push(parse_person(&piece)?);
    }
    (!people.is_empty()).then_some(people)
}

/// Whether a line of an absence list names people (all of it, or as it starts).
pub fn names_people(line: &str) -> bool {
    parse_people_line(line).is_some() || people_then_text(line).is_some()
}

/// A list of people followed by other text on the same line, as text extracted from a
/// PDF runs on: `Bent Hansen, Arne Kruse. Til behandling forelå:` or `Eva Holm 25. april
/// 2013`. The people, and where the rest of the line starts (`None` when the whole line is
/// a list, or no list starts it).
pub fn people_then_text(line: &str) -> Option<(Vec<Absence>, usize)> {
    static END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{L}{2}\.\s+\p{Lu}|\s\d").expect("valid regex"));
    let m = END.find(line)?;
    // Cut after the full stop (`…Petersen.`), or before the number.
    let cut = if line[m.start()..].starts_with(char::is_whitespace) {
        m.start()
    } else {
        m.start() + line[m.start()..].find('.').map_or(0, |i| i + 1)
    };
    let people = parse_people_line(&line[..cut])?;
    // Names only: `Melissa Holm: Spørgsmål til punkt 3` is a speaker, not a list.
    let plain = !people.is_empty() && people.iter().all(|p| p.note.is_none());
    plain.then_some((people, cut))
}

fn split_names(line: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    for part in line.split([',', ';']) {
        let mut current = String::new();
        for (i, chunk) in part.split(" og ").enumerate() {
            let starts_name = chunk.trim_start().starts_with(|c: char| c.is_uppercase());
            if i > 0 && starts_name {
                pieces.push(std::mem::take(&mut current));
            } else if i > 0 {
                current.push_str(" og ");
            }
            current.push_str(chunk);
        }
        // `Britt Jensen (A), sag 129-138`: a lower-case part is the note of the name before.
        match pieces.last_mut() {
            Some(prev) if current.trim_start().starts_with(char::is_lowercase) => {
                prev.push(',');
                prev.push_str(&current);
            }
            _ => pieces.push(current),
        }
    }
    pieces
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Offices printed before a name in lists (`Borgmester Anna Holm`): not part of the name.
const TITLES: &[&str] = &[
    "overborgmester",
    "borgmester",
    "viceborgmester",
    "rådmand",
    "formand",
    "næstformand",
    "byrådsmedlem",
    "kommunalbestyrelsesmedlem",
    "regionsrådsmedlem",
    "udvalgsmedlem",
    "medlem",
];

/// What may follow a name as a note without a dash: a reason or the items it concerns.
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s*(?:pga\.?|p\.g\.a\.?|grundet|på\s+grund\s+af|sag|sager|pkt\.?|punkt|punkterne|under|fra|kl\.?|efter|indtil|syg|sygdom|ferie|forfald|orlov)\b")
        .expect("valid regex")
});

/// `Borgmester Anna Holm`, `1. næstformand Bo Lund`: the office is not the name. Every
/// reader of names goes through this, so a member list and its absence marks agree on who.
fn without_office(piece: &str) -> &str {
    let mut piece = piece.trim();
    loop {
        let word = piece.split_whitespace().next().unwrap_or("");
        let rest = piece[word.len()..].trim_start();
        let is_office = |w: &str| TITLES.iter().any(|t| w.eq_ignore_ascii_case(t));
        // `1. næstformand`: an ordinal before an office is part of it.
        let ordinal = word.len() > 1
            && word.ends_with('.')
            && word[..word.len() - 1].bytes().all(|b| b.is_ascii_digit());
        let office_next = ordinal && is_office(rest.split_whitespace().next().unwrap_or(""));
        if office_next || (is_office(word) && rest.starts_with(char::is_uppercase)) {
            piece = rest;
        } else {
            return piece;
        }
    }
}

fn parse_person(piece: &str) -> Option<Absence> {
    let piece = without_office(piece);
    let c = PERSON.captures(piece)?;
    let name = c.name("name")?.as_str().trim().to_string();
    let party = c.name("party").map(|m| m.as_str().trim().to_string());
    let rest = c.name("rest").map_or("", |m| m.as_str()).trim();
    let words = name.split_whitespace().count();
    if words > 6 || (words < 2 && party.is_none()) || rest.chars().count() > 80 {
        return None;
    }
    // A note after the person must be separated from the name, e.g. `- sag 129-138`.
    let note = if rest.is_empty() {
        None
    } else if party.is_some() || rest.starts_with(['-', '–', ':']) || NOTE.is_match(rest) {
        Some(
            rest.trim_start_matches(['-', '–', ':', ',', ' '])
                .to_string(),
        )
        .filter(|n| !n.is_empty())
    } else {
        return None;
    };
    Some(Absence { name, party, note })
}

/// A list line without its bullet: `• Ulrik Falk-Sørensen (F) - Afbud`.
fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    match t.chars().next() {
        Some('•' | '·' | '▪' | '◦' | '*') => {
            t[t.chars().next().map_or(0, char::len_utf8)..].trim_start()
        }
        Some('-' | '–') if t[1..].starts_with(' ') || t.starts_with("– ") => {
            t[t.chars().next().map_or(0, char::len_utf8)..].trim_start()
        }
        _ => t,
    }
}

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
static ABSENT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:afbud|fraværende|ikke\s+til\s+stede|forfald)\b").expect("valid regex")
});
static NAME_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<name>{NAME})")).expect("valid regex"));

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

/// Everyone a member list names, one line at a time: `Anne Dahl (A), Bo Kragh (V)`,
/// `• Ulrik Falk-Sørensen (F) - Afbud`, `Peter Jacobsen (O), 1. næstformand`. A line that
/// names no one (a room, a sentence) adds nothing; marks of absence stay off the name.
pub fn members_listed(lines: &[&str]) -> Vec<Member> {
    // `Anna Ravn (A) Bent Lyng (V)`: a list run together (a flattened table) is split
    // after each party.
    static RUN_ON: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\)\s+(\p{Lu})").expect("valid regex"));
    let mut out: Vec<Member> = Vec::new();
    for line in lines {
        let line = &RUN_ON.replace_all(line, "), $1");
        let people = parse_people_line(line)
            .or_else(|| people_then_text(line).map(|(people, _)| people))
            .or_else(|| {
                let line = without_office(strip_bullet(line));
                let c = NAME_AT_START.captures(line)?;
                let name = c["name"].trim();
                let plain = name.split_whitespace().count() >= 2 && !ABSENT_MARK.is_match(name);
                plain.then(|| {
                    vec![Absence {
                        name: name.to_string(),
                        party: None,
                        note: None,
                    }]
                })
            })
            .unwrap_or_default();
        for p in people {
            let name = p.name.trim();
            // Every word of a member's name is capitalised: `Godkendelse af dagsorden`, an
            // agenda title after the list, is not a member.
            let capitalised = name
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
            if capitalised
                && name.split_whitespace().count() >= 2
                && !out.iter().any(|m| m.name == name)
            {
                out.push(Member {
                    name: name.to_string(),
                    party: p.party,
                });
            }
        }
    }
    out
}

/// Members of a member list marked as absent: `Peter Jacobsen (O), 1. næstformand- afbud`,
/// `• Ulrik Falk-Sørensen (F) - Afbud`.
pub fn marked_absent(lines: &[&str]) -> Vec<Absence> {
    let mut out = Vec::new();
    for line in lines {
        let line = without_office(strip_bullet(line));
        if !ABSENT_MARK.is_match(line) {
            continue;
        }
        let Some(c) = NAME_AT_START.captures(line) else {
            continue;
        };
        let name = c["name"].trim();
        if name.split_whitespace().count() >= 2 && !ABSENT_MARK.is_match(name) {
            out.push(Absence {
                name: name.to_string(),
                party: None,
                note: Some(line[c["name"].len()..].trim().to_string()).filter(|n| !n.is_empty()),
            });
        }
    }
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

    fn a(name: &str, party: Option<&str>, note: Option<&str>) -> Absence {
        Absence {
            name: name.into(),
            party: party.map(Into::into),
            note: note.map(Into::into),
        }
    }

    #[test]
    fn people_lines_table() {
        let cases: Vec<(&str, Option<Vec<Absence>>)> = vec![
            (
                "Fritz Birk Sørensen (A)",
                Some(vec![a("Fritz Birk Sørensen", Some("A"), None)]),
            ),
            (
                "Diana Therese Mikkelsen (Æ)",
                Some(vec![a("Diana Therese Mikkelsen", Some("Æ"), None)]),
            ),
            ("Ingen", Some(vec![])),
            (
                "Tom Bytoft (A), Jytte Schmidt (F) og Ole Olsen",
                Some(vec![
                    a("Tom Bytoft", Some("A"), None),
                    a("Jytte Schmidt", Some("F"), None),
                    a("Ole Olsen", None, None),
                ]),
            ),
            (
                "Hans Hansen (Løsgænger) - sag 129-138",
                Some(vec![a(
                    "Hans Hansen",
                    Some("Løsgænger"),
                    Some("sag 129-138"),
                )]),
            ),
            (
                "Britt Jensen (A), sag 129-138",
                Some(vec![a("Britt Jensen", Some("A"), Some("sag 129-138"))]),
            ),
            (
                "Borgmester Anna Mee Holm pga. arbejde.",
                Some(vec![a("Anna Mee Holm", None, Some("pga. arbejde"))]),
            ),
            (
                "Anders Fog- Petersen",
                Some(vec![a("Anders Fog-Petersen", None, None)]),
            ),
            (
                "Lars Ø. von Holstein (V)",
                Some(vec![a("Lars Ø. von Holstein", Some("V"), None)]),
            ),
            ("Det blev drøftet, at budgettet er stramt", None),
            ("Bilag:", None),
            ("Hansen", None),
        ];
        for (line, want) in cases {
            assert_eq!(parse_people_line(line), want, "line `{line}`");
        }
    }

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

    #[test]
    fn a_list_that_runs_into_text() {
        fn names(line: &str) -> Option<(Vec<String>, &str)> {
            people_then_text(line)
                .map(|(p, cut)| (p.into_iter().map(|a| a.name).collect(), &line[cut..]))
        }
        assert_eq!(
            names("Bent Hansen, Arne Kruse, Anders Fog- Petersen. Til behandling forelå:"),
            Some((
                vec![
                    "Bent Hansen".into(),
                    "Arne Kruse".into(),
                    "Anders Fog-Petersen".into()
                ],
                " Til behandling forelå:"
            ))
        );
        assert_eq!(
            names("Eva Holm, Ib Lund 25. april 2013"),
            Some((vec!["Eva Holm".into(), "Ib Lund".into()], " 25. april 2013"))
        );
        assert_eq!(names("Mødet blev holdt i salen. Alle var der."), None);
    }
}

#[cfg(test)]
mod member_list_tests {
    use super::*;

    /// A member list and its absence marks name the same person, office or not: otherwise
    /// one person is counted present and a second, "Borgmester …", absent.
    #[test]
    fn members_and_their_absence_marks_agree_on_the_name() {
        let lines = [
            "Borgmester Anna Holm (A) - Afbud",
            "1. næstformand Bo Lund (V)",
            "• Carl Hviid (C)",
            // The agenda after the list is no member.
            "Godkendelse af dagsorden",
            "Evaluering af Nationalt Topmøde",
        ];
        let members: Vec<(String, Option<String>)> = members_listed(&lines)
            .into_iter()
            .map(|m| (m.name, m.party))
            .collect();
        assert_eq!(
            members,
            [
                ("Anna Holm".to_string(), Some("A".to_string())),
                ("Bo Lund".to_string(), Some("V".to_string())),
                ("Carl Hviid".to_string(), Some("C".to_string())),
            ]
        );
        let absent: Vec<String> = marked_absent(&lines).into_iter().map(|a| a.name).collect();
        assert_eq!(absent, ["Anna Holm"]);
    }
}
