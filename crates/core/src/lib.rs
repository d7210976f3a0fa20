//! referat's core: the bundle model, the minutes parser, and (for the viewer)
//! filtering and search. No web dependencies, so it builds natively and for wasm.

pub mod aggregate;
pub mod bundle;
pub mod committees;
pub mod conserve;
pub mod dates;
pub mod decode;
pub mod export;
pub mod fold;
#[cfg(feature = "html")]
pub mod html;
pub mod ingest;
pub mod learn;
pub mod merge;
pub mod model;
pub mod mojibake;
pub mod notes;
pub mod pack;
pub mod packed;
pub mod parse;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod query;
pub mod reflow;
pub mod route;
#[cfg(feature = "pack")]
pub mod shards;
pub mod vocabulary;

pub use bundle::{assemble, validate, BundleError, Problem, ProblemKind, MAX_BUNDLE_BYTES};
pub use committees::Committees;
pub use model::*;
pub use parse::{parse_minutes, parse_minutes_traced, Parsed, TraceLine, Warning, WarningKind};
pub use vocabulary::Vocabulary;
