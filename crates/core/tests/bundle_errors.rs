//! What a reader is told about a bad bundle. Messages are locked as snapshots.

use referat_core::{Bundle, BundleError};

fn error(json: &str) -> String {
    Bundle::from_json(json)
        .expect_err("must be rejected")
        .to_string()
}

const VALID: &str = r#"{"format":"referat-bundle","version":1,"title":"T","generated":"2026-01-01T00:00:00Z","meetings":[
 {"id":"m1","committee":"Økonomiudvalget","date":"2024-01-02","absent":[],"source":"a.txt","items":[
  {"id":"i1","number":1,"case_number":null,"title":"x","access":"open","route":[],"sections":[],"decisions":[],"outcome":"pending","absent":[],"attachments":[]}]}]}"#;

#[test]
fn valid_bundle_loads() {
    let b = Bundle::from_json(VALID).unwrap();
    assert_eq!(b.item_count(), 1);
}

#[test]
fn messages() {
    insta::assert_snapshot!(error(""), @"the file is empty");
    insta::assert_snapshot!(error("{\"format\": \"referat-bundle\",\n  \"version\": 1,,}"), @"not valid JSON at line 2, column 16: key must be a string");
    insta::assert_snapshot!(error("<html>"), @"not valid JSON at line 1, column 1: expected value");
    insta::assert_snapshot!(error(&format!("{VALID} {{}}")), @"not valid JSON at line 3, column 166: trailing characters");
    insta::assert_snapshot!(error(r#"{"format":"other","version":1}"#), @"not a referat bundle: `format` is `other`, expected `referat-bundle`");
    insta::assert_snapshot!(error(r#"{"version":1}"#), @"not a referat bundle: `format` is missing, expected `referat-bundle`");
    insta::assert_snapshot!(error(&VALID.replace("\"version\":1", "\"version\":2")), @"bundle version 2 is newer than this referat understands (up to 1)");
    insta::assert_snapshot!(error(&VALID.replace("\"number\":1", "\"number\":\"one\"")), @"wrong data at `meetings[0].items[0].number` (line 3, column 27): invalid type: string \"one\", expected u32");
    insta::assert_snapshot!(error(&VALID.replace("\"outcome\":\"pending\"", "\"outcome\":\"maybe\"")), @"wrong data at `meetings[0].items[0].outcome` (line 3, column 128): unknown variant `maybe`, expected one of `approved`, `recommended`, `noted`, `discussed`, `rejected`, `postponed`, `withdrawn`, `other`, `pending`");
    insta::assert_snapshot!(error(&VALID.replace(",\"source\":\"a.txt\"", "")), @"wrong data at `meetings[0]` (line 3, column 162): missing field `source`");
    insta::assert_snapshot!(error(&VALID.replace("\"id\":\"i1\"", "\"id\":\"m1\"")), @"1 problem(s) in the bundle; the first: meetings[0].items[0].id: `m1` is used twice; ids must be unique");
    insta::assert_snapshot!(error(&VALID.replace("2024-01-02", "02-01-2024")), @"1 problem(s) in the bundle; the first: meetings[0].date: `02-01-2024` is not a date in the form YYYY-MM-DD");
}

#[test]
fn encodings() {
    assert_eq!(
        Bundle::from_slice(b"\xFF\xFE{\x00}\x00"),
        Err(BundleError::Encoding {
            encoding: "UTF-16",
            offset: 0
        })
    );
    assert_eq!(
        Bundle::from_slice(b"{\"a\": \"\xC3\"}"),
        Err(BundleError::Encoding {
            encoding: "invalid UTF-8",
            offset: 7
        })
    );
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), VALID.as_bytes()].concat();
    assert!(Bundle::from_slice(&with_bom).is_ok());
}
