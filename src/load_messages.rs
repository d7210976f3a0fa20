//! Why a bundle could not be opened, in the user's language: the error panel's text. Danish
//! messages are written for a reader who has never seen JSON (what is wrong, and what to do).

use crate::i18n::Lang;
use crate::state::{LoadFailure, LoadProblem};
use referat_core::{BundleError, ProblemKind};

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
