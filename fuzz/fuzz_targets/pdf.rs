//! Arbitrary bytes through PDF ingest (`%PDF-` prepended so every run reaches the PDF
//! reader): an error or a meeting, never a panic that escapes. A panic inside the PDF
//! libraries is caught by `referat_core::pdf` and becomes the file's error, as in the
//! CLI; libFuzzer's own panic hook (which aborts) is replaced so that catch works here too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use referat_core::{ingest::ingest, Vocabulary};
use std::sync::Once;

static QUIET: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let mut bytes = b"%PDF-".to_vec();
    bytes.extend_from_slice(data.strip_prefix(b"%PDF-").unwrap_or(data));
    let _ = ingest(bytes, "fuzz.pdf", Vocabulary::builtin(), true);
});
