//! Short texts of one, two and three sentences report their people, places and organisations
//! (session 27, `s27-persons27`): "Foreign Minister Julie Bishop spoke on Monday. Bishop said
//! ..." gave no entity at all while the quote's speaker was "Julie Bishop" (the title word
//! "Bishop" after a given name was read as a title with no name after it; `title_surnames.rs`).

use newsprobe::Engine;
use newsprobe_core::{Document, EntityType, RawArticle};

fn analyse(text: &str) -> Document {
    Engine::new(None)
        .analyze(RawArticle::from_text("short", None, text))
        .expect("the text is analysed")
}

fn has(doc: &Document, name: &str, kind: EntityType) -> bool {
    doc.entities
        .iter()
        .any(|e| e.name == name && e.kind == kind)
}

#[test]
fn one_sentence() {
    let doc = analyse("Foreign Minister Julie Bishop spoke in Canberra on Monday.");
    assert!(
        has(&doc, "Julie Bishop", EntityType::Person),
        "{:?}",
        doc.entities
    );
    assert!(
        has(&doc, "Canberra", EntityType::Place),
        "{:?}",
        doc.entities
    );
}

#[test]
fn two_sentences_the_speaker_is_an_entity() {
    let doc = analyse(
        "Foreign Minister Julie Bishop spoke on Monday. Bishop said the talks would go on.\n",
    );
    assert!(
        has(&doc, "Julie Bishop", EntityType::Person),
        "{:?}",
        doc.entities
    );
    let q = doc.quotes.first().expect("one quote");
    assert_eq!(q.source.name.as_deref(), Some("Julie Bishop"));
    let id = q.source.entity.as_deref().expect("the speaker's entity");
    assert!(doc
        .entities
        .iter()
        .any(|e| e.id == id && e.name == "Julie Bishop"));
}

#[test]
fn three_sentences() {
    let doc = analyse(
        "Foreign Minister Julie Bishop spoke on Monday in Canberra. Bishop said the talks with \
         the United Nations would go on. She met Prime Minister Malcolm Turnbull on Tuesday.",
    );
    for (name, kind) in [
        ("Julie Bishop", EntityType::Person),
        ("Malcolm Turnbull", EntityType::Person),
        ("Canberra", EntityType::Place),
        ("United Nations", EntityType::Organization),
    ] {
        assert!(has(&doc, name, kind), "{name}: {:?}", doc.entities);
    }
}
