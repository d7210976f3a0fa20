//! One fixture per layout family the parser reads, written for this project (the
//! structure and labels of each family, in our own words), with every expected field.
//! The real corpus these families come from is measured by `cargo xtask eval`.

use referat_core::ingest::ingest;
use referat_core::{Meeting, Outcome, Vocabulary, WarningKind};

/// What one item must be: number, case number, outcome, dissent, closed.
type ItemWant = (Option<u32>, Option<&'static str>, Outcome, bool, bool);

struct Want {
    file: &'static str,
    committee: Option<&'static str>,
    date: Option<&'static str>,
    items: Vec<ItemWant>,
    /// Every absentee, meeting and item level together, sorted.
    absent: Vec<&'static str>,
}

fn read(file: &str) -> Meeting {
    let path = format!(
        "{}/tests/fixtures/layouts/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let got = ingest(bytes, file, Vocabulary::builtin(), true).expect("decodes");
    assert!(got.lost.is_empty(), "{file}: words lost: {:?}", got.lost);
    got.meeting.expect("a meeting")
}

fn absentees(m: &Meeting) -> Vec<String> {
    let mut names: Vec<String> = m
        .absent
        .iter()
        .chain(m.items.iter().flat_map(|i| &i.absent))
        .map(|a| a.name.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn layout_families_table() {
    use Outcome::*;
    let table = [
        Want {
            // Portal pages with labels, running item numbers and a toggle glued to the title.
            file: "labelled-portal.txt",
            committee: Some("Klima- og Teknikudvalget"),
            date: Some("2024-03-04"),
            items: vec![
                (Some(41), Some("00.22.04-A00-3-24"), Approved, false, false),
                (
                    Some(42),
                    Some("13.05.00-P20-7-23"),
                    Recommended,
                    false,
                    false,
                ),
            ],
            absent: vec!["Karsten Bech", "Lise Holm"],
        },
        Want {
            // Agenda modules with `• N` items, `Sagsid.:` and decisions of several bodies.
            file: "bulleted-agenda-module.txt",
            committee: Some("Kommunalbestyrelsen"),
            date: Some("2024-03-12"),
            items: vec![
                (Some(1), None, Noted, false, false),
                (Some(2), Some("24/1187"), Approved, true, false),
                (Some(3), Some("23/9021"), Rejected, true, false),
            ],
            // Carla Lund missed the Økonomiudvalg's meeting, not this one; Erik Sand came.
            absent: vec!["Bo Kragh"],
        },
        Want {
            // Regional councils' pages: case number before the item, a toggle before headings.
            file: "regional-council.txt",
            committee: Some("Regionsrådet"),
            date: Some("2024-11-18"),
            items: vec![
                (Some(1), Some("24/331"), Noted, false, false),
                (Some(2), Some("24/410"), Approved, true, false),
            ],
            // A partial absence (items 9-12, not shown) is not the meeting's.
            absent: vec!["Hanne Moll"],
        },
        Want {
            // Pages that print neither numbers nor titles: `Åben` opens each item.
            file: "unnumbered-portal.txt",
            committee: Some("Byrådet"),
            date: Some("2024-10-07"),
            items: vec![
                (None, None, Approved, false, false),
                (None, None, Approved, false, false),
                (None, None, Pending, false, false),
            ],
            // Mads Berg's absence in item 2's Indstilling was the committee's meeting.
            absent: vec!["Mads Berg", "Nina Friis"],
        },
        Want {
            // Flat case labels with the value on the next line, no meeting header.
            file: "flat-case-labels.txt",
            committee: Some("Byrådet"),
            date: Some("2024-05-14"),
            items: vec![
                (Some(1), Some("450-2024-1182"), Approved, false, false),
                (Some(2), Some("450-2024-0098"), Noted, false, false),
            ],
            absent: vec!["Tove Lind"],
        },
        Want {
            // A table of contents before the items; the last item is cut off.
            file: "table-of-contents.txt",
            committee: Some("Social- og Sundhedsudvalget"),
            date: Some("2024-10-02"),
            items: vec![
                (Some(1), None, Approved, false, false),
                (Some(2), Some("24/5521"), Discussed, false, false),
                (Some(3), Some("24/6001"), Pending, false, true),
            ],
            absent: vec![],
        },
        Want {
            // PDF pages that a viewer flattened into one line each, dates lost in headings.
            file: "flattened-pdf-pages.txt",
            committee: Some("Teknisk Udvalg"),
            date: Some("2024-10-07"),
            items: vec![
                (Some(1), Some("24/301"), Approved, false, false),
                (Some(2), Some("24/1777"), Recommended, false, false),
                (Some(3), Some("24/1802"), Pending, false, false),
            ],
            absent: vec!["Signe Vad"],
        },
        Want {
            // A portal's header table printed as text: labels without colons.
            file: "label-rows-without-colons.txt",
            committee: Some("Byrådet"),
            date: Some("2024-09-04"),
            items: vec![
                (None, Some("24/3341"), Approved, false, false),
                (None, Some("24/3390"), Noted, false, false),
            ],
            absent: vec!["Eva Holm", "N. P. Lund"],
        },
        Want {
            // Items marked `Sag nr. 201` under their titles; a member list with a substitute.
            file: "case-numbered-items.txt",
            committee: Some("Kommunalbestyrelsen"),
            date: Some("2024-09-24"),
            items: vec![
                (Some(201), None, Noted, false, false),
                (Some(202), None, Approved, false, false),
                (Some(203), None, Rejected, false, false),
            ],
            absent: vec!["Ole Krog", "Tove Hald"],
        },
        Want {
            // A header table from a PDF, read column by column: the labels, then the values.
            file: "label-column.txt",
            committee: Some("Kultur- og Fritidsudvalget"),
            date: Some("2024-03-12"),
            items: vec![
                (Some(1), Some("02.00.00-A00-1-24"), Approved, false, false),
                (Some(2), Some("18.15.00-P20-7-24"), Approved, false, false),
            ],
            absent: vec!["Jens Mølgaard", "Karen Bak"],
        },
        Want {
            // A portal page saved from the browser, read as HTML.
            file: "saved-portal-page.html",
            committee: Some("Børne- og Skoleudvalget"),
            date: Some("2024-06-03"),
            items: vec![
                (Some(1), Some("24/2001"), Approved, false, false),
                (Some(2), Some("24/2044"), Postponed, false, false),
            ],
            absent: vec!["Kim Ravn"],
        },
        Want {
            // PDF text on a document-sharing site: the site's frame, the date only in the
            // download title, pages flattened into lines, labels without colons, an item
            // whose number was lost and a numbered title ending in its case number.
            file: "transcript-site.txt",
            committee: Some("Plan- og Boligudvalget"),
            date: Some("2025-03-12"),
            items: vec![
                (None, Some("25/1201"), Approved, false, false),
                (Some(2), Some("25/998"), Pending, false, false),
            ],
            absent: vec!["Bent Lyng"],
        },
        Want {
            // A small council's hand-written minutes: no decision headings, the first
            // number glued to the absence list, the number alone on a line.
            file: "handwritten-minutes.txt",
            committee: Some("Handicaprådet"),
            date: Some("2025-04-09"),
            items: vec![
                (Some(1), None, Approved, false, false),
                (Some(2), None, Recommended, false, false),
                (Some(3), None, Noted, false, false),
            ],
            absent: vec!["Jonas Friis", "Mette Dal", "Ole Brink"],
        },
        Want {
            // PDF minutes whose decision heading is the body and the date
            // (`Byrådet, 10.06.2025`), on its own line or run into the text before it.
            file: "body-and-date-decisions.txt",
            committee: Some("Byrådet"),
            date: Some("2025-06-10"),
            items: vec![
                (Some(88), Some("00.01.00-A00-1-25"), Approved, false, false),
                (Some(89), Some("82.06.00-G00-4-25"), Rejected, false, false),
            ],
            absent: vec!["Lene Krag"],
        },
        Want {
            // An agenda module that names the body only in an item's route, with page
            // furniture between items and a closed item that shows only its title.
            file: "agenda-module-closed-items.txt",
            committee: Some("Socialudvalget"),
            date: Some("2025-06-03"),
            items: vec![
                (Some(142), None, Approved, false, false),
                (Some(143), None, Pending, false, true),
                (Some(144), None, Noted, false, false),
            ],
            absent: vec![],
        },
        Want {
            // An old municipal archive page: labels on lines of their own, titles with a
            // full stop over an `Åbent - journal code - case number` line, the last one cut.
            file: "city-archive-page.txt",
            committee: Some("Egnsby Byråd"),
            date: Some("2008-03-12"),
            items: vec![
                (Some(1), Some("2008/1234"), Approved, false, false),
                (Some(2), None, Pending, false, false),
            ],
            absent: vec!["Ib Lund"],
        },
        Want {
            // A header table flattened into one line with its labels in a row before their
            // values: `Mødelokale: Fraværende: Byrådssalen Eva Lind, …`.
            file: "label-row-flattened.txt",
            committee: Some("Byrådet"),
            date: Some("2011-05-09"),
            items: vec![(Some(1), Some("11/200"), Approved, false, false)],
            absent: vec!["Eva Lind", "Ole Dam", "Per Vinter"],
        },
        Want {
            // A body named under its label without a committee word (`Udvalg: Natur Klima og
            // Plan`), after a row of column headings that is no name.
            file: "committee-label-plain-name.txt",
            committee: Some("Natur Klima og Plan"),
            date: Some("2025-06-02"),
            items: vec![(Some(1), Some("25/100"), Approved, false, false)],
            absent: vec![],
        },
        Want {
            // Items marked `Sag nr. 12 Title`, after a table of contents of the same lines.
            file: "case-number-contents.txt",
            committee: Some("Teknisk Udvalg"),
            date: Some("2025-05-06"),
            items: vec![
                (Some(12), None, Approved, false, false),
                (Some(13), None, Recommended, false, false),
            ],
            absent: vec![],
        },
        Want {
            // A portal set to an English locale (`March 12, 2025`), items as `Pkt. 41`, and
            // decisions headed `Plan- og Miljøudvalget, 12-03-2025 pkt. 41` with no other
            // header naming the body.
            file: "english-locale-portal.txt",
            committee: Some("Plan- og Miljøudvalget"),
            date: Some("2025-03-12"),
            items: vec![
                (Some(41), Some("301122"), Approved, false, false),
                (Some(42), Some("298870"), Recommended, false, false),
            ],
            absent: vec!["Lone Skov"],
        },
    ];
    for want in table {
        let m = read(want.file);
        let f = want.file;
        assert_eq!(m.committee.as_deref(), want.committee, "{f}: committee");
        assert_eq!(m.date.as_deref(), want.date, "{f}: date");
        let items: Vec<ItemWant> = m
            .items
            .iter()
            .map(|i| {
                let dissent = i.decisions.iter().any(|d| d.dissent);
                let closed = i.access == referat_core::Access::Closed;
                // Leak the case number: the table holds `&'static str`.
                let case: Option<&'static str> = i
                    .case_number
                    .clone()
                    .map(|c| &*Box::leak(c.into_boxed_str()));
                (i.number, case, i.outcome, dissent, closed)
            })
            .collect();
        assert_eq!(items, want.items, "{f}: items");
        assert_eq!(absentees(&m), want.absent, "{f}: absent");
    }
}

#[test]
fn html_pages_lose_their_page_furniture_and_keep_their_text() {
    let m = read("saved-portal-page.html");
    let all = serde_json::to_string(&m).unwrap();
    for gone in [
        "cookies",
        "Forside",
        "dataLayer",
        "<b>",
        "&amp;",
        "&nbsp;",
        "Rådhuspladsen",
    ] {
        // The banner, the menu, the script and the footer are the site's, not the minutes'.
        assert!(!all.contains(gone), "`{gone}` reached the meeting: {all}");
    }
    // `Til toppen` is kept as the page's furniture, out of the item's text.
    assert_eq!(m.furniture, ["Til toppen"]);
    assert_eq!(
        m.items[1].title.as_deref(),
        Some("Skolernes sommerferie & pasning")
    );
    let text = &m.items[1].sections[0].text;
    assert!(text.contains("tre modeller."), "{text}");
    assert!(text.contains("Model B er billigst."), "{text}");
}

#[test]
fn an_absence_list_keeps_the_text_that_names_no_one() {
    let text = "Byrådet 3. juni 2024\n\n1. Budget\nSagsnr.: 24/9\nBeslutning\nGodkendt.\nFraværende: se listen over medlemmer nedenfor.\n";
    let got = ingest(
        text.as_bytes().to_vec(),
        "m.txt",
        Vocabulary::builtin(),
        true,
    )
    .unwrap();
    assert!(got.lost.is_empty(), "{:?}", got.lost);
    let item = &got.meeting.unwrap().items[0];
    assert!(item.absent.is_empty(), "{:?}", item.absent);
    assert!(item
        .sections
        .iter()
        .any(|s| s.text.contains("se listen over medlemmer nedenfor.")));
}

#[test]
fn a_journal_code_is_the_id_only_where_no_case_number_is() {
    let case_of = |text: &str| {
        let got = ingest(
            text.as_bytes().to_vec(),
            "j.txt",
            Vocabulary::builtin(),
            true,
        )
        .unwrap();
        assert!(got.lost.is_empty(), "{:?}", got.lost);
        let m = got.meeting.unwrap();
        m.items
            .iter()
            .map(|i| i.case_number.clone())
            .collect::<Vec<_>>()
    };
    let head = "Byrådet 3. juni 2024\n\n";
    assert_eq!(
        case_of(&format!(
            "{head}1. Budget\nJ.nr.: 00.01.00\nSagsid.: 24/5\nBeslutning\nGodkendt.\n"
        )),
        [Some("24/5".to_string())]
    );
    assert_eq!(
        case_of(&format!(
            "{head}1. Budget\nJ.nr.: 00.01.00\nBeslutning\nGodkendt.\n"
        )),
        [Some("00.01.00".to_string())]
    );
    // `Sagsnr.` over a table-of-contents column, with no number after it, is no item.
    assert_eq!(
        case_of(&format!("{head}Indholdsfortegnelse\nSagsnr.\nSide\n1. Budget\nSagsid.: 24/5\nBeslutning\nGodkendt.\n")),
        [Some("24/5".to_string())]
    );
}

#[test]
fn without_item_marks_a_second_decision_of_the_meeting_is_the_next_item() {
    let text = "Regionsrådets beslutning den 11. marts 2025:\nDagsordenen blev godkendt.\n\n\
                Regionsrådets beslutning den 11. marts 2025:\nForslaget faldt.\n";
    let got = ingest(
        text.as_bytes().to_vec(),
        "r.txt",
        Vocabulary::builtin(),
        true,
    )
    .unwrap();
    let outcomes: Vec<Outcome> = got
        .meeting
        .unwrap()
        .items
        .iter()
        .map(|i| i.outcome)
        .collect();
    assert_eq!(outcomes, [Outcome::Approved, Outcome::Rejected]);
}

#[test]
fn a_table_of_contents_glued_to_the_first_item_and_an_attendance_item() {
    let text = "Byrådet - Referat\nDato: 29. januar 2024\n\nIndholdsfortegnelse1. Fraværende\n\n\
                Beslutning\n\nEva Holm og Bo Lund.\n\n2. Budget\n\nBeslutning\n\nGodkendt.\n";
    let got = ingest(
        text.as_bytes().to_vec(),
        "b.txt",
        Vocabulary::builtin(),
        true,
    )
    .unwrap();
    assert!(got.lost.is_empty(), "{:?}", got.lost);
    let items: Vec<(Option<u32>, Outcome)> = got
        .meeting
        .unwrap()
        .items
        .iter()
        .map(|i| (i.number, i.outcome))
        .collect();
    assert_eq!(
        items,
        [(Some(1), Outcome::Noted), (Some(2), Outcome::Approved)]
    );
}

#[test]
fn a_letter_is_kept_with_a_warning_and_an_empty_file_makes_no_meeting() {
    let path = format!(
        "{}/tests/fixtures/layouts/not-minutes.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let got = ingest(
        std::fs::read(path).unwrap(),
        "brev.txt",
        Vocabulary::builtin(),
        true,
    )
    .unwrap();
    assert_eq!(got.warnings[0].kind, WarningKind::NoStructure);
    assert!(got.lost.is_empty());
    let m = got.meeting.unwrap();
    assert!(m.items[0].sections[0]
        .text
        .contains("vejbelysningen på Skolevej"));

    let empty = ingest(b"  \n\n".to_vec(), "tom.txt", Vocabulary::builtin(), true).unwrap();
    assert!(empty.meeting.is_none());
    assert_eq!(empty.warnings[0].kind, WarningKind::Empty);
}

/// Member lists (`Medlemmer:`, `Deltagere:`) give each meeting's members, with their
/// parties where printed: what attendance is counted against. A list that names a body
/// (`Handicaprådets medlemmer`) names no one.
#[test]
fn member_lists_table() {
    type Members = &'static [(&'static str, Option<&'static str>)];
    let table: [(&str, Members); 5] = [
        (
            "bulleted-agenda-module.txt",
            &[
                ("Anne Dahl", Some("A")),
                ("Bo Kragh", Some("V")),
                ("Carla Lund", Some("C")),
                ("Dennis Holt", Some("Ø")),
            ],
        ),
        (
            "agenda-module-closed-items.txt",
            &[
                ("Anne Dahl", None),
                ("Bo Friis", None),
                ("Carsten Møller", None),
            ],
        ),
        (
            "case-numbered-items.txt",
            &[
                ("Ida Berg", Some("A")),
                ("Ole Krog", Some("A")),
                ("Per Vinther", Some("C")),
                ("Sanne Lind", None),
            ],
        ),
        (
            "transcript-site.txt",
            &[
                ("Anna Ravn", Some("A")),
                ("Bent Lyng", Some("V")),
                ("Carl Hviid", Some("C")),
                ("Dorte Sand", Some("F")),
            ],
        ),
        ("handwritten-minutes.txt", &[]),
    ];
    for (file, want) in table {
        let m = read(file);
        let got: Vec<(&str, Option<&str>)> = m
            .members
            .iter()
            .map(|p| (p.name.as_str(), p.party.as_deref()))
            .collect();
        assert_eq!(got, want, "{file}");
    }
}
