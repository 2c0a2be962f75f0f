//! Does a trace meet a hand-written expectation? Checks a `trace --format json` object against
//! an `expected.json` of `examples/trace/` (true sources, distractors, near-copies, changes).

use serde_json::Value;

fn chars(s: &str, start: usize, end: usize) -> String {
    s.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Every way `trace` falls short of `expected`; empty when it meets it. A change matches when
/// its kind and source agree and its spans cover the expected texts. `text` and `title` are
/// the traced article's, to check that spans point where their text says.
pub fn check(trace: &Value, expected: &Value, text: &str, title: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let empty = Vec::new();
    let sources = trace["sources"].as_array().unwrap_or(&empty);
    let rank = |id: &str| sources.iter().position(|s| s["id"] == id);
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let truth = ids(&expected["true_sources"]);
    let worst_true = truth.iter().filter_map(|t| rank(t)).max();
    for t in &truth {
        if rank(t).is_none() {
            errors.push(format!("true source {t} not listed"));
        }
    }
    for d in ids(&expected["distractors"]) {
        if let (Some(r), Some(w)) = (rank(&d), worst_true) {
            if r < w {
                errors.push(format!("distractor {d} (rank {r}) outranks a true source"));
            }
        }
    }
    let near = trace["near_copies"].as_array().unwrap_or(&empty);
    for n in ids(&expected["near_copies"]) {
        if !near.iter().any(|x| x["id"] == n.as_str()) {
            errors.push(format!("near-copy {n} not listed"));
        }
    }
    let changes = trace["changes"].as_array().unwrap_or(&empty);
    for c in changes {
        let s = &c["article_span"];
        let (Some(a), Some(b)) = (s["start"].as_u64(), s["end"].as_u64()) else {
            errors.push(format!("change without a span: {c}"));
            continue;
        };
        let field = if s["in"] == "title" { title } else { text };
        if chars(field, a as usize, b as usize) != s["text"].as_str().unwrap_or("") {
            errors.push(format!("span offsets do not match its text: {s}"));
        }
    }
    for e in expected["changes"].as_array().unwrap_or(&empty) {
        let found = changes.iter().any(|c| {
            let contains = |actual: &Value, wanted: &Value| {
                actual
                    .as_str()
                    .zip(wanted.as_str())
                    .is_some_and(|(a, w)| a.contains(w))
            };
            c["kind"] == e["kind"]
                && contains(&c["article_span"]["text"], &e["article_text"])
                && (e["in"].is_null() || c["article_span"]["in"] == e["in"])
                && (e["source_id"].is_null() || c["source_id"] == e["source_id"])
                && (e["source_text"].is_null()
                    || contains(&c["source_span"]["text"], &e["source_text"]))
        });
        if !found {
            errors.push(format!("expected change not found: {e}"));
        }
    }
    // Changes that must not be reported (e.g. a faithful partial quote).
    for e in expected["absent"].as_array().unwrap_or(&empty) {
        let wanted = e["article_text"].as_str().unwrap_or("");
        let hit = changes.iter().any(|c| {
            c["kind"] == e["kind"]
                && c["article_span"]["text"]
                    .as_str()
                    .is_some_and(|a| !wanted.is_empty() && a.contains(wanted))
        });
        if hit {
            errors.push(format!("change reported that should not be: {e}"));
        }
    }
    errors
}
