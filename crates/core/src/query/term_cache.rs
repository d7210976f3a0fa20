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
    /// Per entry: the first match's byte offset, `ABSENT`, or `UNKNOWN`.
    pub(super) first: Vec<u32>,
}

const ABSENT: u32 = u32::MAX;
const UNKNOWN: u32 = u32::MAX - 1;
/// Terms remembered (each costs 4 bytes an entry: 160 KB at 40,000 items).
const LEVELS: usize = 12;

/// One term's first-match offsets for this query, and the nearest shorter term's.
pub(super) struct Lookup {
    pub(super) level: Level,
    /// Index in the cache of a remembered term that `level.term` starts with.
    pub(super) parent: Option<usize>,
}

impl TermCache {
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
                    None => Level {
                        term: t.to_string(),
                        first: vec![UNKNOWN; entries],
                    },
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
    match look.level.first[i] {
        ABSENT => return None,
        UNKNOWN => {}
        at => return Some(at as usize),
    }
    // The term starts with the parent's, so it cannot occur before the parent does.
    let from = match look.parent.map(|p| parents[p].first[i]) {
        Some(ABSENT) => {
            look.level.first[i] = ABSENT;
            return None;
        }
        Some(UNKNOWN) | None => 0,
        Some(at) => at as usize,
    };
    let found = finder.find(&all[from..]).map(|k| from + k);
    look.level.first[i] = found.map_or(ABSENT, |at| at as u32);
    found
}
