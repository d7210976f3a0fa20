//! The URL hash: which view is shown, with which filters, in which language. Every
//! screen is reachable by URL, back/forward and reload, also from `file://`.

use crate::dates::{days_in_month, ymd};
use crate::fold::fold;
use crate::model::{Access, Outcome};
use crate::query::{Filter, Sort};

/// Date presets for the range filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePreset {
    Last3Months,
    ThisYear,
    /// The council's election period starting in this year (2022–2025, 2026–2029).
    ElectionPeriod(u32),
}

impl DatePreset {
    /// The inclusive range for `today` (`YYYY-MM-DD`); None when `today` is not a date.
    pub fn range(self, today: &str) -> Option<(String, String)> {
        let (y, m, d) = ymd(today)?;
        Some(match self {
            DatePreset::Last3Months => {
                let (y0, m0) = if m > 3 { (y, m - 3) } else { (y - 1, m + 9) };
                let d0 = d.min(days_in_month(y0, m0));
                (format!("{y0:04}-{m0:02}-{d0:02}"), today.to_string())
            }
            DatePreset::ThisYear => (format!("{y:04}-01-01"), format!("{y:04}-12-31")),
            DatePreset::ElectionPeriod(start) => (
                format!("{start:04}-01-01"),
                format!("{:04}-12-31", start + 3),
            ),
        })
    }
}

/// What the screen shows, besides the filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    List,
    Item(String),
    Meeting(String),
    /// Everyone recorded as absent, with their counts (`#/personer`).
    People,
    /// One person's absences and attendance (`#/person/<name>`).
    Person(String),
    /// One committee's meetings, outcomes and absences (`#/udvalg/<name>`).
    Committee(String),
    /// All meetings by date (`#/moeder`), under the committee filter.
    Meetings,
    /// One case number through every meeting that treated it (`#/sag/<case number>`).
    Case(String),
}

/// The view and the filters: everything the URL hash holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    pub filter: Filter,
    /// The interface in English (`sprog=en`); Danish otherwise. In the URL so a reload or a
    /// bookmark shows the same screen.
    pub english: bool,
}

impl Route {
    /// Parses a location hash (`#/?udvalg=…`, `#/punkt/<id>?…`, `#/moede/<id>`, `#/person/<name>`, …). Unknown
    /// keys and malformed values are ignored, so an old bookmark still opens.
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let h = h.strip_prefix('/').unwrap_or(h);
        let (path, query) = h.split_once('?').unwrap_or((h, ""));
        let path = path.trim_end_matches('/');
        let view = if let Some(id) = path.strip_prefix("punkt/") {
            View::Item(decode(id))
        } else if let Some(id) = path.strip_prefix("moede/") {
            View::Meeting(decode(id))
        } else if let Some(name) = path.strip_prefix("person/") {
            View::Person(decode(name))
        } else if let Some(name) = path.strip_prefix("udvalg/") {
            View::Committee(decode(name))
        } else if let Some(case) = path.strip_prefix("sag/") {
            View::Case(decode(case))
        } else if path == "personer" {
            View::People
        } else if path == "moeder" {
            View::Meetings
        } else {
            View::List
        };
        let mut f = Filter::default();
        let mut english = false;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            match k {
                "udvalg" if !v.is_empty() => {
                    f.committees.insert(v);
                }
                "fra" if ymd(&v).is_some() => f.from = Some(v),
                "til" if ymd(&v).is_some() => f.to = Some(v),
                "fravaer" if !v.trim().is_empty() => f.absentee = Some(v),
                "udfald" => {
                    if let Some(o) = parse_outcome(&v) {
                        f.outcomes.insert(o);
                    }
                }
                "uenighed" => f.dissent_only = v == "1" || v == "ja",
                "noter" => f.noted = v == "1" || v == "ja",
                "adgang" => {
                    f.access = match v.as_str() {
                        "aaben" | "open" => Some(Access::Open),
                        "lukket" | "closed" => Some(Access::Closed),
                        _ => None,
                    }
                }
                "q" => f.text = v,
                "sprog" => english = v == "en",
                "sort" => f.sort = Sort::parse(&v).unwrap_or_default(),
                _ => {}
            }
        }
        Route {
            view,
            filter: f,
            english,
        }
    }

    /// True if going from `previous` to this route is typing in the search box: only the
    /// text changed. The URL follows typing by replacing its history entry (one entry per
    /// key would make Back useless), and only once typing pauses.
    pub fn is_typed_from(&self, previous: &Route) -> bool {
        self.filter.text != previous.filter.text
            && self.view == previous.view
            && self.english == previous.english
            && Filter {
                text: self.filter.text.clone(),
                ..previous.filter.clone()
            } == self.filter
    }

    /// The hash for this route; parsing it gives the route back.
    pub fn to_hash(&self) -> String {
        let mut out = match &self.view {
            View::List => "#/".to_string(),
            View::Item(id) => format!("#/punkt/{}", encode(id)),
            View::Meeting(id) => format!("#/moede/{}", encode(id)),
            View::People => "#/personer".to_string(),
            View::Person(name) => format!("#/person/{}", encode(name)),
            View::Committee(name) => format!("#/udvalg/{}", encode(name)),
            View::Meetings => "#/moeder".to_string(),
            View::Case(case) => format!("#/sag/{}", encode(case)),
        };
        let f = &self.filter;
        let mut q: Vec<(&str, String)> = Vec::new();
        q.extend(f.committees.iter().map(|c| ("udvalg", c.clone())));
        q.extend(f.from.iter().map(|d| ("fra", d.clone())));
        q.extend(f.to.iter().map(|d| ("til", d.clone())));
        q.extend(f.absentee.iter().map(|a| ("fravaer", a.clone())));
        q.extend(
            f.outcomes
                .iter()
                .map(|o| ("udfald", o.as_str().to_string())),
        );
        if f.dissent_only {
            q.push(("uenighed", "1".into()));
        }
        if f.noted {
            q.push(("noter", "1".into()));
        }
        match f.access {
            Some(Access::Open) => q.push(("adgang", "aaben".into())),
            Some(Access::Closed) => q.push(("adgang", "lukket".into())),
            None => {}
        }
        if !f.text.is_empty() {
            q.push(("q", f.text.clone()));
        }
        if f.sort != Sort::Date {
            q.push(("sort", f.sort.as_str().into()));
        }
        if self.english {
            q.push(("sprog", "en".into()));
        }
        for (i, (k, v)) in q.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(k);
            out.push('=');
            out.push_str(&encode(v));
        }
        out
    }
}

/// Accepts the wire name (`approved`) and the Danish label folded (`godkendt`, `taget-til-efterretning`).
fn parse_outcome(v: &str) -> Option<Outcome> {
    Outcome::parse(v).or_else(|| {
        let want = fold(&v.replace(['-', '_'], " "));
        Outcome::ALL
            .into_iter()
            .find(|o| fold(o.label_da()) == want)
    })
}

/// Percent-encodes everything but unreserved ASCII.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-encoding (and `+` as space); invalid sequences are kept as written.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() && s.is_char_boundary(i + 3) => {
                match u8::from_str_radix(&s[i + 1..i + 3], 16) {
                    Ok(v) => {
                        out.push(v);
                        i += 3;
                    }
                    Err(_) => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
