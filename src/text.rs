//! Bundle text as text nodes only (never HTML), with search matches marked.

use referat_core::query::{segments, Segment};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightProps {
    pub text: AttrValue,
    #[prop_or_default]
    pub query: AttrValue,
}

/// `text` with every match of `query` in a `<mark>`.
#[function_component(Highlight)]
pub fn highlight(props: &HighlightProps) -> Html {
    marked(&segments(&props.text, &props.query))
}

/// Renders segments; matches go in `<mark>`.
pub fn marked(segs: &[Segment]) -> Html {
    segs.iter()
        .map(|s| {
            if s.hit {
                html! { <mark>{ s.text.clone() }</mark> }
            } else {
                html! { { s.text.clone() } }
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct ProseProps {
    pub text: AttrValue,
    #[prop_or_default]
    pub query: AttrValue,
}

/// Reflowed bundle text: one `<p>` per paragraph; list lines keep their breaks (CSS pre-line).
#[function_component(Prose)]
pub fn prose(props: &ProseProps) -> Html {
    props
        .text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| html! { <p class="prose"><Highlight text={AttrValue::from(p.to_string())} query={props.query.clone()} /></p> })
        .collect()
}
