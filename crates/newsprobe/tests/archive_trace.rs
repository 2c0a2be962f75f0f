//! The hand-written trace cases of `examples/trace/` through the real binary: ingest each
//! case's archive, trace its input, and check every expected change, the ranking of true
//! sources above distractors, and the near-copies. Also exercises search and clusters on it.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/trace");

fn newsprobe(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsprobe"))
        .args(args)
        .output()
        .expect("running newsprobe");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn cases() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(CASES)
        .unwrap_or_else(|e| panic!("examples/trace missing at {CASES}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        // nato-strike reads its input from ../shared/cases (tested in the archive crate).
        .filter(|p| p.join("expected.json").exists() && p.join("input.jsonl").exists())
        .collect();
    v.sort();
    assert!(v.len() >= 2, "expected at least two cases in {CASES}");
    v
}

fn ingest(case: &Path, db: &Path) {
    let archive = case.join("archive.jsonl");
    let (rc, _, err) = newsprobe(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        archive.to_str().unwrap(),
    ]);
    assert_eq!(rc, 0, "ingest failed: {err}");
}

#[test]
fn trace_finds_every_change_of_every_case() {
    let mut failures = Vec::new();
    for case in cases() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("archive.db");
        ingest(&case, &db);
        let input = case.join("input.jsonl");
        let (rc, out, err) = newsprobe(&[
            "trace",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "json",
            input.to_str().unwrap(),
        ]);
        assert_eq!(rc, 0, "trace failed: {err}");
        let trace: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        let record: Value = serde_json::from_str(
            std::fs::read_to_string(&input)
                .unwrap()
                .lines()
                .next()
                .unwrap(),
        )
        .unwrap();
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
                .unwrap();
        assert_eq!(trace["article"]["id"], expected["input"]);
        let errors = newsprobe_archive::expect::check(
            &trace,
            &expected,
            record["text"].as_str().unwrap_or(""),
            record["title"].as_str().unwrap_or(""),
        );
        if !errors.is_empty() {
            failures.push(format!(
                "{}:\n  {}\n{out}",
                case.display(),
                errors.join("\n  ")
            ));
        }
        // Every source was published before the input.
        for s in trace["sources"].as_array().unwrap() {
            assert!(
                s["published"].as_str() < record["published"].as_str(),
                "{s}"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn search_and_clusters_on_a_case_archive() {
    let case = cases()
        .into_iter()
        .find(|c| c.ends_with("border-closure"))
        .expect("border-closure case");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("archive.db");
    let dbs = db.to_str().unwrap();
    ingest(&case, &db);
    // Re-ingesting replaces: the count stays the same.
    ingest(&case, &db);
    let (rc, out, err) = newsprobe(&[
        "search",
        "--db",
        dbs,
        "--format",
        "json",
        "Vaalimaa",
        "site:helsinki-herald.example",
    ]);
    assert_eq!(rc, 0, "{err}");
    let hits: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(hits[0]["id"], "herald-border", "{out}");
    assert_eq!(hits.as_array().unwrap().len(), 1);
    let (rc, out, _) = newsprobe(&[
        "search",
        "--db",
        dbs,
        "\"proportionate measure\"",
        "published:<2026-02-10T09:00:00Z",
    ]);
    assert_eq!(rc, 0);
    assert!(
        out.contains("herald-border") && !out.contains("wire-border"),
        "{out}"
    );
    assert!(out.contains("«proportionate measure»"), "{out}");
    for f in ["jsonl", "csv", "html"] {
        let (rc, out, _) = newsprobe(&["search", "--db", dbs, "--format", f, "border"]);
        assert_eq!(rc, 0);
        assert!(out.contains("herald-border"), "{f}: {out}");
    }
    let (rc, _, err) = newsprobe(&["search", "--db", dbs, "type:secret"]);
    assert_eq!(rc, 2, "{err}");

    let (rc, out, err) = newsprobe(&["clusters", "--db", dbs, "--format", "json"]);
    assert_eq!(rc, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let clusters = v["clusters"].as_array().unwrap();
    let mut members: Vec<&str> = clusters
        .iter()
        .flat_map(|c| {
            c["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap())
        })
        .collect();
    members.sort_unstable();
    let n = members.len();
    members.dedup();
    assert_eq!(n, 7, "every stored article once: {out}");
    assert_eq!(members.len(), 7);
    let story = clusters
        .iter()
        .find(|c| {
            c["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == "herald-border")
        })
        .unwrap();
    let story_members = story["members"].as_array().unwrap();
    for id in ["wire-border", "patriot-border", "eutruth-border"] {
        assert!(
            story_members.iter().any(|m| m == id),
            "{id} not with its story: {out}"
        );
    }
    for id in ["herald-tram", "wire-estonia", "baltic-fish"] {
        assert!(
            !story_members.iter().any(|m| m == id),
            "{id} wrongly in the story: {out}"
        );
    }
    assert_eq!(story["first_published"], "2026-02-10T08:00:00Z");
    assert!(story["id"].is_string() && story["label"].is_string());

    let (rc, out, err) = newsprobe(&["clusters", "--db", dbs, "--by", "site"]);
    assert_eq!(rc, 0, "{err}");
    assert!(
        out.contains("patriot-alert.example -> eu-truth.example  1 near-copy"),
        "{out}"
    );
}

#[test]
fn archive_commands_fail_cleanly_without_an_archive() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let (rc, _, err) = newsprobe(&["search", "--db", db.to_str().unwrap(), "port"]);
    assert_ne!(rc, 0);
    assert!(err.contains("no such archive"), "{err}");
    assert!(!db.exists());
}
