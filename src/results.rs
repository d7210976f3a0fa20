//! The result list, paged so that a 40,000-item bundle renders only what is seen.
//! Rows are plain markup, not components: creating 300 small components when the
//! list changes cost more than the rows themselves.

use crate::badges::{absent_chips_html, absent_from, outcome_badge_html};
use crate::i18n::{date, Lang};
use crate::state::{Action, Shared};
use crate::text::marked;
use referat_core::query::{get, segments, snippet, Filter, Hit, Route, View};
use std::rc::Rc;
use yew::prelude::*;

/// Characters of context in a search snippet.
const SNIPPET: usize = 180;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub data: Shared,
    pub hits: Rc<Vec<Hit>>,
    pub filter: Filter,
    pub shown: usize,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let t = props.lang.texts();
    if props.hits.is_empty() {
        return html! { <p class="empty">{ t.no_results }</p> };
    }
    let q = AttrValue::from(props.filter.text.clone());
    let rows = props.hits.iter().take(props.shown).map(|hit| {
        let (m, item) = get(&props.data.bundle, hit.at);
        let english = props.lang == Lang::En;
        let href = Route { view: View::Item(item.id.clone()), filter: props.filter.clone(), english }.to_hash();
        let title = item.title.clone().unwrap_or_else(|| t.no_title.to_string());
        let snip = if q.trim().is_empty() { None } else { snippet(item, &q, SNIPPET) };
        html! {
            <li class="result" data-item-id={item.id.clone()} key={item.id.clone()}>
                <a class="result-link" {href}>
                    <div class="result-meta">
                        <span class="date">{ date(m.date.as_deref(), props.lang) }</span>
                        <span class="committee">{ m.committee.clone().unwrap_or_else(|| t.no_committee.to_string()) }</span>
                        if let Some(c) = &item.case_number { <span class="case">{ format!("{} {c}", t.case_number) }</span> }
                        { outcome_badge_html(item.outcome, props.lang) }
                    </div>
                    <h3 class="result-title">
                        if let Some(n) = item.number { <span class="number">{ format!("{n}. ") }</span> }
                        { marked(&segments(&title, &q)) }
                    </h3>
                    if let Some(segs) = snip { <p class="snippet">{ marked(&segs) }</p> }
                </a>
                { absent_chips_html(&absent_from(&m.absent, &item.absent)) }
            </li>
        }
    });
    let left = props.hits.len().saturating_sub(props.shown);
    html! {
        <>
            <ol class="results">{ for rows }</ol>
            if left > 0 {
                <button type="button" id="show-more" class="button wide" onclick={props.dispatch.reform(|_| Action::ShowMore)}>
                    { format!("{} ({left})", t.show_more) }
                </button>
            }
        </>
    }
}
