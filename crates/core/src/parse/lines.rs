//! What one line of minutes text is: a heading, a case line, a decision line, …
//!
//! Every word that decides a kind comes from the [`Vocabulary`]; this file holds the
//! shapes (a number and a title, a label and a value) and the cheap tests that keep
//! classification fast on prose, which is most of every text.

use crate::dates::{parse_date, DATE_PATTERN};
use crate::vocabulary::{first_four, Key, LabelField, Vocabulary};
use regex::Regex;
use std::sync::LazyLock;

/// The case-number forms portals print: `21/1359`, `2007/34364`, `EMN-2025-003383`,
/// `00.34.00-S00-2-14` (KLE and facet), `450-2018-4075`, `2015-010151`, `24-011578`.
const CASE: &str = r"\d{2}(?:\d{2})?/\d{1,7}|[A-ZÆØÅ]{2,6}-\d{4}-\d{3,7}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}|\d{3}-\d{4}-\d{3,7}|\d{4}-\d{5,7}|\d{2}-\d{6}";

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

static FIVE_DOTS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("....."));
static BESLUTNING: LazyLock<memchr::memmem::Finder<'static>> =
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
static DEN_WITHOUT_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?P<body>.+?)\s+(?i:den|d\.)(?:\s+(?P<after>.*))?$"));
static BODY_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<body>\p{{Lu}}[^.:]{{2,80}}?)s\s+beslutning(?:\s+(?i:den|d\.)\s+(?P<date>{DATE_PATTERN}))?\s*(?::\s*(?P<rest>.*))?$"
    ))
});
/// `Integrationsudvalgets møde den 12. december 2011:`: the body's meeting, its date and a
/// colon, over what that meeting decided (Word minutes published as web pages).
static MEETING_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<body>\p{{Lu}}[^.:]{{2,80}}?)s\s+møde\s+(?i:den|d\.)\s+(?P<date>{DATE_PATTERN})\s*:\s*(?P<rest>.*)$"
    ))
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

/// `Beslutning`, `Beslutning i Økonomiudvalget den 3. maj 2024`, `Beslutning Byrådet den
/// 31-10-2018`, `BESLUTNING: Økonomiudvalget den 22-10-2020`, `Regionsrådets beslutning den …:`.
fn decision(line: &str, key: Key, v: &Vocabulary) -> Option<LineKind> {
    let heading =
        v.re.decision_gate
            .contains(&key)
            .then(|| v.re.decision.find(line))
            .flatten();
    if let Some(m) = heading {
        let tail = &line[m.end()..];
        // `Beslutning` or `Beslutning:` alone, the common case: no pattern needed.
        if tail.trim().trim_end_matches(':').is_empty() {
            return Some(LineKind::Decision {
                heading: line.trim_end_matches(':').trim_end().to_string(),
                body: None,
                date: None,
                rest: None,
            });
        }
        let (body, date, mut rest) = decision_tail(tail);
        // `Beslutning Økonomiudvalget den Godkendt.`: a PDF lost the date, the text follows.
        let body = match body {
            Some(b) if date.is_none() => match DEN_WITHOUT_DATE.captures(&b) {
                Some(parts) => {
                    let after = parts.name("after").map_or("", |m| m.as_str().trim());
                    if rest.is_none() && !after.is_empty() {
                        rest = Some(after.to_string());
                    }
                    Some(parts["body"].trim().to_string())
                }
                None => Some(b),
            },
            other => other,
        };
        let body = match body {
            // `Beslutning: Godkendt.`: what follows the colon is the decision's text.
            Some(b)
                if tail.trim_start().starts_with(':')
                    && date.is_none()
                    && !v.is_committee_name(&b) =>
            {
                rest = Some(tail.trim_start()[1..].trim().to_string()).filter(|r| !r.is_empty());
                None
            }
            // `Beslutning i sagen blev …` is prose: a body needs a date or a committee's name.
            Some(b) if date.is_none() && !v.is_committee_name(&b) => return None,
            // `Beslutninger fra mødet. Torsdag … Økonomiudvalget`: a document's title, and
            // a body's name is no sentence.
            Some(b) if starts_with_ci(&b, "fra mød") || b.contains(". ") => return None,
            Some(b) if b.split_whitespace().count() > 8 => return None,
            other => other,
        };
        let heading = match &rest {
            Some(r) => line[..line.len() - r.len()]
                .trim_end()
                .trim_end_matches(':')
                .trim_end()
                .to_string(),
            None => line.trim_end_matches(':').trim_end().to_string(),
        };
        return Some(LineKind::Decision {
            heading,
            body: body.map(|b| super::header::tidy(&strip_term(&b))),
            date,
            rest,
        });
    }
    if line.len() <= 160
        && line.ends_with(':')
        && memchr::memmem::find(line.as_bytes(), "s møde ".as_bytes()).is_some()
    {
        if let Some(c) = MEETING_DECISION.captures(line) {
            let body = c["body"].trim().to_string();
            // `Integrationsudvalget`, `Udvalget for Teknik og Miljø`, `Teknik- og
            // Miljøudvalget`; not `Sagen blev behandlet på Økonomiudvalget`.
            let words: Vec<&str> = body.split_whitespace().collect();
            let first_is_body = words.first().is_some_and(|w| v.is_committee_name(w));
            if first_is_body || (words.len() <= 3 && v.is_committee_name(&body)) {
                return Some(LineKind::Decision {
                    heading: line.trim_end_matches(':').trim_end().to_string(),
                    body: Some(super::header::tidy(&strip_term(&body))),
                    date: parse_date(&c["date"]),
                    rest: None,
                });
            }
        }
    }
    let head = &line.as_bytes()[..line.len().min(90 + " beslutning".len())];
    let possessive = BESLUTNING
        .find(head)
        .is_some_and(|at| at <= 90 && line[..at].ends_with('s'));
    if !possessive {
        return None;
    }
    let c = BODY_DECISION.captures(line)?;
    let body = c.name("body").map(|m| m.as_str().trim().to_string());
    let date = c.name("date").and_then(|m| parse_date(m.as_str()));
    if let Some(b) = &body {
        if date.is_none() && !v.is_committee_name(b) {
            return None;
        }
    }
    let heading = match c.name("rest") {
        Some(r) => line[..r.start()]
            .trim_end()
            .trim_end_matches(':')
            .trim_end()
            .to_string(),
        None => line.trim_end_matches(':').trim_end().to_string(),
    };
    Some(LineKind::Decision {
        heading,
        body,
        date,
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

/// What follows a decision heading's word: the body, the date and text after a colon
/// (`i Økonomiudvalget den 3. maj 2024: Godkendt.`). Read by hand around a date search
/// (a capturing pattern with an optional body and date backtracks on every such line).
fn decision_tail(tail: &str) -> (Option<String>, Option<String>, Option<String>) {
    static DATE: LazyLock<Regex> = LazyLock::new(|| re(DATE_PATTERN));
    static LEAD: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*:?\s*(?:(?i:i|fra)\s+)?"));
    static BEFORE_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:,?\s*(?i:den|d\.))?\s*$"));
    let s = LEAD.find(tail).map_or(tail, |m| &tail[m.end()..]);
    let text = |t: &str| Some(t.trim().to_string()).filter(|t| !t.is_empty());
    match DATE.find(s) {
        Some(m) if parse_date(m.as_str()).is_some() => {
            let before = &s[..m.start()];
            let body = BEFORE_DATE
                .find(before)
                .map_or(before, |b| &before[..b.start()]);
            let after = s[m.end()..].trim_start();
            let rest = after.strip_prefix(':').and_then(text);
            let body = body.trim().trim_end_matches(',');
            (text(body), parse_date(m.as_str()), rest)
        }
        _ => match s.split_once(':') {
            Some((body, rest)) => (text(body), None, text(rest)),
            None => (text(s), None, None),
        },
    }
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

/// Whether `heading` is one of the vocabulary's section headings (not a line in capitals).
pub fn is_known_heading(heading: &str, v: &Vocabulary) -> bool {
    known_heading(heading, v).is_some()
}

/// `Heading` or `Heading: text`, where `Heading` is a known one in any case.
fn known_heading(line: &str, v: &Vocabulary) -> Option<(String, Option<String>)> {
    let (head, rest) = match memchr::memchr(b':', line.as_bytes()) {
        Some(colon) => (line[..colon].trim(), Some(line[colon + 1..].trim())),
        None => (line.trim(), None),
    };
    if head.is_empty() || head.len() > 4 * v.re.longest_heading {
        return None;
    }
    // Compared a character at a time, after cheap tests of the first character and the
    // length: most lines differ from every heading at once.
    let lower = || head.chars().flat_map(char::to_lowercase);
    let first = lower().next()?;
    let mut chars = None;
    v.re.headings
        .iter()
        .filter(|&&(f, _, _)| f == first)
        .filter(|&&(_, n, _)| *chars.get_or_insert_with(|| head.chars().count()) == n)
        .find(|(_, _, h)| lower().eq(h.chars()))?;
    let rest = rest.filter(|r| !r.is_empty()).map(str::to_string);
    Some((head.to_string(), rest))
}

/// `Beslutningstema Godkendelse af …`: in a page flattened into one line, a known heading
/// run into its text with only a space between (the line break was lost). Only for the
/// pieces of such a page: elsewhere `Indstilling Udvalget …` may be a sentence.
pub fn run_in_heading(line: &str, v: &Vocabulary) -> Option<LineKind> {
    // Cheap test first: the first letter, without case.
    let first = line.chars().next()?.to_lowercase().next()?;
    let best = v
        .words
        .section_headings
        .iter()
        .filter(|h| h.chars().next().and_then(|c| c.to_lowercase().next()) == Some(first))
        .filter(|h| {
            line.get(..h.len())
                .is_some_and(|head| head.to_lowercase() == h.to_lowercase())
                && line[h.len()..].starts_with(' ')
                && line[h.len()..].trim_start().starts_with(char::is_uppercase)
        })
        .max_by_key(|h| h.len())?;
    Some(LineKind::Heading {
        heading: line[..best.len()].to_string(),
        rest: Some(line[best.len()..].trim().to_string()),
    })
}

/// `BeslutningGodkendt.`, `BilagIngen bilag.`, `SagsfremstillingUdvalget besøger …`: a
/// heading glued to its text, as some portals' text comes out. The heading must be
/// followed at once by an upper-case letter.
fn glued_heading(line: &str, v: &Vocabulary) -> Option<LineKind> {
    let first = line.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    // Glued means a lower-case letter then an upper-case one (or a dash) in the first word.
    let first_word = line.split(' ').next().unwrap_or("");
    let mut prev_lower = false;
    let transition = first_word.chars().any(|c| {
        let glue = prev_lower && (c.is_uppercase() || c == '-' || c == '–');
        prev_lower = c.is_lowercase();
        glue
    });
    if !transition {
        return None;
    }
    let words = v
        .words
        .section_headings
        .iter()
        .chain(&v.words.decision_headings)
        .chain(&v.words.absence_labels)
        .map(String::as_str)
        .chain(["Bilag"]);
    for word in words {
        if word.contains(' ') || line.len() <= word.len() || !line.starts_with(word) {
            continue;
        }
        let after = &line[word.len()..];
        let glued = after.starts_with(|c: char| c.is_uppercase())
            || (after.starts_with(['-', '–']) && v.words.absence_labels.iter().any(|l| l == word));
        if !glued {
            continue;
        }
        let split = format!("{word}: {}", after.trim_start_matches(['-', '–']).trim());
        return match classify(&split, v) {
            LineKind::Text => None,
            kind => Some(kind),
        };
    }
    None
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
        let v = Vocabulary::builtin();
        match classify(line, v) {
            LineKind::Text => classify_preamble(line, v).unwrap_or(LineKind::Text),
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
                    rest: None,
                    officer: None,
                },
            ),
            (
                "22/6043 Lukket sag",
                Case {
                    case_number: "22/6043".into(),
                    access: Some(true),
                    rest: None,
                    officer: None,
                },
            ),
            (
                "EMN-2025-003383",
                Case {
                    case_number: "EMN-2025-003383".into(),
                    access: None,
                    rest: None,
                    officer: None,
                },
            ),
            ("Åben sag", Access { closed: false }),
            ("Lukket sag", Access { closed: true }),
            ("ÅBEN SAG", Access { closed: false }),
            (
                "Sagsnr.: 21/1359",
                CaseLabel {
                    case_number: Some("21/1359".into()),
                    rest: None,
                    item_number: None,
                },
            ),
            (
                "Sagsid.:",
                CaseLabel {
                    case_number: None,
                    rest: None,
                    item_number: None,
                },
            ),
            (
                "• Sagsid.: 18/25139",
                CaseLabel {
                    case_number: Some("18/25139".into()),
                    rest: None,
                    item_number: None,
                },
            ),
            (
                "Sagsnr.: 05.00.00-A00-2-17 Sagsbehandler: Lene Holm",
                CaseLabel {
                    case_number: Some("05.00.00-A00-2-17".into()),
                    rest: Some("Sagsbehandler: Lene Holm".into()),
                    item_number: None,
                },
            ),
            (
                "• Beslutning i Byrådet den 20-06-2018",
                Decision {
                    heading: "Beslutning i Byrådet den 20-06-2018".into(),
                    body: Some("Byrådet".into()),
                    date: Some("2018-06-20".into()),
                    rest: None,
                },
            ),
            (
                "Sag nr. 129",
                CaseLabel {
                    case_number: None,
                    rest: None,
                    item_number: Some(129),
                },
            ),
            (
                "J.nr.: 00.01.00A04",
                JournalLabel {
                    code: Some("00.01.00A04".into()),
                    rest: None,
                },
            ),
            (
                "Åbent - 00.01.00A04 - 2007/34364",
                Case {
                    case_number: "2007/34364".into(),
                    access: Some(false),
                    rest: Some("00.01.00A04".into()),
                    officer: None,
                },
            ),
            (
                "Pkt. 197 Forslag om en sang",
                Point {
                    number: 197,
                    title: "Forslag om en sang".into(),
                },
            ),
            ("Punkt 9 behandles som punkt 5.", Text),
            (
                "2. Budgetopfølgning",
                Numbered {
                    number: 2,
                    title: "Budgetopfølgning".into(),
                },
            ),
            (
                "• 1 Økonomisk ledelsesinformation",
                Numbered {
                    number: 1,
                    title: "Økonomisk ledelsesinformation".into(),
                },
            ),
            (
                "Fraværende Jakob Ekberg, N. J. Ottesen",
                Absence {
                    rest: Some("Jakob Ekberg, N. J. Ottesen".into()),
                },
            ),
            (
                "Udvalg Byrådet",
                Label {
                    label: LabelField::Committee,
                    rest: Some("Byrådet".into()),
                },
            ),
            ("Fraværende medlemmer blev orienteret.", Text),
            (
                "• 1",
                Numbered {
                    number: 1,
                    title: String::new(),
                },
            ),
            ("28", Text),
            ("3.5 mio. kr. ekstra", Text),
            ("1. at orienteringen tages til efterretning", Text),
            (
                "Beslutning Byrådet den 31-10-2018",
                Decision {
                    heading: "Beslutning Byrådet den 31-10-2018".into(),
                    body: Some("Byrådet".into()),
                    date: Some("2018-10-31".into()),
                    rest: None,
                },
            ),
            (
                "BESLUTNING: Økonomiudvalget den 22-10-2020",
                Decision {
                    heading: "BESLUTNING: Økonomiudvalget den 22-10-2020".into(),
                    body: Some("Økonomiudvalget".into()),
                    date: Some("2020-10-22".into()),
                    rest: None,
                },
            ),
            (
                "Beslutning Allerød Byråd 2018-2021 den 26-04-2018",
                Decision {
                    heading: "Beslutning Allerød Byråd 2018-2021 den 26-04-2018".into(),
                    body: Some("Allerød Byråd".into()),
                    date: Some("2018-04-26".into()),
                    rest: None,
                },
            ),
            (
                "Beslutning Økonomiudvalget den Godkendt.",
                Decision {
                    heading: "Beslutning Økonomiudvalget den".into(),
                    body: Some("Økonomiudvalget".into()),
                    date: None,
                    rest: Some("Godkendt.".into()),
                },
            ),
            (
                "BESLUTNING I KOMMUNALBESTYRELSEN DEN",
                Decision {
                    heading: "BESLUTNING I KOMMUNALBESTYRELSEN DEN".into(),
                    body: Some("Kommunalbestyrelsen".into()),
                    date: None,
                    rest: None,
                },
            ),
            (
                "Beslutning: Godkendt.",
                Decision {
                    heading: "Beslutning".into(),
                    body: None,
                    date: None,
                    rest: Some("Godkendt.".into()),
                },
            ),
            (
                "BeslutningGodkendt.",
                Decision {
                    heading: "Beslutning".into(),
                    body: None,
                    date: None,
                    rest: Some("Godkendt.".into()),
                },
            ),
            (
                "Fraværende- Hans Østergaard ()",
                Absence {
                    rest: Some("Hans Østergaard ()".into()),
                },
            ),
            (
                "Fraværende med afbud: Walter Holm (O)",
                Absence {
                    rest: Some("Walter Holm (O)".into()),
                },
            ),
            (
                "Medlemmer: Anne Dahl (A), Bo Kragh (V)",
                Attendance {
                    rest: Some("Anne Dahl (A), Bo Kragh (V)".into()),
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
            (
                "Integrationsudvalgets møde den 12. december 2011:",
                Decision {
                    heading: "Integrationsudvalgets møde den 12. december 2011".into(),
                    body: Some("Integrationsudvalget".into()),
                    date: Some("2011-12-12".into()),
                    rest: None,
                },
            ),
            (
                "Byrådets møde den 5. maj 2011 blev holdt i Kulturhuset.",
                Text,
            ),
            (
                "01.02G00 - 2017/27088",
                Case {
                    case_number: "2017/27088".into(),
                    access: None,
                    rest: Some("01.02G00".into()),
                    officer: None,
                },
            ),
            (
                "Beslutninger fra mødet. Torsdag kl Ordinært møde. Økonomiudvalget",
                Text,
            ),
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
            ("Mødet blev holdt 24-06-2021", Text),
            ("Rådhuset, mødelokale 1", Text),
            (
                "Mødedato",
                Label {
                    label: LabelField::Date,
                    rest: None,
                },
            ),
            (
                "Sted: Byrådssalen",
                Label {
                    label: LabelField::Place,
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
