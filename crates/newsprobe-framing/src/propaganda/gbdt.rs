//! A small gradient-boosted tree ensemble (logistic loss) over a few dense features: the clause
//! stacker, which reads the clause classifier's out-of-fold score with the clause's dense
//! meta-features (see [`super::features::Context::clause_dense`]) and learns their interactions
//! (long clause × quoted × loaded word) that a linear model over bucketed features cannot.
//!
//! Trees are complete binary trees of a fixed depth, grown level by level on quantile bins of
//! each feature (second-order gain, L2 on the leaves, a minimum number of examples a leaf);
//! a node that no split improves sends everything left (threshold +∞). Training is
//! deterministic: no sampling, ties broken by feature and bin order.

use newsprobe_classify::linear::Reader;
use newsprobe_classify::Error;

/// One tree: `2^depth - 1` internal nodes in heap order (feature, threshold: `x <= threshold`
/// goes left) and `2^depth` leaf values.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub feature: Vec<u8>,
    pub threshold: Vec<f32>,
    pub leaf: Vec<f32>,
}

/// The ensemble: a base logit plus the trees' leaves.
#[derive(Debug, Clone, PartialEq)]
pub struct Gbdt {
    pub depth: u8,
    pub features: u8,
    /// The weight of feature 0's logit (a probability: the first-level model's) in the
    /// ensemble's logit: the trees correct it (0: they start from `base` alone).
    pub offset: f32,
    pub base: f32,
    pub trees: Vec<Tree>,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub depth: u8,
    pub rounds: usize,
    pub learning_rate: f32,
    /// L2 penalty on leaf values.
    pub lambda: f32,
    /// Fewest examples a split may leave on either side.
    pub min_leaf: usize,
    /// Quantile bins per feature.
    pub bins: usize,
    /// Boost from the logit of feature 0 at this weight (see [`Gbdt::offset`]).
    pub offset: f32,
}

/// The logit of a probability (clamped away from 0 and 1).
fn logit(p: f32) -> f32 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

impl Gbdt {
    /// The logit of `x` (as many values as the model's features; missing ones read 0).
    pub fn logit(&self, x: &[f32]) -> f32 {
        let mut z = self.base;
        if self.offset != 0.0 {
            z += self.offset * x.first().map_or(0.0, |&p| logit(p));
        }
        let inner = (1usize << self.depth) - 1;
        for t in &self.trees {
            let mut node = 0usize;
            while node < inner {
                let v = x.get(usize::from(t.feature[node])).copied().unwrap_or(0.0);
                node = 2 * node + if v <= t.threshold[node] { 1 } else { 2 };
            }
            z += t.leaf[node - inner];
        }
        z
    }

    pub fn probability(&self, x: &[f32]) -> f32 {
        sigmoid(self.logit(x))
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.push(self.depth);
        out.push(self.features);
        out.extend_from_slice(&self.offset.to_le_bytes());
        out.extend_from_slice(&self.base.to_le_bytes());
        out.extend_from_slice(&(self.trees.len() as u32).to_le_bytes());
        for t in &self.trees {
            out.extend_from_slice(&t.feature);
            for v in t.threshold.iter().chain(&t.leaf) {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
    }

    pub fn read(r: &mut Reader<'_>) -> Result<Gbdt, Error> {
        let depth = r.u8()?;
        let features = r.u8()?;
        let offset = r.f32()?;
        if !(1..=8).contains(&depth) {
            return Err(Error::Model(format!("bad tree depth {depth}")));
        }
        let base = r.f32()?;
        let n = r.u32()? as usize;
        if n > 100_000 {
            return Err(Error::Model(format!("bad tree count {n}")));
        }
        let inner = (1usize << depth) - 1;
        let mut trees = Vec::with_capacity(n);
        for _ in 0..n {
            let feature = r.take(inner)?.to_vec();
            if feature.iter().any(|&f| f >= features.max(1)) {
                return Err(Error::Model("tree reads a feature it does not have".into()));
            }
            let threshold = (0..inner).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
            let leaf = (0..=inner)
                .map(|_| r.f32())
                .collect::<Result<Vec<_>, _>>()?;
            trees.push(Tree {
                feature,
                threshold,
                leaf,
            });
        }
        Ok(Gbdt {
            depth,
            features,
            offset,
            base,
            trees,
        })
    }

    /// Trains on `xs` (rows of `d` features) and labels `ys` (0/1). With `held` (rows and
    /// labels), also returns the held rows' mean log loss after each round.
    pub fn train(
        d: usize,
        xs: &[f32],
        ys: &[u8],
        p: Params,
        held: Option<(&[f32], &[u8])>,
    ) -> (Gbdt, Vec<f64>) {
        let n = ys.len();
        let (cuts, binned) = bin(d, xs, n, p.bins);
        let pos = ys.iter().filter(|&&y| y != 0).count() as f32;
        let prior = if p.offset == 1.0 {
            0.0
        } else {
            ((pos + 1.0) / (n as f32 - pos + 1.0)).ln() * (1.0 - p.offset)
        };
        let mut m = Gbdt {
            depth: p.depth,
            features: d as u8,
            offset: p.offset,
            base: prior,
            trees: Vec::new(),
        };
        let start = |x: &[f32], i: usize| {
            prior
                + if p.offset != 0.0 {
                    p.offset * logit(x[i * d])
                } else {
                    0.0
                }
        };
        let mut f: Vec<f32> = (0..n).map(|i| start(xs, i)).collect();
        let mut held_f: Vec<f32> = held.map_or(Vec::new(), |(hx, hy)| {
            (0..hy.len()).map(|i| start(hx, i)).collect()
        });
        let mut losses = Vec::new();
        let inner = (1usize << p.depth) - 1;
        let (mut g, mut h) = (vec![0.0f32; n], vec![0.0f32; n]);
        let mut node = vec![0u32; n];
        for _ in 0..p.rounds {
            for i in 0..n {
                let q = sigmoid(f[i]);
                g[i] = q - f32::from(ys[i]);
                h[i] = (q * (1.0 - q)).max(1e-6);
            }
            node.iter_mut().for_each(|x| *x = 0);
            let mut tree = Tree {
                feature: vec![0; inner],
                threshold: vec![f32::INFINITY; inner],
                leaf: vec![0.0; inner + 1],
            };
            for level in 0..p.depth {
                let first = (1usize << level) - 1;
                let width = 1usize << level;
                // Histograms: [node][feature][bin] of (g, h, count).
                let nb = p.bins;
                let mut hist = vec![(0.0f64, 0.0f64, 0u32); width * d * nb];
                for i in 0..n {
                    let k = node[i] as usize - first;
                    let row = &binned[i * d..(i + 1) * d];
                    let base = k * d * nb;
                    for (j, &b) in row.iter().enumerate() {
                        let e = &mut hist[base + j * nb + usize::from(b)];
                        e.0 += f64::from(g[i]);
                        e.1 += f64::from(h[i]);
                        e.2 += 1;
                    }
                }
                let lambda = f64::from(p.lambda);
                for k in 0..width {
                    let mut best: Option<(f64, usize, usize)> = None;
                    for j in 0..d {
                        let hs = &hist[(k * d + j) * nb..(k * d + j + 1) * nb];
                        let (gt, ht, ct) = hs
                            .iter()
                            .fold((0.0, 0.0, 0u32), |a, e| (a.0 + e.0, a.1 + e.1, a.2 + e.2));
                        let parent = gt * gt / (ht + lambda);
                        let (mut gl, mut hl, mut cl) = (0.0, 0.0, 0u32);
                        for (b, e) in hs.iter().enumerate().take(cuts[j].len()) {
                            gl += e.0;
                            hl += e.1;
                            cl += e.2;
                            let cr = ct - cl;
                            if (cl as usize) < p.min_leaf || (cr as usize) < p.min_leaf {
                                continue;
                            }
                            let (gr, hr) = (gt - gl, ht - hl);
                            let gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
                            if gain > 1e-9 && best.is_none_or(|b| gain > b.0) {
                                best = Some((gain, j, b));
                            }
                        }
                    }
                    if let Some((_, j, b)) = best {
                        tree.feature[first + k] = j as u8;
                        tree.threshold[first + k] = cuts[j][b];
                    }
                }
                for i in 0..n {
                    let at = node[i] as usize;
                    let j = usize::from(tree.feature[at]);
                    let v = xs[i * d + j];
                    node[i] = (2 * at + if v <= tree.threshold[at] { 1 } else { 2 }) as u32;
                }
            }
            let mut sums = vec![(0.0f64, 0.0f64); inner + 1];
            for i in 0..n {
                let l = node[i] as usize - inner;
                sums[l].0 += f64::from(g[i]);
                sums[l].1 += f64::from(h[i]);
            }
            for (l, &(gs, hs)) in sums.iter().enumerate() {
                tree.leaf[l] = (-gs / (hs + f64::from(p.lambda))) as f32 * p.learning_rate;
            }
            for i in 0..n {
                f[i] += tree.leaf[node[i] as usize - inner];
            }
            if let Some((hx, hy)) = held {
                let one = Gbdt {
                    depth: p.depth,
                    features: d as u8,
                    offset: 0.0,
                    base: 0.0,
                    trees: vec![tree.clone()],
                };
                let mut loss = 0.0f64;
                for (i, &y) in hy.iter().enumerate() {
                    held_f[i] += one.logit(&hx[i * d..(i + 1) * d]);
                    let q = f64::from(sigmoid(held_f[i])).clamp(1e-7, 1.0 - 1e-7);
                    loss -= if y != 0 { q.ln() } else { (1.0 - q).ln() };
                }
                losses.push(loss / hy.len().max(1) as f64);
            }
            m.trees.push(tree);
        }
        (m, losses)
    }
}

/// Quantile cut points of each feature (at most `bins - 1`, distinct) and each row's bin per
/// feature (bin `b`: value <= cut `b`, the last bin above every cut).
fn bin(d: usize, xs: &[f32], n: usize, bins: usize) -> (Vec<Vec<f32>>, Vec<u8>) {
    let bins = bins.clamp(2, 256);
    let mut cuts = Vec::with_capacity(d);
    let mut col = Vec::with_capacity(n);
    for j in 0..d {
        col.clear();
        col.extend((0..n).map(|i| xs[i * d + j]));
        col.sort_by(f32::total_cmp);
        let mut c: Vec<f32> = Vec::new();
        for q in 1..bins {
            let Some(&v) = col.get(q * n / bins) else {
                continue;
            };
            if c.last().is_none_or(|&l| v > l) && col.last().is_some_and(|&top| v < top) {
                c.push(v);
            }
        }
        cuts.push(c);
    }
    let mut binned = vec![0u8; n * d];
    for i in 0..n {
        for j in 0..d {
            let v = xs[i * d + j];
            binned[i * d + j] = cuts[j].partition_point(|&c| c < v) as u8;
        }
    }
    (cuts, binned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_an_interaction_and_round_trips() {
        // y = (x0 > 0.5) xor (x1 > 0.5): no linear model separates it; depth-2 trees do.
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..400 {
            let a = (i % 20) as f32 / 20.0;
            let b = (i / 20) as f32 / 20.0;
            xs.extend_from_slice(&[a, b, 0.3]);
            ys.push(u8::from((a > 0.5) != (b > 0.5)));
        }
        let p = Params {
            depth: 2,
            rounds: 60,
            learning_rate: 0.3,
            lambda: 1.0,
            min_leaf: 5,
            bins: 16,
            offset: 0.0,
        };
        let (m, losses) = Gbdt::train(3, &xs, &ys, p, Some((&xs, &ys)));
        assert_eq!(losses.len(), 60);
        assert!(losses[59] < losses[0] && losses[59] < 0.2, "{losses:?}");
        let right = (0..400)
            .filter(|&i| (m.probability(&xs[i * 3..i * 3 + 3]) > 0.5) == (ys[i] == 1))
            .count();
        assert!(right >= 390, "{right}/400");
        let mut bytes = Vec::new();
        m.write(&mut bytes);
        let back = Gbdt::read(&mut Reader::new(&bytes)).expect("reads");
        assert_eq!(back, m);
        // A truncated model is an error, not a panic.
        assert!(Gbdt::read(&mut Reader::new(&bytes[..bytes.len() - 3])).is_err());
    }
}
