//! Decision headings: `Beslutning`, `Beslutning i Økonomiudvalget den 3. maj 2024`,
//! `Økonomiudvalgets beslutning den …`, and what follows them on the line.

use super::{re, rest, starts_with_ci, strip_term, LineKind, BESLUTNING};
use crate::dates::{parse_date, DATE_PATTERN};
use crate::vocabulary::{Key, Vocabulary};
use regex::Regex;
use std::sync::LazyLock;

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

/// `Beslutning`, `Beslutning i Økonomiudvalget den 3. maj 2024`, `Beslutning Byrådet den
/// 31-10-2018`, `BESLUTNING: Økonomiudvalget den 22-10-2020`, `Regionsrådets beslutning den …:`.
pub(super) fn decision(line: &str, key: Key, v: &Vocabulary) -> Option<LineKind> {
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
            body: body.map(|b| crate::parse::header::tidy(&strip_term(&b))),
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
                    body: Some(crate::parse::header::tidy(&strip_term(&body))),
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
