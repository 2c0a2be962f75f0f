//! Every endpoint of the JSON API and every error status it answers.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use newsprobe_core::{RawArticle, Report};
use newsprobe_serve::{Backend, Config};

fn cfg(db: &std::path::Path) -> Config {
    Config {
        db: Some(db.to_path_buf()),
        ..Default::default()
    }
}

#[tokio::test]
async fn analyze_answers_the_report_in_every_format() {
    let app = app(Config::default());
    let r = post(&app, "/api/analyze", "application/json", example_json()).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.header("content-type").starts_with("application/json"));
    let v = r.json();
    assert_eq!(v["schema_version"], "1");
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"anonymous_sourcing"), "{kinds:?}");
    // The same report as the CLI's engine makes.
    let direct = newsprobe::Engine::default()
        .report(example_article())
        .unwrap();
    assert_eq!(v["text"], serde_json::json!(direct.text));
    assert_eq!(
        v["findings"].as_array().unwrap().len(),
        direct.findings.len()
    );

    let csv = post(
        &app,
        "/api/analyze?format=csv",
        "application/json",
        example_json(),
    )
    .await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert_eq!(csv.text().lines().count(), 2, "{}", csv.text());

    let ann = post(
        &app,
        "/api/analyze?format=annotations&download=1",
        "application/json",
        example_json(),
    )
    .await;
    assert_eq!(ann.status, 200);
    assert_eq!(ann.header("content-type"), "application/ld+json");
    assert!(ann.header("content-disposition").starts_with("attachment"));
    let a = ann.json();
    assert_eq!(a["type"], "AnnotationCollection");
    let item = &a["first"]["items"][0];
    assert_eq!(item["target"]["selector"][0]["type"], "TextQuoteSelector");
    assert_eq!(
        item["target"]["selector"][1]["type"],
        "TextPositionSelector"
    );

    let html = post(
        &app,
        "/api/analyze?format=html",
        "application/json",
        example_json(),
    )
    .await;
    assert!(html.text().starts_with("<!DOCTYPE html>"));
    let text = post(
        &app,
        "/api/analyze?format=text",
        "application/json",
        example_json(),
    )
    .await;
    assert!(text.header("content-type").starts_with("text/plain"));

    let html_in = serde_json::json!({"html": "<html><head><title>Port sold</title></head><body><article><p>The port was sold, officials who declined to be named said on Monday, in a deal nobody saw coming.</p></article></body></html>", "url": "https://example.org/a"});
    let r = post(
        &app,
        "/api/analyze",
        "application/json",
        html_in.to_string(),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["source"]["url"], "https://example.org/a");
}

#[tokio::test]
async fn analyze_errors_are_json_with_fitting_statuses() {
    let app = app(Config {
        max_body: 1000,
        ..Default::default()
    });
    let cases: Vec<(&str, &str, String, u16)> = vec![
        ("/api/analyze", "text/plain", "{}".into(), 415),
        ("/api/analyze", "application/json", "{not json".into(), 400),
        ("/api/analyze", "application/json", "{}".into(), 400),
        (
            "/api/analyze",
            "application/json",
            r#"{"text":"a","html":"b"}"#.into(),
            400,
        ),
        (
            "/api/analyze",
            "application/json",
            r#"{"text":"   "}"#.into(),
            400,
        ),
        (
            "/api/analyze?format=pdf",
            "application/json",
            r#"{"text":"Hello there, world."}"#.into(),
            400,
        ),
        (
            "/api/analyze",
            "application/json",
            format!(r#"{{"text":"{}"}}"#, "a ".repeat(1000)),
            413,
        ),
        ("/api/analyze/batch", "application/json", "{}".into(), 415),
        ("/api/trace", "text/plain", "{}".into(), 415),
    ];
    for (uri, ctype, body, status) in cases {
        let r = post(&app, uri, ctype, body.clone()).await;
        assert_eq!(r.status, status, "{uri} {ctype} {body:.60}: {}", r.text());
        let v = r.json();
        assert_eq!(v["error"]["status"], status);
        assert!(!v["error"]["message"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn batch_streams_one_line_per_record() {
    let app = app(Config::default());
    let body = std::fs::read(repo().join("examples/articles.jsonl")).unwrap();
    let n = body
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    let mut with_bad = body.clone();
    with_bad.extend_from_slice(b"{\"id\": \"bad\"\n");
    let r = post(&app, "/api/analyze/batch", "application/x-ndjson", with_bad).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/x-ndjson");
    let lines: Vec<serde_json::Value> = r
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), n + 1);
    assert!(lines[..n].iter().all(|l| l["schema_version"] == "1"));
    assert_eq!(lines[n]["error"]["line"], n as u64 + 1);
}

#[tokio::test]
async fn stored_articles_search_trace_clusters_sites() {
    let (_d, db) = archive();
    let app = app(cfg(&db));
    let r = get(&app, "/api/articles/alarm-port").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["source"]["id"], "alarm-port");
    let r = get(&app, "/api/articles/alarm-port?format=csv&download=1").await;
    assert!(r.header("content-disposition").contains("alarm-port.csv"));
    let r = get(&app, "/api/articles/no-such-id").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"]["status"], 404);

    // Search, paged: two pages of two, different hits, `more` on the first.
    let p1 = get(&app, "/api/search?q=minister&per_page=2").await.json();
    let p2 = get(&app, "/api/search?q=minister&per_page=2&page=2")
        .await
        .json();
    assert_eq!(p1["hits"].as_array().unwrap().len(), 2);
    assert_eq!(p1["more"], true);
    assert_ne!(p1["hits"][0]["id"], p2["hits"][0]["id"]);
    let hl = &p1["hits"][0]["highlights"];
    assert!(!hl.as_array().unwrap().is_empty());
    // Filters become the query language.
    let f = get(&app, "/api/search?q=minister&site=euro-alarm.example")
        .await
        .json();
    assert!(f["query"]
        .as_str()
        .unwrap()
        .contains("site:\"euro-alarm.example\""));
    assert!(f["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["site"] == "euro-alarm.example"));
    assert!(!f["hits"].as_array().unwrap().is_empty());
    let f = get(
        &app,
        "/api/search?q=terminal&type=anonymous&from=2026-03-05&to=2026-03-05",
    )
    .await
    .json();
    assert_eq!(f["hits"][0]["id"], "truth-port", "{f}");
    for bad in [
        "/api/search?q=%22unclosed",
        "/api/search",
        "/api/search?q=x&type=secret",
        "/api/search?q=x&page=abc",
        "/api/search?q=x&page=1000",
    ] {
        let r = get(&app, bad).await;
        assert_eq!(r.status, 400, "{bad}: {}", r.text());
    }

    // Trace of a stored rewrite: the altered quote, with both sides.
    let t = get(&app, "/api/articles/alarm-port/trace").await;
    assert_eq!(t.status, 200);
    let t = t.json();
    let altered = t["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "quote_altered")
        .expect("a quote_altered change");
    assert!(altered["source_span"]["text"].as_str().is_some());
    assert_eq!(get(&app, "/api/articles/nope/trace").await.status, 404);

    // POST /api/trace: an article not stored.
    let input =
        std::fs::read_to_string(repo().join("examples/trace/port-sale/input.jsonl")).unwrap();
    let mut rec: serde_json::Value = serde_json::from_str(input.lines().next().unwrap()).unwrap();
    rec["id"] = "posted".into();
    let r = post(&app, "/api/trace", "application/json", rec.to_string()).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(!r.json()["sources"].as_array().unwrap().is_empty());

    let c = get(&app, "/api/clusters").await.json();
    assert!(c["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["members"].as_array().unwrap().len() > 1));
    let s = get(&app, "/api/sites").await.json();
    assert!(!s["site_links"].as_array().unwrap().is_empty());
    assert_eq!(get(&app, "/api/sites?min_similarity=2").await.status, 400);
    assert_eq!(get(&app, "/api/sites?min_similarity=x").await.status, 400);
    let r = get(&app, "/api/nothing-here").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"]["status"], 404);
}

#[tokio::test]
async fn without_an_archive_the_archive_endpoints_are_404() {
    let app = app(Config::default());
    for uri in [
        "/api/search?q=x",
        "/api/clusters",
        "/api/sites",
        "/api/articles/x",
    ] {
        assert_eq!(get(&app, uri).await.status, 404, "{uri}");
    }
    let missing = newsprobe_serve::App::new(
        Arc::new(newsprobe::Engine::default()),
        Config {
            db: Some("/nonexistent/dir/news.db".into()),
            ..Default::default()
        },
    );
    assert!(missing.is_err());
}

#[tokio::test]
async fn ingest_needs_the_flag_and_the_token_and_does_not_block_readers() {
    let (_d, db) = archive();
    let closed = app(cfg(&db));
    let rec = r#"{"id":"new-1","site":"x.example","title":"Zanzibar harbour reopens","text":"The Zanzibar harbour reopened on Monday, officials said."}"#;
    assert_eq!(
        post(&closed, "/api/ingest", "application/x-ndjson", rec)
            .await
            .status,
        404
    );

    let open = app(Config {
        ingest_token: Some("s3cret".into()),
        ..cfg(&db)
    });
    let no_token = post(&open, "/api/ingest", "application/x-ndjson", rec).await;
    assert_eq!(no_token.status, 401);
    let req = |token: &str, ctype: &str, body: &str| {
        axum::http::Request::post("/api/ingest")
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", ctype)
            .body(axum::body::Body::from(body.to_string()))
            .unwrap()
    };
    assert_eq!(
        send(&open, req("wrong", "application/x-ndjson", rec))
            .await
            .status,
        401
    );
    assert_eq!(
        send(&open, req("s3cret", "application/json", rec))
            .await
            .status,
        415
    );
    // Searched before the ingest (twice: the second answer comes from the search cache)...
    for _ in 0..2 {
        let before = get(&open, "/api/search?q=zanzibar").await.json();
        assert_eq!(before["hits"].as_array().map(Vec::len), Some(0));
    }
    let body = format!("{rec}\nnot json\n");
    let r = send(&open, req("s3cret", "application/x-ndjson", &body)).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["stored"], 1);
    assert_eq!(r.json()["failed"][0]["line"], 2);
    // ...readers see it at once: the commit emptied the cache.
    let hits = get(&open, "/api/search?q=zanzibar").await.json();
    assert_eq!(hits["hits"][0]["id"], "new-1");
}

/// A backend that holds each analysis until told to go on.
struct Slow(newsprobe::Engine);

impl Backend for Slow {
    fn report(&self, raw: RawArticle) -> Result<Report, String> {
        std::thread::sleep(Duration::from_millis(400));
        Backend::report(&self.0, raw)
    }
    fn render(&self, r: &[Report], f: &str) -> Result<Vec<u8>, String> {
        self.0.render(r, f)
    }
    fn page(&self, r: &[Report], top: &str, tail: &str) -> String {
        self.0.page(r, top, tail)
    }
    fn page_script(&self) -> &'static str {
        self.0.page_script()
    }
    fn trace_page(&self, t: &[newsprobe_archive::Trace], top: &str, tail: &str) -> String {
        self.0.trace_page(t, top, tail)
    }
    fn trace_script(&self) -> &'static str {
        self.0.trace_script()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_is_answered_429_at_once() {
    let app = app_with(
        Arc::new(Slow(newsprobe::Engine::default())),
        Config {
            workers: 1,
            queue: 1,
            ..Default::default()
        },
    );
    let body = r#"{"title":"Hello","text":"The port was sold, officials said."}"#;
    let a2 = app.clone();
    let first =
        tokio::spawn(async move { post(&a2, "/api/analyze", "application/json", body).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = std::time::Instant::now();
    let second = post(&app, "/api/analyze", "application/json", body).await;
    assert_eq!(second.status, 429, "{}", second.text());
    assert!(started.elapsed() < Duration::from_millis(200));
    assert_eq!(second.json()["error"]["status"], 429);
    assert_eq!(first.await.unwrap().status, 200);
    // Admitted again once the first is done.
    assert_eq!(
        post(&app, "/api/analyze", "application/json", body)
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn openapi_lists_every_endpoint_and_every_response_has_a_csp() {
    let (_d, db) = archive();
    let app = app(cfg(&db));
    let r = get(&app, "/api/openapi.json").await;
    assert_eq!(r.status, 200);
    let v = r.json();
    for p in [
        "/api/analyze",
        "/api/analyze/batch",
        "/api/articles/{id}",
        "/api/articles/{id}/trace",
        "/api/search",
        "/api/trace",
        "/api/clusters",
        "/api/sites",
        "/api/ingest",
    ] {
        assert!(v["paths"][p].is_object(), "{p} missing");
    }
    for uri in [
        "/",
        "/search",
        "/search?q=minister",
        "/articles/alarm-port",
        "/articles/alarm-port/trace",
        "/sites",
        "/clusters",
        "/static/app.css",
        "/static/trace.js",
        "/static/report.js",
        "/nope",
        "/api/openapi.json",
    ] {
        let r = get(&app, uri).await;
        assert!(
            r.header("content-security-policy")
                .contains("script-src 'self'"),
            "{uri}"
        );
        assert_eq!(r.header("x-content-type-options"), "nosniff", "{uri}");
    }
}
