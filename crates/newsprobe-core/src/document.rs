//! One article and everything the stages found in it.
//!
//! Annotation types are generic over the span type `S`: inside the pipeline they hold byte
//! [`Span`]s (the default); in the public [`crate::report::Report`] the same types hold
//! [`crate::report::ReportSpan`]s with code-point offsets and the covered text.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Where the article came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub id: String,
    pub path: Option<String>,
    pub url: Option<String>,
}

/// Metadata of the article: what the page or record says about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Vec<String>,
    /// RFC 3339 (or a bare ISO date when only the day is known).
    pub published: Option<String>,
    pub site: Option<String>,
    /// ISO 639-1 code ("en").
    pub language: Option<String>,
}

/// A sentence of the body, with its check-worthiness score once the framing stage ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence<S = Span> {
    #[serde(flatten)]
    pub span: S,
    pub checkworthiness: f32,
}

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens or dots: "don't", "well-known", "U.S.").
    Word,
    /// Digits, with inner separators ("1,000", "3.5").
    Number,
    /// Punctuation, quote marks and dashes.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// A token: a byte span and its kind. Its text is `span.slice(&doc.text)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Entity types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Place,
    Other,
}

/// Kinds of things an article asserts about an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DescriptorKind {
    Role,
    Nationality,
    Affiliation,
    Other,
}

/// A descriptor: a span of text that says who or what an entity is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Descriptor<S = Span> {
    #[serde(flatten)]
    pub span: S,
    pub kind: DescriptorKind,
}

/// An entity: all its mentions in the article (names, titles, pronouns), clustered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity<S = Span> {
    /// "e1", "e2", ... in order of first mention.
    pub id: String,
    /// Canonical name (the longest proper-name mention).
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub mentions: Vec<S>,
    pub descriptors: Vec<Descriptor<S>>,
    pub kb_id: Option<String>,
}

/// Direct (in quote marks), partial (a few quoted words inside the outlet's sentence), reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Reported,
}

/// Source types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    /// A person or organisation by name.
    Named,
    /// Deliberately unnamed ("an official who spoke on condition of anonymity").
    Anonymous,
    /// Identifiable by role but without a name ("the former prime minister").
    Unnamed,
    /// A group ("experts", "critics", "some officials").
    Vague,
    /// No source at all.
    Unattributed,
}

/// Who a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteSource<S = Span> {
    /// Who the speaker is, resolved ("Denis Gonchar"), or the description as written.
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub kind: SourceType,
    /// The speaker mention nearest the quote, as written ("he", "the ambassador").
    pub mention: Option<S>,
    /// Id of the entity the speaker resolves to.
    pub entity: Option<String>,
    /// The estimated probability (0..1) that the speaker's name (`name`, or `suggested`) is
    /// right, calibrated per way the name was reached (`via`) on the reviewed sample's tuned-on
    /// groups. None where no name was reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// A name reached with a score under the confidence threshold: not shown as the speaker
    /// (`name` is then null) but as "possibly <suggested>"; the mention stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested: Option<String>,
    /// How the name was reached: `named` (at the cue), `entity` (the entity stage's
    /// coreference), `pronoun`, `continued` (the last speaker goes on), `description`,
    /// `surname`, `organisation`, `body`, `age`, `written` (the description as written),
    /// `document` (the author of a document that speaks: "the WHO" of "a report by the WHO").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The calibration cell the score was read from (`via` and a distance band); in memory only.
    #[serde(skip)]
    pub key: Option<String>,
    /// A name the ranker filled where the rules gave none, scored under the confidence
    /// threshold: neither shown nor suggested (`name`, `suggested` and `mention` are then
    /// None; the source type stays), kept for calibration and evaluation; in memory only.
    #[serde(skip)]
    pub declined: Option<String>,
    /// The mention of the `declined` name; in memory only.
    #[serde(skip, default = "Option::default")]
    pub declined_mention: Option<S>,
}

impl<S> QuoteSource<S> {
    /// A source with no confidence yet (`score`, `suggested`, `via` unset: the quotes stage
    /// sets them for the names it reaches).
    pub fn new(
        name: Option<String>,
        kind: SourceType,
        mention: Option<S>,
        entity: Option<String>,
    ) -> Self {
        QuoteSource {
            name,
            kind,
            mention,
            entity,
            score: None,
            suggested: None,
            via: None,
            key: None,
            declined: None,
            declined_mention: None,
        }
    }

    /// The speaker as a reader is shown it: the name, or for a name the engine is unsure of
    /// (`suggested`) "possibly NAME (score)"; None where no name was reached.
    pub fn display_name(&self) -> Option<String> {
        match (&self.name, &self.suggested) {
            (Some(n), _) => Some(n.clone()),
            (None, Some(s)) => Some(match self.score {
                Some(x) => format!("possibly {s} ({x:.2})"),
                None => format!("possibly {s}"),
            }),
            (None, None) => None,
        }
    }
}

/// A quotation or reported statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote<S = Span> {
    /// The content span (inside the quote marks for direct quotes).
    #[serde(flatten)]
    pub span: S,
    pub kind: QuoteKind,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<S>,
    pub source: QuoteSource<S>,
}

/// An attribution that is no statement (report extension, session 24): a belief, intention,
/// perception, act, topic or passive attribution PolNeAR counts and the reviewed sample's
/// convention (a quotation is a clause someone said or wrote) does not. Kept apart from
/// `quotes`: it feeds no sourcing profile, finding or speaker confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution<S = Span> {
    /// The content span (what is believed, wanted, done, asked about).
    #[serde(flatten)]
    pub span: S,
    /// `belief`, `intention`, `perception`, `act`, `topic`, `passive` or `statement`.
    pub kind: String,
    /// The cue word ("thinks", "plans", "endorsed", "questions").
    pub cue: S,
    /// Who holds it, where the subject machinery found one: the mention as written.
    pub source: Option<S>,
    /// The mention's entity name, where the mention names one.
    pub source_name: Option<String>,
    /// The rule or model that produced it.
    pub rule: String,
    /// The cue's learned precision on PolNeAR train, 0..1 (three decimals).
    pub score: f64,
    /// The cue, the source mention and the content.
    pub evidence: Vec<S>,
}

/// Sourcing profile: one row per distinct source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: SourceType,
    pub entity: Option<String>,
    pub quotes: usize,
    pub quoted_words: usize,
}

/// Clickbait score of the headline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Clickbait {
    pub probability: f32,
}

/// How the headline is framed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HeadlineFraming<S = Span> {
    pub clickbait: Clickbait,
    /// Cue words of the headline ("Exclusive", "Discloses").
    pub markers: Vec<S>,
}

/// FNC-1 stances of the body towards the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Agree,
    Disagree,
    Discuss,
    Unrelated,
}

/// Whether the body supports the headline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadlineSupport {
    pub stance: Stance,
    pub confidence: f32,
}

/// A framing cue: loaded language, hedge, secrecy claim...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramingSpan<S = Span> {
    #[serde(flatten)]
    pub span: S,
    /// `loaded`, `hyperbole`, `fear`, `secrecy`, `exclusivity`, `hedge`, `weasel`, `propaganda`.
    pub category: String,
    /// The rule or lexicon entry that fired.
    pub rule: String,
    /// Whether the words stand inside a quotation (they belong to the speaker, not the outlet).
    #[serde(default)]
    pub in_quote: bool,
    /// The propaganda technique (PTC name, e.g. `Loaded_Language`) of a learned span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technique: Option<String>,
    /// The model's score (0..1) of a learned span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// In the report: the span's rule family is below the precision bar for a shown span
    /// ([`crate::signals`]); a scored signal to weigh, not framing to act on. Absent when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signal: bool,
}

/// How the article is framed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Framing<S = Span> {
    pub headline: HeadlineFraming<S>,
    pub headline_support: Option<HeadlineSupport>,
    pub spans: Vec<FramingSpan<S>>,
    /// Density of each category per 1,000 words: `{"outlet": {cat: x}, "quoted": {cat: y}}`.
    #[serde(default)]
    pub profile: serde_json::Value,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Alert,
}

/// Something a reader should know, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding<S = Span> {
    /// `kb_conflict`, `anonymous_sourcing`, `self_contradiction`, `unsupported_headline`, ...
    pub kind: String,
    pub severity: Severity,
    pub message: String,
    pub evidence: Vec<S>,
    /// The rule or model that produced it.
    #[serde(default)]
    pub rule: String,
    /// Strength of the finding, 0..1.
    #[serde(default)]
    pub score: f32,
    /// In the report: the kind's measured precision is below the bar for an accusation
    /// ([`crate::signals`]); severity `info`, a scored signal to weigh, not to act on. Absent
    /// when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signal: bool,
}

/// One article: text, metadata, segmentation, and every annotation the stages add.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub source: SourceInfo,
    pub metadata: Metadata,
    pub text: String,
    /// Paragraph byte spans (blank-line or single-newline separated).
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Tokens of the headline (spans with `Field::Title`).
    pub title_tokens: Vec<Token>,
    /// The body's tokens lower-cased once, with their sentences (filled by segmentation; empty
    /// for a document whose tokens were set otherwise: see [`crate::WordTable::fits`]).
    pub words: crate::words::WordTable,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    /// Attributions that are no statements ([`Attribution`]), apart from `quotes`.
    pub attributions: Vec<Attribution>,
    pub sources: Vec<SourceSummary>,
    pub framing: Framing,
    pub findings: Vec<Finding>,
    /// Whether the text is English (the pipeline sets it from the text's language). The
    /// framing lexicons and every learned model were made for English: on other languages the
    /// framing spans and the sourcing and framing findings are left out (they fired on
    /// Portuguese "clique" and on Russian and Korean words read as loaded language).
    pub english: bool,
}

impl Document {
    /// A document with text and title, segmented, and no annotations yet.
    pub fn new(source: SourceInfo, metadata: Metadata, text: String) -> Self {
        let mut doc = Document {
            source,
            metadata,
            text,
            english: true,
            ..Default::default()
        };
        crate::segment::segment(&mut doc);
        doc
    }

    /// Shortcut for tests: a segmented document from a title and a body.
    pub fn from_text(title: Option<&str>, text: &str) -> Self {
        let metadata = Metadata {
            title: title.map(str::to_string),
            ..Default::default()
        };
        Document::new(
            SourceInfo {
                id: "test".into(),
                ..Default::default()
            },
            metadata,
            text.to_string(),
        )
    }

    pub fn title(&self) -> &str {
        self.metadata.title.as_deref().unwrap_or("")
    }

    /// The string a span points into.
    pub fn field(&self, span: &Span) -> &str {
        match span.field {
            crate::span::Field::Text => &self.text,
            crate::span::Field::Title => self.title(),
        }
    }

    /// The text a span covers.
    pub fn span_text(&self, span: &Span) -> &str {
        span.slice(self.field(span))
    }

    /// Tokens inside a body span (binary search; tokens are in order).
    pub fn tokens_in(&self, span: &Span) -> &[Token] {
        let toks = match span.field {
            crate::span::Field::Text => &self.tokens,
            crate::span::Field::Title => &self.title_tokens,
        };
        let lo = toks.partition_point(|t| t.span.start < span.start);
        let hi = toks.partition_point(|t| t.span.start < span.end);
        &toks[lo..hi.max(lo)]
    }

    /// Index of the sentence holding byte `pos` of the body, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Index of the paragraph holding byte `pos` of the body, if any.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|s| s.end <= pos);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= pos).then_some(i)
    }

    /// The entity with this id, if any: "eN" is looked up at index N-1 first (the entity stage
    /// numbers entities in order), then by a scan for documents built otherwise.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        id.strip_prefix('e')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.entities.get(i))
            .filter(|e| e.id == id)
            .or_else(|| self.entities.iter().find(|e| e.id == id))
    }

    /// The entity with this canonical name, if any.
    pub fn entity_named(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.name == name)
    }

    /// The texts of an entity's mentions, in order.
    pub fn mention_texts(&self, entity: &Entity) -> Vec<&str> {
        entity.mentions.iter().map(|s| self.span_text(s)).collect()
    }

    /// Number of word tokens in the body.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, name: &str) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind: EntityType::Person,
            mentions: Vec::new(),
            descriptors: Vec::new(),
            kb_id: None,
        }
    }

    #[test]
    fn an_entity_is_found_by_its_id_in_order_or_not() {
        let mut doc = Document::from_text(None, "Ana Ruiz met Ben Cole.");
        doc.entities = vec![entity("e1", "Ana Ruiz"), entity("e2", "Ben Cole")];
        assert_eq!(doc.entity("e2").map(|e| e.name.as_str()), Some("Ben Cole"));
        assert!(doc.entity("e3").is_none() && doc.entity("e0").is_none());
        assert!(doc.entity("x1").is_none() && doc.entity("e").is_none());
        // Entities built in another order are still found by their id.
        doc.entities.reverse();
        assert_eq!(doc.entity("e1").map(|e| e.name.as_str()), Some("Ana Ruiz"));
        assert_eq!(doc.entity("e2").map(|e| e.name.as_str()), Some("Ben Cole"));
    }
}
