//! Is an organisation's name that runs across a connector word one organisation ("the White
//! House Correspondents' Association", "Australia's News Network", "the Institute for Fiscal
//! Studies Council")? And is a person's name fused after an organisation's head noun ("Refugee
//! Council Enver Solomon") the person?
//!
//! The capitalised run stops at "of", "for" and at a possessive, so the tail of such a name came
//! out a name of its own ("Association", "Network"), and then a junk speaker. Here a capitalised
//! run that ends in an organisation's head noun ([`HEADS`]: the last words of GUM **train**
//! organisation spans that are institutions, counted in 2026-12, plus the spellings "Network",
//! "Organisation", "Centre") and is joined by "of", "for" or a plural's possessive apostrophe
//! ("Correspondents'") is one organisation. A singular possessive ("Australia's") joins only a
//! lone head noun after it ("Australia's Network"): "Britain's Labour Party" and "Trump's Justice
//! Department" keep their owner apart. "and" joins nothing (too often two names). No person may
//! lie inside the run ("John Smith of Heritage Foundation"), and every mention it covers must lie
//! inside it.
//!
//! Second, a name typed a person whose words are an organisation ending in a head noun and then
//! two more capitalised words ("Refugee Council Enver Solomon") is split: the organisation up to
//! its head, the person after it. Runs after the typer, outside what the tagger and typer are
//! trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::{flag, Set};
use crate::mentions::{self, Mention, MentionKind, Word};

/// Organisation head nouns (GUM train organisation spans' last words that name an institution).
pub(crate) const HEADS: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "assembly",
    "association",
    "authority",
    "bureau",
    "caucus",
    "center",
    "centre",
    "college",
    "commission",
    "committee",
    "conference",
    "corporation",
    "council",
    "foundation",
    "fund",
    "institute",
    "league",
    "ministry",
    "movement",
    "network",
    "organisation",
    "organization",
    "society",
    "union",
];

/// Last words of a government agency's name that are no organisation head noun ("Immigration and
/// Customs Enforcement", "U.S. Fish and Wildlife Service", "Centers for Disease Control and
/// Prevention"): a run ending in one is an organisation only across a connector.
const AGENCY_ENDS: &[&str] = &["enforcement", "prevention", "service", "services"];

/// Whether `w` may end a joined organisation.
fn org_end(w: &Word) -> bool {
    is_head(w.norm) || AGENCY_ENDS.contains(&w.norm)
}

/// Capitalised words in a joined run at most.
const MAX_WORDS: usize = 8;

/// The lengths of [`HEADS`]' words by first letter (bit `len` of the letter's entry): refuses
/// nearly every capitalised word of a page before the list is scanned.
const HEAD_LENGTHS: [u32; 26] = {
    let mut t = [0u32; 26];
    let mut i = 0;
    while i < HEADS.len() {
        let b = HEADS[i].as_bytes();
        t[(b[0] - b'a') as usize] |= 1 << b.len();
        i += 1;
    }
    t
};

/// Whether a normalised word is one of [`HEADS`].
pub(crate) fn is_head(norm: &str) -> bool {
    let b = norm.as_bytes();
    let letter = b.first().map_or(u8::MAX, |f| f.wrapping_sub(b'a'));
    letter < 26
        && b.len() < 32
        && HEAD_LENGTHS[usize::from(letter)] >> b.len() & 1 != 0
        && HEADS.contains(&norm)
}

/// Whether word `w` ends in a plural's possessive apostrophe ("Correspondents'").
fn plural_possessive(w: &Word) -> bool {
    let bare = w.raw.trim_end_matches(['\'', '\u{2019}']);
    !w.poss && bare.len() < w.raw.len() && bare.ends_with(['s', 'S'])
}

/// A capitalised word that may stand in the run (not a sentence's first word written in lower
/// case elsewhere, not a determiner).
fn name_word(w: &Word, lowercase: &Set<&str>) -> bool {
    w.is_word
        && w.cap
        && !(w.sent_start && lowercase.contains(w.norm))
        && !matches!(w.norm, "the" | "a" | "an" | "this" | "that")
}

/// Where the organisation ending at head word `h` starts, when a connector joins it.
fn start_of(words: &[Word], h: usize, lowercase: &Set<&str>) -> Option<usize> {
    let sent = words[h].sent;
    let mut s = h;
    let mut joined = false;
    let mut count = 1;
    while s > 0 && count < MAX_WORDS {
        let w = &words[s - 1];
        if w.sent != sent {
            break;
        }
        if !w.is_word {
            // "Correspondents' Association": the apostrophe written as a token of its own.
            let owner = s.checked_sub(2).map(|p| &words[p]);
            match owner {
                Some(p)
                    if matches!(w.raw, "'" | "\u{2019}")
                        && p.end == w.start
                        && p.sent == sent
                        && name_word(p, lowercase)
                        && !p.poss
                        && p.norm.ends_with('s') =>
                {
                    s -= 2;
                    count += 1;
                    joined = true;
                    if p.sent_start {
                        break;
                    }
                    continue;
                }
                _ => break,
            }
        }
        if matches!(w.norm, "of" | "for" | "and") && !w.cap {
            // A connector needs a capitalised word before it, no title ("Director of
            // Immigration and Customs Enforcement": the agency is the name).
            match words.get(s.wrapping_sub(2)) {
                Some(p)
                    if s >= 2
                        && p.sent == sent
                        && name_word(p, lowercase)
                        && !p.poss
                        && !plural_possessive(p)
                        && !p.is(flag::TITLE | flag::ROLE_NOUN) =>
                {
                    s -= 1;
                    joined = true;
                    continue;
                }
                _ => break,
            }
        }
        if !name_word(w, lowercase) {
            break;
        }
        if w.poss {
            // "Australia's Network": only a lone head after the owner.
            if s != h {
                break;
            }
            joined = true;
        } else if plural_possessive(w) {
            joined = true;
        }
        s -= 1;
        count += 1;
        if w.sent_start {
            break;
        }
    }
    // The run starts at a capitalised word, not at a connector.
    (joined && s < h && words[s].cap).then_some(s)
}

/// Words `a..b` as written, an apostrophe token kept against its word ("Correspondents'").
fn written(words: &[Word], a: usize, b: usize) -> String {
    let mut out = String::new();
    for (k, w) in words[a..b].iter().enumerate() {
        if k > 0 && words[a + k - 1].end < w.start {
            out.push(' ');
        }
        out.push_str(if a + k + 1 == b { w.text } else { w.raw });
    }
    out
}

/// Joins organisations cut at their connector words and splits a person fused after one.
pub fn join_connector_orgs(words: &[Word], lowercase: &Set<&str>, all: &mut Vec<Mention>) {
    split_fused_people(words, all);
    let mut keep = vec![true; all.len()];
    let mut reach: Option<mentions::Reach> = None;
    let mut added: Vec<Mention> = Vec::new();
    for (h, w) in words.iter().enumerate().skip(1) {
        // (An apostrophe token before the head counts as an opening quote for `sent_start`;
        // read only for a capitalised word that opens a sentence.)
        let after_apostrophe =
            || !words[h - 1].is_word && matches!(words[h - 1].raw, "'" | "\u{2019}");
        if !(w.is_word && w.cap && (!w.sent_start || after_apostrophe()) && org_end(w)) {
            continue;
        }
        let Some(s) = start_of(words, h, lowercase) else {
            continue;
        };
        let (sa, sb) = (words[s].start, words[h].end);
        let r = reach.get_or_insert_with(|| mentions::Reach::new(all));
        let person_inside = r.around(all, sa, sb).any(|k| {
            keep[k]
                && all[k].span.field == Field::Text
                && all[k].etype == EntityType::Person
                && all[k].span.start < sb
                && all[k].span.end > sa
                && !piece_of_the_name(words, &all[k], sa, sb)
        });
        if person_inside || !mentions::claim_inside(all, r, &mut keep, sa, sb) {
            continue;
        }
        let mut m =
            mentions::name_mention(words, s, s, h + 1, EntityType::Organization, Field::Text);
        m.name_text = written(words, s, h + 1);
        // "Mental Health Services Administration": the longer run holds the shorter one.
        added.retain(|o| o.span.start < sa);
        added.push(m);
    }
    mentions::keep_and_add(all, &keep, added);
}

/// Whether a person mention inside the run is a piece of the organisation's name cut off and typed
/// a person ("Disease Control", "Customs Enforcement"): two words or more, no first name among
/// them and no title bound, or one holding a head or agency word.
fn piece_of_the_name(words: &[Word], m: &Mention, sa: usize, sb: usize) -> bool {
    if m.span.start < sa || m.span.end > sb || m.title_text.is_some() {
        return false;
    }
    let a = words.partition_point(|w| w.end <= m.span.start);
    let b = words.partition_point(|w| w.start < m.span.end);
    let ws = words.get(a..b).unwrap_or_default();
    ws.iter().any(org_end)
        || (ws.len() >= 2
            && ws
                .iter()
                .all(|w| !w.is(flag::FIRST_NAME) && !w.is(flag::TITLE)))
}

/// "Refugee Council Enver Solomon" typed a person: the council and the person.
fn split_fused_people(words: &[Word], all: &mut Vec<Mention>) {
    let mut keep = vec![true; all.len()];
    let mut added: Vec<Mention> = Vec::new();
    for (k, m) in all.iter().enumerate() {
        if m.span.field != Field::Text
            || m.etype != EntityType::Person
            || m.kind != MentionKind::Name
            || m.name != Some(m.span)
        {
            continue;
        }
        let a = words.partition_point(|w| w.start < m.span.start);
        let b = words.partition_point(|w| w.start < m.span.end);
        // Organisation words (one at least) and its head, then two words of the person.
        if b < a + 4 || b > words.len() {
            continue;
        }
        let h = b - 3;
        let ws = &words[a..b];
        let plain = ws.iter().all(|w| w.is_word && w.cap && !w.poss);
        if !plain
            || !is_head(words[h].norm)
            || is_head(words[h + 1].norm)
            || is_head(words[h + 2].norm)
            || ws[..h - a].iter().any(|w| is_head(w.norm))
        {
            continue;
        }
        keep[k] = false;
        let mut org =
            mentions::name_mention(words, a, a, h + 1, EntityType::Organization, Field::Text);
        org.name_text = mentions::join_words(words, a, h + 1);
        let mut person =
            mentions::name_mention(words, h + 1, h + 1, b, EntityType::Person, Field::Text);
        person.gender = m.gender;
        added.push(org);
        added.push(person);
    }
    mentions::keep_and_add(all, &keep, added);
}

#[cfg(test)]
mod tests {
    use crate::test_support::{has, kinds};
    use newsprobe_core::EntityType;

    #[test]
    fn the_head_test_is_the_list() {
        for w in super::HEADS {
            assert!(super::is_head(w), "{w}");
        }
        for w in [
            "",
            "a",
            "the",
            "fundamental",
            "unions",
            "centres",
            "Agency",
            "council's",
            "x",
            "über",
            "zoo",
            "societyx",
            "networks",
        ] {
            assert_eq!(super::is_head(w), super::HEADS.contains(&w), "{w}");
        }
    }

    #[test]
    fn a_name_across_its_connector_is_one_organisation() {
        let k = kinds(
            "Guests at the dinner of the White House Correspondents' Association laughed on \
             Saturday. A report by the Institute for Coastal Research Foundation was cited by \
             the mayor, and Harbourside's Network said it would broadcast the hearing.",
        );
        for name in [
            "White House Correspondents' Association",
            "Institute for Coastal Research Foundation",
            "Harbourside's Network",
        ] {
            assert!(has(&k, name, EntityType::Organization), "{name}: {k:?}");
        }
        assert!(
            !k.iter().any(|(n, _)| n == "Association" || n == "Network"),
            "{k:?}"
        );
    }

    #[test]
    fn agencies_joined_by_for_and_and_are_one_organisation() {
        let k = kinds(
            "The Centers for Disease Control and Prevention issued a warning on Monday. The man \
             was detained by Immigration and Customs Enforcement, and the U.S. Fish and \
             Wildlife Service closed the refuge.",
        );
        for name in [
            "Centers for Disease Control and Prevention",
            "Immigration and Customs Enforcement",
            "U.S. Fish and Wildlife Service",
        ] {
            assert!(has(&k, name, EntityType::Organization), "{name}: {k:?}");
        }
        assert!(
            !k.iter().any(|(n, t)| *t == EntityType::Person
                && [
                    "Disease Control",
                    "Customs Enforcement",
                    "Wildlife Service",
                    "Prevention"
                ]
                .contains(&n.as_str())),
            "{k:?}"
        );
    }

    #[test]
    fn two_names_joined_by_and_stay_apart() {
        let k = kinds(
            "Mark Delaney and Heritage Foundation staff met on Monday. Director of Immigration \
             and Customs Enforcement Thomas Homan spoke later.",
        );
        assert!(has(&k, "Mark Delaney", EntityType::Person), "{k:?}");
        assert!(!k.iter().any(|(n, _)| n.contains("Delaney and")), "{k:?}");
        assert!(
            !k.iter().any(|(n, _)| n.starts_with("Director of")),
            "{k:?}"
        );
    }

    #[test]
    fn owners_and_people_stay_apart() {
        let k = kinds(
            "Britain's Labour Party met on Monday. Mark Delaney of Heritage Foundation said \
             the plan would fail, and Delaney repeated it later.",
        );
        assert!(has(&k, "Mark Delaney", EntityType::Person), "{k:?}");
        assert!(!k.iter().any(|(n, _)| n.contains("Delaney of")), "{k:?}");
        assert!(!k.iter().any(|(n, _)| n.starts_with("Britain's")), "{k:?}");
    }

    #[test]
    fn a_person_fused_after_the_head_is_split_off() {
        let k = kinds(
            "\"We are deeply worried,\" said Migrant Welfare Council Tomas Arvelo, who has \
             visited the camp twice. Arvelo said the families had no water.",
        );
        assert!(
            has(&k, "Migrant Welfare Council", EntityType::Organization),
            "{k:?}"
        );
        assert!(has(&k, "Tomas Arvelo", EntityType::Person), "{k:?}");
    }
}
