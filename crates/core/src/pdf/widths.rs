//! A repair of composite fonts' glyph widths before pdf-extract reads them.
//!
//! A CID font lists its widths in `/W` in two forms: `c [w1 w2 …]` and
//! `c_first c_last w`. pdf-extract 0.12 reads the second form wrongly (it takes
//! `c_first` for all three numbers), so every glyph in such a range gets the default
//! width of a whole em. Each glyph after it on the line is then drawn too far right,
//! and the next positioned run jumps back onto it: `truf fet`, `bor gere` (24 words of
//! the Aarhus minutes). Rewriting each range into the first form, which it reads
//! right, gives every glyph its width.

use pdf_extract::{Document, Object};

/// The most widths one `/W` array may expand to: a font has at most 65,536 glyphs, and a
/// hostile file must not make us write billions of widths (a few kilobytes of ranges
/// could ask for that).
const MAX_WIDTHS: usize = 65_536;

/// Rewrites every `c_first c_last w` range in the document's `/W` arrays.
pub(crate) fn normalise(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        let Ok(Object::Array(w)) = dict.get_mut(b"W") else {
            continue;
        };
        if let Some(rewritten) = expand(w) {
            *w = rewritten;
        }
    }
    // A `/W` kept as its own object (`/W 12 0 R`) is an array object of its own.
    let referenced: Vec<_> = doc
        .objects
        .values()
        .filter_map(|o| match o {
            Object::Dictionary(d) => d.get(b"W").ok().and_then(|w| w.as_reference().ok()),
            _ => None,
        })
        .collect();
    for id in referenced {
        if let Some(Object::Array(w)) = doc.objects.get_mut(&id) {
            if let Some(rewritten) = expand(w) {
                *w = rewritten;
            }
        }
    }
}

/// The `/W` array with each range written out, or `None` when it has no range (or is
/// not a well-formed `/W`, which is left for pdf-extract to judge).
fn expand(w: &[Object]) -> Option<Vec<Object>> {
    let mut out = Vec::with_capacity(w.len());
    let mut changed = false;
    let mut written = 0usize;
    let mut i = 0;
    while i < w.len() {
        let first = w[i].as_i64().ok()?;
        match w.get(i + 1)? {
            Object::Array(widths) => {
                written = written.checked_add(widths.len())?;
                out.push(Object::Integer(first));
                out.push(Object::Array(widths.clone()));
                i += 2;
            }
            last => {
                let last = last.as_i64().ok()?;
                let width = w.get(i + 2)?;
                if !matches!(width, Object::Integer(_) | Object::Real(_)) {
                    return None;
                }
                let count = usize::try_from(last.checked_sub(first)?)
                    .ok()?
                    .checked_add(1)?;
                written = written.checked_add(count)?;
                if written > MAX_WIDTHS {
                    return None;
                }
                out.push(Object::Integer(first));
                out.push(Object::Array(vec![width.clone(); count]));
                changed = true;
                i += 3;
            }
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(values: &[i64]) -> Vec<Object> {
        values.iter().map(|&v| Object::Integer(v)).collect()
    }

    #[test]
    fn a_range_is_written_out_glyph_by_glyph() {
        let mut w = ints(&[3, 5, 250]);
        w.push(Object::Integer(10));
        w.push(Object::Array(ints(&[500, 600])));
        let expected = vec![
            Object::Integer(3),
            Object::Array(ints(&[250, 250, 250])),
            Object::Integer(10),
            Object::Array(ints(&[500, 600])),
        ];
        assert_eq!(expand(&w), Some(expected));
    }

    #[test]
    fn arrays_alone_and_malformed_ranges_are_left_as_they_are() {
        assert_eq!(
            expand(&[Object::Integer(1), Object::Array(ints(&[500]))]),
            None
        );
        assert_eq!(expand(&ints(&[9, 3, 250])), None);
        assert_eq!(expand(&ints(&[0, 4_000_000_000, 250])), None);
        assert_eq!(expand(&ints(&[-1, i64::MAX, 250])), None);
        assert_eq!(expand(&ints(&[1, 2])), None);
        // Many small ranges that add up past a font's glyphs.
        let many: Vec<i64> = (0..3).flat_map(|_| [0, 65_000, 250]).collect();
        assert_eq!(expand(&ints(&many)), None);
        // A width that is no number.
        let named = [
            Object::Integer(0),
            Object::Integer(9),
            Object::Name(b"W".to_vec()),
        ];
        assert_eq!(expand(&named), None);
    }
}
