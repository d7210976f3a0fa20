//! The import (minutes files read in the browser) and the two downloads ("Gem som fil",
//! "Hent bundle.json"). Called only from [`crate::app::App`]: this is I/O.
//!
//! The importer is a wasm module of its own, embedded in the page as two inert blocks
//! (`cargo xtask dist`): its glue, and its wasm gzipped in base64. For an import, a Web
//! Worker is made from a blob: URL (which works from file://), inflates the wasm with the
//! browser's own `DecompressionStream`, and reads the files one by one while the page
//! stays responsive. The inflating worker of a packed bundle (`crate::inflater`) runs
//! the same module for the short strings of each part.

use crate::state::{Action, ImportStatus};
use js_sys::{Array, Object, Reflect};
use referat_core::ingest::FileReport;
use referat_core::{Bundle, Meeting};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, File, MessageEvent, Url, Worker};
use yew::Callback;

/// Why the import could not start.
fn fatal(dispatch: &Callback<Action>, why: impl Into<String>) {
    dispatch.emit(Action::ImportFatal(why.into()));
}

/// Reads `files` in a worker; each file's report, then the end, arrive as actions.
/// No files (a folder with no minutes in it) shows an import of nothing.
pub fn start(files: Vec<File>, dispatch: Callback<Action>) {
    dispatch.emit(Action::ImportStarted(
        files.iter().map(File::name).collect(),
    ));
    spawn(files, 0, Rc::default(), dispatch);
}

/// What came of one file, for the panel; its meeting goes to `read`.
fn status(report: FileReport, read: &RefCell<Vec<Meeting>>) -> ImportStatus {
    match report.error {
        Some(e) => ImportStatus::Failed(e),
        None => {
            let items = report.meeting.as_ref().map_or(0, |m| m.items.len());
            read.borrow_mut().extend(report.meeting);
            ImportStatus::Read {
                items,
                notes: report.notes,
            }
        }
    }
}

/// The id of the block with the importer's wasm, the last of its two.
pub(crate) const WASM_BLOCK: &str = "referat-importer-wasm";
const WASM_MODULE_JS: &str = include_str!("../public/wasm-module.js");
const IMPORTER_WORKER_JS: &str = include_str!("../public/importer-worker.js");

/// The importer's glue and its gzipped wasm in base64, when this copy of the viewer
/// carries them, with what a worker needs to compile it (`public/wasm-module.js`).
pub(crate) fn blocks() -> Option<(String, String)> {
    Some((
        format!("{}\n{WASM_MODULE_JS}", block("referat-importer-js")?),
        block(WASM_BLOCK)?,
    ))
}

/// A worker running `scripts` in order, made from a blob: URL (which works from file://).
pub(crate) fn worker_of(scripts: &[&str]) -> Result<Worker, JsValue> {
    let parts = Array::new();
    for s in scripts {
        parts.push(&JsValue::from_str(s));
    }
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let worker = Worker::new(&url);
    let _ = Url::revoke_object_url(&url);
    worker
}

/// The text of an inert block of the page.
fn block(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .text_content()
        .filter(|t| !t.trim().is_empty())
}

/// Starts a worker on `files`, the import's files from `offset` on; the meetings read
/// gather in `read` until the end.
fn spawn(
    files: Vec<File>,
    offset: usize,
    read: Rc<RefCell<Vec<Meeting>>>,
    dispatch: Callback<Action>,
) {
    let finish = |read: &RefCell<Vec<Meeting>>, dispatch: &Callback<Action>| {
        dispatch.emit(Action::ImportFinished {
            now: now(),
            meetings: std::mem::take(&mut *read.borrow_mut()),
        })
    };
    if files.is_empty() {
        return finish(&read, &dispatch);
    }
    let Some((glue, wasm)) = blocks() else {
        return fatal(&dispatch, "this copy of the viewer carries no importer");
    };
    let worker = match worker_of(&[&glue, IMPORTER_WORKER_JS]) {
        Ok(w) => w,
        Err(e) => return fatal(&dispatch, format!("{e:?}")),
    };

    let on_message = {
        let (worker, files, dispatch) = (worker.clone(), files.clone(), dispatch.clone());
        let read = read.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let get = |key: &str| Reflect::get(&data, &JsValue::from_str(key)).ok();
            if let Some(why) = get("fatal").and_then(|v| v.as_string()) {
                worker.terminate();
                return fatal(&dispatch, why);
            }
            if get("done").is_some_and(|v| v.is_truthy()) {
                worker.terminate();
                return finish(&read, &dispatch);
            }
            let Some(i) = get("file").and_then(|v| v.as_f64()).map(|i| i as usize) else {
                return;
            };
            let report = get("report")
                .and_then(|v| v.as_string())
                .and_then(|json| serde_json::from_str::<FileReport>(&json).ok());
            let report = report.unwrap_or_else(|| FileReport {
                name: files.get(i).map(File::name).unwrap_or_default(),
                meeting: None,
                notes: Vec::new(),
                error: Some("the importer gave no readable answer".into()),
            });
            dispatch.emit(Action::ImportRead(offset + i, status(report, &read)));
            if get("trapped").is_some_and(|v| v.is_truthy()) {
                // The module is broken after a panic: a fresh worker reads the rest.
                worker.terminate();
                spawn(
                    files[i + 1..].to_vec(),
                    offset + i + 1,
                    read.clone(),
                    dispatch.clone(),
                );
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = {
        let (worker, read, dispatch) = (worker.clone(), read.clone(), dispatch.clone());
        Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
            worker.terminate();
            fatal(&dispatch, e.message());
            // What was read before still joins the bundle.
            finish(&read, &dispatch);
        })
    };
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();

    let message = Object::new();
    let list = Array::new();
    for f in &files {
        list.push(f);
    }
    let _ = Reflect::set(&message, &"wasm".into(), &JsValue::from_str(&wasm));
    let _ = Reflect::set(&message, &"files".into(), &list);
    if let Err(e) = worker.post_message(&message) {
        fatal(&dispatch, format!("{e:?}"));
    }
}

/// Now, as `2026-12-02T09:10:11Z` (the bundle's `generated`).
fn now() -> String {
    let iso = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    match iso.get(..19) {
        Some(s) => format!("{s}Z"),
        None => iso,
    }
}

/// "Gem som fil": this page, with the whole bundle inside, as one HTML file: what
/// `referat pack` makes. The page's own markup is taken as it was served (the app's
/// rendering and the old bundle emptied), so the viewer, its importer and its CSP are
/// the same; the bundle is escaped as `pack` escapes it.
pub fn save_file(bundle: &Bundle) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let root = document.document_element().ok_or("no document element")?;
    let copy: web_sys::Element = root
        .clone_node_with_deep(true)
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    if let Ok(Some(app)) = copy.query_selector("#app") {
        app.set_inner_html("");
        let _ = app.remove_attribute("class");
    }
    if let Ok(Some(island)) = copy.query_selector("#referat-bundle") {
        island.set_text_content(Some(""));
    }
    // A page made by `referat pack` holds the bundle in the packed layout: this file
    // holds it as plain JSON instead, so those pieces go.
    if let Ok(pieces) =
        copy.query_selector_all("#referat-pack, #referat-light, [id^=\"referat-part-\"]")
    {
        for k in 0..pieces.length() {
            if let Some(p) = pieces
                .item(k)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                p.remove();
            }
        }
    }
    let shell = format!("<!doctype html>\n{}", copy.outer_html());
    let html =
        referat_core::pack::embed_bundle(&shell, &bundle.to_json()).map_err(|e| e.to_string())?;
    download(
        &html,
        &file_name(&bundle.title, "html"),
        "text/html;charset=utf-8",
    )
}

/// "Eksportér CSV": the filtered items (`referat_core::export::csv`) as a file.
pub fn save_csv(csv: &str, title: &str) -> Result<(), String> {
    download(csv, &file_name(title, "csv"), "text/csv;charset=utf-8")
}

/// "Hent bundle.json": the open bundle as a file.
pub fn save_bundle(bundle: &Bundle) -> Result<(), String> {
    download(&bundle.to_json(), "bundle.json", "application/json")
}

/// `Norddjurs Kommune – referater` as `norddjurs-kommune-referater.html`.
pub(crate) fn file_name(title: &str, extension: &str) -> String {
    let stem = referat_core::bundle::slug(title);
    let stem = if stem.is_empty() { "referat" } else { &stem };
    format!("{stem}.{extension}")
}

pub(crate) fn download(text: &str, name: &str, mime: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(text));
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The browser has the blob once the download starts; free it a little later.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn a_title_becomes_a_file_name() {
        assert_eq!(
            file_name("Norddjurs Kommune – referater", "html"),
            "norddjurs-kommune-referater.html"
        );
        assert_eq!(file_name("Børn & Unge", "html"), "boern-unge.html");
        assert_eq!(file_name("", "html"), "referat.html");
    }
}
