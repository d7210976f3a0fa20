//! Classifying a decision text into an `Outcome`, and spotting dissent.

use crate::model::Outcome;
use crate::vocabulary::Vocabulary;
use regex::Regex;
use std::sync::LazyLock;

/// Case-insensitive, with ASCII word boundaries (see `vocabulary`).
fn re(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)"))).expect("valid regex")
}

/// "kunne ikke tiltræde" is a rejection when the body says it, dissent when a member or party does.
static CANNOT_AGREE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:kunne|kan)\s+ikke\s+(?:tiltræde|godkende|anbefale|støtte)\b"));
static BODY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:det|der|udvalget|byrådet|kommunalbestyrelsen|magistraten|økonomiudvalget|\S*udvalget|\S*rådet|\S*nævnet)\b",
    )
});

/// The outcome of a short line that says nothing else (`Godkendt.`, `Drøftet.`).
fn short_line(line: &str, v: &Vocabulary) -> Option<Outcome> {
    let line = line.trim();
    if line.is_empty() || line.split_whitespace().count() > 5 {
        return None;
    }
    if let Some(m) = v.re.any_decisive.find(line) {
        let phrase = m.as_str();
        return v
            .re
            .decisive
            .iter()
            .find(|(p, _)| p.find(phrase).is_some_and(|f| f.start() == 0))
            .map(|(_, o)| *o);
    }
    // `Drøftet.` alone; `Sagen blev drøftet.` before what was decided is not the decision.
    (line.split_whitespace().count() == 1 && v.re.discussed.is_match(line))
        .then_some(Outcome::Discussed)
}

/// Classifies a decision text. Returns the outcome and whether it records dissent.
/// A short line of its own at the start or the end (`Godkendt.` after the mayor's
/// remarks, `Drøftet.` before the points raised) is the decision; otherwise the
/// earliest decisive phrase is.
pub fn classify(text: &str, remarks: &[String], v: &Vocabulary) -> (Outcome, bool) {
    // A heading with nothing under it records no decision yet.
    if text.trim().is_empty() && remarks.is_empty() {
        return (Outcome::Pending, false);
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let standalone = lines
        .first()
        .and_then(|l| short_line(l, v))
        .or_else(|| lines.last().and_then(|l| short_line(l, v)));
    let mut best: Option<(usize, usize, Outcome)> = None;
    let mut consider = |start: usize, end: usize, outcome: Outcome| {
        let better = match best {
            None => true,
            Some((s, e, _)) => start < s || (start == s && end > e),
        };
        if better {
            best = Some((start, end, outcome));
        }
    };
    if let Some(m) = v.re.any_decisive.find(text) {
        let phrase = m.as_str();
        let named =
            v.re.decisive
                .iter()
                .find(|(p, _)| p.find(phrase).is_some_and(|f| f.start() == 0));
        if let Some((_, outcome)) = named {
            consider(m.start(), m.end(), *outcome);
        }
    }
    let mut member_disagrees = false;
    for m in CANNOT_AGREE.find_iter(text) {
        if BODY_SUBJECT.is_match(sentence_start(text, m.start())) {
            consider(m.start(), m.end(), Outcome::Rejected);
        } else {
            member_disagrees = true;
        }
    }
    let outcome = match (standalone, best) {
        (Some(o), _) => o,
        (None, Some((_, _, o))) => o,
        _ if v.re.discussed.is_match(text) => Outcome::Discussed,
        _ if v.re.approved_weak.is_match(text) => Outcome::Approved,
        _ if v.re.noted_weak.is_match(text) => Outcome::Noted,
        _ => Outcome::Other,
    };
    let dissent = member_disagrees
        || v.re.dissent.is_match(text)
        || remarks
            .iter()
            .any(|r| v.re.dissent.is_match(r) || CANNOT_AGREE.is_match(r));
    (outcome, dissent)
}

/// The sentence around `at`, looking back at most 400 bytes so long texts stay linear.
fn sentence_start(text: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(400);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let start = text[from..at]
        .rfind(['.', '!', '?', '\n'])
        .map_or(from, |i| from + i + 1);
    text[start..].trim_start()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Outcome::*;

    #[test]
    fn outcome_table() {
        let cases = [
            ("Godkendt.", Approved, false),
            ("Indstillingen tiltrådt.", Approved, false),
            ("Udvalget godkendte indstillingen.", Approved, false),
            ("Vedtaget.", Approved, false),
            ("Anbefales.", Recommended, false),
            ("Indstilles godkendt.", Recommended, false),
            ("Indstilles til byrådets godkendelse.", Recommended, false),
            ("Oversendes med anbefaling.", Recommended, false),
            ("Taget til efterretning.", Noted, false),
            ("Mødet var lovligt indvarslet og beslutningsdygtigt.", Noted, false),
            ("Rådet udtaler støtte til planen.", Approved, false),
            ("Seniorrådet støtter forslaget.", Approved, false),
            ("Orienteringen taget til efterretning.", Noted, false),
            ("Drøftet.", Discussed, false),
            ("Punktet blev kort drøftet.", Discussed, false),
            ("Punktet blev drøftet og godkendt.", Approved, false),
            ("Ikke godkendt.", Rejected, false),
            ("Afvist.", Rejected, false),
            ("Forslaget faldt.", Rejected, false),
            ("Udvalget kunne ikke tiltræde indstillingen.", Rejected, false),
            ("Udsat.", Postponed, false),
            ("Punktet blev udsat til næste møde.", Postponed, false),
            ("Udvalget udsatte sagen.", Postponed, false),
            ("Indsatsen for socialt udsatte børn blev drøftet.", Discussed, false),
            ("Borgere udsat for støj. Taget til efterretning.", Noted, false),
            ("Sagen genoptages på næste møde.", Postponed, false),
            ("Udgår.", Withdrawn, false),
            ("Punktet blev taget af dagsordenen.", Withdrawn, false),
            ("Fremsendes til Teknisk Udvalg til behandling.", Other, false),
            ("Godkendt. Tom Bytoft (A) stemte imod.", Approved, true),
            ("Godkendt. Ø tager forbehold.", Approved, true),
            ("Anbefales. V undlod at stemme.", Recommended, true),
            (
                "Tilbagesendes med bemærkning, at byrådet har vedtaget indstillingen. Enhedslisten kunne ikke tiltræde indstillingen.",
                Approved,
                true,
            ),
            ("Godkendt uden forbehold.", Approved, false),
        ];
        for (text, outcome, dissent) in cases {
            assert_eq!(
                classify(text, &[], Vocabulary::builtin()),
                (outcome, dissent),
                "text `{text}`"
            );
        }
    }

    #[test]
    fn dissent_in_remarks_counts() {
        let remarks = vec!["Jens Hansen (V) tager forbehold for finansieringen.".to_string()];
        assert_eq!(
            classify("Godkendt.", &remarks, Vocabulary::builtin()),
            (Approved, true)
        );
    }
}
