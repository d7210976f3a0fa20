//! The whole screen for a given state: pure rendering, so it works in SSR tests.

use crate::case_view::CaseView;
use crate::committee_view::CommitteeView;
use crate::error_panel::ErrorPanel;
use crate::filters::FilterPanel;
use crate::header::Header;
use crate::import_panel::ImportPanel;
use crate::item_view::ItemView;
use crate::meeting_view::MeetingView;
use crate::meetings_view::MeetingsView;
use crate::notes_panel::NotesPanel;
use crate::people_view::PeopleView;
use crate::person_view::PersonView;
use crate::results::ResultList;
use crate::state::{href, Action, State};
use referat_core::query::{query_noted, Filter, Sort, View};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
    #[prop_or_default]
    pub on_file: Callback<web_sys::File>,
    #[prop_or_default]
    pub on_import: Callback<Vec<web_sys::File>>,
    #[prop_or_default]
    pub on_save_file: Callback<()>,
    #[prop_or_default]
    pub on_save_bundle: Callback<()>,
    /// "Eksportér CSV": every item of the current filter.
    #[prop_or_default]
    pub on_export: Callback<()>,
    /// "Mine noter": the text written on an item (its id, the text).
    #[prop_or_default]
    pub on_note: Callback<(String, String)>,
    #[prop_or_default]
    pub on_export_notes: Callback<()>,
    #[prop_or_default]
    pub on_import_notes: Callback<web_sys::File>,
}

/// Whether a sharded archive's head alone answers this filter: only the unfiltered,
/// newest-first list, whose first rows are the head's items.
fn head_answers(filter: &Filter) -> bool {
    filter.is_empty() && filter.sort == Sort::Date
}

#[function_component(Viewer)]
pub fn viewer(props: &ViewerProps) -> Html {
    let s = &props.state;
    let d = &props.dispatch;
    let t = s.lang.texts();
    let filter = s.filter().clone();
    // A free text waits for the text of a packed file: until then the list says
    // "Søger…" and the facets count without the text (never a wrong answer).
    // While only a sharded archive's head is in, the unfiltered list is right (its newest
    // rows, and the count from the manifest); anything else waits for the light bundle.
    let partial = s.data.as_ref().and_then(|d| d.partial);
    // What stands where a head's rows end and in place of what waits for the rest.
    let rest = if s.rest_failed {
        t.archive_failed
    } else {
        t.archive_loading
    };
    let waiting = (!filter.text.trim().is_empty()
        && s.data.as_ref().is_some_and(|d| !d.text_ready))
        || (partial.is_some() && !head_answers(&filter));
    // The items with a note on this device, for the list's marks and the "noted" filter.
    let noted = use_memo((s.data.clone(), s.notes.clone()), |(data, notes)| {
        data.as_ref()
            .map(|d| notes.items(&d.index))
            .unwrap_or_default()
    });
    let results = use_memo(
        (s.data.clone(), filter.clone(), noted.clone()),
        |(data, filter, noted)| {
            data.as_ref().map(|data| {
                let mut terms = data.terms.borrow_mut();
                if data.partial.is_some() && !head_answers(filter) {
                    return (Rc::new(Vec::new()), Default::default());
                }
                if !data.text_ready && !filter.text.trim().is_empty() {
                    let without = Filter {
                        text: String::new(),
                        sort: Sort::Date,
                        ..filter.clone()
                    };
                    let (_, facets) =
                        query_noted(&data.bundle, &data.index, &without, &mut terms, noted);
                    return (Rc::new(Vec::new()), facets);
                }
                let (hits, facets) =
                    query_noted(&data.bundle, &data.index, filter, &mut terms, noted);
                (Rc::new(hits), facets)
            })
        },
    );

    let loading = s.loading.as_ref().map(|l| {
        let label = if l.parsing {
            t.parsing.to_string()
        } else {
            match l.total {
                Some(total) if total > 0.0 => {
                    format!(
                        "{} {} … {:.0} %",
                        t.loading,
                        l.source,
                        (l.loaded / total * 100.0).min(100.0)
                    )
                }
                _ => format!(
                    "{} {} … {:.1} MB",
                    t.loading,
                    l.source,
                    l.loaded / 1_000_000.0
                ),
            }
        };
        html! {
            <div class="loading" id="loading" role="status">
                <span>{ label }</span>
                if let Some(total) = l.total.filter(|t| *t > 0.0) {
                    <progress max={total.to_string()} value={l.loaded.to_string()}></progress>
                } else {
                    <progress></progress>
                }
            </div>
        }
    });

    let main = match (&s.data, results.as_ref()) {
        (Some(data), Some((hits, facets))) => {
            let on_text = d.reform(|e: InputEvent| {
                Action::SetText(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            let on_sort = d.reform(|e: Event| {
                Action::SetSort(
                    Sort::parse(&e.target_unchecked_into::<HtmlSelectElement>().value())
                        .unwrap_or_default(),
                )
            });
            let searching = !filter.text.trim().is_empty();
            let body = match &s.route.view {
                View::List if waiting => html! {
                    <p class="empty" id="searching" role="status">
                        { t.searching }
                        if let Some((done, total)) = s.text_progress.filter(|(_, total)| *total > 0) {
                            { format!(" ({done}/{total} {})", t.text_parts) }
                        }
                    </p>
                },
                View::List => html! {
                    <>
                    <ResultList data={data.clone()} hits={hits.clone()} filter={filter.clone()} lang={s.lang} noted={noted.clone()} />
                    if partial.is_some() {
                        <p class="more-coming" role="status">{ rest }</p>
                    }
                    </>
                },
                // A head's item is shown; every other page waits for the whole list.
                View::Item(id) if partial.is_some() && data.index.item(id).is_none() => html! {
                    <p class="empty" role="status">{ rest }</p>
                },
                _ if partial.is_some() && !matches!(s.route.view, View::Item(_)) => html! {
                    <p class="empty" role="status">{ rest }</p>
                },
                View::Item(id) => match data.index.item(id) {
                    Some(at) => {
                        let note = s.notes.get(id).map(|n| AttrValue::from(n.text.clone()));
                        html! { <ItemView data={data.clone()} {at} filter={filter.clone()} lang={s.lang} {note} on_note={props.on_note.clone()} /> }
                    }
                    None => {
                        html! { <p class="empty">{ format!("{} {id}: {}", t.item, t.not_found) }</p> }
                    }
                },
                View::Meeting(id) => match data.index.meeting(id) {
                    Some(meeting) => {
                        html! { <MeetingView data={data.clone()} {meeting} filter={filter.clone()} lang={s.lang} /> }
                    }
                    None => {
                        html! { <p class="empty">{ format!("{} {id}: {}", t.meeting, t.not_found) }</p> }
                    }
                },
                View::People => {
                    html! { <PeopleView data={data.clone()} filter={filter.clone()} lang={s.lang} /> }
                }
                View::Person(name) => match data.aggregates().person_index(name) {
                    Some(person) => {
                        html! { <PersonView key={person} data={data.clone()} {person} filter={filter.clone()} lang={s.lang} /> }
                    }
                    None => html! { <p class="empty">{ format!("{name}: {}", t.not_found) }</p> },
                },
                View::Committee(name) => match data.aggregates().committee_index(name) {
                    Some(committee) => {
                        html! { <CommitteeView key={committee} data={data.clone()} {committee} filter={filter.clone()} lang={s.lang} /> }
                    }
                    None => html! { <p class="empty">{ format!("{name}: {}", t.not_found) }</p> },
                },
                View::Meetings => {
                    html! { <MeetingsView data={data.clone()} filter={filter.clone()} lang={s.lang} /> }
                }
                View::Case(case) => {
                    html! { <CaseView data={data.clone()} case={AttrValue::from(case.clone())} filter={filter.clone()} lang={s.lang} /> }
                }
            };
            let p = s.lang.pages();
            let tab = |view: View, label: &'static str, id: &'static str| {
                let current = std::mem::discriminant(&view)
                    == std::mem::discriminant(&s.route.view)
                    || (view == View::Meetings
                        && matches!(s.route.view, View::Meeting(_) | View::Committee(_)))
                    || (view == View::People && matches!(s.route.view, View::Person(_)))
                    || (view == View::List
                        && matches!(s.route.view, View::Item(_) | View::Case(_)));
                html! {
                    <a {id} class="tab" href={href(view, &filter, s.lang)} aria-current={current.then_some("page")}>{ label }</a>
                }
            };
            let tabs = html! {
                <nav class="tabs no-print" aria-label={p.nav}>
                    { tab(View::List, p.nav_items, "tab-items") }
                    { tab(View::Meetings, p.nav_meetings, "tab-meetings") }
                    { tab(View::People, p.nav_people, "tab-people") }
                </nav>
            };
            html! {
                <div class="layout">
                    <aside class={classes!("side", "no-print", s.filters_open.then_some("open"))}>
                        <button type="button" id="filters-toggle" class="button secondary wide filters-toggle"
                            aria-expanded={s.filters_open.to_string()} onclick={d.reform(|_| Action::ToggleFilters)}>
                            { filters_label(t, &filter) }
                        </button>
                        <FilterPanel data={data.clone()} filter={filter.clone()} facets={facets.clone()} pending={partial.is_some().then_some(rest)} lang={s.lang} dispatch={d.clone()} />
                        <NotesPanel noted={noted.len()} stored={s.notes.notes.len()} only={filter.noted} message={s.notes_message.clone()}
                            lang={s.lang} dispatch={d.clone()} on_export={props.on_export_notes.clone()} on_import={props.on_import_notes.clone()} />
                    </aside>
                    <main class="main">
                        { tabs }
                        <div class="toolbar no-print">
                            <label class="search">
                                <span class="visually-hidden">{ t.search }</span>
                                <input type="search" id="q" class="input" placeholder={t.search_hint} value={filter.text.clone()}
                                    oninput={on_text} autocomplete="off" spellcheck="false" />
                            </label>
                            <div class="summary">
                                <span class="count-line" aria-live="polite">
                                    if waiting {
                                        <strong id="result-count" data-pending="true">{ "…" }</strong>
                                    } else {
                                        <strong id="result-count">{ partial.unwrap_or(hits.len()) }</strong>
                                    }
                                    { " " }{ t.results }
                                </span>
                                <button type="button" id="export-csv" class="button small secondary"
                                    disabled={waiting || partial.is_some()} onclick={props.on_export.reform(|_| ())}>{ t.export_csv }</button>
                                <label class="sort">
                                    <span>{ t.sort }</span>
                                    <select id="sort" class="input" onchange={on_sort}>
                                        <option value="dato" selected={filter.sort == Sort::Date}>{ t.sort_date }</option>
                                        <option value="udvalg" selected={filter.sort == Sort::Committee}>{ t.sort_committee }</option>
                                        <option value="relevans" selected={filter.sort == Sort::Relevance} disabled={!searching}>{ t.sort_relevance }</option>
                                    </select>
                                </label>
                            </div>
                        </div>
                        if !data.missing.is_empty() {
                            <div class="load-error" id="text-missing" role="alert">
                                <p>{ t.text_missing }</p>
                                <ul>{ for data.missing.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
                            </div>
                        }
                        { body }
                    </main>
                </div>
            }
        }
        _ => html! {
            if s.loading.is_none() {
                <section class="welcome">
                    <h2>{ t.empty_title }</h2>
                    <p>{ t.empty_text }</p>
                </section>
            }
        },
    };

    let (title, generated) = match &s.data {
        Some(data) => (
            Some(AttrValue::from(data.bundle.title.clone())),
            Some(AttrValue::from(data.bundle.generated.clone())),
        ),
        None => (None, None),
    };
    html! {
        <div class="app" lang={t.code} data-archive={partial.is_some().then_some("partial")} data-text={if s.data.as_ref().is_some_and(|d| !d.text_ready) { "loading" } else { "ready" }}>
            <Header {title} {generated} lang={s.lang} dispatch={d.clone()} on_file={props.on_file.clone()}
                on_import={props.on_import.clone()}
                importing={s.import.as_ref().is_some_and(|i| !i.done) || s.data.as_ref().is_some_and(|d| !d.text_ready || d.texts.is_some())}
                on_save_file={s.data.is_some().then(|| props.on_save_file.clone())}
                on_save_bundle={s.data.is_some().then(|| props.on_save_bundle.clone())} />
            { for loading }
            if let Some(import) = &s.import {
                <ImportPanel import={import.clone()} lang={s.lang} dispatch={d.clone()} />
            }
            if let Some(failure) = &s.error {
                <ErrorPanel failure={failure.clone()} lang={s.lang} kept={s.data.is_some() && !s.rest_failed} dispatch={d.clone()} />
            }
            { main }
        </div>
    }
}

/// "Filtre (2 aktive)": the narrow-screen toggle says how many filters are set.
fn filters_label(t: &crate::i18n::Texts, f: &Filter) -> String {
    let n = f.committees.len()
        + f.outcomes.len()
        + usize::from(f.from.is_some())
        + usize::from(f.to.is_some())
        + usize::from(f.absentee.is_some())
        + usize::from(f.dissent_only)
        + usize::from(f.noted)
        + usize::from(f.access.is_some());
    if n == 0 {
        format!("{} ▾", t.filters)
    } else {
        format!("{} ({n} {}) ▾", t.filters, t.active)
    }
}
