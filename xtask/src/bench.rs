//! `cargo xtask bench`: the data for tests/bench/bench.mjs, which opens each page in
//! headless Chromium and prints the tables for BENCHMARKS.md.
//!
//! Per size it writes into bench-data/ (never committed): the generated bundle, the one
//! file (`referat-N.html`), the sharded archive (`shards-N/`) and, with `--pagefind`, the
//! same items as HTML pages indexed by Pagefind (`pagefind-N/`). Sizes past one file
//! (over 100,000 items: 400,000 is a region's twenty years) get only the sharded archive
//! and Pagefind; their JSON is never written whole (it would be past what Node reads).
//! `--reuse` keeps the data of an earlier run (a 400,000-item archive and its Pagefind
//! index take about 20 minutes to make) and only puts it into the viewer built now.

use crate::{cmd, dist_app, flag, npm_ci, root};
use anyhow::{Context, Result};
use referat_core::Bundle;
use std::io::Write as _;
use std::path::Path;

/// Past this many items a size is measured as a sharded archive only.
const ONE_FILE_MAX: usize = 100_000;
/// Pages Pagefind indexes in one run (a multiple of the 1,000 in each folder).
const PAGEFIND_SITE: usize = 100_000;

pub fn bench() -> Result<()> {
    let root = root();
    let sizes: Vec<usize> = flag("--sizes")
        .unwrap_or_else(|| "1000,10000,40000".into())
        .split(',')
        .map(|s| s.trim().parse().context("--sizes takes numbers"))
        .collect::<Result<_>>()?;
    let seed: u64 = flag("--seed").map_or(Ok(1), |s| s.parse())?;
    let pagefind = std::env::args().any(|a| a == "--pagefind");
    let browser_dir = root.join("tests/browser");
    if !browser_dir.join("node_modules/minisearch").exists() {
        npm_ci()?;
    }
    let bench_dir = root.join("tests/bench");
    if pagefind && !bench_dir.join("node_modules/pagefind").exists() {
        // Pagefind's npm package carries its binary (no download from elsewhere).
        cmd("npm", &["ci", "--no-audit", "--no-fund"], &bench_dir)?;
    }
    dist_app()?;
    let data = root.join("bench-data");
    std::fs::create_dir_all(&data)?;
    let app = std::fs::read_to_string(root.join("dist/referat-app.html"))?;
    let mut args = vec![
        root.join("tests/bench/bench.mjs").display().to_string(),
        data.display().to_string(),
    ];
    if let Some(pairs) = flag("--pairs") {
        let pairs: usize = pairs.parse().context("--pairs takes a number")?;
        args.push(format!("--pairs={pairs}"));
    }
    let reuse = std::env::args().any(|a| a == "--reuse");
    for n in &sizes {
        let n = *n;
        if reuse && data.join(format!("meta-{n}.json")).exists() {
            reuse_data(&data, &app, n, pagefind)?;
            args.push(n.to_string());
            continue;
        }
        let t = std::time::Instant::now();
        let bundle = crate::gen::generate(&root, n, seed)?;
        eprintln!(
            "generated {n} items in {} meetings in {:.1} s",
            bundle.meetings.len(),
            t.elapsed().as_secs_f64()
        );
        let json_bytes = if n <= ONE_FILE_MAX {
            let json = bundle.to_json();
            std::fs::write(data.join(format!("bench-{n}.json")), &json)?;
            one_file(&data, &app, &bundle, n)?;
            json.len()
        } else {
            // Counted, not kept: a region's archive is more than one string may hold.
            let mut counter = Counter(0);
            serde_json::to_writer(&mut counter, &bundle)?;
            counter.0
        };
        let t = std::time::Instant::now();
        let shards = data.join(format!("shards-{n}"));
        let _ = std::fs::remove_dir_all(&shards);
        let files =
            referat_core::pack::pack_shards(&app, &bundle, referat_core::shards::SHARD_BYTES)?;
        let count = files.len();
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        for (name, content) in files {
            let path = shards.join(name);
            std::fs::create_dir_all(path.parent().expect("a file in the folder"))?;
            std::fs::write(path, content)?;
        }
        eprintln!(
            "# {n} items: sharded archive of {count} files, {:.1} MB, in {:.1} s",
            bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
        if pagefind {
            pagefind_site(&data, &bench_dir, &bundle, n)?;
        }
        std::fs::write(
            data.join(format!("meta-{n}.json")),
            serde_json::json!({ "total": bundle.item_count(), "jsonBytes": json_bytes })
                .to_string(),
        )?;
        args.push(n.to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    cmd("node", &args, &browser_dir)
}

/// An earlier run's data in the viewer built now: the one file packed again from its
/// JSON, the sharded archive's page made again around its manifest.
fn reuse_data(data: &Path, app: &str, n: usize, pagefind: bool) -> Result<()> {
    let json = data.join(format!("bench-{n}.json"));
    if json.exists() {
        let bundle = Bundle::from_slice(&std::fs::read(&json)?)?;
        one_file(data, app, &bundle, n)?;
    }
    let page = data.join(format!("shards-{n}/index.html"));
    let old = std::fs::read_to_string(&page)
        .with_context(|| format!("--reuse: no {}", page.display()))?;
    let open = r#"id="referat-pack">"#;
    let start = old.find(open).context("--reuse: no manifest in the page")? + open.len();
    let end = start
        + old[start..]
            .find("</script>")
            .context("--reuse: an open manifest")?;
    let manifest = referat_core::packed::read_manifest(&old[start..end], None)?;
    std::fs::write(&page, referat_core::pack::shards_page(app, &manifest)?)?;
    if pagefind {
        let site = data.join(format!("pagefind-{n}"));
        if !site.join("pagefind").exists() {
            anyhow::bail!("--reuse: no Pagefind index for {n} items; run without --reuse");
        }
        // The page's script as it is now.
        std::fs::copy(
            root().join("tests/bench/pagefind-page.js"),
            site.join("bench.js"),
        )?;
    }
    eprintln!("# {n} items: reusing the data of an earlier run");
    Ok(())
}

/// Counts what is written to it.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The one file, and the aggregates' native cost beside the search index's (its peer in
/// this run).
fn one_file(data: &Path, app: &str, bundle: &Bundle, n: usize) -> Result<()> {
    let t = std::time::Instant::now();
    let aggregates = referat_core::aggregate::Aggregates::new(bundle);
    let agg_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = std::time::Instant::now();
    let index = referat_core::query::SearchIndex::new(bundle);
    let index_ms = t.elapsed().as_secs_f64() * 1e3;
    eprintln!(
        "# {n} items: aggregates ({} people, {} committees) {agg_ms:.0} ms natively = {:.2}× the search index ({index_ms:.0} ms, {} entries)",
        aggregates.people.len(),
        aggregates.committees.len(),
        agg_ms / index_ms,
        index.len()
    );
    let html = referat_core::pack::pack(app, bundle)?;
    std::fs::write(data.join(format!("referat-{n}.html")), html)?;
    Ok(())
}

/// Every item as an HTML page (title, committee, date, sections, decisions: the text
/// referat searches), indexed by Pagefind, with a page that loads Pagefind for the bench.
fn pagefind_site(data: &Path, bench_dir: &Path, bundle: &Bundle, n: usize) -> Result<()> {
    let t = std::time::Instant::now();
    let site = data.join(format!("pagefind-{n}"));
    let _ = std::fs::remove_dir_all(&site);
    let mut k = 0usize;
    for m in &bundle.meetings {
        for item in &m.items {
            let dir = site.join(format!("i/{}", k / 1000));
            if k.is_multiple_of(1000) {
                std::fs::create_dir_all(&dir)?;
            }
            let mut page = String::with_capacity(4096);
            let title = esc(item.title.as_deref().unwrap_or(""));
            page.push_str(&format!(
                "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main data-pagefind-body><h1>{title}</h1><p>{} {} {}</p>",
                esc(m.committee.as_deref().unwrap_or("")),
                esc(m.date.as_deref().unwrap_or("")),
                esc(item.case_number.as_deref().unwrap_or(""))
            ));
            for s in &item.sections {
                page.push_str(&format!(
                    "<h2>{}</h2><p>{}</p>",
                    esc(s.heading.as_deref().unwrap_or("")),
                    esc(&s.text)
                ));
            }
            for d in &item.decisions {
                page.push_str(&format!("<p>{}</p>", esc(&d.text)));
            }
            page.push_str("</main></body></html>");
            std::fs::write(dir.join(format!("{k}.html")), page)?;
            k += 1;
        }
    }
    let mut bench_page = std::fs::File::create(site.join("bench.html"))?;
    write!(
        bench_page,
        "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Pagefind</title></head><body><p><strong id=\"result-count\"></strong> resultater</p><ol id=\"results\"></ol><script type=\"module\" src=\"bench.js\"></script></body></html>"
    )?;
    std::fs::copy(bench_dir.join("pagefind-page.js"), site.join("bench.js"))?;
    eprintln!(
        "# {n} items: {k} Pagefind pages written in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = std::time::Instant::now();
    let bin = bench_dir.join("node_modules/.bin/pagefind");
    let site_str = site.to_str().context("a UTF-8 path")?;
    // Pagefind holds a whole site's index in memory while it builds it: 400,000 pages
    // went past this machine's 24 GB. Past `PAGEFIND_SITE` pages, each run indexes that
    // many as a site of its own, and the bench page merges them (`mergeIndex`, Pagefind's
    // way to search several sites at once; `merge.json` lists them).
    let dirs = k.div_ceil(1000);
    let per_site = PAGEFIND_SITE / 1000;
    let mut merged = Vec::new();
    for (s, first) in (0..dirs).step_by(per_site).enumerate() {
        let out = if s == 0 {
            "pagefind".to_string()
        } else {
            format!("pagefind-{s}")
        };
        let glob = if dirs <= per_site {
            "i/**/*.html".to_string()
        } else {
            let list: Vec<String> = (first..(first + per_site).min(dirs))
                .map(|d| d.to_string())
                .collect();
            format!("i/{{{}}}/*.html", list.join(","))
        };
        cmd(
            bin.to_str().context("a UTF-8 path")?,
            &[
                "--site",
                site_str,
                "--glob",
                &glob,
                "--output-subdir",
                &out,
                "--quiet",
            ],
            bench_dir,
        )?;
        if s > 0 {
            merged.push(format!("\"./{out}/\""));
        }
    }
    std::fs::write(site.join("merge.json"), format!("[{}]", merged.join(",")))?;
    eprintln!(
        "# {n} items: Pagefind indexed them in {:.1} s ({} site{})",
        t.elapsed().as_secs_f64(),
        merged.len() + 1,
        if merged.is_empty() { "" } else { "s, merged" }
    );
    Ok(())
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
