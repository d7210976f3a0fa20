//! What one line of minutes text is: a heading, a case line, a decision line, …
//!
//! Every word that decides a kind comes from the [`Vocabulary`]; this file holds the
//! shapes (a number and a title, a label and a value) and the cheap tests that keep
//! classification fast on prose, which is most of every text.

use crate::vocabulary::{first_four, LabelField, Vocabulary};
use regex::Regex;
use std::sync::LazyLock;

mod decision;
mod headings;
#[cfg(test)]
mod tests;

use decision::decision;
use headings::{glued_heading, is_caps_heading, known_heading};
pub use headings::{is_known_heading, run_in_heading};

/// The case-number forms portals print: `21/1359`, `2007/34364`, `EMN-2025-003383`,
/// `00.34.00-S00-2-14` (KLE and facet), `450-2018-4075`, `2015-010151`, `24-011578`.
const CASE: &str = r"\d{2}(?:\d{2})?/\d{1,7}|[A-ZÆØÅ]{2,6}-\d{4}-\d{3,7}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}|\d{3}-\d{4}-\d{3,7}|\d{4}-\d{5,7}|\d{2}-\d{6}";

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

static FIVE_DOTS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("....."));
pub(super) static BESLUTNING: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" beslutning"));
static TOC: LazyLock<Regex> = LazyLock::new(|| re(r"\.{5,}\s*\d*\s*$"));
/// `Punkt 3: …`, `Pkt. 197 …`, `PKT. 1. GODKENDELSE …`.
static POINT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?i:punkt|pkt\.?)\s*(\d{1,4})(?:\s*(?:[:.]|\s[-–])\s*(.*)|\s+(\p{Lu}.*)|\s*$)")
});
/// `2. Budgetopfølgning`, `1: Godkendelse af dagsorden`, `1 : …`, `• 1`, `2.`.
static CASE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^({CASE})(?:\s+(?i:(åben|åbent|lukket))(?:\s+(?i:sag|punkt))?)?\s*$"
    ))
});
/// A case number that starts a flattened paragraph (`00.22.02-A26-1-13 Godkendelse …`):
/// only the long KLE form, which prose never starts with.
static KLE_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2})\s+(\S.*)$"));
/// `Åbent - 00.01.00A04 - 2007/34364`: access, a journal code and the case number.
static ACCESS_CASE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?i:(åben|åbent|lukket))\s*[-–]\s*(?:(\S+)\s*[-–]\s*)?({CASE})\s*$"
    ))
});
/// `01.02G00 - 2017/27088`: a journal (KLE) code, a dash and the case number.
static JOURNAL_CASE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(\d{{2}}\.\d{{2}}(?:\.\d{{2}})?(?:-?[A-ZÆØÅ]\d{{2}})?)\s*[-–]\s*({CASE})\s*$"
    ))
});
static INITIALS_CASE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:([A-ZÆØÅ]{{2,8}})\s*)?/\s*({CASE})(?:\s+(\S.*))?$"
    ))
});
static CASE_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^(?:{CASE})$")));
static ACCESS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?i:(åben|åbent|åbne|lukket|lukkede?))(?:\s+(?i:sag|punkt|dagsordenspunkt))?\s*$")
});
static ATTACHMENTS: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:bilag)\s*(?::\s*(?P<rest>.*)|$)"));
static ROUTE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:sagsgang)\s*(?::\s*(?P<rest>.*)|$)"));

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Toc,
    /// `Punkt 3: …`, `Pkt. 197 …`: an item, whatever follows.
    Point {
        number: u32,
        title: String,
    },
    /// `2. Budgetopfølgning`, `• 1`: an item only where the text around says so.
    Numbered {
        number: u32,
        title: String,
    },
    Case {
        case_number: String,
        access: Option<bool>,
        /// Text printed after the case number on the same line.
        rest: Option<String>,
        /// The case officer's initials before it (`DIHAJP / 06/17018`), kept as text.
        officer: Option<String>,
    },
    /// `Godkendelse af dagsorden 09/39368` before a heading in a flattened page: an item's
    /// title and case number, its number lost (set by the parser, not by `classify`).
    TitledCase {
        title: String,
        case_number: String,
    },
    /// `Sagsnr.: 21/1359`, or the label alone (`Sagsid.:`), which still marks an item.
    CaseLabel {
        case_number: Option<String>,
        rest: Option<String>,
        /// `Sag nr. 129`: a short number under the label is the item's number, not a case's.
        item_number: Option<u32>,
    },
    /// `J.nr.: 00.01.00A04`: a journal code, the item's id only where no case number is.
    JournalLabel {
        code: Option<String>,
        rest: Option<String>,
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
    /// `Medlemmer:`, `Deltagere`: who was called; marks such as `- Afbud` say who was not there.
    Attendance {
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
        label: LabelField,
        rest: Option<String>,
    },
    Text,
}

/// The text after a label: after its colon, or (`Udvalg Byrådet`, a table's row printed
/// as text) after a space when it starts with a capital.
fn rest(c: &regex::Captures<'_>) -> Option<String> {
    c.name("rest")
        .or_else(|| c.name("rest2"))
        .map(|m| m.as_str().trim().trim_matches('|').trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Case-insensitive ASCII prefix test, cheap enough to run before any regex.
fn starts_with_ci(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len()
        && line.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Classifies one trimmed, non-blank line. Each pattern is tried only when a
/// cheap test says it could match: most lines are prose, and this runs on all of them.
pub fn classify(line: &str, v: &Vocabulary) -> LineKind {
    // `• Sagsid.: 18/25139`, `• Afbud`, `• Beslutning i Byrådet …`, `• Resumé`: a portal's
    // list bullet before a label or a heading.
    if let Some(rest) = line
        .strip_prefix('•')
        .or_else(|| line.strip_prefix('·'))
        .map(str::trim_start)
    {
        let key = first_four(rest);
        let label = v.re.case_gate.contains(&key)
            || v.re.absence_gate.contains(&key)
            || v.re.decision_gate.contains(&key);
        if label || known_heading(rest, v).is_some() {
            if let kind @ (LineKind::CaseLabel { .. }
            | LineKind::JournalLabel { .. }
            | LineKind::Absence { .. }
            | LineKind::Decision { .. }
            | LineKind::Heading { .. }) = classify(rest, v)
            {
                return kind;
            }
        }
    }
    let key = first_four(line);
    // A character takes at least a byte: count them only for a long line.
    if line.len() > 300 && line.chars().count() > 300 {
        return LineKind::Text;
    }
    if FIVE_DOTS.find(line.as_bytes()).is_some() && TOC.is_match(line) {
        return LineKind::Toc;
    }
    let first = line.chars().next().unwrap_or(' ');
    // `Punkt 3`, `Pkt. 197`, not `Punktet blev …`.
    let after_point = if starts_with_ci(line, "punkt") {
        Some(&line[5..])
    } else if starts_with_ci(line, "pkt") {
        Some(&line[3..])
    } else {
        None
    };
    if after_point.is_some_and(|a| {
        a.starts_with(|c: char| c.is_whitespace() || c == '.' || c.is_ascii_digit())
    }) {
        if let Some(c) = POINT.captures(line) {
            if let Ok(number) = c[1].parse() {
                let title = c.get(2).or(c.get(3)).map_or("", |m| m.as_str());
                return LineKind::Point {
                    number,
                    title: title.trim().to_string(),
                };
            }
        }
    }
    let digit_start = first.is_ascii_digit()
        || (matches!(first, '•' | '·' | '▪' | '◦' | '-')
            && line[first.len_utf8()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit()));
    let letters_dash = first.is_uppercase()
        && line
            .as_bytes()
            .windows(2)
            .take(8)
            .any(|w| w[0] == b'-' && w[1].is_ascii_digit());
    if (digit_start || letters_dash)
        && line.len() <= 60
        && memchr::memchr2(b'/', b'-', line.as_bytes()).is_some()
    {
        if let Some(c) = CASE_LINE.captures(line) {
            return LineKind::Case {
                case_number: c[1].to_string(),
                access: c.get(2).map(|m| m.as_str().to_lowercase().starts_with('l')),
                rest: None,
                officer: None,
            };
        }
        if let Some(c) = JOURNAL_CASE.captures(line) {
            return LineKind::Case {
                case_number: c[2].to_string(),
                access: None,
                // The journal code stays with the item as text.
                rest: Some(c[1].to_string()),
                officer: None,
            };
        }
    }
    // `DIHAJP / 06/17018`, `/ 06/17018 …`: the case officer's initials, a slash and the
    // case number (old Acadre and Word templates), before the case's text.
    if first == '/'
        || (first.is_uppercase()
            && line.len() <= 60
            && memchr::memchr(b'/', line.as_bytes()).is_some())
    {
        if let Some(c) = INITIALS_CASE.captures(line) {
            return LineKind::Case {
                case_number: c[2].to_string(),
                access: None,
                rest: c.get(3).map(|m| m.as_str().to_string()),
                officer: c.get(1).map(|m| m.as_str().to_string()),
            };
        }
    }
    if first.is_ascii_digit() {
        if let Some(c) = KLE_START.captures(line) {
            return LineKind::Case {
                case_number: c[1].to_string(),
                access: None,
                rest: Some(c[2].trim().to_string()),
                officer: None,
            };
        }
    }
    if digit_start && line.len() <= 300 {
        if let Some((number, title)) = numbered(line) {
            return LineKind::Numbered {
                number,
                title: title.to_string(),
            };
        }
    }
    if first.is_uppercase() || first.is_lowercase() {
        let c =
            v.re.case_gate
                .contains(&key)
                .then(|| v.re.case_label.captures(line))
                .flatten();
        if let Some(c) = c {
            let value = c.name("rest").map_or("", |m| m.as_str()).trim();
            let token = value.split_whitespace().next().unwrap_or("");
            let token = token.trim_end_matches([',', ';', '.']);
            let is_case = token.chars().any(|c| c.is_ascii_digit())
                && token.len() <= 40
                && !token.contains(':');
            if value.is_empty() || is_case {
                let after = value[token.len().min(value.len())..].trim();
                let rest = (!after.is_empty()).then(|| after.to_string());
                let item_number = (token.len() <= 4 && token.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| token.parse().ok())
                    .flatten();
                let number =
                    (!token.is_empty() && item_number.is_none()).then(|| token.to_string());
                return match c.name("journal") {
                    Some(_) => LineKind::JournalLabel { code: number, rest },
                    None => LineKind::CaseLabel {
                        case_number: number,
                        rest,
                        item_number,
                    },
                };
            }
        }
    }
    if line.len() <= 80 && matches!(first, 'Å' | 'å' | 'L' | 'l') {
        if let Some(c) = ACCESS_LINE.captures(line) {
            return LineKind::Access {
                closed: c[1].to_lowercase().starts_with('l'),
            };
        }
        if let Some(c) = ACCESS_CASE.captures(line) {
            return LineKind::Case {
                case_number: c[3].to_string(),
                access: Some(c[1].to_lowercase().starts_with('l')),
                // The journal code stays with the item as text.
                rest: c.get(2).map(|m| m.as_str().to_string()),
                officer: None,
            };
        }
    }
    if line.len() <= 200 {
        if let Some(kind) = decision(line, key, v) {
            return kind;
        }
    }
    if line.len() <= 300 {
        let c =
            v.re.absence_gate
                .contains(&key)
                .then(|| v.re.absence.captures(line))
                .flatten();
        // `Fraværende Jakob Ekberg` (a table's row) is a list; `Afbud fra Maria Hald (A).
        // Som suppleant …` is a sentence, read as one (`absences_in_text`).
        let sentence = c.as_ref().and_then(|c| c.name("rest2")).is_some_and(|r| {
            line[..r.start()]
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("fra"))
        });
        if let (Some(c), false) = (c, sentence) {
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
    if let Some((heading, rest)) = known_heading(line, v) {
        return LineKind::Heading { heading, rest };
    }
    if let Some(kind) = glued_heading(line, v) {
        return kind;
    }
    if is_caps_heading(line) {
        return LineKind::Heading {
            heading: line.to_string(),
            rest: None,
        };
    }
    LineKind::Text
}

/// Lines that only mean something before the first item: header labels and the
/// list of members.
pub fn classify_preamble(line: &str, v: &Vocabulary) -> Option<LineKind> {
    if line.len() > 300 {
        return None;
    }
    if let Some(c) = v.re.attendance.captures(line) {
        return Some(LineKind::Attendance { rest: rest(&c) });
    }
    let c = v.re.label.captures(line)?;
    let label = v.label_field(&c["label"])?;
    Some(LineKind::Label {
        label,
        rest: rest(&c),
    })
}

/// `2. Budgetopfølgning`, `1: Godkendelse af dagsorden`, `1 : …`, `3) …`, `• 1`, `2.`: an
/// agenda number (after an optional bullet) and what follows it. A bare `28` is a page
/// number, and `3.5 mio.` a number in a sentence. By hand: this runs on every line that
/// starts with a digit.
fn numbered(line: &str) -> Option<(u32, &str)> {
    let bulleted = line
        .strip_prefix(['•', '·', '▪', '◦', '-'])
        .map(str::trim_start);
    let s = bulleted.unwrap_or(line);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let number: u32 = s[..digits].parse().ok()?;
    let after = s[digits..].trim_start();
    let (marked, title) = match after.chars().next() {
        Some('.' | ':' | ')') => (true, after[1..].trim()),
        None => (bulleted.is_some(), ""),
        // `• 1 Økonomisk ledelsesinformation`: after a bullet, a space is enough.
        Some(c) if bulleted.is_some() && c.is_uppercase() && s[digits..].starts_with(' ') => {
            (true, after)
        }
        Some(_) => return None,
    };
    // `3.5 mio.`, `25. maj 2016`: a number in a sentence or a date, not an agenda number.
    let title_starts_number = title.starts_with(|c: char| c.is_ascii_digit());
    let lower = title.starts_with(char::is_lowercase);
    (marked && !title_starts_number && !lower).then_some((number, title))
}

/// `Allerød Byråd 2018-2021` → `Allerød Byråd`: the election term is not part of the name.
pub fn strip_term(name: &str) -> String {
    static TERM: LazyLock<Regex> = LazyLock::new(|| re(r"\s+\d{4}\s*[-–]\s*\d{2,4}$"));
    TERM.replace(name.trim(), "").to_string()
}

/// Whether a line holds nothing but a case number (the value under a `Sagsnummer` label).
pub fn is_case_number(line: &str) -> bool {
    line.len() <= 40 && CASE_ANYWHERE.is_match(line.trim())
}
