//! referat's viewer: a Yew app that shows a bundle of minutes with no server.
//! Only [`app::App`] does I/O; every other component renders props, so the
//! views can be rendered natively with Yew's SSR renderer in tests.

pub mod app;
pub mod badges;
pub mod case_view;
pub mod chart;
pub mod committee_view;
pub mod dropped;
pub mod error_panel;
pub mod filters;
pub mod header;
pub mod i18n;
pub mod i18n_pages;
pub mod import_panel;
pub mod importer;
pub mod inflater;
pub mod item_view;
pub mod load_messages;
pub mod loader;
pub mod meeting_table;
pub mod meeting_view;
pub mod meetings_view;
pub mod notes_panel;
pub mod notes_store;
pub mod offline;
pub mod part_text;
pub mod people_view;
pub mod person_view;
pub mod results;
pub mod state;
pub mod text;
pub mod unpack;
pub mod url_hash;
pub mod viewer;

pub use app::App;
pub use state::{Action, Data, Shared, State};
pub use viewer::Viewer;
