//! The pages, and the property that no article text reaches a page unescaped.

mod common;

use common::*;
use newsprobe_serve::Config;
use proptest::prelude::*;

fn cfg(db: &std::path::Path) -> Config {
    Config {
        db: Some(db.to_path_buf()),
        ..Default::default()
    }
}

#[tokio::test]
async fn paste_gives_the_report_page_with_the_finding_on_its_span() {
    let app = app(Config::default());
    let raw = example_article();
    let text = match &raw.content {
        newsprobe_core::Content::Text(t) => t.clone(),
        _ => unreachable!(),
    };
    let title = raw.title.clone().unwrap_or_default();
    let (ctype, body) = multipart(&[("title", &title), ("text", &text)], None);
    let r = post(&app, "/analyze", &ctype, body).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let page = r.text();
    // The finding and the mark of its evidence share a class the script looks up.
    let i = page.find("data-ev=\"ev-").expect("a finding");
    let ev = &page[i + 9..];
    let ev = &ev[..ev.find('"').unwrap()];
    assert!(page.contains("anonymous_sourcing"));
    assert!(
        page.contains(&format!(" {ev}\"")) || page.contains(&format!(" {ev} ")),
        "no mark with {ev}"
    );
    for part in [
        "<h2>Sources</h2>",
        "<h2>Quotes</h2>",
        "<h2>Entities</h2>",
        "<h2>Check-worthy sentences</h2>",
        "Legend",
    ] {
        assert!(page.contains(part), "{part}");
    }
    assert!(page.contains("/static/report.js"));
    assert!(!page.contains("<script>"), "no inline script under the CSP");
    // Download buttons post the article back with a format.
    let (ctype, body) = multipart(
        &[
            ("title", &title),
            ("text", &text),
            ("format", "annotations"),
        ],
        None,
    );
    let r = post(&app, "/analyze", &ctype, body).await;
    assert_eq!(r.json()["type"], "AnnotationCollection");
}

#[tokio::test]
async fn upload_reads_the_file_and_a_bad_upload_is_an_error_page() {
    let app = app(Config::default());
    let html = std::fs::read(repo().join("examples/harbour-report.html")).unwrap();
    let (ctype, body) = multipart(&[], Some(("harbour-report.html", &html)));
    let r = post(&app, "/analyze", &ctype, body).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("class=\"report\""));

    let (ctype, body) = multipart(
        &[],
        Some(("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0")),
    );
    let r = post(&app, "/analyze", &ctype, body).await;
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.text().contains("id=\"error\""));
    assert!(r.header("content-type").starts_with("text/html"));

    let (ctype, body) = multipart(&[("title", "")], None);
    assert_eq!(post(&app, "/analyze", &ctype, body).await.status, 400);
    assert_eq!(post(&app, "/analyze", "text/plain", "x").await.status, 415);
}

#[tokio::test]
async fn archive_pages_show_search_trace_sites_and_clusters() {
    let (_d, db) = archive();
    let app = app(cfg(&db));
    let p1 = get(&app, "/search?q=minister&per_page=2").await;
    assert_eq!(p1.status, 200);
    let t = p1.text();
    assert!(t.contains("class=\"hit\""));
    assert!(t.contains("id=\"next\""));
    assert!(t.contains("<mark"));
    let p2 = get(&app, "/search?q=minister&per_page=2&page=2")
        .await
        .text();
    assert!(p2.contains("id=\"prev\""));
    let bad = get(&app, "/search?q=%22oops").await;
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("unclosed"));

    let a = get(&app, "/articles/alarm-port").await;
    assert_eq!(a.status, 200);
    for link in [
        "/api/articles/alarm-port",
        "format=annotations",
        "/articles/alarm-port/trace",
    ] {
        assert!(a.text().contains(link), "{link}");
    }
    assert_eq!(get(&app, "/articles/nope").await.status, 404);

    let t = get(&app, "/articles/alarm-port/trace").await.text();
    let pat = "change-quote_altered\" data-flash=\"";
    let row = t.find(pat).expect("quote_altered row");
    let flash = &t[row + pat.len()..];
    let flash = &flash[..flash.find('"').unwrap()];
    let ids: Vec<&str> = flash.split(' ').collect();
    assert_eq!(ids.len(), 2, "both sides: {flash}");
    // Each side's mark sits in its side's cell of the aligned table.
    let cell_of = |id: &str| {
        let at = t.find(&format!("id=\"{id}\"")).expect(id);
        let cell = t[..at].rfind("<td class=\"").unwrap();
        t[cell..at].split('"').nth(1).unwrap().to_string()
    };
    assert_eq!(cell_of(ids[0]), "rw side rewrite");
    assert_eq!(cell_of(ids[1]), "src side sources");
    // The CLI's trace page, not a second one: its legend and aligned table.
    assert!(t.contains("class=\"legend\"") && t.contains("class=\"aligned\""));

    let s = get(&app, "/sites").await.text();
    assert!(s.contains("<svg") && s.contains("class=\"edge\"") && s.contains("class=\"site\""));
    let c = get(&app, "/clusters").await.text();
    assert!(c.contains("class=\"timeline\""));
    assert!(c.contains("/articles/alarm-port"));
}

/// Pieces of hostile text: markup, attribute breakers, a closing textarea, unicode tricks.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' autofocus onfocus='alert(1)",
        "</textarea><script>x()</script>",
        "</title><svg onload=alert(1)>",
        "<!--",
        "]]>",
        "&lt;script&gt;",
        "\u{202E}gnp.exe",
        "\u{FF1C}script\u{FF1E}",
        "\u{200B}",
        "e\u{301}",
        "🚀",
        "\0",
        "officials who declined to be named said",
        "\"We will not sell,\" the minister said.",
        " ",
        "\n\n",
        "Port",
    ]);
    prop::collection::vec(pieces, 1..24).prop_map(|v| v.concat())
}

/// Elements the server writes; anything else in a page came from the text.
const TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "link", "body", "header", "nav", "a", "b", "main",
    "div", "h1", "h2", "h3", "p", "span", "mark", "aside", "section", "ul", "ol", "li", "q",
    "table", "tr", "th", "td", "form", "input", "textarea", "label", "button", "details",
    "summary", "select", "option", "code", "br", "article", "script", "svg", "defs", "marker",
    "path", "line", "circle", "text",
];

/// Tag and attribute names of a page, read as a browser's tokenizer would (roughly).
fn tags_and_attributes(page: &str) -> Vec<(String, Vec<String>)> {
    let b = page.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if i < b.len() && b[i] == b'/' {
            i += 1;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'!') {
            i += 1;
        }
        let name = page[start..i].to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let mut attrs = Vec::new();
        while i < b.len() && b[i] != b'>' {
            if b[i].is_ascii_whitespace() || b[i] == b'/' {
                i += 1;
                continue;
            }
            let s = i;
            while i < b.len() && !b"=> \t\n/".contains(&b[i]) {
                i += 1;
            }
            attrs.push(page[s..i].to_ascii_lowercase());
            if i < b.len() && b[i] == b'=' {
                i += 1;
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    i += 1;
                    while i < b.len() && b[i] != q {
                        i += 1;
                    }
                    i += 1;
                } else {
                    while i < b.len() && !b"> \t\n".contains(&b[i]) {
                        i += 1;
                    }
                }
            }
        }
        out.push((name, attrs));
    }
    out
}

/// The page holds no markup but the server's own: no element, attribute or script from the text.
fn assert_no_raw(page: &str) {
    for (tag, attrs) in tags_and_attributes(page) {
        if tag == "!doctype" {
            continue;
        }
        assert!(
            TAGS.contains(&tag.as_str()),
            "element <{tag}> from the text"
        );
        for a in attrs {
            assert!(!a.starts_with("on"), "event attribute {a} on <{tag}>");
            assert!(
                !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "odd attribute {a:?} on <{tag}>"
            );
        }
    }
    assert!(!page.contains("</textarea"), "a closing textarea");
    assert!(!page.contains("<!--"));
    assert!(!page.contains('\0'));
    // The only scripts are the server's files.
    assert_eq!(
        page.matches("<script").count(),
        page.matches("<script src=\"/static/").count()
    );
}

#[test]
#[should_panic(expected = "element <img>")]
fn the_checker_sees_raw_markup() {
    assert_no_raw("<p>fine</p><img src=x onerror=alert(1)>");
}

#[test]
#[should_panic(expected = "event attribute")]
fn the_checker_sees_a_broken_attribute() {
    assert_no_raw("<input value=\"\" onmouseover=\"alert(1)\">");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, .. ProptestConfig::default() })]

    #[test]
    fn no_article_text_reaches_a_page_unescaped(title in hostile(), text in hostile()) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let app = app(Config::default());
            let (ctype, body) = multipart(&[("title", &title), ("text", &text), ("site", &title)], None);
            let r = post(&app, "/analyze", &ctype, body).await;
            assert_no_raw(&r.text());
            let (ctype, body) = multipart(&[], Some((&format!("{title}.txt"), text.as_bytes())));
            let r = post(&app, "/analyze", &ctype, body).await;
            assert_no_raw(&r.text());
            // Stored, searched, traced: the archive pages too.
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("p.db");
            let engine = newsprobe::Engine::default();
            let raw = newsprobe_core::RawArticle::from_text("x\"><b>id", Some(title.clone()), text.clone());
            if let Ok(rep) = engine.report(raw) {
                let mut a = newsprobe_archive::Archive::open(&db).unwrap();
                a.ingest(&[rep]).unwrap();
                drop(a);
                let app = app_with(std::sync::Arc::new(engine), cfg(&db));
                for uri in ["/articles/x%22%3E%3Cb%3Eid", "/articles/x%22%3E%3Cb%3Eid/trace", "/search?q=port", "/clusters", "/sites"] {
                    let r = get(&app, uri).await;
                    assert_no_raw(&r.text());
                    assert!(!r.text().contains("x\"><b>id"));
                }
            }
        });
    }
}
