//! Words as the check counts them, and a fast set of them.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// An Fx-style hasher (8 bytes per step): SipHash showed up in the ingest profile,
/// and these keys are the input's own words, not attacker-chosen table keys.
#[derive(Default)]
pub(super) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}

pub(super) type Fast = BuildHasherDefault<WordHasher>;

/// A set of lower-cased words. Words of up to 16 bytes (nearly all Danish
/// words) are packed into a `u128`, so checking one needs no allocation.
#[derive(Default)]
pub(super) struct WordSet {
    short: HashSet<u128, Fast>,
    long: HashSet<String, Fast>,
}

enum Key {
    Short(u128),
    Long(String),
}

/// Lower-cases `word` straight into a `u128` when it fits: one pass, no allocation.
fn key(word: &str) -> Key {
    let mut buf = [0u8; 16];
    let mut len = 0;
    for c in word.chars() {
        let mut push = |c: char| {
            let mut utf8 = [0u8; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            if let Some(slot) = buf.get_mut(len..len + bytes.len()) {
                slot.copy_from_slice(bytes);
            }
            len += bytes.len();
        };
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else if c.is_uppercase() {
            c.to_lowercase().for_each(&mut push);
        } else {
            push(c);
        }
    }
    if len <= 16 {
        // Words hold no NUL bytes, so zero padding cannot make two words equal.
        Key::Short(u128::from_le_bytes(buf))
    } else {
        Key::Long(word.to_lowercase())
    }
}

impl WordSet {
    pub(super) fn insert(&mut self, word: &str) -> bool {
        match key(word) {
            Key::Short(k) => self.short.insert(k),
            Key::Long(k) => self.long.insert(k),
        }
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        match key(word) {
            Key::Short(k) => self.short.contains(&k),
            Key::Long(k) => self.long.contains(&k),
        }
    }
}

/// Runs of letters and digits. Scans bytes, decoding only non-ASCII characters:
/// this runs over every word of the input and of the output.
pub(super) fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

pub(super) struct Words<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
}

/// Byte classes for the tokenizer: 0 ends a word, 1 is an ASCII letter or digit,
/// 2 starts a multi-byte character that must be looked at.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b >= 0x80 {
            2
        } else if (b as u8).is_ascii_alphanumeric() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether the multi-byte character starting at byte `i` is a letter or digit, and its
/// length. The Latin-1 letters (`æ`, `ø`, `å`, `é`, …) are decided from their bytes.
fn wide_word_char(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    if bytes[i] == 0xC3 {
        // U+00C0..=U+00FF: all letters but `×` (C3 97) and `÷` (C3 B7).
        let c = bytes[i + 1];
        return (c != 0x97 && c != 0xB7, 2);
    }
    let c = text[i..].chars().next().expect("i is a char boundary");
    (c.is_alphanumeric(), c.len_utf8())
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.pos;
        let start = loop {
            let Some(&b) = bytes.get(i) else {
                self.pos = i;
                return None;
            };
            match CLASS[usize::from(b)] {
                0 => i += 1,
                1 => break i,
                _ => match wide_word_char(text, i) {
                    (true, _) => break i,
                    (false, n) => i += n,
                },
            }
        };
        while let Some(&b) = bytes.get(i) {
            match CLASS[usize::from(b)] {
                0 => break,
                1 => i += 1,
                _ => match wide_word_char(text, i) {
                    (true, n) => i += n,
                    (false, _) => break,
                },
            }
        }
        self.pos = i;
        Some(&text[start..i])
    }
}

/// Where the first letter or digit at or after byte `i` is.
pub(super) fn skip_non_word(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        match CLASS[usize::from(b)] {
            0 => i += 1,
            1 => break,
            _ => match wide_word_char(text, i) {
                (true, _) => break,
                (false, n) => i += n,
            },
        }
    }
    i
}

pub(super) fn is_word_char_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) => match CLASS[usize::from(b)] {
            0 => false,
            1 => true,
            _ => wide_word_char(text, i).0,
        },
    }
}
