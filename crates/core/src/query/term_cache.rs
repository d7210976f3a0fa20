//! Which words recent search terms were found in, so the next keystroke looks at fewer.

use super::words::Words;

/// The words (of the index's `Words`) holding each recent search term, kept between
/// queries: a term typed a letter longer, or any term holding a remembered one, is looked
/// for only in that term's words and in words added since; erasing looks nowhere.
/// Word numbers belong to one `SearchIndex`: used with another, the cache starts over.
#[derive(Debug, Default)]
pub struct TermCache {
    /// The `SearchIndex::id` the word numbers belong to.
    index: Option<u64>,
    /// Most recently used first.
    levels: Vec<Level>,
}

#[derive(Debug)]
struct Level {
    term: String,
    /// The words holding `term` among the first `known` words.
    words: Vec<u32>,
    known: usize,
}

/// Terms remembered (a few bytes per word holding them).
const LEVELS: usize = 12;

impl TermCache {
    /// Starts over when used with another index than the one its word numbers belong to.
    pub(super) fn follow(&mut self, index: u64) {
        if self.index != Some(index) {
            *self = TermCache {
                index: Some(index),
                levels: Vec::new(),
            };
        }
    }

    /// The words holding `term` (`finder` looks for it), remembered for next time.
    pub(super) fn words(
        &mut self,
        words: &Words,
        term: &str,
        finder: &memchr::memmem::Finder<'_>,
    ) -> &[u32] {
        let level = match self.levels.iter().position(|l| l.term == term) {
            Some(k) => {
                let mut level = self.levels.remove(k);
                if level.known < words.len() {
                    let more = words.containing(finder, &[], level.known);
                    level.words.extend(more);
                    level.known = words.len();
                }
                level
            }
            None => {
                // The remembered term within this one that holds the fewest words: this
                // term's words are among them, or among words added since.
                let parent = self
                    .levels
                    .iter()
                    .filter(|l| term.contains(l.term.as_str()))
                    .min_by_key(|l| l.words.len());
                let (among, from) = parent.map_or((&[][..], 0), |p| (&p.words[..], p.known));
                Level {
                    term: term.to_string(),
                    words: words.containing(finder, among, from),
                    known: words.len(),
                }
            }
        };
        self.levels.insert(0, level);
        self.levels.truncate(LEVELS);
        &self.levels[0].words
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use memchr::memmem::Finder;

    fn words_of(cache: &mut TermCache, words: &Words, term: &str) -> Vec<u32> {
        cache.words(words, term, &Finder::new(term)).to_vec()
    }

    #[test]
    fn a_remembered_term_narrows_the_next_and_words_added_since_are_read() {
        let mut words = Words::empty(2);
        words.add(0, b"skole skat bus");
        let mut cache = TermCache::default();
        assert_eq!(words_of(&mut cache, &words, "sk"), vec![0, 1]);
        // `kol` holds no remembered term: every word is read.
        assert_eq!(words_of(&mut cache, &words, "kol"), vec![0]);
        words.add(1, b"skolen busser");
        // `skol` holds `sk` and `kol`: it is looked for in `kol`'s one word, and in the two
        // added since.
        assert_eq!(words_of(&mut cache, &words, "skol"), vec![0, 3]);
        // A remembered term with words added since: they are read too.
        assert_eq!(words_of(&mut cache, &words, "sk"), vec![0, 1, 3]);
        assert_eq!(words_of(&mut cache, &words, "bus"), vec![2, 4]);
        assert_eq!(cache.levels.len(), 4);
        assert_eq!(cache.levels[0].term, "bus");
    }
}
