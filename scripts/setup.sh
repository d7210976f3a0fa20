#!/usr/bin/env bash
# Installs what referat's build and tests need, skipping what is already there.
# Safe to run again: a second run takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# Rust: the wasm target and the linters (rustup is on the machine).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

# wasm-bindgen-cli, built from crates.io (no prebuilt downloads). Not --locked: see TOOLCHAIN notes.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Debian's Chromium for the browser tests (Playwright drives it; it downloads nothing).
if [ ! -x /usr/bin/chromium ]; then
  say "installing chromium from Debian"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y -q chromium || {
    $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q chromium
  }
fi

# Debian's pdftotext, the reference that `cargo xtask pdf-eval` compares referat's PDF text with
# (no test needs it; referat itself reads PDFs in Rust).
if ! command -v pdftotext >/dev/null; then
  say "installing poppler-utils (pdftotext) from Debian"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y -q poppler-utils || {
    $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q poppler-utils
  }
fi

# npm: playwright-core (browser driver) and binaryen (wasm-opt), pinned by the lockfile.
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/binaryen ] \
   || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  say "installing npm packages in tests/browser"
  (cd tests/browser && npm ci --no-audit --no-fund)
fi
say "ready"
