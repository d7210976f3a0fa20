fn main() {
    yew::Renderer::<referat_app::App>::new().render();
}
