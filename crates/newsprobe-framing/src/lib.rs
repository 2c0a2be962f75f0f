//! How it is framed: loaded language, hedges, secrecy and exclusivity claims, clickbait
//! headlines, whether the body supports the headline, and which sentences are check-worthy.
//!
//! Modules, by the question each answers:
//! - [`lexicon`]: which framing phrases occur in a run of tokens (one automaton pass)?
//! - [`quotes`]: which words are inside a quotation (the speaker's, not the outlet's)?
//! - [`spans`]: where is framing language, of which category, by which rule?
//! - [`headline`]: which headline words are there to pull the reader in?
//! - [`support`]: does the body back what the headline asserts?
//! - [`profile`]: how heavily is the article framed, in its own voice versus in quotes?
//! - [`propaganda`]: which passages use a propaganda technique (learned from PTC), and which?
//!
//! The trained models (clickbait, stance, check-worthiness) live in `newsprobe-classify`.

pub mod headline;
pub mod lexicon;
pub mod profile;
pub mod propaganda;
pub mod quotes;
pub mod spans;
pub mod support;
pub mod withholding;
pub mod words;

use newsprobe_core::{
    Clickbait, Document, Field, FramingSpan, HeadlineFraming, HeadlineSupport, Span, Token,
};

use crate::lexicon::TokenKeys;
use crate::quotes::QuoteRegions;
use crate::spans::Cue;

/// The bundled models (clickbait, stance, check-worthiness), loaded once at start-up.
#[derive(Debug, Clone, Default)]
pub struct Models {
    pub classifiers: newsprobe_classify::Models,
}

impl Models {
    /// The models committed with the project.
    pub fn bundled() -> Self {
        Models {
            classifiers: newsprobe_classify::Models::bundled(),
        }
    }
}

/// A model score made safe for the report: finite and within 0..1.
fn unit(x: f32) -> f32 {
    if x.is_finite() {
        x.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn cue_span(tokens: &[Token], cue: &Cue, field: Field) -> Option<Span> {
    let (a, b) = (tokens.get(cue.first)?, tokens.get(cue.last)?);
    Some(Span {
        start: a.span.start,
        end: b.span.end,
        field,
    })
}

fn framing_spans(
    tokens: &[Token],
    cues: &[Cue],
    field: Field,
    quotes: &QuoteRegions,
    out: &mut Vec<FramingSpan>,
) {
    for cue in cues {
        if !cue.category.is_framing() {
            continue;
        }
        if let Some(span) = cue_span(tokens, cue, field) {
            let in_quote = quotes.contains(&span);
            if cue.category.speaker_bound() && (in_quote || quotes.in_reported(&span)) {
                continue; // the speaker's hedge or charge, not the outlet's
            }
            out.push(FramingSpan {
                span,
                category: cue.category.as_str().to_string(),
                rule: cue.rule.clone(),
                in_quote,
                technique: None,
                score: None,
                signal: false,
            });
        }
    }
}

/// Fills `doc.framing`, `doc.sentences[].checkworthiness` and the framing findings.
pub fn annotate(doc: &mut Document, models: &Models) {
    let clf = &models.classifiers;
    // The classifiers' words of the body, tokenized once for check-worthiness, stance and the
    // propaganda tagger: read off the segmenter's split where the document has it (its table
    // of lower-cased tokens fits the tokens), not walked again.
    let body_words = if doc.words.fits(&doc.tokens) {
        newsprobe_classify::features::tokenize_segmented(&doc.text, &doc.tokens)
    } else {
        newsprobe_classify::features::tokenize(&doc.text)
    };
    // Their word lists, one look-up a word for the three readers.
    let flags = words::WordFlags::of(&body_words);
    let scores = clf.checkworthiness_spans_flagged(
        &doc.text,
        (&body_words, Some(&flags.checkworthy)),
        doc.sentences.iter().map(|s| (s.span.start, s.span.end)),
    );
    for (sentence, score) in doc.sentences.iter_mut().zip(scores) {
        sentence.checkworthiness = unit(score);
    }

    // The lexicons and the learned tagger are English: on other languages no framing span and
    // no framing finding is reported (the scores above and below stay, as scores). The body's
    // lexicon scan feeds only the framing spans and the headline-support finding, so it runs
    // on English text alone (the title's cues also make the headline markers: always).
    let english = doc.english;
    let body = english.then(|| {
        let keys = TokenKeys::build_with(&doc.text, &doc.tokens, Some(&doc.words));
        let scan = spans::scan(&doc.text, &doc.tokens, &keys, false);
        (keys, scan)
    });
    let body_quotes = QuoteRegions::of_body(doc);
    let title = doc.title();
    let has_title = !title.trim().is_empty();
    let title_keys = TokenKeys::build(title, &doc.title_tokens);
    let title_cues = spans::find_cues(title, &doc.title_tokens, &title_keys, true);

    let body_cues = body.as_ref().map_or(&[][..], |(_, scan)| &scan.cues[..]);
    let mut framing = Vec::with_capacity(body_cues.len() + title_cues.len());
    if english {
        framing_spans(
            &doc.title_tokens,
            &title_cues,
            Field::Title,
            &QuoteRegions::of_title(title),
            &mut framing,
        );
        framing_spans(
            &doc.tokens,
            body_cues,
            Field::Text,
            &body_quotes,
            &mut framing,
        );
    }

    let mut headline = HeadlineFraming::default();
    let mut headline_support = None;
    let mut findings = Vec::new();
    if has_title {
        let score = clf.clickbait(title);
        let markers = headline::markers(title, &doc.title_tokens, &title_cues, &score);
        let probability = unit(score.probability);
        findings.extend(headline::finding(title, probability, &markers));
        headline = HeadlineFraming {
            clickbait: Clickbait { probability },
            markers,
        };
        let (stance, confidence) =
            clf.stance_tokens_flagged(title, (&body_words, Some(&flags.stance)));
        let confidence = unit(confidence);
        headline_support = Some(HeadlineSupport { stance, confidence });
        if let Some((body_keys, body_scan)) = &body {
            let ev = support::evidence(doc, &title_keys, body_keys, &title_cues, body_scan);
            findings.extend(support::finding(doc, &ev, stance, confidence));
        }
    }

    let (outlet_words, quoted_words) = profile::word_counts(doc, &body_quotes);
    let framing_profile = profile::profile(&framing, outlet_words, quoted_words);
    findings.extend(profile::findings(doc, &framing, outlet_words));
    // Learned propaganda spans are scored signals: added after the profile and the findings,
    // which stay the lexicon's.
    if english {
        let title_learned = propaganda::framing_spans(
            title,
            Field::Title,
            &QuoteRegions::of_title(title),
            &framing,
        );
        let body_learned = propaganda::framing_spans_tokens(
            &doc.text,
            (body_words, Some(flags.framing)),
            Field::Text,
            &body_quotes,
            &framing,
        );
        framing.extend(title_learned);
        framing.extend(body_learned);
    }

    doc.framing.headline = headline;
    doc.framing.headline_support = headline_support;
    doc.framing.spans = framing;
    doc.framing.profile = framing_profile;
    if english {
        doc.findings.extend(findings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotates_a_small_article() {
        let mut doc = Document::from_text(
            Some("Exclusive: Mayor Reveals Secret Plan"),
            "Behind closed doors, the mayor might consider a startling plan, insiders say. \
             “It is a disgrace,” a critic said.",
        );
        annotate(&mut doc, &Models::bundled());
        let f = &doc.framing;
        assert!(f.headline_support.is_some());
        assert_eq!(f.headline.markers.len(), 3, "{:?}", f.headline.markers);
        let cat = |c: &str, quoted: bool| {
            f.spans
                .iter()
                .any(|s| s.category == c && s.in_quote == quoted && s.span.field == Field::Text)
        };
        assert!(cat("secrecy", false) && cat("loaded", false) && cat("hedge", false));
        assert!(
            cat("loaded", true),
            "disgrace is the critic's: {:?}",
            f.spans
        );
        assert!(f.profile["outlet"]["secrecy"].as_f64().unwrap_or(0.0) > 0.0);
        assert!(doc
            .sentences
            .iter()
            .all(|s| (0.0..=1.0).contains(&s.checkworthiness)));
    }

    #[test]
    fn a_fearful_verb_form_does_not_stand_for_its_noun() {
        // "swamped" (overwhelmed) is fear language; "the swamp" of a political slogan is not.
        let spans = |text: &str| {
            let mut doc = Document::from_text(None, text);
            newsprobe_quotes::annotate(&mut doc);
            annotate(&mut doc, &Models::bundled());
            doc.framing
                .spans
                .iter()
                .filter(|s| s.category == "fear")
                .map(|s| doc.text[s.span.start..s.span.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            spans("Voters want to drain the swamp in the capital."),
            Vec::<String>::new()
        );
        assert_eq!(
            spans("Hospitals were swamped with patients overnight."),
            ["swamped"]
        );
    }

    #[test]
    fn a_quoted_or_reported_charge_is_the_speakers_not_the_outlets() {
        let mut doc = Document::from_text(
            None,
            "Interior Minister Karl Sepp accused his deputy of \"leaking cabinet secrets in \
             secret meetings\". “The vote could be delayed,” the deputy said. Nothing else happened.",
        );
        newsprobe_quotes::annotate(&mut doc);
        annotate(&mut doc, &Models::bundled());
        let cats: Vec<&str> = doc
            .framing
            .spans
            .iter()
            .map(|s| s.category.as_str())
            .collect();
        assert!(!cats.contains(&"secrecy"), "{:?}", doc.framing.spans);
        // A quoted hedge stays, as the speaker's.
        assert!(
            doc.framing
                .spans
                .iter()
                .any(|s| s.category == "hedge" && s.in_quote),
            "{:?}",
            doc.framing.spans
        );
    }

    #[test]
    fn no_title_means_no_headline_support_and_odd_input_does_not_panic() {
        let mut doc = Document::from_text(None, "Plain text. Nothing framed here.");
        annotate(&mut doc, &Models::bundled());
        assert!(doc.framing.headline_support.is_none());
        assert!(doc.framing.headline.markers.is_empty());
        for text in [
            "",
            "’‘“”\"'",
            "‘unclosed\n\n’",
            "é’s ‘’ — – n’t not",
            "MAY may May 5",
        ] {
            let mut doc = Document::from_text(Some(text), text);
            annotate(&mut doc, &Models::bundled());
        }
    }

    #[test]
    fn random_text_never_panics() {
        // A seeded generator over words, marks and multi-byte characters.
        let pieces = [
            "not ",
            "startling",
            "’",
            "‘",
            "“",
            "”",
            "\"",
            "'",
            "«",
            "»",
            "é",
            "—",
            "\n",
            "\n\n",
            " ",
            "might",
            "May",
            "classified ",
            "highly ",
            "behind closed doors",
            "’s",
            "n’t",
            ". ",
            "? ",
            "Exclusive",
            "some",
            "officials",
            "5",
            "日本",
            "🙂",
            "-",
            "BOMBSHELL ",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let models = Models::bundled();
        for _ in 0..300 {
            let mut text = String::new();
            let mut title = String::new();
            for k in 0..40 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let piece = pieces[(state >> 33) as usize % pieces.len()];
                if k < 8 {
                    title.push_str(piece);
                }
                text.push_str(piece);
            }
            let mut doc = Document::from_text(Some(&title), &text);
            annotate(&mut doc, &models);
            for s in &doc.framing.spans {
                assert!(doc.field(&s.span).get(s.span.start..s.span.end).is_some());
            }
        }
    }
}
