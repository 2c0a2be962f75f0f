//! Which mentions are the same entity? "Admiral Dragone" = "Dragone" = "the admiral" = "his";
//! "North Atlantic Treaty Organization" = "NATO".
//!
//! Mentions are visited in text order (the headline last, linking only to what the body named).
//! Names join an entity by full name, surname or acronym; definite descriptions by a role the
//! entity already holds (with nationality and "former" agreeing); pronouns by recency within a
//! few sentences and gender. Role-only people ("the former Polish Prime Minister") become their
//! own entity.

use std::collections::{BTreeSet, HashSet};
use std::hash::BuildHasher;
use std::sync::Arc;

use newsprobe_core::{DescriptorKind, Document, EntityType, Field, Span};

use crate::gazetteer::{flag, Gender, GAZETTEER};
use crate::mentions::{FoundDescriptor, Mention, MentionKind, GENERIC_HEADS};

/// An entity under construction.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub etype: EntityType,
    /// Indices into the mention list.
    pub mentions: Vec<usize>,
    /// Proper names it was called by, as written.
    pub names: Vec<String>,
    /// The first normalised name word it was called by ("ursula" for "Ursula von der Leyen").
    pub first_key: Option<String>,
    /// Normalised forms of each name, for matching (shared with the other clusters and
    /// mentions of the document that use the same name).
    pub forms: Vec<Arc<NameForms>>,
    pub roles: crate::gazetteer::Set<String>,
    pub countries: Vec<&'static str>,
    pub former: bool,
    pub gender: Gender,
    /// Whether `gender` was read from a name (a given name, a title), not from a pronoun joined.
    pub named_gender: bool,
    pub plural: bool,
    /// Named only as a noun modifier ("an early Oscar contender"): no pronoun's antecedent
    /// ([`crate::modifiers`]).
    pub modifier_only: bool,
    pub descriptors: Vec<FoundDescriptor>,
    /// The (span, kind) of each of `descriptors`: a role named in every paragraph of a
    /// transcript is checked in one look-up, not a scan over all its descriptors.
    descriptor_keys: HashSet<(Span, DescriptorKind)>,
    /// The description, for people known only by a role.
    pub description: Option<String>,
    /// A short title bound to a one-word name ("Admiral").
    pub short_title: Option<String>,
    /// Whether one of its mentions stands next to a verb of saying (`anaphora::speaks`; kept
    /// only while the pronoun model runs: its `spk` feature, read once a mention, not once a
    /// pronoun's candidate).
    pub speaker: bool,
    /// Position of the latest mention (body byte offset), for recency.
    pub last: usize,
    pub last_sentence: usize,
}

impl Cluster {
    fn new(m: &Mention) -> Self {
        Cluster {
            etype: m.etype,
            mentions: Vec::new(),
            names: Vec::new(),
            first_key: None,
            forms: Vec::new(),
            roles: Default::default(),
            countries: Vec::new(),
            former: false,
            gender: Gender::Unknown,
            named_gender: false,
            plural: m.plural,
            modifier_only: false,
            descriptors: Vec::new(),
            descriptor_keys: HashSet::new(),
            description: None,
            short_title: None,
            speaker: false,
            last: 0,
            last_sentence: 0,
        }
    }

    /// Whether the entity has a proper name.
    pub fn is_named(&self) -> bool {
        !self.names.is_empty()
    }

    /// Canonical name: the fullest proper name ("Denis Gonchar"); a one-word name keeps a short
    /// title bound to it ("Admiral Dragone"); role-only people are named by the description.
    pub fn canonical(&self) -> String {
        let best = self
            .names
            .iter()
            .max_by_key(|n| (n.split_whitespace().count(), n.len()));
        match best {
            Some(n) if n.split_whitespace().count() == 1 && self.etype == EntityType::Person => {
                match &self.short_title {
                    Some(t) => format!("{t} {n}"),
                    None => n.clone(),
                }
            }
            Some(n) => n.clone(),
            None => self.description.clone().unwrap_or_default(),
        }
    }

    /// Adds a mention (with the forms of its name, for names); says whether the cluster got a
    /// name it did not have, whose forms must then be indexed.
    fn absorb(
        &mut self,
        idx: usize,
        m: &Mention,
        sentence: usize,
        forms: Option<&Arc<NameForms>>,
    ) -> bool {
        let mut new_name = false;
        // "Omar" after "Ilhan Omar" is her surname: the gazetteer's given name tells nothing of
        // her gender (a title bound to it still does: "Mrs. Omar").
        let surname_alone = m.kind == MentionKind::Name
            && forms.is_some_and(|f| {
                f.word_count() == 1
                    && self
                        .forms
                        .iter()
                        .any(|n| n.word_count() >= 2 && n.last_word() == f.last_word())
            })
            && m.title_text.as_deref().is_none_or(|t| {
                GAZETTEER.gender_of_word(t.split_whitespace().last().unwrap_or(""))
                    == Gender::Unknown
            });
        self.mentions.push(idx);
        if let (MentionKind::Name, Some(forms)) = (m.kind, forms) {
            let text = strip_the(&m.name_text);
            if !self.names.iter().any(|n| n == text) {
                self.names.push(text.to_string());
                self.forms.push(Arc::clone(forms));
                new_name = true;
            }
            if self.first_key.is_none() {
                self.first_key = forms.words().next().map(str::to_string);
            }
            if let Some(t) = &m.title_text {
                if !t.contains(' ') && text.split_whitespace().count() == 1 {
                    self.short_title = Some(t.clone());
                }
            }
        }
        if m.kind == MentionKind::Description && self.description.is_none() && !self.is_named() {
            let d = m.name_text.clone();
            self.description = Some(match d.strip_prefix("The ") {
                Some(rest) => format!("the {rest}"),
                None => d,
            });
        }
        if self.gender == Gender::Unknown && !surname_alone {
            self.gender = m.gender;
            self.named_gender = m.kind != MentionKind::Pronoun && m.gender != Gender::Unknown;
        }
        if m.kind == MentionKind::Description {
            self.roles.insert(m.head.clone());
        }
        for d in &m.descriptors {
            for r in &d.roles {
                self.roles.insert(r.clone());
                if let Some(last) = r.split_whitespace().last() {
                    self.roles.insert(last.to_string());
                }
            }
            for c in &d.countries {
                if !self.countries.contains(c) {
                    self.countries.push(c);
                }
            }
            self.former |= d.former;
            if self.descriptor_keys.insert((d.span, d.kind)) {
                self.descriptors.push(d.clone());
            }
        }
        if m.span.field == Field::Text {
            self.last = self.last.max(m.span.start);
            self.last_sentence = self.last_sentence.max(sentence);
        }
        new_name
    }
}

fn key(w: &str) -> String {
    trim_dots(crate::gazetteer::norm(w))
}

/// `s` without trailing periods, reusing its buffer.
fn trim_dots(mut s: String) -> String {
    let l = s.trim_end_matches('.').len();
    s.truncate(l);
    s
}

/// Initials of the capitalised words of a name ("North Atlantic Treaty Organization" -> "nato").
#[cfg(test)]
fn initials(name: &str) -> String {
    let mut out = String::with_capacity(4);
    push_initials(&mut out, name);
    out
}

fn acronym_key(name: &str) -> Option<String> {
    // Cheap checks first; the letters are collected only for names that pass them.
    let mut words = name.split_whitespace();
    if words.next().is_none() || words.next().is_some() {
        return None;
    }
    let mut alnum = name.chars().filter(|c| c.is_alphanumeric());
    if !alnum.all(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    let letters: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
    (letters.len() >= 2).then(|| letters.to_lowercase())
}

/// A key that makes equivalent names of organisations and places equal ("U.S." = "United States").
/// ([`NameForms::of`] computes the same without normalising twice.)
#[cfg(test)]
fn place_org_key(name: &str) -> String {
    let g = &*GAZETTEER;
    let n = strip_the(name);
    match g.country(n) {
        Some(c) => key(c),
        None => key(n),
    }
}

/// Heads that stand for leaders of any kind ("the former leader").
const LEADER_ROLES: &[&str] = &[
    "president",
    "prime minister",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "leader",
    "chairman",
    "chair",
    "secretary-general",
    "secretary general",
    "head",
    "chief",
    "governor",
    "mayor",
    "ceo",
    "director",
];

fn role_compatible(head: &str, c: &Cluster) -> bool {
    if c.roles.contains(head) {
        return true;
    }
    let last = head.split_whitespace().last().unwrap_or(head);
    if c.roles.contains(last) && !GENERIC_HEADS.contains(&last) {
        return true;
    }
    match last {
        "leader" => LEADER_ROLES.iter().any(|r| c.roles.contains(*r)),
        "official" | "diplomat" => !c.roles.is_empty(),
        "officer" => c.roles.iter().any(|r| {
            matches!(
                r.as_str(),
                "admiral"
                    | "general"
                    | "colonel"
                    | "captain"
                    | "commander"
                    | "lieutenant"
                    | "officer"
                    | "major"
            )
        }),
        "man" => c.gender == Gender::Male,
        "woman" => c.gender == Gender::Female,
        _ => false,
    }
}

/// `text` without leading "the " and then "The " (each as often as it repeats).
fn strip_the(text: &str) -> &str {
    let mut t = text;
    while let Some(rest) = t.strip_prefix("the ") {
        t = rest;
    }
    while let Some(rest) = t.strip_prefix("The ") {
        t = rest;
    }
    t
}

/// Clusters the mentions (body first, then headline) into entities.
pub fn cluster(doc: &Document, mentions: &[Mention]) -> Vec<Cluster> {
    cluster_with(doc, mentions, crate::anaphora::MODEL.as_ref(), None)
}

/// [`cluster`] with a given pronoun model (none: the latest person that agrees), handing each
/// pronoun's candidates and their features to `collect` when asked (for training).
pub fn cluster_with(
    doc: &Document,
    mentions: &[Mention],
    model: Option<&crate::anaphora::Model>,
    mut collect: Option<&mut crate::anaphora::Collector>,
) -> Vec<Cluster> {
    let sentence_of = |m: &Mention| match m.span.field {
        Field::Text => doc.sentence_at(m.span.start).unwrap_or(0),
        Field::Title => 0,
    };
    let mut deferred = Vec::new();
    let names = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .count();
    // Mostly names start entities (many names repeat one before them).
    let mut clusters: Vec<Cluster> = Vec::with_capacity(names / 2 + 4);
    let mut index = NameIndex::with_capacity(names * 3);
    // The forms of each distinct name in this document, computed once ("Romon" ... "Romon").
    let mut forms_of: crate::gazetteer::Map<&str, Arc<NameForms>> =
        crate::gazetteer::Map::with_capacity_and_hasher(names, Default::default());
    // (sentence, cluster) of every body mention a cluster absorbed, in text order: pronouns
    // look only at the clusters mentioned in their last few sentences, not at all of them (a
    // transcript naming thousands of people stays linear).
    let mut touched: Vec<(usize, usize)> = Vec::new();
    let mut near: Vec<usize> = Vec::new();
    // (last, cluster) of every cluster: descriptions look at the clusters latest mentioned first
    // and stop at the first that fits (or after [`RECENT_CLUSTERS`]), not at all of them.
    let mut recent: BTreeSet<(usize, usize)> = BTreeSet::new();
    let learned = model.is_some() || collect.is_some();
    for (idx, m) in mentions.iter().enumerate() {
        let in_title = m.span.field == Field::Title;
        let sent = sentence_of(m);
        let forms = (m.kind == MentionKind::Name).then(|| {
            let text = strip_the(&m.name_text);
            Arc::clone(
                forms_of
                    .entry(text)
                    .or_insert_with(|| Arc::new(NameForms::of(text))),
            )
        });
        // A description two people may mean ([`crate::role_holders`]): no one, and no person
        // of its own (a role-only entity would take the pronouns after it).
        let mut ambiguous = false;
        let target = match m.kind {
            MentionKind::Name => forms
                .as_deref()
                .and_then(|f| index.match_name(&clusters, m, f)),
            MentionKind::Description if m.etype == EntityType::Organization => {
                match_organization(&clusters, &recent, m)
            }
            MentionKind::Description => {
                match_description(doc, &clusters, &recent, m, sent, &mut ambiguous)
            }
            MentionKind::Pronoun => {
                if in_title {
                    continue;
                }
                let window = if learned {
                    *crate::anaphora::WINDOW
                } else {
                    PRONOUN_SENTENCES
                };
                let from = touched.partition_point(|&(s, _)| s + window < sent);
                near.clear();
                near.extend(touched[from..].iter().map(|&(_, c)| c));
                near.sort_unstable();
                near.dedup();
                if !learned {
                    match_pronoun(&clusters, &near, m, sent)
                } else {
                    let cands = pronoun_candidates(&clusters, &near, m, sent, window);
                    crate::anaphora::choose(
                        doc,
                        mentions,
                        &clusters,
                        idx,
                        sent,
                        &cands,
                        model,
                        collect.as_deref_mut(),
                    )
                    .map(|(c, _)| c)
                }
            }
        };
        let body = !in_title;
        // (Asked only where it counts: a cluster already named outside a noun phrase stays so.)
        let modifier = || {
            m.kind == MentionKind::Name
                && m.etype != EntityType::Place
                && crate::modifiers::is_noun_modifier(doc, m.name.unwrap_or(m.span))
        };
        match target {
            Some(c) => {
                let cl = &mut clusters[c];
                if cl.modifier_only {
                    cl.modifier_only = modifier();
                }
                if cl.etype == EntityType::Other
                    && m.etype != EntityType::Other
                    && m.kind == MentionKind::Name
                {
                    cl.etype = m.etype;
                }
                if m.kind == MentionKind::Pronoun && cl.gender == Gender::Unknown {
                    cl.gender = m.gender;
                }
                let before = cl.last;
                if learned && !cl.speaker {
                    cl.speaker = crate::anaphora::speaks(doc, m);
                }
                if let (true, Some(f)) = (cl.absorb(idx, m, sent, forms.as_ref()), &forms) {
                    index.add(c, f);
                }
                if clusters[c].last != before {
                    recent.remove(&(before, c));
                    recent.insert((clusters[c].last, c));
                }
                if body {
                    touched.push((sent, c));
                }
            }
            None => {
                let new_entity = match m.kind {
                    MentionKind::Name => !m.weak,
                    MentionKind::Description if m.etype == EntityType::Organization => false,
                    MentionKind::Description => {
                        !in_title
                            && !ambiguous
                            && !GENERIC_HEADS
                                .contains(&m.head.split_whitespace().last().unwrap_or(""))
                    }
                    MentionKind::Pronoun => false,
                };
                if new_entity {
                    let mut c = Cluster::new(m);
                    c.modifier_only = modifier();
                    c.speaker = learned && crate::anaphora::speaks(doc, m);
                    if let (true, Some(f)) = (c.absorb(idx, m, sent, forms.as_ref()), &forms) {
                        index.add(clusters.len(), f);
                    }
                    if body {
                        touched.push((sent, clusters.len()));
                    }
                    recent.insert((c.last, clusters.len()));
                    clusters.push(c);
                } else if m.weak {
                    deferred.push((idx, sent));
                }
            }
        }
    }
    // A weak name before the full one ("Braverman (left) ..." then "Suella Braverman"): it joins
    // the entity named later, or nothing.
    for (idx, sent) in deferred {
        let m = &mentions[idx];
        let Some(f) = forms_of.get(strip_the(&m.name_text)) else {
            continue;
        };
        if let Some(c) = index.match_name(&clusters, m, f) {
            if clusters[c].modifier_only {
                clusters[c].modifier_only =
                    crate::modifiers::is_noun_modifier(doc, m.name.unwrap_or(m.span));
            }
            if clusters[c].absorb(idx, m, sent, Some(f)) {
                index.add(c, f);
            }
        }
    }
    clusters
}

/// Normalised forms of a name, computed once, all in one buffer.
#[derive(Debug, Clone, Default)]
pub struct NameForms {
    /// The normalised name (its first `normed` bytes), then the keys that are not slices of it.
    buf: String,
    normed: usize,
    full: (usize, usize),
    place_key: (usize, usize),
    acronym: Option<(usize, usize)>,
    initials: (usize, usize),
    /// How many words, and the last of them.
    word_count: usize,
    last_word: Option<(usize, usize)>,
}

impl NameForms {
    pub fn of(name: &str) -> Self {
        // Normalisation maps character by character (whitespace to itself, nothing else to
        // whitespace, the ASCII "the " to itself), so the name is normalised once and its words
        // and its suffix after "the " are slices of that: the same as [`key`] of each part.
        let g = &*GAZETTEER;
        let mut buf = crate::gazetteer::norm(name);
        let normed = buf.len();
        let range = |part: &str, buf: &str| {
            let start = part.as_ptr() as usize - buf.as_ptr() as usize;
            (start, start + part.len())
        };
        let (word_count, last_word) = {
            let mut count = 0;
            let mut last = None;
            for w in buf.split_whitespace() {
                count += 1;
                last = Some(range(w.trim_end_matches('.'), &buf));
            }
            (count, last)
        };
        let full = (0, buf.trim_end_matches('.').len());
        // As `place_org_key(name)`.
        let n = strip_the(name);
        let n_start = name.len() - n.len();
        let n_norm = &buf[n_start..];
        let look = n_norm.trim();
        let look = look.strip_prefix("the ").unwrap_or(look);
        let place_key = match g.country_of.get(look) {
            Some(c) => {
                let from = buf.len();
                push_key(&mut buf, c);
                (from, buf.len())
            }
            None => (n_start, n_start + n_norm.trim_end_matches('.').len()),
        };
        let from = buf.len();
        push_initials(&mut buf, name);
        let initials = (from, buf.len());
        let acronym = acronym_key(name).map(|a| {
            let from = buf.len();
            buf.push_str(&a);
            (from, buf.len())
        });
        NameForms {
            buf,
            normed,
            full,
            place_key,
            acronym,
            initials,
            word_count,
            last_word,
        }
    }

    fn at(&self, (a, b): (usize, usize)) -> &str {
        &self.buf[a..b]
    }

    /// The normalised name without trailing periods (as [`key`]).
    pub fn full(&self) -> &str {
        self.at(self.full)
    }

    /// The normalised words of the name, without trailing periods (each as [`key`]).
    pub fn words(&self) -> impl Iterator<Item = &str> + Clone {
        self.buf[..self.normed]
            .split_whitespace()
            .map(|w| w.trim_end_matches('.'))
    }

    pub fn word_count(&self) -> usize {
        self.word_count
    }

    pub fn last_word(&self) -> Option<&str> {
        self.last_word.map(|r| self.at(r))
    }

    /// A key that makes equivalent names of organisations and places equal.
    pub fn place_key(&self) -> &str {
        self.at(self.place_key)
    }

    pub fn acronym(&self) -> Option<&str> {
        self.acronym.map(|r| self.at(r))
    }

    pub fn initials(&self) -> &str {
        self.at(self.initials)
    }
}

/// Appends [`key`] of `w`.
fn push_key(buf: &mut String, w: &str) {
    let k = key(w);
    buf.push_str(&k);
}

/// Appends [`initials`] of `name`.
fn push_initials(buf: &mut String, name: &str) {
    for w in name.split_whitespace() {
        match w.chars().next() {
            // (ASCII, the common case, without the Unicode case tables.)
            Some(c) if c.is_ascii_uppercase() => buf.push(c.to_ascii_lowercase()),
            Some(c) if !c.is_ascii() && c.is_uppercase() => buf.extend(c.to_lowercase()),
            _ => {}
        }
    }
}

/// Which clusters have a name form with a given key, so that a name is compared only with the
/// clusters it can match instead of with all of them. Every test in [`match_name_among`]
/// compares a key of the name with a key of one of a cluster's forms, each of its own kind
/// ([`Key`]: full name, first word, last word, place key, initials, acronym), so the clusters
/// sharing a key of the right kind with the name are all it can match. A key's kind is part of
/// it: the first name of thousands of people in a transcript ("John") is looked up only for a
/// one-word name, their initials only for an acronym, so a name does not gather them all. Keys
/// are hashes of the kind and the text: a collision only adds a candidate, and every candidate
/// is checked in full.
struct NameIndex {
    state: foldhash::fast::FixedState,
    /// Key hash -> the latest entry of its list in `entries`.
    head: crate::gazetteer::Map<u64, usize>,
    /// (cluster, previous entry of the same key or `usize::MAX`).
    entries: Vec<(usize, usize)>,
    candidates: Vec<usize>,
}

/// The kinds of [`NameIndex`] keys.
#[derive(Clone, Copy, Hash)]
enum Key {
    Full,
    First,
    Last,
    Place,
    Initials,
    Acronym,
}

impl NameIndex {
    fn with_capacity(keys: usize) -> Self {
        NameIndex {
            state: Default::default(),
            head: crate::gazetteer::Map::with_capacity_and_hasher(keys, Default::default()),
            entries: Vec::with_capacity(keys),
            candidates: Vec::new(),
        }
    }

    fn put(&mut self, kind: Key, text: &str, cluster: usize) {
        let h = self.state.hash_one((kind, text));
        let next = self.entries.len();
        let old = self.head.insert(h, next).unwrap_or(usize::MAX);
        // A cluster named again under the same key usually is the latest under it; any other
        // repeat only repeats a candidate, which [`NameIndex::match_name`] drops (walking the
        // whole list here would be quadratic in a key thousands of people share).
        if old != usize::MAX && self.entries[old].0 == cluster {
            self.head.insert(h, old);
            return;
        }
        self.entries.push((cluster, old));
    }

    /// Records that `cluster` is (now) called by a name with these forms.
    fn add(&mut self, cluster: usize, f: &NameForms) {
        self.put(Key::Full, f.full(), cluster);
        if let Some(w) = f.words().next() {
            self.put(Key::First, w, cluster);
        }
        if let Some(w) = f.last_word() {
            self.put(Key::Last, w, cluster);
        }
        self.put(Key::Place, f.place_key(), cluster);
        self.put(Key::Initials, f.initials(), cluster);
        if let Some(a) = f.acronym() {
            self.put(Key::Acronym, a, cluster);
        }
    }

    /// The cluster a name belongs to ([`match_name_among`]), among the clusters that share a key
    /// of the right kind with the name: its full name (a full name), each of its words (a
    /// one-word name), its last word (a last word), a one-word name (a first word), its place
    /// key (a place key), its acronym (initials) and its initials (an acronym).
    fn match_name(&mut self, clusters: &[Cluster], m: &Mention, f: &NameForms) -> Option<usize> {
        let mut found = std::mem::take(&mut self.candidates);
        found.clear();
        let mut look = |kind: Key, text: &str| {
            let mut e = self
                .head
                .get(&self.state.hash_one((kind, text)))
                .copied()
                .unwrap_or(usize::MAX);
            while e != usize::MAX {
                found.push(self.entries[e].0);
                e = self.entries[e].1;
            }
        };
        look(Key::Full, f.full());
        if f.word_count() > 1 {
            for w in f.words() {
                look(Key::Full, w);
            }
        }
        if let Some(last) = f.last_word() {
            look(Key::Last, last);
            if f.word_count() == 1 {
                look(Key::First, last);
            }
        }
        look(Key::Place, f.place_key());
        if let Some(a) = f.acronym() {
            look(Key::Initials, a);
        }
        look(Key::Acronym, f.initials());
        found.sort_unstable();
        found.dedup();
        let best = match_name_among(clusters, m, f, found.iter().copied());
        // The index only narrows the search: comparing with every cluster finds the same
        // (checked in debug builds, on articles of a usual size: on a transcript naming
        // thousands of people the check itself would be quadratic).
        if cfg!(debug_assertions) && clusters.len() <= 400 {
            assert_eq!(
                best,
                match_name_among(clusters, m, f, 0..clusters.len()),
                "{:?}",
                m.name_text
            );
        }
        self.candidates = found;
        best
    }
}

/// The cluster a name belongs to among `candidates` (in increasing order): the latest mentioned
/// of those it matches.
fn match_name_among(
    clusters: &[Cluster],
    m: &Mention,
    f: &NameForms,
    candidates: impl Iterator<Item = usize> + Clone,
) -> Option<usize> {
    let last = f.last_word()?;
    let mut best: Option<usize> = None;
    let consider = |best: &mut Option<usize>, i: usize| {
        if best.is_none_or(|b| clusters[b].last <= clusters[i].last) {
            *best = Some(i);
        }
    };
    // A one-word name that is a named person's surname is that person ("Paris" after
    // "Valeska Paris"), whatever the gazetteer says.
    if f.word_count() == 1
        && !m.plural
        && matches!(m.etype, EntityType::Place | EntityType::Organization)
    {
        for i in candidates.clone() {
            let c = &clusters[i];
            if c.etype == EntityType::Person
                && !c.plural
                && c.forms
                    .iter()
                    .any(|n| n.word_count() >= 2 && n.last_word() == Some(last))
            {
                consider(&mut best, i);
            }
        }
        if best.is_some() {
            return best;
        }
    }
    for i in candidates {
        let c = &clusters[i];
        if !c.is_named() {
            continue;
        }
        let person_like = |t: EntityType| matches!(t, EntityType::Person | EntityType::Other);
        if person_like(m.etype) && person_like(c.etype) && !(m.plural || c.plural) {
            // Same full name, same surname, or a one-word name equal to a name word.
            let c_last = c
                .forms
                .iter()
                .max_by_key(|n| n.word_count())
                .and_then(|n| n.last_word());
            let same = c.forms.iter().any(|n| n.full() == f.full())
                || c_last == Some(last)
                || (f.word_count() == 1 && c.first_key.as_deref() == Some(last))
                || c.forms
                    .iter()
                    .any(|n| n.word_count() == 1 && f.words().any(|w| w == n.full()));
            if same
                && !(m.etype == EntityType::Person
                    && c.etype == EntityType::Person
                    && other_given_names(c, f))
                && (m.etype == c.etype
                    || m.etype == EntityType::Other
                    || c.etype == EntityType::Other)
            {
                consider(&mut best, i);
            }
            continue;
        }
        // A people in the plural ("Americans") never joins its country's place or any other
        // singular name through the place key ("America"), nor the other way round.
        if m.plural != c.plural {
            continue;
        }
        if m.etype == c.etype || m.etype == EntityType::Other || c.etype == EntityType::Other {
            let same = c.forms.iter().any(|n| n.place_key() == f.place_key())
                || f.acronym()
                    .is_some_and(|a| c.forms.iter().any(|n| n.initials() == a))
                || c.forms.iter().any(|n| n.acronym() == Some(f.initials()));
            if same {
                consider(&mut best, i);
            }
        }
    }
    best
}

/// Whether a full name ("Leonard Farrakhan") shares only its surname with the cluster's full
/// names ("Louis Farrakhan"): two given names, one surname, two people. Initials ("J."),
/// titles, common words and a shared nickname stem (the first two letters: "Bernie" and
/// "Bernard", "Larry" and "Lawrence") leave them one. Asked of two people's names only.
fn other_given_names(c: &Cluster, f: &NameForms) -> bool {
    if f.word_count() < 2 {
        return false;
    }
    let given = |n: &NameForms| -> Vec<String> {
        let count = n.word_count();
        n.words()
            .take(count - 1)
            .filter(|w| {
                w.len() >= 3
                    && w.chars().all(|ch| ch.is_alphabetic() || ch == '-')
                    && GAZETTEER.flags(w)
                        & (flag::TITLE | flag::ROLE_NOUN | flag::DEMONYM | flag::COMMON)
                        == 0
            })
            .map(|w| w.chars().take(2).collect())
            .collect()
    };
    let mine = given(f);
    if mine.is_empty() {
        return false;
    }
    let mut full = c
        .forms
        .iter()
        .filter(|n| n.word_count() >= 2 && n.last_word() == f.last_word())
        .peekable();
    full.peek().is_some()
        && full.all(|n| {
            let theirs = given(n);
            !theirs.is_empty() && !theirs.iter().any(|t| mine.contains(t))
        })
}

/// How many of the latest mentioned clusters a description looks at: every cluster of a news
/// article, and a transcript naming thousands of people stays linear.
const RECENT_CLUSTERS: usize = 1_000;

/// The person a definite description ("the minister") refers to: the latest mentioned whose role
/// (and nationality, and "former") fits, among the [`RECENT_CLUSTERS`] latest mentioned.
/// `recent` holds (last, cluster) of every cluster, so the first that fits, walking it from the
/// end, is the latest (among equally late, the highest index).
///
/// Where another person holds the role too, or an unnamed holder ("another analyst") is written
/// after the latest one, no one, unless the sentence settles it ([`crate::role_holders`]).
fn match_description(
    doc: &Document,
    clusters: &[Cluster],
    recent: &BTreeSet<(usize, usize)>,
    m: &Mention,
    sent: usize,
    ambiguous: &mut bool,
) -> Option<usize> {
    let countries: Vec<&str> = m
        .descriptors
        .iter()
        .flat_map(|d| d.countries.iter().copied())
        .collect();
    let former = m.descriptors.iter().any(|d| d.former);
    let mut chosen: Option<usize> = None;
    for &(_, i) in recent.iter().rev().take(RECENT_CLUSTERS) {
        let c = &clusters[i];
        if let Some(k) = chosen {
            // Looking for another holder of the role: where the chosen one was mentioned near
            // (this sentence or the one before), only as near a holder unsettles it.
            let near = sent.saturating_sub(1);
            if clusters[k].last_sentence >= near && c.last_sentence < near {
                break;
            }
        }
        if c.etype != EntityType::Person || c.plural {
            continue;
        }
        if m.span.field == Field::Text && c.mentions.is_empty() {
            continue;
        }
        if !role_compatible(&m.head, c) {
            continue;
        }
        if !countries.is_empty()
            && !c.countries.is_empty()
            && !countries.iter().any(|x| c.countries.contains(x))
        {
            // In the headline, a nationality that disagrees is a claim to check, not another person.
            if m.span.field == Field::Text {
                continue;
            }
        }
        if former && !c.former {
            continue;
        }
        match chosen {
            None => {
                if *ROLE_HOLDERS && crate::role_holders::holds(&m.head, c) {
                    if m.span.field == Field::Text
                        && crate::role_holders::unnamed_between(doc, &m.head, c.last, m.span.start)
                    {
                        *ambiguous = true;
                        return None;
                    }
                    chosen = Some(i);
                } else {
                    return Some(i);
                }
            }
            Some(k) => {
                if crate::role_holders::holds(&m.head, c)
                    && !crate::role_holders::settled(&clusters[k], c, sent)
                {
                    *ambiguous = true;
                    return None;
                }
            }
        }
    }
    chosen
}

/// Whether [`match_description`] leaves a role two people hold unlinked
/// (`NEWSPROBE_ROLE_HOLDERS=0` links the latest, as before session 24; experiments).
static ROLE_HOLDERS: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var("NEWSPROBE_ROLE_HOLDERS").map_or(true, |s| s != "0"));

/// "the alliance" -> the latest organisation whose name ends in "Alliance" or is NATO;
/// "the bloc" -> the EU; "the company" -> the latest "... Company".
/// Among the [`RECENT_CLUSTERS`] latest mentioned (`recent`, as for [`match_description`]).
fn match_organization(
    clusters: &[Cluster],
    recent: &BTreeSet<(usize, usize)>,
    m: &Mention,
) -> Option<usize> {
    let head = m.head.as_str();
    let mut best: Option<usize> = None;
    for &(last, i) in recent.iter().rev().take(RECENT_CLUSTERS) {
        // Walking from the latest: the first that fits wins, or among equally late ones the
        // lowest index.
        if best.is_some_and(|b| clusters[b].last != last) {
            break;
        }
        let c = &clusters[i];
        if c.etype != EntityType::Organization || !c.is_named() || c.last >= m.span.start {
            continue;
        }
        let fits = c.forms.iter().any(|f| {
            f.last_word() == Some(head)
                || match head {
                    "alliance" => f.full() == "nato" || f.initials() == "nato",
                    "bloc" | "union" => f.full() == "eu" || f.initials() == "eu",
                    "organization" | "organisation" => {
                        f.words()
                            .any(|w| w == "organization" || w == "organisation")
                            || f.acronym().is_some_and(|a| a.ends_with('o'))
                    }
                    _ => false,
                }
        });
        if fits {
            best = Some(i);
        }
    }
    best
}

/// How many sentences back a pronoun looks for its person.
const PRONOUN_SENTENCES: usize = 3;

/// The people a pronoun may refer to among `near` (as [`match_pronoun`] reads them), latest
/// mentioned first.
fn pronoun_candidates(
    clusters: &[Cluster],
    near: &[usize],
    m: &Mention,
    sent: usize,
    window: usize,
) -> Vec<usize> {
    let soft = *crate::anaphora::SOFT_GENDER;
    let mut out: Vec<usize> = near
        .iter()
        .copied()
        .filter(|&i| {
            let c = &clusters[i];
            c.etype == EntityType::Person
                && !c.plural
                && !c.modifier_only
                && c.last < m.span.start
                && sent.saturating_sub(c.last_sentence) <= window
                && !((!soft || c.named_gender)
                    && c.gender != Gender::Unknown
                    && m.gender != Gender::Unknown
                    && c.gender != m.gender)
        })
        .collect();
    // Latest first; among equally late, the lowest index first (as [`match_pronoun`]).
    out.sort_by(|&a, &b| clusters[b].last.cmp(&clusters[a].last).then(a.cmp(&b)));
    out
}

/// The latest person a pronoun agrees with among `near` (the clusters, in index order,
/// mentioned in the body within the last [`PRONOUN_SENTENCES`] sentences).
fn match_pronoun(clusters: &[Cluster], near: &[usize], m: &Mention, sent: usize) -> Option<usize> {
    let mut best: Option<usize> = None;
    for &i in near {
        let c = &clusters[i];
        if c.etype != EntityType::Person || c.plural || c.modifier_only || c.last >= m.span.start {
            continue;
        }
        if sent.saturating_sub(c.last_sentence) > PRONOUN_SENTENCES {
            continue;
        }
        if c.gender != Gender::Unknown && m.gender != Gender::Unknown && c.gender != m.gender {
            continue;
        }
        if best.is_none_or(|b| clusters[b].last < c.last) {
            best = Some(i);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    use newsprobe_core::DescriptorKind;

    use crate::test_support::{entities, mentions_of};

    #[test]
    fn pronouns_follow_gender_and_recency() {
        let doc = entities(
            "Ursula von der Leyen met Olaf Scholz in Berlin. She said her plan was ready, and he agreed.",
        );
        let ursula = mentions_of(&doc, "Ursula von der Leyen");
        assert!(
            ursula.contains(&"She") && ursula.contains(&"her"),
            "{ursula:?}"
        );
        let olaf = mentions_of(&doc, "Olaf Scholz");
        assert!(olaf.contains(&"he"), "{olaf:?}");
    }

    #[test]
    fn a_surname_that_is_a_given_name_tells_no_gender() {
        let doc = entities(
            "Representative Ilhan Omar spoke to voters in Minneapolis on Saturday. Omar said the \
budget would hurt working families. \"We cannot accept these cuts,\" she said. Omar added that \
her office would publish its own plan.",
        );
        assert_eq!(
            mentions_of(&doc, "Ilhan Omar"),
            vec!["Representative Ilhan Omar", "Omar", "she", "Omar", "her"]
        );
    }

    #[test]
    fn two_given_names_one_surname_are_two_people() {
        let doc = entities(
            "Louis Farrakhan spoke to thousands of supporters in Chicago on Sunday. His nephew, \
Leonard Farrakhan, organised the event. \"This is a day of unity,\" Louis Farrakhan said. \
Leonard Farrakhan said the turnout was the largest in years.",
        );
        assert_eq!(
            mentions_of(&doc, "Louis Farrakhan"),
            vec!["Louis Farrakhan", "His", "Louis Farrakhan"]
        );
        assert_eq!(
            mentions_of(&doc, "Leonard Farrakhan"),
            vec!["Leonard Farrakhan", "Leonard Farrakhan"]
        );
        // A middle initial or a nickname's stem is no other person.
        let doc = entities(
            "Donald J. Trump spoke in Ohio. Donald Trump later left. Bernard Sanders met Bernie \
Sanders's staff.",
        );
        assert_eq!(
            mentions_of(&doc, "Donald J. Trump"),
            vec!["Donald J. Trump", "Donald Trump"]
        );
        assert_eq!(mentions_of(&doc, "Bernard Sanders").len(), 2);
    }

    #[test]
    fn possessive_descriptions_carry_nationality() {
        let doc = entities("Russia's ambassador arrived late. The ambassador then left.");
        let e = doc
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Person)
            .expect("a role-only person");
        assert_eq!(e.name, "Russia's ambassador");
        assert_eq!(e.mentions.len(), 2);
        assert!(e
            .descriptors
            .iter()
            .any(|d| d.kind == DescriptorKind::Nationality && doc.span_text(&d.span) == "Russia"));
    }

    #[test]
    fn surnames_and_acronyms_cluster() {
        let doc = entities(
            "Secretary-General Mark Rutte visited the European Union. Rutte told the EU that Mr. Rutte would return.",
        );
        assert_eq!(mentions_of(&doc, "Mark Rutte").len(), 3);
        assert_eq!(
            mentions_of(&doc, "European Union"),
            vec!["European Union", "EU"]
        );
    }

    #[test]
    fn organisations_referred_to_by_description() {
        let doc = entities(
            "NATO met in Brussels. The alliance said the organization's response was measured.",
        );
        assert_eq!(
            mentions_of(&doc, "NATO"),
            vec!["NATO", "The alliance", "the organization"]
        );
        // With no organisation before it, "the company" is no one.
        let doc = entities("The company said profits fell.");
        assert!(doc.entities.is_empty(), "{:?}", doc.entities);
    }

    #[test]
    fn name_forms_match_their_definitions() {
        for name in [
            "North Atlantic Treaty Organization",
            "NATO",
            "U.S.",
            "the United States",
            "The the Netherlands",
            "the The Hague",
            "Adm. Dragone",
            "İstanbul Ünïcödé Ñame",
            "Jean-Luc ’Picard’",
            "Washington D.C.",
            "",
            "the ",
        ] {
            let f = NameForms::of(name);
            assert_eq!(f.full(), key(name), "{name}");
            let words: Vec<String> = name.split_whitespace().map(key).collect();
            assert_eq!(f.words().collect::<Vec<_>>(), words, "{name}");
            assert_eq!(f.word_count(), words.len(), "{name}");
            assert_eq!(f.last_word(), words.last().map(String::as_str), "{name}");
            assert_eq!(f.place_key(), place_org_key(name), "{name}");
            assert_eq!(
                f.initials(),
                name.split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .flat_map(char::to_lowercase)
                    .collect::<String>(),
                "{name}"
            );
            let letters: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
            let acronym = (name.split_whitespace().count() == 1
                && letters.len() >= 2
                && letters
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit()))
            .then(|| letters.to_lowercase());
            assert_eq!(f.acronym(), acronym.as_deref(), "{name}");
        }
        assert_eq!(strip_the("the the The X"), "X");
        assert_eq!(strip_the("The the X"), "the X");
    }

    #[test]
    fn acronyms_and_initials() {
        assert_eq!(initials("North Atlantic Treaty Organization"), "nato");
        assert_eq!(acronym_key("NATO").as_deref(), Some("nato"));
        assert_eq!(acronym_key("U.S.").as_deref(), Some("us"));
        assert_eq!(place_org_key("U.S."), place_org_key("the United States"));
    }
}
