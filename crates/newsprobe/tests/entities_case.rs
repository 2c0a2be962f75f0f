//! The example article through the whole pipeline with the bundled example knowledge base:
//! who the people are, and where the article contradicts the knowledge base.

use newsprobe::Engine;
use newsprobe_core::{Document, RawArticle};
use newsprobe_entities::KnowledgeBase;

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/cases/nato-preemptive-strike/article.txt"
);
const KB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/kb.jsonl");

fn analyse() -> Document {
    let text = std::fs::read_to_string(ARTICLE)
        .unwrap_or_else(|e| panic!("the example article is missing at {ARTICLE}: {e}"));
    let (title, body) = text.split_once('\n').expect("first line is the title");
    let kb = KnowledgeBase::load(std::path::Path::new(KB)).expect("examples/kb.jsonl loads");
    let mut raw = RawArticle::from_text(
        "nato-preemptive-strike",
        Some(title.trim().to_string()),
        body,
    );
    raw.published = Some("2025-11-30".into());
    Engine::new(Some(kb))
        .analyze(raw)
        .expect("the article is analysed")
}

fn mention_texts<'a>(doc: &'a Document, name: &str) -> Vec<&'a str> {
    let e = doc.entity_named(name).unwrap_or_else(|| {
        panic!(
            "no entity {name:?} among {:?}",
            doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
        )
    });
    doc.mention_texts(e)
}

#[test]
fn dragone_nationality_conflicts_with_the_knowledge_base() {
    let doc = analyse();
    let dragone = doc.entity_named("Admiral Dragone").expect("Dragone found");
    assert_eq!(dragone.kb_id.as_deref(), Some("np:giuseppe-cavo-dragone"));
    let mentions = mention_texts(&doc, "Admiral Dragone");
    for m in ["Admiral Dragone", "Dragone", "his", "The admiral"] {
        assert!(mentions.contains(&m), "{m:?} not in {mentions:?}");
    }
    let conflicts: Vec<_> = doc
        .findings
        .iter()
        .filter(|f| f.kind == "kb_conflict" && f.message.contains("Giuseppe Cavo Dragone"))
        .collect();
    assert_eq!(conflicts.len(), 1, "{:#?}", doc.findings);
    let f = conflicts[0];
    assert!(f.message.contains("U.S. naval officer"), "{}", f.message);
    assert!(f.message.contains("nationality Italy"), "{}", f.message);
    assert!(
        f.message
            .contains("Chair of the NATO Military Committee since 2025-01-17"),
        "{}",
        f.message
    );
    assert!(f.evidence.iter().any(|s| doc.span_text(s) == "U.S."));
}

#[test]
fn gonchar_role_agrees_with_the_knowledge_base() {
    let doc = analyse();
    let gonchar = doc.entity_named("Denis Gonchar").expect("Gonchar found");
    assert_eq!(gonchar.kb_id.as_deref(), Some("np:denis-gonchar"));
    let mentions = mention_texts(&doc, "Denis Gonchar");
    for m in [
        "Russian Ambassador to Belgium Denis Gonchar",
        "Gonchar",
        "The ambassador",
    ] {
        assert!(mentions.contains(&m), "{m:?} not in {mentions:?}");
    }
    assert!(
        !doc.findings
            .iter()
            .any(|f| f.kind == "kb_conflict" && f.message.contains("Gonchar")),
        "{:#?}",
        doc.findings
    );
}

#[test]
fn former_polish_prime_minister_is_linked_to_no_one() {
    let doc = analyse();
    let pm = doc
        .entity_named("the former Polish Prime Minister")
        .expect("the role-only person is an entity");
    assert_eq!(pm.kb_id, None);
    let mentions = mention_texts(&doc, "the former Polish Prime Minister");
    for m in [
        "the former Polish Prime Minister",
        "the former leader",
        "he",
    ] {
        assert!(mentions.contains(&m), "{m:?} not in {mentions:?}");
    }
    assert!(!doc.findings.iter().any(|f| f.kind == "kb_conflict"
        && (f.message.contains("Tusk") || f.message.contains("Morawiecki"))));
}
