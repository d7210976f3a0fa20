//! Personal notes on items ("Mine noter"): kept on the member's device, keyed by the
//! item's id, never written into a bundle. This is their file format, for moving them
//! to a new tablet or a new bundle, and the rule for joining two sets.

use crate::query::{ItemRef, SearchIndex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

pub const NOTES_FORMAT: &str = "referat-notes";
pub const NOTES_VERSION: u32 = 1;
/// A notes file larger than this is not notes (about 5,000 pages of typing).
pub const MAX_NOTES_BYTES: usize = 10_000_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notes {
    pub format: String,
    pub version: u32,
    /// The bundle they were written on (its title), for the reader; ids are what match.
    #[serde(default)]
    pub bundle: String,
    /// By item id.
    pub notes: BTreeMap<String, Note>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    /// When it was last changed (RFC 3339): the newer of two notes on an item wins.
    pub updated: String,
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum NotesError {
    #[error("the notes file is {bytes} bytes; notes files are at most {MAX_NOTES_BYTES}")]
    TooLarge { bytes: usize },
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("not a referat notes file: `format` is {found}, expected `{NOTES_FORMAT}`")]
    NotNotes { found: String },
    #[error(
        "notes version {found} is newer than this referat understands (up to {NOTES_VERSION})"
    )]
    Newer { found: u32 },
}

/// What joining a notes file did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Joined {
    /// Notes on items that had none.
    pub added: usize,
    /// Notes that replaced an older one.
    pub replaced: usize,
    /// Notes left out because the one here is as new or newer.
    pub kept: usize,
}

impl Notes {
    pub fn new(bundle: &str) -> Notes {
        Notes {
            format: NOTES_FORMAT.into(),
            version: NOTES_VERSION,
            bundle: bundle.into(),
            notes: BTreeMap::new(),
        }
    }

    pub fn to_json(&self) -> String {
        // Strings and maps of strings always serialize; the fallback is never reached.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Notes, NotesError> {
        if text.len() > MAX_NOTES_BYTES {
            return Err(NotesError::TooLarge { bytes: text.len() });
        }
        let syntax = |e: serde_json::Error| NotesError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string().split(" at line").next().unwrap_or("").into(),
        };
        let value: serde_json::Value = serde_json::from_str(text).map_err(syntax)?;
        let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
        if format != NOTES_FORMAT {
            return Err(NotesError::NotNotes {
                found: if format.is_empty() {
                    "missing".into()
                } else {
                    format!("`{format}`")
                },
            });
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > u64::from(NOTES_VERSION) {
            return Err(NotesError::Newer {
                found: u32::try_from(version).unwrap_or(u32::MAX),
            });
        }
        serde_json::from_str(text).map_err(syntax)
    }

    /// Writes, replaces or (with blank text) removes the note on an item.
    pub fn set(&mut self, item: &str, text: &str, now: &str) {
        if text.trim().is_empty() {
            self.notes.remove(item);
        } else {
            self.notes.insert(
                item.into(),
                Note {
                    text: text.into(),
                    updated: now.into(),
                },
            );
        }
    }

    pub fn get(&self, item: &str) -> Option<&Note> {
        self.notes.get(item)
    }

    /// Joins another set: an item's newer note wins, so importing an old export never
    /// overwrites what was written since.
    pub fn join(&mut self, other: Notes) -> Joined {
        let mut j = Joined::default();
        for (id, note) in other.notes {
            // A blank note is no note (it would mark an item with nothing in it).
            if note.text.trim().is_empty() {
                continue;
            }
            match self.notes.get(&id) {
                None => {
                    j.added += 1;
                    self.notes.insert(id, note);
                }
                Some(here) if note.updated > here.updated => {
                    j.replaced += 1;
                    self.notes.insert(id, note);
                }
                Some(_) => j.kept += 1,
            }
        }
        j
    }

    /// The items of this bundle that have a note (notes on items it lacks are kept, unused).
    pub fn items(&self, index: &SearchIndex) -> HashSet<ItemRef> {
        self.notes.keys().filter_map(|id| index.item(id)).collect()
    }
}
