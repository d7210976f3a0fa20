//! Committee abbreviations (`BUU`, `ØU`, …) and their full names; the built-in
//! table is part of the vocabulary (`vocabulary/builtin.toml`).

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Committees {
    by_abbreviation: BTreeMap<String, String>,
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

    /// A table of the abbreviations a bundle names (its `committees`): what the viewer
    /// knows without the parser's vocabulary.
    pub fn of_bundle(bundle: &crate::Bundle) -> Self {
        Committees::from_map(bundle.committees.clone())
    }

    /// Adds or replaces an abbreviation.
    pub fn insert(&mut self, abbreviation: &str, name: &str) {
        self.by_abbreviation
            .insert(abbreviation.trim().to_string(), name.trim().to_string());
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
    fn expands_builtin_abbreviations_both_ways() {
        let c = Committees::builtin();
        assert_eq!(c.expand("BUU"), Some("Børne- og ungdomsudvalget"));
        assert_eq!(c.expand("øu"), Some("Økonomiudvalget"));
        assert_eq!(c.expand("XYZ"), None);
        assert_eq!(c.abbreviation_of("økonomiudvalget"), Some("ØU"));
    }
}
