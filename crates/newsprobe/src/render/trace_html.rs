//! `trace --format html`: the rewrite side by side with the source passages it was drawn from,
//! changes highlighted by kind, with a legend. One self-contained page; all article text escaped.

use newsprobe_archive::trace::{ChangeKind, SupportStatus};
use newsprobe_archive::Trace;

use super::html::escape_html;

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

fn name(k: ChangeKind) -> &'static str {
    KINDS.iter().find(|x| x.0 == k).map_or("change", |x| x.1)
}

/// `text` (a sentence starting at code point `base`) with the change spans marked.
fn marked(text: &str, base: usize, spans: &[(usize, usize, ChangeKind, String)]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0usize;
    let mut inside: Vec<&(usize, usize, ChangeKind, String)> = spans
        .iter()
        .filter(|s| s.0 < base + chars.len() && s.1 > base)
        .collect();
    inside.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    for (s, e, k, detail) in inside {
        let (s, e) = (s.saturating_sub(base).max(at), (e - base).min(chars.len()));
        if s >= e {
            continue;
        }
        out.push_str(&escape_html(&chars[at..s].iter().collect::<String>()));
        out.push_str(&format!(
            "<mark class=\"{}\" title=\"{}\">{}</mark>",
            name(*k),
            escape_html(&format!("{}: {detail}", name(*k))),
            escape_html(&chars[s..e].iter().collect::<String>())
        ));
        at = e;
    }
    out.push_str(&escape_html(&chars[at..].iter().collect::<String>()));
    out
}

/// The side-by-side page of one or more traces.
pub fn render_trace_page(traces: &[Trace]) -> String {
    let mut css = String::from(
        "body{font-family:sans-serif;margin:1em 2em}table{border-collapse:collapse;width:100%}\
         td,th{border-top:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}\
         td.src{color:#333;background:#f7f7f7;width:45%}.meta{color:#666;font-size:85%}\
         tr.unsupported td.rw{border-left:4px solid #e33}tr.altered td.rw{border-left:4px solid #e93}\
         tr.supported td.rw{border-left:4px solid #3a3}.legend span{padding:0 .4em;margin-right:.3em}",
    );
    for (_, n, c) in KINDS {
        css.push_str(&format!("mark.{n},.legend .{n}{{background:{c}}}"));
    }
    let mut body = String::from("<p class=\"legend\">");
    for (_, n, _) in KINDS {
        body.push_str(&format!("<span class=\"{n}\">{n}</span>"));
    }
    body.push_str(
        "</p><p class=\"meta\">Left border: green supported, orange altered, red unsupported \
         (no source sentence says it).</p>\n",
    );
    for t in traces {
        body.push_str(&format!("<h2>{}</h2>\n<ol>", escape_html(&t.article.id)));
        for s in &t.sources {
            body.push_str(&format!(
                "<li>{} <span class=\"meta\">{} {} score {:.2}</span></li>",
                escape_html(&s.id),
                escape_html(s.site.as_deref().unwrap_or("-")),
                escape_html(s.published.as_deref().unwrap_or("-")),
                s.score
            ));
        }
        body.push_str("</ol>\n");
        let spans: Vec<(usize, usize, ChangeKind, String)> = t
            .changes
            .iter()
            // An unsupported sentence is shown by its row (red border), so the changes inside
            // it stay visible.
            .filter(|c| {
                c.article_span.field == newsprobe_core::Field::Text
                    && c.kind != ChangeKind::UnsupportedClaim
            })
            .map(|c| {
                (
                    c.article_span.start,
                    c.article_span.end,
                    c.kind,
                    c.detail.clone(),
                )
            })
            .collect();
        for c in t
            .changes
            .iter()
            .filter(|c| c.article_span.field == newsprobe_core::Field::Title)
        {
            body.push_str(&format!(
                "<p><mark class=\"{}\">{}</mark> <span class=\"meta\">{}</span></p>\n",
                name(c.kind),
                escape_html(&c.article_span.text),
                escape_html(&c.detail)
            ));
        }
        body.push_str("<table><tr><th>rewrite</th><th>source passage</th></tr>\n");
        for r in &t.support {
            let status = match r.status {
                SupportStatus::Supported => "supported",
                SupportStatus::Altered => "altered",
                SupportStatus::Unsupported => "unsupported",
            };
            let source = match (&r.source_id, &r.source_span) {
                (Some(id), Some(sp)) => format!(
                    "{}<div class=\"meta\">{} · support {:.2}</div>",
                    escape_html(&sp.text),
                    escape_html(id),
                    r.score
                ),
                _ => "<span class=\"meta\">no source sentence</span>".to_string(),
            };
            body.push_str(&format!(
                "<tr class=\"{status}\"><td class=\"rw\">{}</td><td class=\"src\">{source}</td></tr>\n",
                marked(&r.sentence.text, r.sentence.start, &spans)
            ));
        }
        body.push_str("</table>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsprobe trace</title>\
         <style>{css}</style></head><body>\n<h1>newsprobe trace</h1>\n{body}</body></html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_escaped_and_placed() {
        let spans = vec![(14, 17, ChangeKind::NumberChanged, "41 → <410>".to_string())];
        let html = marked("<b>jammed</b> 410 days", 0, &spans);
        assert!(html.starts_with("&lt;b&gt;jammed&lt;/b&gt; "), "{html}");
        assert!(html.contains("<mark class=\"number_changed\""), "{html}");
        assert!(html.contains("&lt;410&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
    }
}
