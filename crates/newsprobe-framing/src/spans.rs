//! Where does the text use framing language, of which kind, and by which rule?
//!
//! One automaton pass over a field's tokens (body or headline) feeds three rule families:
//! - the lexicons ([`crate::lexicon`]), matched on inflection-folded keys in one automaton pass,
//!   cancelled by a negation just before them ("not startling", "never classified") for the
//!   categories where negation flips the meaning;
//! - modal hedges ("might consider", "could trigger"): the modal and the verb it governs;
//! - vague attribution ("some Western officials", "many senior diplomats"): a quantifier before a
//!   group noun, up to two words apart.
//!
//! A cue lying inside a longer one is dropped ("classified" inside "highly classified"). The same
//! pass also returns the reporting verbs and anonymity cues that [`crate::support`] weighs.

use newsprobe_core::{Token, TokenKind};

use crate::lexicon::{Category, PhraseMatch, TokenKeys, LEXICON};

/// One framing cue: tokens `first..=last` of the field, its category and the rule that fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub category: Category,
    pub first: usize,
    pub last: usize,
    pub rule: String,
}

fn word_is(tok_text: &str, list: &[&str]) -> bool {
    list.iter().any(|w| tok_text.eq_ignore_ascii_case(w))
}

/// Whether a word negates what follows ("not", "never", "isn't", "without", "none").
fn is_negator(word: &str) -> bool {
    word_is(
        word,
        &[
            "not", "never", "no", "nor", "neither", "without", "hardly", "cannot", "barely",
            "none", "nobody", "nothing",
        ],
    ) || word.ends_with("n't")
        || word.ends_with("n’t")
}

/// Adverbs that push the adjective after them to an extreme ("ridiculously gorgeous",
/// "insanely fast"): the pair is hyperbole in the outlet's voice.
const INTENSIFIERS: &[&str] = &[
    "ridiculously",
    "insanely",
    "impossibly",
    "absurdly",
    "outrageously",
    "unbelievably",
    "incredibly",
    "breathtakingly",
    "astonishingly",
    "staggeringly",
    "mind-bogglingly",
    "jaw-droppingly",
    "obscenely",
    "ludicrously",
    "preposterously",
    "stupendously",
    "fabulously",
    "devastatingly",
    "achingly",
    "blisteringly",
];

/// Body parts and reactions of "pulse-racing", "heart-stopping", "jaw-dropping": a compound of
/// one of these and a participle below is a bodily-thrill hyperbole.
const REACTION_HEADS: &[&str] = &[
    "pulse", "heart", "jaw", "mind", "eye", "spine", "blood", "stomach", "gut", "toe", "knee",
    "nerve", "earth", "hair", "teeth", "bone",
];
const REACTION_PARTICIPLES: &[&str] = &[
    "racing",
    "pounding",
    "stopping",
    "dropping",
    "blowing",
    "melting",
    "shattering",
    "wrenching",
    "churning",
    "curdling",
    "tingling",
    "quickening",
    "thumping",
    "popping",
    "watering",
    "chilling",
    "raising",
    "rattling",
    "jangling",
    "jarring",
    "shaking",
];

/// "pulse-racing", "heart-stopping": a reaction compound (one hyphenated token).
fn is_reaction_compound(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let mut parts = lower.split(['-', '‑', '–']);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(head), Some(tail), None) => {
            REACTION_HEADS.contains(&head) && REACTION_PARTICIPLES.contains(&tail)
        }
        _ => false,
    }
}

/// Whether a word may hold one of the reaction compounds' dashes: an ASCII `-` or the lead byte
/// 0xE2 of `‑` / `–` (a byte scan that passes over most words before the char search).
fn has_dash_byte(word: &[u8]) -> bool {
    word.iter().any(|&c| c == b'-' || c == 0xE2)
}

/// Function words that cannot be the adjective an intensifier governs.
fn is_function_word(word: &str) -> bool {
    word_is(
        word,
        &[
            "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with",
            "by", "as", "is", "was", "are", "were", "be", "been", "it", "that", "this", "so",
        ],
    )
}

/// What one automaton pass over a field finds: the framing cues, and the word-class hits the
/// headline-support check uses (token ranges `first..=last`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    pub cues: Vec<Cue>,
    /// Reporting verbs ("described", "claimed", "according to").
    pub reporting: Vec<(usize, usize)>,
    /// Anonymity cues ("anonymity", "declined to be named").
    pub anonymity: Vec<(usize, usize)>,
}

/// Scans one field (`keys` built from the same `tokens`). `is_title` relaxes the capitalisation
/// rules (headlines are in Title Case) and keeps the headline-only clickbait constructions.
pub fn scan(text: &str, tokens: &[Token], keys: &TokenKeys, is_title: bool) -> Scan {
    let mut matches: Vec<PhraseMatch> = Vec::new();
    LEXICON.find(text, tokens, keys, &mut matches);
    let tok_text = |i: usize| tokens.get(i).map_or("", |t| t.span.slice(text));
    let is_word = |i: usize| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word);
    let group_nouns: Vec<usize> = matches
        .iter()
        .filter(|m| {
            LEXICON
                .entry(m.entry)
                .is_some_and(|e| e.category == Category::GroupNoun)
        })
        .map(|m| m.first)
        .collect();

    let mut out = Scan {
        cues: Vec::with_capacity(matches.len()),
        ..Scan::default()
    };
    for m in &matches {
        let Some(entry) = LEXICON.entry(m.entry) else {
            continue;
        };
        match entry.category {
            Category::Reporting => out.reporting.push((m.first, m.last)),
            Category::Anonymity => out.anonymity.push((m.first, m.last)),
            Category::GroupNoun => {}
            Category::Modal => {
                // "might consider", "could not trigger": the modal and the verb it governs.
                let i = m.first;
                let word = tok_text(i);
                let mid_sentence_capital = !is_title
                    && word.starts_with(|c: char| c.is_uppercase())
                    && i > 0
                    && is_word(i - 1);
                let before_number = tokens
                    .get(i + 1)
                    .is_some_and(|n| n.kind == TokenKind::Number);
                if mid_sentence_capital || before_number {
                    continue; // "May" the month or a name
                }
                // "none could be confirmed", "nobody could say": a negated fact, not a hedge.
                if i > 0 && is_word(i - 1) && is_negator(tok_text(i - 1)) {
                    continue;
                }
                if i > 1 && word_is(tok_text(i - 1), &["one"]) && word_is(tok_text(i - 2), &["no"])
                {
                    continue;
                }
                let mut last = i;
                if is_word(i + 1) {
                    last = i + 1;
                    let next = tok_text(i + 1);
                    if (is_negator(next) || word_is(next, &["well", "also", "even"]))
                        && is_word(i + 2)
                    {
                        last = i + 2;
                    }
                }
                out.cues.push(Cue {
                    category: Category::Hedge,
                    first: i,
                    last,
                    rule: format!("modal:{}", entry.phrase),
                });
            }
            Category::Quantifier => {
                // A group noun at most two words on: "some Western officials"; not a degree
                // ("how many officials", "this many experts").
                let i = m.first;
                if i > 0 && word_is(tok_text(i - 1), &["how", "this", "that", "so", "too", "as"]) {
                    continue;
                }
                for k in i + 1..=i + 3 {
                    if !is_word(k) {
                        break;
                    }
                    if group_nouns.contains(&k) {
                        out.cues.push(Cue {
                            category: Category::Weasel,
                            first: i,
                            last: k,
                            rule: format!("vague-quantifier:{}", entry.phrase),
                        });
                        break;
                    }
                }
            }
            category => {
                if (category == Category::Clickbait || entry.title_only) && !is_title {
                    continue;
                }
                if !is_title && m.first == m.last && looks_like_a_name(tokens, text, m.first) {
                    continue;
                }
                if category.negatable() && negated(tokens, text, m.first) {
                    continue;
                }
                if category == Category::Hedge && !hedges_here(&entry.phrase, &tok_text, m) {
                    continue;
                }
                // "many in the" + "alliance": a phrase ending in an article takes its noun.
                let mut last = m.last;
                if tok_text(last).eq_ignore_ascii_case("the") && is_word(last + 1) {
                    last += 1;
                }
                out.cues.push(Cue {
                    category,
                    first: m.first,
                    last,
                    rule: format!("lexicon:{}:{}", category.as_str(), entry.phrase),
                });
            }
        }
    }
    // Word-class rules over the tokens themselves: intensifier + adjective, reaction compounds.
    for i in 0..tokens.len() {
        if !is_word(i) {
            continue;
        }
        let word = tok_text(i);
        let b = word.as_bytes();
        let adverb = b.len() > 6 && b[b.len() - 1] | 0x20 == b'y' && b[b.len() - 2] | 0x20 == b'l';
        if adverb
            && word_is(word, INTENSIFIERS)
            && is_word(i + 1)
            && !is_function_word(tok_text(i + 1))
            && !looks_like_a_name(tokens, text, i + 1)
            && !negated(tokens, text, i)
        {
            out.cues.push(Cue {
                category: Category::Hyperbole,
                first: i,
                last: i + 1,
                rule: format!("intensifier:{}", word.to_lowercase()),
            });
        } else if has_dash_byte(b) && word.contains(['-', '‑', '–']) && is_reaction_compound(word)
        {
            out.cues.push(Cue {
                category: Category::Hyperbole,
                first: i,
                last: i,
                rule: "reaction-compound".to_string(),
            });
        }
    }
    drop_contained(&mut out.cues);
    out
}

/// Whether a hedge entry found at `m` hedges a claim in its context (`tok_text(i)`: token `i`'s
/// text, "" past the end):
/// - "alleged" is the adjective ("the alleged gunman"), not the verb that reports a charge
///   ("prosecutors alleged that", "they alleged the firm lied"): the next word is a content word
///   and the previous one no subject or auxiliary;
/// - "suggest(s) that" / "indicate(s) that" after "to" or a third-person or relative pronoun is
///   a person's claim ("tried to suggest that"), reported speech rather than an evidential hedge
///   (a speaker's own "we suggest that" stays one);
/// - "likely" / "unlikely" after "more", "less", "as", "equally", "times" compare risks ("smokers
///   are more likely to fall ill"): a statistic, not a hedge.
fn hedges_here<'t>(phrase: &str, tok_text: &impl Fn(usize) -> &'t str, m: &PhraseMatch) -> bool {
    let prev = m.first.checked_sub(1).map_or("", tok_text);
    let next = tok_text(m.last + 1);
    match phrase {
        "alleged" => {
            let content = next.chars().next().is_some_and(char::is_alphabetic)
                && !is_function_word(next)
                && !word_is(
                    next,
                    &[
                        "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our",
                        "in", "against", "from", "about", "over", "there",
                    ],
                );
            let verb_use = word_is(
                prev,
                &[
                    "has",
                    "have",
                    "had",
                    "he",
                    "she",
                    "they",
                    "we",
                    "i",
                    "you",
                    "who",
                    "which",
                    "also",
                    "previously",
                    "repeatedly",
                    "falsely",
                    "it",
                ],
            );
            content && !verb_use
        }
        // The evidential verb of data ("the data suggest that"), not a person's act of saying
        // ("he tried to suggest that", "she suggests that", "officials who indicate that"),
        // which is reported speech. A speaker's own "we suggest that" stays a hedge.
        "suggest that" | "suggests that" | "indicate that" | "indicates that" => {
            !word_is(prev, &["to", "he", "she", "they", "who"])
        }
        "likely" | "unlikely" => !word_is(
            prev,
            &[
                "more", "less", "as", "equally", "times", "twice", "so", "how",
            ],
        ),
        _ => true,
    }
}

/// The framing cues of one field (see [`scan`]).
pub fn find_cues(text: &str, tokens: &[Token], keys: &TokenKeys, is_title: bool) -> Vec<Cue> {
    scan(text, tokens, keys, is_title).cues
}

/// A capitalised word in mid-sentence ("Chaos Theory Ltd", "Reveal Media") is most likely part
/// of a name; all-capitals words ("BOMBSHELL") are emphasis and stay cues.
fn looks_like_a_name(tokens: &[Token], text: &str, i: usize) -> bool {
    let word = tokens.get(i).map_or("", |t| t.span.slice(text));
    let capitalised = word.starts_with(|c: char| c.is_uppercase());
    let all_caps = word.chars().all(|c| !c.is_lowercase());
    let after_word = i > 0 && tokens.get(i - 1).is_some_and(|t| t.kind == TokenKind::Word);
    capitalised && !all_caps && after_word
}

/// Whether a negation stands within three words before token `first`, in the same clause.
/// "not only …" and "not just …" do not negate.
fn negated(tokens: &[Token], text: &str, first: usize) -> bool {
    let mut seen = 0;
    let mut j = first;
    while j > 0 && seen < 3 {
        j -= 1;
        let Some(t) = tokens.get(j) else { break };
        if t.kind != TokenKind::Word {
            break;
        }
        seen += 1;
        if is_negator(t.span.slice(text)) {
            let next = tokens.get(j + 1).map_or("", |n| n.span.slice(text));
            return !word_is(next, &["only", "just", "merely", "simply", "least"]);
        }
    }
    false
}

/// A modal hedge whose verb is itself a cue of another category ("could engulf") keeps only
/// the modal. Removes cues whose tokens lie inside a longer cue (any category) and exact duplicates, then
/// joins overlapping cues of one category ("some experts" + "experts fear"), keeping the first
/// one's rule.
fn drop_contained(cues: &mut Vec<Cue>) {
    cues.sort_by(|a, b| {
        a.first
            .cmp(&b.first)
            .then(b.last.cmp(&a.last))
            .then(a.category.cmp(&b.category))
    });
    let mut kept: Vec<Cue> = Vec::with_capacity(cues.len());
    for cue in cues.drain(..) {
        // "could engulf": the modal hedge gives the governed verb up to its own category.
        if let Some(k) = kept.iter_mut().rev().take(8).find(|k| {
            k.rule.starts_with("modal:")
                && k.category != cue.category
                && k.first < cue.first
                && cue.first <= k.last
        }) {
            k.last = cue.first - 1;
        }
        let inside = kept
            .iter()
            .rev()
            .take(8)
            .any(|k| k.first <= cue.first && cue.last <= k.last);
        if inside {
            continue;
        }
        let joined = kept
            .iter_mut()
            .rev()
            .take(8)
            .find(|k| k.category == cue.category && cue.first <= k.last);
        match joined {
            Some(k) => k.last = k.last.max(cue.last),
            None => kept.push(cue),
        }
    }
    *cues = kept;
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_core::segment::tokenize;
    use newsprobe_core::Field;

    fn cues(text: &str) -> Vec<(String, &'static str)> {
        let toks = tokenize(text, Field::Text);
        find_cues(text, &toks, &TokenKeys::build(text, &toks), false)
            .into_iter()
            .map(|c| {
                let s = toks[c.first].span.start;
                let e = toks[c.last].span.end;
                (text[s..e].to_string(), c.category.as_str())
            })
            .collect()
    }

    fn has(found: &[(String, &str)], phrase: &str, category: &str) -> bool {
        found.iter().any(|(p, c)| p == phrase && *c == category)
    }

    #[test]
    fn inflected_forms_are_found() {
        let found = cues("The vote startled observers and the fire engulfed three villages.");
        assert!(has(&found, "startled", "loaded"), "{found:?}");
        assert!(has(&found, "engulfed", "fear"), "{found:?}");
    }

    #[test]
    fn negation_cancels_loaded_words() {
        let found = cues("The result was not startling, and the memo was never classified.");
        assert!(
            found.iter().all(|(_, c)| *c != "loaded" && *c != "secrecy"),
            "{found:?}"
        );
        let found = cues("It risks not only alienating allies but also devastating the economy.");
        assert!(has(&found, "devastating", "hyperbole"), "{found:?}");
    }

    #[test]
    fn multiword_constructions_win_over_their_parts() {
        let found = cues("Talks held behind closed doors were thrown into chaos; the stakes have never been higher.");
        assert!(has(&found, "behind closed doors", "secrecy"), "{found:?}");
        assert!(has(&found, "thrown into chaos", "hyperbole"), "{found:?}");
        assert!(
            has(&found, "the stakes have never been higher", "hyperbole"),
            "{found:?}"
        );
        assert!(!has(&found, "chaos", "hyperbole"), "{found:?}");
        let found = cues(
            "A highly classified file, never meant to become public, could spiral out of control.",
        );
        assert!(has(&found, "highly classified", "secrecy"), "{found:?}");
        assert!(!has(&found, "classified", "secrecy"), "{found:?}");
        assert!(
            has(&found, "never meant to become public", "secrecy"),
            "{found:?}"
        );
        assert!(has(&found, "spiral out of control", "fear"), "{found:?}");
    }

    #[test]
    fn modal_hedges_take_their_verb_and_skip_the_month() {
        let found =
            cues("The council might consider a delay that could trigger protests in May 2026.");
        assert!(has(&found, "might consider", "hedge"), "{found:?}");
        assert!(has(&found, "could trigger", "hedge"), "{found:?}");
        assert!(
            !found.iter().any(|(p, _)| p.starts_with("May")),
            "{found:?}"
        );
        let found = cues("It seems the outcome remains uncertain, reportedly.");
        assert!(has(&found, "It seems", "hedge"), "{found:?}");
        assert!(has(&found, "remains uncertain", "hedge"), "{found:?}");
        assert!(has(&found, "reportedly", "hedge"), "{found:?}");
    }

    #[test]
    fn vague_attribution_is_weasel() {
        let found = cues(
            "The plan was met with doubt by some Western officials, and experts fear the worst.",
        );
        assert!(has(&found, "some Western officials", "weasel"), "{found:?}");
        assert!(has(&found, "experts fear", "weasel"), "{found:?}");
        let found = cues("Many believe the price was low, and some experts fear layoffs.");
        assert!(has(&found, "some experts fear", "weasel"), "{found:?}");
        let found = cues("The move was seen by many in the alliance as a provocation.");
        assert!(has(&found, "many in the alliance", "weasel"), "{found:?}");
    }

    #[test]
    fn plain_reports_of_revealing_and_literal_secrets_are_not_framing() {
        let found = cues(
            "He admitted the killings, police revealed that a secret passageway linked the \
             houses, and the exhibit would expose the defence. In the interest of full \
             disclosure, the owner sat on the board.",
        );
        assert!(
            found
                .iter()
                .all(|(_, c)| *c != "exclusivity" && *c != "secrecy"),
            "{found:?}"
        );
        let found = cues("The Herald can reveal that the talks were held in secret.");
        assert!(has(&found, "can reveal", "exclusivity"), "{found:?}");
        assert!(has(&found, "in secret", "secrecy"), "{found:?}");
    }

    #[test]
    fn negated_facts_and_fixed_phrases_are_not_hedges() {
        let found = cues(
            "Several claims were made, but none could be confirmed. The government condemned \
             the attack in the strongest possible terms and will reply as soon as possible.",
        );
        assert!(found.iter().all(|(_, c)| *c != "hedge"), "{found:?}");
        let found = cues("It is possible that the vote could be delayed.");
        assert!(has(&found, "could be", "hedge"), "{found:?}");
        assert!(has(&found, "It is possible that", "hedge"), "{found:?}");
    }

    #[test]
    fn gushing_and_editorialising_words_in_the_outlets_voice() {
        let found = cues(
            "The new phone is ridiculously gorgeous and its pulse-racing speed thrills. The mayor \
             trumpeted the deal. The opposition shot back within hours, and the minister doubles \
             down on his plan after a scathing attack by the unions.",
        );
        assert!(
            has(&found, "ridiculously gorgeous", "hyperbole"),
            "{found:?}"
        );
        assert!(has(&found, "pulse-racing", "hyperbole"), "{found:?}");
        assert!(has(&found, "trumpeted", "loaded"), "{found:?}");
        assert!(has(&found, "shot back", "loaded"), "{found:?}");
        assert!(has(&found, "doubles down", "loaded"), "{found:?}");
        assert!(has(&found, "scathing attack", "loaded"), "{found:?}");
        let found = cues("She plays the trumpet in a band that is not ridiculously loud.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn reports_of_charges_advice_and_risk_statistics_are_not_hedges() {
        let found = cues(
            "Prosecutors alleged that the firm lied, and the union is alleging fraud. She \
             suggested a walk after lunch, and police indicated that the road was closed. The \
             move will reignite speculation about his future after a rumor in the spring. \
             Smokers are more likely to fall ill than others.",
        );
        assert!(found.iter().all(|(_, c)| *c != "hedge"), "{found:?}");
        let found = cues(
            "The alleged gunman, who is rumored to have fled, will likely appear in court; the \
             data suggest that the plan failed.",
        );
        assert!(has(&found, "alleged", "hedge"), "{found:?}");
        assert!(has(&found, "is rumored to", "hedge"), "{found:?}");
        assert!(has(&found, "likely", "hedge"), "{found:?}");
        assert!(has(&found, "suggest that", "hedge"), "{found:?}");
    }

    #[test]
    fn a_persons_suggestion_is_reported_speech_not_a_hedge() {
        let found = cues(
            "The president has tried to suggest that he barely knows the envoy. She suggests \
             that voters wait, and aides who indicate that the talks stalled were not named.",
        );
        assert!(found.iter().all(|(_, c)| *c != "hedge"), "{found:?}");
        let found = cues("The early results indicate that turnout fell.");
        assert!(has(&found, "indicate that", "hedge"), "{found:?}");
        let found = cues("\"We suggest that the plumes come and go,\" the team wrote.");
        assert!(has(&found, "suggest that", "hedge"), "{found:?}");
    }

    #[test]
    fn a_modal_leaves_its_fear_verb_to_the_fear_category() {
        let found = cues("The conflict could engulf the region.");
        assert!(has(&found, "could", "hedge"), "{found:?}");
        assert!(has(&found, "engulf", "fear"), "{found:?}");
    }

    #[test]
    fn capitalised_names_are_not_cues() {
        let found = cues("She works for Reveal Media and wrote about the Chaos Computer Club.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn clickbait_constructions_only_in_headlines() {
        let text = "You Won't Believe What Happens Next";
        let toks = tokenize(text, Field::Title);
        let title = find_cues(text, &toks, &TokenKeys::build(text, &toks), true);
        assert!(title.iter().any(|c| c.category == Category::Clickbait));
        let body = find_cues(text, &toks, &TokenKeys::build(text, &toks), false);
        assert!(body.iter().all(|c| c.category != Category::Clickbait));
    }
}
