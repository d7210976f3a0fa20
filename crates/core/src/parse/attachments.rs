//! "Bilag" lists: `1 - Åben  Status på …  (95699/23)  (H)` and plain title lines.

use crate::model::{Access, Attachment};
use regex::Regex;
use std::sync::LazyLock;

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\s*[-–.)]\s*(.*)$").expect("valid regex"));
static REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((\d{1,7}/\d{2,4})\)").expect("valid regex"));
static ACCESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(?i:(Åben|Lukket))(?:\s|$)").expect("valid regex"));
static MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((\p{Lu})\)|(?:^|\s)(\d{5,})(?:\s|$)").expect("valid regex"));

/// Groups the lines of a Bilag block into entries and parses each one.
/// Numbered lists (`1 -`) may wrap; otherwise every line is one attachment.
pub fn parse_attachments(lines: &[&str]) -> Vec<Attachment> {
    let numbered = lines.iter().any(|l| NUMBERED.is_match(l));
    let mut entries: Vec<String> = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match entries.last_mut() {
            Some(entry) if numbered && !NUMBERED.is_match(line) => {
                entry.push('\t');
                entry.push_str(line);
            }
            _ => entries.push(line.to_string()),
        }
    }
    entries.iter().map(|e| parse_entry(e, numbered)).collect()
}

fn parse_entry(entry: &str, numbered: bool) -> Attachment {
    let mut rest = entry.to_string();
    let mut number = None;
    if numbered {
        if let Some(c) = NUMBERED.captures(entry) {
            number = c[1].parse().ok();
            rest = c[2].to_string();
        }
    }
    let reference = REFERENCE.captures(&rest).map(|c| c[1].to_string());
    rest = REFERENCE.replace(&rest, "\t").into_owned();
    let access = ACCESS.captures(&rest).map(|c| {
        if c[1].to_lowercase().starts_with('å') {
            Access::Open
        } else {
            Access::Closed
        }
    });
    if numbered {
        rest = ACCESS.replace(&rest, "\t").into_owned();
    }
    let mut marks = Vec::new();
    if numbered {
        for c in MARK.captures_iter(&rest) {
            marks.push(c.get(0).map_or("", |m| m.as_str()).trim().to_string());
        }
        rest = MARK.replace_all(&rest, "\t").into_owned();
    }
    let title = clean(&rest);
    let note = marks.join(" ");
    Attachment {
        number,
        title: (!title.is_empty()).then_some(title),
        reference,
        access: if numbered { access } else { None },
        note: (!note.is_empty()).then_some(note),
    }
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norddjurs_numbered_entries() {
        let lines = [
            "1 -\tÅben\tStatus på udviklingsproces på Socialområdet, september 2023\t(95699/23)\t(H)",
            "3519506",
            "2 -\tLukket\tFælles strategi.pdf\t(97616/23)\t(H)",
        ];
        let got = parse_attachments(&lines);
        assert_eq!(
            got,
            vec![
                Attachment {
                    number: Some(1),
                    title: Some(
                        "Status på udviklingsproces på Socialområdet, september 2023".into()
                    ),
                    reference: Some("95699/23".into()),
                    access: Some(Access::Open),
                    note: Some("(H) 3519506".into()),
                },
                Attachment {
                    number: Some(2),
                    title: Some("Fælles strategi.pdf".into()),
                    reference: Some("97616/23".into()),
                    access: Some(Access::Closed),
                    note: Some("(H)".into()),
                },
            ]
        );
    }

    #[test]
    fn entry_without_title_keeps_reference() {
        let got = parse_attachments(&["1 -", "3602570", "(35064/24) (H)"]);
        assert_eq!(
            got,
            vec![Attachment {
                number: Some(1),
                title: None,
                reference: Some("35064/24".into()),
                access: None,
                note: Some("3602570 (H)".into()),
            }]
        );
    }

    #[test]
    fn plain_lines_are_titles() {
        let got = parse_attachments(&[
            "Indstilling",
            "Meningstilkendegivelse Havnens Perle (påført 07.04.2025)",
        ]);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1].title.as_deref(),
            Some("Meningstilkendegivelse Havnens Perle (påført 07.04.2025)")
        );
        assert_eq!(got[1].reference, None);
    }
}
