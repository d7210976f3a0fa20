//! The minutes parser: text in, one meeting with its items out.
//!
//! Lines are classified first (`lines`), then grouped into blocks (a section,
//! a decision, an absence list, …) per item (`draft`). Blocks are interpreted only
//! when the text has been read (`build`), because a case line can claim the previous
//! block's last line as its title, and an absence belongs to the meeting or an item
//! depending on where it is printed.
//!
//! Items start at what the layout uses to mark them: `Punkt 3`, `Pkt. 197`, `2. Title`
//! (when the numbers run in order and the next line is not another entry of a table of
//! contents), a case line or a case label. A text with none of these (some portals print
//! neither numbers nor titles) has its items split where an item's opening heading
//! (`Åben`, `Beslutningstema`, `Resume`) follows a decision.

mod absence_text;
mod attachments;
mod build;
mod cut_off;
mod draft;
mod flat;
mod header;
mod lines;
mod markers;
mod outcome;
mod people;

pub use attachments::parse_attachments;
pub use header::{committee_name, header_line, HeaderLine};
pub use lines::{classify as classify_line, classify_preamble, is_case_number, LineKind};
pub use outcome::classify as classify_outcome;
pub use people::parse_people_line;

use crate::model::Meeting;
use crate::reflow::{split_lines, DocLine};
use crate::vocabulary::{LabelField, Vocabulary};
use draft::{BlockKind, ItemDraft, MeetingDraft, Pending, Rank};
use markers::{opens_item, starts_item, title_like, titles_with_case_numbers, OPENING_HEADINGS};
use regex::Regex;
use std::borrow::Cow;
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
    /// The file holds no text at all; it makes no meeting.
    Empty,
    /// No header, item or decision was found: the text is kept as one item.
    NoStructure,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            WarningKind::NoCommittee => "no committee",
            WarningKind::NoDate => "no date",
            WarningKind::NoDecision => "no decision",
            WarningKind::NoTitle => "no title",
            WarningKind::NoCaseNumber => "no case number",
            WarningKind::Empty => "empty file, no meeting made",
            WarningKind::NoStructure => {
                "no minutes structure found (no header, item or decision); the text is kept as one item"
            }
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
    /// Each non-blank line with what the parser took it for (for `referat explain`).
    pub trace: Vec<TraceLine>,
}

/// One line as the parser read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceLine {
    /// 1-based line number in the text.
    pub line: usize,
    pub text: String,
    /// The line's class, e.g. `item 3`, `case label`, `decision`, `text`.
    pub class: String,
    /// The item (1-based, in reading order) the line went to; `None` before the first.
    pub item: Option<usize>,
}

/// A table's column header over an item's number and title.
static POINT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:punkt|pkt\.?|nr\.?)(?:\s+(?i:titel|tekst|overskrift|emne))?$")
        .expect("valid regex")
});
static NUMBER_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4})\s+(\p{Lu}.*)$").expect("valid regex"));

/// Parses the text of one minutes document. Never fails: what it cannot place
/// is kept as a section with no heading.
pub fn parse_minutes(text: &str, source: &str, vocabulary: &Vocabulary) -> Parsed {
    parse(text, source, vocabulary, false)
}

/// [`parse_minutes`], with each line's class in [`Parsed::trace`] (for `referat explain`).
/// Ingest does not ask for it: it would copy every line of every file.
pub fn parse_minutes_traced(text: &str, source: &str, vocabulary: &Vocabulary) -> Parsed {
    parse(text, source, vocabulary, true)
}

fn parse(text: &str, source: &str, vocabulary: &Vocabulary, tracing: bool) -> Parsed {
    let text = normalise(text);
    let (lines, layout) = split_lines(&text);
    let mut d = MeetingDraft::default();
    let mut trace = Vec::new();
    let mut classified: Vec<(DocLine, LineKind)> = Vec::with_capacity(lines.len());
    // A page flattened into one line is cut back into its lines first.
    let mut pieces: Vec<DocLine> = Vec::new();
    for line in lines {
        let mut cuts = flat::cuts(&line.text, vocabulary);
        if cuts.is_empty() {
            cuts.extend(flat::glued_number(&line.text, vocabulary));
        }
        pieces.clear();
        match (&line.text, cuts.is_empty()) {
            (std::borrow::Cow::Borrowed(text), false) => {
                // The pieces were lines of one paragraph: only the first follows a break.
                let parts = flat::pieces(text, &cuts).into_iter().enumerate();
                pieces.extend(parts.map(|(k, piece)| DocLine {
                    text: std::borrow::Cow::Borrowed(piece),
                    break_before: line.break_before && k == 0,
                    ..line.clone()
                }));
            }
            _ => pieces.push(line),
        }
        let flattened = !cuts.is_empty();
        let first_piece = classified.len();
        for mut line in pieces.drain(..) {
            // `Til toppen`, `Kopier link til punktet - Print`: the page's, kept on the meeting.
            if vocabulary.is_furniture(&line.text) {
                d.furniture.push(line.text.to_string());
                if tracing {
                    trace.push(TraceLine {
                        line: line.no,
                        text: line.text.to_string(),
                        class: "page furniture".into(),
                        item: None,
                    });
                }
                continue;
            }
            let (kept, cut) = vocabulary.strip_furniture(&line.text);
            if let Some(cut) = cut {
                d.furniture.push(cut.to_string());
                line.text = kept.to_string().into();
            }
            let mut kind = lines::classify(&line.text, vocabulary);
            if flattened && kind == LineKind::Text {
                kind = lines::run_in_heading(&line.text, vocabulary).unwrap_or(kind);
            }
            classified.push((line, kind));
        }
        if flattened {
            titles_with_case_numbers(&mut classified[first_piece..]);
        }
    }
    // Under a `Punkt Titel` column header, `88 Indkaldelse af …` is item 88.
    for i in 1..classified.len() {
        let digit = classified[i]
            .0
            .text
            .starts_with(|c: char| c.is_ascii_digit());
        // One entry under the header is an item; a column of them is a table of contents.
        let list = classified
            .get(i + 1)
            .is_some_and(|(l, _)| NUMBER_TITLE.is_match(&l.text));
        if !digit
            || list
            || !matches!(classified[i].1, LineKind::Text)
            || !POINT_HEADER.is_match(&classified[i - 1].0.text)
        {
            continue;
        }
        if let Some(c) = NUMBER_TITLE.captures(&classified[i].0.text) {
            if let Ok(number) = c[1].parse() {
                classified[i].1 = LineKind::Point {
                    number,
                    title: c[2].to_string(),
                };
            }
        }
    }
    let item_lines: Vec<bool> = (0..classified.len())
        .map(|i| starts_item(&classified, i))
        .collect();
    let has_markers = item_lines.iter().any(|&b| b);
    let last_marker = item_lines.iter().rposition(|&b| b);
    for (i, (line, kind)) in classified.into_iter().enumerate() {
        let in_preamble = d.items.is_empty();
        let mut class = if tracing {
            class_name(&kind)
        } else {
            Cow::Borrowed("")
        };
        let kind = match kind {
            LineKind::Text | LineKind::Heading { .. } if in_preamble => {
                match lines::classify_preamble(&line.text, vocabulary) {
                    Some(k) => {
                        class = class_name(&k);
                        k
                    }
                    None => match d.header(&line.text, vocabulary) {
                        // A header line is kept as the meeting's text; its words are data too.
                        Some(found) => {
                            class = found.into();
                            LineKind::Header {
                                committee: String::new(),
                                date: String::new(),
                            }
                        }
                        None => kind,
                    },
                }
            }
            // `Referat` under an item holds what was decided.
            LineKind::Text | LineKind::Heading { .. }
                if !in_preamble && vocabulary.re.item_decision.is_match(&line.text) =>
            {
                class = "decision heading".into();
                LineKind::Decision {
                    heading: line.text.trim().trim_end_matches(':').to_string(),
                    body: None,
                    date: None,
                    rest: None,
                }
            }
            kind => kind,
        };
        let line_no = line.no;
        let text_copy = tracing.then(|| line.text.to_string());
        match kind {
            LineKind::Toc if in_preamble => d.push_preamble_line(Some("Indholdsfortegnelse"), line),
            LineKind::Point { number, title } => d.start_item(Some(number), &title, line),
            LineKind::Numbered { number, title } => {
                if item_lines[i] && d.number_case_item(number, &title, &line) {
                    class = format!("item {number} (after its case number)").into();
                } else if item_lines[i] && d.accepts_number(number) {
                    class = format!("item {number}").into();
                    d.rollback_toc(number);
                    d.start_item(Some(number), &title, line);
                } else if in_preamble && !d.pending.is_empty() {
                    // A value in a column of labels that happens to start with a number.
                    if let Some(Pending::Field(label)) = d.pending.pop_front() {
                        if d.apply_label(label, &line.text, vocabulary) {
                            class = "label value".into();
                        }
                    }
                    d.push_line(line);
                } else {
                    class = "text".into();
                    d.push_text(line);
                }
            }
            LineKind::TitledCase { title, case_number } => {
                d.start_item(None, &title, line);
                d.case_number(Some(case_number), false);
            }
            LineKind::Case {
                case_number,
                access,
                rest,
                officer,
            } => {
                d.case_number(Some(case_number), false);
                if let Some(officer) = officer {
                    d.push_aside(DocLine {
                        text: officer.into(),
                        ..line.clone()
                    });
                }
                if let Some(closed) = access {
                    d.item().closed = closed;
                }
                if let Some(rest) = rest {
                    push_text_or_decision(
                        &mut d,
                        DocLine {
                            text: rest.into(),
                            ..line
                        },
                        vocabulary,
                    );
                }
            }
            LineKind::CaseLabel { .. } if !item_lines[i] => {
                class = "text".into();
                d.push_text(line);
            }
            // The line stays as text too: a case number read later replaces the code.
            LineKind::JournalLabel { code, .. } => {
                d.journal_code(code);
                d.push_line(line);
            }
            // `Sag nr. 12 Godkendelse af dagsorden`: the item's number and its title.
            LineKind::CaseLabel {
                case_number: None,
                rest: Some(title),
                item_number: Some(n),
            } if title_like(&title) => d.start_item(Some(n), &title, line),
            LineKind::CaseLabel {
                case_number,
                rest,
                item_number,
            } => {
                let empty = case_number.is_none() && item_number.is_none();
                d.case_number(case_number, empty);
                if let Some(n) = item_number {
                    d.item().number.get_or_insert(n);
                }
                if let Some(rest) = rest {
                    d.push_line(DocLine {
                        text: rest.into(),
                        ..line
                    });
                }
            }
            LineKind::Access { closed } => {
                let item_has_content = d.items.last().is_some_and(|i| !i.blocks.is_empty());
                if !has_markers && (in_preamble || item_has_content) {
                    class = "item (access line)".into();
                    d.items.push(ItemDraft::default());
                    d.item().closed = closed;
                } else if in_preamble {
                    class = "text".into();
                    d.push_preamble_line(None, line);
                } else {
                    d.item().closed = closed;
                }
            }
            LineKind::Decision {
                heading,
                body,
                date,
                rest,
            } if !in_preamble || !has_markers => {
                // Without item marks, a second decision of the same body on the same day
                // is the next item's.
                if !has_markers
                    && (body.is_some() || date.is_some())
                    && d.items.last().is_some_and(|i| i.decided_by(&body, &date))
                {
                    class = "item (a second decision of the same meeting)".into();
                    d.items.push(ItemDraft::default());
                }
                let kind = BlockKind::Decision {
                    heading,
                    body,
                    date,
                };
                d.decided = true;
                d.item().open_block(kind, rest, &line);
            }
            // In a column of labels, `Fraværende:` waits for its value like the others.
            LineKind::Absence { rest: None } if in_preamble && !d.pending.is_empty() => {
                d.pending.push_back(Pending::Absent);
                d.push_preamble_line(None, line);
            }
            LineKind::Absence { rest } if in_preamble => {
                // `Afbud fra: Onsdag den 15-maj-2002 …`: a column of values out of step with
                // its labels still gives the date.
                if let Some(r) = &rest {
                    d.loose_date(r);
                }
                // `Mødelokale: Fraværende: Byrådssalen Erik Lund, Søren Holm`: the labels in a
                // row, then their values; the room is the first word, before the names.
                let mut rest = rest;
                if let (Some(Pending::Field(label)), Some(r)) = (d.pending.front().copied(), &rest)
                {
                    let first = r.split(',').next().unwrap_or("");
                    if label == LabelField::Place && first.split_whitespace().count() >= 3 {
                        if let Some((room, names)) = r.split_once(' ') {
                            if people::names_people(names) && crate::dates::find_date(r).is_none() {
                                let (room, names) = (room.to_string(), names.to_string());
                                d.apply_label(label, &room, vocabulary);
                                rest = Some(names);
                            }
                        }
                    }
                }
                d.pending.clear();
                d.open_preamble(BlockKind::Absent, rest, line)
            }
            LineKind::Absence { rest } => d.item().open_block(BlockKind::Absent, rest, &line),
            LineKind::Attendance { rest } => {
                d.pending.clear();
                let label = line.text.to_string();
                d.open_preamble(BlockKind::Attendance(label), rest, line)
            }
            LineKind::Attachments { rest } if !in_preamble || !has_markers => {
                d.item().open_block(BlockKind::Attachments, rest, &line)
            }
            LineKind::Route { rest } if !in_preamble || !has_markers => {
                d.item().open_block(BlockKind::Route, rest, &line)
            }
            // Before the first item: the meeting's own sections, where the text marks its items
            // (otherwise the first heading starts the only item).
            LineKind::Heading { heading, rest }
                if in_preamble
                    && (has_markers || d.is_meeting_heading(&heading, vocabulary))
                    && !(last_marker < Some(i) && d.heading.is_some() && opens_item(&heading)) =>
            {
                d.open_preamble(BlockKind::Section(Some(heading)), rest, line)
            }
            // In a Bilag list, `Indstilling` is a document's title, not a new section.
            LineKind::Heading { .. } if d.in_attachments() && !line.break_before => {
                d.push_line(line)
            }
            // `PKT. 1.` then `GODKENDELSE AF DAGSORDEN`: a line in capitals is the title.
            LineKind::Heading {
                heading,
                rest: None,
            } if d
                .items
                .last()
                .is_some_and(|i| i.title_open && i.title.is_empty() && i.blocks.is_empty())
                && !lines::is_known_heading(&heading, vocabulary) =>
            {
                d.push_line(line)
            }
            LineKind::Heading { heading, rest } => {
                let opening = || OPENING_HEADINGS.contains(&heading.to_lowercase().as_str());
                if !has_markers && d.items.last().is_some_and(ItemDraft::has_decision) && opening()
                {
                    class = "item (opening heading after a decision)".into();
                    d.items.push(ItemDraft::default());
                }
                d.item()
                    .open_block(BlockKind::Section(Some(heading)), rest, &line)
            }
            LineKind::Label { label, rest } if in_preamble => match rest {
                // The line stays in the preamble's text either way: its label is a word too.
                // `Mødelokale 2, Rådhuset` in a column of values is a value, not a label.
                Some(_) if !d.pending.is_empty() && !line.text.contains(':') => {
                    if let Some(Pending::Field(label)) = d.pending.pop_front() {
                        d.apply_label(label, &line.text, vocabulary);
                    }
                    class = "label value".into();
                    d.push_line(line);
                }
                Some(value) => {
                    d.pending.clear();
                    d.apply_label(label, &value, vocabulary);
                    d.push_line(line);
                }
                None => {
                    d.pending.push_back(Pending::Field(label));
                    d.push_preamble_line(None, line);
                }
            },
            _ => {
                if in_preamble && d.pending.front() == Some(&Pending::Absent) {
                    d.pending.pop_front();
                    if people::names_people(&line.text) {
                        class = "label value: absent".into();
                        let text = line.text.to_string();
                        d.open_preamble(BlockKind::Absent, Some(text), line);
                        continue_trace(&mut trace, text_copy, line_no, &class);
                        continue;
                    }
                    d.pending.clear();
                }
                if in_preamble {
                    if let Some(Pending::Field(label)) = d.pending.pop_front() {
                        if d.apply_label(label, &line.text, vocabulary) {
                            class = "label value".into();
                            // The label line already sits in the preamble; keep the value beside it.
                            d.push_line(line);
                            if let Some(text) = text_copy {
                                trace.push(TraceLine {
                                    line: line_no,
                                    text,
                                    class: class.into_owned(),
                                    item: None,
                                });
                            }
                            continue;
                        }
                    }
                }
                // A date in passing counts until the first decision: later ones are the case's.
                if !d.decided {
                    d.loose_date(&line.text);
                }
                if in_preamble {
                    d.push_text(line);
                } else {
                    push_text_or_decision(&mut d, line, vocabulary);
                }
            }
        }
        if let Some(text) = text_copy {
            trace.push(TraceLine {
                line: line_no,
                text,
                class: class.into_owned(),
                item: (!d.items.is_empty()).then_some(d.items.len()),
            });
        }
    }
    let mut parsed = build::finish(d, source, layout, vocabulary, &text);
    trace.sort_by_key(|t| t.line);
    parsed.trace = trace;
    parsed
}

/// Records a line that was handled early in the loop.
fn continue_trace(trace: &mut Vec<TraceLine>, text: Option<String>, line: usize, class: &str) {
    if let Some(text) = text {
        trace.push(TraceLine {
            line,
            text,
            class: class.to_string(),
            item: None,
        });
    }
}

/// Text of an item, split where this meeting's `Byrådet, 16.12.2014` starts its decision.
fn push_text_or_decision<'a>(d: &mut MeetingDraft<'a>, line: DocLine<'a>, v: &Vocabulary) {
    let Some((before, heading, after)) = d.decision_label(&line.text, v) else {
        d.push_text(line);
        return;
    };
    let (before, heading, after) = (
        before.trim().to_string(),
        heading.to_string(),
        after.trim().to_string(),
    );
    if !before.is_empty() {
        d.push_text(DocLine {
            text: before.into(),
            ..line.clone()
        });
    }
    let kind = BlockKind::Decision {
        body: d.committee.as_ref().map(|(c, _)| c.clone()),
        date: d.date.as_ref().map(|(t, _)| t.clone()),
        heading,
    };
    d.decided = true;
    d.item()
        .open_block(kind, (!after.is_empty()).then_some(after), &line);
}

/// A short name of a line's class for `referat explain`.
fn class_name(kind: &LineKind) -> Cow<'static, str> {
    Cow::Borrowed(match kind {
        LineKind::Toc => "table of contents",
        LineKind::Point { number, .. } => return format!("item {number}").into(),
        LineKind::Numbered { number, .. } => return format!("numbered line {number}").into(),
        LineKind::Case { .. } => "case line",
        LineKind::TitledCase { .. } => "item (title and case number)",
        LineKind::CaseLabel { .. } => "case label",
        LineKind::JournalLabel { .. } => "journal label",
        LineKind::Access { .. } => "access",
        LineKind::Decision { .. } => "decision heading",
        LineKind::Absence { .. } => "absence list",
        LineKind::Attendance { .. } => "member list",
        LineKind::Attachments { .. } => "attachments",
        LineKind::Route { .. } => "route",
        LineKind::Heading { .. } => "section heading",
        LineKind::Header { .. } => "meeting header",
        LineKind::Label { label, .. } => match label {
            LabelField::Committee => "label: committee",
            LabelField::Date => "label: date",
            LabelField::Time => "label: time",
            LabelField::Place => "label: place",
            LabelField::Ignored => "label: not kept",
        },
        LineKind::Text => "text",
    })
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

/// Ranks of the sources of a meeting's committee and date: a label beats a header line.
impl Rank {
    pub(crate) const LOOSE: Rank = Rank(1);
    pub(crate) const LINE: Rank = Rank(2);
    pub(crate) const HEADER: Rank = Rank(3);
    pub(crate) const LABEL: Rank = Rank(4);
}
