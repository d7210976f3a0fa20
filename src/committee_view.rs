//! One committee (`#/udvalg/<name>`): its meetings, its items' outcomes year by year,
//! and who is absent most.

use crate::chart::OutcomeChart;
use crate::i18n::Lang;
use crate::meeting_table::MeetingTable;
use crate::state::{href, Shared};
use referat_core::query::{Filter, View};
use yew::prelude::*;

/// People shown under "Oftest fraværende".
const MOST: usize = 10;

#[derive(Properties, PartialEq)]
pub struct CommitteeViewProps {
    pub data: Shared,
    /// Position in the aggregates' committees.
    pub committee: usize,
    pub filter: Filter,
    pub lang: Lang,
}

#[function_component(CommitteeView)]
pub fn committee_view(props: &CommitteeViewProps) -> Html {
    let (p, lang) = (props.lang.pages(), props.lang);
    let agg = props.data.aggregates();
    let c = &agg.committees[props.committee];
    let meetings = use_memo((props.data.clone(), props.committee), |(data, k)| {
        data.aggregates().committees[*k].meetings.clone()
    });
    let link = |view: View| href(view, &props.filter, lang);
    let in_list = href(
        View::List,
        &Filter {
            committees: [c.name.clone()].into(),
            ..Filter::default()
        },
        lang,
    );
    html! {
        <article class="committee-view" data-view-committee={c.name.clone()}>
            <nav class="crumbs no-print">
                <a href={link(View::Meetings)}>{ format!("← {}", p.nav_meetings) }</a>
                <a href={in_list} id="committee-in-list">{ p.show_in_list }</a>
            </nav>
            <h2 class="item-title">{ c.name.clone() }</h2>
            <dl class="facts">
                <dt>{ p.meetings }</dt><dd id="committee-meetings">{ c.meetings.len() }</dd>
                <dt>{ p.items }</dt><dd id="committee-items">{ c.items }</dd>
            </dl>
            <section>
                <h2 class="section-title">{ p.outcomes_per_year }</h2>
                <OutcomeChart id="outcome-chart" title={p.outcomes_per_year} years={c.years.clone()} {lang} />
            </section>
            <section>
                <h2 class="section-title">{ p.absent_most }</h2>
                if c.absent_most.is_empty() {
                    <p>{ lang.texts().nobody_absent }</p>
                } else {
                    <ol class="absent-most" id="absent-most">
                        { for c.absent_most.iter().take(MOST).map(|&(k, items, n)| {
                            let person = &agg.people[k];
                            html! {
                                <li data-person={person.name.clone()} data-items={items.to_string()}>
                                    <a href={link(View::Person(person.name.clone()))}>{ person.name.clone() }</a>
                                    if let Some(party) = &person.party { { format!(" ({party})") } }
                                    { format!(": {items} {}, {n} {}", p.items.to_lowercase(), p.meetings.to_lowercase()) }
                                </li>
                            }
                        }) }
                    </ol>
                }
            </section>
            <section>
                <h2 class="section-title">{ p.meetings }</h2>
                <MeetingTable id="committee-meeting-table" data={props.data.clone()} meetings={meetings.clone()}
                    filter={props.filter.clone()} {lang} committee={false} page={15} />
            </section>
        </article>
    }
}
