//! The URL hash: every view and filter written and read back, Danish names and junk in
//! a hand-edited URL, date presets, and which changes count as typing.

use referat_core::query::{DatePreset, Filter, Route, Sort, View};
use referat_core::{Access, Outcome};

#[test]
fn date_presets() {
    assert_eq!(
        DatePreset::Last3Months.range("2025-05-31"),
        Some(("2025-02-28".into(), "2025-05-31".into()))
    );
    assert_eq!(
        DatePreset::Last3Months.range("2025-02-10"),
        Some(("2024-11-10".into(), "2025-02-10".into()))
    );
    assert_eq!(
        DatePreset::ThisYear.range("2024-06-01"),
        Some(("2024-01-01".into(), "2024-12-31".into()))
    );
    assert_eq!(
        DatePreset::ElectionPeriod(2022).range("2030-01-01"),
        Some(("2022-01-01".into(), "2025-12-31".into()))
    );
    assert_eq!(DatePreset::ThisYear.range("garbage"), None);
    assert_eq!(DatePreset::ThisYear.range("2024-02-30"), None);
    assert_eq!(
        DatePreset::ThisYear.range("2024-02-29"),
        Some(("2024-01-01".into(), "2024-12-31".into()))
    );
}

#[test]
fn url_hash_round_trips_every_filter() {
    let route = Route {
        view: View::Item("vpu-2024-04-24-1".into()),
        filter: Filter {
            committees: [
                "Voksen- og plejeudvalget".to_string(),
                "Økonomiudvalget".to_string(),
            ]
            .into(),
            from: Some("2024-01-01".into()),
            to: Some("2024-12-31".into()),
            absentee: Some("Tom Bytoft".into()),
            outcomes: [Outcome::Approved, Outcome::Noted].into(),
            dissent_only: true,
            noted: true,
            access: Some(Access::Open),
            text: "økonomi & budget=50%".into(),
            sort: Sort::Relevance,
        },
        english: true,
    };
    let hash = route.to_hash();
    assert_eq!(
        hash,
        "#/punkt/vpu-2024-04-24-1?udvalg=Voksen-%20og%20plejeudvalget&udvalg=%C3%98konomiudvalget&fra=2024-01-01&til=2024-12-31\
         &fravaer=Tom%20Bytoft&udfald=approved&udfald=noted&uenighed=1&noter=1&adgang=aaben&q=%C3%B8konomi%20%26%20budget%3D50%25&sort=relevans&sprog=en"
    );
    assert_eq!(Route::parse(&hash), route);
    assert_eq!(Route::default().to_hash(), "#/");
    assert_eq!(Route::parse(""), Route::default());
    // The pages of people, committees, meetings and cases, names with Danish letters and
    // case numbers with a slash included.
    for (view, hash) in [
        (View::People, "#/personer"),
        (
            View::Person("Søren Ørum".into()),
            "#/person/S%C3%B8ren%20%C3%98rum",
        ),
        (
            View::Committee("Teknik & Miljø".into()),
            "#/udvalg/Teknik%20%26%20Milj%C3%B8",
        ),
        (View::Meetings, "#/moeder"),
        (View::Case("24/1187".into()), "#/sag/24%2F1187"),
    ] {
        let r = Route {
            view,
            ..Route::default()
        };
        assert_eq!(r.to_hash(), hash);
        assert_eq!(Route::parse(hash), r);
    }
    assert_eq!(
        Route::parse("#/moede/kb-1").view,
        View::Meeting("kb-1".into())
    );
}

#[test]
fn only_a_changed_text_counts_as_typing() {
    let from = Route::parse("#/?udvalg=%C3%98konomiudvalget&q=bud");
    // (route, typed from `from`)
    let table = [
        ("#/?udvalg=%C3%98konomiudvalget&q=budg", true),
        ("#/?udvalg=%C3%98konomiudvalget&q=bu", true),
        ("#/?udvalg=%C3%98konomiudvalget", true),
        ("#/?udvalg=%C3%98konomiudvalget&q=bud", false),
        ("#/?q=budg", false),
        ("#/?udvalg=%C3%98konomiudvalget&q=budg&sprog=en", false),
        ("#/?udvalg=%C3%98konomiudvalget&q=budg&sort=relevans", false),
        ("#/punkt/kb-1?udvalg=%C3%98konomiudvalget&q=budg", false),
        (
            "#/?udvalg=%C3%98konomiudvalget&q=budg&udfald=approved",
            false,
        ),
    ];
    for (hash, typed) in table {
        assert_eq!(Route::parse(hash).is_typed_from(&from), typed, "{hash}");
    }
}

#[test]
fn url_hash_accepts_danish_outcome_names_and_ignores_junk() {
    let r = Route::parse(
        "#/?udfald=godkendt&udfald=taget-til-efterretning&fra=igaar&x=1&q=a+b&udfald=%ZZ",
    );
    assert_eq!(
        r.filter.outcomes,
        [Outcome::Approved, Outcome::Noted].into()
    );
    assert_eq!(r.filter.from, None);
    assert_eq!(r.filter.text, "a b");
    assert_eq!(r.view, View::List);
}
