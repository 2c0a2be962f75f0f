//! The hand-written trace cases of `examples/trace/`, through the library (no analysis: the
//! reports hold text and metadata only, as when the quote and entity stages find nothing).

use newsprobe_archive::store::plain_report;
use newsprobe_archive::trace::TraceOptions;
use newsprobe_archive::Archive;
use newsprobe_core::Report;
use serde_json::Value;

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/trace");

fn reports(path: &std::path::Path) -> Vec<Report> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str();
            let mut r = plain_report(
                s("id").unwrap(),
                s("site"),
                s("published"),
                s("title"),
                s("text").unwrap(),
            );
            r.source.url = s("url").map(String::from);
            r
        })
        .collect()
}

#[test]
fn every_example_case_is_traced_right() {
    let dir = std::path::Path::new(CASES);
    let mut cases: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("examples/trace missing at {CASES}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").exists() && p.join("input.jsonl").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 2, "expected at least two cases in {CASES}");
    let mut failures = Vec::new();
    for case in cases {
        let mut archive = Archive::in_memory().unwrap();
        archive
            .ingest(&reports(&case.join("archive.jsonl")))
            .unwrap();
        let input = reports(&case.join("input.jsonl")).remove(0);
        let trace = archive.trace(&input, &TraceOptions::default()).unwrap();
        let json = serde_json::to_value(&trace).unwrap();
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
                .unwrap();
        let title = input.metadata.title.clone().unwrap_or_default();
        let errors = newsprobe_archive::expect::check(&json, &expected, &input.text, &title);
        if !errors.is_empty() {
            failures.push(format!(
                "{}:\n  {}\n{}",
                case.display(),
                errors.join("\n  "),
                serde_json::to_string_pretty(&json).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn an_earlier_near_copy_does_not_hide_the_changes() {
    let case = std::path::Path::new(CASES).join("border-closure");
    let mut stored = reports(&case.join("archive.jsonl"));
    // The copy on patriot-alert now appears an hour before the traced rewrite.
    for r in &mut stored {
        if r.source.id == "patriot-border" {
            r.metadata.published = Some("2026-02-11T05:00:00Z".into());
        }
    }
    let mut archive = Archive::in_memory().unwrap();
    archive.ingest(&stored).unwrap();
    let input = reports(&case.join("input.jsonl")).remove(0);
    let trace = archive.trace(&input, &TraceOptions::default()).unwrap();
    assert_eq!(trace.sources[0].id, "patriot-border");
    let mut expected: Value =
        serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
            .unwrap();
    expected["true_sources"] =
        serde_json::json!(["patriot-border", "herald-border", "wire-border"]);
    let json = serde_json::to_value(&trace).unwrap();
    let title = input.metadata.title.clone().unwrap_or_default();
    let errors = newsprobe_archive::expect::check(&json, &expected, &input.text, &title);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The seed case: `../shared/cases/nato-preemptive-strike/article.txt` traced against three wire
/// reports of the facts it was laundered from (written for the project) and three distractors.
#[test]
fn the_nato_article_is_traced_to_its_three_sources() {
    let case = std::path::Path::new(CASES).join("nato-strike");
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/cases/nato-preemptive-strike/article.txt");
    let raw = std::fs::read_to_string(&article)
        .unwrap_or_else(|e| panic!("the seed case is missing at {}: {e}", article.display()));
    let (title, text) = raw.split_once('\n').unwrap();
    let input = plain_report(
        "nato-rewrite",
        Some("geo-alarm.example"),
        Some("2025-12-02T09:00:00Z"),
        Some(title.trim()),
        text.trim(),
    );
    let mut archive = Archive::in_memory().unwrap();
    archive
        .ingest(&reports(&case.join("archive.jsonl")))
        .unwrap();
    let trace = archive.trace(&input, &TraceOptions::default()).unwrap();
    let json = serde_json::to_value(&trace).unwrap();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
            .unwrap();
    let errors = newsprobe_archive::expect::check(&json, &expected, &input.text, title.trim());
    if std::env::var("NEWSPROBE_SHOW").is_ok() {
        eprintln!(
            "{}",
            serde_json::to_string_pretty(&json["changes"]).unwrap()
        );
        eprintln!(
            "{}",
            serde_json::to_string_pretty(&json["sources"]).unwrap()
        );
    }
    assert!(
        errors.is_empty(),
        "{}\n{}",
        errors.join("\n"),
        serde_json::to_string_pretty(&json).unwrap()
    );
}
