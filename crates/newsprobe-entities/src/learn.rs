//! How is the entity tagger trained? `newsprobe train entities --data ../shared/eval/entities/gum-all
//! --out crates/newsprobe-entities/models/ner.bin --seed 42`.
//!
//! GUM's training documents of every genre (the `train` split of `gum_all.jsonl`) give the
//! labels: a named person, organisation or place mention labels the words inside its minimal
//! span, outer names first. Named here means a minimal span all proper nouns (the evaluation's
//! convention) or all capitalised words: GUM tags words of many organisation names as adjectives
//! and nouns ("the European Space Agency", "the Royal Society"), and a tagger trained on proper
//! nouns alone learnt to drop exactly those names. The
//! same documents train the mention typer ([`crate::typer`]): each name the rules find (without
//! the tagger, whose output on its own training documents would be too good to learn from) is
//! classed by the gold named mention it overlaps most, or none; so is each name the tagger
//! changes or adds when a fifth of the documents is tagged by a tagger trained on the other four
//! (stacking: the names the typer meets at run time). Both models go into one file.
//! The dev documents of every genre measure the result. The same data and seed give the same
//! bytes.

use std::path::Path;

use newsprobe_core::Document;

use newsprobe_core::EntityType;

use crate::eval::{gold_mentions, score_doc, Counts, GumDoc};
use crate::tagger::{self, Example, Features, Model};
use crate::typer;
use crate::Error;

/// Passes over the training documents.
pub const EPOCHS: usize = 8;

/// A tuning aid: `NEWSPROBE_TRAIN_EPOCHS=TAGGER,TYPER` sets the passes (default [`EPOCHS`],
/// [`TYPER_EPOCHS`]).
fn epochs() -> (usize, usize) {
    std::env::var("NEWSPROBE_TRAIN_EPOCHS")
        .ok()
        .and_then(|v| {
            let (a, b) = v.split_once(',')?;
            Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
        })
        .unwrap_or((EPOCHS, TYPER_EPOCHS))
}

/// How many times each training document of a genre counts (`NEWSPROBE_TRAIN_WEIGHTS=news:2,
/// interview:2`, a tuning aid; every genre once by default).
fn genre_weight(genre: &str) -> usize {
    std::env::var("NEWSPROBE_TRAIN_WEIGHTS")
        .ok()
        .and_then(|v| {
            v.split(',').find_map(|kv| {
                let (k, w) = kv.split_once(':')?;
                (k.trim() == genre).then(|| w.trim().parse().ok())?
            })
        })
        .unwrap_or(1)
}

/// Reads GUM documents from a directory holding `gum_all.jsonl` (or `gum_news.jsonl`), or a file.
pub(crate) fn read_gum(data: &Path) -> Result<Vec<GumDoc>, Error> {
    let file = if data.is_dir() {
        let all = data.join("gum_all.jsonl");
        if all.exists() {
            all
        } else {
            data.join("gum_news.jsonl")
        }
    } else {
        data.to_path_buf()
    };
    let text = std::fs::read_to_string(&file)
        .map_err(|e| Error::Data(format!("{}: {e}", file.display())))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        out.push(
            serde_json::from_str(line)
                .map_err(|e| Error::Data(format!("{}:{}: {e}", file.display(), i + 1)))?,
        );
    }
    if out.is_empty() {
        return Err(Error::Data(format!("{}: no documents", file.display())));
    }
    Ok(out)
}

/// Passes of the mention typer over its examples.
pub const TYPER_EPOCHS: usize = 20;

/// The typer's examples of one GUM document: each name the rules found, classed by the gold
/// named mention it overlaps most (none when it overlaps none).
pub(crate) fn typer_examples(d: &GumDoc, ex: &Example) -> Vec<typer::Example> {
    let golds: Vec<(EntityType, (usize, usize))> = gold_mentions(d)
        .into_iter()
        .filter(|g| g.named || g.capitalised)
        .map(|g| (g.etype, g.min))
        .collect();
    let mut char_at = vec![0usize; d.text.len() + 1];
    let mut n = 0;
    for (b, _) in d.text.char_indices() {
        char_at[b] = n;
        n += 1;
    }
    char_at[d.text.len()] = n;
    ex.features
        .typer
        .iter()
        .map(|(r, f)| {
            let r = (
                char_at[r.0.min(d.text.len())],
                char_at[r.1.min(d.text.len())],
            );
            let best = golds
                .iter()
                .map(|g| (g.1 .1.min(r.1).saturating_sub(g.1 .0.max(r.0)), g.0))
                .filter(|g| g.0 > 0)
                .max_by_key(|g| g.0);
            typer::Example {
                features: f.clone(),
                gold: best.map_or(0, |g| typer::class(g.1)),
            }
        })
        .collect()
}

/// The seeded shuffle both averaged perceptrons use for their example order (SplitMix64 steps,
/// Fisher-Yates): one generator across epochs, so training is reproducible from the seed.
pub(crate) struct Shuffler(newsprobe_core::rng::SplitMix64);

impl Shuffler {
    /// A generator started from `seed` mixed with a per-model constant.
    pub(crate) fn new(seed: u64, salt: u64) -> Self {
        Shuffler(newsprobe_core::rng::SplitMix64::new(seed ^ salt))
    }

    /// Shuffles `order` in place (one epoch's order).
    pub(crate) fn shuffle(&mut self, order: &mut [usize]) {
        self.0.shuffle(order);
    }
}

/// Trains the mention typer on the examples of the tagger's training documents.
fn train_typer(docs: &[GumDoc], examples: &[Example], seed: u64) -> Vec<u8> {
    let train_docs: Vec<&GumDoc> = docs.iter().filter(|d| d.split == "train").collect();
    let mut train: Vec<typer::Example> = Vec::new();
    for (d, e) in train_docs.iter().zip(examples) {
        let x = typer_examples(d, e);
        for _ in 1..genre_weight(&d.genre) {
            train.extend(x.iter().map(|e| typer::Example {
                features: e.features.clone(),
                gold: e.gold,
            }));
        }
        train.extend(x);
    }
    if STACK_FOLDS > 1 && examples.len() >= STACK_FOLDS {
        train.extend(stacked_typer_examples(&train_docs, examples, seed));
    }
    typer::train(&train, epochs().1, seed)
}

/// Folds of the training documents for [`stacked_typer_examples`] (1: none).
const STACK_FOLDS: usize = 5;

/// The typer's examples as it meets names at run time: after the tagger has joined, typed and
/// added names. Each fold of the training documents is tagged by a tagger trained on the other
/// folds (a tagger on its own training documents would be too good to learn from).
fn stacked_typer_examples(
    docs: &[&GumDoc],
    examples: &[Example],
    seed: u64,
) -> Vec<typer::Example> {
    let mut out = Vec::new();
    for fold in 0..STACK_FOLDS {
        let rest: Vec<&Example> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % STACK_FOLDS != fold)
            .map(|(_, e)| e)
            .collect();
        let Ok(model) = Model::from_bytes(&tagger::train_refs(&rest, epochs().0, seed)) else {
            continue;
        };
        for (i, d) in docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % STACK_FOLDS == fold)
        {
            let doc = Document::from_text(None, &d.text);
            let mut features = Features::default();
            crate::analyze_with(&doc, Some(&model), Some(&mut features));
            let ex = Example {
                features,
                gold: examples[i].gold.clone(),
            };
            // Only the names the tagger changed or added: the rest are the rules' examples.
            let rules: std::collections::HashSet<(usize, usize)> =
                examples[i].features.typer.iter().map(|(r, _)| *r).collect();
            let x: Vec<typer::Example> = typer_examples(d, &ex)
                .into_iter()
                .zip(&ex.features.typer)
                .filter(|(_, (r, _))| !rules.contains(r))
                .map(|(e, _)| e)
                .collect();
            for _ in 1..genre_weight(&d.genre) {
                out.extend(x.iter().map(|e| typer::Example {
                    features: e.features.clone(),
                    gold: e.gold,
                }));
            }
            out.extend(x);
        }
    }
    out
}

/// The tagger's features and gold labels of one GUM document.
pub(crate) fn example(d: &GumDoc) -> Example {
    let doc = Document::from_text(None, &d.text);
    let mut features = Features::default();
    crate::analyze_with(&doc, None, Some(&mut features));
    // Character offset of each byte offset of the text.
    let mut char_at = vec![0usize; doc.text.len() + 1];
    let mut n = 0;
    for (b, _) in doc.text.char_indices() {
        char_at[b] = n;
        n += 1;
    }
    char_at[doc.text.len()] = n;
    let mut gold = vec![0u8; features.spans.len()];
    let mut golds: Vec<(EntityType, (usize, usize))> = gold_mentions(d)
        .into_iter()
        .filter(|g| g.named || g.capitalised)
        .map(|g| (g.etype, g.min))
        .collect();
    // Outer names first: a name inside a longer one keeps the longer one's label.
    golds.sort_by_key(|g| (g.1 .0, std::cmp::Reverse(g.1 .1)));
    let mut taken = vec![false; gold.len()];
    for g in &golds {
        let inside: Vec<usize> = features
            .spans
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                let (a, b) = (
                    char_at[s.0.min(doc.text.len())],
                    char_at[s.1.min(doc.text.len())],
                );
                a >= g.1 .0 && b <= g.1 .1 && a < b
            })
            .map(|(i, _)| i)
            .collect();
        if inside.iter().any(|&i| taken[i]) {
            continue;
        }
        for (k, &i) in inside.iter().enumerate() {
            gold[i] = tagger::label(g.0, k > 0);
            taken[i] = true;
        }
    }
    // Only candidate words are labelled; a name whose word before is not one starts there.
    for i in 0..gold.len() {
        if !features.cand[i] {
            gold[i] = 0;
        } else if gold[i] % 2 == 0
            && gold[i] > 0
            && (i == 0 || gold[i - 1] == 0 || !features.cand[i - 1])
        {
            gold[i] -= 1;
        }
    }
    Example { features, gold }
}

/// Trains on the `train` documents of `data`, writes the model to `out`, returns a report.
pub fn run(data: &Path, out: &Path, seed: u64) -> Result<String, Error> {
    let started = std::time::Instant::now();
    let docs = read_gum(data)?;
    let (bytes, figures) = train_bytes(&docs, seed)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, &bytes).map_err(|e| Error::Data(format!("{}: {e}", out.display())))?;
    Ok(format!(
        "entities: trained with seed {seed} in {:.1} s; {figures}\nwrote {} ({} bytes)",
        started.elapsed().as_secs_f64(),
        out.display(),
        bytes.len()
    ))
}

/// The tagger and typer trained on the `train` documents (each repeated by its genre's weight),
/// joined into the model's bytes, with the training examples.
fn model_bytes(docs: &[GumDoc], seed: u64) -> Result<(Vec<u8>, Vec<Example>), Error> {
    let train: Vec<&GumDoc> = docs.iter().filter(|d| d.split == "train").collect();
    let examples: Vec<Example> = train.iter().map(|d| example(d)).collect();
    if examples.is_empty() {
        return Err(Error::Data(
            "no training documents (split \"train\")".into(),
        ));
    }
    let weighted: Vec<&Example> = examples
        .iter()
        .zip(&train)
        .flat_map(|(e, d)| std::iter::repeat_n(e, genre_weight(&d.genre)))
        .collect();
    let bytes = Model::join(
        &tagger::train_refs(&weighted, epochs().0, seed),
        &train_typer(docs, &examples, seed),
    );
    Ok((bytes, examples))
}

/// The model bytes and a line of figures on the dev documents.
pub(crate) fn train_bytes(docs: &[GumDoc], seed: u64) -> Result<(Vec<u8>, String), Error> {
    let (bytes, examples) = model_bytes(docs, seed)?;
    let model = Model::from_bytes(&bytes)?;
    let mut with = [Counts::default(); 3];
    let mut without = [Counts::default(); 3];
    let mut dev = 0;
    for d in docs.iter().filter(|d| d.split == "dev") {
        dev += 1;
        for (sum, m) in [(&mut with, Some(&model)), (&mut without, None)] {
            for (s, c) in sum.iter_mut().zip(score_doc(d, m)) {
                s.tp += c.tp;
                s.fp += c.fp;
                s.fn_ += c.fn_;
            }
        }
    }
    let f = |c: &[Counts; 3]| {
        let f: Vec<String> = c.iter().map(|c| format!("{:.3}", c.prf().2)).collect();
        f.join(" / ")
    };
    Ok((
        bytes,
        format!(
            "{} train documents, {EPOCHS} epochs (typer {TYPER_EPOCHS}); dev ({dev} documents, \
             all genres) named person / organisation / place F1 {} (rules alone {})",
            examples.len(),
            f(&with),
            f(&without)
        ),
    ))
}

/// For tuning the tagger (`cargo run --release -p newsprobe-entities --example ner_tune`):
/// trains on the `train` documents of `data` and prints, for each margins setting, named person /
/// organisation / place F1 on the dev documents of every genre and on the news dev+test ones.
#[doc(hidden)]
pub fn tune(
    data: &Path,
    seed: u64,
    grid: &[(tagger::Margins, Option<typer::Margins>)],
) -> Result<String, Error> {
    let docs = read_gum(data)?;
    let started = std::time::Instant::now();
    let (bytes, _) = model_bytes(&docs, seed)?;
    let mut model = Model::from_bytes(&bytes)?;
    let typer_model = model.types.take();
    let mut out = format!(
        "trained in {:.1} s, {} bytes\n",
        started.elapsed().as_secs_f64(),
        bytes.len()
    );
    let f = |c: &[Counts; 3]| {
        let f: Vec<String> = c
            .iter()
            .map(|c| {
                let (p, _, f) = c.prf();
                format!("{f:.3} (P {p:.3})")
            })
            .collect();
        f.join(" / ")
    };
    type Keep<'a> = &'a dyn Fn(&GumDoc) -> bool;
    let groups: [(&str, Keep); 3] = [
        ("dev all genres", &|d: &GumDoc| d.split == "dev"),
        ("news dev+test", &|d: &GumDoc| {
            d.split != "train" && d.genre == "news"
        }),
        ("test all genres", &|d: &GumDoc| d.split == "test"),
    ];
    for (mi, m) in std::iter::once(None)
        .chain(grid.iter().map(Some))
        .enumerate()
    {
        if let Some((m, t)) = m {
            model.margins = *m;
            model.types = None;
            if let (Some(t), Some(tm)) = (t, &typer_model) {
                let mut x = tm.clone();
                x.margins = *t;
                model.types = Some(x);
            }
        }
        for (name, keep) in &groups {
            if mi == 0 && *name == "test all genres" {
                continue;
            }
            let mut sum = [Counts::default(); 3];
            for d in docs.iter().filter(|d| keep(d)) {
                let counts = score_doc(d, if mi == 0 { None } else { Some(&model) });
                for (s, c) in sum.iter_mut().zip(counts) {
                    s.tp += c.tp;
                    s.fp += c.fp;
                    s.fn_ += c.fn_;
                }
            }
            let label = match m {
                None => "rules alone".to_string(),
                Some((m, t)) => format!("{m:?} {t:?}"),
            };
            out.push_str(&format!("{label} {name}: {}\n", f(&sum)));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/entities/gum-news"
    );

    /// A cheap check kept in the default run: a few documents, trained twice, give the same bytes
    /// and a model that loads.
    #[test]
    fn training_is_reproducible() {
        let docs = read_gum(Path::new(DATA)).expect("GUM news at ../shared/eval/entities/gum-news");
        let few: Vec<Example> = docs
            .iter()
            .filter(|d| d.split == "train")
            .take(3)
            .map(example)
            .collect();
        assert!(few.iter().any(|e| e.gold.iter().any(|&g| g != 0)));
        let a = tagger::train(&few, 2, 42);
        let b = tagger::train(&few, 2, 42);
        assert_eq!(a, b);
        assert!(Model::from_bytes(&a).is_ok());
        assert_ne!(
            a,
            tagger::train(&few, 2, 7),
            "the seed orders the documents"
        );
        let docs3: Vec<GumDoc> = docs
            .into_iter()
            .filter(|d| d.split == "train")
            .take(3)
            .collect();
        let t = train_typer(&docs3, &few, 42);
        assert_eq!(t, train_typer(&docs3, &few, 42));
        assert!(typer::TypeModel::from_bytes(&t).is_ok());
        assert!(
            few.iter().any(|e| !e.features.typer.is_empty()),
            "the rules' names are collected for the typer"
        );
    }

    /// The bundled model is what `newsprobe train entities ... --seed 42` makes, weight for
    /// weight (the whole training set: about a second). The compressed bytes may differ with the
    /// deflate back end a build links, so the decoded weights are compared.
    #[test]
    fn bundled_model_retrains_bit_for_bit() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/eval/entities/gum-all"
        );
        let docs = read_gum(Path::new(dir)).unwrap();
        let (a, _) = train_bytes(&docs, 42).unwrap();
        let (b, _) = train_bytes(&docs, 42).unwrap();
        assert!(a == b);
        let retrained = Model::from_bytes(&a).unwrap();
        let bundled = Model::from_bytes(tagger::NER_MODEL).unwrap();
        assert!(
            retrained.same_weights(&bundled),
            "retrain: newsprobe train entities"
        );
    }
}
