//! A table of meetings (date, committee, items, absentees), 25 rows at a time (a tablet
//! screen's worth): the meetings and committee pages at archive scale render in a frame
//! (100 rows took 21 ms at 10,000 items, 40 rows 16 ms at 40,000; BENCHMARKS.md, "Pages").

use crate::i18n::{date, Lang};
use crate::state::{href, Shared};
use referat_core::aggregate::meeting_absentees;
use referat_core::query::{Filter, View};
use std::rc::Rc;
use yew::prelude::*;

/// Rows shown at first, and added by "Vis flere".
pub const PAGE: usize = 25;

#[derive(Properties, PartialEq)]
pub struct MeetingTableProps {
    pub id: AttrValue,
    pub data: Shared,
    /// Meeting positions, in the order shown.
    pub meetings: Rc<Vec<usize>>,
    pub filter: Filter,
    pub lang: Lang,
    /// Show the committee column (not on a committee's own page).
    #[prop_or(true)]
    pub committee: bool,
    /// Rows shown at first and added by "Vis flere".
    #[prop_or(PAGE)]
    pub page: usize,
}

#[function_component(MeetingTable)]
pub fn meeting_table(props: &MeetingTableProps) -> Html {
    let (t, p, lang) = (props.lang.texts(), props.lang.pages(), props.lang);
    let page = props.page;
    let shown = use_state_eq(|| page);
    // A new list starts again at one page.
    {
        let shown = shown.clone();
        use_effect_with(props.meetings.clone(), move |_| shown.set(page));
    }
    let bundle = &props.data.bundle;
    let link = |view: View| href(view, &props.filter, lang);
    let rows = props.meetings.iter().take(*shown).map(|&mi| {
        let m = &bundle.meetings[mi];
        let absent = meeting_absentees(m);
        html! {
            <tr data-meeting={m.id.clone()}>
                <th scope="row"><a href={link(View::Meeting(m.id.clone()))}>{ date(m.date.as_deref(), lang) }</a></th>
                if props.committee {
                    <td>
                        if let Some(c) = &m.committee {
                            <a href={link(View::Committee(c.clone()))}>{ c.clone() }</a>
                        } else { { t.no_committee } }
                    </td>
                }
                <td class="num">{ m.items.len() }</td>
                <td>
                    { for absent.iter().enumerate().map(|(i, name)| html! {
                        <>
                            if i > 0 { { ", " } }
                            <a href={link(View::Person(name.clone()))}>{ name.clone() }</a>
                        </>
                    }) }
                </td>
            </tr>
        }
    });
    let more = props.meetings.len().saturating_sub(*shown);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + page))
    };
    html! {
        <div class="table-wrap">
            <table class="table" id={props.id.clone()} data-total={props.meetings.len().to_string()}>
                <thead>
                    <tr>
                        <th scope="col">{ p.date }</th>
                        if props.committee { <th scope="col">{ t.committee }</th> }
                        <th scope="col" class="num">{ p.items }</th>
                        <th scope="col">{ p.absentees }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            { show_more(more, on_more, props.lang) }
        </div>
    }
}

/// "Vis flere (N)" under a table that shows a page at a time; nothing when all are shown.
pub fn show_more(more: usize, onclick: Callback<MouseEvent>, lang: Lang) -> Html {
    if more == 0 {
        return html! {};
    }
    html! {
        <button type="button" class="button secondary show-more" {onclick}>
            { format!("{} ({more})", lang.pages().show_more) }
        </button>
    }
}
