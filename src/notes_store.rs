//! Where "Mine noter" live: this browser's `localStorage`, one entry per bundle title
//! (a rebuilt bundle keeps its title and item ids, so the notes follow it). Nothing here
//! touches the network; export and import are files the member chooses.

use crate::state::Action;
use referat_core::notes::Notes;
use yew::Callback;

const KEY: &str = "referat-notes:";

fn storage() -> Option<web_sys::Storage> {
    // Storage can be switched off (or full): notes then last as long as the page.
    web_sys::window()?.local_storage().ok()?
}

/// The notes kept for the bundle with this title (none yet, or unreadable: empty).
pub fn load(title: &str) -> Notes {
    let stored = storage().and_then(|s| s.get_item(&format!("{KEY}{title}")).ok()?);
    match stored.map(|text| Notes::from_json(&text)) {
        Some(Ok(mut notes)) => {
            notes.bundle = title.to_string();
            notes
        }
        Some(Err(e)) => {
            // Written by a newer referat, or damaged: kept aside, never overwritten by the
            // empty set this session starts with.
            let key = format!("{KEY}{title}");
            if let Some((s, raw)) = storage().zip(storage().and_then(|s| s.get_item(&key).ok()?)) {
                let _ = s.set_item(&format!("{key}:unreadable"), &raw);
            }
            gloo::console::error!(format!(
                "Mine noter: the stored notes are unreadable ({e}); kept as `{key}:unreadable`"
            ));
            Notes::new(title)
        }
        None => Notes::new(title),
    }
}

/// Keeps the notes for their bundle; an empty set removes the entry.
pub fn save(notes: &Notes) {
    if notes.bundle.is_empty() {
        return;
    }
    let Some(s) = storage() else { return };
    let key = format!("{KEY}{}", notes.bundle);
    let result = if notes.notes.is_empty() {
        s.remove_item(&key)
    } else {
        s.set_item(&key, &notes.to_json())
    };
    if let Err(e) = result {
        gloo::console::error!(format!("Mine noter: could not store the notes: {e:?}"));
    }
}

/// "Eksportér noter": the notes as a file, for another tablet or a later bundle.
pub fn export(notes: &Notes) -> Result<(), String> {
    let name = crate::importer::file_name(&format!("noter {}", notes.bundle), "json");
    crate::importer::download(&notes.to_json(), &name, "application/json")
}

/// "Importér noter": reads the chosen file and hands it to the reducer to join.
pub fn import(file: web_sys::File, dispatch: Callback<Action>) {
    let name = file.name();
    if file.size() > referat_core::notes::MAX_NOTES_BYTES as f64 {
        let why = format!("{} bytes is too large for a notes file", file.size());
        dispatch.emit(Action::NotesImported(Err((name, why))));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        let result = match text.ok().and_then(|t| t.as_string()) {
            Some(text) => Notes::from_json(&text).map_err(|e| (name, e.to_string())),
            None => Err((name, "the file could not be read".to_string())),
        };
        dispatch.emit(Action::NotesImported(result));
    });
}

/// The current time as RFC 3339, for a note's `updated`.
pub fn now() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}
