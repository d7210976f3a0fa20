//! The meeting's own fields (committee, date, time, place) as labels, header lines and
//! decision labels give them, each kept with the rank of where it came from.

use super::*;

impl<'a> MeetingDraft<'a> {
    /// Stores a label's value, if the field is free or holds the same value: a second
    /// `Dato:` is not taken for the meeting's date. Says whether it stored it.
    pub fn apply_label(&mut self, label: LabelField, value: &str, v: &Vocabulary) -> bool {
        let value = value.trim().trim_matches('|').trim();
        match label {
            LabelField::Date => {
                let Some(date) = find_date(value) else {
                    return false;
                };
                let time = find_time(value).or_else(|| bare_time(value));
                let stored = self.set_date(date, Rank::LABEL);
                if stored {
                    if let Some(time) = time {
                        self.start_time.get_or_insert(time);
                    }
                }
                stored
            }
            LabelField::Time => match find_time(&format!("kl. {value}")) {
                Some(time) => store(&mut self.start_time, time),
                None => false,
            },
            LabelField::Place => store(&mut self.location, value.to_string()),
            LabelField::Ignored => true,
            // `Udvalg: ØK`: under a committee label, an abbreviation the table does not know
            // yet is the committee too (ingest learns its full name from the decisions).
            LabelField::Committee => {
                let abbreviation = (2..=6).contains(&value.chars().count())
                    && value.chars().all(|c| c.is_uppercase());
                // `Udvalg: Miljø Teknik og Plan`: under the label, a short name in capitals is
                // the body's even without a committee word.
                let words = value.split_whitespace().count();
                let named = (2..=6).contains(&words)
                    && value
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| w.chars().count() >= 3 && !w.eq_ignore_ascii_case("kl"))
                    && value.starts_with(char::is_uppercase)
                    && !value.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ':' | ';'))
                    // `Udvalg Dato Type Hent`: a row of column headings, not a name.
                    && !value.split_whitespace().any(|w| v.label_field(w).is_some());
                let name = crate::parse::header::committee_name(value, v)
                    .or_else(|| (abbreviation || named).then(|| value.to_string()));
                match name {
                    Some(name) => {
                        self.set_committee(crate::parse::lines::strip_term(&name), Rank::LABEL)
                    }
                    None => false,
                }
            }
        }
    }

    pub fn set_committee(&mut self, name: String, rank: Rank) -> bool {
        match &self.committee {
            Some((_, r)) if *r >= rank => false,
            _ => {
                self.committee = Some((name, rank));
                true
            }
        }
    }

    pub fn set_date(&mut self, date: String, rank: Rank) -> bool {
        match &self.date {
            Some((old, r)) if *r >= rank => *old == date,
            _ => {
                self.date = Some((date, rank));
                true
            }
        }
    }

    /// Reads a preamble line as a header line; says what it found, for `explain`.
    pub fn header(&mut self, line: &str, v: &Vocabulary) -> Option<&'static str> {
        let found = header_line(line, v)?;
        Some(match found {
            // A header with another date than the one read (a table of contents' entry,
            // a meeting the case went through) is not this meeting's.
            HeaderLine::Full { date, .. }
                if self
                    .date
                    .as_ref()
                    .is_some_and(|(d, r)| *d != date && *r >= Rank::LINE) =>
            {
                "text (a header of another date)"
            }
            HeaderLine::Full { committee, date } => {
                let took_c =
                    self.set_committee(crate::parse::lines::strip_term(&committee), Rank::HEADER);
                let took_d = self.set_date(date, Rank::HEADER);
                if (took_c || took_d) && self.heading.is_none() {
                    self.heading = Some(line.to_string());
                    if self.start_time.is_none() {
                        self.start_time = find_time(line);
                    }
                }
                "meeting header"
            }
            HeaderLine::Committee(c) => {
                self.set_committee(crate::parse::lines::strip_term(&c), Rank::LINE);
                "meeting header: committee"
            }
            HeaderLine::Date(date) => {
                if self.set_date(date, Rank::LINE) && self.start_time.is_none() {
                    self.start_time = find_time(line).or_else(|| bare_time(line));
                }
                "meeting header: date"
            }
        })
    }

    /// `… dagsorden. Byrådet, 16.12.2014 Gunver Nielsen var fraværende. Godkendt.`: this
    /// meeting's body and date after a sentence, then what it decided. Some systems print
    /// a decision's heading so, and PDF text runs it into the line before. Gives the text
    /// before, the heading and the text after.
    pub fn decision_label<'t>(
        &self,
        text: &'t str,
        v: &Vocabulary,
    ) -> Option<(&'t str, &'t str, &'t str)> {
        // By the commas (a few per line): this runs on every line of text in an item.
        let committee = self.committee.as_ref().map(|(c, _)| c.as_str());
        let date = self.date.as_ref().map(|(d, _)| d.as_str());
        for comma in memchr::memchr_iter(b',', text.as_bytes()) {
            let Some(rest) = text[comma + 1..].strip_prefix(' ') else {
                continue;
            };
            // This meeting's body; before a header named one, a body's name opening the line
            // (`Klima- og Miljøudvalget, 05-12-2017 pkt. 188`).
            let start = match committee {
                Some(c) => text[..comma].strip_suffix(c).map(str::len),
                // (Only a short name before a date, on a known meeting date: a case's history
                // names other meetings.)
                None if comma <= 80
                    && date.is_some()
                    && rest.starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    crate::parse::header::committee_name(&text[..comma], v).map(|_| 0)
                }
                None => None,
            };
            let Some(start) = start else {
                continue;
            };
            let token_end = rest.find(' ').unwrap_or(rest.len());
            let token = rest[..token_end].trim_end_matches([':', ',']);
            let before = text[..start].trim_end();
            let boundary = before.is_empty() || before.ends_with(['.', '!', '?']);
            let day = find_date(token);
            let same_day = match date {
                Some(d) => day.as_deref() == Some(d),
                None => day.is_some(),
            };
            if boundary && same_day {
                let end = comma + 2 + token_end;
                return Some((&text[..start], &text[start..end], &text[end..]));
            }
        }
        None
    }

    /// A date in passing (`Mødedato: Mandag den 6. oktober 2014` inside a long line).
    pub fn loose_date(&mut self, line: &str) {
        if self.date.is_some() {
            return;
        }
        if let Some(c) = LOOSE_DATE.captures(line) {
            if let Some(date) = crate::dates::parse_date(&c[1]) {
                self.set_date(date, Rank::LOOSE);
            }
        }
    }
}

/// `26-04-2018 18:30:00`: a time after a date, without `kl.`.
fn bare_time(text: &str) -> Option<String> {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\d{4}\s+(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?\b").expect("valid regex")
    });
    let c = BARE.captures(text)?;
    let (h, m): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// Sets `field` to `value` unless it holds another value.
fn store(field: &mut Option<String>, value: String) -> bool {
    let free = field.as_ref().is_none_or(|old| *old == value);
    if free {
        *field = Some(value);
    }
    free
}
