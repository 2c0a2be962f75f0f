//! `newsprobe serve` and `analyze --format annotations` through the real binary.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn example(name: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/").to_string() + name
}

#[test]
fn annotations_format_gives_web_annotation_json_ld() {
    let o = Command::new(env!("CARGO_BIN_EXE_newsprobe"))
        .args([
            "analyze",
            "--format",
            "annotations",
            &example("shocking-port-deal.txt"),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert!(items
        .iter()
        .any(|a| a["motivation"] == "assessing" && a["body"][1]["value"] == "anonymous_sourcing"));
}

#[test]
fn serve_refuses_bad_settings() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_newsprobe"))
            .args(args)
            .env_remove("NEWSPROBE_TOKEN")
            .output()
            .unwrap()
    };
    let o = run(&["serve", "--db", "/nonexistent/news.db"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such archive"));
    let o = run(&["serve", "--db", "/tmp/x.db", "--allow-ingest"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("needs a token"));
}

#[test]
fn serve_answers_on_its_address() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsprobe"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let mut s = TcpStream::connect(&addr).unwrap();
    write!(
        s,
        "GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut res = String::new();
    s.read_to_string(&mut res).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(res.starts_with("HTTP/1.1 200"), "{res:.200}");
    assert!(res.to_ascii_lowercase().contains("content-security-policy"));
    assert!(res.contains("id=\"analyze\""));
}
