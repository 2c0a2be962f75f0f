//! A server on a test archive of the bundled trace examples, driven in-process.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, Response};
use http_body_util::BodyExt;
use newsprobe::Engine;
use newsprobe_core::{RawArticle, Report};
use newsprobe_serve::{App, Backend, Config};
use tower::ServiceExt;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Reports of every record of the bundled trace examples (archives and inputs).
pub fn example_reports(engine: &Engine) -> Vec<Report> {
    let mut files = Vec::new();
    for case in ["port-sale", "border-closure", "ceasefire-talks"] {
        for f in ["archive.jsonl", "input.jsonl"] {
            files.push(
                repo()
                    .join("examples/trace")
                    .join(case)
                    .join(f)
                    .display()
                    .to_string(),
            );
        }
    }
    newsprobe_read::read_inputs(&files, None)
        .map(|r| {
            engine
                .report(r.expect("readable example"))
                .expect("analysable")
        })
        .collect()
}

/// A temporary archive holding the examples.
pub fn archive() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let engine = Engine::default();
    let mut a = newsprobe_archive::Archive::open(&db).unwrap();
    a.ingest(&example_reports(&engine)).unwrap();
    (dir, db)
}

pub fn app_with(backend: Arc<dyn Backend>, config: Config) -> Arc<App> {
    App::new(backend, config).unwrap()
}

pub fn app(config: Config) -> Arc<App> {
    app_with(Arc::new(Engine::default()), config)
}

pub struct Got {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Got {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }
}

pub async fn send(app: &Arc<App>, req: Request<Body>) -> Got {
    let res: Response<Body> = newsprobe_serve::router(app.clone())
        .oneshot(req)
        .await
        .unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Got {
        status,
        headers,
        body,
    }
}

pub async fn get(app: &Arc<App>, uri: &str) -> Got {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn post(app: &Arc<App>, uri: &str, ctype: &str, body: impl Into<Body>) -> Got {
    send(
        app,
        Request::post(uri)
            .header("content-type", ctype)
            .body(body.into())
            .unwrap(),
    )
    .await
}

/// A multipart/form-data body of text fields and optional file.
pub fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "XnewsprobeBoundary7MA4YWxkTrZu0gW";
    let mut b = Vec::new();
    for (k, v) in fields {
        b.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some((name, data)) = file {
        b.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        b.extend_from_slice(data);
        b.extend_from_slice(b"\r\n");
    }
    b.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), b)
}

pub fn example_article() -> RawArticle {
    let path = repo()
        .join("examples/shocking-port-deal.txt")
        .display()
        .to_string();
    newsprobe_read::read_inputs(&[path], None)
        .next()
        .unwrap()
        .unwrap()
}

pub fn example_json() -> String {
    let raw = example_article();
    let text = match raw.content {
        newsprobe_core::Content::Text(t) => t,
        _ => unreachable!(),
    };
    serde_json::json!({"title": raw.title, "text": text}).to_string()
}
