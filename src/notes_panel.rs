//! "Mine noter" beside the filters: only items with a note, and the notes to and from a
//! file (a new tablet, a new bundle). What an import did is said here until dismissed.

use crate::i18n::Lang;
use crate::state::{Action, NotesMessage};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotesPanelProps {
    /// Items of this bundle with a note.
    pub noted: usize,
    /// Notes kept for this bundle (some may be on items it does not hold).
    pub stored: usize,
    pub only: bool,
    pub message: Option<NotesMessage>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    pub on_export: Callback<()>,
    pub on_import: Callback<web_sys::File>,
}

#[function_component(NotesPanel)]
pub fn notes_panel(props: &NotesPanelProps) -> Html {
    let (t, p) = (props.lang.texts(), props.lang.pages());
    let d = &props.dispatch;
    let on_only = d.reform(|e: Event| {
        Action::SetNoted(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let on_import = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_import.emit(file);
            }
            input.set_value("");
        })
    };
    let message = props.message.as_ref().map(|m| {
        let (text, alert) = match m {
            NotesMessage::Imported(j) => (
                format!(
                    "{} {}, {} {}, {} {}",
                    j.added, p.notes_added, j.replaced, p.notes_replaced, j.kept, p.notes_kept
                ),
                false,
            ),
            NotesMessage::Failed(name, why) => (format!("{name} {}: {why}", p.notes_failed), true),
        };
        html! {
            <div class={classes!("notes-message", alert.then_some("load-error"))} id="notes-message"
                role={if alert { "alert" } else { "status" }}>
                <span>{ text }</span>
                <button type="button" class="button small secondary" onclick={d.reform(|_| Action::DismissNotesMessage)}>{ t.close }</button>
            </div>
        }
    });
    html! {
        <fieldset class="notes-panel filter-panel">
            <legend>{ format!("{} ({} {})", p.my_notes, props.noted, p.notes_count) }</legend>
            <label class="check">
                <input type="checkbox" id="noted-only" checked={props.only} onchange={on_only} />
                <span class="label-text">{ p.only_noted }</span>
            </label>
            <div class="notes-actions">
                <button type="button" id="export-notes" class="button small secondary" disabled={props.stored == 0}
                    onclick={props.on_export.reform(|_| ())}>{ p.export_notes }</button>
                <label class="button small secondary" for="import-notes">{ p.import_notes }</label>
                <input type="file" id="import-notes" class="visually-hidden" accept=".json,application/json" onchange={on_import} />
            </div>
            { for message }
        </fieldset>
    }
}
