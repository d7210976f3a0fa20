//! Reflowing PDF text: hard-wrapped lines back into paragraphs.
//!
//! PDF extractors emit three shapes: hard-wrapped lines with blank lines between
//! paragraphs (pdftotext), the same with a blank line after *every* line
//! ("double-spaced"), and one long line per paragraph. `Layout` records which
//! one a document has, so a blank line is read as the document means it.

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// One non-blank line of the source, trimmed, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine<'a> {
    pub no: usize,
    /// Position among the non-blank lines: a gap means a line between was taken as structure.
    pub seq: usize,
    /// Borrowed from the input, unless the parser cut it (a heading's `rest`).
    pub text: Cow<'a, str>,
    /// The gap before this line (blank lines, a page break) ends a paragraph.
    pub break_before: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The typical full line width in characters (90th percentile).
    pub width: usize,
    /// Every line is a whole paragraph (the extractor did not wrap).
    pub one_line_paragraphs: bool,
}

/// `text` split at every byte `a` or `b` (ASCII), like `str::split` with those characters
/// but found with a SIMD byte search: a `char` pattern decodes every character, and
/// this runs over every input text, twice.
pub fn pieces(text: &str, a: u8, b: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let breaks = memchr::memchr2_iter(a, b, text.as_bytes());
    breaks
        .map(Some)
        .chain(std::iter::once(None))
        .map(move |at| {
            let end = at.unwrap_or(text.len());
            let piece = &text[start..end];
            start = end + 1;
            piece
        })
}

/// Splits normalised text into non-blank lines and measures its layout.
pub fn split_lines(text: &str) -> (Vec<DocLine<'_>>, Layout) {
    struct Raw<'a> {
        no: usize,
        text: &'a str,
        empties: usize,
        ws_only: bool,
        page_break: bool,
    }
    let mut raws = Vec::new();
    let (mut empties, mut ws_only, mut page_break) = (0usize, false, false);
    for (i, line) in pieces(text, b'\n', b'\n').enumerate() {
        if memchr::memchr(0x0c, line.as_bytes()).is_some() {
            page_break = true;
        }
        let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        if trimmed.is_empty() {
            if line.chars().any(|c| c != '\r' && c != '\u{c}') {
                ws_only = true;
            }
            empties += 1;
            continue;
        }
        raws.push(Raw {
            no: i + 1,
            text: trimmed,
            empties,
            ws_only,
            page_break,
        });
        (empties, ws_only, page_break) = (0, false, false);
    }

    let gaps = raws.len().saturating_sub(1).max(1);
    let single_gaps = raws
        .iter()
        .skip(1)
        .filter(|r| r.empties == 1 && !r.ws_only)
        .count();
    // Lines a wrapped text continues across a single blank line start in lower case often
    // (`…udvalget har\n\nbehandlet sagen`); a web page with a blank line between short
    // paragraphs almost never does.
    let continued = raws
        .windows(2)
        .filter(|w| w[1].empties == 1 && w[1].text.starts_with(char::is_lowercase))
        .count();
    let double_spaced = single_gaps * 2 >= gaps && single_gaps > 0 && continued * 8 >= single_gaps;

    let mut lengths: Vec<usize> = raws.iter().map(|r| r.text.chars().count()).collect();
    lengths.sort_unstable();
    let width = lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(0);
    let layout = Layout {
        width,
        one_line_paragraphs: width > 160,
    };

    let lines = raws
        .into_iter()
        .enumerate()
        .map(|(seq, r)| DocLine {
            no: r.no,
            seq,
            text: Cow::Borrowed(r.text),
            break_before: r.page_break
                || r.ws_only
                || if double_spaced {
                    r.empties >= 2
                } else {
                    r.empties >= 1
                },
        })
        .collect();
    (lines, layout)
}

/// Bullet glyphs PDF extractors emit (Symbol-font private-use code points among them).
const BULLETS: [char; 9] = [
    '\u{f0b7}', '\u{f0a7}', '\u{2022}', '\u{25aa}', '\u{25e6}', '\u{00b7}', '\u{2023}', '\u{2043}',
    '*',
];

/// The text after a bullet: a glyph, or `o`, `-` or `–` followed by white space.
fn bullet_text(line: &str) -> Option<&str> {
    let rest = match line.strip_prefix(BULLETS) {
        Some(rest) => rest,
        None => line
            .strip_prefix(['o', '-', '\u{2013}'])
            .filter(|rest| rest.starts_with(char::is_whitespace))?,
    };
    Some(rest.trim_start()).filter(|rest| !rest.is_empty())
}
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:\d{1,2}|[a-zA-Z])[.)]|At \d{1,2}\)|Ad\.? \d{1,2}\.?)(?:\s+\S|$)")
        .expect("valid regex")
});
static DATE_CONTINUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}\.\s+(?i:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|kvartal|halvår|behandling|gang)\b")
        .expect("valid regex")
});

/// How a line begins a list entry, if it does.
#[derive(Debug, PartialEq, Eq)]
pub enum ListMarker<'a> {
    /// A bullet (``, `o`, `-`, `•`); holds the text after it.
    Bullet(&'a str),
    /// `1.`, `a)`, `At 2)`: the marker is part of the text and kept.
    Numbered,
}

pub fn list_marker(line: &str) -> Option<ListMarker<'_>> {
    // The first two characters decide whether a marker is possible at all.
    let mut chars = line.chars();
    let (c0, c1) = (chars.next().unwrap_or(' '), chars.next().unwrap_or(' '));
    let possible = !c0.is_alphanumeric()
        || c0.is_ascii_digit()
        || (c0 == 'o' && c1.is_whitespace())
        || matches!(c1, '.' | ')')
        || line.starts_with("At ")
        || line.starts_with("Ad");
    if !possible {
        return None;
    }
    if let Some(rest) = bullet_text(line) {
        // `o` and `-` are bullets only before a word, not before `og` in `Børne- og`.
        if !line.starts_with('o') || rest.starts_with(|c: char| c.is_uppercase()) {
            return Some(ListMarker::Bullet(rest));
        }
    }
    if NUMBERED.is_match(line) && !DATE_CONTINUATION.is_match(line) {
        return Some(ListMarker::Numbered);
    }
    None
}

/// The text after an `o` used as a bullet: the one bullet that is a letter (and so is
/// not in the bundle's text, where it becomes `•`). Other bullets are not letters.
pub fn letter_bullet(line: &str) -> Option<&str> {
    if !(line.starts_with('o') && line[1..].starts_with(char::is_whitespace)) {
        return None;
    }
    match list_marker(line)? {
        ListMarker::Bullet(rest) => Some(rest),
        ListMarker::Numbered => None,
    }
}

/// Joins lines into paragraphs: a paragraph ends at a break, at a list entry,
/// or after a line that stops well short of the margin. Paragraphs are separated by a
/// blank line, list entries by a line break. Written straight into one string sized
/// for all the lines: this runs on every section of every item.
pub fn reflow(lines: &[DocLine<'_>], layout: Layout) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.text.len() + 4).sum());
    let mut started = false;
    let mut prev_list = false;
    let mut prev_short = true;
    let mut prev_seq: Option<usize> = None;
    for line in lines {
        // Never join across a line the parser took out (a heading, a header).
        let adjacent = prev_seq.is_some_and(|p| line.seq <= p + 1);
        prev_seq = Some(line.seq);
        let (bullet, text, is_list) = match list_marker(&line.text) {
            Some(ListMarker::Bullet(rest)) => ("• ", rest, true),
            Some(ListMarker::Numbered) => ("", line.text.as_ref(), true),
            None => ("", line.text.as_ref(), false),
        };
        let new_paragraph = !started
            || !adjacent
            || line.break_before
            || is_list
            || layout.one_line_paragraphs
            || prev_short;
        prev_short = ends_paragraph(&line.text, layout.width);
        if new_paragraph {
            if started {
                out.push_str(if is_list && prev_list { "\n" } else { "\n\n" });
            }
            out.push_str(bullet);
            out.push_str(text);
            prev_list = is_list;
            started = true;
        } else {
            // A list entry always starts a paragraph, so this joins plain text.
            join_line(&mut out, text);
        }
    }
    out
}

fn ends_paragraph(line: &str, width: usize) -> bool {
    if width < 30 {
        return true;
    }
    // A word split at the line end always continues.
    if line
        .strip_suffix('-')
        .is_some_and(|s| s.ends_with(char::is_alphanumeric))
    {
        return false;
    }
    let n = line.chars().count();
    let sentence_end = line.ends_with(['.', '!', '?', ':']);
    n * 10 < width * 7 || (sentence_end && n * 100 < width * 85)
}

const KEEP_SPACE_AFTER_HYPHEN: [&str; 7] = ["og", "eller", "samt", "til", "og/eller", "&", "el."];

/// Appends `next` to `acc` as the next line of the same paragraph. A word
/// split at the line end is joined, a real hyphen is kept.
pub fn join_line(acc: &mut String, next: &str) {
    let Some(stem) = acc.strip_suffix('-') else {
        acc.push(' ');
        acc.push_str(next);
        return;
    };
    let fragment = stem.rsplit(char::is_whitespace).next().unwrap_or("");
    let next_word = next.split(char::is_whitespace).next().unwrap_or("");
    let split_word = fragment.chars().last().is_some_and(char::is_alphanumeric);
    if !split_word || KEEP_SPACE_AFTER_HYPHEN.contains(&next_word.to_lowercase().as_str()) {
        // `Børne-` + `og ungdomsudvalget`, or a dash standing alone.
        acc.push(' ');
    } else if is_acronym_or_number(fragment) {
        // `MED-` + `aftalen`, `2030-` + `fremskrivning`: a compound, keep the hyphen.
    } else if next_word.starts_with(|c: char| c.is_lowercase()) {
        acc.pop();
    }
    acc.push_str(next);
}

fn is_acronym_or_number(fragment: &str) -> bool {
    let letters: Vec<char> = fragment.chars().filter(|c| c.is_alphabetic()).collect();
    fragment.chars().any(|c| c.is_ascii_digit())
        || (letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_split_like_str_split() {
        for text in ["", "a", "\n", "a\nb", "a\r\nb\r", "æ\nø\rå\n\n", "\r\r"] {
            let want: Vec<&str> = text.split(['\n', '\r']).collect();
            assert_eq!(
                pieces(text, b'\n', b'\r').collect::<Vec<_>>(),
                want,
                "{text:?}"
            );
            let want: Vec<&str> = text.split('\n').collect();
            assert_eq!(
                pieces(text, b'\n', b'\n').collect::<Vec<_>>(),
                want,
                "{text:?}"
            );
        }
    }

    #[test]
    fn letter_bullet_table() {
        let cases = [
            ("o Erfaringer fra 2021", Some("Erfaringer fra 2021")),
            ("o\tDrøftelse", Some("Drøftelse")),
            ("og så videre", None),
            ("o og", None),
            ("• Erfaringer", None),
            ("- Erfaringer", None),
            ("o", None),
        ];
        for (line, want) in cases {
            assert_eq!(letter_bullet(line), want, "{line:?}");
        }
    }

    #[test]
    fn dehyphenation_table() {
        let cases = [
            ("organisatio-", "nen.", "organisationen."),
            ("i lø-", "bet af 2020", "i løbet af 2020"),
            ("MED-", "aftalen, samt", "MED-aftalen, samt"),
            ("Børne-", "og ungdomsudvalget", "Børne- og ungdomsudvalget"),
            (
                "Social-",
                "eller sundhedsområdet",
                "Social- eller sundhedsområdet",
            ),
            ("ny 2030-", "fremskrivning", "ny 2030-fremskrivning"),
            ("Nord-", "Djurs", "Nord-Djurs"),
            ("budget 2022 -", "status", "budget 2022 - status"),
            ("1 -", "3602570", "1 - 3602570"),
            ("uden bindestreg", "her", "uden bindestreg her"),
            ("OMU-", "møde", "OMU-møde"),
        ];
        for (a, b, want) in cases {
            let mut acc = a.to_string();
            join_line(&mut acc, b);
            assert_eq!(acc, want, "joining `{a}` + `{b}`");
        }
    }

    #[test]
    fn list_markers_table() {
        let cases = [
            (
                "\u{f0b7} Unge med misbrug",
                Some(ListMarker::Bullet("Unge med misbrug")),
            ),
            (
                "o Erfaringer fra 2021",
                Some(ListMarker::Bullet("Erfaringer fra 2021")),
            ),
            (
                "- Oprettelse af et udvalg",
                Some(ListMarker::Bullet("Oprettelse af et udvalg")),
            ),
            ("• Punkt", Some(ListMarker::Bullet("Punkt"))),
            ("og ungdomsudvalget", None),
            ("1. Budget 2022", Some(ListMarker::Numbered)),
            ("a. Hvordan gør vi", Some(ListMarker::Numbered)),
            ("At 2) Teknik og Miljø", Some(ListMarker::Numbered)),
            ("24. juni 2021 kl. 15.00", None),
            ("1. kvartal 2024", None),
            ("Almindelig tekst", None),
        ];
        for (line, want) in cases {
            assert_eq!(list_marker(line), want, "line `{line}`");
        }
    }

    fn reflow_text(text: &str) -> String {
        let (lines, layout) = split_lines(text);
        reflow(&lines, layout)
    }

    #[test]
    fn reflows_wrapped_lines_and_keeps_paragraphs() {
        let text = "Dette er en lang linje, som fortsætter på næste linje uden at slutte her, og som\n\
                    ikke er slut endnu, og den fortsætter også her med flere ord, for organisatio-\n\
                    nen skriver lange sætninger i sine dokumenter om mange forhold.\n\
                    \n\
                    Nyt afsnit.\n";
        assert_eq!(
            reflow_text(text),
            "Dette er en lang linje, som fortsætter på næste linje uden at slutte her, og som ikke er slut endnu, \
             og den fortsætter også her med flere ord, for organisationen skriver lange sætninger i sine dokumenter om mange forhold.\n\nNyt afsnit."
        );
    }

    #[test]
    fn double_spaced_text_joins_across_single_blank_lines() {
        let text = "Områdeudvalget udtrykte bekymring for den akkumulerede stigning i det beløb, der skal \n\n\
                    effektiviseres for år for år. \n\n \n\nNæste afsnit her. \n\n";
        assert_eq!(
            reflow_text(text),
            "Områdeudvalget udtrykte bekymring for den akkumulerede stigning i det beløb, der skal effektiviseres for år for år.\n\nNæste afsnit her."
        );
    }

    #[test]
    fn bullets_become_list_lines() {
        let text = "Emner:\n\no Erfaringer fra 2021 \n\no Drøftelse af fremadrettede effektiviseringer \n\n";
        assert_eq!(
            reflow_text(text),
            "Emner:\n\n• Erfaringer fra 2021\n• Drøftelse af fremadrettede effektiviseringer"
        );
    }
}
