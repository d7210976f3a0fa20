//! The worker that inflates a packed file's parts off the page's thread.

use crate::unpack::js_message;
use js_sys::{Function, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// A worker that inflates parts (`public/inflate-worker.js`), so this thread only parses
/// and indexes them; with the importer's module, it also folds each part's items and
/// finds their short strings ([`referat_core::query::FoldedPart`]). Without one (a browser
/// that refuses it), parts are inflated here.
pub(crate) struct Inflater {
    worker: web_sys::Worker,
    waiting: Rc<RefCell<HashMap<usize, Function>>>,
    /// The worker failed: nothing more is sent to it.
    failed: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

const WORKER_JS: &str = include_str!("../public/inflate-worker.js");
pub(crate) const WORKER_FAILED: &str = "the inflating worker failed";

impl Inflater {
    /// A worker, with the importer's module when the page carries one: the page is read
    /// up to its importer first (it follows the viewer's script, before any part).
    pub(crate) async fn start(document: &web_sys::Document) -> Option<Inflater> {
        let importer = match crate::unpack::wait_for(document, crate::importer::WASM_BLOCK).await {
            Some(_) => crate::importer::blocks(),
            None => None,
        };
        let worker = match &importer {
            Some((glue, _)) => crate::importer::worker_of(&[glue, WORKER_JS]),
            None => crate::importer::worker_of(&[WORKER_JS]),
        }
        .ok()?;
        let waiting: Rc<RefCell<HashMap<usize, Function>>> = Rc::default();
        let on_message = {
            let waiting = waiting.clone();
            Closure::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                let k = Reflect::get(&data, &JsValue::from_str("k"))
                    .ok()
                    .and_then(|k| k.as_f64())
                    .map(|k| k as usize);
                if let Some(resolve) = k.and_then(|k| waiting.borrow_mut().remove(&k)) {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            })
        };
        // A worker that fails (it cannot start, say) answers every part it holds with
        // WORKER_FAILED, and gets no more: the page's thread inflates them instead.
        let failed = Rc::new(Cell::new(false));
        let on_error = {
            let (waiting, failed) = (waiting.clone(), failed.clone());
            Closure::new(move |_: JsValue| {
                failed.set(true);
                let answer = js_sys::Object::new();
                let _ = Reflect::set(
                    &answer,
                    &JsValue::from_str("error"),
                    &JsValue::from_str(WORKER_FAILED),
                );
                for (_, resolve) in waiting.borrow_mut().drain() {
                    let _ = resolve.call1(&JsValue::NULL, &answer);
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        if let Some((_, wasm)) = importer {
            let start = js_sys::Object::new();
            let _ = Reflect::set(
                &start,
                &JsValue::from_str("wasm"),
                &JsValue::from_str(&wasm),
            );
            let _ = worker.post_message(&start);
        }
        Some(Inflater {
            worker,
            waiting,
            failed,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends part `k` (its element's base64 text) to the worker; the promise resolves to its answer.
    pub(crate) fn ask(&self, k: usize, el: &Element, size: usize) -> Option<js_sys::Promise> {
        let text = Reflect::get(el, &JsValue::from_str("textContent")).ok()?;
        self.send(k, "b64", &text, size, true)
    }

    /// Asks the worker to fetch piece `k` from `url` and inflate it; `part`: it is a part
    /// (a list of meetings), which the worker folds too.
    pub(crate) fn ask_fetch(
        &self,
        k: usize,
        url: &str,
        size: usize,
        part: bool,
    ) -> Option<js_sys::Promise> {
        self.send(k, "url", &JsValue::from_str(url), size, part)
    }

    /// `{ k, <key>: value, size, part }` to the worker.
    fn send(
        &self,
        k: usize,
        key: &str,
        value: &JsValue,
        size: usize,
        part: bool,
    ) -> Option<js_sys::Promise> {
        if self.failed.get() {
            return None;
        }
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &JsValue::from_str("k"), &JsValue::from(k as f64));
        let _ = Reflect::set(&message, &JsValue::from_str(key), value);
        let _ = Reflect::set(&message, &JsValue::from_str("part"), &JsValue::from(part));
        let size = size.min(referat_core::MAX_BUNDLE_BYTES);
        let _ = Reflect::set(
            &message,
            &JsValue::from_str("size"),
            &JsValue::from(size as f64),
        );
        self.post(k, &message)
    }

    fn post(&self, k: usize, message: &js_sys::Object) -> Option<js_sys::Promise> {
        let waiting = self.waiting.clone();
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            waiting.borrow_mut().insert(k, resolve);
        });
        self.worker.post_message(message).ok()?;
        Some(promise)
    }

    /// The bytes the worker sent back, with the part folded when it could,
    /// or what it said was wrong.
    pub(crate) async fn answer(
        promise: js_sys::Promise,
    ) -> Result<(Vec<u8>, Option<Vec<u8>>), String> {
        let data = JsFuture::from(promise).await.map_err(js_message)?;
        if let Some(error) = Reflect::get(&data, &JsValue::from_str("error"))
            .ok()
            .and_then(|e| e.as_string())
        {
            return Err(error);
        }
        let bytes = Reflect::get(&data, &JsValue::from_str("bytes")).map_err(js_message)?;
        let folded = Reflect::get(&data, &JsValue::from_str("folded"))
            .ok()
            .filter(|k| k.is_object())
            .map(|k| Uint8Array::new(&k).to_vec());
        Ok((Uint8Array::new(&bytes).to_vec(), folded))
    }
}

impl Drop for Inflater {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
