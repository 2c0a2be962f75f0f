//! How are the word clusters made? `newsprobe train clusters --data ../shared/eval --out
//! crates/newsprobe-core/data/clusters.txt --seed 42`, run from the project root.
//!
//! Text: training splits only, never text a dev or test split or the reviewed sample
//! (`eval/review`) holds: PolNeAR `train/text`, the GUM documents whose split is train (every
//! genre), the PTC articles of newsprobe's own PTC train split (the FNV-1a hash of the id not 0
//! mod 5, as `newsprobe-framing` splits them), the ECB+ documents of the train split minus every
//! document the reviewed sample holds, ClaimBuster `train.json`, and the CheckThat 2019 training
//! debates minus any line ClaimBuster's `test.json` holds. Not FNC-1 (the reviewed sample draws
//! held-out rounds from its bodies).
//!
//! Method: each text is tokenised by [`crate::segment::tokenize`]; words are normalised as the
//! look-up keys are ([`super::key`]; `NEWSPROBE_CLUSTERS_CASED=1` keeps their case instead),
//! numbers become `<num>`, texts and lines are bounded by `<s>`. Every word seen at least
//! [`MIN_COUNT`] times gets a context vector: counts of the [`CONTEXTS`] commonest tokens one
//! and two places to its left and right (four positions kept apart), weighed by positive PMI
//! with context counts smoothed to the power 0.75. A seeded randomised SVD ([`DIMS`]
//! dimensions, two power iterations) reduces the vectors; rows scaled by the square root of the
//! singular values and normalised to length one. The tree is then split top-down: each node's
//! words into two by spherical 2-means (the most cohesive of three seeded k-means++ starts),
//! the half holding the node's most frequent word first (bit 0), until a node has fewer than
//! [`MIN_SPLIT`] words or the path [`MAX_DEPTH`] bits. The same data and seed give the same
//! file, byte for byte.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::document::TokenKind;
use crate::span::Field;

/// Words seen fewer times get no cluster.
pub const MIN_COUNT: u32 = 3;
/// Context tokens: the commonest this many (words, numbers, punctuation, `<s>`).
pub const CONTEXTS: usize = 2000;
/// Dimensions kept by the SVD.
pub const DIMS: usize = 80;
/// A node with fewer words is a leaf.
pub const MIN_SPLIT: usize = 8;
/// Longest path.
pub const MAX_DEPTH: usize = 24;
/// Passes of 2-means at each node.
const KMEANS_ITERS: usize = 20;
/// Seeded starts of 2-means at each node; the most cohesive split is kept.
const TRIES: usize = 3;

/// What can go wrong reading the training text.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Data(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn read(p: &Path) -> Result<String, Error> {
    std::fs::read_to_string(p).map_err(|e| Error::Data(format!("{}: {e}", p.display())))
}

/// One source's texts and its name, for the report.
pub struct Source {
    pub name: &'static str,
    pub texts: Vec<String>,
}

/// Document ids (file stems) of every file under the reviewed sample's folder.
fn review_ids(dir: &Path) -> Result<BTreeSet<String>, Error> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).map_err(|e| Error::Data(format!("{}: {e}", d.display())))? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                if let Some(s) = p.file_stem().and_then(|s| s.to_str()) {
                    out.insert(s.to_string());
                }
            }
        }
    }
    Ok(out)
}

/// Files of a folder, sorted by name.
fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, Error> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::Data(format!("{}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    Ok(v)
}

/// newsprobe-framing's PTC split: an article is in dev when the FNV-1a hash of its id is 0 mod 5.
fn ptc_is_dev(id: &str) -> bool {
    fnv1a(id).is_multiple_of(5)
}

fn fnv1a(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Fields of one CSV record (quotes doubled inside quoted fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Reads the training text from `data` (the shared `eval` folder), leaving out every ECB+
/// document the reviewed sample in `review` holds.
pub fn corpus(data: &Path, review: &Path) -> Result<Vec<Source>, Error> {
    let review = review_ids(review)?;
    if review.is_empty() {
        return Err(Error::Data(format!(
            "{}: no reviewed documents found (run from the project root)",
            review_dir_hint()
        )));
    }
    let mut out = Vec::new();
    // PolNeAR train.
    let mut texts = Vec::new();
    for p in sorted_files(&data.join("quotes/polnear/train/text"), "txt")? {
        texts.push(read(&p)?);
    }
    out.push(Source {
        name: "PolNeAR train",
        texts,
    });
    // GUM train documents of every genre.
    #[derive(serde::Deserialize)]
    struct Gum {
        text: String,
        split: String,
    }
    let mut texts = Vec::new();
    let gum = data.join("entities/gum-all/gum_all.jsonl");
    for (i, line) in read(&gum)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Gum = serde_json::from_str(line)
            .map_err(|e| Error::Data(format!("{}:{}: {e}", gum.display(), i + 1)))?;
        if d.split == "train" {
            texts.push(d.text);
        }
    }
    out.push(Source {
        name: "GUM train",
        texts,
    });
    // PTC, newsprobe's train split.
    let mut texts = Vec::new();
    for p in sorted_files(&data.join("propaganda/ptc/articles"), "txt")? {
        let id = p
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.strip_prefix("article"))
            .unwrap_or("");
        if !id.is_empty() && !ptc_is_dev(id) {
            texts.push(read(&p)?);
        }
    }
    out.push(Source {
        name: "PTC train",
        texts,
    });
    // ECB+ train minus the reviewed sample.
    #[derive(serde::Deserialize)]
    struct Ecb {
        doc_id: String,
        text: String,
        split: String,
    }
    let mut texts = Vec::new();
    let ecb = data.join("stories/ecbplus/ecbplus_docs.jsonl");
    for (i, line) in read(&ecb)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Ecb = serde_json::from_str(line)
            .map_err(|e| Error::Data(format!("{}:{}: {e}", ecb.display(), i + 1)))?;
        if d.split == "train" && !review.contains(&d.doc_id) {
            texts.push(d.text);
        }
    }
    out.push(Source {
        name: "ECB+ train",
        texts,
    });
    // ClaimBuster train, and its test sentences to keep out of CheckThat.
    #[derive(serde::Deserialize)]
    struct Claim {
        text: String,
    }
    let cb = data.join("checkworthy/claimbuster");
    let parse = |p: &Path| -> Result<Vec<Claim>, Error> {
        serde_json::from_str(&read(p)?).map_err(|e| Error::Data(format!("{}: {e}", p.display())))
    };
    let test: BTreeSet<String> = parse(&cb.join("test.json"))?
        .into_iter()
        .map(|c| c.text.trim().to_string())
        .collect();
    out.push(Source {
        name: "ClaimBuster train",
        texts: parse(&cb.join("train.json"))?
            .into_iter()
            .map(|c| c.text)
            .collect(),
    });
    // CheckThat 2019 training debates: line_number,speaker,text,label,file_name.
    let ct = data.join("checkworthy/checkthat2019/CT19-T1-Training.csv");
    let mut texts = Vec::new();
    for line in read(&ct)?.lines().skip(1) {
        let f = csv_fields(line);
        if f.len() >= 5 {
            let t = f[2].trim();
            if !t.is_empty() && !test.contains(t) {
                texts.push(t.to_string());
            }
        }
    }
    out.push(Source {
        name: "CheckThat 2019 train",
        texts,
    });
    Ok(out)
}

fn review_dir_hint() -> &'static str {
    "eval/review"
}

/// The token sequence of a text: normalised words, `<num>`, punctuation; `<s>` at each line
/// break and at the ends.
fn tokens(text: &str, out: &mut Vec<String>) {
    for line in text.split('\n') {
        out.push("<s>".into());
        for t in crate::segment::tokenize(line, Field::Text) {
            let s = t.span.slice(line);
            match t.kind {
                TokenKind::Word if cased() => {
                    let core = super::strip_possessive(s);
                    out.push(
                        core.chars()
                            .map(|c| match c {
                                '’' | 'ʼ' | '‘' => '\'',
                                '‐' | '‑' | '–' | '—' => '-',
                                c => c,
                            })
                            .collect(),
                    )
                }
                TokenKind::Word => out.push(super::key(s).into_owned()),
                TokenKind::Number => out.push("<num>".into()),
                TokenKind::Punct => out.push(crate::lexicon::normalize(s)),
                TokenKind::Symbol => {}
            }
        }
    }
    out.push("<s>".into());
}

/// Keys as written (case kept, apostrophes and dashes folded) when `NEWSPROBE_CLUSTERS_CASED` is
/// set: for comparing cased clusters with the bundled lower-cased ones (a cased file needs cased
/// look-ups, which [`super::key`] does not do).
fn cased() -> bool {
    std::env::var_os("NEWSPROBE_CLUSTERS_CASED").is_some()
}

/// The project's SplitMix64, with a normal draw for the random projection.
struct Rng(crate::rng::SplitMix64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }
    /// A standard normal draw (Box-Muller).
    fn normal(&mut self) -> f64 {
        let u1 = ((self.next() >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
        let u2 = ((self.next() >> 11) as f64) / (1u64 << 53) as f64;
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// A sparse matrix by rows.
struct Csr {
    rows: usize,
    cols: usize,
    start: Vec<usize>,
    col: Vec<u32>,
    val: Vec<f64>,
}

impl Csr {
    /// `self * x` (`x` column-major `cols x k`, result `rows x k`), or with `transpose`
    /// `self^T * x` (`x` `rows x k`, result `cols x k`): one walk over the stored entries.
    fn product(&self, x: &[Vec<f64>], transpose: bool) -> Vec<Vec<f64>> {
        let len = if transpose { self.cols } else { self.rows };
        let mut out = vec![vec![0f64; len]; x.len()];
        for (r, w) in self.start.windows(2).enumerate() {
            for i in w[0]..w[1] {
                let (c, v) = (self.col[i] as usize, self.val[i]);
                let (to, from) = if transpose { (c, r) } else { (r, c) };
                for (o, x) in out.iter_mut().zip(x) {
                    o[to] += v * x[from];
                }
            }
        }
        out
    }
}

/// Orthonormalises the columns in place (modified Gram-Schmidt, twice).
fn orthonormalise(q: &mut [Vec<f64>]) {
    for _ in 0..2 {
        for j in 0..q.len() {
            let (done, rest) = q.split_at_mut(j);
            let v = &mut rest[0];
            for u in done.iter() {
                let d: f64 = u.iter().zip(v.iter()).map(|(a, b)| a * b).sum();
                for (x, a) in v.iter_mut().zip(u) {
                    *x -= d * a;
                }
            }
            let n = v.iter().map(|x| x * x).sum::<f64>().sqrt();
            if n > 1e-12 {
                for x in v.iter_mut() {
                    *x /= n;
                }
            } else {
                for x in v.iter_mut() {
                    *x = 0.0;
                }
            }
        }
    }
}

/// Eigenvalues and eigenvectors (columns of the returned matrix, row-major `n x n`) of a
/// symmetric matrix, by cyclic Jacobi rotations.
fn jacobi(mut a: Vec<f64>, n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0f64; n * n];
    for i in 0..n {
        v[i * n + i] = 1.0;
    }
    for _ in 0..60 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * n + j] * a[i * n + j])
            .sum();
        if off < 1e-22 {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k * n + p], a[k * n + q]);
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[p * n + k], a[q * n + k]);
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for k in 0..n {
                    let (vkp, vkq) = (v[k * n + p], v[k * n + q]);
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..n).map(|i| a[i * n + i]).collect(), v)
}

/// The trained clusters: the file's text and a report line.
pub struct Trained {
    pub text: String,
    pub report: String,
}

/// Builds the cluster file from `sources` with `seed`.
pub fn build(sources: &[Source], seed: u64) -> Trained {
    let mut report = String::new();
    // Token ids.
    let mut id: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut seq: Vec<u32> = Vec::new();
    let mut buf = Vec::new();
    let mut words_total = 0usize;
    for s in sources {
        let before = seq.len();
        let mut w = 0;
        for t in &s.texts {
            buf.clear();
            tokens(t, &mut buf);
            for tok in buf.drain(..) {
                if tok != "<s>"
                    && tok != "<num>"
                    && tok.chars().next().is_some_and(char::is_alphabetic)
                {
                    w += 1;
                }
                let n = names.len() as u32;
                let i = *id.entry(tok).or_insert_with_key(|k| {
                    names.push(k.clone());
                    n
                });
                seq.push(i);
            }
        }
        words_total += w;
        report.push_str(&format!(
            "{}: {} texts, {} tokens ({} words)\n",
            s.name,
            s.texts.len(),
            seq.len() - before,
            w
        ));
    }
    let mut count = vec![0u32; names.len()];
    for &t in &seq {
        count[t as usize] += 1;
    }
    // Order of tokens: by count, then by name (deterministic).
    let mut by_freq: Vec<u32> = (0..names.len() as u32).collect();
    by_freq.sort_by(|&a, &b| {
        count[b as usize]
            .cmp(&count[a as usize])
            .then_with(|| names[a as usize].cmp(&names[b as usize]))
    });
    let is_word = |t: u32| {
        let n = &names[t as usize];
        n != "<s>" && n != "<num>" && n.chars().any(char::is_alphanumeric)
    };
    let vocab: Vec<u32> = by_freq
        .iter()
        .copied()
        .filter(|&t| is_word(t) && count[t as usize] >= MIN_COUNT)
        .collect();
    let mut row = vec![u32::MAX; names.len()];
    for (r, &t) in vocab.iter().enumerate() {
        row[t as usize] = r as u32;
    }
    let mut ctx = vec![u32::MAX; names.len()];
    for (c, &t) in by_freq.iter().take(CONTEXTS).enumerate() {
        ctx[t as usize] = c as u32;
    }
    let nctx = CONTEXTS.min(by_freq.len());
    let cols = 4 * nctx;
    // Co-occurrence counts (positions -2, -1, +1, +2 kept apart).
    let mut cooc: HashMap<(u32, u32), f64> = HashMap::new();
    let offsets: [isize; 4] = [-2, -1, 1, 2];
    for i in 0..seq.len() {
        let r = row[seq[i] as usize];
        if r == u32::MAX {
            continue;
        }
        for (p, &d) in offsets.iter().enumerate() {
            let j = i as isize + d;
            if j < 0 || j as usize >= seq.len() {
                continue;
            }
            let c = ctx[seq[j as usize] as usize];
            if c == u32::MAX {
                continue;
            }
            *cooc.entry((r, p as u32 * nctx as u32 + c)).or_insert(0.0) += 1.0;
        }
    }
    let mut entries: Vec<((u32, u32), f64)> = cooc.into_iter().collect();
    entries.sort_by_key(|e| e.0);
    // Positive PMI, context counts smoothed.
    let mut row_sum = vec![0f64; vocab.len()];
    let mut col_sum = vec![0f64; cols];
    let mut total = 0f64;
    for &((r, c), v) in &entries {
        row_sum[r as usize] += v;
        col_sum[c as usize] += v;
        total += v;
    }
    let col_pow: Vec<f64> = col_sum.iter().map(|c| c.powf(0.75)).collect();
    let col_pow_sum: f64 = col_pow.iter().sum();
    let mut m = Csr {
        rows: vocab.len(),
        cols,
        start: vec![0; vocab.len() + 1],
        col: Vec::new(),
        val: Vec::new(),
    };
    for &((r, c), v) in &entries {
        let pmi = ((v / total)
            / ((row_sum[r as usize] / total) * (col_pow[c as usize] / col_pow_sum)))
            .ln();
        if pmi > 0.0 {
            m.start[r as usize + 1] += 1;
            m.col.push(c);
            m.val.push(pmi);
        }
    }
    for r in 0..vocab.len() {
        m.start[r + 1] += m.start[r];
    }
    report.push_str(&format!(
        "{} words in all; {} words seen {MIN_COUNT} times or more clustered; {} contexts ({} \
         tokens x 4 positions), {} positive PMI cells\n",
        words_total,
        vocab.len(),
        cols,
        nctx,
        m.val.len()
    ));
    // Randomised SVD.
    let mut rng = Rng(crate::rng::SplitMix64::new(seed ^ 0x5EED_C1A5_7E55_0001));
    let l = DIMS + 10;
    let omega: Vec<Vec<f64>> = (0..l)
        .map(|_| (0..cols).map(|_| rng.normal()).collect())
        .collect();
    let mut q = m.product(&omega, false);
    orthonormalise(&mut q);
    for _ in 0..2 {
        let mut z = m.product(&q, true);
        orthonormalise(&mut z);
        q = m.product(&z, false);
        orthonormalise(&mut q);
    }
    let bt = m.product(&q, true); // cols x l: B^T where B = Q^T A.
    let mut g = vec![0f64; l * l];
    for i in 0..l {
        for j in i..l {
            let d: f64 = bt[i].iter().zip(&bt[j]).map(|(a, b)| a * b).sum();
            g[i * l + j] = d;
            g[j * l + i] = d;
        }
    }
    let (eig, vecs) = jacobi(g, l);
    let mut order: Vec<usize> = (0..l).collect();
    order.sort_by(|&a, &b| eig[b].total_cmp(&eig[a]).then(a.cmp(&b)));
    let k = DIMS.min(l);
    let n = vocab.len();
    let mut emb = vec![0f32; n * k];
    for (d, &e) in order.iter().take(k).enumerate() {
        let weight = eig[e].max(0.0).powf(0.25); // sqrt of the singular value
        for r in 0..n {
            let mut x = 0f64;
            for (j, qj) in q.iter().enumerate() {
                x += qj[r] * vecs[j * l + e];
            }
            emb[r * k + d] = (x * weight) as f32;
        }
    }
    let mut zero = 0;
    for r in 0..n {
        let v = &mut emb[r * k..(r + 1) * k];
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| *x /= norm);
        } else {
            zero += 1;
        }
    }
    report.push_str(&format!("{zero} words with an empty vector\n"));
    // Top-down 2-means.
    let mut leaves: Vec<(String, Vec<usize>)> = Vec::new();
    let mut stack: Vec<(String, Vec<usize>)> = vec![(String::new(), (0..n).collect())];
    while let Some((path, members)) = stack.pop() {
        if members.len() < MIN_SPLIT || path.len() >= MAX_DEPTH {
            leaves.push((path, members));
            continue;
        }
        match split(&emb, k, &members, &mut rng) {
            Some((a, b)) => {
                // Pushed in reverse so the "0" half is split first (any order gives the same
                // file: leaves are sorted below).
                stack.push((format!("{path}1"), b));
                stack.push((format!("{path}0"), a));
            }
            None => leaves.push((path, members)),
        }
    }
    leaves.sort_by(|a, b| a.0.cmp(&b.0));
    let mut text = String::new();
    let mut depth_sum = 0usize;
    for (path, members) in &leaves {
        // An empty path (one leaf only) is written "0".
        let p = if path.is_empty() { "0" } else { path };
        text.push_str(p);
        text.push('\t');
        let ws: Vec<&str> = members
            .iter()
            .map(|&r| names[vocab[r] as usize].as_str())
            .collect();
        text.push_str(&ws.join(" "));
        text.push('\n');
        depth_sum += p.len() * members.len();
    }
    report.push_str(&format!(
        "{} leaf clusters, mean path {:.1} bits, {DIMS} SVD dimensions, seed {seed}\n",
        leaves.len(),
        depth_sum as f64 / n.max(1) as f64
    ));
    Trained { text, report }
}

/// Splits `members` (sorted by frequency, most frequent first) into two by spherical 2-means,
/// the best of [`TRIES`] seeded starts (k-means++: a random member, then one drawn by its
/// distance from it); the half holding the first member comes first. `None` when nothing is
/// left to split.
fn split(
    emb: &[f32],
    k: usize,
    members: &[usize],
    rng: &mut Rng,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let row = |r: usize| &emb[r * k..(r + 1) * k];
    let dot = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
    let mut best: Option<(f32, Vec<bool>)> = None;
    for _ in 0..TRIES {
        let first = members[rng.below(members.len())];
        let far: Vec<f64> = members
            .iter()
            .map(|&r| ((1.0 - dot(row(r), row(first))).max(0.0) as f64).powi(2))
            .collect();
        let total: f64 = far.iter().sum();
        let second = if total > 0.0 {
            let mut x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
            let mut pick = members[members.len() - 1];
            for (&r, &f) in members.iter().zip(&far) {
                if x < f {
                    pick = r;
                    break;
                }
                x -= f;
            }
            pick
        } else {
            members[rng.below(members.len())]
        };
        let mut c = [row(first).to_vec(), row(second).to_vec()];
        let mut side = vec![false; members.len()];
        for it in 0..KMEANS_ITERS {
            let mut changed = false;
            for (i, &r) in members.iter().enumerate() {
                let s = dot(row(r), &c[1]) > dot(row(r), &c[0]);
                changed |= s != side[i];
                side[i] = s;
            }
            let mut sums = [vec![0f32; k], vec![0f32; k]];
            for (i, &r) in members.iter().enumerate() {
                for (x, y) in sums[side[i] as usize].iter_mut().zip(row(r)) {
                    *x += y;
                }
            }
            for (ci, s) in c.iter_mut().zip(sums) {
                let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    *ci = s.into_iter().map(|x| x / norm).collect();
                }
            }
            if !changed && it > 0 {
                break;
            }
        }
        if side.iter().all(|&s| s == side[0]) {
            // One half empty (words whose vectors are alike, or all zero): split at the median
            // of how much nearer each word is to one centre than to the other.
            let mut by: Vec<(f32, usize)> = members
                .iter()
                .enumerate()
                .map(|(i, &r)| (dot(row(r), &c[1]) - dot(row(r), &c[0]), i))
                .collect();
            by.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
            for (j, &(_, i)) in by.iter().enumerate() {
                side[i] = j >= by.len() / 2;
            }
        }
        // Cohesion: how near each word is to its half's centre.
        let score: f32 = members
            .iter()
            .enumerate()
            .map(|(i, &r)| dot(row(r), &c[side[i] as usize]))
            .sum();
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, side));
        }
    }
    let (_, side) = best?;
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (i, &r) in members.iter().enumerate() {
        if side[i] == side[0] {
            a.push(r);
        } else {
            b.push(r);
        }
    }
    if a.is_empty() || b.is_empty() {
        return None;
    }
    Some((a, b))
}

/// Reads the text, trains, writes `out`; returns a report.
pub fn run(data: &Path, review: &Path, out: &Path, seed: u64) -> Result<String, Error> {
    let started = std::time::Instant::now();
    let sources = corpus(data, review)?;
    let t = build(&sources, seed);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, &t.text).map_err(|e| Error::Data(format!("{}: {e}", out.display())))?;
    Ok(format!(
        "clusters: trained in {:.1} s\n{}wrote {} ({} bytes)",
        started.elapsed().as_secs_f64(),
        t.report,
        out.display(),
        t.text.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_keep_quoted_commas() {
        assert_eq!(
            csv_fields(r#"1,TODD,"Good evening, and ""welcome"".",0,a.tsv"#),
            vec!["1", "TODD", "Good evening, and \"welcome\".", "0", "a.tsv"]
        );
    }

    #[test]
    fn the_ptc_split_is_newsprobe_frammings() {
        // The same hash as newsprobe-framing's `data::is_dev`.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        let dev = (111111111u64..111111111 + 500)
            .filter(|i| ptc_is_dev(&i.to_string()))
            .count();
        assert!((50..150).contains(&dev), "{dev}");
    }

    /// A tiny corpus: the same seed gives the same file; words used alike end up closer.
    #[test]
    fn training_is_reproducible_and_groups_words_used_alike() {
        let mut texts = Vec::new();
        let days = ["monday", "tuesday", "friday", "sunday"];
        let cities = ["paris", "london", "berlin", "madrid"];
        let verbs = ["said", "added", "told", "noted"];
        for i in 0..40 {
            let d = days[i % 4];
            let c = cities[(i / 4) % 4];
            let v = verbs[(i / 2) % 4];
            texts.push(format!(
                "On {d} the minister {v} that talks in {c} would go on. Officials in {c} {v} on {d} that it was over."
            ));
        }
        let s = [Source {
            name: "test",
            texts,
        }];
        let a = build(&s, 42);
        let b = build(&s, 42);
        assert_eq!(a.text, b.text);
        let t = Table::parse(Box::leak(a.text.clone().into_boxed_str()));
        let path = |w: &str| {
            let l = t.leaf(w).unwrap() as usize;
            t.paths[l].0
        };
        let common = |x: &str, y: &str| {
            path(x)
                .bytes()
                .zip(path(y).bytes())
                .take_while(|(p, q)| p == q)
                .count()
        };
        assert!(
            common("monday", "friday") > common("monday", "paris"),
            "{}",
            a.text
        );
        assert!(
            common("paris", "berlin") > common("paris", "said"),
            "{}",
            a.text
        );
    }

    use super::super::Table;

    /// The bundled file is what `newsprobe train clusters --data ../shared/eval --seed 42` writes,
    /// byte for byte (about 10 s of training in a release build: run with `--ignored`).
    #[test]
    #[ignore]
    fn bundled_clusters_retrain_byte_for_byte() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let data = Path::new(root).join("../shared/eval");
        let sources = corpus(&data, &Path::new(root).join("eval/review")).unwrap();
        assert!(
            build(&sources, 42).text == super::super::CLUSTERS,
            "retrain: newsprobe train clusters"
        );
    }
}
