//! Reducer transitions: what each action does to the one UI state.

mod common;

use common::{broken_json, sample_bundle};
use referat_app::state::{Action, ImportStatus, Shared, State};
use referat_core::query::{DatePreset, Filter, Route, Sort, View};
use referat_core::{Access, Outcome};
use std::rc::Rc;
use yew::Reducible;

fn sample() -> Shared {
    Shared::new(sample_bundle())
}

fn loaded() -> Rc<State> {
    Rc::new(State::new(Route::default(), "2024-05-10".into())).reduce(Action::Loaded(sample()))
}

#[test]
fn loading_sets_data_and_clears_progress_and_errors() {
    let s = Rc::new(State::new(Route::default(), "2024-05-10".into()));
    let s = s.reduce(Action::LoadStarted("bundle.json".into()));
    let s = s.reduce(Action::LoadProgress {
        loaded: 10.0,
        total: Some(100.0),
    });
    let l = s.loading.clone().unwrap();
    assert_eq!(
        (l.source.as_str(), l.loaded, l.total, l.parsing),
        ("bundle.json", 10.0, Some(100.0), false)
    );
    let s = s.reduce(Action::Parsing);
    assert!(s.loading.as_ref().unwrap().parsing);
    let s = s.reduce(Action::Loaded(sample()));
    assert!(s.loading.is_none() && s.error.is_none());
    assert_eq!(s.data.as_ref().unwrap().bundle.item_count(), 5);
    let s = s
        .reduce(Action::LoadStarted("bundle.json".into()))
        .reduce(Action::LoadIdle);
    assert!(s.loading.is_none());
}

#[test]
fn a_failed_load_keeps_the_previous_bundle() {
    let s = loaded();
    let before = s.data.clone();
    let failure = broken_json();
    let s = s
        .reduce(Action::LoadStarted("broken.json".into()))
        .reduce(Action::LoadFailed(failure.clone()));
    assert_eq!(s.data, before);
    assert_eq!(s.error, Some(failure));
    assert!(s.loading.is_none());
    let s = s.reduce(Action::DismissError);
    assert_eq!(s.error, None);
}

#[test]
fn filters_toggle_and_return_to_the_list_from_the_top() {
    let s = loaded().reduce(Action::Show(View::Item("vpu-2024-04-24-1".into())));
    let s = s.reduce(Action::ToggleCommittee("Voksen- og plejeudvalget".into()));
    assert_eq!(s.route.view, View::List);
    assert!(s.filter().committees.contains("Voksen- og plejeudvalget"));
    let s = s.reduce(Action::ToggleCommittee("Voksen- og plejeudvalget".into()));
    assert!(s.filter().committees.is_empty());

    let s = s
        .reduce(Action::ToggleOutcome(Outcome::Approved))
        .reduce(Action::SetAbsentee(Some("Tom Bytoft".into())))
        .reduce(Action::SetDissent(true))
        .reduce(Action::SetAccess(Some(Access::Open)))
        .reduce(Action::SetFrom(Some("2024-01-01".into())))
        .reduce(Action::SetTo(Some(String::new())));
    let f = s.filter();
    assert_eq!(f.outcomes, [Outcome::Approved].into());
    assert_eq!(f.absentee.as_deref(), Some("Tom Bytoft"));
    assert!(f.dissent_only);
    assert_eq!(f.access, Some(Access::Open));
    assert_eq!(
        (f.from.as_deref(), f.to.as_deref()),
        (Some("2024-01-01"), None)
    );
    assert_eq!(
        s.clone()
            .reduce(Action::SetAbsentee(Some("  ".into())))
            .filter()
            .absentee,
        None
    );
    assert_eq!(*s.reduce(Action::Reset).filter(), Filter::default());
}

#[test]
fn presets_use_today() {
    let s = loaded().reduce(Action::Preset(DatePreset::Last3Months));
    assert_eq!(
        (s.filter().from.as_deref(), s.filter().to.as_deref()),
        (Some("2024-02-10"), Some("2024-05-10"))
    );
    let s = s.reduce(Action::Preset(DatePreset::ElectionPeriod(2026)));
    assert_eq!(
        (s.filter().from.as_deref(), s.filter().to.as_deref()),
        (Some("2026-01-01"), Some("2029-12-31"))
    );
}

#[test]
fn clearing_the_text_drops_relevance_sort() {
    let s = loaded()
        .reduce(Action::SetText("budget".into()))
        .reduce(Action::SetSort(Sort::Relevance));
    assert_eq!(s.filter().sort, Sort::Relevance);
    let s = s.reduce(Action::ClearText);
    assert_eq!(
        (s.filter().text.as_str(), s.filter().sort),
        ("", Sort::Date)
    );
    let s = s
        .reduce(Action::SetSort(Sort::Committee))
        .reduce(Action::SetText(String::new()));
    assert_eq!(s.filter().sort, Sort::Committee);
}

#[test]
fn navigating_to_the_same_route_changes_nothing() {
    let s = loaded();
    let same = s.clone().reduce(Action::Navigate(Route::default()));
    assert!(
        Rc::ptr_eq(&s, &same),
        "no re-render when the hash echoes the state"
    );
    let route = Route::parse("#/punkt/vpu-2024-04-24-1?q=budget");
    let s = s.reduce(Action::Navigate(route.clone()));
    assert_eq!(s.route, route);
}

#[test]
fn language_toggle_is_kept_in_the_url() {
    use referat_app::i18n::Lang;
    let s = loaded().reduce(Action::SetLang(Lang::En));
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.route.to_hash(), "#/?sprog=en");
    // A reload or a bookmark of that URL starts in English.
    let reloaded = State::new(Route::parse(&s.route.to_hash()), "2024-05-10".into());
    assert_eq!(reloaded.lang, Lang::En);
    // Back to a Danish URL: Danish again.
    let back = s.reduce(Action::Navigate(Route::parse("#/")));
    assert_eq!(back.lang, Lang::Da);
}

#[test]
fn the_filter_panel_folds_on_narrow_screens() {
    let s = loaded();
    assert!(!s.filters_open);
    let s = s.reduce(Action::ToggleFilters);
    assert!(s.filters_open);
    assert!(!s.reduce(Action::ToggleFilters).filters_open);
}

fn read(items: usize) -> ImportStatus {
    ImportStatus::Read {
        items,
        notes: vec!["item 1: no case number".into()],
    }
}

#[test]
fn an_import_adds_its_meetings_when_every_file_is_in_and_keeps_old_ids() {
    let s = loaded();
    let old: Vec<String> = s
        .data
        .as_ref()
        .unwrap()
        .bundle
        .meetings
        .iter()
        .map(|m| m.id.clone())
        .collect();
    // The first sample meeting read again: it gets a new id, the old one keeps its own.
    let again = s.data.as_ref().unwrap().bundle.meetings[0].clone();
    let s = s.reduce(Action::ImportStarted(vec![
        "a.txt".into(),
        "scannet.pdf".into(),
    ]));
    let s = s.reduce(Action::ImportRead(0, read(1)));
    let s = s.reduce(Action::ImportRead(
        1,
        ImportStatus::Failed("no text in `scannet.pdf`".into()),
    ));
    // Nothing joins the bundle before the end.
    assert_eq!(s.data.as_ref().unwrap().bundle.item_count(), 5);
    assert!(!s.import.as_ref().unwrap().done);
    let s = s.reduce(Action::ImportFinished {
        now: "2026-12-02T09:00:00Z".into(),
        meetings: vec![again.clone()],
    });
    let import = s.import.as_ref().unwrap();
    assert!(import.done);
    assert_eq!(
        import.files,
        vec![
            ("a.txt".to_string(), read(1)),
            (
                "scannet.pdf".to_string(),
                ImportStatus::Failed("no text in `scannet.pdf`".into())
            ),
        ]
    );
    let bundle = &s.data.as_ref().unwrap().bundle;
    assert_eq!(bundle.item_count(), 6);
    assert_eq!(bundle.generated, "2026-12-02T09:00:00Z");
    let ids: Vec<&str> = bundle.meetings.iter().map(|m| m.id.as_str()).collect();
    for id in &old {
        assert!(ids.contains(&id.as_str()), "{id} kept");
    }
    assert!(ids.contains(&format!("{}-2", again.id).as_str()), "{ids:?}");
    let s = s.reduce(Action::DismissImport);
    assert!(s.import.is_none());
}

#[test]
fn an_import_with_nothing_open_makes_a_new_bundle() {
    let s = Rc::new(State::new(Route::default(), "2024-05-10".into()));
    let meeting = sample_bundle().meetings[1].clone();
    let s = s
        .reduce(Action::ImportStarted(vec!["b.txt".into()]))
        .reduce(Action::ImportRead(0, read(1)))
        .reduce(Action::ImportFinished {
            now: "2026-12-02T09:00:00Z".into(),
            meetings: vec![meeting],
        });
    let bundle = &s.data.as_ref().unwrap().bundle;
    assert_eq!(
        (bundle.title.as_str(), bundle.item_count()),
        ("Importerede referater", 1)
    );
}

#[test]
fn a_second_import_waits_and_meetings_are_kept_when_the_panel_was_closed() {
    let s = loaded();
    let s = s.reduce(Action::ImportStarted(vec!["a.txt".into()]));
    let s = s.reduce(Action::ImportStarted(vec!["b.txt".into(), "c.txt".into()]));
    assert_eq!(
        s.import.as_ref().unwrap().files.len(),
        1,
        "the running import stays"
    );
    let meeting = s.data.as_ref().unwrap().bundle.meetings[2].clone();
    let s = s
        .reduce(Action::DismissImport)
        .reduce(Action::ImportFinished {
            now: "2026-12-02T09:00:00Z".into(),
            meetings: vec![meeting],
        });
    assert!(s.import.is_none());
    assert_eq!(s.data.as_ref().unwrap().bundle.item_count(), 6);
}

#[test]
fn a_packed_file_shows_its_light_bundle_and_then_its_text_unless_another_was_opened() {
    let full = sample_bundle();
    let light = Shared::light(referat_core::packed::light(&full));
    let whole = || {
        Shared::completed(
            &light,
            full.clone(),
            referat_core::query::SearchIndex::new(&full),
            Vec::new(),
        )
    };
    let s = Rc::new(State::new(Route::default(), "2024-05-10".into()))
        .reduce(Action::Loaded(light.clone()));
    let data = s.data.clone().unwrap();
    assert!(!data.text_ready);
    assert_eq!(data.bundle.item_count(), 5);
    assert!(data.bundle.meetings[0].items[0].sections.is_empty());
    assert_eq!(s.text_progress, Some((0, 0)));
    let s = s.reduce(Action::TextProgress(3, 10));
    assert_eq!(s.text_progress, Some((3, 10)));
    // The text of the bundle shown replaces it.
    let done = s.clone().reduce(Action::TextLoaded {
        light: light.clone(),
        full: whole(),
    });
    let data = done.data.clone().unwrap();
    assert!(data.text_ready);
    assert!(!data.bundle.meetings[0].items[0].sections.is_empty());
    assert_eq!(done.text_progress, None);
    // Another bundle opened meanwhile: the late text is dropped.
    let other = s.reduce(Action::Loaded(sample()));
    let after = other.clone().reduce(Action::TextLoaded {
        light: light.clone(),
        full: whole(),
    });
    assert!(Rc::ptr_eq(&other, &after));
}

/// A route read from the URL is not written back (that could undo a newer navigation made
/// while it rendered); one the app makes is.
#[test]
fn only_routes_the_app_makes_are_written_to_the_url() {
    let s = loaded();
    assert!(
        !s.route_from_url,
        "the first route is written once, normalised"
    );
    let s = s.reduce(Action::Navigate(Route::parse("#/personer")));
    assert!(s.route_from_url);
    assert_eq!(s.route.view, View::People);
    let s = s.reduce(Action::Show(View::Meetings));
    assert!(!s.route_from_url);
    let s = s.reduce(Action::ToggleCommittee("Børne- og ungdomsudvalget".into()));
    assert!(!s.route_from_url);
    assert_eq!(
        s.route.view,
        View::Meetings,
        "a filter keeps the meetings page"
    );
    let s = s.reduce(Action::SetText("budget".into()));
    assert_eq!(s.route.view, View::List, "other filters show the list");
}

#[test]
fn notes_are_set_removed_and_joined_with_what_the_import_did() {
    use referat_app::state::NotesMessage;
    use referat_core::notes::{Joined, Notes};
    let s = loaded().reduce(Action::NotesLoaded(Notes::new(
        "Norddjurs Kommune – referater",
    )));
    let s = s.reduce(Action::SetNote {
        item: "vpu-2024-04-24-1".into(),
        text: "Spørg til tallene".into(),
        now: "2026-12-02T10:00:00Z".into(),
    });
    assert_eq!(
        s.notes.get("vpu-2024-04-24-1").map(|n| n.text.as_str()),
        Some("Spørg til tallene")
    );
    let mut file = Notes::new("x");
    file.set("vpu-2024-04-24-1", "ældre", "2026-11-01T00:00:00Z");
    file.set("buu-2024-04-18-1", "ny", "2026-11-01T00:00:00Z");
    let s = s.reduce(Action::NotesImported(Ok(file)));
    assert_eq!(
        s.notes_message,
        Some(NotesMessage::Imported(Joined {
            added: 1,
            replaced: 0,
            kept: 1
        }))
    );
    let s = s.reduce(Action::SetNote {
        item: "buu-2024-04-18-1".into(),
        text: " ".into(),
        now: "2026-12-02T11:00:00Z".into(),
    });
    assert!(s.notes.get("buu-2024-04-18-1").is_none());
    let s = s.reduce(Action::NotesImported(Err((
        "x.json".into(),
        "not JSON".into(),
    ))));
    assert_eq!(
        s.notes_message,
        Some(NotesMessage::Failed("x.json".into(), "not JSON".into()))
    );
    assert!(s
        .reduce(Action::DismissNotesMessage)
        .notes_message
        .is_none());
}
