//! Turning the bytes of a minutes text file into text: UTF-8 (with or without
//! a BOM), else Windows-1252, which PDF tools on Windows still write.

use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("this is a PDF file, not text; extract its text first (e.g. `pdftotext`)")]
    Pdf,
    #[error("byte 0x{byte:02X} at offset {offset} is neither UTF-8 nor Windows-1252 text")]
    Undecodable { byte: u8, offset: usize },
}

/// Decodes a text file. Line ends, NUL bytes and form feeds are left to the parser.
/// Takes the bytes by value: UTF-8 (nearly every file) becomes the text without a copy.
pub fn decode(mut bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    if bytes.starts_with(b"%PDF-") {
        return Err(DecodeError::Pdf);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        return match String::from_utf8(bytes) {
            Ok(s) => Ok((s, Encoding::Utf8Bom)),
            Err(e) => Err(undecodable(e.as_bytes(), e.utf8_error().valid_up_to(), 3)),
        };
    }
    for (bom, enc, encoding) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, Encoding::Utf16Le),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, Encoding::Utf16Be),
    ] {
        if bytes.starts_with(bom) {
            let (text, _, _) = enc.decode(&bytes);
            return Ok((text.into_owned(), encoding));
        }
    }
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `simdutf8` has just checked that `bytes` is valid UTF-8.
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        return Ok((text, Encoding::Utf8));
    }
    // Windows-1252 leaves five bytes undefined; text never contains them.
    if let Some(offset) = bytes
        .iter()
        .position(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
    {
        return Err(undecodable(&bytes, offset, 0));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    Ok((text.into_owned(), Encoding::Windows1252))
}

fn undecodable(bytes: &[u8], offset: usize, shift: usize) -> DecodeError {
    DecodeError::Undecodable {
        byte: bytes.get(offset).copied().unwrap_or(0),
        offset: offset + shift,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_encodings_minutes_come_in() {
        assert_eq!(
            decode("Børne".as_bytes().to_vec()).unwrap(),
            ("Børne".into(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFB\xC3\xB8rne".to_vec()).unwrap(),
            ("Børne".into(), Encoding::Utf8Bom)
        );
        assert_eq!(
            decode(b"B\xF8rne \x96 \xC5ben".to_vec()).unwrap(),
            ("Børne – Åben".into(), Encoding::Windows1252)
        );
        assert_eq!(
            decode(b"\xFF\xFEB\x00\xF8\x00".to_vec()).unwrap(),
            ("Bø".into(), Encoding::Utf16Le)
        );
        assert_eq!(decode(b"%PDF-1.7 ...".to_vec()), Err(DecodeError::Pdf));
        assert_eq!(
            decode(b"ab\x81cd".to_vec()),
            Err(DecodeError::Undecodable {
                byte: 0x81,
                offset: 2
            })
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xFF".to_vec())
                .unwrap_err()
                .to_string(),
            "byte 0xFF at offset 5 is neither UTF-8 nor Windows-1252 text"
        );
    }
}
