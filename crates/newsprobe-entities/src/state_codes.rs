//! Is this short capitalised word a US state written the way datelines and listings write it
//! ("Tampa, FL", "Bayou La Batre, Miss.", "Raleigh, N.C.")? After a capitalised town's name and
//! a comma, a postal code or an AP state abbreviation is the state, a place: the rules and the
//! tagger leave these untyped or read them as people ("Miss", "Calif"), and the town before the
//! comma is a place too (unless a given name or a title makes it a person: "Tom Molomby, SC"
//! is a senior counsel). A table is the right
//! answer here: the codes are a closed list, and the town-comma context keeps "IN", "OR", "ME"
//! and "Miss" elsewhere what they are.

use newsprobe_core::{EntityType, Field};

use crate::mentions::{self, Mention, MentionKind, Word};

/// The 50 states' and DC's postal codes (written in capitals).
const POSTAL: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC",
];

/// AP style state abbreviations, as written before their period ("Calif." is "Calif" and ".").
const AP: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H", "N.J", "N.M",
    "N.Y", "N.C", "N.D", "Okla", "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Vt", "Va", "Wash",
    "W.Va", "Wis", "Wyo", "D.C", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "R.I.", "S.C.",
    "S.D.", "W.Va.", "D.C.",
];

/// Whether word `i` is a state code after "Town," (and, for an AP abbreviation, its period).
fn is_state_code(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if i < 2 || !w.cap || w.text.len() > 6 {
        return false;
    }
    let comma = &words[i - 1];
    let town = &words[i - 2];
    if comma.text != "," || !town.cap || !town.is_word || town.sent != w.sent {
        return false;
    }
    if POSTAL.contains(&w.text) {
        // Not the start of a capitalised run ("Reno, NV Energy said").
        return !words
            .get(i + 1)
            .is_some_and(|n| n.cap && n.is_word && n.sent == w.sent);
    }
    if AP.contains(&w.text) {
        return w.text.ends_with('.') || words.get(i + 1).is_some_and(|n| n.text == ".");
    }
    false
}

/// Types state codes after a town's name as places: a name mention of exactly the code is
/// retyped (whatever the rules or the tagger made of it), and a code no mention covers is added.
pub fn type_states(words: &[Word], all: &mut Vec<Mention>) {
    let word_range = |s: newsprobe_core::Span| {
        let a = words.partition_point(|w| w.end <= s.start);
        let b = words.partition_point(|w| w.start < s.end);
        a..b.max(a)
    };
    // `word_range(s).contains(&j)` without the two searches: the words' starts and ends both
    // rise, so word `j` is in the range exactly when it overlaps `s`.
    let holds =
        |s: newsprobe_core::Span, j: usize| words[j].end > s.start && words[j].start < s.end;
    let mut added = Vec::new();
    for i in 2..words.len() {
        if !is_state_code(words, i) {
            continue;
        }
        // "Tom Molomby, SC": a person's post-nominal, not a state (a person read as one by a
        // given name or a title before it).
        let after_person = all.iter().any(|m| {
            m.span.field == Field::Text
                && m.etype == EntityType::Person
                && holds(m.span, i - 2)
                && (m.title_text.is_some()
                    || words[word_range(m.span).start].is(crate::gazetteer::flag::FIRST_NAME))
        });
        if after_person {
            continue;
        }
        // The name before the comma is the town ("Bayou La Batre, Miss.", read as a person).
        for m in all.iter_mut() {
            if m.kind == MentionKind::Name
                && m.span.field == Field::Text
                && m.title_text.is_none()
                && matches!(m.etype, EntityType::Person | EntityType::Other)
                && word_range(m.name.unwrap_or(m.span)).end == i - 1
            {
                m.etype = EntityType::Place;
                m.weak = false;
                m.gender = crate::gazetteer::Gender::Unknown;
            }
        }
        let mut covered = false;
        for m in all.iter_mut() {
            if m.span.field != Field::Text {
                continue;
            }
            if !holds(m.span, i) {
                continue;
            }
            covered = true;
            if m.kind == MentionKind::Name
                && m.title_text.is_none()
                && word_range(m.span) == (i..i + 1)
            {
                m.etype = EntityType::Place;
                m.weak = false;
            }
        }
        if !covered {
            added.push(mentions::name_mention(
                words,
                i,
                i,
                i + 1,
                EntityType::Place,
                Field::Text,
            ));
        }
    }
    if !added.is_empty() {
        all.extend(added);
        let taken = std::mem::take(all);
        *all = mentions::sort_mentions(taken);
    }
}

#[cfg(test)]
mod tests {
    use newsprobe_core::{Document, EntityType};

    use crate::test_support::kind;

    #[test]
    fn state_codes_after_a_town_are_places() {
        let text = "The band will play the Amphitheatre in Tampa, FL on July 5 and the Pavilion \
in Raleigh, NC two days later. The storm reached Bayou La Batre, Miss., on Sunday, \
and officials in Fresno, Calif., said the roads were closed.";
        crate::test_support::assert_typed(
            text,
            &["FL", "NC", "Miss", "Calif", "Bayou La Batre"],
            EntityType::Place,
        );
    }

    #[test]
    fn the_same_words_elsewhere_are_left_alone() {
        let text = "Miss Jones said the IN and OUT signs were new. \"We stay in,\" she said. \
For the defence, Tom Molomby, SC, said the parents had acted in good faith.";
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc, None);
        assert_ne!(
            kind(&doc, "IN"),
            Some(EntityType::Place),
            "{:?}",
            doc.entities
        );
        assert!(
            doc.entities.iter().all(|e| e.kind != EntityType::Place),
            "{:?}",
            doc.entities
        );
    }
}
