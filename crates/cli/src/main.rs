//! `referat`: turns minutes texts into a bundle, checks bundles, packs them into one HTML file.

mod explain;
mod ingest;
mod output;
mod pack;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use referat_core::{Bundle, BundleError};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "referat",
    version,
    about = "Minutes viewer for Danish municipalities: build and check bundles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse minutes (.pdf, .txt or .html files, or folders of them) into a bundle.
    Ingest(ingest::Args),
    /// Show how one file was read: each line's class, each field's line, the warnings.
    Explain(explain::Args),
    /// Check a bundle and name each problem with its place.
    Validate { bundle: PathBuf },
    /// Put bundles into the viewer: one HTML file that opens from a USB stick (`-o`), or
    /// a folder of files for any static web server (`--shards`). Several bundles are joined.
    #[command(group(clap::ArgGroup::new("to").required(true).args(["output", "shards"])))]
    Pack {
        #[arg(required = true)]
        bundles: Vec<PathBuf>,
        /// The one HTML file to write.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// A folder to write the archive into, as `index.html`, its light bundle and a part
        /// per committee and year under `shards/` (see docs/packed-layout.md).
        #[arg(long, value_name = "DIR")]
        shards: Option<PathBuf>,
        /// A viewer without data to pack into (a custom build, e.g. `dist/referat-app.html`
        /// from `cargo xtask dist`); by default the one built into this binary.
        #[arg(long)]
        app: Option<PathBuf>,
    },
}

/// The viewer, embedded at build time (`build.rs`); empty when it could not be built.
const VIEWER: &str = include_str!(concat!(env!("OUT_DIR"), "/referat-app.html"));

fn main() -> ExitCode {
    // A panic inside the PDF libraries is caught and reported as that file's error (see
    // `referat_core::pdf`); one line says where it happened, not a backtrace, unless one is
    // asked for with RUST_BACKTRACE.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|info| {
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let what = referat_core::pdf::panic_message(info.payload());
            eprintln!("note: internal panic{at}: {what}");
        }));
    }
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest(args) => ingest::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Validate { bundle } => validate(&bundle),
        Command::Pack {
            bundles,
            output,
            shards,
            app,
        } => pack::run(
            &bundles,
            output.as_deref(),
            shards.as_deref(),
            app.as_deref(),
            VIEWER,
        ),
    }
}

fn validate(path: &PathBuf) -> Result<ExitCode> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    match Bundle::from_slice(&bytes) {
        Ok(bundle) => {
            println!(
                "{}: ok, {}, {}",
                path.display(),
                output::count(bundle.meetings.len(), "meeting", "meetings"),
                output::count(bundle.item_count(), "item", "items")
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(BundleError::Invalid(problems)) => {
            for p in &problems {
                eprintln!("{}: {p}", path.display());
            }
            eprintln!("{}: {} problem(s)", path.display(), problems.len());
            Ok(ExitCode::FAILURE)
        }
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            Ok(ExitCode::FAILURE)
        }
    }
}
