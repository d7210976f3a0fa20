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
/// and indexes them. Without one (a browser that refuses it), parts are inflated here.
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
    pub(crate) fn start() -> Option<Inflater> {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/javascript");
        let source = js_sys::Array::of1(&JsValue::from_str(WORKER_JS));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&source, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let worker = web_sys::Worker::new(&url).ok();
        let _ = web_sys::Url::revoke_object_url(&url);
        let worker = worker?;
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
        self.send(k, "b64", &text, size)
    }

    /// Asks the worker to fetch part `k` from `url` and inflate it.
    pub(crate) fn ask_fetch(&self, k: usize, url: &str, size: usize) -> Option<js_sys::Promise> {
        self.send(k, "url", &JsValue::from_str(url), size)
    }

    /// `{ k, <key>: value, size }` to the worker.
    fn send(&self, k: usize, key: &str, value: &JsValue, size: usize) -> Option<js_sys::Promise> {
        if self.failed.get() {
            return None;
        }
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &JsValue::from_str("k"), &JsValue::from(k as f64));
        let _ = Reflect::set(&message, &JsValue::from_str(key), value);
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

    /// The bytes the worker sent back, or what it said was wrong.
    pub(crate) async fn answer(promise: js_sys::Promise) -> Result<Vec<u8>, String> {
        let data = JsFuture::from(promise).await.map_err(js_message)?;
        if let Some(error) = Reflect::get(&data, &JsValue::from_str("error"))
            .ok()
            .and_then(|e| e.as_string())
        {
            return Err(error);
        }
        let bytes = Reflect::get(&data, &JsValue::from_str("bytes")).map_err(js_message)?;
        Ok(Uint8Array::new(&bytes).to_vec())
    }
}

impl Drop for Inflater {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
