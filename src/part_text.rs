//! The text of a large sharded archive, fetched when a meeting is opened. Such an archive
//! (`Manifest::text_on_demand`) has more text than a browser tab can hold beside its
//! index, so the viewer indexes each part and lets its text go; opening an item fetches
//! its part again (the browser's HTTP cache usually has it) and keeps the last few.

use crate::state::Shared;
use referat_core::packed::{self, PartInfo};
use referat_core::{Bundle, Meeting};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Parts kept after they were opened: a few meetings back and forth cost no fetch.
const KEEP: usize = 4;

/// The archive's parts, and the last few fetched.
#[derive(Debug)]
pub struct PartTexts {
    parts: Vec<PartInfo>,
    kept: RefCell<VecDeque<(usize, Rc<Vec<Meeting>>)>>,
}

/// A meeting's full text: its part's meetings and its place among them.
pub type Fetched = (Rc<Vec<Meeting>>, usize);

impl PartTexts {
    pub fn new(parts: Vec<PartInfo>) -> PartTexts {
        PartTexts {
            parts,
            kept: RefCell::default(),
        }
    }

    /// The part that holds meeting `mi` (parts follow each other in the light bundle).
    fn part_of(&self, mi: usize) -> Option<usize> {
        let k = self.parts.partition_point(|p| p.first + p.count <= mi);
        self.parts.get(k).filter(|p| p.first <= mi).map(|_| k)
    }

    /// Meeting `mi` in full, when its part is kept.
    pub fn kept(&self, mi: usize) -> Option<Fetched> {
        let k = self.part_of(mi)?;
        let kept = self.kept.borrow();
        let (_, meetings) = kept.iter().find(|(j, _)| *j == k)?;
        Some((meetings.clone(), mi - self.parts[k].first))
    }

    /// Fetches meeting `mi`'s part, checks it against the light bundle as on first reading,
    /// and keeps it.
    pub async fn fetch(&self, mi: usize, light: &Bundle) -> Result<Fetched, String> {
        if let Some(hit) = self.kept(mi) {
            return Ok(hit);
        }
        let k = self
            .part_of(mi)
            .ok_or_else(|| format!("meeting {mi} is in no part of the archive"))?;
        let info = &self.parts[k];
        let file = info.file.as_deref().unwrap_or_default();
        let place = format!("{} ({file})", info.label.as_deref().unwrap_or("part"));
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let gz = crate::unpack::fetch_bytes(&document, file)
            .await
            .map_err(|m| format!("{place}: {m}"))?;
        let bytes = crate::unpack::inflate_gz(&gz, info.bytes)
            .await
            .map_err(|m| format!("{place}: {m}"))?;
        let meetings = packed::read_part(&bytes, light, k, info).map_err(|e| e.to_string())?;
        let meetings = Rc::new(meetings);
        let mut kept = self.kept.borrow_mut();
        kept.retain(|(j, _)| *j != k);
        if kept.len() == KEEP {
            kept.pop_front();
        }
        kept.push_back((k, meetings.clone()));
        Ok((meetings, mi - info.first))
    }
}

/// A meeting's text as a view has it.
#[derive(Debug, Clone, PartialEq)]
pub enum MeetingText {
    /// The bundle holds it (every case but a large sharded archive).
    InBundle,
    Loading,
    Fetched(Rc<Vec<Meeting>>, usize),
    Failed(String),
}

impl MeetingText {
    /// The fetched meeting, to show in place of the light one.
    pub fn meeting(&self) -> Option<&Meeting> {
        match self {
            MeetingText::Fetched(meetings, i) => meetings.get(*i),
            _ => None,
        }
    }
}

/// Meeting `mi`'s text: at once when the bundle has it or its part is kept, else
/// `Loading` until its part is fetched.
#[hook]
pub fn use_meeting_text(data: &Shared, mi: usize) -> MeetingText {
    // Tagged with the data and meeting it answers, so another meeting never shows it.
    let got = use_state(|| None::<(Shared, usize, Result<Fetched, String>)>);
    {
        let got = got.clone();
        use_effect_with((data.clone(), mi), move |(data, mi)| {
            if let Some(texts) = data.texts.clone() {
                let (data, mi) = (data.clone(), *mi);
                match texts.kept(mi) {
                    Some(hit) => got.set(Some((data, mi, Ok(hit)))),
                    None => wasm_bindgen_futures::spawn_local(async move {
                        let result = texts.fetch(mi, &data.bundle).await;
                        if let Err(e) = &result {
                            gloo::console::error!(format!("referat: {e}"));
                        }
                        got.set(Some((data, mi, result)));
                    }),
                }
            }
        });
    }
    if data.texts.is_none() {
        return MeetingText::InBundle;
    }
    match &*got {
        Some((d, m, result)) if d == data && *m == mi => match result {
            Ok((meetings, i)) => MeetingText::Fetched(meetings.clone(), *i),
            Err(e) => MeetingText::Failed(e.clone()),
        },
        _ => match data.texts.as_ref().and_then(|t| t.kept(mi)) {
            Some((meetings, i)) => MeetingText::Fetched(meetings, i),
            None => MeetingText::Loading,
        },
    }
}
