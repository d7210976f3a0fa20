//! The text of a portal page saved from a browser, read with a real HTML parser
//! (html5ever, through `scraper`): block elements, `<br>` and table rows become line
//! breaks, list items get a bullet, entities are decoded, and what is no part of the
//! minutes (scripts, styles, navigation, the page footer, cookie banners, hidden
//! elements) is left out.
//! A tag never reaches the text.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never minutes text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "footer", "iframe", "select",
    "button", "head", "title", "meta", "link", "object", "canvas", "video", "audio", "input",
    "textarea",
];
/// Elements that end a paragraph (a blank line after them).
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "figure",
    "fieldset",
    "form",
    "address",
    "hr",
];
/// Elements that end a line.
const LINES: &[&str] = &[
    "div",
    "br",
    "li",
    "tr",
    "dt",
    "dd",
    "caption",
    "figcaption",
    "summary",
    "details",
    "tbody",
    "thead",
    "tfoot",
    "legend",
    "label",
];

/// The page's text, one block a line, paragraphs separated by a blank line.
pub fn text_of(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = Text::default();
    walk(doc.root_element(), &mut out, false);
    out.finish()
}

#[derive(Default)]
struct Text {
    buf: String,
    /// A space is owed before the next word (collapsed whitespace).
    space: bool,
}

impl Text {
    fn word_text(&mut self, s: &str, pre: bool) {
        if pre {
            self.buf.push_str(s);
            self.space = false;
            return;
        }
        for (i, part) in s.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if part.is_empty() {
                continue;
            }
            if self.space && !self.buf.is_empty() && !self.buf.ends_with(['\n', ' ']) {
                self.buf.push(' ');
            }
            self.space = false;
            self.buf.push_str(part);
        }
    }

    /// Ends the current line, with `n - 1` blank lines after it at most.
    fn breaks(&mut self, n: usize) {
        self.space = false;
        while self.buf.ends_with(' ') {
            self.buf.pop();
        }
        if self.buf.is_empty() {
            return;
        }
        let have = self.buf.len() - self.buf.trim_end_matches('\n').len();
        for _ in have..n {
            self.buf.push('\n');
        }
    }

    fn finish(mut self) -> String {
        self.breaks(1);
        let lines: Vec<&str> = self.buf.lines().map(str::trim_end).collect();
        let mut out = lines.join("\n").trim_end().to_string();
        out.push('\n');
        out
    }
}

/// Cookie banners and consent dialogs, by their id, class or role.
fn is_banner(el: &ElementRef) -> bool {
    let v = el.value();
    let marks = [v.id().unwrap_or(""), v.attr("class").unwrap_or("")];
    let banner = marks.iter().any(|m| {
        let m = m.to_ascii_lowercase();
        m.contains("cookie")
            || m.contains("consent")
            || m.contains("skip-link")
            || m.contains("skiplink")
    });
    let hidden = v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("style").is_some_and(|s| {
            let s = s.replace(' ', "").to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        });
    let navigation = v
        .attr("role")
        .is_some_and(|r| r == "navigation" || r == "banner");
    banner || hidden || navigation
}

fn walk(el: ElementRef, out: &mut Text, pre: bool) {
    let name = el.value().name();
    if SKIPPED.contains(&name) || is_banner(&el) {
        return;
    }
    let pre = pre || name == "pre";
    let paragraph = PARAGRAPHS.contains(&name);
    let line = LINES.contains(&name);
    if paragraph {
        out.breaks(2);
    } else if line {
        out.breaks(1);
    }
    if name == "li" {
        out.buf.push_str("• ");
    }
    if matches!(name, "td" | "th") && !out.buf.is_empty() && !out.buf.ends_with('\n') {
        // Cells of a row stay on its line, a space apart: `Sagsnr.: 17/123`.
        out.space = true;
    }
    if name == "img" {
        if let Some(alt) = el.value().attr("alt").filter(|a| !a.trim().is_empty()) {
            out.word_text(alt, false);
        }
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.word_text(t, pre),
            Node::Element(_) => {
                if let Some(child_el) = ElementRef::wrap(child) {
                    walk(child_el, out, pre);
                }
            }
            _ => {}
        }
    }
    if paragraph {
        out.breaks(2);
    } else if line {
        out.breaks(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_noise_is_left_out() {
        let page = r#"<!DOCTYPE html><html><head><title>Referat</title><style>p{color:red}</style>
<script>var x = "<b>Beslutning</b>";</script></head><body>
<div id="cookie-banner"><p>Vi bruger cookies.</p><button>Accepter</button></div>
<nav><ul><li>Forside</li><li>Politik</li></ul></nav>
<h1>Teknik- og Miljøudvalget</h1>
<p>Mødedato: 6. november 2017<br>Mødested: C3.40</p>
<h2>1. Godkendelse &amp; orientering</h2>
<table><tr><td>Sagsnr.:</td><td>17/123</td></tr></table>
<h3>Beslutning</h3><p>Godkendt&nbsp;uden   bemærkninger.</p>
<ul><li>Anne Hansen (A)</li><li>Bo&#248; Jensen</li></ul>
<p style="display: none">skjult</p>
</body></html>"#;
        assert_eq!(
            text_of(page),
            "Teknik- og Miljøudvalget\n\nMødedato: 6. november 2017\nMødested: C3.40\n\n\
             1. Godkendelse & orientering\n\nSagsnr.: 17/123\n\nBeslutning\n\n\
             Godkendt uden bemærkninger.\n\n• Anne Hansen (A)\n• Boø Jensen\n"
        );
    }

    #[test]
    fn a_tag_never_reaches_the_text() {
        let text =
            text_of("<p>a &lt;b&gt; c</p><div><span>x</span><i>y</i></div><p>Unclosed <b>bold");
        assert_eq!(text, "a <b> c\n\nxy\n\nUnclosed bold\n");
        assert!(!text_of("<p><script>alert(1)</script>ok</p>").contains("alert"));
    }
}
