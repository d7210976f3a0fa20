//! Glyphs to lines and words, from positions alone (the way `pdftotext` reads a page):
//! a drawn space or a gap wider than a fifth of the font size is a word break; a
//! glyph that drops below the line, or jumps back to its left, starts a new line;
//! a gap wider than three font sizes on one baseline (a table's next cell, a second
//! signature column) starts a new line too. Kerning, which pulls a glyph into its
//! neighbour, never breaks a word.

use super::glyphs::Glyph;

/// One line of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// Where the line starts, from the left of the page.
    pub x: f64,
    /// The baseline, from the top of the page.
    pub y: f64,
    /// The font size of the line's first glyph.
    pub size: f64,
    /// Whether a paragraph's vertical space (or a jump up: a new column) comes before it.
    pub gap_before: bool,
}

/// A gap, in font sizes, that reads as a space between words.
const WORD_GAP: f64 = 0.2;
/// A gap, in font sizes, that separates two cells or columns on one baseline.
const CELL_GAP: f64 = 3.0;
/// A line step, in font sizes, beyond which a paragraph break is assumed.
const PARAGRAPH_STEP: f64 = 1.6;
/// How much larger a heading's font is than its text's.
const LARGER: f64 = 1.1;
/// The step, in the heading's font size, above a heading that opens a block.
const HEADING_STEP: f64 = 1.2;
/// How much wider than the step before a step must be to start a new block.
const PITCH_CHANGE: f64 = 1.25;

struct Open {
    text: String,
    x: f64,
    y: f64,
    size: f64,
    /// Where the last glyph ends.
    end: f64,
    space: bool,
}

/// The lines of one page, in the order they were drawn.
pub fn lines_of(glyphs: &[Glyph]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut open: Option<Open> = None;
    for g in glyphs {
        // A glyph with no Unicode text (unmapped) takes its room but is no space.
        let unmapped = g.text.is_empty();
        let blank = !unmapped && g.text.chars().all(char::is_whitespace);
        if let Some(line) = open.as_mut() {
            let tolerance = 0.5 * line.size.max(g.size);
            let same_baseline = (g.y - line.y).abs() <= tolerance;
            let gap = g.x - line.end;
            let back = gap < -line.size.max(g.size);
            if same_baseline && !back && gap <= CELL_GAP * g.size.max(line.size) {
                if blank {
                    line.space = true;
                } else if !unmapped {
                    if (line.space || gap > WORD_GAP * g.size) && !line.text.is_empty() {
                        line.text.push(' ');
                    }
                    line.space = false;
                    push_glyph(&mut line.text, &g.text);
                }
                line.end = line.end.max(g.x + g.width);
                continue;
            }
            close(&mut lines, open.take());
        }
        if !blank && !unmapped {
            let mut text = String::new();
            push_glyph(&mut text, &g.text);
            open = Some(Open {
                text,
                x: g.x,
                y: g.y,
                size: g.size,
                end: g.x + g.width,
                space: false,
            });
        }
    }
    close(&mut lines, open);
    lines
}

fn close(lines: &mut Vec<Line>, open: Option<Open>) {
    let Some(open) = open else { return };
    let text = join_hyphens(open.text.trim());
    if text.is_empty() {
        return;
    }
    let gap_before = lines.last().is_some_and(|prev| {
        let before = lines
            .len()
            .checked_sub(2)
            .map(|i| prev.y - lines[i].y)
            .filter(|s| *s > 0.0);
        block_break(prev, open.y, open.size, before)
    });
    // Text drawn twice at nearly the same place (a fake bold) is read once; the same
    // text elsewhere on the line (a table's `0,0` in the next cell) is not.
    if let Some(prev) = lines.last() {
        let near = 0.5 * prev.size;
        if prev.text == text && (prev.y - open.y).abs() < near && (prev.x - open.x).abs() < near {
            return;
        }
    }
    lines.push(Line {
        text,
        x: open.x,
        y: open.y,
        size: open.size,
        gap_before,
    });
}

/// Appends a glyph's text, with typographic ligatures (`ﬁ`, `ﬂ`, `ﬀ`) written out as
/// their letters: search and the parser's words know `trafik`, not `traﬁk`.
fn push_glyph(text: &mut String, glyph: &str) {
    for c in glyph.chars() {
        match c {
            '\u{FB00}' => text.push_str("ff"),
            '\u{FB01}' => text.push_str("fi"),
            '\u{FB02}' => text.push_str("fl"),
            '\u{FB03}' => text.push_str("ffi"),
            '\u{FB04}' => text.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => text.push_str("st"),
            c => text.push(c),
        }
    }
}

/// Whether a blank line goes between `prev` and a line at `y` in a font of `size`
/// (`before`: the step from the line above `prev`). As `pdftotext` reads blocks: a
/// heading in a larger font opens a block and sticks to the text under it; in one
/// font, a wide step is a paragraph's space only where the spacing changes, so rows
/// set wide apart at an even pitch (a list of attachments) stay one block; a jump up
/// the page is a new column.
fn block_break(prev: &Line, y: f64, size: f64, before: Option<f64>) -> bool {
    let step = y - prev.y;
    if step < -0.5 * prev.size {
        return true;
    }
    if size > prev.size * LARGER {
        return step > HEADING_STEP * size;
    }
    if prev.size > size * LARGER {
        return false;
    }
    step > PARAGRAPH_STEP * prev.size.max(size) && before.is_none_or(|b| step > b * PITCH_CHANGE)
}

/// `Hasselager -Kolt` to `Hasselager-Kolt`: a hyphen set apart from the word before
/// it but glued to the word after is one word (some PDFs place the hyphen's glyph
/// after a gap that a word space never has on the other side).
fn join_hyphens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == ' ' && prev.is_alphabetic() {
            let mut ahead = chars.clone();
            if ahead.next() == Some('-') && ahead.next().is_some_and(char::is_alphabetic) {
                prev = c;
                continue;
            }
        }
        out.push(c);
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` set from `x` on baseline `y` in a 10-unit font, each 5 wide,
    /// except where `kern` pulls a glyph 1.5 units into its neighbour.
    fn set(text: &str, x: f64, y: f64, kern_after: Option<usize>) -> Vec<Glyph> {
        let mut at = x;
        let mut out = Vec::new();
        for (i, c) in text.chars().enumerate() {
            out.push(Glyph {
                x: at,
                y,
                width: 5.0,
                size: 10.0,
                text: c.to_string(),
            });
            at += 5.0;
            if kern_after == Some(i) {
                at -= 1.5;
            }
        }
        out
    }

    fn texts(lines: &[Line]) -> Vec<(&str, bool)> {
        lines
            .iter()
            .map(|l| (l.text.as_str(), l.gap_before))
            .collect()
    }

    #[test]
    fn kerning_never_splits_a_word_and_a_drawn_space_always_does() {
        let glyphs = set("Radikale Venstre", 0.0, 100.0, Some(9));
        assert_eq!(texts(&lines_of(&glyphs)), vec![("Radikale Venstre", false)]);
    }

    #[test]
    fn a_gap_of_a_fifth_of_the_font_size_is_a_space() {
        let mut glyphs = set("Sag", 0.0, 100.0, None);
        glyphs.extend(set("nr", 17.5, 100.0, None)); // 2.5 after `g`: a quarter em
        glyphs.extend(set("12", 28.5, 100.0, None)); // 1 after `r`: a tenth em
        assert_eq!(texts(&lines_of(&glyphs)), vec![("Sag nr12", false)]);
    }

    /// Runs of text set at (x, y), and the lines read from them.
    #[test]
    fn lines_from_runs_table() {
        type Case<'a> = (&'a [(&'a str, f64, f64)], &'a [(&'a str, bool)]);
        let cases: &[Case] = &[
            // A new baseline is a new line; a wide step is a paragraph's space.
            (
                &[
                    ("Beslutning", 0.0, 100.0),
                    ("Godkendt", 0.0, 112.0),
                    ("Bilag", 0.0, 140.0),
                ],
                &[("Beslutning", false), ("Godkendt", false), ("Bilag", true)],
            ),
            // A far cell on the same baseline (a second signature column) is its own line.
            (
                &[("Anne Holm", 50.0, 700.0), ("Bo Lund", 300.0, 700.0)],
                &[("Anne Holm", false), ("Bo Lund", false)],
            ),
            // The same value in two cells is read twice.
            (
                &[
                    ("Anlæg", 0.0, 100.0),
                    ("0,0", 100.0, 100.0),
                    ("0,0", 200.0, 100.0),
                ],
                &[("Anlæg", false), ("0,0", false), ("0,0", false)],
            ),
            // Text drawn twice at nearly the same place for bold is read once.
            (
                &[("Dagsorden", 0.0, 100.0), ("Dagsorden", 0.4, 100.0)],
                &[("Dagsorden", false)],
            ),
        ];
        for (runs, expected) in cases {
            let glyphs: Vec<Glyph> = runs
                .iter()
                .flat_map(|&(text, x, y)| set(text, x, y, None))
                .collect();
            assert_eq!(texts(&lines_of(&glyphs)), *expected, "{runs:?}");
        }
    }

    #[test]
    fn a_hyphen_glued_to_the_next_word_joins_the_one_before() {
        assert_eq!(join_hyphens("Hasselager -Kolt"), "Hasselager-Kolt");
        assert_eq!(join_hyphens("for - og efterår"), "for - og efterår");
        assert_eq!(join_hyphens("- punkt"), "- punkt");
        assert_eq!(join_hyphens("2030 -2035"), "2030 -2035");
    }

    #[test]
    fn ligatures_are_written_out() {
        let mut text = String::new();
        push_glyph(&mut text, "tra\u{FB01}k og \u{FB02}ag");
        assert_eq!(text, "trafik og flag");
    }

    #[test]
    fn a_superscript_stays_on_its_line() {
        let mut glyphs = set("side", 0.0, 100.0, None);
        glyphs.push(Glyph {
            x: 20.0,
            y: 96.5,
            width: 3.0,
            size: 6.0,
            text: "1".into(),
        });
        assert_eq!(texts(&lines_of(&glyphs)), vec![("side1", false)]);
    }
}
