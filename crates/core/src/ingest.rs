//! One input file to one meeting: the steps `referat ingest`, `referat explain` and
//! `cargo xtask eval` share, so the accuracy measured is the accuracy users get.

use crate::conserve::lost_words;
use crate::decode::{decode, DecodeError, Encoding};
use crate::model::Meeting;
use crate::parse::{parse_minutes, parse_minutes_traced, Warning, WarningKind};
use crate::vocabulary::Vocabulary;
use thiserror::Error;

/// Why a file gave no meeting. Each message names the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IngestError {
    #[error("cannot decode `{file}`: {error}")]
    Decode { file: String, error: DecodeError },
    #[cfg(feature = "pdf")]
    #[error("{}", .error.in_file(.file))]
    Pdf {
        file: String,
        error: crate::pdf::PdfError,
    },
}

/// What kind of document the bytes held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Plain text: a portal page copied as text, or text extracted from a PDF.
    Text,
    /// A portal page saved from a browser.
    Html,
    /// A PDF, read with [`crate::pdf`].
    Pdf,
}

/// One file's result.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// `None` for a file with no text at all: an empty meeting helps nobody.
    pub meeting: Option<Meeting>,
    pub warnings: Vec<Warning>,
    pub encoding: Encoding,
    pub kind: InputKind,
    /// The text the parser read (for HTML, the page's text), for `explain` and the check.
    pub text: String,
    /// Words of the text that are nowhere in the meeting (empty when not checked).
    pub lost: Vec<String>,
    /// Each line's class, when asked for ([`ingest_traced`]).
    pub trace: Vec<crate::parse::TraceLine>,
}

/// What is worth telling about a file that was read: its warnings, an unusual encoding,
/// and words of it that are not in the meeting (as `referat ingest` prints them).
pub fn notes(warnings: &[Warning], encoding: Encoding, lost: &[String]) -> Vec<String> {
    let mut notes: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    if encoding == Encoding::Windows1252 {
        notes.push("read as Windows-1252".into());
    }
    if !lost.is_empty() {
        let sample: Vec<&str> = lost.iter().take(10).map(String::as_str).collect();
        notes.push(format!(
            "{} word(s) not in the bundle: {}",
            lost.len(),
            sample.join(", ")
        ));
    }
    notes
}

/// One file read by the viewer's importer, as its worker hands it to the page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileReport {
    pub name: String,
    pub meeting: Option<Meeting>,
    /// The file's warnings, as [`notes`] words them.
    pub notes: Vec<String>,
    /// Why the file gave no meeting (a scanned PDF, bytes that are no text).
    pub error: Option<String>,
}

/// Reads one file for the importer: [`ingest`] with the word check, as a [`FileReport`].
pub fn report(bytes: Vec<u8>, name: &str, vocabulary: &Vocabulary) -> FileReport {
    match ingest(bytes, name, vocabulary, true) {
        Ok(got) => FileReport {
            name: name.to_owned(),
            notes: notes(&got.warnings, got.encoding, &got.lost),
            meeting: got.meeting,
            error: None,
        },
        Err(e) => FileReport {
            name: name.to_owned(),
            meeting: None,
            notes: Vec::new(),
            error: Some(e.to_string()),
        },
    }
}

/// Whether `name` and the first bytes say HTML: the extension, or a doctype or `<html`
/// at the start (a page saved as `.txt`).
pub fn looks_like_html(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let head = &bytes[..bytes.len().min(512)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Decodes, extracts (HTML), parses and checks one file. `source` names it in the bundle.
pub fn ingest(
    bytes: Vec<u8>,
    source: &str,
    vocabulary: &Vocabulary,
    check: bool,
) -> Result<Ingested, IngestError> {
    read(bytes, source, vocabulary, check, false)
}

/// [`ingest`] with the check, and each line's class in `trace` (for `referat explain`).
pub fn ingest_traced(
    bytes: Vec<u8>,
    source: &str,
    vocabulary: &Vocabulary,
) -> Result<Ingested, IngestError> {
    read(bytes, source, vocabulary, true, true)
}

fn read(
    bytes: Vec<u8>,
    source: &str,
    vocabulary: &Vocabulary,
    check: bool,
    traced: bool,
) -> Result<Ingested, IngestError> {
    #[cfg(feature = "pdf")]
    if looks_like_pdf(source, &bytes) {
        return read_pdf(&bytes, source, vocabulary, check, traced);
    }
    let kind = if looks_like_html(source, &bytes) {
        InputKind::Html
    } else {
        InputKind::Text
    };
    let (decoded, encoding) = decode(bytes).map_err(|error| IngestError::Decode {
        file: source.to_owned(),
        error,
    })?;
    let text = match kind {
        #[cfg(feature = "html")]
        InputKind::Html => crate::html::text_of(&decoded),
        #[cfg(not(feature = "html"))]
        InputKind::Html => decoded,
        InputKind::Text | InputKind::Pdf => decoded,
    };
    let text = match crate::mojibake::repair(&text) {
        std::borrow::Cow::Owned(repaired) => repaired,
        std::borrow::Cow::Borrowed(_) => text,
    };
    let read = Read {
        text,
        furniture: Vec::new(),
        encoding,
        kind,
    };
    Ok(finish(read, source, vocabulary, check, traced))
}

/// Whether the bytes are a PDF: they start with its header, or, for a file named
/// `.pdf`, have it within the first kilobyte (some tools write a line before it; a text
/// that only mentions `%PDF-` stays a text).
pub fn looks_like_pdf(name: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
        || (name.to_ascii_lowercase().ends_with(".pdf")
            && memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some())
}

#[cfg(feature = "pdf")]
fn read_pdf(
    bytes: &[u8],
    source: &str,
    vocabulary: &Vocabulary,
    check: bool,
    traced: bool,
) -> Result<Ingested, IngestError> {
    let keep = |line: &str| vocabulary.is_heading_line(line);
    let pdf = crate::pdf::extract(bytes, &keep).map_err(|error| IngestError::Pdf {
        file: source.to_owned(),
        error,
    })?;
    let read = Read {
        text: pdf.text,
        furniture: pdf.furniture,
        encoding: Encoding::Utf8,
        kind: InputKind::Pdf,
    };
    Ok(finish(read, source, vocabulary, check, traced))
}

/// A file's text as the parser will read it.
struct Read {
    text: String,
    /// Page furniture cut from the text before (a PDF's running headers): kept on the
    /// meeting and known to the word check.
    furniture: Vec<String>,
    encoding: Encoding,
    kind: InputKind,
}

/// Parses the text and checks it.
fn finish(
    read: Read,
    source: &str,
    vocabulary: &Vocabulary,
    check: bool,
    traced: bool,
) -> Ingested {
    let Read {
        text,
        furniture,
        encoding,
        kind,
    } = read;
    if text.trim().is_empty() {
        return Ingested {
            meeting: None,
            warnings: vec![Warning {
                item: None,
                kind: WarningKind::Empty,
            }],
            encoding,
            kind,
            text,
            lost: Vec::new(),
            trace: Vec::new(),
        };
    }
    let mut parsed = if traced {
        parse_minutes_traced(&text, source, vocabulary)
    } else {
        parse_minutes(&text, source, vocabulary)
    };
    // The check reads the furniture too (only a PDF has any, so only a PDF's text is copied).
    let checked = (check && !furniture.is_empty()).then(|| furniture.join("\n") + "\n" + &text);
    parsed.meeting.furniture.extend(furniture);
    let lost = if check {
        lost_words(checked.as_deref().unwrap_or(&text), &parsed.meeting)
    } else {
        Vec::new()
    };
    Ingested {
        meeting: Some(parsed.meeting),
        warnings: parsed.warnings,
        encoding,
        kind,
        text,
        lost,
        trace: parsed.trace,
    }
}
