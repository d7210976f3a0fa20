//! Classifying a decision text into an `Outcome`, and spotting dissent.

use crate::model::Outcome;
use regex::Regex;
use std::sync::LazyLock;

/// Case-insensitive, with ASCII word boundaries: a Unicode `\b` makes the regex
/// engine fall back to its slowest matcher on Danish text. Every phrase starts
/// and ends with an ASCII letter, so the two kinds of boundary agree here.
fn re(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)"))).expect("valid regex")
}

/// Decisive phrases. The earliest in the text wins; a negation starts before
/// the word it negates, so `ikke godkendt` beats `godkendt`, and at the same
/// start the earlier entry wins (`godkendes ikke` before `godkendes`).
static DECISIVE: LazyLock<Vec<(Regex, Outcome)>> = LazyLock::new(|| {
    vec![
        (
            re(
                r"\bikke\s+(?:godkendt|godkendes|godkende|tiltrådt|tiltrådte|vedtaget|vedtages|anbefalet|anbefales)\b|\b(?:godkendes|godkendte|tiltrædes|vedtages)\s+ikke\b|\bafvist\b|\bafvises\b|\bafviste\b|\bforkastet\b|\bforkastes\b|\bforslaget\s+faldt\b",
            ),
            Outcome::Rejected,
        ),
        (
            re(
                r"\budgår\b|\budgik\b|\btaget\s+af\s+dagsordenen\b|\btages\s+af\s+dagsordenen\b|\btrukket\s+tilbage\b|\bbortfalder\b|\bbortfaldt\b",
            ),
            Outcome::Withdrawn,
        ),
        // `udsat`/`udsatte` also mean "vulnerable" (`socialt udsatte børn`): require a decision form.
        (
            re(
                r"(?m)^udsat\b|\b(?:sagen|punktet|behandlingen|beslutningen)\s+(?:blev\s+|er\s+)?udsat\b|\budsættes\b|\budsatte\s+(?:sagen|punktet|behandlingen|beslutningen)\b|\bgenoptages\b",
            ),
            Outcome::Postponed,
        ),
        (
            re(r"\btil\s+efterretning\b|\b(?:taget|tages)\s+til\s+orientering\b"),
            Outcome::Noted,
        ),
        (
            re(
                r"\banbefale[sr]?\b|\banbefalede\b|\banbefalet\b|\bindstilles\b|\bindstiller\b|\bindstillede\b|\b(?:over|frem)sendes\s+med\s+anbefaling\b",
            ),
            Outcome::Recommended,
        ),
        (
            re(
                r"\bgodkendt\b|\bgodkendes\b|\bgodkender\b|\bgodkendte\b|\btiltrådt\b|\btiltrædes\b|\btiltræder\b|\btiltrådte\b|\bvedtaget\b|\bvedtages\b|\bvedtog\b|\bbevilget\b|\bbevilges\b",
            ),
            Outcome::Approved,
        ),
    ]
});
/// All decisive phrases as one pattern: one scan finds the earliest, then the short
/// match is checked against the table to name its outcome (a tie goes to the table's order).
static ANY_DECISIVE: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<&str> = DECISIVE.iter().map(|(r, _)| r.as_str()).collect();
    Regex::new(&alternatives.join("|")).expect("valid regex")
});
static DISCUSSED: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bdrøftet\b|\bdrøftede\b|\bdrøftes\b|\bdrøftelse\b"));
/// "kunne ikke tiltræde" is a rejection when the body says it, dissent when a member or party does.
static CANNOT_AGREE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:kunne|kan)\s+ikke\s+(?:tiltræde|godkende|anbefale|støtte)\b"));
static DISSENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bstemte?\s+(?:imod|nej)\b|\bstemmer\s+(?:imod|nej)\b|\bt(?:ager|og|aget)\s+(?:\w+\s+)?forbehold\b|\bundl(?:od|ader)\s+at\s+stemme\b|\bmindretal(?:let)?\b|\bimod\s+stemte\b",
    )
});
static BODY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:det|der|udvalget|byrådet|kommunalbestyrelsen|magistraten|økonomiudvalget|\S*udvalget|\S*rådet|\S*nævnet)\b",
    )
});

/// Classifies a decision text. Returns the outcome and whether it records dissent.
pub fn classify(text: &str, remarks: &[String]) -> (Outcome, bool) {
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
    if let Some(m) = ANY_DECISIVE.find(text) {
        let phrase = m.as_str();
        let named = DECISIVE
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
    let outcome = match best {
        Some((_, _, o)) => o,
        None if DISCUSSED.is_match(text) => Outcome::Discussed,
        None => Outcome::Other,
    };
    let dissent = member_disagrees
        || DISSENT.is_match(text)
        || remarks
            .iter()
            .any(|r| DISSENT.is_match(r) || CANNOT_AGREE.is_match(r));
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
            assert_eq!(classify(text, &[]), (outcome, dissent), "text `{text}`");
        }
    }

    #[test]
    fn dissent_in_remarks_counts() {
        let remarks = vec!["Jens Hansen (V) tager forbehold for finansieringen.".to_string()];
        assert_eq!(classify("Godkendt.", &remarks), (Approved, true));
    }
}
