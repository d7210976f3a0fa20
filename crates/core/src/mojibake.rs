//! Text that was UTF-8, read once as another code page and saved again: `Regionsr├ądet`,
//! `KÃ¸benhavn`. Portals and PDF tools still produce it, most often in a page's header.
//! The two characters each Danish letter became are put back; they never occur in Danish
//! text on their own.

use std::borrow::Cow;

/// Each letter's UTF-8 bytes as Windows-1252, code page 850, 852 and 437 show them.
const GARBLED: &[(&str, char)] = &[
    ("Ã¦", 'æ'),
    ("├ª", 'æ'),
    ("├Ž", 'æ'),
    ("Ã¸", 'ø'),
    ("├©", 'ø'),
    ("├Ş", 'ø'),
    ("├╕", 'ø'),
    ("Ã¥", 'å'),
    ("├Ñ", 'å'),
    ("├ą", 'å'),
    ("Ã†", 'Æ'),
    ("├å", 'Æ'),
    ("├ć", 'Æ'),
    ("Ã˜", 'Ø'),
    ("├ÿ", 'Ø'),
    ("├ś", 'Ø'),
    ("Ã…", 'Å'),
    ("├à", 'Å'),
    ("├ů", 'Å'),
    ("Ã©", 'é'),
    ("├®", 'é'),
    ("├ę", 'é'),
    ("├⌐", 'é'),
    ("Ã¼", 'ü'),
    ("├╝", 'ü'),
    ("Ã¶", 'ö'),
    ("├Â", 'ö'),
    ("├╢", 'ö'),
    ("Ã¤", 'ä'),
    ("├ñ", 'ä'),
    ("├Ą", 'ä'),
    ("Ã‰", 'É'),
    ("├ë", 'É'),
];

/// `text` with its garbled Danish letters repaired (borrowed when there are none).
pub fn repair(text: &str) -> Cow<'_, str> {
    // Every garbled form starts with `Ã` (U+00C3) or `├` (U+251C): look for their bytes first.
    let suspect = memchr::memmem::find(text.as_bytes(), "Ã".as_bytes()).is_some()
        || memchr::memmem::find(text.as_bytes(), "├".as_bytes()).is_some();
    if !suspect {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (garbled, letter) in GARBLED {
        if out.contains(garbled) {
            out = out.replace(garbled, letter.encode_utf8(&mut [0; 4]));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn garbled_letters_are_put_back() {
        assert_eq!(repair("Regionsr├ądet"), "Regionsrådet");
        assert_eq!(
            repair("KÃ¸benhavns BorgerreprÃ¦sentation"),
            "Københavns Borgerrepræsentation"
        );
        assert_eq!(
            repair("Udvalget for B├╕rn og Unge"),
            "Udvalget for Børn og Unge"
        );
        assert_eq!(repair("Ærø Kommune"), "Ærø Kommune");
        assert_eq!(repair("Tabel ├── række"), "Tabel ├── række");
    }
}
