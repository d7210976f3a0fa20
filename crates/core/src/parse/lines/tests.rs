use super::*;

fn kind(line: &str) -> LineKind {
    let v = Vocabulary::builtin();
    match classify(line, v) {
        LineKind::Text => classify_preamble(line, v).unwrap_or(LineKind::Text),
        other => other,
    }
}

#[test]
fn line_kinds_table() {
    use LineKind::*;
    let cases = [
        (
            "21/1359 Åben Sag",
            Case {
                case_number: "21/1359".into(),
                access: Some(false),
                rest: None,
                officer: None,
            },
        ),
        (
            "22/6043 Lukket sag",
            Case {
                case_number: "22/6043".into(),
                access: Some(true),
                rest: None,
                officer: None,
            },
        ),
        (
            "EMN-2025-003383",
            Case {
                case_number: "EMN-2025-003383".into(),
                access: None,
                rest: None,
                officer: None,
            },
        ),
        ("Åben sag", Access { closed: false }),
        ("Lukket sag", Access { closed: true }),
        ("ÅBEN SAG", Access { closed: false }),
        (
            "Sagsnr.: 21/1359",
            CaseLabel {
                case_number: Some("21/1359".into()),
                rest: None,
                item_number: None,
            },
        ),
        (
            "Sagsid.:",
            CaseLabel {
                case_number: None,
                rest: None,
                item_number: None,
            },
        ),
        (
            "• Sagsid.: 18/25139",
            CaseLabel {
                case_number: Some("18/25139".into()),
                rest: None,
                item_number: None,
            },
        ),
        (
            "Sagsnr.: 05.00.00-A00-2-17 Sagsbehandler: Lene Holm",
            CaseLabel {
                case_number: Some("05.00.00-A00-2-17".into()),
                rest: Some("Sagsbehandler: Lene Holm".into()),
                item_number: None,
            },
        ),
        (
            "• Beslutning i Byrådet den 20-06-2018",
            Decision {
                heading: "Beslutning i Byrådet den 20-06-2018".into(),
                body: Some("Byrådet".into()),
                date: Some("2018-06-20".into()),
                rest: None,
            },
        ),
        (
            "Sag nr. 129",
            CaseLabel {
                case_number: None,
                rest: None,
                item_number: Some(129),
            },
        ),
        (
            "J.nr.: 00.01.00A04",
            JournalLabel {
                code: Some("00.01.00A04".into()),
                rest: None,
            },
        ),
        (
            "Åbent - 00.01.00A04 - 2007/34364",
            Case {
                case_number: "2007/34364".into(),
                access: Some(false),
                rest: Some("00.01.00A04".into()),
                officer: None,
            },
        ),
        (
            "Pkt. 197 Forslag om en sang",
            Point {
                number: 197,
                title: "Forslag om en sang".into(),
            },
        ),
        ("Punkt 9 behandles som punkt 5.", Text),
        (
            "2. Budgetopfølgning",
            Numbered {
                number: 2,
                title: "Budgetopfølgning".into(),
            },
        ),
        (
            "• 1 Økonomisk ledelsesinformation",
            Numbered {
                number: 1,
                title: "Økonomisk ledelsesinformation".into(),
            },
        ),
        (
            "Fraværende Jakob Ekberg, N. J. Ottesen",
            Absence {
                rest: Some("Jakob Ekberg, N. J. Ottesen".into()),
            },
        ),
        (
            "Udvalg Byrådet",
            Label {
                label: LabelField::Committee,
                rest: Some("Byrådet".into()),
            },
        ),
        ("Fraværende medlemmer blev orienteret.", Text),
        (
            "• 1",
            Numbered {
                number: 1,
                title: String::new(),
            },
        ),
        ("28", Text),
        ("3.5 mio. kr. ekstra", Text),
        ("1. at orienteringen tages til efterretning", Text),
        (
            "Beslutning Byrådet den 31-10-2018",
            Decision {
                heading: "Beslutning Byrådet den 31-10-2018".into(),
                body: Some("Byrådet".into()),
                date: Some("2018-10-31".into()),
                rest: None,
            },
        ),
        (
            "BESLUTNING: Økonomiudvalget den 22-10-2020",
            Decision {
                heading: "BESLUTNING: Økonomiudvalget den 22-10-2020".into(),
                body: Some("Økonomiudvalget".into()),
                date: Some("2020-10-22".into()),
                rest: None,
            },
        ),
        (
            "Beslutning Allerød Byråd 2018-2021 den 26-04-2018",
            Decision {
                heading: "Beslutning Allerød Byråd 2018-2021 den 26-04-2018".into(),
                body: Some("Allerød Byråd".into()),
                date: Some("2018-04-26".into()),
                rest: None,
            },
        ),
        (
            "Beslutning Økonomiudvalget den Godkendt.",
            Decision {
                heading: "Beslutning Økonomiudvalget den".into(),
                body: Some("Økonomiudvalget".into()),
                date: None,
                rest: Some("Godkendt.".into()),
            },
        ),
        (
            "BESLUTNING I KOMMUNALBESTYRELSEN DEN",
            Decision {
                heading: "BESLUTNING I KOMMUNALBESTYRELSEN DEN".into(),
                body: Some("Kommunalbestyrelsen".into()),
                date: None,
                rest: None,
            },
        ),
        (
            "Beslutning: Godkendt.",
            Decision {
                heading: "Beslutning".into(),
                body: None,
                date: None,
                rest: Some("Godkendt.".into()),
            },
        ),
        (
            "BeslutningGodkendt.",
            Decision {
                heading: "Beslutning".into(),
                body: None,
                date: None,
                rest: Some("Godkendt.".into()),
            },
        ),
        (
            "Fraværende- Hans Østergaard ()",
            Absence {
                rest: Some("Hans Østergaard ()".into()),
            },
        ),
        (
            "Fraværende med afbud: Walter Holm (O)",
            Absence {
                rest: Some("Walter Holm (O)".into()),
            },
        ),
        (
            "Medlemmer: Anne Dahl (A), Bo Kragh (V)",
            Attendance {
                rest: Some("Anne Dahl (A), Bo Kragh (V)".into()),
            },
        ),
        (
            "Punkt 3 - Budget 2026",
            Point {
                number: 3,
                title: "Budget 2026".into(),
            },
        ),
        (
            "Punkt 4. Orientering",
            Point {
                number: 4,
                title: "Orientering".into(),
            },
        ),
        ("Punktet blev drøftet.", Text),
        (
            "Punkt 21: Lukket: Køb af landbrugsejendom",
            Point {
                number: 21,
                title: "Lukket: Køb af landbrugsejendom".into(),
            },
        ),
        (
            "Lukket: Køb af landbrugsejendom.........................",
            Toc,
        ),
        (
            "Beslutning i Voksen- og plejeudvalget den 24-04-2024",
            Decision {
                heading: "Beslutning i Voksen- og plejeudvalget den 24-04-2024".into(),
                body: Some("Voksen- og plejeudvalget".into()),
                date: Some("2024-04-24".into()),
                rest: None,
            },
        ),
        (
            "Beslutninger",
            Decision {
                heading: "Beslutninger".into(),
                body: None,
                date: None,
                rest: None,
            },
        ),
        (
            "Økonomiudvalgets beslutning den 3. maj 2024: Godkendt.",
            Decision {
                heading: "Økonomiudvalgets beslutning den 3. maj 2024".into(),
                body: Some("Økonomiudvalget".into()),
                date: Some("2024-05-03".into()),
                rest: Some("Godkendt.".into()),
            },
        ),
        ("Beslutning i sagen blev truffet sidste år", Text),
        (
            "Integrationsudvalgets møde den 12. december 2011:",
            Decision {
                heading: "Integrationsudvalgets møde den 12. december 2011".into(),
                body: Some("Integrationsudvalget".into()),
                date: Some("2011-12-12".into()),
                rest: None,
            },
        ),
        (
            "Byrådets møde den 5. maj 2011 blev holdt i Kulturhuset.",
            Text,
        ),
        (
            "01.02G00 - 2017/27088",
            Case {
                case_number: "2017/27088".into(),
                access: None,
                rest: Some("01.02G00".into()),
                officer: None,
            },
        ),
        (
            "Beslutninger fra mødet. Torsdag kl Ordinært møde. Økonomiudvalget",
            Text,
        ),
        ("Fraværende:", Absence { rest: None }),
        (
            "Afbud: Tom Bytoft (A)",
            Absence {
                rest: Some("Tom Bytoft (A)".into()),
            },
        ),
        (
            "Afbud fra: Tom Bytoft (A)",
            Absence {
                rest: Some("Tom Bytoft (A)".into()),
            },
        ),
        ("Fraværende fra mødet:", Absence { rest: None }),
        ("Fraværende medlemmer blev orienteret.", Text),
        ("Bilag:", Attachments { rest: None }),
        ("Bilag 1: Beslutningsforslag", Text),
        ("Sagsgang", Route { rest: None }),
        (
            "Sagsfremstilling",
            Heading {
                heading: "Sagsfremstilling".into(),
                rest: None,
            },
        ),
        (
            "Lovgrundlag: Barnets Lov.",
            Heading {
                heading: "Lovgrundlag".into(),
                rest: Some("Barnets Lov.".into()),
            },
        ),
        (
            "Sammenhæng til andre politikker/strategier og fagområder",
            Heading {
                heading: "Sammenhæng til andre politikker/strategier og fagområder".into(),
                rest: None,
            },
        ),
        (
            "BESLUTNINGSFORSLAG FRA DD",
            Heading {
                heading: "BESLUTNINGSFORSLAG FRA DD".into(),
                rest: None,
            },
        ),
        ("BUU/ VPU", Text),
        ("Mødet blev holdt 24-06-2021", Text),
        ("Rådhuset, mødelokale 1", Text),
        (
            "Mødedato",
            Label {
                label: LabelField::Date,
                rest: None,
            },
        ),
        (
            "Sted: Byrådssalen",
            Label {
                label: LabelField::Place,
                rest: Some("Byrådssalen".into()),
            },
        ),
        ("Almindelig tekst om sagen.", Text),
    ];
    for (line, want) in cases {
        assert_eq!(kind(line), want, "line `{line}`");
    }
}
