//! Fixtures shared by the app's native tests.

use referat_app::state::{LoadFailure, LoadProblem};
use referat_core::{Bundle, BundleError};

/// The sample bundle, frozen in core's fixtures so view tests do not move with the parser.
pub fn sample_bundle() -> Bundle {
    Bundle::from_json(include_str!(
        "../../crates/core/tests/fixtures/norddjurs-bundle.json"
    ))
    .unwrap()
}

/// A file picked by the user that is not valid JSON at line 4, column 12.
#[allow(dead_code)]
pub fn broken_json() -> LoadFailure {
    LoadFailure {
        source: "broken.json".into(),
        problem: LoadProblem::Bundle(BundleError::Syntax {
            line: 4,
            column: 12,
            message: "expected value".into(),
        }),
    }
}

/// A small council written for the tests: four meetings of Økonomiudvalget and Byrådet,
/// member lists on the three ØU meetings, one case through both bodies.
#[allow(dead_code)] // Each test binary uses some of the fixtures.
pub fn council_bundle() -> Bundle {
    Bundle::from_json(include_str!(
        "../../crates/core/tests/fixtures/council-bundle.json"
    ))
    .unwrap()
}

/// The whole viewer for a state, rendered by Yew's SSR renderer, with no-op callbacks.
#[cfg(feature = "ssr")]
#[allow(dead_code)]
pub fn render(state: std::rc::Rc<referat_app::state::State>) -> String {
    use referat_app::viewer::{Viewer, ViewerProps};
    use yew::{Callback, LocalServerRenderer};
    let props = ViewerProps {
        state,
        dispatch: Callback::noop(),
        on_file: Callback::noop(),
        on_import: Callback::noop(),
        on_save_file: Callback::noop(),
        on_save_bundle: Callback::noop(),
        on_export: Callback::noop(),
        on_note: Callback::noop(),
        on_export_notes: Callback::noop(),
        on_import_notes: Callback::noop(),
    };
    futures::executor::block_on(
        LocalServerRenderer::<Viewer>::with_props(props)
            .hydratable(false)
            .render(),
    )
}
