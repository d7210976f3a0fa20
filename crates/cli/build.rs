//! Embeds the viewer (`referat-app.html`) in the `referat` binary, so `referat pack` works
//! wherever the binary is installed. Where the viewer comes from, in order:
//!
//! 1. `REFERAT_APP_HTML=FILE`, a viewer built elsewhere;
//! 2. the workspace's `dist/referat-app.html`, when it is newer than every source of the
//!    viewer (`cargo xtask dist` made it from this checkout);
//! 3. built here with `cargo xtask app`, in its own target directory (`target/cli-viewer`),
//!    so it never waits on the lock of the build that runs this script.
//!
//! If none works (no wasm-bindgen or wasm-opt: `./scripts/setup.sh` installs them), the
//! binary is built without a viewer and says so when `pack` is run without `--app`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// What the viewer is built from: a change in any of these makes `dist/` stale.
const SOURCES: &[&str] = &[
    "src",
    "public",
    "index.html",
    "Cargo.toml",
    "Cargo.lock",
    "crates/core/src",
    "crates/core/Cargo.toml",
    "crates/importer/src",
    "crates/importer/Cargo.toml",
    "xtask/src",
    ".cargo/config.toml",
];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let embedded = out.join("referat-app.html");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    println!("cargo:rerun-if-env-changed=REFERAT_APP_HTML");
    println!("cargo:rerun-if-changed=build.rs");
    for s in SOURCES {
        println!("cargo:rerun-if-changed={}", root.join(s).display());
    }
    let dist = root.join("dist/referat-app.html");
    if dist.exists() {
        println!("cargo:rerun-if-changed={}", dist.display());
    }

    let found = if let Some(given) = std::env::var_os("REFERAT_APP_HTML") {
        println!("cargo:rerun-if-changed={}", Path::new(&given).display());
        std::fs::copy(&given, &embedded)
            .map(|_| ())
            .map_err(|e| format!("REFERAT_APP_HTML={}: {e}", Path::new(&given).display()))
    } else if dist.exists() && newest(&root).is_some_and(|src| modified(&dist) >= Some(src)) {
        std::fs::copy(&dist, &embedded)
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", dist.display()))
    } else {
        build(&root, &embedded)
    };
    if let Err(why) = found {
        println!("cargo:warning=referat is built without its viewer ({why}); `referat pack` will need --app FILE. Run ./scripts/setup.sh and build again to embed it.");
        std::fs::write(&embedded, "").expect("writing to OUT_DIR");
        // A path that never exists: cargo runs this script again on the next build, so the
        // viewer is embedded once the tools are there.
        println!(
            "cargo:rerun-if-changed={}",
            out.join("no-viewer-yet").display()
        );
    }
}

/// `cargo xtask app` with a target directory of its own.
fn build(root: &Path, embedded: &Path) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(root)
        .args(["run", "-q", "-p", "xtask", "--", "app", "--out"])
        .arg(embedded)
        .env("CARGO_TARGET_DIR", root.join("target/cli-viewer"));
    // What cargo set for this build script is not for the build it starts.
    for (var, _) in std::env::vars_os() {
        let name = var.to_string_lossy();
        let for_this_script = name.starts_with("CARGO_CFG_")
            || name.starts_with("CARGO_FEATURE_")
            || name.starts_with("CARGO_PKG_")
            || name.starts_with("CARGO_MANIFEST_")
            || [
                "CARGO_ENCODED_RUSTFLAGS",
                "RUSTFLAGS",
                "CARGO_BUILD_RUSTFLAGS",
                "CARGO_MAKEFLAGS",
                "MAKEFLAGS",
                "MFLAGS",
                "CARGO_BUILD_TARGET",
                "RUSTC_WORKSPACE_WRAPPER",
                "RUSTC_LINKER",
                "OUT_DIR",
                "TARGET",
                "HOST",
                "PROFILE",
                "OPT_LEVEL",
                "DEBUG",
                "NUM_JOBS",
            ]
            .contains(&name.as_ref());
        if for_this_script {
            command.env_remove(&var);
        }
    }
    let status = command
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo xtask app` failed ({status})"))
    }
}

/// The newest modification time among the viewer's sources.
fn newest(root: &Path) -> Option<SystemTime> {
    let mut newest = None;
    for s in SOURCES {
        walk(&root.join(s), &mut |t| newest = newest.max(Some(t)));
    }
    newest
}

fn walk(path: &Path, seen: &mut impl FnMut(SystemTime)) {
    if let Some(t) = modified(path) {
        seen(t);
    }
    if let Ok(entries) = std::fs::read_dir(path) {
        for e in entries.flatten() {
            walk(&e.path(), seen);
        }
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
