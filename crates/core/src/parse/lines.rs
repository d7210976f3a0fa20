//! What one line of minutes text is: a heading, a case line, a decision line, …

use crate::dates::{parse_date, DATE_PATTERN};
use regex::Regex;
use std::sync::LazyLock;

/// Section headings used by Danish municipal portals (compared without case).
pub const KNOWN_HEADINGS: &[&str] = &[
    "Sagsfremstilling",
    "Sagsbeskrivelse",
    "Supplerende sagsfremstilling",
    "Resume",
    "Resumé",
    "Sammenhæng til andre politikker/strategier og fagområder",
    "Økonomiske konsekvenser",
    "Økonomi",
    "Økonomi og finansiering",
    "Bevillingsmæssige konsekvenser",
    "Personalemæssige konsekvenser",
    "Miljømæssige konsekvenser",
    "Lovgrundlag",
    "Retsgrundlag",
    "Indstilling",
    "Beslutningspunkter",
    "Sagsforløb",
    "Baggrund",
    "Begrundelse",
    "Vurdering",
    "Formål",
    "Høring",
    "Høringssvar",
    "Kommunikation",
    "Tidsplan",
    "Videre proces",
    "Bemærkninger",
    "Orientering",
    "Indholdsfortegnelse",
];

const CASE: &str =
    r"\d{2}/\d{1,6}|[A-ZÆØÅ]{2,6}-\d{4}-\d{3,7}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}";

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

// Substring searchers built once: `str::find` sets one up on every call.
static FIVE_DOTS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("....."));
static BESLUTNING: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" beslutning"));
static TOC: LazyLock<Regex> = LazyLock::new(|| re(r"\.{5,}\s*\d*\s*$"));
static POINT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:punkt)\s+(\d{1,3})\s*(?:[:.]|\s[-–])\s*(.*)$"));
static CASE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?i:sags?nr\.?\s*:?\s*)?({CASE})(?:\s+(?i:(åben|lukket))(?:\s+(?i:sag))?)?\s*$"
    ))
});
static ACCESS_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:(åben|lukket))\s+(?i:sag)\s*$"));
static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?i:beslutning(?:er)?)(?:\s+(?:i|fra)\s+(?P<body>.+?))?(?:\s+(?i:den|d\.)\s+(?P<date>{DATE_PATTERN}))?\s*(?::\s*(?P<rest>.*))?$"
    ))
});
static BODY_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<body>\p{{Lu}}[^.:]{{2,80}}?)s\s+beslutning(?:\s+(?i:den|d\.)\s+(?P<date>{DATE_PATTERN}))?\s*(?::\s*(?P<rest>.*))?$"
    ))
});
static ABSENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<label>(?i:fraværende|afbud|ikke til stede|fravær))(?:\s+(?i:fra)(?:\s+(?i:mødet))?)?\s*(?::\s*(?P<rest>.*)|$)",
    )
});
static ATTACHMENTS: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:bilag)\s*(?::\s*(?P<rest>.*)|$)"));
static ROUTE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:sagsgang)\s*(?::\s*(?P<rest>.*)|$)"));
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?i:referat|dagsorden|beslutningsprotokol)(?:\s+(?i:fra|af|for))?(?:\s+(?i:mødet|møde)\s+(?i:i))?\s+)?(?P<committee>\p{{Lu}}[^.:;!?]{{1,80}}?)\s*[,–-]?\s*(?:(?i:den|d\.)\s+)?(?P<date>{DATE_PATTERN})(?:\s*,?\s*(?i:kl\.?)\s*\d{{1,2}}[.:]\d{{2}}.*)?$"
    ))
});
static COMMITTEE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)udvalg|byråd|kommunalbestyrelse|bestyrelse|råd\b|rådet|nævn|magistrat|forum|komit|kommission|borgerrepræsentation",
    )
});
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<label>(?i:mødedato|dato|tidspunkt|mødetidspunkt|tid|mødested|sted|lokale|mødelokale))\s*(?::\s*(?P<rest>.*)|$)",
    )
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Toc,
    Point {
        number: u32,
        title: String,
    },
    Case {
        case_number: String,
        access: Option<bool>,
    },
    Access {
        closed: bool,
    },
    Decision {
        heading: String,
        body: Option<String>,
        date: Option<String>,
        rest: Option<String>,
    },
    Absence {
        rest: Option<String>,
    },
    Attachments {
        rest: Option<String>,
    },
    Route {
        rest: Option<String>,
    },
    Heading {
        heading: String,
        rest: Option<String>,
    },
    Header {
        committee: String,
        date: String,
    },
    Label {
        label: MeetingLabel,
        rest: Option<String>,
    },
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingLabel {
    Date,
    Time,
    Place,
}

fn rest(c: &regex::Captures<'_>) -> Option<String> {
    c.name("rest")
        .map(|m| m.as_str().trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Case-insensitive ASCII prefix test, cheap enough to run before any regex.
fn starts_with_ci(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len()
        && line.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Classifies one trimmed, non-blank line. Each pattern is tried only when a
/// cheap test says it could match: most lines are prose, and this runs on all of them.
pub fn classify(line: &str, known_abbreviation: impl Fn(&str) -> bool) -> LineKind {
    // A character takes at least a byte: count them only for a long line.
    if line.len() > 300 && line.chars().count() > 300 {
        return LineKind::Text;
    }
    if FIVE_DOTS.find(line.as_bytes()).is_some() && TOC.is_match(line) {
        return LineKind::Toc;
    }
    // `Punkt 3 …`, not `Punktnummer: 21`.
    if starts_with_ci(line, "punkt") && line[5..].starts_with(char::is_whitespace) {
        if let Some(c) = POINT.captures(line) {
            if let Ok(number) = c[1].parse() {
                return LineKind::Point {
                    number,
                    title: c[2].trim().to_string(),
                };
            }
        }
    }
    // A case number starts with a digit (`21/1359`), with `Sagsnr`, or with letters and a
    // dash before digits (`EMN-2025-…`); an access line with `Åben` or `Lukket`.
    let first = line.chars().next().unwrap_or(' ');
    let dash_digit = line
        .as_bytes()
        .windows(2)
        .take(8)
        .any(|w| w[0] == b'-' && w[1].is_ascii_digit());
    let case_like = first.is_ascii_digit()
        || starts_with_ci(line, "sag")
        || (first.is_uppercase() && dash_digit);
    // Every form of case number has a `/` or a `-`.
    if line.len() <= 60 && case_like && memchr::memchr2(b'/', b'-', line.as_bytes()).is_some() {
        if let Some(c) = CASE_LINE.captures(line) {
            let access = c.get(2).map(|m| m.as_str().to_lowercase().starts_with('l'));
            return LineKind::Case {
                case_number: c[1].to_string(),
                access,
            };
        }
    }
    if line.len() <= 20 && matches!(first, 'Å' | 'å' | 'L' | 'l') {
        if let Some(c) = ACCESS_LINE.captures(line) {
            return LineKind::Access {
                closed: c[1].to_lowercase().starts_with('l'),
            };
        }
    }
    // `Beslutning …`, or `<Body>s beslutning …` with a short body: only then run the regexes.
    let body_decision = || {
        let head = &line.as_bytes()[..line.len().min(90 + " beslutning".len())];
        BESLUTNING
            .find(head)
            .is_some_and(|at| at <= 90 && line[..at].ends_with('s'))
    };
    if line.len() <= 160 && (starts_with_ci(line, "beslutning") || body_decision()) {
        if let Some(kind) = decision(line, &known_abbreviation) {
            return kind;
        }
    }
    if starts_with_ci(line, "frav")
        || starts_with_ci(line, "afbud")
        || starts_with_ci(line, "ikke til stede")
    {
        if let Some(c) = ABSENCE.captures(line) {
            return LineKind::Absence { rest: rest(&c) };
        }
    }
    if starts_with_ci(line, "bilag") {
        if let Some(c) = ATTACHMENTS.captures(line) {
            return LineKind::Attachments { rest: rest(&c) };
        }
    }
    if starts_with_ci(line, "sagsgang") {
        if let Some(c) = ROUTE.captures(line) {
            return LineKind::Route { rest: rest(&c) };
        }
    }
    if let Some((heading, rest)) = known_heading(line) {
        return LineKind::Heading { heading, rest };
    }
    if is_caps_heading(line) {
        return LineKind::Heading {
            heading: line.to_string(),
            rest: None,
        };
    }
    LineKind::Text
}

/// Lines that only mean something before the first item: the meeting's header and its labels.
pub fn classify_preamble(
    line: &str,
    known_abbreviation: impl Fn(&str) -> bool,
) -> Option<LineKind> {
    if line.len() > 200 {
        return None;
    }
    if let Some(c) = HEADER.captures(line) {
        let committee = c["committee"]
            .trim()
            .trim_end_matches([',', '-', '–'])
            .trim()
            .to_string();
        if COMMITTEE_WORD.is_match(&committee) || known_abbreviation(&committee) {
            if let Some(date) = parse_date(&c["date"]) {
                return Some(LineKind::Header { committee, date });
            }
        }
    }
    let c = LABEL.captures(line)?;
    let label = match c["label"].to_lowercase().as_str() {
        "mødedato" | "dato" => MeetingLabel::Date,
        "tidspunkt" | "mødetidspunkt" | "tid" => MeetingLabel::Time,
        _ => MeetingLabel::Place,
    };
    Some(LineKind::Label {
        label,
        rest: rest(&c),
    })
}

fn decision(line: &str, known_abbreviation: &impl Fn(&str) -> bool) -> Option<LineKind> {
    let c = DECISION
        .captures(line)
        .or_else(|| BODY_DECISION.captures(line))?;
    let body = c.name("body").map(|m| m.as_str().trim().to_string());
    // `Beslutning i sagen blev …` is prose, not a heading: a body needs a date or a committee word.
    let date = c.name("date").and_then(|m| parse_date(m.as_str()));
    let plausible = match &body {
        None => true,
        Some(b) => date.is_some() || COMMITTEE_WORD.is_match(b) || known_abbreviation(b),
    };
    if !plausible || line.chars().count() > 160 {
        return None;
    }
    let heading = match c.name("rest") {
        Some(r) => line[..r.start()]
            .trim_end()
            .trim_end_matches(':')
            .trim_end()
            .to_string(),
        None => line.to_string(),
    };
    Some(LineKind::Decision {
        heading,
        body,
        date,
        rest: rest(&c),
    })
}

/// Each known heading lower-cased, with its first character and its length in characters.
static KNOWN_LOWER: LazyLock<Vec<(char, usize, String)>> = LazyLock::new(|| {
    KNOWN_HEADINGS
        .iter()
        .map(|h| {
            let lower = h.to_lowercase();
            (
                lower.chars().next().unwrap_or(' '),
                lower.chars().count(),
                lower,
            )
        })
        .collect()
});
/// The longest heading in characters. Lower-casing never merges characters, so a line
/// part with more is no heading whatever its case.
static LONGEST_HEADING: LazyLock<usize> =
    LazyLock::new(|| KNOWN_LOWER.iter().map(|&(_, n, _)| n).max().unwrap_or(0));

/// `Heading` or `Heading: text`, where `Heading` is a known one in any case.
fn known_heading(line: &str) -> Option<(String, Option<String>)> {
    let (head, rest) = match memchr::memchr(b':', line.as_bytes()) {
        Some(colon) => (line[..colon].trim(), Some(line[colon + 1..].trim())),
        None => (line.trim(), None),
    };
    if head.is_empty() || head.len() > 4 * *LONGEST_HEADING {
        return None;
    }
    // Compared a character at a time, after cheap tests of the first character and the
    // length: most lines differ from every heading at once. Lower-casing keeps the number
    // of characters but for `İ`, which no heading holds.
    let lower = || head.chars().flat_map(char::to_lowercase);
    let first = lower().next()?;
    let mut chars = None;
    KNOWN_LOWER
        .iter()
        .filter(|&&(f, _, _)| f == first)
        .filter(|&&(_, n, _)| *chars.get_or_insert_with(|| head.chars().count()) == n)
        .find(|(_, _, h)| lower().eq(h.chars()))?;
    let rest = rest.filter(|r| !r.is_empty()).map(str::to_string);
    Some((head.to_string(), rest))
}

/// `BESLUTNINGSFORSLAG FRA DD`: an all-capitals line that is not a route like `BUU/ VPU`.
fn is_caps_heading(line: &str) -> bool {
    // Prose has a lower-case letter within its first few characters.
    if line.chars().any(|c| c.is_lowercase()) || line.chars().count() > 100 {
        return false;
    }
    let words: Vec<usize> = line
        .split(|c: char| !c.is_alphabetic())
        .map(|w| w.chars().count())
        .filter(|&n| n > 0)
        .collect();
    (words.len() >= 2 && words.iter().any(|&n| n >= 4)) || words.iter().any(|&n| n >= 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> LineKind {
        let abbr = |s: &str| ["BUU", "VPU", "KB"].contains(&s);
        match classify(line, abbr) {
            LineKind::Text => classify_preamble(line, abbr).unwrap_or(LineKind::Text),
            other => other,
        }
    }

    #[test]
    fn line_kinds_table() {
        use LineKind::*;
        let cases = [
            (
                "21/1359 Åben Sag",
                Case {
                    case_number: "21/1359".into(),
                    access: Some(false),
                },
            ),
            (
                "22/6043 Lukket sag",
                Case {
                    case_number: "22/6043".into(),
                    access: Some(true),
                },
            ),
            (
                "EMN-2025-003383",
                Case {
                    case_number: "EMN-2025-003383".into(),
                    access: None,
                },
            ),
            ("Åben sag", Access { closed: false }),
            ("Lukket sag", Access { closed: true }),
            ("ÅBEN SAG", Access { closed: false }),
            (
                "Sagsnr.: 21/1359",
                Case {
                    case_number: "21/1359".into(),
                    access: None,
                },
            ),
            (
                "Punkt 3 - Budget 2026",
                Point {
                    number: 3,
                    title: "Budget 2026".into(),
                },
            ),
            (
                "Punkt 4. Orientering",
                Point {
                    number: 4,
                    title: "Orientering".into(),
                },
            ),
            ("Punktet blev drøftet.", Text),
            (
                "Punkt 21: Lukket: Køb af landbrugsejendom",
                Point {
                    number: 21,
                    title: "Lukket: Køb af landbrugsejendom".into(),
                },
            ),
            (
                "Lukket: Køb af landbrugsejendom.........................",
                Toc,
            ),
            (
                "Beslutning i Voksen- og plejeudvalget den 24-04-2024",
                Decision {
                    heading: "Beslutning i Voksen- og plejeudvalget den 24-04-2024".into(),
                    body: Some("Voksen- og plejeudvalget".into()),
                    date: Some("2024-04-24".into()),
                    rest: None,
                },
            ),
            (
                "Beslutninger",
                Decision {
                    heading: "Beslutninger".into(),
                    body: None,
                    date: None,
                    rest: None,
                },
            ),
            (
                "Økonomiudvalgets beslutning den 3. maj 2024: Godkendt.",
                Decision {
                    heading: "Økonomiudvalgets beslutning den 3. maj 2024".into(),
                    body: Some("Økonomiudvalget".into()),
                    date: Some("2024-05-03".into()),
                    rest: Some("Godkendt.".into()),
                },
            ),
            ("Beslutning i sagen blev truffet sidste år", Text),
            ("Fraværende:", Absence { rest: None }),
            (
                "Afbud: Tom Bytoft (A)",
                Absence {
                    rest: Some("Tom Bytoft (A)".into()),
                },
            ),
            (
                "Afbud fra: Tom Bytoft (A)",
                Absence {
                    rest: Some("Tom Bytoft (A)".into()),
                },
            ),
            ("Fraværende fra mødet:", Absence { rest: None }),
            ("Fraværende medlemmer blev orienteret.", Text),
            ("Bilag:", Attachments { rest: None }),
            ("Bilag 1: Beslutningsforslag", Text),
            ("Sagsgang", Route { rest: None }),
            (
                "Sagsfremstilling",
                Heading {
                    heading: "Sagsfremstilling".into(),
                    rest: None,
                },
            ),
            (
                "Lovgrundlag: Barnets Lov.",
                Heading {
                    heading: "Lovgrundlag".into(),
                    rest: Some("Barnets Lov.".into()),
                },
            ),
            (
                "Sammenhæng til andre politikker/strategier og fagområder",
                Heading {
                    heading: "Sammenhæng til andre politikker/strategier og fagområder".into(),
                    rest: None,
                },
            ),
            (
                "BESLUTNINGSFORSLAG FRA DD",
                Heading {
                    heading: "BESLUTNINGSFORSLAG FRA DD".into(),
                    rest: None,
                },
            ),
            ("BUU/ VPU", Text),
            (
                "Børne- og ungdomsudvalget 24-06-2021",
                Header {
                    committee: "Børne- og ungdomsudvalget".into(),
                    date: "2021-06-24".into(),
                },
            ),
            (
                "REFERAT Aarhus Byråd d. 27-08-2025",
                Header {
                    committee: "Aarhus Byråd".into(),
                    date: "2025-08-27".into(),
                },
            ),
            (
                "Referat fra Økonomiudvalget den 24. juni 2021 kl. 15.00",
                Header {
                    committee: "Økonomiudvalget".into(),
                    date: "2021-06-24".into(),
                },
            ),
            ("Mødet blev holdt 24-06-2021", Text),
            (
                "Mødedato",
                Label {
                    label: MeetingLabel::Date,
                    rest: None,
                },
            ),
            (
                "Sted: Byrådssalen",
                Label {
                    label: MeetingLabel::Place,
                    rest: Some("Byrådssalen".into()),
                },
            ),
            ("Almindelig tekst om sagen.", Text),
        ];
        for (line, want) in cases {
            assert_eq!(kind(line), want, "line `{line}`");
        }
    }
}
