//! Which of two people who share a surname is a bare surname speaker ("Obama said")?
//!
//! An article about Barack and Michelle Obama writes "Obama said" for either. The surname goes
//! to the person the article last named with it in more than one word ("Michelle Obama",
//! "President Obama"); where that last naming puts two of them side by side ("Barack Obama
//! and Michelle Obama toured a shelter"), the surname stays as written, with no person behind
//! it: guessing would pin a statement on the wrong one.

use newsprobe_core::{EntityType, Span};

use crate::speaker::Ctx;

/// The owner of the surname `written` at character `pos`: `Some(Some(entity index))` for the
/// person last named with it, `Some(None)` where two people compete for it, `None` where no
/// two person entities of the article share it (nothing to decide).
pub(crate) fn owner(ctx: &Ctx, written: &str, pos: usize) -> Option<Option<usize>> {
    let doc = ctx.doc;
    // The longer mentions ending in the surname, before `pos`, of each person entity.
    let mut named: Vec<(Span, usize)> = Vec::new();
    let mut people = 0;
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind != EntityType::Person {
            continue;
        }
        let before = e.mentions.iter().filter(|s| s.end <= pos).filter(|s| {
            let t = doc.span_text(s);
            t.contains(' ') && t.split_whitespace().last() == Some(written)
        });
        let mut any = false;
        for s in before {
            named.push((*s, i));
            any = true;
        }
        if any {
            people += 1;
        }
    }
    if people < 2 {
        return None;
    }
    let &(last, who) = named.iter().max_by_key(|(s, _)| s.end)?;
    let sentence = doc.sentence_at(last.start);
    let rival = named
        .iter()
        .any(|&(s, i)| i != who && sentence.is_some() && doc.sentence_at(s.start) == sentence);
    Some((!rival).then_some(who))
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    const TEXT: &str = "Royal couple tours flood zone\n\n\
        Edward Hale flew to Norwich on Monday to meet flood victims. Anne Hale \
        visited a school in Cromer where she read to the pupils. Hale said the pupils had asked \
        about the storm.\n\n\
        Edward Hale and Anne Hale later toured a shelter together. Hale said the volunteers had \
        worked for days without a break.";

    /// A bare surname is the person last named in full with it.
    #[test]
    fn a_surname_is_the_person_last_named_with_it() {
        let (name, _) = source_of(TEXT, "the pupils had asked");
        assert_eq!(name.as_deref(), Some("Anne Hale"));
    }

    /// Two people named side by side just before: the surname stays as written.
    #[test]
    fn a_surname_two_people_share_stays_unresolved() {
        let (name, _) = source_of(TEXT, "the volunteers had worked");
        assert_eq!(name.as_deref(), Some("Hale"));
    }
}
