//! One person (`#/person/<name>`): absences by committee and per quarter, and the
//! attendance rate where the minutes list members (never a guess where they do not).

use crate::badges::outcome_badge_html;
use crate::chart::QuarterChart;
use crate::i18n::{date, Lang};
use crate::meeting_table::PAGE;
use crate::state::{href, Shared};
use referat_core::aggregate::Person;
use referat_core::query::{Filter, View};
use std::collections::HashMap;
use yew::prelude::*;

/// Up to this many absences, every committee's list is open; past it (a long career in a
/// big archive) the lists open on demand, so the page renders in a frame.
const OPEN_ALL: usize = 30;

#[derive(Properties, PartialEq)]
pub struct PersonViewProps {
    pub data: Shared,
    /// Position in the aggregates' people.
    pub person: usize,
    pub filter: Filter,
    pub lang: Lang,
}

#[function_component(PersonView)]
pub fn person_view(props: &PersonViewProps) -> Html {
    let (t, p, lang) = (props.lang.texts(), props.lang.pages(), props.lang);
    let bundle = &props.data.bundle;
    let person: &Person = &props.data.aggregates().people[props.person];
    let link = |view: View| href(view, &props.filter, lang);
    let in_list = href(
        View::List,
        &Filter {
            absentee: Some(person.name.clone()),
            ..Filter::default()
        },
        lang,
    );
    // Per committee group: how many of its absences are shown (absent: the default).
    let shown = use_state(HashMap::<usize, usize>::new);
    let all_open = person.absences.len() <= OPEN_ALL;
    let groups = person.by_committee.iter().enumerate().map(|(g, (committee, at))| {
        let heading = match committee {
            Some(c) => html! { <a href={link(View::Committee(c.clone()))}>{ c.clone() }</a> },
            None => html! { { t.no_committee } },
        };
        let n = shown
            .get(&g)
            .copied()
            .unwrap_or(if all_open { at.len() } else { 0 });
        let more = {
            let shown = shown.clone();
            Callback::from(move |_| {
                let mut next = (*shown).clone();
                next.insert(g, n + PAGE);
                shown.set(next);
            })
        };
        let label = if n == 0 {
            format!("{} ({})", p.show_all, at.len())
        } else {
            format!("{} ({})", p.show_more, at.len() - n.min(at.len()))
        };
        html! {
            <section class="group" data-committee={committee.clone().unwrap_or_default()} data-absences={at.len().to_string()}>
                <h3>{ heading }{ format!(" ({})", at.len()) }</h3>
                <ul class="absence-list">
                    { for at.iter().take(n).map(|&k| {
                        let a = &person.absences[k];
                        let m = &bundle.meetings[a.meeting];
                        html! {
                            <li class="absence" data-meeting={m.id.clone()}>
                                <a href={link(View::Meeting(m.id.clone()))}>{ date(m.date.as_deref(), lang) }</a>
                                if a.whole {
                                    { format!(" – {} ({} {})", p.whole_meeting, a.items.len(), t.results) }
                                } else {
                                    <ul class="missed-items">
                                        { for a.items.iter().map(|&ii| {
                                            let item = &m.items[ii];
                                            html! {
                                                <li>
                                                    <a href={link(View::Item(item.id.clone()))}>
                                                        if let Some(n) = item.number { { format!("{n}. ") } }
                                                        { item.title.clone().unwrap_or_else(|| t.no_title.to_string()) }
                                                    </a>
                                                    { " " }{ outcome_badge_html(item.outcome, lang) }
                                                </li>
                                            }
                                        }) }
                                    </ul>
                                }
                                if let Some(n) = &a.note { <span class="note-text">{ format!(" ({n})") }</span> }
                            </li>
                        }
                    }) }
                </ul>
                if n < at.len() {
                    <button type="button" class="button small secondary show-more" onclick={more}>{ label }</button>
                }
            </section>
        }
    });
    html! {
        <article class="person-view" data-view-person={person.name.clone()}>
            <nav class="crumbs no-print">
                <a href={link(View::People)}>{ format!("← {}", p.nav_people) }</a>
                <a href={in_list} id="person-in-list">{ p.show_in_list }</a>
            </nav>
            <h2 class="item-title">
                { person.name.clone() }
                if let Some(party) = &person.party { <span class="party">{ format!(" ({party})") }</span> }
            </h2>
            <dl class="facts">
                <dt>{ p.items_absent }</dt><dd id="person-items">{ person.items_absent }</dd>
                <dt>{ p.meetings_absent }</dt><dd id="person-meetings">{ person.absences.len() }</dd>
                <dt>{ p.attendance }</dt>
                <dd id="person-attendance">
                    { match person.attendance {
                        Some(a) => format!("{} % ({} {} {} {})", a.percent(), a.present, p.of, a.listed, p.listed_meetings),
                        None => p.no_rate.to_string(),
                    } }
                </dd>
            </dl>
            <section>
                <h2 class="section-title">{ p.per_quarter }</h2>
                <QuarterChart id="quarter-chart" title={p.per_quarter} quarters={person.quarters.clone()} {lang} />
            </section>
            <section>
                <h2 class="section-title">{ p.absences }</h2>
                if person.absences.is_empty() { <p>{ p.never_absent }</p> }
                { for groups }
            </section>
        </article>
    }
}
