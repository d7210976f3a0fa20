//! The meeting's header: which body met, and when. Portals print it in many ways:
//! `Børne- og ungdomsudvalget 24-06-2021`, `Referat til mødet i Kommunalbestyrelsen
//! 2022-25 den 3. oktober 2022 kl. 19:00`, `25. september 2023 - referat fra byrådet`,
//! `Byrådet - Referat`, or the committee and the date on lines of their own.
//!
//! A line is read by taking the date (with weekday, `den`, `kl.` and time) out of it and
//! the document words (`Referat`, `fra mødet i`, `møde`) off its ends; what is left must be
//! a committee's name, or nothing.

use crate::dates::{find_date, DATE_PATTERN};
use crate::vocabulary::Vocabulary;
use regex::Regex;
use std::sync::LazyLock;

/// What a header line gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderLine {
    /// Committee and date on one line.
    Full { committee: String, date: String },
    /// A line that names the committee only (`Økonomiudvalget`, `Byrådet - Referat`).
    Committee(String),
    /// A line that gives the date only (`Referat 28.05.2013 kl. 16:30`).
    Date(String),
}

static DATE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b,?\s*)?(?:\b(?:den|d\.)\s*)?{DATE_PATTERN}(?:\s*(?:[-–,]\s*)?(?:\bkl\.?\s*)?\d{{1,2}}[.:]\d{{2}}(?:[.:]\d{{2}})?(?:\s*[-–]\s*\d{{1,2}}[.:]\d{{2}}(?:[.:]\d{{2}})?)?)?"
    ))
    .expect("valid regex")
});
/// Document words at the start: `Referat fra mødet i`, `Referat af ekstraordinært møde i`.
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)^(?:download\s+)?["“]?(?:\d{2}\s*[-–]\s*\d{2}\s+)?(?:[\p{L}-]+\s+kommune\.?\s+)?(?:(?:åbent|åben|lukket)\s+)?(?:(?P<doc>referat|beslutningsprotokol|protokol|dagsorden|mødereferat|indholdsfortegnelse)\b\.?\s*[:•|\-–]?\s*)?(?:(?:fra|af|for|til)\.?\s+)?(?:(?:det\s+)?(?:(?:ekstra)?ordinære?t?|konstituerende)\s+)?(?:(?:mødet|møde)\s+(?:i|for)\s+)?"#,
    )
    .expect("valid regex")
});
/// Document words at the end: `- Referat`, `s møde`, `Referat`, an election term `2022-2025`.
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\s*[-–•|:,.]?\s*(?:referat|beslutningsprotokol|protokol|dagsorden|mødereferat|ordinært møde|ekstraordinært møde)\b\.?|'?s?\s+møde(?:t)?|\s+(?:møde)?dato|,?\s*(?:s\.|side)\s*\d+|\s+\(?\d{4}\s*[-–]\s*\d{2,4}\)?|\s+(?:den|d\.|kl\.?|fra|af|til|for|i|om)|\s*[-–•|:,])+\s*$",
    )
    .expect("valid regex")
});
/// `… for Nordfyns Kommune`: the authority after the body's name.
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:for|i)\s+\S+\s+(?:kommune|region)$").expect("valid regex")
});
/// What may be left of a date-only line: the document and meeting words.
static DATE_LINE_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s|[-–•|:,.]|\breferat\b|\bdagsorden\b|\bbeslutningsprotokol\b|\bprotokol\b|\bordinært\b|\bekstraordinært\b|\bmøde\b|\bmødet\b|\bafholdt\b)*$",
    )
    .expect("valid regex")
});

/// Reads one line of the part before the first item as a header line.
pub fn header_line(line: &str, vocabulary: &Vocabulary) -> Option<HeaderLine> {
    let line = collapse_spaced(line.trim().trim_matches('|').trim());
    let line = line.as_ref();
    // `- Sammenlægning af Videnråd og Arbejdskraftråd`: an entry of a list, not a header.
    let bullet = line.starts_with("- ") || line.starts_with("• ") || line.starts_with("– ");
    if line.is_empty() || bullet || line.chars().count() > 160 {
        return None;
    }
    let (date, before, after) = match DATE_PHRASE.find(line) {
        Some(m) => (
            Some(find_date(m.as_str())?),
            line[..m.start()].trim(),
            line[m.end()..].trim(),
        ),
        None => (None, line, ""),
    };
    if let Some(date) = &date {
        // `Den 09.01.2020 kl. 13:00 i Tapperiet, …`: the place may follow the date.
        let place_after = after.starts_with("i ") || after.starts_with("på ");
        if DATE_LINE_REST.is_match(before) && (DATE_LINE_REST.is_match(after) || place_after) {
            return Some(HeaderLine::Date(date.clone()));
        }
    }
    // The name is before the date (`Byrådet 7. oktober 2024 i Rådhussalen`), or after it
    // (`25. september 2023 - referat fra byrådet`).
    let committee =
        committee_name(before, vocabulary).or_else(|| committee_name(after, vocabulary))?;
    Some(match date {
        Some(date) => HeaderLine::Full { committee, date },
        None => HeaderLine::Committee(committee),
    })
}

/// `R e f e r a t MØDE …`: a title letter-spaced in the PDF, its word put back together.
/// Only runs of five or more single letters: `I B C` is not a word.
fn collapse_spaced(line: &str) -> std::borrow::Cow<'_, str> {
    static SPACED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)((?:\p{L} ){4,}\p{L})(?:\s|$)").expect("valid regex")
    });
    // Cheap test first: a letter, a space, a letter, a space at the start.
    let b = line.as_bytes();
    let spaced_start = b.len() > 8 && b[1] == b' ' && b[3] == b' ';
    if !spaced_start {
        return std::borrow::Cow::Borrowed(line);
    }
    SPACED.replace_all(line, |c: &regex::Captures| {
        let whole = &c[0];
        let word: String = c[1].split(' ').collect();
        whole.replace(&c[1], &word)
    })
}

/// The committee named by `text` once document words are off its ends, or `None` when
/// what is left is not a body's name (a sentence, a room, a list of members).
pub fn committee_name(text: &str, vocabulary: &Vocabulary) -> Option<String> {
    let text = text
        .trim()
        .trim_start_matches(['-', '–', '•', '|', ':', ','])
        .trim();
    let lead = LEADING.captures(text);
    let after = lead
        .as_ref()
        .and_then(|c| c.get(0))
        .map_or(text, |m| &text[m.end()..]);
    // `Referat MØDE 6-2015 Fredensborg Seniorråd`: the meeting word and its number.
    let after = MEETING_WORD
        .find(after)
        .map_or(after, |m| &after[m.end()..]);
    if let Some(name) = plain_name(after, vocabulary) {
        return Some(name);
    }
    // `Referat Udvalget for Kultur og Planlægning's møde Tirsdag …`, `Referat Økonomiudvalget
    // kl. 14:00 Lokale 83`: after a document word, the name runs to the first word that is
    // not part of one.
    if lead.is_some_and(|c| c.name("doc").is_some()) {
        let end = NAME_END.find(after).map_or(after.len(), |m| m.start());
        return plain_name(&after[..end], vocabulary);
    }
    None
}

/// `MØDE`, `Møde nr. 5`, `MØDE 6-2015.` before a body's name (never `Møde i …`: LEADING).
static MEETING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:møde)\s+(?:(?i:nr)\.?\s*\d+\s+|\d+[-/]\d+\.?\s+)?").expect("valid regex")
});

/// Where a body's name ends in a title line: its abbreviation in brackets, `'s møde`, a
/// weekday, `den`, `kl.`, a number or a full stop.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s*\(|'s\s+møde|\s+s\s+møde\b|\s+(?:ordinært\s+|ekstraordinært\s+)?møde\b|\s+(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|den|d\.|kl\.?)(?:\s|$)|\s+\d|\s*[.,;:](?:\s|$)",
    )
    .expect("valid regex")
});

/// `text` as a body's name, once document words are off its end.
fn plain_name(after: &str, vocabulary: &Vocabulary) -> Option<String> {
    let name = TRAILING.replace(after, "");
    let name = AUTHORITY.replace(name.trim(), "");
    let name = name.trim().trim_matches(['"', '\'', '”', '“']).trim();
    let words = name.split_whitespace().count();
    let first = name.chars().next()?;
    let plausible = (1..=7).contains(&words)
        && name.chars().count() <= 80
        && (first.is_uppercase() || words == 1)
        && !name.contains(['.', ':', ';', '!', '?', '(', '/'])
        && !name.to_lowercase().contains("medlem")
        && vocabulary.is_committee_name(name);
    plausible.then(|| tidy(&vocabulary.expand(name)))
}

/// `KOMMUNALBESTYRELSEN` → `Kommunalbestyrelsen`, `byrådet` → `Byrådet`: the name as a
/// reader writes it.
pub fn tidy(name: &str) -> String {
    let mut letters = name.chars().filter(|c| c.is_alphabetic());
    let all_caps = letters.clone().nth(3).is_some() && letters.all(char::is_uppercase);
    if !all_caps && name.starts_with(char::is_uppercase) {
        return name.to_string();
    }
    let base = if all_caps {
        name.to_lowercase()
    } else {
        name.to_string()
    };
    let mut chars = base.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use HeaderLine::*;

    #[test]
    fn header_lines_table() {
        let v = Vocabulary::builtin();
        let full = |c: &str, d: &str| {
            Some(Full {
                committee: c.into(),
                date: d.into(),
            })
        };
        let cases = [
            (
                "Børne- og ungdomsudvalget 24-06-2021",
                full("Børne- og ungdomsudvalget", "2021-06-24"),
            ),
            (
                "REFERAT Aarhus Byråd d. 27-08-2025",
                full("Aarhus Byråd", "2025-08-27"),
            ),
            (
                "Referat til mødet i Kommunalbestyrelsen 2022-25 den 3. oktober 2022 kl. 19:00",
                full("Kommunalbestyrelsen", "2022-10-03"),
            ),
            (
                "25. september 2023 - referat fra byrådet",
                full("Byrådet", "2023-09-25"),
            ),
            (
                "Referat for Byrådet møde den 1. februar 2016",
                full("Byrådet", "2016-02-01"),
            ),
            (
                "Regionsrådet - referat 26-01-2009",
                full("Regionsrådet", "2009-01-26"),
            ),
            (
                "Referat af Byrådets møde d. 16.12.2014",
                full("Byrådet", "2014-12-16"),
            ),
            (
                "Referat - Kommunalbestyrelsen den 28. oktober 2014",
                full("Kommunalbestyrelsen", "2014-10-28"),
            ),
            ("Byrådet - Referat", Some(Committee("Byrådet".into()))),
            (
                "Økonomi- og Erhvervsudvalget - Referat fra mødet den 20-01-2016",
                full("Økonomi- og Erhvervsudvalget", "2016-01-20"),
            ),
            (
                "KOMMUNALBESTYRELSEN",
                Some(Committee("Kommunalbestyrelsen".into())),
            ),
            (
                "Møde i Forretningsudvalget 2018-2021",
                Some(Committee("Forretningsudvalget".into())),
            ),
            ("mødet i Byrådet", Some(Committee("Byrådet".into()))),
            (
                "Udvalget for Miljø og Teknik",
                Some(Committee("Udvalget for Miljø og Teknik".into())),
            ),
            (
                "Referat. fra Økonomiudvalget",
                Some(Committee("Økonomiudvalget".into())),
            ),
            (
                "Referat 28.05.2013 kl. 16:30",
                Some(Date("2013-05-28".into())),
            ),
            (
                "Onsdag 13. jan 2021 kl. 07:45",
                Some(Date("2021-01-13".into())),
            ),
            (
                "Referat • 25. marts 2025 kl. 17.00",
                Some(Date("2025-03-25".into())),
            ),
            (
                "ORDINÆRT MØDE Søndag DEN 08. September 2019 KL. 10:00",
                Some(Date("2019-09-08".into())),
            ),
            ("26-04-2018 18:30:00", Some(Date("2018-04-26".into()))),
            (
                "Den 09.01.2020 kl. 13:00 i Tapperiet, Sdr. Badevej 1",
                Some(Date("2020-01-09".into())),
            ),
            (
                "Mandag, 11 januar, 2021 - 19:00",
                Some(Date("2021-01-11".into())),
            ),
            (
                "Referat: 14. maj 2024 kl. 08:30",
                Some(Date("2024-05-14".into())),
            ),
            (
                "Download \"Referat Udvalget for Sport og Fritid's møde Onsdag den 03-03-2010 Kl. 15:00 Mødelokale 2\"",
                full("Udvalget for Sport og Fritid", "2010-03-03"),
            ),
            (
                "Referat Teknisk Udvalg kl. 09:00 Lokale 12 Egnsby Kommune",
                Some(Committee("Teknisk Udvalg".into())),
            ),
            (
                "Referat Udvalget for skole og fritid (SF) Udvalgsmøde SF Tirsdag den 05. marts 2019 Kl. 16:00",
                full("Udvalget for skole og fritid", "2019-03-05"),
            ),
            (
                "Indholdsfortegnelse Kommunalbestyrelsen 10-05-2011",
                full("Kommunalbestyrelsen", "2011-05-10"),
            ),
            ("Referat Byrådssalen er lukket", None),
            (
                "R e f e r a t MØDE Fredensborg Seniorråd. Torsdag den 4. juni 2015 kl Rådhuset",
                full("Fredensborg Seniorråd", "2015-06-04"),
            ),
            (
                "Kommunalbestyrelsen den , s. 1",
                Some(Committee("Kommunalbestyrelsen".into())),
            ),
            ("- Sammenlægning af Videnråd og Arbejdskraftråd", None),
            ("Titel Udvalg Funktioner", None),
            (
                "Referat af ekstraordinært møde i ældrerådet tirsdag den 27. maj",
                Some(Committee("Ældrerådet".into())),
            ),
            (
                "Kommunalbestyrelsen Referat Dato 27. februar 2014 Mødetidspunkt 18:00",
                full("Kommunalbestyrelsen", "2014-02-27"),
            ),
            (
                "Læs dagsordener og referater til og med den 10. februar 2016",
                None,
            ),
            ("Ældrerådets medlemmer", None),
            ("Mødelokale 1, forhallen", None),
            (
                "Du har valgt en specifik dagsorden eller referat fra byrådet.",
                None,
            ),
            ("Publiceringsdato: den 02. november 2018", None),
        ];
        for (line, want) in cases {
            assert_eq!(header_line(line, v), want, "line `{line}`");
        }
    }
}
