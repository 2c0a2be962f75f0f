//! How is the article sourced? One row per source, and the findings a reader should know:
//! anonymous sourcing, named sources said to speak anonymously, claims with no source, and
//! stories resting on a single source.

use newsprobe_core::{
    Document, Finding, QuoteKind, Severity, SourceSummary, SourceType, Span, TokenKind,
};

use crate::Contradiction;
use aho_corasick::{AhoCorasick, MatchKind};
use newsprobe_core::SpanIndex;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn words_in(doc: &Document, span: &Span) -> usize {
    doc.tokens_in(span)
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count()
}

/// Fills `doc.sources` from `doc.quotes` and adds the sourcing findings.
/// The name a source without one is listed under.
const NO_SOURCE: &str = "(no source)";

/// The start of a sourcing row of names the engine only suggests ("possibly Tomas Berg").
pub const SUGGESTED: &str = "possibly ";

pub fn fill(doc: &mut Document, contradictions: &[Contradiction]) {
    let mut sources: Vec<SourceSummary> = Vec::new();
    let mut total_words = 0usize;
    let mut weak_words = 0usize;
    // Row of each (name, kind) in `sources`, and the quotes by span: one look-up each, not a
    // scan over all sources or quotes (linear in a transcript's thousands of quotes).
    let mut rows: HashMap<(String, SourceType), usize> = HashMap::new();
    let by_span = SpanIndex::new(doc.quotes.iter().map(|q| q.span));
    for (i, q) in doc.quotes.iter().enumerate() {
        // A partial quote inside its source's own statement is counted once, with it: the
        // same source, whether its name is shown or only suggested on either ("Lena Fischer"
        // on the statement, "possibly Lena Fischer" on the partial quote, gated apart), and
        // a partial quote that reached no source inside a sourced statement (its words are
        // the statement's, counted there).
        fn reached(s: &newsprobe_core::QuoteSource) -> Option<&String> {
            s.name.as_ref().or(s.suggested.as_ref())
        }
        let nested = by_span.containing(q.span).any(|j| {
            let o = &doc.quotes[j];
            j != i
                && ((reached(&o.source) == reached(&q.source) && o.source.kind == q.source.kind)
                    || (q.source.kind == SourceType::Unattributed
                        && o.source.kind != SourceType::Unattributed))
                && o.span.contains(&q.span)
                && (o.span != q.span || j < i)
        });
        if nested {
            continue;
        }
        let words = words_in(doc, &q.span);
        total_words += words;
        if q.source.kind == SourceType::Unattributed || is_unchecked(&q.source) {
            weak_words += words;
        }
        // (A suggested name is counted as what it is, a source the engine is unsure of.)
        let name = q
            .source
            .name
            .clone()
            .or_else(|| {
                q.source
                    .suggested
                    .as_ref()
                    .map(|s| format!("{SUGGESTED}{s}"))
            })
            .unwrap_or_else(|| NO_SOURCE.to_string());
        match rows.entry((name, q.source.kind)) {
            Entry::Occupied(row) => {
                let s = &mut sources[*row.get()];
                s.quotes += 1;
                s.quoted_words += words;
            }
            Entry::Vacant(row) => {
                let name = row.key().0.clone();
                row.insert(sources.len());
                sources.push(SourceSummary {
                    name,
                    kind: q.source.kind,
                    entity: q.source.entity.clone(),
                    quotes: 1,
                    quoted_words: words,
                });
            }
        }
    }
    let anonymous: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| q.source.kind == SourceType::Anonymous)
        .filter_map(|q| q.source.mention)
        .fold((Vec::new(), HashSet::new()), |(mut acc, mut seen), s| {
            if seen.insert(s) {
                acc.push(s);
            }
            (acc, seen)
        })
        .0;
    let mut findings = Vec::new();
    // The anonymous sources' own share of the words some source is said to have spoken: a
    // story *rests* on them only where they carry a part of it ([`ANONYMOUS_SHARE`]).
    let attributed_words: usize = sources
        .iter()
        .filter(|s| s.kind != SourceType::Unattributed)
        .map(|s| s.quoted_words)
        .sum();
    let anonymous_words: usize = sources
        .iter()
        .filter(|s| s.kind == SourceType::Anonymous)
        .map(|s| s.quoted_words)
        .sum();
    let anonymous_share = if attributed_words > 0 {
        anonymous_words as f32 / attributed_words as f32
    } else {
        0.0
    };
    if !anonymous.is_empty() && anonymous_share >= ANONYMOUS_SHARE {
        let share = if total_words > 0 {
            weak_words as f32 / total_words as f32
        } else {
            0.0
        };
        let n_anon = sources
            .iter()
            .filter(|s| s.kind == SourceType::Anonymous)
            .count();
        findings.push(Finding {
            kind: "anonymous_sourcing".into(),
            severity: if share >= 0.5 { Severity::Warning } else { Severity::Info },
            message: format!(
                "{n_anon} anonymous source(s) carry {:.0}% of the attributed words; {:.0}% come from anonymous, unnamed, vague or no sources",
                anonymous_share * 100.0,
                share * 100.0
            ),
            evidence: anonymous,
            rule: "quotes.profile.anonymous_share".into(),
            score: share,
    signal: false,
        });
    }
    for (mention, cue) in contradictions
        .iter()
        .filter(|(m, c)| speaks_anonymously(doc, m, c))
    {
        findings.push(Finding {
            kind: "self_contradiction".into(),
            severity: Severity::Alert,
            message: format!(
                "\"{}\" is named, yet said to speak \"{}\"",
                doc.span_text(mention),
                doc.span_text(cue)
            ),
            evidence: vec![*mention, *cue],
            rule: "quotes.source_type.named_but_anonymous".into(),
            score: 0.9,
            signal: false,
        });
    }
    let unattributed: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| q.source.kind == SourceType::Unattributed)
        .filter(|q| is_unsourced_claim(doc, q.span) && !crate::unsourced::explained(doc, q))
        .map(|q| q.span)
        .collect();
    if !unattributed.is_empty() {
        findings.push(Finding {
            kind: "unattributed_claims".into(),
            severity: Severity::Info,
            message: format!(
                "{} statement(s) reported with no source",
                unattributed.len()
            ),
            evidence: unattributed,
            rule: "quotes.profile.unattributed".into(),
            score: 0.5,
            signal: false,
        });
    }
    // Sources a reader can name: a statement whose source has no name (the outlet's own "we",
    // a speaker refused as junk) is no "one source" the story rests on.
    // (A name only suggested for some of them is the same source: "possibly Mark Esper" beside
    // "Mark Esper" is one.)
    let mut attributed: Vec<&str> = sources
        .iter()
        .filter(|s| s.kind != SourceType::Unattributed && s.name != NO_SOURCE)
        .map(|s| s.name.strip_prefix(SUGGESTED).unwrap_or(&s.name))
        .collect();
    attributed.sort_unstable();
    attributed.dedup();
    if attributed.len() == 1 && doc.quotes.len() >= 3 {
        // The outlet's own word that it has not verified what its one source says makes the
        // story's single leg the more worth weighing (a signal with a higher score).
        let admission = outlet_admission(doc);
        let mut evidence: Vec<Span> = admission.into_iter().collect();
        evidence.extend(doc.quotes.iter().filter_map(|q| q.source.mention).take(5));
        findings.push(Finding {
            kind: "single_source".into(),
            severity: Severity::Info,
            message: match admission {
                Some(a) => format!(
                    "every attributed statement comes from one source, which the outlet says it has not verified (\"{}\"): {}",
                    doc.span_text(&a),
                    attributed[0]
                ),
                None => format!(
                    "every attributed statement comes from one source: {}",
                    attributed[0]
                ),
            },
            evidence,
            rule: if admission.is_some() {
                "quotes.profile.single_source+unverified".into()
            } else {
                "quotes.profile.single_source".into()
            },
            score: if admission.is_some() { 0.8 } else { 0.6 },
            signal: false,
        });
    }
    findings.extend(unverified_sourcing(doc, &sources));
    sources.sort_by(|a, b| {
        b.quoted_words
            .cmp(&a.quoted_words)
            .then(a.name.cmp(&b.name))
    });
    doc.sources = sources;
    // The sourcing findings read English cues; on other languages they are left out.
    if doc.english {
        doc.findings.extend(findings);
    }
}

/// The share of the attributed words (those of every source but the unattributed) that the
/// anonymous sources must carry for `anonymous_sourcing` to fire: below it an anonymous source
/// is a side voice ("a side paragraph's anonymous resident", an agency spokesperson unnamed by
/// policy beside a story told by named doctors), not what the story rests on. Chosen on the
/// tuned-on judgments (wrong at 0.05, right at 0.11 and 0.16) and the PTC train and tuning-pool
/// firings read in session 19 (the side voices 0.04-0.10).
const ANONYMOUS_SHARE: f32 = 0.10;

/// Anonymous, unnamed (a role) or vague (a group) sources: none can be checked by name.
fn is_unnamed(kind: SourceType) -> bool {
    matches!(
        kind,
        SourceType::Anonymous | SourceType::Unnamed | SourceType::Vague
    )
}

/// A source no reader can check by name: an anonymous, unnamed or vague one, or a `named` one
/// whose name the engine reached neither shown nor suggested ("he said" with no referent found,
/// which the article names but the report cannot show; `crate::unresolved_pronoun`). The
/// sourcing profile counts its words with the weak sources' as before that quote was typed.
fn is_unchecked(source: &newsprobe_core::QuoteSource) -> bool {
    is_unnamed(source.kind)
        || (source.kind == SourceType::Named && source.name.is_none() && source.suggested.is_none())
}

/// [`is_unchecked`] of a row of the sourcing profile (a nameless source is listed under
/// [`NO_SOURCE`]).
fn is_unchecked_row(s: &SourceSummary) -> bool {
    is_unnamed(s.kind) || (s.kind == SourceType::Named && s.name == NO_SOURCE)
}

/// The text of `doc` from `start` back at most `n` bytes (on a character boundary).
fn before(doc: &Document, start: usize, n: usize) -> &str {
    let mut a = start.saturating_sub(n);
    while a > 0 && !doc.text.is_char_boundary(a) {
        a -= 1;
    }
    doc.text.get(a..start).unwrap_or("")
}

/// Whether an anonymity cue near a named speaker says that *the speaker* speaks anonymously
/// ("Speaking … under the condition of anonymity, Dragone described …"), not that something
/// else is anonymous: "(anonymously gathered, says Apple)", "an anonymous donor", "anonymous
/// data". A cue inside parentheses or an aside of the speaker's own statement is never one.
fn speaks_anonymously(doc: &Document, mention: &Span, cue: &Span) -> bool {
    // An organisation named with an anonymous speaker is no contradiction: "a France Telecom
    // spokeswoman who asked not to be named" speaks for the company, and only a person can be
    // both named and anonymous.
    if doc.entities.iter().any(|e| {
        e.kind == newsprobe_core::EntityType::Organization
            && e.mentions.iter().any(|m| m.overlaps(mention))
    }) {
        return false;
    }
    let sentence = doc
        .sentence_at(cue.start)
        .and_then(|i| doc.sentences.get(i))
        .map_or(*cue, |s| s.span);
    // Inside parentheses that open before the cue in its sentence and are still open.
    let lead = doc.text.get(sentence.start..cue.start).unwrap_or("");
    if lead.matches('(').count() > lead.matches(')').count() {
        return false;
    }
    let cue_text = doc.span_text(cue).to_ascii_lowercase();
    // Only an explicit cue: "close to the family", "familiar with" describe a named person too.
    const EXPLICIT: &[&str] = &[
        "anonym",
        "not to be named",
        "not be named",
        "not to be identified",
        "not be identified",
        "not authorized",
        "not authorised",
        "without being named",
        "on background",
    ];
    if !EXPLICIT.iter().any(|e| cue_text.contains(e)) {
        return false;
    }
    if cue_text.starts_with("anonymous") {
        // What is anonymous: the next word must be about speaking or being a source.
        let after = doc.text.get(cue.end..).unwrap_or("");
        let next: String = after
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        let prev_word = before(doc, cue.start, 30)
            .split(|c: char| !c.is_alphabetic())
            .rfind(|w| !w.is_empty())
            .unwrap_or("")
            .to_ascii_lowercase();
        let about_speaking = |w: &str| {
            matches!(
                w,
                "source"
                    | "sources"
                    | "official"
                    | "officials"
                    | "said"
                    | "says"
                    | "told"
                    | "spoke"
                    | "speak"
                    | "speaking"
                    | "talked"
                    | "talking"
                    | "commented"
                    | "condition"
                    | "basis"
                    | "because"
                    | "as"
                    | "and"
                    | "to"
                    | ""
            )
        };
        if !about_speaking(&next) && !about_speaking(&prev_word) {
            return false;
        }
    }
    // The named mention must not itself sit in a parenthetical aside ("…, says Apple)").
    let mention_lead = doc.text.get(sentence.start..mention.start).unwrap_or("");
    mention_lead.matches('(').count() <= mention_lead.matches(')').count()
}

/// Whether a statement without a source is an unsourced *claim* worth flagging. Not: a motto,
/// slogan, title or sign ("The school's motto, “…”"); a question; words someone "is heard
/// saying" on a recording; a short phrase (a name or a term); a lede whose source follows in the
/// next sentence ("… on Monday. The decision was announced by …", "…, police said.").
fn is_unsourced_claim(doc: &Document, span: Span) -> bool {
    let said = doc.span_text(&span).trim();
    if said.split_whitespace().count() < 5 {
        return false;
    }
    if said
        .trim_end_matches(['"', '\'', '”', '’', ',', ' '])
        .ends_with('?')
    {
        return false;
    }
    let lead = before(doc, span.start, 60).to_ascii_lowercase();
    const NAMING: &[&str] = &[
        "motto",
        "slogan",
        "titled",
        "entitled",
        "headline",
        "banner",
        "sign read",
        "signs read",
        "placard",
        "hashtag",
        "dubbed",
        "known as",
        "called it",
        "the words",
        "inscription",
        "caption",
        "tagline",
        "heard saying",
        "heard to say",
        "heard shouting",
        "seen saying",
        "heard telling",
        "can be heard",
        "is heard",
        "was heard",
        "were heard",
    ];
    if NAMING.iter().any(|w| lead.contains(w)) {
        return false;
    }
    // Sourced in the next sentence: an attributed statement or a speech verb there.
    if let Some(si) = doc.sentence_at(span.start) {
        let this_end = doc.sentences.get(si).map_or(span.end, |s| s.span.end);
        let next_end = doc
            .sentences
            .get(si + 1)
            .filter(|n| {
                doc.paragraph_at(n.span.start).map_or(0, |p| p + 1)
                    <= doc
                        .paragraph_at(this_end.saturating_sub(1))
                        .map_or(0, |p| p + 2)
            })
            .map(|n| n.span.end);
        if let Some(next_end) = next_end {
            let sourced_next = doc.quotes.iter().any(|q| {
                q.source.kind != SourceType::Unattributed
                    && q.span.start >= this_end
                    && q.span.start < next_end
            });
            if sourced_next {
                return false;
            }
        }
    }
    true
}

/// Phrases in which the outlet says it could not check what its sources told it.
const NOT_VERIFIED: &[&str] = &[
    "not independently verified",
    "not been independently verified",
    "not independently confirmed",
    "not been independently confirmed",
    "not be independently verified",
    "not be independently confirmed",
    "not independently verify",
    "not independently confirm",
    "unable to independently verify",
    "unable to independently confirm",
    "unable to verify",
    "unable to confirm",
    "not able to verify",
    "not able to independently verify",
    "could not verify",
    "could not be verified",
    "cannot verify",
    "cannot independently verify",
    "can not verify",
    "has not verified",
    "have not verified",
    "not been verified",
    "not been able to verify",
    "not been able to confirm",
    "could not be independently",
    "not been able to independently",
    "cannot be independently",
    "has not been verified",
];

/// Whether `text` holds "verif", "confirm" or "independently" (ASCII case-insensitive), one
/// of which every [`NOT_VERIFIED`] phrase holds (a test checks it): where none is, the text
/// admits nothing and the phrase scan is skipped. Looks only at the `f`s and `p`s of the text
/// (SIMD byte searches), a few hundred in a long article.
fn may_admit(text: &str) -> bool {
    let bytes = text.as_bytes();
    let word_at = |start: Option<usize>, word: &str| {
        start
            .and_then(|s| bytes.get(s..s + word.len()))
            .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
    };
    memchr::memchr2_iter(b'f', b'F', bytes)
        .any(|p| word_at(p.checked_sub(4), "verif") || word_at(p.checked_sub(3), "confirm"))
        || memchr::memchr2_iter(b'p', b'P', bytes)
            .any(|p| word_at(p.checked_sub(4), "independently"))
}

/// [`NOT_VERIFIED`] then [`UNNAMED_SOURCE_CUES`] in one automaton, ASCII case-insensitive
/// (pattern ids below `NOT_VERIFIED.len()` are admissions).
fn sourcing_phrases() -> &'static AhoCorasick {
    static PHRASES: OnceLock<AhoCorasick> = OnceLock::new();
    PHRASES.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(NOT_VERIFIED.iter().chain(UNNAMED_SOURCE_CUES))
            .expect("fixed phrase lists build an automaton")
    })
}

/// Phrases that name unnamed sources ("confidential sources", "people familiar with").
const UNNAMED_SOURCE_CUES: &[&str] = &[
    "confidential source",
    "anonymous source",
    "unnamed source",
    "sources familiar with",
    "people familiar with",
    "person familiar with",
    "sources close to",
    "according to sources",
    "sources told",
    "sources said",
    "sources say",
    "a source said",
    "a source told",
    "intelligence sources",
];

/// Whether an admission at `at` is someone else's words, not the outlet's: inside a direct or
/// partial quotation, or the main predicate of a reported statement, its subject the first
/// words of the statement ("Media reports have suggested that the FBI has not been able to
/// verify any evidence": the FBI's failure as others tell it). An admission later in a reported
/// statement, after a comma or "which" ("…, which the Herald could not independently
/// verify"), is the outlet's aside and stays.
fn someone_elses(doc: &Document, at: usize) -> bool {
    doc.quotes.iter().any(|q| {
        q.span.start <= at
            && at < q.span.end
            && match q.kind {
                QuoteKind::Direct | QuoteKind::Partial => true,
                _ => {
                    let lead = doc.text.get(q.span.start..at).unwrap_or("");
                    lead.split_whitespace().count() <= 5
                        && !lead.contains([',', ';', '(', '—'])
                        && !lead
                            .split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("which"))
                }
            }
    })
}

/// The outlet's first own admission that it has not verified what it reports ("The Herald has
/// not independently verified the claims"), outside every quotation.
fn outlet_admission(doc: &Document) -> Option<Span> {
    if !may_admit(&doc.text) {
        return None;
    }
    sourcing_phrases()
        .find_iter(doc.text.as_str())
        .filter(|m| m.pattern().as_usize() < NOT_VERIFIED.len())
        .map(|m| Span::text(m.start(), m.end()))
        .find(|a| !someone_elses(doc, a.start))
}

/// A story whose claims rest on anonymous or unnamed sources that the outlet itself says it has
/// not verified ("The Herald has not independently verified the claims"), or whose attributed
/// statements all come from one unnamed source. Evidence: the outlet's own words, then the
/// unnamed sources' mentions.
fn unverified_sourcing(doc: &Document, sources: &[SourceSummary]) -> Option<Finding> {
    // (The anonymous sources' mentions first, then the unnamed and vague ones.)
    let mut by_kind: Vec<&newsprobe_core::Quote> = doc
        .quotes
        .iter()
        .filter(|q| is_unchecked(&q.source))
        .collect();
    by_kind.sort_by_key(|q| q.source.kind != SourceType::Anonymous);
    let weak: Vec<Span> = by_kind
        .into_iter()
        .filter_map(|q| q.source.mention)
        .fold((Vec::new(), HashSet::new()), |(mut acc, mut seen), s| {
            if seen.insert(s) {
                acc.push(s);
            }
            (acc, seen)
        })
        .0;
    let weak_words: usize = sources
        .iter()
        .filter(|s| is_unchecked_row(s))
        .map(|s| s.quoted_words)
        .sum();
    let named_words: usize = sources
        .iter()
        .filter(|s| s.kind == SourceType::Named && !is_unchecked_row(s))
        .map(|s| s.quoted_words)
        .sum();
    // Most texts hold no admission at all: without one of its words the scan finds none.
    if !may_admit(&doc.text) {
        return None;
    }
    // One pass over the text for both phrase lists: the outlet's admissions and the cues that
    // name unnamed sources even where no statement was attributed to them.
    let mut admissions: Vec<Span> = Vec::new();
    let mut cues: Vec<Span> = Vec::new();
    for m in sourcing_phrases().find_iter(doc.text.as_str()) {
        let span = Span::text(m.start(), m.end());
        if m.pattern().as_usize() < NOT_VERIFIED.len() {
            admissions.push(span);
        } else if cues.len() < 4 {
            cues.push(span);
        }
    }
    if admissions.is_empty() {
        return None;
    }
    let carried = !weak.is_empty() && weak_words >= named_words;
    if !carried && cues.is_empty() {
        return None;
    }
    // The outlet's own admission, outside every quotation and reported statement.
    let admission = admissions
        .into_iter()
        .find(|a| !someone_elses(doc, a.start))?;
    let n_sources = sources.iter().filter(|s| is_unchecked_row(s)).count();
    let mut evidence = vec![admission];
    if carried {
        evidence.extend(weak.iter().take(4));
    } else {
        evidence.extend(cues);
    }
    let n_sources = n_sources.max(usize::from(!carried));
    Some(Finding {
        kind: "unverified_sourcing".into(),
        severity: Severity::Warning,
        message: format!(
            "the story rests on {} anonymous or unnamed source(s) that the outlet says it has not verified (\"{}\")",
            n_sources,
            doc.span_text(&admission)
        ),
        evidence,
        rule: "quotes.profile.unverified_unnamed".into(),
        score: 0.9,
    signal: false,
    })
}

#[cfg(test)]
mod tests {
    use newsprobe_core::{Document, SourceType};

    #[test]
    fn admission_pre_check_never_hides_an_admission() {
        use super::{may_admit, NOT_VERIFIED};
        for phrase in NOT_VERIFIED {
            assert!(may_admit(phrase), "{phrase}");
            assert!(may_admit(&phrase.to_ascii_uppercase()), "{phrase}");
            assert!(
                may_admit(&format!("The claim, which Reuters could {phrase}.")),
                "{phrase}"
            );
        }
        assert!(may_admit("Independently of that, the port reopened."));
        assert!(!may_admit(
            "The minister said the port would reopen in spring, officials told reporters."
        ));
        assert!(!may_admit("f p F P erif onfirm ndependently"));
        assert!(!may_admit(""));
    }

    #[test]
    fn single_source_and_unattributed_findings() {
        let mut doc = Document::from_text(
            None,
            "“We will build it,” the mayor said. “It will be fast,” she added. “Trust me,” the mayor said.\nIt was reported that the budget had doubled.",
        );
        crate::annotate(&mut doc);
        assert!(doc.findings.iter().any(|f| f.kind == "unattributed_claims"));
        let mayor = doc
            .sources
            .iter()
            .find(|s| s.name == "the mayor")
            .expect("the mayor is a source");
        assert_eq!(mayor.kind, SourceType::Unnamed);
        assert_eq!(mayor.quotes, 3);
        assert!(doc.findings.iter().any(|f| f.kind == "single_source"));
    }

    /// Issue 11's nested partial quotes counted twice: a partial quotation whose name the
    /// gate only suggests inside its speaker's statement shown with the name, and one that
    /// reached no source inside a sourced statement, add no quote and no word to the counts.
    #[test]
    fn nested_partial_quotes_count_once_however_gated() {
        use newsprobe_core::{Quote, QuoteKind, QuoteSource, Span};
        let text = "Mayor Lena Fischer said the new bridge was \"a waste of public money\" and should be halted. \
                    The council said the ferry was \"the cheaper choice\" for now.";
        let mut doc = Document::from_text(None, text);
        let at = |needle: &str| {
            let a = text.find(needle).expect("needle");
            Span::text(a, a + needle.len())
        };
        let named = |n: &str| QuoteSource::new(Some(n.into()), SourceType::Named, None, None);
        let mut suggested = QuoteSource::new(None, SourceType::Named, None, None);
        suggested.suggested = Some("Lena Fischer".into());
        let quote = |span, source| Quote {
            span,
            kind: QuoteKind::Reported,
            cue: None,
            source,
        };
        doc.quotes = vec![
            quote(
                at("the new bridge was \"a waste of public money\" and should be halted"),
                named("Lena Fischer"),
            ),
            quote(at("a waste of public money"), suggested),
            quote(
                at("the ferry was \"the cheaper choice\" for now"),
                named("The council"),
            ),
            quote(
                at("the cheaper choice"),
                QuoteSource::new(None, SourceType::Unattributed, None, None),
            ),
        ];
        super::fill(&mut doc, &[]);
        let fischer = doc
            .sources
            .iter()
            .find(|s| s.name == "Lena Fischer")
            .expect("Fischer");
        assert_eq!((fischer.quotes, fischer.quoted_words), (1, 13));
        assert!(doc
            .sources
            .iter()
            .all(|s| !s.name.starts_with(super::SUGGESTED)));
        assert!(doc
            .sources
            .iter()
            .all(|s| s.kind != SourceType::Unattributed));
        let council = doc
            .sources
            .iter()
            .find(|s| s.name == "The council")
            .expect("council");
        assert_eq!(council.quotes, 1);
    }

    /// A partial quotation inside its speaker's own reported statement counts once in the
    /// source's quotes and quoted words.
    #[test]
    fn a_nested_partial_quote_counts_once() {
        let mut doc = Document::from_text(
            None,
            "Mayor Lena Fischer said the new bridge was “a waste of public money” and should be halted before winter.",
        );
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        assert_eq!(doc.quotes.len(), 2, "the statement and its partial quote");
        let fischer = doc
            .sources
            .iter()
            .find(|s| s.name == "Lena Fischer")
            .expect("the mayor is a source");
        assert_eq!(fischer.quotes, 1);
        assert_eq!(fischer.quoted_words, 15);
    }

    /// Only named sources make a story single-sourced: the outlet's own "we" has no name.
    #[test]
    fn a_source_with_no_name_is_no_single_source() {
        let text = "It was reported that the price had doubled. \"It is a very compelling option \
                    for many households,\" we wrote in our review last year. It was reported that \
                    sales had fallen by a third.";
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc);
        let unnamed: Vec<_> = doc.sources.iter().map(|s| (&s.name, s.kind)).collect();
        assert!(
            doc.sources
                .iter()
                .all(|s| s.kind == SourceType::Unattributed || s.name == super::NO_SOURCE),
            "the text names no source: {unnamed:?}"
        );
        assert!(doc.quotes.len() >= 3, "{:?}", doc.quotes.len());
        assert!(
            !doc.findings.iter().any(|f| f.kind == "single_source"),
            "{unnamed:?}"
        );
    }

    fn kinds(text: &str) -> Vec<String> {
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc);
        doc.findings.iter().map(|f| f.kind.clone()).collect()
    }

    /// The analysed text and its first finding of `kind` (the test fails without one).
    fn finding_of(text: &str, kind: &str) -> (Document, newsprobe_core::Finding) {
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc);
        let f = doc
            .findings
            .iter()
            .find(|f| f.kind == kind)
            .cloned()
            .unwrap_or_else(|| panic!("no {kind}: {:?}", doc.findings));
        (doc, f)
    }

    #[test]
    fn anonymously_gathered_data_is_not_an_anonymous_named_source() {
        let k = kinds(
            "The phone counts your steps. The data is collected and stored on the device \
             (anonymously gathered, says Apple). Apple said the feature would ship in May.",
        );
        assert!(!k.iter().any(|k| k == "self_contradiction"), "{k:?}");
        let k = kinds(
            "Speaking to reporters under the condition of anonymity, Dragone described the plan \
             as risky.",
        );
        assert!(k.iter().any(|k| k == "self_contradiction"), "{k:?}");
    }

    /// A company's anonymous spokesperson: the company is named, the speaker is not, and
    /// nothing contradicts itself.
    #[test]
    fn an_organisation_with_an_anonymous_spokesperson_is_no_contradiction() {
        let mut doc = Document::from_text(
            None,
            "Two undersea cables were cut on Friday, according to Nordvik Telecom. The cuts hit \
             the lines to Malta and Tunisia, a Nordvik Telecom spokeswoman who asked not to be \
             named said.",
        );
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        assert!(
            !doc.findings.iter().any(|f| f.kind == "self_contradiction"),
            "{:?}",
            doc.findings
        );
    }

    /// A lawyer who says her client wants to stay anonymous is not herself anonymous.
    #[test]
    fn a_named_speaker_telling_of_someone_elses_anonymity_is_no_contradiction() {
        let mut doc = Document::from_text(
            None,
            "A neighbour filmed the fire on his phone, his lawyer, Maria Okafor, told reporters. \
             The neighbour, who would like to remain anonymous, has asked that the video not be \
             broadcast, Okafor said in an interview with the Herald.",
        );
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        assert!(
            doc.quotes
                .iter()
                .any(|q| q.source.name.as_deref() == Some("Maria Okafor")),
            "{:?}",
            doc.quotes
        );
        assert!(
            !doc.findings.iter().any(|f| f.kind == "self_contradiction"),
            "{:?} {:?}",
            doc.findings,
            doc.quotes
                .iter()
                .map(|q| (doc.span_text(&q.span).to_string(), q.source.name.clone()))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_named_person_close_to_someone_is_not_anonymous() {
        let k = kinds(
            "Figures close to the scandal spoke for years. LaRue, who was close to the campaign \
             chief, said he had delivered the money himself.",
        );
        assert!(!k.iter().any(|k| k == "self_contradiction"), "{k:?}");
    }

    #[test]
    fn mottos_questions_recordings_and_sourced_ledes_are_not_unsourced_claims() {
        let k = kinds(
            "The school's motto, \"Strength through knowledge and service to all\", hangs above \
             the door. \"Who will pay for the new roof of the hall?\" a banner asked.\n\
             In the video, the headmaster is heard saying \"we will not close this school while \
             I am here\".\n\
             The county will cut the school budget by a third next year. The cut was announced \
             by county treasurer Mary Hale, who said \"we have no other choice this year\".",
        );
        assert!(!k.iter().any(|k| k == "unattributed_claims"), "{k:?}");
    }

    #[test]
    fn unverified_confidential_sources_are_flagged() {
        let text = "The harbour minister received monthly payments from a shipping company for \
                    three years, according to confidential sources who spoke to the Herald. The \
                    sources, who asked not to be named, said the payments were hidden in fees.\n\
                    The Herald has not independently verified the claims. A person familiar with \
                    the matter said the payments stopped in May.";
        let (doc, f) = finding_of(text, "unverified_sourcing");
        assert_eq!(doc.span_text(&f.evidence[0]), "not independently verified");
        // The quotes stage need not have attributed a statement to the sources.
        let k = kinds(
            "The deal was worth $4 billion, the Courier has learned from confidential sources. \
             The Courier has not been able to verify the figure.",
        );
        assert!(k.iter().any(|k| k == "unverified_sourcing"), "{k:?}");
        // Named sources carrying the story, or no admission: no finding.
        let k = kinds(
            "Mayor Ann Vik said the port would be sold to a Danish group next year. \"We have no \
             choice,\" Vik said. Officials said the price was low, which could not be verified.",
        );
        assert!(!k.iter().any(|k| k == "unverified_sourcing"), "{k:?}");
    }

    /// "it said" with no referent found is typed `named` where the article names an
    /// organisation before it (`unresolved_pronoun`), but no reader can check a name the report does not show: the
    /// profile counts it with the weak sources, so the outlet's admission still raises
    /// `unverified_sourcing`.
    #[test]
    fn a_nameless_named_source_counts_as_unchecked() {
        let text = format!(
            "{} The Gazette has not independently verified the claims.",
            crate::unresolved_pronoun::tests::CHAIN
        );
        let doc = crate::test_support::analyzed(&text);
        let q = crate::test_support::quote_with(&doc, "the crisis had made them");
        assert_eq!(q.source.kind, SourceType::Named);
        assert!(q.source.name.is_none() && q.source.suggested.is_none());
        assert!(crate::profile::is_unchecked(&q.source));
        assert!(
            doc.findings.iter().any(|f| f.kind == "unverified_sourcing"),
            "{:?}",
            doc.findings
        );
        let named = newsprobe_core::QuoteSource::new(
            Some("Ramon Okafor".into()),
            SourceType::Named,
            None,
            None,
        );
        assert!(!crate::profile::is_unchecked(&named));
    }

    #[test]
    fn a_single_unverified_source_raises_the_single_source_signal() {
        let text = "The ferry operator ignored three safety warnings before the collision, said \
                    Piet Maas, a former deckhand. \"They knew the radar was broken,\" Piet Maas \
                    said. \"Nobody wanted to stop the boats in summer,\" Piet Maas said. Piet \
                    Maas said he had kept copies of the warnings.\n\
                    The Gazette has not independently verified his account.";
        let (doc, f) = finding_of(text, "single_source");
        assert!(f.score >= 0.8, "{f:?}");
        assert_eq!(doc.span_text(&f.evidence[0]), "not independently verified");
        assert!(f.message.contains("not verified"), "{}", f.message);
        // The same story without the admission: the plain signal.
        let plain = text.replace(
            "\nThe Gazette has not independently verified his account.",
            "",
        );
        let (_, f) = finding_of(&plain, "single_source");
        assert!(f.score < 0.8, "{f:?}");
    }

    /// Session 19: an anonymous side voice (a tenth of the attributed words or less) is no
    /// story resting on anonymous sources; a story told by its anonymous sources is.
    #[test]
    fn anonymous_sourcing_needs_the_anonymous_sources_to_carry_a_part_of_the_story() {
        let side = "Dr. Hana Liebl, who leads the doctors' group, said the detention centres were \
                    overcrowded and that children had been denied vaccines for months. \"We have \
                    asked for access three times and been refused three times,\" Liebl said. \
                    \"Every week without vaccines puts more children at risk of measles and flu,\" \
                    she said. The group's letter said the conditions broke federal standards. \
                    Dr. Omar Said, a paediatrician in the group, said the agency had ignored its \
                    offer to vaccinate children for free. \"We will go on asking until the \
                    doors open, because the law and the children's health are on our side,\" \
                    Said told reporters outside the centre on Monday. A spokesperson, who asked \
                    not to be named, said the letter was under review.";
        let k = kinds(side);
        assert!(!k.iter().any(|k| k == "anonymous_sourcing"), "{k:?}");
        let resting = "The harbour authority will sell the northern pier to a shipping group, \
                       people familiar with the matter said. The sale could be announced next \
                       week, the people said, asking not to be named because the talks are \
                       private. The price is about $40 million, one of them said. Mayor Ann Vik \
                       said she had not been told.";
        let (_, f) = finding_of(resting, "anonymous_sourcing");
        assert!(f.message.contains("carry"), "{}", f.message);
    }

    /// Fixtures for `unverified_sourcing` (issue 12, item 3), the set it is shown as a finding
    /// on: the outlet's own admission that it has not verified what unnamed sources told it
    /// fires, with the admission and the anonymous attributions as evidence; an admission that
    /// is someone else's (inside a reported statement), or one about a named source's account,
    /// does not.
    #[test]
    fn unverified_sourcing_fixtures() {
        let fires = [
            "Two tankers were loaded with fuel at the northern terminal in breach of the embargo, \
             according to two sources at the port who asked not to be named. The sources said \
             the loading took place at night. The Courier could not independently verify the \
             account.",
            "The army shelled three villages near the border overnight, activists said. At \
             least twelve people were killed, the activists said. The reports could not be \
             independently verified.",
            "The company plans to cut 2,000 jobs by the end of the year, people familiar with the \
             plans said. The cuts would fall mostly on its factories in the north, one of the \
             people said. The Ledger has not been able to verify the figures.",
            "Officials in the capital have drawn up a list of 40 journalists to be barred from \
             the summit, a source told the Observer. The source said the list was approved last \
             week. We have not independently verified the claim.",
            // The outlet's aside inside a reported statement is still its own.
            "Sources in the ministry said the minister took $2 million from a shipping firm in \
             2019, which the Herald could not independently verify. The sources said the money \
             was paid through a charity.",
        ];
        for text in fires {
            let (doc, f) = finding_of(text, "unverified_sourcing");
            let first = doc.span_text(&f.evidence[0]).to_ascii_lowercase();
            assert!(
                first.contains("verif")
                    || first.contains("confirm")
                    || first.contains("independently"),
                "{first}: {text}"
            );
            assert!(f.evidence.len() >= 2, "{f:?}");
        }
        let silent = [
            // Someone else's failure to verify, reported: not the outlet's admission.
            "Press reports have suggested that the FBI has not been able to verify any \
             evidence of the attack. Embassy spokeswoman Jinnie Lee said the employee was \
             recovering. \"We are taking these reports seriously,\" Lee said. \"Staff have \
             been told what to do,\" Lee said.",
            // A named source carries the story.
            "Mayor Ann Vik said the port would be sold to a Danish group next year. \"We have \
             no choice,\" Vik said. \"The debt is too large,\" Vik said. Officials said the price \
             was low, which could not be verified.",
            // No admission at all.
            "The harbour authority will sell the northern pier, people familiar with the matter \
             said. The sale could be announced next week, the people said.",
        ];
        for text in silent {
            let k = kinds(text);
            assert!(
                !k.iter().any(|k| k == "unverified_sourcing"),
                "{k:?}: {text}"
            );
        }
    }
}
