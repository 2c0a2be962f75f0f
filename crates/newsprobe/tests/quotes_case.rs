//! The example article through the whole engine: every quotation of the hand annotation found
//! with the right speaker and source type, the reported speech found, the self-contradiction
//! about Dragone flagged.

use newsprobe::Engine;
use newsprobe_core::{QuoteKind, RawArticle, SourceType};

const CASE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/cases/nato-preemptive-strike"
);

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | '!' | '?' | '‘' | '’' | '“' | '”' | '"')
    })
}

#[test]
fn nato_article_quotes_speakers_and_sources() {
    let article = std::fs::read_to_string(format!("{CASE}/article.txt"))
        .unwrap_or_else(|e| panic!("the example article is missing at {CASE}/article.txt: {e}"));
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{CASE}/expected.json"))
            .unwrap_or_else(|e| panic!("expected.json is missing in {CASE}: {e}")),
    )
    .expect("expected.json is JSON");
    let (title, body) = article
        .split_once("\n\n")
        .expect("title line, blank line, body");
    let doc = Engine::default()
        .analyze(RawArticle::from_text(
            "nato",
            Some(title.to_string()),
            body.to_string(),
        ))
        .expect("analyses");

    let quotes = expected["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 14);
    for q in quotes {
        let want = q["text"].as_str().expect("text");
        let source = q["source"].as_str().expect("source");
        let found = doc
            .quotes
            .iter()
            .find(|f| f.kind != QuoteKind::Reported && trim(doc.span_text(&f.span)) == trim(want))
            .unwrap_or_else(|| {
                panic!(
                    "quotation not found: {want:?}\nfound: {:#?}",
                    doc.quotes
                        .iter()
                        .map(|f| doc.span_text(&f.span))
                        .collect::<Vec<_>>()
                )
            });
        let name = found.source.name.clone().unwrap_or_default();
        let (want_type, key) = match source {
            "Admiral Dragone" => (SourceType::Named, "Dragone"),
            "Denis Gonchar" => (SourceType::Named, "Gonchar"),
            "One European defense official" => (SourceType::Anonymous, "European defense official"),
            "a senior NATO official" => (SourceType::Anonymous, "senior NATO official"),
            "the former Polish Prime Minister" => {
                (SourceType::Unnamed, "former Polish Prime Minister")
            }
            other => panic!("unexpected source in expected.json: {other}"),
        };
        assert!(
            name.contains(key),
            "{want:?}: speaker {name:?}, expected {source:?}"
        );
        assert_eq!(
            found.source.kind, want_type,
            "{want:?}: source type of {name:?}"
        );
    }

    for r in expected["reported_speech"]
        .as_array()
        .expect("reported_speech")
    {
        let want = r["text"].as_str().expect("text");
        let start = body.find(want).expect("reported text is in the article");
        let span = newsprobe_core::Span::text(start, start + want.len());
        assert!(
            doc.quotes.iter().any(|q| q.span.overlaps(&span)),
            "reported speech not found: {want:?}"
        );
    }

    let contradiction = doc
        .findings
        .iter()
        .find(|f| f.kind == "self_contradiction")
        .expect("self-contradiction finding");
    assert!(contradiction
        .evidence
        .iter()
        .any(|e| doc.span_text(e).contains("Dragone")));
    assert!(doc.findings.iter().any(|f| f.kind == "anonymous_sourcing"));
}
