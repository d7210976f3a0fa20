//! `cargo xtask pdf-eval`: referat's PDF text against `pdftotext` (poppler, Debian's
//! `poppler-utils`, the reference in this comparison only) and against pdf-extract's
//! own text output, the crate whose content-stream reader referat uses. For each PDF:
//! word-level F1 against pdftotext, words split in two where pdftotext keeps them
//! whole, and time; then pages per second over 504 pages (the Aarhus minutes 18 times),
//! extraction alone and with parsing, beside pdftotext on the same pages in the same run,
//! and the same pages imported in the viewer (`tests/bench/import.mjs`, after `dist`).
//!
//! Words are runs of letters and digits. Both sides get the same normalisation first:
//! soft hyphens dropped and a word hyphenated at a line end joined (pdftotext joins
//! them, referat keeps the line as printed; the parser joins them later).

use anyhow::{bail, Context, Result};
use referat_core::Vocabulary;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const FILES: &[&str] = &[
    "tests/fixtures/aarhus-byraad-2025-08-27.pdf",
    "tests/fixtures/pdf/udvalgsmoede.pdf",
    "tests/fixtures/pdf/brev.pdf",
];

/// How many times the Aarhus minutes (28 pages) are read for the throughput figure.
const REPEAT: usize = 18;

pub fn run(root: &Path) -> Result<()> {
    // Timings of a debug build say nothing: measure the release build.
    if cfg!(debug_assertions) {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .current_dir(root)
            .args([
                "run",
                "--quiet",
                "--release",
                "-p",
                "xtask",
                "--",
                "pdf-eval",
            ])
            .status()
            .context("cannot run the release build of xtask")?;
        if !status.success() {
            bail!("pdf-eval failed");
        }
        return Ok(());
    }
    if Command::new("pdftotext").arg("-v").output().is_err() {
        bail!("pdftotext is not installed (Debian: `apt-get install poppler-utils`); it is the reference here");
    }
    let v = Vocabulary::builtin();
    println!(
        "| file | pages | referat F1 | split | pdf-extract F1 | split | referat ms | pdf-extract ms | pdftotext ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for file in FILES {
        let path = root.join(file);
        let bytes = std::fs::read(&path).with_context(|| format!("cannot read `{file}`"))?;
        let (reference, t_ref) = best_of(3, || pdftotext(&path))?;
        let (ours, t_ours) = best_of(3, || {
            let pdf = referat_core::pdf::extract(&bytes, &|l| v.is_heading_line(l))
                .map_err(|e| anyhow::anyhow!(e.in_file(file)))?;
            Ok((pdf.furniture.join("\n") + "\n" + &pdf.text, pdf.pages))
        })?;
        let (plain, t_plain) = best_of(3, || {
            pdf_extract::extract_text_from_mem(&bytes).map_err(|e| anyhow::anyhow!("{e}"))
        })?;
        let (ours, pages) = ours;
        let (f1_ours, split_ours) = compare(&ours, &reference);
        let (f1_plain, split_plain) = compare(&plain, &reference);
        println!(
            "| {} | {pages} | {f1_ours:.4} | {split_ours} | {f1_plain:.4} | {split_plain} | {:.1} | {:.1} | {:.1} |",
            Path::new(file).file_name().unwrap().to_string_lossy(),
            ms(t_ours),
            ms(t_plain),
            ms(t_ref)
        );
    }

    let aarhus = root.join(FILES[0]);
    let bytes = std::fs::read(&aarhus)?;
    let pages = 28 * REPEAT;
    let start = Instant::now();
    for _ in 0..REPEAT {
        referat_core::pdf::extract(&bytes, &|l| v.is_heading_line(l))
            .map_err(|e| anyhow::anyhow!(e.in_file(FILES[0])))?;
    }
    let extract = start.elapsed();
    let start = Instant::now();
    for _ in 0..REPEAT {
        referat_core::ingest::ingest(bytes.clone(), FILES[0], v, true)?;
    }
    let ingest = start.elapsed();
    let start = Instant::now();
    for _ in 0..REPEAT {
        pdftotext(&aarhus)?;
    }
    let reference = start.elapsed();
    let rate = |d: Duration| pages as f64 / d.as_secs_f64();
    println!("\n{pages} pages (the Aarhus minutes {REPEAT} times), one core:");
    println!(
        "- referat extraction: {:.0} pages/s ({:.2} s)",
        rate(extract),
        extract.as_secs_f64()
    );
    println!(
        "- referat extraction + parsing + word check: {:.0} pages/s ({:.2} s)",
        rate(ingest),
        ingest.as_secs_f64()
    );
    println!(
        "- pdftotext (a process per file): {:.0} pages/s ({:.2} s); referat ingest takes {:.2}x its time",
        rate(reference),
        reference.as_secs_f64(),
        ingest.as_secs_f64() / reference.as_secs_f64()
    );

    // What a user runs: the CLI on the same pages as 18 files, one thread, process start
    // and the vocabulary's patterns included, as the browser's import includes them.
    let copies = std::env::temp_dir().join(format!("referat-pdf-eval-{}", std::process::id()));
    std::fs::create_dir_all(&copies)?;
    for i in 0..REPEAT {
        std::fs::copy(&aarhus, copies.join(format!("aarhus-{i:02}.pdf")))?;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    crate::cmd(
        &cargo,
        &["build", "-q", "--release", "-p", "referat-cli"],
        root,
    )?;
    let cli = root.join("target/release/referat");
    let out_json = copies.join("bundle.json");
    let ((), cli_time) = best_of(3, || {
        let status = Command::new(&cli)
            .arg("ingest")
            .arg(&copies)
            .arg("-o")
            .arg(&out_json)
            .args(["-j", "1"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()?;
        if !status.success() {
            bail!("referat ingest failed on the copies");
        }
        Ok(())
    })?;
    let _ = std::fs::remove_dir_all(&copies);
    println!(
        "- `referat ingest -j 1` on the same pages as {REPEAT} files (whole process): {:.2} s = {:.0} pages/s",
        cli_time.as_secs_f64(),
        rate(cli_time)
    );

    // The same files imported in the browser (dist/referat.html, headless Chromium).
    crate::dist()?;
    let out = Command::new("node")
        .current_dir(root)
        .args(["tests/bench/import.mjs", &REPEAT.to_string()])
        .output()
        .context("cannot run node tests/bench/import.mjs")?;
    if !out.status.success() {
        bail!(
            "tests/bench/import.mjs failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    let figures: serde_json::Value =
        serde_json::from_str(last).with_context(|| format!("import.mjs printed `{last}`"))?;
    let seconds = |key: &str| figures[key].as_f64().unwrap_or(f64::NAN) / 1000.0;
    let (worker, wall) = (seconds("worker_ms"), seconds("wall_ms"));
    let cli = cli_time.as_secs_f64();
    println!("- the viewer's import of the same {REPEAT} files, headless Chromium from file://:");
    println!(
        "  from choosing the files to the last one read {wall:.2} s = {:.2}x the CLI's time; \
         reading + parsing in the worker {worker:.2} s = {:.2}x (the importer's start {} ms, first file {} ms)",
        wall / cli,
        worker / cli,
        figures["start_ms"],
        figures["first_file_ms"]
    );
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn best_of<T>(n: usize, mut f: impl FnMut() -> Result<T>) -> Result<(T, Duration)> {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..n {
        let start = Instant::now();
        let value = f()?;
        best = best.min(start.elapsed());
        out = Some(value);
    }
    Ok((out.expect("n > 0"), best))
}

fn pdftotext(path: &Path) -> Result<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .context("cannot run pdftotext")?;
    if !out.status.success() {
        bail!("pdftotext failed on `{}`", path.display());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The words of `text` after the normalisation both sides get.
fn words(text: &str) -> Vec<String> {
    let text = text.replace('\u{ad}', "");
    let mut joined = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let hyphenated = line.ends_with('-')
            && line[..line.len() - 1]
                .chars()
                .last()
                .is_some_and(char::is_alphanumeric)
            && lines
                .peek()
                .and_then(|n| n.trim_start_matches('\u{c}').chars().next())
                .is_some_and(char::is_alphanumeric);
        if hyphenated {
            joined.push_str(&line[..line.len() - 1]);
        } else {
            joined.push_str(line);
            joined.push('\n');
        }
    }
    joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Word F1 of `candidate` against `reference`, and how many of the reference's words
/// the candidate splits in two (`V enstre`).
fn compare(candidate: &str, reference: &str) -> (f64, usize) {
    let (c, r) = (words(candidate), words(reference));
    let count = |ws: &[String]| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for w in ws {
            *m.entry(w.clone()).or_default() += 1;
        }
        m
    };
    let (cc, rc) = (count(&c), count(&r));
    let common: usize = cc
        .iter()
        .map(|(w, n)| (*n).min(rc.get(w).copied().unwrap_or(0)))
        .sum();
    let precision = common as f64 / c.len().max(1) as f64;
    let recall = common as f64 / r.len().max(1) as f64;
    let f1 = if common == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let split = c
        .windows(2)
        .filter(|pair| {
            let whole = format!("{}{}", pair[0], pair[1]);
            rc.contains_key(&whole) && (!rc.contains_key(&pair[0]) || !rc.contains_key(&pair[1]))
        })
        .count();
    (f1, split)
}

#[cfg(test)]
mod tests {
    use super::compare;

    #[test]
    fn a_split_word_costs_f1_and_is_counted() {
        let (f1, split) = compare("Radikale V enstre", "Radikale Venstre");
        assert_eq!(split, 1);
        assert!((f1 - 0.4).abs() < 1e-9, "{f1}");
        assert_eq!(compare("tra-\nfik", "trafik"), (1.0, 0));
    }
}
