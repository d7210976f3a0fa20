//! Project tasks: `cargo xtask dist | run | browser-test | test | eval | pdf-eval`.
//!
//! `gen-bundle` writes a synthetic bundle built from the real samples (see `gen.rs`);
//! `bench` measures the viewer at 1k/10k/40k items beside MiniSearch and a JSON.parse floor.
//!
//! `dist` builds the viewer without trunk or wasm-pack: cargo, wasm-bindgen
//! (`--target no-modules`, which works inline from file://) and wasm-opt from npm
//! `binaryen`, then inlines wasm, glue and CSS into one HTML file with a CSP.

use anyhow::{bail, Context, Result};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

mod bench;
mod eval;
mod gen;
mod pdf_eval;

const USAGE: &str = "usage: cargo xtask <dist | app | run | browser-test | test | gen-bundle | bench | eval | pdf-eval>
  dist          build dist/referat-app.html, dist/index.html, and dist/referat.html (with dist/bundle.json);
                --names keeps wasm function names for profiling (see BENCHMARKS.md)
  app           --out FILE: build the viewer alone into FILE (the CLI's build script embeds it)
  run           ingest examples/norddjurs into dist/bundle.json, dist, serve dist/ on 127.0.0.1
  browser-test  ingest + dist, then the Playwright tests in tests/browser
  test          fmt, clippy (native and wasm32), cargo tests, SSR tests, browser tests
  gen-bundle    --items N [--seed S] -o FILE: a synthetic bundle from the real samples
  bench         [--sizes 1000,10000,40000] [--seed S] [--pairs N] [--reuse] [--pagefind]: the scale
                benchmark (writes bench-data/; see README, \"Benchmarks and accuracy\")
  eval          [--corpus DIR] [--labels DIR] [--bundles DIR] [--verbose]: parser accuracy on a
                labelled corpus (default devcorpus/corpus and ../shared/devcorpus/labels); see PARSING.md
  pdf-eval      PDF text against pdftotext (word F1, split words) and pages per second; see BENCHMARKS.md";

/// Shown by the boot script in a browser that cannot run the viewer.
const UNSUPPORTED: &str = "Denne browser er for gammel til referat (den skal kunne køre WebAssembly med SIMD). Brug Safari 16.4, Chrome 97, Edge 97, Firefox 89 eller nyere. (This browser is too old for referat: it needs WebAssembly with SIMD.)";

const SAMPLE_TITLE: &str = "Norddjurs Kommune – referater";

fn main() -> Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    match task.as_str() {
        "dist" => dist(),
        "app" => app(),
        "run" => run(),
        "browser-test" => browser_test(),
        "test" => test(),
        "gen-bundle" => gen_bundle(),
        "bench" => bench::bench(),
        "eval" => eval::eval(&root()),
        "pdf-eval" => pdf_eval::run(&root()),
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2)
        }
    }
}

pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

pub(crate) fn cmd(program: &str, args: &[&str], dir: &Path) -> Result<()> {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .with_context(|| format!("cannot start `{program}`"))?;
    if !status.success() {
        bail!("`{program} {}` failed ({status})", args.join(" "));
    }
    Ok(())
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

fn ingest_sample() -> Result<()> {
    let root = root();
    std::fs::create_dir_all(root.join("dist"))?;
    cmd(
        &cargo(),
        &[
            "run",
            "-q",
            "-p",
            "referat-cli",
            "--",
            "ingest",
            "examples/norddjurs",
            "-o",
            "dist/bundle.json",
            "--title",
            SAMPLE_TITLE,
        ],
        &root,
    )
}

pub(crate) fn dist() -> Result<()> {
    dist_app()?;
    one_file()
}

/// dist/referat-app.html and dist/index.html: the viewer without data.
pub(crate) fn dist_app() -> Result<()> {
    let root = root();
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist)?;
    let html = build_app(&root)?;
    std::fs::write(dist.join("referat-app.html"), &html)?;
    std::fs::write(dist.join("index.html"), &html)?;
    // The offline copy for a served viewer (src/offline.rs): beside index.html.
    for name in OFFLINE_FILES {
        std::fs::copy(root.join("public").join(name), dist.join(name))
            .with_context(|| format!("copying public/{name}"))?;
    }
    Ok(())
}

/// What a web server serves beside `index.html` so a tablet keeps the viewer offline.
const OFFLINE_FILES: [&str; 3] = ["sw.js", "manifest.webmanifest", "icon.svg"];

/// `cargo xtask app --out FILE`: the viewer alone, for the CLI's build script to embed
/// (`crates/cli/build.rs`); dist/ is left alone.
fn app() -> Result<()> {
    let out = flag("--out").context("--out FILE is required")?;
    let html = build_app(&root())?;
    std::fs::write(&out, html).with_context(|| format!("writing {out}"))
}

/// The directory cargo builds into: `CARGO_TARGET_DIR` when set (the CLI's build script
/// sets its own, so its build never waits on the lock of the build that runs it).
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// The viewer (`referat-app.html`): wasm, glue, CSS and the importer in the template.
fn build_app(root: &Path) -> Result<String> {
    let work = target_dir(root).join("xtask-dist");
    std::fs::create_dir_all(&work)?;
    let (glue, bytes) = build_wasm(
        root,
        &work,
        (
            "wasm-release",
            &["--bin", "referat-app", "-p", "referat-app"],
        ),
        "referat-app",
        "referat",
    )?;
    let (importer_glue, importer) = build_wasm(
        root,
        &work,
        ("wasm-fast", &["--lib", "-p", "referat-importer"]),
        "referat_importer",
        "importer",
    )?;
    let importer_len = importer.len();
    let importer = Importer {
        script: importer_glue,
        wasm_gz: gzip(&importer)?,
    };
    let css = std::fs::read_to_string(root.join("public/style.css"))?;
    let template = std::fs::read_to_string(root.join("index.html"))?;
    let html = assemble(&template, &glue, &bytes, &css, &importer)?;
    eprintln!(
        "built the viewer ({} KB; viewer wasm {} KB; importer wasm {} KB, {} KB gzipped)",
        html.len() / 1024,
        bytes.len() / 1024,
        importer_len / 1024,
        importer.wasm_gz.len() / 1024
    );
    Ok(html)
}

/// dist/referat.html: dist/bundle.json packed into the viewer, when there is a bundle.
fn one_file() -> Result<()> {
    let dist = root().join("dist");
    let html = std::fs::read_to_string(dist.join("referat-app.html"))?;
    let bundle = dist.join("bundle.json");
    if bundle.exists() {
        let json = std::fs::read(&bundle)?;
        // An old or broken bundle.json must not stop a build that is about to replace it.
        let bundle = match referat_core::Bundle::from_slice(&json) {
            Ok(bundle) => bundle,
            Err(e) => {
                eprintln!("dist/bundle.json: {e}; no dist/referat.html");
                return Ok(());
            }
        };
        let one = referat_core::pack::pack(&html, &bundle)?;
        std::fs::write(dist.join("referat.html"), one)?;
        eprintln!("wrote dist/referat.html with dist/bundle.json embedded");
    } else {
        eprintln!("no dist/bundle.json, so no dist/referat.html (cargo xtask run makes one)");
    }
    Ok(())
}

/// Builds one wasm package (with this cargo profile, wasm-bindgen `no-modules`, then
/// wasm-opt: `-Oz` for the small profile, `-O3` for the fast one): its glue and its bytes.
fn build_wasm(
    root: &Path,
    work: &Path,
    (profile, select): (&str, &[&str]),
    artifact: &str,
    name: &str,
) -> Result<(String, Vec<u8>)> {
    let mut args = vec![
        "build",
        "--profile",
        profile,
        "--target",
        "wasm32-unknown-unknown",
    ];
    args.extend(select);
    cmd(&cargo(), &args, root)?;
    let wasm = target_dir(root).join(format!("wasm32-unknown-unknown/{profile}/{artifact}.wasm"));
    cmd(
        "wasm-bindgen",
        &[
            "--target",
            "no-modules",
            "--no-typescript",
            "--out-dir",
            path(work)?,
            "--out-name",
            name,
            path(&wasm)?,
        ],
        root,
    )?;
    let bg = work.join(format!("{name}_bg.wasm"));
    let opt = work.join(format!("{name}_opt.wasm"));
    let wasm_opt = root.join("tests/browser/node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        // wasm-opt comes from npm `binaryen` (Debian's is too old), pinned in tests/browser.
        npm_ci()?;
    }
    // `--names` keeps wasm function names, so a browser profile reads as Rust.
    let strip: &[&str] = if std::env::args().any(|a| a == "--names") {
        &["-g"]
    } else {
        &["--strip-debug", "--strip-producers"]
    };
    let mut args = vec![if profile == "wasm-fast" { "-O3" } else { "-Oz" }];
    args.extend(strip);
    args.extend([path(&bg)?, "-o", path(&opt)?]);
    cmd(path(&wasm_opt)?, &args, root)?;
    let glue = std::fs::read_to_string(work.join(format!("{name}.js")))
        .context("reading the wasm-bindgen glue")?;
    Ok((glue, std::fs::read(&opt)?))
}

/// The importer as the viewer carries it: started in a worker only on import.
struct Importer {
    /// The importer's wasm-bindgen glue; the page puts the worker's own script after it
    /// (`public/importer-worker.js` or `public/inflate-worker.js`).
    script: String,
    wasm_gz: Vec<u8>,
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?)
}

/// Fills the template's markers: CSS, glue plus a boot script that passes the
/// wasm bytes (file:// cannot fetch them), the importer as two inert data blocks, and a
/// CSP allowing exactly the two inline scripts, and a worker from a blob: URL.
fn assemble(
    template: &str,
    glue: &str,
    wasm: &[u8],
    css: &str,
    importer: &Importer,
) -> Result<String> {
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    // The wasm needs WebAssembly SIMD (see .cargo/config.toml). A first script, plain ES5
    // so that any browser runs it, checks with the smallest module that uses v128; a
    // browser without it, or one that cannot start the viewer for another reason, gets a
    // message instead of a blank page.
    let show = format!(
        "var app = document.getElementById(\"app\"); app.className = \"unsupported\"; app.textContent = \"{UNSUPPORTED}\";"
    );
    let probe = format!(
        "(function () {{\n  var simd = new Uint8Array([0,97,115,109,1,0,0,0,1,5,1,96,0,1,123,3,2,1,0,10,10,1,8,0,65,0,253,15,253,98,11]);\n  if (typeof WebAssembly !== \"object\" || !WebAssembly.validate(simd)) {{\n    window.referatUnsupported = true;\n    {show}\n  }}\n}})();\n"
    );
    let script = format!(
        "{glue}\n(function () {{\n  if (window.referatUnsupported) return;\n  var s = atob(\"{b64}\");\n  var b = new Uint8Array(s.length);\n  for (var i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);\n  try {{\n    wasm_bindgen.initSync({{ module: b }});\n  }} catch (e) {{\n    console.error(e);\n    {show}\n  }}\n}})();\n"
    );
    if script.contains("</script")
        || probe.contains("</script")
        || importer.script.contains("</script")
        || css.contains("</style")
    {
        bail!("inline script or style contains a closing tag");
    }
    // `worker-src blob:`: the importer's worker, made from the inert block below; `'self'`:
    // the offline copy's service worker (`sw.js`), registered only when served over http(s).
    let csp = format!(
        "default-src 'none'; script-src '{}' '{}' 'wasm-unsafe-eval'; style-src '{}'; connect-src 'self'; img-src 'self' data:; worker-src blob: 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'",
        sha256(&probe),
        sha256(&script),
        sha256(css)
    );
    let mut html = template.to_string();
    for (marker, value) in [
        (
            "<!-- referat:csp -->",
            format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"),
        ),
        ("<!-- referat:style -->", format!("<style>{css}</style>")),
        (
            "<!-- referat:script -->",
            format!("<script>{probe}</script>\n<script>{script}</script>"),
        ),
        (
            "<!-- referat:importer -->",
            format!(
                "<script type=\"text/plain\" id=\"referat-importer-js\">{}</script>\n<script type=\"application/octet-stream\" id=\"referat-importer-wasm\">{}</script>",
                importer.script,
                base64::engine::general_purpose::STANDARD.encode(&importer.wasm_gz)
            ),
        ),
    ] {
        if !html.contains(marker) {
            bail!("index.html lacks the marker {marker}");
        }
        html = html.replacen(marker, &value, 1);
    }
    if !html.contains(referat_core::pack::PLACEHOLDER) {
        bail!("index.html lacks the empty bundle placeholder");
    }
    Ok(html)
}

fn sha256(text: &str) -> String {
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

pub(crate) fn path(p: &Path) -> Result<&str> {
    p.to_str().context("non-UTF-8 path")
}

fn run() -> Result<()> {
    // The viewer first: the CLI that ingests embeds it (crates/cli/build.rs), and finds
    // it here fresh instead of building its own.
    dist_app()?;
    ingest_sample()?;
    one_file()?;
    let dist = root().join("dist");
    let listener = (8000..8100)
        .find_map(|port| TcpListener::bind(("127.0.0.1", port)).ok())
        .context("no free port in 8000..8100 on 127.0.0.1")?;
    let addr = listener.local_addr()?;
    println!("Serving dist/ at http://{addr}/");
    println!(
        "One-file version (copy to a USB stick): {}",
        dist.join("referat.html").canonicalize()?.display()
    );
    println!("Press Ctrl+C to stop.");
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if let Err(e) = serve(stream, &dist) {
            eprintln!("request failed: {e}");
        }
    }
    Ok(())
}

/// A minimal static file server: GET and HEAD for files directly in `dir`.
fn serve(mut stream: TcpStream, dir: &Path) -> Result<()> {
    let mut line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let target = target.split(['?', '#']).next().unwrap_or("/");
    let name = match target.trim_start_matches('/') {
        "" => "index.html",
        other => other,
    };
    let safe = !name.contains('/') && !name.contains('\\') && !name.starts_with('.');
    let file = dir.join(name);
    let (status, body, kind) = match (method, safe && file.is_file()) {
        ("GET" | "HEAD", true) => ("200 OK", std::fs::read(&file)?, content_type(name)),
        ("GET" | "HEAD", false) => (
            "404 Not Found",
            b"not found".to_vec(),
            "text/plain; charset=utf-8",
        ),
        _ => (
            "405 Method Not Allowed",
            Vec::new(),
            "text/plain; charset=utf-8",
        ),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    eprintln!("{method} {target} {status}");
    Ok(())
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("json") => "application/json",
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

pub(crate) fn npm_ci() -> Result<()> {
    cmd(
        "npm",
        &["ci", "--no-audit", "--no-fund"],
        &root().join("tests/browser"),
    )
}

fn browser_test() -> Result<()> {
    dist_app()?;
    browser_test_on_dist()
}

/// The browser tests on the viewer already in dist/ (`test` has just built it).
fn browser_test_on_dist() -> Result<()> {
    let dir = root().join("tests/browser");
    if !dir.join("node_modules").exists() {
        npm_ci()?;
    }
    ingest_sample()?;
    one_file()?;
    cmd("npm", &["test"], &dir)
}

fn test() -> Result<()> {
    let root = root();
    let c = cargo();
    cmd(&c, &["fmt", "--all", "--", "--check"], &root)?;
    // The viewer before anything builds the CLI, which embeds it (crates/cli/build.rs).
    dist_app()?;
    cmd(
        &c,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &root,
    )?;
    // The viewer and its importer (the core's PDF and HTML readers) for the browser.
    cmd(
        &c,
        &[
            "clippy",
            "-p",
            "referat-app",
            "-p",
            "referat-importer",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
        &root,
    )?;
    cmd(&c, &["test", "--workspace"], &root)?;
    cmd(
        &c,
        &["test", "-p", "referat-app", "--features", "ssr"],
        &root,
    )?;
    browser_test_on_dist()
}

/// The value after `--name` on the command line.
pub(crate) fn flag(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn gen_bundle() -> Result<()> {
    let items: usize = flag("--items")
        .context("--items N is required")?
        .parse()
        .context("--items takes a number")?;
    let seed: u64 = flag("--seed").map_or(Ok(1), |s| s.parse())?;
    let out = flag("-o").context("-o FILE is required")?;
    let bundle = gen::generate(&root(), items, seed)?;
    let json = bundle.to_json();
    std::fs::write(&out, &json).with_context(|| format!("writing {out}"))?;
    eprintln!(
        "wrote {out}: {} items in {} meetings, {:.1} MB",
        bundle.item_count(),
        bundle.meetings.len(),
        json.len() as f64 / 1e6
    );
    Ok(())
}
