//! Page furniture: the lines a PDF repeats at the top or the bottom of its pages (the
//! committee and date in a running header, `Side 3 af 28`, a logo's text). They are no
//! part of any item; cut out of the page text, they are kept on the meeting instead.
//!
//! A line is furniture when it is among the top or bottom three lines of at least
//! three pages and of more than half of them, either verbatim or, for page numbers,
//! with a number that runs with the page (`Side 4` on the fourth page, `- 5 -` on
//! the fourth). A case number at the top of every item's page (`EMN-2025-001234`) has
//! no number that runs with the page, so it stays. The first page keeps its top
//! lines: there, a running header is the minutes' own heading.

use super::lines::Line;
use std::collections::HashMap;

/// How many lines at each end of a page can be furniture.
const ZONE: usize = 3;

/// Splits furniture off `pages`. Returns the lines removed, in page order.
/// `keep` vetoes a line that must stay (a section heading at the top of many pages).
pub fn strip(pages: &mut [Vec<Line>], keep: &dyn Fn(&str) -> bool) -> Vec<String> {
    let n = pages.len();
    if n < 3 {
        return Vec::new();
    }
    let needed = (n / 2 + 1).max(3);
    let mut verbatim: HashMap<&str, usize> = HashMap::new();
    // Pattern with digits masked -> (page offset -> pages where the number runs with it).
    let mut numbered: HashMap<String, HashMap<i64, usize>> = HashMap::new();
    for (index, page) in pages.iter().enumerate() {
        let mut seen: Vec<&str> = Vec::new();
        for line in zone(page) {
            let text = line.text.as_str();
            if seen.contains(&text) {
                continue;
            }
            seen.push(text);
            *verbatim.entry(text).or_default() += 1;
            for offset in page_offsets(text, index) {
                *numbered
                    .entry(mask(text))
                    .or_default()
                    .entry(offset)
                    .or_default() += 1;
            }
        }
    }
    let fixed: Vec<String> = verbatim
        .into_iter()
        .filter(|&(text, count)| count >= needed && !keep(text) && !sentence(text))
        .map(|(text, _)| text.to_owned())
        .collect();
    let running: Vec<(String, i64)> = numbered
        .into_iter()
        .filter_map(|(pattern, offsets)| {
            let (offset, count) = offsets.into_iter().max_by_key(|&(o, c)| (c, -o.abs()))?;
            (count >= needed).then_some((pattern, offset))
        })
        .collect();
    // Only a line that says it is a page number (`Side 3`, `3 af 28`, `- 3 -`) runs with the
    // page; `Punkt 3` atop the third page of one-item pages is the item.
    let vetoed = |text: &str| keep(text) || sentence(text) || !says_page(text);
    if fixed.is_empty() && running.is_empty() {
        return Vec::new();
    }
    let mut removed = Vec::new();
    for (index, page) in pages.iter_mut().enumerate() {
        let zones = zone_of(page);
        let mut kept = Vec::with_capacity(page.len());
        let mut heading = Vec::new();
        for (line, zone) in page.drain(..).zip(zones) {
            let is_furniture = zone != Zone::Middle
                && (fixed.contains(&line.text)
                    || (!vetoed(&line.text)
                        && running.iter().any(|(pattern, offset)| {
                            *pattern == mask(&line.text)
                                && page_offsets(&line.text, index).contains(offset)
                        })));
            if !is_furniture {
                kept.push(line);
            } else if index == 0 && zone == Zone::Top {
                // The first page's running header is the minutes' heading: it stays,
                // and opens the text wherever it was drawn.
                heading.push(line);
            } else {
                removed.push(line.text);
            }
        }
        heading.extend(kept);
        *page = heading;
    }
    removed
}

/// The top and bottom lines of a page, where furniture is looked for.
fn zone(page: &[Line]) -> impl Iterator<Item = &Line> {
    let in_zone = zone_of(page);
    page.iter()
        .zip(in_zone)
        .filter(|(_, z)| *z != Zone::Middle)
        .map(|(l, _)| l)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Top,
    Middle,
    Bottom,
}

/// Where each line of a page is, by its height on the page (not its place in the
/// content stream: a browser draws its running header after the page's text). A short
/// page has no middle: at most a third of its lines at each end.
fn zone_of(page: &[Line]) -> Vec<Zone> {
    let each = ZONE.min(page.len() / 3);
    let mut order: Vec<usize> = (0..page.len()).collect();
    order.sort_by(|&a, &b| page[a].y.total_cmp(&page[b].y));
    let mut zones = vec![Zone::Middle; page.len()];
    for &i in &order[..each] {
        zones[i] = Zone::Top;
    }
    for &i in &order[page.len() - each..] {
        zones[i] = Zone::Bottom;
    }
    zones
}

/// Each run of digits in `text` masked, so `Side 9 af 12` and `Side 10 af 12` share a
/// pattern.
fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('#') {
            out.push('#');
        }
    }
    out
}

/// Whether `text` is a page number's line: no words at all (`3`, `- 3 -`, `3/28`), or a
/// word for a page among them (`Side 3 af 28`, `Page 3 of 28`, `Referat, s. 3`).
fn says_page(text: &str) -> bool {
    let mut words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_none()
        || words.any(|w| {
            let w = w.to_lowercase();
            matches!(
                w.as_str(),
                "side" | "sider" | "page" | "s" | "pag" | "sidetal"
            )
        })
}

/// Whether `text` reads as a sentence or a label (`Godkendt.`, `Bilag:`): part of the
/// minutes however often it repeats. Running headers and page numbers end otherwise.
fn sentence(text: &str) -> bool {
    text.ends_with(['.', ':']) && !text.ends_with("..")
}

/// For each number in `text` of at most four digits, how far it is from the page's
/// own number (`index + 1`): a page number gives the same offset on every page. Each
/// offset once (`Side 3 af 3` on the third page counts once).
fn page_offsets(text: &str, index: usize) -> Vec<i64> {
    let mut out = Vec::new();
    for number in text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty() && s.len() <= 4)
    {
        if let Ok(value) = number.parse::<i64>() {
            let offset = value - (index as i64 + 1);
            if !out.contains(&offset) {
                out.push(offset);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line {
                text: (*t).to_owned(),
                x: 40.0,
                y: 50.0 + 14.0 * i as f64,
                size: 11.0,
                gap_before: false,
            })
            .collect()
    }

    fn texts(pages: &[Vec<Line>]) -> Vec<Vec<&str>> {
        pages
            .iter()
            .map(|p| p.iter().map(|l| l.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn running_header_and_page_numbers_are_cut_and_kept_aside() {
        let mut pages = vec![
            page(&[
                "Økonomiudvalget 3. marts 2025",
                "1. Godkendelse",
                "a",
                "b",
                "c",
                "Side 1 af 3",
            ]),
            page(&[
                "Økonomiudvalget 3. marts 2025",
                "d",
                "e",
                "f",
                "g",
                "Side 2 af 3",
            ]),
            page(&[
                "Økonomiudvalget 3. marts 2025",
                "h",
                "i",
                "j",
                "k",
                "Side 3 af 3",
            ]),
        ];
        let removed = strip(&mut pages, &|_| false);
        assert_eq!(
            removed,
            vec![
                "Side 1 af 3",
                "Økonomiudvalget 3. marts 2025",
                "Side 2 af 3",
                "Økonomiudvalget 3. marts 2025",
                "Side 3 af 3"
            ]
        );
        assert_eq!(
            texts(&pages),
            vec![
                vec![
                    "Økonomiudvalget 3. marts 2025",
                    "1. Godkendelse",
                    "a",
                    "b",
                    "c"
                ],
                vec!["d", "e", "f", "g"],
                vec!["h", "i", "j", "k"],
            ]
        );
    }

    #[test]
    fn a_case_number_atop_each_page_is_no_furniture() {
        let mut pages = vec![
            page(&["EMN-2025-000101", "a", "b", "c", "d", "e"]),
            page(&["EMN-2025-000202", "a2", "b2", "c2", "d2", "e2"]),
            page(&["EMN-2025-000303", "a3", "b3", "c3", "d3", "e3"]),
        ];
        assert!(strip(&mut pages, &|_| false).is_empty());
        assert_eq!(pages[1][0].text, "EMN-2025-000202");
    }

    #[test]
    fn a_heading_the_vocabulary_knows_stays() {
        let texts: Vec<Vec<String>> = (0..4u8)
            .map(|p| {
                let mut lines = vec!["Beslutning".to_owned()];
                lines.extend((0..5u8).map(|i| format!("linje {}", (b'a' + p * 5 + i) as char)));
                lines
            })
            .collect();
        let pages_of = |texts: &[Vec<String>]| -> Vec<Vec<Line>> {
            texts
                .iter()
                .map(|t| page(&t.iter().map(String::as_str).collect::<Vec<_>>()))
                .collect()
        };
        let mut pages = pages_of(&texts);
        assert!(strip(&mut pages, &|t| t == "Beslutning").is_empty());
        // Unvetoed, the same repetition is furniture (the first page keeps its own).
        let mut pages = pages_of(&texts);
        assert_eq!(strip(&mut pages, &|_| false), vec!["Beslutning"; 3]);
    }

    #[test]
    fn item_numbers_and_decisions_atop_one_item_pages_stay() {
        // Six pages, one item each from the second: `Punkt N` runs with the page like a
        // page number, and `Godkendt.` ends every page.
        let mut pages: Vec<Vec<Line>> = (0..6)
            .map(|p| {
                let head = format!("Punkt {p}");
                let body: Vec<String> = (0..4)
                    .map(|i| format!("tekst {}", (b'a' + p * 4 + i) as char))
                    .collect();
                let mut lines = vec![head.as_str()];
                lines.extend(body.iter().map(String::as_str));
                lines.push("Godkendt.");
                page(&lines)
            })
            .collect();
        let removed = strip(&mut pages, &|_| false);
        assert!(removed.is_empty(), "{removed:?}");
        assert_eq!(pages[3][0].text, "Punkt 3");
    }

    #[test]
    fn page_number_lines_say_so() {
        for page_line in [
            "3",
            "- 3 -",
            "3/28",
            "Side 3 af 28",
            "Page 3 of 28",
            "Referat, s. 3",
        ] {
            assert!(says_page(page_line), "{page_line}");
        }
        for content in ["Punkt 3", "Bilag 3", "Økonomiudvalget 3. marts 2025"] {
            assert!(!says_page(content), "{content}");
        }
    }

    #[test]
    fn two_pages_are_too_few_to_tell() {
        let mut pages = vec![page(&["Referat", "a", "b"]), page(&["Referat", "c", "d"])];
        assert!(strip(&mut pages, &|_| false).is_empty());
    }
}
