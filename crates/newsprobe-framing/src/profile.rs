//! How heavily is the article framed, in the outlet's own voice versus in the words it quotes?
//!
//! The profile counts body framing spans per category and divides by the words of each voice:
//! `{"words": {"outlet": n, "quoted": m}, "outlet": {cat: per 1,000 words}, "quoted": {...}}`.
//! Two findings come from it: `loaded_language` (dense emotive language in the outlet's voice)
//! and `secrecy_framing` (the outlet presents the story as hidden knowledge).

use newsprobe_core::{Document, Field, Finding, FramingSpan, Severity, Span, TokenKind};
use serde_json::{json, Map, Value};

use crate::lexicon::Category;
use crate::quotes::QuoteRegions;

/// Outlet-voice density of loaded, hyperbolic and fearful words (per 1,000 words) from which
/// `loaded_language` is reported, and the fewest such spans that can make it.
const LOADED_DENSITY_THRESHOLD: f64 = 6.0;
const LOADED_MIN_SPANS: usize = 3;
/// Outlet-voice secrecy claims from which `secrecy_framing` is reported.
const SECRECY_MIN_SPANS: usize = 2;

/// Words of the body in the outlet's voice and inside quotations.
pub fn word_counts(doc: &Document, quotes: &QuoteRegions) -> (usize, usize) {
    let (mut outlet, mut quoted) = (0, 0);
    let mut walk = quotes.walk();
    for t in &doc.tokens {
        if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            if walk.contains_pos(t.span.start) {
                quoted += 1;
            } else {
                outlet += 1;
            }
        }
    }
    (outlet, quoted)
}

fn per_thousand(count: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        (count as f64 * 1000.0 / words as f64 * 100.0).round() / 100.0
    }
}

/// The framing profile of the body.
pub fn profile(spans: &[FramingSpan], outlet_words: usize, quoted_words: usize) -> Value {
    let mut outlet = Map::new();
    let mut quoted = Map::new();
    for cat in Category::FRAMING {
        let name = cat.as_str();
        let (mut o, mut q) = (0, 0);
        for s in spans
            .iter()
            .filter(|s| s.span.field == Field::Text && s.category == name)
        {
            if s.in_quote {
                q += 1;
            } else {
                o += 1;
            }
        }
        outlet.insert(name.into(), json!(per_thousand(o, outlet_words)));
        quoted.insert(name.into(), json!(per_thousand(q, quoted_words)));
    }
    json!({
        "words": {"outlet": outlet_words, "quoted": quoted_words},
        "outlet": outlet,
        "quoted": quoted,
    })
}

fn outlet_spans<'a>(
    spans: &'a [FramingSpan],
    keep: impl Fn(&str) -> bool + 'a,
) -> impl Iterator<Item = &'a FramingSpan> + 'a {
    spans
        .iter()
        .filter(move |s| s.span.field == Field::Text && !s.in_quote && keep(&s.category))
}

/// `loaded_language` and `secrecy_framing` findings from the body's framing spans.
pub fn findings(doc: &Document, spans: &[FramingSpan], outlet_words: usize) -> Vec<Finding> {
    let mut out = Vec::new();
    let sensational = |c: &str| {
        Category::FRAMING
            .iter()
            .any(|k| k.is_sensational() && k.as_str() == c)
    };
    let loaded: Vec<Span> = outlet_spans(spans, sensational).map(|s| s.span).collect();
    let density = per_thousand(loaded.len(), outlet_words);
    if loaded.len() >= LOADED_MIN_SPANS && density >= LOADED_DENSITY_THRESHOLD {
        let examples = join_texts(doc, &loaded, 6);
        out.push(Finding {
            kind: "loaded_language".into(),
            severity: if density >= 2.0 * LOADED_DENSITY_THRESHOLD {
                Severity::Warning
            } else {
                Severity::Info
            },
            message: format!(
                "In its own voice the outlet uses {} loaded, hyperbolic or fearful expressions \
                 ({density:.1} per 1,000 words): {examples}.",
                loaded.len()
            ),
            evidence: loaded,
            rule: format!("profile:outlet-sensational-density>={LOADED_DENSITY_THRESHOLD}"),
            score: (density / (3.0 * LOADED_DENSITY_THRESHOLD)).min(1.0) as f32,
            signal: false,
        });
    }
    let secrecy: Vec<Span> = outlet_spans(spans, |c| c == "secrecy")
        .map(|s| s.span)
        .collect();
    let mut distinct: Vec<String> = secrecy
        .iter()
        .map(|s| doc.span_text(s).to_lowercase())
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() >= SECRECY_MIN_SPANS && claims_hidden_access(doc, spans) {
        out.push(Finding {
            kind: "secrecy_framing".into(),
            severity: Severity::Info,
            message: format!(
                "The outlet presents the story as hidden knowledge: {}.",
                join_texts(doc, &secrecy, 6)
            ),
            rule: format!("profile:outlet-secrecy-claims>={SECRECY_MIN_SPANS}+hidden-access"),
            score: (secrecy.len() as f32 / 5.0).min(1.0),
            evidence: secrecy,
            signal: false,
        });
    }
    out
}

/// Whether the outlet sells the story as access to what is hidden, beyond describing a secret
/// thing: its headline claims a revelation ("Exclusive", "Secret", "Leaked") or the story rests
/// on a source who speaks anonymously. Secrecy words in a story about a real cover-up ("hush
/// money" paid in a scandal the story recounts, "a secret passageway") describe the subject.
fn claims_hidden_access(doc: &Document, spans: &[FramingSpan]) -> bool {
    spans.iter().any(|s| {
        s.span.field == Field::Title && matches!(s.category.as_str(), "exclusivity" | "secrecy")
    }) || doc
        .quotes
        .iter()
        .any(|q| q.source.kind == newsprobe_core::SourceType::Anonymous)
}

fn join_texts(doc: &Document, spans: &[Span], n: usize) -> String {
    spans
        .iter()
        .take(n)
        .map(|s| format!("“{}”", doc.span_text(s)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(category: &str, start: usize, in_quote: bool) -> FramingSpan {
        FramingSpan {
            span: Span::text(start, start + 1),
            category: category.into(),
            rule: "test".into(),
            in_quote,
            technique: None,
            score: None,
            signal: false,
        }
    }

    #[test]
    fn densities_per_voice() {
        let spans = [
            span("loaded", 0, false),
            span("loaded", 2, false),
            span("hedge", 4, true),
            FramingSpan {
                span: Span::title(0, 1),
                ..span("loaded", 0, false)
            },
        ];
        let p = profile(&spans, 500, 100);
        assert_eq!(p["outlet"]["loaded"], json!(4.0));
        assert_eq!(p["quoted"]["hedge"], json!(10.0));
        assert_eq!(p["quoted"]["loaded"], json!(0.0));
        assert_eq!(p["words"]["outlet"], json!(500));
        let empty = profile(&[], 0, 0);
        assert_eq!(empty["outlet"]["fear"], json!(0.0));
    }

    #[test]
    fn word_counts_split_by_quotes() {
        let doc = Document::from_text(None, "The mayor said “we will win this fight” today.");
        let (o, q) = word_counts(&doc, &QuoteRegions::of_body(&doc));
        assert_eq!((o, q), (4, 5));
    }

    #[test]
    fn loaded_language_only_in_the_outlets_voice() {
        let doc = Document::from_text(None, "x x x x x x x x x x");
        let outlet: Vec<FramingSpan> = (0..4).map(|i| span("fear", 2 * i, false)).collect();
        let f = findings(&doc, &outlet, 300);
        assert!(f.iter().any(|f| f.kind == "loaded_language"), "{f:?}");
        let quoted: Vec<FramingSpan> = (0..4).map(|i| span("fear", 2 * i, true)).collect();
        assert!(findings(&doc, &quoted, 300).is_empty());
    }

    /// Outlet-voice secrecy spans of `text` (each occurrence of each phrase), with an optional
    /// title.
    fn secrecy_findings(title: Option<&str>, text: &str, phrases: &[&str]) -> Vec<Finding> {
        let doc = Document::from_text(title, text);
        let lower = text.to_lowercase(); // ASCII test texts: same offsets
        let mut spans: Vec<FramingSpan> = phrases
            .iter()
            .flat_map(|p| lower.match_indices(p).map(move |(b, _)| (b, p)))
            .map(|(b, p)| {
                let start = text[..b].chars().count();
                FramingSpan {
                    span: Span::text(start, start + p.chars().count()),
                    ..span("secrecy", 0, false)
                }
            })
            .collect();
        if let Some(t) = title {
            if let Some(b) = t.find("Exclusive") {
                let start = t[..b].chars().count();
                spans.push(FramingSpan {
                    span: Span::title(start, start + 9),
                    ..span("exclusivity", 0, false)
                });
            }
        }
        findings(&doc, &spans, 300)
    }

    #[test]
    fn secrecy_framing_needs_a_claim_of_hidden_access() {
        let is_secrecy = |f: &[Finding]| f.iter().any(|f| f.kind == "secrecy_framing");
        // A history of a real cover-up: the secrecy words describe the subject.
        let history = "The senator paid hush money to a former aide in 1998, and the payments \
                       were kept under wraps until a court unsealed the records last year.";
        assert!(!is_secrecy(&secrecy_findings(
            None,
            history,
            &["hush money", "under wraps"]
        )));
        // One phrase twice is one claim.
        let twice = "The talks went on behind closed doors. Behind closed doors, too.";
        assert!(!is_secrecy(&secrecy_findings(
            Some("Exclusive: talks on the port deal"),
            twice,
            &["behind closed doors"]
        )));
        // The outlet sells a revelation: an exclusive built on closed-door talk.
        let sold = "In hushed conversations behind closed doors, ministers weighed a plan that \
                    was never meant to become public.";
        assert!(is_secrecy(&secrecy_findings(
            Some("Exclusive: ministers weigh port plan"),
            sold,
            &["hushed conversations", "behind closed doors"]
        )));
    }
}
