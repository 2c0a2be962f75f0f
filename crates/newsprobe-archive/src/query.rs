//! What does a search query ask for? Words, "phrases" and fields: `speaker:Gonchar`,
//! `site:ledger`, `title:port`, `quote:jobs`, `published:>2025-11-01`, `type:anonymous`.

use crate::Error;

/// A comparison on the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOp {
    Before,
    AtOrBefore,
    After,
    AtOrAfter,
    /// Same day (prefix match).
    On,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// FTS5 match expression (empty when the query has no words).
    pub fts: String,
    pub sites: Vec<String>,
    pub published: Vec<(DateOp, String)>,
    /// Source types that must occur among the article's quotes (`type:anonymous`).
    pub types: Vec<String>,
    /// Lower-cased words of each `speaker:` value (to pick the speaker's quote as the passage).
    pub speakers: Vec<Vec<String>>,
    /// The phrases of `fts`, in its order: the column one is limited to (`title`, `text`,
    /// `quotes`, `speakers`) and the phrase's text as FTS5 reads it between the quotes.
    pub phrases: Vec<(Option<String>, String)>,
}

const TYPES: &[&str] = &["named", "anonymous", "unnamed", "vague", "unattributed"];

/// Splits on white space, keeping "quoted phrases" (also after `field:`) together.
fn split(q: &str) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_quote = false;
    for c in q.chars() {
        match c {
            '"' | '“' | '”' => {
                in_quote = !in_quote;
                cur.push('"');
            }
            c if c.is_whitespace() && !in_quote => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if in_quote {
        return Err(Error::Query(format!("unclosed quotation mark in {q:?}")));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// The words of `s` as one phrase: its text, and as an FTS5 string literal.
fn phrase(s: &str) -> Option<(String, String)> {
    let words: Vec<String> = crate::words::norms(s.trim_matches('"'));
    if words.is_empty() {
        None
    } else {
        let text = words.join(" ");
        let literal = format!("\"{}\"", text.replace('"', "\"\""));
        Some((text, literal))
    }
}

impl Query {
    /// Parses a query (the command line's words, joined by spaces).
    pub fn parse(q: &str) -> Result<Query, Error> {
        let mut out = Query::default();
        let mut fts: Vec<String> = Vec::new();
        for part in split(q)? {
            let (field, value) = match part.split_once(':') {
                Some((f, v))
                    if !f.starts_with('"') && f.chars().all(|c| c.is_ascii_alphabetic()) =>
                {
                    (Some(f.to_ascii_lowercase()), v.to_string())
                }
                _ => (None, part.clone()),
            };
            match field.as_deref() {
                None => {
                    if let Some((text, literal)) = phrase(&value) {
                        out.phrases.push((None, text));
                        fts.push(literal);
                    }
                }
                Some("speaker") | Some("title") | Some("quote") | Some("text") => {
                    let column = match field.as_deref() {
                        Some("speaker") => "speakers",
                        Some("quote") => "quotes",
                        Some(f) => f,
                        None => "text",
                    };
                    let (text, p) = phrase(&value)
                        .ok_or_else(|| Error::Query(format!("{part:?} has no words")))?;
                    out.phrases.push((Some(column.to_string()), text));
                    fts.push(format!("{column} : {p}"));
                    if column == "speakers" {
                        out.speakers
                            .push(crate::words::norms(value.trim_matches('"')));
                    }
                }
                Some("site") => out.sites.push(value.trim_matches('"').to_string()),
                Some("type") => {
                    let t = value.trim_matches('"').to_lowercase();
                    if !TYPES.contains(&t.as_str()) {
                        return Err(Error::Query(format!(
                            "unknown source type {t:?} (named, anonymous, unnamed, vague, unattributed)"
                        )));
                    }
                    out.types.push(t);
                }
                Some("published") | Some("date") => {
                    let v = value.trim_matches('"');
                    let (op, date) = if let Some(d) = v.strip_prefix(">=") {
                        (DateOp::AtOrAfter, d)
                    } else if let Some(d) = v.strip_prefix("<=") {
                        (DateOp::AtOrBefore, d)
                    } else if let Some(d) = v.strip_prefix('>') {
                        (DateOp::After, d)
                    } else if let Some(d) = v.strip_prefix('<') {
                        (DateOp::Before, d)
                    } else {
                        (DateOp::On, v.strip_prefix('=').unwrap_or(v))
                    };
                    let ok = date.len() >= 4
                        && date
                            .chars()
                            .all(|c| c.is_ascii_digit() || "-:T+Z.".contains(c));
                    if !ok {
                        return Err(Error::Query(format!(
                            "published: wants a date like 2025-11-01, got {date:?}"
                        )));
                    }
                    out.published.push((op, date.to_string()));
                }
                Some(f) => {
                    return Err(Error::Query(format!(
                        "unknown field {f:?} (speaker, site, title, quote, text, published, type)"
                    )))
                }
            }
        }
        out.fts = fts.join(" ");
        Ok(out)
    }

    /// SQL conditions on `articles` (alias `a`) and their parameters.
    pub(crate) fn filters(&self) -> (String, Vec<String>) {
        let mut sql = String::new();
        let mut params = Vec::new();
        for s in &self.sites {
            params.push(s.clone());
            sql.push_str(&format!(
                " AND a.site = ?{} COLLATE NOCASE",
                params.len() + 1
            ));
        }
        for (op, d) in &self.published {
            // For "after a day", anything on that day sorts below the next one.
            let (cmp, value) = match op {
                DateOp::Before => ("<", d.clone()),
                DateOp::AtOrAfter => (">=", d.clone()),
                DateOp::After if d.len() == 10 => (">=", format!("{d}~")),
                DateOp::After => (">", d.clone()),
                DateOp::AtOrBefore if d.len() == 10 => ("<", format!("{d}~")),
                DateOp::AtOrBefore => ("<=", d.clone()),
                DateOp::On => ("LIKE", format!("{d}%")),
            };
            params.push(value);
            sql.push_str(&format!(" AND a.published {cmp} ?{}", params.len() + 1));
        }
        for t in &self.types {
            params.push(format!("% {t} %"));
            sql.push_str(&format!(" AND a.source_types LIKE ?{}", params.len() + 1));
        }
        (sql, params)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_phrases_and_fields() {
        let q = Query::parse(r#"port "container terminal" speaker:Gonchar site:ledger published:>2025-11-01 type:anonymous"#).unwrap();
        assert_eq!(q.fts, r#""port" "container terminal" speakers : "gonchar""#);
        assert_eq!(q.sites, ["ledger"]);
        assert_eq!(q.published, [(DateOp::After, "2025-11-01".to_string())]);
        assert_eq!(q.types, ["anonymous"]);
        let q = Query::parse(r#"speaker:"Denis Gonchar""#).unwrap();
        assert_eq!(q.fts, r#"speakers : "denis gonchar""#);
    }

    #[test]
    fn bad_queries_are_errors_not_panics() {
        assert!(Query::parse(r#""unclosed"#).is_err());
        assert!(Query::parse("type:secret").is_err());
        assert!(Query::parse("published:>yesterday").is_err());
        assert!(Query::parse("colour:red").is_err());
        assert!(Query::parse("speaker:").is_err());
        // FTS syntax in words is quoted away.
        assert_eq!(
            Query::parse("NEAR(a b) OR *").unwrap().fts,
            r#""near a" "b" "or""#
        );
    }
}
