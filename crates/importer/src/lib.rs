//! The viewer's importer, a wasm module of its own: the viewer stays small and fast to
//! open, and this one (the PDF and HTML readers) is inflated and started in a Web
//! Worker only when someone imports minutes. `cargo xtask dist` embeds it, gzipped, in
//! the viewer's HTML; `public/importer-worker.js` runs it. The inflating worker
//! (`public/inflate-worker.js`) runs it too, for [`fold_part`], when it can.

use referat_core::ingest::report;
use referat_core::query::encode_folded_part;
use referat_core::{Meeting, Vocabulary};
use wasm_bindgen::prelude::*;

/// Reads one minutes file (PDF, text or a saved portal page) into a
/// [`referat_core::ingest::FileReport`], as JSON.
#[wasm_bindgen]
pub fn read_minutes(name: &str, bytes: Vec<u8>) -> String {
    let report = report(bytes, name, Vocabulary::builtin());
    serde_json::to_string(&report).unwrap_or_else(|e| {
        format!(
            "{{\"name\":{},\"meeting\":null,\"notes\":[],\"error\":{}}}",
            serde_json::Value::from(name),
            serde_json::Value::from(e.to_string())
        )
    })
}

/// Every item of a packed bundle's part (its JSON bytes) folded, with its short strings,
/// for the page's index ([`referat_core::query::FoldedPart`]): done here on the second core
/// while the page adds the words. `None` when the bytes are no list of meetings (the page
/// reads the part itself and says what is wrong).
#[wasm_bindgen]
pub fn fold_part(json: &[u8]) -> Option<Vec<u8>> {
    let meetings: Vec<Meeting> = serde_json::from_slice(json).ok()?;
    Some(encode_folded_part(&meetings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use referat_core::query::FoldedPart;

    #[test]
    fn a_part_gets_its_items_folded_and_anything_else_none() {
        let part = r#"[{"id":"m","committee":null,"date":"2025-03-03","source":"a.txt","items":[
            {"id":"m-1","number":1,"case_number":null,"title":"Budget","access":"open","outcome":"approved"},
            {"id":"m-2","number":2,"case_number":null,"title":"Skoler","access":"open","outcome":"noted"}]}]"#;
        let folded = FoldedPart::decode(&fold_part(part.as_bytes()).unwrap()).unwrap();
        assert_eq!(folded.len(), 2);
        assert_eq!(fold_part(b"{\"meetings\": []}"), None);
        assert_eq!(fold_part(b"\xff"), None);
    }

    #[test]
    fn a_text_file_becomes_a_report_with_its_meeting() {
        let json = read_minutes(
            "a.txt",
            "Referat\nØkonomiudvalget 3. marts 2025\n\n1. Budget\nBeslutning\nGodkendt.\n".into(),
        );
        let r: referat_core::ingest::FileReport = serde_json::from_str(&json).unwrap();
        assert_eq!(r.error, None);
        assert_eq!(r.meeting.unwrap().items[0].title.as_deref(), Some("Budget"));
    }

    #[test]
    fn a_damaged_pdf_becomes_its_error() {
        let json = read_minutes("s.pdf", b"%PDF-1.4\n".to_vec());
        let r: referat_core::ingest::FileReport = serde_json::from_str(&json).unwrap();
        assert!(r.meeting.is_none());
        assert!(r
            .error
            .unwrap()
            .starts_with("`s.pdf` is a damaged or incomplete PDF"));
    }
}
