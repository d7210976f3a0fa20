//! Where recent search terms were found, so the next keystroke reads less.

/// Where each recent search term first occurs in each entry's folded text, kept between
/// queries: a term typed one letter longer is looked for only from where the shorter
/// one was found (or not at all where it was absent), and erasing reads nothing.
/// Offsets belong to one `SearchIndex`: used with another, the cache starts over.
#[derive(Debug, Default)]
pub struct TermCache {
    /// The `SearchIndex::id` the offsets belong to.
    pub(super) index: Option<u64>,
    /// Most recently used first.
    pub(super) levels: Vec<Level>,
}

#[derive(Debug)]
pub(super) struct Level {
    pub(super) term: String,
    /// Per entry, packed: the first match's byte offset (or `ABSENT`, `UNKNOWN`) in the
    /// low half, and the four bytes after that match in the high half, so a term typed a
    /// letter longer is mostly confirmed without reading the text again (at 400,000 items
    /// that reading, one cache miss an item, took longer than a frame).
    pub(super) first: Vec<u64>,
    /// Entries before this one have been read ahead (`super::read_ahead`).
    pub(super) ahead: usize,
}

const ABSENT: u32 = u32::MAX;
const UNKNOWN: u32 = u32::MAX - 1;
/// After a match: past the end of the text, and not known. Neither byte occurs in UTF-8.
const END: u8 = 0xFF;
const UNSEEN: u8 = 0xFE;
const UNKNOWN_ENTRY: u64 = UNKNOWN as u64 | (u32::from_le_bytes([UNSEEN; 4]) as u64) << 32;
const ABSENT_ENTRY: u64 = ABSENT as u64 | (u32::from_le_bytes([UNSEEN; 4]) as u64) << 32;
/// Terms remembered (each costs 8 bytes an entry: 320 KB at 40,000 items).
const LEVELS: usize = 12;

/// One term's first-match offsets for this query, and the nearest shorter term's.
pub(super) struct Lookup {
    pub(super) level: Level,
    /// Index in the cache of a remembered term that `level.term` starts with.
    pub(super) parent: Option<usize>,
}

impl Level {
    fn new(term: &str, entries: usize) -> Level {
        Level {
            term: term.to_string(),
            first: vec![UNKNOWN_ENTRY; entries],
            ahead: 0,
        }
    }
}

impl TermCache {
    /// Starts over when used with another index than the one its offsets belong to.
    pub(super) fn follow(&mut self, index: u64) {
        if self.index != Some(index) {
            *self = TermCache {
                index: Some(index),
                levels: Vec::new(),
            };
        }
    }

    /// Takes out the level of `term` (made fresh where not remembered), with no parent.
    pub(super) fn take(&mut self, term: &str, entries: usize) -> Lookup {
        let level = match self.levels.iter().position(|l| l.term == term) {
            Some(k) => self.levels.remove(k),
            None => Level::new(term, entries),
        };
        Lookup {
            level,
            parent: None,
        }
    }

    /// Takes out the levels of `terms` (`None` where not wanted), made fresh where not
    /// remembered, each with its parent among the levels left.
    pub(super) fn lookups(
        &mut self,
        terms: &[Option<&str>],
        entries: usize,
    ) -> Vec<Option<Lookup>> {
        let levels: Vec<Option<Level>> = terms
            .iter()
            .map(|t| {
                let t = (*t)?;
                Some(match self.levels.iter().position(|l| l.term == t) {
                    Some(k) => self.levels.remove(k),
                    None => Level::new(t, entries),
                })
            })
            .collect();
        levels
            .into_iter()
            .map(|level| {
                let level = level?;
                let parent = self
                    .levels
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| {
                        level.term.starts_with(l.term.as_str()) && l.term.len() < level.term.len()
                    })
                    .max_by_key(|(_, l)| l.term.len())
                    .map(|(k, _)| k);
                Some(Lookup { level, parent })
            })
            .collect()
    }

    pub(super) fn keep(&mut self, lookups: Vec<Lookup>) {
        for l in lookups {
            self.levels.insert(0, l.level);
        }
        self.levels.truncate(LEVELS);
    }
}

/// Where `finder`'s term first occurs in entry `i`'s text, remembered in `look`.
pub(super) fn first_match(
    all: &[u8],
    finder: &memchr::memmem::Finder<'_>,
    look: &mut Lookup,
    parents: &[Level],
    i: usize,
) -> Option<usize> {
    match offset(look.level.first[i]) {
        ABSENT => return None,
        UNKNOWN => {}
        at => return Some(at as usize),
    }
    // The term starts with the parent's, so it cannot occur before the parent does.
    let from = match look.parent.map(|p| (&parents[p], parents[p].first[i])) {
        None => 0,
        Some((parent, seen)) => match offset(seen) {
            ABSENT => {
                look.level.first[i] = ABSENT_ENTRY;
                return None;
            }
            UNKNOWN => 0,
            at => {
                let added = &look.level.term.as_bytes()[parent.term.len()..];
                match extends(after(seen), added) {
                    // The parent's first match goes on with the letters added: no reading.
                    Some((true, rest)) => {
                        look.level.first[i] = pack(at, rest);
                        return Some(at as usize);
                    }
                    // It goes on otherwise: the term is later, if anywhere.
                    Some((false, _)) => at as usize + 1,
                    // Not known that far: read from the parent's match.
                    None => at as usize,
                }
            }
        },
    };
    let found = finder.find(&all[from..]).map(|k| from + k);
    look.level.first[i] = match found {
        Some(at) => pack(at as u32, after_at(all, at + look.level.term.len())),
        None => ABSENT_ENTRY,
    };
    found
}

/// Whether the bytes known after a match begin with `added`: `Some((true, what is known
/// after those))`, `Some((false, _))` where a known byte differs, `None` where too few are known.
fn extends(known: [u8; 4], added: &[u8]) -> Option<(bool, [u8; 4])> {
    for (k, &b) in added.iter().enumerate() {
        match known.get(k) {
            None | Some(&UNSEEN) => return None,
            Some(&seen) if seen != b => return Some((false, known)),
            Some(_) => {}
        }
    }
    let mut rest = [UNSEEN; 4];
    let n = 4 - added.len();
    rest[..n].copy_from_slice(&known[added.len()..]);
    Some((true, rest))
}

/// The four bytes from `end` (`END` past the text).
fn after_at(all: &[u8], end: usize) -> [u8; 4] {
    std::array::from_fn(|k| all.get(end + k).copied().unwrap_or(END))
}

fn pack(at: u32, after: [u8; 4]) -> u64 {
    u64::from(at) | u64::from(u32::from_le_bytes(after)) << 32
}

fn offset(entry: u64) -> u32 {
    entry as u32
}

fn after(entry: u64) -> [u8; 4] {
    ((entry >> 32) as u32).to_le_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use memchr::memmem::Finder;

    /// The lookup of `term` in one entry, with `parent` as a level found in `text`.
    fn level(term: &str, text: &[u8]) -> Level {
        let mut look = Lookup {
            level: Level::new(term, 1),
            parent: None,
        };
        first_match(text, &Finder::new(term), &mut look, &[], 0);
        look.level
    }

    fn extend(term: &str, parent: &Level, text: &[u8]) -> (Option<usize>, u64) {
        let mut look = Lookup {
            level: Level::new(term, 1),
            parent: Some(0),
        };
        let got = first_match(
            text,
            &Finder::new(term),
            &mut look,
            std::slice::from_ref(parent),
            0,
        );
        (got, look.level.first[0])
    }

    #[test]
    fn a_longer_term_is_confirmed_from_the_bytes_after_the_shorter_ones_match() {
        let text = b"en skole og skoler";
        let skole = level("skole", text);
        assert_eq!(skole.first[0], pack(3, *b" og "));
        // `skole ` and `skole o` are where `skole` is: the text is not read (none is given).
        assert_eq!(
            extend("skole ", &skole, b""),
            (Some(3), pack(3, *b"og \xfe"))
        );
        assert_eq!(
            extend("skole og", &skole, b""),
            (Some(3), pack(3, *b" \xfe\xfe\xfe"))
        );
        // `skoler` is not there: it is looked for after it, and found with what follows it.
        assert_eq!(
            extend("skoler", &skole, text),
            (Some(12), pack(12, [END; 4]))
        );
        // More letters than are known: read from the parent's match.
        assert_eq!(
            extend("skole og s", &skole, text),
            (Some(3), pack(3, *b"kole"))
        );
        // Absent after the parent's match.
        assert_eq!(extend("skolerne", &skole, text), (None, ABSENT_ENTRY));
        // A parent absent: absent, unread.
        let none = level("skur", text);
        assert_eq!(extend("skure", &none, b""), (None, ABSENT_ENTRY));
    }
}
