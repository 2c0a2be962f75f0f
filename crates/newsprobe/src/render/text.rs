//! A readable summary for a person in a terminal.

use std::fmt::Write;

use newsprobe_core::report::ReportSpan;
use newsprobe_core::{Report, SourceType};

fn kind_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn clip(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let mut t: String = one_line.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn at(s: &ReportSpan) -> String {
    let field = if s.field == newsprobe_core::Field::Title {
        "title "
    } else {
        ""
    };
    format!("[{field}{}..{}]", s.start, s.end)
}

/// Renders one report as text. `extract_only` prints metadata and text alone.
pub fn render_text(r: &Report, extract_only: bool) -> String {
    let mut o = String::new();
    let m = &r.metadata;
    let _ = writeln!(o, "== {} ==", m.title.as_deref().unwrap_or("(no title)"));
    let _ = writeln!(o, "id:        {}", r.source.id);
    if let Some(u) = &r.source.url {
        let _ = writeln!(o, "url:       {u}");
    }
    let _ = writeln!(o, "site:      {}", m.site.as_deref().unwrap_or("-"));
    let _ = writeln!(o, "published: {}", m.published.as_deref().unwrap_or("-"));
    let _ = writeln!(
        o,
        "byline:    {}",
        if m.byline.is_empty() {
            "-".to_string()
        } else {
            m.byline.join(", ")
        }
    );
    let _ = writeln!(o, "language:  {}", m.language.as_deref().unwrap_or("-"));
    let words = r.text.split_whitespace().count();
    let _ = writeln!(
        o,
        "length:    {words} words, {} sentences",
        r.sentences.len()
    );
    if extract_only {
        let _ = writeln!(o, "\n{}", r.text.trim_end());
        return o;
    }

    if r.findings.iter().any(|f| !f.signal) {
        let _ = writeln!(o, "\nFindings");
        for f in r.findings.iter().filter(|f| !f.signal) {
            let _ = writeln!(
                o,
                "  [{}] {}: {}",
                kind_name(&f.severity),
                f.kind,
                f.message
            );
            for e in f.evidence.iter().take(3) {
                let _ = writeln!(o, "      {} \"{}\"", at(e), clip(&e.text, 90));
            }
        }
    }
    if r.findings.iter().any(|f| f.signal) {
        let _ = writeln!(o, "\nSignals (scored, below the precision of a finding)");
        for f in r.findings.iter().filter(|f| f.signal) {
            let _ = writeln!(o, "  [{:.2}] {}: {}", f.score, f.kind, f.message);
            for e in f.evidence.iter().take(3) {
                let _ = writeln!(o, "      {} \"{}\"", at(e), clip(&e.text, 90));
            }
        }
    }

    let _ = writeln!(o, "\nSources ({})", r.sources.len());
    for s in &r.sources {
        let _ = writeln!(
            o,
            "  {:<12} {:<45} {} quote(s), {} quoted words",
            kind_name(&s.kind),
            clip(&s.name, 45),
            s.quotes,
            s.quoted_words
        );
    }

    let _ = writeln!(o, "\nQuotes ({})", r.quotes.len());
    for q in &r.quotes {
        let who = q
            .source
            .display_name()
            .unwrap_or_else(|| "(unattributed)".into());
        let via = q
            .source
            .mention
            .as_ref()
            .map(|m| format!(" via \"{}\"", m.text))
            .unwrap_or_default();
        let cue = q
            .cue
            .as_ref()
            .map(|c| format!(", cue \"{}\"", c.text))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {:<8} {} {}{}{} ({}): \"{}\"",
            kind_name(&q.kind),
            at(&q.span),
            who,
            via,
            cue,
            kind_name(&q.source.kind),
            clip(&q.span.text, 100)
        );
    }
    let unattributed = r
        .quotes
        .iter()
        .filter(|q| q.source.kind == SourceType::Unattributed)
        .count();
    if unattributed > 0 {
        let _ = writeln!(o, "  ({unattributed} without a source)");
    }

    let _ = writeln!(o, "\nFraming");
    let h = &r.framing.headline;
    let _ = write!(
        o,
        "  headline clickbait probability {:.2}",
        h.clickbait.probability
    );
    if !h.markers.is_empty() {
        let marks: Vec<String> = h
            .markers
            .iter()
            .map(|m| format!("\"{}\"", m.text))
            .collect();
        let _ = write!(o, "; markers {}", marks.join(", "));
    }
    let _ = writeln!(o);
    if let Some(hs) = &r.framing.headline_support {
        let _ = writeln!(
            o,
            "  headline support: {} ({:.2})",
            kind_name(&hs.stance),
            hs.confidence
        );
    }
    if r.framing.spans.iter().any(|s| s.signal) {
        let _ = writeln!(
            o,
            "  signals, below the precision of a span: {}",
            r.framing
                .spans
                .iter()
                .filter(|s| s.signal)
                .map(|s| format!("{} \"{}\"", s.category, clip(&s.span.text, 30)))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for s in r.framing.spans.iter().filter(|s| !s.signal) {
        let voice = if s.in_quote { "quoted" } else { "outlet" };
        let _ = writeln!(
            o,
            "  {:<12} {} {:<6} \"{}\" ({})",
            s.category,
            at(&s.span),
            voice,
            clip(&s.span.text, 60),
            match (&s.technique, s.score) {
                (Some(t), Some(x)) => format!("{}: {t} {x:.2}", s.rule),
                _ => s.rule.clone(),
            }
        );
    }

    let _ = writeln!(o, "\nEntities ({})", r.entities.len());
    for e in &r.entities {
        let kb = e
            .kb_id
            .as_ref()
            .map(|k| format!(" kb:{k}"))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {:<13} {} — {} mention(s){}",
            kind_name(&e.kind),
            e.name,
            e.mentions.len(),
            kb
        );
        for d in &e.descriptors {
            let _ = writeln!(
                o,
                "      {}: \"{}\"",
                kind_name(&d.kind),
                clip(&d.span.text, 80)
            );
        }
    }

    let mut top: Vec<_> = r
        .sentences
        .iter()
        .filter(|s| s.checkworthiness >= 0.5)
        .collect();
    top.sort_by(|a, b| b.checkworthiness.total_cmp(&a.checkworthiness));
    if !top.is_empty() {
        let _ = writeln!(o, "\nCheck-worthy sentences");
        let chars: Vec<char> = r.text.chars().collect();
        for s in top.iter().take(5) {
            let t: String = chars[s.start.min(chars.len())..s.end.min(chars.len())]
                .iter()
                .collect();
            let _ = writeln!(o, "  {:.2} \"{}\"", s.checkworthiness, clip(&t, 100));
        }
    }
    o
}
