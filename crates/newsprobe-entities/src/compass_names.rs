//! Is "West" a place of its own ("spreading to the West") or a word of a longer name ("West
//! Hollywood", "West Palm Beach", "West Ham", "Adam West")?
//!
//! The hand-written place list holds "west" alone (the West of "the West"), so the rules cut it
//! off the name it opens or ends: on the tuned-on review groups "West" was a false place 8 times
//! ("his West Hollywood home" ×2, "West Palm Beach", "West Ham", "three West African countries",
//! Kanye West) and the name it belonged to was missed or shown cut ("Hollywood", "Palm Beach").
//! Here a body name "West" typed a place is joined to the name right after it (same sentence,
//! nothing between: "West Hollywood" keeps the type of "Hollywood"), joined to the person's name
//! right before it ("Adam West"), or, before a demonym ("West African"), left untyped (an
//! adjective, no place). "The West" and "the West's" stay a place, the gold's reading ("spreading
//! to the West"). Runs after the typer, outside what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::flag;
use crate::mentions::{Mention, MentionKind, Word};

/// What becomes of a "West" mention.
enum Fate {
    /// Joined to the mention at this index, which now starts with "West".
    Opens(usize),
    /// Joined to the person's name at this index, which now ends with "West".
    Ends(usize),
    /// An adjective before a demonym: no entity.
    Untyped,
}

/// Whether the mention is a body name "West" typed a place.
fn lone_west(m: &Mention) -> bool {
    m.kind == MentionKind::Name
        && m.span.field == Field::Text
        && m.etype == EntityType::Place
        && m.title_text.is_none()
        && m.name_text == "West"
}

/// What "West" at word `a` (mention `i`) belongs to, if anything.
fn fate(words: &[Word], all: &[Mention], i: usize, a: usize) -> Option<Fate> {
    let w = &words[a];
    if !w.poss {
        if let Some(next) = words
            .get(a + 1)
            .filter(|n| n.is_word && n.cap && n.sent == w.sent)
        {
            let j = all[i + 1..]
                .iter()
                .position(|m| m.name.unwrap_or(m.span).start == next.start)
                .map(|p| p + i + 1);
            match j {
                Some(j) if all[j].kind == MentionKind::Name && all[j].span.start == next.start => {
                    return Some(Fate::Opens(j))
                }
                _ if next.is(flag::DEMONYM | flag::REGIONAL_ADJECTIVE) => {
                    return Some(Fate::Untyped)
                }
                _ => {}
            }
        }
    }
    let prev = words[..a]
        .last()
        .filter(|p| p.is_word && p.cap && !p.poss && p.sent == w.sent)?;
    let j = all[..i].iter().rposition(|m| m.span.end == prev.end)?;
    let m = &all[j];
    (m.kind == MentionKind::Name && m.etype == EntityType::Person && m.span.field == Field::Text)
        .then_some(Fate::Ends(j))
}

/// Joins each "West" place to the name it opens or ends, or leaves it untyped before a demonym.
pub fn join_compass_names(words: &[Word], all: &mut Vec<Mention>) {
    let mut drop = Vec::new();
    for i in 0..all.len() {
        if !lone_west(&all[i]) {
            continue;
        }
        let start = all[i].span.start;
        let a = words.partition_point(|w| w.end <= start);
        if words.get(a).map(|w| w.start) != Some(start) {
            continue;
        }
        match fate(words, all, i, a) {
            Some(Fate::Opens(j)) => {
                let m = &mut all[j];
                m.span.start = start;
                m.name = Some(m.name.unwrap_or(m.span)).map(|mut s| {
                    s.start = start;
                    s
                });
                m.name_text.insert_str(0, "West ");
                drop.push(i);
            }
            Some(Fate::Ends(j)) => {
                let end = all[i].span.end;
                let m = &mut all[j];
                m.span.end = end;
                if let Some(s) = m.name.as_mut() {
                    s.end = end;
                }
                m.name_text.push_str(" West");
                m.head = "west".to_string();
                drop.push(i);
            }
            Some(Fate::Untyped) => all[i].etype = EntityType::Other,
            None => {}
        }
    }
    if drop.is_empty() {
        return;
    }
    let mut k = 0;
    all.retain(|_| {
        k += 1;
        !drop.contains(&(k - 1))
    });
}

#[cfg(test)]
mod tests {
    use crate::test_support::{has, kinds};
    use newsprobe_core::EntityType;

    #[test]
    fn west_opens_or_ends_a_longer_name() {
        let k = kinds(
            "The singer was found at his West Hollywood home, police said. The tour kicks off \
             in West Palm Beach, Florida. Actor Adam West said he was thrilled. Most victims \
             lived in three West African countries.",
        );
        assert!(has(&k, "West Hollywood", EntityType::Place), "{k:?}");
        assert!(has(&k, "West Palm Beach", EntityType::Place), "{k:?}");
        assert!(has(&k, "Adam West", EntityType::Person), "{k:?}");
        assert!(
            !k.iter()
                .any(|(n, t)| n == "West" && *t == EntityType::Place),
            "{k:?}"
        );
    }

    #[test]
    fn the_west_stays_a_place() {
        let k = kinds("The plague spread from China to the West via ships, historians said.");
        assert!(has(&k, "West", EntityType::Place), "{k:?}");
    }
}
