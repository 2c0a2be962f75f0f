//! What kind of source is a speaker mention: named, anonymous, unnamed, vague?
//!
//! Named: a person or organisation by name ("Denis Gonchar", "The Post"). Anonymous: deliberately
//! unnamed ("a senior NATO official, who declined to be named", "sources"), even when richly
//! described. Unnamed: identifiable by a role without a name ("the former Polish Prime
//! Minister"). Vague: a group ("experts", "some Western officials"). Unattributed: no source.

use newsprobe_core::{EntityType, SourceType, Span, SpanIndex};
use std::collections::{BTreeMap, HashSet};

use crate::lexicon;
use crate::speaker::{Ctx, Mention};

/// Every anonymity cue of the body ("on condition of anonymity", "declined to be named"),
/// outside quotations, in text order. Computed once per document: only the few places where
/// an anchor word stands ("anonymity", "named", "authorized", "familiar"…) are searched.
pub fn anonymity_cues(ctx: &Ctx, quotes: &[Span]) -> Vec<Span> {
    let text = &ctx.doc.text;
    let mut out: Vec<Span> = Vec::new();
    // (The quotations indexed, and the cues kept so far by start, disjoint: each check is a
    // look-up, not a scan, so the stage stays linear in the article's length.)
    let quoted = SpanIndex::new(quotes.iter().copied());
    let mut kept: BTreeMap<usize, usize> = BTreeMap::new();
    for i in 0..ctx.len() {
        if !ctx.lex(i).has(lexicon::Lex::ANONYMITY_ANCHOR) {
            continue;
        }
        let tok = ctx.span(i);
        let mut a = tok.start.saturating_sub(40);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (tok.end + 30).min(text.len());
        while !text.is_char_boundary(b) {
            b += 1;
        }
        // ASCII lower-casing keeps byte offsets (the cues are ASCII).
        let window = text.get(a..b).unwrap_or("").to_ascii_lowercase();
        for cue in lexicon::ANONYMITY_CUES {
            for (at, _) in window.match_indices(cue) {
                let span = Span::text(a + at, a + at + cue.len());
                if span.overlaps(&tok)
                    && crate::anonymity::is_source_cue(
                        cue,
                        window
                            .get((0..=at.saturating_sub(40)).rev().find(|&x| window.is_char_boundary(x)).unwrap_or(0)..at)
                            .unwrap_or(""),
                        window.get(at + cue.len()..).unwrap_or(""),
                    )
                    && quoted.containing(span).next().is_none()
                    // (Disjoint spans: only the last to start before this one's end can overlap.)
                    && kept
                        .range(..span.end)
                        .next_back()
                        .is_none_or(|(_, &end)| end <= span.start)
                {
                    kept.insert(span.start, span.end);
                    out.push(span);
                }
            }
        }
    }
    out.sort();
    out
}

/// The anonymity cue near a mention: in the phrase attached to it or in its sentence.
pub fn anonymity_cue(ctx: &Ctx, m: &Mention, cues: &[Span]) -> Option<Span> {
    let doc = ctx.doc;
    let sentence = doc
        .sentence_at(m.span.start)
        .map(|s| doc.sentences[s].span)
        .unwrap_or(m.clause);
    let region = Span::text(
        sentence.start.min(m.clause.start),
        sentence.end.max(m.clause.end),
    );
    // (`cues` are sorted and disjoint, as `anonymity_cues` returns them: the first to start
    // inside the region is the only one that can be the first inside it.)
    let first = cues.partition_point(|c| c.start < region.start);
    cues.get(first).filter(|c| region.contains(c)).copied()
}

/// Party names that are also common plurals; capitalised they name the party.
const PARTIES: &[&str] = &[
    "conservatives",
    "liberals",
    "democrats",
    "republicans",
    "tories",
    "labour",
    "greens",
    "socialists",
    "nationals",
    "progressives",
    "reformists",
];

/// The head token of a mention, before a name suffix and its dot ("Kennedy" in "James P.
/// Kennedy Jr.").
pub fn name_head(ctx: &Ctx, m: &Mention) -> usize {
    // "advisers to Mr. Obama", "a spokeswoman for the Coastal Alliance": the role or group
    // before the preposition is the head, the name after it whom they speak for.
    // (Not "China's ambassador to Britain Liu Xiaming": a second entity after the first is
    // the name in apposition to the role.)
    let one_entity = |from: usize| {
        let ms = ctx.entity_mentions();
        let tail = Span::text(ctx.span(from).start, ctx.span(m.last).end);
        let mut es = ms.index.overlapping(tail).map(|i| ms.entity[i]);
        es.next().is_some_and(|e| es.all(|o| o == e))
    };
    if let Some(k) = (m.first..m.last).find(|&k| {
        k + 2 <= m.last
            && ctx.is_word(k)
            && !ctx.is_capitalized(k)
            && (ctx.is_role_noun(k) || ctx.is_group_word(k))
            // ("the chairman of the Conservative Party": one holder of an office "of" a body
            // is someone the article may name; plural members speak for it.)
            && (matches!(ctx.word(k + 1), "to" | "for")
                || (ctx.word(k + 1) == "of" && ctx.word(k).ends_with('s')))
            && (k + 2..=m.last).all(|t| {
                ctx.is_capitalized(t)
                    || ctx.is_abbreviation_dot(t)
                    || matches!(ctx.word(t), "the" | "of" | "for" | "and" | "'s" | "’s")
            })
            && one_entity(k + 2)
            // (Nor "ambassador to the Ukraine Marie Yovanovitch": a first name after another
            // capitalised word opens the name in apposition.)
            && !(k + 3..=m.last).any(|t| {
                ctx.is_capitalized(t - 1)
                    && !ctx.is_title(t - 1)
                    && newsprobe_entities::gazetteer::GAZETTEER.gender_of_word(ctx.word(t))
                        != newsprobe_entities::gazetteer::Gender::Unknown
            })
    }) {
        return k;
    }
    let mut head = m.last;
    if head > m.first && ctx.word(head) == "." {
        head -= 1;
    }
    if head > m.first && crate::apposition::is_name_suffix(ctx.word(head)) {
        head -= 1;
    }
    // "NBC 5": the broadcaster's name heads it, not its number.
    if head > m.first && ctx.station_number(head) {
        head -= 1;
    }
    head
}

/// Title words that are also common surnames ("Tishana King", "Alexander Pope", "Elizabeth
/// Bishop").
const SURNAME_TITLES: &[&str] = &["king", "pope", "bishop"];

/// "Tishana King": a title word that is a common surname, after a capitalised word of the
/// mention that is itself no title, role, group, determiner or nationality ("the King",
/// "Catholic Bishop", "King Charles" are not).
fn surname_like_title(ctx: &Ctx, m: &Mention, head: usize) -> bool {
    if head <= m.first {
        return false;
    }
    let k = head - 1;
    let w = ctx.word(k);
    // ("veteran industry analyst Ken Doctor", "John Major": after a first name of the
    // gazetteer that is no title itself, any title or role word is a surname.)
    if ctx.is_capitalized(head)
        && ctx.is_capitalized(k)
        && !ctx.is_title(k)
        && !ctx.is_role_noun(k)
        && newsprobe_entities::gazetteer::GAZETTEER.gender_of_word(w)
            != newsprobe_entities::gazetteer::Gender::Unknown
    {
        return true;
    }
    if !SURNAME_TITLES.contains(&ctx.word(head)) {
        return false;
    }
    ctx.is_capitalized(k)
        && ctx.is_word(k)
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !ctx.is_determiner(k)
        && !ctx.is_title(k)
        && !ctx.is_role_noun(k)
        && !ctx.is_group_word(k)
        && !ctx.is_pronoun(k)
        && !w.ends_with("'s")
        && !["ish", "ian", "ese", "ean", "can", "ic"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// Whether a mention's head word is a capitalised name (not a title or role).
pub fn is_named(ctx: &Ctx, m: &Mention) -> bool {
    let head = name_head(ctx, m);
    if !ctx.is_capitalized(head) {
        return false;
    }
    let w = ctx.word(head);
    let w = w.strip_suffix("'s").unwrap_or(w);
    // ("Two federal prison officers were charged …, stating": a number word is no name.)
    if crate::lexicon::is_number_word(w) {
        return false;
    }
    // Parties and named groups ("the Conservatives", "Liberals") are names, also at a
    // sentence start.
    if PARTIES.contains(&w) {
        return true;
    }
    // ("Police said" at a sentence start: police with no name is an unnamed body, also where
    // the article names nobody the entity stage could check it against.)
    if w == "police" {
        return false;
    }
    if (lexicon::is_role_noun(w) || lexicon::is_title(w) || lexicon::is_group_word(w))
        && !surname_like_title(ctx, m, head)
    {
        return false;
    }
    // Sentence-initial common words are capitalised too ("Sources said", "Readers may not",
    // "Proponents argue"): a lone sentence-initial word is a name only when the entity stage
    // knows it as one.
    if head == m.first && head == ctx.sentence_bounds(head).0 {
        if lexicon::pronoun(w).is_some() {
            return false;
        }
        let span = ctx.span(head);
        // (The entity mentions' index: the same test as a scan of every mention.)
        let known = ctx.in_entity_mention(span);
        // ("MSPoweruser reported", "Engadget reported": a word written capitalised inside a
        // sentence elsewhere, or with a capital inside it, and never lower-case, is a name.)
        let written_as_name = || {
            let raw = ctx.doc.span_text(&span);
            let camel =
                raw.chars().skip(1).any(char::is_uppercase) && raw.chars().any(char::is_lowercase);
            let cases = ctx.word_cases(head);
            !cases.lower && (camel || cases.capitalized_inside)
        };
        // (Also where the entity stage found nothing at all: "Shareholders said" in an
        // article that names nobody is no name either.)
        if !known && !written_as_name() {
            return false;
        }
    }
    // ("The Latest: Mourners say …", "… Banks Refused": a lone capitalised plural in a
    // headline, no entity's mention, that the article also writes in lower case is the
    // common word, not a name; session 20.)
    if m.first == m.last
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && ctx.word_cases(head).lower
        && !ctx.in_entity_mention(ctx.span(head))
    {
        return false;
    }
    true
}

/// Bodies of a state that a country's or place's name makes one named organisation.
pub(crate) const STATE_BODIES: &[&str] = &[
    "government",
    "navy",
    "army",
    "military",
    "police",
    "ministry",
    "embassy",
    "parliament",
    "cabinet",
    "senate",
    "congress",
    "coastguard",
];

/// "The Indian navy", "Russia's government", "the U.S. military": a state body with its
/// country or place written before it is one named organisation (not a role or a group).
///
/// A public body of [`crate::resolve::BODY_DESCRIPTIONS`] with its place's name is one too,
/// after a definite determiner or none ("the Inner Mongolia health commission", "Bolivia's
/// public defender's office"); "a Senate committee" is not one named body.
pub fn is_named_state_body(ctx: &Ctx, m: &Mention) -> bool {
    if m.first >= m.last || m.last - m.first > 4 {
        return false;
    }
    let head = ctx.word(m.last);
    let body = crate::resolve::BODY_DESCRIPTIONS.contains(&head)
        && !matches!(
            ctx.word(m.first),
            "a" | "an" | "one" | "another" | "some" | "any" | "each" | "every"
        );
    if !(STATE_BODIES.contains(&head) || body) {
        return false;
    }
    let start = ctx.sentence_bounds(m.first).0;
    (m.first..m.last).any(|k| {
        ctx.is_capitalized(k)
            && ctx.is_word(k)
            && (k != start || !ctx.is_determiner(k))
            && !ctx.is_determiner(k)
            && !ctx.is_title(k)
            && !ctx.is_role_noun(k)
            && !ctx.is_pronoun(k)
    })
}

/// "The Russian Interior Ministry's transport department", "Apple's press office": a body
/// (a head of [`crate::resolve::BODY_DESCRIPTIONS`], lower case, at most two lower-case words
/// before it) of an organisation the entity stage found, written as its possessive, is that
/// named organisation's: `named`, as the organisation itself would be.
pub fn is_body_of_named_organisation(ctx: &Ctx, m: &Mention) -> bool {
    if m.last <= m.first || !crate::resolve::BODY_DESCRIPTIONS.contains(&ctx.word(m.last)) {
        return false;
    }
    // The possessive: the last word of the mention written with "'s" before the body's words.
    let Some(owner) = (m.first..m.last).rev().find(|&k| {
        let w = ctx.doc.span_text(&ctx.span(k));
        w.ends_with("'s") || w.ends_with("’s") || matches!(ctx.word(k + 1), "'s" | "’s")
    }) else {
        return false;
    };
    // ("A spokesman for the Russian Interior Ministry's transport department": a role before
    // its preposition heads the phrase; the spokesman is the body's, unnamed.)
    if (m.first..owner).any(|k| {
        ctx.is_role_noun(k) && matches!(ctx.word(k + 1), "for" | "of" | "at" | "from" | "with")
    }) {
        return false;
    }
    let body_from = if matches!(ctx.word(owner + 1), "'s" | "’s") {
        owner + 2
    } else {
        owner + 1
    };
    body_from <= m.last
        && m.last - body_from <= 2
        && (body_from..=m.last).all(|k| ctx.is_word(k) && !ctx.is_capitalized(k))
        && ctx.is_capitalized(owner)
        && {
            let ms = ctx.entity_mentions();
            ms.index
                .overlapping(ctx.span(owner))
                .any(|i| ctx.doc.entities[ms.entity[i]].kind == EntityType::Organization)
        }
}

/// Prepositions after which a phrase's own head is behind ("Witnesses for the prosecution",
/// "the authors of the research").
const HEAD_PREPOSITIONS: &[&str] = &["of", "for", "with", "at", "from", "in", "on", "near"];

/// The head noun of a described mention: the lower-case word before its first preposition
/// ("Witnesses" in "Witnesses for the prosecution"), else its last word.
fn phrase_head(ctx: &Ctx, m: &Mention) -> usize {
    (m.first + 1..m.last)
        .find(|&k| HEAD_PREPOSITIONS.contains(&ctx.word(k)))
        .map(|k| k - 1)
        .filter(|&k| ctx.is_word(k) && !ctx.is_determiner(k))
        .unwrap_or(m.last)
}

/// Bodies of a state that a description alone does not read back to a name: "police" with no
/// name is `unnamed`, "the government" is not named (the reviewed sample's conventions).
const UNNAMED_BODIES: &[&str] = &["government", "police", "military", "army", "navy"];

/// "the company said" of Kraft Foods, "the telecommunications company said" after "according
/// to France Telecom": a definite description of an organisation or public body (a head of
/// [`crate::resolve::ORG_DESCRIPTIONS`] or [`crate::resolve::BODY_DESCRIPTIONS`] after "the",
/// "this" or "that" and at most two lower-case words) in an article that has named an
/// organisation before it, often enough to be its subject: twice before the description, or
/// once in its first sentence. The source is then a named one however the quote refers to it
/// (the contract's `named`), even where the speaker stage could not tell which organisation.
/// ("despite the Supreme Court ban, … the monitoring agency announcing": one passing mention
/// of an organisation makes no description of it.)
pub fn describes_named_organisation(ctx: &Ctx, m: &Mention) -> bool {
    is_organisation_description(ctx, m)
        && ctx
            .organisation_named_from()
            .is_some_and(|from| from <= m.span.start)
}

/// Heads of descriptions of a publication that only the source type reads back to a named
/// source ("the publication said", "the website reported" after "Movie Pilot reported"); the
/// resolver does not resolve them to a name.
const MEDIA_DESCRIPTIONS: &[&str] = &[
    "publication",
    "website",
    "site",
    "outlet",
    "tabloid",
    "blog",
];

/// "the company", "the telecommunications company", "the newspaper": a definite description
/// of an organisation or public body (see [`describes_named_organisation`]).
pub(crate) fn is_organisation_description(ctx: &Ctx, m: &Mention) -> bool {
    // ("the aforementioned entertainment news publication": up to four words after "the".)
    if m.last <= m.first
        || m.last > m.first + 4
        || !matches!(ctx.word(m.first), "the" | "this" | "that")
    {
        return false;
    }
    let head = ctx.word(m.last);
    if !(crate::resolve::ORG_DESCRIPTIONS.contains(&head)
        || crate::resolve::BODY_DESCRIPTIONS.contains(&head)
        || MEDIA_DESCRIPTIONS.contains(&head))
        || UNNAMED_BODIES.contains(&head)
        || (m.first + 1..=m.last).any(|k| {
            !ctx.is_word(k)
                || ctx.is_capitalized(k)
                || ctx.word(k).ends_with("'s")
                || ctx.word(k).ends_with("’s")
        })
    {
        return false;
    }
    // ("the white paper", "a position paper": a modified "paper" is a document, not the
    // newspaper.)
    !(head == "paper" && m.last > m.first + 1)
}

/// Heads of a definite description of a publication's piece ("the report added", "the same
/// report stated", "the story claims") that, just after a named outlet's statement, is that
/// outlet's.
const REPORT_DESCRIPTIONS: &[&str] = &["report", "story", "article", "piece"];

/// "the report", "the same report", "this story": "the", "this" or "that", at most one
/// lower-case word, and a head of [`REPORT_DESCRIPTIONS`].
fn is_report_description(ctx: &Ctx, m: &Mention) -> bool {
    m.last > m.first
        && m.last <= m.first + 2
        && matches!(ctx.word(m.first), "the" | "this" | "that")
        && REPORT_DESCRIPTIONS.contains(&ctx.word(m.last))
        && (m.first + 1..=m.last).all(|k| ctx.is_word(k) && !ctx.is_capitalized(k))
}

/// "He had just been released …, the newspaper reported" after "The Standard-Times of New
/// Bedford is reporting today that …": a definite description of an organisation (as
/// [`describes_named_organisation`] reads one) in the sentence of a named source that is no
/// person, or in one of the two after it, reads back to that source (`org_sentences`: the
/// first tokens of sentences holding such a source's cue), also where the entity stage did
/// not type the name an organisation. So does a description of its piece ("the same report
/// stated" after "The Telegraph said", session 19).
pub fn describes_named_source_before(
    ctx: &Ctx,
    m: &Mention,
    org_sentences: &HashSet<usize>,
) -> bool {
    if org_sentences.is_empty()
        || !(is_organisation_description(ctx, m) || is_report_description(ctx, m))
    {
        return false;
    }
    let mut s = ctx.sentence_bounds(m.first).0;
    for step in 0..3 {
        if org_sentences.contains(&s) {
            return true;
        }
        if s == 0 || step == 2 {
            break;
        }
        let (a, _) = ctx.sentence_bounds(s - 1);
        if a >= s {
            break;
        }
        s = a;
    }
    false
}

/// A name's words, lower-cased, without the punctuation around them (a hyphen kept).
fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .collect()
}

/// Whether a named source is no person: an organisation entity, or, with no entity, a name
/// with no title or role word and no first name of the gazetteer ("Standard-Times of New
/// Bedford", not "Jeff Rudd" or "Mayor Rudd").
pub fn names_no_person(ctx: &Ctx, entity: Option<&str>, name: &str) -> bool {
    if let Some(id) = entity {
        return ctx
            .doc
            .entity(id)
            .is_some_and(|e| e.kind == EntityType::Organization);
    }
    let words = name_words(name);
    !words.is_empty()
        && name.chars().next().is_some_and(char::is_uppercase)
        && lexicon::pronoun(&words[0]).is_none()
        && !words
            .iter()
            .any(|w| lexicon::is_title(w) || lexicon::is_role_noun(w))
        && newsprobe_entities::gazetteer::GAZETTEER.gender_of_word(&words[0])
            == newsprobe_entities::gazetteer::Gender::Unknown
}

/// Whether token `k` is in a mention of a person or organisation entity.
pub(crate) fn names_person_or_organisation(ctx: &Ctx, k: usize) -> bool {
    let ms = ctx.entity_mentions();
    ms.index.overlapping(ctx.span(k)).any(|i| {
        matches!(
            ctx.doc.entities[ms.entity[i]].kind,
            EntityType::Person | EntityType::Organization
        )
    })
}

/// The offset from which an organisation has been named often enough before it to be the
/// article's subject: twice, or once in the first sentence (the end of the mention that makes
/// it so). One pass over the entity mentions by end, so that each description asks in O(1)
/// (a scan of the mentions before each "the company said" was quadratic in long transcripts).
pub(crate) fn organisation_named_from(ctx: &Ctx) -> Option<usize> {
    let doc = ctx.doc;
    let first = doc.sentences.first()?.span;
    let ms = ctx.entity_mentions();
    let mut orgs: Vec<usize> = (0..ms.span.len())
        .filter(|&i| doc.entities[ms.entity[i]].kind == EntityType::Organization)
        .collect();
    orgs.sort_unstable_by_key(|&i| (ms.span[i].end, i));
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for i in orgs {
        let n = counts.entry(ms.entity[i]).or_default();
        *n += if first.contains(&ms.span[i]) { 2 } else { 1 };
        if *n >= 2 {
            return Some(ms.span[i].end);
        }
    }
    None
}

/// Lower-case plural words the article writes as the first word of a group's name: capitalised
/// before "for", "without" or "against" and another capitalised word ("Doctors for Camp
/// Closure", "Reporters Without Borders", "Mothers Against Drunk Driving"). One pass over the
/// tokens, once per article.
pub fn group_name_words(ctx: &Ctx) -> HashSet<String> {
    let mut out = HashSet::new();
    for k in 0..ctx.len().saturating_sub(2) {
        let w = ctx.word(k);
        if ctx.is_word(k)
            && ctx.is_capitalized(k)
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && matches!(ctx.word(k + 1), "for" | "without" | "against")
            && ctx.is_word(k + 2)
            && ctx.is_capitalized(k + 2)
        {
            out.insert(w.to_string());
        }
    }
    out
}

/// Whether a speaker's name, as the resolver wrote it (so "they" resolved to "the doctors"
/// reads as "the doctors"), is a definite description of a group the article names with the
/// same word: "the doctors" (or "the doctors of the group") of "Doctors for Camp Closure"
/// (see [`group_name_words`]). Such a source is `named`, as "the company" of a named firm is.
/// ("the researchers" of an unnamed study team and "the US lawyers" keep their type.)
///
/// "A group of physicians" (or "the group of doctors") of "Doctors for Camp Closure" is that
/// group too, and a synonym of the group's word names it ("physicians" of "Doctors ...", as
/// [`crate::described`] reads a plural description).
pub fn describes_named_group(name: &str, group_words: &HashSet<String>) -> bool {
    let words = name_words(name);
    let names_group = |w: &str| {
        group_words.contains(w)
            || crate::described::GROUP_SYNONYMS
                .iter()
                .find(|g| g.contains(&w))
                .is_some_and(|g| g.iter().any(|s| group_words.contains(*s)))
    };
    if words.len() == 4
        && matches!(words[0].as_str(), "a" | "the")
        && words[1] == "group"
        && words[2] == "of"
    {
        return names_group(&words[3]);
    }
    if words.len() < 2 || words[0] != "the" {
        return false;
    }
    // ("the doctors of the group": the head stands before the preposition.)
    let head = words[1..]
        .iter()
        .position(|w| HEAD_PREPOSITIONS.contains(&w.as_str()))
        .map_or(words.len() - 1, |p| p);
    head == 1 && group_words.contains(words[1].as_str())
}

/// Plurals of roles that stay `vague` also after "the" (the reviewed sample's convention:
/// "officials", "critics", "experts" are a group nobody identifies, however written).
const VAGUE_ROLE_PLURALS: &[&str] = &[
    "officials",
    "experts",
    "critics",
    "analysts",
    "sources",
    "insiders",
    "supporters",
    "activists",
    "voters",
    "readers",
    "members",
    "leaders",
];

/// "the researchers" of the study the article describes, "the authors" of the research: a
/// definite plural of a role (a speaker's name as the resolver wrote it, so "they" resolved
/// to "the authors" reads as "the authors"), lower-case after "the", "these" or "those", whose
/// head the article wrote before `before` ("A team of researchers …", "The authors of the
/// research …"), is a group identifiable by its role: `unnamed`, as "the mayor" is, not the
/// `vague` "researchers" or "some experts". Opinion-holders and officials keep `vague`
/// ([`VAGUE_ROLE_PLURALS`]), capitalised parties are names.
pub fn is_identified_group(ctx: &Ctx, name: &str, before: usize) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 || !matches!(words[0].to_lowercase().as_str(), "the" | "these" | "those") {
        return false;
    }
    // ("the authors of the research": the head stands before the preposition.)
    let head_at = words[1..]
        .iter()
        .position(|w| HEAD_PREPOSITIONS.contains(w))
        .map_or(words.len() - 1, |p| p);
    let head = words[head_at];
    let plain = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
    if !words[1..=head_at].iter().all(|w| plain(w))
        || head.len() < 4
        || !head.ends_with('s')
        || head.ends_with("ss")
        || !lexicon::is_role_noun(head)
        || VAGUE_ROLE_PLURALS.contains(&head)
    {
        return false;
    }
    // ("The authors of the research published in …", "the researchers behind the study": a
    // definite plural role of a piece of work the article describes is identified by it, also
    // where it is the first mention of the role.)
    let of_work = matches!(words.get(head_at + 1), Some(&("of" | "behind")))
        && words
            .get(head_at + 2)
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "this" | "that"))
        && words.get(head_at + 3).is_some_and(|w| {
            WORKS.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str())
        });
    of_work
        || (0..ctx.len())
            .take_while(|&k| ctx.span(k).start < before)
            .any(|k| ctx.word(k) == head)
        // ("The researchers" after "scientists have reported in a study": `study_group`.)
        || crate::study_group::makers_of_described_research(ctx, head, before)
}

/// Pieces of work whose authors are a group identified by it ("the authors of the study").
const WORKS: &[&str] = &[
    "research",
    "study",
    "report",
    "paper",
    "survey",
    "analysis",
    "review",
    "investigation",
    "experiment",
    "trial",
    "letter",
    "book",
];

/// "A person briefed on the decision", "officials briefed about the talks": the wire
/// services' anonymous source, as "people familiar with the matter" is; the participle follows
/// the mention's lower-case head.
fn briefed_after(ctx: &Ctx, m: &Mention) -> bool {
    let k = m.last + 1;
    k + 1 < ctx.len()
        && !ctx.is_capitalized(m.last)
        && ctx.word(k) == "briefed"
        && matches!(ctx.word(k + 1), "on" | "about")
}

/// Whether "familiar with" at token `k` is the wire services' cue (after a person or source,
/// before a matter): [`crate::anonymity::is_source_cue`] on the text around it.
fn familiar_with_is_a_cue(ctx: &Ctx, k: usize) -> bool {
    let text = &ctx.doc.text;
    let at = ctx.span(k).start;
    let mut a = at.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let end = ctx.span(k + 1).end;
    let mut b = (end + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    // (Only "with the …" has an object to check; "familiar with" before another word passes.)
    let after = text.get(end..b).unwrap_or("");
    let after = after.trim_start();
    let after = match after.get(..4) {
        Some(t) if t.eq_ignore_ascii_case("the ") => &after[3..],
        _ => return true,
    };
    crate::anonymity::is_source_cue("familiar with the", text.get(a..at).unwrap_or(""), after)
}

/// "Business Insider", "Washington Insider": a capitalised head after another capitalised word
/// of the mention, past the sentence's first word, is a name's last word, not the wire
/// services' "insiders" or "sources".
fn is_capitalised_name_head(ctx: &Ctx, m: &Mention) -> bool {
    let start = ctx.sentence_bounds(m.last).0;
    m.last > m.first
        && m.last > start
        && ctx.is_capitalized(m.last)
        && ctx.is_word(m.last - 1)
        && ctx.is_capitalized(m.last - 1)
        && !ctx.is_determiner(m.last - 1)
}

/// The source type a mention shows on its own (pronouns are resolved elsewhere).
pub fn classify(ctx: &Ctx, m: &Mention, anonymous_cue: bool) -> SourceType {
    let head = ctx.word(m.last);
    let anonymous_head = (matches!(head, "source" | "sources" | "insider" | "insiders")
        && !is_capitalised_name_head(ctx, m))
        || (m.first..m.last).any(|k| {
            ctx.word(k) == "familiar" && ctx.word(k + 1) == "with" && familiar_with_is_a_cue(ctx, k)
        })
        || briefed_after(ctx, m);
    if is_named(ctx, m) || crate::publication_name::is_named_publication(ctx, m) {
        return SourceType::Named;
    }
    // (The resolver drops a cue elsewhere in the sentence of a body: "the Department said"
    // beside "a person familiar with the talks" is the department, which has a name;
    // `crate::anonymity::is_definite_body`.)
    if anonymous_cue || anonymous_head {
        return SourceType::Anonymous;
    }
    if is_named_state_body(ctx, m) {
        return SourceType::Named;
    }
    let first = if m.first <= m.last {
        ctx.word(m.first)
    } else {
        ""
    };
    // ("Witnesses for the prosecution": the head stands before the preposition.)
    let head_at = phrase_head(ctx, m);
    let head = ctx.word(head_at);
    let plural = ctx.is_group_word(head_at)
        || (head.ends_with('s')
            && !head.ends_with("ss")
            && !head.ends_with("'s")
            && head.len() > 3
            && !matches!(
                head,
                "us" | "this" | "its" | "his" | "news" | "politics" | "analysis"
            ))
        // ("media have said", "the media told Americans": the media at large, a crowd;
        // session 20.)
        || head == "media";
    let definite_single = matches!(first, "one" | "a" | "an");
    if plural && !definite_single {
        return SourceType::Vague;
    }
    SourceType::Unnamed
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_core::Document;

    /// A document whose author the article names is its author's, a named source: "the
    /// statement added" after "The Peruvian government said in a statement", "a report in the
    /// Harbour Gazette" ([`crate::document`]); a statement nobody is said to have made has no
    /// named speaker and stays unnamed.
    #[test]
    fn documents_of_named_authors_are_named() {
        use crate::test_support::source_of;
        let text = "Coast guard boats stopped two trawlers off Callao on Sunday. \
            The Peruvian government said in a statement that the crews had been detained. \
            The boats would be handed over to the port authority, the statement added.";
        let (name, kind) = source_of(text, "handed over to the port authority");
        assert!(
            name.as_deref()
                .is_some_and(|n| n.contains("Peruvian government")),
            "{name:?}"
        );
        assert_eq!(kind, SourceType::Named);
        let (_, kind) = source_of(
            "The mayor opened the new ferry terminal in Kingsport on Monday. \
             According to a report in the Harbour Gazette, the terminal cost twice its budget.",
            "the terminal cost twice its budget",
        );
        assert_eq!(kind, SourceType::Named);
        let (name, kind) = source_of(
            "Coast guard boats stopped two trawlers off Callao on Sunday. \
             The boats would be handed over to the port authority, the statement added.",
            "handed over to the port authority",
        );
        assert_eq!(name, None);
        assert_ne!(kind, SourceType::Named);
        let (_, kind) = source_of(
            "One small study in 50 people with IBS showed that daily walks eased the pain.",
            "daily walks eased the pain",
        );
        assert_ne!(kind, SourceType::Named);
    }

    /// "A person briefed on the decision said": the participle phrase is skipped to reach the
    /// subject, and "briefed on" marks the wire services' anonymous source.
    #[test]
    fn a_person_briefed_on_the_decision_is_anonymous() {
        use crate::test_support::source_of;
        let text = "The county board voted on Tuesday to close the Riverside clinic. \
             A person briefed on the decision said the vote had been planned for weeks.";
        let (name, kind) = source_of(text, "planned for weeks");
        assert_eq!(name.as_deref(), Some("A person"));
        assert_eq!(kind, SourceType::Anonymous);
        // A role with the participle elsewhere in its sentence keeps its type.
        let (_, kind) = source_of(
            "The county board voted on Tuesday to close the Riverside clinic. \
             The mayor, who was briefed on the decision, said the vote had been planned.",
            "had been planned",
        );
        assert_eq!(kind, SourceType::Unnamed);
    }

    /// In an article that names nobody, a capitalised first word before "said" is no name on
    /// that ground alone.
    #[test]
    fn a_sentence_initial_word_is_no_name_where_nobody_is_named() {
        use crate::test_support::rules_only_source_of;
        let text = "The paper mill on the river will cut its night shift from next month. \
             Shareholders said the cuts were overdue.";
        let (_, kind) = rules_only_source_of(text, "the cuts were overdue");
        assert_ne!(kind, SourceType::Named);
    }

    fn kind_of(text: &str, cue: &str) -> SourceType {
        kind_in(Document::from_text(None, text), cue)
    }

    /// As [`kind_of`], after the entity stage.
    fn kind_with_entities(text: &str, cue: &str) -> SourceType {
        let mut doc = Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        assert!(!doc.entities.is_empty());
        kind_in(doc, cue)
    }

    fn kind_in(doc: Document, cue: &str) -> SourceType {
        let ctx = Ctx::new(&doc);
        let c = (0..ctx.len()).find(|&i| ctx.word(i) == cue).expect("cue");
        let m = ctx
            .subject_before(c, 0)
            .or_else(|| ctx.np_after(c + 1, ctx.len()))
            .expect("speaker");
        let cues = anonymity_cues(&ctx, &[]);
        let anon = anonymity_cue(&ctx, &m, &cues).is_some();
        classify(&ctx, &m, anon)
    }

    /// Session 20: "the media" at large is a crowd (`vague`), and a lone capitalised plural of
    /// a headline that the article writes in lower case too ("Mourners say …") is no name.
    #[test]
    fn the_media_and_a_headlines_common_plural_are_vague() {
        use crate::test_support::source_of;
        let text = "The Latest: Mourners say the vigil will go on\n\n\
            Hundreds of mourners gathered outside the arena in Leeds on Sunday night. \
            But media have said the council may close the square early.";
        let (_, kind) = source_of(text, "the vigil will go on");
        assert_eq!(kind, SourceType::Vague);
        let (_, kind) = source_of(text, "close the square early");
        assert_eq!(kind, SourceType::Vague);
    }

    #[test]
    fn a_role_speaking_for_a_name_is_the_role() {
        // The spokeswoman of a named body is unnamed; the body is whom she speaks for.
        assert_eq!(
            kind_with_entities(
                "A spokeswoman for the Coastal Alliance said the permit was void.",
                "said"
            ),
            SourceType::Unnamed
        );
        // A name in apposition after the role and its place is the speaker.
        assert_eq!(
            kind_with_entities(
                "Former U.S. ambassador to Peru Marie Castell said the talks had failed.",
                "said"
            ),
            SourceType::Named
        );
    }

    #[test]
    fn source_types() {
        assert_eq!(
            kind_of("Denis Gonchar said it was war.", "said"),
            SourceType::Named
        );
        assert_eq!(
            kind_of("The Post has learned the truth.", "learned"),
            SourceType::Named
        );
        assert_eq!(
            kind_of(
                "“No,” said a senior NATO official, who declined to be named.",
                "said"
            ),
            SourceType::Anonymous
        );
        assert_eq!(
            kind_of("Sources said the deal was off.", "said"),
            SourceType::Anonymous
        );
        assert_eq!(
            kind_of("The former Polish Prime Minister said it was time.", "said"),
            SourceType::Unnamed
        );
        assert_eq!(
            kind_of("Some Western officials said it was wrong.", "said"),
            SourceType::Vague
        );
        assert_eq!(
            kind_of("Legal experts warned that it was risky.", "warned"),
            SourceType::Vague
        );
        // Parties are named groups; the lower-case word is a vague group.
        assert_eq!(
            kind_of(
                "On Monday the Conservatives said the budget was a disgrace.",
                "said"
            ),
            SourceType::Named
        );
        assert_eq!(
            kind_of("Liberals said the budget was fair.", "said"),
            SourceType::Named
        );
        assert_eq!(
            kind_of("Many liberals said the budget was fair.", "said"),
            SourceType::Vague
        );
        // A state body with its country's name is a named organisation; alone it is not.
        assert_eq!(
            kind_of("The Indian navy said it had sunk a pirate vessel.", "said"),
            SourceType::Named
        );
        assert_eq!(
            kind_of(
                "On Monday Russia's government said the talks had failed.",
                "said"
            ),
            SourceType::Named
        );
        assert_ne!(
            kind_of("The government said the talks had failed.", "said"),
            SourceType::Named
        );
        assert_ne!(
            kind_of(
                "A senior Indian government official said the talks had failed.",
                "said"
            ),
            SourceType::Named
        );
        // A public body with its place's name, after "the" or a possessive, is named too;
        // an indefinite one is not.
        assert_eq!(
            kind_of(
                "On Sunday the Inner Mongolia health commission said no one had shown symptoms.",
                "said"
            ),
            SourceType::Named
        );
        assert_eq!(
            kind_of(
                "On Friday Bolivia's public defender's office said eight people had died.",
                "said"
            ),
            SourceType::Named
        );
        assert_ne!(
            kind_of(
                "On Friday a Senate committee said the hearing would be postponed.",
                "said"
            ),
            SourceType::Named
        );
        // A name with a suffix is a name.
        assert_eq!(
            kind_of(
                "U.S. Attorney James P. Kennedy Jr. said the sentence was fair.",
                "said"
            ),
            SourceType::Named
        );
        // A name the entity stage does not know, at a sentence start: written with an inner
        // capital, or capitalised inside another sentence.
        assert_eq!(
            kind_with_entities(
                "Microsoft is preparing new tablets. MSPoweruser reported that the update would come in March.",
                "reported"
            ),
            SourceType::Named
        );
        assert_eq!(
            kind_with_entities(
                "The phone was shown on Friday, as Engadget wrote. Engadget reported that it would cost $999.",
                "reported"
            ),
            SourceType::Named
        );
        assert_ne!(
            kind_with_entities(
                "Microsoft is preparing new tablets. Staff reported that the update would come in March.",
                "reported"
            ),
            SourceType::Named
        );
        // A surname that is also a title word ("King", "Pope", "Bishop") after a first name.
        assert_eq!(
            kind_of("Tishana King says she saw the shooting.", "says"),
            SourceType::Named
        );
        assert_eq!(
            kind_of(
                "The chain cut 300 jobs, said veteran media analyst Ken Doctor.",
                "said"
            ),
            SourceType::Named
        );
        assert_ne!(
            kind_of("The Deputy Minister said the talks had failed.", "said"),
            SourceType::Named
        );
        assert_eq!(
            kind_of("On Monday the King said the talks had failed.", "said"),
            SourceType::Unnamed
        );
        assert_ne!(
            kind_of("The Catholic Bishop said the talks had failed.", "said"),
            SourceType::Named
        );
        // Police with no name, at a sentence start, is no name.
        assert_eq!(
            kind_of("Police said no one had been charged.", "said"),
            SourceType::Unnamed
        );
        // A number word at a sentence start is no name.
        assert_ne!(
            kind_of("Two said the gate had been left open.", "said"),
            SourceType::Named
        );
        // Other words for not wanting a name printed.
        assert_eq!(
            kind_of(
                "A spokeswoman who did not wish to be named because of agency policy said the clinic was closed.",
                "said"
            ),
            SourceType::Anonymous
        );
        assert_eq!(
            kind_of(
                "A second official, who preferred not to be identified, said the deal was off.",
                "said"
            ),
            SourceType::Anonymous
        );
        // A report resting on confidential sources.
        assert_eq!(
            kind_of(
                "The newspaper, citing confidential sources, said the deal was dead.",
                "said"
            ),
            SourceType::Anonymous
        );
    }

    /// The source type of the statement holding `needle`, after the whole pipeline.
    fn type_in_article(text: &str, needle: &str) -> SourceType {
        let mut doc = Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        let q = doc
            .quotes
            .iter()
            .find(|q| doc.span_text(&q.span).contains(needle))
            .unwrap_or_else(|| panic!("no statement with {needle:?}"));
        q.source.kind
    }

    /// The head of a described group stands before its preposition; a group is vague.
    #[test]
    fn group_heads() {
        assert_eq!(
            kind_of(
                "Witnesses for the defence said the car had run a red light.",
                "said"
            ),
            SourceType::Vague
        );
        assert_eq!(
            kind_of(
                "Researchers said the ice sheet was thinning faster than feared.",
                "said"
            ),
            SourceType::Vague
        );
    }

    /// "the nurses" of a group the article names "Nurses for Safe Wards" is that group;
    /// "the researchers" of a study with no named team is not named.
    #[test]
    fn descriptions_of_named_groups() {
        let article = "Nurses at the city hospital have offered to staff a winter ward without pay. \
             The nurses, members of a new group, Nurses for Safe Wards, wrote to the hospital board on Monday. \
             \"Patients are waiting twelve hours for a bed,\" the nurses said in the letter. \
             The board has not replied.";
        let doc = crate::test_support::analyzed(article);
        let q = crate::test_support::quote_with(&doc, "twelve hours for a bed");
        // (Session 15: the description resolves to the group it describes, `described`.)
        assert_eq!(q.source.name.as_deref(), Some("Nurses for Safe Wards"));
        assert_eq!(q.source.kind, SourceType::Named);
        assert_ne!(
            type_in_article(
                "Researchers at a university in Leeds followed 4,000 patients for ten years. \
                 \"The effect of the drug was small but real,\" the researchers said on Tuesday.",
                "small but real"
            ),
            SourceType::Named
        );
        // A title-case headline with no group's name in it names no group.
        assert_ne!(
            type_in_article(
                "Nurses Warn Of Winter Crisis. Hospitals in the north are full. \
                 \"We cannot go on like this,\" the nurses said on Tuesday.",
                "go on like this"
            ),
            SourceType::Named
        );
    }

    /// "the researchers" of the study the article describes, and "they" of them, are a group
    /// identified by its role (`unnamed`); bare "researchers", "the officials" and a group
    /// the article never introduced stay `vague`.
    #[test]
    fn definite_groups_introduced_before_are_unnamed() {
        let article = "Researchers in northern Norway followed 2,400 stroke patients for a decade. \
             The drug cut the risk of a second stroke by a fifth, the researchers wrote in the journal. \
             They said the effect was larger in women.";
        let doc = crate::test_support::analyzed(article);
        let q = crate::test_support::quote_with(&doc, "cut the risk of a second stroke");
        assert_eq!(q.source.kind, SourceType::Unnamed);
        let q = crate::test_support::quote_with(&doc, "larger in women");
        assert_eq!(q.source.kind, SourceType::Unnamed);
        assert_eq!(
            type_in_article(
                "Officials in the province closed two schools on Monday. \
                 The outbreak was under control, the officials said.",
                "under control"
            ),
            SourceType::Vague
        );
        assert_eq!(
            type_in_article(
                "The outbreak was under control, the researchers said on Monday.",
                "under control"
            ),
            SourceType::Vague
        );
    }

    /// "a report in the Argus Leader": a publication the entity stage may not know is still a
    /// name, and "The report says" after it reads back to it; a study in a country is not.
    #[test]
    fn documents_of_named_publications_are_named() {
        let article = "The county launched its new road safety campaign on Monday. \
             According to a report in the Valley Courier of Alamosa, the campaign cost $40,000. \
             The report says an agency in Denver designed the billboards.";
        assert_eq!(
            type_in_article(article, "the campaign cost"),
            SourceType::Named
        );
        assert_eq!(
            type_in_article(article, "designed the billboards"),
            SourceType::Named
        );
        assert_ne!(
            type_in_article(
                "Smoking rates fell again last year. \
                 According to a study in New Zealand, the tax cut smoking by a tenth.",
                "cut smoking by a tenth"
            ),
            SourceType::Named
        );
    }

    /// "the newspaper reported" after a newspaper the entity stage did not type reported in
    /// the sentence before: the named newspaper; after a named person, not. "The party said"
    /// after a party spoke is the party.
    #[test]
    fn descriptions_of_a_named_source_just_before() {
        assert_eq!(
            type_in_article(
                "The budget will be tabled on Thursday. The Conservatives said the budget would raise taxes. \
                 The party said it would vote against it.",
                "vote against it"
            ),
            SourceType::Named
        );
        let article = "Gomes was arrested on Tuesday at an apartment on Mill Street. \
             The Harbor Ledger of New Bedford is reporting today that Gomes has a long criminal record. \
             He had been released from the county jail in 2008, the newspaper reported.";
        assert_eq!(
            type_in_article(article, "released from the county jail"),
            SourceType::Named
        );
        assert_ne!(
            type_in_article(
                "Gomes was arrested on Tuesday at an apartment on Mill Street. \
                 Jeff Rudd said Gomes had lived there for a year. \
                 He had been released from the county jail in 2008, the newspaper reported.",
                "released from the county jail"
            ),
            SourceType::Named
        );
    }

    /// "the company said" of an organisation the article has named is a named source; a
    /// description after one passing mention of another organisation is not, nor is a
    /// document ("the white paper").
    #[test]
    fn descriptions_of_named_organisations() {
        assert_eq!(
            type_in_article(
                "Halvorsen Shipping Corporation will close its yard in Bergen, the firm's chief said on Monday. \
                 Halvorsen Shipping Corporation has built ferries there since 1961. \
                 A welder, Ola Berg, told The Associated Press that he had worked there for 30 years. \
                 \"This was the hardest decision in our history,\" the company said in a statement.",
                "hardest decision"
            ),
            SourceType::Named
        );
        assert_ne!(
            type_in_article(
                "Smog covered the city for a third day. Despite an order of the Supreme Court, \
                 fireworks were set off all week, and the monitoring agency said the air was unsafe to breathe.",
                "unsafe to breathe"
            ),
            SourceType::Named
        );
        assert_ne!(
            type_in_article(
                "The Harbour Dairy Corporation was sold in 2004. The Harbour Dairy Corporation lost money every year. \
                 \"The plant never paid its way,\" the white paper said.",
                "never paid its way"
            ),
            SourceType::Named
        );
    }

    /// "the publication", "the website" after a publication the article named as a source
    /// (also "the aforementioned entertainment news publication") is that publication: named.
    #[test]
    fn descriptions_of_a_named_publication_are_named() {
        let article = "The studio has not set a date for the sequel. \
             Harbour Screen reported on Monday that the director wants an early release. \
             The aforementioned entertainment news publication said the director made the announcement at a festival. \
             The website called the move risky.";
        assert_eq!(
            type_in_article(article, "made the announcement"),
            SourceType::Named
        );
        // With no named source before it, a website is a description.
        assert_ne!(
            type_in_article(
                "The studio has not set a date for the sequel. \
                 The website said the director made the announcement at a festival.",
                "made the announcement"
            ),
            SourceType::Named
        );
    }

    /// "A group of physicians" of the group the article names "Doctors for Fair Wards" is that
    /// group; "a group of physicians" with no such group named is not.
    #[test]
    fn a_group_of_members_of_a_named_group_is_named() {
        let mut words = HashSet::new();
        words.insert("doctors".to_string());
        assert!(describes_named_group("A group of physicians", &words));
        assert!(describes_named_group("the group of doctors", &words));
        assert!(!describes_named_group("A group of nurses", &words));
        assert!(!describes_named_group(
            "A group of physicians",
            &HashSet::new()
        ));
        let article = "A group of physicians is urging the county to reopen the winter clinic. \
             The doctors, members of a new group, Doctors for Fair Wards, wrote to the board on Monday. \
             \"We have seen the waiting lists double,\" the physicians stated in the letter.";
        assert_eq!(
            type_in_article(article, "waiting lists double"),
            SourceType::Named
        );
    }

    /// "The authors of the research" (of a study the article describes) are a group
    /// identified by it, `unnamed`, already at their first mention; "Critics of the study"
    /// stay `vague`.
    #[test]
    fn the_authors_of_a_study_are_unnamed() {
        assert_eq!(
            type_in_article(
                "Teenage smoking has fallen in most states since 2010. \
                 The authors of the research published in a medical journal said the fall was slowing.",
                "the fall was slowing"
            ),
            SourceType::Unnamed
        );
        assert_eq!(
            type_in_article(
                "Teenage smoking has fallen in most states since 2010. \
                 Critics of the study said the fall was overstated.",
                "the fall was overstated"
            ),
            SourceType::Vague
        );
    }

    /// "The authors of the research published in the journal …" (a venue's subject, as
    /// written) are `unnamed` too; "the team" after that journal is not the journal.
    #[test]
    fn the_authors_published_in_a_journal_are_unnamed() {
        let article = "Cannabis use disorder is rising in states that legalized the drug. \
             The authors of the research published in the journal Addiction Reports argued that \
             the climb was \"a potential public health concern.\" \
             The team said the survey covered 500,000 people.";
        let doc = crate::test_support::analyzed(article);
        let q = crate::test_support::quote_with(&doc, "public health concern");
        assert_eq!(q.source.kind, SourceType::Unnamed);
        let q = crate::test_support::quote_with(&doc, "the survey covered");
        assert_ne!(q.source.name.as_deref(), Some("Addiction Reports"));
    }

    /// "The Norwegian Fisheries Ministry's inspection department said": a body of a named
    /// organisation is named; "the regional transport department" is not.
    #[test]
    fn a_body_of_a_named_organisation_is_named() {
        assert_eq!(
            type_in_article(
                "Two trawlers were stopped off Tromso on Sunday. \
                 The Norwegian Fisheries Ministry's inspection department said it was investigating the catch.",
                "investigating the catch"
            ),
            SourceType::Named
        );
        assert_ne!(
            type_in_article(
                "Two trawlers were stopped off Tromso on Sunday. \
                 The regional inspection department said it was investigating the catch.",
                "investigating the catch"
            ),
            SourceType::Named
        );
    }

    /// Session 19: "the same report stated" just after a named outlet's statement is the
    /// outlet's (`named`); "A spokesman for the Russian Interior Ministry's transport
    /// department" is the department's spokesman, `unnamed` (the body alone is `named`).
    #[test]
    fn an_outlets_report_and_a_bodys_spokesman() {
        use crate::test_support::source_of;
        let text = "Release date may move\n\n\
            The studio is said to be weighing an earlier opening. The Daily Courier said the \
            director wanted the film out by the summer. The studio has asked a judge to order \
            a blog to take down leaked stills, the same report stated.\n\n\
            A spokesman for the Latvian Transport Ministry's rail department said they were \
            looking into the delays on the northern line.";
        let (_, kind) = source_of(text, "take down leaked stills");
        assert_eq!(kind, SourceType::Named);
        let (_, kind) = source_of(text, "looking into the delays");
        assert_eq!(kind, SourceType::Unnamed);
    }
}
