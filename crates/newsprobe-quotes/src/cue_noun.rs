//! Is this cue word a verb here, or a noun or adjective? "Various reports suggest", "criminal
//! suspects could be extradited", "a water think tank", "retirement plans and IRAs", "a senior
//! Labour Party figure", "The woman accused had been escorted": the word is a reporting verb in
//! the lexicon, but its context makes it a noun (or a participle used as an adjective), and read
//! as a verb it gives a junk speaker ("Various", "Water") and a spurious statement.
//!
//! A small table of contexts, read around the word: the word before it (an adjective that only
//! modifies nouns, a singular determiner a few words back, a common noun), the word after it (a
//! finite auxiliary or modal, a coordinated noun, the second half of a compound) and its form.

use crate::lexicon::{self, CueWord, Form};
use crate::speaker::Ctx;

/// The reporting cue at token `i` when it is used as a verb: `Ctx::verb_cue`, less the cue words
/// whose context reads them as nouns.
pub fn verb_cue(ctx: &Ctx, i: usize) -> Option<CueWord> {
    ctx.verb_cue(i).filter(|cw| !reads_as_noun(ctx, i, *cw))
}

/// Whether token `i` is a cue word read as a noun here ("a New York Times report that …", "A
/// GAO report released last year found …").
pub fn noun_cue(ctx: &Ctx, i: usize) -> bool {
    ctx.cue(i).is_some_and(|cw| {
        cw.form == Form::Present && ctx.verb_cue(i).is_some() && reads_as_noun(ctx, i, cw)
    })
}

/// Whether `word` counts a plural noun: written in digits ("50", "1,200") or a cardinal word
/// other than "one" ("one says" is a pronoun's verb).
fn counted(word: &str) -> bool {
    (word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_digit() || c == ','))
        || (word != "one" && lexicon::is_number_word(word))
}

/// Whether the cue word at token `i` is a noun or adjective in its context.
fn reads_as_noun(ctx: &Ctx, i: usize, cw: CueWord) -> bool {
    let w = ctx.word(i);
    let next = ctx.word(i + 1);
    let next_is_word = ctx.is_word(i + 1);
    // A common noun or adjective before the cue: lower case, no pronoun, determiner,
    // adverb, auxiliary, preposition or other cue.
    let common_before = i > 0
        && ctx.is_word(i - 1)
        && !ctx.is_capitalized(i - 1)
        && !ctx.is_pronoun(i - 1)
        && !ctx.is_determiner(i - 1)
        && !ctx.is_np_stop(i - 1)
        && ctx.cue(i - 1).is_none()
        && !ctx.word(i - 1).ends_with("ly")
        && !lexicon::is_finite_auxiliary(ctx.word(i - 1))
        && !lexicon::is_be(ctx.word(i - 1))
        && !matches!(
            ctx.word(i - 1),
            "who" | "which" | "that" | "also" | "not" | "never" | "still" | "to" | "and" | "or"
        );
    match cw.form {
        Form::Present => {
            // "a water think tank", "the call centre".
            if next_is_word && lexicon::is_cue_compound(w, next) {
                return true;
            }
            // "the 50 calls a day it received", "three reports in a week": a plural counted by
            // a number is a noun (a number as subject takes "say", not "says"; session 21).
            // (Not a number in a name: "NBC 5 believes", "9to5Mac claims".)
            if w.ends_with('s')
                && i > 0
                && counted(ctx.word(i - 1))
                && !(i > 1 && ctx.raw(i - 2).starts_with(char::is_uppercase))
            {
                return true;
            }
            // "the attack on …", "reports say", "another attack" (`cue_noun_next`).
            if crate::cue_noun_next::reads_as_noun(ctx, i, cw) {
                return true;
            }
            // "as Democratic calls for …", "US-South Korean plans to …" (`proper_adjective`).
            if crate::proper_adjective::after_proper_adjective(ctx, i) {
                return true;
            }
            // "Various reports suggest", "criminal suspects": a plural after an adjective that
            // only modifies nouns.
            if w.ends_with('s') && i > 0 && lexicon::is_plural_noun_modifier(ctx.word(i - 1)) {
                return true;
            }
            // "One study support was associated", "criminal suspects could be", "hopes are
            // slim": a finite auxiliary or modal right after the word makes it the subject's
            // head. (Only after a common noun or adjective: "the measures he says are needed",
            // "the deal Trump says will happen" report a statement in a relative clause.)
            // A plural noun takes a plural auxiliary ("hopes are"; "the agency says is
            // essential" is a verb), a singular one after a compound adjective only
            // ("anti-government protests is seen" belongs to the subject before); the base form
            // after a singular noun is a noun ("study support was"; "analysts say will boost"
            // and "people say will" are verbs).
            if next_is_word && common_before && !next.starts_with(['\'', '’']) {
                let prev = ctx.word(i - 1);
                let noun = if w.ends_with('s') {
                    matches!(next, "are" | "were" | "have" | "do")
                        || (prev.contains('-') && matches!(next, "is" | "was" | "has"))
                } else {
                    lexicon::is_finite_auxiliary(next)
                        && !prev.ends_with('s')
                        && !matches!(
                            prev,
                            "people"
                                | "police"
                                | "men"
                                | "women"
                                | "children"
                                | "staff"
                                | "media"
                                | "public"
                                | "personnel"
                                | "folks"
                                | "youth"
                                | "clergy"
                        )
                };
                if noun {
                    return true;
                }
            }
            // "retirement plans and IRAs", "demand and supply": coordinated with a noun.
            if matches!(next, "and" | "or")
                && common_before
                && ctx.is_word(i + 2)
                && !ctx.is_pronoun(i + 2)
                && !ctx.is_determiner(i + 2)
                && ctx.cue(i + 2).is_none()
                && !ctx.word(i + 2).ends_with("ly")
                && !lexicon::is_finite_auxiliary(ctx.word(i + 2))
                && ctx.word(i + 2) != "that"
            {
                return true;
            }
            // "a senior Labour Party figure": the base form after a singular determiner and its
            // modifiers is a noun (a singular subject would take "-s").
            if !w.ends_with('s') && singular_determiner_before(ctx, i) {
                return true;
            }
            // "the Pence call with Zelensky": a base form after a singular name, before "with".
            if !w.ends_with('s')
                && i > 0
                && ctx.is_capitalized(i - 1)
                && !ctx.word(i - 1).ends_with('s')
                && !ctx.is_pronoun(i - 1)
                && matches!(next, "with" | "between")
            {
                return true;
            }
            false
        }
        // "The woman accused had just been escorted": a participle after a determiner and a
        // noun, before a finite auxiliary, is an adjective.
        // "almost 1,300 written questions" (`counted_participle`).
        Form::Past => {
            crate::counted_participle::is_adjective(ctx, i)
                || (i >= 2
                    && next_is_word
                    && lexicon::is_finite_auxiliary(next)
                    && !next.starts_with(['\'', '’'])
                    && common_before
                    && matches!(ctx.word(i - 2), "the" | "a" | "an" | "this" | "that"))
        }
        Form::Gerund => false,
    }
}

/// Whether a singular determiner ("a", "an", "another", "each", "every") opens the words
/// before token `i`, with at most four modifiers between, none a verb, pronoun or clause word.
fn singular_determiner_before(ctx: &Ctx, i: usize) -> bool {
    let mut k = i;
    for _ in 0..5 {
        if k == 0 {
            return false;
        }
        k -= 1;
        let w = ctx.word(k);
        if matches!(w, "a" | "an" | "another" | "each" | "every") {
            return k + 1 < i;
        }
        // "A mere 9 percent say": a count of a share after the article makes the phrase plural
        // ("a March 21 phone call" stays a noun).
        if counted(w) && k + 2 == i && matches!(ctx.word(k + 1), "percent" | "%") {
            return false;
        }
        if !ctx.is_word(k)
            || ctx.is_pronoun(k)
            || ctx.is_determiner(k)
            || ctx.cue(k).is_some()
            || lexicon::is_finite_auxiliary(w)
            || lexicon::is_be(w)
            || matches!(
                w,
                "and" | "or" | "but" | "who" | "which" | "that" | "of" | "to" | "for" | "with"
            )
        {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::speaker::Ctx;
    use newsprobe_core::Document;

    /// (speaker mention, cue) of every attributed statement the detectors find in `text`.
    fn speakers(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_text(None, text);
        let ctx = Ctx::new(&doc);
        let marks = crate::marks::find(&doc);
        crate::find_all(&ctx, &marks)
            .iter()
            .filter_map(|f| {
                let m = f.speaker?;
                let cue = f.cue?;
                Some((
                    doc.span_text(&m.span).to_string(),
                    doc.span_text(&cue).to_string(),
                ))
            })
            .collect()
    }

    fn no_cue(text: &str, word: &str) {
        let got = speakers(text);
        assert!(
            got.iter().all(|(_, c)| c != word),
            "{word:?} read as a verb in {text:?}: {got:?}"
        );
    }

    #[test]
    fn counted_plurals_are_nouns() {
        // Written for the project (session 21).
        let text = "Calls to the clinic soared, a sharp jump from the 50 calls a day it took before the outbreak.";
        let doc = Document::from_text(None, text);
        let ctx = Ctx::new(&doc);
        let i = (0..ctx.len()).rfind(|&i| ctx.word(i) == "calls").unwrap();
        assert!(super::verb_cue(&ctx, i).is_none());
        // A subject before the "-s" form keeps it a verb.
        let doc = Document::from_text(None, "The mayor calls the plan a disgrace.");
        let ctx = Ctx::new(&doc);
        let i = (0..ctx.len()).find(|&i| ctx.word(i) == "calls").unwrap();
        assert!(super::verb_cue(&ctx, i).is_some());
        // A number in a name is no count.
        for (text, cue) in [
            ("NBC 5 believes the patient is a deputy.", "believes"),
            ("9to5Mac claims the company has made 3,000 units.", "claims"),
        ] {
            let doc = Document::from_text(None, text);
            let ctx = Ctx::new(&doc);
            let i = (0..ctx.len()).find(|&i| ctx.word(i) == cue).unwrap();
            assert!(super::verb_cue(&ctx, i).is_some(), "{text}");
        }
    }

    #[test]
    fn plurals_after_noun_adjectives_are_nouns() {
        no_cue(
            "Various reports suggest that the family never controlled the fortune.",
            "reports",
        );
        no_cue(
            "Protesters feared the bill meant criminal suspects could be sent to the mainland for trial.",
            "suspects",
        );
        no_cue(
            "The company’s decision to list in the city despite months of anti-government protests is seen as a vote of confidence.",
            "protests",
        );
        no_cue(
            "After the loss, the coach’s playoff hopes are slim, but the players remain upbeat.",
            "hopes",
        );
    }

    #[test]
    fn a_compound_noun_is_no_cue() {
        no_cue(
            "Peter Gleick, president of the Pacific Institute, a water think tank told the station that the drought was worsening.",
            "think",
        );
    }

    #[test]
    fn a_noun_before_an_auxiliary_or_coordinated_is_no_cue() {
        no_cue(
            "In one study, peer support was associated with fewer relapses among the patients.",
            "support",
        );
        no_cue(
            "Employer retirement plans and IRAs provide tax advantages that savers should use.",
            "plans",
        );
    }

    #[test]
    fn a_noun_after_a_singular_determiner_is_no_cue() {
        no_cue(
            "A senior Labour Party figure said the ad was a lie, a claim echoed by a senior Labour Party figure on Sunday.",
            "figure",
        );
        // A date between the article and the noun leaves it a noun (session 23, round 2: a
        // count after the article makes only "a mere 9 percent" plural).
        no_cue(
            "He was charged over a March 14 phone call he made to the clinic, in which he said he \
             would burn it down.",
            "call",
        );
    }

    #[test]
    fn a_participle_before_an_auxiliary_is_an_adjective() {
        no_cue(
            "The woman accused had just been escorted from the building ten minutes earlier, police said.",
            "accused",
        );
    }

    #[test]
    fn verbs_stay_verbs() {
        let got = speakers(
            "The senator says the deal is close. Officials said the measures were needed. \
             Critics argue that the plan fails. The report, she said, will come out Monday. \
             It is a battery that industry analysts say will lower prices. It is money that \
             the agency says is essential to the mission.",
        );
        for cue in ["says", "said", "argue", "say"] {
            assert!(got.iter().any(|(_, c)| c == cue), "{cue} lost: {got:?}");
        }
    }

    #[test]
    fn an_intention_with_an_object_reports_nothing() {
        no_cue(
            "The rule would drop reviews by wildlife scientists as agencies plan projects involving logging and oil leases.",
            "plan",
        );
        no_cue(
            "The trade deal favors American farm products over imports, officials said.",
            "favors",
        );
    }

    #[test]
    fn a_noun_cue_heads_its_noun_phrase() {
        let got = speakers(
            "Lawmakers raised concerns. A Congressional Budget Office report released in May \
             found that the program would cost more than planned. The mayor is seizing on a \
             Chicago Tribune report that the contract was never put out to bid.",
        );
        assert!(
            got.contains(&(
                "A Congressional Budget Office report".to_string(),
                "found".to_string()
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&("Chicago Tribune".to_string(), "report".to_string())),
            "{got:?}"
        );
    }
}
