//! Matches marked in text, and the snippet around the first one.

use crate::fold::{terms, Folded};
use crate::model::Item;
use std::ops::Range;

/// Byte ranges in `text` where a term of `query` matches (folded), merged and in order.
pub fn highlight(text: &str, query: &str) -> Vec<Range<usize>> {
    let terms = terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for t in &terms {
        for (at, _) in folded.text.match_indices(t.as_str()) {
            ranges.push(folded.original_range(at, at + t.len()));
        }
    }
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// A piece of text to render, marked when it is a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// `text` split into plain and matching segments.
pub fn segments(text: &str, query: &str) -> Vec<Segment> {
    split(text, &highlight(text, query))
}

fn split(text: &str, ranges: &[Range<usize>]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut pos = 0;
    for r in ranges {
        if r.start > pos {
            out.push(Segment {
                text: text[pos..r.start].to_string(),
                hit: false,
            });
        }
        out.push(Segment {
            text: text[r.clone()].to_string(),
            hit: true,
        });
        pos = r.end;
    }
    if pos < text.len() || out.is_empty() {
        out.push(Segment {
            text: text[pos..].to_string(),
            hit: false,
        });
    }
    out
}

/// A short passage around the first match in the item's texts, matches marked.
/// Title and case number are left out since the row shows them; None when only they matched.
pub fn snippet(item: &Item, query: &str, width: usize) -> Option<Vec<Segment>> {
    let texts = item
        .decisions
        .iter()
        .flat_map(|d| std::iter::once(d.text.as_str()).chain(d.remarks.iter().map(String::as_str)))
        .chain(item.sections.iter().map(|s| s.text.as_str()))
        // A heading ("Økonomiske konsekvenser") is the last resort.
        .chain(item.sections.iter().filter_map(|s| s.heading.as_deref()));
    for text in texts {
        let ranges = highlight(text, query);
        let Some(first) = ranges.first() else {
            continue;
        };
        let start = floor_char(text, first.start.saturating_sub(width / 3));
        let start = text[..start].rfind(char::is_whitespace).map_or(start, |i| {
            if first.start - i < width / 2 {
                i + 1
            } else {
                start
            }
        });
        let end = floor_char(text, (start + width).min(text.len()).max(first.end));
        let window: Vec<Range<usize>> = ranges
            .iter()
            .filter(|r| r.start >= start && r.end <= end)
            .map(|r| r.start - start..r.end - start)
            .collect();
        let mut segs = split(&text[start..end], &window);
        if start > 0 {
            segs.insert(
                0,
                Segment {
                    text: "…".into(),
                    hit: false,
                },
            );
        }
        if end < text.len() {
            segs.push(Segment {
                text: "…".into(),
                hit: false,
            });
        }
        return Some(segs);
    }
    None
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
