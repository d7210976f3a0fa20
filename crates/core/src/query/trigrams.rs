//! The trigram index: which entries can hold a term, from the index alone.

/// Byte codes for trigram slots: letters, digits and common punctuation each have
/// their own; every other byte (those of non-ASCII letters) shares `OTHER`, so a slot
/// holding it stands for several trigrams: a filter then, not an answer. `SPACE` breaks.
const SPACE: u8 = 255;
const OTHER: u8 = 63;
static CODE: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = 1 + b as u8;
        b += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 27 + d as u8;
        d += 1;
    }
    let punct = b"-/.,:;()%&'\"+*!?=_<>[]#@$";
    let mut k = 0;
    while k < punct.len() {
        t[punct[k] as usize] = 37 + k as u8;
        k += 1;
    }
    let space = b" \t\n\r\x0b\x0c";
    let mut k = 0;
    while k < space.len() {
        t[space[k] as usize] = SPACE;
        k += 1;
    }
    t
};
const SLOTS: usize = 1 << 18;

/// The slot of a trigram, and whether it stands for that trigram alone.
fn slot(w: &[u8]) -> Option<(usize, bool)> {
    let (a, b, c) = (
        CODE[usize::from(w[0])],
        CODE[usize::from(w[1])],
        CODE[usize::from(w[2])],
    );
    if a == SPACE || b == SPACE || c == SPACE {
        return None;
    }
    let exact = a != OTHER && b != OTHER && c != OTHER;
    Some((
        (usize::from(a) << 12) | (usize::from(b) << 6) | usize::from(c),
        exact,
    ))
}

/// The entries holding one trigram: a sorted list while few do, a bitset once the
/// list would be the larger.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Postings {
    List(Vec<u32>),
    Bits(Box<[u64]>),
}

const NO_SET: u32 = u32::MAX;

/// Every trigram of folded text (whitespace excluded: terms hold none) with the entries
/// holding it. A term's trigrams give the only entries that can hold the term, exactly
/// enough that a 3-byte term needs no reading at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Trigrams {
    /// Per slot, its set in `sets`, or `NO_SET` when no entry holds it.
    slot_set: Vec<u32>,
    sets: Vec<Postings>,
    /// While adding: a bit per slot, set for the slots of the entry being added, so each
    /// is looked up once per entry (32 KB: the lookups of repeats stay in the cache).
    seen: Vec<u64>,
    /// The slots set in `seen`, to clear them after the entry.
    seen_slots: Vec<u32>,
    /// The number of entries.
    n: usize,
}

impl Trigrams {
    /// No text yet, for `n` entries; [`Trigrams::add`] adds each entry's text.
    pub(super) fn empty(n: usize) -> Trigrams {
        Trigrams {
            slot_set: vec![NO_SET; SLOTS],
            sets: Vec::new(),
            seen: vec![0; SLOTS / 64],
            seen_slots: Vec::new(),
            n,
        }
    }

    /// Adds entry `i`'s folded text. Entries may come in any order, each once.
    pub(super) fn add(&mut self, i: u32, text: &[u8]) {
        let words = self.n.div_ceil(64);
        // The slot of the last three bytes, rolled along (as `slot` computes it), and
        // how many bytes since the last space.
        let (mut key, mut run) = (0usize, 0usize);
        for &b in text {
            let code = CODE[usize::from(b)];
            if code == SPACE {
                run = 0;
                continue;
            }
            key = ((key << 6) | usize::from(code)) & (SLOTS - 1);
            run += 1;
            if run < 3 {
                continue;
            }
            let slot = key;
            let bit = 1u64 << (slot % 64);
            // An entry holds a trigram once however often.
            if self.seen[slot / 64] & bit != 0 {
                continue;
            }
            self.seen[slot / 64] |= bit;
            self.seen_slots.push(slot as u32);
            let id = match self.slot_set[slot] {
                NO_SET => {
                    self.slot_set[slot] = self.sets.len() as u32;
                    self.sets.push(Postings::List(Vec::new()));
                    self.sets.len() - 1
                }
                id => id as usize,
            };
            match &mut self.sets[id] {
                Postings::Bits(bits) => bits[i as usize / 64] |= 1 << (i % 64),
                Postings::List(list) => {
                    list.push(i);
                    // A list of n/32 entries is as large as a bitset.
                    if list.len() * 32 > self.n {
                        let mut bits = vec![0u64; words].into_boxed_slice();
                        for &j in list.iter() {
                            bits[j as usize / 64] |= 1 << (j % 64);
                        }
                        self.sets[id] = Postings::Bits(bits);
                    }
                }
            }
        }
        for slot in self.seen_slots.drain(..) {
            self.seen[slot as usize / 64] = 0;
        }
    }

    /// Frees what only adding needed.
    pub(super) fn finish(&mut self) {
        for set in &mut self.sets {
            if let Postings::List(list) = set {
                list.shrink_to_fit();
            }
        }
        self.seen = Vec::new();
        self.seen_slots = Vec::new();
    }

    /// Clears in the bitset `acc` the entries that cannot hold `term` (3 bytes or more),
    /// and says whether every entry left does hold it (a 3-byte term of known bytes).
    pub(super) fn narrow(&self, term: &[u8], acc: &mut [u64]) -> bool {
        let mut exact = term.len() == 3;
        for w in term.windows(3) {
            let set = slot(w).and_then(|(slot, one)| {
                exact &= one;
                let id = self.slot_set[slot];
                (id != NO_SET).then(|| &self.sets[id as usize])
            });
            match set {
                // A trigram no entry holds: nothing holds the term.
                None => {
                    acc.fill(0);
                    return true;
                }
                Some(Postings::Bits(bits)) => and(acc, bits),
                Some(Postings::List(list)) => {
                    let mut kept = vec![0u64; acc.len()];
                    for &j in list {
                        let (w, bit) = (j as usize / 64, 1u64 << (j % 64));
                        kept[w] |= acc[w] & bit;
                    }
                    acc.copy_from_slice(&kept);
                }
            }
        }
        exact
    }
}

pub(super) fn and(acc: &mut [u64], bits: &[u64]) {
    acc.iter_mut().zip(bits).for_each(|(a, b)| *a &= b);
}
