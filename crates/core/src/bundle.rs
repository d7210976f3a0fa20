//! Reading, checking and assembling bundles.

use crate::committees::Committees;
use crate::dates::is_iso_date;
use crate::model::{Bundle, Meeting, FORMAT, VERSION};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use thiserror::Error;

/// Why a document is not a bundle this version of referat can show.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BundleError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text ({encoding}); a bundle must be UTF-8 JSON")]
    Encoding {
        encoding: &'static str,
        offset: usize,
    },
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("not a referat bundle: `format` is {found}, expected `referat-bundle`")]
    NotABundle { found: String },
    #[error("bundle version {found} is newer than this referat understands (up to {VERSION})")]
    UnsupportedVersion { found: String },
    #[error("wrong data at `{path}` (line {line}, column {column}): {message}")]
    Schema {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{} problem(s) in the bundle; the first: {}", .0.len(), .0[0])]
    Invalid(Vec<Problem>),
}

/// One problem found by [`validate`], with its place as a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

#[derive(Deserialize)]
struct Probe {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

impl Bundle {
    /// Parses and validates a bundle from bytes: checks the encoding first, so a
    /// UTF-16 or binary file gets its own message rather than a JSON error.
    pub fn from_slice(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            return Err(BundleError::Encoding {
                encoding: "UTF-16",
                offset: 0,
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Bundle::from_json(text),
            Err(e) => Err(BundleError::Encoding {
                encoding: "invalid UTF-8",
                offset: e.valid_up_to(),
            }),
        }
    }

    /// Parses and validates a bundle. Errors say what is wrong and where.
    pub fn from_json(text: &str) -> Result<Bundle, BundleError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(BundleError::Empty);
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let bundle: Bundle = match serde_path_to_error::deserialize(&mut de) {
            Ok(bundle) => bundle,
            Err(err) => {
                let inner = err.inner();
                if inner.is_syntax() || inner.is_eof() {
                    return Err(syntax(inner));
                }
                // A data error: say "not a bundle" or "too new" before blaming a field.
                check_header(text)?;
                return Err(BundleError::Schema {
                    path: err.path().to_string(),
                    line: inner.line(),
                    column: inner.column(),
                    message: strip_position(&inner.to_string()),
                });
            }
        };
        de.end().map_err(|e| syntax(&e))?;
        if bundle.format != FORMAT {
            return Err(BundleError::NotABundle {
                found: format!("`{}`", bundle.format),
            });
        }
        if bundle.version > VERSION {
            return Err(BundleError::UnsupportedVersion {
                found: bundle.version.to_string(),
            });
        }
        let problems = validate(&bundle);
        if !problems.is_empty() {
            return Err(BundleError::Invalid(problems));
        }
        Ok(bundle)
    }

    /// Compact JSON, as written for the viewer.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a bundle always serialises")
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a bundle always serialises")
    }

    /// Number of items over all meetings.
    pub fn item_count(&self) -> usize {
        self.meetings.iter().map(|m| m.items.len()).sum()
    }
}

fn syntax(e: &serde_json::Error) -> BundleError {
    BundleError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    }
}

fn check_header(text: &str) -> Result<(), BundleError> {
    let Ok(probe) = serde_json::from_str::<Probe>(text) else {
        return Ok(());
    };
    match &probe.format {
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(serde_json::Value::String(other)) => {
            return Err(BundleError::NotABundle {
                found: format!("`{other}`"),
            })
        }
        Some(other) => {
            return Err(BundleError::NotABundle {
                found: format!("`{other}`"),
            })
        }
        None => {
            return Err(BundleError::NotABundle {
                found: "missing".into(),
            })
        }
    }
    match &probe.version {
        Some(serde_json::Value::Number(n))
            if n.as_u64().is_some_and(|v| v <= u64::from(VERSION)) =>
        {
            Ok(())
        }
        Some(serde_json::Value::Number(n)) if n.as_u64().is_some() => {
            Err(BundleError::UnsupportedVersion {
                found: n.to_string(),
            })
        }
        _ => Ok(()),
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Checks what serde cannot: unique, URL-safe ids and well-formed dates.
pub fn validate(bundle: &Bundle) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    let mut problem = |place: String, message: String| problems.push(Problem { place, message });
    if bundle.format != FORMAT {
        problem(
            "format".into(),
            format!("is `{}`, expected `{FORMAT}`", bundle.format),
        );
    }
    if bundle.version == 0 || bundle.version > VERSION {
        problem(
            "version".into(),
            format!("is `{}`, expected `1`", bundle.version),
        );
    }
    for (mi, m) in bundle.meetings.iter().enumerate() {
        let at = format!("meetings[{mi}]");
        check_id(&m.id, &format!("{at}.id"), &mut ids, &mut problem);
        if let Some(d) = &m.date {
            if !is_iso_date(d) {
                problem(
                    format!("{at}.date"),
                    format!("`{d}` is not a date in the form YYYY-MM-DD"),
                );
            }
        }
        if let Some(t) = &m.start_time {
            if !is_time(t) {
                problem(
                    format!("{at}.start_time"),
                    format!("`{t}` is not a time in the form HH:MM"),
                );
            }
        }
        for (ii, item) in m.items.iter().enumerate() {
            let at = format!("{at}.items[{ii}]");
            check_id(&item.id, &format!("{at}.id"), &mut ids, &mut problem);
            for (di, d) in item.decisions.iter().enumerate() {
                if let Some(date) = &d.date {
                    if !is_iso_date(date) {
                        problem(
                            format!("{at}.decisions[{di}].date"),
                            format!("`{date}` is not a date in the form YYYY-MM-DD"),
                        );
                    }
                }
            }
        }
    }
    problems
}

fn check_id(
    id: &str,
    place: &str,
    seen: &mut HashSet<String>,
    problem: &mut impl FnMut(String, String),
) {
    if id.is_empty() {
        problem(place.into(), "is empty".into());
    } else if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        problem(
            place.into(),
            format!("`{id}` is not URL-safe (use a-z, 0-9, `-`, `_`, `.`)"),
        );
    } else if !seen.insert(id.to_string()) {
        problem(
            place.into(),
            format!("`{id}` is used twice; ids must be unique"),
        );
    }
}

fn is_time(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && t[..2].parse::<u32>().is_ok_and(|h| h < 24)
        && t[3..].parse::<u32>().is_ok_and(|m| m < 60)
}

/// Builds a bundle from parsed meetings: assigns stable ids, sorts newest
/// first (undated last, otherwise in input order) and lists the abbreviations used.
pub fn assemble(
    title: &str,
    generated: &str,
    mut meetings: Vec<Meeting>,
    committees: &Committees,
) -> Bundle {
    let mut used = HashSet::new();
    for m in &mut meetings {
        let base = meeting_slug(m, committees);
        m.id = unique(base, &mut used);
        let meeting_id = m.id.clone();
        for (i, item) in m.items.iter_mut().enumerate() {
            let n = item.number.map_or(i as u32 + 1, |n| n);
            item.id = unique(format!("{meeting_id}-{n}"), &mut used);
        }
    }
    meetings.sort_by(|a, b| match (&a.date, &b.date) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut abbreviations = BTreeMap::new();
    for route in meetings
        .iter()
        .flat_map(|m| &m.items)
        .flat_map(|i| &i.route)
    {
        if let Some(full) = committees.expand(route) {
            abbreviations.insert(route.clone(), full.to_string());
        }
    }
    Bundle {
        format: FORMAT.into(),
        version: VERSION,
        title: title.into(),
        generated: generated.into(),
        meetings,
        committees: abbreviations,
    }
}

fn meeting_slug(m: &Meeting, committees: &Committees) -> String {
    let committee = m
        .committee
        .as_deref()
        .map(|c| committees.abbreviation_of(c).map_or_else(|| slug(c), slug));
    let stem = std::path::Path::new(&m.source)
        .file_stem()
        .map(|s| slug(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "moede".into());
    match (committee, &m.date) {
        (Some(c), Some(d)) => format!("{c}-{d}"),
        (Some(c), None) => format!("{c}-{stem}"),
        (None, Some(d)) => format!("moede-{d}"),
        (None, None) => stem,
    }
}

/// Lower-case ASCII slug: `Børne- og ungdomsudvalget` gives `boerne-og-ungdomsudvalget`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if !out.ends_with('-') => out.push('-'),
            _ => {}
        }
    }
    out.trim_matches('-').to_string()
}

fn unique(base: String, used: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
