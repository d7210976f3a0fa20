//! The word index: every word of folded text (a run of bytes between whitespace) once,
//! with the entries holding it.
//!
//! A search term holds no whitespace, so it occurs in an entry's text exactly when it
//! occurs in one of that entry's words. Looked for in the distinct words (a few MB)
//! instead of in every entry's text (at 400,000 items, 190 MB to read for one keystroke),
//! every term is answered exactly and no entry's text is read.

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// The entries holding one word. Most words are in one entry (numbers, names, case
/// numbers), so that needs no allocation; a list while few hold it, and a bitset once
/// the list would be the larger.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Postings {
    One(u32),
    List(Vec<u32>),
    Bits(Box<[u64]>),
}

#[derive(Debug, Clone)]
pub(super) struct Words {
    /// Every distinct word, each followed by a newline, in the order first seen: the
    /// text a term is looked for in.
    text: Vec<u8>,
    /// Per word: where it starts in `text`.
    starts: Vec<u32>,
    /// Per word: the entries holding it.
    postings: Vec<Postings>,
    /// While adding: the words by content, as their numbers (their bytes are in `text`).
    table: HashTable<u32>,
    /// The number of entries.
    n: usize,
}

/// Equal when they hold the same words for the same entries (the lookup table follows).
impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.text == other.text
            && self.starts == other.starts
            && self.postings == other.postings
            && self.n == other.n
    }
}

impl Eq for Words {}

/// Word `id`'s bytes.
fn word<'a>(text: &'a [u8], starts: &[u32], id: u32) -> &'a [u8] {
    let start = starts[id as usize] as usize;
    let end = starts
        .get(id as usize + 1)
        .map_or(text.len(), |&s| s as usize)
        - 1;
    &text[start..end]
}

impl Words {
    /// No words yet, for `n` entries.
    pub(super) fn empty(n: usize) -> Words {
        Words {
            text: Vec::new(),
            starts: Vec::new(),
            postings: Vec::new(),
            table: HashTable::new(),
            n,
        }
    }

    /// The number of distinct words so far: words are only ever added, so a term's words
    /// found among the first `len()` stay right, and later ones are found from there.
    pub(super) fn len(&self) -> usize {
        self.starts.len()
    }

    /// Adds the words of entry `i`'s folded text. Entries may come in any order, each once.
    pub(super) fn add(&mut self, i: u32, text: &[u8]) {
        let Words {
            text: all,
            starts,
            postings,
            table,
            n,
        } = self;
        if table.is_empty() && !starts.is_empty() {
            // Added to after `finish`: look the words up again.
            for id in 0..starts.len() as u32 {
                let hash = FxBuildHasher.hash_one(word(all, starts, id));
                table.insert_unique(hash, id, |&id| {
                    FxBuildHasher.hash_one(word(all, starts, id))
                });
            }
        }
        for w in text
            .split(u8::is_ascii_whitespace)
            .filter(|w| !w.is_empty())
        {
            let hash = FxBuildHasher.hash_one(w);
            let id = match table.find(hash, |&id| word(all, starts, id) == w) {
                Some(&id) => id,
                None => {
                    let id = starts.len() as u32;
                    starts.push(all.len() as u32);
                    all.extend_from_slice(w);
                    all.push(b'\n');
                    postings.push(Postings::One(i));
                    table.insert_unique(hash, id, |&id| {
                        FxBuildHasher.hash_one(word(all, starts, id))
                    });
                    id
                }
            };
            let p = &mut postings[id as usize];
            match p {
                Postings::One(j) if *j == i => {}
                Postings::One(j) => *p = Postings::List(vec![*j, i]),
                // An entry's words are added together: a repeat is the last one.
                Postings::List(list) if list.last() == Some(&i) => {}
                Postings::List(list) => {
                    list.push(i);
                    // A list of n/32 entries is as large as a bitset.
                    if list.len() * 32 > *n {
                        let mut bits = vec![0u64; n.div_ceil(64)].into_boxed_slice();
                        for &j in list.iter() {
                            bits[j as usize / 64] |= 1 << (j % 64);
                        }
                        *p = Postings::Bits(bits);
                    }
                }
                Postings::Bits(bits) => bits[i as usize / 64] |= 1 << (i % 64),
            }
        }
    }

    /// Frees what only adding needed.
    pub(super) fn finish(&mut self) {
        for p in &mut self.postings {
            if let Postings::List(list) = p {
                list.shrink_to_fit();
            }
        }
        self.table = HashTable::new();
    }

    /// The words holding `finder`'s term: those of `among` that do, then any from word
    /// `from` on. `among` holds a shorter term's words that the term contains, or nothing.
    pub(super) fn containing(
        &self,
        finder: &memchr::memmem::Finder<'_>,
        among: &[u32],
        from: usize,
    ) -> Vec<u32> {
        let mut out: Vec<u32> = among
            .iter()
            .copied()
            .filter(|&id| finder.find(word(&self.text, &self.starts, id)).is_some())
            .collect();
        let Some(&start) = self.starts.get(from) else {
            return out;
        };
        let mut pos = start as usize;
        // A term holds no newline, so a match lies within one word; the next is looked
        // for from the word after it.
        while let Some(k) = finder.find(&self.text[pos..]) {
            let id = self.starts.partition_point(|&s| s as usize <= pos + k) - 1;
            out.push(id as u32);
            match self.starts.get(id + 1) {
                Some(&next) => pos = next as usize,
                None => break,
            }
        }
        out
    }

    /// Clears in the bitset `acc` the entries holding none of the words `ids`.
    pub(super) fn narrow(&self, ids: &[u32], acc: &mut [u64]) {
        let mut any = vec![0u64; acc.len()];
        for &id in ids {
            match &self.postings[id as usize] {
                Postings::One(j) => any[*j as usize / 64] |= 1 << (j % 64),
                Postings::List(list) => {
                    for &j in list {
                        any[j as usize / 64] |= 1 << (j % 64);
                    }
                }
                Postings::Bits(bits) => any.iter_mut().zip(bits.iter()).for_each(|(a, b)| *a |= b),
            }
        }
        acc.iter_mut().zip(&any).for_each(|(a, b)| *a &= b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder(t: &str) -> memchr::memmem::Finder<'_> {
        memchr::memmem::Finder::new(t.as_bytes())
    }

    fn entries(w: &Words, ids: &[u32]) -> Vec<usize> {
        let mut acc = vec![!0u64; w.n.div_ceil(64)];
        w.narrow(ids, &mut acc);
        (0..w.n)
            .filter(|&i| acc[i / 64] & 1 << (i % 64) != 0)
            .collect()
    }

    #[test]
    fn finds_terms_inside_words_and_never_across_them() {
        let mut w = Words::empty(3);
        w.add(2, b"budget for skoler\nbudgettet");
        w.add(0, b"skolebudget  budget");
        w.add(1, b"get bud");
        assert_eq!(w.len(), 7, "each distinct word once");
        let budg = w.containing(&finder("budg"), &[], 0);
        assert_eq!(budg.len(), 3, "budget, budgettet, skolebudget");
        assert_eq!(entries(&w, &budg), vec![0, 2]);
        // "bud get" spans two words in entry 1: no match there.
        assert_eq!(
            entries(&w, &w.containing(&finder("budget"), &[], 0)),
            vec![0, 2]
        );
        assert_eq!(
            entries(&w, &w.containing(&finder("bud"), &[], 0)),
            vec![0, 1, 2]
        );
        assert_eq!(
            entries(&w, &w.containing(&finder("dget"), &[], 0)),
            vec![0, 2]
        );
        assert_eq!(
            entries(&w, &w.containing(&finder("get"), &[], 0)),
            vec![0, 1, 2]
        );
        assert_eq!(
            entries(&w, &w.containing(&finder("xyz"), &[], 0)),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn narrows_a_shorter_terms_words_and_reads_only_newer_ones() {
        let mut w = Words::empty(2);
        w.add(0, b"skole skat");
        let sk = w.containing(&finder("sk"), &[], 0);
        assert_eq!(sk, vec![0, 1]);
        let known = w.len();
        w.add(1, b"skolen skat");
        // "skolen" is new: found from `known` on; "skole" among the shorter term's.
        let skol = w.containing(&finder("skol"), &sk, known);
        assert_eq!(skol, vec![0, 2]);
        assert_eq!(entries(&w, &skol), vec![0, 1]);
    }

    #[test]
    fn keeps_one_entry_a_word_however_often_and_turns_common_words_to_bits() {
        let n = 64;
        let mut w = Words::empty(n);
        for i in 0..n as u32 {
            w.add(i, b"og og og");
        }
        w.add(5, b"sjaelden sjaelden");
        assert!(matches!(w.postings[0], Postings::Bits(_)));
        assert_eq!(w.postings[1], Postings::One(5));
        assert_eq!(entries(&w, &[0]).len(), n);
        w.finish();
        // Added to after finishing: the words are looked up again, not doubled.
        let before = w.len();
        w.add(7, b"sjaelden ny");
        assert_eq!(w.len(), before + 1);
        assert_eq!(w.postings[1], Postings::List(vec![5, 7]));
    }
}
