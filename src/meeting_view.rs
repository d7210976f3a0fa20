//! One meeting: its facts, its absentees, and every item in agenda order.

use crate::badges::{AbsentChips, OutcomeBadge};
use crate::i18n::{date, Lang};
use crate::state::{href, Shared};
use referat_core::query::{Filter, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MeetingViewProps {
    pub data: Shared,
    pub meeting: usize,
    pub filter: Filter,
    pub lang: Lang,
}

#[function_component(MeetingView)]
pub fn meeting_view(props: &MeetingViewProps) -> Html {
    let t = props.lang.texts();
    let lang = props.lang;
    let m = &props.data.bundle.meetings[props.meeting];
    let link = |view: View| href(view, &props.filter, lang);
    html! {
        <article class="meeting-view" data-view-meeting={m.id.clone()}>
            <nav class="crumbs no-print"><a href={link(View::List)}>{ t.back }</a></nav>
            <h2 class="item-title">
                { format!("{} – {}", m.committee.clone().unwrap_or_else(|| t.no_committee.to_string()), date(m.date.as_deref(), lang)) }
            </h2>
            <dl class="facts">
                if let Some(time) = &m.start_time { <dt>{ "Kl." }</dt><dd>{ time.clone() }</dd> }
                if let Some(l) = &m.location { <dt>{ t.location }</dt><dd>{ l.clone() }</dd> }
                <dt>{ t.source }</dt><dd class="source">{ m.source.clone() }</dd>
            </dl>
            <section>
                <h2 class="section-title">{ t.absent }</h2>
                if m.absent.is_empty() { <p>{ t.nobody_absent }</p> } else { <AbsentChips people={m.absent.clone()} filter={props.filter.clone()} {lang} /> }
            </section>
            <section>
                <h2 class="section-title">{ t.items }</h2>
                <ol class="results">
                    { for m.items.iter().map(|item| html! {
                        <li class="result" data-meeting-item={item.id.clone()}>
                            <a class="result-link" href={link(View::Item(item.id.clone()))}>
                                <div class="result-meta">
                                    if let Some(c) = &item.case_number { <span class="case">{ format!("{} {c}", t.case_number) }</span> }
                                    <OutcomeBadge outcome={item.outcome} {lang} />
                                </div>
                                <h3 class="result-title">
                                    if let Some(n) = item.number { <span class="number">{ format!("{n}. ") }</span> }
                                    { item.title.clone().unwrap_or_else(|| t.no_title.to_string()) }
                                </h3>
                            </a>
                            <AbsentChips people={item.absent.clone()} filter={props.filter.clone()} {lang} />
                        </li>
                    }) }
                </ol>
            </section>
        </article>
    }
}
