//! `cargo xtask eval`: the parser's accuracy on a labelled corpus of real minutes.
//!
//! Every text goes through the same ingest as `referat ingest` (`referat_core::ingest`),
//! its bundle is written to `target/eval/bundles/<name>.json`, and it is scored with the
//! metric of the development corpus's `score.py` (ported here, field for field):
//! committee, date, the number of items, and per labelled item its case number, outcome
//! and dissent; and every absentee name. The overall percentage is printed last.

use anyhow::{bail, Context, Result};
use referat_core::ingest::ingest;
use referat_core::{assemble, Vocabulary};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

struct Args {
    corpus: PathBuf,
    labels: PathBuf,
    bundles: PathBuf,
    verbose: bool,
}

fn args(root: &Path) -> Result<Args> {
    let mut a = Args {
        corpus: root.join("devcorpus/corpus"),
        labels: root.join("../shared/devcorpus/labels"),
        bundles: root.join("target/eval/bundles"),
        verbose: false,
    };
    let mut it = std::env::args().skip(2);
    while let Some(flag) = it.next() {
        let mut value = || it.next().with_context(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--corpus" => a.corpus = value()?.into(),
            "--labels" => a.labels = value()?.into(),
            "--bundles" => a.bundles = value()?.into(),
            "--verbose" => a.verbose = true,
            other => bail!("unknown flag `{other}` (eval [--corpus DIR] [--labels DIR] [--bundles DIR] [--verbose])"),
        }
    }
    if !a.labels.is_dir() {
        let local = root.join("devcorpus/labels");
        if local.is_dir() {
            a.labels = local;
        }
    }
    Ok(a)
}

pub fn eval(root: &Path) -> Result<()> {
    let a = args(root)?;
    let mut names: Vec<String> = std::fs::read_dir(&a.labels)
        .with_context(|| format!("cannot read labels `{}`", a.labels.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".json"))
        .map(|n| n.trim_end_matches(".json").to_string())
        .collect();
    names.sort();
    std::fs::create_dir_all(&a.bundles)?;
    let vocabulary = Vocabulary::builtin();
    let (mut right, mut total, mut perfect, mut missing) = (0, 0, 0, 0);
    let mut lost_files = 0;
    let mut rows = Vec::new();
    for name in &names {
        let label: Value = serde_json::from_str(&std::fs::read_to_string(
            a.labels.join(format!("{name}.json")),
        )?)?;
        let text_path = a.corpus.join(format!("{name}.txt"));
        let bundle = match std::fs::read(&text_path) {
            Ok(bytes) => {
                let source = format!("{name}.txt");
                let got = ingest(bytes, &source, vocabulary, true)
                    .with_context(|| format!("cannot read `{}`", text_path.display()))?;
                if !got.lost.is_empty() {
                    lost_files += 1;
                    println!(
                        "{name}: {} word(s) lost: {}",
                        got.lost.len(),
                        got.lost.join(", ")
                    );
                }
                let bundle = assemble(
                    "eval",
                    "2026-01-01T00:00:00Z",
                    got.meeting.into_iter().collect(),
                    &vocabulary.committees,
                );
                let json = bundle.to_json_pretty();
                std::fs::write(a.bundles.join(format!("{name}.json")), &json)?;
                Some(serde_json::from_str::<Value>(&json)?)
            }
            Err(_) => {
                missing += 1;
                None
            }
        };
        let (r, t, misses) = score_file(&label, bundle.as_ref());
        let r = if bundle.is_some() { r } else { 0 };
        right += r;
        total += t;
        if r == t {
            perfect += 1;
        }
        rows.push((
            name.clone(),
            r,
            t,
            if bundle.is_some() {
                misses
            } else {
                vec!["no text".into()]
            },
        ));
    }
    for (name, r, t, misses) in &rows {
        if r < t || a.verbose {
            println!(
                "{name}: {r}/{t}  {}",
                misses
                    .iter()
                    .take(8)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
    }
    if missing > 0 {
        println!(
            "{missing} text(s) missing from `{}` (rebuild them: see PARSING.md)",
            a.corpus.display()
        );
    }
    println!("words lost in {lost_files} file(s)");
    println!("files: {}, perfect: {perfect}", rows.len());
    println!(
        "overall: {:.1}% ({right}/{total} fields)",
        100.0 * right as f64 / total.max(1) as f64
    );
    Ok(())
}

fn norm(s: Option<&str>) -> Option<String> {
    let s: String = s?.nfc().collect::<String>().to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_matches([' ', '.', ':', ',', ';']).to_string();
    (!s.is_empty()).then_some(s)
}

fn norm_case(s: Option<&str>) -> Option<String> {
    let s: String = s?.chars().filter(|c| !c.is_whitespace()).collect();
    (!s.is_empty()).then(|| s.to_lowercase())
}

fn person(s: Option<&str>) -> Option<String> {
    let s = s.unwrap_or("");
    let mut out = String::new();
    let mut depth = 0;
    // `\([^)]*\)` removed, as score.py does.
    for c in s.chars() {
        match c {
            '(' if depth == 0 => depth = 1,
            ')' if depth == 1 => depth = 0,
            _ if depth == 1 => {}
            c => out.push(c),
        }
    }
    if depth == 1 {
        // An unclosed `(` is kept by the regex.
        return norm(Some(s));
    }
    norm(Some(&out))
}

fn words(s: Option<&str>) -> BTreeSet<String> {
    norm(s)
        .unwrap_or_default()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn match_items(want: &[Value], got: &[&Value]) -> HashMap<usize, usize> {
    let mut pairs = HashMap::new();
    let mut used = BTreeSet::new();
    for (i, w) in want.iter().enumerate() {
        let Some(c) = norm_case(str_of(w, "case_number")) else {
            continue;
        };
        for (j, g) in got.iter().enumerate() {
            if !used.contains(&j) && norm_case(str_of(g, "case_number")).as_ref() == Some(&c) {
                pairs.insert(i, j);
                used.insert(j);
                break;
            }
        }
    }
    for (i, w) in want.iter().enumerate() {
        if pairs.contains_key(&i) || str_of(w, "title").is_none_or(str::is_empty) {
            continue;
        }
        let tw = words(str_of(w, "title"));
        let (mut best, mut bj) = (0.0, None);
        for (j, g) in got.iter().enumerate() {
            if used.contains(&j) {
                continue;
            }
            let overlap =
                tw.intersection(&words(str_of(g, "title"))).count() as f64 / tw.len().max(1) as f64;
            if overlap > best {
                (best, bj) = (overlap, Some(j));
            }
        }
        if let (Some(j), true) = (bj, best >= 0.5) {
            pairs.insert(i, j);
            used.insert(j);
        }
    }
    let mut free: Vec<usize> = (0..got.len()).filter(|j| !used.contains(j)).collect();
    free.reverse();
    for i in 0..want.len() {
        if let std::collections::hash_map::Entry::Vacant(slot) = pairs.entry(i) {
            if let Some(j) = free.pop() {
                slot.insert(j);
            }
        }
    }
    pairs
}

/// One file's score: right, total and the misses, as `score.py` counts them.
fn score_file(label: &Value, bundle: Option<&Value>) -> (usize, usize, Vec<String>) {
    let (mut right, mut total, mut misses) = (0, 0, Vec::new());
    let mut check = |name: String, ok: bool| {
        total += 1;
        if ok {
            right += 1;
        } else {
            misses.push(name);
        }
    };
    let empty = Vec::new();
    let meetings: Vec<&Value> = bundle
        .and_then(|b| b.get("meetings"))
        .and_then(Value::as_array)
        .unwrap_or(&empty)
        .iter()
        .filter(|m| m.is_object())
        .collect();
    let items_of = |m: &Value| m.get("items").and_then(Value::as_array).map_or(0, Vec::len);
    // Python's max() keeps the first of equal keys.
    let main = meetings.iter().fold(None::<&Value>, |best, m| match best {
        Some(b) if items_of(b) >= items_of(m) => Some(b),
        _ => Some(m),
    });
    let null = Value::Null;
    let main = main.unwrap_or(&null);
    check(
        "committee".into(),
        norm(str_of(main, "committee")) == norm(str_of(label, "committee")),
    );
    check(
        "date".into(),
        main.get("date").unwrap_or(&null) == label.get("date").unwrap_or(&null),
    );
    let got: Vec<&Value> = meetings
        .iter()
        .flat_map(|m| {
            m.get("items")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
        .filter(|i| i.is_object())
        .collect();
    let want: Vec<Value> = label
        .get("items")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    check(
        format!("item count {} vs {}", got.len(), want.len()),
        got.len() == want.len(),
    );
    let pairs = match_items(&want, &got);
    for (i, w) in want.iter().enumerate() {
        let g = pairs.get(&i).map_or(&null, |&j| got[j]);
        let tag = format!("item {}", i + 1);
        check(
            format!(
                "{tag} case_number {:?} vs {:?}",
                str_of(g, "case_number"),
                str_of(w, "case_number")
            ),
            norm_case(str_of(g, "case_number")) == norm_case(str_of(w, "case_number")),
        );
        let (go, wo) = (
            g.get("outcome").unwrap_or(&null),
            w.get("outcome").unwrap_or(&null),
        );
        check(format!("{tag} outcome {go} vs {wo}"), go == wo);
        let gd = g
            .get("decisions")
            .and_then(Value::as_array)
            .is_some_and(|ds| {
                ds.iter()
                    .any(|d| d.get("dissent").and_then(Value::as_bool) == Some(true))
            });
        let wd = w.get("dissent").and_then(Value::as_bool).unwrap_or(false);
        check(format!("{tag} dissent {gd} vs {wd}"), gd == wd);
    }
    let names = |v: Option<&Value>| -> Vec<Option<String>> {
        v.and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|n| person(n.as_str()))
            .collect()
    };
    let mut want_names: BTreeSet<Option<String>> = names(label.get("absent")).into_iter().collect();
    for w in &want {
        want_names.extend(names(w.get("absent")));
    }
    let mut got_names = BTreeSet::new();
    for m in &meetings {
        for a in m
            .get("absent")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            got_names.insert(person(str_of(a, "name")));
        }
        for it in m
            .get("items")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            for a in it
                .get("absent")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                got_names.insert(person(str_of(a, "name")));
            }
        }
    }
    for n in &want_names {
        check(
            format!("absent {}", n.as_deref().unwrap_or("")),
            got_names.contains(n),
        );
    }
    for n in got_names.difference(&want_names) {
        check(
            format!("extra absent {}", n.as_deref().unwrap_or("")),
            false,
        );
    }
    (right, total, misses)
}
