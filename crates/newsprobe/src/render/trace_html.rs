//! `trace --format html` and the workbench's trace page (one renderer): the changes (click one:
//! both of its sides flash), the ranked sources, and side by side every sentence of the rewrite
//! with the source passage it was aligned with, each change highlighted by kind on both sides,
//! with a legend. One self-contained page; all article text escaped.

use std::collections::HashSet;
use std::fmt::Write;

use newsprobe_archive::trace::{Change, ChangeKind, SupportStatus};
use newsprobe_archive::Trace;
use newsprobe_core::html::{highlight, Mark};
use newsprobe_core::report::ReportSpan;
use newsprobe_core::Field;

use super::html::{escape_html, Shell};

const KINDS: &[(ChangeKind, &str, &str)] = &[
    (ChangeKind::QuoteAltered, "quote_altered", "#f9c"),
    (ChangeKind::QuoteUnsourced, "quote_unsourced", "#f66"),
    (ChangeKind::DescriptorChanged, "descriptor_changed", "#fc6"),
    (ChangeKind::SpeakerChanged, "speaker_changed", "#c9f"),
    (ChangeKind::SettingChanged, "setting_changed", "#9cf"),
    (ChangeKind::SourceAdded, "source_added", "#cc9"),
    (ChangeKind::HeadlineEscalated, "headline_escalated", "#f96"),
    (ChangeKind::NumberChanged, "number_changed", "#6cf"),
    (ChangeKind::HedgeRemoved, "hedge_removed", "#9f9"),
    (ChangeKind::DateChanged, "date_changed", "#6fc"),
    (
        ChangeKind::AttributionDropped,
        "attribution_dropped",
        "#fd9",
    ),
    (ChangeKind::UnsupportedClaim, "unsupported_claim", "#faa"),
];

/// Clicking a change (a row with `data-flash`) flashes and scrolls to both of its sides. The CLI
/// page inlines it; the server serves it as a file (its Content-Security-Policy allows no inline
/// script).
pub const TRACE_SCRIPT: &str = r#"document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('[data-flash]');if(!a)return;document.querySelectorAll('mark.flash').forEach(function(x){x.classList.remove('flash')});a.dataset.flash.split(' ').forEach(function(id){var m=document.getElementById(id);if(m&&m.classList.contains('anchor'))m=m.nextElementSibling;if(m){m.classList.add('flash');m.scrollIntoView({behavior:'smooth',block:'center'});}});});"#;

fn name(k: ChangeKind) -> &'static str {
    KINDS.iter().find(|x| x.0 == k).map_or("change", |x| x.1)
}

/// The marks of `changes` inside `span` (code points `[span.start, span.end)` of one field),
/// relative to the span; a change's id (`{prefix}{i}`) goes on its first mark only, when the
/// change starts inside the span.
fn marks_in<'a>(
    span: &ReportSpan,
    sides: impl Iterator<Item = (usize, &'a Change, &'a ReportSpan)>,
    prefix: &str,
    placed: &mut HashSet<usize>,
) -> Vec<Mark> {
    let mut out = Vec::new();
    for (i, c, s) in sides {
        if s.field != span.field || s.end <= span.start || s.start >= span.end {
            continue;
        }
        let id = (s.start >= span.start && placed.insert(i)).then(|| format!("{prefix}{i}"));
        out.push(Mark {
            start: s.start.saturating_sub(span.start),
            end: s.end.min(span.end) - span.start,
            class: name(c.kind).into(),
            tip: format!("{}: {}", name(c.kind), c.detail).into(),
            id,
        });
    }
    out
}

/// One trace: title changes, the changes table, the sources, the aligned sentences. `k` keeps
/// element ids apart when a page holds several traces.
fn section(o: &mut String, t: &Trace, k: usize) {
    let (a_pre, s_pre) = (format!("t{k}-a"), format!("t{k}-s"));
    let mut placed_a: HashSet<usize> = HashSet::new();
    let mut placed_s: HashSet<usize> = HashSet::new();
    let article_sides = || {
        t.changes
            .iter()
            .enumerate()
            .map(|(i, c)| (i, c, &c.article_span))
    };
    let _ = writeln!(
        o,
        "<section class=\"trace-of\" id=\"trace-{k}\"><h2>Trace of {}</h2>",
        escape_html(&t.article.id)
    );
    for (i, c) in t.changes.iter().enumerate() {
        if c.article_span.field == Field::Title && placed_a.insert(i) {
            let _ = writeln!(
                o,
                "<p class=\"side rewrite\"><mark class=\"{}\" id=\"{a_pre}{i}\">{}</mark> <span class=\"meta\">{}</span></p>",
                name(c.kind),
                escape_html(&c.article_span.text),
                escape_html(&c.detail)
            );
        }
    }
    // The aligned sentences first (they place the ids the changes table points at).
    let mut rows = String::new();
    for r in &t.support {
        let status = match r.status {
            SupportStatus::Supported => "supported",
            SupportStatus::Altered => "altered",
            SupportStatus::Unsupported => "unsupported",
        };
        let mine = marks_in(&r.sentence, article_sides(), &a_pre, &mut placed_a);
        let source = match (&r.source_id, &r.source_span) {
            (Some(id), Some(sp)) => {
                let theirs = t.changes.iter().enumerate().filter_map(|(i, c)| {
                    let s = c.source_span.as_ref()?;
                    (c.source_id.as_deref() == Some(id.as_str())).then_some((i, c, s))
                });
                let marks = marks_in(sp, theirs, &s_pre, &mut placed_s);
                format!(
                    "{}<div class=\"meta\">{} · support {:.2}</div>",
                    highlight(&sp.text, &marks),
                    escape_html(id),
                    r.score
                )
            }
            _ => "<span class=\"meta\">no source sentence</span>".to_string(),
        };
        let _ = writeln!(
            rows,
            "<tr class=\"{status}\"><td class=\"rw side rewrite\">{}</td><td class=\"src side sources\">{source}</td></tr>",
            highlight(&r.sentence.text, &mine)
        );
    }
    if t.changes.is_empty() {
        o.push_str("<p>No change against the sources found.</p>\n");
    } else {
        o.push_str("<table class=\"changes\"><tr><th>change</th><th>rewrite</th><th>source</th><th>detail</th></tr>\n");
        for (i, c) in t.changes.iter().enumerate() {
            let mut flash: Vec<String> = Vec::new();
            if placed_a.contains(&i) {
                flash.push(format!("{a_pre}{i}"));
            }
            if placed_s.contains(&i) {
                flash.push(format!("{s_pre}{i}"));
            }
            let _ = writeln!(
                o,
                "<tr class=\"change change-{0}\" data-flash=\"{1}\"><td><b>{0}</b></td><td>{2}</td><td>{3}</td><td>{4}</td></tr>",
                name(c.kind),
                flash.join(" "),
                escape_html(&c.article_span.text),
                escape_html(c.source_span.as_ref().map_or("", |s| s.text.as_str())),
                escape_html(&c.detail)
            );
        }
        o.push_str("</table>\n");
    }
    o.push_str("<h3>Sources</h3><ol class=\"sources\">");
    if t.sources.is_empty() {
        o.push_str("<li>no earlier source found</li>");
    }
    for s in &t.sources {
        let _ = write!(
            o,
            "<li class=\"{}\"><span class=\"source-id\">{}</span> <span class=\"meta\">{} · {} · score {:.2} ({}) · containment {:.2} · {} shared sentence(s), {} shared quote(s)</span></li>",
            s.confidence.as_str(),
            escape_html(&s.id),
            escape_html(s.site.as_deref().unwrap_or("-")),
            escape_html(s.published.as_deref().unwrap_or("-")),
            s.score,
            s.confidence.as_str(),
            s.evidence.text_containment,
            s.evidence.shared_sentences,
            s.evidence.shared_quotes
        );
    }
    o.push_str(
        "</ol>\n<table class=\"aligned\"><tr><th>rewrite</th><th>source passage</th></tr>\n",
    );
    o.push_str(&rows);
    o.push_str("</table></section>\n");
}

/// The side-by-side page of one or more traces, self-contained (the script inline).
pub fn render_trace_page(traces: &[Trace]) -> String {
    let tail = format!("<script>{TRACE_SCRIPT}</script>");
    render_trace_page_in(
        traces,
        Shell {
            top: None,
            tail: &tail,
        },
    )
}

/// [`render_trace_page`] inside a [`Shell`] (the workbench's navigation and script).
pub fn render_trace_page_in(traces: &[Trace], shell: Shell<'_>) -> String {
    let mut css = String::from(
        "body{font-family:sans-serif;margin:1em 2em}table{border-collapse:collapse;width:100%}\
         td,th{border-top:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}\
         td.src{color:#333;background:#f7f7f7;width:45%}.meta{color:#666;font-size:85%}\
         tr.unsupported td.rw{border-left:4px solid #e33}tr.altered td.rw{border-left:4px solid #e93}\
         tr.supported td.rw{border-left:4px solid #3a3}.legend span{padding:0 .4em;margin-right:.3em}\
         tr.change{cursor:pointer}mark.flash{box-shadow:0 0 0 3px #2563eb}\
         ol.sources li.possible .source-id{color:#666}ol.sources li.likely .source-id{font-weight:bold}",
    );
    // Unsupported sentences first: a change inside one keeps its own colour.
    for (_, n, c) in KINDS.iter().rev() {
        let _ = write!(css, "mark.{n},.legend .{n}{{background:{c}}}");
    }
    let title = match traces {
        [one] => format!("trace of {}", one.article.id),
        _ => format!("{} traces", traces.len()),
    };
    let mut o = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>newsprobe: {}</title><style>{css}</style></head><body>\n",
        escape_html(&title)
    );
    match shell.top {
        Some(top) => o.push_str(top),
        None => o.push_str("<h1>newsprobe trace</h1>\n"),
    }
    o.push_str("<main><p class=\"legend\">");
    for (_, n, _) in KINDS {
        let _ = write!(o, "<span class=\"{n}\">{n}</span>");
    }
    o.push_str(
        "</p><p class=\"meta\">Left border: green supported, orange altered, red unsupported \
         (no source sentence says it). Click a change to see both of its sides.</p>\n",
    );
    for (k, t) in traces.iter().enumerate() {
        section(&mut o, t, k);
    }
    o.push_str("</main>");
    o.push_str(shell.tail);
    o.push_str("</body></html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_archive::trace::{ArticleRef, SupportRow};

    fn span(start: usize, text: &str, field: Field) -> ReportSpan {
        ReportSpan {
            start,
            end: start + text.chars().count(),
            text: text.to_string(),
            field,
        }
    }

    #[test]
    fn both_sides_of_a_change_are_marked_escaped_and_linked() {
        let rewrite = "<b>Jammed</b> for 410 days, the minister said.";
        let source = "Ships waited 41 days, the minister said.";
        let change = Change {
            kind: ChangeKind::NumberChanged,
            article_span: span(18, "410", Field::Text),
            source_id: Some("wire-1".into()),
            source_span: Some(span(13, "41", Field::Text)),
            detail: "41 → <410>".into(),
            words: None,
        };
        let trace = Trace {
            article: ArticleRef {
                id: "copy-<1>".into(),
            },
            sources: Vec::new(),
            near_copies: Vec::new(),
            changes: vec![change],
            support: vec![SupportRow {
                sentence: span(0, rewrite, Field::Text),
                status: SupportStatus::Altered,
                source_id: Some("wire-1".into()),
                source_span: Some(span(0, source, Field::Text)),
                score: 0.8,
            }],
        };
        let html = render_trace_page(&[trace]);
        assert!(
            !html.contains("<b>Jammed") && !html.contains("copy-<1>"),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;Jammed&lt;/b&gt; for "), "{html}");
        assert!(html.contains("data-flash=\"t0-a0 t0-s0\""), "{html}");
        let left = html.find("id=\"t0-a0\"").expect("the rewrite's mark");
        let right = html.find("id=\"t0-s0\"").expect("the source's mark");
        assert!(
            html[..left].rfind("class=\"rw side rewrite\"") > html[..left].rfind("<td class=\"src")
        );
        assert!(html[left..right].contains("class=\"src side sources\""));
        assert!(html.contains(">410</mark>"), "{html}");
        assert!(html.contains(">41</mark>"), "{html}");
        assert!(html.contains(TRACE_SCRIPT));
    }
}
