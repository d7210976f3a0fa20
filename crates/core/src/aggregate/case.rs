//! A case through every meeting and body that treated it.

use crate::model::Bundle;
use crate::query::ItemRef;
use std::collections::HashMap;

/// The form case numbers are compared in: trimmed, inner spaces collapsed (`24/ 1187`
/// as PDF text breaks it is `24/1187`), letters upper case.
pub fn case_key(number: &str) -> String {
    number
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("")
        .to_uppercase()
}

/// Items by case number, in the order `meetings` gives (newest first), reversed to oldest first.
pub(super) fn all(bundle: &Bundle, meetings: &[usize]) -> HashMap<String, Vec<ItemRef>> {
    let mut cases: HashMap<String, Vec<ItemRef>> = HashMap::new();
    for &mi in meetings.iter().rev() {
        // Undated meetings come last in `meetings`: first here, so put them at the end.
        if bundle.meetings[mi].date.is_none() {
            continue;
        }
        add(&mut cases, bundle, mi);
    }
    for &mi in meetings {
        if bundle.meetings[mi].date.is_none() {
            add(&mut cases, bundle, mi);
        }
    }
    cases
}

fn add(cases: &mut HashMap<String, Vec<ItemRef>>, bundle: &Bundle, mi: usize) {
    for (ii, item) in bundle.meetings[mi].items.iter().enumerate() {
        let Some(key) = item.case_number.as_deref().map(case_key) else {
            continue;
        };
        if !key.is_empty() {
            cases.entry(key).or_default().push(ItemRef {
                meeting: mi,
                item: ii,
            });
        }
    }
}
