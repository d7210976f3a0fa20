//! PDF minutes: the text read from PDFs made for these tests (tests/fixtures/pdf,
//! printed by Chromium from pages in `src/`), the fields of the real Aarhus minutes
//! read from the PDF against the same minutes read from `pdftotext`'s text, and the
//! message for each kind of PDF that gives no minutes.
#![cfg(feature = "pdf")]

use referat_core::ingest::{ingest, InputKind};
use referat_core::pdf::extract;
use referat_core::{Outcome, Vocabulary, WarningKind};
use std::path::PathBuf;

fn fixture(path: &str) -> Vec<u8> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn text_of(path: &str) -> referat_core::pdf::PdfText {
    let v = Vocabulary::builtin();
    extract(&fixture(path), &|l| v.is_heading_line(l)).expect("readable PDF")
}

#[test]
fn printed_minutes_read_in_order_with_the_running_header_and_footer_aside() {
    let pdf = text_of("tests/fixtures/pdf/udvalgsmoede.pdf");
    assert_eq!(pdf.pages, 4);
    // A page's first line follows the form feed that ends the page before it.
    let lines: Vec<&str> = pdf
        .text
        .lines()
        .map(|l| l.trim_start_matches('\u{c}'))
        .filter(|l| !l.trim().is_empty())
        .collect();
    // The first page's running header opens the text; the same header and every
    // `Side N af 4` elsewhere are furniture.
    assert_eq!(
        lines[..6],
        [
            "Udvalget for Natur og Trafik – 4. marts 2025",
            "Referat",
            "Udvalget for Natur og Trafik",
            "Mødedato: Tirsdag den 4. marts 2025 kl. 16.30",
            "Mødested: Mødelokale 2, Rådhuset",
            "Fraværende: Søren Ågård (F)",
        ]
    );
    assert_eq!(
        pdf.furniture,
        [
            "Side 1 af 4",
            "Udvalget for Natur og Trafik – 4. marts 2025",
            "Side 2 af 4",
            "Udvalget for Natur og Trafik – 4. marts 2025",
            "Side 3 af 4",
            "Udvalget for Natur og Trafik – 4. marts 2025",
            "Side 4 af 4",
        ]
    );
    assert!(!pdf.text.contains("Side 2 af 4"));
    // Reading order, the letters æ/ø/å, a ligature written out (`fi` in `trafik`), a
    // table's row and the two signature columns.
    let position = |needle: &str| {
        lines
            .iter()
            .position(|l| *l == needle)
            .unwrap_or_else(|| panic!("no line `{needle}` in\n{}", pdf.text))
    };
    let order = [
        "1. Godkendelse af dagsorden",
        "2. Cykelsti langs Åbrinken",
        "en dobbeltrettet sti i vestsiden,",
        "4,8 mio. kr. 5 træer",
        "trafiksikkerhed i 2025 og 2026.",
        "3. Vintertjeneste, status for sæsonen",
        "4. Lukket punkt: Køb af areal ved Møllevej",
        "Anne Holm",
        "Bo Lund",
    ]
    .map(position);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // Pages end with a form feed, as pdftotext writes them.
    assert_eq!(pdf.text.matches('\u{c}').count(), 4);
}

#[test]
fn printed_minutes_give_their_fields() {
    let got = ingest(
        fixture("tests/fixtures/pdf/udvalgsmoede.pdf"),
        "udvalgsmoede.pdf",
        Vocabulary::builtin(),
        true,
    )
    .expect("readable");
    assert_eq!(got.kind, InputKind::Pdf);
    assert_eq!(
        got.lost,
        Vec::<String>::new(),
        "the word check counts furniture"
    );
    let m = got.meeting.expect("a meeting");
    assert_eq!(
        (
            m.committee.as_deref(),
            m.date.as_deref(),
            m.start_time.as_deref()
        ),
        (
            Some("Udvalget for Natur og Trafik"),
            Some("2025-03-04"),
            Some("16:30")
        )
    );
    assert_eq!(m.furniture.len(), 7);
    let items: Vec<_> = m
        .items
        .iter()
        .map(|i| {
            (
                i.number,
                i.case_number.as_deref(),
                i.title.as_deref(),
                i.outcome,
                i.decisions.iter().any(|d| d.dissent),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                Some(1),
                Some("25/1101"),
                Some("Godkendelse af dagsorden"),
                Outcome::Approved,
                false
            ),
            (
                Some(2),
                Some("24/8830"),
                Some("Cykelsti langs Åbrinken"),
                Outcome::Approved,
                true
            ),
            (
                Some(3),
                Some("25/0420"),
                Some("Vintertjeneste, status for sæsonen"),
                Outcome::Noted,
                false
            ),
            (
                Some(4),
                Some("25/0077"),
                Some("Køb af areal ved Møllevej"),
                Outcome::Approved,
                false
            ),
        ]
    );
    assert_eq!(m.absent[0].name, "Søren Ågård");
    assert_eq!(m.items[3].access, referat_core::Access::Closed);
}

/// The real Aarhus minutes (28 pages) read from the PDF give the same fields as the
/// same minutes read from `pdftotext`'s text (the committed fixture).
#[test]
fn aarhus_pdf_gives_the_fields_of_its_pdftotext_text() {
    let v = Vocabulary::builtin();
    let from_pdf = ingest(
        fixture("tests/fixtures/aarhus-byraad-2025-08-27.pdf"),
        "a.pdf",
        v,
        true,
    )
    .expect("readable");
    let from_text = ingest(
        fixture("tests/fixtures/aarhus-byraad-2025-08-27.txt"),
        "a.txt",
        v,
        true,
    )
    .expect("readable");
    assert_eq!(from_pdf.lost, Vec::<String>::new());
    let (p, t) = (from_pdf.meeting.unwrap(), from_text.meeting.unwrap());
    assert_eq!((p.items.len(), t.items.len()), (21, 21));
    assert_eq!(
        (&p.committee, &p.date, &p.start_time, &p.location, &p.absent),
        (&t.committee, &t.date, &t.start_time, &t.location, &t.absent)
    );
    for (a, b) in p.items.iter().zip(&t.items) {
        let n = a.number;
        assert_eq!(
            (a.number, &a.case_number, a.access),
            (b.number, &b.case_number, b.access)
        );
        assert_eq!(
            (a.outcome, &a.absent, &a.attachments),
            (b.outcome, &b.absent, &b.attachments),
            "item {n:?}"
        );
        let dissent =
            |i: &referat_core::Item| i.decisions.iter().map(|d| d.dissent).collect::<Vec<_>>();
        assert_eq!(dissent(a), dissent(b), "item {n:?}");
        if n == Some(7) {
            // pdftotext drops the hyphen where the title wraps after `2030-`; the PDF's
            // own text keeps it.
            assert_eq!(
                a.title.as_deref(),
                Some("Afrapportering på klimaregnskab samt orientering om ny 2030-fremskrivning")
            );
        } else {
            assert_eq!(a.title, b.title, "item {n:?}");
        }
    }
}

fn error_of(path: &str, bytes: Vec<u8>) -> String {
    match ingest(bytes, path, Vocabulary::builtin(), true) {
        Err(e) => e.to_string(),
        Ok(got) => panic!("{path} was read: {:?}", got.warnings),
    }
}

#[test]
fn each_pdf_without_minutes_text_gets_its_message() {
    let minutes = fixture("tests/fixtures/pdf/udvalgsmoede.pdf");
    let cases = [
        (
            "scannet.pdf",
            fixture("tests/fixtures/pdf/scannet.pdf"),
            "no text in `scannet.pdf`: the pages are images; run OCR first",
        ),
        (
            "krypteret.pdf",
            fixture("tests/fixtures/pdf/krypteret.pdf"),
            "`krypteret.pdf` is encrypted with a password: save a copy without one and read that",
        ),
        (
            "halv.pdf",
            minutes[..minutes.len() / 2].to_vec(),
            "`halv.pdf` is a damaged or incomplete PDF: failed parsing cross reference table: invalid start value",
        ),
        (
            "kun-hoved.pdf",
            b"%PDF-1.7\n".to_vec(),
            "`kun-hoved.pdf` is a damaged or incomplete PDF: failed parsing cross reference table: invalid start value",
        ),
    ];
    for (name, bytes, message) in cases {
        assert_eq!(error_of(name, bytes), message);
    }
}

#[test]
fn a_pdf_that_is_no_minutes_is_kept_with_a_warning() {
    let got = ingest(
        fixture("tests/fixtures/pdf/brev.pdf"),
        "brev.pdf",
        Vocabulary::builtin(),
        true,
    )
    .expect("readable");
    assert!(
        got.warnings
            .iter()
            .any(|w| w.kind == WarningKind::NoStructure),
        "{:?}",
        got.warnings
    );
    let m = got.meeting.expect("kept");
    assert!(m.items[0].sections[0]
        .text
        .contains("støj fra vejarbejdet på Kirkegade"));
}

/// Cut and corrupted PDFs end in a text or a message naming the file: never an abort,
/// a hang or an unbounded read (a panic inside the PDF libraries is caught; the
/// fuzz target `pdf` runs the same on arbitrary bytes).
#[test]
fn damaged_bytes_end_in_a_text_or_a_message() {
    let minutes = fixture("tests/fixtures/pdf/udvalgsmoede.pdf");
    let mut outcomes = (0, 0);
    let mut check = |bytes: Vec<u8>| match ingest(bytes, "x.pdf", Vocabulary::builtin(), false) {
        Ok(_) => outcomes.0 += 1,
        Err(e) => {
            assert!(e.to_string().contains("`x.pdf`"), "{e}");
            outcomes.1 += 1;
        }
    };
    for cut in (9..minutes.len()).step_by(997) {
        check(minutes[..cut].to_vec());
    }
    for at in (0..minutes.len()).step_by(1499) {
        let mut bytes = minutes.clone();
        for b in bytes.iter_mut().skip(at).take(64) {
            *b ^= 0x5A;
        }
        check(bytes);
    }
    // Both happen: some damage is read past, some is not.
    assert!(outcomes.0 > 0 && outcomes.1 > 0, "{outcomes:?}");
}

/// A PDF of these objects (numbered from 1; the first is the catalog), with a correct
/// cross-reference table.
fn pdf_of(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

fn stream(dict: &str, content: &str) -> String {
    format!(
        "<< {dict} /Length {} >>\nstream\n{content}\nendstream",
        content.len() + 1
    )
}

/// A one-page PDF whose page draws `content` with these resources.
fn pdf_with(content: &str, resources: &str, more: &[String]) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources {resources} >>"),
        stream("", content),
    ];
    objects.extend(more.iter().cloned());
    pdf_of(&objects)
}

fn pdf_with_content(content: &str) -> Vec<u8> {
    pdf_with(content, "<< >>", &[])
}

/// A form that draws itself would make pdf-extract recurse until the stack overflows,
/// which no catch can stop: such a PDF is refused before it is read.
#[test]
fn a_form_that_draws_itself_is_refused() {
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >>",
        "/X Do",
    );
    let bytes = pdf_with("/X Do", "<< /XObject << /X 5 0 R >> >>", &[form]);
    assert_eq!(
        error_of("selv.pdf", bytes),
        "cannot read `selv.pdf` as a PDF: a form on its pages draws itself, without end"
    );
}

/// Text shown before any font is chosen makes pdf-extract panic (it unwraps the font):
/// the panic is caught and becomes the file's error, and the next file reads as usual.
#[test]
fn a_panic_in_the_pdf_reader_becomes_the_files_error() {
    let message = error_of("ohne-font.pdf", pdf_with_content("BT (Referat) Tj ET"));
    assert!(
        message.starts_with("cannot read `ohne-font.pdf` as a PDF: the PDF reader failed: "),
        "{message}"
    );
    // The same page with no text at all: a page with nothing on it.
    assert_eq!(
        error_of("tom.pdf", pdf_with_content("")),
        "no text in `tom.pdf`: its pages are empty"
    );
    assert!(ingest(
        fixture("tests/fixtures/pdf/brev.pdf"),
        "brev.pdf",
        Vocabulary::builtin(),
        true
    )
    .is_ok());
}
