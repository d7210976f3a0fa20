//! Danish UI text (the portals' words) and the English toggle.

use crate::state::{LoadFailure, LoadProblem};
use referat_core::{BundleError, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Da,
    En,
}

impl Lang {
    pub fn outcome(self, o: Outcome) -> &'static str {
        match self {
            Lang::Da => o.label_da(),
            Lang::En => o.label_en(),
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }
}

/// Every fixed string of the UI, so a missing translation is a compile error.
pub struct Texts {
    pub code: &'static str,
    pub other_lang: &'static str,
    pub open_bundle: &'static str,
    pub generated: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub filters: &'static str,
    pub active: &'static str,
    pub committees: &'static str,
    pub dates: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub last_3_months: &'static str,
    pub this_year: &'static str,
    pub period: &'static str,
    pub absentee: &'static str,
    pub absentee_search: &'static str,
    pub remove: &'static str,
    pub outcome: &'static str,
    pub only_dissent: &'static str,
    pub access: &'static str,
    pub access_all: &'static str,
    pub access_open: &'static str,
    pub access_closed: &'static str,
    pub reset: &'static str,
    pub results: &'static str,
    pub sort: &'static str,
    pub sort_date: &'static str,
    pub sort_committee: &'static str,
    pub sort_relevance: &'static str,
    pub show_more: &'static str,
    pub no_results: &'static str,
    pub no_title: &'static str,
    pub no_committee: &'static str,
    pub no_date: &'static str,
    pub item: &'static str,
    pub meeting: &'static str,
    pub case_number: &'static str,
    pub committee: &'static str,
    pub date: &'static str,
    pub route: &'static str,
    pub decision: &'static str,
    pub no_decision: &'static str,
    pub dissent: &'static str,
    pub remarks: &'static str,
    pub absent: &'static str,
    pub absent_meeting: &'static str,
    pub absent_item: &'static str,
    pub nobody_absent: &'static str,
    pub attachments: &'static str,
    pub closed: &'static str,
    pub other_items: &'static str,
    pub same_case: &'static str,
    pub back: &'static str,
    pub open_meeting: &'static str,
    pub not_found: &'static str,
    pub print: &'static str,
    pub location: &'static str,
    pub items: &'static str,
    pub loading: &'static str,
    pub parsing: &'static str,
    pub empty_title: &'static str,
    pub empty_text: &'static str,
    pub error_title: &'static str,
    pub error_kept: &'static str,
    pub close: &'static str,
    pub line: &'static str,
    pub column: &'static str,
    pub drop_hint: &'static str,
}

pub static DA: Texts = Texts {
    code: "da",
    other_lang: "English",
    open_bundle: "Åbn bundle…",
    generated: "Dannet",
    search: "Søg",
    search_hint: "Søg i titel, sagsnr., tekst og beslutninger (tryk /)",
    filters: "Filtre",
    active: "aktive",
    committees: "Udvalg",
    dates: "Mødedato",
    from: "Fra",
    to: "Til",
    last_3_months: "Seneste 3 måneder",
    this_year: "I år",
    period: "Valgperiode",
    absentee: "Fraværende",
    absentee_search: "Søg person",
    remove: "Fjern",
    outcome: "Beslutning",
    only_dissent: "Kun med uenighed",
    access: "Åben/lukket",
    access_all: "Alle",
    access_open: "Åbne sager",
    access_closed: "Lukkede sager",
    reset: "Nulstil",
    results: "punkter",
    sort: "Sortér",
    sort_date: "Dato (nyeste først)",
    sort_committee: "Udvalg",
    sort_relevance: "Relevans",
    show_more: "Vis flere",
    no_results: "Ingen punkter passer til filtrene.",
    no_title: "(uden titel)",
    no_committee: "(ukendt udvalg)",
    no_date: "(ukendt dato)",
    item: "Punkt",
    meeting: "Møde",
    case_number: "Sagsnr.",
    committee: "Udvalg",
    date: "Dato",
    route: "Sagsgang",
    decision: "Beslutning",
    no_decision: "Ingen beslutning registreret.",
    dissent: "Uenighed",
    remarks: "Bemærkninger",
    absent: "Fraværende",
    absent_meeting: "fra mødet",
    absent_item: "fra punktet",
    nobody_absent: "Ingen fraværende registreret.",
    attachments: "Bilag",
    closed: "Lukket sag",
    other_items: "Andre punkter på mødet",
    same_case: "Samme sagsnr. på andre møder",
    back: "← Tilbage til resultaterne",
    open_meeting: "Vis hele mødet",
    not_found: "Findes ikke i denne bundle.",
    print: "Udskriv",
    location: "Sted",
    items: "Punkter",
    loading: "Indlæser",
    parsing: "Læser bundlen…",
    empty_title: "Ingen bundle indlæst",
    empty_text: "Åbn en bundle-fil med knappen «Åbn bundle…», eller træk filen ind i vinduet.",
    error_title: "Bundlen kunne ikke indlæses",
    error_kept: "Den bundle, der var indlæst før, vises stadig.",
    close: "Luk",
    line: "linje",
    column: "kolonne",
    drop_hint: "Slip filen for at åbne den",
};

pub static EN: Texts = Texts {
    code: "en",
    other_lang: "Dansk",
    open_bundle: "Open bundle…",
    generated: "Generated",
    search: "Search",
    search_hint: "Search title, case no., text and decisions (press /)",
    filters: "Filters",
    active: "active",
    committees: "Committee",
    dates: "Meeting date",
    from: "From",
    to: "To",
    last_3_months: "Last 3 months",
    this_year: "This year",
    period: "Election period",
    absentee: "Absent",
    absentee_search: "Find person",
    remove: "Remove",
    outcome: "Decision",
    only_dissent: "Only with dissent",
    access: "Open/closed",
    access_all: "All",
    access_open: "Open items",
    access_closed: "Closed items",
    reset: "Reset",
    results: "items",
    sort: "Sort",
    sort_date: "Date (newest first)",
    sort_committee: "Committee",
    sort_relevance: "Relevance",
    show_more: "Show more",
    no_results: "No items match the filters.",
    no_title: "(untitled)",
    no_committee: "(unknown committee)",
    no_date: "(unknown date)",
    item: "Item",
    meeting: "Meeting",
    case_number: "Case no.",
    committee: "Committee",
    date: "Date",
    route: "Route",
    decision: "Decision",
    no_decision: "No decision recorded.",
    dissent: "Dissent",
    remarks: "Remarks",
    absent: "Absent",
    absent_meeting: "from the meeting",
    absent_item: "from the item",
    nobody_absent: "Nobody recorded as absent.",
    attachments: "Attachments",
    closed: "Closed item",
    other_items: "Other items in this meeting",
    same_case: "Same case number in other meetings",
    back: "← Back to results",
    open_meeting: "Show the whole meeting",
    not_found: "Not in this bundle.",
    print: "Print",
    location: "Location",
    items: "Items",
    loading: "Loading",
    parsing: "Reading the bundle…",
    empty_title: "No bundle loaded",
    empty_text: "Open a bundle file with «Open bundle…», or drop the file on the window.",
    error_title: "The bundle could not be loaded",
    error_kept: "The bundle loaded before is still shown.",
    close: "Close",
    line: "line",
    column: "column",
    drop_hint: "Drop the file to open it",
};

/// What went wrong, in the user's language, and where (line, column) when known.
pub fn describe(lang: Lang, failure: &LoadFailure) -> (String, Option<(usize, usize)>) {
    let da = lang == Lang::Da;
    match &failure.problem {
        LoadProblem::Http(status) => (
            if da {
                format!("Serveren svarede {status} for filen.")
            } else {
                format!("The server answered {status} for the file.")
            },
            None,
        ),
        LoadProblem::Network => (
            if da {
                "Filen kunne ikke hentes."
            } else {
                "The file could not be fetched."
            }
            .to_string(),
            None,
        ),
        LoadProblem::Read => (
            if da {
                "Filen kunne ikke læses."
            } else {
                "The file could not be read."
            }
            .to_string(),
            None,
        ),
        LoadProblem::Bundle(e) => describe_bundle_error(da, e),
    }
}

fn describe_bundle_error(da: bool, e: &BundleError) -> (String, Option<(usize, usize)>) {
    if !da {
        let at = match e {
            BundleError::Syntax { line, column, .. } | BundleError::Schema { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        };
        return (format!("{e}."), at);
    }
    match e {
        BundleError::Empty => ("Filen er tom.".into(), None),
        BundleError::Encoding { encoding, offset } => {
            (format!("Filen er ikke UTF-8-tekst ({encoding}, ved byte {offset}). En bundle skal være UTF-8 JSON."), None)
        }
        BundleError::Syntax { line, column, message } => {
            (format!("Filen er ikke gyldig JSON ({message})."), Some((*line, *column)))
        }
        BundleError::NotABundle { found } => (
            format!("Filen er ikke en referat-bundle: feltet «format» er {found}, men skal være «referat-bundle»."),
            None,
        ),
        BundleError::UnsupportedVersion { found } => (
            format!("Bundlen har version {found}, men denne udgave af referat kan kun læse version 1. Brug en nyere referat."),
            None,
        ),
        BundleError::Schema { path, line, column, message } => {
            (format!("Forkert data i feltet «{path}»: {message}."), Some((*line, *column)))
        }
        BundleError::Invalid(problems) => {
            let first = problems.first().map(|p| format!(" Den første: «{}»: {}.", p.place, p.message)).unwrap_or_default();
            (format!("Bundlen har {} fejl.{first}", problems.len()), None)
        }
    }
}

/// `2024-04-24` as `24-04-2024`, the way the portals print dates.
pub fn date(iso: Option<&str>, lang: Lang) -> String {
    match iso {
        Some(d) if d.len() == 10 && d.is_ascii() => {
            format!("{}-{}-{}", &d[8..10], &d[5..7], &d[..4])
        }
        Some(d) => d.to_string(),
        None => lang.texts().no_date.to_string(),
    }
}
