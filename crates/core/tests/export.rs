//! The CSV export, byte for byte: a BOM, `;` between fields, CRLF, quoting, and a formula
//! kept as text.

use referat_core::export::csv;
use referat_core::query::{search, Filter, SearchIndex};
use referat_core::Bundle;

const BUNDLE: &str = r#"{
  "format": "referat-bundle", "version": 1, "title": "Prøve", "generated": "2026-12-01T00:00:00Z",
  "meetings": [
    {"id": "oeu-2025-03-04", "committee": "Økonomiudvalget", "date": "2025-03-04",
     "absent": [{"name": "Åse Ørum", "party": "A", "note": null}], "source": "oeu.txt",
     "items": [
       {"id": "oeu-2025-03-04-1", "number": 1, "case_number": "25/101",
        "title": "Budget; 2026 \"første\" behandling", "access": "open",
        "decisions": [{"body": null, "date": null, "text": "Godkendt.", "outcome": "approved", "dissent": true}],
        "outcome": "approved", "absent": [{"name": "Bo Æbelø", "party": null, "note": null}]},
       {"id": "oeu-2025-03-04-2", "number": 2, "case_number": null,
        "title": "=HYPERLINK(\"x\")\nanden linje", "access": "closed",
        "outcome": "pending"}
     ]},
    {"id": "x", "committee": null, "date": null, "source": "x.txt",
     "items": [{"id": "x-1", "number": null, "case_number": "EMN-2025-1", "title": null, "access": "open", "outcome": "noted"}]}
  ]
}"#;

fn all(bundle: &Bundle) -> Vec<referat_core::query::ItemRef> {
    let index = SearchIndex::new(bundle);
    search(bundle, &index, &Filter::default())
        .into_iter()
        .map(|h| h.at)
        .collect()
}

#[test]
fn danish_csv_byte_for_byte() {
    let b = Bundle::from_json(BUNDLE).unwrap();
    let text = csv(&b, all(&b), false);
    let want = "\u{feff}Dato;Udvalg;Punkt;Sagsnummer;Titel;Resultat;Dissens;Fraværende\r\n\
        2025-03-04;Økonomiudvalget;1;25/101;\"Budget; 2026 \"\"første\"\" behandling\";Godkendt;ja;Åse Ørum, Bo Æbelø\r\n\
        2025-03-04;Økonomiudvalget;2;;\"'=HYPERLINK(\"\"x\"\")\nanden linje\";Afventer;;Åse Ørum\r\n\
        ;;;EMN-2025-1;;Taget til efterretning;;\r\n";
    assert_eq!(text, want);
    assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
}

#[test]
fn english_headers_and_labels() {
    let b = Bundle::from_json(BUNDLE).unwrap();
    let text = csv(&b, all(&b).into_iter().take(1), true);
    assert_eq!(
        text,
        "\u{feff}Date;Committee;Item;Case number;Title;Outcome;Dissent;Absent\r\n\
         2025-03-04;Økonomiudvalget;1;25/101;\"Budget; 2026 \"\"første\"\" behandling\";Approved;yes;Åse Ørum, Bo Æbelø\r\n"
    );
}
