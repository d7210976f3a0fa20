//! Everyone (`#/personer`): name, party, absences and attendance, each linking to the
//! person's page.

use crate::i18n::Lang;
use crate::state::{href, Shared};
use referat_core::query::{Filter, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PeopleViewProps {
    pub data: Shared,
    pub filter: Filter,
    pub lang: Lang,
}

#[function_component(PeopleView)]
pub fn people_view(props: &PeopleViewProps) -> Html {
    let (p, lang) = (props.lang.pages(), props.lang);
    let people = &props.data.aggregates.people;
    html! {
        <article class="people-view" data-view="people">
            <h2 class="item-title">{ p.nav_people }{ format!(" ({})", people.len()) }</h2>
            <p class="intro">{ p.people_intro }</p>
            <div class="table-wrap">
                <table class="table" id="people-table">
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
                        { for people.iter().map(|person| html! {
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
            </div>
        </article>
    }
}
