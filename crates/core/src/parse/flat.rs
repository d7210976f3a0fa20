//! Pages flattened into one line. Some viewers of PDF minutes (and text copied from them)
//! give a whole page as one line: `3 1. Godkendelse af dagsorden Dok.nr.: 1965 Sagsid.:
//! 14/40 Åben sag Beslutning Økonomiudvalget den Godkendt.`. Such a line is cut back into
//! the lines it was made of, before labels (`Sagsid.:`), access marks (`Åben sag`),
//! headings in capitals (`RESUMÉ`) and decision headings, and after the page number that
//! starts it. Only lines that show the signs of it are cut: long, and with two labels or
//! a page number in front.

use crate::vocabulary::Vocabulary;
use regex::Regex;
use std::sync::LazyLock;

/// A run of words in capitals (`RESUMÉ`, `BESLUTNING I KOMMUNALBESTYRELSEN DEN`), at least
/// one of four letters or more.
static CAPS_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\p{Lu}[\p{Lu}\-]*(?:\s+\p{Lu}[\p{Lu}\-]*\.?)*\b:?").expect("valid regex")
});

/// A page footer (`Side 3`, `Side: 3`, `Side 3 af 28`) inside a flattened page.
static PAGE_FOOTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\sSide:?\s+\d{1,4}(?:\s+af\s+\d{1,4})?\b").expect("valid regex"));

/// A numbered title with a case number at its end, after a sentence or a page number.
static NUMBERED_CASE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[.!?]\s|\d\s)(\d{1,3}\.\s+\p{Lu}(?:[^:.]|\.\S){2,150}?\s\d{2}/\d{3,7})(?:\s|$)",
    )
    .expect("valid regex")
});

/// Initials, a slash and a case number: `DIHAJP / 06/17018`.
static INITIALS_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-ZÆØÅ]{2,8}\s*/\s*\d{2}(?:\d{2})?/\d{1,7}\b").expect("valid regex")
});

/// A page number, then a numbered title: `4 437. Kommuneplantillæg`.
static PAGE_THEN_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3} (\d{1,3}\. \p{Lu})").expect("valid regex"));

/// A decision of one word, capitalised, as its own sentence inside a flattened page.
static SHORT_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?:Godkendt|Godkendes|Tiltrådt|Tiltrædes|Vedtaget|Anbefales|Anbefalet)\.")
        .expect("valid regex")
});

/// Lines shorter than this are never flattened pages.
const MIN_LEN: usize = 60;
/// A line this long after a page number is a flattened page even without labels.
const LONG: usize = 120;

/// Where to cut `line` (byte offsets of the starts of the pieces after the first), or
/// nothing when it is not a flattened page.
pub fn cuts(line: &str, v: &Vocabulary) -> Vec<usize> {
    if line.len() < MIN_LEN {
        // `4 437. Kommuneplantillæg`: the last page, cut short, still has its page number.
        // (By hand first: this runs on every short line.)
        let b = line.as_bytes();
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=3).contains(&digits) || b.get(digits) != Some(&b' ') {
            return Vec::new();
        }
        return PAGE_THEN_ITEM
            .captures(line)
            .and_then(|c| c.get(1))
            .map(|m| vec![m.start()])
            .unwrap_or_default();
    }
    // `3 1. Godkendelse …`: one to three digits and a space (by hand: every long line).
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let page_index = (1..=3).contains(&digits)
        && line[digits..].starts_with(' ')
        && !line[digits..].trim_start().is_empty();
    let colons = memchr::memchr_iter(b':', line.as_bytes()).count();
    if colons < 2 && !(page_index && line.len() >= LONG) {
        return Vec::new();
    }
    let labels: Vec<usize> = v.re.flat_label.find_iter(line).map(|m| m.start()).collect();
    // Two labels, or a page number in front and a label or a long page.
    let flat = labels.len() >= 2 || (page_index && (!labels.is_empty() || line.len() >= LONG));
    if !flat {
        return Vec::new();
    }
    let mut cuts = labels;
    if page_index {
        let digits = line.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
        cuts.push(digits + line[digits..].len() - line[digits..].trim_start().len());
    }
    cuts.extend(v.re.flat_heading.find_iter(line).map(|m| m.start() + 1));
    cuts.extend(v.re.flat_case.find_iter(line).map(|m| m.start() + 1));
    cuts.extend(v.re.flat_toc.find_iter(line).map(|m| m.start() + 1));
    // `Fraværende: Anders Linde, Bo Lund Godkendt.`: a one-word decision after a list.
    cuts.extend(SHORT_DECISION.find_iter(line).map(|m| m.start() + 1));
    // `… Godkendt. 2. Budget rammebesparelse 09/11998 Beslutningstema: …`: a numbered
    // title that ends with a case number starts a line.
    cuts.extend(
        NUMBERED_CASE_TITLE
            .captures_iter(line)
            .filter_map(|c| c.get(1))
            .map(|m| m.start()),
    );
    for m in PAGE_FOOTER.find_iter(line) {
        cuts.push(m.start() + 1);
        cuts.push(m.end());
    }
    // A line in capitals throughout (a cover page) keeps its runs together.
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let lower = line.chars().filter(|c| c.is_lowercase()).count();
    let mixed = lower * 3 >= letters;
    for m in CAPS_RUN.find_iter(line).filter(|_| mixed) {
        let run = m.as_str();
        let long_word = run
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 4);
        if long_word && run.chars().filter(|c| c.is_alphabetic()).count() >= 5 {
            cuts.push(m.start());
            cuts.push(m.end());
        }
    }
    // `DIHAJP / 06/17018 Temadrøftelse …`: initials, a slash and the case number stay one
    // line, and the case's text starts the next.
    cuts.extend(INITIALS_CASE.find_iter(line).map(|m| m.end()));
    cuts.retain(|&c| c > 0 && c < line.len() && line.is_char_boundary(c));
    cuts.retain(|&c| !line[c..].trim_start().starts_with('/'));
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// `Indholdsfortegnelse1. Fraværende`, `10. Underskriftsark1. Godkendelse af dagsorden`,
/// `8. Evt.1. Godkendelse`: the last entry of a table of contents (or its heading) glued to
/// the first item after it, as some portals' text comes out. Where to cut, if the line is
/// a heading or a numbered entry with an item glued to its end.
pub fn glued_number(line: &str, v: &Vocabulary) -> Option<usize> {
    static GLUED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{Ll}.](\d{1,3})[.:] \p{Lu}").expect("valid regex"));
    // `Fraværende: Ida Holm, Bo Lund1.`: the first item's number glued to the end of the
    // line before its title (a list's start lost its line break).
    // Only a list of names (`Label: A, B1.`): a footnote mark glued to a word
    // (`serviceloven1.`) is no item.
    if (line.ends_with("1.") || line.ends_with("1. ")) && line.contains(':') && line.contains(',') {
        let body = line.trim_end().trim_end_matches('.');
        let at = body.len() - 1;
        if body[..at].ends_with(|c: char| c.is_lowercase()) {
            return Some(at);
        }
    }
    // Cheap tests first: this runs on every line. The glued heading is short.
    let starts_digit = line.starts_with(|c: char| c.is_ascii_digit());
    if !starts_digit && (line.len() > 80 || !line.starts_with(char::is_uppercase)) {
        return None;
    }
    let first_digit = line.bytes().take(61).position(|b| b.is_ascii_digit())?;
    if first_digit > 0 {
        // `Indholdsfortegnelse1. Fraværende`: a known heading, then the item.
        let heading = &line[..first_digit];
        let known = v.words.section_headings.iter().any(|h| h == heading);
        let after = &line[first_digit..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let numbered = after[digits..].starts_with(". ") || after[digits..].starts_with(": ");
        return (known && numbered).then_some(first_digit);
    }
    // `10. Underskriftsark1. Godkendelse …`: a numbered entry with the item at its end.
    if line.len() > 300 || !line[1..].contains(". ") {
        return None;
    }
    let m = GLUED.captures(line)?;
    let at = m.get(1)?.start();
    let before = &line[..at];
    let entry = before
        .split_once(". ")
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    entry.then_some(at)
}

/// The pieces of `line` between the cuts, trimmed and not empty.
pub fn pieces<'a>(line: &'a str, cuts: &[usize]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for &c in cuts.iter().chain(std::iter::once(&line.len())) {
        let piece = line[from..c].trim();
        if !piece.is_empty() {
            out.push(piece);
        }
        from = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Vec<&str> {
        pieces(line, &cuts(line, Vocabulary::builtin()))
    }

    #[test]
    fn flattened_pages_are_cut_back_into_lines() {
        assert_eq!(
            split("3 1. Godkendelse af dagsorden Dok.nr.: 1965 Sagsid.: 14/40 Initialer: abc Åben sag Beslutning Økonomiudvalget den Godkendt. Afbud: Ingen Side 2"),
            [
                "3",
                "1. Godkendelse af dagsorden",
                "Dok.nr.: 1965",
                "Sagsid.: 14/40",
                "Initialer: abc",
                "Åben sag",
                "Beslutning Økonomiudvalget den",
                "Godkendt.",
                "Afbud: Ingen",
                "Side 2"
            ]
        );
        assert_eq!(
            split("4 2. Meddelelser Åben sag Sagsnr.: 13/1 Fraværende: Afbud: Anne Holm, Bo Lund RESUMÉ Godkendt. BESLUTNING I KOMMUNALBESTYRELSEN DEN Godkendt. 2"),
            [
                "4",
                "2. Meddelelser",
                "Åben sag",
                "Sagsnr.: 13/1",
                "Fraværende:",
                "Afbud: Anne Holm, Bo Lund",
                "RESUMÉ",
                "Godkendt.",
                "BESLUTNING I KOMMUNALBESTYRELSEN DEN",
                "Godkendt. 2"
            ]
        );
    }

    #[test]
    fn people_labels_cut_without_a_colon() {
        assert_eq!(
            split("1 Referat Skoleudvalget Mandag den 4. marts 2019 Medlemmer Ida Holm (A) Bo Lund (V) Karen Smed (C) Ulla Berg (F) Fraværende Bo Lund (V)"),
            [
                "1",
                "Referat Skoleudvalget Mandag den 4. marts 2019",
                "Medlemmer Ida Holm (A) Bo Lund (V) Karen Smed (C) Ulla Berg (F)",
                "Fraværende Bo Lund (V)"
            ]
        );
    }

    #[test]
    fn a_numbered_title_with_its_case_number_starts_a_line() {
        assert_eq!(
            split("4 Beslutning i Kulturudvalget den : Pkt. 3 behandles før pkt. 2. Godkendt. 2. Tilskud til foreninger 10/2231 Beslutningstema: Fordeling af puljen."),
            [
                "4",
                "Beslutning i Kulturudvalget den : Pkt. 3 behandles før pkt. 2.",
                "Godkendt.",
                "2. Tilskud til foreninger 10/2231",
                "Beslutningstema: Fordeling af puljen."
            ]
        );
    }

    #[test]
    fn a_short_decision_after_a_list_and_a_page_number_before_an_item() {
        assert_eq!(
            split("3 12. Godkendelse af dagsorden Sagsid.: 15/2 Åben sag Beslutning Byrådet den Fraværende: Ida Holm, Bo Lund Godkendt. Side 17"),
            [
                "3",
                "12. Godkendelse af dagsorden",
                "Sagsid.: 15/2",
                "Åben sag",
                "Beslutning Byrådet den",
                "Fraværende: Ida Holm, Bo Lund",
                "Godkendt.",
                "Side 17"
            ]
        );
        assert_eq!(split("4 13. Lokalplan for"), ["4", "13. Lokalplan for"]);
        assert_eq!(split("3 boliger"), ["3 boliger"]);
    }

    #[test]
    fn a_page_in_capitals_keeps_its_runs() {
        assert_eq!(
            split("1 KOMMUNALBESTYRELSEN FOR NORDFYNS KOMMUNE REFERAT FRA MØDE NR. 26 TORSDAG DEN 29. JANUAR 2009, KL PÅ RÅDHUSET, BYRÅDSSALEN"),
            ["1", "KOMMUNALBESTYRELSEN FOR NORDFYNS KOMMUNE REFERAT FRA MØDE NR. 26 TORSDAG DEN 29. JANUAR 2009, KL PÅ RÅDHUSET, BYRÅDSSALEN"]
        );
    }

    #[test]
    fn a_heading_glued_to_the_first_item_is_cut() {
        let v = Vocabulary::builtin();
        assert_eq!(
            glued_number("Indholdsfortegnelse1. Fraværende", v),
            Some(19)
        );
        assert_eq!(
            glued_number("10. Underskriftsark1. Godkendelse af dagsorden", v),
            Some(19)
        );
        assert_eq!(
            glued_number("8. Evt.1. Godkendelse af dagsorden", v),
            Some(7)
        );
        assert_eq!(glued_number("Afbud: Ida Holm, Bo Lund1.", v), Some(24));
        assert_eq!(glued_number("Arealet er 40 m2.", v), None);
        assert_eq!(
            glued_number("Kommunen skal sikre tilbud efter serviceloven1.", v),
            None
        );
        assert_eq!(glued_number("Budget2024. Oversigt", v), None);
        assert_eq!(glued_number("Vi bruger kl.3. Sal til mødet", v), None);
        assert_eq!(glued_number("Sagsfremstilling", v), None);
    }

    #[test]
    fn prose_stays_whole() {
        let prose = "Udvalget drøftede sagen og bad administrationen om at se på to modeller: en med og en uden tilskud, og at komme tilbage med en vurdering af økonomien i begge.";
        assert_eq!(split(prose), [prose]);
        let short = "3 Sagsnr.: 1/2 Beslutning: Godkendt.";
        assert_eq!(split(short), [short]);
    }
}
