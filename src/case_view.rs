//! One case (`#/sag/<case number>`): every meeting and body that treated it, oldest
//! first, with each decision and its outcome.

use crate::badges::outcome_badge_html;
use crate::i18n::{date, Lang};
use crate::state::{href, Shared};
use crate::text::Prose;
use referat_core::query::{get, Filter, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CaseViewProps {
    pub data: Shared,
    pub case: AttrValue,
    pub filter: Filter,
    pub lang: Lang,
}

#[function_component(CaseView)]
pub fn case_view(props: &CaseViewProps) -> Html {
    let (t, p, lang) = (props.lang.texts(), props.lang.pages(), props.lang);
    let bundle = &props.data.bundle;
    let steps = props.data.aggregates().case(&props.case);
    let link = |view: View| href(view, &props.filter, lang);
    if steps.is_empty() {
        return html! { <p class="empty">{ format!("{} {}: {}", p.case, props.case, t.not_found) }</p> };
    }
    let title = steps
        .iter()
        .rev()
        .find_map(|r| get(bundle, *r).1.title.clone())
        .unwrap_or_else(|| t.no_title.to_string());
    html! {
        <article class="case-view" data-view-case={props.case.clone()}>
            <nav class="crumbs no-print"><a href={link(View::List)}>{ t.back }</a></nav>
            <h2 class="item-title">{ format!("{} {}: {title}", p.case, props.case) }</h2>
            <p class="intro">{ format!("{} {}", steps.len(), p.case_treated) }</p>
            <ol class="case-timeline" id="case-timeline">
                { for steps.iter().map(|r| {
                    let (m, item) = get(bundle, *r);
                    html! {
                        <li class="step" data-item={item.id.clone()} data-outcome={item.outcome.as_str()}>
                            <h3>
                                <span class="date">{ date(m.date.as_deref(), lang) }</span>{ " · " }
                                if let Some(c) = &m.committee {
                                    <a href={link(View::Committee(c.clone()))}>{ c.clone() }</a>
                                } else { { t.no_committee } }
                            </h3>
                            <p>
                                <a href={link(View::Item(item.id.clone()))}>
                                    if let Some(n) = item.number { { format!("{n}. ") } }
                                    { item.title.clone().unwrap_or_else(|| t.no_title.to_string()) }
                                </a>
                                { " " }{ outcome_badge_html(item.outcome, lang) }
                            </p>
                            { for item.decisions.iter().map(|d| html! {
                                <div class="decision">
                                    <h4>
                                        { d.heading.clone().unwrap_or_else(|| format!("{} {} {}", t.decision, d.body.clone().unwrap_or_default(), date(d.date.as_deref(), lang))) }
                                        { " " }{ outcome_badge_html(d.outcome, lang) }
                                        if d.dissent { <span class="badge dissent">{ t.dissent }</span> }
                                    </h4>
                                    if !d.text.is_empty() { <Prose text={AttrValue::from(d.text.clone())} query={AttrValue::default()} /> }
                                </div>
                            }) }
                        </li>
                    }
                }) }
            </ol>
        </article>
    }
}
