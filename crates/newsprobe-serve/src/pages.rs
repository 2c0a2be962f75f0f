//! The pages: server-rendered HTML, one small script, every asset built into the binary.
//!
//! | page | shows | JSON twin |
//! |---|---|---|
//! | `/` | paste or upload an article; `POST /analyze` answers its report | `POST /api/analyze` |
//! | `/search` | the archive's search with filters and paging | `/api/search` |
//! | `/articles/{id}` | a stored report | `/api/articles/{id}` |
//! | `/articles/{id}/trace` | the trace side by side: the rewrite and its sources | `/api/articles/{id}/trace` |
//! | `/sites` | the near-copy network of sites, drawn as SVG | `/api/sites` |
//! | `/clusters` | same-story clusters with their timelines | `/api/clusters` |

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use newsprobe_core::{Field, Report};

use crate::api::{self, ArticleIn, SearchParams};
use crate::html::{esc, highlight, nav, page, url_enc, Mark, CSS, JS};
use crate::{App, Failure};

pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(home))
        .route("/analyze", post(analyze))
        .route("/search", get(search))
        .route("/articles/{id}", get(article))
        .route("/articles/{id}/trace", get(trace))
        .route("/sites", get(sites))
        .route("/clusters", get(clusters))
        .route("/static/app.css", get(css))
        .route("/static/app.js", get(js))
        .route("/static/report.js", get(report_js))
        .fallback(not_found)
}

/// An error as an HTML page with its status.
pub fn error_page(f: Failure) -> Response {
    let body = format!(
        "<div class=\"card error\" id=\"error\"><h1>{} {}</h1><p>{}</p></div>\
         <p><a href=\"/\">Analyse another article</a></p>",
        f.status.as_u16(),
        esc(f.status.canonical_reason().unwrap_or("error")),
        esc(&f.message)
    );
    (f.status, Html(page("error", &body))).into_response()
}

fn html_result(r: Result<String, Failure>) -> Response {
    match r {
        Ok(s) => Html(s).into_response(),
        Err(f) => error_page(f),
    }
}

async fn not_found() -> Response {
    error_page(Failure::not_found("no such page"))
}

async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS).into_response()
}

async fn js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        JS,
    )
        .into_response()
}

async fn report_js(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        app.backend.page_script(),
    )
        .into_response()
}

async fn home() -> Html<String> {
    Html(page(
        "analyse an article",
        "<div class=\"card\"><h1>Analyse an article</h1>\
         <form method=\"post\" action=\"/analyze\" enctype=\"multipart/form-data\" id=\"analyze\">\
         <label for=\"title\">Headline</label><input type=\"text\" id=\"title\" name=\"title\">\
         <label for=\"text\">Text (or paste the page's HTML below instead)</label>\
         <textarea id=\"text\" name=\"text\"></textarea>\
         <details><summary>HTML page instead</summary>\
         <label for=\"url\">URL</label><input type=\"url\" id=\"url\" name=\"url\">\
         <label for=\"html\">HTML</label><textarea id=\"html\" name=\"html\"></textarea></details>\
         <label for=\"file\">or upload a file (.txt, .html, .jsonl, .warc, any of them .gz)</label>\
         <input type=\"file\" id=\"file\" name=\"file\">\
         <br><button type=\"submit\" id=\"go\">Analyse</button></form></div>\
         <p class=\"meta\">The same analysis as <code>newsprobe analyze</code>; nothing is stored. \
         JSON twin: <code>POST /api/analyze</code>.</p>",
    ))
}

/// The toolbar above a report: permalink, JSON twin, downloads.
fn report_top(links: &str) -> String {
    format!(
        "<link rel=\"stylesheet\" href=\"/static/app.css\">{}<div class=\"card toolbar\" style=\"margin:1em 1.2em 0\">{links}</div>\n",
        nav()
    )
}

const REPORT_TAIL: &str =
    "<script src=\"/static/report.js\"></script><script src=\"/static/app.js\"></script>";

/// The fields of the paste/upload form.
#[derive(Default)]
struct Form {
    article: ArticleIn,
    file: Option<(String, Vec<u8>)>,
    format: Option<String>,
}

async fn read_form(app: &App, req: Request) -> Result<Form, Failure> {
    let (parts, body) = req.into_parts();
    let bytes = api::read_body(body, app.config.max_body).await?;
    let req = Request::from_parts(parts, axum::body::Body::from(bytes));
    let mut mp = axum::extract::Multipart::from_request(req, &())
        .await
        .map_err(|e| Failure::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, e.body_text()))?;
    let mut f = Form::default();
    let bad = |e: axum::extract::multipart::MultipartError| {
        Failure::bad_request(format!("reading the form: {}", e.body_text()))
    };
    while let Some(field) = mp.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            let fname = field.file_name().unwrap_or("upload").to_string();
            let data = field.bytes().await.map_err(bad)?;
            if !data.is_empty() {
                f.file = Some((fname, data.to_vec()));
            }
            continue;
        }
        let v = field.text().await.map_err(bad)?;
        let v = (!v.trim().is_empty()).then_some(v);
        let a = &mut f.article;
        match name.as_str() {
            "title" => a.title = v,
            "text" => a.text = v,
            "html" => a.html = v,
            "url" => a.url = v,
            "site" => a.site = v,
            "published" => a.published = v,
            "id" => a.id = v,
            "format" => f.format = v,
            _ => {}
        }
    }
    Ok(f)
}

/// Articles in the form: the uploaded file's, else the pasted one.
fn form_articles(f: Form) -> Result<Vec<newsprobe_core::RawArticle>, Failure> {
    if let Some((name, bytes)) = f.file {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for r in newsprobe_read::read_bytes(&name, &bytes, None) {
            match r {
                Ok(a) if out.len() < 20 => out.push(a),
                Ok(_) => {}
                Err(e) => errors.push(e.to_string()),
            }
        }
        if out.is_empty() {
            let why = if errors.is_empty() {
                "no article in the file".to_string()
            } else {
                errors.join("; ")
            };
            return Err(Failure::bad_request(format!(
                "{name}: cannot read an article: {why}"
            )));
        }
        return Ok(out);
    }
    let mut a = f.article;
    if a.html.is_some() {
        a.text = None;
    }
    Ok(vec![a.into_raw("pasted")?])
}

async fn analyze(State(app): State<Arc<App>>, req: Request) -> Response {
    let form = match read_form(&app, req).await {
        Ok(f) => f,
        Err(f) => return error_page(f),
    };
    let format = form.format.clone();
    let raws = match form_articles(form) {
        Ok(r) => r,
        Err(f) => return error_page(f),
    };
    let r = app
        .run(move |app| {
            let mut reports = Vec::new();
            for raw in raws {
                let id = raw.id.clone();
                reports.push(
                    app.backend
                        .report(raw)
                        .map_err(|e| Failure::bad_request(format!("{id}: {e}")))?,
                );
            }
            if let Some(fmt) = format {
                let name = reports.first().map(|r| r.source.id.clone());
                return api::rendered(app, &reports, &fmt, name.as_deref().or(Some("article")));
            }
            let links = match reports.as_slice() {
                [one] => download_form(one),
                _ => String::new(),
            };
            Ok(Html(app.backend.page(&reports, &report_top(&links), REPORT_TAIL)).into_response())
        })
        .await;
    r.unwrap_or_else(error_page)
}

/// Download buttons for a pasted article: the form posts the article again with a format.
fn download_form(r: &Report) -> String {
    let mut o = String::from(
        "<form method=\"post\" action=\"/analyze\" enctype=\"multipart/form-data\" class=\"downloads\">Download: ",
    );
    let mut hidden = |name: &str, v: Option<&str>| {
        if let Some(v) = v {
            let _ = write!(
                o,
                "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
                esc(v)
            );
        }
    };
    hidden("id", Some(&r.source.id));
    hidden("title", r.metadata.title.as_deref());
    hidden("text", Some(&r.text));
    hidden("url", r.source.url.as_deref());
    hidden("site", r.metadata.site.as_deref());
    hidden("published", r.metadata.published.as_deref());
    o.push_str(
        "<button name=\"format\" value=\"json\">JSON</button> \
         <button name=\"format\" value=\"csv\">CSV</button> \
         <button name=\"format\" value=\"annotations\">Web Annotations (JSON-LD)</button></form>",
    );
    o
}

fn search_form(p: &SearchParams) -> String {
    let types = ["", "named", "anonymous", "unnamed", "vague", "unattributed"];
    let mut opts = String::new();
    for t in types {
        let _ = write!(
            opts,
            "<option value=\"{t}\"{}>{}</option>",
            if p.source_type == t { " selected" } else { "" },
            if t.is_empty() { "any" } else { t }
        );
    }
    format!(
        "<form method=\"get\" action=\"/search\" class=\"card\" id=\"search\">\
         <label for=\"q\">Words, \"phrases\" and fields (speaker:, site:, title:, quote:, published:>DATE, type:)</label>\
         <input type=\"search\" id=\"q\" name=\"q\" value=\"{}\">\
         <div class=\"filters\">\
         <div><label for=\"speaker\">Speaker</label><input type=\"text\" id=\"speaker\" name=\"speaker\" value=\"{}\"></div>\
         <div><label for=\"site\">Site</label><input type=\"text\" id=\"site\" name=\"site\" value=\"{}\"></div>\
         <div><label for=\"from\">Published from</label><input type=\"date\" id=\"from\" name=\"from\" value=\"{}\"></div>\
         <div><label for=\"to\">to</label><input type=\"date\" id=\"to\" name=\"to\" value=\"{}\"></div>\
         <div><label for=\"type\">Source type</label><select id=\"type\" name=\"type\">{opts}</select></div>\
         <div><label for=\"per_page\">Per page</label><input type=\"text\" id=\"per_page\" name=\"per_page\" value=\"{}\"></div>\
         </div><button type=\"submit\">Search</button></form>",
        esc(&p.q),
        esc(&p.speaker),
        esc(&p.site),
        esc(&p.from),
        esc(&p.to),
        p.per_page()
    )
}

/// The query string of a search, at another page.
fn search_qs(p: &SearchParams, page: usize) -> String {
    let mut parts = Vec::new();
    for (k, v) in [
        ("q", &p.q),
        ("speaker", &p.speaker),
        ("site", &p.site),
        ("from", &p.from),
        ("to", &p.to),
        ("type", &p.source_type),
    ] {
        if !v.is_empty() {
            parts.push(format!("{k}={}", url_enc(v)));
        }
    }
    parts.push(format!("page={page}"));
    parts.push(format!("per_page={}", p.per_page()));
    parts.join("&")
}

/// A passage with its highlighted code-point ranges marked.
fn passage_html(passage: &str, highlights: &[(usize, usize)]) -> String {
    let marks: Vec<Mark> = highlights
        .iter()
        .map(|&(s, e)| Mark {
            start: s,
            end: e,
            class: "hl".into(),
            tip: String::new(),
            id: None,
        })
        .collect();
    highlight(passage, &marks)
}

async fn search(
    State(app): State<Arc<App>>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Response {
    let p = match q {
        Ok(Query(p)) => p,
        Err(e) => return error_page(Failure::bad_request(e.body_text())),
    };
    let empty = p.query().is_empty();
    let form = search_form(&p);
    if empty {
        return Html(page(
            "search",
            &format!("<h1>Search the archive</h1>{form}"),
        ))
        .into_response();
    }
    let p2 = p.clone();
    let r = app.run(move |app| api::search_page(app, &p2)).await;
    let res = match r {
        Ok(res) => res,
        Err(f) if f.status == StatusCode::BAD_REQUEST => {
            let body = format!(
                "<h1>Search the archive</h1>{form}<div class=\"card error\" id=\"error\">{}</div>",
                esc(&f.message)
            );
            return (StatusCode::BAD_REQUEST, Html(page("search", &body))).into_response();
        }
        Err(f) => return error_page(f),
    };
    let mut body = format!("<h1>Search the archive</h1>{form}<div class=\"card\" id=\"results\">");
    let first = (res.page - 1) * res.per_page + 1;
    if res.hits.is_empty() {
        body.push_str("<p>No match.</p>");
    } else {
        let _ = write!(
            body,
            "<p class=\"meta\">Results {}–{} for <code>{}</code> · <a href=\"/api/search?{}\">JSON</a></p><ol start=\"{first}\">",
            first,
            first + res.hits.len() - 1,
            esc(&res.query),
            esc(&search_qs(&p, res.page))
        );
        for h in &res.hits {
            let _ = write!(
                body,
                "<li class=\"hit\"><a href=\"/articles/{}\"><b>{}</b></a> <span class=\"meta\">{} · {} · {} · score {:.2}</span><br>\
                 <span class=\"meta\">{}:</span> {}</li>",
                url_enc(&h.id),
                esc(h.title.as_deref().unwrap_or(&h.id)),
                esc(&h.id),
                esc(h.site.as_deref().unwrap_or("-")),
                esc(h.published.as_deref().unwrap_or("-")),
                h.score,
                esc(&h.field),
                passage_html(&h.passage, &h.highlights)
            );
        }
        body.push_str("</ol>");
    }
    body.push_str("<p class=\"pager\">");
    if res.page > 1 {
        let _ = write!(
            body,
            "<a id=\"prev\" href=\"/search?{}\">← previous</a>",
            esc(&search_qs(&p, res.page - 1))
        );
    }
    let _ = write!(body, "page {}", res.page);
    if res.more {
        let _ = write!(
            body,
            " <a id=\"next\" href=\"/search?{}\">next →</a>",
            esc(&search_qs(&p, res.page + 1))
        );
    }
    body.push_str("</p></div>");
    Html(page("search", &body)).into_response()
}

async fn article(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let r = app
        .run(move |app| {
            let report = api::stored_report(app, &id)?;
            let e = url_enc(&id);
            let links = format!(
                "<a href=\"/articles/{e}\">permalink</a> · <a href=\"/articles/{e}/trace\">trace</a> · \
                 JSON twin <a href=\"/api/articles/{e}\">/api/articles/{}</a> · download \
                 <a href=\"/api/articles/{e}?format=json&amp;download=1\">JSON</a> \
                 <a href=\"/api/articles/{e}?format=csv&amp;download=1\">CSV</a> \
                 <a href=\"/api/articles/{e}?format=annotations&amp;download=1\">Web Annotations</a>",
                esc(&id)
            );
            Ok(app.backend.page(&[report], &report_top(&links), REPORT_TAIL))
        })
        .await;
    html_result(r)
}

fn kind_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Title and text of a report with marks, as two escaped strings.
fn marked(r: &Report, marks: &[(Field, Mark)]) -> (String, String) {
    let pick = |f: Field| -> Vec<Mark> {
        marks
            .iter()
            .filter(|(g, _)| *g == f)
            .map(|(_, m)| m.clone())
            .collect()
    };
    (
        highlight(
            r.metadata.title.as_deref().unwrap_or(""),
            &pick(Field::Title),
        ),
        highlight(&r.text, &pick(Field::Text)),
    )
}

async fn trace(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let r = app
        .run(move |app| {
            let report = api::stored_report(app, &id)?;
            let t = api::trace_report(app, &report)?;
            // The sources shown: those a change points into, then the best others, at most 4.
            let mut shown: Vec<String> = Vec::new();
            for c in &t.changes {
                if let Some(s) = &c.source_id {
                    if !shown.contains(s) {
                        shown.push(s.clone());
                    }
                }
            }
            for s in &t.sources {
                if shown.len() >= 4 {
                    break;
                }
                if !shown.contains(&s.id) {
                    shown.push(s.id.clone());
                }
            }
            shown.truncate(4);
            let mut sources: Vec<Report> = Vec::new();
            for s in &shown {
                if let Ok(r) = api::stored_report(app, s) {
                    sources.push(r);
                }
            }
            let mut mine: Vec<(Field, Mark)> = Vec::new();
            let mut theirs: HashMap<&str, Vec<(Field, Mark)>> = HashMap::new();
            let mut rows = String::new();
            for (i, c) in t.changes.iter().enumerate() {
                let kind = kind_name(&c.kind);
                let a = &c.article_span;
                mine.push((
                    a.field,
                    Mark {
                        start: a.start,
                        end: a.end,
                        class: format!("chg chg-{kind}"),
                        tip: format!("{kind}: {}", c.detail),
                        id: Some(format!("a-{i}")),
                    },
                ));
                let mut flash = format!("a-{i}");
                if let (Some(sid), Some(s)) = (&c.source_id, &c.source_span) {
                    theirs.entry(sid.as_str()).or_default().push((
                        s.field,
                        Mark {
                            start: s.start,
                            end: s.end,
                            class: format!("chg chg-{kind}"),
                            tip: format!("{kind}: {}", c.detail),
                            id: Some(format!("s-{i}")),
                        },
                    ));
                    flash.push_str(&format!(" s-{i}"));
                }
                let _ = write!(
                    rows,
                    "<tr class=\"change change-{kind}\" data-flash=\"{flash}\"><td><b>{kind}</b></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&a.text),
                    esc(c.source_span.as_ref().map(|s| s.text.as_str()).unwrap_or("")),
                    esc(&c.detail)
                );
            }
            let (title, text) = marked(&report, &mine);
            let mut body = format!(
                "<h1>Trace of {}</h1><p class=\"meta\"><a href=\"/articles/{}\">the article</a> · \
                 JSON twin <a href=\"/api/articles/{1}/trace\">/api/articles/…/trace</a></p>",
                esc(&report.source.id),
                url_enc(&report.source.id)
            );
            body.push_str("<div class=\"card\"><h2>Changes</h2>");
            if t.changes.is_empty() {
                body.push_str("<p>No change against the sources found.</p>");
            } else {
                let _ = write!(
                    body,
                    "<table id=\"changes\"><tr><th>kind</th><th>rewrite</th><th>source</th><th>detail</th></tr>{rows}</table>"
                );
            }
            body.push_str("<h2>Sources</h2><ol>");
            if t.sources.is_empty() {
                body.push_str("<li>no earlier source found</li>");
            }
            for s in &t.sources {
                let _ = write!(
                    body,
                    "<li><a href=\"/articles/{}\">{}</a> <span class=\"meta\">{} · {} · score {:.2} · containment {:.2} · {} shared sentence(s), {} shared quote(s)</span></li>",
                    url_enc(&s.id),
                    esc(&s.id),
                    esc(s.site.as_deref().unwrap_or("-")),
                    esc(s.published.as_deref().unwrap_or("-")),
                    s.score,
                    s.evidence.text_containment,
                    s.evidence.shared_sentences,
                    s.evidence.shared_quotes
                );
            }
            body.push_str("</ol></div><div class=\"trace\">");
            let _ = write!(
                body,
                "<section class=\"card side rewrite\" id=\"rewrite\"><h2>Rewrite: {title}</h2><p class=\"meta\">{} · {}</p><div class=\"text\">{text}</div></section><section class=\"side sources\">",
                esc(report.metadata.site.as_deref().unwrap_or("-")),
                esc(report.metadata.published.as_deref().unwrap_or("-")),
            );
            for s in &sources {
                let marks = theirs.get(s.source.id.as_str()).cloned().unwrap_or_default();
                let (title, text) = marked(s, &marks);
                let _ = write!(
                    body,
                    "<div class=\"card source\"><h2>Source {}: {title}</h2><p class=\"meta\">{} · {}</p><div class=\"text\">{text}</div></div>",
                    esc(&s.source.id),
                    esc(s.metadata.site.as_deref().unwrap_or("-")),
                    esc(s.metadata.published.as_deref().unwrap_or("-")),
                );
            }
            body.push_str("</section></div>");
            Ok(page(&format!("trace of {}", report.source.id), &body))
        })
        .await;
    html_result(r)
}

#[derive(Debug, Default, serde::Deserialize)]
struct SitesParams {
    min_similarity: Option<f64>,
}

/// The near-copy network as SVG: sites on a circle, an arrow from the site that published first
/// to the one that copied, as thick as the number of copies.
pub fn sites_svg(links: &[newsprobe_archive::SiteLink]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for l in links {
        for s in [l.from.as_str(), l.to.as_str()] {
            if !names.contains(&s) {
                names.push(s);
            }
        }
    }
    let n = names.len().max(1) as f64;
    let (w, h, r) = (900.0, 640.0, 240.0);
    let pos = |i: usize| {
        let a = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        (w / 2.0 + r * a.cos(), h / 2.0 + r * a.sin())
    };
    let index: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let max = links.iter().map(|l| l.count).max().unwrap_or(1).max(1) as f64;
    let mut o = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" id=\"network\" role=\"img\" aria-label=\"near-copy network of sites\">\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"14\" markerHeight=\"14\" orient=\"auto-start-reverse\">\
         <path d=\"M0,0L10,5L0,10z\" fill=\"#b91c1c\"/></marker></defs>"
    );
    for l in links {
        let (Some(&a), Some(&b)) = (index.get(l.from.as_str()), index.get(l.to.as_str())) else {
            continue;
        };
        let ((x1, y1), (x2, y2)) = (pos(a), pos(b));
        // Stop short of the node's circle.
        let (dx, dy) = (x2 - x1, y2 - y1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ex, ey) = (x2 - dx / len * 16.0, y2 - dy / len * 16.0);
        let width = 1.0 + 7.0 * l.count as f64 / max;
        let _ = write!(
            o,
            "<line class=\"edge\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{ex:.1}\" y2=\"{ey:.1}\" stroke=\"#b91c1c\" stroke-opacity=\"0.6\" stroke-width=\"{width:.1}\" marker-end=\"url(#arrow)\">\
             <title>{} → {}: {} near-cop{}, mean similarity {:.2}, first seen {}</title></line>",
            esc(&l.from),
            esc(&l.to),
            l.count,
            if l.count == 1 { "y" } else { "ies" },
            l.mean_similarity,
            esc(l.first_seen.as_deref().unwrap_or("-"))
        );
    }
    for (i, s) in names.iter().enumerate() {
        let (x, y) = pos(i);
        let anchor = if x < w / 2.0 - 1.0 {
            "end"
        } else if x > w / 2.0 + 1.0 {
            "start"
        } else {
            "middle"
        };
        let lx = x + (x - w / 2.0) / r * 22.0;
        let ly = y + (y - h / 2.0) / r * 22.0 + 4.0;
        let _ = write!(
            o,
            "<circle class=\"site\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"12\" fill=\"#1f2a44\"/>\
             <text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\" font-size=\"14\" font-family=\"sans-serif\">{}</text>",
            esc(s)
        );
    }
    o.push_str("</svg>");
    o
}

async fn sites(
    State(app): State<Arc<App>>,
    q: Result<Query<SitesParams>, QueryRejection>,
) -> Response {
    let min = match q {
        Ok(Query(p)) => p.min_similarity.unwrap_or(0.5),
        Err(e) => return error_page(Failure::bad_request(e.body_text())),
    };
    if !(0.0..=1.0).contains(&min) {
        return error_page(Failure::bad_request("min_similarity is between 0 and 1"));
    }
    let r = app
        .run(move |app| {
            let links = app.with_archive(|a| Ok(a.site_links(min)?))?;
            let mut body = format!(
                "<h1>Who publishes near-copies of whom</h1><p class=\"meta\">Arrows go from the site that published first \
                 to the site that published a near-copy (estimated Jaccard ≥ {min:.2}); thicker is more copies. \
                 JSON twin: <a href=\"/api/sites?min_similarity={min}\">/api/sites</a></p>"
            );
            if links.is_empty() {
                body.push_str("<div class=\"card\">No near-copies between sites.</div>");
            } else {
                let _ = write!(body, "<div class=\"card\">{}</div>", sites_svg(&links));
                body.push_str("<div class=\"card\"><table><tr><th>from</th><th>to</th><th>near-copies</th><th>first seen</th><th>similarity</th></tr>");
                for l in &links {
                    let _ = write!(
                        body,
                        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td></tr>",
                        esc(&l.from),
                        esc(&l.to),
                        l.count,
                        esc(l.first_seen.as_deref().unwrap_or("-")),
                        l.mean_similarity
                    );
                }
                body.push_str("</table></div>");
            }
            Ok(page("sites", &body))
        })
        .await;
    html_result(r)
}

/// Clusters shown on the page (the largest first).
const CLUSTERS_SHOWN: usize = 100;

async fn clusters(State(app): State<Arc<App>>) -> Response {
    let r = app
        .run(|app| {
            let mut cs = app.with_archive(|a| Ok(a.story_clusters(&Default::default())?))?;
            let total = cs.len();
            cs.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then(a.id.cmp(&b.id)));
            cs.truncate(CLUSTERS_SHOWN);
            let mut body = format!(
                "<h1>Same-story clusters</h1><p class=\"meta\">{total} cluster(s); the {} largest, each with its timeline. \
                 JSON twin: <a href=\"/api/clusters\">/api/clusters</a></p>",
                cs.len()
            );
            for c in &cs {
                let mut members: Vec<(String, String, String, String)> = app.with_archive(|a| {
                    let mut v = Vec::new();
                    for m in &c.members {
                        if let Some(s) = a.get(m)? {
                            v.push((
                                s.published.unwrap_or_default(),
                                s.id,
                                s.site.unwrap_or_default(),
                                s.title.unwrap_or_default(),
                            ));
                        }
                    }
                    Ok(v)
                })?;
                members.sort();
                let _ = write!(
                    body,
                    "<div class=\"card cluster\"><h2>{}</h2><p class=\"meta\">{} · first published {} · {} article(s)</p><ol class=\"timeline\">",
                    esc(&c.label),
                    esc(&c.id),
                    esc(c.first_published.as_deref().unwrap_or("-")),
                    c.members.len()
                );
                for (published, id, site, title) in &members {
                    let _ = write!(
                        body,
                        "<li><span class=\"meta\">{}</span> <a href=\"/articles/{}\">{}</a> <span class=\"meta\">{}</span></li>",
                        esc(if published.is_empty() { "-" } else { published }),
                        url_enc(id),
                        esc(if title.is_empty() { id } else { title }),
                        esc(site)
                    );
                }
                body.push_str("</ol></div>");
            }
            Ok(page("clusters", &body))
        })
        .await;
    html_result(r)
}
