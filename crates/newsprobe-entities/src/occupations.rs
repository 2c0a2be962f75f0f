//! Is this capitalised word an occupation standing before a name ("Actor Leonardo DiCaprio",
//! "Novelist Ann Patchett")? Then the name after it is a person's and the word is their role,
//! not part of the name (which would hide the given name and its gender).

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::{Gender, GAZETTEER};
use crate::mentions::{name_mention, Mention, MentionKind, Word};

/// Occupations written capitalised before a name at the start of a sentence or a headline.
/// Titles proper ("President", "Director") are the gazetteer's; these are not titles anywhere
/// else ("the actor" is no description the way "the president" is).
const OCCUPATIONS: &[&str] = &[
    "actor",
    "actress",
    "singer",
    "rapper",
    "comedian",
    "musician",
    "songwriter",
    "singer-songwriter",
    "filmmaker",
    "producer",
    "author",
    "novelist",
    "writer",
    "poet",
    "playwright",
    "journalist",
    "reporter",
    "columnist",
    "broadcaster",
    "presenter",
    "designer",
    "chef",
    "artist",
    "painter",
    "photographer",
    "architect",
    "economist",
    "historian",
    "scientist",
    "physicist",
    "astronomer",
    "researcher",
    "analyst",
    "entrepreneur",
    "billionaire",
    "businessman",
    "businesswoman",
    "investor",
    "philanthropist",
    "activist",
    "campaigner",
    "lawyer",
    "attorney",
    "barrister",
    "footballer",
    "striker",
    "midfielder",
    "goalkeeper",
    "quarterback",
    "boxer",
    "golfer",
    "cyclist",
    "swimmer",
    "sprinter",
    "wrestler",
    "dancer",
    "ballerina",
    "model",
    "supermodel",
    "blogger",
    "youtuber",
    "pastor",
    "preacher",
];

/// Whether `norm` (a normalised word) is an occupation that may stand before a name.
pub fn is_occupation(norm: &str) -> bool {
    OCCUPATIONS.contains(&norm)
}

/// Splits an occupation off the front of the body's names ("Actor Leonardo DiCaprio": the
/// person Leonardo DiCaprio with the title "Actor"), after the tagger and the typer (which read
/// the rules' names as they were).
pub fn split_roles(words: &[Word], mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if m.kind != MentionKind::Name
            || m.span.field != Field::Text
            || m.title_text.is_some()
            || !matches!(m.etype, EntityType::Person | EntityType::Other)
        {
            continue;
        }
        let Some(name) = m.name else { continue };
        let a = words.partition_point(|w| w.start < name.start);
        let b = words.partition_point(|w| w.start < name.end);
        if a + 2 > b || words[a].start != name.start || words[b - 1].end != name.end {
            continue;
        }
        let (role, next) = (&words[a], &words[a + 1]);
        if !role.cap || role.poss || !next.is_word || !next.cap || !is_occupation(role.norm) {
            continue;
        }
        let from = words.partition_point(|w| w.start < m.span.start);
        let mut split = name_mention(words, from, a + 1, b, EntityType::Person, Field::Text);
        split.title_text = Some(role.text.to_string());
        split.descriptors = crate::descriptors::title_phrase(words, from, a + 1, Field::Text);
        split.descriptors.append(&mut m.descriptors);
        let g = &*GAZETTEER;
        split.gender = match g.gender_of_word(role.norm) {
            Gender::Unknown => g.gender_of_word(next.text),
            known => known,
        };
        *m = split;
    }
}

#[cfg(test)]
mod tests {
    use newsprobe_core::{Document, EntityType};

    #[test]
    fn a_capitalised_occupation_before_a_name_is_a_role() {
        let text = "Actor Leonardo DiCaprio arrived in Cannes on Tuesday as an early Oscar \
contender for his role in the drama. He told reporters that the film had changed him. \
\"I never expected this,\" he said.";
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc, None);
        let e = doc
            .entities
            .iter()
            .find(|e| e.name == "Leonardo DiCaprio")
            .unwrap_or_else(|| {
                panic!(
                    "{:?}",
                    doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
                )
            });
        assert_eq!(e.kind, EntityType::Person);
        let texts = doc.mention_texts(e);
        assert_eq!(
            texts,
            vec!["Actor Leonardo DiCaprio", "his", "He", "him", "he"]
        );
    }

    #[test]
    fn occupations_are_few_and_lower_case() {
        assert!(super::is_occupation("actor"));
        assert!(!super::is_occupation("Actor"));
        assert!(!super::is_occupation("president"));
    }
}
