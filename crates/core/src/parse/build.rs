//! Turning the draft into the meeting: blocks become sections, decisions, absences and
//! attachments, and the warnings say what was not found.

use super::absence_text::{absences_in_text, did_not_take_part, Scope};
use super::draft::{BlockKind, ItemDraft, MeetingDraft};
use super::header::{header_line, HeaderLine};
use super::outcome::classify as classify_outcome;
use super::people::{marked_absent, members_listed, parse_people_line, people_then_text};
use super::{Parsed, Warning, WarningKind};
use crate::model::{Absence, Access, Decision, Item, Meeting, Outcome, Section};
use crate::reflow::{join_line, reflow, DocLine, Layout};
use crate::vocabulary::Vocabulary;
use regex::Regex;
use std::sync::LazyLock;

static ROUTE_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:/|,|;|→|>|–|\s-\s)\s*").expect("valid regex"));
static REMARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbemærk(?:er|ede|ning)\b|\bført til protokol\b|\bprotokoltilførsel\b|\btilkendegiver\b")
        .expect("valid regex")
});
static PARTY_MENTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[^.]{0,120}?\([^()]{1,30}\)").expect("valid regex"));

pub(crate) fn finish(
    d: MeetingDraft,
    source: &str,
    layout: Layout,
    v: &Vocabulary,
    text: &str,
) -> Parsed {
    let mut warnings = Vec::new();
    let mut meeting = Meeting {
        id: String::new(),
        committee: d.committee.map(|(c, _)| c),
        date: d.date.map(|(c, _)| c),
        start_time: d.start_time,
        location: d.location,
        absent: Vec::new(),
        members: Vec::new(),
        items: Vec::new(),
        source: source.to_string(),
        heading: d.heading,
        sections: Vec::new(),
        furniture: d.furniture,
    };
    let mut preamble_sections = Vec::new();
    for block in &d.preamble {
        match &block.kind {
            BlockKind::Absent => {
                let (people, rest) = people_in(&block.lines);
                push_unique(&mut meeting.absent, people);
                if !rest.is_empty() {
                    preamble_sections.push(Section {
                        heading: None,
                        text: reflow(&rest, layout),
                    });
                }
            }
            BlockKind::Attendance(label) => {
                let lines: Vec<&str> = block.lines.iter().map(|l| l.text.as_ref()).collect();
                push_unique(&mut meeting.absent, marked_absent(&lines));
                // `Øvrige deltagere`: the staff present, not members of the body.
                let staff = crate::fold::fold(label).starts_with("oevrige");
                for m in members_listed(&lines).into_iter().filter(|_| !staff) {
                    if !meeting.members.iter().any(|x| x.name == m.name) {
                        meeting.members.push(m);
                    }
                }
                preamble_sections.push(Section {
                    heading: Some(label.clone()),
                    text: reflow(&block.lines, layout),
                });
            }
            BlockKind::Section(heading) => preamble_sections.push(Section {
                heading: heading.clone(),
                text: reflow(&block.lines, layout),
            }),
            _ => preamble_sections.push(Section {
                heading: None,
                text: reflow(&block.lines, layout),
            }),
        }
    }
    for s in &preamble_sections {
        push_unique(
            &mut meeting.absent,
            absences_in_text(&s.text, Scope::Meeting),
        );
    }
    let has_header = meeting.committee.is_some() || meeting.date.is_some();
    let structured = !d.items.is_empty() || has_header;
    if d.items.is_empty() {
        if structured {
            // A cover page and a table of contents: the meeting's text, and no item.
            meeting.sections = preamble_sections;
        } else if !preamble_sections.is_empty() {
            // A fragment with no structure at all: one item that keeps all its text.
            meeting.items.push(Item {
                sections: preamble_sections,
                ..empty_item()
            });
        }
    } else {
        meeting.sections = preamble_sections;
        let (committee, date) = (meeting.committee.clone(), meeting.date.clone());
        for draft in d.items {
            let item = build_item(draft, layout, v, committee.as_deref(), date.as_deref());
            meeting.items.push(item);
        }
    }
    unheaded_decisions(&mut meeting, text, v);
    // A header, then text under headings but no title, case number or decision: a cover
    // page, not an item. Its text stays with the meeting.
    let lone = meeting.items.len() == 1 && {
        let i = &meeting.items[0];
        i.title.is_none()
            && i.case_number.is_none()
            && i.decisions.is_empty()
            && i.number.is_none()
            && i.attachments.is_empty()
            && i.route.is_empty()
            && i.access == Access::Open
            // `Beslutningstema`, `Sagsfremstilling`: a case's text, whose number was lost.
            && !i
                .sections
                .iter()
                .any(|s| s.heading.as_deref().is_some_and(super::markers::opens_item))
    };
    if lone && has_header {
        let item = meeting.items.pop().expect("one item");
        // The cover page's sentences (`Medlemmerne var til stede, undtagen: …`) are the
        // meeting's, as they are in a preamble.
        for s in &item.sections {
            push_unique(
                &mut meeting.absent,
                absences_in_text(&s.text, Scope::Meeting),
            );
        }
        meeting.sections.extend(item.sections);
        push_unique(&mut meeting.absent, item.absent);
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
    // Still no body, but the text names it on the meeting's date: a route's
    // `Kommunalbestyrelsen den 26. januar 2021`, a heading of the decision.
    if let (None, Some(date)) = (&meeting.committee, &meeting.date) {
        // (Only lines with the year: a header line is tried on them alone.)
        let year = date.get(..4).unwrap_or("").to_string();
        let mut lines = text.lines().filter(|l| l.contains(year.as_str()));
        meeting.committee = lines.find_map(|line| match header_line(line, v) {
            Some(HeaderLine::Full { committee, date: d }) if d == *date => {
                Some(super::lines::strip_term(&committee))
            }
            _ => None,
        });
    }
    super::cut_off::cut_off_decision(&mut meeting, text, v);
    if !structured {
        warnings.push(Warning {
            item: None,
            kind: WarningKind::NoStructure,
        });
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
    Parsed {
        meeting,
        warnings,
        trace: Vec::new(),
    }
}

/// A text that ends inside the last item's decision, mid-sentence, was cut off (an
/// excerpt, a broken export): what the decision would have said is not known.
/// Minutes written by hand (a council's secretary, a small board) often print no
/// `Beslutning` at all: each item is a title and a line or two of what was decided
/// (`Dagsordenen godkendt`, `Intet.`). In minutes (not an agenda) where no item has a
/// decision, an item whose whole text is that short, with no headings, is its decision.
fn unheaded_decisions(meeting: &mut Meeting, text: &str, v: &Vocabulary) {
    static MINUTES: LazyLock<Regex> = LazyLock::new(|| {
        // A line that starts with the document word: `1. Godkendelse af referat` in an
        // agenda does not.
        Regex::new(r"(?im)^\s*(?:referat|protokol|beslutningsprotokol)\b").expect("valid regex")
    });
    const SHORT: usize = 400;
    if meeting.items.len() < 2 || meeting.items.iter().any(|i| !i.decisions.is_empty()) {
        return;
    }
    let head: String = text.chars().take(1000).collect();
    if !MINUTES.is_match(&head) {
        return;
    }
    for item in &mut meeting.items {
        let short = !item.sections.is_empty()
            && item.sections.iter().all(|s| s.heading.is_none())
            && item.sections.iter().map(|s| s.text.len()).sum::<usize>() <= SHORT;
        // Systems that print case numbers print decision headings too.
        if !short || item.title.is_none() || item.case_number.is_some() {
            continue;
        }
        let text = std::mem::take(&mut item.sections)
            .into_iter()
            .map(|s| s.text)
            .collect::<Vec<_>>()
            .join("\n\n");
        let (outcome, dissent) = classify_outcome(&text, &[], v);
        item.outcome = outcome;
        item.decisions.push(Decision {
            body: meeting.committee.clone(),
            date: meeting.date.clone(),
            text,
            outcome,
            dissent,
            remarks: Vec::new(),
            heading: None,
        });
    }
}

pub(super) fn empty_item() -> Item {
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

/// Whether a decision's body is the meeting's own (or unnamed): another body's decision
/// printed in the case's history records that body's absences, not this meeting's.
fn same_body(body: Option<&str>, committee: Option<&str>) -> bool {
    match (body, committee) {
        (Some(b), Some(c)) => {
            let (b, c) = (b.to_lowercase(), c.to_lowercase());
            b == c || b.contains(&c) || c.contains(&b)
        }
        _ => true,
    }
}

fn build_item(
    draft: ItemDraft,
    layout: Layout,
    v: &Vocabulary,
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
    // `Budget rammebesparelse 09/11998`: the case number printed at the end of the title.
    if item.case_number.is_none() {
        if let Some((title, case)) = item.title.as_deref().and_then(title_case_number) {
            item.title = Some(title);
            item.case_number = Some(case);
        }
    }
    if !draft.aside.is_empty() {
        item.sections.push(Section {
            heading: None,
            text: reflow(&draft.aside, layout),
        });
    }
    let mut mentioned = Vec::new();
    for block in draft.blocks {
        match block.kind {
            BlockKind::Section(heading) => {
                let text = reflow(&block.lines, layout);
                // `X deltog ikke i sagens behandling` is about this case wherever it is
                // printed; other absence sentences in a case's history are another meeting's.
                mentioned.extend(did_not_take_part(&text));
                item.sections.push(Section { heading, text });
            }
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
            } => {
                let decision = build_decision(
                    heading,
                    body,
                    decided,
                    &block.lines,
                    layout,
                    v,
                    committee,
                    date,
                );
                if same_body(decision.body.as_deref(), committee) {
                    let texts = std::iter::once(decision.text.as_str())
                        .chain(decision.remarks.iter().map(String::as_str));
                    for t in texts {
                        mentioned.extend(absences_in_text(t, Scope::Item));
                    }
                }
                item.decisions.push(decision);
            }
            BlockKind::Absent => {
                let (people, rest) = people_in(&block.lines);
                push_unique(&mut item.absent, people);
                if !rest.is_empty() {
                    item.sections.push(Section {
                        heading: None,
                        text: reflow(&rest, layout),
                    });
                }
            }
            BlockKind::Attachments => {
                let lines: Vec<&str> = block.lines.iter().map(|l| l.text.as_ref()).collect();
                item.attachments.extend(super::parse_attachments(&lines));
            }
            BlockKind::Attendance(label) => item.sections.push(Section {
                heading: Some(label),
                text: reflow(&block.lines, layout),
            }),
        }
    }
    // `Indkaldelse af stedfortræder for X`: the title says who is away.
    if let Some(title) = &item.title {
        mentioned.extend(absences_in_text(title, Scope::Item));
    }
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
    v: &Vocabulary,
    committee: Option<&str>,
    date: Option<&str>,
) -> Decision {
    // A bare `Beslutning` heading in a meeting's minutes is that meeting's decision.
    let bare = body.is_none() && decided.is_none();
    let body = body
        .map(|b| v.expand(&b))
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
    let (mut outcome, dissent) = classify_outcome(&text, &remarks, v);
    // A decision that only lists people (under an item `Fraværende`) records attendance.
    if outcome == Outcome::Other && parse_people_line(&text.replace('\n', " ")).is_some() {
        outcome = Outcome::Noted;
    }
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

/// The people an absence list names, and its lines that name no one (kept as text:
/// nothing the parser cannot place is dropped).
fn people_in<'a>(lines: &[DocLine<'a>]) -> (Vec<Absence>, Vec<DocLine<'a>>) {
    let (mut people, mut rest) = (Vec::new(), Vec::new());
    for line in lines {
        if let Some(found) = parse_people_line(&line.text) {
            people.extend(found);
        } else if let Some((found, cut)) = people_then_text(&line.text) {
            people.extend(found);
            rest.push(DocLine {
                text: line.text[cut..].trim().to_string().into(),
                ..line.clone()
            });
        } else {
            rest.push(line.clone());
        }
    }
    (people, rest)
}

/// Adds people not listed yet: the same name with the same note, or a second mention with
/// no note of its own, is the same absence.
fn push_unique(into: &mut Vec<Absence>, people: Vec<Absence>) {
    for p in people {
        if !into
            .iter()
            .any(|q| q.name == p.name && (q.note == p.note || p.note.is_none()))
        {
            into.push(p);
        }
    }
}

/// A title that ends with a case number (`Godkendelse af dagsorden 09/39368`), split in two.
/// Only the forms no title ends with by chance: `2019/2020` is a school year, not a case.
pub(super) fn title_case_number(title: &str) -> Option<(String, String)> {
    static TITLE_CASE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(.*\S)\s+(\d{2}/\d{3,7}|\d{4}/\d{5,7}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}|[A-ZÆØÅ]{2,6}-\d{4}-\d{3,7})$",
        )
        .expect("valid regex")
    });
    // Cheap test first: nearly every title ends in a letter.
    let title = title.trim();
    if !title.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let c = TITLE_CASE.captures(title)?;
    // `/ 06/17018` has no title in front; `Budgetopfølgning 03/2021` ends in a month.
    let letters = c[1].chars().filter(|c| c.is_alphabetic()).count();
    let month_year = c[2].split_once('/').is_some_and(|(m, y)| {
        m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
            && y.len() == 4
            && (y.starts_with("19") || y.starts_with("20"))
    });
    (letters >= 3 && !month_year).then(|| (c[1].to_string(), c[2].to_string()))
}

#[cfg(test)]
mod tests {
    use super::title_case_number;

    #[test]
    fn case_numbers_at_the_end_of_titles() {
        let split = title_case_number;
        assert_eq!(
            split("Godkendelse af dagsorden 09/39368"),
            Some(("Godkendelse af dagsorden".into(), "09/39368".into()))
        );
        assert_eq!(
            split("Lokalplan for Havnen 01.02.05-P00-4921-15"),
            Some(("Lokalplan for Havnen".into(), "01.02.05-P00-4921-15".into()))
        );
        assert_eq!(split("Skolernes ferieplan 2019/2020"), None);
        assert_eq!(split("Budget 2024"), None);
        assert_eq!(split("Budgetopfølgning 03/2021"), None);
        assert_eq!(split("09/39368"), None);
    }
}
