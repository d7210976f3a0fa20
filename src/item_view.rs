//! One agenda item: decision, remarks, absences, sections, attachments, and its context.

use crate::badges::{AbsentChips, OutcomeBadge};
use crate::i18n::{date, Lang};
use crate::part_text::{use_meeting_text, MeetingText};
use crate::state::{href, Shared};
use crate::text::{Highlight, Prose};
use referat_core::query::{get, Filter, ItemRef, View};
use referat_core::Access;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemViewProps {
    pub data: Shared,
    pub at: ItemRef,
    pub filter: Filter,
    pub lang: Lang,
    /// This device's note on the item ("Mine noter").
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// The note's new text (item id, text).
    #[prop_or_default]
    pub on_note: Callback<(String, String)>,
}

#[function_component(ItemView)]
pub fn item_view(props: &ItemViewProps) -> Html {
    let t = props.lang.texts();
    let p = props.lang.pages();
    let lang = props.lang;
    let bundle = &props.data.bundle;
    // A large sharded archive fetches the meeting's text now; the light one shows meanwhile.
    let text = use_meeting_text(&props.data, props.at.meeting);
    let (m, item) = match text.meeting() {
        Some(m) => (m, &m.items[props.at.item]),
        None => get(bundle, props.at),
    };
    let q = AttrValue::from(props.filter.text.clone());
    let link = |view: View| href(view, &props.filter, lang);
    let title = item.title.clone().unwrap_or_else(|| t.no_title.to_string());
    let committee = m
        .committee
        .clone()
        .unwrap_or_else(|| t.no_committee.to_string());
    let route_names: Vec<String> = item
        .route
        .iter()
        .map(|r| {
            bundle
                .committees
                .get(r)
                .map_or_else(|| r.clone(), |full| format!("{full} ({r})"))
        })
        .collect();

    let decisions = item.decisions.iter().map(|d| {
        html! {
            <article class="decision">
                <h3>
                    { d.heading.clone().unwrap_or_else(|| {
                        format!("{} {} {}", t.decision, d.body.clone().unwrap_or_default(), date(d.date.as_deref(), lang))
                    }) }
                </h3>
                <p class="decision-badges">
                    <OutcomeBadge outcome={d.outcome} {lang} />
                    if d.dissent { <span class="badge dissent">{ t.dissent }</span> }
                </p>
                <Prose text={AttrValue::from(d.text.clone())} query={q.clone()} />
                if !d.remarks.is_empty() {
                    <h4>{ t.remarks }</h4>
                    <ul class="remarks">
                        { for d.remarks.iter().map(|r| html! { <li><Highlight text={AttrValue::from(r.clone())} query={q.clone()} /></li> }) }
                    </ul>
                }
            </article>
        }
    });

    let others = m
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != props.at.item)
        .map(|(_, other)| {
            html! {
                <li>
                    <a href={link(View::Item(other.id.clone()))}>
                        if let Some(n) = other.number { { format!("{n}. ") } }
                        { other.title.clone().unwrap_or_else(|| t.no_title.to_string()) }
                    </a>
                    { " " }<OutcomeBadge outcome={other.outcome} {lang} />
                </li>
            }
        });
    // The case's other treatments, as the case page finds them (`24/ 300` is `24/300`).
    let timeline: Vec<ItemRef> = item
        .case_number
        .as_deref()
        .map(|c| props.data.aggregates().case(c))
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|r| *r != props.at)
        .collect();
    let timeline_rows = timeline.iter().map(|r| {
        let (om, oi) = get(bundle, *r);
        html! {
            <li>
                <a href={link(View::Item(oi.id.clone()))}>
                    <span class="date">{ date(om.date.as_deref(), lang) }</span>{ " " }
                    <span class="committee">{ om.committee.clone().unwrap_or_else(|| t.no_committee.to_string()) }</span>
                </a>
                { " " }<OutcomeBadge outcome={oi.outcome} {lang} />
            </li>
        }
    });
    let on_note = {
        let (on_note, id) = (props.on_note.clone(), item.id.clone());
        Callback::from(move |e: InputEvent| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value();
            on_note.emit((id.clone(), text));
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    html! {
        <article class="item-view" data-view-item={item.id.clone()}>
            <nav class="crumbs no-print">
                <a href={link(View::List)}>{ t.back }</a>
                <a href={link(View::Meeting(m.id.clone()))}>{ t.open_meeting }</a>
                <button type="button" class="button small secondary" onclick={print}>{ t.print }</button>
            </nav>
            <h2 class="item-title">
                if let Some(n) = item.number { <span class="number">{ format!("{n}. ") }</span> }
                <Highlight text={AttrValue::from(title)} query={q.clone()} />
            </h2>
            <dl class="facts">
                if let Some(c) = &item.case_number {
                    <dt>{ t.case_number }</dt>
                    <dd>
                        { c.clone() }
                        if !timeline.is_empty() {
                            { " " }<a id="case-link" class="no-print" href={link(View::Case(c.clone()))}>{ p.case_link }</a>
                        }
                    </dd>
                }
                <dt>{ t.committee }</dt><dd>{ committee }</dd>
                <dt>{ t.date }</dt><dd>{ date(m.date.as_deref(), lang) }</dd>
                if !route_names.is_empty() { <dt>{ t.route }</dt><dd>{ route_names.join(" → ") }</dd> }
                if item.access == Access::Closed { <dt>{ t.access }</dt><dd>{ t.closed }</dd> }
                <dt>{ t.source }</dt><dd class="source">{ m.source.clone() }</dd>
            </dl>
            if !props.data.text_ready || text == MeetingText::Loading {
                <p class="empty" id="text-loading" role="status">{ t.text_loading }</p>
            }
            if let MeetingText::Failed(e) = &text {
                <p class="load-error" id="text-failed" role="alert">{ format!("{}: {e}", t.text_failed) }</p>
            }
            <section class="my-notes no-print">
                <h2 class="section-title"><label for="note">{ p.my_notes }</label></h2>
                <textarea id="note" class="input" rows="4" aria-describedby="note-private"
                    value={props.note.clone().unwrap_or_default()} oninput={on_note} />
                <p class="hint" id="note-private">{ p.note_private }</p>
            </section>
            <section class="decisions">
                <h2 class="section-title">{ t.decision }</h2>
                <p><OutcomeBadge outcome={item.outcome} {lang} /></p>
                if item.decisions.is_empty() { <p>{ t.no_decision }</p> }
                { for decisions }
            </section>
            <section class="absences">
                <h2 class="section-title">{ t.absent }</h2>
                if m.absent.is_empty() && item.absent.is_empty() { <p>{ t.nobody_absent }</p> }
                if !m.absent.is_empty() {
                    <h3>{ t.absent_meeting }</h3>
                    <AbsentChips people={m.absent.clone()} filter={props.filter.clone()} {lang} />
                }
                if !item.absent.is_empty() {
                    <h3>{ t.absent_item }</h3>
                    <AbsentChips people={item.absent.clone()} filter={props.filter.clone()} {lang} />
                    <ul class="notes">
                        { for item.absent.iter().filter_map(|a| a.note.as_ref().map(|n| html! { <li>{ format!("{}: {n}", a.name) }</li> })) }
                    </ul>
                }
            </section>
            { for item.sections.iter().map(|s| html! {
                <section class="text-section">
                    if let Some(h) = &s.heading { <h2 class="section-title">{ h.clone() }</h2> }
                    <Prose text={AttrValue::from(s.text.clone())} query={q.clone()} />
                </section>
            }) }
            if !item.attachments.is_empty() {
                <section class="attachments">
                    <h2 class="section-title">{ t.attachments }</h2>
                    <ul>
                        { for item.attachments.iter().map(|a| html! {
                            <li>
                                { a.title.clone().unwrap_or_default() }
                                if let Some(r) = &a.reference { <span class="ref">{ format!(" ({r})") }</span> }
                                if a.access == Some(Access::Closed) { <span class="badge closed">{ t.closed }</span> }
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if !timeline.is_empty() {
                <section class="timeline no-print">
                    <h2 class="section-title">{ t.same_case }</h2>
                    <ol>{ for timeline_rows }</ol>
                </section>
            }
            if m.items.len() > 1 {
                <section class="others no-print">
                    <h2 class="section-title">{ t.other_items }</h2>
                    <ul>{ for others }</ul>
                </section>
            }
        </article>
    }
}
