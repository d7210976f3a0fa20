//! The root: owns the state, does all I/O (loading, URL hash, keyboard, drag and drop).

use crate::dropped;
use crate::importer;
use crate::loader;
use crate::notes_store;
use crate::state::{Action, State};
use crate::url_hash;
use crate::viewer::Viewer;
use gloo::events::{EventListener, EventListenerOptions};
use referat_core::query::Route;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state =
        use_reducer(|| State::new(Route::parse(&url_hash::current_hash()), loader::today()));
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| loader::load_initial(dispatch));
    }

    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let document = window.document().expect("a document");
            let on_hash = {
                let dispatch = dispatch.clone();
                EventListener::new(&window, "hashchange", move |_| {
                    if !url_hash::is_echo() {
                        dispatch.emit(Action::Navigate(Route::parse(&url_hash::current_hash())))
                    }
                })
            };
            // A link (a result, a chip) navigates by itself: the entry it leaves gets the
            // typed text first, so Back returns to it as it was.
            let on_click = EventListener::new_with_options(
                &window,
                "click",
                EventListenerOptions::run_in_capture_phase(),
                |_| url_hash::flush(),
            );
            let options = EventListenerOptions::enable_prevent_default();
            let on_key = EventListener::new_with_options(&document, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let doc = web_sys::window().and_then(|w| w.document());
                let typing = doc
                    .as_ref()
                    .and_then(|d| d.active_element())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                match e.key().as_str() {
                    "/" if !typing && !e.ctrl_key() && !e.meta_key() && !e.alt_key() => {
                        e.prevent_default();
                        if let Some(q) = doc.and_then(|d| d.get_element_by_id("q")) {
                            if let Ok(q) = q.dyn_into::<HtmlElement>() {
                                let _ = q.focus();
                            }
                        }
                    }
                    "Escape" => dispatch.emit(Action::ClearText),
                    _ => {}
                }
            });
            move || drop((on_hash, on_key, on_click))
        });
    }

    {
        let previous = use_mut_ref(|| None::<Route>);
        let from_url = state.route_from_url;
        use_effect_with(state.route.clone(), move |route| {
            let prev = previous.borrow().clone();
            // A route read from the URL is already there; writing it back could undo a
            // newer navigation made while this one rendered (a quick second click).
            if !from_url {
                url_hash::write_hash(route, prev.as_ref());
            }
            if prev.as_ref().is_some_and(|p| p.view != route.view) {
                loader::scroll_to_top();
            }
            *previous.borrow_mut() = Some(route.clone());
        });
    }

    // The pages' numbers are counted once the text is in and the page is idle, so the
    // first visit to a person or committee page does not wait for them (77 ms at 40,000
    // items) and the first results never do.
    {
        let data = state.data.clone().filter(|d| d.text_ready);
        use_effect_with(data, |data| {
            let data = data.clone();
            let warm = gloo::timers::callback::Timeout::new(300, move || {
                if let Some(data) = data {
                    data.aggregates();
                }
            });
            move || drop(warm)
        });
    }

    // "Mine noter": read from this device's storage when a bundle opens, written back on
    // every change. The reducer only holds them.
    {
        let dispatch = dispatch.clone();
        let title = state.data.as_ref().map(|d| d.bundle.title.clone());
        use_effect_with(title, move |title| {
            if let Some(title) = title {
                dispatch.emit(Action::NotesLoaded(notes_store::load(title)));
            }
        });
    }
    use_effect_with(state.notes.clone(), |notes| notes_store::save(notes));

    {
        let title = state.data.as_ref().map(|d| d.bundle.title.clone());
        use_effect_with(title, |title| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(title.as_deref().unwrap_or("referat"));
            }
        });
    }

    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |file: web_sys::File| loader::open_file(file, dispatch.clone()))
    };
    // One import at a time (the buttons are disabled meanwhile; this also holds a drop),
    // and none while a packed file's text is still coming (it would join the light bundle).
    let busy = state.import.as_ref().is_some_and(|i| !i.done)
        || state
            .data
            .as_ref()
            .is_some_and(|d| !d.text_ready || d.texts.is_some());
    let on_import = {
        let dispatch = dispatch.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            if !busy {
                importer::start(files, dispatch.clone())
            }
        })
    };
    let on_save_file = {
        let state = state.clone();
        Callback::from(move |()| {
            if let Some(data) = state
                .data
                .as_ref()
                .filter(|d| d.text_ready && d.texts.is_none())
            {
                if let Err(e) = importer::save_file(&data.bundle) {
                    gloo::console::error!(format!("Gem som fil: {e}"));
                }
            }
        })
    };
    let on_save_bundle = {
        let state = state.clone();
        Callback::from(move |()| {
            if let Some(data) = state
                .data
                .as_ref()
                .filter(|d| d.text_ready && d.texts.is_none())
            {
                if let Err(e) = importer::save_bundle(&data.bundle) {
                    gloo::console::error!(format!("Hent bundle.json: {e}"));
                }
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    // A dropped bundle (`.json`) opens; dropped minutes (PDF, text, HTML) are imported,
    // and so are the minutes in a dropped folder.
    let ondrop = {
        let (on_file, on_import) = (on_file.clone(), on_import.clone());
        let (state, dispatch) = (state.clone(), dispatch.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(transfer) = e.data_transfer() else {
                return;
            };
            if let Some(entries) = dropped::entries(&transfer).filter(|e| dropped::has_folder(e)) {
                let (on_import, dispatch) = (on_import.clone(), dispatch.clone());
                let refused = state.lang.texts().folder_refused;
                wasm_bindgen_futures::spawn_local(async move {
                    match dropped::files(entries).await {
                        Some(files) => on_import.emit(files),
                        None => {
                            dispatch.emit(Action::ImportStarted(Vec::new()));
                            dispatch.emit(Action::ImportFatal(refused.into()));
                        }
                    }
                });
                return;
            }
            let Some(list) = transfer.files() else {
                return;
            };
            let files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            let is_bundle = |f: &web_sys::File| f.name().to_lowercase().ends_with(".json");
            match files.as_slice() {
                [one] if is_bundle(one) => on_file.emit(one.clone()),
                // A bundle among minutes is no minutes: only the minutes are imported.
                _ => on_import.emit(files.into_iter().filter(|f| !is_bundle(f)).collect()),
            }
        })
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |()| {
            if let Some(data) = &state.data {
                let noted = state.notes.items(&data.index);
                let mut terms = data.terms.borrow_mut();
                let (hits, _) = referat_core::query::query_noted(
                    &data.bundle,
                    &data.index,
                    state.filter(),
                    &mut terms,
                    &noted,
                );
                let csv = referat_core::export::csv(
                    &data.bundle,
                    hits.iter().map(|h| h.at),
                    state.lang == crate::i18n::Lang::En,
                );
                if let Err(e) = importer::save_csv(&csv, &data.bundle.title) {
                    gloo::console::error!(format!("Eksportér CSV: {e}"));
                }
            }
        })
    };
    let on_note = dispatch.reform(|(item, text): (String, String)| Action::SetNote {
        item,
        text,
        now: notes_store::now(),
    });
    let on_export_notes = {
        let state = state.clone();
        Callback::from(move |()| {
            if let Err(e) = notes_store::export(&state.notes) {
                gloo::console::error!(format!("Eksportér noter: {e}"));
            }
        })
    };
    let on_import_notes = {
        let dispatch = dispatch.clone();
        Callback::from(move |file: web_sys::File| notes_store::import(file, dispatch.clone()))
    };
    html! {
        <div class="drop-zone" {ondragover} {ondrop}>
            <Viewer state={Rc::new((*state).clone())} {dispatch} {on_file} {on_import} {on_save_file} {on_save_bundle} {on_export}
                {on_note} {on_export_notes} {on_import_notes} />
        </div>
    }
}
