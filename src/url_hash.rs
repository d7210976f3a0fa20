//! The route in the URL hash, so a reload, a bookmark or a shared link shows the same view.
//!
//! Typing in the search box replaces the history entry instead of adding one per key, and
//! it does so once the typing pauses: `history.replaceState` cost about 3 ms a keystroke at
//! 40,000 items (a sixth of a frame, measured with tests/bench/profile.mjs), and Chromium
//! refuses more than a few hundred history calls in ten seconds.

use gloo::timers::callback::Timeout;
use referat_core::query::Route;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;

/// How long typing must pause before the URL follows it, ms.
const TYPING_PAUSE_MS: u32 = 300;

thread_local! {
    /// A typed route's hash not in the URL yet.
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The timer that writes it. Kept apart, so the timer's own call never drops it: it is
    /// replaced (and so cleared) by the next keystroke's.
    static TIMER: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    /// Hash changes made here whose `hashchange` has not come yet: the state already
    /// holds them, and reading them back could undo a key typed since.
    static OWN: Cell<u32> = const { Cell::new(0) };
}

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Puts `route` in the URL. A new view or filter is a history entry (so Back works);
/// typing is written once it pauses, replacing the entry.
pub fn write_hash(route: &Route, previous: Option<&Route>) {
    let hash = route.to_hash();
    if previous.is_some_and(|p| route.is_typed_from(p)) {
        PENDING.with(|p| *p.borrow_mut() = Some(hash));
        let timer = Timeout::new(TYPING_PAUSE_MS, flush);
        TIMER.with(|t| *t.borrow_mut() = Some(timer));
        return;
    }
    // The entry being left gets its last text first, so Back returns to it as it was.
    flush();
    if is_current(&hash) {
        return;
    }
    if previous.is_none() && replace(&hash) {
        return;
    }
    if let Some(window) = web_sys::window() {
        // Counted only if the URL moved: a change the browser refused (Chromium throttles
        // bursts) sends no `hashchange`, and counting it would swallow the next real one.
        if window.location().set_hash(&hash).is_ok() && is_current(&hash) {
            OWN.with(|n| n.set(n.get() + 1));
        }
    }
}

/// Called on `hashchange`: true if it is the echo of a change made here. Otherwise the
/// user went elsewhere (Back, an edited URL): the URL says where, and a typed route
/// waiting to be written is forgotten.
pub fn is_echo() -> bool {
    let own = OWN.with(|n| n.replace(n.get().saturating_sub(1)));
    if own > 0 {
        return true;
    }
    PENDING.with(|p| p.borrow_mut().take());
    false
}

/// Writes the typed route now, if one is waiting.
pub fn flush() {
    if let Some(hash) = PENDING.with(|p| p.borrow_mut().take()) {
        if !is_current(&hash) {
            replace(&hash);
        }
    }
}

fn is_current(hash: &str) -> bool {
    let now = current_hash();
    now == hash || (now.is_empty() && hash == "#/")
}

fn replace(hash: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .is_some_and(|h| {
            h.replace_state_with_url(&JsValue::NULL, "", Some(hash))
                .is_ok()
        })
}
