//! The load error panel: what is wrong and where, in Danish; the old bundle stays.

use crate::i18n::Lang;
use crate::load_messages::describe;
use crate::state::{Action, LoadFailure};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub failure: LoadFailure,
    pub lang: Lang,
    /// A bundle was loaded before and is still shown.
    pub kept: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(ErrorPanel)]
pub fn error_panel(props: &ErrorPanelProps) -> Html {
    let t = props.lang.texts();
    let (message, at) = describe(props.lang, &props.failure);
    let close = props.dispatch.reform(|_| Action::DismissError);
    html! {
        <section id="load-error" class="load-error" role="alert">
            <h2>{ t.error_title }</h2>
            <p class="error-source">{ props.failure.source.clone() }</p>
            <p class="error-message">{ message }</p>
            if let Some((line, column)) = at {
                <p class="error-place">{ format!("{} {line}, {} {column}", t.line, t.column) }</p>
            }
            if props.kept { <p>{ t.error_kept }</p> }
            <button type="button" class="button" onclick={close}>{ t.close }</button>
        </section>
    }
}
