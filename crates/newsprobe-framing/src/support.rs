//! Does the body back what the headline asserts?
//!
//! `unsupported_headline` combines the stance model with evidence of our own:
//! - how strongly the headline asserts: revelation and secrecy claims ("Discloses", "Highly
//!   Classified") count for it, a hedge or a question mark against it;
//! - the body sentences that best match the headline's content words, and whether they only
//!   *report* the claim (a reporting verb: "described", "claimed"), *hedge* it ("might
//!   consider"), or rest on anonymous sources ("on condition of anonymity");
//! - how much of the headline's content the body contains at all.
//!
//! Evidence spans are given on both sides: the headline's assertion words and the body's hedges,
//! reporting verbs and anonymity cues.

use std::collections::HashSet;

use newsprobe_core::{Document, Finding, Severity, SourceType, Span, Stance, TokenKind};

use crate::lexicon::{Category, TokenKeys};
use crate::spans::{Cue, Scan};

/// The score from which an `unsupported_headline` finding is reported.
pub const REPORT_THRESHOLD: f32 = 0.45;
/// The score from which it is an alert rather than a warning.
const ALERT_THRESHOLD: f32 = 0.8;

/// Function words that carry no claim; left out of the headline's content.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "at", "by", "from", "is",
    "are", "was", "were", "be", "been", "as", "its", "it", "this", "that", "how", "why", "what",
    "who", "says", "said", "after", "over", "about", "into", "his", "her", "their", "has", "have",
    "will", "not", "but", "new", "up", "out", "than",
];

/// Reporting words that attribute without doubting: a body sentence that uses them states a
/// sourced fact, and a headline that uses them attributes its claim.
const PLAIN_ATTRIBUTION: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "told",
    "tells",
    "according to",
];

/// Headline words that attribute or doubt its claim ("…, Witness Says", "Claims", "Rumors").
const HEADLINE_ATTRIBUTION: &[&str] = &[
    "say",
    "says",
    "said",
    "claim",
    "claims",
    "claimed",
    "alleges",
    "alleged",
    "allegedly",
    "reportedly",
    "reports",
    "reported",
    "according",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "rumored",
    "suggests",
    "insists",
    "denies",
];

/// Whether the headline attributes its claim: an attribution word ("Eyewitness Says Video Was
/// Staged") or a short source after a final colon ("Impeachment sham debunked: White House").
fn headline_attributes(title: &str, tokens: &[newsprobe_core::Token]) -> bool {
    if tokens
        .iter()
        .any(|t| t.kind == TokenKind::Word && is_one_of(t.span.slice(title), HEADLINE_ATTRIBUTION))
    {
        return true;
    }
    let quotes = ['"', '“', '”', '‘', '’', '\''];
    // A short source before a colon and a quotation after it ("Eyewitness: Video \"is
    // Bullshit\"", "Coach: “We needed to win”"); not a label ("Exclusive: …", "Fact Check: …"),
    // which quotes nobody.
    if let Some((source, said)) = title.split_once(':') {
        let words = source.split_whitespace().count();
        // (An apostrophe, "minister's", is no quotation mark: a straight single quote counts
        // only where it opens a word.)
        let quoted = said.contains(['"', '“', '”', '‘'])
            || said.trim_start().starts_with('\'')
            || said.contains(" '");
        if (1..=3).contains(&words) && !source.contains(quotes) && quoted {
            return true;
        }
    }
    match title.trim_end().rsplit_once(':') {
        Some((claim, source)) => {
            let words = source.split_whitespace().count();
            !claim.trim().is_empty() && (1..=4).contains(&words) && !source.contains(quotes)
        }
        None => false,
    }
}

/// What the headline and the body share, and what the body does with it.
#[derive(Debug, Default)]
pub struct SupportEvidence {
    /// Headline words that assert (revelation, secrecy, hyperbole cues): title spans.
    pub assertions: Vec<Span>,
    pub headline_hedged: bool,
    /// Share of the headline's content words found anywhere in the body.
    pub coverage: f32,
    /// Headline content words the body never uses: title spans.
    pub missing: Vec<Span>,
    /// Hedges inside the sentences that best match the headline: body spans.
    pub hedges: Vec<Span>,
    /// Reporting verbs in those sentences: body spans.
    pub reporting: Vec<Span>,
    /// Anonymity cues in the body ("anonymity", "declined to be named"): body spans.
    pub anonymity: Vec<Span>,
}

/// Whether the headline opens with "If" or "Unless": a condition, not a claim.
fn is_conditional(title: &str) -> bool {
    let first = title
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    is_one_of(first, &["if", "unless"])
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Gathers the lexical evidence from the scans of the headline and the body.
pub fn evidence(
    doc: &Document,
    title_keys: &TokenKeys,
    body_keys: &TokenKeys,
    title_cues: &[Cue],
    body: &Scan,
) -> SupportEvidence {
    let title = doc.title();
    let mut ev = SupportEvidence::default();
    let mut marker_tokens = HashSet::new();
    for cue in title_cues {
        let (Some(a), Some(b)) = (
            doc.title_tokens.get(cue.first),
            doc.title_tokens.get(cue.last),
        ) else {
            continue;
        };
        match cue.category {
            Category::Exclusivity | Category::Secrecy | Category::Hyperbole => {
                ev.assertions.push(Span::title(a.span.start, b.span.end));
                marker_tokens.extend(cue.first..=cue.last);
            }
            Category::Hedge => ev.headline_hedged = true,
            _ => {}
        }
    }
    // A question anywhere ("Axl Rose Dead? Fans Freak Out …") or a headline that attributes
    // its claim ("…, Witness Says", "… debunked: White House") asserts nothing as fact.
    // A conditional ("If Kavanaugh Is Not Confirmed, Then We Are All …") asserts nothing as
    // fact either.
    if title.contains('?') || headline_attributes(title, &doc.title_tokens) || is_conditional(title)
    {
        ev.headline_hedged = true;
    }

    // The headline's content words, by key.
    let mut content: Vec<(usize, &str)> = Vec::new();
    for (i, t) in doc.title_tokens.iter().enumerate() {
        let word = t.span.slice(title);
        if t.kind == TokenKind::Punct || marker_tokens.contains(&i) || is_one_of(word, STOPWORDS) {
            continue;
        }
        let key = title_keys.key(i);
        if key.chars().count() >= 2 && !content.iter().any(|&(_, k)| k == key) {
            content.push((i, key));
        }
    }
    content.truncate(64); // one bit each below
                          // A 256-bit filter of the content keys' lengths and end bytes: most body words fail it and
                          // are not compared with each content word.
    let mut filter = [0u64; 4];
    for &(_, key) in &content {
        let bit = key_bit(key);
        filter[bit >> 6] |= 1 << (bit & 63);
    }

    // Which content words each sentence has (a bit set), and which the body has at all.
    let mut in_body: u64 = 0;
    let mut best: Vec<(u32, usize)> = Vec::with_capacity(doc.sentences.len()); // (overlap, sentence)
    let mut ti = 0;
    for (si, s) in doc.sentences.iter().enumerate() {
        let mut seen: u64 = 0;
        while ti < doc.tokens.len() && doc.tokens[ti].span.start < s.span.end {
            if doc.tokens[ti].span.start >= s.span.start {
                let key = body_keys.key(ti);
                let bit = key_bit(key);
                if filter[bit >> 6] & (1 << (bit & 63)) != 0 {
                    if let Some(k) = content.iter().position(|&(_, c)| c == key) {
                        seen |= 1 << k;
                    }
                }
            }
            ti += 1;
        }
        in_body |= seen;
        best.push((seen.count_ones(), si));
    }
    let has = |k: usize| in_body & (1u64 << k) != 0;
    ev.coverage = if content.is_empty() {
        1.0
    } else {
        in_body.count_ones() as f32 / content.len() as f32
    };
    for (k, &(i, _)) in content.iter().enumerate() {
        if !has(k) {
            if let Some(t) = doc.title_tokens.get(i) {
                ev.missing.push(t.span);
            }
        }
    }

    // The two sentences that match the headline best (at least two content words each).
    best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let support: Vec<Span> = best
        .iter()
        .take(2)
        .filter(|(n, _)| *n >= 2)
        .filter_map(|&(_, si)| doc.sentences.get(si).map(|s| s.span))
        .collect();
    for cue in &body.cues {
        if cue.category != Category::Hedge {
            continue;
        }
        let (Some(a), Some(b)) = (doc.tokens.get(cue.first), doc.tokens.get(cue.last)) else {
            continue;
        };
        let span = Span::text(a.span.start, b.span.end);
        if support.iter().any(|s| s.contains(&span)) {
            ev.hedges.push(span);
        }
    }
    let body_span = |&(first, last): &(usize, usize)| {
        let (a, b) = (doc.tokens.get(first)?, doc.tokens.get(last)?);
        Some(Span::text(a.span.start, b.span.end))
    };
    // Plain attribution ("said", "told", "according to") is how news states a sourced fact:
    // only verbs that present it as a claim ("described", "alleged", "a scenario") count.
    ev.reporting = body
        .reporting
        .iter()
        .filter_map(body_span)
        .filter(|span| support.iter().any(|s| s.contains(span)))
        .filter(|span| !is_one_of(doc.span_text(span), PLAIN_ATTRIBUTION))
        .collect();
    ev.anonymity = body.anonymity.iter().filter_map(body_span).collect();
    for q in &doc.quotes {
        if q.source.kind == SourceType::Anonymous {
            if let Some(m) = q.source.mention {
                if !ev.anonymity.iter().any(|s| s.overlaps(&m)) {
                    ev.anonymity.push(m);
                }
            }
        }
    }
    ev.anonymity.sort();
    ev
}

/// The bit of `key` in the content-word filter of [`evidence`]: from its length and its first
/// and last bytes (equal keys, equal bits).
fn key_bit(key: &str) -> usize {
    let b = key.as_bytes();
    let (first, last) = (
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    (b.len().wrapping_mul(37) ^ usize::from(first).wrapping_mul(11) ^ usize::from(last)) & 255
}

/// How much the stance model says the body does not back the headline, 0..1.
fn model_doubt(stance: Stance, confidence: f32) -> f32 {
    let c = if confidence.is_finite() {
        confidence.clamp(0.0, 1.0)
    } else {
        0.0
    };
    match stance {
        Stance::Unrelated | Stance::Disagree => c,
        Stance::Discuss => 0.6 * c,
        Stance::Agree => 0.0,
    }
}

/// Score of the headline being unsupported, 0..1: how strongly the headline asserts (0.2 when
/// it hedges, 0.6 for a plain statement, up to 1.0 with revelation or secrecy claims) times how
/// weak the body's support is (a noisy-OR of hedged support, anonymous sourcing, reporting as a
/// claim, missing content and the stance model's doubt). An `agree` stance damps it.
pub fn score(ev: &SupportEvidence, stance: Stance, confidence: f32) -> f32 {
    let assertive = if ev.headline_hedged {
        0.2
    } else {
        0.6 + 0.2 * ev.assertions.len().min(2) as f32
    };
    let mut keep = 1.0 - model_doubt(stance, confidence); // product of (1 - signal)
    if !ev.hedges.is_empty() {
        keep *= 0.5;
    }
    if !ev.anonymity.is_empty() {
        keep *= 0.7;
    }
    if !ev.reporting.is_empty() {
        keep *= 0.75;
    }
    if ev.coverage < 0.6 {
        keep *= 1.0 - 0.8 * (1.0 - ev.coverage);
    }
    let mut s = assertive * (1.0 - keep);
    if stance == Stance::Agree && confidence.is_finite() {
        s *= 1.0 - 0.5 * confidence.clamp(0.0, 1.0);
    }
    s.clamp(0.0, 1.0)
}

/// The `unsupported_headline` finding, when the score reaches [`REPORT_THRESHOLD`].
pub fn finding(
    doc: &Document,
    ev: &SupportEvidence,
    stance: Stance,
    confidence: f32,
) -> Option<Finding> {
    if doc.title().trim().is_empty() || doc.text.trim().is_empty() {
        return None;
    }
    // A plain headline (no revelation, secrecy or hyperbole cue) over a body that neither
    // hedges it, reports it only as a claim nor rests it on anonymous sources, where the stance
    // model reads the pair as unrelated: the only evidence left is the headline words the body
    // does not use, which is what a figurative or opinion headline ("Kerry On Edge As Legacy
    // Crumbles") or a site's tagline for a title ("America's Immigration Voice.") looks like, not
    // an unsupported claim (PTC train, session 19: 5 of its 9 firings).
    if ev.assertions.is_empty()
        && ev.hedges.is_empty()
        && ev.reporting.is_empty()
        && ev.anonymity.is_empty()
        && stance == Stance::Unrelated
    {
        return None;
    }
    let score = score(ev, stance, confidence);
    if score < REPORT_THRESHOLD {
        return None;
    }
    let quote = |spans: &[Span]| {
        let mut texts: Vec<&str> = Vec::new();
        for s in spans {
            let t = doc.span_text(s);
            if !texts.iter().any(|x| x.eq_ignore_ascii_case(t)) && texts.len() < 4 {
                texts.push(t);
            }
        }
        texts
            .iter()
            .map(|t| format!("“{t}”"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !ev.hedges.is_empty() {
        parts.push(format!("hedges it ({})", quote(&ev.hedges)));
    }
    if !ev.reporting.is_empty() {
        parts.push(format!(
            "reports it only as a claim ({})",
            quote(&ev.reporting)
        ));
    }
    if !ev.anonymity.is_empty() {
        parts.push(format!(
            "rests on anonymous sources ({})",
            quote(&ev.anonymity)
        ));
    }
    if ev.coverage < 0.6 {
        parts.push(format!(
            "lacks {:.0}% of its content words ({})",
            100.0 * (1.0 - ev.coverage),
            quote(&ev.missing)
        ));
    }
    let asserts = if ev.assertions.is_empty() {
        "The headline states its claim as fact".to_string()
    } else {
        format!(
            "The headline asserts its claim as fact ({})",
            quote(&ev.assertions)
        )
    };
    let stance_name = match stance {
        Stance::Agree => "agree",
        Stance::Disagree => "disagree",
        Stance::Discuss => "discuss",
        Stance::Unrelated => "unrelated",
    };
    let message = format!(
        "{asserts}, but the body {}; stance model: {stance_name} ({confidence:.2}).",
        if parts.is_empty() {
            "does not back it".to_string()
        } else {
            parts.join(", ")
        }
    );
    let mut evidence: Vec<Span> = ev.assertions.clone();
    evidence.extend(ev.hedges.iter().copied());
    evidence.extend(ev.reporting.iter().copied());
    evidence.extend(ev.anonymity.iter().take(4).copied());
    if ev.coverage < 0.6 {
        evidence.extend(ev.missing.iter().take(5).copied());
    }
    Some(Finding {
        kind: "unsupported_headline".into(),
        severity: if score >= ALERT_THRESHOLD {
            Severity::Alert
        } else {
            Severity::Warning
        },
        message,
        evidence,
        rule: "headline-assertion-vs-body-support+stance-model".into(),
        score,
        signal: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spans::{find_cues, scan};

    fn judge(
        title: &str,
        body: &str,
        stance: Stance,
        conf: f32,
    ) -> (SupportEvidence, Option<Finding>) {
        let doc = Document::from_text(Some(title), body);
        let tk = TokenKeys::build(doc.title(), &doc.title_tokens);
        let bk = TokenKeys::build(&doc.text, &doc.tokens);
        let tc = find_cues(doc.title(), &doc.title_tokens, &tk, true);
        let bc = scan(&doc.text, &doc.tokens, &bk, false);
        let ev = evidence(&doc, &tk, &bk, &tc, &bc);
        let f = finding(&doc, &ev, stance, conf);
        (ev, f)
    }

    #[test]
    fn revelation_headline_over_hedged_anonymous_body() {
        let (ev, f) = judge(
            "Minister Reveals Secret Plan To Close Northern Border",
            "Speaking on condition of anonymity, an aide described a scenario in which the minister \
             might close the northern border. Nothing has been decided, officials said.",
            Stance::Discuss,
            0.0,
        );
        assert_eq!(ev.assertions.len(), 2, "{ev:?}");
        assert!(!ev.hedges.is_empty() && !ev.anonymity.is_empty(), "{ev:?}");
        let f = f.expect("finding");
        assert_eq!(f.kind, "unsupported_headline");
        assert!(f
            .evidence
            .iter()
            .any(|s| s.field == newsprobe_core::Field::Title));
        assert!(f
            .evidence
            .iter()
            .any(|s| s.field == newsprobe_core::Field::Text));
        assert!(f.message.contains("might close"), "{}", f.message);
    }

    #[test]
    fn plain_headline_backed_by_the_body_is_fine() {
        let (_, f) = judge(
            "City council approves new budget for schools",
            "The city council approved the new budget for schools on Tuesday by a vote of 7 to 2. \
             The budget adds 40 teachers.",
            Stance::Agree,
            0.9,
        );
        assert!(f.is_none(), "{f:?}");
    }

    #[test]
    fn headline_the_body_does_not_contain() {
        let (ev, f) = judge(
            "Army Secretly Tests Weather Weapon Over Lakes",
            "The regional football league opened its season with three matches on Saturday.",
            Stance::Discuss,
            0.0,
        );
        assert!(ev.coverage < 0.3, "{ev:?}");
        assert!(f.is_some());
        // The stance model alone can also raise it.
        let (_, f) = judge(
            "Mayor resigns",
            "The mayor said on Monday she will serve out her term.",
            Stance::Disagree,
            0.9,
        );
        assert!(f.is_some());
    }

    #[test]
    fn a_question_or_an_attributed_headline_asserts_nothing() {
        let body = "The singer's death was announced on a website on Tuesday, fans said, but the \
                    report was unconfirmed and might be a hoax, his spokesman said.";
        for title in [
            "Singer Dead? Fans Mourn After Website Report",
            "Singer Died In Crash, Website Claims",
            "Viral Video Of Singer's Crash Was Staged, Witness Says",
            "Singer died in crash: tour manager",
            "Eyewitness: crash video \"was staged\"",
        ] {
            let (ev, f) = judge(title, body, Stance::Discuss, 0.9);
            assert!(ev.headline_hedged, "{title}");
            assert!(f.is_none(), "{title}: {f:?}");
        }
        // "Exclusive:" before the claim is no source after it.
        for title in [
            "Exclusive: Minister plans to close the border",
            "Fact Check: the minister's border plan",
        ] {
            let doc = Document::from_text(Some(title), "x");
            assert!(
                !headline_attributes(doc.title(), &doc.title_tokens),
                "{title}"
            );
        }
    }

    #[test]
    fn plain_attribution_in_the_body_is_no_claim_only_report() {
        // A court story sourced the usual way ("prosecutors said") backs a factual headline.
        let (ev, f) = judge(
            "Dock worker jailed for harbour warehouse fire",
            "A dock worker was jailed for six years on Friday for setting fire to a harbour \
             warehouse, prosecutors said. The fire could have spread to the fuel depot, the \
             judge told the court.",
            Stance::Discuss,
            0.7,
        );
        assert!(ev.reporting.is_empty(), "{ev:?}");
        assert!(f.is_none(), "{f:?}");
    }

    /// Session 19: a plain headline whose words the body does not use, read by the stance model
    /// as unrelated, is a tagline or a figure of speech, not an unsupported claim; a
    /// conditional headline asserts nothing.
    #[test]
    fn a_tagline_a_figurative_or_a_conditional_headline_is_no_unsupported_claim() {
        let (_, f) = judge(
            "Harbour Country's Independent Voice.",
            "The regional ferry line will add two evening crossings from May, its operator said              on Monday. Tickets go on sale next week.",
            Stance::Unrelated,
            0.95,
        );
        assert!(f.is_none(), "{f:?}");
        let (_, f) = judge(
            "Governor On Thin Ice As Coalition Melts",
            "The governor lost a second budget vote on Tuesday after three allies abstained,              and the opposition said it would table a motion of no confidence.",
            Stance::Unrelated,
            0.7,
        );
        assert!(f.is_none(), "{f:?}");
        let (ev, f) = judge(
            "If The Bridge Tax Passes, Then Every Commuter Pays Twice",
            "The council could vote on the bridge tax next month, and commuters might pay more,              a member of the finance committee said.",
            Stance::Discuss,
            0.9,
        );
        assert!(ev.headline_hedged, "{ev:?}");
        assert!(f.is_none(), "{f:?}");
    }

    #[test]
    fn no_title_or_no_body_means_no_finding() {
        let (_, f) = judge("", "Some text here might be said.", Stance::Unrelated, 1.0);
        assert!(f.is_none());
        let (_, f) = judge("Exclusive: Secret plan", "", Stance::Unrelated, 1.0);
        assert!(f.is_none());
    }
}
