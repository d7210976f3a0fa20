//! The bundle data model: the contract in `docs/bundle-format.md`, as serde types.
//!
//! Fields beyond the contract (`heading`, `sections` on a meeting, `note` on an
//! attachment, `committees`) are additions the format allows; they keep printed
//! text that the parser turned into structure, so nothing from the source is lost.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT: &str = "referat-bundle";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    pub title: String,
    pub generated: String,
    pub meetings: Vec<Meeting>,
    /// Committee abbreviations used in routes, mapped to full names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub committees: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: String,
    pub committee: Option<String>,
    pub date: Option<String>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub absent: Vec<Absence>,
    /// Everyone a member list names (`Medlemmer:`, `Deltagere:`, `Til stede:`), present or
    /// not: what an attendance rate is counted against. Empty when the minutes list none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    pub items: Vec<Item>,
    pub source: String,
    /// The header line as printed, e.g. `Børne- og ungdomsudvalget 24-06-2021`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Text before the first item that is not header data (a table of contents, an intro).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// Web-page or PDF page text that is no part of the minutes (`Åbn/luk punkt`, `Til
    /// toppen`), cut off the lines it was glued to: kept here, not in items' text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub furniture: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub number: Option<u32>,
    pub case_number: Option<String>,
    pub title: Option<String>,
    pub access: Access,
    #[serde(default)]
    pub route: Vec<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    pub outcome: Outcome,
    #[serde(default)]
    pub absent: Vec<Absence>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    Open,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub body: Option<String>,
    pub date: Option<String>,
    pub text: String,
    pub outcome: Outcome,
    pub dissent: bool,
    #[serde(default)]
    pub remarks: Vec<String>,
    /// The decision's heading as printed, e.g. `Beslutning i Voksen- og plejeudvalget den 24-04-2024`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Approved,
    Recommended,
    Noted,
    Discussed,
    Rejected,
    Postponed,
    Withdrawn,
    Other,
    Pending,
}

impl Outcome {
    pub const ALL: [Outcome; 9] = [
        Outcome::Approved,
        Outcome::Recommended,
        Outcome::Noted,
        Outcome::Discussed,
        Outcome::Rejected,
        Outcome::Postponed,
        Outcome::Withdrawn,
        Outcome::Other,
        Outcome::Pending,
    ];

    /// The wire name, also used in URLs (`udfald=approved`).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::Recommended => "recommended",
            Outcome::Noted => "noted",
            Outcome::Discussed => "discussed",
            Outcome::Rejected => "rejected",
            Outcome::Postponed => "postponed",
            Outcome::Withdrawn => "withdrawn",
            Outcome::Other => "other",
            Outcome::Pending => "pending",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// The label the municipal portals use.
    pub fn label_da(self) -> &'static str {
        match self {
            Outcome::Approved => "Godkendt",
            Outcome::Recommended => "Anbefalet",
            Outcome::Noted => "Taget til efterretning",
            Outcome::Discussed => "Drøftet",
            Outcome::Rejected => "Ikke godkendt",
            Outcome::Postponed => "Udsat",
            Outcome::Withdrawn => "Udgået",
            Outcome::Other => "Andet",
            Outcome::Pending => "Afventer",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Outcome::Approved => "Approved",
            Outcome::Recommended => "Recommended",
            Outcome::Noted => "Noted",
            Outcome::Discussed => "Discussed",
            Outcome::Rejected => "Rejected",
            Outcome::Postponed => "Postponed",
            Outcome::Withdrawn => "Withdrawn",
            Outcome::Other => "Other",
            Outcome::Pending => "Pending",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Absence {
    pub name: String,
    pub party: Option<String>,
    pub note: Option<String>,
}

/// A person a meeting's member list names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub name: String,
    #[serde(default)]
    pub party: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The number printed before it (`1 -`), when the list is numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    pub title: Option<String>,
    pub reference: Option<String>,
    pub access: Option<Access>,
    /// Printed text that is neither title, reference nor access (a document number, a `(H)` mark).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
