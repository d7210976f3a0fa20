//! Is parsing linear in its input? Times `parse_minutes` (and the nothing-lost check)
//! on 5 MB and 50 MB of text built from the samples, with line breaks and without.
//! Linear means the 50 MB run takes about 10x the 5 MB run.
//! Run: `cargo bench -p referat-core --bench linearity`

use referat_core::conserve::lost_words;
use referat_core::{parse_minutes, Vocabulary};
use std::time::Instant;

fn corpus(bytes: usize, line_breaks: bool) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut parts = Vec::new();
    for name in std::fs::read_dir(format!("{root}/examples/norddjurs")).expect("samples") {
        parts.push(std::fs::read_to_string(name.expect("entry").path()).expect("sample"));
    }
    parts.push(
        std::fs::read_to_string(format!(
            "{root}/tests/fixtures/aarhus-byraad-2025-08-27.txt"
        ))
        .expect("fixture"),
    );
    let mut text = String::with_capacity(bytes + 200_000);
    while text.len() < bytes {
        for p in &parts {
            if line_breaks {
                text.push_str(p);
            } else {
                text.extend(
                    p.chars()
                        .map(|c| if c == '\n' || c == '\u{c}' { ' ' } else { c }),
                );
            }
        }
    }
    text
}

fn time(text: &str) -> f64 {
    let start = Instant::now();
    let parsed = parse_minutes(text, "bench.txt", Vocabulary::builtin());
    let lost = lost_words(text, &parsed.meeting);
    let seconds = start.elapsed().as_secs_f64();
    assert!(
        lost.is_empty(),
        "words lost: {:?}",
        &lost[..lost.len().min(5)]
    );
    seconds
}

fn main() {
    println!(
        "{:<22} {:>9} {:>9} {:>7}",
        "input", "5 MB", "50 MB", "ratio"
    );
    for (label, breaks) in [("with line breaks", true), ("no line breaks", false)] {
        let small = corpus(5_000_000, breaks);
        let large = corpus(50_000_000, breaks);
        let (a, b) = (time(&small), time(&large));
        let ratio = b / a * (small.len() as f64 / large.len() as f64) * 10.0;
        println!("{label:<22} {a:>8.2}s {b:>8.2}s {ratio:>6.1}x");
    }
}
