//! Whether every span an analysis produced lies inside its field: the invariant the fuzz target
//! (`fuzz/fuzz_targets/analyze.rs`) and the bad-input tests check on arbitrary input.
//!
//! - In a [`Document`], spans are byte ranges: each must end within its field (the body or the
//!   headline) and both ends must fall on UTF-8 character boundaries.
//! - In a [`Report`], spans are code-point ranges: each must end within its field's character
//!   count, and a span's `text`, where it has one, must be exactly those characters.
//!
//! Spans are found generically (every object with numeric `start` and `end` in the serialised
//! annotations), so a span added to the report later is checked without changing this file.

use newsprobe_core::{Document, Report};
use serde::Serialize;
use serde_json::Value;

/// A span that does not lie inside its field, described for a test failure.
pub type SpanError = String;

fn field_of(obj: &serde_json::Map<String, Value>) -> &str {
    obj.get("in").and_then(Value::as_str).unwrap_or("text")
}

/// A check of one span: its path, start, end and the object it is in.
type Check<'a> =
    dyn FnMut(&str, usize, usize, &serde_json::Map<String, Value>) -> Result<(), SpanError> + 'a;

/// Calls `check` on every `{start, end, ...}` object in `value`, with its path.
fn walk(value: &Value, path: &mut String, check: &mut Check) -> Result<(), SpanError> {
    match value {
        Value::Object(obj) => {
            if let (Some(s), Some(e)) = (
                obj.get("start").and_then(Value::as_u64),
                obj.get("end").and_then(Value::as_u64),
            ) {
                check(path, s as usize, e as usize, obj)?;
            }
            for (k, v) in obj {
                let len = path.len();
                path.push('.');
                path.push_str(k);
                walk(v, path, check)?;
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(v, path, check)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

fn part(name: &str, value: impl Serialize) -> Result<(String, Value), SpanError> {
    serde_json::to_value(value)
        .map(|v| (name.to_string(), v))
        .map_err(|e| format!("{name}: not serialisable: {e}"))
}

/// Checks every byte span of an analysed document (paragraphs, sentences, tokens, entities,
/// quotes, framing, findings).
pub fn check_document(doc: &Document) -> Result<(), SpanError> {
    let title = doc.metadata.title.as_deref().unwrap_or("");
    let parts = [
        part("paragraphs", &doc.paragraphs)?,
        part("sentences", &doc.sentences)?,
        part("tokens", &doc.tokens)?,
        part("title_tokens", &doc.title_tokens)?,
        part("entities", &doc.entities)?,
        part("quotes", &doc.quotes)?,
        part("framing", &doc.framing)?,
        part("findings", &doc.findings)?,
    ];
    for (name, value) in &parts {
        let mut path = name.clone();
        walk(value, &mut path, &mut |path, start, end, obj| {
            let field = field_of(obj);
            let s = if field == "title" { title } else { &doc.text };
            if start > end || end > s.len() {
                return Err(format!(
                    "{path}: {start}..{end} outside the {field} ({} bytes)",
                    s.len()
                ));
            }
            if !s.is_char_boundary(start) || !s.is_char_boundary(end) {
                return Err(format!(
                    "{path}: {start}..{end} not on character boundaries of the {field}"
                ));
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// Checks every code-point span of a report, and that each span's `text` is what it covers.
pub fn check_report(report: &Report) -> Result<(), SpanError> {
    let text: Vec<char> = report.text.chars().collect();
    let title: Vec<char> = report
        .metadata
        .title
        .as_deref()
        .unwrap_or("")
        .chars()
        .collect();
    let value = serde_json::to_value(report).map_err(|e| format!("report: {e}"))?;
    let mut path = String::from("report");
    walk(&value, &mut path, &mut |path, start, end, obj| {
        let field = field_of(obj);
        let chars = if field == "title" { &title } else { &text };
        if start > end || end > chars.len() {
            return Err(format!(
                "{path}: {start}..{end} outside the {field} ({} characters)",
                chars.len()
            ));
        }
        if let Some(shown) = obj.get("text").and_then(Value::as_str) {
            let covered: String = chars[start..end].iter().collect();
            if shown != covered {
                return Err(format!(
                    "{path}: text {shown:?} is not the {field}'s {start}..{end} ({covered:?})"
                ));
            }
        }
        Ok(())
    })
}

/// Both checks: the document's byte spans and its report's character spans.
pub fn check(doc: &Document) -> Result<(), SpanError> {
    check_document(doc)?;
    check_report(&Report::from_document(doc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;
    use newsprobe_core::{Content, RawArticle, Span};

    fn raw(title: Option<&str>, content: Content) -> RawArticle {
        RawArticle {
            id: "t".into(),
            path: None,
            line: None,
            url: None,
            site: None,
            published: None,
            title: title.map(str::to_string),
            content,
        }
    }

    #[test]
    fn spans_of_a_quoted_article_lie_in_their_fields() {
        let engine = Engine::new(None);
        let body = "Ministre Ørsted said on Tuesday: “We will not negotiate — ever.” \
                    Officials, who spoke on condition of anonymity, said the talks had collapsed. \
                    «Ça suffit», a protester shouted outside the ministry in Zürich.\n\n\
                    The so-called reform was slammed by critics as a “disgrace”.";
        let doc = engine
            .analyze(raw(
                Some("Shocking: you won’t believe what Ørsted said"),
                Content::Text(body.into()),
            ))
            .expect("analysed");
        assert!(!doc.quotes.is_empty(), "the quotes were found");
        check(&doc).expect("every span inside its field");
    }

    #[test]
    fn spans_of_an_html_page_with_entities_and_odd_bytes_lie_in_their_fields() {
        let engine = Engine::new(None);
        let page = "<html><head><title>Ärger &amp; “Wut” im Rathaus</title></head><body>\
                    <article><p>Mayor Jürgen Weiß said \"the budget is fine\" on Monday.</p>\
                    <p>\u{feff}Critics claimed the deal was a \u{1F4A5} catastrophe, sources said.</p>\
                    <p>\"Never,\" he said.</p></article></body></html>";
        let doc = engine
            .analyze(raw(
                None,
                Content::Html {
                    bytes: page.as_bytes().to_vec(),
                    charset: None,
                },
            ))
            .expect("analysed");
        check(&doc).expect("every span inside its field");
    }

    #[test]
    fn a_span_outside_its_field_or_inside_a_character_is_caught() {
        let engine = Engine::new(None);
        let mut doc = engine
            .analyze(raw(
                Some("Zürich vote"),
                Content::Text("Zürich voted on Sunday, officials said.".into()),
            ))
            .expect("analysed");
        check(&doc).expect("valid before the damage");
        let mut inside_char = doc.clone();
        inside_char.paragraphs.push(Span::text(1, 2)); // inside "ü"
        assert!(check_document(&inside_char)
            .unwrap_err()
            .contains("character boundaries"));
        doc.paragraphs.push(Span::title(0, 400));
        assert!(check_document(&doc)
            .unwrap_err()
            .contains("outside the title"));
    }
}
