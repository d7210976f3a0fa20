//! The packed layout: a light bundle and parts of full meetings, and the search index
//! built from them as they come, on the Norddjurs sample bundle.

use referat_core::pack::{pack, part_id, LIGHT_ID, MANIFEST_ID, PARTS_MARKER, PLACEHOLDER};
use referat_core::packed::{
    assemble, light, read_light, read_manifest, read_part, split, PackedError, PartInfo,
};
use referat_core::query::{search, Filter, SearchIndex, Sort};
use referat_core::{Bundle, Outcome};

fn sample() -> Bundle {
    Bundle::from_json(include_str!("fixtures/norddjurs-bundle.json"))
        .expect("the sample bundle is valid")
}

fn ids(bundle: &Bundle, index: &SearchIndex, filter: &Filter) -> Vec<String> {
    search(bundle, index, filter)
        .iter()
        .map(|h| bundle.meetings[h.at.meeting].items[h.at.item].id.clone())
        .collect()
}

fn text(t: &str) -> Filter {
    Filter {
        text: t.into(),
        ..Filter::default()
    }
}

#[test]
fn split_and_read_back_gives_the_same_bundle() {
    let b = sample();
    // 1 byte a part: every meeting is a part of its own.
    let (manifest, light_json, parts) = split(&b, 1);
    assert_eq!(
        manifest
            .parts
            .iter()
            .map(|p| (p.first, p.count))
            .collect::<Vec<_>>(),
        vec![(0, 1), (1, 1), (2, 1), (3, 1), (4, 1)]
    );
    assert_eq!(manifest.light_bytes, light_json.len());
    let manifest_json = serde_json::to_string(&manifest).unwrap();
    assert_eq!(read_manifest(&manifest_json, Some(5)).unwrap(), manifest);
    let l = read_light(&light_json).unwrap();
    let full = manifest
        .parts
        .iter()
        .enumerate()
        .flat_map(|(k, info)| read_part(&parts[k], &l, k, info).unwrap())
        .map(Some)
        .collect();
    assert_eq!(assemble(&l, full), b);

    // With the default size, the five meetings (20 KB) are one part.
    let (manifest, _, parts) = split(&b, referat_core::packed::PART_BYTES);
    assert_eq!(
        manifest.parts,
        vec![PartInfo {
            first: 0,
            count: 5,
            bytes: parts[0].len(),
            file: None,
            label: None,
        }]
    );
}

#[test]
fn the_light_bundle_keeps_what_the_list_and_filters_read() {
    let b = sample();
    let l = light(&b);
    assert_eq!(l.meetings.len(), 5);
    for (lm, m) in l.meetings.iter().zip(&b.meetings) {
        assert_eq!(
            (&lm.id, &lm.committee, &lm.date, &lm.absent, &lm.source),
            (&m.id, &m.committee, &m.date, &m.absent, &m.source)
        );
        assert!(lm.sections.is_empty() && lm.furniture.is_empty());
        for (li, i) in lm.items.iter().zip(&m.items) {
            assert_eq!(
                (&li.id, &li.title, &li.case_number, li.outcome, &li.absent),
                (&i.id, &i.title, &i.case_number, i.outcome, &i.absent)
            );
            assert!(li.sections.is_empty() && li.attachments.is_empty());
            assert_eq!(
                li.decisions
                    .iter()
                    .map(|d| (d.outcome, d.dissent, d.text.as_str()))
                    .collect::<Vec<_>>(),
                i.decisions
                    .iter()
                    .map(|d| (d.outcome, d.dissent, ""))
                    .collect::<Vec<_>>()
            );
        }
    }
    // Its JSON is a fifth of the whole here (the sample's items are long texts).
    assert!(l.to_json().len() * 5 < b.to_json().len());
}

#[test]
fn filters_on_the_light_index_answer_as_on_the_whole_bundle() {
    let b = sample();
    let l = light(&b);
    let (whole, lit) = (SearchIndex::new(&b), SearchIndex::light(&l));
    assert_eq!(lit.text_pending(), 5);
    assert_eq!(whole.text_pending(), 0);
    let filters = [
        Filter::default(),
        Filter {
            committees: ["Børne- og ungdomsudvalget".to_string()].into(),
            ..Filter::default()
        },
        Filter {
            from: Some("2024-01-01".into()),
            ..Filter::default()
        },
        Filter {
            absentee: Some("Tom Bytoft".into()),
            ..Filter::default()
        },
        Filter {
            outcomes: [Outcome::Approved, Outcome::Noted].into(),
            sort: Sort::Committee,
            ..Filter::default()
        },
    ];
    for f in &filters {
        assert_eq!(ids(&l, &lit, f), ids(&b, &whole, f), "{f:?}");
    }
    // Before any text is in, a text finds nothing: the viewer says "søger…" instead.
    assert!(ids(&l, &lit, &text("dialogmøde")).is_empty());
}

#[test]
fn an_index_filled_part_by_part_in_any_order_answers_like_the_whole() {
    let b = sample();
    let (manifest, light_json, parts) = split(&b, 1);
    let l = read_light(&light_json).unwrap();
    let mut index = SearchIndex::light(&l);
    let mut full = vec![None; 5];
    for k in [3, 0, 4, 2, 1] {
        let info = &manifest.parts[k];
        for (j, m) in read_part(&parts[k], &l, k, info)
            .unwrap()
            .into_iter()
            .enumerate()
        {
            index.add_text(info.first + j, &m);
            // Adding a meeting twice changes nothing.
            index.add_text(info.first + j, &m);
            full[info.first + j] = Some(m);
        }
    }
    index.finish_text();
    assert_eq!(index.text_pending(), 0);
    let full = assemble(&l, full);
    let whole = SearchIndex::new(&b);
    for t in [
        "dialogmøde",
        "socialområdet",
        "komponent",
        "15. november",
        "ny start",
        "a",
        "øk",
        "21/",
        "zzz",
    ] {
        let want = ids(&b, &whole, &text(t));
        assert_eq!(ids(&full, &index, &text(t)), want, "{t}");
    }
    assert_eq!(
        ids(&full, &index, &text("komponent")),
        vec![
            "vpu-2024-04-24-1",
            "buu-2024-04-18-1",
            "004-dc055bac9ae9b81d-1"
        ]
    );
}

#[test]
fn a_part_from_elsewhere_is_refused_with_its_place() {
    let b = sample();
    let (manifest, light_json, parts) = split(&b, 1);
    let l = read_light(&light_json).unwrap();
    let err = read_part(&parts[1], &l, 0, &manifest.parts[0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "part 0 (meetings 0–0) does not match the bundle: expected meeting `vpu-2024-04-24`, found `buu-2024-04-18`"
    );
    let err = read_part(b"[{\"id\":", &l, 2, &manifest.parts[2]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "part 2 (meetings 2–2) is not readable: EOF while parsing a value at line 1 column 7"
    );
    let two = PartInfo {
        first: 0,
        count: 2,
        bytes: 0,
        file: None,
        label: None,
    };
    let err = read_part(&parts[0], &l, 0, &two).unwrap_err();
    assert_eq!(
        err,
        PackedError::Mismatch {
            part: 0,
            first: 0,
            last: 1,
            expected: "2 meetings".into(),
            found: "1".into()
        }
    );
}

#[test]
fn a_manifest_whose_parts_overlap_leave_the_bundle_or_are_too_new_is_refused() {
    let cases = [
        (
            r#"{"format":"referat-pack","version":1,"light_bytes":10,"parts":[{"first":0,"count":2,"bytes":1},{"first":1,"count":1,"bytes":1}]}"#,
            "the packed bundle's manifest is not readable: part 1 starts at meeting 1 and holds 1; parts must follow each other",
        ),
        (
            r#"{"format":"referat-pack","version":1,"light_bytes":10,"parts":[{"first":4,"count":2,"bytes":1}]}"#,
            "the packed bundle's manifest is not readable: the parts reach meeting 6; the bundle has 5",
        ),
        (
            r#"{"format":"referat-pack","version":2,"light_bytes":10,"parts":[]}"#,
            "the packed bundle's manifest is version 2; this referat reads version 1",
        ),
        (
            r#"{"format":"referat-bundle","version":1,"light_bytes":10,"parts":[]}"#,
            "the packed bundle's manifest is not readable: `format` is `referat-bundle`, expected `referat-pack`",
        ),
    ];
    for (json, message) in cases {
        assert_eq!(
            read_manifest(json, Some(5)).unwrap_err().to_string(),
            message
        );
    }
}

#[test]
fn pack_puts_the_light_bundle_before_the_script_and_the_parts_after_it() {
    use base64::Engine;
    use std::io::Read;
    let b = sample();
    let shell =
        format!("<body>{PLACEHOLDER}\n<script>app()</script>\n{PARTS_MARKER}\n<p>end</p></body>");
    let html = pack(&shell, &b).unwrap();
    let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(at(PLACEHOLDER) < at(MANIFEST_ID));
    assert!(at(MANIFEST_ID) < at(LIGHT_ID));
    assert!(at(LIGHT_ID) < at("<script>app()"));
    assert!(at("<script>app()") < at(&part_id(0)));
    assert!(at(&part_id(0)) < at("<p>end"));
    assert!(!html.contains(PARTS_MARKER));
    let island = |id: &str| {
        let open = format!("id=\"{id}\">");
        let start = at(&open) + open.len();
        let end = start + html[start..].find("</script>").unwrap();
        html[start..end].to_string()
    };
    let inflate = |b64: &str| {
        let gz = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    };
    let manifest = read_manifest(&island(MANIFEST_ID), Some(5)).unwrap();
    let light_json = inflate(&island(LIGHT_ID));
    assert_eq!(light_json.len(), manifest.light_bytes);
    let l = read_light(&light_json).unwrap();
    let part = inflate(&island(&part_id(0)));
    let full = read_part(&part, &l, 0, &manifest.parts[0]).unwrap();
    assert_eq!(assemble(&l, full.into_iter().map(Some).collect()), b);
    // A third of the JSON, base64 included.
    assert!(html.len() * 2 < b.to_json().len(), "{}", html.len());
}

#[test]
fn a_part_that_changes_what_the_light_bundle_says_is_refused() {
    let b = sample();
    let (manifest, light_json, _) = split(&b, 1);
    let l = read_light(&light_json).unwrap();
    let mut edited = b.meetings[0].clone();
    edited.date = Some("1999-01-01".into());
    let part = serde_json::to_vec(&vec![edited]).unwrap();
    assert_eq!(
        read_part(&part, &l, 0, &manifest.parts[0])
            .unwrap_err()
            .to_string(),
        "part 0 (meetings 0–0) does not match the bundle: expected meeting `vpu-2024-04-24` as the light bundle has it, found other dates, committees, titles, outcomes or absences"
    );
}

#[test]
fn a_viewer_without_the_parts_marker_gets_plain_json() {
    let b = sample();
    let html = pack(
        &format!("<body>{PLACEHOLDER}<script>app()</script></body>"),
        &b,
    )
    .unwrap();
    assert!(!html.contains(MANIFEST_ID));
    let start = html.find("referat-bundle\">").unwrap() + "referat-bundle\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    assert_eq!(Bundle::from_json(&html[start..end]).unwrap(), b);
}
