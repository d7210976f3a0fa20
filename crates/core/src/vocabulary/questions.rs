//! What the parser asks of the vocabulary about a line, a label or a name.

use super::{key4, LabelField, Vocabulary};

impl Vocabulary {
    /// The field a header label fills (`Mødedato` → date), compared without case.
    pub fn label_field(&self, label: &str) -> Option<LabelField> {
        let label = label.trim().to_lowercase();
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        self.re
            .label_fields
            .iter()
            .find(|(l, _)| *l == label)
            .map(|&(_, f)| f)
    }

    /// Whether `name` reads as a body that meets (`Teknik- og Miljøudvalget`, `Byrådet`).
    /// The body's word opens or ends the name (`Udvalget for Miljø og Teknik`, `Aarhus
    /// Byråd`); in the middle it is a phrase about one (`Titel Udvalg Funktioner`).
    pub fn is_committee_name(&self, name: &str) -> bool {
        let mut words = name.split_whitespace();
        let first = words.next().unwrap_or("");
        let last = words.next_back().unwrap_or("");
        self.re.committee_word.is_match(first)
            || self.re.committee_word.is_match(last)
            || self.committees.expand(name).is_some()
    }

    /// Whether `heading` opens a table of contents (`Indholdsfortegnelse`, `Sagsoversigt`).
    pub fn is_toc_heading(&self, heading: &str) -> bool {
        let heading = heading.trim().trim_end_matches(':').to_lowercase();
        self.words
            .toc_headings
            .iter()
            .any(|w| w.to_lowercase() == heading)
    }

    /// Whether `line` is a signature's title (`formand`, `Borgmester`).
    pub fn is_signature_role(&self, line: &str) -> bool {
        let line = line.trim().trim_end_matches([',', '.']).to_lowercase();
        self.words
            .signature_roles
            .iter()
            .any(|r| r.to_lowercase() == line)
    }

    /// Whether `line` is a heading the parser reads as structure (`Beslutning`,
    /// `Sagsfremstilling`, `Fraværende:`, `Beslutning i Byrådet den …`): never page
    /// furniture, however often a PDF prints it at the top of a page.
    pub fn is_heading_line(&self, line: &str) -> bool {
        let line = line.trim().trim_end_matches([':', '.']).to_lowercase();
        let w = &self.words;
        [
            &w.section_headings,
            &w.decision_headings,
            &w.item_decision_headings,
            &w.absence_labels,
            &w.attendance_labels,
            &w.toc_headings,
        ]
        .into_iter()
        .flatten()
        .any(|h| h.to_lowercase() == line)
            // `Beslutning i Byrådet den 27. august 2025`, the same on every item's page.
            || [&w.decision_headings, &w.item_decision_headings]
                .into_iter()
                .flatten()
                .any(|h| {
                    let h = h.to_lowercase();
                    line.strip_prefix(h.as_str()).is_some_and(|rest| rest.starts_with(' '))
                })
    }

    /// Whether `word` alone says what the document is (`REFERAT`, `Beslutningsprotokol`).
    pub fn is_document_word(&self, word: &str) -> bool {
        let word = word.trim().trim_end_matches(['.', ':']).to_lowercase();
        self.words
            .document_words
            .iter()
            .any(|w| w.to_lowercase() == word)
    }

    /// Whether `text` (lower-cased) is the start of a furniture phrase, cut off.
    pub fn is_furniture_start(&self, text: &str) -> bool {
        self.re.furniture_forms.iter().any(|f| f.starts_with(text))
    }

    /// The full name of an abbreviation, or the name itself.
    pub fn expand(&self, name: &str) -> String {
        self.committees
            .expand(name)
            .map_or_else(|| name.to_string(), str::to_string)
    }

    /// `line` without web-page furniture glued to its end or start
    /// (`Godkendelse af dagsordenÅbn/luk punkt`), and the furniture cut off, if any.
    /// Byte comparisons that ignore ASCII case, against each phrase as printed and
    /// lower-cased: this runs on every line, and lower-casing each would cost more.
    pub fn strip_furniture<'a>(&self, line: &'a str) -> (&'a str, Option<&'a str>) {
        let bytes = line.as_bytes();
        // The last and first four bytes decide whether any phrase could be there at all.
        let end = bytes.len().checked_sub(4).map(|at| key4(&bytes[at..]));
        if end.is_some_and(|e| self.re.furniture_ends.contains(&e)) {
            for f in &self.re.furniture_forms {
                let fb = f.as_bytes();
                if bytes.len() <= fb.len()
                    || !bytes[bytes.len() - fb.len()..].eq_ignore_ascii_case(fb)
                {
                    continue;
                }
                let cut = line.len() - fb.len();
                if line.is_char_boundary(cut) {
                    let before = line[..cut].trim_end_matches([' ', '-', '–']);
                    // Glued (`…dagsordenÅbn/luk punkt`) or after a separator; not a sentence's end.
                    if !before.is_empty() && !before.ends_with(['.', ',']) {
                        return (before.trim_end(), Some(&line[cut..]));
                    }
                }
            }
        }
        let start = (bytes.len() >= 4).then(|| key4(&bytes[..4]));
        if start.is_some_and(|s| self.re.furniture_starts.contains(&s)) {
            for f in &self.re.furniture_forms {
                let fb = f.as_bytes();
                if bytes.len() <= fb.len() || !bytes[..fb.len()].eq_ignore_ascii_case(fb) {
                    continue;
                }
                let at = fb.len();
                if line.is_char_boundary(at) && line[at..].starts_with([' ', '-', '–']) {
                    let after = line[at..].trim_start_matches([' ', '-', '–']);
                    if !after.is_empty() {
                        return (after, Some(&line[..at]));
                    }
                }
            }
        }
        (line, None)
    }

    /// Whether the whole line is furniture. Runs on every line: a longer line is none.
    pub fn is_furniture(&self, line: &str) -> bool {
        let bytes = line.as_bytes();
        if bytes.len() < 4
            || bytes.len() > self.re.longest_furniture + 16
            || !self.re.furniture_starts.contains(&key4(&bytes[..4]))
        {
            return false;
        }
        let line = line.trim().trim_end_matches([' ', '-', '–', '|']);
        // Compared without case, spaces and dashes: `Kopier link til punktet  -   Print`.
        let compact = || {
            line.chars()
                .filter(|c| !c.is_whitespace() && *c != '-' && *c != '–')
                .flat_map(char::to_lowercase)
        };
        self.re
            .furniture_compact
            .iter()
            .any(|f| compact().eq(f.chars()))
    }
}
