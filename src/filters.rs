//! The filter panel: committees with counts, dates and presets, absentee picker,
//! outcomes with counts, dissent, open/closed, and "Nulstil".

use crate::i18n::Lang;
use crate::state::{href, Action, Shared};
use referat_core::fold::fold;
use referat_core::query::{DatePreset, Facets, Filter, View};
use referat_core::{Access, Outcome};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub data: Shared,
    pub filter: Filter,
    pub facets: Facets,
    /// Only a sharded archive's head is in: its committees, outcomes and people are not
    /// the archive's, so the lists wait, and this says why (fetching, or failed).
    #[prop_or_default]
    pub pending: Option<&'static str>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// How many people the picker lists at once.
const PEOPLE_SHOWN: usize = 8;

#[function_component(FilterPanel)]
pub fn filter_panel(props: &FilterPanelProps) -> Html {
    let t = props.lang.texts();
    let f = &props.filter;
    let d = &props.dispatch;
    let person_query = use_state(String::new);

    let committees = props.facets.committees.iter().map(|(name, count)| {
        let checked = f.committees.contains(name);
        let n = name.clone();
        let onchange = d.reform(move |_| Action::ToggleCommittee(n.clone()));
        html! {
            <li>
                <label class="check">
                    <input type="checkbox" data-committee={name.clone()} {checked} {onchange} />
                    <span class="label-text">{ name.clone() }</span>
                    <span class="count">{ count }</span>
                </label>
            </li>
        }
    });

    let outcomes = Outcome::ALL.into_iter().filter_map(|o| {
        let count = *props.facets.outcomes.get(&o)?;
        let checked = f.outcomes.contains(&o);
        let onchange = d.reform(move |_| Action::ToggleOutcome(o));
        Some(html! {
            <li>
                <label class="check">
                    <input type="checkbox" data-outcome={o.as_str()} {checked} {onchange} />
                    <span class={classes!("dot", format!("outcome-{}", o.as_str()))}></span>
                    <span class="label-text">{ props.lang.outcome(o) }</span>
                    <span class="count">{ count }</span>
                </label>
            </li>
        })
    });

    let date_input = |id: &'static str, label: &'static str, value: Option<String>, to: bool| {
        let onchange = d.reform(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let v = Some(v).filter(|v| !v.is_empty());
            if to {
                Action::SetTo(v)
            } else {
                Action::SetFrom(v)
            }
        });
        html! {
            <label class="field">
                <span>{ label }</span>
                <input type="date" {id} value={value.unwrap_or_default()} {onchange} />
            </label>
        }
    };
    let preset = |label: String, p: DatePreset| {
        html! { <button type="button" class="button small secondary" onclick={d.reform(move |_| Action::Preset(p))}>{ label }</button> }
    };

    // Folding thousands of names is done once per bundle, and the search only when its
    // text changes, not on every keystroke in the main search (which renders this panel).
    let folded = use_memo(props.data.clone(), |data| {
        data.absentees
            .iter()
            .map(|p| fold(&p.name))
            .collect::<Vec<_>>()
    });
    let matching = {
        let folded = folded.clone();
        use_memo(
            (props.data.clone(), (*person_query).clone()),
            move |(_, query)| {
                let q = fold(query.trim());
                folded
                    .iter()
                    .enumerate()
                    .filter(|(_, name)| q.is_empty() || name.contains(&q))
                    .map(|(i, _)| i)
                    .take(PEOPLE_SHOWN)
                    .collect::<Vec<_>>()
            },
        )
    };
    let people = {
        matching
            .iter()
            .map(|&i| &props.data.absentees[i])
            .map(|p| {
                let name = p.name.clone();
                let onclick = d.reform(move |_| Action::SetAbsentee(Some(name.clone())));
                html! {
                    <li>
                        <button type="button" class="person" data-person={p.name.clone()} {onclick}>
                            { p.name.clone() }
                            if let Some(party) = &p.party { <span class="party">{ format!(" ({party})") }</span> }
                            <span class="count">{ p.items }</span>
                        </button>
                    </li>
                }
            })
            .collect::<Html>()
    };
    let on_person_input = {
        let person_query = person_query.clone();
        Callback::from(move |e: InputEvent| {
            person_query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };

    let on_access = d.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetAccess(match v.as_str() {
            "aaben" => Some(Access::Open),
            "lukket" => Some(Access::Closed),
            _ => None,
        })
    });
    let on_dissent = d.reform(|e: Event| {
        Action::SetDissent(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let access = match f.access {
        Some(Access::Open) => "aaben",
        Some(Access::Closed) => "lukket",
        None => "",
    };

    let wait = |list: Html| {
        if let Some(pending) = props.pending {
            html! { <li class="pending" role="status">{ pending }</li> }
        } else {
            list
        }
    };
    let (committees, outcomes, people) = (
        wait(committees.collect()),
        wait(outcomes.collect()),
        wait(people),
    );
    html! {
        <div class="filter-panel">
            <div class="filter-head">
                <h2>{ t.filters }</h2>
                <button type="button" id="reset" class="button secondary" onclick={d.reform(|_| Action::Reset)}>{ t.reset }</button>
            </div>
            <fieldset>
                <legend>{ t.committees }</legend>
                <ul class="checks">{ committees }</ul>
            </fieldset>
            <fieldset>
                <legend>{ t.dates }</legend>
                <div class="date-row">
                    { date_input("from", t.from, f.from.clone(), false) }
                    { date_input("to", t.to, f.to.clone(), true) }
                </div>
                <div class="presets">
                    { preset(t.last_3_months.to_string(), DatePreset::Last3Months) }
                    { preset(t.this_year.to_string(), DatePreset::ThisYear) }
                    { preset(format!("{} 2022–2025", t.period), DatePreset::ElectionPeriod(2022)) }
                    { preset(format!("{} 2026–2029", t.period), DatePreset::ElectionPeriod(2026)) }
                </div>
            </fieldset>
            <fieldset>
                <legend>{ t.absentee }</legend>
                if let Some(a) = &f.absentee {
                    <p class="selected-person">
                        <a class="chip" id="absentee-selected" href={href(View::Person(a.clone()), f, props.lang)}>{ a.clone() }</a>
                        <button type="button" class="button small secondary" aria-label={t.remove}
                            onclick={d.reform(|_| Action::SetAbsentee(None))}>{ "×" }</button>
                    </p>
                }
                <input type="search" id="absentee-search" class="input" placeholder={t.absentee_search}
                    aria-label={t.absentee_search} value={(*person_query).clone()} oninput={on_person_input} />
                <ul class="people">{ people }</ul>
            </fieldset>
            <fieldset>
                <legend>{ t.outcome }</legend>
                <ul class="checks">{ outcomes }</ul>
                <label class="check">
                    <input type="checkbox" id="dissent" checked={f.dissent_only} onchange={on_dissent} />
                    <span class="label-text">{ t.only_dissent }</span>
                </label>
            </fieldset>
            <fieldset>
                <legend>{ t.access }</legend>
                <select id="access" class="input" aria-label={t.access} onchange={on_access}>
                    <option value="" selected={access.is_empty()}>{ t.access_all }</option>
                    <option value="aaben" selected={access == "aaben"}>{ t.access_open }</option>
                    <option value="lukket" selected={access == "lukket"}>{ t.access_closed }</option>
                </select>
            </fieldset>
        </div>
    }
}
