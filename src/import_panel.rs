//! The import's progress and each file's summary: what the CLI prints for it (its
//! warnings, or why it gave nothing), in the page.

use crate::i18n::Lang;
use crate::state::{Action, Import, ImportStatus};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub import: Import,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

#[function_component(ImportPanel)]
pub fn import_panel(props: &ImportPanelProps) -> Html {
    let t = props.lang.texts();
    let import = &props.import;
    let read = import
        .files
        .iter()
        .filter(|(_, s)| *s != ImportStatus::Waiting)
        .count();
    let items: usize = import
        .files
        .iter()
        .map(|(_, s)| match s {
            ImportStatus::Read { items, .. } => *items,
            _ => 0,
        })
        .sum();
    let items_word = |n: usize| {
        if n == 1 {
            t.import_item
        } else {
            t.import_items
        }
    };
    let heading = if import.done {
        format!(
            "{}: {items} {} ({read}/{})",
            t.imported,
            items_word(items),
            import.files.len()
        )
    } else {
        format!("{} … {read}/{}", t.importing, import.files.len())
    };
    let close = props.dispatch.reform(|_| Action::DismissImport);
    html! {
        <section class="import-panel" id="import-status" role="status" aria-live="polite" data-done={import.done.to_string()}>
            <h2>{ heading }</h2>
            if !import.done {
                <progress max={import.files.len().to_string()} value={read.to_string()}></progress>
            }
            if let Some(why) = &import.fatal {
                <p class="import-error">{ format!("{}: {why}", t.import_failed) }</p>
            }
            <ul class="import-files">
                { for import.files.iter().map(|(name, status)| html! {
                    <li class={match status { ImportStatus::Failed(_) => "import-file failed", _ => "import-file" }}>
                        <span class="import-name">{ name.clone() }</span>
                        { match status {
                            ImportStatus::Waiting => html! { <span class="import-note">{ "…" }</span> },
                            ImportStatus::Read { items, notes } => html! {
                                <span class="import-note">
                                    { format!("{items} {}", items_word(*items)) }
                                    { for notes.iter().map(|n| html! { <span class="import-warning">{ format!("; {n}") }</span> }) }
                                </span>
                            },
                            ImportStatus::Failed(why) => html! { <span class="import-note">{ why.clone() }</span> },
                        } }
                    </li>
                }) }
            </ul>
            if import.done {
                <button type="button" class="button secondary" id="import-close" onclick={close}>{ t.close }</button>
            }
        </section>
    }
}
