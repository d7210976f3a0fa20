//! Native query latency on a generated bundle: how much of a viewer interaction is the
//! query itself (the rest is the browser and Yew). Make the bundle first:
//! `cargo xtask gen-bundle --items 40000 -o bench-data/bench-40000.json`, then
//! `cargo bench -p referat-core --bench query -- bench-data/bench-40000.json`.

use referat_core::query::{query, query_cached, Filter, SearchIndex, Sort, TermCache};
use referat_core::{Bundle, Outcome};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../bench-data/bench-40000.json"
            )
            .to_string()
        });
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!(
            "no bundle at `{path}`; make one with `cargo xtask gen-bundle --items 40000 -o {path}`"
        );
        return;
    };
    let t = Instant::now();
    // Read without the viewer's size limit: a region's archive (400,000 items) is past it.
    let bundle: Bundle = serde_json::from_slice(&bytes).expect("a valid bundle");
    let parse = t.elapsed();
    let t = Instant::now();
    let index = SearchIndex::new(&bundle);
    println!(
        "{} items: parse {:.0} ms, index {:.0} ms",
        bundle.item_count(),
        parse.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );
    let committee = bundle
        .meetings
        .iter()
        .find_map(|m| m.committee.clone())
        .unwrap_or_default();
    let cases: Vec<(&str, Filter)> = vec![
        ("no filter", Filter::default()),
        (
            "one committee",
            Filter {
                committees: [committee.clone()].into(),
                ..Filter::default()
            },
        ),
        (
            "outcome approved",
            Filter {
                outcomes: [Outcome::Approved].into(),
                ..Filter::default()
            },
        ),
        (
            "date range",
            Filter {
                from: Some("2024-01-01".into()),
                to: Some("2024-12-31".into()),
                ..Filter::default()
            },
        ),
        (
            "text `b`",
            Filter {
                text: "b".into(),
                ..Filter::default()
            },
        ),
        (
            "text `aar`",
            Filter {
                text: "aar".into(),
                ..Filter::default()
            },
        ),
        (
            "text `budget`",
            Filter {
                text: "budget".into(),
                ..Filter::default()
            },
        ),
        (
            "text `oekonomi`, by relevance",
            Filter {
                text: "oekonomi".into(),
                sort: Sort::Relevance,
                ..Filter::default()
            },
        ),
        (
            "sort by committee",
            Filter {
                sort: Sort::Committee,
                ..Filter::default()
            },
        ),
    ];
    println!(
        "{:<32} {:>9} {:>9}",
        "query (results + facet counts)", "median", "hits"
    );
    for (name, filter) in cases {
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..15 {
            let t = Instant::now();
            let (h, _) = query(&bundle, &index, &filter);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            hits = h.len();
        }
        times.sort_by(f64::total_cmp);
        println!("{name:<32} {:>7.2}ms {hits:>9}", times[times.len() / 2]);
    }
    keystrokes(&bundle, &index);
}

/// The browser benchmark's text queries (`tests/bench/bench.mjs`), typed one letter at a
/// time with no filter and one term cache, as the viewer asks them.
fn keystrokes(bundle: &Bundle, index: &SearchIndex) {
    let mut typed: Vec<String> = Vec::new();
    let mut word = |w: &str, erase_to: Option<usize>| {
        for k in 1..=w.len() {
            typed.push(w[..k].to_string());
        }
        if let Some(to) = erase_to {
            for k in (to..w.len()).rev() {
                typed.push(w[..k].to_string());
            }
        }
    };
    word("budget", Some(3));
    word("oekonomi", None);
    word("skoler", None);
    word("21/1", None);
    let mut cache = TermCache::default();
    let mut times = Vec::new();
    for text in &typed {
        let filter = Filter {
            text: text.clone(),
            ..Filter::default()
        };
        let t = Instant::now();
        let (h, _) = query_cached(bundle, index, &filter, &mut cache);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        println!("keystroke {text:<30} {ms:>7.2}ms {:>9}", h.len());
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!(
        "{} keystrokes: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(50),
        pct(95),
        times[times.len() - 1]
    );
}
