//! `referat pack`: bundles into the viewer, as one file (`-o`) or a sharded folder
//! (`--shards`); the layouts themselves are `referat_core::pack` and `referat_core::shards`.

use crate::output;
use anyhow::{bail, Context, Result};
use referat_core::{Bundle, Committees};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

pub fn run(
    bundles: &[std::path::PathBuf],
    output: Option<&Path>,
    shards: Option<&Path>,
    app: Option<&Path>,
    built_in: &str,
) -> Result<ExitCode> {
    let bundle = read_all(bundles)?;
    let (shell, from) = match app {
        Some(app) => (
            std::fs::read_to_string(app)
                .with_context(|| format!("cannot read the viewer `{}`", app.display()))?,
            format!("`{}`", app.display()),
        ),
        None if built_in.is_empty() => bail!(
            "this referat was built without its viewer (wasm-bindgen or wasm-opt was missing); pass --app FILE, or run ./scripts/setup.sh and install it again"
        ),
        None => (built_in.to_string(), "the built-in viewer".to_string()),
    };
    let never = AtomicBool::new(false);
    if let Some(dir) = shards {
        let index = dir.join("index.html");
        if let Ok(existing) = std::fs::read_to_string(&index) {
            if !existing.contains(referat_core::pack::PLACEHOLDER) {
                bail!(
                    "`{}` exists and is not a referat viewer; choose an empty folder for the archive",
                    index.display()
                );
            }
        }
        let files =
            referat_core::pack::pack_shards(&shell, &bundle, referat_core::shards::SHARD_BYTES)
                .with_context(|| format!("cannot pack into {from}"))?;
        // The parts first and the page last: a server never offers a page whose parts are
        // not there yet.
        let (page, pieces) = files.split_first().expect("index.html comes first");
        let bytes: usize = pieces.iter().map(|(_, b)| b.len()).sum();
        for (name, data) in pieces.iter().chain(std::iter::once(page)) {
            output::write_atomically(&dir.join(name), |w| w.write_all(data), &never)?;
        }
        let parts = pieces
            .iter()
            .filter(|(n, _)| n.starts_with("shards/"))
            .count();
        // A small archive in kB: "0.0 MB" says nothing.
        let size = if bytes < 1_000_000 {
            format!("{:.0} kB", bytes as f64 / 1e3)
        } else {
            format!("{:.1} MB", bytes as f64 / 1e6)
        };
        println!(
            "wrote {}: index.html, {} with {} ({size} compressed)",
            dir.display(),
            output::count(parts, "part", "parts"),
            output::count(bundle.item_count(), "item", "items"),
        );
        return Ok(ExitCode::SUCCESS);
    }
    let output = output.expect("clap requires -o or --shards");
    let html = referat_core::pack::pack(&shell, &bundle)
        .with_context(|| format!("cannot pack into {from}"))?;
    output::write_atomically(output, |w| w.write_all(html.as_bytes()), &never)?;
    println!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}

/// The bundles, joined: the first one's title, the others' meetings added to it as the
/// viewer's import adds them (an id already taken gets a free suffix).
fn read_all(paths: &[std::path::PathBuf]) -> Result<Bundle> {
    let mut joined: Option<Bundle> = None;
    for path in paths {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        let bundle =
            Bundle::from_slice(&bytes).map_err(|e| anyhow::anyhow!("`{}`: {e}", path.display()))?;
        drop(bytes);
        joined = Some(match joined {
            None => bundle,
            Some(base) => {
                let generated = base.generated.clone().max(bundle.generated.clone());
                let committees = Committees::of_bundle(&bundle);
                referat_core::merge::add_meetings(base, bundle.meetings, &generated, &committees)
            }
        });
    }
    joined.context("no bundle given")
}
