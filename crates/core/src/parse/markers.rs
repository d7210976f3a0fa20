//! Where items start: the lines that mark an item wherever they stand, and the headings
//! that open one where the marks were lost.

use super::build;
use super::lines::{self, LineKind};
use crate::reflow::DocLine;

/// Item-opening headings for texts that print no item numbers, titles or case numbers.
/// After the last item marker (in a table of contents, say) and a meeting header, a heading
/// that opens a case's text starts an item whose number was lost (PDF text often loses it).
pub(super) fn opens_item(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    OPENING_HEADINGS.contains(&lower.as_str())
        || lower == "sagsfremstilling"
        || lower == "sagsbeskrivelse"
}

pub(super) const OPENING_HEADINGS: &[&str] = &[
    "beslutningstema",
    "resume",
    "resumé",
    "sagsresume",
    "sagsresumé",
    "sagens kerne",
    "anledning",
];

/// In a flattened page, `Godkendelse af dagsorden 09/39368` right before a heading: the
/// title and case number that open an item (PDF text often loses the item's number).
pub(super) fn titles_with_case_numbers(pieces: &mut [(DocLine, LineKind)]) {
    for i in 0..pieces.len().saturating_sub(1) {
        let heading_next = matches!(
            pieces[i + 1].1,
            LineKind::Heading { .. } | LineKind::Decision { .. }
        );
        if !heading_next {
            continue;
        }
        // `2. Budget rammebesparelse 09/11998`: numbered, the case number ends the title.
        if let LineKind::Numbered { number, title } = &pieces[i].1 {
            if build::title_case_number(title).is_some() {
                pieces[i].1 = LineKind::Point {
                    number: *number,
                    title: title.clone(),
                };
            }
            continue;
        }
        if pieces[i].1 != LineKind::Text {
            continue;
        }
        if let Some((title, case)) = build::title_case_number(&pieces[i].0.text) {
            pieces[i].1 = LineKind::TitledCase {
                title,
                case_number: case,
            };
        }
    }
}

/// Whether the line at `i` marks an item wherever it stands: `Punkt 3`, a case line or
/// label, or a numbered title that is not an entry of a table of contents.
pub(super) fn starts_item(lines: &[(DocLine, LineKind)], i: usize) -> bool {
    let next = |k: usize| lines.get(i + k).map(|(_, kind)| kind);
    match &lines[i].1 {
        LineKind::Point { .. } | LineKind::Case { .. } | LineKind::TitledCase { .. } => true,
        // A label with neither colon nor value (`Sagsnr.` over a column of a table of
        // contents) marks an item only when the case number follows on the next line.
        LineKind::CaseLabel {
            case_number: None,
            item_number: None,
            ..
        } if !lines[i].0.text.contains(':') => lines
            .get(i + 1)
            .is_some_and(|(l, _)| lines::is_case_number(&l.text)),
        // `Sag nr. 74 Title` right after `Sag nr. 73` or before `Sag nr. 75`: a table of
        // contents' entries.
        LineKind::CaseLabel {
            item_number: Some(n),
            ..
        } => {
            let entry = |k: Option<usize>, want: Option<u32>| {
                k.and_then(|k| lines.get(k)).is_some_and(|(_, kind)| {
                    matches!(kind, LineKind::CaseLabel { item_number: Some(m), .. } if Some(*m) == want)
                })
            };
            !entry(i.checked_sub(1), n.checked_sub(1)) && !entry(Some(i + 1), n.checked_add(1))
        }
        LineKind::CaseLabel { .. } => true,
        LineKind::Numbered { title, .. } => {
            // A table of contents lists entries one after another, or with page numbers.
            // Page furniture between two entries (`Til toppen`) makes them items.
            let furniture_between = lines
                .get(i + 1)
                .is_some_and(|(l, _)| l.seq > lines[i].0.seq + 1);
            let toc_next = matches!(
                next(1),
                Some(LineKind::Numbered { .. }) | Some(LineKind::Toc)
            ) && !furniture_between;
            let page_number = |k: usize| {
                lines
                    .get(i + k)
                    .is_some_and(|(l, _)| l.text.chars().all(|c| c.is_ascii_digit()))
            };
            if toc_next || (title.is_empty() && page_number(2)) || page_number(1) {
                return false;
            }
            // A sentence of a numbered list that wraps onto the next line is no title.
            let wraps = lines
                .get(i + 1)
                .is_some_and(|(l, _)| !l.break_before && l.text.starts_with(char::is_lowercase));
            // A title printed with a full stop is still a title when its case line follows.
            // (`Åbent - 00.01.00K01 - 20`: an access and case line cut short is one too.)
            let access_dash = || {
                lines.get(i + 1).is_some_and(|(l, _)| {
                    let t = l.text.to_lowercase();
                    ["åbent -", "åben -", "lukket -"]
                        .iter()
                        .any(|p| t.starts_with(p))
                })
            };
            let case_next = (matches!(
                next(1),
                Some(LineKind::Case { .. } | LineKind::CaseLabel { .. } | LineKind::Access { .. })
            ) || access_dash())
                && title.starts_with(char::is_uppercase);
            title.is_empty() || case_next || (title_like(title) && !wraps)
        }
        _ => false,
    }
}

/// A numbered line's text reads like an item's title, not a sentence of a list.
pub(super) fn title_like(title: &str) -> bool {
    let first = title.chars().next().unwrap_or(' ');
    title.chars().count() <= 160
        && (first.is_uppercase() || first == '"' || first == '§')
        && !title.trim_end().ends_with(['.', ',', ';', ':'])
}
