//! Every input kind through the public API: files of each kind, gzip variants, sniffing,
//! directories (order, skipped files), WARC records, malformed and oversized input.
//!
//! Generated fixtures (`crawl.warc`, `*.gz`, `story-koi8r.txt`) are rebuilt by the helpers
//! below with `NEWSPROBE_REGENERATE_FIXTURES=1`; otherwise the tests check that the committed
//! files still match them.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use newsprobe_core::{Content, RawArticle};
use newsprobe_read::{read_bytes, read_bytes_with, read_inputs, InputFormat, Limits, ReadError};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).to_string_lossy().into_owned()
}

fn read_all(inputs: &[String]) -> Vec<Result<RawArticle, ReadError>> {
    read_inputs(inputs, None).collect()
}

fn text_of(a: &RawArticle) -> &str {
    match &a.content {
        Content::Text(t) => t,
        Content::Html { .. } => panic!("expected text, got HTML for {}", a.id),
    }
}

fn html_of(a: &RawArticle) -> (&[u8], Option<&str>) {
    match &a.content {
        Content::Html { bytes, charset } => (bytes, charset.as_deref()),
        Content::Text(_) => panic!("expected HTML, got text for {}", a.id),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).expect("gzip in memory");
    enc.finish().expect("gzip in memory")
}

// ---------------------------------------------------------------------------------------------
// Fixture builders

/// One WARC record with the given header fields and block.
fn warc_record(fields: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = b"WARC/1.1\r\n".to_vec();
    for (k, v) in fields {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for (k, v) in headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

const RU_PAGE: &str = "<html><head><title>Новости</title></head><body><p>Городской совет \
                       утвердил бюджет на следующий год.</p></body></html>";

/// The records of `crawl.warc`, each as its own bytes (gzip per record for `.warc.gz`).
fn crawl_records() -> Vec<Vec<u8>> {
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(RU_PAGE);
    let gz_page =
        gzip(b"<html><body><p>Chunked and gzipped page about tram fares.</p></body></html>");
    let mut chunked = format!("{:x}\r\n", 10).into_bytes();
    chunked.extend_from_slice(&gz_page[..10]);
    chunked.extend_from_slice(format!("\r\n{:x}\r\n", gz_page.len() - 10).as_bytes());
    chunked.extend_from_slice(&gz_page[10..]);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let http = "application/http; msgtype=response";
    vec![
        warc_record(
            &[
                ("WARC-Type", "warcinfo"),
                (
                    "WARC-Record-ID",
                    "<urn:uuid:00000000-0000-4000-8000-000000000001>",
                ),
                ("Content-Type", "application/warc-fields"),
            ],
            b"software: newsprobe test helper\r\n",
        ),
        warc_record(
            &[
                ("WARC-Type", "request"),
                (
                    "WARC-Record-ID",
                    "<urn:uuid:00000000-0000-4000-8000-000000000002>",
                ),
                ("WARC-Target-URI", "https://city.example.org/budget"),
                ("Content-Type", "application/http; msgtype=request"),
            ],
            b"GET /budget HTTP/1.1\r\nHost: city.example.org\r\n\r\n",
        ),
        warc_record(
            &[
                ("WARC-Type", "response"),
                (
                    "WARC-Record-ID",
                    "<urn:uuid:00000000-0000-4000-8000-000000000003>",
                ),
                ("WARC-Target-URI", "https://city.example.org/budget"),
                ("Content-Type", http),
            ],
            &http_response(
                "200 OK",
                &[("Content-Type", "text/html; charset=windows-1251")],
                &cp1251,
            ),
        ),
        warc_record(
            &[
                ("WARC-Type", "metadata"),
                (
                    "WARC-Record-ID",
                    "<urn:uuid:00000000-0000-4000-8000-000000000004>",
                ),
                ("Content-Type", "application/warc-fields"),
            ],
            b"fetchTimeMs: 120\r\n",
        ),
        warc_record(
            &[
                ("WARC-Type", "response"),
                (
                    "WARC-Record-ID",
                    "<urn:uuid:00000000-0000-4000-8000-000000000005>",
                ),
                ("WARC-Target-URI", "https://city.example.org/logo.png"),
                ("Content-Type", http),
            ],
            &http_response(
                "200 OK",
                &[("Content-Type", "image/png")],
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            ),
        ),
        warc_record(
            &[
                ("WARC-Type", "response"),
                (
                    "WARC-Record-ID",
                    "<urn:uuid:00000000-0000-4000-8000-000000000006>",
                ),
                ("WARC-Target-URI", "https://city.example.org/old"),
                ("Content-Type", http),
            ],
            &http_response("301 Moved Permanently", &[("Location", "/budget")], b""),
        ),
        warc_record(
            &[
                ("WARC-Type", "resource"),
                (
                    "WARC-Record-ID",
                    "<urn:uuid:00000000-0000-4000-8000-000000000007>",
                ),
                ("WARC-Target-URI", "file:///notes/ferry.txt"),
                ("Content-Type", "text/plain; charset=utf-8"),
            ],
            "Ferry timetable changes\n\nFerries will run every 20 minutes from June.\n".as_bytes(),
        ),
        warc_record(
            &[
                ("WARC-Type", "response"),
                (
                    "WARC-Record-ID",
                    "<urn:uuid:00000000-0000-4000-8000-000000000008>",
                ),
                ("WARC-Target-URI", "https://city.example.org/trams"),
                ("Content-Type", http),
            ],
            &http_response(
                "200 OK",
                &[
                    ("Content-Type", "text/html"),
                    ("Transfer-Encoding", "chunked"),
                    ("Content-Encoding", "gzip"),
                ],
                &chunked,
            ),
        ),
        warc_record(
            &[
                ("WARC-Type", "response"),
                ("WARC-Target-URI", "https://city.example.org/no-id"),
                ("Content-Type", http),
            ],
            &http_response(
                "200 OK",
                &[("Content-Type", "text/html; charset=utf-8")],
                b"<p>A record without an id.</p>",
            ),
        ),
    ]
}

fn story_koi8r() -> Vec<u8> {
    let text = "Мост откроют в мае\n\nРемонт моста через реку завершится к маю, сообщили в мэрии. \
                Движение транспорта будет восстановлено полностью.\n";
    encoding_rs::KOI8_R.encode(text).0.into_owned()
}

/// Generated fixtures and their bytes.
fn generated() -> Vec<(&'static str, Vec<u8>)> {
    let warc: Vec<u8> = crawl_records().concat();
    let warc_gz: Vec<u8> = crawl_records().iter().flat_map(|r| gzip(r)).collect();
    let story = std::fs::read(fixtures().join("story.txt")).expect("story.txt fixture");
    let records = std::fs::read(fixtures().join("records.jsonl")).expect("records.jsonl fixture");
    vec![
        ("crawl.warc", warc),
        ("crawl.warc.gz", warc_gz),
        ("story.txt.gz", gzip(&story)),
        ("records.jsonl.gz", gzip(&records)),
        ("story-koi8r.txt", story_koi8r()),
    ]
}

#[test]
fn generated_fixtures_are_current() {
    let regenerate = std::env::var_os("NEWSPROBE_REGENERATE_FIXTURES").is_some();
    for (name, bytes) in generated() {
        let path = fixtures().join(name);
        if regenerate {
            std::fs::write(&path, &bytes).expect("write fixture");
            continue;
        }
        let on_disk = std::fs::read(&path).unwrap_or_else(|e| {
            panic!("fixture {name} missing ({e}); regenerate with NEWSPROBE_REGENERATE_FIXTURES=1")
        });
        // Compared by what they read as: compressed bytes differ between gzip backends.
        assert_eq!(
            read_bytes(name, &on_disk, None),
            read_bytes(name, &bytes, None),
            "{name} is stale; regenerate with NEWSPROBE_REGENERATE_FIXTURES=1"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Kinds by name

#[test]
fn html_file() {
    let got = read_all(&[fixture("article.html")]);
    assert_eq!(got.len(), 1);
    let a = got[0].as_ref().expect("article.html reads");
    assert_eq!(a.id, fixture("article.html"));
    assert_eq!(a.path.as_deref(), Some(fixture("article.html").as_str()));
    let (bytes, charset) = html_of(a);
    assert!(bytes.starts_with(b"<!DOCTYPE html>"));
    assert_eq!(charset, None);
}

#[test]
fn text_file_with_title() {
    for name in ["story.txt", "story.txt.gz"] {
        let got = read_all(&[fixture(name)]);
        let a = got[0].as_ref().expect("story reads");
        assert_eq!(
            a.title.as_deref(),
            Some("Library extends opening hours"),
            "{name}"
        );
        assert!(
            text_of(a).starts_with("The central library will stay open"),
            "{name}"
        );
        assert!(text_of(a).ends_with("4,000 students.\n"), "{name}");
    }
}

#[test]
fn koi8r_text_is_decoded() {
    let got = read_all(&[fixture("story-koi8r.txt")]);
    let a = got[0].as_ref().expect("koi8-r story reads");
    assert_eq!(a.title.as_deref(), Some("Мост откроют в мае"));
    assert!(text_of(a).starts_with("Ремонт моста через реку"));
}

#[test]
fn jsonl_file_and_gzip() {
    for name in ["records.jsonl", "records.jsonl.gz"] {
        let path = fixture(name);
        let got = read_all(std::slice::from_ref(&path));
        assert_eq!(got.len(), 4, "{name}");
        let a = got[0].as_ref().expect("record 1");
        assert_eq!(a.id, "rec-1");
        assert_eq!(a.site.as_deref(), Some("Example News"));
        assert_eq!(a.published.as_deref(), Some("2025-03-14T09:30:00Z"));
        let b = got[1].as_ref().expect("record 2");
        assert_eq!(b.id, format!("{path}:2"));
        assert_eq!(html_of(b).1, Some("utf-8"));
        let err = got[2].as_ref().expect_err("line 3 is malformed");
        assert_eq!(err.location, format!("{path}:3"));
        assert_eq!(got[3].as_ref().expect("record 4").id, "rec-4");
    }
}

#[test]
fn warc_and_warc_gz() {
    for name in ["crawl.warc", "crawl.warc.gz"] {
        let path = fixture(name);
        let got = read_all(std::slice::from_ref(&path));
        let ids: Vec<String> = got
            .iter()
            .map(|r| {
                r.as_ref()
                    .map(|a| a.id.clone())
                    .unwrap_or_else(|e| e.to_string())
            })
            .collect();
        assert_eq!(
            ids,
            [
                "urn:uuid:00000000-0000-4000-8000-000000000003".to_string(),
                "urn:uuid:00000000-0000-4000-8000-000000000007".to_string(),
                "urn:uuid:00000000-0000-4000-8000-000000000008".to_string(),
                format!("{path}#9"),
            ],
            "{name}"
        );
        let ru = got[0].as_ref().unwrap();
        assert_eq!(ru.url.as_deref(), Some("https://city.example.org/budget"));
        let (bytes, charset) = html_of(ru);
        assert_eq!(charset, Some("windows-1251"));
        let (decoded, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
        assert_eq!(decoded, RU_PAGE);
        let ferry = got[1].as_ref().unwrap();
        assert_eq!(ferry.title.as_deref(), Some("Ferry timetable changes"));
        assert_eq!(
            text_of(ferry),
            "Ferries will run every 20 minutes from June.\n"
        );
        let trams = got[2].as_ref().unwrap();
        assert_eq!(
            html_of(trams).0,
            b"<html><body><p>Chunked and gzipped page about tram fares.</p></body></html>"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Sniffing, forcing, directories

#[test]
fn unnamed_file_is_sniffed() {
    let got = read_all(&[fixture("unnamed-page")]);
    assert!(matches!(
        got[0].as_ref().unwrap().content,
        Content::Html { .. }
    ));
    let got = read_inputs(&[fixture("unnamed-page")], Some(InputFormat::Text)).collect::<Vec<_>>();
    assert!(matches!(got[0].as_ref().unwrap().content, Content::Text(_)));
}

#[test]
fn sniffing_in_memory() {
    let jsonl = read_bytes("-", b"{\"text\":\"Piped record.\"}\n", None);
    assert_eq!(jsonl[0].as_ref().unwrap().id, "-:1");
    let warc = crawl_records().concat();
    assert_eq!(read_bytes("-", &warc, None).len(), 4);
    let gz = gzip(&gzip(b"<p>Twice compressed page.</p>"));
    assert!(matches!(
        read_bytes("blob", &gz, None)[0].as_ref().unwrap().content,
        Content::Html { .. }
    ));
    let text = read_bytes("notes", b"Plain words from a pipe.", None);
    assert_eq!(
        text_of(text[0].as_ref().unwrap()),
        "Plain words from a pipe."
    );
}

#[test]
fn directory_is_walked_in_sorted_order() {
    let dir = fixtures();
    let got = read_all(&[dir.to_string_lossy().into_owned()]);
    let mut sources: Vec<String> = Vec::new();
    for r in &got {
        let location = match r {
            Ok(a) => a.path.clone().unwrap_or_default(),
            Err(e) => e.location.clone(),
        };
        let rel = location
            .strip_prefix(&format!("{}/", dir.display()))
            .unwrap_or(&location)
            .split([':', '#'])
            .next()
            .unwrap_or("")
            .to_string();
        if sources.last() != Some(&rel) {
            sources.push(rel);
        }
    }
    assert_eq!(
        sources,
        [
            "article.html",
            "crawl.warc",
            "crawl.warc.gz",
            "nested/deeper/note.txt",
            "records.jsonl",
            "records.jsonl.gz",
            "story-koi8r.txt",
            "story.txt",
            "story.txt.gz",
        ]
    );
    // Same again: the order is stable.
    let again = read_all(&[dir.to_string_lossy().into_owned()]);
    assert_eq!(got, again);
}

// ---------------------------------------------------------------------------------------------
// Bad input

#[test]
fn missing_and_empty_inputs_name_the_file() {
    let tmp = std::env::temp_dir().join(format!("newsprobe-read-empty-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let empty = tmp.join("empty.html");
    std::fs::write(&empty, b"").unwrap();
    let blank = tmp.join("blank.txt");
    std::fs::write(&blank, b"\n \n\t\n").unwrap();
    let empty_gz = tmp.join("empty.jsonl.gz");
    std::fs::write(&empty_gz, gzip(b"")).unwrap();
    let inputs = [
        "/no/such/dir/story.txt".to_string(),
        empty.to_string_lossy().into_owned(),
        blank.to_string_lossy().into_owned(),
        empty_gz.to_string_lossy().into_owned(),
        fixture("story.txt"),
    ];
    let got = read_all(&inputs);
    let messages: Vec<String> = got
        .iter()
        .map(|r| match r {
            Ok(a) => format!("ok {}", a.id),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(
        messages[0],
        "/no/such/dir/story.txt: no such file or directory"
    );
    assert_eq!(messages[1], format!("{}: empty file", empty.display()));
    assert_eq!(
        messages[2],
        format!("{}: empty file (only white space)", blank.display())
    );
    assert_eq!(
        messages[3],
        format!("{}: empty file (after gunzip)", empty_gz.display())
    );
    assert_eq!(messages[4], format!("ok {}", fixture("story.txt")));
    std::fs::remove_dir_all(&tmp).ok();
}

#[test]
fn binary_junk_is_a_clear_error() {
    let junk: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8)
        .collect();
    for name in ["junk.html", "junk.txt", "junk"] {
        let got = read_bytes(name, &junk, None);
        let err = got[0].as_ref().expect_err("junk is refused");
        assert!(err.message.starts_with("binary data"), "{name}: {err}");
    }
    let got = read_bytes("photo.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None);
    assert_eq!(
        got[0].as_ref().unwrap_err().message,
        "binary data (a PNG image), not HTML"
    );
}

#[test]
fn broken_gzip_is_an_error() {
    let whole = gzip(b"<html><body><p>Cut short.</p></body></html>");
    let cut = &whole[..whole.len() / 2];
    let got = read_bytes("cut.html.gz", cut, None);
    let err = got[0].as_ref().expect_err("truncated gzip");
    assert!(
        err.message.starts_with("invalid or truncated gzip data"),
        "{err}"
    );
    let got = read_bytes("bad.html.gz", b"\x1f\x8bnot really gzip at all", None);
    assert!(got[0].is_err());
}

#[test]
fn oversized_document_is_refused() {
    let limits = Limits {
        max_document_bytes: 1000,
        ..Limits::default()
    };
    let page = format!("<html><body>{}</body></html>", "<p>words</p>".repeat(200));
    let got = read_bytes_with("big.html", page.as_bytes(), None, limits);
    let err = got[0].as_ref().expect_err("over the cap");
    assert!(
        err.message.contains("larger than the 1000 bytes limit"),
        "{err}"
    );
    // Also when the size is only known after decompression.
    let got = read_bytes_with("big.html.gz", &gzip(page.as_bytes()), None, limits);
    assert!(got[0].as_ref().unwrap_err().message.contains("larger than"));
}

#[test]
fn malformed_warc_records_and_recovery() {
    let records = crawl_records();
    let mut data = Vec::new();
    data.extend_from_slice(&records[2]); // good (#1)
    data.extend_from_slice(b"this is not a record\r\nmore junk\r\n\r\n"); // junk (#2)
    data.extend_from_slice(&records[6]); // good, found by resync (#3)
    data.extend_from_slice(
        b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nbody\r\n\r\n",
    ); // #4
    data.extend_from_slice(&records[8]); // good (#5)
    let mut truncated = records[2].clone();
    truncated.truncate(truncated.len() - 40);
    data.extend_from_slice(&truncated); // #6, cut short
    let got = read_bytes("bad.warc", &data, None);
    let summary: Vec<String> = got
        .iter()
        .map(|r| match r {
            Ok(a) => format!("ok {}", a.id),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(summary.len(), 6, "{summary:#?}");
    assert_eq!(
        summary[0],
        "ok urn:uuid:00000000-0000-4000-8000-000000000003"
    );
    assert!(
        summary[1].starts_with("bad.warc#2: expected a WARC record header"),
        "{}",
        summary[1]
    );
    assert_eq!(
        summary[2],
        "ok urn:uuid:00000000-0000-4000-8000-000000000007"
    );
    assert_eq!(
        summary[3],
        "bad.warc#4: record without a valid Content-Length"
    );
    assert_eq!(summary[4], "ok bad.warc#5");
    assert!(
        summary[5].starts_with("bad.warc#6: truncated record"),
        "{}",
        summary[5]
    );
}

#[test]
fn oversized_warc_record_is_skipped_with_an_error() {
    let limits = Limits {
        max_document_bytes: 100,
        ..Limits::default()
    };
    let records = crawl_records();
    let big_page = format!("<html><body>{}</body></html>", "<p>x</p>".repeat(50));
    let big = warc_record(
        &[("WARC-Type", "resource"), ("Content-Type", "text/html")],
        big_page.as_bytes(),
    );
    let mut data = big;
    data.extend_from_slice(&records[8]);
    let got = read_bytes_with("big.warc", &data, None, limits);
    assert_eq!(got.len(), 2);
    assert!(got[0]
        .as_ref()
        .unwrap_err()
        .message
        .contains("larger than the 100 bytes limit"));
    assert_eq!(got[1].as_ref().unwrap().id, "big.warc#2");
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_trap_the_walk() {
    let tmp = std::env::temp_dir().join(format!("newsprobe-read-loop-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(tmp.join("sub")).unwrap();
    std::fs::write(tmp.join("sub/story.txt"), b"The tunnel reopened on Sunday.").unwrap();
    std::os::unix::fs::symlink(&tmp, tmp.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(tmp.join("sub/story.txt"), tmp.join("linked.txt")).unwrap();
    let got = read_all(&[tmp.to_string_lossy().into_owned()]);
    let ids: Vec<String> = got.iter().map(|r| r.as_ref().unwrap().id.clone()).collect();
    assert_eq!(
        ids,
        [
            tmp.join("linked.txt").to_string_lossy().into_owned(),
            tmp.join("sub/story.txt").to_string_lossy().into_owned(),
        ]
    );
    std::fs::remove_dir_all(&tmp).ok();
}
