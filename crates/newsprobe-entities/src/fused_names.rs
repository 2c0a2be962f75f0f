//! Where a run of capitalised words is an organisation's name or a role, then a person's name
//! ("the Refugee Council Enver Solomon", "National Security Adviser Susan Rice"): the run is two
//! names, not one. News writers drop the comma or "'s" between an organisation and its speaker;
//! read as one name, the organisation is lost and the person typed an organisation (or the
//! organisation a person).

use crate::gazetteer::flag;
use crate::mentions::{FieldContext, Word};
use newsprobe_core::lexicon::{MONTHS, WEEKDAYS};

/// Where a person's name begins inside the unknown capitalised run `a..b`, and whether the
/// words before it are a role (a title bound to the person) rather than an organisation: the
/// word before the split is an organisation's head ("Council", "Party", "News") or a role noun
/// ("Adviser"), and two or three capitalised words follow that no head word ends and none of
/// which is a common word or seen in lower case ("Enver Solomon", not "Mail Online").
pub(crate) fn split(
    words: &[Word],
    a: usize,
    b: usize,
    ctx: &FieldContext,
) -> Option<(usize, bool)> {
    if b < a + 3 {
        return None;
    }
    // The person's name: the last two words, else the last three ("Mary Ann Smith").
    for len in [2, 3] {
        if b < a + len + 1 {
            break;
        }
        let p = b - len;
        let before = &words[p - 1];
        if !before.cap || before.poss {
            continue;
        }
        let org = before.is(flag::ORG_HEAD);
        let role = !org && before.is(flag::ROLE_NOUN) && !before.is(flag::TITLE);
        if !(org || role) {
            continue;
        }
        let person_like = words[p..b].iter().all(|w| {
            w.is_word
                && w.cap
                && !w.poss
                && !w.is(flag::ORG_HEAD | flag::PLACE_HEAD | flag::COMMON | flag::CONNECTOR)
                && !w.is(flag::TITLE | flag::ROLE_NOUN | flag::DEMONYM)
                && !ctx.seen_lower(w)
                && !crate::acronyms::is_acronym(w.text)
                && w.text.chars().any(|c| c.is_lowercase())
                && !MONTHS.contains(&w.norm)
                && !WEEKDAYS.contains(&w.norm)
        });
        // One sentence ("... Credit Union Amphitheatre\nJune 14" is a list's two lines).
        let one_sentence = words[a..b].iter().all(|w| w.sent == words[a].sent);
        if person_like && one_sentence && words[a..p].iter().all(|w| w.cap) {
            return Some((p, role));
        }
    }
    None
}
