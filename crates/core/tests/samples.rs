//! The parser against real minutes, with every expected field written by hand
//! from reading the source text.

use referat_core::{
    parse_minutes, Absence, Access, Attachment, Meeting, Outcome, Vocabulary, WarningKind,
};

fn read(path: &str) -> String {
    let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {full}: {e}"))
}

fn parse(path: &str) -> (Meeting, Vec<WarningKind>) {
    let parsed = parse_minutes(&read(path), path, Vocabulary::builtin());
    (
        parsed.meeting,
        parsed.warnings.iter().map(|w| w.kind).collect(),
    )
}

fn person(name: &str, party: Option<&str>, note: Option<&str>) -> Absence {
    Absence {
        name: name.into(),
        party: party.map(Into::into),
        note: note.map(Into::into),
    }
}

fn headings(m: &Meeting) -> Vec<Option<&str>> {
    m.items[0]
        .sections
        .iter()
        .map(|s| s.heading.as_deref())
        .collect()
}

#[test]
fn norddjurs_000_dialogue_meeting() {
    let (m, _) = parse("examples/norddjurs/000_5f9710db80485d88.txt");
    assert_eq!(m.committee.as_deref(), Some("Børne- og ungdomsudvalget"));
    assert_eq!(m.date.as_deref(), Some("2021-06-24"));
    assert_eq!(
        m.heading.as_deref(),
        Some("Børne- og ungdomsudvalget 24-06-2021")
    );
    assert_eq!(m.items.len(), 1);
    let item = &m.items[0];
    assert_eq!(item.case_number.as_deref(), Some("21/1359"));
    assert_eq!(
        item.title.as_deref(),
        Some("Dialogmøde med områdeudvalg på socialområdet, kl. 15.00")
    );
    assert_eq!(item.access, Access::Open);
    assert_eq!(item.route, ["BUU"]);
    assert_eq!(headings(&m), [Some("Sagsfremstilling")]);
    assert!(item.sections[0]
        .text
        .contains("1. Budget 2022\n2. Effektiviseringsbidraget:\n• Erfaringer fra 2021\n"));
    assert_eq!(item.decisions.len(), 1);
    let d = &item.decisions[0];
    assert_eq!(d.body.as_deref(), Some("Børne- og ungdomsudvalget"));
    assert_eq!(d.date.as_deref(), Some("2021-06-24"));
    assert!(d
        .text
        .starts_with("Ad. 1\n\nOmrådeudvalget orienterede om, at der er behov"));
    assert!(d
        .text
        .ends_with("Kristina Hviid deltog ikke i dialogmødet."));
    assert_eq!((d.outcome, d.dissent), (Outcome::Discussed, false));
    assert!(d.remarks.is_empty());
    assert_eq!(item.outcome, Outcome::Discussed);
    assert_eq!(
        item.absent,
        [
            person("Fritz Birk Sørensen", Some("A"), None),
            person("Kristina Hviid", None, Some("deltog ikke i dialogmødet")),
        ]
    );
    assert!(item.attachments.is_empty());
}

#[test]
fn norddjurs_001_decided_by_committee_without_header() {
    let (m, warnings) = parse("examples/norddjurs/001_bbf53a5e8e25f3d5.txt");
    assert_eq!(m.committee.as_deref(), Some("Børne- og ungdomsudvalget"));
    assert_eq!(m.date.as_deref(), Some("2024-04-18"));
    assert_eq!(m.heading, None);
    let item = &m.items[0];
    assert_eq!(
        (item.title.as_deref(), item.case_number.as_deref()),
        (None, None)
    );
    assert_eq!(
        headings(&m),
        [
            Some("Sagsfremstilling"),
            Some("Sammenhæng til andre politikker/strategier og fagområder"),
            Some("Økonomiske konsekvenser"),
            Some("Lovgrundlag"),
            Some("Indstilling"),
        ]
    );
    assert_eq!(item.sections[3].text, "Barnets Lov.");
    assert!(item.sections[1]
        .text
        .contains("afbureaukratisering, MED-aftalen, samt Personalepolitikken."));
    let d = &item.decisions[0];
    assert_eq!(d.body.as_deref(), Some("Børne- og ungdomsudvalget"));
    assert_eq!(d.date.as_deref(), Some("2024-04-18"));
    assert_eq!(d.text, "Godkendt.");
    assert_eq!(
        d.heading.as_deref(),
        Some("Beslutning i Børne- og ungdomsudvalget den 18-04-2024")
    );
    assert_eq!(
        (d.outcome, item.outcome, d.dissent),
        (Outcome::Approved, Outcome::Approved, false)
    );
    assert!(item.absent.is_empty());
    assert_eq!(warnings, [WarningKind::NoTitle, WarningKind::NoCaseNumber]);
}

#[test]
fn norddjurs_002_fragment_without_structure_keeps_everything() {
    let source = read("examples/norddjurs/002_24e5a101f9c48806.txt");
    let (m, warnings) = parse("examples/norddjurs/002_24e5a101f9c48806.txt");
    assert_eq!((m.committee.as_deref(), m.date.as_deref()), (None, None));
    assert_eq!(m.items.len(), 1);
    let item = &m.items[0];
    assert_eq!(item.outcome, Outcome::Pending);
    assert!(item.decisions.is_empty());
    assert_eq!(headings(&m), [None]);
    assert!(item.sections[0]
        .text
        .starts_with("Oplæg til dialog:\n\nStatus og næste skridt i Ny start på Socialområdet"));
    assert!(
        item.sections[0].text.contains("gennemført i løbet af 2020"),
        "`lø-` + `bet` is joined"
    );
    assert!(
        item.sections[0].text.contains("i organisationen?"),
        "`organisatio-` + `nen` is joined"
    );
    assert_eq!(
        referat_core::conserve::lost_words(&source, &m),
        Vec::<String>::new()
    );
    assert_eq!(
        warnings,
        [
            WarningKind::NoStructure,
            WarningKind::NoCommittee,
            WarningKind::NoDate,
            WarningKind::NoTitle,
            WarningKind::NoCaseNumber,
            WarningKind::NoDecision
        ]
    );
}

#[test]
fn norddjurs_003_remarks_and_absentees() {
    let (m, _) = parse("examples/norddjurs/003_30e56682dd283b6b.txt");
    assert_eq!(m.committee.as_deref(), Some("Voksen- og plejeudvalget"));
    assert_eq!(m.date.as_deref(), Some("2024-04-24"));
    let item = &m.items[0];
    assert_eq!(item.route, ["VPU"]);
    assert_eq!(
        headings(&m),
        [
            Some("Sagsfremstilling"),
            Some("Sammenhæng til andre politikker/strategier og fagområder"),
            Some("Økonomiske konsekvenser"),
            Some("Lovgrundlag"),
            Some("Indstilling"),
        ]
    );
    assert_eq!(item.sections[3].text, "Lov om Social Service.");
    let d = &item.decisions[0];
    assert_eq!(d.body.as_deref(), Some("Voksen- og plejeudvalget"));
    assert_eq!(d.date.as_deref(), Some("2024-04-24"));
    assert_eq!(d.text, "Godkendt.");
    assert_eq!(
        d.remarks,
        ["Karoline Bergkvist Søgaard (A) og Jytte Schmidt (F) bemærker, at der bør være en ambition om at uddanne de ufaglærte indenfor de relevante fagområder."]
    );
    assert_eq!(
        (d.outcome, d.dissent, item.outcome),
        (Outcome::Approved, false, Outcome::Approved)
    );
    assert_eq!(
        item.absent,
        [
            person("Diana Therese Mikkelsen", Some("Æ"), None),
            person("Tom Bytoft", Some("A"), None)
        ]
    );
    assert_eq!(
        item.attachments,
        [Attachment {
            number: Some(1),
            title: None,
            reference: Some("35064/24".into()),
            access: None,
            note: Some("3602570 (H)".into())
        }]
    );
}

#[test]
fn norddjurs_004_agenda_with_attachments() {
    let (m, warnings) = parse("examples/norddjurs/004_dc055bac9ae9b81d.txt");
    assert_eq!((m.committee.as_deref(), m.date.as_deref()), (None, None));
    let item = &m.items[0];
    assert_eq!(item.case_number.as_deref(), Some("22/6043"));
    assert_eq!(
        item.title.as_deref(),
        Some("Status på udviklingsproces på Socialområdet og Børne- og familieområdet september 2023")
    );
    assert_eq!(item.route, ["BUU", "VPU"]);
    assert_eq!(item.outcome, Outcome::Pending);
    assert!(item.decisions.is_empty());
    let att = |n: u32, title: &str, reference: &str, note: &str| Attachment {
        number: Some(n),
        title: Some(title.into()),
        reference: Some(reference.into()),
        access: Some(Access::Open),
        note: Some(note.into()),
    };
    assert_eq!(
        item.attachments,
        [
            att(1, "Status på udviklingsproces på Socialområdet, september 2023", "95699/23", "(H) 3519506"),
            att(2, "Fælles langsigtet strategi på Socialområdet sept. 2023.pdf", "97616/23", "(H) 3521869"),
            att(
                3,
                "Ledestjerner og nøgleord for den fælles, langsigtede strategi på Socialområdet.pdf",
                "97615/23",
                "(H) 3521868"
            ),
        ]
    );
    assert!(
        warnings.contains(&WarningKind::NoCommittee) && warnings.contains(&WarningKind::NoDecision)
    );
}

#[test]
fn aarhus_byraad_whole_meeting() {
    let (m, warnings) = parse("tests/fixtures/aarhus-byraad-2025-08-27.txt");
    assert_eq!(m.committee.as_deref(), Some("Aarhus Byråd"));
    assert_eq!(m.date.as_deref(), Some("2025-08-27"));
    assert_eq!(m.start_time.as_deref(), Some("16:00"));
    assert_eq!(m.location.as_deref(), Some("Byrådssalen"));
    // The table of contents stays with the meeting and makes no items.
    assert_eq!(m.items.len(), 21);
    assert!(m
        .sections
        .iter()
        .any(|s| s.heading.as_deref() == Some("Indholdsfortegnelse")
            && s.text.contains("Lukket: Køb af landbrugsejendom")));
    for (i, item) in m.items.iter().enumerate() {
        assert_eq!(item.number, Some(i as u32 + 1));
        let case = item.case_number.as_deref().unwrap_or("");
        assert!(
            case.starts_with("EMN-20") && case.len() == 15,
            "item {}: case `{case}`",
            i + 1
        );
    }
    let first = &m.items[0];
    assert_eq!(first.title.as_deref(), Some("Godkendelse af dagsorden"));
    assert_eq!(first.case_number.as_deref(), Some("EMN-2023-009832"));
    assert_eq!(first.decisions[0].text, "Godkendt.");
    assert_eq!(first.decisions[0].body.as_deref(), Some("Aarhus Byråd"));
    assert_eq!(first.decisions[0].date.as_deref(), Some("2025-08-27"));
    assert_eq!(first.outcome, Outcome::Approved);
    let second = &m.items[1];
    assert_eq!(
        second.title.as_deref(),
        Some("Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø")
    );
    assert_eq!(second.case_number.as_deref(), Some("EMN-2025-003383"));
    assert!(second.decisions[0]
        .text
        .starts_with("Fremsendes til Teknisk Udvalg til behandling"));
    assert!(second
        .sections
        .iter()
        .any(|s| s.heading.as_deref() == Some("Sagsforløb")));
    assert_eq!(second.attachments.len(), 5);
    assert_eq!(
        second.attachments[2].title.as_deref(),
        Some("Meningstilkendegivelse Havnens Perle (påført 07.04.2025)")
    );
    // Item 6: the council adopted it; one group could not agree.
    assert_eq!(
        (m.items[5].outcome, m.items[5].decisions[0].dissent),
        (Outcome::Approved, true)
    );
    let last = &m.items[20];
    assert_eq!(last.title.as_deref(), Some("Køb af landbrugsejendom"));
    assert_eq!(last.case_number.as_deref(), Some("EMN-2025-007940"));
    assert_eq!(last.access, Access::Closed);
    assert!(m.items[..20].iter().all(|i| i.access == Access::Open));
    // Item 21 prints its decision without a heading: kept as text, not guessed.
    assert_eq!(last.outcome, Outcome::Pending);
    assert!(last.sections[0]
        .text
        .contains("har vedtaget Magistratens foranstående indstilling"));
    assert_eq!(warnings.len(), 1, "{warnings:?}");

    let jesper = person(
        "Jesper Kjeldsen",
        None,
        Some("deltog ikke i sagens behandling"),
    );
    let with_jesper: Vec<u32> = m
        .items
        .iter()
        .filter(|i| i.absent.contains(&jesper))
        .filter_map(|i| i.number)
        .collect();
    assert_eq!(with_jesper, [2, 3, 4, 5, 7, 10, 11, 12, 14]);
    assert!(m.items.iter().all(|i| i.absent.len() <= 1));
}

#[test]
fn every_sample_keeps_every_word() {
    for path in [
        "examples/norddjurs/000_5f9710db80485d88.txt",
        "examples/norddjurs/001_bbf53a5e8e25f3d5.txt",
        "examples/norddjurs/002_24e5a101f9c48806.txt",
        "examples/norddjurs/003_30e56682dd283b6b.txt",
        "examples/norddjurs/004_dc055bac9ae9b81d.txt",
        "tests/fixtures/aarhus-byraad-2025-08-27.txt",
    ] {
        let source = read(path);
        let (m, _) = parse(path);
        assert_eq!(
            referat_core::conserve::lost_words(&source, &m),
            Vec::<String>::new(),
            "{path}"
        );
    }
}

#[test]
fn conservation_check_reports_a_dropped_word() {
    let source = read("examples/norddjurs/003_30e56682dd283b6b.txt");
    let (mut m, _) = parse("examples/norddjurs/003_30e56682dd283b6b.txt");
    m.items[0].decisions[0].remarks.clear();
    let lost = referat_core::conserve::lost_words(&source, &m);
    assert!(
        lost.contains(&"karoline".to_string()) && lost.contains(&"ufaglærte".to_string()),
        "{lost:?}"
    );
}

/// Not a real sample: the numbered-agenda layout many portals print (`1. Title`,
/// `Sagsnr.:`, `Beslutning:`), written to check that the parser generalises.
#[test]
fn numbered_agenda_layout() {
    let text = "Referat\nØkonomiudvalget den 3. marts 2025 kl. 16.00\n\nFraværende: Hans Hansen (V)\n\n\
                1. Godkendelse af dagsorden\nSagsnr.: 25/123\n\nBeslutning:\nGodkendt.\n\n\
                2. Budgetopfølgning pr. 31. januar\nSagsnr.: 25/456\n\nSagsfremstilling\nForvaltningen har udarbejdet en opfølgning.\n\n\
                Beslutning:\nTaget til efterretning. Anne Jensen (Ø) stemte imod.\n";
    let parsed = parse_minutes(text, "numbered.txt", Vocabulary::builtin());
    let m = &parsed.meeting;
    assert_eq!(
        (
            m.committee.as_deref(),
            m.date.as_deref(),
            m.start_time.as_deref()
        ),
        (Some("Økonomiudvalget"), Some("2025-03-03"), Some("16:00"))
    );
    assert_eq!(m.absent, [person("Hans Hansen", Some("V"), None)]);
    let got: Vec<_> = m
        .items
        .iter()
        .map(|i| {
            (
                i.number,
                i.case_number.as_deref(),
                i.title.as_deref(),
                i.outcome,
                i.decisions[0].dissent,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(1),
                Some("25/123"),
                Some("Godkendelse af dagsorden"),
                Outcome::Approved,
                false
            ),
            (
                Some(2),
                Some("25/456"),
                Some("Budgetopfølgning pr. 31. januar"),
                Outcome::Noted,
                true
            ),
        ]
    );
    assert_eq!(
        m.items[1].decisions[0].body.as_deref(),
        Some("Økonomiudvalget")
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(
        referat_core::conserve::lost_words(text, m),
        Vec::<String>::new()
    );
}

/// An absence list before the first item belongs to the meeting, with or without a header.
#[test]
fn absences_before_the_first_item_belong_to_the_meeting() {
    let text = "Afbud fra mødet:\nTom Bytoft (A)\n\n21/1 Åben Sag\n\nBeslutning i Økonomiudvalget den 02-01-2025\n\nGodkendt.\n";
    let m = parse_minutes(text, "afbud.txt", Vocabulary::builtin()).meeting;
    assert_eq!(m.absent, [person("Tom Bytoft", Some("A"), None)]);
    assert_eq!(m.items.len(), 1);
    assert_eq!(m.items[0].case_number.as_deref(), Some("21/1"));
    assert!(m.items[0].absent.is_empty());
}
