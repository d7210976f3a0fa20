//! `cargo xtask gen-bundle`: realistic synthetic bundles for the scale benchmark.
//!
//! Everything textual is drawn from the real sample minutes (examples/norddjurs and the
//! Aarhus fixture), parsed with the real parser: titles, section headings, sentences,
//! decision texts per outcome, remarks, attachment titles and people. Only the structure
//! (how many meetings, which committee, dates, rates) is synthetic, and digits in the
//! sentences are redrawn so amounts, years and references vary as in a real archive.
//! The output depends only on the item count and the seed.

use anyhow::{bail, Context, Result};
use referat_core::model::{
    Absence, Access, Attachment, Bundle, Decision, Item, Meeting, Member, Outcome, Section,
};
use referat_core::{assemble, parse_minutes, validate, Committees};
use std::collections::BTreeMap;
use std::path::Path;

/// 15 committees of a large municipality; the first eight are the parser's built-in names.
const COMMITTEES: [&str; 15] = [
    "Børne- og ungdomsudvalget",
    "Voksen- og plejeudvalget",
    "Kommunalbestyrelsen",
    "Økonomiudvalget",
    "Kultur- og udviklingsudvalget",
    "Miljø- og teknikudvalget",
    "Byrådet",
    "Magistraten",
    "Sundheds- og ældreudvalget",
    "Beskæftigelsesudvalget",
    "Social- og handicapudvalget",
    "Klima- og planudvalget",
    "Erhvervs- og turismeudvalget",
    "Teknik- og miljøudvalget",
    "Skole- og dagtilbudsudvalget",
];

/// Outcome rates of the last decision, in per mille (sum 1000).
const OUTCOME_RATES: [(Outcome, u32); 9] = [
    (Outcome::Approved, 450),
    (Outcome::Recommended, 150),
    (Outcome::Noted, 200),
    (Outcome::Discussed, 50),
    (Outcome::Rejected, 20),
    (Outcome::Postponed, 30),
    (Outcome::Withdrawn, 10),
    (Outcome::Other, 40),
    (Outcome::Pending, 50),
];

/// splitmix64: tiny, deterministic, good enough for picking sentences.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability `per_mille`/1000.
    fn chance(&mut self, per_mille: u32) -> bool {
        (self.next() % 1000) < per_mille as u64
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// What the real samples give to draw from.
#[derive(Default)]
struct Pool {
    titles: Vec<String>,
    /// Section heading (None: text under no heading) → its sentences.
    sentences: BTreeMap<Option<String>, Vec<String>>,
    decisions: BTreeMap<Outcome, Vec<String>>,
    dissent: Vec<String>,
    remarks: Vec<String>,
    attachments: Vec<String>,
    people: Vec<(String, Option<String>)>,
}

fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split("\n\n") {
        let mut start = 0;
        let b = para.as_bytes();
        for i in 0..b.len() {
            if b[i] == b'.' && b.get(i + 1).is_none_or(|c| *c == b' ' || *c == b'\n') {
                let s = para[start..=i].trim();
                if s.len() > 20 {
                    out.push(s.to_string());
                }
                start = i + 1;
            }
        }
        let rest = para[start..].trim();
        if rest.len() > 20 {
            out.push(rest.to_string());
        }
    }
    out
}

fn load_pool(root: &Path) -> Result<Pool> {
    let mut files: Vec<_> = std::fs::read_dir(root.join("examples/norddjurs"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.push(root.join("tests/fixtures/aarhus-byraad-2025-08-27.txt"));
    let mut pool = Pool::default();
    for f in &files {
        let text =
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let m = parse_minutes(
            &text,
            &f.display().to_string(),
            referat_core::Vocabulary::builtin(),
        )
        .meeting;
        for a in &m.absent {
            pool.people.push((a.name.clone(), a.party.clone()));
        }
        for item in &m.items {
            pool.titles.extend(item.title.clone());
            for a in &item.absent {
                pool.people.push((a.name.clone(), a.party.clone()));
            }
            for s in &item.sections {
                pool.sentences
                    .entry(s.heading.clone())
                    .or_default()
                    .extend(sentences(&s.text));
            }
            for d in &item.decisions {
                pool.decisions
                    .entry(d.outcome)
                    .or_default()
                    .push(d.text.clone());
                pool.remarks.extend(d.remarks.iter().cloned());
                if d.dissent {
                    pool.dissent.extend(
                        sentences(&d.text)
                            .into_iter()
                            .filter(|s| s.contains("imod") || s.contains("forbehold")),
                    );
                }
            }
            pool.attachments
                .extend(item.attachments.iter().filter_map(|a| a.title.clone()));
        }
    }
    pool.sentences.retain(|_, v| !v.is_empty());
    pool.people.sort();
    pool.people.dedup_by(|a, b| a.0 == b.0);
    if pool.titles.is_empty() || pool.sentences.is_empty() || pool.people.len() < 3 {
        bail!("the samples gave too little text to draw from");
    }
    Ok(pool)
}

/// Redraws each digit, keeping the shape (`21/1359` stays `NN/NNNN`), so numbers vary.
fn vary_digits(s: &str, rng: &mut Rng) -> String {
    if !rng.chance(500) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from(b'0' + rng.below(10) as u8)
            } else {
                c
            }
        })
        .collect()
}

fn pick_outcome(rng: &mut Rng) -> Outcome {
    let mut x = rng.below(1000) as u32;
    for (o, rate) in OUTCOME_RATES {
        if x < rate {
            return o;
        }
        x -= rate;
    }
    Outcome::Other
}

/// A decision text for `outcome`: a real one with that outcome when the samples have one.
fn decision_text(pool: &Pool, outcome: Outcome, rng: &mut Rng) -> String {
    match pool.decisions.get(&outcome).filter(|v| !v.is_empty()) {
        Some(v) => rng.pick(v).clone(),
        None => match outcome {
            Outcome::Rejected => "Indstillingen blev ikke godkendt.",
            Outcome::Postponed => "Sagen blev udsat til næste møde.",
            Outcome::Withdrawn => "Punktet udgår.",
            Outcome::Discussed => "Drøftet.",
            Outcome::Recommended => "Indstillingen anbefales.",
            Outcome::Noted => "Taget til efterretning.",
            Outcome::Other => "Udvalget besluttede at sende sagen i høring.",
            _ => "Godkendt.",
        }
        .to_string(),
    }
}

/// Builds a bundle of about `items` items (whole meetings of 10–14 items).
pub fn generate(root: &Path, items: usize, seed: u64) -> Result<Bundle> {
    let pool = load_pool(root)?;
    let mut rng = Rng(seed);
    let headings: Vec<&Option<String>> = pool.sentences.keys().collect();
    // Each committee has 11–13 members drawn from the real people.
    let members: Vec<Vec<&(String, Option<String>)>> = (0..COMMITTEES.len())
        .map(|_| {
            (0..rng.range(11, 13))
                .map(|_| rng.pick(&pool.people))
                .collect()
        })
        .collect();
    let committees = Committees::builtin();
    // Open cases per committee, so a case number comes back at later meetings.
    let mut cases: Vec<Vec<(String, String)>> = vec![Vec::new(); COMMITTEES.len()];
    let mut meetings = Vec::new();
    let mut made = 0;
    let mut k = 0usize;
    while made < items {
        let c = k % COMMITTEES.len();
        k += 1;
        // Ten years, 2016–2025; day of year 1–360 stays a valid date in every month.
        let year = 2016 + rng.below(10);
        let month = rng.range(1, 12);
        let day = rng.range(1, 28);
        let date = format!("{year:04}-{month:02}-{day:02}");
        let n = rng.range(10, 14).min(items - made).max(1);
        let absent: Vec<Absence> = if rng.chance(400) {
            (0..rng.range(1, 2))
                .map(|_| {
                    let p = rng.pick(&members[c]);
                    Absence {
                        name: p.0.clone(),
                        party: p.1.clone(),
                        note: None,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut its = Vec::with_capacity(n);
        for number in 1..=n as u32 {
            let (case_number, title) = if !cases[c].is_empty() && rng.chance(200) {
                rng.pick(&cases[c]).clone()
            } else {
                let case = format!("{:02}/{}", year % 100, rng.range(100, 19999));
                let title = vary_digits(rng.pick::<String>(&pool.titles), &mut rng);
                cases[c].push((case.clone(), title.clone()));
                if cases[c].len() > 200 {
                    cases[c].remove(0);
                }
                (case, title)
            };
            let mut sections = Vec::new();
            for _ in 0..rng.range(2, 4) {
                let heading = (*rng.pick(&headings)).clone();
                let pool_s = &pool.sentences[&heading];
                let mut text = String::new();
                for p in 0..rng.range(1, 4) {
                    if p > 0 {
                        text.push_str("\n\n");
                    }
                    for s in 0..rng.range(1, 4) {
                        if s > 0 {
                            text.push(' ');
                        }
                        text.push_str(&vary_digits(rng.pick::<String>(pool_s), &mut rng));
                    }
                }
                sections.push(Section { heading, text });
            }
            let outcome = pick_outcome(&mut rng);
            let mut decisions = Vec::new();
            if outcome != Outcome::Pending {
                let mut text = decision_text(&pool, outcome, &mut rng);
                let dissent = rng.chance(60);
                if dissent {
                    let p = rng.pick(&members[c]);
                    match pool.dissent.is_empty() {
                        false if rng.chance(500) => {
                            text.push(' ');
                            text.push_str(rng.pick::<String>(&pool.dissent));
                        }
                        _ => text.push_str(&format!(
                            " {} ({}) stemte imod.",
                            p.0,
                            p.1.as_deref().unwrap_or("Løsgænger")
                        )),
                    }
                }
                let remarks = if !pool.remarks.is_empty() && rng.chance(50) {
                    vec![rng.pick(&pool.remarks).clone()]
                } else {
                    Vec::new()
                };
                decisions.push(Decision {
                    body: Some(COMMITTEES[c].to_string()),
                    date: Some(date.clone()),
                    text,
                    outcome,
                    dissent,
                    remarks,
                    heading: Some(format!("Beslutning i {} den {date}", COMMITTEES[c])),
                });
            }
            let item_absent = if rng.chance(30) {
                let p = rng.pick(&members[c]);
                vec![Absence {
                    name: p.0.clone(),
                    party: p.1.clone(),
                    note: Some("deltog ikke i behandlingen af punktet".into()),
                }]
            } else {
                Vec::new()
            };
            let attachments = if !pool.attachments.is_empty() && rng.chance(300) {
                (1..=rng.range(1, 3) as u32)
                    .map(|i| Attachment {
                        number: Some(i),
                        title: Some(rng.pick(&pool.attachments).clone()),
                        reference: Some(format!("{}/{:02}", rng.range(1000, 99999), year % 100)),
                        access: Some(Access::Open),
                        note: None,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            its.push(Item {
                id: String::new(),
                number: Some(number),
                case_number: Some(case_number),
                title: Some(title),
                access: if rng.chance(80) {
                    Access::Closed
                } else {
                    Access::Open
                },
                route: committees
                    .abbreviation_of(COMMITTEES[c])
                    .filter(|_| rng.chance(300))
                    .map(|a| vec![a.to_string()])
                    .unwrap_or_default(),
                sections,
                decisions,
                outcome,
                absent: item_absent,
                attachments,
            });
        }
        made += its.len();
        // Half the meetings list their members, as many real minutes do.
        let listed: Vec<Member> = if rng.chance(500) {
            members[c]
                .iter()
                .map(|p| Member {
                    name: p.0.clone(),
                    party: p.1.clone(),
                })
                .collect()
        } else {
            Vec::new()
        };
        meetings.push(Meeting {
            id: String::new(),
            committee: Some(COMMITTEES[c].to_string()),
            date: Some(date.clone()),
            start_time: Some(format!("{:02}:00", rng.range(8, 17))),
            location: Some("Rådhuset".into()),
            absent,
            members: listed,
            items: its,
            source: format!("bench/{k:06}.txt"),
            heading: Some(format!("{} {}", COMMITTEES[c], date)),
            sections: Vec::new(),
            furniture: Vec::new(),
        });
    }
    let bundle = assemble(
        &format!("Syntetisk kommune – {items} punkter (seed {seed})"),
        "2026-01-01T00:00:00Z",
        meetings,
        &committees,
    );
    let problems = validate(&bundle);
    if let Some(p) = problems.first() {
        bail!("the generated bundle is invalid: {p:?}");
    }
    Ok(bundle)
}
