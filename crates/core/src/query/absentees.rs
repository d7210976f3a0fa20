//! Everyone absent, with how many items they missed.

use crate::fold::fold;
use crate::model::Bundle;
use std::collections::{BTreeMap, BTreeSet};

/// A person absent at least once, with the number of items they missed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absentee {
    pub name: String,
    pub party: Option<String>,
    pub items: usize,
}

/// Everyone absent from a meeting or an item, sorted by name (Danish letters folded).
pub fn absentees(bundle: &Bundle) -> Vec<Absentee> {
    let mut people: BTreeMap<String, Absentee> = BTreeMap::new();
    for m in &bundle.meetings {
        for item in &m.items {
            let mut seen = BTreeSet::new();
            for a in m.absent.iter().chain(&item.absent) {
                let key = fold(a.name.trim());
                if key.is_empty() || !seen.insert(key.clone()) {
                    continue;
                }
                let p = people.entry(key).or_insert_with(|| Absentee {
                    name: a.name.trim().to_string(),
                    party: a.party.clone(),
                    items: 0,
                });
                p.items += 1;
                if p.party.is_none() {
                    p.party = a.party.clone();
                }
            }
        }
        // Someone absent from a meeting with no items still counts as absent.
        if m.items.is_empty() {
            for a in &m.absent {
                let key = fold(a.name.trim());
                if !key.is_empty() {
                    people.entry(key).or_insert_with(|| Absentee {
                        name: a.name.trim().to_string(),
                        party: a.party.clone(),
                        items: 0,
                    });
                }
            }
        }
    }
    people.into_values().collect()
}
