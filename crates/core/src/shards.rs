//! The sharded layout: an archive too large for one file, as files for any static web
//! server. It is the packed layout (`crate::packed`) with its pieces as files beside the
//! page instead of elements in it: a light bundle, and parts that each hold one
//! committee's meetings of one year (cut again when that is large), newest year first.
//!
//! A part per committee and year lets the viewer fetch the newest text first, lets a web
//! server or CDN cache every part on its own, and names what is missing in words people
//! use ("Økonomiudvalget 2023") when a part cannot be fetched. Each file's name carries a
//! hash of its content, so a cache may keep it forever and a new archive never meets an
//! old part. `docs/packed-layout.md` describes the layout.

use crate::model::{Bundle, Meeting};
use crate::packed::{
    light_meeting, with_meetings, Head, Manifest, PartInfo, PACK_FORMAT, PACK_VERSION,
};

/// The JSON size at which a committee's year is cut into more parts: fetched, inflated,
/// parsed and indexed in a few tens of milliseconds.
pub const SHARD_BYTES: usize = 1 << 20;

/// Past this much JSON in its parts, an archive's text is fetched on demand
/// ([`Manifest::text_on_demand`]): held whole with its index, it would be past what a
/// browser tab's wasm memory (4 GB at most) can hold, at about 2.6× the JSON.
pub const TEXT_ON_DEMAND_BYTES: usize = 512 << 20;

/// The items in an archive's head ([`Manifest::head`]): a few screens of the list.
pub const HEAD_ITEMS: usize = 200;

/// An archive's pieces: the manifest, and each file (its path relative to the page, and
/// its gzip bytes).
#[derive(Debug, Clone)]
pub struct Sharded {
    pub manifest: Manifest,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Which part a meeting goes in: its year, then its committee.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key<'a> {
    year: Option<&'a str>,
    committee: Option<&'a str>,
}

fn key(m: &Meeting) -> Key<'_> {
    let year = m
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    Key {
        year,
        committee: m.committee.as_deref().filter(|c| !c.trim().is_empty()),
    }
}

/// The sort key of a part: newest year first (undated last), then committees by folded
/// name (none last), as the viewer sorts committees.
fn sort_key(k: &Key) -> (bool, std::cmp::Reverse<String>, bool, String) {
    (
        k.year.is_none(),
        std::cmp::Reverse(k.year.unwrap_or_default().to_string()),
        k.committee.is_none(),
        k.committee.map(crate::fold::fold).unwrap_or_default(),
    )
}

/// What a part holds, in Danish, as the viewer names it.
fn label(key: &Key, piece: usize) -> String {
    let mut s = format!(
        "{} {}",
        key.committee.unwrap_or("Uden udvalg"),
        key.year.unwrap_or("uden dato")
    );
    if piece > 1 {
        s.push_str(&format!(" (del {piece})"));
    }
    s
}

/// A file name's readable part: ASCII letters and digits, Danish letters spelled out.
fn slug(key: &Key, piece: usize) -> String {
    let mut s = String::from(key.year.unwrap_or("udateret"));
    s.push('-');
    let mut dash = false;
    for c in key
        .committee
        .unwrap_or("uden-udvalg")
        .chars()
        .flat_map(char::to_lowercase)
    {
        let spelled = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            c if c.is_ascii_alphanumeric() => {
                s.push(c);
                dash = false;
                continue;
            }
            _ => {
                if !dash {
                    s.push('-');
                    dash = true;
                }
                continue;
            }
        };
        s.push_str(spelled);
        dash = false;
    }
    while s.ends_with('-') {
        s.pop();
    }
    s.truncate(80);
    if piece > 1 {
        s.push_str(&format!("-{piece}"));
    }
    s
}

/// FNV-1a: a stable content hash for file names (not for security: the viewer checks
/// every part against the light bundle).
fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")[..12].to_string()
}

/// The bundle as a sharded archive: the meetings grouped by year and committee, a part
/// per group (cut near `shard_bytes`), every piece gzipped. The light bundle lists the
/// meetings in the parts' order; the bundle's content is otherwise unchanged.
pub fn shard(bundle: &Bundle, shard_bytes: usize) -> Sharded {
    let mut order_of: Vec<usize> = (0..bundle.meetings.len()).collect();
    // Stable: a part's meetings keep the bundle's order. Each key is made once (folding a
    // name per comparison would fold it thousands of times).
    order_of.sort_by_cached_key(|&i| sort_key(&key(&bundle.meetings[i])));
    let light = with_meetings(
        bundle,
        order_of
            .iter()
            .map(|&i| light_meeting(&bundle.meetings[i]))
            .collect(),
    );
    let light_json = light.to_json().into_bytes();
    let head_json = head(&light, HEAD_ITEMS).to_json().into_bytes();
    let items = light.item_count();
    drop(light);
    let mut files = Vec::new();
    let mut infos = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let (mut first, mut piece) = (0, 1);
    let mut close = |current: &mut Vec<u8>, first: usize, end: usize, key: &Key, piece: usize| {
        current.push(b']');
        let gz = crate::pack::gzip(current);
        let file = format!("shards/{}-{}.json.gz", slug(key, piece), hash(&gz));
        infos.push(PartInfo {
            first,
            count: end - first,
            bytes: current.len(),
            file: Some(file.clone()),
            label: Some(label(key, piece)),
        });
        files.push((file, gz));
        current.clear();
    };
    for (pos, &i) in order_of.iter().enumerate() {
        let m = &bundle.meetings[i];
        let json = serde_json::to_vec(m).expect("a meeting always serialises");
        if pos > first {
            let before = key(&bundle.meetings[order_of[pos - 1]]);
            let same = before == key(m);
            if !same || current.len() + json.len() > shard_bytes {
                close(&mut current, first, pos, &before, piece);
                first = pos;
                piece = if same { piece + 1 } else { 1 };
            }
        }
        current.push(if current.is_empty() { b'[' } else { b',' });
        current.extend_from_slice(&json);
    }
    if let Some(&last) = order_of.last() {
        close(
            &mut current,
            first,
            order_of.len(),
            &key(&bundle.meetings[last]),
            piece,
        );
    }
    let text_on_demand = infos.iter().map(|p| p.bytes).sum::<usize>() > TEXT_ON_DEMAND_BYTES;
    let light_gz = crate::pack::gzip(&light_json);
    let light_file = format!("light-{}.json.gz", hash(&light_gz));
    files.insert(0, (light_file.clone(), light_gz));
    let head_gz = crate::pack::gzip(&head_json);
    let head_file = format!("head-{}.json.gz", hash(&head_gz));
    files.insert(0, (head_file.clone(), head_gz));
    Sharded {
        manifest: Manifest {
            format: PACK_FORMAT.into(),
            version: PACK_VERSION,
            light_bytes: light_json.len(),
            light: Some(light_file),
            text_on_demand,
            head: Some(Head {
                file: head_file,
                bytes: head_json.len(),
                items,
            }),
            parts: infos,
        },
        files,
    }
}

/// The meetings of `light` that hold its newest `items` items in the list's default
/// order, whole and in `light`'s order: the head's list then begins as the whole
/// archive's does, ties between meetings of one date included.
pub fn head(light: &Bundle, items: usize) -> Bundle {
    let mut newest: Vec<usize> = (0..light.meetings.len()).collect();
    newest.sort_by(|&a, &b| {
        let date = |i: usize| light.meetings[i].date.as_deref();
        crate::query::newest_first(date(a), date(b)).then(a.cmp(&b))
    });
    let mut taken = Vec::new();
    let mut held = 0;
    for i in newest {
        if held >= items {
            break;
        }
        held += light.meetings[i].items.len();
        taken.push(i);
    }
    taken.sort_unstable();
    with_meetings(
        light,
        taken.iter().map(|&i| light.meetings[i].clone()).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_spell_danish_letters_and_collapse_the_rest() {
        let k = Key {
            year: Some("2023"),
            committee: Some("Børn, Unge & Åben skole"),
        };
        assert_eq!(slug(&k, 1), "2023-boern-unge-aaben-skole");
        assert_eq!(slug(&k, 3), "2023-boern-unge-aaben-skole-3");
        let none = Key {
            year: None,
            committee: None,
        };
        assert_eq!(slug(&none, 1), "udateret-uden-udvalg");
        assert_eq!(label(&none, 2), "Uden udvalg uden dato (del 2)");
    }

    #[test]
    fn hashes_are_stable_and_differ() {
        assert_eq!(hash(b"referat"), hash(b"referat"));
        assert_ne!(hash(b"referat"), hash(b"referaT"));
        assert_eq!(hash(b"").len(), 12);
    }
}
