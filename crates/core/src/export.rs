//! The filtered items as CSV, the way Danish Excel opens it without an import dialog:
//! UTF-8 with a byte order mark (else æ, ø, å come out wrong), `;` between fields (the comma
//! is the decimal sign), CRLF between rows, and a field quoted when it holds `;`, `"` or a
//! line break. (Excel may still read a short case number such as `24/12` as a date: a
//! guess this text cannot prevent without a formula, which a cell must never be.)

use crate::model::Bundle;
use crate::query::{get, ItemRef};

/// A cell that starts with one of these is read by a spreadsheet as a formula; it gets a
/// leading `'` so it stays text (OWASP, "CSV injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One row per item, in the order given, with a header row in the user's language.
pub fn csv(bundle: &Bundle, items: impl IntoIterator<Item = ItemRef>, english: bool) -> String {
    let header: [&str; 8] = if english {
        [
            "Date",
            "Committee",
            "Item",
            "Case number",
            "Title",
            "Outcome",
            "Dissent",
            "Absent",
        ]
    } else {
        [
            "Dato",
            "Udvalg",
            "Punkt",
            "Sagsnummer",
            "Titel",
            "Resultat",
            "Dissens",
            "Fraværende",
        ]
    };
    let mut out = String::from("\u{feff}");
    row(&mut out, header.iter().map(|h| h.to_string()));
    for at in items {
        let (m, item) = get(bundle, at);
        let absent: Vec<&str> = m
            .absent
            .iter()
            .chain(&item.absent)
            .map(|a| a.name.trim())
            .collect();
        let dissent = item.decisions.iter().any(|d| d.dissent);
        row(
            &mut out,
            [
                m.date.clone().unwrap_or_default(),
                m.committee.clone().unwrap_or_default(),
                item.number.map(|n| n.to_string()).unwrap_or_default(),
                item.case_number.clone().unwrap_or_default(),
                item.title.clone().unwrap_or_default(),
                if english {
                    item.outcome.label_en()
                } else {
                    item.outcome.label_da()
                }
                .to_string(),
                match (dissent, english) {
                    (false, _) => String::new(),
                    (true, false) => "ja".into(),
                    (true, true) => "yes".into(),
                },
                absent.join(", "),
            ]
            .into_iter(),
        );
    }
    out
}

fn row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (k, field) in fields.enumerate() {
        if k > 0 {
            out.push(';');
        }
        push_field(out, &field);
    }
    out.push_str("\r\n");
}

fn push_field(out: &mut String, field: &str) {
    let guard = field.starts_with(FORMULA_START);
    let quote = field.contains([';', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}
