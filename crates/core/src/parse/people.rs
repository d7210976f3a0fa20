//! People in absence lists: `Fritz Birk Sørensen (A)`, `Ingen`, and
//! sentences such as `Kristina Hviid deltog ikke i dialogmødet.`

use crate::model::Absence;
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
    let line = line.trim().trim_end_matches(['.', ',']);
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
        pieces.push(current);
    }
    pieces
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn parse_person(piece: &str) -> Option<Absence> {
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
    } else if party.is_some() || rest.starts_with(['-', '–', ':']) {
        Some(rest.trim_start_matches(['-', '–', ':', ' ']).to_string()).filter(|n| !n.is_empty())
    } else {
        return None;
    };
    Some(Absence { name, party, note })
}

const SENTENCE_WINDOW: usize = 400;

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
}
