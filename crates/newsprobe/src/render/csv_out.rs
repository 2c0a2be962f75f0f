//! One CSV row per article: summary columns.

use newsprobe_core::{Report, Severity, SourceType};

pub const HEADER: &[&str] = &[
    "id",
    "path",
    "url",
    "title",
    "published",
    "site",
    "language",
    "byline",
    "words",
    "sentences",
    "entities",
    "quotes",
    "sources_named",
    "sources_anonymous",
    "sources_unnamed",
    "sources_vague",
    "unattributed_quotes",
    "anonymous_quoted_word_share",
    "clickbait_probability",
    "headline_stance",
    "framing_spans",
    "findings",
    "alerts",
    "finding_kinds",
];

pub fn row(r: &Report) -> Vec<String> {
    let count = |t: SourceType| r.sources.iter().filter(|s| s.kind == t).count().to_string();
    let words = r.text.split_whitespace().count();
    let share = r.weak_quoted_word_share();
    let kinds = r.finding_kinds();
    vec![
        r.source.id.clone(),
        r.source.path.clone().unwrap_or_default(),
        r.source.url.clone().unwrap_or_default(),
        r.metadata.title.clone().unwrap_or_default(),
        r.metadata.published.clone().unwrap_or_default(),
        r.metadata.site.clone().unwrap_or_default(),
        r.metadata.language.clone().unwrap_or_default(),
        r.metadata.byline.join("; "),
        words.to_string(),
        r.sentences.len().to_string(),
        r.entities.len().to_string(),
        r.quotes.len().to_string(),
        count(SourceType::Named),
        count(SourceType::Anonymous),
        count(SourceType::Unnamed),
        count(SourceType::Vague),
        r.quotes
            .iter()
            .filter(|q| q.source.kind == SourceType::Unattributed)
            .count()
            .to_string(),
        format!("{share:.3}"),
        format!("{:.3}", r.framing.headline.clickbait.probability),
        r.framing
            .headline_support
            .as_ref()
            .map(|h| {
                serde_json::to_value(h.stance)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            })
            .unwrap_or_default(),
        r.framing.spans.len().to_string(),
        r.findings.len().to_string(),
        r.findings
            .iter()
            .filter(|f| f.severity == Severity::Alert)
            .count()
            .to_string(),
        kinds.join(" "),
    ]
}
