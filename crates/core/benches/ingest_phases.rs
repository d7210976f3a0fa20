//! Where ingest time goes: decoding, parsing, the nothing-lost check and JSON, each
//! timed apart over files already in memory (so disk and page cache are out of it).
//! Run: `cargo bench -p referat-core --bench ingest_phases -- [folder]`
//! (default `bench-data/minutes-110mb`, made by `scripts/bench-ingest.sh`).

use referat_core::conserve::lost_words;
use referat_core::decode::decode;
use referat_core::{assemble, parse_minutes, Committees, Vocabulary};
use std::time::{Duration, Instant};

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = std::hint::black_box(f());
        best = best.min(start.elapsed());
        out = Some(value);
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| format!("{root}/bench-data/minutes-110mb"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read `{dir}` ({e}); run scripts/bench-ingest.sh first"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let files: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    let bytes: usize = files.iter().map(Vec::len).sum();
    let mb = bytes as f64 / 1e6;
    let committees = Committees::builtin();
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);

    let (t_decode, texts) = best(runs, || {
        files
            .iter()
            .map(|b| decode(b.clone()).expect("decodable").0)
            .collect::<Vec<String>>()
    });
    let (t_parse, meetings) = best(runs, || {
        texts
            .iter()
            .map(|t| parse_minutes(t, "bench", Vocabulary::builtin()).meeting)
            .collect::<Vec<_>>()
    });
    let (t_check, lost) = best(runs, || {
        texts
            .iter()
            .zip(&meetings)
            .map(|(t, m)| lost_words(t, m).len())
            .sum::<usize>()
    });
    let bundle = assemble("bench", "2026-01-01T00:00:00Z", meetings, &committees);
    let (t_json, json) = best(runs, || bundle.to_json());

    let row = |name: &str, t: Duration| {
        let s = t.as_secs_f64();
        println!("{name:<22} {s:>6.2} s  {:>6.1} MB/s", mb / s);
    };
    println!(
        "{} files, {mb:.1} MB in memory; best of {runs}",
        files.len()
    );
    row("decode", t_decode);
    row("parse", t_parse);
    row("nothing-lost check", t_check);
    row("bundle to JSON", t_json);
    row("all", t_decode + t_parse + t_check + t_json);
    println!(
        "({lost} words reported lost; {} MB of JSON)",
        json.len() / 1_000_000
    );
}
