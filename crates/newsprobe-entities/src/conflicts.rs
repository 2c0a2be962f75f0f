//! Does what the article says of an entity contradict the knowledge base? Nationality (demonyms
//! and country names both ways) and roles with their dates against the publication date
//! ("former" when the record says current, and the reverse).

use newsprobe_core::{DescriptorKind, Document, Field, Finding, Severity, Span};

use crate::coref::Cluster;
use crate::gazetteer::GAZETTEER;
use crate::kb::{KbRecord, KbRole};

/// The day to compare role dates with: the article's publication date, else today (UTC).
pub fn reference_date(published: Option<&str>) -> String {
    if let Some(p) = published {
        let d: String = p.chars().take(10).collect();
        if d.len() >= 4 && d.chars().take(4).all(|c| c.is_ascii_digit()) {
            return d;
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date((secs / 86_400) as i64)
}

/// "YYYY-MM-DD" of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

fn is_current(role: &KbRole, date: &str) -> bool {
    role.start.as_deref().is_none_or(|s| s <= date) && role.end.as_deref().is_none_or(|e| e > date)
}

fn has_ended(role: &KbRole, date: &str) -> bool {
    role.end.as_deref().is_some_and(|e| e <= date)
}

fn role_text(r: &KbRole) -> String {
    let mut s = r.title.clone();
    if let Some(org) = &r.org {
        if !normalize_words(&r.title).contains(&normalize_words(org)) {
            s.push_str(&format!(" ({org})"));
        }
    }
    match (&r.start, &r.end) {
        (Some(a), None) => s.push_str(&format!(" since {a}")),
        (Some(a), Some(b)) => s.push_str(&format!(" {a} to {b}")),
        (None, Some(b)) => s.push_str(&format!(" until {b}")),
        (None, None) => {}
    }
    s
}

fn normalize_words(s: &str) -> String {
    crate::gazetteer::norm(s)
}

/// "Giuseppe Cavo Dragone, nationality Italy, Chair of the NATO Military Committee since 2025-01-17"
pub fn describe_record(r: &KbRecord, date: &str) -> String {
    let mut parts = vec![r.name.clone()];
    if !r.nationality.is_empty() {
        parts.push(format!("nationality {}", r.nationality.join(" and ")));
    }
    let current: Vec<String> = r
        .roles
        .iter()
        .filter(|x| is_current(x, date))
        .map(role_text)
        .collect();
    if !current.is_empty() {
        parts.extend(current);
    } else if let Some(last) = r.roles.iter().max_by(|a, b| a.start.cmp(&b.start)) {
        parts.push(role_text(last));
    }
    parts.join(", ")
}

fn claims_text(doc: &Document, spans: &[Span]) -> String {
    let mut seen: Vec<String> = Vec::new();
    let mut ordered: Vec<&Span> = spans.iter().collect();
    ordered.sort_by_key(|s| (s.field == Field::Title, s.start));
    for s in ordered {
        let t = doc.span_text(s).trim().to_string();
        if !t.is_empty() && !seen.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
            seen.push(t);
        }
    }
    seen.join(" / ")
}

/// The `kb_conflict` findings for one linked entity.
pub fn check(doc: &Document, c: &Cluster, record: &KbRecord, date: &str) -> Vec<Finding> {
    let g = &*GAZETTEER;
    let mut out = Vec::new();
    // Nationality: every country the article ascribes that the record does not hold.
    let kb_countries: Vec<String> = record
        .nationality
        .iter()
        .map(|n| {
            g.country(n)
                .map(str::to_string)
                .unwrap_or_else(|| n.clone())
        })
        .map(|n| normalize_words(&n))
        .collect();
    if !kb_countries.is_empty() {
        let mut by_country: Vec<(&'static str, Vec<Span>, Vec<Span>)> = Vec::new();
        for d in c
            .descriptors
            .iter()
            .filter(|d| d.kind == DescriptorKind::Nationality)
        {
            for &country in &d.countries {
                if kb_countries.contains(&normalize_words(country)) {
                    continue;
                }
                match by_country.iter_mut().find(|x| x.0 == country) {
                    Some(x) => {
                        x.1.push(d.span);
                        x.2.push(d.claim);
                    }
                    None => by_country.push((country, vec![d.span], vec![d.claim])),
                }
            }
        }
        for (_, evidence, claims) in by_country {
            out.push(Finding {
                kind: "kb_conflict".into(),
                severity: Severity::Warning,
                message: format!(
                    "article: {}; knowledge base: {}",
                    claims_text(doc, &claims),
                    describe_record(record, date)
                ),
                evidence,
                rule: "kb_nationality".into(),
                score: 0.9,
                signal: false,
            });
        }
    }
    // Roles: the same title held at another time than the article says.
    for d in c
        .descriptors
        .iter()
        .filter(|d| d.kind == DescriptorKind::Role && !d.roles.is_empty())
    {
        let matching: Vec<&KbRole> = record
            .roles
            .iter()
            // Only dated roles say when; undated ones ("member") cannot contradict "former".
            .filter(|r| r.start.is_some() || r.end.is_some())
            .filter(|r| {
                let t = normalize_words(&r.title).replace('-', " ");
                d.roles
                    .iter()
                    .any(|x| t.contains(x.replace('-', " ").as_str()))
            })
            .collect();
        if matching.is_empty() {
            continue;
        }
        let former = d.former || c.former;
        let any_current = matching.iter().any(|r| is_current(r, date));
        let all_ended = matching.iter().all(|r| has_ended(r, date));
        let conflict = if former {
            any_current.then_some("the article says former; the record says current")
        } else {
            all_ended.then_some("the article says current; the record says it ended")
        };
        if let Some(why) = conflict {
            let roles: Vec<String> = matching.iter().map(|r| role_text(r)).collect();
            out.push(Finding {
                kind: "kb_conflict".into(),
                severity: Severity::Warning,
                message: format!(
                    "article: {}; knowledge base: {}, {} (as of {date}: {why})",
                    claims_text(doc, &[d.claim]),
                    record.name,
                    roles.join(", ")
                ),
                evidence: vec![d.span],
                rule: "kb_role_dates".into(),
                score: 0.7,
                signal: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_454), "2026-01-01");
        assert_eq!(reference_date(Some("2025-11-30T10:00:00Z")), "2025-11-30");
        assert_eq!(reference_date(None).len(), 10);
    }

    use crate::{annotate, KnowledgeBase};
    use newsprobe_core::{Document, Metadata, SourceInfo};

    const KB: &str = r#"{"id": "rutte", "name": "Mark Rutte", "type": "person", "nationality": ["Netherlands"], "roles": [{"title": "Secretary General of NATO", "start": "2024-10-01"}, {"title": "Prime Minister of the Netherlands", "start": "2010-10-14", "end": "2024-07-02"}]}
{"id": "morawiecki", "name": "Mateusz Morawiecki", "type": "person", "nationality": ["Poland"], "roles": [{"title": "Prime Minister of Poland", "start": "2017-12-11", "end": "2023-12-13"}]}"#;

    fn findings(text: &str, published: &str) -> Vec<String> {
        let kb = KnowledgeBase::parse(KB).unwrap();
        let metadata = Metadata {
            published: Some(published.into()),
            ..Default::default()
        };
        let mut doc = Document::new(SourceInfo::default(), metadata, text.into());
        annotate(&mut doc, Some(&kb));
        doc.findings
            .iter()
            .filter(|f| f.kind == "kb_conflict")
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect()
    }

    #[test]
    fn former_against_a_current_role() {
        let f = findings(
            "Former NATO Secretary-General Mark Rutte spoke in Warsaw on Monday.",
            "2025-06-01",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].starts_with("kb_role_dates: article: Former NATO Secretary-General"),
            "{f:?}"
        );
        assert!(
            f[0].contains("says former; the record says current"),
            "{f:?}"
        );
    }

    #[test]
    fn current_against_an_ended_role() {
        let f = findings(
            "Polish Prime Minister Mateusz Morawiecki said the talks failed.",
            "2025-06-01",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].contains("the record says it ended"), "{f:?}");
        // Before the role ended, the same sentence agrees with the record.
        assert!(findings(
            "Polish Prime Minister Mateusz Morawiecki said the talks failed.",
            "2020-01-01"
        )
        .is_empty());
    }

    #[test]
    fn nationality_both_ways() {
        let f = findings(
            "Mark Rutte, a Belgian diplomat, arrived in Brussels.",
            "2025-06-01",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].contains(
                "article: Belgian diplomat; knowledge base: Mark Rutte, nationality Netherlands"
            ),
            "{f:?}"
        );
        assert!(findings(
            "Mark Rutte, a Dutch politician, arrived in Brussels.",
            "2025-06-01"
        )
        .is_empty());
    }

    #[test]
    fn role_status() {
        let r = KbRole {
            title: "Prime Minister of Poland".into(),
            org: None,
            start: Some("2017-12-11".into()),
            end: Some("2023-11-27".into()),
        };
        assert!(has_ended(&r, "2025-11-30"));
        assert!(!is_current(&r, "2025-11-30"));
        assert!(is_current(&r, "2020-01-01"));
    }
}
