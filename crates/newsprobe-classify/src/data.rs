//! Where the training and evaluation examples come from: readers for the data sets under
//! `../shared/eval` (Chakraborty clickbait, ClaimBuster, CheckThat! 2019, FNC-1) and their splits.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use newsprobe_core::Stance;

use crate::Error;

fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::Data(format!("{}: {e}", path.display())))
}

fn read_gz_lines(path: &Path) -> Result<Vec<String>, Error> {
    let raw = read_file(path)?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(&raw[..])
        .read_to_string(&mut text)
        .map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

/// A labelled headline.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub text: String,
    pub clickbait: bool,
}

/// The Chakraborty clickbait data, split as the README says: in each file the headline at
/// 0-based index i (blank lines dropped) is test when i % 5 == 0. Returns (train, test).
pub fn clickbait(dir: &Path) -> Result<(Vec<Headline>, Vec<Headline>), Error> {
    let mut train = Vec::new();
    let mut test = Vec::new();
    for (file, clickbait) in [
        ("clickbait_data.gz", true),
        ("non_clickbait_data.gz", false),
    ] {
        let lines = read_gz_lines(&dir.join(file))?;
        if lines.is_empty() {
            return Err(Error::Data(format!(
                "{}: no headlines",
                dir.join(file).display()
            )));
        }
        for (i, text) in lines.into_iter().enumerate() {
            let h = Headline { text, clickbait };
            if i % 5 == 0 {
                test.push(h);
            } else {
                train.push(h);
            }
        }
    }
    Ok((train, test))
}

/// A ClaimBuster sentence.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Claim {
    pub sentence_id: u64,
    pub label: u8,
    pub text: String,
}

/// Reads a ClaimBuster JSON list.
pub fn claimbuster(path: &Path) -> Result<Vec<Claim>, Error> {
    let raw = read_file(path)?;
    serde_json::from_slice(&raw).map_err(|e| Error::Data(format!("{}: {e}", path.display())))
}

/// The ClaimBuster training pool: `train.json` plus `kfold_25ncs.json`, minus the ids of
/// `test.json`, each id once. Returns (training pool, test).
pub fn claimbuster_split(dir: &Path) -> Result<(Vec<Claim>, Vec<Claim>), Error> {
    let test = claimbuster(&dir.join("test.json"))?;
    let test_ids: std::collections::HashSet<u64> = test.iter().map(|c| c.sentence_id).collect();
    let mut seen = std::collections::HashSet::new();
    let mut pool = Vec::new();
    for file in ["train.json", "kfold_25ncs.json"] {
        for c in claimbuster(&dir.join(file))? {
            if !test_ids.contains(&c.sentence_id) && seen.insert(c.sentence_id) {
                pool.push(c);
            }
        }
    }
    Ok((pool, test))
}

/// One line of a CheckThat! 2019 debate.
#[derive(Debug, Clone, PartialEq)]
pub struct DebateLine {
    pub debate: String,
    pub text: String,
    pub label: u8,
}

/// Reads `CT19-T1-Training.csv` (line_number, speaker, text, label, file_name).
pub fn checkthat(path: &Path) -> Result<Vec<DebateLine>, Error> {
    let raw = read_file(path)?;
    let mut rd = csv::Reader::from_reader(&raw[..]);
    let mut out = Vec::new();
    for (n, rec) in rd.records().enumerate() {
        let rec = rec.map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
        let field = |i: usize| rec.get(i).unwrap_or("");
        let label = match field(3).trim() {
            "1" => 1,
            "0" => 0,
            other => {
                return Err(Error::Data(format!(
                    "{}:{}: bad label {other:?}",
                    path.display(),
                    n + 2
                )))
            }
        };
        out.push(DebateLine {
            debate: field(4).to_owned(),
            text: field(2).to_owned(),
            label,
        });
    }
    Ok(out)
}

/// A headline-body pair of FNC-1.
#[derive(Debug, Clone, PartialEq)]
pub struct StancePair {
    pub headline: String,
    pub body_id: u32,
    pub stance: Stance,
}

/// FNC-1: bodies by Body ID and the labelled related pairs.
#[derive(Debug, Clone, Default)]
pub struct Fnc {
    pub bodies: BTreeMap<u32, String>,
    pub pairs: Vec<StancePair>,
}

/// How many unrelated pairs FNC-1 had for each related one (36,545 / 13,427).
pub const UNRELATED_PER_RELATED: f64 = 36_545.0 / 13_427.0;

/// Reads `train_bodies.csv` and `train_stances_related_only.reconstructed.csv`.
pub fn fnc(dir: &Path) -> Result<Fnc, Error> {
    let mut out = Fnc::default();
    let bodies_path = dir.join("train_bodies.csv");
    let raw = read_file(&bodies_path)?;
    for rec in csv::Reader::from_reader(&raw[..]).records() {
        let rec = rec.map_err(|e| Error::Data(format!("{}: {e}", bodies_path.display())))?;
        let id = parse_id(rec.get(0), &bodies_path)?;
        out.bodies.insert(id, rec.get(1).unwrap_or("").to_owned());
    }
    let pairs_path = dir.join("train_stances_related_only.reconstructed.csv");
    let raw = read_file(&pairs_path)?;
    for rec in csv::Reader::from_reader(&raw[..]).records() {
        let rec = rec.map_err(|e| Error::Data(format!("{}: {e}", pairs_path.display())))?;
        let body_id = parse_id(rec.get(1), &pairs_path)?;
        let stance = match rec.get(2).unwrap_or("").trim() {
            "agree" => Stance::Agree,
            "disagree" => Stance::Disagree,
            "discuss" => Stance::Discuss,
            "unrelated" => Stance::Unrelated,
            other => {
                return Err(Error::Data(format!(
                    "{}: bad stance {other:?}",
                    pairs_path.display()
                )))
            }
        };
        if !out.bodies.contains_key(&body_id) {
            return Err(Error::Data(format!(
                "{}: unknown Body ID {body_id}",
                pairs_path.display()
            )));
        }
        out.pairs.push(StancePair {
            headline: rec.get(0).unwrap_or("").to_owned(),
            body_id,
            stance,
        });
    }
    if out.pairs.is_empty() {
        return Err(Error::Data(format!("{}: no pairs", pairs_path.display())));
    }
    Ok(out)
}

fn parse_id(s: Option<&str>, path: &Path) -> Result<u32, Error> {
    s.unwrap_or("")
        .trim()
        .parse()
        .map_err(|_| Error::Data(format!("{}: bad Body ID {s:?}", path.display())))
}

impl Fnc {
    /// Splits Body IDs into (train, dev) by story: bodies linked through a shared headline form
    /// one story (a connected component of the headline-body pairs), and whole stories go to
    /// one side, in a seeded order, until dev holds `dev_share` of the bodies. No body and no
    /// headline is seen on both sides.
    pub fn split_stories(&self, seed: u64, dev_share: f64) -> (Vec<u32>, Vec<u32>) {
        let ids: Vec<u32> = self.bodies.keys().copied().collect();
        let index: std::collections::HashMap<u32, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut parent: Vec<usize> = (0..ids.len()).collect();
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut first_body: std::collections::HashMap<&str, usize> = Default::default();
        for p in &self.pairs {
            let Some(&b) = index.get(&p.body_id) else {
                continue;
            };
            match first_body.get(p.headline.as_str()) {
                Some(&other) => {
                    let (ra, rb) = (root(&mut parent, b), root(&mut parent, other));
                    parent[ra.max(rb)] = ra.min(rb);
                }
                None => {
                    first_body.insert(&p.headline, b);
                }
            }
        }
        let mut stories: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        for (i, id) in ids.iter().enumerate() {
            stories.entry(root(&mut parent, i)).or_default().push(*id);
        }
        let mut stories: Vec<Vec<u32>> = stories.into_values().collect();
        crate::linear::Rng::new(seed ^ 0x5707).shuffle(&mut stories);
        let want = ((ids.len() as f64) * dev_share).round() as usize;
        let (mut train, mut dev) = (Vec::new(), Vec::new());
        for story in stories {
            if dev.len() < want {
                dev.extend(story);
            } else {
                train.extend(story);
            }
        }
        train.sort_unstable();
        dev.sort_unstable();
        (train, dev)
    }

    /// The related pairs whose body is in `bodies`, plus generated unrelated pairs (a headline
    /// of those pairs with another body of the same set that it is not paired with), about
    /// `UNRELATED_PER_RELATED` of them per related pair, seeded.
    pub fn pairs_with_unrelated(&self, bodies: &[u32], seed: u64) -> Vec<StancePair> {
        let set: std::collections::BTreeSet<u32> = bodies.iter().copied().collect();
        let related: Vec<&StancePair> = self
            .pairs
            .iter()
            .filter(|p| set.contains(&p.body_id))
            .collect();
        let linked: std::collections::HashSet<(&str, u32)> = self
            .pairs
            .iter()
            .map(|p| (p.headline.as_str(), p.body_id))
            .collect();
        let body_list: Vec<u32> = set.iter().copied().collect();
        let mut out: Vec<StancePair> = related.iter().map(|p| (*p).clone()).collect();
        if related.is_empty() || body_list.len() < 2 {
            return out;
        }
        let mut rng = crate::linear::Rng::new(seed ^ 0x0e1a);
        let want = (related.len() as f64 * UNRELATED_PER_RELATED).round() as usize;
        let mut made = 0;
        let mut tries = 0;
        while made < want && tries < want * 20 {
            tries += 1;
            let p = related[rng.below(related.len())];
            let body = body_list[rng.below(body_list.len())];
            if body == p.body_id || linked.contains(&(p.headline.as_str(), body)) {
                continue;
            }
            out.push(StancePair {
                headline: p.headline.clone(),
                body_id: body,
                stance: Stance::Unrelated,
            });
            made += 1;
        }
        out
    }
}
