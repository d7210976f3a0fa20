//! The 1- and 2-byte strings of each entry's folded text (the index's `short_grams`).
//!
//! Marking them reads every byte of text (100 MB at 40,000 items) and needs nothing but
//! the text: for a packed bundle, the viewer's inflating worker finds them
//! (`super::folded_part`).

/// The `short_grams` slot of a 1- or 2-byte term (a 1-byte term is padded with 0).
pub(super) fn short_key(term: &[u8]) -> usize {
    usize::from(term[0]) << 8 | usize::from(term.get(1).copied().unwrap_or(0))
}

/// Finds the distinct short strings of one text at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ShortKeys {
    /// A bit per key of the text last read (8 KB, so it stays in the cache).
    seen: Vec<u64>,
    keys: Vec<u16>,
}

impl ShortKeys {
    pub(super) fn new() -> ShortKeys {
        ShortKeys {
            seen: vec![0; (1 << 16) / 64],
            keys: Vec::new(),
        }
    }

    /// One that holds nothing, for an index whose text is all in (it is made again if
    /// text is added after all).
    pub(super) fn empty() -> ShortKeys {
        ShortKeys {
            seen: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// Every byte of `text` alone, and with the byte before it, where neither is
    /// whitespace: each key once, in the order first met. Always inlined: the viewer is
    /// built for size, and as calls this loop over every byte made its load 20–40 % slower.
    #[inline(always)]
    pub(super) fn of(&mut self, text: &[u8]) -> &[u16] {
        if self.seen.is_empty() {
            *self = ShortKeys::new();
        }
        let ShortKeys { seen, keys } = self;
        for &k in keys.iter() {
            seen[usize::from(k) / 64] = 0;
        }
        keys.clear();
        let mut prev: Option<u8> = None;
        for &b in text {
            if b.is_ascii_whitespace() {
                prev = None;
                continue;
            }
            mark(seen, keys, usize::from(b) << 8);
            if let Some(p) = prev {
                mark(seen, keys, usize::from(p) << 8 | usize::from(b));
            }
            prev = Some(b);
        }
        keys
    }
}

/// Notes `key` in `keys` unless `seen` has it.
#[inline(always)]
fn mark(seen: &mut [u64], keys: &mut Vec<u16>, key: usize) {
    let bit = 1u64 << (key % 64);
    if seen[key / 64] & bit == 0 {
        seen[key / 64] |= bit;
        keys.push(key as u16);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_of(text: &str) -> Vec<String> {
        let mut short = ShortKeys::new();
        let mut got: Vec<String> = short
            .of(text.as_bytes())
            .iter()
            .map(|&k| {
                let (a, b) = ((k >> 8) as u8, k as u8);
                if b == 0 {
                    (a as char).to_string()
                } else {
                    format!("{}{}", a as char, b as char)
                }
            })
            .collect();
        got.sort();
        got
    }

    #[test]
    fn each_short_string_once_and_none_across_whitespace() {
        assert_eq!(
            keys_of("abab b\nc"),
            ["a", "ab", "b", "ba", "c"].map(String::from)
        );
        // The next text starts from nothing.
        assert_eq!(keys_of("x"), ["x"].map(String::from));
        assert!(keys_of(" \n\t").is_empty());
    }
}
