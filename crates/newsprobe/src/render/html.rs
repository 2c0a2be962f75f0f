//! A self-contained HTML page: the article with every span highlighted by kind, and a side list
//! of sources and findings. Every piece of article text is escaped: it is untrusted.

use std::fmt::Write;

use newsprobe_core::report::ReportSpan;
use newsprobe_core::{Field, Report};

pub use newsprobe_core::html::escape_html;
use newsprobe_core::html::{escape_to, highlight, highlight_to, Mark, Shared};

fn name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The marks of one field of the report. Their classes and tips are [`Shared`]: the 58 MB page
/// has some million marks, whose strings were two allocations each; they are a few hundred
/// distinct strings, each now held once. A mark's strings are written into one reused buffer
/// and only for marks of this field.
fn marks_for(r: &Report, field: Field) -> Vec<Mark> {
    let mut m = Marks {
        field,
        v: Vec::new(),
        shared: Shared::default(),
        buf: String::new(),
    };
    for e in &r.entities {
        let kind = name(&e.kind);
        for s in &e.mentions {
            m.push(
                s,
                format_args!("ent ent-{kind}"),
                format_args!("{} ({kind})", e.name),
            );
        }
        for d in &e.descriptors {
            m.push(
                &d.span,
                format_args!("desc"),
                format_args!("descriptor ({}) of {}", name(&d.kind), e.name),
            );
        }
    }
    for q in &r.quotes {
        let who = q.source.name.as_deref().unwrap_or("unattributed");
        let src = name(&q.source.kind);
        m.push(
            &q.span,
            format_args!("quote src-{src}"),
            format_args!("{} quote: {who} ({src})", name(&q.kind)),
        );
        if let Some(c) = &q.cue {
            m.push(c, format_args!("cue"), format_args!("cue for {who}"));
        }
        if let Some(s) = &q.source.mention {
            m.push(s, format_args!("speaker"), format_args!("speaker: {who}"));
        }
    }
    for f in &r.framing.spans {
        let voice = if f.in_quote {
            "inside a quote"
        } else {
            "outlet's voice"
        };
        let (span, category, rule) = (&f.span, &f.category, &f.rule);
        if let (Some(t), Some(x)) = (&f.technique, f.score) {
            m.push(
                span,
                format_args!("frame frame-{category}"),
                format_args!("{category}: {t} {x:.2}, {rule} ({voice})"),
            );
        } else {
            m.push(
                span,
                format_args!("frame frame-{category}"),
                format_args!("{category}: {rule} ({voice})"),
            );
        }
    }
    for s in &r.framing.headline.markers {
        m.push(
            s,
            format_args!("frame frame-marker"),
            format_args!("headline marker"),
        );
    }
    for (i, f) in r.findings.iter().enumerate() {
        for e in &f.evidence {
            m.push(
                e,
                format_args!("ev ev-{i}"),
                format_args!("evidence: {}", f.kind),
            );
        }
    }
    m.v
}

/// [`marks_for`]'s marks as they are made.
struct Marks {
    field: Field,
    v: Vec<Mark>,
    shared: Shared,
    buf: String,
}

impl Marks {
    /// A mark over `s` if it lies in this field and is not empty.
    fn push(&mut self, s: &ReportSpan, class: std::fmt::Arguments, tip: std::fmt::Arguments) {
        if s.field != self.field || s.end <= s.start {
            return;
        }
        let class = self.text(class);
        let tip = self.text(tip);
        self.v.push(Mark {
            start: s.start,
            end: s.end,
            class,
            tip,
            id: None,
        });
    }

    fn text(&mut self, a: std::fmt::Arguments) -> std::sync::Arc<str> {
        self.buf.clear();
        let _ = self.buf.write_fmt(a);
        self.shared.get(&self.buf)
    }
}

const STYLE: &str = r#"
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f6f6f3;color:#1d1d1d}
header.top{background:#1f2a44;color:#fff;padding:.6em 1.2em;font-size:.95em}
article.report{display:grid;grid-template-columns:minmax(0,3fr) minmax(16em,1.2fr);gap:1.2em;padding:1.2em;border-bottom:3px solid #ddd}
.main{background:#fff;padding:1em 1.4em;border-radius:6px;box-shadow:0 1px 3px #0002}
.main h1{font-size:1.45em;line-height:1.3;margin:.2em 0 .4em}
.meta{color:#555;font-size:.9em;margin-bottom:1em}.meta span{margin-right:1.2em}
.body{white-space:pre-wrap;line-height:1.6;font-size:1.02em}
aside{font-size:.9em}aside section{background:#fff;padding:.6em .9em;margin-bottom:.9em;border-radius:6px;box-shadow:0 1px 3px #0002}
aside h2{font-size:1em;margin:.2em 0 .5em}aside ul{padding-left:1.1em;margin:0}aside li{margin:.25em 0}
mark{background:none;color:inherit;border-radius:2px}
mark.quote{background:#dbeafe}mark.quote.src-anonymous,mark.quote.src-unattributed{background:#fde2e2}
mark.quote.src-unnamed,mark.quote.src-vague{background:#fef3c7}
mark.cue{text-decoration:underline 2px #2563eb}mark.speaker{font-weight:600}
mark.ent{border-bottom:2px solid #10b981}mark.ent-organization{border-bottom-color:#8b5cf6}mark.ent-place{border-bottom-color:#f59e0b}
mark.desc{background:#e0f2f1}
mark.frame{outline:1.5px dashed #dc2626;outline-offset:1px}mark.frame-hedge,mark.frame-weasel{outline-color:#d97706}
mark.frame-marker{background:#fee2e2}
.sev-alert{color:#b91c1c;font-weight:600}.sev-warning{color:#b45309;font-weight:600}.sev-info{color:#2563eb}
mark.flash{box-shadow:0 0 0 3px #f59e0b}li.finding{cursor:pointer}q.evidence{color:#444;font-size:.9em}
table.sources{border-collapse:collapse;width:100%}table.sources td,table.sources th{text-align:left;padding:.15em .3em;border-bottom:1px solid #eee}
tr.src-anonymous td,tr.src-unattributed td{background:#fde2e2}tr.src-unnamed td,tr.src-vague td{background:#fef3c7}
@media (max-width:800px){article.report{grid-template-columns:1fr}}
.legend{line-height:2}.legend mark{padding:0 .2em;display:inline-block}.kind{color:#666;font-size:.85em}
"#;

/// Clicking a finding scrolls to (and flashes) its first evidence span. The CLI page inlines it;
/// the server serves it as a file (its Content-Security-Policy allows no inline script).
pub const SCRIPT: &str = r#"document.addEventListener('click',function(e){var li=e.target.closest&&e.target.closest('li.finding');if(!li)return;var art=li.closest('article');var m=art&&art.querySelector('mark.'+li.dataset.ev);if(!m)return;art.querySelectorAll('mark.flash').forEach(function(x){x.classList.remove('flash')});art.querySelectorAll('mark.'+li.dataset.ev).forEach(function(x){x.classList.add('flash')});m.scrollIntoView({behavior:'smooth',block:'center'});});"#;

/// What a page around the reports adds: HTML after `<body>` (replacing the default header) and
/// before `</body>`. The server uses it for its navigation and script; escaping is the caller's.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shell<'a> {
    pub top: Option<&'a str>,
    pub tail: &'a str,
}

/// Renders a self-contained page for the reports. `extract_only` leaves out the analysis.
pub fn render_page(reports: &[Report], extract_only: bool) -> String {
    let tail = format!("<script>{SCRIPT}</script>");
    render_page_in(
        reports,
        extract_only,
        Shell {
            top: None,
            tail: &tail,
        },
    )
}

/// [`render_page`] inside a [`Shell`].
pub fn render_page_in(reports: &[Report], extract_only: bool, shell: Shell<'_>) -> String {
    let mut o = String::new();
    page_head(&mut o, reports, shell);
    for r in reports {
        section(&mut o, r, extract_only);
    }
    o.push_str(shell.tail);
    o.push_str("</body></html>\n");
    o
}

/// [`render_page`] written piece by piece to `out`: the same bytes without the whole page in
/// memory (a report of the 58 MB page prints some 425 MB of HTML; held as one string beside the
/// highlighted text it was built from, the CLI's peak passed 1.5 GB).
pub fn write_page<W: std::io::Write>(
    out: &mut W,
    reports: &[Report],
    extract_only: bool,
) -> std::io::Result<()> {
    let tail = format!("<script>{SCRIPT}</script>");
    let mut o = String::new();
    page_head(
        &mut o,
        reports,
        Shell {
            top: None,
            tail: &tail,
        },
    );
    out.write_all(o.as_bytes())?;
    for r in reports {
        o.clear();
        section_head(&mut o, r, extract_only);
        out.write_all(o.as_bytes())?;
        let mut body = FmtIo { out, err: None };
        if section_body(&mut body, r, extract_only).is_err() {
            return Err(body
                .err
                .unwrap_or_else(|| std::io::Error::other("formatting the page failed")));
        }
        o.clear();
        section_tail(&mut o, r, extract_only);
        out.write_all(o.as_bytes())?;
    }
    out.write_all(tail.as_bytes())?;
    out.write_all(b"</body></html>\n")
}

/// An `io::Write` seen as a `fmt::Write`, keeping the first I/O error.
struct FmtIo<'a, W: std::io::Write> {
    out: &'a mut W,
    err: Option<std::io::Error>,
}

impl<W: std::io::Write> std::fmt::Write for FmtIo<'_, W> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.err.get_or_insert(e);
            std::fmt::Error
        })
    }
}

/// The page up to its first section.
fn page_head(o: &mut String, reports: &[Report], shell: Shell<'_>) {
    let title = match reports {
        [one] => one
            .metadata
            .title
            .clone()
            .unwrap_or_else(|| one.source.id.clone()),
        _ => format!("{} articles", reports.len()),
    };
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>newsprobe: {}</title><style>{STYLE}</style></head><body>\n",
        escape_html(&title),
    );
    match shell.top {
        Some(top) => o.push_str(top),
        None => {
            let _ = writeln!(
                o,
                "<header class=\"top\">newsprobe report · {} article(s)</header>",
                reports.len()
            );
        }
    }
}

fn section(o: &mut String, r: &Report, extract_only: bool) {
    section_head(o, r, extract_only);
    let _ = section_body(o, r, extract_only);
    section_tail(o, r, extract_only);
}

/// The article text, highlighted (or only escaped, for `extract`).
/// Written to `o` (the CLI's buffered output or the page's string) without building it whole.
fn section_body<W: std::fmt::Write>(o: &mut W, r: &Report, extract_only: bool) -> std::fmt::Result {
    if extract_only {
        escape_to(o, &r.text)
    } else {
        highlight_to(o, &r.text, &marks_for(r, Field::Text))
    }
}

/// A section up to its body: the title and the metadata.
fn section_head(o: &mut String, r: &Report, extract_only: bool) {
    let m = &r.metadata;
    let _ = write!(
        o,
        "<article class=\"report\" id=\"{}\"><div class=\"main\">",
        escape_html(&r.source.id)
    );
    let title = m.title.as_deref().unwrap_or("");
    let title_html = if extract_only {
        escape_html(title)
    } else {
        highlight(title, &marks_for(r, Field::Title))
    };
    let _ = write!(
        o,
        "<h1>{}</h1><div class=\"meta\">",
        if title.is_empty() {
            "(no title)".into()
        } else {
            title_html
        }
    );
    let mut meta = |k: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            let _ = write!(o, "<span><b>{k}</b> {}</span>", escape_html(&v));
        }
    };
    meta("site", m.site.clone());
    meta("published", m.published.clone());
    meta("by", Some(m.byline.join(", ")));
    meta("language", m.language.clone());
    meta("url", r.source.url.clone());
    meta("id", Some(r.source.id.clone()));
    o.push_str("</div><div class=\"body\">");
}

/// A section after its body: the side list.
fn section_tail(o: &mut String, r: &Report, extract_only: bool) {
    o.push_str("</div></div><aside>");
    if !extract_only {
        // Findings first; then the signals (kinds below the precision bar of an accusation),
        // with the same markup so their evidence highlights and scrolls the same way.
        for (heading, signal) in [
            ("Findings", false),
            ("Signals (scored, below the precision of a finding)", true),
        ] {
            if signal && !r.findings.iter().any(|f| f.signal) {
                continue;
            }
            let _ = write!(o, "<section><h2>{heading}</h2><ul>");
            if !signal && !r.findings.iter().any(|f| !f.signal) {
                o.push_str("<li>none</li>");
            }
            for (i, f) in r
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.signal == signal)
            {
                let sev = name(&f.severity);
                let _ = write!(
                    o,
                    "<li class=\"finding\" data-ev=\"ev-{i}\" tabindex=\"0\"><span class=\"sev-{sev}\">{}</span> <span class=\"kind\">{sev} · {} · score {:.2}</span><br>{}",
                    escape_html(&f.kind),
                    escape_html(&f.rule),
                    f.score,
                    escape_html(&f.message)
                );
                for e in f.evidence.iter().take(5) {
                    let _ = write!(o, "<br><q class=\"evidence\">{}</q>", escape_html(&e.text));
                }
                o.push_str("</li>");
            }
            o.push_str("</ul></section>");
        }
        o.push_str("<section><h2>Sources</h2>");
        if r.sources.is_empty() {
            o.push_str("none");
        } else {
            o.push_str("<table class=\"sources\"><tr><th>source</th><th>type</th><th>quotes</th><th>words</th></tr>");
        }
        for s in &r.sources {
            let kind = name(&s.kind);
            let _ = write!(
                o,
                "<tr class=\"src-{kind}\"><td>{}</td><td>{kind}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&s.name),
                s.quotes,
                s.quoted_words
            );
        }
        if !r.sources.is_empty() {
            o.push_str("</table>");
        }
        o.push_str("</section><section><h2>Quotes</h2><ul>");
        if r.quotes.is_empty() {
            o.push_str("<li>none</li>");
        }
        for q in &r.quotes {
            let short: String = q.span.text.chars().take(160).collect();
            let _ = write!(
                o,
                "<li><b>{}</b> <span class=\"kind\">{} · {}</span><br>{}{}</li>",
                escape_html(
                    &q.source
                        .display_name()
                        .unwrap_or_else(|| "(no source)".into())
                ),
                name(&q.source.kind),
                name(&q.kind),
                escape_html(&short),
                if short.len() < q.span.text.len() {
                    "…"
                } else {
                    ""
                }
            );
        }
        o.push_str("</ul></section><section><h2>Check-worthy sentences</h2><ol>");
        let mut ranked: Vec<&newsprobe_core::report::ReportSentence> = r.sentences.iter().collect();
        ranked.sort_by(|a, b| b.checkworthiness.total_cmp(&a.checkworthiness));
        // Code points to bytes by walking the text (not a `char` copy of the whole text).
        let byte_at = |k: usize| {
            r.text
                .char_indices()
                .nth(k)
                .map_or(r.text.len(), |(i, _)| i)
        };
        for s in ranked
            .into_iter()
            .take(5)
            .filter(|s| s.checkworthiness >= 0.5)
        {
            let text = r.text.get(byte_at(s.start)..byte_at(s.end)).unwrap_or("");
            let _ = write!(
                o,
                "<li>{} <span class=\"kind\">{:.2}</span></li>",
                escape_html(text),
                s.checkworthiness
            );
        }
        let _ = write!(
            o,
            "</ol></section><section><h2>Headline</h2>clickbait probability {:.2}",
            r.framing.headline.clickbait.probability
        );
        if let Some(h) = &r.framing.headline_support {
            let _ = write!(
                o,
                "<br>body {} the headline ({:.2})",
                name(&h.stance),
                h.confidence
            );
        }
        o.push_str("</section><section><h2>Entities</h2><ul>");
        for e in &r.entities {
            let _ = write!(
                o,
                "<li>{} <span class=\"kind\">{}",
                escape_html(&e.name),
                name(&e.kind)
            );
            if let Some(k) = &e.kb_id {
                let _ = write!(o, " · kb {}", escape_html(k));
            }
            o.push_str("</span></li>");
        }
        o.push_str(
            "</ul></section><section class=\"legend\"><h2>Legend</h2><mark class=\"quote\">quote</mark> \
             <mark class=\"quote src-anonymous\">anonymous/unattributed</mark> <mark class=\"quote src-vague\">unnamed/vague</mark> \
             <mark class=\"cue\">cue</mark> <mark class=\"ent\">entity</mark> <mark class=\"desc\">descriptor</mark> \
             <mark class=\"frame\">framing</mark></section>",
        );
    }
    o.push_str("</aside></article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_text() {
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    /// The CLI's streamed page (body highlighted straight into the writer) and the workbench's
    /// string page (`render_page_in`) are the same bytes, with and without the analysis.
    #[test]
    fn the_streamed_page_is_the_string_page() {
        let raw = newsprobe_core::RawArticle::from_text(
            "a<1>",
            Some("Mayor <Ana> Díaz: \"we rebuild\"".into()),
            "Mayor Ana Díaz said: \"we will rebuild the <port> & the pier,\" on Tuesday. \
             A senior official, who declined to be named, said the deal was dead.\n\n\
             Critics said the plan was a disaster, sources said.",
        );
        let r = crate::Engine::default().report(raw).unwrap();
        assert!(!r.quotes.is_empty());
        let reports = [r.clone(), r];
        for extract_only in [false, true] {
            let mut streamed = Vec::new();
            write_page(&mut streamed, &reports, extract_only).unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                render_page(&reports, extract_only)
            );
        }
    }

    #[test]
    fn highlight_nests_overlapping_marks_and_escapes() {
        let marks = vec![
            Mark {
                start: 0,
                end: 5,
                class: "a".into(),
                tip: "<t>".into(),
                id: None,
            },
            Mark {
                start: 3,
                end: 8,
                class: "b".into(),
                tip: "u".into(),
                id: None,
            },
        ];
        let h = highlight("ab<cd>ef", &marks);
        assert_eq!(
            h,
            "<mark class=\"a\" title=\"&lt;t&gt;\">ab&lt;</mark><mark class=\"a b\" title=\"&lt;t&gt;\nu\">cd</mark><mark class=\"b\" title=\"u\">&gt;ef</mark>"
        );
    }
}
