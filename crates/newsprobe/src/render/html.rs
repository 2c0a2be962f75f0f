//! A self-contained HTML page: the article with every span highlighted by kind, and a side list
//! of sources and findings. Every piece of article text is escaped: it is untrusted.

use std::fmt::Write;

use newsprobe_core::report::ReportSpan;
use newsprobe_core::{Field, Report};

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            '\0' => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

fn name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One highlighted region: a span, a CSS class and a tooltip.
struct Mark {
    start: usize,
    end: usize,
    class: String,
    tip: String,
}

fn marks_for(r: &Report, field: Field) -> Vec<Mark> {
    let mut v = Vec::new();
    let mut push = |s: &ReportSpan, class: String, tip: String| {
        if s.field == field && s.end > s.start {
            v.push(Mark {
                start: s.start,
                end: s.end,
                class,
                tip,
            });
        }
    };
    for e in &r.entities {
        for m in &e.mentions {
            push(
                m,
                format!("ent ent-{}", name(&e.kind)),
                format!("{} ({})", e.name, name(&e.kind)),
            );
        }
        for d in &e.descriptors {
            push(
                &d.span,
                "desc".into(),
                format!("descriptor ({}) of {}", name(&d.kind), e.name),
            );
        }
    }
    for q in &r.quotes {
        let who = q
            .source
            .name
            .clone()
            .unwrap_or_else(|| "unattributed".into());
        push(
            &q.span,
            format!("quote src-{}", name(&q.source.kind)),
            format!(
                "{} quote: {} ({})",
                name(&q.kind),
                who,
                name(&q.source.kind)
            ),
        );
        if let Some(c) = &q.cue {
            push(c, "cue".into(), format!("cue for {who}"));
        }
        if let Some(m) = &q.source.mention {
            push(m, "speaker".into(), format!("speaker: {who}"));
        }
    }
    for f in &r.framing.spans {
        let voice = if f.in_quote {
            "inside a quote"
        } else {
            "outlet's voice"
        };
        push(
            &f.span,
            format!("frame frame-{}", f.category),
            format!("{}: {} ({voice})", f.category, f.rule),
        );
    }
    for m in &r.framing.headline.markers {
        push(m, "frame frame-marker".into(), "headline marker".into());
    }
    v
}

/// Renders `text` with the marks as nested `<mark>` elements, escaped. Offsets are code points.
fn highlight(text: &str, marks: &[Mark]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut bounds: Vec<usize> = vec![0, n];
    for m in marks {
        bounds.push(m.start.min(n));
        bounds.push(m.end.min(n));
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut o = String::with_capacity(text.len() * 2);
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b {
            continue;
        }
        let seg: String = chars[a..b].iter().collect();
        let active: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.start <= a && b <= m.end)
            .collect();
        if active.is_empty() {
            o.push_str(&escape_html(&seg));
        } else {
            let classes: Vec<&str> = active.iter().map(|m| m.class.as_str()).collect();
            let tips: Vec<&str> = active.iter().map(|m| m.tip.as_str()).collect();
            let _ = write!(
                o,
                "<mark class=\"{}\" title=\"{}\">{}</mark>",
                escape_html(&classes.join(" ")),
                escape_html(&tips.join("\n")),
                escape_html(&seg)
            );
        }
    }
    o
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
.legend{line-height:2}.legend mark{padding:0 .2em;display:inline-block}.kind{color:#666;font-size:.85em}
"#;

/// Renders a self-contained page for the reports. `extract_only` leaves out the analysis.
pub fn render_page(reports: &[Report], extract_only: bool) -> String {
    let mut o = String::new();
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
         <title>newsprobe: {}</title><style>{STYLE}</style></head><body>\n<header class=\"top\">newsprobe report · {} article(s)</header>\n",
        escape_html(&title),
        reports.len()
    );
    for r in reports {
        section(&mut o, r, extract_only);
    }
    o.push_str("</body></html>\n");
    o
}

fn section(o: &mut String, r: &Report, extract_only: bool) {
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
    o.push_str("</div>");
    let body = if extract_only {
        escape_html(&r.text)
    } else {
        highlight(&r.text, &marks_for(r, Field::Text))
    };
    let _ = write!(o, "<div class=\"body\">{body}</div></div><aside>");
    if !extract_only {
        o.push_str("<section><h2>Findings</h2><ul>");
        if r.findings.is_empty() {
            o.push_str("<li>none</li>");
        }
        for f in &r.findings {
            let sev = name(&f.severity);
            let _ = write!(
                o,
                "<li><span class=\"sev-{sev}\">{}</span> <span class=\"kind\">{sev}</span><br>{}</li>",
                escape_html(&f.kind),
                escape_html(&f.message)
            );
        }
        if !r.signals.is_empty() {
            o.push_str("</ul></section><section><h2>Signals</h2><ul>");
            for f in &r.signals {
                let _ = write!(
                    o,
                    "<li>{} <span class=\"kind\">{:.2}</span><br>{}</li>",
                    escape_html(&f.kind),
                    f.score,
                    escape_html(&f.message)
                );
            }
        }
        o.push_str("</ul></section><section><h2>Sources</h2><ul>");
        if r.sources.is_empty() {
            o.push_str("<li>none</li>");
        }
        for s in &r.sources {
            let _ = write!(
                o,
                "<li>{} <span class=\"kind\">{} · {} quote(s), {} words</span></li>",
                escape_html(&s.name),
                name(&s.kind),
                s.quotes,
                s.quoted_words
            );
        }
        let _ = write!(
            o,
            "</ul></section><section><h2>Headline</h2>clickbait probability {:.2}",
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

    #[test]
    fn highlight_nests_overlapping_marks_and_escapes() {
        let marks = vec![
            Mark {
                start: 0,
                end: 5,
                class: "a".into(),
                tip: "<t>".into(),
            },
            Mark {
                start: 3,
                end: 8,
                class: "b".into(),
                tip: "u".into(),
            },
        ];
        let h = highlight("ab<cd>ef", &marks);
        assert_eq!(
            h,
            "<mark class=\"a\" title=\"&lt;t&gt;\">ab&lt;</mark><mark class=\"a b\" title=\"&lt;t&gt;\nu\">cd</mark><mark class=\"b\" title=\"u\">&gt;ef</mark>"
        );
    }
}
