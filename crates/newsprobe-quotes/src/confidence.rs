//! The speaker's confidence: the estimated probability that the name a quote's source shows is
//! the right person, read from a table of how often names reached each way were right.
//!
//! A quote's key (`QuoteSource::key`) is `path/band[+rivals][+inherited|+close|+ranked][+apart]`:
//! how the name was reached from the mention (named at the cue, a pronoun through the entity
//! stage's coreference or the resolver's referents, a description, the last speaker going on …),
//! how far back in sentences the name's mention before it lies (`0`, `near` within two, `far`,
//! `none`), whether another referent the pronoun could mean lies between; and how the mention
//! was chosen: carried over from an earlier quotation, ranked against other candidates with a
//! close or a clear margin, or outside the statement's sentences.
//!
//! Two tables, two kinds of label:
//! - **choice** (`form+extras`, form `named`, `pronoun` or `description`): on PolNeAR train,
//!   how often the mention chosen is the gold source's (thousands of attributions);
//! - **resolve** (`path/band[+rivals][+inherited][+apart]`): on the reviewed sample's tuned-on groups only
//!   (`eval/review/ecbplus`, `eval/review/scrapinghub`; never the held-out part), how often the
//!   name reached that way is the gold speaker.
//!
//! Each rate is its cell's, shrunk toward its parent's (a beta prior of weight [`PRIOR`]): few
//! parameters for a few hundred labels. The score adds, on the log-odds scale, the resolve
//! cell's rate and the choice cell's difference from its form's rate (naive Bayes: the review
//! rate already holds the average choice of its form). Below [`threshold`] the name is no speaker
//! shown but a suggestion.
//!
//! **The model (session 12).** The table's estimate is one feature of a small logistic model,
//! with six features of the quote that the table does not see (the key's part after `|`,
//! [`Features`]): the name speaks only this statement in the article (`one`) or four or more
//! (`many`), the cue is no plain verb of saying (`cue`: not said/told/added/noted/wrote …:
//! "according to", "reports", "believes", "accused"), the quote is a
//! partial one (`partial`), the name is an organisation's (`org`), the mention lies 40 bytes or
//! more from the quote (`far`). Its weights are learned on the tuned-on groups from
//! *cross-fitted* table estimates (each article's read from a table of the other articles: an
//! in-sample table scores its own labels too well), and the threshold is chosen on cross-fitted
//! model scores (leave one article out) so that each tuned-on group's speakers shown reach 0.90:
//! a threshold chosen on in-sample scores reached 0.90 on the tuned-on groups and 0.857 on the
//! held-out part. A table with no `weight` lines scores with the table alone.
//!
//! Retrain (after a change to the resolver):
//! `newsprobe train speaker-confidence --data eval/review --out crates/newsprobe-quotes/models/speaker-confidence.tsv`

use std::collections::HashMap;
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
    parent: HashMap<String, (f64, f64)>,
    cell: HashMap<String, (f64, f64)>,
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
    choice: Rates,
    /// The logistic model's weights, in [`FEATURES`] order; empty: the table alone.
    weights: Vec<f64>,
}

/// The logistic model's inputs, in order: a bias, the table's log-odds, then the flags of
/// [`Features::suffix`].
pub const FEATURES: [&str; 8] = [
    "bias", "table", "one", "many", "cue", "partial", "org", "far",
];

/// Plain verbs of saying, telling and writing: a cue outside them ("according to", "reports",
/// "believes", "accused", a label's colon) sets `cue`; a quote with no cue of its own (one
/// carried over) does not.
const PLAIN: [&str; 25] = [
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "explained",
    "explains",
    "wrote",
    "writes",
    "asked",
    "replied",
    "announced",
    "confirmed",
    "warned",
    "stressed",
    "insisted",
    "continued",
];

/// Bytes between the mention and the quote from which the mention is `far`.
pub const FAR_BYTES: usize = 40;

/// What the confidence model reads of a quote besides the way its name was reached.
#[derive(Debug, Clone, Default)]
pub struct Features<'a> {
    /// How many statements of the article the name reached speaks (this one included).
    pub speaks: usize,
    /// The cue as written ("said", "according to"), if any.
    pub cue: Option<&'a str>,
    /// A partial quote (a few quoted words inside the outlet's sentence).
    pub partial: bool,
    /// The name is an organisation's (the entity stage's type).
    pub organisation: bool,
    /// Bytes between the speaker mention and the quote (0 when one holds the other).
    pub distance: usize,
}

impl Features<'_> {
    /// The key's feature part: `|` and the flags that hold, comma-separated (`|one,cue`).
    pub fn suffix(&self) -> String {
        let plain = self
            .cue
            .is_none_or(|c| PLAIN.contains(&c.trim().to_lowercase().as_str()));
        let flags = [
            ("one", self.speaks <= 1),
            ("many", self.speaks >= 4),
            ("cue", !plain),
            ("partial", self.partial),
            ("org", self.organisation),
            ("far", self.distance >= FAR_BYTES),
        ];
        let on: Vec<&str> = flags.iter().filter(|f| f.1).map(|f| f.0).collect();
        format!("|{}", on.join(","))
    }
}

/// A key's way-reached part (before `|`) and its feature flags.
fn split_key(key: &str) -> (&str, Vec<&str>) {
    match key.split_once('|') {
        Some((k, f)) => (k, f.split(',').filter(|x| !x.is_empty()).collect()),
        None => (key, Vec::new()),
    }
}

/// The model's input vector of a key whose table estimate is `table` ([`FEATURES`] order).
pub fn inputs(key: &str, table: f64) -> Vec<f64> {
    let (_, flags) = split_key(key);
    let mut x = vec![1.0, logit(table)];
    x.extend(
        FEATURES[2..]
            .iter()
            .map(|f| f64::from(u8::from(flags.contains(f)))),
    );
    x
}

/// The L2 penalty on the model's weights (the bias is not penalised), in labels.
pub const L2: f64 = 1.0;

/// Fits the logistic model on rows of (inputs, right, all) by gradient descent from the table
/// alone (weight 1 on its log-odds): deterministic, no seed needed.
pub fn fit(rows: &[(Vec<f64>, f64, f64)]) -> Vec<f64> {
    let mut w = vec![0.0; FEATURES.len()];
    w[1] = 1.0;
    let n: f64 = rows.iter().map(|r| r.2).sum::<f64>().max(1.0);
    for _ in 0..3000 {
        let mut g = vec![0.0; w.len()];
        for (x, r, all) in rows {
            let z: f64 = w.iter().zip(x).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for (gi, xi) in g.iter_mut().zip(x) {
                *gi += (p * all - r) * xi;
            }
        }
        for (i, (wi, gi)) in w.iter_mut().zip(&g).enumerate() {
            let pen = if i == 0 { 0.0 } else { L2 * *wi };
            *wi -= 0.5 * (gi + pen) / n;
        }
    }
    w
}

/// The probability of the model `w` for `inputs`.
pub fn predict(w: &[f64], inputs: &[f64]) -> f64 {
    let z: f64 = w.iter().zip(inputs).map(|(a, b)| a * b).sum();
    1.0 / (1.0 + (-z).exp())
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
    split_key(key).0.split('/').next().unwrap_or("")
}

/// The form of the mention a path starts from.
fn form_of(path: &str) -> &'static str {
    match path {
        "named" | "surname" => "named",
        p if p.contains("pronoun") || p == "continued" => "pronoun",
        _ => "description",
    }
}

/// Whether a part of a key is the ranker's (its margin): read from PolNeAR. (A mention
/// carried over from an earlier quotation, or outside the statement's sentences, is read from
/// the sample: PolNeAR joins "“A,” he said. “B.”" into one attribution, and its few
/// carried-over quotations' sources lie elsewhere.)
fn ranker_part(p: &str) -> bool {
    matches!(p, "close" | "ranked")
}

/// The resolve cell of a key: `path/band` and every part but the ranker's.
pub fn resolve_cell(key: &str) -> String {
    let mut parts = split_key(key).0.split('+');
    let mut out = parts.next().unwrap_or("").to_string();
    for p in parts.filter(|p| !ranker_part(p)) {
        out.push('+');
        out.push_str(p);
    }
    out
}

/// The choice cell of a key: the mention's form and the ranker's part (`pronoun+close`).
pub fn choice_cell(key: &str) -> String {
    let mut out = form_of(path_of(key)).to_string();
    for p in split_key(key)
        .0
        .split('+')
        .skip(1)
        .filter(|p| ranker_part(p))
    {
        out.push('+');
        out.push_str(p);
    }
    out
}

fn build(text: &str) -> Table {
    let (threshold, cells) = parse(text);
    let mut t = Table {
        threshold,
        resolve: Rates::default(),
        choice: Rates::default(),
        weights: weights(text),
    };
    for (kind, k, r, n) in cells {
        let (r, n) = (r as f64, n as f64);
        match kind.as_str() {
            "resolve" => t.resolve.add(path_of(&k).to_string(), k, r, n),
            "choice" => {
                let form = k.split('+').next().unwrap_or("").to_string();
                t.choice.add(form, k, r, n)
            }
            _ => {}
        }
    }
    t
}

/// The model's weights of a table's text (`weight<TAB>name<TAB>value` lines), in [`FEATURES`]
/// order; empty unless every feature has one.
pub fn weights(text: &str) -> Vec<f64> {
    let mut w: HashMap<&str, f64> = HashMap::new();
    for line in text.lines() {
        if let ["weight", name, v] = line.split('\t').collect::<Vec<_>>().as_slice() {
            if let Ok(v) = v.trim().parse() {
                w.insert(name, v);
            }
        }
    }
    FEATURES
        .iter()
        .map(|f| w.get(f).copied())
        .collect::<Option<Vec<f64>>>()
        .unwrap_or_default()
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| build(TABLE))
}

fn shrink((r, n): (f64, f64), parent: f64) -> f64 {
    (r + PRIOR * parent) / (n + PRIOR)
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

fn score_in(t: &Table, key: &str) -> f32 {
    let res = resolve_cell(key);
    let (_, p_res) = t.resolve.rates(path_of(&res), &res);
    let choice = choice_cell(key);
    let form = choice.split('+').next().unwrap_or("");
    let (p_form, p_choice) = t.choice.rates(form, &choice);
    let z = logit(p_res) + logit(p_choice) - logit(p_form);
    let p = 1.0 / (1.0 + (-z).exp());
    if t.weights.is_empty() {
        p as f32
    } else {
        predict(&t.weights, &inputs(key, p)) as f32
    }
}

/// The table's estimate alone for `key` (no model), with the table `text`: the model's input.
pub fn table_scorer(text: &str) -> impl Fn(&str) -> f64 {
    let mut t = build(text);
    t.weights.clear();
    move |key| f64::from(score_in(&t, key))
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
    fn a_pronoun_read_through_the_entity_stage_is_only_suggested() {
        // "he" after two people named: the entity stage's coreference chose Tomas Berg, a way
        // of reaching a name right about half the time on the tuned-on sample.
        let doc = analyse(HARBOUR);
        let q = doc
            .quotes
            .iter()
            .find(|q| doc.span_text(&q.span).starts_with("It is a mistake"))
            .expect("the last quotation");
        assert_eq!(q.source.name, None);
        assert_eq!(q.source.suggested.as_deref(), Some("Tomas Berg"));
        assert_eq!(q.source.via.as_deref(), Some("pronoun"));
        assert_eq!(q.source.mention.map(|m| doc.span_text(&m)), Some("he"));
        assert!(q.source.score.is_some_and(|s| s < f64::from(threshold())));
        let shown = q.source.display_name().unwrap_or_default();
        assert!(shown.starts_with("possibly Tomas Berg ("), "{shown}");
        // The sourcing profile counts it as what it is: a source the engine is unsure of.
        assert!(doc.sources.iter().any(|s| s.name == "possibly Tomas Berg"));
        assert!(!doc.sources.iter().any(|s| s.name == "Tomas Berg"));
    }

    #[test]
    fn features_are_the_keys_part_after_the_bar() {
        let f = Features {
            speaks: 1,
            cue: Some("according to"),
            partial: false,
            organisation: true,
            distance: 52,
        };
        assert_eq!(f.suffix(), "|one,cue,org,far");
        let f = Features {
            speaks: 5,
            cue: Some("Said"),
            partial: true,
            organisation: false,
            distance: 3,
        };
        assert_eq!(f.suffix(), "|many,partial");
        // The way-reached cells ignore the features.
        assert_eq!(resolve_cell("named/0+ranked|one,cue"), "named/0");
        assert_eq!(choice_cell("named/0+close|many"), "named+close");
        assert_eq!(path_of("pronoun/near|one"), "pronoun");
        let x = inputs("named/0|one,far", 0.5);
        assert_eq!(x, vec![1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0]);
    }

    #[test]
    fn the_model_learns_a_flag_that_is_often_wrong() {
        // Names at the cue right nine times in ten, but one time in two where the cue is no
        // verb of saying: the fit gives `cue` a negative weight and keeps the table's.
        let rows = vec![
            (inputs("named/0|", 0.9), 95.0, 100.0),
            (inputs("named/0|cue", 0.9), 10.0, 20.0),
            (inputs("pronoun/far|", 0.6), 12.0, 20.0),
        ];
        let w = fit(&rows);
        assert!(w[4] < -1.0, "{w:?}");
        assert!(w[1] > 0.3, "{w:?}");
        let plain = predict(&w, &inputs("named/0|", 0.9));
        let odd = predict(&w, &inputs("named/0|cue", 0.9));
        assert!(plain > 0.9 && odd < 0.65, "{plain} {odd}");
        // A table with the weights scores with them; without, with the table alone.
        let mut text = String::from(T);
        for (f, v) in FEATURES.iter().zip(&w) {
            text.push_str(&format!("weight\t{f}\t{v}\n"));
        }
        assert_eq!(weights(T), Vec::<f64>::new());
        assert_eq!(weights(&text).len(), FEATURES.len());
        let t = build(&text);
        assert!(score_in(&t, "named/0|cue") < score_in(&t, "named/0|"));
        let alone = build(T);
        assert_eq!(
            score_in(&alone, "named/0|cue"),
            score_in(&alone, "named/0|")
        );
    }

    const PORT: &str = "Port workers end strike after pay deal\n\n\
        Dock workers at the port of Halden returned to work on Friday after a three-week strike \
        that had idled most of the harbour.\n\n\
        \"We got what we asked for,\" said Ingrid Solberg, the union's leader. \"Nobody wanted \
        this to last.\"\n\n\
        \"The members voted by a large margin,\" Solberg said. \"It was a clear result.\"\n\n\
        Solberg said the deal would raise wages by six percent over two years.\n\n\
        The company's chief executive, Per Dahl, welcomed the deal. Dahl added that the port \
        \"will need months to win back\" the customers who moved their cargo elsewhere.\n";

    #[test]
    fn a_name_quoted_often_is_surer_than_one_quoted_twice_and_a_partial_quote_least() {
        let doc = analyse(PORT);
        let source = |needle: &str| {
            doc.quotes
                .iter()
                .find(|q| doc.span_text(&q.span).starts_with(needle))
                .map(|q| q.source.clone())
                .expect("the quotation")
        };
        // Ingrid Solberg speaks five statements, each at "said": shown, surer than the table
        // alone makes a name at the cue.
        let solberg = source("We got what");
        assert_eq!(solberg.name.as_deref(), Some("Ingrid Solberg"));
        assert!(solberg.score.is_some_and(|s| s > 0.95), "{solberg:?}");
        // Per Dahl speaks twice, after "added": his reported statement is shown, with less
        // confidence; the few words quoted inside it (partial) with less still.
        let reported = source("that the port");
        assert_eq!(reported.name.as_deref(), Some("Per Dahl"));
        let partial = source("will need months");
        let reached = partial.name.as_deref().or(partial.suggested.as_deref());
        assert_eq!(reached, Some("Per Dahl"));
        let (s, r, p) = (solberg.score, reported.score, partial.score);
        assert!(s > r && r > p, "{s:?} {r:?} {p:?}");
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
        assert_eq!(choice_cell("written/0+inherited"), "description");
        assert_eq!(choice_cell("surname/far"), "named");
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
