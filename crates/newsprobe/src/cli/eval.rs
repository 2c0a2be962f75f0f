//! `newsprobe eval TASK` and `newsprobe train TASK`: dispatch to the stage crates.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// extraction, quotes, clickbait, stance, checkworthy, entities, coref, stories, propaganda, review or trace.
    pub task: String,
    /// The data set (a path under ../shared/eval).
    #[arg(long)]
    pub data: PathBuf,
    /// Split to score where the data set has several (quotes: dev or train).
    #[arg(long, default_value = "dev")]
    pub split: String,
    /// review: text or json.
    #[arg(long, default_value = "text")]
    pub format: String,
    /// review: list every error and each unjudged finding or framing span.
    #[arg(long)]
    pub verbose: bool,
    /// trace: how many laundering rewrites to generate.
    #[arg(long, default_value_t = 300)]
    pub rewrites: usize,
    /// trace: seed of the rewrite generator.
    #[arg(long, default_value_t = 10)]
    pub seed: u64,
}

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// clickbait, stance, checkworthy, propaganda, entities, coref, speakers, speakable, quotedness or clusters.
    pub task: String,
    #[arg(long)]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// Random seed; the same seed gives the same model, byte for byte.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// `train speakers`: print leave-one-group-out figures over the reviewed sample's tuned-on
    /// groups and where their speaker errors come from, instead of writing the model.
    #[arg(long)]
    pub logo: bool,
    /// `train coref`: also train on the speaking pronouns of the reviewed sample's tuned-on
    /// groups (`eval/review`, from the project root).
    #[arg(long)]
    pub review: bool,
    /// `train coref --review`: leave this tuned-on group out (leave-one-group-out runs).
    #[arg(long)]
    pub leave_out: Option<String>,
}

pub fn eval(a: EvalArgs) -> Result<ExitCode> {
    let report = match a.task.as_str() {
        "extraction" => newsprobe_html::eval::run(&a.data)?,
        "quotes" => newsprobe_quotes::eval::run(&a.data, &a.split)?,
        "clickbait" | "stance" | "checkworthy" => newsprobe_classify::eval::run(&a.task, &a.data)?,
        "entities" => newsprobe_entities::eval::run(&a.data)?,
        "coref" => newsprobe_entities::anaphora::eval(&a.data)?,
        "stories" => newsprobe_archive::eval::stories(&a.data)?,
        "propaganda" => newsprobe_framing::propaganda::train::eval(&a.data)?,
        "review" => review(&a)?,
        "trace" => newsprobe_archive::trace_eval::run(&a.data, a.rewrites, a.seed)?,
        t => bail!("unknown eval task {t:?} (extraction, quotes, clickbait, stance, checkworthy, entities, coref, stories, propaganda, review, trace)"),
    };
    super::print_out(report.trim_end())?;
    Ok(ExitCode::SUCCESS)
}

/// `eval review --data eval/review`: the reviewed sample, articles read from `../shared/eval`.
fn review(a: &EvalArgs) -> Result<String> {
    let shared = newsprobe::review::shared_eval_for(&a.data);
    let ev = newsprobe::review::evaluate(&newsprobe::Engine::new(None), &a.data, &shared)?;
    Ok(match a.format.as_str() {
        "text" => newsprobe::review::render_text(&ev, a.verbose),
        "json" => serde_json::to_string_pretty(&newsprobe::review::render_json(&ev, a.verbose))?,
        f => bail!("unknown format {f:?} for eval review (text, json)"),
    })
}

/// `train coref --data ../shared/eval/entities/gum-all [--review [--leave-out GROUP]]`: the
/// pronoun ranking from GUM train, and with `--review` the tuned-on groups' speaking pronouns.
fn coref(a: &TrainArgs) -> Result<String> {
    if !a.review {
        return Ok(newsprobe_entities::anaphora::train(
            &a.data, &a.out, a.seed,
        )?);
    }
    let dir = std::path::Path::new("eval/review");
    if !dir.is_dir() {
        bail!("--review needs the reviewed sample at eval/review (run from the project root)")
    }
    let groups = newsprobe::review::coref_examples(
        &newsprobe::Engine::new(None),
        dir,
        &newsprobe::review::shared_eval_for(dir),
    )?;
    let mut summary = String::new();
    let mut kept = Vec::new();
    for (name, exs) in &groups {
        let left = a.leave_out.as_deref() == Some(name.as_str());
        summary.push_str(&format!(
            "{name}: {} speaking pronouns{}\n",
            exs.len(),
            if left { " (left out)" } else { "" }
        ));
        if !left {
            kept.push(exs);
        }
    }
    let report = newsprobe_entities::anaphora::train_with(&a.data, &a.out, a.seed, &kept)?;
    Ok(format!("{summary}{report}"))
}

/// `train speakers --data ../shared/eval/quotes/polnear`: the ranker from PolNeAR train and the
/// reviewed sample's tuned-on groups (`eval/review` from the project root, where it is;
/// `NEWSPROBE_RANKER_REVIEW_WEIGHT` overrides their weight, 0 leaves them out). `--logo`:
/// leave-one-group-out figures instead.
fn speakers(a: &TrainArgs) -> Result<String> {
    let dir = std::path::Path::new("eval/review");
    let weight = std::env::var("NEWSPROBE_RANKER_REVIEW_WEIGHT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(newsprobe::review::RANKER_REVIEW_WEIGHT);
    let dir = dir.is_dir().then_some(dir);
    if a.logo {
        let Some(dir) = dir else {
            bail!("--logo needs the reviewed sample at eval/review (run from the project root)")
        };
        let (groups, summary) = newsprobe::review::speaker_examples(
            &newsprobe::Engine::new(None),
            dir,
            &newsprobe::review::shared_eval_for(dir),
            weight.max(f64::MIN_POSITIVE),
        )?;
        let logo = newsprobe_quotes::rank::leave_one_group_out(&a.data, a.seed, &groups)?;
        // NEWSPROBE_RANK_DIAG=1: where PolNeAR dev's gold speakers stand that are not among
        // the candidates.
        let diag = if std::env::var_os("NEWSPROBE_RANK_DIAG").is_some() {
            format!(
                "\nPolNeAR dev, attributions found with a gold Source, by route:\n{}",
                newsprobe_quotes::rank::diag::polnear(&a.data, "dev")?
            )
        } else {
            String::new()
        };
        return Ok(format!("{summary}{logo}{diag}"));
    }
    let (bytes, report) = newsprobe::review::train_speakers(&a.data, dir, a.seed, weight)?;
    std::fs::write(&a.out, bytes)?;
    Ok(format!("{report}\nwrote {}", a.out.display()))
}

pub fn train(a: TrainArgs) -> Result<ExitCode> {
    let report = match a.task.as_str() {
        "clickbait" | "stance" | "checkworthy" => {
            newsprobe_classify::train::run(&a.task, &a.data, &a.out, a.seed)?
        }
        "propaganda" => newsprobe_framing::propaganda::train::run(&a.data, &a.out, a.seed)?,
        "entities" => newsprobe_entities::learn::run(&a.data, &a.out, a.seed)?,
        "coref" => coref(&a)?,
        "speakers" => speakers(&a)?,
        "speakable" => newsprobe_quotes::speakable::run_train(&a.data, &a.out, a.seed)?,
        "quotedness" => newsprobe_quotes::quotedness::run_train(&a.data, &a.out, a.seed)?,
        "speaker-confidence" => {
            let shared = newsprobe::review::shared_eval_for(&a.data);
            let (table, summary) =
                newsprobe::review::calibrate(
                    &newsprobe::Engine::new(None),
                    &a.data,
                    &shared,
                    &shared.join("quotes/polnear"),
                )?;
            std::fs::write(&a.out, table)?;
            summary
        }
        // The shared eval folder; the reviewed sample's documents (eval/review, from the project
        // root) are left out.
        "clusters" => newsprobe_core::clusters::train::run(
            &a.data,
            std::path::Path::new("eval/review"),
            &a.out,
            a.seed,
        )?,
        t => bail!("unknown training task {t:?} (clickbait, stance, checkworthy, propaganda, entities, coref, speakers, speakable, quotedness, clusters)"),
    };
    super::print_out(report.trim_end())?;
    Ok(ExitCode::SUCCESS)
}
