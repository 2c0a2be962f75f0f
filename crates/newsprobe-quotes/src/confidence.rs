//! The speaker's confidence: the estimated probability that the name a quote's source shows is
//! the right person, read from a table of how often names reached each way were right.
//!
//! A quote's key (`QuoteSource::key`) is
//! `path/band[+rivals][+inherited|+close|+ranked][+apart][+q-KIND]`:
//! how the name was reached from the mention (named at the cue, a pronoun through the entity
//! stage's coreference or the resolver's referents, a description, the last speaker going on …),
//! how far back in sentences the name's mention before it lies (`0`, `near` within two, `far`,
//! `none`), whether another referent the pronoun could mean lies between; how the mention
//! was chosen: carried over from an earlier quotation, ranked against other candidates with a
//! close or a clear margin, or outside the statement's sentences; the statement's kind
//! (`q-direct`, `q-partial`, `q-reported`; not for a quotation carried over, whose mention was
//! chosen for the quotation before it).
//!
//! Two tables, two kinds of label:
//! - **choice** (`form+ranker[+q-KIND]`, form `named`, `pronoun` or `description`,
//!   ranker `plain`, `close` or `ranked`): on PolNeAR train, how often the mention chosen is the
//!   gold source's (about 10,000 attributions). **Cross-fitted**: each text's speakers are chosen
//!   by a ranker trained on the other four of five seeded folds
//!   ([`crate::eval::choice_cells`]), so the rates are those of choices the ranker did not see
//!   (in-sample, a close choice of a named mention read 0.78, cross-fitted 0.61). The cells form a
//!   chain, each link shrunk toward the one before: on PolNeAR train a name the ranker did not
//!   need to rank is the source of a quotation 0.96 of the time, of reported speech 0.90;
//! - **resolve** (`path/band[+rivals][+inherited][+apart]`): on the reviewed sample's tuned-on groups only
//!   (`eval/review/ecbplus`, `eval/review/scrapinghub`; never the held-out part), how often the
//!   name reached that way is the gold speaker.
//!
//! Each rate is its cell's, shrunk toward its parent's (a beta prior of weight [`PRIOR`]): few
//! parameters for a few hundred labels. The score adds, on the log-odds scale, the resolve
//! cell's rate and the choice cell's difference from its form's rate (naive Bayes: the review
//! rate already holds the average choice of its form). Below [`threshold`] the name is no speaker
//! shown but a suggestion. The threshold is chosen on honest scores (each tuned-on article
//! scored by the table without its own quotes), pooled over the tuned-on groups, at a shown
//! precision of 0.90 plus a margin of 0.02 (`newsprobe::review::calibrate`).
//!
//! Features tried that did not pay at equal coverage (session 13, honest tuned-on scores and
//! PolNeAR dev), after the kind: the cue's class (a plain verb of saying, another reporting
//! verb, anything else: 2 to 4 more right of about 408 shown, but partial quotations at
//! "described" and "asserting" fell under the threshold, on the seed case too), how many
//! statements the name speaks in the article, the mention's distance from its cue in tokens; a
//! weight on the choice term (0.5 to 2) and other priors (2 to 16).
//!
//! **Session 16: a model.** Where the table file holds `weight` lines, the score is a logistic
//! model over [`features`] of the whole key, its evidence ([`crate::evidence`], after `|`)
//! included, fitted by [`fit`] (`newsprobe::review::calibrate`: PolNeAR train attributions by
//! cross-fitted rankers, less names reached through a pronoun or the entity stage, whose PolNeAR
//! label does not see the name, and the tuned-on groups' quotes); the cells above are kept in
//! the file for the session-15 design (`NEWSPROBE_CONF_DESIGN=table` when training) and for
//! comparison.
//!
//! Retrain (after a change to the resolver):
//! `newsprobe train speaker-confidence --data eval/review --out crates/newsprobe-quotes/models/speaker-confidence.tsv`

use std::sync::OnceLock;

static TABLE: &str = include_str!("../models/speaker-confidence.tsv");

/// A ranker's margin (best minus second candidate's score, in thousandths) under which its
/// choice of speaker mention is close.
pub const CLOSE_MARGIN_MILLI: i32 = 1000;

/// The weight, in quotes, of the parent rate in a cell's estimate.
pub const PRIOR: f64 = 4.0;

/// Rates of one kind of cell: all, per parent, per cell, as (right, all).
#[derive(Default)]
struct Rates {
    total: (f64, f64),
    // Looked up per quotation: foldhash, not SipHash (nothing iterates them).
    parent: foldhash::HashMap<String, (f64, f64)>,
    cell: foldhash::HashMap<String, (f64, f64)>,
}

/// Rates of a chain of cells (`named`, `named+ranked`, `named+ranked+q-direct`, …): every
/// prefix of a cell's parts is a cell, each shrunk toward the one before it.
#[derive(Default)]
struct Chain {
    total: (f64, f64),
    // Looked up per quotation: foldhash, not SipHash (nothing iterates them).
    prefix: foldhash::HashMap<String, (f64, f64)>,
}

impl Chain {
    fn add(&mut self, key: &str, r: f64, n: f64) {
        self.total.0 += r;
        self.total.1 += n;
        let mut end = 0;
        for part in key.split('+') {
            end += part.len();
            let e = self.prefix.entry(key[..end].to_string()).or_default();
            e.0 += r;
            e.1 += n;
            end += 1;
        }
    }

    /// The rate of the first part of `key` (its form) and of the whole, shrunk link by link.
    fn rates(&self, key: &str) -> (f64, f64) {
        let mut p = shrink(self.total, 0.5);
        let mut first = None;
        let mut end = 0;
        for part in key.split('+') {
            end += part.len();
            if let Some(&c) = self.prefix.get(&key[..end.min(key.len())]) {
                p = shrink(c, p);
            }
            first.get_or_insert(p);
            end += 1;
        }
        (first.unwrap_or(p), p)
    }
}

impl Rates {
    fn add(&mut self, parent: String, key: String, r: f64, n: f64) {
        self.total.0 += r;
        self.total.1 += n;
        let e = self.parent.entry(parent).or_default();
        e.0 += r;
        e.1 += n;
        let e = self.cell.entry(key).or_default();
        e.0 += r;
        e.1 += n;
    }

    /// The rate of `parent` and of `key` under it, shrunk.
    fn rates(&self, parent: &str, key: &str) -> (f64, f64) {
        let all = shrink(self.total, 0.5);
        let p = self.parent.get(parent).map_or(all, |&c| shrink(c, all));
        let k = self.cell.get(key).map_or(p, |&c| shrink(c, p));
        (p, k)
    }
}

struct Table {
    threshold: f32,
    resolve: Rates,
    choice: Chain,
    /// The model's weights per feature ([`features`]); where there are none, the score is
    /// the tables'.
    weights: foldhash::HashMap<String, f64>,
    /// The same weights split by the feature's kind, keyed by what follows its prefix, so that
    /// a quote is scored by `&str` look-ups without building its features' strings.
    model: Weights,
}

/// A model's weights by feature kind ([`features`]): `bias`, `p:`, `pb:`, `k:`, `f:` and the
/// three forms' `FORM&` parts, each map keyed by the feature's name less its prefix.
#[derive(Default)]
struct Weights {
    bias: Option<f64>,
    path: foldhash::HashMap<String, f64>,
    band: foldhash::HashMap<String, f64>,
    part: foldhash::HashMap<String, f64>,
    evidence: foldhash::HashMap<String, f64>,
    /// `named&`, `pronoun&`, `description&`.
    by_form: [foldhash::HashMap<String, f64>; 3],
}

impl Weights {
    fn new(weights: &foldhash::HashMap<String, f64>) -> Weights {
        let mut w = Weights::default();
        for (k, &v) in weights {
            let (map, rest) = if k == "bias" {
                w.bias = Some(v);
                continue;
            } else if let Some(r) = k.strip_prefix("p:") {
                (&mut w.path, r)
            } else if let Some(r) = k.strip_prefix("pb:") {
                (&mut w.band, r)
            } else if let Some(r) = k.strip_prefix("k:") {
                (&mut w.part, r)
            } else if let Some(r) = k.strip_prefix("f:") {
                (&mut w.evidence, r)
            } else if let Some(r) = k.strip_prefix("named&") {
                (&mut w.by_form[0], r)
            } else if let Some(r) = k.strip_prefix("pronoun&") {
                (&mut w.by_form[1], r)
            } else if let Some(r) = k.strip_prefix("description&") {
                (&mut w.by_form[2], r)
            } else {
                // No feature [`features`] builds: never weighed.
                continue;
            };
            map.insert(rest.to_string(), v);
        }
        w
    }

    /// The model's log-odds of `key`: the sum of the weights of [`features`]`(key)`, in the
    /// same order (so the same sum to the last bit), without building a string.
    fn z(&self, key: &str) -> f64 {
        let mut pieces = key.split('|');
        let table = pieces.next().unwrap_or("");
        let mut plus = table.split('+');
        let head = plus.next().unwrap_or("");
        let path = path_of(head);
        let form = match form_of(path) {
            "named" => &self.by_form[0],
            "pronoun" => &self.by_form[1],
            _ => &self.by_form[2],
        };
        let mut z = -0.0f64;
        let mut add = |w: Option<&f64>| {
            if let Some(w) = w {
                z += *w;
            }
        };
        add(self.bias.as_ref());
        add(self.path.get(path));
        add(self.band.get(head));
        for p in plus {
            add(self.part.get(p));
        }
        for e in pieces {
            add(self.evidence.get(e));
            add(form.get(e));
        }
        z
    }
}

/// A key without its evidence parts (those after the first `|`).
pub fn table_key(key: &str) -> &str {
    key.split('|').next().unwrap_or(key)
}

/// The features of a key the model weighs: `bias`; the way the name was reached (`p:PATH`),
/// with its band (`pb:PATH/BAND`); each `+` part (`k:PART`); each evidence part
/// ([`crate::evidence`]) alone (`f:PART`) and with the mention's form (`named&PART`,
/// `pronoun&PART`, `description&PART`).
pub fn features(key: &str) -> Vec<String> {
    let mut pieces = key.split('|');
    let table = pieces.next().unwrap_or("");
    let mut plus = table.split('+');
    let head = plus.next().unwrap_or("");
    let path = path_of(head);
    let form = form_of(path);
    let mut out = vec![
        "bias".to_string(),
        format!("p:{path}"),
        format!("pb:{head}"),
    ];
    out.extend(plus.map(|p| format!("k:{p}")));
    for e in pieces {
        out.push(format!("f:{e}"));
        out.push(format!("{form}&{e}"));
    }
    out
}

/// Fits the model's weights: an L2-regularised logistic regression (strength `l2`, the bias
/// free) of right against all over `cells` (features, right, all, weight of each example),
/// by Newton's method from zero: deterministic. Features whose name starts with one of `drop`
/// are left out. Returns (feature, weight) sorted by feature.
pub fn fit(cells: &[(Vec<String>, f64, f64, f64)], l2: f64, drop: &[&str]) -> Vec<(String, f64)> {
    let mut names: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (fs, _, _, _) in cells {
        for f in fs {
            if !drop.iter().any(|d| !d.is_empty() && f.starts_with(d)) {
                names.insert(f.as_str(), 0);
            }
        }
    }
    for (i, v) in names.values_mut().enumerate() {
        *v = i;
    }
    let d = names.len();
    let rows: Vec<(Vec<usize>, f64, f64)> = cells
        .iter()
        .map(|(fs, r, n, w)| {
            let mut ix: Vec<usize> = fs
                .iter()
                .filter_map(|f| names.get(f.as_str()).copied())
                .collect();
            ix.sort_unstable();
            ix.dedup();
            (ix, r * w, n * w)
        })
        .collect();
    let bias = names.get("bias").copied();
    let mut w = vec![0.0f64; d];
    for _ in 0..25 {
        let mut g = vec![0.0f64; d];
        let mut h = vec![0.0f64; d * d];
        for (ix, r, n) in &rows {
            let z: f64 = ix.iter().map(|&i| w[i]).sum();
            let p = crate::logistic::sigmoid64(z);
            let gi = n * p - r;
            let hi = n * p * (1.0 - p);
            for &a in ix {
                g[a] += gi;
                for &b in ix {
                    h[a * d + b] += hi;
                }
            }
        }
        for i in 0..d {
            if Some(i) != bias {
                g[i] += l2 * w[i];
                h[i * d + i] += l2;
            } else {
                h[i * d + i] += 1e-6;
            }
        }
        let step = solve(&mut h, &g, d);
        let mut moved = 0.0f64;
        for i in 0..d {
            w[i] -= step[i];
            moved = moved.max(step[i].abs());
        }
        if moved < 1e-7 {
            break;
        }
    }
    names
        .into_iter()
        .map(|(f, i)| (f.to_string(), w[i]))
        .collect()
}

/// Solves `h x = g` for a symmetric positive definite `h` (d×d, overwritten) by Cholesky.
fn solve(h: &mut [f64], g: &[f64], d: usize) -> Vec<f64> {
    for j in 0..d {
        let mut s = h[j * d + j];
        for k in 0..j {
            s -= h[j * d + k] * h[j * d + k];
        }
        let l = s.max(1e-12).sqrt();
        h[j * d + j] = l;
        for i in j + 1..d {
            let mut s = h[i * d + j];
            for k in 0..j {
                s -= h[i * d + k] * h[j * d + k];
            }
            h[i * d + j] = s / l;
        }
    }
    let mut y = vec![0.0; d];
    for i in 0..d {
        let mut s = g[i];
        for k in 0..i {
            s -= h[i * d + k] * y[k];
        }
        y[i] = s / h[i * d + i];
    }
    let mut x = vec![0.0; d];
    for i in (0..d).rev() {
        let mut s = y[i];
        for k in i + 1..d {
            s -= h[k * d + i] * x[k];
        }
        x[i] = s / h[i * d + i];
    }
    x
}

/// The model's weights as a table's lines (`weight<TAB>FEATURE<TAB>VALUE`).
pub fn weight_lines(weights: &[(String, f64)]) -> String {
    weights
        .iter()
        .filter(|(_, w)| w.abs() >= 5e-7)
        .map(|(f, w)| format!("weight\t{f}\t{w:.6}\n"))
        .collect()
}

/// A table's text: `resolve` and `choice` cells as (kind, key, right, all), and the threshold.
pub fn parse(text: &str) -> (f32, Vec<(String, String, usize, usize)>) {
    let mut threshold = 0.0;
    let mut cells = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["threshold", t] => threshold = t.trim().parse().unwrap_or(0.0),
            [kind, k, r, n] => {
                if let (Ok(r), Ok(n)) = (r.trim().parse(), n.trim().parse()) {
                    cells.push((kind.to_string(), k.to_string(), r, n));
                }
            }
            _ => {}
        }
    }
    (threshold, cells)
}

/// The way a name was reached, of a resolve cell (`pronoun/near+rivals`: `pronoun`).
fn path_of(key: &str) -> &str {
    key.split('/').next().unwrap_or("")
}

/// The form of the mention a path starts from.
fn form_of(path: &str) -> &'static str {
    match path {
        "named" | "surname" => "named",
        p if p.contains("pronoun") || p == "continued" => "pronoun",
        _ => "description",
    }
}

/// Whether a part of a key is read from PolNeAR (the choice of mention): the ranker's margin
/// (`close`, `ranked`) and the statement's kind (`q-direct`, `q-partial`, `q-reported`). (A mention
/// carried over from an earlier quotation, or outside the statement's sentences, is read from
/// the sample: PolNeAR joins "“A,” he said. “B.”" into one attribution, and its few
/// carried-over quotations' sources lie elsewhere.)
fn choice_part(p: &str) -> bool {
    matches!(p, "close" | "ranked") || CHAIN.iter().any(|pre| p.starts_with(pre))
}

/// The choice parts after the ranker's, in the order of the chain: the statement's kind.
const CHAIN: [&str; 1] = ["q-"];

/// The resolve cell of a key: `path/band` and every part but the choice's.
pub fn resolve_cell(key: &str) -> String {
    let key = table_key(key);
    let mut parts = key.split('+');
    let mut out = parts.next().unwrap_or("").to_string();
    for p in parts.filter(|p| !choice_part(p)) {
        out.push('+');
        out.push_str(p);
    }
    out
}

/// The choice cell of a key: the mention's form, how the ranker chose it (`plain` where it
/// did not rank), then the kind where the key has it (`pronoun+close+q-direct`): a chain, each
/// link shrunk toward the one before.
pub fn choice_cell(key: &str) -> String {
    let key = table_key(key);
    let mut out = form_of(path_of(key)).to_string();
    let parts: Vec<&str> = key.split('+').skip(1).filter(|p| choice_part(p)).collect();
    let ranker = parts
        .iter()
        .find(|p| matches!(**p, "close" | "ranked"))
        .copied()
        .unwrap_or("plain");
    out.push('+');
    out.push_str(ranker);
    for pre in CHAIN {
        if let Some(p) = parts.iter().find(|p| p.starts_with(pre)) {
            out.push('+');
            out.push_str(p);
        }
    }
    out
}

/// The choice part of a statement's key: its kind (`+q-direct`, `+q-partial`, `+q-reported`).
pub fn choice_parts(kind: newsprobe_core::QuoteKind) -> &'static str {
    use newsprobe_core::QuoteKind;
    match kind {
        QuoteKind::Direct => "+q-direct",
        QuoteKind::Partial => "+q-partial",
        QuoteKind::Reported => "+q-reported",
    }
}

fn build(text: &str) -> Table {
    let (threshold, cells) = parse(text);
    let weights: foldhash::HashMap<String, f64> = text
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            match (f.next(), f.next(), f.next()) {
                (Some("weight"), Some(k), Some(v)) => {
                    v.trim().parse().ok().map(|v| (k.to_string(), v))
                }
                _ => None,
            }
        })
        .collect();
    let mut t = Table {
        threshold,
        resolve: Rates::default(),
        choice: Chain::default(),
        model: Weights::new(&weights),
        weights,
    };
    for (kind, k, r, n) in cells {
        let (r, n) = (r as f64, n as f64);
        match kind.as_str() {
            "resolve" => t.resolve.add(path_of(&k).to_string(), k, r, n),
            "choice" => t.choice.add(&normal_choice(&k), r, n),
            _ => {}
        }
    }
    t
}

/// A choice cell as [`choice_cell`] writes it: a table of session 12 or before wrote no
/// `plain` for a mention the ranker did not rank (`named`, `named+close`), which reads the same.
fn normal_choice(k: &str) -> String {
    let mut parts = k.split('+');
    let form = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    if rest
        .first()
        .is_some_and(|p| matches!(*p, "plain" | "close" | "ranked"))
    {
        k.to_string()
    } else {
        std::iter::once(form)
            .chain(std::iter::once("plain"))
            .chain(rest)
            .collect::<Vec<_>>()
            .join("+")
    }
}

/// The embedded table; `NEWSPROBE_SPEAKER_CONFIDENCE=PATH` reads another table file instead,
/// for comparing gates with `newsprobe eval` (an unreadable file: the embedded table).
fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        std::env::var_os("NEWSPROBE_SPEAKER_CONFIDENCE")
            .and_then(|p| std::fs::read_to_string(p).ok())
            .map_or_else(|| build(TABLE), |text| build(&text))
    })
}

fn shrink((r, n): (f64, f64), parent: f64) -> f64 {
    (r + PRIOR * parent) / (n + PRIOR)
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

fn score_in(t: &Table, key: &str) -> f32 {
    if !t.weights.is_empty() {
        let z = t.model.z(key);
        return crate::logistic::sigmoid64(z) as f32;
    }
    let res = resolve_cell(key);
    let (_, p_res) = t.resolve.rates(path_of(&res), &res);
    let (p_form, p_choice) = t.choice.rates(&choice_cell(key));
    let z = logit(p_res) + logit(p_choice) - logit(p_form);
    crate::logistic::sigmoid64(z) as f32
}

/// The estimated probability that a name whose quote has the key `key` is right.
pub fn score(key: &str) -> f32 {
    score_in(table(), key)
}

/// [`score`] with the table `text` (a table being trained), read once.
pub fn scorer(text: &str) -> impl Fn(&str) -> f32 {
    let t = build(text);
    move |key| score_in(&t, key)
}

/// The score under which a name is a suggestion, not a speaker shown (chosen on the tuned-on
/// groups so that the speakers shown there are right at least nine times in ten).
pub fn threshold() -> f32 {
    table().threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "threshold\t0.8\n\
        resolve\tnamed/0\t90\t100\n\
        resolve\tpronoun/far\t1\t4\n\
        resolve\tpronoun/near\t8\t10\n\
        choice\tnamed\t900\t1000\n\
        choice\tnamed+close\t50\t100\n\
        choice\tpronoun\t80\t100\n";

    fn analyse(text: &str) -> newsprobe_core::Document {
        let mut doc = newsprobe_core::Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        doc
    }

    const HARBOUR: &str = "Council approves new harbour budget\n\n\
        The city council voted on Tuesday to approve a new budget for the harbour, after months \
        of debate over port fees.\n\n\
        \u{201c}We have waited long enough for this,\u{201d} said Maria Okafor, the council's \
        finance chair. \u{201c}The harbour needs the money now.\u{201d}\n\n\
        Okafor's deputy, Tomas Berg, disagreed with the timing. Critics had warned the fees \
        would drive away fishing boats.\n\n\
        \u{201c}It is a mistake to rush this,\u{201d} he said.\n";

    #[test]
    fn a_name_at_the_cue_is_shown_with_its_score() {
        let doc = analyse(HARBOUR);
        let q = doc
            .quotes
            .iter()
            .find(|q| doc.span_text(&q.span).starts_with("We have waited"))
            .expect("the first quotation");
        assert_eq!(q.source.name.as_deref(), Some("Maria Okafor"));
        assert_eq!(q.source.via.as_deref(), Some("named"));
        assert_eq!(q.source.suggested, None);
        let score = q.source.score.expect("a score");
        assert!(score >= f64::from(threshold()) && score <= 1.0, "{score}");
    }

    #[test]
    fn a_pronoun_just_after_its_name_is_shown() {
        // "he" after two people named: the entity stage's coreference chose Tomas Berg, named
        // in the sentence before (the name's last mention by name sets the key's band, since
        // session 14: a quotation's "he" near its name is right most of the time).
        let doc = analyse(HARBOUR);
        let q = doc
            .quotes
            .iter()
            .find(|q| doc.span_text(&q.span).starts_with("It is a mistake"))
            .expect("the last quotation");
        assert_eq!(q.source.name.as_deref(), Some("Tomas Berg"));
        assert_eq!(q.source.via.as_deref(), Some("pronoun"));
        assert_eq!(q.source.mention.map(|m| doc.span_text(&m)), Some("he"));
        assert!(q
            .source
            .key
            .as_deref()
            .is_some_and(|k| k.starts_with("entity-pronoun/near")));
        assert!(q.source.score.is_some_and(|s| s >= f64::from(threshold())));
    }

    const DEPOT: &str = "Depot dispute in Tver\n\n\
             Anton Belov, 42, forgot his phone at the depot after his night shift in Tver. His \
             manager, Oleg Petrov, and a guard, Ivan Sokolov, were on duty that night.\n\n\
             When he went back for it the next morning, he claims guards searched his bag and \
             told him to leave.";

    #[test]
    fn a_pronoun_after_two_people_joined_by_and_means_the_man_before_them() {
        // Reported speech after "he", among three men: the rules' latest, the guard Ivan
        // Sokolov, was named as one of two people joined by "and", a weak antecedent. The
        // pronoun hybrid (`NEWSPROBE_COREF=hybrid`, session 24) names Anton Belov; the rules,
        // the default, reach the guard, and then the confidence must keep him a suggestion:
        // never another man's name shown.
        let doc = analyse(DEPOT);
        let q = doc
            .quotes
            .iter()
            .find(|q| doc.span_text(&q.span).contains("guards searched"))
            .expect("the statement");
        assert_eq!(q.source.via.as_deref(), Some("pronoun"));
        let reached = crate::test_support::reached(q).expect("a name reached");
        if reached != "Anton Belov" {
            assert_eq!(q.source.name, None, "{reached} shown");
            assert!(q.source.score.is_some_and(|s| s < f64::from(threshold())));
        }
    }

    #[test]
    fn a_name_under_the_threshold_is_only_suggested() {
        // A name the model puts under the threshold is shown as "possibly NAME (score)", and
        // the sourcing profile counts it as what it is: a source the engine is unsure of.
        let mut doc = analyse(DEPOT);
        let i = doc
            .quotes
            .iter()
            .position(|q| doc.span_text(&q.span).contains("guards searched"))
            .expect("the statement");
        let src = &mut doc.quotes[i].source;
        let name = src.name.take().or(src.suggested.take()).expect("a name");
        src.suggested = Some(name.clone());
        src.score = Some(f64::from(threshold()) / 2.0);
        doc.sources.clear();
        doc.findings.clear();
        crate::profile::fill(&mut doc, &[]);
        let shown = doc.quotes[i].source.display_name().unwrap_or_default();
        assert!(shown.starts_with(&format!("possibly {name} (")), "{shown}");
        let possibly = format!("possibly {name}");
        assert!(doc.sources.iter().any(|s| s.name == possibly));
        assert!(!doc.sources.iter().any(|s| s.name == name));
    }

    #[test]
    fn keys_split_into_a_resolve_and_a_choice_cell() {
        assert_eq!(
            resolve_cell("entity-pronoun/near+rivals+ranked+apart"),
            "entity-pronoun/near+rivals+apart"
        );
        assert_eq!(
            choice_cell("entity-pronoun/near+rivals+ranked+apart"),
            "pronoun+ranked"
        );
        assert_eq!(choice_cell("written/0+inherited"), "description+plain");
        assert_eq!(choice_cell("surname/far"), "named+plain");
        // The statement's kind and cue class are choice parts, read from PolNeAR.
        let key = "pronoun/near+close+apart+q-reported";
        assert_eq!(resolve_cell(key), "pronoun/near+apart");
        assert_eq!(choice_cell(key), "pronoun+close+q-reported");
        // A table of session 12 or before ("named", "named+close") reads as it did.
        assert_eq!(normal_choice("named"), "named+plain");
        assert_eq!(normal_choice("named+close"), "named+close");
    }

    #[test]
    fn each_link_of_the_choice_chain_is_shrunk_toward_the_one_before() {
        let t = build(
            "resolve\tnamed/0\t90\t100\n\
             choice\tnamed+plain+q-direct\t970\t1000\n\
             choice\tnamed+plain+q-reported\t170\t200\n\
             choice\tnamed+close+q-partial\t1\t1\n\
             choice\tnamed+close\t29\t59\n",
        );
        let direct = score_in(&t, "named/0+q-direct");
        let reported = score_in(&t, "named/0+q-reported");
        let plain = score_in(&t, "named/0");
        assert!(
            reported < plain && plain < direct,
            "{reported} {plain} {direct}"
        );
        // One label is no evidence: the cell stays near its parent's rate.
        let one = score_in(&t, "named/0+close+q-partial");
        let close = score_in(&t, "named/0+close");
        assert!(one > close && one - close < 0.1, "{one} {close}");
    }

    #[test]
    fn a_direct_quote_scores_above_a_reported_statement_of_a_name_at_its_cue() {
        // PolNeAR train: a name the ranker did not need to rank is the gold source of a
        // quotation 0.96 of the time, of reported speech 0.90.
        let doc = analyse(
            "Port workers end strike\n\n\
             Dock workers in Rotterdam returned to work on Monday after a three-day strike at \
             the container terminals.\n\n\
             \u{201c}We got a fair deal and we are going back,\u{201d} said Pieter Jansen, a union \
             organiser.\n\n\
             Shipping should recover by Friday, according to Anna de Vries, a spokeswoman for \
             the port authority.\n",
        );
        let of = |needle: &str| {
            doc.quotes
                .iter()
                .find(|q| doc.span_text(&q.span).contains(needle))
                .expect(needle)
        };
        let (direct, reported) = (of("fair deal"), of("recover by Friday"));
        assert_eq!(direct.source.name.as_deref(), Some("Pieter Jansen"));
        assert_eq!(reported.source.name.as_deref(), Some("Anna de Vries"));
        assert!(direct
            .source
            .key
            .as_deref()
            .is_some_and(|k| table_key(k).ends_with("+q-direct")));
        let (a, b) = (
            direct.source.score.unwrap_or(0.0),
            reported.source.score.unwrap_or(1.0),
        );
        assert!(a > b && b >= f64::from(threshold()) - 0.001, "{a} {b}");
    }

    #[test]
    fn a_cell_is_shrunk_toward_its_parent_and_a_close_choice_lowers_it() {
        let t = build(T);
        assert!((t.threshold - 0.8).abs() < 1e-6);
        let named = score_in(&t, "named/0");
        let far = score_in(&t, "pronoun/far");
        let near = score_in(&t, "pronoun/near");
        assert!(named > 0.88 && named < 0.95, "{named}");
        assert!(far < near && near < named, "{far} {near} {named}");
        // A mention chosen by a close margin is right less often than its form on average.
        let close = score_in(&t, "named/0+close");
        assert!(close < 0.7, "{close}");
        // An unseen cell reads its parent's rate.
        let unseen = score_in(&t, "pronoun/none");
        assert!(unseen > far && unseen < near + 0.1);
    }
}
