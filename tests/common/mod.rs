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
