//! The example article through this stage alone (the full pipeline test lives in
//! `crates/newsprobe/tests/entities_case.rs`), with the bundled example knowledge base.

use newsprobe_core::{Document, Metadata, SourceInfo};
use newsprobe_entities::{annotate, KnowledgeBase};

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/cases/nato-preemptive-strike/article.txt"
);
const KB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/kb.jsonl");

fn analysed() -> Document {
    let text = std::fs::read_to_string(ARTICLE)
        .unwrap_or_else(|e| panic!("the example article is missing at {ARTICLE}: {e}"));
    let (title, body) = text.split_once('\n').expect("first line is the title");
    let kb = KnowledgeBase::load(std::path::Path::new(KB)).expect("examples/kb.jsonl loads");
    let metadata = Metadata {
        title: Some(title.trim().to_string()),
        published: Some("2025-11-30".into()),
        ..Default::default()
    };
    let mut doc = Document::new(SourceInfo::default(), metadata, body.trim().to_string());
    annotate(&mut doc, Some(&kb));
    doc
}

fn texts<'a>(doc: &'a Document, name: &str) -> Vec<&'a str> {
    let e = doc.entity_named(name).unwrap_or_else(|| {
        panic!(
            "no {name:?} among {:?}",
            doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
        )
    });
    doc.mention_texts(e)
}

#[test]
fn people_of_the_example_article() {
    let doc = analysed();
    for e in &doc.entities {
        let m: Vec<&str> = doc.mention_texts(e);
        let d: Vec<String> = e
            .descriptors
            .iter()
            .map(|d| format!("{:?}:{}", d.kind, doc.span_text(&d.span)))
            .collect();
        println!(
            "{} {:?} {:?} kb={:?}\n   {m:?}\n   {d:?}",
            e.id, e.name, e.kind, e.kb_id
        );
    }
    for f in &doc.findings {
        println!("{} {}: {}", f.kind, f.rule, f.message);
    }
    let dragone = texts(&doc, "Admiral Dragone");
    for m in ["Admiral Dragone", "Dragone", "his", "The admiral"] {
        assert!(dragone.contains(&m), "{m:?} not in {dragone:?}");
    }
    let gonchar = texts(&doc, "Denis Gonchar");
    for m in [
        "Russian Ambassador to Belgium Denis Gonchar",
        "Gonchar",
        "The ambassador",
        "the ambassador",
    ] {
        assert!(gonchar.contains(&m), "{m:?} not in {gonchar:?}");
    }
    let pm = texts(&doc, "the former Polish Prime Minister");
    for m in [
        "the former Polish Prime Minister",
        "the former leader",
        "he",
        "the former Polish leader",
    ] {
        assert!(pm.contains(&m), "{m:?} not in {pm:?}");
    }
    let pm = doc
        .entity_named("the former Polish Prime Minister")
        .unwrap();
    assert_eq!(pm.kb_id, None);
}

#[test]
fn conflicts_of_the_example_article() {
    let doc = analysed();
    let conflicts: Vec<_> = doc
        .findings
        .iter()
        .filter(|f| f.kind == "kb_conflict")
        .collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    let f = conflicts[0];
    assert!(
        f.message.starts_with("article: U.S. naval officer"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("knowledge base: Giuseppe Cavo Dragone, nationality Italy, Chair of the NATO Military Committee (NATO) since 2025-01-17")
            || f.message.contains("knowledge base: Giuseppe Cavo Dragone, nationality Italy, Chair of the NATO Military Committee since 2025-01-17"),
        "{}",
        f.message
    );
    assert!(f.evidence.iter().any(|s| doc.span_text(s) == "U.S."));
    let gonchar = doc.entity_named("Denis Gonchar").unwrap();
    assert_eq!(gonchar.kb_id.as_deref(), Some("np:denis-gonchar"));
}

/// Every slice of the article (on character boundaries), as body and as headline: no panic, and
/// every span lands on character boundaries of the field it points into.
#[test]
fn slices_of_the_article_never_break_the_stage() {
    let text = std::fs::read_to_string(ARTICLE)
        .unwrap_or_else(|e| panic!("the example article is missing at {ARTICLE}: {e}"));
    let kb = KnowledgeBase::load(std::path::Path::new(KB)).expect("examples/kb.jsonl loads");
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(97).collect();
    for (n, &a) in bounds.iter().enumerate() {
        let b = bounds.get(n + 3).copied().unwrap_or(text.len());
        let piece = &text[a..b];
        let mut doc = Document::from_text(Some(piece), piece);
        annotate(&mut doc, Some(&kb));
        for e in &doc.entities {
            for s in e
                .mentions
                .iter()
                .chain(e.descriptors.iter().map(|d| &d.span))
            {
                let field = doc.field(s);
                assert!(
                    field.is_char_boundary(s.start)
                        && field.is_char_boundary(s.end)
                        && s.start < s.end
                );
            }
        }
    }
}
