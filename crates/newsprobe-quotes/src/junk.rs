//! Can this mention be a speaker at all? A speaker is a person, an organisation or a group;
//! adverbials and clause starts ("weirdly enough", "The decision", "a month ago", "week"), page
//! furniture ("READ MORE") and the remains of a mis-read cue ("Church and", "of emergency") are
//! not, and are never printed: the statement stays, unattributed. A negative quantifier
//! ("Nobody said a word") says no statement was made at all.

use crate::speaker::{Ctx, Mention};

/// Heads that name a time, not a speaker ("month" in "just this month announced").
const TIME_HEADS: &[&str] = &[
    "ago",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "hour",
    "hours",
    "minute",
    "minutes",
    "night",
    "morning",
    "afternoon",
    "evening",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "late",
    "early",
    "earlier",
    "later",
    "now",
    "then",
    "recently",
    "once",
    "time",
    "times",
    "season",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "enough",
];

/// Words that open a time expression ("this past week", "last month", "earlier this year").
const TIME_MODIFIERS: &[&str] = &[
    "last", "this", "next", "past", "earlier", "later", "early", "late", "on", "the", "a", "few",
    "couple", "of", "coming", "previous", "same", "that", "one", "two", "three", "several", "at",
    "in", "during", "since", "by", "for", "over", "within",
];

/// Heads of abstract nouns that do not speak ("The decision, announced late on Friday, …").
const ABSTRACT_HEADS: &[&str] = &[
    "decision",
    "meeting",
    "challenge",
    "move",
    "idea",
    "fact",
    "thing",
    "things",
    "way",
    "reason",
    "matter",
    "problem",
    "point",
    "lot",
    "rest",
    "situation",
    "truth",
    "irony",
    "trouble",
    "question",
    "issue",
];

/// Words a speaker noun phrase does not start with (prepositions: "of emergency").
const START_WORDS: &[&str] = &[
    "of", "in", "on", "at", "for", "from", "with", "by", "to", "as", "than", "into", "about",
    "over", "after", "before", "if",
];

/// Words a speaker noun phrase does not end with ("Church and").
const END_WORDS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "and",
    "or",
    "but",
    "to",
    "as",
    "than",
    "the",
    "a",
    "an",
    "into",
    "about",
    "over",
    "after",
    "before",
    "if",
    "so",
    "despite",
    "during",
    "amid",
    "since",
    "through",
    "under",
    "against",
    "without",
    "within",
    "including",
    "among",
    "while",
    "when",
    "because",
    "although",
];

/// Quantities that end a partitive speaker the finder cut short ("Hundreds of").
const QUANTITIES: &[&str] = &[
    "hundreds",
    "thousands",
    "dozens",
    "scores",
    "millions",
    "many",
    "some",
    "most",
    "all",
    "both",
    "several",
    "one",
    "two",
    "three",
    "few",
];

/// Page furniture that a tokenizer leaves in the text ("READ MORE: …", "Advertisement").
const FURNITURE: &[&str] = &[
    "advertisement",
    "subscribe",
    "newsletter",
    "click",
    "copyright",
    "clarification",
    "correction",
    "update",
    "updated",
];

/// Lower-case "-ly" words that are nouns, not adverbs.
const LY_NOUNS: &[&str] = &[
    "family", "ally", "assembly", "rally", "monopoly", "supply", "daily", "bully", "anomaly",
    "italy", "july", "fly", "belly", "jelly", "lily", "sally", "holly",
];

/// The word lists above as one table: bit `i` of a word's entry says it is in list `i` (in
/// the order of [`LISTS`]); one hash look-up instead of scanning the lists.
fn in_list(list: u32, word: &str) -> bool {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    type Table = HashMap<&'static str, u16, foldhash::fast::FixedState>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = Table::default();
        for (i, l) in LISTS.iter().enumerate() {
            for w in *l {
                *t.entry(w).or_insert(0) |= 1 << i;
            }
        }
        // The weekdays are time heads too (core's one list of them).
        for w in newsprobe_core::lexicon::WEEKDAYS {
            *t.entry(w).or_insert(0) |= 1;
        }
        t
    });
    table.get(word).is_some_and(|f| f & (1 << list) != 0)
}

/// The lists [`in_list`] reads, by index.
const LISTS: [&[&str]; 9] = [
    TIME_HEADS,
    ABSTRACT_HEADS,
    START_WORDS,
    END_WORDS,
    QUANTITIES,
    FURNITURE,
    LY_NOUNS,
    LONE_SPEAKERS,
    TIME_MODIFIERS,
];

/// Whether a speaker mention is junk: not a person, organisation or group mention.
pub fn is_junk(ctx: &Ctx, m: &Mention) -> bool {
    if m.first > m.last || m.last >= ctx.len() {
        return true;
    }
    if !(m.first..=m.last).any(|k| ctx.is_word(k)) {
        return true;
    }
    let first = ctx.word(m.first);
    let head = ctx.word(m.last);
    let head = head
        .strip_suffix("'s")
        .or_else(|| head.strip_suffix("’s"))
        .unwrap_or(head);
    if in_list(2, first) || (in_list(3, head) && !(head == "of" && in_list(4, first))) {
        return true;
    }
    // "READ MORE", "Advertisement"
    let furniture = (m.first..=m.last).any(|k| {
        in_list(5, ctx.word(k))
            || (ctx.word(k) == "read" && ctx.word(k + 1) == "more")
            || (ctx.word(k) == "more" && k > 0 && ctx.word(k - 1) == "read")
    });
    if furniture {
        return true;
    }
    // A time expression, unless a name stands in it ("Friday" alone is a time; "Mr. Friday" is
    // not, and neither is "Robinson Crusoe's Friday").
    if in_list(0, head) && m.last - m.first < 4 {
        // ("Day said", "Early described it": surnames.)
        let named = (m.first..m.last).any(|k| ctx.is_capitalized(k) && k != m.first)
            || (ctx.is_capitalized(m.last)
                && !is_weekday_or_month(head)
                && !matches!(
                    head,
                    "today"
                        | "yesterday"
                        | "tomorrow"
                        | "tonight"
                        | "now"
                        | "then"
                        | "later"
                        | "earlier"
                        | "recently"
                        | "once"
                        | "enough"
                        | "ago"
                ));
        if !named {
            return true;
        }
    }
    // "2015", "1,200": a number alone is no speaker ("14 Catholics" is).
    if (m.first..=m.last).filter(|&k| ctx.is_word(k)).all(|k| {
        ctx.word(k)
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    }) {
        return true;
    }
    if in_list(1, head) && !ctx.is_capitalized(m.last) {
        return true;
    }
    // "weirdly enough", "Reportedly,": an adverb is no speaker ("Kelly" is a name).
    let adverb = |k: usize| {
        let w = ctx.word(k);
        w.len() > 4 && w.ends_with("ly") && !in_list(6, w)
    };
    if adverb(m.last) && !ctx.is_capitalized(m.last) {
        return true;
    }
    if adverb(m.first)
        && m.first == ctx.sentence_bounds(m.first).0
        && matches!(ctx.word(m.first + 1), "," | "enough")
    {
        return true;
    }
    // A lone word that is no noun of a speaker: an adjective, a participle or an abstract
    // noun ("fruitless", "built", "bankruptcy", "more"), a sentence-initial gerund or adverb
    // ("Having", "Rather"). Plural nouns ("demonstrators"), pronouns, roles and groups stay.
    if m.first == m.last && !ctx.is_pronoun(m.last) {
        let w = ctx.word(m.last);
        let known = ctx.is_role_noun(m.last)
            || ctx.is_group_word(m.last)
            || ctx.is_title(m.last)
            || in_list(7, w);
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
        if !ctx.is_capitalized(m.last) && !known && !plural {
            return true;
        }
        let initial = m.first == ctx.sentence_bounds(m.first).0;
        // ("King said", "Manning said": a surname ending in "-ing" that is also a title word
        // or a name the entity stage found is no gerund.)
        let name = ctx.is_title(m.last)
            || ctx.is_role_noun(m.last)
            || ctx.in_entity_mention(ctx.span(m.last));
        if ctx.is_capitalized(m.last)
            && initial
            && ((w.ends_with("ing") && !name)
                || matches!(w, "rather" | "instead" | "still" | "also" | "even"))
        {
            return true;
        }
    }
    // "His aides say": the phrase runs into its verb.
    if m.first < m.last
        && m.span == ctx.np_span(m)
        && !ctx.is_capitalized(m.last)
        && ctx.verb_cue(m.last).is_some()
    {
        return true;
    }
    // "they made", "you start", "close to him", "let them", "sometimes violent", "his
    // latest": a clause, not a noun phrase.
    if m.first < m.last && m.span == ctx.np_span(m) {
        let f = ctx.word(m.first);
        let w = ctx.word(m.last);
        if matches!(
            f,
            "he" | "she" | "they" | "we" | "you" | "i" | "it" | "let" | "lets"
        ) || matches!(
            w,
            "him" | "them" | "us" | "me" | "her" | "himself" | "herself"
        ) || matches!(
            f,
            "sometimes" | "often" | "also" | "even" | "just" | "only" | "very"
        ) || (w.len() > 5
            && w.ends_with("est")
            && !ctx.is_capitalized(m.last)
            && !ctx.is_role_noun(m.last))
        {
            return true;
        }
    }
    // "a new", "left little", "caused riot": a phrase ending in an adjective or starting with
    // a verb.
    if m.first < m.last && !ctx.is_capitalized(m.last) {
        let w = ctx.word(m.last);
        let f = ctx.word(m.first);
        if matches!(
            w,
            "new" | "old" | "little" | "much" | "more" | "less" | "own" | "other"
        ) || (f.ends_with("ed") && !ctx.is_capitalized(m.first) && !ctx.is_role_noun(m.first))
        {
            return true;
        }
    }
    false
}

/// Lower-case single words that do name a speaker.
const LONE_SPEAKERS: &[&str] = &[
    "police",
    "media",
    "press",
    "public",
    "audience",
    "crowd",
    "people",
    "clergy",
    "personnel",
    "leadership",
    "opposition",
    "regime",
    "parliament",
    "congress",
    "senate",
    "cabinet",
    "embassy",
    "newspaper",
    "network",
    "paper",
    "staff",
    "management",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "all",
    "many",
    "most",
    "some",
    "few",
    "others",
    "anyone",
    "authorities",
    "officials",
    "prosecutors",
    "government",
    "army",
    "military",
    "court",
    "judge",
    "jury",
    "committee",
    "board",
    "council",
    "company",
    "campaign",
    "team",
    "family",
    "union",
    "party",
    "administration",
    "ministry",
    "department",
    "agency",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

fn is_weekday_or_month(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// The mention without a leading conjunction ("and 14 percent") or a trailing adverb ("Ali
/// famously"), which belong to the clause, not to the speaker.
pub fn trim(ctx: &Ctx, m: Mention) -> Mention {
    if m.first >= m.last || m.span != ctx.np_span(&m) {
        return m;
    }
    let (mut first, mut last) = (m.first, m.last);
    while first < last && matches!(ctx.word(first), "and" | "but" | "or" | "so" | "yet") {
        first += 1;
    }
    // "(About four out) of 10 voters": a leading preposition the finder left.
    if first + 1 < last && matches!(ctx.word(first), "of" | "to" | "for") {
        first += 1;
    }
    // "Reince Priebus, the GOP chairman, this past week", "Broaddrick Sunday night": a time
    // expression after the speaker.
    loop {
        let w = ctx.word(last);
        if last <= first
            || !(in_list(0, w) && (!ctx.is_capitalized(last) || is_weekday_or_month(w)))
        {
            break;
        }
        let mut k = last;
        while k > first
            && (in_list(8, ctx.word(k - 1))
                || is_weekday_or_month(ctx.word(k - 1))
                || in_list(0, ctx.word(k - 1)) && !ctx.is_capitalized(k - 1))
        {
            k -= 1;
        }
        if k <= first {
            break;
        }
        let mut l = k - 1;
        while l > first && ctx.word(l) == "," {
            l -= 1;
        }
        // "people I've spoken with over (the last weeks)": the time was part of a clause.
        if in_list(3, ctx.word(l)) {
            break;
        }
        last = l;
    }
    while last > first && {
        let w = ctx.word(last);
        w == ","
            || (w.len() > 4 && w.ends_with("ly") && !in_list(6, w) && !ctx.is_capitalized(last))
    } {
        last -= 1;
    }
    if (first, last) == (m.first, m.last) {
        return m;
    }
    let span = newsprobe_core::Span::text(ctx.span(first).start, ctx.span(last).end);
    Mention {
        span,
        first,
        last,
        clause: newsprobe_core::Span::text(span.start, m.clause.end.max(span.end)),
    }
}

/// Whether the speaker says nobody spoke ("Nobody said a word", "No one has claimed …").
pub fn is_nobody(ctx: &Ctx, m: &Mention) -> bool {
    if m.first > m.last {
        return false;
    }
    let first = ctx.word(m.first);
    let head = ctx.word(m.last);
    matches!(head, "nobody" | "none" | "nothing" | "neither")
        || (first == "no" && matches!(head, "one" | "official" | "officials" | "source"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mention made of the first run of `words` (lower-cased) in the document.
    fn mention_of(ctx: &Ctx, words: &[&str]) -> Mention {
        let first = (0..ctx.len())
            .find(|&k| (0..words.len()).all(|j| ctx.word(k + j) == words[j]))
            .expect("words");
        let last = first + words.len() - 1;
        let span = newsprobe_core::Span::text(ctx.span(first).start, ctx.span(last).end);
        Mention {
            span,
            first,
            last,
            clause: span,
        }
    }
    use crate::annotate;
    use newsprobe_core::{Document, SourceType};

    fn speakers(text: &str) -> Vec<(String, Option<String>, SourceType)> {
        let mut doc = Document::from_text(None, text);
        annotate(&mut doc);
        doc.quotes
            .iter()
            .map(|q| {
                (
                    doc.span_text(&q.span).to_string(),
                    q.source.name.clone(),
                    q.source.kind,
                )
            })
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        speakers(text).into_iter().filter_map(|s| s.1).collect()
    }

    #[test]
    fn time_expressions_are_no_speakers() {
        let got = names(
            "Northway Bank just this month announced it would drop the sales targets. A week ago, the regulator said it would fine the bank.",
        );
        assert!(got.iter().all(|n| n != "month" && n != "week"), "{got:?}");
        assert!(got.iter().any(|n| n == "the regulator"), "{got:?}");
    }

    #[test]
    fn clause_starts_and_adverbials_are_no_speakers() {
        let got = names(
            "The decision, announced late on Friday, said the plant would close by March.\n\nWeirdly enough, the council said nothing.",
        );
        assert!(
            got.iter()
                .all(|n| !matches!(n.as_str(), "late" | "Weirdly enough" | "The decision")),
            "{got:?}"
        );
    }

    #[test]
    fn a_noun_state_is_no_cue() {
        let got = speakers("Church and state should be separate, the bishop said.");
        assert!(
            got.iter().all(|s| s.1.as_deref() != Some("Church and")),
            "{got:?}"
        );
        let got = speakers("A state of emergency was declared on Monday, the governor said.");
        assert!(
            got.iter().all(|s| s.1.as_deref() != Some("of emergency")),
            "{got:?}"
        );
        // The verb still is one.
        let got = speakers("The court documents state that the payments were approved in May.");
        assert!(
            got.iter().any(|s| s.0.contains("payments were approved")),
            "{got:?}"
        );
    }

    #[test]
    fn numbers_and_meetings_are_no_speakers() {
        let doc = Document::from_text(
            None,
            "In 2015 it rained. The late-afternoon meeting ended. 14 Catholics said no.",
        );
        let ctx = Ctx::new(&doc);
        let m = |words: &[&str]| mention_of(&ctx, words);
        assert!(is_junk(&ctx, &m(&["2015"])));
        assert!(is_junk(&ctx, &m(&["meeting"])));
        assert!(!is_junk(&ctx, &m(&["14", "catholics"])));
    }

    #[test]
    fn lone_adjectives_and_participles_are_no_speakers() {
        let doc = Document::from_text(
            None,
            "The talks were fruitless and the plant was built. Having failed, they left. Police arrived. A new plan came.",
        );
        let ctx = Ctx::new(&doc);
        let m = |words: &[&str]| mention_of(&ctx, words);
        assert!(is_junk(&ctx, &m(&["fruitless"])));
        assert!(is_junk(&ctx, &m(&["built"])));
        assert!(is_junk(&ctx, &m(&["having"])));
        assert!(is_junk(&ctx, &m(&["a", "new"])));
        assert!(!is_junk(&ctx, &m(&["police"])));
        assert!(is_junk(&ctx, &m(&["they", "left"])));
        let doc2 = Document::from_text(None, "His aides say he will run.");
        let ctx2 = Ctx::new(&doc2);
        let span = newsprobe_core::Span::text(ctx2.span(0).start, ctx2.span(2).end);
        let aides_say = Mention {
            span,
            first: 0,
            last: 2,
            clause: span,
        };
        assert!(is_junk(&ctx2, &aides_say));
        assert!(!is_junk(&ctx, &m(&["they"])));
    }

    #[test]
    fn page_furniture_is_no_speaker() {
        let doc = Document::from_text(None, "READ MORE said the roads would be fixed.");
        let ctx = Ctx::new(&doc);
        let m = ctx.subject_before(2, 0).expect("a mention");
        assert!(is_junk(&ctx, &m));
    }

    #[test]
    fn nobody_made_no_statement() {
        let got = speakers("Nobody said a word about the budget at the meeting.");
        assert!(got.is_empty(), "{got:?}");
    }
}
