//! The person, committee, meeting and case pages' numbers, exactly, on a small council
//! written for the test (`fixtures/council-bundle.json`): four meetings of two bodies.

use referat_core::aggregate::{Aggregates, Attendance, MeetingAbsence, Quarter};
use referat_core::query::{Filter, ItemRef};
use referat_core::{Bundle, Outcome};

/// Meetings in bundle order (newest first): 0 = ØU 15 Jan 2025, 1 = ØU 5 Sep 2024,
/// 2 = Byrådet 20 Feb 2024, 3 = ØU 10 Feb 2024. Member lists on the three ØU meetings.
fn council() -> Bundle {
    Bundle::from_json(include_str!("fixtures/council-bundle.json")).expect("a valid bundle")
}

fn at(meeting: usize, item: usize) -> ItemRef {
    ItemRef { meeting, item }
}

fn q(year: u32, quarter: u32, items: usize, meetings: usize) -> Quarter {
    Quarter {
        year,
        quarter,
        items,
        meetings,
    }
}

#[test]
fn everyone_absent_or_listed_is_a_person_by_folded_name() {
    let a = Aggregates::new(&council());
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anne Dahl", "Bo Kragh", "Carla Lund"]);
    assert_eq!(
        a.person("bo kragh").map(|p| p.name.as_str()),
        Some("Bo Kragh")
    );
    assert_eq!(
        a.person("Bo Kragh").and_then(|p| p.party.as_deref()),
        Some("V")
    );
    assert!(a.person("Dorte Ravn").is_none());
}

#[test]
fn absences_per_meeting_whole_or_by_item_newest_first() {
    let a = Aggregates::new(&council());
    let bo = a.person("Bo Kragh").expect("Bo");
    assert_eq!(bo.items_absent, 4);
    assert_eq!(
        bo.absences,
        vec![
            MeetingAbsence {
                meeting: 0,
                whole: false,
                items: vec![0],
                note: None
            },
            MeetingAbsence {
                meeting: 2,
                whole: false,
                items: vec![0],
                note: None
            },
            MeetingAbsence {
                meeting: 3,
                whole: true,
                items: vec![0, 1],
                note: Some("afbud".into())
            },
        ]
    );
    assert_eq!(
        bo.by_committee,
        vec![
            (Some("Byrådet".to_string()), vec![1]),
            (Some("Økonomiudvalget".to_string()), vec![0, 2]),
        ]
    );
}

#[test]
fn quarters_run_from_the_first_absence_to_the_last_with_empty_ones_between() {
    let a = Aggregates::new(&council());
    let bo = a.person("Bo Kragh").expect("Bo");
    assert_eq!(
        bo.quarters,
        vec![
            q(2024, 1, 3, 2),
            q(2024, 2, 0, 0),
            q(2024, 3, 0, 0),
            q(2024, 4, 0, 0),
            q(2025, 1, 1, 1)
        ]
    );
    let anne = a.person("Anne Dahl").expect("Anne");
    assert_eq!(anne.quarters, vec![q(2025, 1, 1, 1)]);
}

#[test]
fn attendance_only_counts_meetings_that_list_members() {
    let a = Aggregates::new(&council());
    // Bo: listed at three meetings, absent from the whole of one (an item alone is attending).
    let bo = a.person("Bo Kragh").expect("Bo").attendance;
    assert_eq!(
        bo,
        Some(Attendance {
            listed: 3,
            present: 2
        })
    );
    assert_eq!(bo.map(Attendance::percent), Some(67));
    // Carla: not on January's list, so two meetings, both attended.
    let carla = a.person("Carla Lund").expect("Carla").attendance;
    assert_eq!(
        carla,
        Some(Attendance {
            listed: 2,
            present: 2
        })
    );
    assert_eq!(carla.map(Attendance::percent), Some(100));
}

#[test]
fn no_member_list_means_no_rate() {
    let mut b = council();
    for m in &mut b.meetings {
        m.members.clear();
    }
    let a = Aggregates::new(&b);
    assert!(a.people.iter().all(|p| p.attendance.is_none()));
    // Carla is still there: she missed an item.
    assert_eq!(a.person("Carla Lund").map(|p| p.items_absent), Some(1));
}

#[test]
fn committee_meetings_outcomes_by_year_and_who_is_absent_most() {
    let b = council();
    let a = Aggregates::new(&b);
    let names: Vec<&str> = a.committees.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Byrådet", "Økonomiudvalget"]);
    let oeu = a.committee("Økonomiudvalget").expect("ØU");
    assert_eq!(oeu.meetings, vec![0, 1, 3]);
    assert_eq!(oeu.items, 5);
    let years: Vec<(u32, usize)> = oeu.years.iter().map(|y| (y.year, y.total())).collect();
    assert_eq!(years, vec![(2024, 4), (2025, 1)]);
    let y2024 = oeu.years[0];
    assert_eq!(
        [
            Outcome::Recommended,
            Outcome::Postponed,
            Outcome::Rejected,
            Outcome::Noted,
            Outcome::Approved
        ]
        .map(|o| y2024.count(o)),
        [1, 1, 1, 1, 0]
    );
    assert_eq!(oeu.years[1].count(Outcome::Approved), 1);
    // People are positions in `people`: Anne 0, Bo 1, Carla 2.
    assert_eq!(oeu.absent_most, vec![(1, 3, 2), (0, 1, 1), (2, 1, 1)]);
    assert_eq!(
        a.committee("Byrådet").map(|c| c.absent_most.clone()),
        Some(vec![(1, 1, 1)])
    );
}

#[test]
fn meetings_newest_first_under_the_committee_and_date_filters() {
    let b = council();
    let a = Aggregates::new(&b);
    assert_eq!(a.meetings, vec![0, 1, 2, 3]);
    let byraad = Filter {
        committees: ["Byrådet".to_string()].into(),
        ..Filter::default()
    };
    assert_eq!(a.meetings_in(&b, &byraad), vec![2]);
    let autumn = Filter {
        from: Some("2024-06-01".into()),
        to: Some("2024-12-31".into()),
        ..Filter::default()
    };
    assert_eq!(a.meetings_in(&b, &autumn), vec![1]);
}

#[test]
fn a_case_through_every_meeting_oldest_first_spaces_ignored() {
    let a = Aggregates::new(&council());
    assert_eq!(a.case("24/100"), [at(3, 0), at(2, 0)]);
    assert_eq!(a.case("24/200"), [at(3, 1), at(1, 0)]);
    assert_eq!(a.case("24/300"), [at(1, 1), at(0, 0)]);
    assert_eq!(a.case(" 24/ 300 "), [at(1, 1), at(0, 0)]);
    assert!(a.case("99/999").is_empty());
}

#[test]
fn a_stray_date_neither_stretches_the_chart_nor_hides_the_real_years() {
    for stray in ["1900-03-01", "2999-03-01"] {
        let mut b = council();
        // One more ØU meeting on a mistyped date, with Bo absent.
        let mut m = b.meetings[3].clone();
        m.id = "stray".into();
        m.date = Some(stray.into());
        b.meetings.push(m);
        let a = Aggregates::new(&b);
        let bo = a.person("Bo Kragh").expect("Bo");
        let first = bo.quarters.first().map(|q| (q.year, q.quarter));
        let last = bo.quarters.last().map(|q| (q.year, q.quarter));
        assert_eq!((first, last), (Some((2024, 1)), Some((2025, 1))), "{stray}");
        let years: Vec<u32> = a
            .committee("Økonomiudvalget")
            .expect("ØU")
            .years
            .iter()
            .map(|y| y.year)
            .collect();
        assert_eq!(years, [2024, 2025], "{stray}");
    }
}

#[test]
fn meetings_and_cases_are_ordered_by_date_whatever_the_bundle_order() {
    let mut b = council();
    // Oldest first, an undated meeting in the middle, two meetings on one day.
    b.meetings.reverse();
    let mut undated = b.meetings[0].clone();
    undated.id = "undated".into();
    undated.date = None;
    for item in &mut undated.items {
        item.id = format!("{}-u", item.id);
    }
    b.meetings.insert(2, undated);
    let mut same_day = b.meetings[4].clone();
    same_day.id = "same-day".into();
    for item in &mut same_day.items {
        item.id = format!("{}-b", item.id);
    }
    b.meetings.push(same_day);
    let a = Aggregates::new(&b);
    let ids: Vec<&str> = a
        .meetings
        .iter()
        .map(|&m| b.meetings[m].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "oeu-2025-01-15",
            "same-day",
            "oeu-2024-09-05",
            "by-2024-02-20",
            "oeu-2024-02-10",
            "undated"
        ]
    );
    let case: Vec<&str> = a
        .case("24/100")
        .iter()
        .map(|r| b.meetings[r.meeting].items[r.item].id.as_str())
        .collect();
    // Oldest first, the undated treatment last.
    assert_eq!(
        case,
        ["oeu-2024-02-10-1", "by-2024-02-20-1", "oeu-2024-02-10-1-u"]
    );
}
