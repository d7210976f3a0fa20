//! Reading ahead while the user pauses. A term of three letters is answered by the trigram
//! index alone, without reading any text, so the fourth letter's answer has to read every
//! candidate from its start: at 400,000 items, over 100 ms for one keystroke. Read while
//! the user pauses after the third letter, the fourth only continues from where the three
//! were found (see `TermCache`).

use super::term_cache::{first_match, TermCache};
use super::SearchIndex;
use crate::fold::terms;

/// Finds where the last term of `text` first occurs in up to `max` more entries, and keeps
/// it in `cache` for the next keystroke. Says whether there is nothing more to read ahead:
/// the term is read in every entry that may hold it, or it is not one that needs it
/// (shorter or longer than three bytes: a longer one was read by its own query), or the
/// index's text is not all in yet.
pub fn read_ahead(index: &SearchIndex, text: &str, cache: &mut TermCache, max: usize) -> bool {
    let Some(term) = terms(text).pop() else {
        return true;
    };
    let n = index.entries.len();
    if term.len() != 3 || index.text_pending() > 0 {
        return true;
    }
    cache.follow(index.id);
    let mut look = cache.take(&term, n);
    let from = look.level.ahead;
    let to = from.saturating_add(max).min(n);
    if from < to {
        // Only the entries that may hold it: any longer term's are among them.
        let mut candidates = vec![!0u64; n.div_ceil(64)];
        index.trigrams.narrow(term.as_bytes(), &mut candidates);
        let finder = memchr::memmem::Finder::new(term.as_bytes());
        for i in from..to {
            if candidates[i / 64] & (1 << (i % 64)) != 0 {
                first_match(index.entries[i].all.as_bytes(), &finder, &mut look, &[], i);
            }
        }
        look.level.ahead = to;
    }
    cache.keep(vec![look]);
    to == n
}
