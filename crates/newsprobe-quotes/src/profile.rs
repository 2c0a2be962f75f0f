//! How is the article sourced? One row per source, and the findings a reader should know:
//! anonymous sourcing, named sources said to speak anonymously, claims with no source, and
//! stories resting on a single source.

use newsprobe_core::{Document, Finding, Severity, SourceSummary, SourceType, Span, TokenKind};

use crate::Contradiction;

fn words_in(doc: &Document, span: &Span) -> usize {
    doc.tokens_in(span)
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count()
}

/// Fills `doc.sources` from `doc.quotes` and adds the sourcing findings.
pub fn fill(doc: &mut Document, contradictions: &[Contradiction]) {
    let mut sources: Vec<SourceSummary> = Vec::new();
    let mut total_words = 0usize;
    let mut weak_words = 0usize;
    for (i, q) in doc.quotes.iter().enumerate() {
        // A partial quote inside its source's own statement is counted once, with it.
        let nested = doc.quotes.iter().enumerate().any(|(j, o)| {
            j != i
                && o.source.name == q.source.name
                && o.source.kind == q.source.kind
                && o.span.contains(&q.span)
                && (o.span != q.span || j < i)
        });
        if nested {
            continue;
        }
        let words = words_in(doc, &q.span);
        total_words += words;
        if matches!(
            q.source.kind,
            SourceType::Anonymous
                | SourceType::Unnamed
                | SourceType::Vague
                | SourceType::Unattributed
        ) {
            weak_words += words;
        }
        let name = q
            .source
            .name
            .clone()
            .unwrap_or_else(|| "(no source)".to_string());
        match sources
            .iter_mut()
            .find(|s| s.name == name && s.kind == q.source.kind)
        {
            Some(s) => {
                s.quotes += 1;
                s.quoted_words += words;
            }
            None => sources.push(SourceSummary {
                name,
                kind: q.source.kind,
                entity: q.source.entity.clone(),
                quotes: 1,
                quoted_words: words,
            }),
        }
    }
    let anonymous: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| q.source.kind == SourceType::Anonymous)
        .filter_map(|q| q.source.mention)
        .fold(Vec::new(), |mut acc, s| {
            if !acc.contains(&s) {
                acc.push(s);
            }
            acc
        });
    let mut findings = Vec::new();
    if !anonymous.is_empty() {
        let share = if total_words > 0 {
            weak_words as f32 / total_words as f32
        } else {
            0.0
        };
        let n_anon = sources
            .iter()
            .filter(|s| s.kind == SourceType::Anonymous)
            .count();
        findings.push(Finding {
            kind: "anonymous_sourcing".into(),
            severity: if share >= 0.5 { Severity::Warning } else { Severity::Info },
            message: format!(
                "{n_anon} anonymous source(s); {:.0}% of attributed words come from anonymous, unnamed, vague or no sources",
                share * 100.0
            ),
            evidence: anonymous,
            rule: "quotes.profile.anonymous_share".into(),
            score: share,
        });
    }
    for (mention, cue) in contradictions {
        findings.push(Finding {
            kind: "self_contradiction".into(),
            severity: Severity::Alert,
            message: format!(
                "\"{}\" is named, yet said to speak \"{}\"",
                doc.span_text(mention),
                doc.span_text(cue)
            ),
            evidence: vec![*mention, *cue],
            rule: "quotes.source_type.named_but_anonymous".into(),
            score: 0.9,
        });
    }
    let unattributed: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| q.source.kind == SourceType::Unattributed)
        .map(|q| q.span)
        .collect();
    if !unattributed.is_empty() {
        findings.push(Finding {
            kind: "unattributed_claims".into(),
            severity: Severity::Info,
            message: format!(
                "{} statement(s) reported with no source",
                unattributed.len()
            ),
            evidence: unattributed,
            rule: "quotes.profile.unattributed".into(),
            score: 0.5,
        });
    }
    let attributed: Vec<&SourceSummary> = sources
        .iter()
        .filter(|s| s.kind != SourceType::Unattributed)
        .collect();
    if attributed.len() == 1 && doc.quotes.len() >= 3 {
        findings.push(Finding {
            kind: "single_source".into(),
            severity: Severity::Info,
            message: format!(
                "every attributed statement comes from one source: {}",
                attributed[0].name
            ),
            evidence: doc
                .quotes
                .iter()
                .filter_map(|q| q.source.mention)
                .take(5)
                .collect(),
            rule: "quotes.profile.single_source".into(),
            score: 0.6,
        });
    }
    sources.sort_by(|a, b| {
        b.quoted_words
            .cmp(&a.quoted_words)
            .then(a.name.cmp(&b.name))
    });
    doc.sources = sources;
    doc.findings.extend(findings);
}

#[cfg(test)]
mod tests {
    use newsprobe_core::{Document, SourceType};

    #[test]
    fn single_source_and_unattributed_findings() {
        let mut doc = Document::from_text(
            None,
            "“We will build it,” the mayor said. “It will be fast,” she added. “Trust me,” the mayor said.\nIt was reported that the budget had doubled.",
        );
        crate::annotate(&mut doc);
        assert!(doc.findings.iter().any(|f| f.kind == "unattributed_claims"));
        let mayor = doc
            .sources
            .iter()
            .find(|s| s.name == "the mayor")
            .expect("the mayor is a source");
        assert_eq!(mayor.kind, SourceType::Unnamed);
        assert_eq!(mayor.quotes, 3);
        assert!(doc.findings.iter().any(|f| f.kind == "single_source"));
    }
}
