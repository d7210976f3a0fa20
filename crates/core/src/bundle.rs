//! Reading, checking and assembling bundles.

use crate::committees::Committees;
use crate::dates::is_iso_date;
use crate::model::{Bundle, Meeting, FORMAT, VERSION};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use thiserror::Error;

/// Why a document is not a bundle this version of referat can show.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BundleError {
    #[error("the file is empty")]
    Empty,
    #[error("the bundle is {bytes} bytes; referat opens bundles of up to {limit} bytes (split it, e.g. by election period)")]
    TooLarge { bytes: usize, limit: usize },
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
    pub kind: ProblemKind,
}

/// What is wrong, with the offending value, so a viewer can say it in its own language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    WrongFormat { found: String },
    WrongVersion { found: u32 },
    EmptyId,
    NotUrlSafe { id: String },
    DuplicateId { id: String },
    BadDate { value: String },
    BadTime { value: String },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::WrongFormat { found } => write!(f, "is `{found}`, expected `{FORMAT}`"),
            ProblemKind::WrongVersion { found } => write!(f, "is `{found}`, expected `1`"),
            ProblemKind::EmptyId => write!(f, "is empty"),
            ProblemKind::NotUrlSafe { id } => {
                write!(f, "`{id}` is not URL-safe (use a-z, 0-9, `-`, `_`, `.`)")
            }
            ProblemKind::DuplicateId { id } => {
                write!(f, "`{id}` is used twice; ids must be unique")
            }
            ProblemKind::BadDate { value } => {
                write!(f, "`{value}` is not a date in the form YYYY-MM-DD")
            }
            ProblemKind::BadTime { value } => {
                write!(f, "`{value}` is not a time in the form HH:MM")
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.kind)
    }
}

#[derive(Deserialize)]
struct Probe {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// Why `text` is no bundle; `plain` is the error of reading it without the path tracked.
fn explain(text: &str, plain: serde_json::Error) -> BundleError {
    if plain.is_syntax() || plain.is_eof() {
        return syntax(&plain);
    }
    // A data error: say "not a bundle" or "too new" before blaming a field.
    if let Err(e) = check_header(text) {
        return e;
    }
    // Read again with the path tracked, for the field's place; it fails as the plain read did.
    let mut de = serde_json::Deserializer::from_str(text);
    let path = serde_path_to_error::deserialize::<_, Bundle>(&mut de)
        .err()
        .map_or_else(|| ".".to_string(), |e| e.path().to_string());
    BundleError::Schema {
        path,
        line: plain.line(),
        column: plain.column(),
        message: strip_position(&plain.to_string()),
    }
}

impl Bundle {
    /// Parses and validates a bundle from bytes: checks the encoding first, so a
    /// UTF-16 or binary file gets its own message rather than a JSON error.
    pub fn from_slice(bytes: &[u8]) -> Result<Bundle, BundleError> {
        check_size(bytes.len())?;
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
        check_size(text.len())?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(BundleError::Empty);
        }
        // Tracking the path costs about a third of parsing (natively, 40,000 items): a
        // bundle that parses does not pay it; one that does not is read again to say where.
        let bundle: Bundle = match serde_json::from_str(text) {
            Ok(bundle) => bundle,
            Err(plain) => return Err(explain(text, plain)),
        };
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

    /// Streams the bundle as JSON (indented when `pretty`), without building it as text first.
    pub fn write_json(&self, out: impl std::io::Write, pretty: bool) -> std::io::Result<()> {
        let result = if pretty {
            serde_json::to_writer_pretty(out, self)
        } else {
            serde_json::to_writer(out, self)
        };
        result.map_err(std::io::Error::from)
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a bundle always serialises")
    }

    /// Number of items over all meetings.
    pub fn item_count(&self) -> usize {
        self.meetings.iter().map(|m| m.items.len()).sum()
    }
}

/// The largest bundle the viewer opens: about 100,000 items. Parsed, indexed and
/// shown, a bundle needs about three times its size in memory, and a tablet's
/// browser tab has little more than a gigabyte to give.
pub const MAX_BUNDLE_BYTES: usize = 300 * 1024 * 1024;

/// Says "too large" before any reading or parsing, so the viewer can refuse at once.
pub fn check_size(bytes: usize) -> Result<(), BundleError> {
    if bytes > MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge {
            bytes,
            limit: MAX_BUNDLE_BYTES,
        });
    }
    Ok(())
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
/// Places are only formatted for problems, so a large valid bundle costs little.
pub fn validate(bundle: &Bundle) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids: HashSet<&str> = HashSet::new();
    let mut add = |place: &dyn Fn() -> String, kind| {
        problems.push(Problem {
            place: place(),
            kind,
        })
    };
    if bundle.format != FORMAT {
        add(
            &|| "format".into(),
            ProblemKind::WrongFormat {
                found: bundle.format.clone(),
            },
        );
    }
    if bundle.version == 0 || bundle.version > VERSION {
        add(
            &|| "version".into(),
            ProblemKind::WrongVersion {
                found: bundle.version,
            },
        );
    }
    for (mi, m) in bundle.meetings.iter().enumerate() {
        if let Some(kind) = id_problem(&m.id, &mut ids) {
            add(&|| format!("meetings[{mi}].id"), kind);
        }
        if let Some(d) = m.date.as_ref().filter(|d| !is_iso_date(d)) {
            add(
                &|| format!("meetings[{mi}].date"),
                ProblemKind::BadDate { value: d.clone() },
            );
        }
        if let Some(t) = m.start_time.as_ref().filter(|t| !is_time(t)) {
            add(
                &|| format!("meetings[{mi}].start_time"),
                ProblemKind::BadTime { value: t.clone() },
            );
        }
        for (ii, item) in m.items.iter().enumerate() {
            if let Some(kind) = id_problem(&item.id, &mut ids) {
                add(&|| format!("meetings[{mi}].items[{ii}].id"), kind);
            }
            for (di, d) in item.decisions.iter().enumerate() {
                if let Some(date) = d.date.as_ref().filter(|d| !is_iso_date(d)) {
                    let place = || format!("meetings[{mi}].items[{ii}].decisions[{di}].date");
                    add(
                        &place,
                        ProblemKind::BadDate {
                            value: date.clone(),
                        },
                    );
                }
            }
        }
    }
    problems
}

fn id_problem<'a>(id: &'a str, seen: &mut HashSet<&'a str>) -> Option<ProblemKind> {
    if id.is_empty() {
        Some(ProblemKind::EmptyId)
    } else if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        Some(ProblemKind::NotUrlSafe { id: id.to_string() })
    } else if !seen.insert(id) {
        Some(ProblemKind::DuplicateId { id: id.to_string() })
    } else {
        None
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
    let mut used = Ids::default();
    for m in &mut meetings {
        let base = meeting_slug(m, committees);
        m.id = unique(base, &mut used);
        let meeting_id = m.id.clone();
        for (i, item) in m.items.iter_mut().enumerate() {
            let n = item.number.map_or(i as u32 + 1, |n| n);
            item.id = unique(format!("{meeting_id}-{n}"), &mut used);
        }
    }
    sort_meetings(&mut meetings);
    let mut abbreviations = BTreeMap::new();
    add_abbreviations(&meetings, committees, &mut abbreviations);
    Bundle {
        format: FORMAT.into(),
        version: VERSION,
        title: title.into(),
        generated: generated.into(),
        meetings,
        committees: abbreviations,
    }
}

/// Newest first, undated last; a stable sort keeps the input order among equals.
pub(crate) fn sort_meetings(meetings: &mut [Meeting]) {
    meetings.sort_by(|a, b| match (&a.date, &b.date) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// The full names of the committee abbreviations the meetings' routes use.
pub(crate) fn add_abbreviations(
    meetings: &[Meeting],
    committees: &Committees,
    out: &mut BTreeMap<String, String>,
) {
    for route in meetings
        .iter()
        .flat_map(|m| &m.items)
        .flat_map(|i| &i.route)
    {
        if let Some(full) = committees.expand(route) {
            out.insert(route.clone(), full.to_string());
        }
    }
}

pub(crate) fn meeting_slug(m: &Meeting, committees: &Committees) -> String {
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

/// `base`, or `base-2`, `base-3`, … : the first not used yet. Remembers where each base
/// got to, so many meetings of one committee on one date do not retry every suffix.
pub(crate) fn unique(base: String, used: &mut Ids) -> String {
    let start = used.next.get(&base).copied().unwrap_or(1);
    let mut n = start;
    let mut id = if n == 1 {
        base.clone()
    } else {
        format!("{base}-{n}")
    };
    while used.taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.taken.insert(id.clone());
    used.next.insert(base, n + 1);
    id
}

/// Ids given so far, and for each base the suffix to try next.
#[derive(Default)]
pub(crate) struct Ids {
    pub(crate) taken: HashSet<String>,
    next: HashMap<String, u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_ids_table() {
        let mut used = Ids::default();
        let cases = [
            ("buu-2024-04-18", "buu-2024-04-18"),
            ("buu-2024-04-18", "buu-2024-04-18-2"),
            // A base that looks like a suffixed id is still unique.
            ("buu-2024-04-18-2", "buu-2024-04-18-2-2"),
            ("buu-2024-04-18-3", "buu-2024-04-18-3"),
            // The base's next suffix is taken already: skipped.
            ("buu-2024-04-18", "buu-2024-04-18-4"),
            ("buu-2024-04-18", "buu-2024-04-18-5"),
            ("kb-2025-08-27", "kb-2025-08-27"),
        ];
        for (base, want) in cases {
            assert_eq!(unique(base.to_string(), &mut used), want, "base `{base}`");
        }
    }
}
