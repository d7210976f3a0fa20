//! The minutes parser: text in, one meeting with its items out.
//!
//! Lines are classified first (`lines`), then grouped into blocks (a section,
//! a decision, an absence list, …) per item. Blocks are interpreted only when an
//! item closes, because a case line can claim the previous block's last line as
//! its title.

mod attachments;
mod lines;
mod outcome;
mod people;

pub use attachments::parse_attachments;
pub use lines::{
    classify as classify_line, classify_preamble, LineKind, MeetingLabel, KNOWN_HEADINGS,
};
pub use outcome::classify as classify_outcome;
pub use people::{did_not_take_part, parse_people_line};

use crate::committees::Committees;
use crate::dates::{find_date, find_time};
use crate::model::{Absence, Access, Decision, Item, Meeting, Outcome, Section};
use crate::reflow::{join_line, reflow, split_lines, DocLine, Layout};
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

/// Something the parser could not find. Fields stay null; this says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based item position in the file, when the warning is about an item.
    pub item: Option<usize>,
    pub kind: WarningKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    NoCommittee,
    NoDate,
    NoDecision,
    NoTitle,
    NoCaseNumber,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            WarningKind::NoCommittee => "no committee",
            WarningKind::NoDate => "no date",
            WarningKind::NoDecision => "no decision",
            WarningKind::NoTitle => "no title",
            WarningKind::NoCaseNumber => "no case number",
        };
        match self.item {
            Some(i) => write!(f, "item {i}: {what}"),
            None => write!(f, "{what}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The meeting; `id` fields are empty until the bundle assigns them.
    pub meeting: Meeting,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq)]
enum BlockKind {
    Section(Option<String>),
    Decision {
        heading: String,
        body: Option<String>,
        date: Option<String>,
    },
    Absent,
    Attachments,
    Route,
}

#[derive(Debug, Clone)]
struct Block<'a> {
    kind: BlockKind,
    lines: Vec<DocLine<'a>>,
}

#[derive(Debug, Default)]
struct ItemDraft<'a> {
    number: Option<u32>,
    title: Vec<DocLine<'a>>,
    title_open: bool,
    case_number: Option<String>,
    closed: bool,
    blocks: Vec<Block<'a>>,
}

#[derive(Debug, Default)]
struct MeetingDraft<'a> {
    heading: Option<String>,
    committee: Option<String>,
    date: Option<String>,
    start_time: Option<String>,
    location: Option<String>,
    pending_label: Option<MeetingLabel>,
    preamble: Vec<Block<'a>>,
    items: Vec<ItemDraft<'a>>,
}

/// Parses the text of one minutes document. Never fails: what it cannot place
/// is kept as a section with no heading.
pub fn parse_minutes(text: &str, source: &str, committees: &Committees) -> Parsed {
    let text = normalise(text);
    let (lines, layout) = split_lines(&text);
    let mut d = MeetingDraft::default();
    let is_abbr = |s: &str| committees.expand(s).is_some();

    for line in lines {
        let in_preamble = d.items.is_empty();
        let kind = match classify_line(&line.text, is_abbr) {
            LineKind::Text if in_preamble => {
                classify_preamble(&line.text, is_abbr).unwrap_or(LineKind::Text)
            }
            kind => kind,
        };
        match kind {
            LineKind::Toc if in_preamble => d.push_preamble_line(Some("Indholdsfortegnelse"), line),
            LineKind::Point { number, title } => {
                let mut item = ItemDraft {
                    number: Some(number),
                    title_open: true,
                    ..Default::default()
                };
                let title = match strip_access_prefix(&title) {
                    Some((closed, rest)) => {
                        item.closed = closed;
                        rest
                    }
                    None => title,
                };
                if !title.is_empty() {
                    item.title.push(DocLine {
                        text: title.into(),
                        ..line
                    });
                }
                d.items.push(item);
            }
            LineKind::Case {
                case_number,
                access,
            } => {
                let fresh = d
                    .items
                    .last()
                    .is_some_and(|i| i.case_number.is_none() && i.blocks.is_empty());
                if !fresh {
                    let (number, title) = d.take_title_candidate().unzip();
                    d.items.push(ItemDraft {
                        number: number.flatten(),
                        title: title.into_iter().collect(),
                        ..Default::default()
                    });
                }
                let item = d.items.last_mut().expect("an item was just ensured");
                item.case_number = Some(case_number);
                item.title_open = false;
                if let Some(closed) = access {
                    item.closed = closed;
                }
            }
            LineKind::Access { closed } => d.item().closed = closed,
            LineKind::Decision {
                heading,
                body,
                date,
                rest,
            } => {
                let kind = BlockKind::Decision {
                    heading,
                    body,
                    date,
                };
                d.item().open_block(kind, rest, &line);
            }
            LineKind::Absence { rest } if in_preamble => {
                d.preamble.push(Block {
                    kind: BlockKind::Absent,
                    lines: Vec::new(),
                });
                if let Some(rest) = rest {
                    d.push_line(DocLine {
                        text: rest.into(),
                        ..line
                    });
                }
            }
            LineKind::Absence { rest } => d.item().open_block(BlockKind::Absent, rest, &line),
            LineKind::Attachments { rest } => {
                d.item().open_block(BlockKind::Attachments, rest, &line)
            }
            LineKind::Route { rest } => d.item().open_block(BlockKind::Route, rest, &line),
            LineKind::Heading { heading, rest }
                if in_preamble && is_meeting_heading(&heading, &d) =>
            {
                d.preamble.push(Block {
                    kind: BlockKind::Section(Some(heading)),
                    lines: Vec::new(),
                });
                if let Some(rest) = rest {
                    d.push_line(DocLine {
                        text: rest.into(),
                        ..line
                    });
                }
            }
            // In a Bilag list, `Indstilling` is a document's title, not a new section.
            LineKind::Heading { .. } if d.in_attachments() && !line.break_before => {
                d.push_line(line)
            }
            LineKind::Heading { heading, rest } => {
                d.item()
                    .open_block(BlockKind::Section(Some(heading)), rest, &line)
            }
            // A header whose date differs from a `Dato:` label's already read stays text.
            LineKind::Header { committee, date }
                if in_preamble
                    && d.heading.is_none()
                    && d.date.as_ref().is_none_or(|read| *read == date) =>
            {
                d.heading = Some(line.text.to_string());
                d.committee = Some(expand(committees, &committee));
                d.date = Some(date);
                d.start_time = d.start_time.take().or_else(|| find_time(&line.text));
            }
            LineKind::Label { label, rest } if in_preamble => match rest {
                // The line stays in the preamble's text either way: its label is a word too.
                Some(value) => {
                    d.apply_label(label, &value);
                    d.push_line(line);
                }
                None => {
                    d.pending_label = Some(label);
                    d.push_preamble_line(None, line);
                }
            },
            _ => {
                if in_preamble {
                    if let Some(label) = d.pending_label.take() {
                        if d.apply_label(label, &line.text) {
                            // The label line already sits in the preamble; keep the value beside it.
                            d.push_line(line);
                            continue;
                        }
                    }
                }
                d.push_line(line);
            }
        }
    }
    d.finish(source, layout, committees)
}

/// Preamble headings that belong to the meeting, not to an item.
fn is_meeting_heading(heading: &str, d: &MeetingDraft) -> bool {
    heading.eq_ignore_ascii_case("Indholdsfortegnelse")
        || (d.heading.is_some() && heading.chars().all(|c| !c.is_lowercase()))
}

fn strip_access_prefix(title: &str) -> Option<(bool, String)> {
    let lower = title.to_lowercase();
    for (prefix, closed) in [("lukket:", true), ("åben:", false)] {
        if lower.starts_with(prefix) {
            let rest = title
                .char_indices()
                .nth(prefix.chars().count())
                .map_or("", |(i, _)| &title[i..]);
            return Some((closed, rest.trim().to_string()));
        }
    }
    None
}

fn expand(committees: &Committees, name: &str) -> String {
    committees
        .expand(name)
        .map_or_else(|| name.to_string(), str::to_string)
}

/// Removes what a text file carries but a text does not: a BOM, NUL, NBSP; and
/// makes CRLF and a lone CR (old Mac files) plain line breaks.
fn normalise(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.trim_start_matches('\u{feff}');
    // Byte searches: a `char` set makes `contains` decode every character of the text.
    let bytes = text.as_bytes();
    if memchr::memchr2(b'\0', b'\r', bytes).is_none()
        && memchr::memmem::find(bytes, "\u{a0}".as_bytes()).is_none()
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\0' => {}
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            '\u{a0}' => out.push(' '),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

impl<'a> ItemDraft<'a> {
    fn open_block(&mut self, kind: BlockKind, rest: Option<String>, line: &DocLine<'_>) {
        self.title_open = false;
        let mut block = Block {
            kind,
            lines: Vec::new(),
        };
        if let Some(rest) = rest {
            block.lines.push(DocLine {
                text: rest.into(),
                no: line.no,
                seq: line.seq,
                break_before: false,
            });
        }
        self.blocks.push(block);
    }
}

impl<'a> MeetingDraft<'a> {
    /// The current item, starting one when the text has not named one yet.
    fn item(&mut self) -> &mut ItemDraft<'a> {
        if self.items.is_empty() {
            self.items.push(ItemDraft::default());
        }
        self.items.last_mut().expect("an item exists")
    }

    fn in_attachments(&self) -> bool {
        self.items
            .last()
            .and_then(|i| i.blocks.last())
            .is_some_and(|b| b.kind == BlockKind::Attachments)
    }

    fn push_preamble_line(&mut self, heading: Option<&str>, line: DocLine<'a>) {
        let wanted = BlockKind::Section(heading.map(str::to_string));
        match self.preamble.last_mut() {
            Some(b)
                if b.kind == wanted
                    || (heading.is_none() && matches!(b.kind, BlockKind::Section(_))) =>
            {
                b.lines.push(line)
            }
            _ => self.preamble.push(Block {
                kind: wanted,
                lines: vec![line],
            }),
        }
    }

    fn push_line(&mut self, line: DocLine<'a>) {
        let Some(item) = self.items.last_mut() else {
            match self.preamble.last_mut() {
                Some(b)
                    if b.kind == BlockKind::Absent && parse_people_line(&line.text).is_none() =>
                {
                    self.preamble.push(Block {
                        kind: BlockKind::Section(None),
                        lines: vec![line],
                    })
                }
                Some(b) => b.lines.push(line),
                None => self.preamble.push(Block {
                    kind: BlockKind::Section(None),
                    lines: vec![line],
                }),
            }
            return;
        };
        if item.title_open && item.title.len() < 3 && !line.break_before && item.blocks.is_empty() {
            item.title.push(line);
            return;
        }
        item.title_open = false;
        let block = match item.blocks.last_mut() {
            Some(b) if b.kind == BlockKind::Route && !b.lines.is_empty() => None,
            Some(b) if b.kind == BlockKind::Absent && parse_people_line(&line.text).is_none() => {
                None
            }
            Some(b) => Some(b),
            None => None,
        };
        match block {
            Some(b) => b.lines.push(line),
            None => item.blocks.push(Block {
                kind: BlockKind::Section(None),
                lines: vec![line],
            }),
        }
    }

    /// Takes the line before a case line as the new item's title, if it reads like one.
    /// A numbered line (`2. Budgetopfølgning`) also gives the item its number.
    fn take_title_candidate(&mut self) -> Option<(Option<u32>, DocLine<'a>)> {
        let blocks = match self.items.last_mut() {
            Some(item) => &mut item.blocks,
            None => &mut self.preamble,
        };
        let block = blocks.last_mut()?;
        if !matches!(
            block.kind,
            BlockKind::Section(_) | BlockKind::Attachments | BlockKind::Decision { .. }
        ) {
            return None;
        }
        let text = block.lines.last()?.text.as_ref();
        let numbered = NUMBERED_TITLE
            .captures(text)
            .and_then(|c| Some((c[1].parse::<u32>().ok()?, c.get(2)?.start())));
        let title_like = text.chars().count() <= 200
            && !text.ends_with(['.', ',', ';', ':'])
            && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && (numbered.is_some() || crate::reflow::list_marker(text).is_none());
        if !title_like {
            return None;
        }
        let mut line = block.lines.pop()?;
        if block.lines.is_empty() && matches!(block.kind, BlockKind::Section(None)) {
            blocks.pop();
        }
        let number = numbered.map(|(n, start)| {
            line.text = line.text[start..].to_string().into();
            n
        });
        Some((number, line))
    }

    /// Stores a label's value, if the field is empty or holds the same value: a second
    /// `Dato:` is not taken for the meeting's date. Says whether it stored it.
    fn apply_label(&mut self, label: MeetingLabel, value: &str) -> bool {
        /// Sets `field` to `value` unless it holds another value.
        fn store(field: &mut Option<String>, value: String) -> bool {
            let free = field.as_ref().is_none_or(|old| *old == value);
            if free {
                *field = Some(value);
            }
            free
        }
        match label {
            MeetingLabel::Date => {
                let Some(date) = find_date(value) else {
                    return false;
                };
                let time = find_time(value);
                let time_fits = match (&time, &self.start_time) {
                    (Some(new), Some(old)) => new == old,
                    _ => true,
                };
                if !time_fits || !store(&mut self.date, date) {
                    return false;
                }
                if let Some(time) = time {
                    self.start_time = Some(time);
                }
                true
            }
            MeetingLabel::Time => match find_time(&format!("kl. {value}")) {
                Some(time) => store(&mut self.start_time, time),
                None => false,
            },
            MeetingLabel::Place => store(&mut self.location, value.trim().to_string()),
        }
    }

    fn finish(self, source: &str, layout: Layout, committees: &Committees) -> Parsed {
        let mut warnings = Vec::new();
        let mut meeting = Meeting {
            id: String::new(),
            committee: self.committee,
            date: self.date,
            start_time: self.start_time,
            location: self.location,
            absent: Vec::new(),
            items: Vec::new(),
            source: source.to_string(),
            heading: self.heading,
            sections: Vec::new(),
        };
        let mut preamble_sections = Vec::new();
        for block in &self.preamble {
            match &block.kind {
                BlockKind::Absent => meeting.absent.extend(people_in(&block.lines)),
                BlockKind::Section(heading) => preamble_sections.push(Section {
                    heading: heading.clone(),
                    text: reflow(&block.lines, layout),
                }),
                _ => {}
            }
        }
        for s in &preamble_sections {
            push_unique(&mut meeting.absent, did_not_take_part(&s.text));
        }
        if self.items.is_empty() {
            if !preamble_sections.is_empty() {
                // A fragment with no structure at all: one item that keeps all its text.
                meeting.items.push(Item {
                    sections: preamble_sections,
                    ..empty_item()
                });
            }
        } else {
            meeting.sections = preamble_sections;
            let (committee, date) = (meeting.committee.as_deref(), meeting.date.as_deref());
            let items = self
                .items
                .into_iter()
                .map(|d| build_item(d, layout, committees, committee, date));
            meeting.items = items.collect();
        }
        // No header: the meeting is the one that made the last decision.
        if meeting.committee.is_none() || meeting.date.is_none() {
            let last = meeting.items.iter().flat_map(|i| &i.decisions).rev();
            let (body, day) = last.fold(
                (None, None),
                |(b, d): (Option<String>, Option<String>), dec| {
                    (
                        b.or_else(|| dec.body.clone()),
                        d.or_else(|| dec.date.clone()),
                    )
                },
            );
            meeting.committee = meeting.committee.or(body);
            meeting.date = meeting.date.or(day);
        }
        if meeting.committee.is_none() {
            warnings.push(Warning {
                item: None,
                kind: WarningKind::NoCommittee,
            });
        }
        if meeting.date.is_none() {
            warnings.push(Warning {
                item: None,
                kind: WarningKind::NoDate,
            });
        }
        for (i, item) in meeting.items.iter().enumerate() {
            let item_warning = |kind| Warning {
                item: Some(i + 1),
                kind,
            };
            if item.title.is_none() {
                warnings.push(item_warning(WarningKind::NoTitle));
            }
            if item.case_number.is_none() {
                warnings.push(item_warning(WarningKind::NoCaseNumber));
            }
            if item.decisions.is_empty() {
                warnings.push(item_warning(WarningKind::NoDecision));
            }
        }
        Parsed { meeting, warnings }
    }
}

fn empty_item() -> Item {
    Item {
        id: String::new(),
        number: None,
        case_number: None,
        title: None,
        access: Access::Open,
        route: Vec::new(),
        sections: Vec::new(),
        decisions: Vec::new(),
        outcome: Outcome::Pending,
        absent: Vec::new(),
        attachments: Vec::new(),
    }
}

/// `2. Budgetopfølgning`: an agenda number and a title, as many portals print items.
static NUMBERED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\.\s+(\p{Lu}.*)$").expect("valid regex"));
static ROUTE_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:/|,|;|→|>|–|\s-\s)\s*").expect("valid regex"));
static REMARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbemærk(?:er|ede|ning)\b|\bført til protokol\b|\bprotokoltilførsel\b|\btilkendegiver\b")
        .expect("valid regex")
});
static PARTY_MENTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[^.]{0,120}?\([^()]{1,30}\)").expect("valid regex"));

fn build_item(
    draft: ItemDraft,
    layout: Layout,
    committees: &Committees,
    committee: Option<&str>,
    date: Option<&str>,
) -> Item {
    let mut item = empty_item();
    item.number = draft.number;
    item.case_number = draft.case_number;
    item.access = if draft.closed {
        Access::Closed
    } else {
        Access::Open
    };
    item.title =
        draft
            .title
            .iter()
            .map(|l| l.text.as_ref())
            .fold(None, |acc: Option<String>, t| {
                Some(match acc {
                    Some(mut a) => {
                        join_line(&mut a, t);
                        a
                    }
                    None => t.to_string(),
                })
            });
    for block in draft.blocks {
        match block.kind {
            BlockKind::Section(heading) => item.sections.push(Section {
                heading,
                text: reflow(&block.lines, layout),
            }),
            BlockKind::Route => {
                let text = block
                    .lines
                    .iter()
                    .map(|l| l.text.as_ref())
                    .collect::<Vec<_>>()
                    .join(" ");
                let steps = ROUTE_SPLIT
                    .split(&text)
                    .map(str::trim)
                    .filter(|s| !s.is_empty());
                item.route.extend(steps.map(str::to_string));
            }
            BlockKind::Decision {
                heading,
                body,
                date: decided,
            } => item.decisions.push(build_decision(
                heading,
                body,
                decided,
                &block.lines,
                layout,
                committees,
                committee,
                date,
            )),
            BlockKind::Absent => push_unique(&mut item.absent, people_in(&block.lines)),
            BlockKind::Attachments => {
                let lines: Vec<&str> = block.lines.iter().map(|l| l.text.as_ref()).collect();
                item.attachments.extend(parse_attachments(&lines));
            }
        }
    }
    let texts =
        item.sections
            .iter()
            .map(|s| s.text.as_str())
            .chain(item.decisions.iter().flat_map(|d| {
                std::iter::once(d.text.as_str()).chain(d.remarks.iter().map(String::as_str))
            }));
    let mentioned: Vec<Absence> = texts.flat_map(did_not_take_part).collect();
    push_unique(&mut item.absent, mentioned);
    item.outcome = item
        .decisions
        .last()
        .map_or(Outcome::Pending, |d| d.outcome);
    item
}

#[allow(clippy::too_many_arguments)]
fn build_decision(
    heading: String,
    body: Option<String>,
    decided: Option<String>,
    lines: &[DocLine],
    layout: Layout,
    committees: &Committees,
    committee: Option<&str>,
    date: Option<&str>,
) -> Decision {
    // A bare `Beslutninger` heading in a meeting's minutes is that meeting's decision.
    let bare = body.is_none() && decided.is_none();
    let body = body
        .map(|b| expand(committees, &b))
        .or_else(|| bare.then(|| committee.map(str::to_string)).flatten());
    let decided = decided.or_else(|| bare.then(|| date.map(str::to_string)).flatten());
    let full = reflow(lines, layout);
    let (mut text, mut remarks) = (Vec::new(), Vec::new());
    for paragraph in full.split("\n\n") {
        if REMARK.is_match(paragraph) && PARTY_MENTION.is_match(paragraph) {
            remarks.push(paragraph.to_string());
        } else {
            text.push(paragraph);
        }
    }
    let text = text.join("\n\n");
    let (outcome, dissent) = classify_outcome(&text, &remarks);
    Decision {
        body,
        date: decided,
        text,
        outcome,
        dissent,
        remarks,
        heading: Some(heading),
    }
}

fn people_in(lines: &[DocLine]) -> Vec<Absence> {
    lines
        .iter()
        .filter_map(|l| parse_people_line(&l.text))
        .flatten()
        .collect()
}

fn push_unique(into: &mut Vec<Absence>, people: Vec<Absence>) {
    for p in people {
        if !into.iter().any(|q| q.name == p.name && q.note == p.note) {
            into.push(p);
        }
    }
}
