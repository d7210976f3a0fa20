//! People in absence and member lists, line by line: `Fritz Birk Sørensen (A)`, `Ingen`,
//! `• Ulrik Falk-Sørensen (F) - Afbud`. Absences told in sentences are in `absence_text.rs`.

use crate::model::{Absence, Member};
use regex::Regex;
use std::sync::LazyLock;

pub(super) const NAME: &str =
    r"\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|von|van|der|de|af|la|le|du))*";

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<name>{NAME})\s*(?:\((?P<party>[^()]{{1,40}})\))?\s*(?P<rest>.*)$"
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

/// A word that marks a listed member as absent.
static ABSENT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:afbud|fraværende|ikke\s+til\s+stede|forfald)\b").expect("valid regex")
});
/// The name a member list's line starts with.
static NAME_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<name>{NAME})")).expect("valid regex"));

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

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// An absence, briefly (also for `absence_text`'s tests).
    pub(in crate::parse) fn a(name: &str, party: Option<&str>, note: Option<&str>) -> Absence {
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
