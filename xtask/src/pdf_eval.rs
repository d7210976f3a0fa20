//! `cargo xtask pdf-eval`: referat's PDF text against `pdftotext` (poppler, Debian's
//! `poppler-utils`, the reference in this comparison only) and against pdf-extract's
//! own text output, the crate whose content-stream reader referat uses. For each PDF:
//! word-level F1 against pdftotext, words split in two where pdftotext keeps them
//! whole, and time. Then pages per second on two sets, 504 pages (the Aarhus minutes 18
//! times) and a generated PDF of over 500 pages (`tests/bench/make-pdf.mjs`): extraction
//! alone and with parsing, pdftotext, the CLI as a process, and the viewer's import
//! (`tests/bench/import.mjs`, after `dist`), all in the same run.
//!
//! Words are runs of letters and digits. Both sides get the same normalisation first:
//! soft hyphens dropped and a word hyphenated at a line end joined (pdftotext joins
//! them, referat keeps the line as printed; the parser joins them later).

use anyhow::{bail, Context, Result};
use referat_core::Vocabulary;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
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
    // The generated long minutes (bench-data/, never committed), printed by Chromium.
    let generated = root.join("bench-data/generated.pdf");
    std::fs::create_dir_all(root.join("bench-data"))?;
    crate::cmd(
        "node",
        &["tests/bench/make-pdf.mjs", "500", crate::path(&generated)?],
        root,
    )?;

    let v = Vocabulary::builtin();
    println!(
        "| file | pages | referat F1 | split | pdf-extract F1 | split | referat ms | pdf-extract ms | pdftotext ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut files: Vec<PathBuf> = FILES.iter().map(|f| root.join(f)).collect();
    files.push(generated.clone());
    for path in &files {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(path).with_context(|| format!("cannot read `{name}`"))?;
        let (reference, t_ref) = best_of(3, || pdftotext(path))?;
        let (ours, t_ours) = best_of(3, || {
            let pdf = referat_core::pdf::extract(&bytes, &|l| v.is_heading_line(l))
                .map_err(|e| anyhow::anyhow!(e.in_file(&name)))?;
            Ok((pdf.furniture.join("\n") + "\n" + &pdf.text, pdf.pages))
        })?;
        let (plain, t_plain) = best_of(3, || {
            pdf_extract::extract_text_from_mem(&bytes).map_err(|e| anyhow::anyhow!("{e}"))
        })?;
        let (ours, pages) = ours;
        let (f1_ours, split_ours) = compare(&ours, &reference);
        let (f1_plain, split_plain) = compare(&plain, &reference);
        println!(
            "| {name} | {pages} | {f1_ours:.4} | {split_ours} | {f1_plain:.4} | {split_plain} | {:.1} | {:.1} | {:.1} |",
            ms(t_ours),
            ms(t_plain),
            ms(t_ref)
        );
    }

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    crate::cmd(
        &cargo,
        &["build", "-q", "--release", "-p", "referat-cli"],
        root,
    )?;
    crate::dist()?;
    let copies = std::env::temp_dir().join(format!("referat-pdf-eval-{}", std::process::id()));
    std::fs::create_dir_all(&copies)?;
    let mut aarhus = Vec::new();
    for i in 0..REPEAT {
        let copy = copies.join(format!("aarhus-{i:02}.pdf"));
        std::fs::copy(root.join(FILES[0]), &copy)?;
        aarhus.push(copy);
    }
    let generated_pages = referat_core::pdf::extract(&std::fs::read(&generated)?, &|_| false)
        .map_err(|e| anyhow::anyhow!(e.in_file("generated.pdf")))?
        .pages;
    println!("\nThroughput, one core, each set measured in the same run:\n");
    println!("| pages | referat extraction | referat ingest (extraction + parsing + check) | pdftotext | `referat ingest -j 1`, whole process | viewer import, files chosen to done (best of 3) | of which reading + parsing in the worker |");
    println!("|---|---|---|---|---|---|---|");
    let result = throughput(
        root,
        v,
        &format!("{} (the Aarhus minutes {REPEAT} times)", 28 * REPEAT),
        28 * REPEAT,
        &aarhus,
    )
    .and_then(|()| {
        throughput(
            root,
            v,
            &format!("{generated_pages} (generated.pdf, one file)"),
            generated_pages,
            std::slice::from_ref(&generated),
        )
    });
    let _ = std::fs::remove_dir_all(&copies);
    result
}

/// One row of the throughput table: `files` (of `pages` pages in all) read in process,
/// by pdftotext, by the CLI as a process, and imported in the viewer.
fn throughput(
    root: &Path,
    v: &Vocabulary,
    label: &str,
    pages: usize,
    files: &[PathBuf],
) -> Result<()> {
    let bytes: Vec<Vec<u8>> = files.iter().map(std::fs::read).collect::<Result<_, _>>()?;
    let ((), extract) = best_of(3, || {
        for b in &bytes {
            referat_core::pdf::extract(b, &|l| v.is_heading_line(l))
                .map_err(|e| anyhow::anyhow!(e.in_file("pdf")))?;
        }
        Ok(())
    })?;
    let ((), ingest) = best_of(3, || {
        for b in &bytes {
            referat_core::ingest::ingest(b.clone(), "x.pdf", v, true)?;
        }
        Ok(())
    })?;
    let ((), reference) = best_of(3, || {
        for f in files {
            pdftotext(f)?;
        }
        Ok(())
    })?;
    // What a user runs: the CLI on the same files, one thread, with process start and the
    // vocabulary's patterns, as the browser's import includes them.
    let cli = root.join("target/release/referat");
    let out_json =
        std::env::temp_dir().join(format!("referat-pdf-eval-{}.json", std::process::id()));
    let ((), cli_time) = best_of(3, || {
        let status = Command::new(&cli)
            .arg("ingest")
            .args(files)
            .arg("-o")
            .arg(&out_json)
            .args(["-j", "1"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()?;
        if !status.success() {
            bail!("referat ingest failed");
        }
        Ok(())
    })?;
    let _ = std::fs::remove_file(&out_json);
    let mut args = vec!["tests/bench/import.mjs".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let out = Command::new("node")
        .current_dir(root)
        .args(&args)
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
    let rate = |s: f64| pages as f64 / s;
    let cell = |s: f64| format!("{s:.2} s = {:.0} pages/s", rate(s));
    let cli = cli_time.as_secs_f64();
    let (wall, worker) = (seconds("in_page_ms"), seconds("worker_ms"));
    println!(
        "| {label} | {} | {} ({:.2}x pdftotext) | {} | {} | {} = {:.2}x the CLI | {} = {:.2}x the CLI |",
        cell(extract.as_secs_f64()),
        cell(ingest.as_secs_f64()),
        ingest.as_secs_f64() / reference.as_secs_f64(),
        cell(reference.as_secs_f64()),
        cell(cli),
        cell(wall),
        wall / cli,
        cell(worker),
        worker / cli,
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
