//! Small shared pieces: the outcome badge and absentee chips.

use crate::i18n::Lang;
use crate::state::href;
use referat_core::query::{Filter, View};
use referat_core::{Absence, Outcome};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomeBadgeProps {
    pub outcome: Outcome,
    pub lang: Lang,
}

#[function_component(OutcomeBadge)]
pub fn outcome_badge(props: &OutcomeBadgeProps) -> Html {
    outcome_badge_html(props.outcome, props.lang)
}

/// The badge as plain markup: result rows use this, since a component per row
/// costs more to create than the row itself when 100 rows change at once.
pub fn outcome_badge_html(outcome: Outcome, lang: Lang) -> Html {
    html! {
        <span class={classes!("badge", format!("outcome-{}", outcome.as_str()))} data-outcome={outcome.as_str()}>
            { lang.outcome(outcome) }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChipsProps {
    pub people: Vec<Absence>,
    pub filter: Filter,
    pub lang: Lang,
}

/// Absentees as chips: name and party, each a link to the person's page.
#[function_component(AbsentChips)]
pub fn absent_chips(props: &ChipsProps) -> Html {
    absent_chips_html(&props.people, &props.filter, props.lang)
}

/// The chips as plain markup (see [`outcome_badge_html`]).
pub fn absent_chips_html(people: &[Absence], filter: &Filter, lang: Lang) -> Html {
    if people.is_empty() {
        return html! {};
    }
    html! {
        <ul class="chips">
            { for people.iter().map(|a| html! {
                <li class="chip" title={a.note.clone().unwrap_or_default()}>
                    <a class="person-link" href={href(View::Person(a.name.clone()), filter, lang)}>
                        { a.name.clone() }
                        if let Some(p) = &a.party { <span class="party">{ format!(" ({p})") }</span> }
                    </a>
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
