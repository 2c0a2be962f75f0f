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
        // The named people are shown; an anonymous official's description is the name reached,
        // shown or, under the speaker's confidence threshold, suggested ("possibly One European
        // defense official": a description named 40 bytes or more before the quote, after a
        // cue-less carry-over, is right less often on the tuned-on sample).
        let named = matches!(source, "Admiral Dragone" | "Denis Gonchar");
        let name = if named {
            found.source.name.clone().unwrap_or_default()
        } else {
            found
                .source
                .name
                .clone()
                .or_else(|| found.source.suggested.clone())
                .unwrap_or_default()
        };
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

/// An interview transcript through the whole engine: each labelled paragraph is its speaker's
/// direct speech, a stage direction is nobody's, and a pronoun speaker stays as written.
#[test]
fn transcript_labels_and_pronoun_speakers() {
    let body = "The mayor spoke to a local station on Sunday. Partial transcript as follows:\n\n\
                \"HOST: Will the bridge reopen before winter, Mayor?\n\n\
                \"(CROSSTALK.)\n\n\
                \"MAYOR: It will, and we have the money for it.\n\n\
                \"And I said so in June.\"\n\n\
                She’s insisting that the repairs are “on schedule and on budget.”";
    let doc = Engine::default()
        .analyze(RawArticle::from_text(
            "transcript",
            Some("Mayor: Bridge Will Reopen".to_string()),
            body.to_string(),
        ))
        .expect("analyses");
    let said = |start: &str| {
        doc.quotes
            .iter()
            .find(|q| doc.span_text(&q.span).starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?}: {:?}", doc.quotes))
    };
    let mention = |q: &newsprobe_core::Quote| {
        q.source
            .mention
            .map(|m| doc.span_text(&m).to_string())
            .unwrap_or_default()
    };
    let host = said("Will the bridge");
    assert_eq!(mention(host), "HOST");
    assert_eq!(host.kind, QuoteKind::Direct);
    assert_eq!(mention(said("It will, and")), "MAYOR");
    assert_eq!(mention(said("And I said so")), "MAYOR");
    assert!(doc
        .quotes
        .iter()
        .all(|q| !doc.span_text(&q.span).contains("CROSSTALK")));
    assert_eq!(mention(said("that the repairs")), "She’s");
    assert_ne!(
        said("that the repairs").source.kind,
        SourceType::Unattributed
    );
}
