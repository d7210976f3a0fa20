//! Reading the search term ahead while the user pauses (`referat_core::query::read_ahead`):
//! in slices of a few milliseconds between turns of the page, stopped when the text changes.

use crate::state::Shared;
use std::cell::Cell;
use std::rc::Rc;

/// Entries read between two looks at the clock (about a millisecond at 400,000 items).
const CHUNK: usize = 2048;
/// A slice's length: a key pressed meanwhile waits no longer than this, and the browser
/// holds back a chain of zero-delay timers by 4 ms each, so shorter slices would read
/// for only half of the pause.
const SLICE_MS: f64 = 8.0;

/// Reads `text`'s last term ahead, a slice at a time, while `alive` holds.
pub fn start(data: Shared, text: String, alive: Rc<Cell<bool>>) {
    gloo::timers::callback::Timeout::new(0, move || {
        if !alive.get() {
            return;
        }
        let started = js_sys::Date::now();
        let done = loop {
            // A query renders between slices, never during one; if the cache is in use,
            // try again on the next turn.
            let Ok(mut terms) = data.terms.try_borrow_mut() else {
                break false;
            };
            let done = referat_core::query::read_ahead(&data.index, &text, &mut terms, CHUNK);
            if done || js_sys::Date::now() - started > SLICE_MS {
                break done;
            }
        };
        if !done {
            start(data, text, alive);
        }
    })
    .forget();
}
