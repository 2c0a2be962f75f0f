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

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use newsprobe_core::Report;

use newsprobe_archive::html::{site_links_svg, site_links_table};

use crate::api::{self, ArticleIn, SearchParams};
use crate::html::{esc, highlight, nav, page, url_enc, Mark, CSS};
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
        .route("/static/trace.js", get(trace_js))
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

async fn trace_js(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        app.backend.trace_script(),
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

const REPORT_TAIL: &str = "<script src=\"/static/report.js\"></script>";
const TRACE_TAIL: &str = "<script src=\"/static/trace.js\"></script>";

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
            tip: "".into(),
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
    let r = app.read(move |app| api::search_page(app, &p2)).await;
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

async fn trace(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let r = app
        .run(move |app| {
            let report = api::stored_report(app, &id)?;
            let t = api::trace_report(app, &report)?;
            let e = url_enc(&id);
            let links = format!(
                "<a href=\"/articles/{e}\">the article</a> · <a href=\"/articles/{e}/trace\">permalink</a> · \
                 JSON twin <a href=\"/api/articles/{e}/trace\">/api/articles/{}/trace</a>",
                esc(&id)
            );
            Ok(app.backend.trace_page(&[t], &report_top(&links), TRACE_TAIL))
        })
        .await;
    html_result(r)
}

#[derive(Debug, Default, serde::Deserialize)]
struct SitesParams {
    min_similarity: Option<f64>,
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
                let _ = write!(
                    body,
                    "<div class=\"card\">{}</div><div class=\"card\">{}</div>",
                    site_links_svg(&links),
                    site_links_table(&links)
                );
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
