//! The person, people, committee, meetings and case pages and "Mine noter", rendered
//! natively (`cargo test -p referat-app --features ssr`) on the council fixture, whose
//! numbers `crates/core/tests/aggregate.rs` checks: here, that the pages show them.
#![cfg(feature = "ssr")]

mod common;

use common::{council_bundle, render, sample_bundle};
use referat_app::state::{Action, Shared, State};
use referat_core::notes::Notes;
use referat_core::query::Route;
use referat_core::Bundle;
use std::rc::Rc;
use yew::Reducible;

fn state(hash: &str, bundle: Bundle) -> Rc<State> {
    Rc::new(State::new(Route::parse(hash), "2025-02-01".into()))
        .reduce(Action::Loaded(Shared::new(bundle)))
}

/// The values of `attr="…"` in document order.
fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let key = format!("{attr}=\"");
    html.split(key.as_str())
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect()
}

/// The part of the page inside the element that opens with `open` (a view's article).
fn within<'a>(html: &'a str, open: &str) -> &'a str {
    let start = html
        .find(open)
        .unwrap_or_else(|| panic!("no {open} in {html}"));
    let end = html[start..]
        .find("</article>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[test]
fn the_person_page_counts_charts_and_groups_absences() {
    let page = render(state("#/person/Bo%20Kragh", council_bundle()));
    let html = within(&page, r#"data-view-person="Bo Kragh""#);
    assert!(html.contains(r#"<dd id="person-items">4</dd>"#));
    assert!(html.contains(r#"<dd id="person-meetings">3</dd>"#));
    assert!(
        html.contains(r#"<dd id="person-attendance">67 % (2 af 3 møder med medlemsliste)</dd>"#)
    );
    // One bar a quarter from 2024 K1 to 2025 K1, empty quarters included.
    assert_eq!(
        attrs(html, "data-labels"),
        ["2024 K1,2024 K2,2024 K3,2024 K4,2025 K1"]
    );
    assert_eq!(attrs(html, "data-counts"), ["3,0,0,0,1"]);
    // Two bars (empty quarters are gaps), 128 units apart; 3 items the full 120, 1 a third.
    assert_eq!(
        attrs(html, " d"),
        ["M12.8 120.0h102.4v-120.0h-102.4ZM524.8 120.0h102.4v-40.0h-102.4Z"]
    );
    assert_eq!(
        attrs(html, "data-committee"),
        ["Byrådet", "Økonomiudvalget"]
    );
    assert!(html.contains("hele mødet (2 punkter)"));
    assert!(html.contains("(afbud)"));
    assert!(html.contains(r##"href="#/udvalg/%C3%98konomiudvalget""##));
    assert!(
        html.contains(r##"href="#/?fravaer=Bo%20Kragh" id="person-in-list""##),
        "{html}"
    );
}

#[test]
fn no_member_lists_no_rate_and_an_unknown_person_is_not_found() {
    let html = render(state("#/person/Tom%20Bytoft", sample_bundle()));
    assert!(html.contains(
        r#"<dd id="person-attendance">Ikke opgjort: referaterne lister ikke mødets medlemmer.</dd>"#
    ));
    let html = render(state("#/person/Nobody%20Here", sample_bundle()));
    assert!(html.contains("Nobody Here: Findes ikke i denne bundle."));
}

#[test]
fn the_people_index_lists_everyone_with_counts() {
    let page = render(state("#/personer", council_bundle()));
    let html = within(&page, r#"class="people-view""#);
    assert_eq!(
        attrs(html, "data-person"),
        ["Anne Dahl", "Bo Kragh", "Carla Lund"]
    );
    assert_eq!(attrs(html, "data-items"), ["1", "4", "1"]);
    assert!(html.contains(r##"href="#/person/Bo%20Kragh""##));
    assert!(page.contains(
        r##"<a id="tab-people" href="#/personer" aria-current="page" class="tab">Personer</a>"##
    ));
}

#[test]
fn the_committee_page_shows_meetings_outcomes_per_year_and_absences() {
    let page = render(state("#/udvalg/%C3%98konomiudvalget", council_bundle()));
    let html = within(&page, r#"class="committee-view""#);
    assert!(html.contains(r#"<dd id="committee-meetings">3</dd>"#));
    assert!(html.contains(r#"<dd id="committee-items">5</dd>"#));
    assert_eq!(attrs(html, "data-total"), ["3"]);
    assert_eq!(attrs(html, "data-years"), ["2024,2025"]);
    assert_eq!(
        attrs(html, "data-counts"),
        ["0,1", "1,0", "1,0", "1,0", "1,0"]
    );
    assert_eq!(
        attrs(html, "data-outcome"),
        ["approved", "recommended", "noted", "rejected", "postponed"]
    );
    assert_eq!(
        attrs(html, "data-person"),
        ["Bo Kragh", "Anne Dahl", "Carla Lund"]
    );
    assert_eq!(
        attrs(html, "data-meeting"),
        ["oeu-2025-01-15", "oeu-2024-09-05", "oeu-2024-02-10"]
    );
}

#[test]
fn the_meetings_page_lists_all_meetings_under_the_committee_filter() {
    let html = render(state("#/moeder", council_bundle()));
    assert_eq!(
        attrs(&html, "data-meeting"),
        [
            "oeu-2025-01-15",
            "oeu-2024-09-05",
            "by-2024-02-20",
            "oeu-2024-02-10"
        ]
    );
    let html = render(state("#/moeder?udvalg=Byr%C3%A5det", council_bundle()));
    assert_eq!(attrs(&html, "data-meeting"), ["by-2024-02-20"]);
    // Changing a filter keeps the meetings page (other pages go back to the list).
    let s = state("#/moeder", council_bundle()).reduce(Action::ToggleCommittee("Byrådet".into()));
    assert_eq!(attrs(&render(s), "data-meeting"), ["by-2024-02-20"]);
}

#[test]
fn the_case_page_follows_the_case_through_both_bodies() {
    let html = render(state("#/sag/24%2F100", council_bundle()));
    assert_eq!(
        attrs(&html, "data-item"),
        ["oeu-2024-02-10-1", "by-2024-02-20-1"]
    );
    assert!(html.contains("Sag 24/100: Sag 24/100"));
    assert!(html.contains("Anbefales over for byrådet."));
    assert!(html.contains(r#"<span class="badge dissent">Uenighed</span>"#));
    // The item view links to it.
    let html = render(state("#/punkt/by-2024-02-20-1", council_bundle()));
    assert!(html.contains(r##"href="#/sag/24%2F100""##), "{html}");
    let html = render(state("#/sag/99%2F999", council_bundle()));
    assert!(html.contains("Sag 99/999: Findes ikke i denne bundle."));
}

#[test]
fn chips_link_to_the_person_page() {
    let html = render(state("", council_bundle()));
    assert!(html.contains(r##"<a href="#/person/Bo%20Kragh" class="person-link">Bo Kragh"##));
}

#[test]
fn notes_mark_rows_filter_the_list_and_fill_the_item_view() {
    let mut notes = Notes::new("Testby Kommune – referater");
    notes.set(
        "by-2024-02-20-1",
        "Spørg til afstemningen",
        "2025-01-20T10:00:00Z",
    );
    let s = state("", council_bundle()).reduce(Action::NotesLoaded(notes));
    let html = render(s.clone());
    assert_eq!(html.matches(r#"data-noted="true""#).count(), 1);
    assert!(html.contains("Mine noter (1 noter)"));
    let only = render(s.clone().reduce(Action::SetNoted(true)));
    assert_eq!(attrs(&only, "data-item-id"), ["by-2024-02-20-1"]);
    let item = render(s.reduce(Action::Navigate(Route::parse("#/punkt/by-2024-02-20-1"))));
    assert!(
        item.contains(">Spørg til afstemningen</textarea>"),
        "{item}"
    );
}

#[test]
fn english_pages() {
    let html = render(state("#/person/Bo%20Kragh?sprog=en", council_bundle()));
    assert!(html.contains("67 % (2 of 3 meetings with a list of members)"));
    assert!(attrs(&html, "data-labels")[0].starts_with("2024 Q1,2024 Q2"));
}

#[test]
fn a_long_absence_record_opens_per_committee_on_demand() {
    // The council's four meetings, twelve years over: Bo Kragh missed 36 meetings.
    let mut b = council_bundle();
    let base = b.meetings.clone();
    b.meetings.clear();
    for year in (2013..2025).rev() {
        for m in &base {
            let mut m = m.clone();
            let date = m.date.clone().unwrap();
            let shifted = format!("{year}{}", &date[4..]);
            m.id = format!("{}-{year}", m.id);
            for item in &mut m.items {
                item.id = format!("{}-{year}", item.id);
            }
            m.date = Some(shifted);
            b.meetings.push(m);
        }
    }
    let page = render(state("#/person/Bo%20Kragh", b));
    let html = within(&page, r#"data-view-person="Bo Kragh""#);
    assert!(html.contains(r#"<dd id="person-meetings">36</dd>"#));
    assert_eq!(attrs(html, "data-absences"), ["12", "24"]);
    // Closed: no rows yet, a button per committee that says how many there are.
    assert_eq!(html.matches(r#"class="absence""#).count(), 0);
    assert!(html.contains(">Vis fraværet (12)</button>"));
    assert!(html.contains(">Vis fraværet (24)</button>"));
}
