//! What another thread makes of one part of a packed bundle, for the page's index: each
//! item's folded text and its 1- and 2-byte strings, in a compact form to hand across.
//!
//! The viewer's inflating worker has each part's JSON and a second core. Folding the
//! text and marking its short strings read every byte of it (100 MB at 40,000 items);
//! done there, the page's thread only adds the words. Moving the words too was tried:
//! the worker became the slower side and the two threads did more work in all (see
//! BENCHMARKS.md).

use super::index::folded_text;
use super::short_grams::ShortKeys;
use crate::model::Meeting;

/// Every item of `meetings`, in order, folded and with its short keys, as bytes to hand
/// to the page: the item count, then per item its key count, its keys, its folded text's
/// length and the text (little-endian u32, u32, u16s, u32, bytes).
pub fn encode_folded_part(meetings: &[Meeting]) -> Vec<u8> {
    let items: Vec<_> = meetings.iter().flat_map(|m| &m.items).collect();
    let mut out = Vec::with_capacity(4 + items.len() * 4096);
    out.extend_from_slice(&(items.len() as u32).to_le_bytes());
    let mut short = ShortKeys::new();
    for item in items {
        let text = folded_text(item);
        let keys = short.of(text.as_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
    }
    out
}

/// A part's items folded, with their short keys, as [`encode_folded_part`] wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldedPart {
    keys: Vec<u16>,
    /// Per item, where its keys start in `keys`; one more at the end.
    starts: Vec<u32>,
    /// Per item, its folded text (taken by the index that uses it).
    texts: Vec<String>,
}

impl FoldedPart {
    /// `None` unless `bytes` is exactly what [`encode_folded_part`] writes.
    pub fn decode(bytes: &[u8]) -> Option<FoldedPart> {
        let mut at = 0;
        let u32_at = |at: &mut usize| -> Option<usize> {
            let b = bytes.get(*at..*at + 4)?;
            *at += 4;
            Some(u32::from_le_bytes(b.try_into().ok()?) as usize)
        };
        let items = u32_at(&mut at)?;
        // Every item takes at least eight bytes: a count cannot promise more than are there.
        if items > bytes.len() / 8 {
            return None;
        }
        // At most one key per two bytes: the count alone never reserves more than that.
        let mut keys = Vec::with_capacity((items * 256).min(bytes.len() / 2));
        let mut starts = Vec::with_capacity(items + 1);
        let mut texts = Vec::with_capacity(items);
        for _ in 0..items {
            starts.push(keys.len() as u32);
            let n = u32_at(&mut at)?;
            let body = bytes.get(at..at.checked_add(n.checked_mul(2)?)?)?;
            keys.extend(
                body.chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]])),
            );
            at += body.len();
            let n = u32_at(&mut at)?;
            let text = bytes.get(at..at.checked_add(n)?)?;
            texts.push(String::from_utf8(text.to_vec()).ok()?);
            at += n;
        }
        starts.push(keys.len() as u32);
        (at == bytes.len()).then_some(FoldedPart {
            keys,
            starts,
            texts,
        })
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

    /// Takes item `p`'s folded text (empty after).
    pub(super) fn take_text(&mut self, p: usize) -> String {
        std::mem::take(&mut self.texts[p])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bundle;
    use crate::query::short_grams::short_key;
    use crate::query::SearchIndex;

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
    fn a_part_folded_elsewhere_gives_the_index_its_own_would() {
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
        let folded = FoldedPart::decode(&encode_folded_part(&meetings[1..])).unwrap();
        assert_eq!(folded.len(), 3);
        let mut index = SearchIndex::light(&bundle);
        index.add_text(0, &meetings[0]);
        index.add_texts(1, &meetings[1..], Some(folded.clone()));
        index.finish_text();
        assert_eq!(index.short_grams, whole.short_grams);
        assert_eq!(index.words, whole.words);
        assert_eq!(index.entries, whole.entries, "the same folded text");
        assert!(index.short_grams[short_key(b"oe")].is_some());

        // What is given is used: another item's folding ("økonomi" for "aarhus å") marks
        // its strings; one for another number of items is not used.
        let other = FoldedPart::decode(&encode_folded_part(&[meeting("x", &["Økonomi"])])).unwrap();
        let mut wrong = SearchIndex::light(&bundle);
        wrong.add_texts(2, &meetings[2..], Some(other));
        let k = |s: &[u8]| wrong.short_grams[short_key(s)].is_some();
        assert!(k(b"oe") && !k(b"aa"));
        let mut short = SearchIndex::light(&bundle);
        short.add_texts(2, &meetings[2..], Some(folded));
        let k = |s: &[u8]| short.short_grams[short_key(s)].is_some();
        assert!(!k(b"oe") && k(b"aa"));
    }

    #[test]
    fn damaged_bytes_are_refused() {
        let bytes = encode_folded_part(&[meeting("a", &["ab", "c"])]);
        assert!(FoldedPart::decode(&bytes).is_some());
        assert_eq!(FoldedPart::decode(&bytes[..bytes.len() - 1]), None);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(FoldedPart::decode(&longer), None);
        // An item count past what the bytes could hold.
        let mut lying = bytes.clone();
        lying[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(FoldedPart::decode(&lying), None);
        assert_eq!(FoldedPart::decode(&[]), None);
        // A folded text that is not UTF-8.
        let at = bytes.windows(4).position(|w| w == b"sags").unwrap();
        let mut broken = bytes.clone();
        broken[at] = 0xff;
        assert_eq!(FoldedPart::decode(&broken), None);
    }
}
