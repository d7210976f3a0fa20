//! PDF minutes to text, in pure Rust (natively and in the browser's importer).
//!
//! pdf-extract interprets the content streams and fonts (its ToUnicode, CID and Type 1
//! handling is the most complete of the pure-Rust readers measured in BENCHMARKS.md);
//! the words and lines are ours ([`lines`]), and so is the page furniture
//! ([`furniture`]). A panic inside the PDF libraries, on a file they do not expect,
//! is caught natively and becomes that file's error.

mod forms;
mod furniture;
mod glyphs;
mod lines;
mod widths;

pub use glyphs::Glyph;
pub use lines::{lines_of, Line};

use thiserror::Error;

/// Why a PDF gave no text. [`PdfError::in_file`] words it for a named file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PdfError {
    #[error("{}", self.in_file("the PDF"))]
    ImagesOnly,
    #[error("{}", self.in_file("the PDF"))]
    NoText,
    #[error("{}", self.in_file("the PDF"))]
    Encrypted,
    #[error("{}", self.in_file("the PDF"))]
    Damaged(String),
    #[error("{}", self.in_file("the PDF"))]
    Unreadable(String),
}

impl PdfError {
    /// The message for `file`, saying what the user can do about it.
    pub fn in_file(&self, file: &str) -> String {
        match self {
            PdfError::ImagesOnly => {
                format!("no text in `{file}`: the pages are images; run OCR first")
            }
            PdfError::NoText => format!("no text in `{file}`: its pages are empty"),
            PdfError::Encrypted => format!(
                "`{file}` is encrypted with a password: save a copy without one and read that"
            ),
            PdfError::Damaged(why) => format!("`{file}` is a damaged or incomplete PDF: {why}"),
            PdfError::Unreadable(why) => format!("cannot read `{file}` as a PDF: {why}"),
        }
    }
}

/// A PDF's text, ready for the parser.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfText {
    /// Pages end with a form feed, as `pdftotext` writes them; a paragraph's space is a
    /// blank line.
    pub text: String,
    /// The running headers and footers cut from the pages, in page order.
    pub furniture: Vec<String>,
    pub pages: usize,
}

/// Extracts the text of a PDF. `keep` vetoes a repeated line as furniture (a section
/// heading that opens many pages).
pub fn extract(bytes: &[u8], keep: &dyn Fn(&str) -> bool) -> Result<PdfText, PdfError> {
    let pages = page_glyphs(bytes)?;
    let page_count = pages.len();
    let mut pages: Vec<Vec<Line>> = pages.iter().map(|g| lines_of(g)).collect();
    if pages.iter().all(Vec::is_empty) {
        return Err(if has_images(bytes) {
            PdfError::ImagesOnly
        } else {
            PdfError::NoText
        });
    }
    let furniture = furniture::strip(&mut pages, keep);
    let mut text = String::new();
    for page in &pages {
        for line in page {
            if line.gap_before {
                text.push('\n');
            }
            text.push_str(&line.text);
            text.push('\n');
        }
        text.push('\u{c}');
    }
    Ok(PdfText {
        text,
        furniture,
        pages: page_count,
    })
}

/// The glyphs of each page. Catches a panic in the PDF libraries where it can.
pub fn page_glyphs(bytes: &[u8]) -> Result<Vec<Vec<Glyph>>, PdfError> {
    #[cfg(not(target_family = "wasm"))]
    {
        std::panic::catch_unwind(|| read_glyphs(bytes)).unwrap_or_else(|panic| {
            Err(PdfError::Unreadable(format!(
                "the PDF reader failed: {}",
                panic_message(panic.as_ref())
            )))
        })
    }
    #[cfg(target_family = "wasm")]
    {
        read_glyphs(bytes)
    }
}

/// A panic's message (`panic!` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_owned())
}

fn read_glyphs(bytes: &[u8]) -> Result<Vec<Vec<Glyph>>, PdfError> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(load_error)?;
    if doc.is_encrypted() {
        // Many PDFs are encrypted with an empty user password (only to restrict
        // printing or copying); those open as they are.
        doc.decrypt("").map_err(|_| PdfError::Encrypted)?;
    }
    widths::normalise(&mut doc);
    if forms::draw_themselves(&doc) {
        return Err(PdfError::Unreadable(
            "a form on its pages draws itself, without end".into(),
        ));
    }
    let mut collector = glyphs::Collector::default();
    let read = pdf_extract::output_doc(&doc, &mut collector);
    if collector.too_many {
        return Err(PdfError::Unreadable(format!(
            "it draws more than {} characters; no minutes are that long",
            glyphs::MAX_GLYPHS
        )));
    }
    read.map_err(|e| match e {
        pdf_extract::OutputError::PdfError(e) => load_error(e),
        other => PdfError::Unreadable(other.to_string()),
    })?;
    Ok(collector.pages)
}

fn load_error(e: pdf_extract::Error) -> PdfError {
    match e {
        pdf_extract::Error::Decryption(_) | pdf_extract::Error::AlreadyEncrypted => {
            PdfError::Encrypted
        }
        other => PdfError::Damaged(other.to_string()),
    }
}

/// Whether the file draws images: a scanned PDF is pages of images and no text. (An
/// image inside a compressed object stream is not seen; the message then says the
/// pages are empty.)
fn has_images(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"/Subtype/Image").is_some()
        || memchr::memmem::find(bytes, b"/Subtype /Image").is_some()
}
