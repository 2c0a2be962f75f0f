//! Is this name nobody typed a news outlet, a company or a broadcaster the article says it is?
//!
//! The rules, the tagger and the typer leave many one-word or coined names untyped ("Mashable",
//! "Knightscope", "WFAA", "Daily Mail"): GUM's training documents hold few of them, and nothing
//! in the name itself says what it is. A news report says it around the name, in a few clear
//! constructions, each of which makes the name an organisation:
//! - a kind of organisation just before it: "the Italian newspaper L'Unione Sarda", "the social
//!   media analytics site Topsy", "a company called AOL";
//! - a kind of organisation in an apposition after it: "Knightscope, a startup firm from ...";
//! - a source of reporting: "according to the Daily Mail", "told Rolling Stone", "speaking to
//!   Collider", "Movie Pilot reports", "ESPN has confirmed";
//! - a list whose other members are organisations and none a person or a place: "Samsung, LG,
//!   Motorola and Sony".
//!
//! Only names left untyped (`other`) are typed, and never one whose words a person's name in the
//! article holds ("told Smith" after "John Smith"); every other mention of the same name is typed
//! with it.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::Set;
use crate::mentions::{Mention, MentionKind, Word};

/// Nouns that say what kind of organisation the name after (or the apposition before) is.
const KINDS: &[&str] = &[
    "newspaper",
    "paper",
    "tabloid",
    "magazine",
    "journal",
    "network",
    "channel",
    "station",
    "broadcaster",
    "site",
    "website",
    "outlet",
    "service",
    "agency",
    "company",
    "firm",
    "startup",
    "start-up",
    "publisher",
    "retailer",
    "chain",
    "maker",
    "manufacturer",
    "blog",
    "portal",
    "platform",
    "charity",
    "nonprofit",
    "organisation",
    "organization",
    "group",
];

/// Lower-case words for an outlet's staff, right after its name ("Frontpage editor").
const STAFF: &[&str] = &["editor", "founder", "columnist", "meteorologist", "anchor"];

/// Verbs and phrases whose object, a name nobody typed, is an outlet ("told Rolling Stone").
const TOLD: &[&str] = &["told", "telling"];

/// Last words of documents, which "according to the ..." also takes ("the Constitution", "the
/// Bible", "the Census").
const DOCUMENTS: &[&str] = &[
    "constitution",
    "bible",
    "koran",
    "quran",
    "gospel",
    "charter",
    "act",
    "law",
    "code",
    "treaty",
    "report",
    "census",
    "study",
    "survey",
    "guidelines",
    "manual",
    "declaration",
    "convention",
];

fn word_range(words: &[Word], s: newsprobe_core::Span) -> std::ops::Range<usize> {
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    a..b.max(a)
}

/// Whether the words before `a` say the name is an organisation: "the (adjectives) KIND NAME",
/// "KIND called NAME", "according to (the) (X's) NAME", "told (the) NAME", "speaking to NAME".
fn before(words: &[Word], a: usize) -> bool {
    let Some(p) = a.checked_sub(1) else {
        return false;
    };
    let sent = words[a].sent;
    let w = |i: usize| words[i].norm;
    let same = |i: usize| words[i].sent == sent;
    // "a company called AOL".
    if w(p) == "called" && p >= 1 && same(p - 1) && KINDS.contains(&w(p - 1)) {
        return true;
    }
    // "the (Italian) newspaper L'Unione Sarda": a kind right before, an article at most three
    // words before that.
    if KINDS.contains(&w(p)) && !words[p].cap {
        let from = p.saturating_sub(4);
        if (from..p)
            .rev()
            .take_while(|&i| same(i) && words[i].is_word)
            .any(|i| matches!(w(i), "the" | "a" | "an"))
        {
            return true;
        }
    }
    // Skip "the" and a possessive place ("the UK's Daily Mail").
    let mut q = p;
    if words[q].cap && words[q].poss && q >= 1 && same(q - 1) {
        q -= 1;
    }
    let the = w(q) == "the";
    if the {
        match q.checked_sub(1) {
            Some(x) if same(x) => q = x,
            _ => return false,
        }
    }
    // "according to (the) NAME".
    if w(q) == "to" && q >= 1 && same(q - 1) && w(q - 1) == "according" {
        return true;
    }
    // "told (the) NAME", "speaking to NAME", "confirmed the news to NAME".
    if TOLD.contains(&w(q)) {
        return true;
    }
    w(q) == "to"
        && q >= 1
        && same(q - 1)
        && matches!(
            w(q - 1),
            "speaking" | "spoke" | "talking" | "news" | "statement"
        )
}

/// Whether the words after the name (ending before `b`) say it is an organisation: "NAME
/// reports", "NAME said the", "NAME, a startup firm".
pub(crate) fn after(words: &[Word], b: usize) -> bool {
    let sent = words[b - 1].sent;
    let get = |i: usize| words.get(i).filter(|w| w.sent == sent);
    let Some(n) = get(b) else {
        return false;
    };
    // "Frontpage editor Jamie Glazov", "a Vocativ columnist": the outlet's staff after it (not
    // after a common word, "Health editor"; not "reporter": "a Biloxi reporter" is the town's).
    if !n.cap
        && STAFF.contains(&n.norm)
        && !words[b - 1].poss
        && !words[b - 1].is(crate::gazetteer::flag::COMMON)
    {
        return true;
    }
    if words[b - 1].poss {
        return false;
    }
    // "NAME reports", "NAME is reporting", "NAME has confirmed" (not "NAME said": a person's
    // name the rules left untyped says things too).
    let verb = if matches!(n.norm, "is" | "has" | "had" | "was") {
        get(b + 1)
    } else {
        Some(n)
    };
    if let Some(v) = verb {
        // "Recent reports have revealed": "reports" a noun.
        let noun = v.norm == "reports"
            && words.get(b + 1).is_some_and(|x| {
                matches!(
                    x.norm,
                    "have"
                        | "has"
                        | "are"
                        | "were"
                        | "of"
                        | "from"
                        | "say"
                        | "said"
                        | "show"
                        | "suggest"
                        | "suggested"
                        | "indicate"
                        | "claim"
                        | "claimed"
                )
            });
        if !noun && matches!(v.norm, "reports" | "reported" | "reporting" | "confirmed") {
            return true;
        }
    }
    // "NAME, a startup firm from ...": a comma, an indefinite article, at most two modifiers,
    // then a kind.
    if n.text == "," {
        if let Some(art) = get(b + 1) {
            if matches!(art.norm, "a" | "an") {
                // Not "a group of farmers": a kind followed by "of" is a collection.
                return (b + 2..b + 5)
                    .take_while(|&i| get(i).is_some_and(|w| w.is_word && !w.cap))
                    .any(|i| {
                        KINDS.contains(&words[i].norm) && get(i + 1).is_none_or(|n| n.norm != "of")
                    });
            }
        }
    }
    false
}

/// Whether more of a name follows word `b` in its sentence: a capitalised word, or "and", "of"
/// or "&" before one, maybe after "the" ("the Arts and Humanities Citation Index", "the journal
/// Monthly Notices of the Royal Astronomical Society").
fn cut_short(words: &[Word], b: usize) -> bool {
    let sent = words[b - 1].sent;
    let cap = |i: usize| {
        words
            .get(i)
            .is_some_and(|n| n.cap && n.is_word && n.sent == sent)
    };
    let the = words.get(b + 1).is_some_and(|n| n.norm == "the") as usize;
    cap(b)
        || (words
            .get(b)
            .is_some_and(|n| matches!(n.norm, "and" | "of" | "&" | "for"))
            && cap(b + 1 + the))
}

/// Whether the name at `pos` of `ranges` stands in a list ("Samsung, LG, Motorola and Sony")
/// whose other members, found by walking commas and "and"/"or" both ways, are at least two
/// organisations and otherwise only untyped names.
fn in_org_list(
    words: &[Word],
    ranges: &[(usize, std::ops::Range<usize>)],
    all: &[Mention],
    pos: usize,
) -> bool {
    let joined = |l: &std::ops::Range<usize>, r: &std::ops::Range<usize>| {
        // The words between two names: ",", "and", "or", ", and".
        let gap = &words[l.end.min(r.start)..r.start];
        !gap.is_empty()
            && gap.len() <= 2
            && words[l.end - 1].sent == words[r.start].sent
            && !words[l.end - 1].poss
            && gap.iter().all(|w| matches!(w.norm, "," | "and" | "or"))
            && gap.iter().filter(|w| w.norm != ",").count() <= 1
    };
    let (mut orgs, mut others) = (0usize, 0usize);
    let mut count = |t: EntityType| match t {
        EntityType::Organization => orgs += 1,
        EntityType::Other => {}
        _ => others += 1,
    };
    let mut k = pos;
    while k > 0 && joined(&ranges[k - 1].1, &ranges[k].1) {
        k -= 1;
        count(all[ranges[k].0].etype);
    }
    let mut k = pos;
    while k + 1 < ranges.len() && joined(&ranges[k].1, &ranges[k + 1].1) {
        k += 1;
        count(all[ranges[k].0].etype);
    }
    orgs >= 2 && others == 0
}

/// Types as organisations the untyped body names the article calls outlets or companies.
pub fn type_outlets(words: &[Word], lowercase: &Set<&str>, all: &mut [Mention]) {
    // Most pages have no untyped body name without a title, the only names typed here: nothing
    // to build then.
    if !all.iter().any(|m| {
        m.etype == EntityType::Other
            && m.kind == MentionKind::Name
            && m.span.field == Field::Text
            && m.title_text.is_none()
    }) {
        return;
    }
    // Body names in text order, by words.
    let mut ranges: Vec<(usize, std::ops::Range<usize>)> = all
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == MentionKind::Name && m.span.field == Field::Text)
        .map(|(i, m)| (i, word_range(words, m.name.unwrap_or(m.span))))
        .filter(|(_, r)| !r.is_empty())
        .collect();
    ranges.sort_by_key(|(_, r)| (r.start, r.end));
    if !ranges
        .iter()
        .any(|(i, _)| all[*i].etype == EntityType::Other)
    {
        return;
    }
    // Words of people's names: "told Smith" after "John Smith" is the person.
    let people: Set<&str> = ranges
        .iter()
        .filter(|(i, _)| all[*i].etype == EntityType::Person)
        .flat_map(|(_, r)| words[r.clone()].iter().map(|w| w.norm))
        .collect();
    let mut typed: Vec<String> = Vec::new();
    for (pos, (i, r)) in ranges.iter().enumerate() {
        let m = &all[*i];
        if m.etype != EntityType::Other || m.title_text.is_some() {
            continue;
        }
        // A common word ("Recent reports", "the West"), a document, a person's name, or a name
        // cut short before more capitalised words ("the West European system").
        if words[r.clone()].iter().any(|w| people.contains(w.norm))
            || DOCUMENTS.contains(&words[r.end - 1].norm)
            || (r.len() == 1 && lowercase.contains(words[r.start].norm))
            || cut_short(words, r.end)
        {
            continue;
        }
        // "Staff reported that ...": a lone word opening a sentence is a source of reporting
        // only when written like a coined name, with an inner capital ("AppleInsider").
        let lone_opener = r.len() == 1
            && words[r.start].sent_start
            && !words[r.start].text.chars().skip(1).any(char::is_uppercase);
        if in_org_list(words, &ranges, all, pos)
            || before(words, r.start)
            || (!lone_opener && after(words, r.end))
        {
            typed.push(m.name_text.clone());
        }
    }
    if typed.is_empty() {
        return;
    }
    for m in all.iter_mut() {
        if m.kind == MentionKind::Name
            && m.span.field == Field::Text
            && m.etype == EntityType::Other
            && typed.contains(&m.name_text)
        {
            m.etype = EntityType::Organization;
            m.weak = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use newsprobe_core::{Document, EntityType};

    #[test]
    fn outlets_named_as_sources_are_organisations() {
        let text = "The mayor resigned on Friday, according to the Harbour Gazette. \
The paper's editor said the story had been checked twice. \"I never planned to stay,\" \
the mayor told Quillstream in an interview. Speaking to Brightwave later, his deputy said \
the council would meet. In its Sunday edition, Tidemark reports that the vote is set for June.";
        crate::test_support::assert_typed(
            text,
            &["Harbour Gazette", "Quillstream", "Brightwave", "Tidemark"],
            EntityType::Organization,
        );
    }

    #[test]
    fn an_outlets_staff_after_its_name_makes_an_organisation() {
        let text = "The claim spread on Tuesday after Quillpost editor Nora Vance shared it. \
A day later, Brightwave columnist Ed Lowe found that the photograph had been cropped.";
        crate::test_support::assert_typed(
            text,
            &["Quillpost", "Brightwave"],
            EntityType::Organization,
        );
    }

    #[test]
    fn kinds_and_lists_make_organisations() {
        let text = "The clip was first shared by the news service Topsy on Monday. \
Shoppers can order them from Microsoft, Samsung, Motorola, Sony and others. Data came from a \
company called AOL.";
        crate::test_support::assert_typed(
            text,
            &["Topsy", "Motorola", "AOL"],
            EntityType::Organization,
        );
    }

    /// The apposition itself, whatever the typer made of the name: "X, a startup firm" is a
    /// kind of organisation, "X, a group of farmers" a collection.
    #[test]
    fn an_apposition_names_the_kind() {
        let text = "The robots come from Knightscope, a startup firm from Ohio. \
The Patriots, a group of farmers from Ohio, marched on.";
        let doc = Document::from_text(None, text);
        let mut buf = String::new();
        let words = crate::mentions::words(&doc.text, &doc.tokens, &doc.sentences, &mut buf);
        let end_of = |name: &str| {
            words
                .iter()
                .position(|w| w.text == name)
                .map(|i| i + 1)
                .expect("the name is a word")
        };
        assert!(super::after(&words, end_of("Knightscope")));
        assert!(!super::after(&words, end_of("Patriots")));
    }

    #[test]
    fn people_told_and_reporting_stay_people() {
        let text = "Reporter Dana Whitlock spent a year on the case. The witness told \
Whitlock that she had seen the car. Whitlock reported the findings to the police, and \
Marcus Ellery said he would testify.";
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc, None);
        assert!(
            doc.entities
                .iter()
                .all(|e| e.kind != EntityType::Organization),
            "{:?}",
            doc.entities
        );
    }
}
