//! `newsprobe analyze` and `extract` through the real binary, in every output format.

use std::path::PathBuf;
use std::process::{Command, Output};

fn newsprobe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsprobe"))
        .args(args)
        .output()
        .expect("run newsprobe")
}

fn example(name: &str) -> String {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"))
        .join(name)
        .display()
        .to_string()
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

#[test]
fn json_is_one_report_for_one_input_and_an_array_for_several() {
    let one = stdout(&newsprobe(&[
        "analyze",
        "--format",
        "json",
        &example("shocking-port-deal.txt"),
    ]));
    let v: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(v["schema_version"], "1");
    assert_eq!(
        v["metadata"]["title"],
        "Bombshell: Minister Secretly Sold Harbour to Foreign Investors, Insiders Reveal"
    );
    assert!(v["text"]
        .as_str()
        .unwrap()
        .starts_with("In a stunning turn of events"));

    let two = stdout(&newsprobe(&[
        "analyze",
        "--format",
        "json",
        &example("shocking-port-deal.txt"),
        &example("articles.jsonl"),
    ]));
    let v: serde_json::Value = serde_json::from_str(&two).unwrap();
    let arr = v.as_array().expect("an array for several articles");
    assert_eq!(arr.len(), 3);
    assert_eq!(arr[1]["source"]["id"], "ledger-1");
    assert_eq!(arr[2]["source"]["id"], "wire-2");
}

#[test]
fn jsonl_is_one_report_per_line_in_input_order() {
    let out = stdout(&newsprobe(&[
        "analyze",
        "--format",
        "jsonl",
        &example("articles.jsonl"),
    ]));
    let ids: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, vec!["ledger-1", "wire-2"]);
}

#[test]
fn csv_has_a_header_and_one_row_per_article() {
    let out = stdout(&newsprobe(&[
        "analyze",
        "--format",
        "csv",
        &example("articles.jsonl"),
    ]));
    let mut rd = csv::Reader::from_reader(out.as_bytes());
    let headers = rd.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert!(headers.iter().any(|h| h == "clickbait_probability"));
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "ledger-1");
    assert_eq!(
        &rows[0][3],
        "Northport terminal sale approved, minister says"
    );
}

#[test]
fn text_summary_names_the_article() {
    let out = stdout(&newsprobe(&["analyze", &example("shocking-port-deal.txt")]));
    assert!(out.contains("== Bombshell: Minister Secretly Sold Harbour"));
    assert!(out.contains("Quotes ("));
}

#[test]
fn html_page_escapes_untrusted_text() {
    let dir = std::env::temp_dir().join(format!("newsprobe-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("evil.jsonl");
    std::fs::write(
        &path,
        r#"{"id":"<img src=x onerror=alert(1)>","title":"<script>alert('t')</script>","text":"Body with <script>alert('b')</script> & “quotes”, he said."}"#,
    )
    .unwrap();
    let out = stdout(&newsprobe(&[
        "analyze",
        "--format",
        "html",
        path.to_str().unwrap(),
    ]));
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(
        !out.contains("<script>alert"),
        "raw script from the article reached the page"
    );
    assert!(
        !out.contains("<img src=x"),
        "raw markup from the id reached the page"
    );
    // Highlights may cut the escaped text into several <mark> elements: read it without them.
    let mut plain = String::new();
    let mut rest = out.as_str();
    while let Some(i) = rest.find("<mark") {
        plain.push_str(&rest[..i]);
        rest = &rest[i + rest[i..].find('>').unwrap() + 1..];
    }
    plain.push_str(rest);
    let plain = plain.replace("</mark>", "");
    assert!(
        plain.contains("&lt;script&gt;alert(&#39;b&#39;)&lt;/script&gt;"),
        "escaped body missing"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_prints_only_source_metadata_and_text() {
    let out = stdout(&newsprobe(&[
        "extract",
        "--format",
        "json",
        &example("articles.jsonl"),
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let first = &v.as_array().unwrap()[0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, vec!["metadata", "schema_version", "source", "text"]);
}

#[test]
fn a_failing_input_costs_only_itself_and_exit_status_one() {
    let o = newsprobe(&[
        "analyze",
        "--format",
        "jsonl",
        "/nonexistent/newsprobe-missing.txt",
        &example("articles.jsonl"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("/nonexistent/newsprobe-missing.txt"),
        "stderr: {err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(newsprobe(&["analyze"]).status.code(), Some(2));
    assert_eq!(
        newsprobe(&["analyze", "--format", "yaml", "x"])
            .status
            .code(),
        Some(2)
    );
}
