//! Inputs the fuzzers (`scripts/fuzz.sh`) found, kept so the bugs stay fixed.

use referat_core::conserve::lost_words;
use referat_core::query::Route;
use referat_core::{parse_minutes, Bundle, Vocabulary};

fn keeps_every_word(text: &str) {
    let parsed = parse_minutes(text, "regression.txt", Vocabulary::builtin());
    assert_eq!(
        lost_words(text, &parsed.meeting),
        Vec::<String>::new(),
        "{text:?}"
    );
}

/// NUL bytes inside a word: the parser drops them and joins the word; the check must too.
#[test]
fn nul_bytes_inside_a_word() {
    keeps_every_word("Sagsfremstilling\n\nHandicapråd\0\0\0\0et, medarbejdere og ledere.\n");
}

/// A lone CR is a line break (old Mac files), not something to delete inside a word.
#[test]
fn lone_carriage_return() {
    keeps_every_word("Sagsfremstilling\r\rSocialo\rmrådet og CRLF\r\nlinjer.\r\n");
    let parsed = parse_minutes(
        "Sagsgang\rBUU\rSagsfremstilling\rTekst.",
        "cr.txt",
        Vocabulary::builtin(),
    );
    assert_eq!(parsed.meeting.items[0].route, ["BUU"]);
}

#[test]
fn url_hash_round_trips() {
    for hash in [
        "#/?q=%",
        "#/punkt/%ZZ",
        "#/?udvalg=&udvalg=a+b",
        "#/moede/a%2Fb?sort=x&fra=2024-02-30",
    ] {
        let route = Route::parse(hash);
        assert_eq!(Route::parse(&route.to_hash()), route, "{hash}");
    }
}

#[test]
fn bundle_from_hostile_bytes() {
    for bytes in [
        &b"\xEF\xBB\xBF"[..],
        b"{",
        b"{\"format\":\"referat-bundle\",\"version\":18446744073709551616}",
        b"\0",
    ] {
        assert!(Bundle::from_slice(bytes).is_err(), "{bytes:?}");
    }
}

/// A second `Dato:` label in the preamble was swallowed: the meeting keeps the first date,
/// and the second stays in the text.
#[test]
fn a_second_meeting_label_stays_in_the_text() {
    let text = "Udvalg: Aarhus Byråd\nDato: 25-06-2025\nPunktnummer: 4\n\
                Udvalg: Økonomiudvalget\nDato: 20-08-2025\nSted: Rådhuset\nSted: Byrådssalen\n\
                Tidspunkt: 16.00\nTidspunkt: 17.30\n";
    keeps_every_word(text);
    let m = parse_minutes(text, "labels.txt", Vocabulary::builtin()).meeting;
    assert_eq!(m.date.as_deref(), Some("2025-06-25"));
    assert_eq!(m.location.as_deref(), Some("Rådhuset"));
    assert_eq!(m.start_time.as_deref(), Some("16:00"));
}

/// A header after a date label that says another date: neither date may go.
#[test]
fn a_header_after_a_different_date_label() {
    keeps_every_word(
        "Dato: 20-08-2025\nBørne- og ungdomsudvalget 24-06-2021\nSagsfremstilling\nTekst.\n",
    );
}
