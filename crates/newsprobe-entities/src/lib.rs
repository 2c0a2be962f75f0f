//! Who they are: people, organisations and places, what the article says about them, and checks
//! against a knowledge base.
//!
//! Modules, by the question each answers:
//! - [`gazetteer`]: which words name countries, nationalities, places, organisations, titles?
//! - [`mentions`]: where are names, definite descriptions and pronouns?
//! - [`fused_names`]: where does an organisation's name or a role end and a person's begin?
//! - [`reporting_names`]: is a name typed a person by default an outlet that reports?
//! - [`possessive_offices`]: is "the County Sheriff's Department" one organisation?
//! - [`possessive_brands`]: is "McDonald's" a company with its "'s"?
//! - [`embassies`]: is "the Saudi Embassy" an organisation?
//! - [`party_plurals`]: is "Democrats" the party, "Muslims" no named person?
//! - [`connector_orgs`]: is "the White House Correspondents' Association" one organisation?
//! - [`company_heads`]: is the name after "CEO of" a company?
//! - [`org_heads`]: is an untyped name ending in "Agency" or "Journal" an organisation?
//! - [`person_org_heads`]: is a name typed a person that ends in "Images" or "Fleet" an organisation?
//! - [`acronym_orgs`]: is an acronym nothing typed an organisation that acts?
//! - [`known_acronyms`]: is an untyped acronym a body every reader knows by it ("GOP", "ICE")?
//! - [`crown`]: is "the Crown" of a court report the prosecution?
//! - [`non_persons`]: which names typed a person are storms, laws or peoples?
//! - [`deities`]: which names typed a person are deities, personifications or creeds?
//! - [`headline_names`]: where does a person's name end inside a title-case line?
//! - [`possessive_names`]: does a person's name go on past its possessive? (no)
//! - [`place_or_person`]: is "Jim Hill" a person and "Laos" typed a person a place? (yes)
//! - [`compass_names`]: is "West" a place alone or a word of "West Hollywood", "Adam West"?
//! - [`descriptors`]: what does the article say each one is (role, nationality, affiliation)?
//! - [`tagger`]: which capitalised words name a person, an organisation or a place (learned)?
//! - [`teams`]: which names are sports clubs named after their town?
//! - [`outlets`]: which untyped names does the article call outlets or companies?
//! - [`title_alone`]: is "Sheriff" of "Sheriff's officials" a person? (no)
//! - [`known_outlets`]: which names are well-known news outlets, whatever they were typed?
//! - [`outlet_runs`]: where is a well-known outlet's whole name written, however it was cut?
//! - [`web_names`]: is "news.com.au" one organisation, the site?
//! - [`typer`]: which type is each name found (learned, one decision per name)?
//! - [`learn`]: how are the tagger and the typer trained (`newsprobe train entities`)?
//! - [`coref`]: which mentions are the same entity?
//! - [`kb`]: which knowledge-base record is it?
//! - [`conflicts`]: does the article contradict the record?
//! - [`wikidata`]: a knowledge base from a Wikidata dump.
//! - [`eval`]: how good is all this on GUM's news documents?

use newsprobe_core::{Descriptor, Document, Entity, EntityType, Field};

pub mod acronym_orgs;
pub mod acronyms;
pub mod anaphora;
pub mod club_names;
pub mod company_heads;
pub mod compass_names;
pub mod conflicts;
pub mod connector_orgs;
pub mod coref;
pub mod crown;
pub mod deities;
pub mod descriptors;
pub mod embassies;
pub mod eval;
pub mod fused_names;
pub mod gazetteer;
pub mod headline_names;
pub mod kb;
pub mod known_acronyms;
pub mod known_outlets;
pub mod learn;
pub mod mentions;
pub mod modifiers;
pub mod named_days;
pub mod non_persons;
pub mod occupations;
pub mod org_heads;
pub mod outlet_runs;
pub mod outlets;
pub mod party_plurals;
pub mod person_org_heads;
pub mod place_or_person;
pub mod possessive_brands;
pub mod possessive_names;
pub mod possessive_offices;
pub mod reporting_names;
pub mod role_holders;
pub mod state_codes;
pub mod tagger;
pub mod teams;
pub mod title_alone;
pub mod title_surnames;
pub mod typer;
pub mod web_names;
pub mod wikidata;

pub use kb::{KbRecord, KbRole, KnowledgeBase};

use mentions::{FieldContext, Mention, MentionKind};
use tagger::MODEL;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Data(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// Mentions and their clusters for one document, before they become report entities.
pub struct Analysis {
    /// Body mentions, then headline mentions.
    pub mentions: Vec<Mention>,
    pub clusters: Vec<coref::Cluster>,
}

/// Finds mentions in body and headline and clusters them.
pub fn analyze(doc: &Document) -> Analysis {
    analyze_with(doc, MODEL.as_ref(), None)
}

/// [`analyze`] with a given tagger model (none: the rules alone), handing the tagger's features
/// of the body words to `collect` when asked (for training).
pub fn analyze_with(
    doc: &Document,
    model: Option<&tagger::Model>,
    collect: Option<&mut tagger::Features>,
) -> Analysis {
    analyze_inner(doc, model, collect, anaphora::MODEL.as_ref(), None)
}

/// [`analyze`] with a given pronoun model (none: the rules), handing each pronoun's candidates
/// to `collect` when asked (for training the pronoun model).
pub fn analyze_coref(
    doc: &Document,
    pronouns: Option<&anaphora::Model>,
    collect: Option<&mut anaphora::Collector>,
) -> Analysis {
    analyze_inner(doc, MODEL.as_ref(), None, pronouns, collect)
}

fn analyze_inner(
    doc: &Document,
    model: Option<&tagger::Model>,
    collect: Option<&mut tagger::Features>,
    pronouns: Option<&anaphora::Model>,
    pronoun_choices: Option<&mut anaphora::Collector>,
) -> Analysis {
    let mut body_buf = String::new();
    let body_words = mentions::words_with(
        &doc.text,
        &doc.tokens,
        &doc.sentences,
        Some(&doc.words),
        &mut body_buf,
    );
    let mut title_buf = String::new();
    let title_words = if doc.title_tokens.is_empty() {
        Vec::new()
    } else {
        mentions::words(doc.title(), &doc.title_tokens, &[], &mut title_buf)
    };
    // Which words the rules may ask about ("is it written in lower case somewhere in the
    // body?") that are not themselves lower-case body words: those are the only ones the
    // lower-case words need be looked up against (far fewer than all of them). Tokens other
    // than words are left out: a word starts with a letter, they do not, so no lower-case word
    // is ever equal to one of them.
    let mut asked: gazetteer::Set<&str> =
        gazetteer::Set::with_capacity_and_hasher(body_words.len() / 4, Default::default());
    asked.extend(
        body_words
            .iter()
            .filter(|w| w.cap)
            .chain(&title_words)
            .map(|w| w.norm),
    );
    asked.extend(gazetteer::SPORTS_WORDS.iter().copied());
    // A quick filter before the lookup: most lower-case words share no first and last letter
    // and length with any word asked about.
    let mut filter = [0u64; 64];
    for a in &asked {
        let h = quick_key(a);
        filter[h / 64] |= 1 << (h % 64);
    }
    let mut lowercase: gazetteer::Set<&str> =
        gazetteer::Set::with_capacity_and_hasher(asked.len(), Default::default());
    for w in &body_words {
        if w.is_word && !w.cap {
            let h = quick_key(w.norm);
            if filter[h / 64] & (1 << (h % 64)) != 0 && asked.contains(w.norm) {
                lowercase.insert(w.norm);
            }
        }
    }
    let ctx = FieldContext {
        field: Field::Text,
        lowercase: &lowercase,
        strict_names: None,
        sports: gazetteer::is_sports_report(&lowercase),
    };
    let mut all = mentions::find_mentions(&body_words, &ctx);
    if model.is_some() || collect.is_some() {
        let mut feats = tagger::Features::default();
        tagger::features(&body_words, &all, &lowercase, &mut feats);
        if let Some(m) = model {
            let (mut labels, mut margins) = (Vec::new(), Vec::new());
            m.decode(&feats, &mut labels, &mut margins);
            tagger::apply(&body_words, &labels, &margins, &m.margins, &mut all);
            all = mentions::sort_mentions(all);
            if let Some(t) = &m.types {
                let gl = &feats.gazetteer;
                typer::apply(t, &body_words, gl, &lowercase, ctx.sports, &mut all);
            }
        }
        if let Some(c) = collect {
            feats.typer =
                typer::features_with(&body_words, &all, &lowercase, ctx.sports, &feats.gazetteer)
                    .into_iter()
                    .map(|(i, f)| {
                        let n = all[i].name.unwrap_or(all[i].span);
                        ((n.start, n.end), f)
                    })
                    .collect();
            *c = feats;
        }
    }
    // "Valentine" of "Valentine's Day" is nobody, whatever the tagger and typer made of it.
    named_days::drop_day_owners(&body_words, &mut all);
    // "Actor Leonardo DiCaprio": the occupation is a title, the person is Leonardo DiCaprio.
    occupations::split_roles(&body_words, &mut all);
    // "The Kansas City Chiefs", "the Miami Dolphins": a town's club, not the town.
    teams::type_clubs(&body_words, ctx.sports, &mut all);
    // "the Saints", "Tottenham" in a sports report: the club.
    club_names::type_club_names(&body_words, ctx.sports, &mut all);
    // "Tampa, FL", "Bayou La Batre, Miss.": the state, a place.
    state_codes::type_states(&body_words, &mut all);
    // "according to the Daily Mail", "Knightscope, a startup firm": outlets and companies the
    // article calls so, where nothing typed the name.
    outlets::type_outlets(&body_words, &lowercase, &mut all);
    // "Harbour Screen reported": a name typed a person only by default that the article says
    // reports is an outlet.
    reporting_names::type_reporting_names(&body_words, &lowercase, &mut all);
    // "the Los Angeles County Sheriff's Department": one office, not a place and a "Department".
    possessive_offices::join_offices(&body_words, &lowercase, &mut all);
    // "the White House Correspondents' Association": one organisation, not an "Association";
    // "Refugee Council Enver Solomon": the council and the person.
    connector_orgs::join_connector_orgs(&body_words, &lowercase, &mut all);
    // "McDonald's", "an Adelaide McDonald's": the company, its "'s" kept.
    possessive_brands::type_brands(&body_words, &mut all);
    // "the Saudi Embassy", "the French consulate": the country's mission.
    embassies::type_missions(&body_words, &mut all);
    // "Hurricane Katrina", "the Clean Air Act", "Americans": no person.
    non_persons::untype_non_persons(&body_words, &mut all);
    // "God", "Mother Nature", "Sharia", "God's Grace": no named person.
    deities::untype_deities(&body_words, &mut all);
    // "George Kennan's Long Telegram": the person is George Kennan.
    possessive_names::end_names_at_possessives(&body_words, &mut all);
    // "Axl Rose Dies — Fans React On Twitter": the person is Axl Rose, not the headline's run.
    headline_names::cut_headline_names(&body_words, &lowercase, Field::Text, &mut all);
    // "West Hollywood", "Adam West": "West" opens or ends the name; "the West" stays a place.
    compass_names::join_compass_names(&body_words, &mut all);
    // "Jim Hill" a person, "Laos" typed a person a place.
    place_or_person::type_places_and_persons(&body_words, &mut all);
    // "Democrats" the party, "Muslims" no named person.
    party_plurals::type_party_plurals(&body_words, &mut all);
    // "chairman and CEO of Knightscope": the company a chief executive heads.
    company_heads::type_company_heads(&body_words, &mut all);
    // "the Environmental Protection Agency boss", "the Review-Journal": an untyped name that ends
    // in an organisation's head word.
    org_heads::type_org_heads(&body_words, &mut all);
    // "Getty Images", "the Seventh Fleet": a name typed a person that ends in a head the tagger
    // does not read.
    person_org_heads::type_person_org_heads(&body_words, &mut all);
    // "AAA officials", "the Committee to Protect Journalists (CPJ)": an acronym that acts.
    acronym_orgs::type_acronym_orgs(&body_words, &mut all);
    // "The GOP currently controls", "turned over to ICE": an acronym every reader knows.
    known_acronyms::type_known_acronyms(&body_words, &mut all);
    // "the Crown prosecutor", "asserted by the Crown" in a court report: the prosecution.
    crown::type_crown(&body_words, &mut all);
    // "Sheriff's department officials", "Bishop" alone: a title, no named person.
    title_alone::untype_lone_titles(&body_words, &mut all);
    // One type per acronym and the name it stands for (after the typer: it reads the types the
    // typer left).
    acronyms::unify(&body_words, &mut all);
    // "NBC News", "Entertainment Weekly's", "LifeSiteNews": a well-known outlet's whole name,
    // however the tagger cut it.
    outlet_runs::join_outlet_runs(&body_words, &lowercase, &mut all);
    // "According to news.com.au", "Kath.net": a site's domain name, one organisation.
    web_names::join_web_names(&body_words, &mut all);
    if !doc.title_tokens.is_empty() {
        let named: gazetteer::Set<String> = all
            .iter()
            .filter(|m| m.kind == MentionKind::Name && m.etype == EntityType::Person)
            .flat_map(|m| m.name_text.split_whitespace().map(gazetteer::norm))
            .collect();
        let tctx = FieldContext {
            field: Field::Title,
            lowercase: &lowercase,
            strict_names: Some(&named),
            sports: ctx.sports,
        };
        all.extend(mentions::find_mentions(&title_words, &tctx));
        // "Trump Pardons Hammonds!": the headline's person is Trump.
        headline_names::cut_headline_names(&title_words, &lowercase, Field::Title, &mut all);
    }
    // "Breitbart reported", "an Esquire blog post": a well-known outlet, body and headline.
    known_outlets::type_known_outlets(&body_words, &lowercase, &mut all);
    let clusters = coref::cluster_with(doc, &all, pronouns, pronoun_choices);
    Analysis {
        mentions: all,
        clusters,
    }
}

/// A 12-bit digest of a word's length and first, second and last bytes, for [`analyze`]'s
/// quick filter.
fn quick_key(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, last) = match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => (f as u32, l as u32),
        _ => (0, 0),
    };
    let second = b.get(1).copied().unwrap_or(0) as u32;
    let x = first | second << 8 | last << 16 | (b.len().min(255) as u32) << 24;
    (x.wrapping_mul(0x9E37_79B9) >> 20) as usize
}

/// An entity's id, "e" and its number ("e12"), written without `format!`'s machinery (one per
/// entity, ~5 K a pass).
fn entity_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - at);
    id.push('e');
    for &d in &digits[at..] {
        id.push(char::from(d));
    }
    id
}

/// Finds entities and their descriptors; links them to the knowledge base when given and adds
/// `kb_conflict` findings.
pub fn annotate(doc: &mut Document, kb: Option<&KnowledgeBase>) {
    let Analysis { mentions, clusters } = analyze(doc);
    let date = conflicts::reference_date(doc.metadata.published.as_deref());
    // Entities in order of first mention (the headline comes first).
    let first = |c: &coref::Cluster| {
        c.mentions
            .iter()
            .map(|&i| {
                let s = mentions[i].span;
                (s.field != Field::Title, s.start)
            })
            .min()
            .unwrap_or((true, usize::MAX))
    };
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    order.sort_by_cached_key(|&i| first(&clusters[i]));
    let mut entities = Vec::with_capacity(clusters.len());
    let mut findings = Vec::new();
    for (n, &ci) in order.iter().enumerate() {
        let c = &clusters[ci];
        let mut spans: Vec<_> = c.mentions.iter().map(|&i| mentions[i].span).collect();
        spans.sort_by_key(|s| (s.field != Field::Title, s.start, s.end));
        spans.dedup();
        let mut descriptors: Vec<Descriptor> = Vec::new();
        let mut seen: foldhash::HashSet<_> = Default::default();
        for d in &c.descriptors {
            if seen.insert((d.span, d.kind)) {
                descriptors.push(Descriptor {
                    span: d.span,
                    kind: d.kind,
                });
            }
        }
        let record = kb.and_then(|kb| kb.link(c).map(|i| &kb.records[i]));
        if let Some(r) = record {
            findings.extend(conflicts::check(doc, c, r, &date));
        }
        // A name the rules could not type takes the type of the record it links to.
        let kind = match (c.etype, record.map(|r| r.kind.as_str())) {
            (EntityType::Other, Some("person")) => EntityType::Person,
            (EntityType::Other, Some("organization")) => EntityType::Organization,
            (EntityType::Other, Some("place")) => EntityType::Place,
            (t, _) => t,
        };
        entities.push(Entity {
            id: entity_id(n + 1),
            name: c.canonical(),
            kind,
            mentions: spans,
            descriptors,
            kb_id: record.map(|r| r.id.clone()),
        });
    }
    doc.entities = entities;
    // Running the stage again replaces what it found before.
    doc.findings
        .retain(|f| !(f.kind == "kb_conflict" && f.rule.starts_with("kb_")));
    doc.findings.extend(findings);
}

/// What the rule files' fixture tests share: the type the stage gave a name.
#[cfg(test)]
pub(crate) mod test_support {
    use newsprobe_core::{Document, EntityType};

    /// The type of the first entity the stage named `name`.
    pub fn kind(doc: &Document, name: &str) -> Option<EntityType> {
        doc.entities.iter().find(|e| e.name == name).map(|e| e.kind)
    }

    /// Runs the entity stage on `text`.
    pub fn entities(text: &str) -> Document {
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc, None);
        doc
    }

    /// The mentions, as written, of the entity named `name` (none where there is no such entity).
    pub fn mentions_of<'a>(doc: &'a Document, name: &str) -> Vec<&'a str> {
        doc.entity_named(name)
            .map(|e| doc.mention_texts(e))
            .unwrap_or_default()
    }

    /// Whether `k` (from [`kinds`]) has an organisation named `name`.
    pub fn is_org(k: &[(String, EntityType)], name: &str) -> bool {
        k.iter()
            .any(|(n, t)| n == name && *t == EntityType::Organization)
    }

    /// Runs the entity stage on `text`: each entity's name and type.
    pub fn kinds(text: &str) -> Vec<(String, EntityType)> {
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc, None);
        doc.entities
            .iter()
            .map(|e| (e.name.clone(), e.kind))
            .collect()
    }

    /// Whether `kinds` holds an entity named `name` of type `t`.
    pub fn has(k: &[(String, EntityType)], name: &str, t: EntityType) -> bool {
        k.iter().any(|(n, e)| n == name && *e == t)
    }

    /// Runs the entity stage on `text` and asserts each of `names` is an entity of type `want`.
    pub fn assert_typed(text: &str, names: &[&str], want: EntityType) {
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc, None);
        for s in names {
            assert_eq!(kind(&doc, s), Some(want), "{s}: {:?}", doc.entities);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_ids_are_e_and_the_number() {
        for n in [1usize, 9, 10, 12, 100, 4_321, usize::MAX] {
            assert_eq!(entity_id(n), format!("e{n}"));
        }
    }

    const TEXT: &str = "Admiral Dragone, a senior U.S. naval officer, spoke in Brussels. \
\"We are ready,\" Dragone said, his voice steady. Russian Ambassador to Belgium Denis Gonchar disagreed. \
The ambassador said NATO was preparing for war. Gonchar added that the North Atlantic Treaty Organization had changed.";

    #[test]
    fn clusters_names_titles_and_pronouns() {
        let mut doc = Document::from_text(None, TEXT);
        annotate(&mut doc, None);
        let find = |name: &str| {
            doc.entity_named(name).unwrap_or_else(|| {
                panic!(
                    "{name} in {:?}",
                    doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
                )
            })
        };
        let dragone = find("Admiral Dragone");
        let texts: Vec<&str> = doc.mention_texts(dragone);
        assert_eq!(texts, vec!["Admiral Dragone", "Dragone", "his"]);
        let gonchar = find("Denis Gonchar");
        let texts: Vec<&str> = doc.mention_texts(gonchar);
        assert_eq!(
            texts,
            vec![
                "Russian Ambassador to Belgium Denis Gonchar",
                "The ambassador",
                "Gonchar"
            ]
        );
        let nato = find("North Atlantic Treaty Organization");
        assert_eq!(nato.mentions.len(), 2);
        assert_eq!(nato.kind, EntityType::Organization);
        assert_eq!(doc.entities[0].id, "e1");
    }

    #[test]
    fn nothing_breaks_on_odd_input() {
        for text in [
            "",
            "’s",
            "The",
            "He said.",
            "Ünïcödé Ñame, a the, who",
            "A, , who ,",
            "the former",
        ] {
            let mut doc = Document::from_text(Some("’ ’s The"), text);
            annotate(&mut doc, Some(&KnowledgeBase::default()));
        }
    }
}
