//! All meetings by date (`#/moeder`), under the committee and date filters.

use crate::i18n::Lang;
use crate::meeting_table::MeetingTable;
use crate::state::Shared;
use referat_core::query::Filter;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MeetingsViewProps {
    pub data: Shared,
    pub filter: Filter,
    pub lang: Lang,
}

#[function_component(MeetingsView)]
pub fn meetings_view(props: &MeetingsViewProps) -> Html {
    let p = props.lang.pages();
    // Only the filters that apply to meetings decide the list (not the text or sort).
    let key = (
        props.data.clone(),
        props.filter.committees.clone(),
        props.filter.from.clone(),
        props.filter.to.clone(),
    );
    let meetings = use_memo(key, |(data, committees, from, to)| {
        let f = Filter {
            committees: committees.clone(),
            from: from.clone(),
            to: to.clone(),
            ..Filter::default()
        };
        data.aggregates().meetings_in(&data.bundle, &f)
    });
    html! {
        <article class="meetings-view" data-view="meetings">
            <h2 class="item-title">{ p.meetings }{ format!(" ({})", meetings.len()) }</h2>
            <p class="intro">{ p.meetings_intro }</p>
            <MeetingTable id="meeting-table" data={props.data.clone()} meetings={meetings.clone()}
                filter={props.filter.clone()} lang={props.lang} />
        </article>
    }
}
