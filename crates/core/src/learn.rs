//! Committee names learnt across one ingest run: a header that prints `ØK` and a
//! decision line that prints `Beslutning i Økonomiudvalget` name the same body. Learnt
//! pairs join the run's committee table, and every meeting and decision named by the
//! abbreviation gets the full name.

use crate::committees::Committees;
use crate::model::Meeting;

/// Whether `abbreviation` can be short for `name`: the same first letter, and the other
/// letters in the name in order (`ØK` for `Økonomiudvalget`, `TMU` for `Teknik- og
/// Miljøudvalget`).
pub fn abbreviates(abbreviation: &str, name: &str) -> bool {
    let mut a = abbreviation.chars().flat_map(char::to_lowercase);
    let mut n = name.chars().flat_map(char::to_lowercase);
    let (Some(a0), Some(n0)) = (a.next(), n.next()) else {
        return false;
    };
    a0 == n0 && a.all(|c| n.any(|d| d == c)) && name.chars().count() > abbreviation.chars().count()
}

fn is_abbreviation(s: &str) -> bool {
    (2..=6).contains(&s.chars().count()) && s.chars().all(char::is_uppercase)
}

/// Learns full names for the abbreviations meetings are named by, from the bodies of all
/// decisions in `meetings` (the same meeting's first), adds them to `committees`, and
/// renames. Returns the pairs learnt.
pub fn learn_committees(
    meetings: &mut [Meeting],
    committees: &mut Committees,
) -> Vec<(String, String)> {
    let bodies: Vec<String> = meetings
        .iter()
        .flat_map(|m| m.items.iter().flat_map(|i| &i.decisions))
        .filter_map(|d| d.body.clone())
        .filter(|b| !is_abbreviation(b))
        .collect();
    let mut learnt: Vec<(String, String)> = Vec::new();
    for m in meetings.iter() {
        let Some(c) = m.committee.as_deref().filter(|c| is_abbreviation(c)) else {
            continue;
        };
        if committees.expand(c).is_some() || learnt.iter().any(|(a, _)| a == c) {
            continue;
        }
        let own = m
            .items
            .iter()
            .flat_map(|i| &i.decisions)
            .filter_map(|d| d.body.as_deref());
        let full = own
            .chain(bodies.iter().map(String::as_str))
            .find(|b| abbreviates(c, b));
        if let Some(full) = full {
            learnt.push((c.to_string(), full.to_string()));
        }
    }
    for (abbreviation, full) in &learnt {
        committees.insert(abbreviation, full);
    }
    for m in meetings.iter_mut() {
        if let Some(full) = m.committee.as_deref().and_then(|c| committees.expand(c)) {
            if m.committee.as_deref().is_some_and(is_abbreviation) {
                m.committee = Some(full.to_string());
            }
        }
        for d in m.items.iter_mut().flat_map(|i| &mut i.decisions) {
            if let Some(full) = d
                .body
                .as_deref()
                .filter(|b| is_abbreviation(b))
                .and_then(|b| committees.expand(b))
            {
                d.body = Some(full.to_string());
            }
        }
    }
    learnt
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_minutes, Vocabulary};

    #[test]
    fn abbreviations_table() {
        for (a, n, want) in [
            ("ØK", "Økonomiudvalget", true),
            ("TMU", "Teknik- og Miljøudvalget", true),
            ("BFU", "Børne- og Familieudvalget", true),
            ("ØK", "Kommunalbestyrelsen", false),
            ("TMU", "Teknik og Plan", false),
        ] {
            assert_eq!(abbreviates(a, n), want, "{a} / {n}");
        }
    }

    #[test]
    fn a_header_abbreviation_meets_the_full_name_of_a_decision() {
        let v = Vocabulary::builtin();
        let with_decision = "Udvalg: ØK\nMødedato: 3. juni 2024\n\n1. Budget\nSagsnr.: 24/1\nBeslutning i Økonomiudvalget den 03-06-2024\nGodkendt.\n";
        let without = "Udvalg: ØK\nMødedato: 10. juni 2024\n\n1. Regnskab\nSagsnr.: 24/2\nBeslutning\nGodkendt.\n";
        let mut meetings = vec![
            parse_minutes(without, "b.txt", v).meeting,
            parse_minutes(with_decision, "a.txt", v).meeting,
        ];
        assert_eq!(meetings[0].committee.as_deref(), Some("ØK"));
        let mut committees = v.committees.clone();
        let learnt = learn_committees(&mut meetings, &mut committees);
        assert_eq!(learnt, [("ØK".to_string(), "Økonomiudvalget".to_string())]);
        assert_eq!(meetings[0].committee.as_deref(), Some("Økonomiudvalget"));
        assert_eq!(meetings[1].committee.as_deref(), Some("Økonomiudvalget"));
        assert_eq!(
            meetings[0].items[0].decisions[0].body.as_deref(),
            Some("Økonomiudvalget")
        );
        assert_eq!(committees.expand("ØK"), Some("Økonomiudvalget"));
    }
}
