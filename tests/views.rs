//! Key views rendered natively with Yew's SSR renderer and checked for their text.
//! Run with `cargo test -p referat-app --features ssr`.
#![cfg(feature = "ssr")]

mod common;

use common::{broken_json, render, sample_bundle};

use referat_app::i18n::Lang;
use referat_app::state::{Action, LoadFailure, LoadProblem, Shared, State};
use referat_core::query::Route;
use referat_core::{Bundle, BundleError};
use std::rc::Rc;
use yew::Reducible;

fn state(hash: &str, bundle: Bundle) -> Rc<State> {
    Rc::new(State::new(Route::parse(hash), "2024-05-10".into()))
        .reduce(Action::Loaded(Shared::new(bundle)))
}

fn rows(html: &str) -> Vec<&str> {
    html.split("data-item-id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect()
}

#[test]
fn the_list_shows_title_count_rows_badges_and_facets() {
    let html = render(state("", sample_bundle()));
    assert!(html.contains("Norddjurs Kommune – referater"), "{html}");
    assert!(html.contains(r#"<strong id="result-count">5</strong>"#));
    assert_eq!(
        rows(&html),
        vec![
            "vpu-2024-04-24-1",
            "buu-2024-04-18-1",
            "buu-2021-06-24-1",
            "002-24e5a101f9c48806-1",
            "004-dc055bac9ae9b81d-1"
        ]
    );
    assert!(html.contains("24-04-2024"));
    assert_eq!(
        html.matches(r#"badge outcome-approved">Godkendt</span>"#)
            .count(),
        2
    );
    assert!(html.contains("Tom Bytoft"));
    // Committee checkboxes with their counts.
    assert!(html.contains(r#"data-committee="Voksen- og plejeudvalget""#));
    assert!(html.contains(
        r#"<span class="label-text">Børne- og ungdomsudvalget</span><span class="count">2</span>"#
    ));
    assert!(html.contains("Nulstil"));
    assert!(html.contains(r#"id="bundle-file""#));
    assert!(!html.contains("load-error"));
}

#[test]
fn filters_from_the_hash_apply_and_search_is_highlighted() {
    let html = render(state(
        "#/?udvalg=Voksen-%20og%20plejeudvalget",
        sample_bundle(),
    ));
    assert!(html.contains(r#"<strong id="result-count">1</strong>"#));
    assert_eq!(rows(&html), vec!["vpu-2024-04-24-1"]);

    let html = render(state("#/?q=effektivisering", sample_bundle()));
    assert_eq!(rows(&html), vec!["buu-2021-06-24-1"]);
    assert!(
        html.contains("<mark>effektivisering</mark>")
            || html.contains("<mark>Effektivisering</mark>"),
        "{html}"
    );

    let html = render(state("#/?q=oekonomiske", sample_bundle()));
    assert_eq!(
        rows(&html),
        vec![
            "vpu-2024-04-24-1",
            "buu-2024-04-18-1",
            "004-dc055bac9ae9b81d-1"
        ]
    );
    assert!(html.contains("<mark>økonomiske</mark>") || html.contains("<mark>Økonomiske</mark>"));
}

#[test]
fn the_item_view_shows_decision_absences_sections_and_facts() {
    let html = render(state("#/punkt/buu-2021-06-24-1", sample_bundle()));
    assert!(html.contains("Dialogmøde med områdeudvalg på socialområdet, kl. 15.00"));
    assert!(html.contains("<dt>Sagsnr.</dt><dd>21/1359</dd>"));
    assert!(html.contains("<dt>Udvalg</dt><dd>Børne- og ungdomsudvalget</dd>"));
    assert!(html.contains("<dt>Dato</dt><dd>24-06-2021</dd>"));
    assert!(html.contains(
        r#"<dt>Kilde</dt><dd class="source">examples/norddjurs/000_5f9710db80485d88.txt</dd>"#
    ));
    assert!(
        html.contains("Børne- og ungdomsudvalget (BUU)"),
        "route with the abbreviation expanded"
    );
    assert!(html.contains("Beslutning i Børne- og ungdomsudvalget den 24-06-2021"));
    assert!(html.contains(r#"badge outcome-discussed">Drøftet</span>"#));
    assert!(html.contains("Kristina Hviid: deltog ikke i dialogmødet"));
    assert!(html.contains(r#"<h2 class="section-title">Sagsfremstilling</h2>"#));
    assert!(
        html.contains(r##"href="#/""##),
        "a relative link back to the list"
    );
    assert!(html.contains(r##"href="#/moede/buu-2021-06-24""##));
    assert!(rows(&html).is_empty(), "the item view replaces the list");

    let html = render(state("#/punkt/nope", sample_bundle()));
    assert!(html.contains("Punkt nope: Findes ikke i denne bundle."));
}

#[test]
fn the_meeting_view_lists_items_and_absentees() {
    let html = render(state("#/moede/vpu-2024-04-24", sample_bundle()));
    assert!(html.contains("Voksen- og plejeudvalget – 24-04-2024"));
    assert!(html.contains(r#"data-meeting-item="vpu-2024-04-24-1""#));
    assert!(html.contains("Tom Bytoft"));
    assert!(html.contains(
        r#"<dt>Kilde</dt><dd class="source">examples/norddjurs/003_30e56682dd283b6b.txt</dd>"#
    ));
}

#[test]
fn english_toggle() {
    let s = state("#/punkt/buu-2021-06-24-1", sample_bundle()).reduce(Action::SetLang(Lang::En));
    let html = render(s);
    assert!(html.contains("<dt>Case no.</dt>"));
    assert!(html.contains(">Discussed</span>"));
    assert!(html.contains("Dansk"));
}

#[test]
fn the_error_panel_says_what_and_where_in_danish() {
    let failure = broken_json();
    let html = render(state("", sample_bundle()).reduce(Action::LoadFailed(failure)));
    assert!(html.contains(r#"id="load-error""#));
    assert!(html.contains("Bundlen kunne ikke indlæses"));
    assert!(html.contains("broken.json"));
    assert!(html.contains("Filen er ikke gyldig JSON: her skulle der stå en værdi."));
    assert!(html.contains("linje 4, kolonne 12"));
    assert!(html.contains("Den bundle, der var indlæst før, vises stadig."));
    assert!(
        html.contains(r#"<strong id="result-count">5</strong>"#),
        "the old bundle is still shown"
    );

    let failure = LoadFailure {
        source: "x.json".into(),
        problem: LoadProblem::Bundle(BundleError::UnsupportedVersion { found: "2".into() }),
    };
    let s = Rc::new(State::new(Route::default(), "2024-05-10".into()))
        .reduce(Action::LoadFailed(failure));
    let html = render(s);
    assert!(
        html.contains("Bundlen har version 2, men denne udgave af referat kan kun læse version 1.")
    );
    assert!(!html.contains("vises stadig"));
    assert!(html.contains("Ingen bundle indlæst"));
}

#[test]
fn bundle_text_is_escaped_not_rendered_as_html() {
    let mut b = sample_bundle();
    b.title = "<script>alert(1)</script>".into();
    b.meetings[0].items[0].title = Some("</script><img src=x onerror=alert(2)>".into());
    let html = render(state("", b));
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<img"));
}

#[test]
fn progress_is_shown_while_loading() {
    let s = Rc::new(State::new(Route::default(), "2024-05-10".into()))
        .reduce(Action::LoadStarted("bundle.json".into()))
        .reduce(Action::LoadProgress {
            loaded: 2_500_000.0,
            total: Some(10_000_000.0),
        });
    let html = render(s);
    assert!(html.contains("Indlæser bundle.json … 25 %"), "{html}");
    assert!(html.contains("<progress"));
}
