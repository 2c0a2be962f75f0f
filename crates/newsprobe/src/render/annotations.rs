//! W3C Web Annotation JSON-LD: every span of a report (finding evidence, quotes, framing, entity
//! mentions) as an annotation with a `TextQuoteSelector` and a `TextPositionSelector`, so the
//! findings load into annotation tools. Positions count Unicode code points, as the Web
//! Annotation model and the report both do.

use newsprobe_core::report::ReportSpan;
use newsprobe_core::{Field, Report};
use serde_json::{json, Value};

/// Characters of context on each side in a `TextQuoteSelector`.
const CONTEXT: usize = 32;

fn name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The IRI an annotation targets: the article's URL, else a `urn:newsprobe:` name for its id;
/// spans in the headline target the same IRI with `#title`.
fn source_iri(r: &Report) -> String {
    match &r.source.url {
        Some(u) if !u.is_empty() => u.clone(),
        _ => format!("urn:newsprobe:{}", r.source.id),
    }
}

struct Annotator<'a> {
    report: &'a Report,
    text: Vec<char>,
    title: Vec<char>,
    items: Vec<Value>,
}

impl Annotator<'_> {
    fn add(&mut self, span: &ReportSpan, motivation: &str, body: Value) {
        let chars = if span.field == Field::Title {
            &self.title
        } else {
            &self.text
        };
        let (s, e) = (span.start.min(chars.len()), span.end.min(chars.len()));
        if s >= e {
            return;
        }
        let exact: String = chars[s..e].iter().collect();
        let prefix: String = chars[s.saturating_sub(CONTEXT)..s].iter().collect();
        let suffix: String = chars[e..(e + CONTEXT).min(chars.len())].iter().collect();
        let mut source = source_iri(self.report);
        if span.field == Field::Title {
            source.push_str("#title");
        }
        let n = self.items.len() + 1;
        self.items.push(json!({
            "id": format!("urn:newsprobe:{}:annotation:{n}", self.report.source.id),
            "type": "Annotation",
            "motivation": motivation,
            "body": body,
            "target": {
                "source": source,
                "selector": [
                    {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                    {"type": "TextPositionSelector", "start": s, "end": e}
                ]
            }
        }));
    }
}

fn text_body(value: String, purpose: &str) -> Value {
    json!({"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"})
}

/// One report as a W3C `AnnotationCollection` (JSON-LD).
pub fn annotations(r: &Report) -> Value {
    let mut a = Annotator {
        report: r,
        text: r.text.chars().collect(),
        title: r.metadata.title.as_deref().unwrap_or("").chars().collect(),
        items: Vec::new(),
    };
    for f in &r.findings {
        for e in &f.evidence {
            let body = json!([
                text_body(f.message.clone(), "assessing"),
                text_body(f.kind.clone(), "tagging"),
                text_body(name(&f.severity), "classifying"),
            ]);
            a.add(e, "assessing", body);
        }
    }
    for q in &r.quotes {
        let who = q
            .source
            .display_name()
            .unwrap_or_else(|| "(no source)".into());
        let body = json!([
            text_body(
                format!(
                    "{} quote; source: {who} ({})",
                    name(&q.kind),
                    name(&q.source.kind)
                ),
                "describing"
            ),
            text_body(format!("source:{}", name(&q.source.kind)), "tagging"),
        ]);
        a.add(&q.span, "describing", body);
    }
    for f in &r.framing.spans {
        let body = json!([
            text_body(f.category.clone(), "tagging"),
            text_body(format!("{} (rule {})", f.category, f.rule), "describing"),
        ]);
        a.add(&f.span, "classifying", body);
    }
    for e in &r.entities {
        let mut body = vec![text_body(
            format!("{} ({})", e.name, name(&e.kind)),
            "identifying",
        )];
        if let Some(k) = &e.kb_id {
            body.push(text_body(format!("kb:{k}"), "linking"));
        }
        for m in &e.mentions {
            a.add(m, "identifying", Value::Array(body.clone()));
        }
    }
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:newsprobe:{}:annotations", r.source.id),
        "type": "AnnotationCollection",
        "label": r.metadata.title.clone().unwrap_or_else(|| r.source.id.clone()),
        "total": a.items.len(),
        "first": {"type": "AnnotationPage", "items": a.items}
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_point_at_the_span_in_code_points() {
        let raw = newsprobe_core::RawArticle::from_text(
            "a1",
            Some("Héllo".into()),
            "Señor X said: \"the deal is dead,\" a senior official, who declined to be named, said.",
        );
        let r = crate::Engine::default().report(raw).unwrap();
        let v = annotations(&r);
        assert_eq!(v["type"], "AnnotationCollection");
        let items = v["first"]["items"].as_array().unwrap();
        assert!(!items.is_empty());
        let chars: Vec<char> = r.text.chars().collect();
        for it in items {
            let sel = &it["target"]["selector"];
            let exact = sel[0]["exact"].as_str().unwrap();
            let (s, e) = (
                sel[1]["start"].as_u64().unwrap() as usize,
                sel[1]["end"].as_u64().unwrap() as usize,
            );
            if !it["target"]["source"].as_str().unwrap().ends_with("#title") {
                assert_eq!(chars[s..e].iter().collect::<String>(), exact);
            }
        }
    }
}
