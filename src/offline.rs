//! Offline on the tablet: when the viewer is served over http(s) with a `bundle.json`,
//! it registers `sw.js` (beside `index.html`), which keeps the app and the last bundle
//! for a visit with no network, and links the web app manifest. The one-file version
//! (`file://`, or a bundle packed into the page) registers nothing and requests nothing.

use wasm_bindgen::{JsCast, JsValue};

/// Registers the service worker and links the manifest; quietly does nothing where the
/// browser has no service workers (or refuses them: a private window, an http page
/// that is not localhost).
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let Ok(container) = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
    else {
        return;
    };
    if container.is_undefined() || container.is_null() {
        return;
    }
    let Ok(register) = js_sys::Reflect::get(&container, &JsValue::from_str("register")) else {
        return;
    };
    let Ok(register) = register.dyn_into::<js_sys::Function>() else {
        return;
    };
    if let Ok(promise) = register.call1(&container, &JsValue::from_str("sw.js")) {
        let promise = js_sys::Promise::from(promise);
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
                // Served without sw.js beside it: the viewer works as before, online only.
                gloo::console::warn!("referat: no offline copy (sw.js):", e);
            }
        });
    }
    if let Some(document) = window.document() {
        let has = document
            .query_selector("link[rel=manifest]")
            .ok()
            .flatten()
            .is_some();
        if let (false, Some(head), Ok(link)) =
            (has, document.head(), document.create_element("link"))
        {
            let _ = link.set_attribute("rel", "manifest");
            let _ = link.set_attribute("href", "manifest.webmanifest");
            let _ = head.append_child(&link);
        }
    }
}
