//! Personal notes: the file round trip, joining two sets, and clear refusals.

use referat_core::notes::{Joined, Notes, NotesError};
use referat_core::query::{ItemRef, SearchIndex};
use referat_core::Bundle;

fn sample() -> Bundle {
    Bundle::from_json(include_str!("fixtures/norddjurs-bundle.json")).expect("valid")
}

#[test]
fn a_notes_file_reads_back_as_written_with_danish_letters_and_line_breaks() {
    let mut n = Notes::new("Norddjurs Kommune – referater");
    n.set(
        "vpu-2024-04-24-1",
        "Spørg til økonomien;\n\"åbne\" punkter",
        "2026-12-02T10:00:00Z",
    );
    n.set("buu-2024-04-18-1", "Husk bilag 2", "2026-12-02T10:05:00Z");
    let back = Notes::from_json(&n.to_json()).expect("reads");
    assert_eq!(back, n);
    assert_eq!(
        back.get("vpu-2024-04-24-1").map(|x| x.text.as_str()),
        Some("Spørg til økonomien;\n\"åbne\" punkter")
    );
}

#[test]
fn blank_text_removes_the_note() {
    let mut n = Notes::new("x");
    n.set("a", "tekst", "2026-01-01T00:00:00Z");
    n.set("a", "  \n", "2026-01-02T00:00:00Z");
    assert!(n.notes.is_empty());
}

#[test]
fn joining_keeps_the_newer_note_of_each_item() {
    let mut here = Notes::new("x");
    here.set("a", "skrevet i går", "2026-12-01T09:00:00Z");
    here.set("b", "skrevet i dag", "2026-12-02T09:00:00Z");
    let mut file = Notes::new("x");
    file.set(
        "a",
        "skrevet i dag på den gamle tablet",
        "2026-12-02T08:00:00Z",
    );
    file.set("b", "gammel", "2026-11-01T00:00:00Z");
    file.set("c", "ny", "2026-11-01T00:00:00Z");
    let j = here.join(file);
    assert_eq!(
        j,
        Joined {
            added: 1,
            replaced: 1,
            kept: 1
        }
    );
    let texts: Vec<(&str, &str)> = here
        .notes
        .iter()
        .map(|(k, v)| (k.as_str(), v.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            ("a", "skrevet i dag på den gamle tablet"),
            ("b", "skrevet i dag"),
            ("c", "ny")
        ]
    );
}

#[test]
fn notes_find_their_items_and_notes_on_other_items_wait() {
    let b = sample();
    let index = SearchIndex::new(&b);
    let mut n = Notes::new(&b.title);
    n.set("vpu-2024-04-24-1", "x", "2026-12-02T10:00:00Z");
    n.set("not-in-this-bundle", "y", "2026-12-02T10:00:00Z");
    let items = n.items(&index);
    assert_eq!(items.len(), 1);
    assert!(items.contains(&ItemRef {
        meeting: 0,
        item: 0
    }));
}

#[test]
fn refusals_say_what_was_expected() {
    let cases: [(&str, NotesError); 3] = [
        (
            "{\"format\": \"referat-notes\",\n \"version\": 1,",
            NotesError::Syntax {
                line: 2,
                column: 14,
                message: "EOF while parsing a value".into(),
            },
        ),
        (
            r#"{"format": "referat-bundle", "version": 1}"#,
            NotesError::NotNotes {
                found: "`referat-bundle`".into(),
            },
        ),
        (
            r#"{"format": "referat-notes", "version": 7, "notes": {}}"#,
            NotesError::Newer { found: 7 },
        ),
    ];
    for (text, want) in cases {
        assert_eq!(Notes::from_json(text), Err(want.clone()), "{text}");
    }
    assert_eq!(
        NotesError::Newer { found: 7 }.to_string(),
        "notes version 7 is newer than this referat understands (up to 1)"
    );
}
