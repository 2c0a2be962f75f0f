//! Bad input: empty, binary junk, truncated markup, NUL bytes, huge pages, absurd nesting.
//! Every case must return quickly with a result or a clear error, never panic or hang.

use std::time::{Duration, Instant};

use newsprobe_html::{extract, HtmlError};

const PAGE: &str = r#"<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Grève à la SNCF – Le Quotidien</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Grève à la SNCF","datePublished":"2022-10-03T06:00:00+02:00","author":{"@type":"Person","name":"Élodie Martin"}}</script>
</head><body><nav><a href="/">Accueil</a></nav><article><h1>Grève à la SNCF</h1>
<p>Les syndicats de cheminots ont appelé à une grève reconductible à partir de lundi, pour protester contre la réforme des retraites présentée la semaine dernière.</p>
<p>La direction prévoit un train sur trois sur les grandes lignes et recommande aux voyageurs de reporter leurs déplacements, a indiqué un porte-parole.</p>
</article><footer>© Le Quotidien</footer></body></html>"#;

/// A small deterministic generator so the junk is the same on every run.
fn junk(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 56) as u8
        })
        .collect()
}

#[test]
fn empty_and_blank_pages_are_errors() {
    assert!(matches!(extract(b"", None, None), Err(HtmlError::Empty)));
    assert!(matches!(
        extract(b"\0\0 \0", None, None),
        Err(HtmlError::Empty)
    ));
    // A UTF-16 byte-order mark followed by one space.
    assert!(matches!(
        extract(&[0xFF, 0xFE, 0x20, 0x00], None, None),
        Err(HtmlError::Empty)
    ));
    assert!(matches!(
        extract(b" \n\t\r\n", None, None),
        Err(HtmlError::Empty)
    ));
}

#[test]
fn binary_junk_is_rejected_clearly() {
    for seed in 0..20 {
        match extract(&junk(5000, seed), None, None) {
            Err(HtmlError::NotHtml(why)) => assert!(why.contains("binary"), "{why}"),
            Ok(got) => panic!("junk accepted as a page: {:?}", got.text.get(..80)),
            Err(e) => panic!("unexpected error {e}"),
        }
    }
    // A PNG signature followed by junk, and a gzip stream handed over without decompression.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(junk(2000, 99));
    assert!(extract(&png, None, None).is_err());
    let mut gz = vec![0x1f, 0x8b, 0x08, 0x00];
    gz.extend(junk(2000, 7));
    assert!(extract(&gz, None, None).is_err());
}

#[test]
fn truncated_html_gives_best_effort() {
    let bytes = PAGE.as_bytes();
    for cut in (1..bytes.len()).step_by(7) {
        // Cuts land anywhere, even inside a multi-byte character or a tag.
        let result = extract(&bytes[..cut], None, None);
        if let Err(e) = &result {
            assert!(
                matches!(e, HtmlError::Empty | HtmlError::NotHtml(_)),
                "cut {cut}: {e}"
            );
        }
    }
    let half =
        extract(&bytes[..bytes.len() * 3 / 4], None, None).expect("three quarters of a page");
    assert!(half.text.contains("grève reconductible"), "{}", half.text);
    assert_eq!(half.title.as_deref(), Some("Grève à la SNCF"));
}

#[test]
fn nul_bytes_are_dropped_not_fatal() {
    let with_nuls = PAGE
        .replace("cheminots", "chemi\0nots")
        .replace("<p>", "<p>\0\0");
    let got = extract(with_nuls.as_bytes(), None, None).expect("page with NULs");
    assert!(!got.text.contains('\0'));
    assert!(got.text.contains("syndicats de"), "{}", got.text);
    assert_eq!(got.byline, ["Élodie Martin"]);
    assert_eq!(got.published.as_deref(), Some("2022-10-03T06:00:00+02:00"));
}

#[test]
fn hundred_megabyte_page_finishes_in_linear_time() {
    let paragraph = "<p>Le conseil municipal a adopté le budget, malgré l'opposition, après un long débat sur les transports et la rénovation des écoles de la ville.</p>\n";
    let mut html = String::from("<html><body><article>");
    while html.len() < 100 * 1024 * 1024 {
        html.push_str(paragraph);
    }
    html.push_str("</article></body></html>");
    let start = Instant::now();
    let got = extract(html.as_bytes(), None, None).expect("huge page");
    let elapsed = start.elapsed();
    assert!(
        got.text.len() > 50 * 1024 * 1024,
        "{} bytes of text",
        got.text.len()
    );
    // About 1-2 s in a debug build; quadratic behaviour would take hours.
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
}

#[test]
fn huge_pages_of_tags_or_no_tags_finish() {
    let start = Instant::now();
    let tags = "<div><span></b></i><p>".repeat(2_000_000); // ~44 MB, 8 million tags
    let _ = extract(tags.as_bytes(), None, None);
    let text = "word ".repeat(10_000_000); // 50 MB, no markup at all
    let got = extract(text.as_bytes(), None, None).expect("plain text");
    assert!(got.text.starts_with("word word"));
    assert!(
        start.elapsed() < Duration::from_secs(90),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn hundred_thousand_deep_nesting_does_not_overflow() {
    let depth = 100_000;
    for (open, close) in [
        ("<div>", "</div>"),
        ("<b>", "</b>"),
        ("<table><tr><td>", ""),
        ("<li>", ""),
    ] {
        let html = format!(
            "<html><body>{}<p>The committee published its report on Friday, after two years of hearings, and it made forty recommendations.</p>{}</body></html>",
            open.repeat(depth),
            close.repeat(depth)
        );
        let got = extract(html.as_bytes(), None, None).expect("deep page");
        assert!(
            got.text.contains("forty recommendations"),
            "{open}: {}",
            got.text
        );
    }
    // Unclosed and never-ending nesting with attributes, then truncated.
    let html = "<div class=\"a\" id=x>".repeat(depth);
    let _ = extract(&html.as_bytes()[..html.len() - 3], None, None);
}

#[test]
fn hostile_markup_shapes() {
    let cases: Vec<String> = vec![
        "<".repeat(100_000),
        "<!--".repeat(50_000),
        "<script>".repeat(50_000),
        format!("<p {}>text</p>", "a=b ".repeat(100_000)),
        format!("<p title=\"{}>text", "x".repeat(1_000_000)),
        "&".repeat(100_000) + "&#x110000;&#99999999999999999999;&#;&#x;",
        "<html><head><script type=\"application/ld+json\">{{{{[[[[\"</script></head><body><p>ok</p></body></html>".to_owned(),
        format!("<script type=\"application/ld+json\">{}</script><p>deep json</p>", "[".repeat(100_000)),
        "<title>".to_owned(),
        "\u{feff}<html>\u{2028}\u{200b}</html>".to_owned(),
    ];
    for html in cases {
        let start = Instant::now();
        let result = extract(html.as_bytes(), None, None);
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "slow on {:?}",
            &html[..html.len().min(40)]
        );
        if let Err(e) = result {
            assert!(matches!(e, HtmlError::Empty | HtmlError::NotHtml(_)), "{e}");
        }
    }
}

#[test]
fn unknown_charset_label_is_not_fatal() {
    let got = extract(PAGE.as_bytes(), Some("x-no-such-charset"), None).expect("page");
    assert!(got.text.contains("cheminots"));
}

/// Random tag soup built from fragments that stress the tokenizer, tree builder, scorer and
/// metadata readers (a cheap, deterministic stand-in for fuzzing).
#[test]
fn random_tag_soup_never_panics() {
    const PIECES: [&str; 40] = [
        "<p>",
        "</p>",
        "<div class=\"article-body\">",
        "</div>",
        "<li>",
        "<ul>",
        "</ul>",
        "<table><tr><td>",
        "</td>",
        "<a href=\"/x\">",
        "</a>",
        "<br>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "<time datetime=\"2020-02-30T25:61:00+99:99\">",
        "<meta property=\"og:title\" content=\"",
        "\">",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":",
        "[{\"name\":\"Ann Lee\"}]}",
        "&amp;",
        "&#x1F600;",
        "&#",
        "é",
        "日本語",
        "\u{0}",
        "\u{FFFD}",
        "<span class=\"byline\">By ",
        "Jane Doe",
        ", 2019",
        " and ",
        "<title>",
        "</title>",
        "<h1>",
        "</h1>",
        "<html lang=\"zz-ZZ\">",
        "Some sentence of ordinary article text, with commas, that goes on for a while. ",
        "<",
    ];
    let mut seed = 0x5eed_u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _ in 0..3000 {
        let len = next() % 60;
        let mut html = String::new();
        for _ in 0..len {
            html.push_str(PIECES[next() % PIECES.len()]);
        }
        let bytes = html.as_bytes();
        // Also cut at an arbitrary byte, possibly inside a multi-byte character.
        let cut = if bytes.is_empty() {
            0
        } else {
            next() % bytes.len()
        };
        for input in [bytes, &bytes[..cut]] {
            if let Err(e) = extract(input, None, Some("https://news.example.com/2020/01/02/x")) {
                assert!(matches!(e, HtmlError::Empty | HtmlError::NotHtml(_)), "{e}");
            }
        }
    }
}
