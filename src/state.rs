//! The one UI state and the actions that change it.

use referat_core::aggregate::Aggregates;
use referat_core::notes::{Joined, Notes};
use referat_core::query::{
    absentees, Absentee, DatePreset, Filter, Route, SearchIndex, Sort, TermCache, View,
};
use referat_core::{Access, Bundle, BundleError, Outcome};
use std::rc::Rc;
use yew::Reducible;

use crate::i18n::Lang;

/// A loaded bundle with what is derived from it once (search index, people).
#[derive(Debug)]
pub struct Data {
    /// Shared with the light bundle's data when a sharded archive's text is fetched on
    /// demand (the light bundle is then the one kept).
    pub bundle: Rc<Bundle>,
    pub index: SearchIndex,
    pub absentees: Vec<Absentee>,
    /// What the person, committee, meeting and case pages show: counted once, when a
    /// page first asks (the list's first results do not wait for it). See [`Data::aggregates`].
    aggregates: std::cell::OnceCell<Rc<Aggregates>>,
    /// Where recent search terms were found, so the next keystroke reads less.
    pub terms: std::cell::RefCell<TermCache>,
    /// The texts are in (false while a packed file's parts are still being read: the
    /// list and filters work, a free-text query waits).
    pub text_ready: bool,
    /// Parts of a packed file that could not be read: their meetings keep what the
    /// light bundle has, and text search does not cover them.
    pub missing: Vec<String>,
    /// A large sharded archive: `bundle` is the light bundle (the text is in the index
    /// only), and an opened meeting's text is fetched from here.
    pub texts: Option<Rc<crate::part_text::PartTexts>>,
    /// A sharded archive's head (its newest items) while its light bundle is on the way:
    /// the number of items in the whole archive. Only the unfiltered list is right then;
    /// anything else waits for the light bundle.
    pub partial: Option<usize>,
}

/// Shared loaded data, compared by identity so props never deep-compare a large bundle.
#[derive(Debug, Clone)]
pub struct Shared(pub Rc<Data>);

impl Shared {
    pub fn new(bundle: Bundle) -> Shared {
        let index = SearchIndex::new(&bundle);
        let absentees = absentees(&bundle);
        Shared::of(Rc::new(bundle), index, (absentees, None), true, Vec::new())
    }

    /// The light bundle of a packed file: everything but the texts, shown at once.
    pub fn light(bundle: Bundle) -> Shared {
        let index = SearchIndex::light(&bundle);
        let absentees = absentees(&bundle);
        Shared::of(Rc::new(bundle), index, (absentees, None), false, Vec::new())
    }

    /// A sharded archive's head, shown until its light bundle is in; `total` items in all.
    pub fn preview(head: Bundle, total: usize) -> Shared {
        let shared = Shared::light(head);
        Shared(Rc::new(Data {
            partial: Some(total),
            ..Rc::try_unwrap(shared.0).expect("just made")
        }))
    }

    /// The whole bundle once a packed file's parts are read, with the index built as they came.
    pub fn completed(
        light: &Shared,
        bundle: Bundle,
        index: SearchIndex,
        missing: Vec<String>,
    ) -> Shared {
        // The light bundle has every field the pages count: its aggregates stand.
        let derived = (light.absentees.clone(), light.aggregates.get().cloned());
        Shared::of(Rc::new(bundle), index, derived, true, missing)
    }

    /// A large sharded archive once its parts are indexed: the light bundle stays (shared,
    /// not copied), the texts are fetched when a meeting is opened.
    pub fn on_demand(
        light: &Shared,
        index: SearchIndex,
        missing: Vec<String>,
        texts: crate::part_text::PartTexts,
    ) -> Shared {
        let derived = (light.absentees.clone(), light.aggregates.get().cloned());
        let shared = Shared::of(light.bundle.clone(), index, derived, true, missing);
        Shared(Rc::new(Data {
            texts: Some(Rc::new(texts)),
            ..Rc::try_unwrap(shared.0).expect("just made")
        }))
    }

    fn of(
        bundle: Rc<Bundle>,
        index: SearchIndex,
        (absentees, aggregates): (Vec<Absentee>, Option<Rc<Aggregates>>),
        text_ready: bool,
        missing: Vec<String>,
    ) -> Shared {
        Shared(Rc::new(Data {
            bundle,
            index,
            absentees,
            aggregates: aggregates
                .map(std::cell::OnceCell::from)
                .unwrap_or_default(),
            terms: Default::default(),
            text_ready,
            missing,
            texts: None,
            partial: None,
        }))
    }
}

impl Data {
    /// The pages' numbers for this bundle, counted on first use and kept.
    pub fn aggregates(&self) -> &Aggregates {
        self.aggregates
            .get_or_init(|| Rc::new(Aggregates::new(&self.bundle)))
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Data;
    fn deref(&self) -> &Data {
        &self.0
    }
}

/// Why a load failed; the previous bundle stays.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    Bundle(BundleError),
    Http(u16),
    Network,
    Read,
    /// The packed layout's manifest or light bundle is damaged (in English, from the core).
    Packed(String),
    /// A sharded archive opened from `file://`: its parts can only be fetched from a server.
    ShardsNeedServer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoadFailure {
    /// What was being loaded: a file name, `bundle.json`, or the embedded bundle.
    pub source: String,
    pub problem: LoadProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Loading {
    pub source: String,
    pub loaded: f64,
    pub total: Option<f64>,
    /// The bytes are in; the JSON is being read.
    pub parsing: bool,
}

/// One file of an import, as the importer's worker reported it.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportStatus {
    Waiting,
    Read { items: usize, notes: Vec<String> },
    Failed(String),
}

/// An import under way (or just finished, until dismissed). The meetings read so far
/// stay with the importer (state is cloned on every action) and come with the end.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub files: Vec<(String, ImportStatus)>,
    pub done: bool,
    /// The importer itself could not start.
    pub fatal: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub data: Option<Shared>,
    pub route: Route,
    pub lang: Lang,
    pub loading: Option<Loading>,
    pub error: Option<LoadFailure>,
    /// `YYYY-MM-DD`, for the date presets.
    pub today: String,
    /// Parts of a packed file's text read so far, and how many there are.
    pub text_progress: Option<(usize, usize)>,
    /// The filter panel is unfolded (only matters on narrow screens; wide ones always show it).
    pub filters_open: bool,
    pub import: Option<Import>,
    /// This device's notes on the open bundle's items (browser storage, never the bundle).
    pub notes: Rc<Notes>,
    /// What the last notes import did, until dismissed.
    pub notes_message: Option<NotesMessage>,
    /// The route came from the URL (a link, back/forward), not from the app: the URL
    /// needs no writing.
    pub route_from_url: bool,
    /// A sharded archive's head is shown and the rest of the archive failed to load: the
    /// page says so instead of "fetching the rest".
    pub rest_failed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NotesMessage {
    Imported(Joined),
    /// The file and why it was refused.
    Failed(String, String),
}

impl State {
    pub fn new(route: Route, today: String) -> State {
        State {
            data: None,
            lang: if route.english { Lang::En } else { Lang::Da },
            route,
            loading: None,
            error: None,
            today,
            filters_open: false,
            import: None,
            text_progress: None,
            notes: Rc::new(Notes::default()),
            notes_message: None,
            rest_failed: false,
            // Written once at start, so the URL shows the route as the app reads it.
            route_from_url: false,
        }
    }

    pub fn filter(&self) -> &Filter {
        &self.route.filter
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    LoadStarted(String),
    LoadProgress {
        loaded: f64,
        total: Option<f64>,
    },
    Parsing,
    Loaded(Shared),
    /// Parts of a packed file's text read, of all.
    TextProgress(usize, usize),
    /// A packed file's text is all in: `full` replaces `light` if that is still shown.
    TextLoaded {
        light: Shared,
        full: Shared,
    },
    LoadFailed(LoadFailure),
    /// Nothing to load after all (no `bundle.json` beside the page).
    LoadIdle,
    DismissError,
    /// The URL hash changed (link, back/forward).
    Navigate(Route),
    Show(View),
    SetText(String),
    ClearText,
    ToggleCommittee(String),
    SetFrom(Option<String>),
    SetTo(Option<String>),
    Preset(DatePreset),
    SetAbsentee(Option<String>),
    ToggleOutcome(Outcome),
    SetDissent(bool),
    SetAccess(Option<Access>),
    SetSort(Sort),
    Reset,
    SetLang(Lang),
    ToggleFilters,
    /// The importer's worker was started on these files.
    ImportStarted(Vec<String>),
    /// One file is read (its index in the import, and what came of it).
    ImportRead(usize, ImportStatus),
    ImportFatal(String),
    /// Every file is in: the meetings read join the bundle (built at `now`, RFC 3339).
    ImportFinished {
        now: String,
        meetings: Vec<referat_core::Meeting>,
    },
    DismissImport,
    /// The notes stored on this device for the open bundle.
    NotesLoaded(Notes),
    /// Writes (or with blank text removes) the note on an item, at `now` (RFC 3339).
    SetNote {
        item: String,
        text: String,
        now: String,
    },
    /// A notes file was read: joined (the newer note of an item wins), or refused.
    NotesImported(Result<Notes, (String, String)>),
    DismissNotesMessage,
    SetNoted(bool),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let before = s.route.filter.clone();
        let f = &mut s.route.filter;
        match action {
            Action::LoadStarted(source) => {
                s.loading = Some(Loading {
                    source,
                    loaded: 0.0,
                    total: None,
                    parsing: false,
                })
            }
            Action::LoadProgress { loaded, total } => {
                if let Some(l) = &mut s.loading {
                    l.loaded = loaded;
                    l.total = total;
                }
            }
            Action::Parsing => {
                if let Some(l) = &mut s.loading {
                    l.parsing = true;
                }
            }
            Action::Loaded(data) => {
                s.text_progress = (!data.text_ready).then_some((0, 0));
                s.data = Some(data);
                s.loading = None;
                s.error = None;
                s.rest_failed = false;
            }
            Action::TextProgress(done, total) => s.text_progress = Some((done, total)),
            Action::TextLoaded { light, full } => {
                if s.data.as_ref() != Some(&light) {
                    return self;
                }
                s.data = Some(full);
                s.text_progress = None;
            }
            Action::LoadFailed(failure) => {
                s.loading = None;
                s.rest_failed = s.data.as_ref().is_some_and(|d| d.partial.is_some());
                s.error = Some(failure);
            }
            Action::LoadIdle => s.loading = None,
            Action::DismissError => s.error = None,
            Action::Navigate(route) => {
                if route == s.route {
                    return self;
                }
                // The route is what the URL says, view and language included: no filter rule below.
                s.lang = if route.english { Lang::En } else { Lang::Da };
                s.route = route;
                s.route_from_url = true;
                return Rc::new(s);
            }
            Action::Show(view) => s.route.view = view,
            Action::SetText(text) => {
                f.text = text;
                if f.text.trim().is_empty() && f.sort == Sort::Relevance {
                    f.sort = Sort::Date;
                }
            }
            Action::ClearText => {
                f.text.clear();
                if f.sort == Sort::Relevance {
                    f.sort = Sort::Date;
                }
            }
            Action::ToggleCommittee(c) => {
                if !f.committees.remove(&c) {
                    f.committees.insert(c);
                }
            }
            Action::SetFrom(d) => f.from = d.filter(|d| !d.is_empty()),
            Action::SetTo(d) => f.to = d.filter(|d| !d.is_empty()),
            Action::Preset(p) => {
                if let Some((from, to)) = p.range(&s.today) {
                    f.from = Some(from);
                    f.to = Some(to);
                }
            }
            Action::SetAbsentee(a) => f.absentee = a.filter(|a| !a.trim().is_empty()),
            Action::ToggleOutcome(o) => {
                if !f.outcomes.remove(&o) {
                    f.outcomes.insert(o);
                }
            }
            Action::SetDissent(on) => f.dissent_only = on,
            Action::SetAccess(a) => f.access = a,
            Action::SetSort(sort) => f.sort = sort,
            Action::Reset => *f = Filter::default(),
            Action::SetLang(lang) => {
                s.lang = lang;
                s.route.english = lang == Lang::En;
            }
            Action::ToggleFilters => s.filters_open = !s.filters_open,
            // One import at a time: the buttons are disabled while one runs, and a drop
            // meanwhile is refused here.
            Action::ImportStarted(_) if s.import.as_ref().is_some_and(|i| !i.done) => return self,
            Action::ImportStarted(names) => {
                s.import = Some(Import {
                    files: names
                        .into_iter()
                        .map(|n| (n, ImportStatus::Waiting))
                        .collect(),
                    done: false,
                    fatal: None,
                })
            }
            Action::ImportRead(i, status) => {
                if let Some(slot) = s.import.as_mut().and_then(|im| im.files.get_mut(i)) {
                    slot.1 = status;
                }
            }
            Action::ImportFatal(why) => {
                if let Some(import) = &mut s.import {
                    import.fatal = Some(why);
                    import.done = true;
                }
            }
            Action::ImportFinished { now, meetings } => {
                if let Some(import) = &mut s.import {
                    import.done = true;
                }
                // Meetings read are never dropped, even if the panel was closed meanwhile.
                if !meetings.is_empty() {
                    // The viewer carries no parser vocabulary: abbreviations come from the
                    // bundle itself.
                    let bundle = match &s.data {
                        Some(data) => (*data.bundle).clone(),
                        None => {
                            referat_core::merge::empty_bundle(s.lang.texts().imported_title, &now)
                        }
                    };
                    let committees = referat_core::Committees::of_bundle(&bundle);
                    let merged =
                        referat_core::merge::add_meetings(bundle, meetings, &now, &committees);
                    s.data = Some(Shared::new(merged));
                    s.error = None;
                }
            }
            Action::DismissImport => s.import = None,
            Action::NotesLoaded(notes) => s.notes = Rc::new(notes),
            Action::SetNote { item, text, now } => {
                let notes = Rc::make_mut(&mut s.notes);
                notes.set(&item, &text, &now);
            }
            Action::NotesImported(Ok(file)) => {
                let joined = Rc::make_mut(&mut s.notes).join(file);
                s.notes_message = Some(NotesMessage::Imported(joined));
            }
            Action::NotesImported(Err((name, why))) => {
                s.notes_message = Some(NotesMessage::Failed(name, why))
            }
            Action::DismissNotesMessage => s.notes_message = None,
            Action::SetNoted(on) => f.noted = on,
        }
        s.route_from_url = false;
        // A changed filter shows the list again (the list shows new results from the top);
        // the meetings page is filtered by committee and date itself, and stays for those.
        let f = &s.route.filter;
        let meetings_filter_only = Filter {
            committees: before.committees.clone(),
            from: before.from.clone(),
            to: before.to.clone(),
            ..f.clone()
        } == before;
        if *f != before && !(s.route.view == View::Meetings && meetings_filter_only) {
            s.route.view = View::List;
        }
        Rc::new(s)
    }
}

/// The URL hash of a view with these filters, in this language: what every link in the app points to.
pub fn href(view: View, filter: &Filter, lang: Lang) -> String {
    Route {
        view,
        filter: filter.clone(),
        english: lang == Lang::En,
    }
    .to_hash()
}
