//! The filters a user sets, the orders of the list, and an item's position.

use crate::model::{Access, Outcome};
use std::collections::BTreeSet;

/// Every filter the user can set. Empty sets and `None` mean "no restriction".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub committees: BTreeSet<String>,
    /// Inclusive `YYYY-MM-DD` bounds on the meeting date.
    pub from: Option<String>,
    pub to: Option<String>,
    pub absentee: Option<String>,
    pub outcomes: BTreeSet<Outcome>,
    pub dissent_only: bool,
    /// Only items with a personal note (the notes live on the device, not in the bundle:
    /// the caller passes the noted items to [`query_noted`]).
    pub noted: bool,
    pub access: Option<Access>,
    pub text: String,
    pub sort: Sort,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self
            == Filter {
                sort: self.sort,
                ..Filter::default()
            }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first.
    #[default]
    Date,
    Committee,
    /// Best match first; only meaningful with a search text (falls back to date).
    Relevance,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Date => "dato",
            Sort::Committee => "udvalg",
            Sort::Relevance => "relevans",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        [Sort::Date, Sort::Committee, Sort::Relevance]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Position of an item in the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub meeting: usize,
    pub item: usize,
}
