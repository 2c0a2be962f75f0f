//! Is a statement the quotes stage left without a speaker sourced all the same, or no reported
//! claim at all? The `unattributed_claims` signal lists only what none of these explains:
//!
//! - the source stands in the same sentence, outside the statement, with a reporting cue:
//!   "…, said Amnesty International on Tuesday", "Wells Fargo announced it would …", "The truce
//!   was announced on Friday by Air Marshal X" (a passive cue counts only with its "by" agent, so
//!   "X is said to …", "it was reported that …" stay unsourced);
//! - a partial quotation of the person the sentence is about ("X persuaded followers to 'bring
//!   them closer to God'");
//! - a quotation paragraph right after a sourced quotation paragraph, or after one with only a
//!   short paragraph (a photo caption) between: it continues that quotation;
//! - the outlet's own voice in the first person plural ("We should also note that …");
//! - words inside a longer statement that has a source, or words that carry their own "according
//!   to …";
//! - a correction notice ("An earlier version of this story said …");
//! - a statement its sentence does not mark as hearsay ("reportedly", "it is said", a rumour):
//!   see `hearsay.rs`.

use newsprobe_core::{Document, EntityType, Quote, QuoteKind, SourceType, Span, TokenKind};

use crate::lexicon;

/// Whether a statement with no source is sourced nearby or is no reported claim.
pub(crate) fn explained(doc: &Document, q: &Quote) -> bool {
    inside_sourced(doc, q)
        || swallowed_attribution(doc, q)
        || correction_notice(doc, q)
        || outlet_voice(doc, q)
        || source_in_sentence(doc, q)
        || continues_quotation(doc, q)
        || !crate::hearsay::hearsay(doc, &sentence_of(doc, q), &q.span)
}

/// Words inside a longer statement that has a source ("… reveal a pattern of killings … in more
/// than 100 cities, said Amnesty International"): part of that sourced statement.
fn inside_sourced(doc: &Document, q: &Quote) -> bool {
    doc.quotes.iter().any(|o| {
        o.span != q.span && o.source.kind != SourceType::Unattributed && o.span.contains(&q.span)
    })
}

/// A statement that carries its own attribution: "… a deputy identified as Jerry Ortiz,
/// according to sheriff's officials" (the quotes stage took the whole clause for the words).
fn swallowed_attribution(doc: &Document, q: &Quote) -> bool {
    let said = doc.span_text(&q.span).to_lowercase();
    said.find("according to ")
        .is_some_and(|i| i > 0 && said[i..].split_whitespace().count() >= 3)
}

/// The sentence of the statement's start, widened to the cue's sentence.
fn sentence_of(doc: &Document, q: &Quote) -> Span {
    let at = |pos: usize| {
        doc.sentence_at(pos)
            .and_then(|i| doc.sentences.get(i))
            .map(|s| s.span)
    };
    let mut s = at(q.span.start).unwrap_or(q.span);
    if let Some(c) = q.cue.and_then(|c| at(c.start)) {
        s = Span::text(s.start.min(c.start), s.end.max(c.end));
    }
    s
}

/// Lower-cased words of `span` outside the statement, with their spans.
fn words_outside(doc: &Document, span: &Span, statement: &Span) -> Vec<(Span, String)> {
    doc.tokens_in(span)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .filter(|t| !statement.overlaps(&t.span))
        .map(|t| (t.span, doc.span_text(&t.span).to_lowercase()))
        .collect()
}

/// A form of "be" before a passive cue, with "am" and the contracted "'s" ("it's said").
fn is_be(w: &str) -> bool {
    lexicon::is_be(w) || matches!(w, "am" | "'s" | "’s")
}

/// Phrases that open a correction or clarification notice (lower case).
const CORRECTION: &[&str] = &[
    "earlier version",
    "previous version",
    "correction:",
    "clarification:",
    "has been corrected",
    "has been clarified",
    "has been updated to",
    "was corrected",
    "was updated to",
];

fn correction_notice(doc: &Document, q: &Quote) -> bool {
    let s = sentence_of(doc, q);
    let lead = doc
        .text
        .get(s.start..q.span.start.max(s.start))
        .unwrap_or("")
        .to_lowercase();
    CORRECTION.iter().any(|c| lead.contains(c))
}

/// "We should also note that …", "Let us remember that …": the outlet speaks, reporting nobody.
fn outlet_voice(doc: &Document, q: &Quote) -> bool {
    if q.kind != QuoteKind::Reported {
        return false;
    }
    let Some(cue) = q.cue else { return false };
    let s = sentence_of(doc, q);
    let words = words_outside(doc, &Span::text(s.start, cue.start.max(s.start)), &q.span);
    words
        .iter()
        .any(|(_, w)| matches!(w.as_str(), "we" | "let's" | "let’s" | "us"))
}

/// A person or organisation named in the sentence outside the statement, with a reporting cue;
/// a passive cue needs the name as its "by" agent.
fn source_in_sentence(doc: &Document, q: &Quote) -> bool {
    let s = sentence_of(doc, q);
    let outside = words_outside(doc, &s, &q.span);
    // The cue: the quote's own, else a reporting verb or "according to" outside the statement.
    let cue: Option<Span> = q.cue.or_else(|| {
        outside.iter().enumerate().find_map(|(i, (sp, w))| {
            let next = outside.get(i + 1).map(|(_, n)| n.as_str());
            (lexicon::cue(w).is_some() || (w == "according" && next == Some("to"))).then_some(*sp)
        })
    });
    let names: Vec<Span> = doc
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Person | EntityType::Organization))
        .flat_map(|e| e.mentions.iter())
        .filter(|m| s.contains(m) && !m.overlaps(&q.span))
        .filter(|m| {
            // Not inside parentheses: "(anonymously gathered, says Apple)" names no source.
            let lead = doc.text.get(s.start..m.start).unwrap_or("");
            lead.matches('(').count() <= lead.matches(')').count()
        })
        .copied()
        .collect();
    let Some(cue) = cue else {
        // No cue: a partial quotation in a sentence about a named person or organisation.
        return q.kind == QuoteKind::Partial && !names.is_empty();
    };
    // Passive: "was announced", "is said to", "has been widely reported".
    let cue_i = outside.iter().position(|(sp, _)| sp.start >= cue.start);
    let passive = cue_i.is_some_and(|i| {
        let mut k = i;
        while k > 0 && outside[k - 1].1.ends_with("ly") {
            k -= 1;
        }
        k > 0 && is_be(&outside[k - 1].1)
    }) || doc
        .text
        .get(s.start..cue.start.max(s.start))
        .unwrap_or("")
        .to_lowercase()
        .trim_end()
        .ends_with("it");
    if !passive {
        return !names.is_empty();
    }
    // The "by" agent within six words after the cue (the quotes stage may have taken "on
    // Friday by Air Marshal X" for the statement), a name within three words after "by".
    let all: Vec<(Span, String)> = doc
        .tokens_in(&s)
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.span.start > cue.start)
        .map(|t| (t.span, doc.span_text(&t.span).to_lowercase()))
        .collect();
    let agents: Vec<&Span> = doc
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Person | EntityType::Organization))
        .flat_map(|e| e.mentions.iter())
        .filter(|m| s.contains(m))
        .collect();
    all.iter()
        .take(6)
        .enumerate()
        .filter(|(_, (_, w))| w == "by")
        .any(|(i, (by, _))| {
            let window_end = all.get(i + 3).map_or(s.end, |(sp, _)| sp.end);
            agents
                .iter()
                .any(|m| m.start > by.start && m.start < window_end)
        })
}

/// A quotation opening its paragraph right after a paragraph with a sourced quotation, or
/// after one short paragraph with no quotation (a caption) that follows one.
fn continues_quotation(doc: &Document, q: &Quote) -> bool {
    if q.kind != QuoteKind::Direct {
        return false;
    }
    let Some(p) = doc.paragraph_at(q.span.start) else {
        return false;
    };
    let Some(par) = doc.paragraphs.get(p) else {
        return false;
    };
    let lead = doc.text.get(par.start..q.span.start).unwrap_or("");
    if !lead
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '„'))
    {
        return false;
    }
    let sourced_in = |i: usize| {
        doc.paragraphs.get(i).is_some_and(|ps| {
            doc.quotes.iter().any(|o| {
                o.source.kind != SourceType::Unattributed
                    && o.kind != QuoteKind::Reported
                    && ps.contains(&o.span)
            })
        })
    };
    let quoteless = |i: usize| {
        doc.paragraphs.get(i).is_some_and(|ps| {
            !doc.quotes.iter().any(|o| ps.overlaps(&o.span))
                && doc
                    .tokens_in(ps)
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .count()
                    <= 40
        })
    };
    (p >= 1 && sourced_in(p - 1)) || (p >= 2 && quoteless(p - 1) && sourced_in(p - 2))
}

#[cfg(test)]
pub(crate) mod tests {
    use newsprobe_core::Document;

    /// The evidence texts of the `unattributed_claims` finding on `text` (also read by
    /// `hearsay`'s tests).
    pub(crate) fn unsourced(text: &str) -> Vec<String> {
        let mut doc = Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        doc.findings
            .iter()
            .filter(|f| f.kind == "unattributed_claims")
            .flat_map(|f| f.evidence.iter())
            .map(|s| doc.span_text(s).to_string())
            .collect()
    }

    #[test]
    fn a_source_named_in_the_sentence_is_a_source() {
        let text = "Harbor National Bank just this month announced it would scrap the sales \
                    quotas for its branch staff, beginning in January.\n\n\
                    But Governor Lisa Marchetti claims that she should be exempt from the new \
                    ethics rules for state officials.\n\n\
                    The ceasefire along the river was announced on Friday by Air Marshal Karim \
                    Haddad of the northern command.";
        let found = unsourced(text);
        assert!(
            found.is_empty(),
            "every statement names its source: {found:?}"
        );
    }

    #[test]
    fn a_partial_quote_of_the_person_the_sentence_is_about_is_sourced() {
        let text = "Pastor Daniel Okafor persuaded thousands of his followers to fast for weeks \
                    to \"bring them closer to God and away from the sins of the city\".";
        let found = unsourced(text);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_quotation_after_a_caption_continues_the_sourced_one() {
        let text = "\"We have rebuilt the harbour wall twice in ten years and the sea keeps \
                    winning,\" said Mayor Helen Corbett.\n\n\
                    Workers repair the harbour wall in Dunmore on Monday.\n\n\
                    \"Next winter we will need help from the county, or the lower town will flood \
                    again.\"";
        let found = unsourced(text);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_outlets_own_voice_and_corrections_are_no_claims() {
        let text = "We should also note that the council approved the budget without a single \
                    public hearing.\n\n\
                    An earlier version of this story said that the budget was approved in March \
                    rather than in April.";
        let found = unsourced(text);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn words_inside_a_sourced_statement_are_sourced() {
        let text = "Video footage and testimony from residents reveal a pattern of beatings by \
                    the provincial police, who have used tear gas to break up largely peaceful \
                    protests in more than 40 villages across the valley sparked by a rise in bread \
                    prices, said Amnesty International on Tuesday.";
        let found = unsourced(text);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_statement_carrying_its_own_attribution_is_sourced() {
        let text = "A county deputy died after a shooting on Monday afternoon in Dunmore, \
                    according to the sheriff's department.\n\n\
                    Gunfire was reported at about 3 p. m. in the harbour district during an \
                    operation involving a uniformed deputy identified as County Deputy Mark \
                    Ellison, according to sheriff's officials.";
        let found = unsourced(text);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn claims_with_no_source_stay_flagged() {
        let text = "The ministry of health quietly closed three rural clinics last year.\n\n\
                    It was reported that Minister Paul Adeyemi had moved the clinics budget to a \
                    new hospital in the capital.\n\n\
                    It is said that the finance minister blocked the payments to the regional \
                    councils in May.\n\n\
                    It is widely believed that the regional councils will sue the ministry of \
                    health over the closures.";
        let found = unsourced(text);
        for claim in [
            "Paul Adeyemi had moved",
            "finance minister blocked",
            "councils will sue",
        ] {
            assert!(
                found.iter().any(|s| s.contains(claim)),
                "{claim:?} has no source (a name inside the claim is none): {found:?}"
            );
        }
    }
}
