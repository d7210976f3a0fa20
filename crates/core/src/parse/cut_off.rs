//! Decisions the text was cut off inside: the corpus texts, and many pages saved or copied,
//! end mid-item, and a decision that stops early is not yet the meeting's outcome.

use crate::model::{Item, Meeting, Outcome};
use crate::vocabulary::Vocabulary;
use regex::Regex;
use std::sync::LazyLock;

/// The last item's decision, voted point by point (`Ad 1`, `Ad 2`, …), stops before the
/// last point of its recommendation: the text was cut before the rest of the votes.
fn votes_cut_short(item: &Item) -> bool {
    static AD: LazyLock<Regex> = LazyLock::new(|| {
        // `Ad 2`, `Ad 2-3`, `Ad 1 og 2`, `til ad 3`: the highest point voted on.
        Regex::new(r"(?im)(?:^|\btil\s+)ad\s+(\d{1,2})(?:\s*(?:-|–|og)\s*(\d{1,2}))?\b")
            .expect("valid regex")
    });
    static POINT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?m)^\s*(\d{1,2})\.\s+at\b").expect("valid regex"));
    let Some(decision) = item.decisions.last() else {
        return false;
    };
    let voted = AD
        .captures_iter(&decision.text)
        .filter_map(|c| {
            c.get(2)
                .unwrap_or_else(|| c.get(1).expect("group 1"))
                .as_str()
                .parse::<u32>()
                .ok()
        })
        .max();
    let points = item
        .sections
        .iter()
        .filter(|s| {
            s.heading
                .as_deref()
                .is_some_and(|h| h.to_lowercase().contains("indstilling"))
        })
        .flat_map(|s| POINT.captures_iter(&s.text))
        .filter_map(|c| c[1].parse::<u32>().ok())
        .max();
    matches!((voted, points), (Some(v), Some(p)) if v < p)
}

/// Whether the item's last decision runs to the end of the text: the text's last 40
/// characters, white space aside, are the end of the decision.
fn ends_text(item: &Item, text: &str) -> bool {
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(decision) = item.decisions.last() else {
        return false;
    };
    let tail: String = {
        let rev: Vec<char> = text.trim_end().chars().rev().take(40).collect();
        squash(&rev.into_iter().rev().collect::<String>())
    };
    !tail.is_empty() && squash(&decision.text).ends_with(&tail)
}

fn mark_pending(item: &mut Item) {
    if let Some(last) = item.decisions.last_mut() {
        last.outcome = Outcome::Pending;
    }
    item.outcome = Outcome::Pending;
}

pub(super) fn cut_off_decision(meeting: &mut Meeting, text: &str, v: &Vocabulary) {
    let Some(item) = meeting.items.last_mut() else {
        return;
    };
    if !ends_text(item, text) {
        return;
    }
    if votes_cut_short(item) {
        mark_pending(item);
        return;
    }
    let end = without_signatures(text.trim_end(), v);
    if end.ends_with(['.', '!', '?', ')', '"', '”', '»']) {
        return;
    }
    // `Dagsorden er godkendt.` then `Til to`: what was cut is the page's `Til toppen`,
    // after a decision that was whole.
    let last_line = end.lines().last().unwrap_or("").trim().to_lowercase();
    if last_line.chars().count() >= 3 && v.is_furniture_start(&last_line) {
        return;
    }
    mark_pending(item);
}

/// `text` without the signatures that close the minutes: short lines at its end, one
/// of them a signature's title (`Anne Holm` / `formand` / `Bo Lund` / `næstformand`).
fn without_signatures<'a>(text: &'a str, v: &Vocabulary) -> &'a str {
    let mut end = text.len();
    let mut signed = false;
    for line in text.lines().rev() {
        let trimmed = line.trim();
        let short = trimmed.split_whitespace().count() <= 4 && !trimmed.ends_with('.');
        if !trimmed.is_empty() && !short {
            break;
        }
        signed |= v.is_signature_role(trimmed);
        end = line.as_ptr() as usize - text.as_ptr() as usize;
    }
    if signed {
        text[..end].trim_end()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::{votes_cut_short, without_signatures};
    use crate::model::{Decision, Outcome, Section};
    use crate::parse::build::empty_item;
    use crate::Vocabulary;

    #[test]
    fn signatures_after_the_last_decision_are_no_cut() {
        let v = Vocabulary::builtin();
        assert_eq!(
            without_signatures("Godkendt.\n\nAnne Holm\nformand\n\nBo Lund\nnæstformand", v),
            "Godkendt."
        );
        // Short lines with no title among them may be where the text was cut.
        assert_eq!(
            without_signatures("Godkendt, idet\nudvalget ønsker", v),
            "Godkendt, idet\nudvalget ønsker"
        );
    }

    #[test]
    fn a_point_by_point_vote_that_stops_early_was_cut() {
        let mut item = empty_item();
        item.sections.push(Section {
            heading: Some("Indstilling".into()),
            text: "Forvaltningen indstiller,\n\n1. at planen godkendes,\n2. at der afsættes midler,\n3. at sagen genoptages i juni.".into(),
        });
        let decision = |text: &str| Decision {
            body: None,
            date: None,
            text: text.into(),
            outcome: Outcome::Approved,
            dissent: false,
            remarks: Vec::new(),
            heading: None,
        };
        item.decisions
            .push(decision("Ad 1\n\nGodkendt.\n\nAd 2\n\nGodkendt."));
        assert!(votes_cut_short(&item));
        item.decisions[0] = decision("Ad 1\n\nGodkendt.\n\nAd 2\n\nGodkendt.\n\nAd 3\n\nGodkendt.");
        assert!(!votes_cut_short(&item));
        item.decisions[0] = decision("Godkendt.");
        assert!(!votes_cut_short(&item));
        item.decisions[0] = decision("Ad 1\n\nGodkendt.\n\nAd 2-3\n\nGodkendt.");
        assert!(!votes_cut_short(&item));
        item.decisions[0] = decision("Ad 1 og 2\n\nGodkendt.");
        assert!(votes_cut_short(&item));
    }
}
