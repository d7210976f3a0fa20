//! The packed layout of a bundle: a **light** bundle (every meeting and item with what the
//! list and the filters read: dates, committees, titles, case numbers, outcomes, absences)
//! and **parts** that carry the full meetings, a few hundred kilobytes each.
//!
//! A viewer shows the list from the light bundle at once and reads the parts after it, one
//! at a time between frames, building the full-text index as they come. The one-file build
//! embeds the pieces gzipped (`crate::pack::pack`); the layout is the same wherever the
//! pieces are stored. `docs/packed-layout.md` describes it for other implementations.

use crate::bundle::BundleError;
use crate::model::{Bundle, Decision, Item, Meeting};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The `format` of a manifest.
pub const PACK_FORMAT: &str = "referat-pack";
/// The manifest version this referat writes and reads.
pub const PACK_VERSION: u32 = 1;
/// The JSON size a part aims at: parsed and indexed in a few milliseconds, so the page
/// answers between two parts.
pub const PART_BYTES: usize = 384 * 1024;

/// What the pieces are and how large they are once inflated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// Inflated size of the light bundle's JSON.
    pub light_bytes: usize,
    /// In a sharded archive (`crate::shards`): the light bundle's gzip file, relative to
    /// the page. Absent in a one-file build, whose pieces are elements of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub light: Option<String>,
    /// In a sharded archive too large to hold in a browser tab with its text
    /// (`crate::shards::TEXT_ON_DEMAND_BYTES`): the viewer indexes each part's text and lets
    /// it go, and fetches a meeting's part again (from the HTTP cache) when it is opened.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub text_on_demand: bool,
    /// In a sharded archive: the newest items alone, so the first rows show before the
    /// light bundle (hundreds of megabytes in a large archive) is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<Head>,
    pub parts: Vec<PartInfo>,
}

/// The head of a sharded archive: a light bundle of the meetings that hold its newest
/// items (`crate::shards::HEAD_ITEMS` or a few more), in the light bundle's order, so its
/// list begins with the very rows the whole archive's list begins with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Its gzip file, relative to the page.
    pub file: String,
    /// Inflated size of its JSON.
    pub bytes: usize,
    /// The items of the whole archive: the count the list shows while only the head is in.
    pub items: usize,
}

/// One part: the full meetings at positions `first .. first + count` of the light bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartInfo {
    pub first: usize,
    pub count: usize,
    /// Inflated size of the part's JSON (an array of meetings).
    pub bytes: usize,
    /// In a sharded archive: the part's gzip file, relative to the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// In a sharded archive: what the part holds, for people ("Økonomiudvalget 2023"),
    /// named when it cannot be fetched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Why a manifest or a part cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PackedError {
    #[error("the packed bundle's manifest is not readable: {0}")]
    Manifest(String),
    #[error("the packed bundle's manifest is version {found}; this referat reads version {PACK_VERSION}")]
    ManifestVersion { found: u32 },
    #[error("part {part} (meetings {first}–{last}) is not readable: {message}")]
    Part {
        part: usize,
        first: usize,
        last: usize,
        message: String,
    },
    #[error(
        "part {part} (meetings {first}–{last}) does not match the bundle: expected {expected}, found {found}"
    )]
    Mismatch {
        part: usize,
        first: usize,
        last: usize,
        expected: String,
        found: String,
    },
}

/// The bundle as the list and the filters need it: the texts (sections, decision texts,
/// remarks, attachments, page furniture) left out, everything else kept, so filters,
/// facet counts and rows are exact before a part has arrived.
pub fn light(bundle: &Bundle) -> Bundle {
    with_meetings(bundle, bundle.meetings.iter().map(light_meeting).collect())
}

/// `bundle`'s title, date and committees with other meetings.
pub(crate) fn with_meetings(bundle: &Bundle, meetings: Vec<Meeting>) -> Bundle {
    Bundle {
        format: bundle.format.clone(),
        version: bundle.version,
        title: bundle.title.clone(),
        generated: bundle.generated.clone(),
        committees: bundle.committees.clone(),
        meetings,
    }
}

/// A copy of the meeting with its texts and its items' texts left out (built field by
/// field: cloning the items first would copy all their text).
pub(crate) fn light_meeting(m: &Meeting) -> Meeting {
    let items = m
        .items
        .iter()
        .map(|item| Item {
            id: item.id.clone(),
            number: item.number,
            case_number: item.case_number.clone(),
            title: item.title.clone(),
            access: item.access,
            route: item.route.clone(),
            sections: Vec::new(),
            decisions: item
                .decisions
                .iter()
                .map(|d| Decision {
                    body: d.body.clone(),
                    date: d.date.clone(),
                    text: String::new(),
                    outcome: d.outcome,
                    dissent: d.dissent,
                    remarks: Vec::new(),
                    heading: d.heading.clone(),
                })
                .collect(),
            outcome: item.outcome,
            absent: item.absent.clone(),
            attachments: Vec::new(),
        })
        .collect();
    Meeting {
        id: m.id.clone(),
        committee: m.committee.clone(),
        date: m.date.clone(),
        start_time: m.start_time.clone(),
        location: m.location.clone(),
        absent: m.absent.clone(),
        members: m.members.clone(),
        items,
        source: m.source.clone(),
        heading: m.heading.clone(),
        sections: Vec::new(),
        furniture: Vec::new(),
    }
}

/// The light bundle's JSON, the parts' JSON (arrays of full meetings, in bundle order,
/// each near `part_bytes`), and the manifest that describes them.
pub fn split(bundle: &Bundle, part_bytes: usize) -> (Manifest, Vec<u8>, Vec<Vec<u8>>) {
    let light_json = light(bundle).to_json().into_bytes();
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let mut infos: Vec<PartInfo> = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let mut first = 0;
    for (i, m) in bundle.meetings.iter().enumerate() {
        let json = serde_json::to_vec(m).expect("a meeting always serialises");
        if !current.is_empty() && current.len() + json.len() > part_bytes {
            close_part(&mut current, &mut parts, &mut infos, first, i);
            first = i;
        }
        current.push(if current.is_empty() { b'[' } else { b',' });
        current.extend_from_slice(&json);
    }
    if !current.is_empty() {
        close_part(
            &mut current,
            &mut parts,
            &mut infos,
            first,
            bundle.meetings.len(),
        );
    }
    let manifest = Manifest {
        format: PACK_FORMAT.into(),
        version: PACK_VERSION,
        light_bytes: light_json.len(),
        light: None,
        text_on_demand: false,
        head: None,
        parts: infos,
    };
    (manifest, light_json, parts)
}

fn close_part(
    current: &mut Vec<u8>,
    parts: &mut Vec<Vec<u8>>,
    infos: &mut Vec<PartInfo>,
    first: usize,
    end: usize,
) {
    current.push(b']');
    infos.push(PartInfo {
        first,
        count: end - first,
        bytes: current.len(),
        file: None,
        label: None,
    });
    parts.push(std::mem::take(current));
}

/// Reads a manifest, refusing one that is not a pack or is too new, and one whose parts
/// overlap or leave the bundle (so a part can never write over another's meetings).
pub fn read_manifest(text: &str, meetings: Option<usize>) -> Result<Manifest, PackedError> {
    let m: Manifest =
        serde_json::from_str(text).map_err(|e| PackedError::Manifest(e.to_string()))?;
    if m.format != PACK_FORMAT {
        return Err(PackedError::Manifest(format!(
            "`format` is `{}`, expected `{PACK_FORMAT}`",
            m.format
        )));
    }
    if m.version > PACK_VERSION {
        return Err(PackedError::ManifestVersion { found: m.version });
    }
    if let Some(file) = &m.light {
        check_file(file).map_err(|e| PackedError::Manifest(format!("`light`: {e}")))?;
    }
    if let Some(head) = &m.head {
        check_file(&head.file).map_err(|e| PackedError::Manifest(format!("`head`: {e}")))?;
    }
    let mut next = 0;
    for (k, p) in m.parts.iter().enumerate() {
        if let Some(file) = &p.file {
            check_file(file).map_err(|e| PackedError::Manifest(format!("part {k}: {e}")))?;
        }
        if p.first < next || p.count == 0 {
            return Err(PackedError::Manifest(format!(
                "part {k} starts at meeting {} and holds {}; parts must follow each other",
                p.first, p.count
            )));
        }
        next = p.first.saturating_add(p.count);
    }
    if m.text_on_demand && m.parts.iter().any(|p| p.file.is_none()) {
        return Err(PackedError::Manifest(
            "`text_on_demand` needs every part as a file".into(),
        ));
    }
    if let Some(n) = meetings {
        if next > n {
            return Err(PackedError::Manifest(format!(
                "the parts reach meeting {next}; the bundle has {n}"
            )));
        }
    }
    Ok(m)
}

/// A piece's file must be a plain relative path below the page (letters, digits, `-`, `_`,
/// `.` and `/`, no `..`): a manifest can then never make the viewer ask another site, or
/// another folder of this one, for anything.
fn check_file(file: &str) -> Result<(), String> {
    let plain = !file.is_empty()
        && file.len() <= 200
        && file
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'))
        && file
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..");
    if plain {
        Ok(())
    } else {
        Err(format!(
            "the file `{file}` is not a plain relative path (letters, digits, `-`, `_`, `.`, `/`)"
        ))
    }
}

/// Reads part `k` and checks that it holds the very meetings and items of the light
/// bundle at its place, so the list, the links and the index stay right when it is used.
pub fn read_part(
    bytes: &[u8],
    light: &Bundle,
    k: usize,
    info: &PartInfo,
) -> Result<Vec<Meeting>, PackedError> {
    let (first, last) = (info.first, info.first + info.count.max(1) - 1);
    let part_error = |message: String| PackedError::Part {
        part: k,
        first,
        last,
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| part_error(e.to_string()))?;
    let meetings: Vec<Meeting> =
        serde_json::from_str(text).map_err(|e| part_error(e.to_string()))?;
    let mismatch = |expected: String, found: String| PackedError::Mismatch {
        part: k,
        first,
        last,
        expected,
        found,
    };
    let expected = light
        .meetings
        .get(info.first..info.first + info.count)
        .ok_or_else(|| part_error("its meetings are not in the bundle".into()))?;
    if meetings.len() != expected.len() {
        return Err(mismatch(
            format!("{} meetings", expected.len()),
            format!("{}", meetings.len()),
        ));
    }
    for (got, want) in meetings.iter().zip(expected) {
        if got.id != want.id {
            return Err(mismatch(
                format!("meeting `{}`", want.id),
                format!("`{}`", got.id),
            ));
        }
        if !got
            .items
            .iter()
            .map(|i| &i.id)
            .eq(want.items.iter().map(|i| &i.id))
        {
            return Err(mismatch(
                format!("the items of `{}`", want.id),
                "other items".into(),
            ));
        }
        // Everything the light bundle has must agree too: the list, the filters and the
        // index were made from it.
        if light_meeting(got) != *want {
            return Err(mismatch(
                format!("meeting `{}` as the light bundle has it", want.id),
                "other dates, committees, titles, outcomes or absences".into(),
            ));
        }
    }
    Ok(meetings)
}

/// The full bundle from the light one and the parts read (`None` where a part could not
/// be read: the light meeting stays, so nothing the list showed disappears).
pub fn assemble(light: &Bundle, full: Vec<Option<Meeting>>) -> Bundle {
    let meetings = full
        .into_iter()
        .zip(&light.meetings)
        .map(|(m, l)| m.unwrap_or_else(|| l.clone()))
        .collect();
    with_meetings(light, meetings)
}

/// Parses the light bundle (a bundle like any other).
pub fn read_light(bytes: &[u8]) -> Result<Bundle, BundleError> {
    Bundle::from_slice(bytes)
}
