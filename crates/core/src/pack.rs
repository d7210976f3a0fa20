//! Embedding a bundle into the viewer's HTML, for the one-file (USB stick) build.
//!
//! [`pack`] writes the packed layout (`crate::packed`) gzipped and in base64: a third of
//! the JSON's size, and the browser's HTML parser, which must walk every byte of the page
//! before the viewer sees the data, walks a third as much. [`embed_bundle`] writes the
//! plain JSON, as version 1 files did (the viewer still opens both; its "save as file"
//! writes this form).

use thiserror::Error;

/// The empty data island that `cargo xtask dist` leaves in the viewer.
pub const PLACEHOLDER: &str = r#"<script type="application/json" id="referat-bundle"></script>"#;

/// Where the parts go: after the viewer's script, so it starts (and shows the list from
/// the light bundle) while the browser still reads them.
pub const PARTS_MARKER: &str = "<!-- referat:parts -->";

/// The element ids of the packed layout's pieces in a one-file build.
pub const MANIFEST_ID: &str = "referat-pack";
pub const LIGHT_ID: &str = "referat-light";
pub fn part_id(k: usize) -> String {
    format!("referat-part-{k}")
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PackError {
    #[error("the viewer has no empty `<script id=\"referat-bundle\">` placeholder; is it a referat-app.html?")]
    NoPlaceholder,
    #[error("the viewer is older than the packed layout (it has no `<!-- referat:parts -->` marker) and cannot open a sharded archive")]
    TooOld,
}

/// Puts `bundle_json` into the placeholder. `<`, `>` and `&` become `\u003c` …
/// so no text in the bundle can close the script element or open a comment;
/// U+2028/U+2029 are escaped for old JavaScript parsers.
pub fn embed_bundle(app_html: &str, bundle_json: &str) -> Result<String, PackError> {
    let at = app_html.find(PLACEHOLDER).ok_or(PackError::NoPlaceholder)?;
    let mut escaped = String::with_capacity(bundle_json.len() + bundle_json.len() / 50);
    for c in bundle_json.chars() {
        match c {
            '<' => escaped.push_str("\\u003c"),
            '>' => escaped.push_str("\\u003e"),
            '&' => escaped.push_str("\\u0026"),
            '\u{2028}' => escaped.push_str("\\u2028"),
            '\u{2029}' => escaped.push_str("\\u2029"),
            c => escaped.push(c),
        }
    }
    let open = r#"<script type="application/json" id="referat-bundle">"#;
    let mut out = String::with_capacity(app_html.len() + escaped.len());
    out.push_str(&app_html[..at]);
    out.push_str(open);
    out.push_str(&escaped);
    out.push_str("</script>");
    out.push_str(&app_html[at + PLACEHOLDER.len()..]);
    Ok(out)
}

/// The viewer with `bundle` inside in the packed layout: the manifest and the light
/// bundle where the placeholder is (before the viewer's script), the parts at
/// [`PARTS_MARKER`]. A viewer without the marker gets plain JSON ([`embed_bundle`]).
#[cfg(feature = "pack")]
pub fn pack(app_html: &str, bundle: &crate::Bundle) -> Result<String, PackError> {
    use base64::Engine;
    let at = app_html.find(PLACEHOLDER).ok_or(PackError::NoPlaceholder)?;
    let rest = &app_html[at + PLACEHOLDER.len()..];
    let Some(p) = rest.find(PARTS_MARKER) else {
        // A viewer from before the packed layout (no marker for the parts) cannot read it:
        // it gets the bundle as plain JSON, which it can.
        return embed_bundle(app_html, &bundle.to_json());
    };
    let (manifest, light, parts) = crate::packed::split(bundle, crate::packed::PART_BYTES);
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(gzip(bytes));
    let manifest_json = serde_json::to_string(&manifest).expect("a manifest always serialises");
    let head = format!(
        "{PLACEHOLDER}\n<script type=\"application/json\" id=\"{MANIFEST_ID}\">{manifest_json}</script>\n<script type=\"application/octet-stream\" id=\"{LIGHT_ID}\">{}</script>",
        b64(&light)
    );
    let mut tail = String::new();
    for (k, part) in parts.iter().enumerate() {
        tail.push_str(&format!(
            "<script type=\"application/octet-stream\" id=\"{}\">{}</script>\n",
            part_id(k),
            b64(part)
        ));
    }
    let mut out = String::with_capacity(app_html.len() + head.len() + tail.len());
    out.push_str(&app_html[..at]);
    out.push_str(&head);
    out.push_str(&rest[..p]);
    out.push_str(&tail);
    out.push_str(&rest[p + PARTS_MARKER.len()..]);
    Ok(out)
}

/// The files of a sharded archive (`crate::shards`) for a static web server: `index.html`
/// (the viewer, with the manifest inside, so that one request tells it what to fetch and
/// an archive is replaced by replacing that one file), the light bundle and the parts,
/// each a path relative to the archive's folder and its bytes.
#[cfg(feature = "pack")]
pub fn pack_shards(
    app_html: &str,
    bundle: &crate::Bundle,
    shard_bytes: usize,
) -> Result<Vec<(String, Vec<u8>)>, PackError> {
    // The viewer is checked before the archive is cut, which takes a while.
    shards_page(app_html, &crate::packed::Manifest::default())?;
    let archive = crate::shards::shard(bundle, shard_bytes);
    let page = shards_page(app_html, &archive.manifest)?;
    let mut files = vec![("index.html".to_string(), page.into_bytes())];
    files.extend(archive.files);
    Ok(files)
}

/// A sharded archive's `index.html`: the viewer with the manifest inside (also to put an
/// existing archive into a newer viewer).
pub fn shards_page(
    app_html: &str,
    manifest: &crate::packed::Manifest,
) -> Result<String, PackError> {
    let at = app_html.find(PLACEHOLDER).ok_or(PackError::NoPlaceholder)?;
    if !app_html[at..].contains(PARTS_MARKER) {
        // A viewer from before the packed layout cannot read a manifest.
        return Err(PackError::TooOld);
    }
    let manifest_json = serde_json::to_string(manifest).expect("a manifest always serialises");
    // The manifest is JSON in a script element: nothing in it may close the element.
    let manifest_json = manifest_json.replace('<', "\\u003c");
    let mut page = String::with_capacity(app_html.len() + manifest_json.len() + 100);
    page.push_str(&app_html[..at]);
    page.push_str(&format!(
        "{PLACEHOLDER}\n<script type=\"application/json\" id=\"{MANIFEST_ID}\">{manifest_json}</script>"
    ));
    page.push_str(&app_html[at + PLACEHOLDER.len()..]);
    Ok(page)
}

/// gzip at flate2's default level.
#[cfg(feature = "pack")]
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("writing to memory");
    enc.finish().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_end_the_script() {
        let shell = format!("<html><body>{PLACEHOLDER}<script>app()</script></body></html>");
        let json = r#"{"title":"</script><script>alert(1)</script><!-- & x"}"#;
        let html = embed_bundle(&shell, json).unwrap();
        let island =
            &html[html.find("referat-bundle\">").unwrap()..html.find("<script>app").unwrap()];
        assert_eq!(
            island.matches("</script>").count(),
            1,
            "only the real end tag: {island}"
        );
        assert!(!island.contains("<!--"));
        let inner = &island["referat-bundle\">".len()..island.len() - "</script>".len()];
        let back: serde_json::Value = serde_json::from_str(inner).unwrap();
        assert_eq!(back["title"], "</script><script>alert(1)</script><!-- & x");
    }

    #[test]
    fn escapes_line_separators_and_keeps_the_rest_of_the_page() {
        let shell =
            format!("<head><meta charset=utf-8></head><body>{PLACEHOLDER}<p>after</p></body>");
        let json = "{\"t\":\"a\u{2028}b\u{2029}c > d & e\"}";
        let html = embed_bundle(&shell, json).unwrap();
        assert!(html.starts_with("<head><meta charset=utf-8></head><body><script type=\"application/json\" id=\"referat-bundle\">"));
        assert!(html.ends_with("</script><p>after</p></body>"));
        assert!(html.contains(r"a\u2028b\u2029c \u003e d \u0026 e"));
        assert!(!html.contains('\u{2028}'));
        let inner = &html[html.find("bundle\">").unwrap() + 8..html.find("</script>").unwrap()];
        let back: serde_json::Value = serde_json::from_str(inner).unwrap();
        assert_eq!(back["t"], "a\u{2028}b\u{2029}c > d & e");
    }

    #[test]
    fn needs_the_placeholder() {
        assert_eq!(
            embed_bundle("<html></html>", "{}"),
            Err(PackError::NoPlaceholder)
        );
    }
}
