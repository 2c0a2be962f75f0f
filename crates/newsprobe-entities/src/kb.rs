//! Who is this, according to the knowledge base? Loads the contract's KB JSON Lines and links an
//! article's entities to records by name, alias and surname (only when exactly one record fits:
//! no guessing).

use std::collections::HashMap;
use std::path::Path;

use newsprobe_core::EntityType;
use serde::{Deserialize, Serialize};

use crate::coref::Cluster;
use crate::Error;

/// A role held, with ISO 8601 dates (`end` absent while current).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KbRole {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// One knowledge-base record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KbRecord {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// "person", "organization" or "place".
    #[serde(rename = "type", default = "default_type")]
    pub kind: String,
    #[serde(default)]
    pub nationality: Vec<String>,
    #[serde(default)]
    pub roles: Vec<KbRole>,
}

fn default_type() -> String {
    "person".into()
}

/// A knowledge base in the contract's JSON Lines format, indexed by name, alias and surname.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    pub records: Vec<KbRecord>,
    by_name: HashMap<String, Vec<usize>>,
    by_surname: HashMap<String, Vec<usize>>,
}

fn key(s: &str) -> String {
    crate::gazetteer::norm(s.trim()).replace('.', "")
}

impl KnowledgeBase {
    /// Loads a knowledge base file (one JSON record a line; blank lines skipped).
    pub fn load(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path)?;
        Self::parse(&text)
    }

    /// Parses knowledge-base JSON Lines; errors name the line.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let mut records = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let rec: KbRecord = serde_json::from_str(line)
                .map_err(|e| Error::Data(format!("line {}: {e}", i + 1)))?;
            if rec.name.trim().is_empty() {
                return Err(Error::Data(format!("line {}: empty \"name\"", i + 1)));
            }
            if !matches!(rec.kind.as_str(), "person" | "organization" | "place") {
                return Err(Error::Data(format!(
                    "line {}: \"type\" must be person, organization or place, not {:?}",
                    i + 1,
                    rec.kind
                )));
            }
            records.push(rec);
        }
        Ok(Self::from_records(records))
    }

    /// Builds the indexes over records.
    pub fn from_records(records: Vec<KbRecord>) -> Self {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in records.iter().enumerate() {
            for n in std::iter::once(&r.name).chain(r.aliases.iter()) {
                let k = key(n);
                let v = by_name.entry(k).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
                if r.kind == "person" {
                    if let Some(last) = n.split_whitespace().last() {
                        let v = by_surname.entry(key(last)).or_default();
                        if !v.contains(&i) {
                            v.push(i);
                        }
                    }
                }
            }
        }
        KnowledgeBase {
            records,
            by_name,
            by_surname,
        }
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The record an entity is, if exactly one fits its names.
    pub fn link(&self, c: &Cluster) -> Option<usize> {
        if !c.is_named() || c.plural {
            return None;
        }
        let type_ok = |i: &usize| {
            let k = self.records[*i].kind.as_str();
            match c.etype {
                EntityType::Person => k == "person",
                EntityType::Organization => k == "organization",
                EntityType::Place => k == "place",
                EntityType::Other => true,
            }
        };
        let mut names: Vec<&String> = c.names.iter().collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.split_whitespace().count()));
        for n in &names {
            if let Some(v) = self.by_name.get(&key(n)) {
                let v: Vec<usize> = v.iter().copied().filter(type_ok).collect();
                if v.len() == 1 {
                    return Some(v[0]);
                }
                if v.len() > 1 {
                    return None;
                }
            }
        }
        if !matches!(c.etype, EntityType::Person | EntityType::Other) {
            return None;
        }
        // Surname, with the first name agreeing when the article gives one.
        let full = names.first()?;
        let words: Vec<String> = full.split_whitespace().map(key).collect();
        let surname = words.last()?;
        let v: Vec<usize> = self
            .by_surname
            .get(surname)?
            .iter()
            .copied()
            .filter(type_ok)
            .filter(|&i| {
                let r = &self.records[i];
                words.len() == 1
                    || std::iter::once(&r.name).chain(r.aliases.iter()).any(|n| {
                        words[..words.len() - 1]
                            .iter()
                            .all(|w| key(n).split_whitespace().any(|x| x == w))
                    })
            })
            .collect();
        (v.len() == 1).then(|| v[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KB: &str = r#"{"id": "p1", "name": "Giuseppe Cavo Dragone", "aliases": ["Admiral Dragone"], "type": "person", "nationality": ["Italy"]}
{"id": "o1", "name": "North Atlantic Treaty Organization", "aliases": ["NATO"], "type": "organization"}
"#;

    #[test]
    fn loads_and_indexes() {
        let kb = KnowledgeBase::parse(KB).unwrap();
        assert_eq!(kb.len(), 2);
        assert_eq!(kb.by_name.get("nato"), Some(&vec![1]));
        assert_eq!(kb.by_surname.get("dragone"), Some(&vec![0]));
    }

    #[test]
    fn errors_name_the_line() {
        let err = KnowledgeBase::parse("{\"id\": \"a\", \"name\": \"A\"}\n\n{oops").unwrap_err();
        assert!(err.to_string().starts_with("line 3:"), "{err}");
        let err = KnowledgeBase::parse("{\"id\": \"a\", \"name\": \"A\", \"type\": \"city\"}")
            .unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
    }
}
