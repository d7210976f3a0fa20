//! `referat ingest`: minutes texts in, one bundle out.

use crate::output::{now_rfc3339, write_atomically};
use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use referat_core::conserve::lost_words;
use referat_core::decode::{decode, Encoding};
use referat_core::{assemble, parse_minutes, Committees, Meeting, Warning};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Minutes as .txt files, or folders searched for .txt files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write the bundle.
    #[arg(short, long)]
    output: PathBuf,
    /// Shown in the viewer's header.
    #[arg(long, default_value = "Referater")]
    title: String,
    /// More committee abbreviations, as TOML: `[committees]` then `ABBR = "Full name"`.
    #[arg(long, value_name = "FILE.toml")]
    committees: Option<PathBuf>,
    /// Indent the JSON for reading (the default is compact, which loads faster).
    #[arg(long)]
    pretty: bool,
    /// Files parsed at once (default: one per core).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Skip the check that every input word is in the bundle (it is on by default; about
    /// a fifth of ingest time, see BENCHMARKS.md).
    #[arg(long, conflicts_with = "strict")]
    no_check: bool,
    /// Fail when a word of the input is missing from the bundle (it is always reported).
    #[arg(long)]
    strict: bool,
}

/// One file's result, filled in by whichever thread parsed it.
type Slot = std::sync::Mutex<Option<Result<(Meeting, FileReport)>>>;

struct FileReport {
    path: PathBuf,
    encoding: Encoding,
    warnings: Vec<Warning>,
    lost: Vec<String>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut committees = Committees::builtin();
    if let Some(path) = &args.committees {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read `{}`", path.display()))?;
        committees
            .extend_from_toml(&text)
            .with_context(|| format!("in `{}`", path.display()))?;
    }
    let files = collect_files(&args.inputs)?;
    let progress = if files.len() >= 20 {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files").expect("valid template"),
    );
    // Ctrl-C stops the work between files; nothing is written, so the old bundle stays.
    let interrupted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = interrupted.clone();
    // A second handler cannot be set in the same process (tests call `run` once); ignore that.
    let _ = ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst));

    // Files are independent: parse them on every core, keep the results in input order.
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = args.jobs.unwrap_or(cores).clamp(1, files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Slot> = files.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                if interrupted.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                let result = ingest_file(path, &committees, !args.no_check);
                *results[i].lock().expect("no thread panics holding it") = Some(result);
                progress.inc(1);
            });
        }
    });
    if interrupted.load(std::sync::atomic::Ordering::SeqCst) {
        bail!("interrupted; `{}` was not changed", args.output.display());
    }
    let mut meetings = Vec::with_capacity(files.len());
    let mut reports = Vec::with_capacity(files.len());
    for slot in results {
        let (meeting, report) = slot
            .into_inner()
            .expect("no thread panics holding it")
            .expect("every file ran")?;
        meetings.push(meeting);
        reports.push(report);
    }
    progress.finish_and_clear();

    // Report first: with --strict a lost word must leave the previous bundle untouched.
    let mut lost_any = false;
    for r in &reports {
        let mut notes: Vec<String> = r.warnings.iter().map(ToString::to_string).collect();
        if r.encoding == Encoding::Windows1252 {
            notes.push("read as Windows-1252".into());
        }
        if !r.lost.is_empty() {
            lost_any = true;
            let sample: Vec<&str> = r.lost.iter().take(10).map(String::as_str).collect();
            notes.push(format!(
                "{} word(s) not in the bundle: {}",
                r.lost.len(),
                sample.join(", ")
            ));
        }
        if !notes.is_empty() {
            eprintln!("{}: {}", r.path.display(), notes.join("; "));
        }
    }
    if lost_any && args.strict {
        bail!(
            "words were lost (see above); `{}` was not changed (--strict)",
            args.output.display()
        );
    }

    let bundle = assemble(&args.title, &now_rfc3339(), meetings, &committees);
    write_atomically(
        &args.output,
        |w| bundle.write_json(w, args.pretty),
        &interrupted,
    )?;
    println!(
        "wrote {}: {} meetings, {} items from {} files",
        args.output.display(),
        bundle.meetings.len(),
        bundle.item_count(),
        files.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn ingest_file(path: &Path, committees: &Committees, check: bool) -> Result<(Meeting, FileReport)> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    let (text, encoding) =
        decode(bytes).with_context(|| format!("cannot decode `{}`", path.display()))?;
    let parsed = parse_minutes(&text, &path.display().to_string(), committees);
    let lost = if check {
        lost_words(&text, &parsed.meeting)
    } else {
        Vec::new()
    };
    let report = FileReport {
        path: path.to_path_buf(),
        encoding,
        warnings: parsed.warnings,
        lost,
    };
    Ok((parsed.meeting, report))
}

/// Expands folders into their .txt files (recursively, sorted); files are taken as given.
fn collect_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input)
            .with_context(|| format!("cannot read `{}`", input.display()))?;
        if meta.is_dir() {
            let before = files.len();
            walk(input, &mut files)?;
            if files.len() == before {
                bail!(
                    "no minutes found: folder `{}` holds no .txt files",
                    input.display()
                );
            }
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read folder `{}`", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("cannot read folder `{}`", dir.display()))?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            files.push(path);
        }
    }
    Ok(())
}
