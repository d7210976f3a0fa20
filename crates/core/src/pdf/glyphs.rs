//! The glyphs of a PDF page with their positions, as pdf-extract's content-stream
//! interpreter reports them. Everything about words and lines is decided later, in
//! [`super::lines`], from these positions alone: pdf-extract's own text output puts a
//! space inside kerned words (`V enstre`), because it reads a kerning shift as a gap.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One drawn character. `y` grows downwards from the top of the page, like reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    /// The advance width in page units.
    pub width: f64,
    /// The font size in page units (after the text and page transforms).
    pub size: f64,
    pub text: String,
}

/// Collects the glyphs of every page, in content-stream order.
#[derive(Default)]
pub(crate) struct Collector {
    pub pages: Vec<Vec<Glyph>>,
    flip: Option<Transform>,
    count: usize,
    /// Set when the document drew more than [`MAX_GLYPHS`]; reading stopped there.
    pub too_many: bool,
}

/// The most glyphs read from one document: about 20 times the longest minutes seen
/// (a 500-page PDF draws about a million). A small hostile file that draws a form
/// inside a form a thousand times over must not fill the memory.
pub(crate) const MAX_GLYPHS: usize = 20_000_000;

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip = Some(Transform::row_major(
            1.,
            0.,
            0.,
            -1.,
            0.,
            media_box.ury - media_box.lly,
        ));
        self.pages.push(Vec::new());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let flip = self.flip.unwrap_or_else(Transform::identity);
        let at = trm.post_transform(&flip);
        // The side of a square with the area of the scaled em box: the size however the
        // text is stretched or rotated (pdf-extract's own measure).
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt();
        let glyph = Glyph {
            x: at.m31,
            y: at.m32,
            width: width * size,
            size,
            text: text.to_owned(),
        };
        self.count += 1;
        if self.count > MAX_GLYPHS {
            self.too_many = true;
            // pdf-extract stops at an error; this one only ends the reading.
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        if glyph.x.is_finite() && glyph.y.is_finite() && glyph.width.is_finite() && size > 0.0 {
            if let Some(page) = self.pages.last_mut() {
                page.push(glyph);
            }
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
