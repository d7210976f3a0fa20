//! The header: the bundle's title and date, "Åbn bundle…", the import and the two
//! downloads, and the language toggle.

use crate::i18n::Lang;
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub title: Option<AttrValue>,
    pub generated: Option<AttrValue>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    pub on_file: Callback<web_sys::File>,
    pub on_import: Callback<Vec<web_sys::File>>,
    /// An import is running: the import buttons wait for it.
    #[prop_or_default]
    pub importing: bool,
    /// "Gem som fil" and "Hent bundle.json" (shown when a bundle is open).
    pub on_save_file: Option<Callback<()>>,
    pub on_save_bundle: Option<Callback<()>>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let t = props.lang.texts();
    let on_change = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // Lets the same file be chosen again after fixing it.
            input.set_value("");
        })
    };
    let on_import = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut files = Vec::new();
            if let Some(list) = input.files() {
                files.extend((0..list.length()).filter_map(|i| list.get(i)));
            }
            input.set_value("");
            on_import.emit(files);
        })
    };
    // A chosen folder lists every file under it: only the minutes are read.
    let on_import_folder = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut files = Vec::new();
            if let Some(list) = input.files() {
                files.extend(
                    (0..list.length())
                        .filter_map(|i| list.get(i))
                        .filter(|f| crate::dropped::is_minutes(&f.name())),
                );
            }
            input.set_value("");
            on_import.emit(files);
        })
    };
    let other = if props.lang == Lang::Da {
        Lang::En
    } else {
        Lang::Da
    };
    let toggle = props.dispatch.reform(move |_| Action::SetLang(other));
    html! {
        <header class="app-header">
            <div class="brand">
                <h1 class="bundle-title">{ props.title.clone().unwrap_or_else(|| AttrValue::from("referat")) }</h1>
                if let Some(g) = &props.generated {
                    <p class="generated">{ format!("{} {}", t.generated, pretty_time(g)) }</p>
                }
            </div>
            <div class="header-actions">
                <label class="button" for="bundle-file">{ t.open_bundle }</label>
                <input type="file" id="bundle-file" class="visually-hidden" accept=".json,application/json" onchange={on_change} />
                <label class="button secondary" for="import-files" aria-disabled={props.importing.to_string()}>{ t.import_files }</label>
                <input type="file" id="import-files" class="visually-hidden" multiple=true accept=".pdf,.txt,.html,.htm,application/pdf,text/plain,text/html" disabled={props.importing} onchange={on_import} />
                <label class="button secondary" for="import-folder" aria-disabled={props.importing.to_string()}>{ t.import_folder }</label>
                <input type="file" id="import-folder" class="visually-hidden" multiple=true webkitdirectory=true disabled={props.importing} onchange={on_import_folder} />
                if let Some(save) = &props.on_save_file {
                    <button type="button" class="button secondary" id="save-file" disabled={props.importing} onclick={save.reform(|_| ())}>{ t.save_file }</button>
                }
                if let Some(save) = &props.on_save_bundle {
                    <button type="button" class="button secondary" id="save-bundle" disabled={props.importing} onclick={save.reform(|_| ())}>{ t.save_bundle }</button>
                }
                <button type="button" class="button secondary" lang={if other == Lang::En { "en" } else { "da" }} onclick={toggle}>
                    { t.other_lang }
                </button>
            </div>
        </header>
    }
}

/// `2026-11-23T01:30:54Z` as `23-11-2026 01:30`.
fn pretty_time(rfc3339: &str) -> String {
    match rfc3339.get(..16) {
        Some(p) if p.is_ascii() && p.as_bytes()[4] == b'-' && p.as_bytes()[10] == b'T' => {
            format!("{}-{}-{} {}", &p[8..10], &p[5..7], &p[..4], &p[11..16])
        }
        _ => rfc3339.to_string(),
    }
}
