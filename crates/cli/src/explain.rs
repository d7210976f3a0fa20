//! `referat explain FILE`: how one file was read. Each line with its class, each field
//! with the line it came from, and the warnings: how a municipality's IT staff find out
//! why a field is empty.

use crate::ingest::load_vocabulary;
use anyhow::{Context, Result};
use referat_core::ingest::InputKind;
use referat_core::TraceLine;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A minutes file (.pdf, .txt or .html).
    file: PathBuf,
    /// More vocabulary, as for `ingest --vocabulary`.
    #[arg(long, value_name = "FILE.toml")]
    vocabulary: Option<PathBuf>,
}

/// The first line of the trace whose text holds `value`, among the lines of `item` when
/// given (the lines the parser put into that item), else among all.
fn line_of(trace: &[TraceLine], value: &str, item: Option<usize>) -> String {
    let value = value.trim();
    if value.is_empty() {
        return String::new();
    }
    let find = |of_item: bool| {
        trace
            .iter()
            .filter(|t| !of_item || t.item == item)
            .find(|t| t.text.contains(value))
    };
    find(item.is_some())
        .or_else(|| find(false))
        .map_or_else(String::new, |t| format!("  (line {})", t.line))
}

pub fn run(args: Args) -> Result<ExitCode> {
    // Written out at the end, so that `referat explain … | head` ends quietly when the
    // reader stops (println! would panic on the closed pipe).
    let out = std::cell::RefCell::new(String::new());
    macro_rules! say {
        ($($t:tt)*) => {{
            use std::fmt::Write as _;
            let _ = writeln!(out.borrow_mut(), $($t)*);
        }};
    }
    let vocabulary = load_vocabulary(args.vocabulary.as_deref())?;
    let path = &args.file;
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    let name = path.display().to_string();
    let got = referat_core::ingest::ingest_traced(bytes, &name, &vocabulary)?;
    say!(
        "{name}: read as {}{}",
        match got.kind {
            InputKind::Html => "an HTML page",
            InputKind::Pdf => "a PDF",
            InputKind::Text => "text",
        },
        if got.encoding == referat_core::decode::Encoding::Windows1252 {
            " (Windows-1252)"
        } else {
            ""
        }
    );
    let trace = &got.trace;
    say!("\nLines:");
    let width = trace
        .iter()
        .map(|t| t.class.chars().count())
        .max()
        .unwrap_or(0);
    for t in trace {
        let text: String = t.text.chars().take(100).collect();
        say!("{:>5}  {:<width$}  {text}", t.line, t.class);
    }
    let Some(m) = &got.meeting else {
        say!(
            "\nNo meeting: {}",
            got.warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        );
        return Ok(ExitCode::SUCCESS);
    };
    let field = |name: &str, value: Option<&str>| match value {
        Some(v) => say!("  {name}: {v}{}", line_of(trace, v, None)),
        None => say!("  {name}: (none)"),
    };
    say!("\nMeeting:");
    field("committee", m.committee.as_deref());
    field("date", m.date.as_deref());
    field("start time", m.start_time.as_deref());
    field("location", m.location.as_deref());
    field("heading", m.heading.as_deref());
    for a in &m.absent {
        say!("  absent: {}{}", a.name, line_of(trace, &a.name, None));
    }
    for (i, item) in m.items.iter().enumerate() {
        let of_item = |value: &str| line_of(trace, value, Some(i + 1));
        say!("\nItem {}:", i + 1);
        match item.number {
            Some(n) => say!("  number: {n}"),
            None => say!("  number: (none)"),
        }
        for (name, value) in [("title", &item.title), ("case number", &item.case_number)] {
            match value {
                Some(v) => say!("  {name}: {v}{}", of_item(v)),
                None => say!("  {name}: (none)"),
            }
        }
        say!("  access: {:?}", item.access);
        for d in &item.decisions {
            let heading = d.heading.as_deref().unwrap_or("");
            say!(
                "  decision: {} → {}{}{}",
                heading,
                d.outcome.as_str(),
                if d.dissent { ", dissent" } else { "" },
                of_item(heading)
            );
        }
        say!("  outcome: {}", item.outcome.as_str());
        for a in &item.absent {
            say!("  absent: {}{}", a.name, of_item(&a.name));
        }
    }
    say!("\nWarnings:");
    if got.warnings.is_empty() && got.lost.is_empty() {
        say!("  none");
    }
    for w in &got.warnings {
        say!("  {w}");
    }
    if !got.lost.is_empty() {
        say!(
            "  {} word(s) not in the bundle: {}",
            got.lost.len(),
            got.lost.join(", ")
        );
    }
    use std::io::Write as _;
    match std::io::stdout()
        .lock()
        .write_all(out.into_inner().as_bytes())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
