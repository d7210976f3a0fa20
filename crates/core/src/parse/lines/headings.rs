//! Section headings: the vocabulary's (`Sagsfremstilling`, `Indstilling: …`), run into
//! their text, glued to it, or written in capitals.

use super::{classify, LineKind};
use crate::vocabulary::Vocabulary;

/// Whether `heading` is one of the vocabulary's section headings (not a line in capitals).
pub fn is_known_heading(heading: &str, v: &Vocabulary) -> bool {
    known_heading(heading, v).is_some()
}

/// `Heading` or `Heading: text`, where `Heading` is a known one in any case.
pub(super) fn known_heading(line: &str, v: &Vocabulary) -> Option<(String, Option<String>)> {
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
pub(super) fn glued_heading(line: &str, v: &Vocabulary) -> Option<LineKind> {
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
pub(super) fn is_caps_heading(line: &str) -> bool {
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
