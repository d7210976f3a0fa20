//! The 1- and 2-byte strings of each entry's folded text (the index's `short_grams`),
//! and a compact form of them that another thread can compute for a part of a packed
//! bundle.
//!
//! Marking them is nearly half the work of indexing text (every byte of 100 MB at
//! 40,000 items), and it needs nothing but the text. The viewer's inflating worker does
//! it for each part it inflates, on the second core, while the page adds the words.

use super::index::folded_text;
use crate::model::Meeting;

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

/// The short keys of every item of `meetings`, in order, as bytes to hand to the page:
/// the item count, then per item its key count and keys (little-endian u32, u32, u16s).
pub fn encode_part_keys(meetings: &[Meeting]) -> Vec<u8> {
    let items: Vec<_> = meetings.iter().flat_map(|m| &m.items).collect();
    let mut out = Vec::with_capacity(4 + items.len() * 512);
    out.extend_from_slice(&(items.len() as u32).to_le_bytes());
    let mut short = ShortKeys::new();
    for item in items {
        let keys = short.of(folded_text(item).as_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
    }
    out
}

/// A part's short keys as [`encode_part_keys`] wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartKeys {
    keys: Vec<u16>,
    /// Per item, where its keys start in `keys`; one more at the end.
    starts: Vec<u32>,
}

impl PartKeys {
    /// `None` unless `bytes` is exactly what [`encode_part_keys`] writes.
    pub fn decode(bytes: &[u8]) -> Option<PartKeys> {
        let mut at = 0;
        let u32_at = |at: &mut usize| -> Option<usize> {
            let b = bytes.get(*at..*at + 4)?;
            *at += 4;
            Some(u32::from_le_bytes(b.try_into().ok()?) as usize)
        };
        let items = u32_at(&mut at)?;
        // Every item takes at least four bytes: a count cannot promise more than are there.
        if items > bytes.len() / 4 {
            return None;
        }
        let mut keys = Vec::with_capacity((bytes.len() - 4 - 4 * items) / 2);
        let mut starts = Vec::with_capacity(items + 1);
        for _ in 0..items {
            starts.push(keys.len() as u32);
            let n = u32_at(&mut at)?;
            let body = bytes.get(at..at.checked_add(n.checked_mul(2)?)?)?;
            keys.extend(
                body.chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]])),
            );
            at += body.len();
        }
        starts.push(keys.len() as u32);
        (at == bytes.len()).then_some(PartKeys { keys, starts })
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `p`'s keys (`p` counts the part's items in order).
    pub(super) fn item(&self, p: usize) -> &[u16] {
        &self.keys[self.starts[p] as usize..self.starts[p + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bundle;
    use crate::query::SearchIndex;

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

    fn meeting(id: &str, texts: &[&str]) -> Meeting {
        let items: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(k, t)| {
                serde_json::json!({
                    "id": format!("{id}-{k}"), "number": k + 1, "title": t,
                    "case_number": format!("2{k}/1"), "access": "open", "outcome": "approved",
                    "sections": [{"heading": "Sagsfremstilling", "text": format!("{t} i {id}")}]
                })
            })
            .collect();
        serde_json::from_value(serde_json::json!({
            "id": id, "committee": "Byrådet", "date": "2025-03-03", "items": items, "source": "x.txt"
        }))
        .unwrap()
    }

    #[test]
    fn keys_made_elsewhere_give_the_index_its_own_would() {
        let meetings = vec![
            meeting("a", &["Budget 2026", "Skoler og dagtilbud"]),
            meeting("b", &["Økonomi", ""]),
            meeting("c", &["Aarhus Å"]),
        ];
        let bundle = Bundle {
            format: "referat-bundle".into(),
            version: 1,
            title: "Prøve".into(),
            generated: "2025-01-01T00:00:00Z".into(),
            meetings: meetings.clone(),
            committees: Default::default(),
        };
        let whole = SearchIndex::new(&bundle);
        let keys = PartKeys::decode(&encode_part_keys(&meetings[1..])).unwrap();
        assert_eq!(keys.len(), 3);
        let mut index = SearchIndex::light(&bundle);
        index.add_text(0, &meetings[0]);
        index.add_texts(1, &meetings[1..], Some(&keys));
        index.finish_text();
        assert_eq!(index.short_grams, whole.short_grams);
        assert_eq!(index.words, whole.words);
        assert!(index.short_grams[short_key(b"oe")].is_some());

        // The keys given are the ones used: another item's keys ("økonomi" for "aarhus å")
        // mark its strings; keys for another number of items are not used.
        let other = PartKeys::decode(&encode_part_keys(&[meeting("x", &["Økonomi"])])).unwrap();
        let mut wrong = SearchIndex::light(&bundle);
        wrong.add_texts(2, &meetings[2..], Some(&other));
        let k = |s: &[u8]| wrong.short_grams[short_key(s)].is_some();
        assert!(k(b"oe") && !k(b"aa"));
        let mut short = SearchIndex::light(&bundle);
        short.add_texts(2, &meetings[2..], Some(&keys));
        let k = |s: &[u8]| short.short_grams[short_key(s)].is_some();
        assert!(!k(b"oe") && k(b"aa"));
    }

    #[test]
    fn damaged_keys_are_refused() {
        let bytes = encode_part_keys(&[meeting("a", &["ab", "c"])]);
        assert!(PartKeys::decode(&bytes).is_some());
        assert_eq!(PartKeys::decode(&bytes[..bytes.len() - 1]), None);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(PartKeys::decode(&longer), None);
        // An item count past what the bytes could hold.
        let mut lying = bytes.clone();
        lying[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(PartKeys::decode(&lying), None);
        assert_eq!(PartKeys::decode(&[]), None);
    }
}
