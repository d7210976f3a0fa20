//! Danish date and time phrases as printed in minutes, normalised to ISO forms.

use regex::Regex;
use std::sync::LazyLock;

pub const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
/// Abbreviations seen in printed dates (`3. sept. 2024`); any 3+ letter prefix of a month parses.
pub const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
];
pub const WEEKDAYS: &[&str] = &[
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];

/// A regex fragment that matches one printed date (used inside larger patterns).
pub const DATE_PATTERN: &str = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{1,2}\.?\s+(?i:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?,?\s+\d{4}|\d{1,2}-(?i:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)-\d{4})";

static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$").expect("valid regex"));
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").expect("valid regex"));
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag),?\s+)?(?i:(?:den|d\.)\s+)?(\d{1,2})(?:\.?\s+(\p{L}+)\.?,?\s+|-(\p{L}+)-)(\d{4})$")
        .expect("valid regex")
});
/// `December 5, 2017`: a portal set to an English locale prints the month first.
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag),?\s+)?([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$")
        .expect("valid regex")
});
/// `December 5, 2017` anywhere in a line.
static FIND_ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4}")
        .expect("valid regex")
});
const ENGLISH_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
static FIND_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(DATE_PATTERN).expect("valid regex"));
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i:\bkl\.?\s*)(\d{1,2})[.:](\d{2})\b").expect("valid regex"));

/// Parses one printed date (`24-06-2021`, `24.06.2021`, `24. juni 2021`,
/// `Onsdag d. 27. august 2025`, `2021-06-24`) into `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    let (y, m, d) = if let Some(c) = ISO.captures(text) {
        (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    } else if let Some(c) = NUMERIC.captures(text) {
        (c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
    } else if let Some(c) = WORDS.captures(text) {
        let month = c.get(2).or(c.get(3))?.as_str();
        (c[4].parse().ok()?, month_number(month)?, c[1].parse().ok()?)
    } else if let Some(c) = ENGLISH.captures(text) {
        let month = c[1].to_lowercase();
        let m = ENGLISH_MONTHS.iter().position(|n| *n == month)? as u32 + 1;
        (c[3].parse().ok()?, m, c[2].parse().ok()?)
    } else {
        return None;
    };
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Finds the first valid date anywhere in `text`.
pub fn find_date(text: &str) -> Option<String> {
    FIND_DATE
        .find_iter(text)
        .find_map(|m| parse_date(m.as_str()))
        .or_else(|| {
            // English month names only where no Danish date is: every line passes here, and
            // the Danish pattern is the one with a fast literal search.
            FIND_ENGLISH
                .find_iter(text)
                .find_map(|m| parse_date(m.as_str()))
        })
}

/// Finds a start time written `kl. 16:00` or `kl. 15.00`, as `HH:MM`.
pub fn find_time(text: &str) -> Option<String> {
    let c = TIME.captures(text)?;
    let h: u32 = c[1].parse().ok()?;
    let m: u32 = c[2].parse().ok()?;
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == name || (name.len() >= 3 && m.starts_with(name.as_str())))
        .map(|i| i as u32 + 1)
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2999).contains(&y) && (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)
}

pub fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD` split into numbers when it is a real date. Written without regex:
/// the viewer validates bundles and URLs with it, and a regex engine would double the wasm.
pub fn ymd(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        .iter()
        .all(|&i| b.get(i).is_some_and(u8::is_ascii_digit));
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits {
        return None;
    }
    let (y, m, d) = (
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    );
    valid(y, m, d).then_some((y, m, d))
}

/// True when `s` is a valid `YYYY-MM-DD` date.
pub fn is_iso_date(s: &str) -> bool {
    ymd(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_printed_dates() {
        let cases = [
            ("24-06-2021", Some("2021-06-24")),
            ("24.06.2021", Some("2021-06-24")),
            ("4/6/2021", Some("2021-06-04")),
            ("24. juni 2021", Some("2021-06-24")),
            ("24 juni 2021", Some("2021-06-24")),
            ("Onsdag d. 27. august 2025", Some("2025-08-27")),
            ("den 1. Januar 2022", Some("2022-01-01")),
            ("3. sept. 2024", Some("2024-09-03")),
            ("Mandag, 11 januar, 2021", Some("2021-01-11")),
            ("Søndag DEN 08. September 2019", Some("2019-09-08")),
            ("2021-06-24", Some("2021-06-24")),
            ("Tirsdag, December 5, 2017", Some("2017-12-05")),
            ("Onsdag den 15-maj-2002", Some("2002-05-15")),
            ("May 3 2021", Some("2021-05-03")),
            ("Juno 3, 2021", None),
            ("29-02-2024", Some("2024-02-29")),
            ("29-02-2023", None),
            ("31-04-2024", None),
            ("24-13-2021", None),
            ("24. juno 2021", None),
            ("kl. 15.00", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input).as_deref(), want, "input `{input}`");
        }
    }

    #[test]
    fn finds_dates_and_times_in_lines() {
        assert_eq!(
            find_date("REFERAT Aarhus Byråd d. 27-08-2025").as_deref(),
            Some("2025-08-27")
        );
        assert_eq!(
            find_time("Onsdag d. 27. august 2025 kl. 16:00").as_deref(),
            Some("16:00")
        );
        assert_eq!(
            find_date("Dato: Tirsdag, December 5, 2017 - 08:15").as_deref(),
            Some("2017-12-05")
        );
        assert_eq!(find_time("kl. 15.00-15.45").as_deref(), Some("15:00"));
        assert_eq!(find_time("kl. 25.00"), None);
        assert_eq!(find_time("uden tid"), None);
    }
}
