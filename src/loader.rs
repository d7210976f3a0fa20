//! The app's I/O: finding and reading a bundle. Used only by [`crate::App`].

use crate::state::{Action, LoadFailure, LoadProblem, Shared};
use gloo::timers::callback::Timeout;
use js_sys::Uint8Array;
use referat_core::bundle::check_size;
use referat_core::Bundle;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{FileReader, ProgressEvent, XmlHttpRequest, XmlHttpRequestResponseType};
use yew::Callback;

/// The file fetched beside the page when it is served over http(s).
pub const BUNDLE_URL: &str = "bundle.json";

pub fn today() -> String {
    let iso = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    iso.get(..10).unwrap_or_default().to_string()
}

/// Starts the first load: the embedded bundle if there is one, else `bundle.json` over http(s).
pub fn load_initial(dispatch: Callback<Action>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(document) = window.document().filter(crate::unpack::is_packed) {
        return crate::unpack::open(document, dispatch);
    }
    let embedded = window
        .document()
        .and_then(|d| d.get_element_by_id("referat-bundle"))
        .and_then(|e| embedded_bytes(&e))
        .filter(|b| !b.trim_ascii().is_empty());
    if let Some(bytes) = embedded {
        dispatch.emit(Action::LoadStarted("referat-bundle".into()));
        parse_later("referat-bundle".into(), bytes, dispatch);
        return;
    }
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol == "http:" || protocol == "https:" {
        fetch(dispatch);
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `TextEncoder`, taking the JS string as it is (web-sys's binding takes `&str`).
    #[wasm_bindgen(js_name = TextEncoder)]
    type Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Encoder;
    #[wasm_bindgen(method)]
    fn encode(this: &Encoder, text: &JsValue) -> Uint8Array;
}

/// The data island's text as UTF-8 bytes. Encoded on the JS side and copied into wasm
/// once at its exact size: `text_content()` into a `String` would reserve three bytes per
/// UTF-16 unit in wasm memory first, and wasm memory never shrinks (360 MB for a 120 MB bundle).
fn embedded_bytes(element: &web_sys::Element) -> Option<Vec<u8>> {
    let text = js_sys::Reflect::get(element, &JsValue::from_str("textContent")).ok()?;
    if !text.is_string() {
        return None;
    }
    Some(Encoder::new().encode(&text).to_vec())
}

type Done = Rc<RefCell<Option<Box<dyn FnOnce(Result<Vec<u8>, LoadProblem>)>>>>;

fn finish(done: &Done, result: Result<Vec<u8>, LoadProblem>) {
    if let Some(f) = done.borrow_mut().take() {
        f(result);
    }
}

fn progress_handler(dispatch: Callback<Action>) -> Closure<dyn FnMut(ProgressEvent)> {
    Closure::wrap(Box::new(move |e: ProgressEvent| {
        let total = if e.length_computable() {
            Some(e.total())
        } else {
            None
        };
        dispatch.emit(Action::LoadProgress {
            loaded: e.loaded(),
            total,
        });
    }) as Box<dyn FnMut(ProgressEvent)>)
}

fn fetch(dispatch: Callback<Action>) {
    let Ok(xhr) = XmlHttpRequest::new() else {
        return;
    };
    if xhr.open_with_async("GET", BUNDLE_URL, true).is_err() {
        return;
    }
    xhr.set_response_type(XmlHttpRequestResponseType::Arraybuffer);
    dispatch.emit(Action::LoadStarted(BUNDLE_URL.into()));
    let done: Done = {
        let dispatch = dispatch.clone();
        Rc::new(RefCell::new(Some(Box::new(
            move |result: Result<Vec<u8>, LoadProblem>| match result {
                Ok(bytes) => {
                    // After the download, so the offline copy never competes with it.
                    crate::offline::register();
                    parse_later(BUNDLE_URL.into(), bytes, dispatch)
                }
                // No bundle beside the page: show the welcome screen, not an error.
                Err(LoadProblem::Http(404)) => dispatch.emit(Action::LoadIdle),
                Err(problem) => dispatch.emit(Action::LoadFailed(LoadFailure {
                    source: BUNDLE_URL.into(),
                    problem,
                })),
            },
        ))))
    };
    // Stop a download that announces more than the viewer can open, before it is read.
    let onprogress = {
        let (xhr2, done) = (xhr.clone(), done.clone());
        Closure::wrap(Box::new(move |e: ProgressEvent| {
            let total = e.length_computable().then(|| e.total());
            match total.and_then(|t| check_size(t as usize).err()) {
                Some(too_large) => {
                    let _ = xhr2.abort();
                    finish(&done, Err(LoadProblem::Bundle(too_large)));
                }
                None => dispatch.emit(Action::LoadProgress {
                    loaded: e.loaded(),
                    total,
                }),
            }
        }) as Box<dyn FnMut(ProgressEvent)>)
    };
    let onload = {
        let (xhr2, done) = (xhr.clone(), done.clone());
        Closure::wrap(Box::new(move |_: ProgressEvent| {
            let status = xhr2.status().unwrap_or(0);
            let result = if (200..300).contains(&status) || status == 0 {
                xhr2.response()
                    .map(|r| Uint8Array::new(&r).to_vec())
                    .map_err(|_| LoadProblem::Network)
            } else {
                Err(LoadProblem::Http(status))
            };
            finish(&done, result);
        }) as Box<dyn FnMut(ProgressEvent)>)
    };
    let onerror =
        Closure::wrap(
            Box::new(move |_: ProgressEvent| finish(&done, Err(LoadProblem::Network)))
                as Box<dyn FnMut(ProgressEvent)>,
        );
    xhr.set_onprogress(Some(onprogress.as_ref().unchecked_ref()));
    xhr.set_onload(Some(onload.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    // One request per page load; the handlers live as long as the page.
    onprogress.forget();
    onload.forget();
    onerror.forget();
    let _ = xhr.send();
}

/// Reads a file the user chose or dropped.
pub fn open_file(file: web_sys::File, dispatch: Callback<Action>) {
    let name = file.name();
    // Refuse an oversized file at once, without reading it into memory.
    if let Err(too_large) = check_size(file.size() as usize) {
        dispatch.emit(Action::LoadFailed(LoadFailure {
            source: name,
            problem: LoadProblem::Bundle(too_large),
        }));
        return;
    }
    let Ok(reader) = FileReader::new() else {
        return;
    };
    dispatch.emit(Action::LoadStarted(name.clone()));
    let onprogress = progress_handler(dispatch.clone());
    let onload = {
        let (reader2, name, dispatch) = (reader.clone(), name.clone(), dispatch.clone());
        Closure::once(Box::new(move |_: ProgressEvent| match reader2.result() {
            Ok(buffer) => parse_later(name, Uint8Array::new(&buffer).to_vec(), dispatch),
            Err(_) => dispatch.emit(Action::LoadFailed(LoadFailure {
                source: name,
                problem: LoadProblem::Read,
            })),
        }) as Box<dyn FnOnce(ProgressEvent)>)
    };
    let onerror = Closure::once(Box::new(move |_: ProgressEvent| {
        dispatch.emit(Action::LoadFailed(LoadFailure {
            source: name,
            problem: LoadProblem::Read,
        }))
    }) as Box<dyn FnOnce(ProgressEvent)>);
    reader.set_onprogress(Some(onprogress.as_ref().unchecked_ref()));
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    reader.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onprogress.forget();
    onload.forget();
    onerror.forget();
    let _ = reader.read_as_array_buffer(&file);
}

/// Shows "reading…" first, then parses on a later tick so the message paints before a long parse.
fn parse_later(source: String, bytes: Vec<u8>, dispatch: Callback<Action>) {
    // A small bundle is read at once: the first results then come before the browser has
    // read the rest of the page (the importer's inert blocks). A large one waits a frame,
    // so "Læser…" shows first.
    if bytes.len() <= PARSE_AT_ONCE {
        return parse_now(source, bytes, dispatch);
    }
    dispatch.emit(Action::Parsing);
    Timeout::new(16, move || parse_now(source, bytes, dispatch)).forget();
}

/// The largest bundle read without first showing "Læser…" (about 300 items; milliseconds).
const PARSE_AT_ONCE: usize = 1 << 20;

fn parse_now(source: String, bytes: Vec<u8>, dispatch: Callback<Action>) {
    {
        let parsed = Bundle::from_slice(&bytes);
        // Free the JSON before the index is built, so both fit in the memory the parse took.
        drop(bytes);
        match parsed {
            Ok(bundle) => {
                // A packed file still reading its parts stops: this bundle replaces it.
                crate::unpack::supersede();
                dispatch.emit(Action::Loaded(Shared::new(bundle)))
            }
            Err(e) => dispatch.emit(Action::LoadFailed(LoadFailure {
                source,
                problem: LoadProblem::Bundle(e),
            })),
        }
    }
}

pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
