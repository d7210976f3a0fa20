fn main() {
    // Mount into #app, not <body>: the renderer replaces its root's children,
    // and <body> holds the embedded bundle.
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<referat_app::App>::with_root(root).render();
}
