//! Danish UI text (the portals' words) and the English toggle.

use crate::state::{LoadFailure, LoadProblem};
use referat_core::{BundleError, Outcome, ProblemKind};

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
    pub import_files: &'static str,
    pub save_file: &'static str,
    pub save_bundle: &'static str,
    pub importing: &'static str,
    pub imported: &'static str,
    pub import_item: &'static str,
    pub import_items: &'static str,
    pub import_failed: &'static str,
    pub imported_title: &'static str,
    pub import_folder: &'static str,
    pub folder_refused: &'static str,
    /// The item's text is still being read from the packed file.
    pub text_loading: &'static str,
    pub text_failed: &'static str,
    /// A free-text query waits for the text: "Søger…".
    pub searching: &'static str,
    /// A sharded archive's newest items are shown; the rest of its list is on the way.
    pub archive_loading: &'static str,
    pub archive_failed: &'static str,
    /// "… {done} of {total} parts of the text read".
    pub text_parts: &'static str,
    pub text_missing: &'static str,
    pub packed_damaged: &'static str,
    pub export_csv: &'static str,
    /// The file (or address) a meeting was read from.
    pub source: &'static str,
    pub results_heading: &'static str,
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
    import_files: "Importér referater…",
    save_file: "Gem som fil",
    save_bundle: "Hent bundle.json",
    importing: "Læser referater",
    imported: "Importeret",
    import_item: "punkt",
    import_items: "punkter",
    import_failed: "Importen kunne ikke starte",
    imported_title: "Importerede referater",
    import_folder: "Importér mappe…",
    folder_refused: "browseren lader ikke en side, der er åbnet som fil, læse en mappe, der trækkes ind; vælg mappen med »Importér mappe…«",
    text_loading: "Teksten hentes…",
    text_failed: "Teksten kunne ikke hentes",
    searching: "Søger…",
    archive_loading: "Henter resten af arkivet…",
    archive_failed: "Resten af arkivet kunne ikke hentes; kun de nyeste punkter vises.",
    text_parts: "dele af teksten læst",
    text_missing: "Dele af teksten kunne ikke læses, så søgning i tekst dækker ikke alle møder:",
    // Both the one file and a served archive: both were written by `referat pack`.
    packed_damaged: "Den pakkede bundle kan ikke læses",
    export_csv: "Eksportér CSV",
    source: "Kilde",
    results_heading: "Resultater",
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
    import_files: "Import minutes…",
    save_file: "Save as file",
    save_bundle: "Download bundle.json",
    importing: "Reading minutes",
    imported: "Imported",
    import_item: "item",
    import_items: "items",
    import_failed: "The import could not start",
    imported_title: "Imported minutes",
    import_folder: "Import folder…",
    folder_refused: "the browser does not let a page opened as a file read a dropped folder; choose the folder with “Import folder…”",
    text_loading: "Loading the text…",
    text_failed: "The text could not be fetched",
    searching: "Searching…",
    archive_loading: "Fetching the rest of the archive…",
    archive_failed: "The rest of the archive could not be fetched; only the newest items are shown.",
    text_parts: "parts of the text read",
    text_missing: "Parts of the text could not be read, so text search does not cover every meeting:",
    packed_damaged: "The packed bundle cannot be read",
    export_csv: "Export CSV",
    source: "Source",
    results_heading: "Results",
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
        LoadProblem::ShardsNeedServer => (
            if da {
                "Dette er et arkiv i dele (referat pack --shards). Delene er filer ved siden af siden, og en browser henter dem kun fra en webserver. Læg mappen på en webserver, eller lav én fil med referat pack -o."
            } else {
                "This is a sharded archive (referat pack --shards). Its parts are files beside the page, which a browser fetches only from a web server. Serve the folder, or make one file with referat pack -o."
            }
            .to_string(),
            None,
        ),
        LoadProblem::Packed(detail) => {
            (format!("{}: {detail}.", lang.texts().packed_damaged), None)
        }
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
        BundleError::Empty => ("Filen er tom; der er ingen bundle i den.".into(), None),
        BundleError::TooLarge { bytes, limit } => (
            format!(
                "Bundlen fylder {} MB, men referat kan højst åbne {} MB. Del arkivet op i flere bundles, fx én pr. valgperiode.",
                bytes.div_ceil(1024 * 1024),
                limit / (1024 * 1024)
            ),
            None,
        ),
        BundleError::Encoding { encoding: "UTF-16", .. } => (
            "Filen er gemt som UTF-16. En bundle skal være UTF-8 JSON; gem den igen som UTF-8.".into(),
            None,
        ),
        BundleError::Encoding { offset, .. } => (
            format!("Filen er ikke UTF-8-tekst: byte {offset} kan ikke læses. En bundle skal være UTF-8 JSON."),
            None,
        ),
        BundleError::Syntax { line, column, message } => {
            (format!("Filen er ikke gyldig JSON: {}.", json_syntax_da(message)), Some((*line, *column)))
        }
        BundleError::NotABundle { found } if found == "missing" => (
            "Filen er ikke en referat-bundle: feltet «format» mangler (det skal være «referat-bundle»).".into(),
            None,
        ),
        BundleError::NotABundle { found } => (
            format!("Filen er ikke en referat-bundle: feltet «format» er {found}, men skal være «referat-bundle»."),
            None,
        ),
        BundleError::UnsupportedVersion { found } => (
            format!("Bundlen har version {found}, men denne udgave af referat kan kun læse version 1. Brug en nyere referat."),
            None,
        ),
        BundleError::Schema { path, line, column, message } => {
            (format!("Forkert data i «{path}»: {}.", json_data_da(message)), Some((*line, *column)))
        }
        BundleError::Invalid(problems) => {
            let first = problems.first().map(|p| format!(" Den første: «{}» {}.", p.place, problem_da(&p.kind))).unwrap_or_default();
            let n = problems.len();
            (format!("Bundlen har {n} {}.{first}", if n == 1 { "fejl" } else { "fejl i alt" }), None)
        }
    }
}

/// serde_json's syntax messages, in Danish. Unknown ones are kept as they are.
pub fn json_syntax_da(message: &str) -> String {
    let known: &[(&str, &str)] = &[
        ("EOF while parsing", "filen slutter midt i et JSON-element"),
        ("expected value", "her skulle der stå en værdi"),
        (
            "key must be a string",
            "et feltnavn skal stå i anførselstegn",
        ),
        (
            "trailing characters",
            "der står mere efter JSON-dokumentets slutning",
        ),
        ("trailing comma", "der står et komma for meget"),
        (
            "expected `,` or `}`",
            "her mangler et komma eller en afsluttende }",
        ),
        (
            "expected `,` or `]`",
            "her mangler et komma eller en afsluttende ]",
        ),
        ("expected `:`", "her mangler et kolon efter feltnavnet"),
        (
            "control character",
            "teksten indeholder et kontroltegn, som JSON ikke tillader",
        ),
        ("invalid escape", "en \\-kode i en tekst er ugyldig"),
        ("invalid number", "et tal er skrevet forkert"),
        ("number out of range", "et tal er for stort"),
        (
            "invalid unicode code point",
            "en \\u-kode i en tekst er ugyldig",
        ),
        (
            "lone leading surrogate",
            "en \\u-kode i en tekst er ugyldig",
        ),
        (
            "recursion limit exceeded",
            "dokumentet er indlejret for dybt",
        ),
    ];
    known
        .iter()
        .find(|(en, _)| message.starts_with(en))
        .map_or_else(|| message.to_string(), |(_, da)| (*da).to_string())
}

/// serde's data messages (`missing field `x``, `invalid type: …, expected …`), in Danish.
pub fn json_data_da(message: &str) -> String {
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if let Some(field) = message.strip_prefix("missing field").and_then(quoted) {
        return format!("feltet «{field}» mangler");
    }
    if let Some(field) = message.strip_prefix("duplicate field").and_then(quoted) {
        return format!("feltet «{field}» står der to gange");
    }
    if let Some(value) = message.strip_prefix("unknown variant").and_then(quoted) {
        return format!("værdien «{value}» er ikke en af de tilladte");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "forkert type: fandt {}, forventede {}",
            kind_da(found),
            kind_da(expected)
        );
    }
    if message.starts_with("invalid value") {
        return "ugyldig værdi".into();
    }
    message.to_string()
}

fn kind_da(serde: &str) -> String {
    let s = serde.trim();
    let word = s.split([' ', ':']).next().unwrap_or(s);
    let rest = s.split_once(' ').map_or("", |(_, r)| r);
    match word {
        "string" => format!("tekst {rest}").trim().to_string(),
        "a" if s == "a string" => "tekst".into(),
        "integer" => format!("tal {rest}").trim().to_string(),
        "floating" => "kommatal".into(),
        "u32" | "u64" | "i64" | "usize" => "et heltal".into(),
        "boolean" | "a boolean" => "sand/falsk".into(),
        "null" => "null".into(),
        "sequence" => "en liste".into(),
        "map" => "et objekt".into(),
        _ if s == "a sequence" => "en liste".into(),
        _ if s.starts_with("struct") => "et objekt".into(),
        _ if s.starts_with("unit variant") || s.starts_with("variant identifier") => {
            "en af de tilladte værdier".into()
        }
        _ => s.to_string(),
    }
}

fn problem_da(kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::WrongFormat { found } => {
            format!("er «{found}», men skal være «referat-bundle»")
        }
        ProblemKind::WrongVersion { found } => format!("er {found}, men skal være 1"),
        ProblemKind::EmptyId => "er tom; hvert møde og punkt skal have et id".into(),
        ProblemKind::NotUrlSafe { id } => format!("«{id}» må kun indeholde a-z, 0-9, - _ og ."),
        ProblemKind::DuplicateId { id } => {
            format!("«{id}» bruges to gange; et id skal være entydigt")
        }
        ProblemKind::BadDate { value } => format!("«{value}» er ikke en dato på formen ÅÅÅÅ-MM-DD"),
        ProblemKind::BadTime { value } => {
            format!("«{value}» er ikke et klokkeslæt på formen TT:MM")
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

#[cfg(test)]
mod danish_messages {
    use super::*;
    use referat_core::Bundle;

    fn da(json: &[u8]) -> String {
        let e = Bundle::from_slice(json).expect_err("must be rejected");
        describe_bundle_error(true, &e).0
    }

    const OK: &str = r#"{"format":"referat-bundle","version":1,"title":"T","generated":"x","meetings":[
      {"id":"m","committee":null,"date":null,"source":"s","items":[
        {"id":"i","number":null,"case_number":null,"title":null,"access":"open","outcome":"pending"}]}]}"#;

    #[test]
    fn every_bad_bundle_gets_its_own_danish_message() {
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"".to_vec(), "Filen er tom; der er ingen bundle i den."),
            (b"\xFF\xFE{\x00".to_vec(), "Filen er gemt som UTF-16. En bundle skal være UTF-8 JSON; gem den igen som UTF-8."),
            (b"{\"a\": \"\xC3\"}".to_vec(), "Filen er ikke UTF-8-tekst: byte 7 kan ikke læses. En bundle skal være UTF-8 JSON."),
            (b"<html>".to_vec(), "Filen er ikke gyldig JSON: her skulle der stå en værdi."),
            (b"{\"format\": ".to_vec(), "Filen er ikke gyldig JSON: filen slutter midt i et JSON-element."),
            (br#"{"version":1}"#.to_vec(), "Filen er ikke en referat-bundle: feltet «format» mangler (det skal være «referat-bundle»)."),
            (OK.replace("\"version\":1", "\"version\":2").into_bytes(), "Bundlen har version 2, men denne udgave af referat kan kun læse version 1. Brug en nyere referat."),
            (OK.replace("\"number\":null", "\"number\":\"one\"").into_bytes(), "Forkert data i «meetings[0].items[0].number»: forkert type: fandt tekst \"one\", forventede et heltal."),
            (OK.replace(",\"source\":\"s\"", "").into_bytes(), "Forkert data i «meetings[0]»: feltet «source» mangler."),
            (OK.replace("\"pending\"", "\"maybe\"").into_bytes(), "Forkert data i «meetings[0].items[0].outcome»: værdien «maybe» er ikke en af de tilladte."),
            (OK.replace("\"id\":\"i\"", "\"id\":\"m\"").into_bytes(), "Bundlen har 1 fejl. Den første: «meetings[0].items[0].id» «m» bruges to gange; et id skal være entydigt."),
        ];
        for (input, want) in cases {
            assert_eq!(
                da(&input),
                want,
                "input {:?}",
                String::from_utf8_lossy(&input)
            );
        }
    }

    #[test]
    fn too_large_names_both_sizes() {
        let e = BundleError::TooLarge {
            bytes: 400 * 1024 * 1024 + 1,
            limit: referat_core::MAX_BUNDLE_BYTES,
        };
        assert_eq!(
            describe_bundle_error(true, &e).0,
            "Bundlen fylder 401 MB, men referat kan højst åbne 300 MB. Del arkivet op i flere bundles, fx én pr. valgperiode."
        );
    }
}
