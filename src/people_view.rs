//! Everyone (`#/personer`): name, party, absences and attendance, each linking to the
//! person's page. A name search narrows the table, and it grows 25 rows at a time, so a
//! national archive's thousands of names still render in a frame.

use crate::i18n::Lang;
use crate::meeting_table::{show_more, PAGE};
use crate::state::{href, Shared};
use referat_core::fold::fold;
use referat_core::query::{Filter, View};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PeopleViewProps {
    pub data: Shared,
    pub filter: Filter,
    pub lang: Lang,
}

#[function_component(PeopleView)]
pub fn people_view(props: &PeopleViewProps) -> Html {
    let (t, p, lang) = (props.lang.texts(), props.lang.pages(), props.lang);
    let people = &props.data.aggregates().people;
    let query = use_state(String::new);
    let shown = use_state(|| PAGE);
    let wanted = fold(query.trim());
    let matching: Vec<_> = people
        .iter()
        .filter(|person| wanted.is_empty() || fold(&person.name).contains(&wanted))
        .collect();
    let on_query = {
        let (query, shown) = (query.clone(), shown.clone());
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
            shown.set(PAGE);
        })
    };
    let more = matching.len().saturating_sub(*shown);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    html! {
        <article class="people-view" data-view="people">
            <h2 class="item-title">{ p.nav_people }{ format!(" ({})", people.len()) }</h2>
            <p class="intro">{ p.people_intro }</p>
            <input type="search" id="people-search" class="input" placeholder={t.absentee_search}
                aria-label={t.absentee_search} value={(*query).clone()} oninput={on_query} />
            <div class="table-wrap">
                <table class="table" id="people-table" data-total={matching.len().to_string()}>
                    <thead>
                        <tr>
                            <th scope="col">{ p.name }</th>
                            <th scope="col">{ p.party }</th>
                            <th scope="col" class="num">{ p.items_absent }</th>
                            <th scope="col" class="num">{ p.meetings_absent }</th>
                            <th scope="col" class="num">{ p.attendance }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for matching.iter().take(*shown).map(|person| html! {
                            <tr data-person={person.name.clone()}>
                                <th scope="row"><a href={href(View::Person(person.name.clone()), &props.filter, lang)}>{ person.name.clone() }</a></th>
                                <td>{ person.party.clone().unwrap_or_default() }</td>
                                <td class="num" data-items={person.items_absent.to_string()}>{ person.items_absent }</td>
                                <td class="num">{ person.absences.len() }</td>
                                <td class="num">{ person.attendance.map(|a| format!("{} %", a.percent())).unwrap_or_else(|| "–".into()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                { show_more(more, on_more, lang) }
            </div>
        </article>
    }
}
