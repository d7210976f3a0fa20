//! The viewer's importer, a wasm module of its own: the viewer stays small and fast to
//! open, and this one (the PDF and HTML readers) is inflated and started in a Web
//! Worker only when someone imports minutes. `cargo xtask dist` embeds it, gzipped, in
//! the viewer's HTML; `public/importer-worker.js` runs it.

use referat_core::ingest::report;
use referat_core::Vocabulary;
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

#[cfg(test)]
mod tests {
    use super::*;

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
