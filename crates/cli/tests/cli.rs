//! The real `referat` binary, run as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the binary with a fixed clock (`SOURCE_DATE_EPOCH`), so bundles compare equal.
fn referat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/norddjurs")
}

/// Runs `referat ingest <input> -o <out> <extra…>`.
fn ingest(input: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "ingest",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    referat(&args)
}

fn read_bundle(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn ingests_the_samples_and_reports_warnings_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle.json");
    let run = ingest(&samples(), &out, &["--title", "Norddjurs"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        text(&run.stdout).contains("5 meetings, 5 items from 5 files"),
        "{}",
        text(&run.stdout)
    );
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("002_24e5a101f9c48806.txt: no minutes structure found (no header, item or decision); the text is kept as one item; no committee; no date;"),
        "{stderr}"
    );
    assert!(stderr.contains("item 1: no decision"), "{stderr}");
    assert!(
        !stderr.contains("not in the bundle"),
        "no word may be lost: {stderr}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o644,
            "a web server running as another user must be able to read it"
        );
    }
    let bundle = read_bundle(&out);
    assert_eq!(bundle["format"], "referat-bundle");
    assert_eq!(bundle["title"], "Norddjurs");
    assert_eq!(
        bundle["meetings"][0]["committee"],
        "Voksen- og plejeudvalget"
    );
    let check = referat(&["validate", out.to_str().unwrap()]);
    assert!(check.status.success());
    assert!(
        text(&check.stdout).ends_with(": ok, 5 meetings, 5 items\n"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn a_missing_file_is_named_and_the_old_bundle_survives() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle.json");
    std::fs::write(&out, "previous").unwrap();
    let missing = dir.path().join("mangler.txt");
    let run = ingest(&missing, &out, &[]);
    assert!(!run.status.success());
    assert_eq!(
        text(&run.stderr),
        format!(
            "error: cannot read `{}`: No such file or directory (os error 2)\n",
            missing.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
}

/// Ingests one file with these bytes; it must fail. Returns the file's path and stderr.
fn ingest_failing(name: &str, bytes: &[u8]) -> (PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let out = dir.path().join("b.json");
    let run = ingest(&file, &out, &[]);
    assert!(!run.status.success());
    assert!(!out.exists());
    (file, text(&run.stderr))
}

#[test]
fn a_broken_pdf_gets_a_clear_message_whatever_its_name() {
    let (pdf, stderr) = ingest_failing("referat.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    assert_eq!(
        stderr,
        format!("error: `{}` is a damaged or incomplete PDF: failed parsing cross reference table: invalid start value\n", pdf.display())
    );
}

fn pdf_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/pdf")
        .join(name)
}

/// A folder mixing a PDF, a text and a saved portal page makes one bundle; a scanned PDF
/// among them is named and skipped, and `--strict` refuses to write.
#[test]
fn a_folder_of_pdf_text_and_html_makes_one_bundle_and_names_a_scanned_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("referater");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(pdf_fixture("udvalgsmoede.pdf"), folder.join("a-udvalg.pdf")).unwrap();
    std::fs::copy(
        samples().join("000_5f9710db80485d88.txt"),
        folder.join("b-norddjurs.txt"),
    )
    .unwrap();
    std::fs::write(
        folder.join("c-portal.html"),
        "<!doctype html><title>x</title><h1>Referat</h1><p>Økonomiudvalget 3. marts 2025</p>\
         <h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>",
    )
    .unwrap();
    std::fs::copy(pdf_fixture("scannet.pdf"), folder.join("d-scannet.pdf")).unwrap();
    let out = dir.path().join("b.json");
    let run = ingest(&folder, &out, &[]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let scanned = folder.join("d-scannet.pdf");
    assert!(
        text(&run.stderr).contains(&format!(
            "skipped: no text in `{}`: the pages are images; run OCR first\n",
            scanned.display()
        )),
        "{}",
        text(&run.stderr)
    );
    assert!(
        text(&run.stdout).contains("3 meetings, 6 items from 4 files (1 skipped)"),
        "{}",
        text(&run.stdout)
    );
    let bundle: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let mut committees: Vec<&str> = bundle["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["committee"].as_str().unwrap_or("?"))
        .collect();
    committees.sort_unstable();
    assert!(
        committees.contains(&"Udvalget for Natur og Trafik"),
        "{committees:?}"
    );
    assert!(committees.contains(&"Økonomiudvalget"), "{committees:?}");

    let strict_out = dir.path().join("strict.json");
    let strict = ingest(&folder, &strict_out, &["--strict"]);
    assert!(!strict.status.success());
    assert!(!strict_out.exists());
    assert!(
        text(&strict.stderr).contains("1 file(s) could not be read"),
        "{}",
        text(&strict.stderr)
    );
}

#[test]
fn an_undecodable_byte_is_named_with_its_offset() {
    let (bad, stderr) = ingest_failing("bad.txt", b"Referat\n\x81");
    assert_eq!(
        stderr,
        format!("error: cannot decode `{}`: byte 0x81 at offset 8 is neither UTF-8 nor Windows-1252 text\n", bad.display())
    );
}

#[test]
fn an_empty_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("tom");
    std::fs::create_dir(&empty).unwrap();
    let out = dir.path().join("b.json");
    let run = ingest(&empty, &out, &[]);
    assert!(!run.status.success());
    assert_eq!(
        text(&run.stderr),
        format!(
            "error: no minutes found: folder `{}` holds no .pdf, .txt or .html files\n",
            empty.display()
        )
    );
    assert!(!out.exists());
}

#[test]
fn windows_1252_is_detected_and_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cp1252.txt");
    let utf8 = "Børne- og ungdomsudvalget 24-06-2021\n\nTilskud til Ålegræs\n\n21/1359 Åben Sag\n\nBeslutning i Børne- og ungdomsudvalget den 24-06-2021\n\nGodkendt – uden bemærkninger.\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(utf8);
    assert!(!unmappable);
    std::fs::write(&file, &bytes).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must not be UTF-8"
    );
    let out = dir.path().join("b.json");
    let run = ingest(&file, &out, &[]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains("read as Windows-1252"));
    let bundle = read_bundle(&out);
    let meeting = &bundle["meetings"][0];
    assert_eq!(meeting["committee"], "Børne- og ungdomsudvalget");
    assert_eq!(meeting["items"][0]["title"], "Tilskud til Ålegræs");
    assert_eq!(
        meeting["items"][0]["decisions"][0]["text"],
        "Godkendt – uden bemærkninger."
    );
    assert_eq!(meeting["items"][0]["outcome"], "approved");
}

#[test]
fn committees_file_extends_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.txt");
    std::fs::write(
        &file,
        "TU 03-03-2025\n\n25/1 Åben Sag\n\nBeslutning i TU den 03-03-2025\n\nGodkendt.\n",
    )
    .unwrap();
    let table = dir.path().join("udvalg.toml");
    std::fs::write(&table, "[committees]\nTU = \"Teknisk Udvalg\"\n").unwrap();
    let out = dir.path().join("b.json");
    let run = ingest(&file, &out, &["--committees", table.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let bundle = read_bundle(&out);
    assert_eq!(bundle["meetings"][0]["committee"], "Teknisk Udvalg");
    assert_eq!(bundle["meetings"][0]["id"], "tu-2025-03-03");
    assert_eq!(
        bundle["meetings"][0]["items"][0]["decisions"][0]["body"],
        "Teknisk Udvalg"
    );

    std::fs::write(&table, "[committees]\nTU = 3\n").unwrap();
    let run = ingest(&file, &out, &["--committees", table.to_str().unwrap()]);
    assert!(!run.status.success());
    assert!(
        text(&run.stderr).starts_with(&format!(
            "error: in `{}`: invalid vocabulary file:",
            table.display()
        )),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn validate_names_each_problem_and_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"format\": \"referat-bundle\",\n \"version\": 1,\n \"title\": }",
    )
    .unwrap();
    let run = referat(&["validate", broken.to_str().unwrap()]);
    assert!(!run.status.success());
    assert_eq!(
        text(&run.stderr),
        format!(
            "{}: not valid JSON at line 3, column 11: expected value\n",
            broken.display()
        )
    );

    let dup = dir.path().join("dup.json");
    let json = r#"{"format":"referat-bundle","version":1,"title":"T","generated":"x","meetings":[
      {"id":"a","committee":null,"date":"2024-13-01","source":"s","items":[]},
      {"id":"a","committee":null,"date":null,"source":"s","items":[]}]}"#;
    std::fs::write(&dup, json).unwrap();
    let run = referat(&["validate", dup.to_str().unwrap()]);
    assert!(!run.status.success());
    let shown = dup.display();
    assert_eq!(
        text(&run.stderr),
        format!(
            "{shown}: meetings[0].date: `2024-13-01` is not a date in the form YYYY-MM-DD\n\
             {shown}: meetings[1].id: `a` is used twice; ids must be unique\n\
             {shown}: 2 problem(s)\n"
        )
    );

    let newer = dir.path().join("v2.json");
    std::fs::write(&newer, json.replace("\"version\":1", "\"version\":2")).unwrap();
    let run = referat(&["validate", newer.to_str().unwrap()]);
    assert_eq!(
        text(&run.stderr),
        format!(
            "{}: bundle version 2 is newer than this referat understands (up to 1)\n",
            newer.display()
        )
    );
}

/// `referat pack BUNDLE -o OUT --app APP`.
fn pack_into(bundle: &Path, out: &Path, app: &Path) -> Output {
    referat(&[
        "pack",
        bundle.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--app",
        app.to_str().unwrap(),
    ])
}

/// A stand-in for the viewer: the placeholder, a script and the parts marker.
fn small_viewer(dir: &Path) -> PathBuf {
    let app = dir.join("app.html");
    std::fs::write(
        &app,
        format!(
            "<!doctype html><body>{}<script>app()</script>{}</body>",
            referat_core::pack::PLACEHOLDER,
            referat_core::pack::PARTS_MARKER
        ),
    )
    .unwrap();
    app
}

#[test]
fn pack_embeds_a_bundle_into_the_viewer() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("b.json");
    let run = ingest(&samples(), &bundle, &["--title", "</script><b>x</b>"]);
    assert!(run.status.success());
    let app = small_viewer(dir.path());
    let out = dir.path().join("usb.html");
    let run = pack_into(&bundle, &out, &app);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    // The manifest, the light bundle, the app and one part (the sample is small), each
    // closed once: the title's `</script>` is inside the compressed text.
    assert_eq!(html.matches("<script").count(), 5);
    assert_eq!(html.matches("</script>").count(), 5);
    let light = {
        use base64::Engine;
        use std::io::Read;
        let open = r#"<script type="application/octet-stream" id="referat-light">"#;
        let start = html.find(open).unwrap() + open.len();
        let end = start + html[start..].find("</script>").unwrap();
        let gz = base64::engine::general_purpose::STANDARD
            .decode(&html[start..end])
            .unwrap();
        let mut json = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut json)
            .unwrap();
        referat_core::Bundle::from_slice(&json).unwrap()
    };
    assert_eq!(light.title, "</script><b>x</b>");
    assert_eq!(light.item_count(), 5);

    // A viewer from before the packed layout (no marker for the parts) gets plain JSON,
    // escaped so that no text can end the script.
    std::fs::write(
        &app,
        format!(
            "<!doctype html><body>{}</body>",
            referat_core::pack::PLACEHOLDER
        ),
    )
    .unwrap();
    let run = pack_into(&bundle, &out, &app);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    assert_eq!(html.matches("</script>").count(), 1);
    assert!(html.contains(r#""title":"\u003c/script\u003e\u003cb\u003ex\u003c/b\u003e""#));

    let run = pack_into(&bundle, &out, &bundle);
    assert!(!run.status.success());
    assert!(
        text(&run.stderr).contains("placeholder"),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn pack_uses_the_viewer_built_into_the_binary_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("b.json");
    assert!(ingest(&samples(), &bundle, &[]).status.success());
    // Run where there is no dist/ to find: the viewer comes from the binary.
    let run = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["pack", "b.json", "-o", "usb.html"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), "wrote usb.html\n");
    let html = std::fs::read_to_string(dir.path().join("usb.html")).unwrap();
    for piece in [
        r#"<div id="app"></div>"#,
        r#"http-equiv="Content-Security-Policy""#,
        r#"id="referat-pack""#,
        r#"id="referat-light""#,
        r#"id="referat-part-0""#,
        r#"id="referat-importer-wasm""#,
    ] {
        assert!(html.contains(piece), "{piece}");
    }
}

#[test]
fn pack_shards_writes_a_folder_of_parts_by_committee_and_year_from_several_bundles() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("b.json");
    assert!(ingest(&samples(), &bundle, &["--title", "Arkiv"])
        .status
        .success());
    let council =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/council-bundle.json");
    let app = small_viewer(dir.path());
    let out = dir.path().join("arkiv");
    let args = |out: &Path| {
        vec![
            "pack".to_string(),
            bundle.display().to_string(),
            council.display().to_string(),
            "--shards".into(),
            out.display().to_string(),
            "--app".into(),
            app.display().to_string(),
        ]
    };
    let args1 = args(&out);
    let run = referat(&args1.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(run.status.success(), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    assert!(
        stdout.starts_with(&format!(
            "wrote {}: index.html, 7 parts with 11 items (",
            out.display()
        )) && stdout.ends_with(" kB compressed)\n"),
        "{stdout}"
    );
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    let open = r#"<script type="application/json" id="referat-pack">"#;
    let start = page.find(open).unwrap() + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    let manifest = referat_core::packed::read_manifest(&page[start..end], None).unwrap();
    let labels: Vec<&str> = manifest
        .parts
        .iter()
        .map(|p| p.label.as_deref().unwrap())
        .collect();
    assert_eq!(
        labels,
        vec![
            "Økonomiudvalget 2025",
            // By folded name, as the viewer sorts committees: `ø` as `o`.
            "Børne- og ungdomsudvalget 2024",
            "Byrådet 2024",
            "Økonomiudvalget 2024",
            "Voksen- og plejeudvalget 2024",
            "Børne- og ungdomsudvalget 2021",
            "Uden udvalg uden dato",
        ]
    );
    // Every file the manifest names is there, and nothing else was written.
    let mut named: Vec<String> = manifest
        .parts
        .iter()
        .filter_map(|p| p.file.clone())
        .collect();
    named.push(manifest.light.clone().unwrap());
    named.push(manifest.head.clone().unwrap().file);
    named.push("index.html".into());
    named.sort();
    let mut written: Vec<String> = walk(&out)
        .iter()
        .map(|p| p.strip_prefix(&out).unwrap().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, named);

    // A folder holding another site's index.html is left alone.
    let other = dir.path().join("site");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("index.html"), "<h1>Intranet</h1>").unwrap();
    let args2 = args(&other);
    let run = referat(&args2.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!run.status.success());
    assert_eq!(
        text(&run.stderr),
        format!(
            "error: `{}` exists and is not a referat viewer; choose an empty folder for the archive\n",
            other.join("index.html").display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(other.join("index.html")).unwrap(),
        "<h1>Intranet</h1>"
    );
    // Packing again into the archive's own folder replaces its page.
    let run = referat(&args1.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(run.status.success(), "{}", text(&run.stderr));

    // One of -o and --shards.
    let run = referat(&["pack", bundle.to_str().unwrap()]);
    assert!(!run.status.success());
    assert!(
        text(&run.stderr).contains("--output <OUTPUT>|--shards <DIR>"),
        "{}",
        text(&run.stderr)
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn ctrl_c_leaves_the_previous_bundle_intact() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let meeting = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/aarhus-byraad-2025-08-27.txt"),
    )
    .unwrap();
    // Enough text (about 60 MB) that ingest is still working when the signal comes.
    for i in 0..600 {
        std::fs::write(input.join(format!("m{i:03}.txt")), &meeting).unwrap();
    }
    let out = dir.path().join("bundle.json");
    std::fs::write(&out, "previous").unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args([
            "ingest",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Signalled only once its handler is in (`SigCgt` in /proc has SIGINT's bit): sooner, the
    // signal's default action ends it with no message, as happened on a loaded machine.
    let status = format!("/proc/{}/status", child.id());
    let caught = || {
        std::fs::read_to_string(&status)
            .ok()
            .and_then(|s| {
                let mask = s.lines().find_map(|l| l.strip_prefix("SigCgt:"))?.trim();
                u64::from_str_radix(mask, 16).ok()
            })
            .is_some_and(|mask| mask & (1 << (2 - 1)) != 0)
    };
    let waited = std::time::Instant::now();
    while !caught() && waited.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let result = child.wait_with_output().unwrap();
    assert!(
        !result.status.success(),
        "ingest finished before the signal; give it more input"
    );
    assert!(
        text(&result.stderr).contains("interrupted;"),
        "{}",
        text(&result.stderr)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn no_check_gives_the_same_bundle_and_conflicts_with_strict() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let run = |out: &Path, extra: &[&str]| ingest(&samples(), out, extra);
    assert!(run(&a, &[]).status.success());
    assert!(run(&b, &["--no-check"]).status.success());
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(read_bundle(&a)["generated"], "2023-11-14T22:13:20Z");
    let both = run(&b, &["--no-check", "--strict"]);
    assert!(!both.status.success());
    assert!(
        text(&both.stderr).contains("cannot be used with"),
        "{}",
        text(&both.stderr)
    );
}

#[test]
fn explain_shows_lines_fields_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("referat.txt");
    std::fs::write(
        &file,
        "Referat\nUdvalg: Teknisk Udvalg\nMødedato: 3. juni 2024\n\n1. Godkendelse af dagsorden\nSagsnr.: 24/17\nBeslutning\nGodkendt.\n2. Vejplan\nSagsnr.: 24/18\nBeslutning\nTaget til efterretning.\n",
    )
    .unwrap();
    let run = referat(&["explain", file.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let out = text(&run.stdout);
    for want in [
        "    2  label: committee",
        "    5  item 1",
        "    6  case label",
        "    7  decision heading",
        "  committee: Teknisk Udvalg  (line 2)",
        "  date: 2024-06-03",
        "  case number: 24/17  (line 6)",
        "  decision: Beslutning → approved  (line 7)",
        // Each item's fields are found among its own lines.
        "  decision: Beslutning → noted  (line 11)",
        "Warnings:\n  none",
    ] {
        assert!(
            !want.is_empty() && out.contains(want),
            "`{want}` not in:\n{out}"
        );
    }
    let missing = referat(&["explain", dir.path().join("nej.txt").to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(text(&missing.stderr).starts_with("error: cannot read `"));
}

#[test]
fn ingest_reads_html_and_each_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("referater");
    std::fs::create_dir(&minutes).unwrap();
    std::fs::write(
        minutes.join("side.html"),
        "<html><body><nav>Menu</nav><h1>Byrådet 3. juni 2024</h1><h2>1. Budget</h2><p>Sagsnr.: 24/9</p><h3>Beslutning</h3><p>Godkendt.</p></body></html>",
    )
    .unwrap();
    std::fs::write(minutes.join("tom.txt"), "").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&minutes, minutes.join("tilbage")).unwrap();
    let out = dir.path().join("b.json");
    let page = minutes.join("side.html");
    let run = referat(&[
        "ingest",
        minutes.to_str().unwrap(),
        page.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("side.html: the same file as one already read")
            || stderr.contains("side.html: named twice, read once"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tom.txt: empty file, no meeting made"),
        "{stderr}"
    );
    #[cfg(unix)]
    assert!(
        stderr.contains("a link back to a folder being read, not followed"),
        "{stderr}"
    );
    assert!(
        text(&run.stdout).contains("1 meeting, 1 item from 2 files"),
        "{}",
        text(&run.stdout)
    );
    let bundle = read_bundle(&out);
    let m = &bundle["meetings"][0];
    assert_eq!(m["committee"], "Byrådet");
    assert_eq!(m["date"], "2024-06-03");
    assert_eq!(m["items"][0]["case_number"], "24/9");
    assert_eq!(m["items"][0]["outcome"], "approved");
    assert!(!bundle.to_string().contains("Menu"));
}

#[test]
fn vocabulary_file_adds_a_case_label() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.txt");
    std::fs::write(
        &file,
        "Byrådet 3. juni 2024\n\n1. Budget\nDossier: 24/9\nBeslutning\nGodkendt.\n",
    )
    .unwrap();
    let out = dir.path().join("b.json");
    let plain = ingest(&file, &out, &[]);
    assert!(plain.status.success());
    assert_eq!(
        read_bundle(&out)["meetings"][0]["items"][0]["case_number"],
        serde_json::Value::Null
    );
    let vocabulary = dir.path().join("ord.toml");
    std::fs::write(&vocabulary, "[words]\ncase_labels = [\"Dossier\"]\n").unwrap();
    let run = ingest(&file, &out, &["--vocabulary", vocabulary.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(
        read_bundle(&out)["meetings"][0]["items"][0]["case_number"],
        "24/9"
    );
}

#[test]
fn a_header_abbreviation_is_learnt_across_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("m");
    std::fs::create_dir(&minutes).unwrap();
    std::fs::write(
        minutes.join("a.txt"),
        "Udvalg: ØK\nMødedato: 3. juni 2024\n\n1. Budget\nSagsnr.: 24/1\nBeslutning i Økonomiudvalget den 03-06-2024\nGodkendt.\n",
    )
    .unwrap();
    std::fs::write(
        minutes.join("b.txt"),
        "Udvalg: ØK\nMødedato: 10. juni 2024\n\n1. Regnskab\nSagsnr.: 24/2\nBeslutning\nGodkendt.\n",
    )
    .unwrap();
    let out = dir.path().join("b.json");
    let run = ingest(&minutes, &out, &[]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        text(&run.stderr).contains("learnt: ØK = Økonomiudvalget"),
        "{}",
        text(&run.stderr)
    );
    let bundle = read_bundle(&out);
    for m in bundle["meetings"].as_array().unwrap() {
        assert_eq!(m["committee"], "Økonomiudvalget");
    }
}
