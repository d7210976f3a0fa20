//! Adding newly read meetings to an open bundle (the viewer's import): the meetings and
//! items already there keep their ids, so links and bookmarks to them still work; a
//! new one whose id is taken gets the next free suffix (`oeu-2025-03-04-2`).

use crate::bundle::{add_abbreviations, meeting_slug, sort_meetings, unique, Ids};
use crate::model::{Bundle, Meeting};
use crate::Committees;

/// A bundle with no meetings yet, for an import when none is open.
pub fn empty_bundle(title: &str, generated: &str) -> Bundle {
    crate::assemble(
        title,
        generated,
        Vec::new(),
        &Committees::from_map(Default::default()),
    )
}

/// `bundle` with `new` added, sorted as [`crate::assemble`] sorts, `generated` as its
/// new build time.
pub fn add_meetings(
    mut bundle: Bundle,
    new: Vec<Meeting>,
    generated: &str,
    committees: &Committees,
) -> Bundle {
    let mut used = Ids::default();
    for m in &bundle.meetings {
        used.taken.insert(m.id.clone());
        used.taken.extend(m.items.iter().map(|i| i.id.clone()));
    }
    let start = bundle.meetings.len();
    for mut m in new {
        m.id = unique(meeting_slug(&m, committees), &mut used);
        let meeting_id = m.id.clone();
        for (i, item) in m.items.iter_mut().enumerate() {
            let n = item.number.unwrap_or(i as u32 + 1);
            item.id = unique(format!("{meeting_id}-{n}"), &mut used);
        }
        bundle.meetings.push(m);
    }
    add_abbreviations(
        &bundle.meetings[start..],
        committees,
        &mut bundle.committees,
    );
    sort_meetings(&mut bundle.meetings);
    bundle.generated = generated.to_owned();
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{assemble, parse_minutes, Vocabulary};

    fn meeting(text: &str, source: &str) -> Meeting {
        parse_minutes(text, source, Vocabulary::builtin()).meeting
    }

    #[test]
    fn new_meetings_get_free_ids_and_old_ones_keep_theirs() {
        let v = Vocabulary::builtin();
        let march = "Referat\nØkonomiudvalget 3. marts 2025\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n";
        let april = "Referat\nØkonomiudvalget 7. april 2025\n\n1. Budget\nBeslutning\nGodkendt.\n";
        let bundle = assemble(
            "Arkiv",
            "2025-01-01T00:00:00Z",
            vec![meeting(march, "a.txt")],
            &v.committees,
        );
        assert_eq!(bundle.meetings[0].id, "oeu-2025-03-03");
        let merged = add_meetings(
            bundle,
            vec![meeting(march, "a-igen.pdf"), meeting(april, "b.pdf")],
            "2025-05-01T00:00:00Z",
            &v.committees,
        );
        let ids: Vec<(&str, Vec<&str>)> = merged
            .meetings
            .iter()
            .map(|m| {
                (
                    m.id.as_str(),
                    m.items.iter().map(|i| i.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            ids,
            [
                ("oeu-2025-04-07", vec!["oeu-2025-04-07-1"]),
                ("oeu-2025-03-03", vec!["oeu-2025-03-03-1"]),
                ("oeu-2025-03-03-2", vec!["oeu-2025-03-03-2-1"]),
            ]
        );
        assert_eq!(merged.generated, "2025-05-01T00:00:00Z");
        assert_eq!(merged.title, "Arkiv");
    }
}
