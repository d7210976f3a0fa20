//! The meeting as it is being read: the header's fields with where they came from, the
//! blocks before the first item, and the items with their blocks.

use super::header::{header_line, HeaderLine};
use crate::dates::{find_date, find_time};
use crate::reflow::DocLine;
use crate::vocabulary::{LabelField, Vocabulary};
use regex::Regex;
use std::sync::LazyLock;

mod fields;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum BlockKind {
    Section(Option<String>),
    Decision {
        heading: String,
        body: Option<String>,
        date: Option<String>,
    },
    Absent,
    /// A member list, with its label line as printed.
    Attendance(String),
    Attachments,
    Route,
}

/// A label waiting for its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pending {
    Field(LabelField),
    Absent,
}

#[derive(Debug, Clone)]
pub(crate) struct Block<'a> {
    pub kind: BlockKind,
    pub lines: Vec<DocLine<'a>>,
}

#[derive(Debug, Default)]
pub(crate) struct ItemDraft<'a> {
    pub number: Option<u32>,
    pub title: Vec<DocLine<'a>>,
    pub title_open: bool,
    pub case_number: Option<String>,
    /// A case line or label was read for this item (it may have been empty).
    pub case_seen: bool,
    /// A label (`Sagsnummer`) waits for its value on the next line.
    pub awaiting_case: bool,
    /// The case number is a journal code, until a case number is read.
    pub journal_case: bool,
    pub closed: bool,
    pub blocks: Vec<Block<'a>>,
    /// Text beside the case number that is neither title nor section (`DIHAJP`).
    pub aside: Vec<DocLine<'a>>,
}

/// How much a field's source is trusted: a label beats a header line, which beats a
/// committee or date on a line of its own, which beats a date found in passing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Rank(pub u8);

#[derive(Debug, Default)]
pub(crate) struct MeetingDraft<'a> {
    pub heading: Option<String>,
    pub committee: Option<(String, Rank)>,
    pub date: Option<(String, Rank)>,
    pub start_time: Option<String>,
    pub location: Option<String>,
    /// Labels printed without their values, in order: `Mødedato:`, `Mødested:`,
    /// `Fraværende:` in one column and the values in the next, as PDF text gives a table.
    pub pending: std::collections::VecDeque<Pending>,
    pub preamble: Vec<Block<'a>>,
    pub items: Vec<ItemDraft<'a>>,
    /// Web-page text cut off the ends of lines (`Åbn/luk punkt`), kept on the meeting.
    pub furniture: Vec<String>,
    /// A case number read under a table-of-contents entry, for the item that follows.
    pub pending_case: Option<String>,
    /// A decision heading has been read: a date in passing after it is the case's.
    pub decided: bool,
}

/// `Mødedato: Mandag den 6. oktober 2014` inside a longer line, as text extracted from a
/// PDF runs labels and values together; or a date after a weekday.
static LOOSE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\b(?:mødedato|dato)\s*:?\s*|\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag),?\s+)(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag),?\s+)?(?:(?:den|d\.)\s+)?({})",
        crate::dates::DATE_PATTERN
    ))
    .expect("valid regex")
});

impl<'a> ItemDraft<'a> {
    pub fn open_block(&mut self, kind: BlockKind, rest: Option<String>, line: &DocLine<'_>) {
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

    /// Whether this item has a decision of `body` on `date` already.
    pub fn decided_by(&self, body: &Option<String>, date: &Option<String>) -> bool {
        self.blocks.iter().any(|b| {
            matches!(&b.kind, BlockKind::Decision { body: b2, date: d2, .. } if b2 == body && d2 == date)
        })
    }

    /// Whether a decision with text has been read for this item.
    pub fn has_decision(&self) -> bool {
        self.blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Decision { .. }) && !b.lines.is_empty())
    }
}

impl<'a> MeetingDraft<'a> {
    /// The current item, starting one when the text has not named one yet.
    pub fn item(&mut self) -> &mut ItemDraft<'a> {
        if self.items.is_empty() {
            self.items.push(ItemDraft::default());
        }
        self.items.last_mut().expect("an item exists")
    }

    pub fn in_attachments(&self) -> bool {
        self.items
            .last()
            .and_then(|i| i.blocks.last())
            .is_some_and(|b| b.kind == BlockKind::Attachments)
    }

    /// Opens a block before the first item, with the text after its label, if any.
    pub fn open_preamble(&mut self, kind: BlockKind, rest: Option<String>, line: DocLine<'a>) {
        self.preamble.push(Block {
            kind,
            lines: Vec::new(),
        });
        if let Some(rest) = rest {
            self.push_line(DocLine {
                text: rest.into(),
                ..line
            });
        }
    }

    /// Preamble headings that belong to the meeting, not to an item.
    pub fn is_meeting_heading(&self, heading: &str, v: &Vocabulary) -> bool {
        // `LYNGBY-TAARBÆK KOMMUNE`, `REGION SJÆLLAND`: the authority's name over the minutes.
        let lower = heading.trim().to_lowercase();
        let authority = lower.ends_with(" kommune") || lower.starts_with("region ");
        authority
            || v.is_toc_heading(heading)
            || v.is_document_word(heading)
            || (self.heading.is_some() && heading.chars().all(|c| !c.is_lowercase()))
    }

    /// Starts an item at `Punkt 3: Title` or an accepted `3. Title`.
    pub fn start_item(&mut self, number: Option<u32>, title: &str, line: DocLine<'a>) {
        let mut item = ItemDraft {
            number,
            title_open: true,
            ..Default::default()
        };
        let title = match strip_access_prefix(title) {
            Some((closed, rest)) => {
                item.closed = closed;
                rest
            }
            None => title.to_string(),
        };
        if !title.is_empty() {
            item.title.push(DocLine {
                text: title.into(),
                ..line
            });
        }
        self.items.push(item);
    }

    /// Whether `number` continues the numbering of the items read so far: the first
    /// numbered item may have any number (minutes number items through the year), the
    /// next ones count up. A lower number is accepted where the item before it is empty:
    /// then that was an entry of a table of contents.
    pub fn accepts_number(&self, number: u32) -> bool {
        let Some(last) = self.items.last() else {
            return true;
        };
        match last.number {
            Some(n) if number > n => number <= n + 10,
            Some(_) => last.blocks.is_empty(),
            // Items without numbers (case lines): a numbered line is a list, not an item.
            None => false,
        }
    }

    /// `Sagsnr. 24/410` then `2. Budgetaftale`: the number and title of the item its case
    /// line started. Says whether the line was taken so.
    pub fn number_case_item(&mut self, number: u32, title: &str, line: &DocLine<'a>) -> bool {
        let n = self.items.len();
        let Some(last) = self.items.last() else {
            return false;
        };
        let waiting = last.case_seen
            && last.number.is_none()
            && last.title.is_empty()
            && last.blocks.is_empty();
        let in_order = match n.checked_sub(2).and_then(|i| self.items[i].number) {
            Some(before) => number > before && number <= before + 10,
            None => true,
        };
        if !waiting || !in_order {
            return false;
        }
        let item = self.items.last_mut().expect("checked above");
        item.number = Some(number);
        if !title.is_empty() {
            item.title.push(DocLine {
                text: title.to_string().into(),
                ..line.clone()
            });
        }
        item.title_open = title.is_empty();
        true
    }

    /// Takes back items that were entries of a table of contents: empty items whose
    /// numbers are at or above `number`. A case number read after the entry goes to the
    /// real item.
    pub fn rollback_toc(&mut self, number: u32) {
        let mut carried = None;
        while let Some(last) = self.items.last() {
            let toc = last.blocks.is_empty() && last.number.is_some_and(|n| n >= number);
            if !toc {
                break;
            }
            let last = self.items.pop().expect("checked above");
            carried = carried.or(last.case_number);
            for line in last.title {
                self.push_preamble_line(Some("Indholdsfortegnelse"), line);
            }
        }
        if let Some(case) = carried {
            self.pending_case = Some(case);
        }
    }

    /// A journal code (`J.nr.: A00`): the current item's id while it has no case number.
    /// It never starts an item.
    pub fn journal_code(&mut self, code: Option<String>) {
        let item = self.item();
        if item.case_number.is_none() && code.is_some() {
            item.case_number = code;
            item.journal_case = true;
        }
        item.title_open = item.title_open && item.title.is_empty();
    }

    /// A case line or label: the current item's when it has none yet, else a new item's.
    pub fn case_number(&mut self, case: Option<String>, awaiting: bool) {
        if let Some(item) = self.items.last_mut() {
            if item.awaiting_case && case.is_some() {
                item.case_number = case;
                item.awaiting_case = false;
                return;
            }
            // A case number after the journal code of the same item replaces it.
            if item.journal_case && !item.case_seen {
                item.case_seen = true;
                item.journal_case = false;
                item.case_number = case;
                item.awaiting_case = awaiting;
                return;
            }
        }
        // An item that holds only field labels (`Dok.nr.: 4411`) still awaits its case number.
        let fresh = self.items.last().is_some_and(|i| {
            !i.case_seen
                && i.blocks.iter().all(|b| {
                    b.kind == BlockKind::Section(None)
                        && !b.lines.is_empty()
                        && b.lines.iter().all(|l| label_start(&l.text))
                })
        });
        if !fresh {
            let (number, title) = self.take_title_candidate().unzip();
            let title: Vec<DocLine> = title.into_iter().collect();
            let title_open = title.is_empty();
            self.items.push(ItemDraft {
                number: number.flatten(),
                title,
                title_open,
                ..Default::default()
            });
        }
        let item = self.items.last_mut().expect("an item was just ensured");
        item.case_seen = true;
        if item.case_number.is_none() {
            item.case_number = case;
        }
        item.awaiting_case = awaiting;
        if !item.title.is_empty() {
            item.title_open = false;
        }
    }

    pub fn push_preamble_line(&mut self, heading: Option<&str>, line: DocLine<'a>) {
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

    /// A line of text: a case number awaited by its label, or the next line of the
    /// current block.
    pub fn push_text(&mut self, line: DocLine<'a>) {
        if let Some(item) = self.items.last_mut() {
            if item.awaiting_case && super::lines::is_case_number(&line.text) {
                item.case_number = Some(line.text.trim().to_string());
                item.awaiting_case = false;
                return;
            }
            item.awaiting_case = false;
        }
        self.push_line(line)
    }

    /// A line of the item's text that is never its title (`DIHAJP`, a case officer's
    /// initials beside the case number).
    pub fn push_aside(&mut self, line: DocLine<'a>) {
        match self.items.last_mut() {
            Some(item) => item.aside.push(line),
            None => self.push_preamble_line(None, line),
        }
    }

    pub fn push_line(&mut self, line: DocLine<'a>) {
        let Some(item) = self.items.last_mut() else {
            match self.preamble.last_mut() {
                Some(b)
                    if matches!(b.kind, BlockKind::Absent)
                        && !super::people::names_people(&line.text) =>
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
        if let Some(case) = self.pending_case.take() {
            if item.case_number.is_none() {
                item.case_number = Some(case);
                item.case_seen = true;
            }
        }
        // A title goes on to the next line only where it was wrapped: not after a full stop
        // (`Mødets indvarsling.`), and not after a short line unless the next line goes on
        // in lower case (`Andet` then `Intet.` is a title and the text under it).
        let wraps = || {
            item.title.last().is_some_and(|last| {
                let last = last.text.trim_end();
                !last.ends_with('.')
                    && (last.chars().count() >= 30 || line.text.starts_with(char::is_lowercase))
                    && !label_start(&line.text)
            })
        };
        if item.title_open
            && item.title.len() < 3
            && !line.break_before
            && item.blocks.is_empty()
            && wraps()
            || (item.title_open && item.title.is_empty() && item.blocks.is_empty())
        {
            item.title.push(line);
            return;
        }
        item.title_open = false;
        // After an absence list, a line that names no one ends it; a decision interrupted
        // by its absence list (`Fraværende: …` then `Godkendt.`) goes on after it.
        let n = item.blocks.len();
        let ends_absence = n >= 1
            && item.blocks[n - 1].kind == BlockKind::Absent
            && !super::people::names_people(&line.text);
        if ends_absence && n >= 2 && matches!(item.blocks[n - 2].kind, BlockKind::Decision { .. }) {
            item.blocks[n - 2].lines.push(line);
            return;
        }
        let block = match item.blocks.last_mut() {
            Some(b) if b.kind == BlockKind::Route && !b.lines.is_empty() => None,
            Some(_) if ends_absence => None,
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
        // Two sentences (`… Schleswig. Taget til efterretning`) are a text, not a title.
        // (`Skt. Hans`, `H.C. Andersen`: an abbreviation's full stop is no sentence end.)
        let sentences = text.match_indices(". ").any(|(at, _)| {
            let word = text[..at].rsplit(' ').next().unwrap_or("");
            text[at + 2..].starts_with(char::is_uppercase)
                && word.chars().count() > 3
                && !word.contains('.')
        });
        let title_like = text.chars().count() <= 200
            && !sentences
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
}

fn strip_access_prefix(title: &str) -> Option<(bool, String)> {
    let lower = title.to_lowercase();
    for (prefix, closed) in [
        ("lukket punkt:", true),
        ("lukket sag:", true),
        ("lukket:", true),
        ("åbent punkt:", false),
        ("åben sag:", false),
        ("åben:", false),
    ] {
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

/// `2. Budgetopfølgning`: an agenda number and a title, as many portals print items.
static NUMBERED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\.\s+(\p{Lu}.*)$").expect("valid regex"));

/// A line that starts with a short label and a colon: `Dok.nr.: 1965`, `Initialer: abc`.
/// By hand: a pattern with Unicode letter classes costs more to build than it saves.
fn label_start(line: &str) -> bool {
    let Some(colon) = line
        .char_indices()
        .take(26)
        .find(|&(_, c)| c == ':')
        .map(|(i, _)| i)
    else {
        return false;
    };
    let label = &line[..colon];
    let after = &line[colon + 1..];
    label.chars().count() >= 2
        && label.starts_with(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | ' ' | '-'))
        && (after.is_empty() || after.starts_with(char::is_whitespace))
}
