//! Which type is each name the rules and the tagger found: person, organisation, place or none
//! of them (learned)?
//!
//! A second look, one decision per name mention rather than per word: an averaged perceptron
//! over four classes (none, person, organisation, place), trained by `newsprobe train entities`
//! on the rules' name mentions in GUM's training documents of every genre (a mention's class is
//! the type of the gold named mention it overlaps, else none), and on the names the tagger joins,
//! types or adds when each fifth of those documents is tagged by a tagger trained on the other
//! four (what the typer meets at run time). The weights are the mean of five perceptrons, each
//! trained on its own order of the examples (one perceptron's GUM dev organisation F1 moved by
//! ±0.02 with the order). Features of the whole name: its
//! words, first and last word, their suffixes and shapes, its length, the type and title the
//! rules gave it, the words around it, the gazetteer's flags of its first and last words and of
//! the words around, whether the gazetteer holds it as a multi-word place or organisation, which
//! types the rules gave other names in the article ending in the same word, and whether its first
//! word is written in lower case elsewhere, and whether it is a GeoNames place (the gazetteer's
//! `PLACE_LIST`, a feature, never an override). Names are open-class: the model learns "Foods",
//! "Networks", "in ...", "the ...s beat", not a list.
//!
//! [`apply`] types a name the rules could not type, retypes one the rules typed, or untypes one
//! (it stays for coreference, typed `other`), each only when the model is sure by a margin tuned
//! on GUM dev (all genres) for precision first: over the runner-up to type an untyped name, over
//! the name's own type to change a typed one.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::{Map, Set};
use crate::mentions::{Mention, MentionKind, Word};
use crate::tagger::{affixes, shape, FLAG_MASK, H};
use crate::Error;

/// Hash table size: 2^BITS feature buckets.
pub const BITS: u32 = 16;
/// Classes: none, person, organisation, place.
pub const CLASSES: usize = 4;
const MAGIC: &[u8; 8] = b"NPTYP01\0";

/// Class of an entity type.
pub fn class(t: EntityType) -> u8 {
    match t {
        EntityType::Other => 0,
        EntityType::Person => 1,
        EntityType::Organization => 2,
        EntityType::Place => 3,
    }
}

/// Entity type of a class.
pub fn class_type(c: u8) -> EntityType {
    match c {
        1 => EntityType::Person,
        2 => EntityType::Organization,
        3 => EntityType::Place,
        _ => EntityType::Other,
    }
}

/// Margins [`apply`] asks of the model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// To type a name the rules left untyped an organisation or a place.
    pub type_other: f32,
    /// To type a name the rules left untyped a person (session 27: precision first).
    pub type_person: f32,
    /// To change the type of a name the rules typed.
    pub retype: f32,
    /// To untype a name (the model reads it as none of the three).
    pub untype: f32,
    /// To untype a name the rules typed a place (a capitalised word that names nothing,
    /// "Outside", "Week", "Coverup"; a place name the rules read inside a longer name); far
    /// surer than [`Margins::untype`]: GUM marks many place names inside descriptions as no name
    /// of their own ("the Arizona desert"), which a user still reads as the place.
    pub untype_place: f32,
}

/// Tuned on GUM dev (all genres); `type_person` since session 27 (`s27-persons27`) on the
/// reviewed sample's tuned-on groups, precision first: at 1.0 the names the rules left untyped
/// and the typer made people were wrong four times in five there ("Faith", "Hug", "Streets",
/// "Judaism", "Wi-Fi", "Doctors", "Hubble Space Telescope"). One margin of 6.0 for every type
/// also lost places the GeoNames feature types ("shelters opened in Chattanooga and Lubbock"),
/// so organisations and places keep 1.0 (README, session 27).
pub const MARGINS: Margins = Margins {
    type_other: 1.0,
    type_person: 6.0,
    retype: 3.0,
    untype: 2.0,
    untype_place: 8.0,
};

/// A tuning aid: `NEWSPROBE_TYPER_MARGINS=type_other,retype,untype,untype_place[,type_person]`
/// sets the margins without a rebuild (anything unreadable: the tuned ones; no `type_person`:
/// `type_other`).
fn margins_from_env() -> Option<Margins> {
    let v = std::env::var("NEWSPROBE_TYPER_MARGINS").ok()?;
    let x: Vec<f32> = v.split(',').filter_map(|x| x.trim().parse().ok()).collect();
    (x.len() == 4 || x.len() == 5).then(|| Margins {
        type_other: x[0],
        type_person: x.get(4).copied().unwrap_or(x[0]),
        retype: x[1],
        untype: x[2],
        untype_place: x[3],
    })
}

/// A trained mention typer.
#[derive(Clone)]
pub struct TypeModel {
    weights: Vec<f32>,
    pub margins: Margins,
}

fn bucket(h: H) -> usize {
    (h.finish() >> (crate::tagger::BITS - BITS)) as usize
}

/// Hashed features of the body name mentions of `all` (index into `all`, features).
pub fn features(
    words: &[Word],
    all: &[Mention],
    lowercase: &Set<&str>,
    sports: bool,
) -> Vec<(usize, Vec<u32>)> {
    let mut gl = Vec::new();
    crate::tagger::gazetteer_labels(words, &mut gl);
    features_with(words, all, lowercase, sports, &gl)
}

/// [`features`], given the words' [`crate::tagger::gazetteer_labels`] (`gl`, as the tagger's
/// features hold them).
pub fn features_with(
    words: &[Word],
    all: &[Mention],
    lowercase: &Set<&str>,
    sports: bool,
    gl: &[u8],
) -> Vec<(usize, Vec<u32>)> {
    let word_range = |a: usize, b: usize| {
        let x = words.partition_point(|w| w.end <= a);
        let y = words.partition_point(|w| w.start < b);
        x..y.max(x)
    };
    // Types the rules gave names ending in each last word.
    let mut by_last: Map<&str, u32> = Map::default();
    let named: Vec<(usize, std::ops::Range<usize>)> = all
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == MentionKind::Name && m.span.field == Field::Text)
        .filter_map(|(i, m)| {
            let n = m.name.unwrap_or(m.span);
            let r = word_range(n.start, n.end);
            (!r.is_empty()).then_some((i, r))
        })
        .collect();
    for (i, r) in &named {
        let last = words[r.end - 1].norm;
        *by_last.entry(last).or_default() |=
            1 << class(all[*i].etype) | ((r.len() > 1) as u32) << 4;
    }
    let mut out = Vec::with_capacity(named.len());
    for (i, r) in named {
        let m = &all[i];
        let (a, b) = (r.start, r.end);
        let first = &words[a];
        let last = &words[b - 1];
        let sent = first.sent;
        let full = word_range(m.span.start, m.span.end);
        let around = |j: isize| -> &[u8] {
            if j >= 0 && (j as usize) < words.len() && words[j as usize].sent == sent {
                words[j as usize].norm.as_bytes()
            } else if j < 0 || (j as usize) < words.len() && words[j as usize].sent < sent {
                b"<s>"
            } else {
                b"</s>"
            }
        };
        let fl = |j: isize| -> u32 {
            if j >= 0 && (j as usize) < words.len() && words[j as usize].sent == sent {
                words[j as usize].flags() & FLAG_MASK
            } else {
                u32::MAX
            }
        };
        let (pa, na) = (full.start as isize - 1, full.end as isize);
        let (prev, prev2, next, next2) = (around(pa), around(pa - 1), around(na), around(na + 1));
        let etype = class(m.etype) as u32;
        let title = m.title_text.is_some() as u32;
        let n = (b - a).min(4) as u32;
        let mut f = Vec::with_capacity(32);
        f.push(bucket(H::new(0)) as u32);
        f.push(bucket(H::new(1).n(etype).n(title).n(m.weak as u32)) as u32);
        for w in &words[a..b] {
            f.push(bucket(H::new(2).bytes(w.norm.as_bytes())) as u32);
        }
        f.push(bucket(H::new(3).bytes(first.norm.as_bytes()).n(n.min(2))) as u32);
        f.push(bucket(H::new(4).bytes(last.norm.as_bytes()).n(n.min(2))) as u32);
        let (_, suf) = affixes(last.norm);
        f.push(bucket(H::new(5).bytes(suf.as_bytes())) as u32);
        let (pre, _) = affixes(first.norm);
        f.push(bucket(H::new(6).bytes(pre.as_bytes())) as u32);
        let mut sh = H::new(7);
        for w in words[a..b].iter().take(4) {
            let (s, l) = shape(w.text);
            sh = sh.bytes(&s[..l]).sep();
        }
        f.push(bucket(sh) as u32);
        f.push(bucket(H::new(8).n(n).n(etype)) as u32);
        f.push(bucket(H::new(9).bytes(prev)) as u32);
        f.push(bucket(H::new(10).bytes(prev2).sep().bytes(prev)) as u32);
        f.push(bucket(H::new(11).bytes(next)) as u32);
        f.push(bucket(H::new(12).bytes(next).sep().bytes(next2)) as u32);
        f.push(bucket(H::new(13).bytes(prev).n(etype)) as u32);
        f.push(bucket(H::new(14).n(first.flags() & FLAG_MASK)) as u32);
        f.push(bucket(H::new(15).n(last.flags() & FLAG_MASK)) as u32);
        f.push(bucket(H::new(16).n(fl(pa))) as u32);
        f.push(bucket(H::new(17).n(fl(na))) as u32);
        f.push(bucket(H::new(18).n(gl[a] as u32).n(gl[b - 1] as u32)) as u32);
        f.push(bucket(H::new(19).n(first.sent_start as u32).n(n.min(2))) as u32);
        f.push(bucket(H::new(20).n(last.poss as u32)) as u32);
        f.push(bucket(H::new(21).n(by_last.get(last.norm).copied().unwrap_or(0))) as u32);
        f.push(bucket(
            H::new(22)
                .n(lowercase.contains(first.norm) as u32)
                .n(first.sent_start as u32),
        ) as u32);
        if let Some(t) = &m.title_text {
            let t = t.split_whitespace().last().unwrap_or("");
            f.push(bucket(H::new(23).bytes(crate::gazetteer::norm(t).as_bytes())) as u32);
        }
        let inner = words[a..b].iter().any(|w| !w.cap && w.is_word) as u32;
        let digits = words[a..b]
            .iter()
            .any(|w| w.text.bytes().any(|c| c.is_ascii_digit())) as u32;
        f.push(bucket(H::new(24).n(inner).n(digits)) as u32);
        f.push(bucket(H::new(25).bytes(prev).sep().bytes(last.norm.as_bytes())) as u32);
        f.push(bucket(H::new(26).bytes(suf.as_bytes()).bytes(next)) as u32);
        // A plural name ("the Colts", "Kansas City Chiefs"), in a sports report or not.
        let plural = last.norm.ends_with('s') && !last.norm.ends_with("ss") && !last.poss;
        f.push(bucket(
            H::new(27)
                .n(sports as u32)
                .n(plural as u32)
                .n((prev == b"the") as u32),
        ) as u32);
        f.push(bucket(H::new(28).n(sports as u32).n(etype).n(n.min(2))) as u32);
        // The whole name is a GeoNames place, with the rules' type and the word before.
        let listed = place_listed(words, a, b);
        f.push(bucket(H::new(29).n(listed as u32).n(etype)) as u32);
        if listed {
            f.push(bucket(H::new(30).bytes(prev)) as u32);
        }
        // An organisation head word anywhere in the name, by where ("University Library of the
        // Vrije Universiteit", "Division of Student Affairs": first; "Leiden University": last).
        let head_at = words[a..b]
            .iter()
            .position(|w| w.is(crate::gazetteer::flag::ORG_HEAD))
            .map_or(0, |p| {
                if p + 1 == b - a {
                    3
                } else {
                    1 + (p > 0) as u32
                }
            });
        f.push(bucket(H::new(31).n(head_at).n(n.min(3))) as u32);
        out.push((i, f));
    }
    out
}

impl TypeModel {
    /// Reads a model.
    pub fn from_bytes(b: &[u8]) -> Result<TypeModel, Error> {
        use std::io::Read;
        if b.len() < 12 || &b[..8] != MAGIC {
            return Err(Error::Data("not a newsprobe mention typer model".into()));
        }
        let bits = u32::from_le_bytes([b[8], b[9], b[10], b[11]]);
        if bits != BITS {
            return Err(Error::Data(format!(
                "typer model has {bits} bits, want {BITS}"
            )));
        }
        let size = (1usize << BITS) * CLASSES;
        let mut raw = Vec::with_capacity(size * 4);
        flate2::read::DeflateDecoder::new(&b[12..]).read_to_end(&mut raw)?;
        if raw.len() != size * 4 {
            return Err(Error::Data("typer model is truncated".into()));
        }
        let weights = raw
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(TypeModel {
            weights,
            margins: margins_from_env().unwrap_or(MARGINS),
        })
    }

    /// Whether two models have the same weights, bit for bit.
    pub fn same_weights(&self, other: &TypeModel) -> bool {
        self.weights.len() == other.weights.len()
            && self
                .weights
                .iter()
                .zip(&other.weights)
                .all(|(a, b)| a.to_bits() == b.to_bits())
    }

    /// Scores of the four classes.
    pub fn scores(&self, f: &[u32]) -> [f32; CLASSES] {
        let mut s = [0f32; CLASSES];
        for &h in f {
            let w = &self.weights[h as usize * CLASSES..h as usize * CLASSES + CLASSES];
            for (a, b) in s.iter_mut().zip(w) {
                *a += b;
            }
        }
        s
    }
}

/// Best class and its margin over the next best.
fn best(s: &[f32; CLASSES]) -> (u8, f32) {
    let mut b = 0;
    for c in 1..CLASSES {
        if s[c] > s[b] {
            b = c;
        }
    }
    let other = (0..CLASSES)
        .filter(|&c| c != b)
        .map(|c| s[c])
        .fold(f32::MIN, f32::max);
    (b as u8, s[b] - other)
}

/// Types, retypes or untypes the body names of `all` by the model, where it is sure (`gl`: the
/// words' [`crate::tagger::gazetteer_labels`]).
pub fn apply(
    model: &TypeModel,
    words: &[Word],
    gl: &[u8],
    lowercase: &Set<&str>,
    sports: bool,
    all: &mut [Mention],
) {
    let need = model.margins;
    let feats = features_with(words, all, lowercase, sports, gl);
    let mut read: Vec<(usize, [f32; CLASSES])> = Vec::with_capacity(feats.len());
    for (i, f) in feats {
        let s = model.scores(&f);
        read.push((i, s));
        let (c, margin) = best(&s);
        let m = &mut all[i];
        let now = class(m.etype);
        if c == now {
            continue;
        }
        // A typed name: how much surer the model is of its class than of the name's own type
        // ("Screen Actors Guild", typed person by the rules, reads as an organisation far more
        // than as a person, however close "none" comes).
        let margin = if now != 0 {
            s[c as usize] - s[now as usize]
        } else {
            margin
        };
        let need_type = if c == 1 {
            need.type_person
        } else {
            need.type_other
        };
        if now == 0 && margin > need_type {
            m.etype = class_type(c);
            m.weak = false;
        } else if now != 0 && c != 0 && margin > need.retype && m.title_text.is_none() && now == 1 {
            m.etype = class_type(c);
        } else if now != 0 && c == 0 && m.title_text.is_none() {
            // A place only far surer, and then even a gazetteer name ("Q3" read as a place).
            let untype = if now == 3 {
                margin > need.untype_place
            } else {
                margin > need.untype && !gazetteer_name(words, m)
            };
            if untype {
                m.etype = EntityType::Other;
            }
        }
    }
    agree(words, all, &read);
}

/// One type for every body mention of one name string (document-level consistency): where the
/// article's mentions of one name were typed differently, person here and place there ("letters
/// from Byron" a place, "Byron wrote" a person; "Indianapolis" an organisation once and a place
/// elsewhere), every typed mention takes the type, among those given, whose scores summed over
/// all its mentions are highest. Only types already given compete: a vote for a type no mention
/// was given (an organisation for a name the rules read as a place everywhere) lowered GUM news
/// organisation F1. Every mention's scores count, untyped ones too (leaving them out lowered GUM
/// dev organisation F1); untyped mentions and names bound to a title keep their type.
fn agree(words: &[Word], all: &mut [Mention], read: &[(usize, [f32; CLASSES])]) {
    if read.len() < 2 {
        return;
    }
    // Each mention's words, without a leading "the", and a hash of them: one pass marks which
    // types each name was given; only names given two or more are gathered (and their words
    // compared, so a hash collision joins nothing).
    let spans: Vec<(usize, usize, u64)> = read
        .iter()
        .map(|(i, _)| {
            let m = &all[*i];
            let n = m.name.unwrap_or(m.span);
            let mut a = words.partition_point(|w| w.end <= n.start);
            let b = words.partition_point(|w| w.start < n.end).max(a);
            if a + 1 < b && words[a].norm == "the" {
                a += 1;
            }
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for w in &words[a..b] {
                for &c in w.norm.as_bytes().iter().chain(b" ") {
                    h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
                }
            }
            (a, b, h)
        })
        .collect();
    let mut given: Map<u64, u8> = Map::default();
    for ((i, _), &(_, _, h)) in read.iter().zip(&spans) {
        *given.entry(h).or_default() |= 1 << class(all[*i].etype);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut done: Vec<u64> = Vec::new();
    for &(a0, b0, h) in &spans {
        if (given[&h] & 0b1110).count_ones() < 2 || done.contains(&h) {
            continue;
        }
        done.push(h);
        let same = |&(a, b, g): &(usize, usize, u64)| {
            g == h
                && b - a == b0 - a0
                && words[a..b]
                    .iter()
                    .zip(&words[a0..b0])
                    .all(|(x, y)| x.norm == y.norm)
        };
        groups.push(
            spans
                .iter()
                .enumerate()
                .filter(|(_, s)| same(s))
                .map(|(j, _)| j)
                .collect(),
        );
    }
    for js in &groups {
        let mut present = [false; CLASSES];
        let mut sum = [0f32; CLASSES];
        for &j in js {
            let (i, s) = &read[j];
            present[class(all[*i].etype) as usize] = true;
            for (a, b) in sum.iter_mut().zip(s) {
                *a += b;
            }
        }
        if present[1..].iter().filter(|&&p| p).count() < 2 {
            continue;
        }
        let win = (1..CLASSES)
            .filter(|&c| present[c])
            .fold(None, |b: Option<usize>, c| match b {
                Some(b) if sum[b] >= sum[c] => Some(b),
                _ => Some(c),
            });
        if let Some(win) = win {
            for &j in js {
                let m = &mut all[read[j].0];
                if m.etype != EntityType::Other && m.title_text.is_none() {
                    m.etype = class_type(win as u8);
                }
            }
        }
    }
}

/// Whether the words `a..b` are one name of the GeoNames place list.
pub(crate) fn place_listed(words: &[Word], a: usize, b: usize) -> bool {
    let g = &*crate::gazetteer::GAZETTEER;
    let [l] = crate::mentions::longest_matches(
        words,
        a,
        b,
        g.max_place_list_words,
        &[(&g.place_list, crate::gazetteer::flag::PLACE_LIST)],
    );
    l == b - a
}

/// Whether a mention's name is one gazetteer place, country or organisation name: the typer
/// does not untype those ("Arizona", "Anchorage": GUM marks many place names inside longer
/// descriptions as no name of their own, "the Arizona desert").
fn gazetteer_name(words: &[Word], m: &Mention) -> bool {
    let n = m.name.unwrap_or(m.span);
    let a = words.partition_point(|w| w.end <= n.start);
    let b = words.partition_point(|w| w.start < n.end);
    let idx: Vec<usize> = (a..b.max(a)).collect();
    crate::tagger::in_gazetteer(words, &idx)
}

/// One training example: features and gold class.
pub struct Example {
    pub features: Vec<u32>,
    pub gold: u8,
}

/// Trains the averaged perceptron for `epochs` passes, examples shuffled by `seed`; returns the
/// model's bytes.
pub fn train(examples: &[Example], epochs: usize, seed: u64) -> Vec<u8> {
    use std::io::Write;
    let size = (1usize << BITS) * CLASSES;
    // The mean of BAG averaged perceptrons, each trained on its own order of the examples: one
    // model's reading of a name moves with the order it saw them in (on GUM dev, organisation F1
    // of one model ranged 0.556-0.591 over five seeds).
    let mut mean = vec![0f64; size];
    for bag in 0..BAG as u64 {
        let m = train_one(
            examples,
            epochs,
            seed.wrapping_add(bag.wrapping_mul(0x9E37_79B9)),
        );
        for (a, b) in mean.iter_mut().zip(m) {
            *a += b / BAG as f64;
        }
    }
    let mut raw = Vec::with_capacity(size * 4);
    for x in &mean {
        raw.extend_from_slice(&(*x as f32).to_le_bytes());
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&BITS.to_le_bytes());
    let mut z = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = z.write_all(&raw);
    z.finish().unwrap_or_default()
}

/// Models [`train`] averages.
pub const BAG: usize = 5;

/// One averaged perceptron's weights.
fn train_one(examples: &[Example], epochs: usize, seed: u64) -> Vec<f64> {
    let size = (1usize << BITS) * CLASSES;
    let mut w = vec![0f64; size];
    let mut u = vec![0f64; size];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = crate::learn::Shuffler::new(seed, 0x5851_F42D_4C95_7F2D);
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let ex = &examples[e];
            let mut s = [0f64; CLASSES];
            for &h in &ex.features {
                for (k, a) in s.iter_mut().enumerate() {
                    *a += w[h as usize * CLASSES + k];
                }
            }
            let mut b = 0;
            for k in 1..CLASSES {
                if s[k] > s[b] {
                    b = k;
                }
            }
            let g = ex.gold as usize;
            if b != g {
                for &h in &ex.features {
                    let (gi, bi) = (h as usize * CLASSES + g, h as usize * CLASSES + b);
                    w[gi] += 1.0;
                    u[gi] += c;
                    w[bi] -= 1.0;
                    u[bi] -= c;
                }
            }
            c += 1.0;
        }
    }
    w.iter().zip(&u).map(|(w, u)| w - u / c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_round_trip() {
        for t in [
            EntityType::Other,
            EntityType::Person,
            EntityType::Organization,
            EntityType::Place,
        ] {
            assert_eq!(class_type(class(t)), t);
        }
    }

    #[test]
    fn damaged_models_are_errors() {
        assert!(TypeModel::from_bytes(b"").is_err());
        assert!(TypeModel::from_bytes(b"NPTYP01\0\x10\0\0\0garbage").is_err());
    }
}
