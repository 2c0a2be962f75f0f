//! Whole pages that look like real news pages: body, headline, byline, date, site.

use newsprobe_html::extract;

const ARTICLE_PARAGRAPHS: [&str; 5] = [
    "The harbour authority in Port Ellery voted on Tuesday to close the old ferry terminal, ending ninety years of passenger service across the bay.",
    "Commissioners said the pier, built in 1931, had become too expensive to repair after two winters of storm damage, and that a new terminal would open further north in 2027.",
    "\u{201c}We did not take this lightly,\u{201d} said Commissioner Ruth Okafor, who chairs the authority's finance committee. \u{201c}But the engineers were clear: the structure is failing.\u{201d}",
    "Residents who packed the meeting hall were divided. Some welcomed the investment, while others said the closure would cut off the island's older residents from the clinic on the mainland.",
    "The authority will hold two public hearings in March before the final budget vote, according to a notice posted on its website.",
];

fn news_page() -> String {
    let body: String = ARTICLE_PARAGRAPHS
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let ad = if i == 2 {
                r#"<div class="ad-slot ad-inline"><span>Advertisement</span><script>loadAd("inline-1")</script></div>"#
            } else {
                ""
            };
            format!("<p>{p}</p>\n{ad}\n")
        })
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Port Ellery votes to close ferry terminal | The Bay Courier</title>
<meta property="og:title" content="Port Ellery votes to close ferry terminal">
<meta property="og:site_name" content="The Bay Courier">
<meta property="article:published_time" content="2024-02-13T18:45:00+00:00">
<link rel="canonical" href="https://www.baycourier.example/news/2024/02/13/ferry-terminal">
<script type="application/ld+json">
{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Port Ellery votes to close ferry terminal",
 "datePublished":"2024-02-13T18:45:00Z","dateModified":"2024-02-14T09:00:00Z",
 "author":[{{"@type":"Person","name":"Jane Doe"}},{{"@type":"Person","name":"Tomás Ruiz"}}],
 "publisher":{{"@type":"Organization","name":"The Bay Courier"}}}}
</script>
<style>.nav {{ color: red }}</style>
</head>
<body>
<header class="site-header"><a href="/">The Bay Courier</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/weather">Weather</a></li></ul></nav>
</header>
<main>
<article class="story">
<h1 class="headline">Port Ellery votes to close ferry terminal</h1>
<div class="byline">By <a rel="author" href="/staff/jane-doe">Jane Doe</a> and <a rel="author" href="/staff/tomas-ruiz">Tomás Ruiz</a></div>
<time datetime="2024-02-13T18:45:00Z">February 13, 2024</time>
<div class="story-body">
{body}
</div>
<div class="share-tools"><a href="https://twitter.example/share">Share on Twitter</a> <a href="mailto:?">Email</a></div>
</article>
<section class="related-stories"><h2>Related</h2><ul>
<li><a href="/news/1">Island clinic extends opening hours after ferry delays</a></li>
<li><a href="/news/2">Storm damage bill for harbour reaches record high this winter</a></li>
<li><a href="/news/3">Letters: the ferry is a lifeline for older residents of the island</a></li>
</ul></section>
<section id="comments" class="comments"><h3>3 comments</h3>
<div class="comment"><p>This is a disgrace, the council has let the pier rot for years and now pretends to be surprised by it.</p></div>
<div class="comment"><p>Finally some sense. The new terminal will be far better for everyone who commutes daily.</p></div>
</section>
</main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/a">Council tax to rise by five percent in April, leaders confirm</a></li></ol></aside>
<footer class="site-footer"><p>© 2024 The Bay Courier. All rights reserved. Registered in England, company number 01234567, at 1 Quay Street.</p></footer>
</body>
</html>"#
    )
}

#[test]
fn article_body_without_boilerplate() {
    let got = extract(news_page().as_bytes(), None, None).expect("page extracts");
    let paragraphs: Vec<&str> = got.text.split("\n\n").collect();
    assert_eq!(paragraphs, ARTICLE_PARAGRAPHS, "body:\n{}", got.text);
    for junk in [
        "Advertisement",
        "Share on Twitter",
        "Related",
        "disgrace",
        "Most read",
        "All rights reserved",
        "Sport",
    ] {
        assert!(
            !got.text.contains(junk),
            "{junk:?} leaked into the body:\n{}",
            got.text
        );
    }
}

#[test]
fn metadata_from_json_ld_and_meta() {
    let got = extract(
        news_page().as_bytes(),
        None,
        Some("https://www.baycourier.example/news/x"),
    )
    .expect("page extracts");
    assert_eq!(
        got.title.as_deref(),
        Some("Port Ellery votes to close ferry terminal")
    );
    assert_eq!(got.byline, ["Jane Doe", "Tomás Ruiz"]);
    assert_eq!(got.published.as_deref(), Some("2024-02-13T18:45:00Z"));
    assert_eq!(got.site.as_deref(), Some("The Bay Courier"));
    assert_eq!(got.language.as_deref(), Some("en"));
    assert_eq!(
        got.url.as_deref(),
        Some("https://www.baycourier.example/news/2024/02/13/ferry-terminal")
    );
}

/// A plainer page: no JSON-LD, byline in markup, date only in a `<time>` element, title with the
/// site's name as a suffix, site name only from the URL.
#[test]
fn metadata_from_markup_when_no_json_ld() {
    let html = r#"<html><head><title>Drought forces water limits in three valleys - Valley Gazette</title>
<meta name="description" content="Water limits start Monday.">
</head><body>
<div id="menu"><a href="/">Home</a> | <a href="/local">Local</a> | <a href="/contact">Contact</a></div>
<div id="content">
<h1>Drought forces water limits in three valleys</h1>
<p class="byline">By MARÍA LÓPEZ, Valley Gazette</p>
<p class="dateline">Posted <time datetime="2023-08-04T07:30:00-06:00">Aug. 4, 2023</time></p>
<div class="entry">
<p>Farmers in the Alder, Birch and Cedar valleys will have to cut irrigation by a third from Monday, the regional water board announced, after the driest July on record.</p>
<p>The board said reservoirs stood at 41 percent of capacity, down from 68 percent a year earlier, and that further limits were possible if the autumn rains fail again.</p>
<p>Households are asked to stop watering lawns and washing cars. Fines for repeat offenders start at $200, a spokesman said.</p>
</div>
</div>
<div id="footer">Valley Gazette · 12 Main Street · Contact us · Privacy policy · Terms of use and conditions apply</div>
</body></html>"#;
    let got = extract(
        html.as_bytes(),
        None,
        Some("https://www.valleygazette.example/local/drought-limits"),
    )
    .expect("page extracts");
    assert_eq!(
        got.title.as_deref(),
        Some("Drought forces water limits in three valleys")
    );
    assert_eq!(got.byline, ["MARÍA LÓPEZ"]);
    assert_eq!(got.published.as_deref(), Some("2023-08-04T07:30:00-06:00"));
    assert_eq!(got.site.as_deref(), Some("valleygazette.example"));
    assert_eq!(got.language, None);
    assert!(got.text.starts_with("Farmers in the Alder"), "{}", got.text);
    assert!(got.text.ends_with("a spokesman said."), "{}", got.text);
    assert!(!got.text.contains("Privacy"), "{}", got.text);
    assert!(!got.text.contains("Home"), "{}", got.text);
}

/// Old-style markup: text straight in a table cell and divs separated by `<br>`, the date only
/// in the URL, an organisation as the meta author (not a person: no byline).
#[test]
fn old_style_page_with_br_paragraphs() {
    let html = "<HTML><HEAD><TITLE>Mill fire contained</TITLE><META NAME=\"author\" CONTENT=\"Riverside Press Staff\"></HEAD>\
<BODY><TABLE><TR><TD class=nav><A HREF=/>Front page</A><BR><A HREF=/archive>Archive</A></TD>\
<TD class=text>Firefighters contained a blaze at the old Hartley mill late on Sunday, the county fire service said, after crews from four towns fought the flames for six hours.<BR><BR>\
No one was hurt. The mill, empty since 2009, was due to be turned into flats next year, and its owner said the project would go ahead.<BR><BR>\
Investigators have not yet said how the fire started, but police asked anyone who saw people near the site on Sunday evening to come forward.</TD></TR></TABLE></BODY></HTML>";
    let got = extract(
        html.as_bytes(),
        None,
        Some("http://riversidepress.example/2019/05/12/mill-fire.html"),
    )
    .expect("page extracts");
    assert_eq!(got.title.as_deref(), Some("Mill fire contained"));
    assert!(got.byline.is_empty(), "{:?}", got.byline);
    assert_eq!(got.published.as_deref(), Some("2019-05-12"));
    let paragraphs: Vec<&str> = got.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 3, "{}", got.text);
    assert!(paragraphs[0].starts_with("Firefighters contained"));
    assert!(!got.text.contains("Archive"));
}

/// A Russian page in KOI8-R declared only by the HTTP header, and one in windows-1251 declared by
/// `<meta>`: the article text and headline come out right.
#[test]
fn legacy_cyrillic_pages_decode_through_extract() {
    let paragraph = "Правительство объявило о повышении пенсий с первого января, сообщил министр финансов на пресс-конференции в Москве.";
    let html = format!(
        "<html lang=ru><head>{{META}}<title>Пенсии вырастут с января — Вечерние новости</title></head>\
         <body><div class=\"menu\"><a href=/>Главная</a></div><div class=\"article\"><p>{paragraph}</p>\
         <p>По его словам, средняя пенсия увеличится на семь процентов, а выплаты начнутся без задержек.</p></div></body></html>"
    );
    let plain = html.replace("{META}", "");
    let koi8 = encoding_rs::KOI8_R.encode(&plain).0.into_owned();
    let got = extract(&koi8, Some("koi8-r"), None).expect("KOI8-R page");
    assert!(got.text.starts_with(paragraph), "{}", got.text);
    assert_eq!(got.title.as_deref(), Some("Пенсии вырастут с января"));
    assert_eq!(got.language.as_deref(), Some("ru"));
    let declared = html.replace(
        "{META}",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
    );
    let cp1251 = encoding_rs::WINDOWS_1251.encode(&declared).0.into_owned();
    let got = extract(&cp1251, None, None).expect("windows-1251 page");
    assert!(got.text.starts_with(paragraph), "{}", got.text);
}
