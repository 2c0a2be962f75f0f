//! Helpers shared by the entity stage's fixture tests: run the stage on project-written text and
//! read the types it gave.

use newsprobe_core::{Document, EntityType};
use newsprobe_entities::annotate;

/// The entity stage run on `text` (no knowledge base).
pub fn analysed(text: &str) -> Document {
    let mut doc = Document::from_text(None, text);
    annotate(&mut doc, None);
    doc
}

/// Every entity's name and type, in the stage's order.
pub fn kinds(doc: &Document) -> Vec<(String, EntityType)> {
    doc.entities
        .iter()
        .map(|e| (e.name.clone(), e.kind))
        .collect()
}

/// The type of the entity named exactly `name`, if there is one.
pub fn kind_of(doc: &Document, name: &str) -> Option<EntityType> {
    doc.entities.iter().find(|e| e.name == name).map(|e| e.kind)
}
