//! The vocabulary of Danish minutes as data: committee names, header labels, section
//! headings, case-number labels, decision headings, outcome, absence and dissent phrases.
//!
//! The built-in table is `builtin.toml`, compiled into the core. A user adds a
//! municipality's wording with a file of the same shape (`--vocabulary FILE.toml`): its
//! lists are appended to the built-in ones, its committees add to or override them.
//! The parser never names a word itself; it asks this table, through the patterns
//! [`Vocabulary`] compiles once.

use crate::committees::Committees;
use crate::model::Outcome;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;
use thiserror::Error;

mod questions;

const BUILTIN: &str = include_str!("builtin.toml");

#[derive(Debug, Error)]
pub enum VocabularyError {
    #[error("invalid vocabulary file: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("committee abbreviation `{0}` maps to an empty name")]
    EmptyName(String),
    #[error("`{list}` entry `{entry}` is not a valid pattern: {message}")]
    Pattern {
        list: &'static str,
        entry: String,
        message: String,
    },
}

/// The lists of words, as in `builtin.toml`'s `[words]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Words {
    pub committee_words: Vec<String>,
    pub document_words: Vec<String>,
    pub toc_headings: Vec<String>,
    pub signature_roles: Vec<String>,
    pub section_headings: Vec<String>,
    pub decision_headings: Vec<String>,
    pub item_decision_headings: Vec<String>,
    pub absence_labels: Vec<String>,
    pub attendance_labels: Vec<String>,
    pub case_labels: Vec<String>,
    pub journal_labels: Vec<String>,
    pub field_labels: Vec<String>,
    pub committee_labels: Vec<String>,
    pub date_labels: Vec<String>,
    pub time_labels: Vec<String>,
    pub place_labels: Vec<String>,
    pub furniture: Vec<String>,
}

/// The phrase patterns, as in `builtin.toml`'s `[phrases]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Phrases {
    pub rejected: Vec<String>,
    pub withdrawn: Vec<String>,
    pub postponed: Vec<String>,
    pub noted: Vec<String>,
    pub recommended: Vec<String>,
    pub approved: Vec<String>,
    pub noted_weak: Vec<String>,
    pub approved_weak: Vec<String>,
    pub discussed: Vec<String>,
    pub dissent: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct File {
    committees: BTreeMap<String, String>,
    words: Words,
    phrases: Phrases,
}

/// Which meeting field a header label fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelField {
    Committee,
    Date,
    Time,
    Place,
    /// A field referat does not keep (`Mødet afsluttet`, `Sluttidspunkt`): its value is
    /// read past, so the next label meets its own value in a column of labels.
    Ignored,
}

/// The vocabulary, with its patterns compiled.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub committees: Committees,
    pub words: Words,
    pub phrases: Phrases,
    pub(crate) re: Patterns,
}

/// The first four characters (lower-cased) of a list's entries: a lookup of a line's
/// first four, so a label's pattern runs only on the few lines that could match it.
/// A handful of entries: a linear scan beats hashing here.
pub(crate) type Gate = Vec<Key>;

/// A line's first four characters, lower-cased (spaces where the line is shorter).
pub type Key = [char; 4];

/// The [`Key`] of a line or a label.
pub fn first_four(line: &str) -> Key {
    let mut key = [' '; 4];
    for (slot, c) in key.iter_mut().zip(line.chars()) {
        *slot = c.to_lowercase().next().unwrap_or(c);
    }
    key
}

fn gate(list: &[String]) -> Gate {
    let mut gate: Gate = list.iter().map(|w| first_four(w.trim())).collect();
    gate.sort_unstable();
    gate.dedup();
    gate
}

/// The compiled patterns the parser uses.
#[derive(Debug, Clone)]
pub(crate) struct Patterns {
    pub committee_word: Regex,
    pub decision: Regex,
    pub item_decision: Regex,
    pub absence: Regex,
    pub attendance: Regex,
    pub case_label: Regex,
    pub label: Regex,
    pub label_fields: Vec<(String, LabelField)>,
    /// In a flattened page: a label with its colon, or an access mark, after a space.
    pub flat_label: Regex,
    /// In a flattened page: a heading as printed, followed by a capital.
    pub flat_heading: Regex,
    /// In a flattened page: a case-number label without its colon (`Sagsnr J.nr`).
    pub flat_case: Regex,
    /// In a flattened page: the heading of a table of contents (`Sagsoversigt 01. …`).
    pub flat_toc: Regex,
    /// Section headings lower-cased, with first character and length in characters.
    pub headings: Vec<(char, usize, String)>,
    pub longest_heading: usize,
    /// Each furniture phrase as printed and lower-cased, longest first.
    pub furniture_forms: Vec<String>,
    /// The longest furniture phrase in bytes.
    pub longest_furniture: usize,
    /// Furniture lower-cased without spaces and dashes, for whole-line comparisons.
    pub furniture_compact: Vec<String>,
    /// The last and the first four bytes (ASCII lower-cased) of the furniture forms.
    pub furniture_ends: Vec<[u8; 4]>,
    pub furniture_starts: Vec<[u8; 4]>,
    /// First four characters of case labels, decision headings and absence labels.
    pub case_gate: Gate,
    pub decision_gate: Gate,
    pub absence_gate: Gate,
    /// Decisive outcome phrases, one pattern per outcome, in priority order.
    pub decisive: Vec<(Regex, Outcome)>,
    pub any_decisive: Regex,
    pub noted_weak: Regex,
    pub approved_weak: Regex,
    pub discussed: Regex,
    pub dissent: Regex,
}

static BUILTIN_VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let file: File = toml::from_str(BUILTIN).expect("the built-in vocabulary is valid TOML");
    Vocabulary::from_file(file).expect("the built-in vocabulary compiles")
});

impl Default for Vocabulary {
    fn default() -> Self {
        Self::builtin().clone()
    }
}

/// `words` as one case-insensitive alternation, longest first so `Afbud fra` beats `Afbud`.
fn alternation(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().filter(|w| !w.trim().is_empty()).collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    sorted.dedup();
    let escaped: Vec<String> = sorted
        .iter()
        .map(|w| regex::escape(w.trim()).replace(' ', r"\s+"))
        .collect();
    format!("(?:{})", escaped.join("|"))
}

/// Phrases as one pattern, case-insensitive, each on ASCII word boundaries: a Unicode `\b`
/// makes the regex engine fall back to its slowest matcher on Danish text. Every phrase
/// starts with an ASCII letter, so the two kinds of boundary agree there.
fn phrases(list: &'static str, items: &[String]) -> Result<Regex, VocabularyError> {
    for entry in items {
        Regex::new(entry).map_err(|e| VocabularyError::Pattern {
            list,
            entry: entry.clone(),
            message: e.to_string(),
        })?;
    }
    // A trailing boundary only after a letter or digit: `stemme.` ends where it ends.
    let alternatives: Vec<String> = items
        .iter()
        .map(|p| {
            let end = if p.ends_with(|c: char| c.is_alphanumeric()) {
                r"(?-u:\b)"
            } else {
                ""
            };
            format!(r"(?-u:\b)(?:{p}){end}")
        })
        .collect();
    let pattern = if alternatives.is_empty() {
        r"[^\s\S]".to_string()
    } else {
        format!("(?i:{})", alternatives.join("|"))
    };
    Regex::new(&pattern).map_err(|e| VocabularyError::Pattern {
        list,
        entry: pattern.clone(),
        message: e.to_string(),
    })
}

/// Four bytes, ASCII lower-cased.
fn key4(bytes: &[u8]) -> [u8; 4] {
    let mut k = [0u8; 4];
    for (slot, b) in k.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    k
}

fn keys(iter: impl Iterator<Item = [u8; 4]>) -> Vec<[u8; 4]> {
    let mut keys: Vec<[u8; 4]> = iter.collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("patterns built from escaped words are valid")
}

impl Vocabulary {
    /// The built-in vocabulary, compiled once.
    pub fn builtin() -> &'static Vocabulary {
        &BUILTIN_VOCABULARY
    }

    /// The built-in vocabulary extended by a user's TOML file (see `builtin.toml`). A file
    /// with only committees (`[committees]` or flat `ABBR = "Name"` lines) also works.
    pub fn extended(source: &str) -> Result<Vocabulary, VocabularyError> {
        let user: File = match toml::from_str::<File>(source) {
            Ok(f) => f,
            Err(first) => {
                // The older `--committees` form: abbreviations at the top level.
                match toml::from_str::<BTreeMap<String, String>>(source) {
                    Ok(committees) => File {
                        committees,
                        ..File::default()
                    },
                    Err(_) => return Err(first.into()),
                }
            }
        };
        let mut file: File = toml::from_str(BUILTIN).expect("the built-in vocabulary is valid");
        for (abbreviation, name) in user.committees {
            if name.trim().is_empty() {
                return Err(VocabularyError::EmptyName(abbreviation));
            }
            file.committees
                .insert(abbreviation.trim().to_string(), name.trim().to_string());
        }
        macro_rules! extend {
            ($part:ident: $($field:ident),*) => {
                $(file.$part.$field.extend(user.$part.$field);)*
            };
        }
        extend!(words: committee_words, document_words, toc_headings, signature_roles, section_headings, decision_headings,
            item_decision_headings, absence_labels, attendance_labels, case_labels, journal_labels, field_labels,
            committee_labels, date_labels, time_labels, place_labels, furniture);
        extend!(phrases: rejected, withdrawn, postponed, noted, recommended, approved,
            noted_weak, approved_weak, discussed, dissent);
        Vocabulary::from_file(file)
    }

    fn from_file(file: File) -> Result<Vocabulary, VocabularyError> {
        let committees = Committees::from_map(file.committees);
        let w = &file.words;
        let p = &file.phrases;
        let headings: Vec<(char, usize, String)> = w
            .section_headings
            .iter()
            .map(|h| {
                let lower = h.trim().to_lowercase();
                (
                    lower.chars().next().unwrap_or(' '),
                    lower.chars().count(),
                    lower,
                )
            })
            .collect();
        let longest_heading = headings.iter().map(|&(_, n, _)| n).max().unwrap_or(0);
        let furniture: Vec<String> = w.furniture.iter().map(|f| f.to_lowercase()).collect();
        let mut furniture_forms: Vec<String> = w
            .furniture
            .iter()
            .flat_map(|f| [f.trim().to_string(), f.trim().to_lowercase()])
            .filter(|f| !f.is_empty())
            .collect();
        furniture_forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        furniture_forms.dedup();
        let mut label_fields = Vec::new();
        for (list, field) in [
            (&w.committee_labels, LabelField::Committee),
            (&w.date_labels, LabelField::Date),
            (&w.time_labels, LabelField::Time),
            (&w.place_labels, LabelField::Place),
        ] {
            label_fields.extend(list.iter().map(|l| (l.to_lowercase(), field)));
        }
        // Field labels that are not also section headings (`Bemærkninger` opens a section).
        let heading = |l: &String| w.section_headings.iter().any(|h| h.eq_ignore_ascii_case(l));
        label_fields.extend(
            w.field_labels
                .iter()
                .filter(|l| !heading(l))
                .map(|l| (l.to_lowercase(), LabelField::Ignored)),
        );
        let all_labels: Vec<String> = label_fields.iter().map(|(l, _)| l.clone()).collect();
        let decisive = vec![
            (phrases("rejected", &p.rejected)?, Outcome::Rejected),
            (phrases("withdrawn", &p.withdrawn)?, Outcome::Withdrawn),
            (phrases("postponed", &p.postponed)?, Outcome::Postponed),
            (phrases("noted", &p.noted)?, Outcome::Noted),
            (
                phrases("recommended", &p.recommended)?,
                Outcome::Recommended,
            ),
            (phrases("approved", &p.approved)?, Outcome::Approved),
        ];
        let all_decisive: Vec<&String> = p
            .rejected
            .iter()
            .chain(&p.withdrawn)
            .chain(&p.postponed)
            .chain(&p.noted)
            .chain(&p.recommended)
            .chain(&p.approved)
            .collect();
        let any: Vec<String> = all_decisive.into_iter().cloned().collect();
        let re = Patterns {
            // The word ends a word, with a definite or genitive ending: `Byrådet`,
            // `Udvalget for …`, `Ældrerådets`, but not `Rådhuset`.
            committee_word: compile(&format!(
                r"(?i){}(?:et|ets|en|ens|ene|enes|n|s)?\b",
                alternation(&w.committee_words)
            )),
            decision: compile(&format!(r"^(?i:{})\b", alternation(&w.decision_headings))),
            item_decision: compile(&format!(
                r"^(?i:{})\s*:?\s*$",
                alternation(&w.item_decision_headings)
            )),
            absence: compile(&format!(
                r"^(?i:{})(?:\s+(?i:fra)(?:\s+(?i:mødet))?)?\s*(?:[:\-–]\s*(?P<rest>.*)|\s(?P<rest2>\p{{Lu}}.*)|$)",
                alternation(&w.absence_labels)
            )),
            attendance: compile(&format!(
                r"^(?i:{})\s*(?::\s*(?P<rest>.*)|\s(?P<rest2>\p{{Lu}}.*)|$)",
                alternation(&w.attendance_labels)
            )),
            case_label: compile(&format!(
                r"^(?:(?i:{})|(?P<journal>(?i:{})))\.?\s*(?P<colon>:\s*|\s+|$)(?P<rest>.*)$",
                alternation(&w.case_labels),
                alternation(&w.journal_labels)
            )),
            label: compile(&format!(
                r"^(?P<label>(?i:{}))\s*(?::\s*(?P<rest>.*)|\s(?P<rest2>[\p{{Lu}}\d].*)|$)",
                alternation(&all_labels)
            )),
            // `Fraværende Ole Bjerregaard (V)`: the people's labels also without a colon,
            // as printed (capitalised) and followed by a name.
            flat_label: compile(&format!(
                r"\s(?:(?i:{})\.?\s*:|(?i:åben|åbent|lukket)\s+(?i:sag)\b|{}\s\p{{Lu}})",
                alternation(
                    &[
                        w.case_labels.as_slice(),
                        &w.journal_labels,
                        &w.absence_labels,
                        &w.attendance_labels,
                        &w.field_labels,
                        &w.committee_labels,
                        &w.date_labels,
                        &w.time_labels,
                        &w.place_labels,
                    ]
                    .concat()
                ),
                alternation(&[w.absence_labels.as_slice(), &w.attendance_labels].concat())
            )),
            flat_heading: compile(&format!(
                r"\s{}(?::\s|(?:\s+i)?\s+\p{{Lu}})",
                alternation(&[w.decision_headings.as_slice(), &w.section_headings].concat())
            )),
            flat_case: compile(&format!(r"\s{}\.?\s", alternation(&w.case_labels))),
            // As printed or in capitals: `… de åbne dagsordenspunkter behandles …` is prose.
            flat_toc: compile(&format!(
                r"\s{}\b",
                alternation(
                    &w.toc_headings
                        .iter()
                        .flat_map(|h| [h.clone(), h.to_uppercase()])
                        .collect::<Vec<_>>()
                )
            )),
            label_fields,
            headings,
            longest_heading,
            longest_furniture: furniture_forms.first().map_or(0, String::len),
            furniture_compact: furniture
                .iter()
                .map(|f| {
                    f.chars()
                        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '–')
                        .collect()
                })
                .collect(),
            furniture_ends: keys(furniture_forms.iter().filter_map(|f| {
                let b = f.as_bytes();
                b.len().checked_sub(4).map(|at| key4(&b[at..]))
            })),
            furniture_starts: keys(
                furniture_forms
                    .iter()
                    .filter(|f| f.len() >= 4)
                    .map(|f| key4(&f.as_bytes()[..4])),
            ),
            case_gate: gate(&[w.case_labels.as_slice(), &w.journal_labels].concat()),
            decision_gate: gate(&w.decision_headings),
            absence_gate: gate(&w.absence_labels),
            furniture_forms,
            any_decisive: phrases("outcomes", &any)?,
            decisive,
            noted_weak: phrases("noted_weak", &p.noted_weak)?,
            approved_weak: phrases("approved_weak", &p.approved_weak)?,
            discussed: phrases("discussed", &p.discussed)?,
            dissent: phrases("dissent", &p.dissent)?,
        };
        Ok(Vocabulary {
            committees,
            words: file.words,
            phrases: file.phrases,
            re,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_compiles_and_answers() {
        let v = Vocabulary::builtin();
        assert!(v.is_committee_name("Teknik- og Miljøudvalget"));
        assert!(v.is_committee_name("Regionsrådet"));
        assert!(v.is_committee_name("ØU"));
        assert!(!v.is_committee_name("Mødelokale 1"));
        assert!(v.is_committee_name("Udvalget for Miljø og Teknik"));
        assert!(!v.is_committee_name("Titel Udvalg Funktioner"));
        assert_eq!(v.label_field("Mødedato"), Some(LabelField::Date));
        assert_eq!(v.label_field("udvalg"), Some(LabelField::Committee));
        assert_eq!(
            v.strip_furniture("183. Godkendelse af dagsordenÅbn/luk punkt"),
            ("183. Godkendelse af dagsorden", Some("Åbn/luk punkt"))
        );
        assert_eq!(
            v.strip_furniture("fold dette punkt ind Beslutning i Socialudvalget"),
            ("Beslutning i Socialudvalget", Some("fold dette punkt ind"))
        );
        assert_eq!(
            v.strip_furniture("Sagen blev sendt til print."),
            ("Sagen blev sendt til print.", None)
        );
        assert!(v.is_furniture("Kopier link til punktet  -   Print"));
    }

    #[test]
    fn a_user_file_extends_the_lists_and_committees() {
        let v = Vocabulary::extended(
            "[committees]\nTU = \"Teknisk Udvalg\"\n[words]\ncase_labels = [\"Dossier\"]\nsection_headings = [\"Sagens gang\"]\n",
        )
        .unwrap();
        assert_eq!(v.committees.expand("TU"), Some("Teknisk Udvalg"));
        assert_eq!(
            v.committees.expand("BUU"),
            Some("Børne- og ungdomsudvalget")
        );
        assert!(v.words.case_labels.iter().any(|l| l == "Dossier"));
        assert!(v.words.case_labels.iter().any(|l| l == "Sagsnr"));
        // The older committees-only form still reads.
        let flat = Vocabulary::extended("XYZ = \"Xylofonudvalget\"").unwrap();
        assert_eq!(flat.committees.expand("XYZ"), Some("Xylofonudvalget"));
        // A user's entry overrides the built-in one.
        let own = Vocabulary::extended("[committees]\nBUU = \"Børneudvalget\"").unwrap();
        assert_eq!(own.committees.expand("BUU"), Some("Børneudvalget"));
    }

    #[test]
    fn bad_files_are_named() {
        assert!(matches!(
            Vocabulary::extended("[committees]\nXYZ = \"  \""),
            Err(VocabularyError::EmptyName(a)) if a == "XYZ"
        ));
        let err = Vocabulary::extended("[phrases]\napproved = [\"(unclosed\"]").unwrap_err();
        assert!(
            err.to_string().contains("`approved` entry `(unclosed`"),
            "{err}"
        );
        assert!(Vocabulary::extended("[words]\nno_such_list = []").is_err());
        assert!(Vocabulary::extended("[committees]\nXYZ = 3").is_err());
    }
}
