//! How a score is computed and learned: L2-regularised logistic regression (binary, or
//! multinomial softmax) over sparse hashed features, trained by seeded AdaGrad SGD in a fixed
//! order on one thread, so the same data and seed give the same model bit for bit; plus the
//! compact little-endian model format (weights quantised to i16) and the seeded RNG.

use crate::Error;

/// SplitMix64: a small, fixed pseudo-random generator (no dependency, same stream everywhere).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x6a09_e667_f3bc_c909)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// A linear model: `outputs == 1` is binary logistic regression (probability of class 1);
/// `outputs > 1` is softmax over that many classes. Weights are laid out `[feature][output]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Linear {
    pub bits: u8,
    pub outputs: usize,
    pub weights: Vec<f32>,
    pub bias: Vec<f32>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    /// AdaGrad base learning rate.
    pub learning_rate: f32,
    /// L2 penalty applied to the weights an example touches.
    pub l2: f32,
    pub seed: u64,
    /// Per-class loss weights (empty: all 1).
    pub class_weights: Vec<f32>,
    /// Return the average of the weights over all updates (averaged SGD) instead of the last.
    pub average: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 8,
            learning_rate: 0.1,
            l2: 1e-6,
            seed: 42,
            class_weights: Vec::new(),
            average: false,
        }
    }
}

/// One training example: sorted sparse features and a class (0/1 for binary).
pub type Example = (Vec<(u32, f32)>, usize);

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

impl Linear {
    pub fn new(bits: u8, outputs: usize) -> Self {
        let outputs = outputs.max(1);
        Linear {
            bits,
            outputs,
            weights: vec![0.0; (1usize << bits) * outputs],
            bias: vec![0.0; outputs],
        }
    }

    /// Number of classes predicted (2 for a binary model).
    pub fn classes(&self) -> usize {
        if self.outputs == 1 {
            2
        } else {
            self.outputs
        }
    }

    /// Raw scores (one per output, as many as `out` holds); features outside the space are
    /// ignored.
    pub fn scores(&self, x: &[(u32, f32)], out: &mut [f32]) {
        let k = self.outputs;
        if k == 1 {
            // A binary model: one running sum, in the same order as the loop below.
            if let (Some(o), Some(&b)) = (out.first_mut(), self.bias.first()) {
                let mut s = b;
                for &(i, v) in x {
                    if let Some(w) = self.weights.get(i as usize) {
                        s += w * v;
                    }
                }
                *o = s;
            }
            return;
        }
        for (o, b) in out.iter_mut().zip(&self.bias) {
            *o = *b;
        }
        for &(i, v) in x {
            let base = i as usize * k;
            if let Some(w) = self.weights.get(base..base + k) {
                for (o, w) in out.iter_mut().zip(w) {
                    *o += w * v;
                }
            }
        }
    }

    /// Weight of one feature for one output (0 when out of range).
    pub fn weight(&self, index: u32, output: usize) -> f32 {
        self.weights
            .get(index as usize * self.outputs + output)
            .copied()
            .unwrap_or(0.0)
    }

    /// Class probabilities (length `classes()`).
    pub fn probabilities(&self, x: &[(u32, f32)]) -> Vec<f32> {
        let mut s = vec![0.0f32; self.outputs];
        self.scores(x, &mut s);
        if self.outputs == 1 {
            let p = sigmoid(s[0]);
            return vec![1.0 - p, p];
        }
        softmax(&mut s);
        s
    }

    /// Probability of class 1 for a binary model.
    pub fn probability(&self, x: &[(u32, f32)]) -> f32 {
        let mut s = [0.0f32; 1];
        if self.outputs != 1 {
            return self.probabilities(x).get(1).copied().unwrap_or(0.0);
        }
        self.scores(x, &mut s);
        sigmoid(s[0])
    }

    /// Trains on `examples` (visited in a seeded shuffled order each epoch).
    pub fn train(bits: u8, outputs: usize, examples: &[Example], cfg: &TrainConfig) -> Linear {
        Linear::train_weighted(bits, outputs, examples, &[], cfg)
    }

    /// Same, with a loss weight per example (`weights[i]` for `examples[i]`; missing: 1).
    pub fn train_weighted(
        bits: u8,
        outputs: usize,
        examples: &[Example],
        weights: &[f32],
        cfg: &TrainConfig,
    ) -> Linear {
        let mut m = Linear::new(bits, outputs);
        let k = m.outputs;
        let mut g2 = vec![0.0f32; m.weights.len()];
        let mut g2_bias = vec![0.0f32; k];
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = Rng::new(cfg.seed);
        let mut scores = vec![0.0f32; k];
        let mut grad = vec![0.0f32; k];
        // Averaging: `acc` sums step * update, so the average is `w - acc / steps`.
        let mut acc_w = if cfg.average {
            vec![0.0f32; m.weights.len()]
        } else {
            Vec::new()
        };
        let mut acc_b = vec![0.0f32; k];
        let mut step = 1.0f32;
        for _ in 0..cfg.epochs {
            rng.shuffle(&mut order);
            for &e in &order {
                let (x, y) = &examples[e];
                let cw = cfg.class_weights.get(*y).copied().unwrap_or(1.0)
                    * weights.get(e).copied().unwrap_or(1.0);
                m.scores(x, &mut scores);
                if k == 1 {
                    let p = sigmoid(scores[0]);
                    grad[0] = (p - (*y == 1) as u8 as f32) * cw;
                } else {
                    softmax(&mut scores);
                    for (c, g) in grad.iter_mut().enumerate() {
                        *g = (scores[c] - (c == *y) as u8 as f32) * cw;
                    }
                }
                for c in 0..k {
                    let g = grad[c];
                    g2_bias[c] += g * g;
                    let delta = cfg.learning_rate * g / (g2_bias[c].sqrt() + 1e-6);
                    m.bias[c] -= delta;
                    acc_b[c] -= step * delta;
                }
                for &(i, v) in x {
                    let base = i as usize * k;
                    if base + k > m.weights.len() {
                        continue;
                    }
                    for c in 0..k {
                        let w = &mut m.weights[base + c];
                        let g = grad[c] * v + cfg.l2 * *w;
                        if g == 0.0 {
                            continue;
                        }
                        let acc = &mut g2[base + c];
                        *acc += g * g;
                        let delta = cfg.learning_rate * g / (acc.sqrt() + 1e-6);
                        *w -= delta;
                        if let Some(a) = acc_w.get_mut(base + c) {
                            *a -= step * delta;
                        }
                    }
                }
                step += 1.0;
            }
        }
        if cfg.average {
            for (w, a) in m.weights.iter_mut().zip(&acc_w) {
                *w -= a / step;
            }
            for (b, a) in m.bias.iter_mut().zip(&acc_b) {
                *b -= a / step;
            }
        }
        m
    }

    /// Serialises: magic `NPLM`, version 1, bits, outputs (u16), scale (f32), biases (f32),
    /// then every weight as i16 (`round(w / scale)`), all little-endian.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"NPLM");
        out.push(1);
        out.push(self.bits);
        out.extend_from_slice(&(self.outputs as u16).to_le_bytes());
        let max = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        for b in &self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        out.reserve(self.weights.len() * 2);
        for w in &self.weights {
            let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
    }

    /// Reads what `write` wrote.
    pub fn read(r: &mut Reader<'_>) -> Result<Linear, Error> {
        if r.take(4)? != b"NPLM" {
            return Err(Error::Model("not a linear model (bad magic)".into()));
        }
        let version = r.u8()?;
        if version != 1 {
            return Err(Error::Model(format!(
                "unknown linear model version {version}"
            )));
        }
        let bits = r.u8()?;
        if !(9..=24).contains(&bits) {
            return Err(Error::Model(format!("bad feature-space size 2^{bits}")));
        }
        let outputs = r.u16()? as usize;
        if outputs == 0 || outputs > 64 {
            return Err(Error::Model(format!("bad output count {outputs}")));
        }
        let scale = r.f32()?;
        let bias = (0..outputs)
            .map(|_| r.f32())
            .collect::<Result<Vec<_>, _>>()?;
        let n = (1usize << bits) * outputs;
        let raw = r.take(n * 2)?;
        let weights = raw
            .chunks_exact(2)
            .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale)
            .collect();
        Ok(Linear {
            bits,
            outputs,
            weights,
            bias,
        })
    }

    /// The model as it will be after a write/read round trip (quantised weights).
    pub fn quantized(&self) -> Result<Linear, Error> {
        let mut buf = Vec::new();
        self.write(&mut buf);
        Linear::read(&mut Reader::new(&buf))
    }
}

/// In-place softmax.
pub fn softmax(s: &mut [f32]) {
    let max = s.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
    let mut sum = 0.0;
    for v in s.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    if sum > 0.0 {
        for v in s.iter_mut() {
            *v /= sum;
        }
    }
}

/// A bounds-checked little-endian reader over a model file.
#[derive(Debug)]
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or_else(|| Error::Model("model file is truncated".into()))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    pub fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }

    pub fn u16(&mut self) -> Result<u16, Error> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    pub fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn u64(&mut self) -> Result<u64, Error> {
        let lo = u64::from(self.u32()?);
        let hi = u64::from(self.u32()?);
        Ok(lo | (hi << 32))
    }

    pub fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_bits(self.u32()?))
    }

    /// Checks a 4-byte magic tag and a version byte.
    pub fn header(&mut self, magic: &[u8; 4], version: u8) -> Result<(), Error> {
        if self.take(4)? != magic {
            return Err(Error::Model(format!(
                "not a {} model (bad magic)",
                String::from_utf8_lossy(magic)
            )));
        }
        let v = self.u8()?;
        if v != version {
            return Err(Error::Model(format!("unsupported model version {v}")));
        }
        Ok(())
    }

    pub fn finished(&self) -> bool {
        self.pos == self.buf.len()
    }
}

/// A model file of one single-output linear model: header, the training seed, the weights.
pub fn write_seeded(magic: &[u8; 4], seed: u64, linear: &Linear) -> Vec<u8> {
    let mut out = Vec::new();
    write_header(&mut out, magic, 1);
    out.extend_from_slice(&seed.to_le_bytes());
    linear.write(&mut out);
    out
}

/// Reads what [`write_seeded`] wrote; `what` names the model in the error.
pub fn read_seeded(bytes: &[u8], magic: &[u8; 4], what: &str) -> Result<(u64, Linear), Error> {
    let mut r = Reader::new(bytes);
    r.header(magic, 1)?;
    let seed = r.u64()?;
    let linear = Linear::read(&mut r)?;
    if linear.outputs != 1 || !r.finished() {
        return Err(Error::Model(format!("malformed {what} model")));
    }
    Ok((seed, linear))
}

/// Writes a header as `Reader::header` expects it.
pub fn write_header(out: &mut Vec<u8>, magic: &[u8; 4], version: u8) {
    out.extend_from_slice(magic);
    out.push(version);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<Example> {
        // Feature 300 means class 1, feature 301 class 0, 302 is noise.
        (0..200)
            .map(|i| {
                let y = i % 2;
                let x = if y == 1 {
                    vec![(300, 1.0), (302, 1.0)]
                } else {
                    vec![(301, 1.0), (302, 1.0)]
                };
                (x, y)
            })
            .collect()
    }

    #[test]
    fn binary_model_learns_and_round_trips() {
        let m = Linear::train(10, 1, &toy(), &TrainConfig::default());
        assert!(m.probability(&[(300, 1.0)]) > 0.9);
        assert!(m.probability(&[(301, 1.0)]) < 0.1);
        let q = m.quantized().unwrap();
        assert!((q.probability(&[(300, 1.0)]) - m.probability(&[(300, 1.0)])).abs() < 1e-3);
    }

    #[test]
    fn softmax_model_learns_three_classes() {
        let ex: Vec<Example> = (0..300)
            .map(|i| (vec![(300 + (i % 3) as u32, 1.0)], i % 3))
            .collect();
        let m = Linear::train(10, 3, &ex, &TrainConfig::default());
        let p = m.probabilities(&[(302, 1.0)]);
        assert!(p[2] > 0.8, "{p:?}");
    }

    #[test]
    fn averaged_training_also_learns() {
        let cfg = TrainConfig {
            average: true,
            ..TrainConfig::default()
        };
        let m = Linear::train(10, 1, &toy(), &cfg);
        assert!(m.probability(&[(300, 1.0)]) > 0.8);
        assert!(m.probability(&[(301, 1.0)]) < 0.2);
    }

    #[test]
    fn training_is_deterministic() {
        let cfg = TrainConfig::default();
        let mut a = Vec::new();
        let mut b = Vec::new();
        Linear::train(10, 1, &toy(), &cfg).write(&mut a);
        Linear::train(10, 1, &toy(), &cfg).write(&mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn truncated_models_are_errors() {
        let mut buf = Vec::new();
        Linear::new(10, 1).write(&mut buf);
        assert!(Linear::read(&mut Reader::new(&buf[..buf.len() - 1])).is_err());
        assert!(Linear::read(&mut Reader::new(b"nope")).is_err());
        assert!(Linear::read(&mut Reader::new(&buf)).is_ok());
    }
}
