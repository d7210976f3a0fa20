//! Small shared pieces: the outcome badge and absentee chips.

use crate::i18n::Lang;
use referat_core::{Absence, Outcome};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomeBadgeProps {
    pub outcome: Outcome,
    pub lang: Lang,
}

#[function_component(OutcomeBadge)]
pub fn outcome_badge(props: &OutcomeBadgeProps) -> Html {
    html! {
        <span class={classes!("badge", format!("outcome-{}", props.outcome.as_str()))} data-outcome={props.outcome.as_str()}>
            { props.lang.outcome(props.outcome) }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChipsProps {
    pub people: Vec<Absence>,
}

/// Absentees as chips: name and party.
#[function_component(AbsentChips)]
pub fn absent_chips(props: &ChipsProps) -> Html {
    if props.people.is_empty() {
        return html! {};
    }
    html! {
        <ul class="chips">
            { for props.people.iter().map(|a| html! {
                <li class="chip" title={a.note.clone().unwrap_or_default()}>
                    { a.name.clone() }
                    if let Some(p) = &a.party { <span class="party">{ format!(" ({p})") }</span> }
                </li>
            }) }
        </ul>
    }
}

/// Meeting and item absences together, each person once.
pub fn absent_from(meeting: &[Absence], item: &[Absence]) -> Vec<Absence> {
    let mut out: Vec<Absence> = Vec::new();
    for a in meeting.iter().chain(item) {
        if !out.iter().any(|b| b.name == a.name) {
            out.push(a.clone());
        }
    }
    out
}
