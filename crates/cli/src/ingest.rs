//! `referat ingest`: minutes texts in, one bundle out.

use crate::output::{count, now_rfc3339, write_atomically};
use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use referat_core::decode::Encoding;
use referat_core::ingest::{ingest, Ingested};
use referat_core::learn::learn_committees;
use referat_core::{assemble, Meeting, Vocabulary, Warning};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Minutes as .pdf, .txt or .html files, or folders searched for them.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write the bundle.
    #[arg(short, long)]
    output: PathBuf,
    /// Shown in the viewer's header.
    #[arg(long, default_value = "Referater")]
    title: String,
    /// More vocabulary: committees, header labels, headings, case labels, outcome phrases
    /// (the shape of `crates/core/src/vocabulary/builtin.toml`; its lists are added to).
    #[arg(long, value_name = "FILE.toml")]
    vocabulary: Option<PathBuf>,
    /// More committee abbreviations (`[committees]` then `ABBR = "Full name"`); the same
    /// as a `--vocabulary` file with only committees.
    #[arg(long, value_name = "FILE.toml", conflicts_with = "vocabulary")]
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
    /// Fail when a word of the input is missing from the bundle, or a file cannot be read
    /// (both are always reported; without this flag an unreadable file is skipped).
    #[arg(long)]
    strict: bool,
}

/// One file's result, filled in by whichever thread parsed it.
type Slot = std::sync::Mutex<Option<Result<(Option<Meeting>, FileReport)>>>;

struct FileReport {
    path: PathBuf,
    encoding: Encoding,
    warnings: Vec<Warning>,
    lost: Vec<String>,
}

/// The built-in vocabulary, or the one a user's file extends.
pub fn load_vocabulary(path: Option<&Path>) -> Result<std::borrow::Cow<'static, Vocabulary>> {
    let Some(path) = path else {
        return Ok(std::borrow::Cow::Borrowed(Vocabulary::builtin()));
    };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read `{}`", path.display()))?;
    let vocabulary =
        Vocabulary::extended(&text).with_context(|| format!("in `{}`", path.display()))?;
    Ok(std::borrow::Cow::Owned(vocabulary))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let vocabulary = load_vocabulary(args.vocabulary.as_deref().or(args.committees.as_deref()))?;
    let vocabulary: &Vocabulary = &vocabulary;
    let (files, skipped) = collect_files(&args.inputs)?;
    for s in &skipped {
        eprintln!("{s}");
    }
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
                let result = ingest_file(path, vocabulary, !args.no_check);
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
    let mut unread = Vec::new();
    for slot in results {
        match slot
            .into_inner()
            .expect("no thread panics holding it")
            .expect("every file ran")
        {
            Ok((meeting, report)) => {
                meetings.extend(meeting);
                reports.push(report);
            }
            Err(e) => unread.push(e),
        }
    }
    progress.finish_and_clear();

    // A file that gives no text (a scanned PDF in a folder of minutes) is named and
    // left out; the others still make the bundle. With nothing read, or with
    // --strict, nothing is written.
    if let Some(first) = unread.first() {
        if reports.is_empty() || args.strict {
            for e in &unread[1..] {
                eprintln!("error: {e:#}");
            }
            let mut e = anyhow::anyhow!("{first:#}");
            if args.strict && !reports.is_empty() {
                e = e.context(format!(
                    "{} file(s) could not be read; `{}` was not changed (--strict)",
                    unread.len(),
                    args.output.display()
                ));
            }
            return Err(e);
        }
        for e in &unread {
            eprintln!("skipped: {e:#}");
        }
    }

    // Report first: with --strict a lost word must leave the previous bundle untouched.
    let mut lost_any = false;
    for r in &reports {
        lost_any |= !r.lost.is_empty();
        let notes = referat_core::ingest::notes(&r.warnings, r.encoding, &r.lost);
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

    // A header's `ØK` and a decision's `Økonomiudvalget`, anywhere in the run, meet.
    let mut committees = vocabulary.committees.clone();
    for (abbreviation, full) in learn_committees(&mut meetings, &mut committees) {
        eprintln!("learnt: {abbreviation} = {full}");
    }
    let bundle = assemble(&args.title, &now_rfc3339(), meetings, &committees);
    write_atomically(
        &args.output,
        |w| bundle.write_json(w, args.pretty),
        &interrupted,
    )?;
    println!(
        "wrote {}: {}, {} from {}{}",
        args.output.display(),
        count(bundle.meetings.len(), "meeting", "meetings"),
        count(bundle.item_count(), "item", "items"),
        count(files.len(), "file", "files"),
        if unread.is_empty() {
            String::new()
        } else {
            format!(" ({} skipped)", unread.len())
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn ingest_file(
    path: &Path,
    vocabulary: &Vocabulary,
    check: bool,
) -> Result<(Option<Meeting>, FileReport)> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    let Ingested {
        meeting,
        warnings,
        encoding,
        lost,
        ..
    } = ingest(bytes, &path.display().to_string(), vocabulary, check)?;
    let report = FileReport {
        path: path.to_path_buf(),
        encoding,
        warnings,
        lost,
    };
    Ok((meeting, report))
}

/// The extensions read from folders.
const EXTENSIONS: &[&str] = &["txt", "html", "htm", "pdf"];

/// Expands folders into their minutes files (recursively, sorted); files are taken as
/// given. A file named twice, or reached twice through a link, is read once; a link
/// back to a folder being walked is not followed. Returns the files and a note for each
/// one skipped.
pub fn collect_files(inputs: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<String>)> {
    let mut files = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut skipped = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input)
            .with_context(|| format!("cannot read `{}`", input.display()))?;
        if meta.is_dir() {
            let before = files.len();
            let mut walking = Vec::new();
            walk(input, &mut files, &mut seen, &mut walking, &mut skipped)?;
            if files.len() == before && skipped.is_empty() {
                bail!(
                    "no minutes found: folder `{}` holds no .pdf, .txt or .html files",
                    input.display()
                );
            }
        } else {
            let key = std::fs::canonicalize(input).unwrap_or_else(|_| input.clone());
            if seen.insert(key) {
                files.push(input.clone());
            } else {
                skipped.push(format!("{}: named twice, read once", input.display()));
            }
        }
    }
    Ok((files, skipped))
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    seen: &mut std::collections::HashSet<PathBuf>,
    walking: &mut Vec<PathBuf>,
    skipped: &mut Vec<String>,
) -> Result<()> {
    let real = std::fs::canonicalize(dir)
        .with_context(|| format!("cannot read folder `{}`", dir.display()))?;
    if walking.contains(&real) {
        skipped.push(format!(
            "{}: a link back to a folder being read, not followed",
            dir.display()
        ));
        return Ok(());
    }
    walking.push(real);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read folder `{}`", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("cannot read folder `{}`", dir.display()))?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, files, seen, walking, skipped)?;
        } else if path
            .extension()
            .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
        {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if seen.insert(key) {
                files.push(path);
            } else {
                skipped.push(format!(
                    "{}: the same file as one already read",
                    path.display()
                ));
            }
        }
    }
    walking.pop();
    Ok(())
}
