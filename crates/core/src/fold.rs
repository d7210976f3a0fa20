//! Search folding: lower case, and the Danish letters spelled the way people type
//! them without a Danish keyboard (`å`→`aa`, `æ`→`ae`, `ø`→`oe`), so either spelling finds both.

/// Folds one character into `out`; returns how many bytes were pushed.
fn fold_char(c: char, out: &mut String) -> usize {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return 1;
    }
    let before = out.len();
    for l in c.to_lowercase() {
        match l {
            'å' => out.push_str("aa"),
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'é' | 'è' => out.push('e'),
            'ü' => out.push('u'),
            other => out.push(other),
        }
    }
    out.len() - before
}

/// The folded form of `text`. Runs of ASCII are copied and lowercased whole: most of a
/// Danish text is ASCII, and this is a fifth of building the search index.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let start = out.len();
        out.push_str(run);
        out[start..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            fold_char(c, &mut out);
        }
        rest = chars.as_str();
    }
    out
}

/// Folded text plus, for every folded byte, the byte range of the original
/// character it came from; this maps a match in folded text back to the original.
pub struct Folded {
    pub text: String,
    origin: Vec<(usize, usize)>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len() + 8);
        let mut origin = Vec::with_capacity(original.len() + 8);
        for (start, c) in original.char_indices() {
            let n = fold_char(c, &mut text);
            origin.extend(std::iter::repeat_n((start, start + c.len_utf8()), n));
        }
        Folded { text, origin }
    }

    /// The original byte range covering folded bytes `start..end` (widened to whole characters).
    pub fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let s = self.origin[start].0;
        let e = self.origin[end - 1].1;
        s..e
    }
}

/// Splits a query into folded search terms (whitespace separated, punctuation at the ends dropped).
pub fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in query.split_whitespace() {
        let t = fold(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '-'));
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_danish_letters_and_case() {
        assert_eq!(fold("Økonomiske Årsag ÆBLE"), "oekonomiske aarsag aeble");
        assert_eq!(fold("oekonomiske"), "oekonomiske");
    }

    #[test]
    fn maps_matches_back_to_the_original() {
        let f = Folded::new("Den økonomiske ramme");
        let at = f.text.find("oekonomiske").unwrap();
        let r = f.original_range(at, at + "oekonomiske".len());
        assert_eq!(&"Den økonomiske ramme"[r], "økonomiske");
        // A match that starts inside a folded letter widens to the whole letter.
        let at = f.text.find("ekonom").unwrap();
        let r = f.original_range(at, at + 6);
        assert_eq!(&"Den økonomiske ramme"[r], "økonom");
    }

    #[test]
    fn splits_terms() {
        assert_eq!(
            terms("  Budget, 21/1359  budget "),
            vec!["budget", "21/1359"]
        );
        assert!(terms(" ,. ").is_empty());
    }
}
