//! Properties that must hold for any input: no panics, no lost words, lossless JSON.

use proptest::prelude::*;
use referat_core::conserve::lost_words;
use referat_core::decode::decode;
use referat_core::{assemble, parse_minutes, Bundle, Committees, Vocabulary};

const WORDS: &[&str] = &[
    "udvalget",
    "godkendte",
    "sagen",
    "økonomi",
    "Børne-",
    "og",
    "ungdomsudvalget",
    "MED-",
    "aftalen",
    "organisatio-",
    "nen",
    "budget",
    "2024",
    "kr.",
    "Åben",
    "Tom",
    "Bytoft",
    "(A)",
    "bemærker,",
    "at",
    "Drøftet.",
];
const LINES: &[&str] = &[
    "Sagsfremstilling",
    "Sagsgang",
    "BUU/ VPU",
    "Indstilling",
    "Beslutning i Voksen- og plejeudvalget den 24-04-2024",
    "Beslutninger",
    "Godkendt.",
    "Fraværende:",
    "Tom Bytoft (A)",
    "Ingen",
    "Bilag:",
    "1 - Åben Status (95699/23) (H)",
    "21/1359 Åben Sag",
    "Punkt 3: Lukket: Køb af jord",
    "EMN-2025-003383",
    "Børne- og ungdomsudvalget 24-06-2021",
    "Kristina Hviid deltog ikke i mødet.",
    "Indholdsfortegnelse",
    "Godkendelse af dagsorden........ 3",
    "BESLUTNINGSFORSLAG FRA DD",
    "o Erfaringer fra 2021",
    "",
    " ",
    "\u{c}",
];

fn minutes_line() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(LINES).prop_map(str::to_string),
        prop::collection::vec(prop::sample::select(WORDS), 1..12).prop_map(|w| w.join(" ")),
    ]
}

fn minutes() -> impl Strategy<Value = String> {
    prop::collection::vec(minutes_line(), 0..60).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_minutes_keep_every_word(text in minutes()) {
        let parsed = parse_minutes(&text, "generated.txt", Vocabulary::builtin());
        prop_assert_eq!(lost_words(&text, &parsed.meeting), Vec::<String>::new());
    }

    /// `fold` copies ASCII runs whole; `Folded` goes a character at a time (and maps
    /// matches back to the original). Both must give the same text.
    #[test]
    fn fold_by_runs_equals_fold_by_characters(
        text in prop_oneof![any::<String>(), "[a-zA-Z0-9æøåÆØÅéèüÜöÖäÄ ,./-]{0,80}"]
    ) {
        prop_assert_eq!(referat_core::fold::fold(&text), referat_core::fold::Folded::new(&text).text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse_minutes(&text, "arbitrary.txt", Vocabulary::builtin());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok((text, _)) = decode(bytes.clone()) {
            let _ = parse_minutes(&text, "bytes.txt", Vocabulary::builtin());
        }
        let _ = Bundle::from_slice(&bytes);
    }

    #[test]
    fn bundles_round_trip_through_json(text in minutes(), title in any::<String>()) {
        let parsed = parse_minutes(&text, "generated.txt", Vocabulary::builtin());
        let bundle = assemble(&title, "2026-11-23T00:00:00Z", vec![parsed.meeting], &Committees::builtin());
        let back = Bundle::from_json(&bundle.to_json_pretty()).expect("an assembled bundle is valid");
        prop_assert_eq!(back, bundle);
    }
}

#[test]
fn sample_bundle_round_trips() {
    let dir = format!("{}/../../examples/norddjurs", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let meetings = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            parse_minutes(&text, &p.display().to_string(), Vocabulary::builtin()).meeting
        })
        .collect();
    let bundle = assemble(
        "Norddjurs",
        "2026-11-23T00:00:00Z",
        meetings,
        &Committees::builtin(),
    );
    assert_eq!(bundle.meetings.len(), 5);
    // Newest first, undated last.
    let dates: Vec<_> = bundle.meetings.iter().map(|m| m.date.as_deref()).collect();
    assert_eq!(
        dates,
        [
            Some("2024-04-24"),
            Some("2024-04-18"),
            Some("2021-06-24"),
            None,
            None
        ]
    );
    assert_eq!(bundle.meetings[0].id, "vpu-2024-04-24");
    assert_eq!(bundle.meetings[0].items[0].id, "vpu-2024-04-24-1");
    assert_eq!(
        bundle.committees.get("VPU").map(String::as_str),
        Some("Voksen- og plejeudvalget")
    );
    let json = bundle.to_json_pretty();
    assert_eq!(Bundle::from_json(&json).unwrap(), bundle);
}
