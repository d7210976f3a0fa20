//! Committee abbreviations (`BUU`, `ØU`, …) and their full names; the built-in
//! table is part of the vocabulary (`vocabulary/builtin.toml`).

use serde::Deserialize;
use std::collections::BTreeMap;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Committees {
    by_abbreviation: BTreeMap<String, String>,
}

#[derive(Debug, Error)]
pub enum CommitteesError {
    #[error("invalid committees file: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("abbreviation `{0}` maps to an empty name")]
    EmptyName(String),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CommitteesFile {
    Table {
        committees: BTreeMap<String, String>,
    },
    Flat(BTreeMap<String, String>),
}

impl Default for Committees {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Committees {
    /// The built-in table of `vocabulary/builtin.toml`.
    pub fn builtin() -> Self {
        crate::vocabulary::Vocabulary::builtin().committees.clone()
    }

    pub(crate) fn from_map(by_abbreviation: BTreeMap<String, String>) -> Self {
        Committees { by_abbreviation }
    }

    /// Adds or overrides entries from TOML: either `[committees]` with
    /// `ABBR = "Full name"` lines, or the same lines at the top level.
    pub fn extend_from_toml(&mut self, source: &str) -> Result<(), CommitteesError> {
        let entries = match toml::from_str::<CommitteesFile>(source)? {
            CommitteesFile::Table { committees } => committees,
            CommitteesFile::Flat(map) => map,
        };
        for (abbreviation, name) in entries {
            if name.trim().is_empty() {
                return Err(CommitteesError::EmptyName(abbreviation));
            }
            self.by_abbreviation
                .insert(abbreviation.trim().to_string(), name.trim().to_string());
        }
        Ok(())
    }

    /// The full name for an abbreviation, if known (exact, then case-insensitive).
    pub fn expand(&self, abbreviation: &str) -> Option<&str> {
        let abbreviation = abbreviation.trim();
        self.by_abbreviation
            .get(abbreviation)
            .map(String::as_str)
            .or_else(|| {
                let upper = abbreviation.to_uppercase();
                self.by_abbreviation.get(&upper).map(String::as_str)
            })
    }

    /// The abbreviation of a full name, compared without case.
    pub fn abbreviation_of(&self, name: &str) -> Option<&str> {
        let name = name.trim().to_lowercase();
        self.by_abbreviation
            .iter()
            .find(|(_, full)| full.to_lowercase() == name)
            .map(|(a, _)| a.as_str())
    }

    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.by_abbreviation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_builtin_and_extended_abbreviations() {
        let mut c = Committees::builtin();
        assert_eq!(c.expand("BUU"), Some("Børne- og ungdomsudvalget"));
        assert_eq!(c.expand("øu"), Some("Økonomiudvalget"));
        assert_eq!(c.expand("XYZ"), None);
        c.extend_from_toml("[committees]\nXYZ = \"Xylofonudvalget\"\nBUU = \"Børneudvalget\"\n")
            .unwrap();
        assert_eq!(c.expand("XYZ"), Some("Xylofonudvalget"));
        assert_eq!(c.expand("BUU"), Some("Børneudvalget"));
        c.extend_from_toml("TU = \"Teknisk Udvalg\"").unwrap();
        assert_eq!(c.abbreviation_of("teknisk udvalg"), Some("TU"));
    }

    #[test]
    fn rejects_bad_files() {
        let mut c = Committees::builtin();
        assert!(c.extend_from_toml("[committees]\nXYZ = 3").is_err());
        assert!(matches!(
            c.extend_from_toml("XYZ = \"  \""),
            Err(CommitteesError::EmptyName(a)) if a == "XYZ"
        ));
    }
}
