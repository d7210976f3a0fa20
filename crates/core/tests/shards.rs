//! The sharded layout: parts by committee and year, newest first, read back through the
//! same checks as a one-file pack, and manifests that point outside the archive refused.

use referat_core::packed::{assemble, read_light, read_manifest, read_part};
use referat_core::query::{search, Filter, SearchIndex};
use referat_core::shards::{self, shard, HEAD_ITEMS, SHARD_BYTES};
use referat_core::Bundle;
use std::io::Read;

fn council() -> Bundle {
    Bundle::from_json(include_str!("fixtures/council-bundle.json")).expect("valid fixture")
}

fn gunzip(gz: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut out)
        .expect("a piece inflates");
    out
}

fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &files
        .iter()
        .find(|(n, _)| n == name)
        .expect("listed file")
        .1
}

/// Reads an archive back as the viewer does: manifest, light bundle, every part.
fn read_back(b: &Bundle, shard_bytes: usize) -> (Vec<(String, usize, usize)>, Bundle) {
    let archive = shard(b, shard_bytes);
    let json = serde_json::to_string(&archive.manifest).unwrap();
    let light_file = archive.manifest.light.clone().expect("a light file");
    let light = read_light(&gunzip(file(&archive.files, &light_file))).unwrap();
    let manifest = read_manifest(&json, Some(light.meetings.len())).unwrap();
    assert_eq!(manifest, archive.manifest);
    assert_eq!(
        manifest.light_bytes,
        gunzip(file(&archive.files, &light_file)).len()
    );
    let mut full = Vec::new();
    let mut parts = Vec::new();
    for (k, info) in manifest.parts.iter().enumerate() {
        let name = info.file.as_deref().expect("a part file");
        assert!(
            name.starts_with("shards/") && name.ends_with(".json.gz"),
            "{name}"
        );
        let bytes = gunzip(file(&archive.files, name));
        assert_eq!(bytes.len(), info.bytes);
        full.extend(
            read_part(&bytes, &light, k, info)
                .unwrap()
                .into_iter()
                .map(Some),
        );
        parts.push((info.label.clone().unwrap(), info.first, info.count));
    }
    // The head: the newest items of the light bundle, and the archive's item count.
    let head = manifest.head.as_ref().expect("a head");
    let head_json = gunzip(file(&archive.files, &head.file));
    assert_eq!(head_json.len(), head.bytes);
    assert_eq!(
        read_light(&head_json).unwrap(),
        shards::head(&light, HEAD_ITEMS)
    );
    assert_eq!(head.items, light.item_count());
    assert_eq!(archive.files.len(), manifest.parts.len() + 2);
    (parts, assemble(&light, full))
}

/// The default list's order of `b`'s items, by item id.
fn list_order(b: &Bundle) -> Vec<String> {
    let index = SearchIndex::light(b);
    search(b, &index, &Filter::default())
        .into_iter()
        .map(|h| b.meetings[h.at.meeting].items[h.at.item].id.clone())
        .collect()
}

#[test]
fn the_head_begins_the_list_as_the_whole_archive_does() {
    // Meetings out of date order, two on one date (ties go by position), and undated ones.
    let mut b = council();
    let mut extra = Bundle::from_json(include_str!("fixtures/norddjurs-bundle.json")).unwrap();
    let mut twin = b.meetings[1].clone();
    twin.id = "oeu-2024-09-05-b".into();
    for item in &mut twin.items {
        item.id.push_str("-b");
    }
    b.meetings.insert(0, twin);
    b.meetings.append(&mut extra.meetings);
    let light = referat_core::packed::light(&b);
    let whole = list_order(&light);
    assert_eq!(whole.len(), 13);
    for n in 0..=14 {
        let head = shards::head(&light, n);
        let order = list_order(&head);
        assert_eq!(order[..], whole[..order.len()], "head of {n}");
        // Whole meetings, as few as hold `n` items: without its last meeting it holds fewer.
        assert!(order.len() >= n.min(13), "head of {n}: {}", order.len());
        let largest = head
            .meetings
            .iter()
            .map(|m| m.items.len())
            .max()
            .unwrap_or(0);
        assert!(
            order.len() < n + largest || order.is_empty(),
            "head of {n}: {}",
            order.len()
        );
    }
    assert_eq!(
        list_order(&shards::head(&light, 3)),
        [
            "oeu-2025-01-15-1",
            "oeu-2024-09-05-1-b",
            "oeu-2024-09-05-2-b"
        ]
    );
}

#[test]
fn a_part_per_committee_and_year_newest_first() {
    let b = council();
    let (parts, back) = read_back(&b, SHARD_BYTES);
    assert_eq!(
        parts,
        vec![
            ("Økonomiudvalget 2025".to_string(), 0, 1),
            ("Byrådet 2024".to_string(), 1, 1),
            ("Økonomiudvalget 2024".to_string(), 2, 2),
        ]
    );
    // The same meetings, whole, in the parts' order.
    let ids: Vec<&str> = back.meetings.iter().map(|m| m.id.as_str()).collect();
    let order = |id: &str| b.meetings.iter().position(|m| m.id == id).unwrap();
    assert_eq!(
        ids.iter().map(|id| order(id)).collect::<Vec<_>>(),
        vec![0, 2, 1, 3]
    );
    for m in &back.meetings {
        assert_eq!(Some(m), b.meetings.iter().find(|o| o.id == m.id));
    }
    assert_eq!((&back.title, &back.committees), (&b.title, &b.committees));
}

#[test]
fn a_large_year_is_cut_and_numbered() {
    // One byte a part: every meeting is its own part; the second of a group is "del 2".
    let (parts, _) = read_back(&council(), 1);
    let labels: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "Økonomiudvalget 2025",
            "Byrådet 2024",
            "Økonomiudvalget 2024",
            "Økonomiudvalget 2024 (del 2)"
        ]
    );
}

#[test]
fn undated_meetings_without_a_committee_come_last() {
    let b = Bundle::from_json(include_str!("fixtures/norddjurs-bundle.json")).unwrap();
    let (parts, back) = read_back(&b, SHARD_BYTES);
    assert_eq!(
        parts,
        vec![
            ("Børne- og ungdomsudvalget 2024".to_string(), 0, 1),
            ("Voksen- og plejeudvalget 2024".to_string(), 1, 1),
            ("Børne- og ungdomsudvalget 2021".to_string(), 2, 1),
            ("Uden udvalg uden dato".to_string(), 3, 2),
        ]
    );
    // Search finds the same items in the sharded order as in the original.
    for text in ["lokalplan", "budget", "skole", "godkendt"] {
        let filter = Filter {
            text: text.into(),
            ..Filter::default()
        };
        let found = |b: &Bundle| {
            let mut ids: Vec<String> = search(b, &SearchIndex::new(b), &filter)
                .iter()
                .map(|h| b.meetings[h.at.meeting].items[h.at.item].id.clone())
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(found(&back), found(&b), "{text}");
    }
}

#[test]
fn file_names_carry_a_hash_of_their_content() {
    let a = shard(&council(), SHARD_BYTES);
    let names: Vec<&str> = a.files.iter().map(|(n, _)| n.as_str()).collect();
    let shape = |n: &str, prefix: &str| {
        let rest = n.strip_prefix(prefix)?.strip_suffix(".json.gz")?;
        let hash = rest.rsplit('-').next()?;
        (hash.len() == 12 && hash.bytes().all(|c| c.is_ascii_hexdigit())).then_some(())
    };
    assert!(shape(names[0], "head-").is_some(), "{names:?}");
    assert!(shape(names[1], "light-").is_some(), "{names:?}");
    assert!(
        shape(names[2], "shards/2025-oekonomiudvalget-").is_some(),
        "{names:?}"
    );
    assert!(
        shape(names[3], "shards/2024-byraadet-").is_some(),
        "{names:?}"
    );
    // Another title changes the head and the light bundle, and so their names, but no part's.
    let mut b = council();
    b.title = "Another archive".into();
    let other = shard(&b, SHARD_BYTES);
    assert_ne!(other.files[0].0, a.files[0].0);
    assert_ne!(other.files[1].0, a.files[1].0);
    assert_eq!(other.files[2..], a.files[2..]);
}

#[test]
fn a_manifest_may_only_name_files_below_the_page() {
    let with = |light: &str, part: &str| {
        format!(
            r#"{{"format":"referat-pack","version":1,"light_bytes":10,"light":"{light}","parts":[{{"first":0,"count":1,"bytes":5,"file":"{part}"}}]}}"#
        )
    };
    assert!(read_manifest(&with("light-1.json.gz", "shards/a-1.json.gz"), None).is_ok());
    for (light, part, message) in [
        (
            "https://example.org/x.gz",
            "shards/a.gz",
            "`light`: the file `https://example.org/x.gz` is not a plain relative path (letters, digits, `-`, `_`, `.`, `/`)",
        ),
        (
            "light.gz",
            "../secret.gz",
            "part 0: the file `../secret.gz` is not a plain relative path (letters, digits, `-`, `_`, `.`, `/`)",
        ),
        (
            "light.gz",
            "/etc/x.gz",
            "part 0: the file `/etc/x.gz` is not a plain relative path (letters, digits, `-`, `_`, `.`, `/`)",
        ),
        (
            "light.gz",
            "shards//x.gz",
            "part 0: the file `shards//x.gz` is not a plain relative path (letters, digits, `-`, `_`, `.`, `/`)",
        ),
    ] {
        let err = read_manifest(&with(light, part), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("the packed bundle's manifest is not readable: {message}")
        );
    }
}

#[test]
fn text_is_fetched_on_demand_only_past_what_a_tab_holds() {
    // A small archive keeps its text in the viewer.
    assert!(!shard(&council(), SHARD_BYTES).manifest.text_on_demand);
    assert_eq!(
        referat_core::shards::TEXT_ON_DEMAND_BYTES,
        512 << 20,
        "documented in docs/packed-layout.md"
    );
    // On demand needs every part as a file to fetch again.
    let one_file = r#"{"format":"referat-pack","version":1,"light_bytes":10,"text_on_demand":true,"parts":[{"first":0,"count":1,"bytes":5}]}"#;
    assert_eq!(
        read_manifest(one_file, None).unwrap_err().to_string(),
        "the packed bundle's manifest is not readable: `text_on_demand` needs every part as a file"
    );
    let sharded = r#"{"format":"referat-pack","version":1,"light_bytes":10,"light":"l.json.gz","text_on_demand":true,"parts":[{"first":0,"count":1,"bytes":5,"file":"shards/a.json.gz"}]}"#;
    assert!(read_manifest(sharded, None).unwrap().text_on_demand);
}
