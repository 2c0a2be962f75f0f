//! `newsprobe eval clickbait|stance|checkworthy`: the quality figures of the bundled models on
//! their held-out data (clickbait test split, FNC-1 dev bodies, ClaimBuster test and
//! leave-one-debate-out MAP on CheckThat! 2019).

use std::fmt::Write;
use std::path::Path;

use crate::{checkworthy, clickbait, data, stance, Error, Models};

fn missing(what: &str) -> Error {
    Error::Model(format!("the bundled {what} model is missing or malformed"))
}

/// Evaluates the bundled model of `task` on `data`.
pub fn run(task: &str, dir: &Path) -> Result<String, Error> {
    let models = Models::bundled();
    let b = &models.bundle;
    match task {
        "clickbait" => {
            let m = b.clickbait.as_ref().ok_or_else(|| missing("clickbait"))?;
            let (_, test) = data::clickbait(dir)?;
            let acc = clickbait::accuracy(m, &test);
            Ok(format!(
                "clickbait: test accuracy {acc:.4} ({} headlines; model seed {})",
                test.len(),
                m.seed
            ))
        }
        "stance" => {
            let m = b.stance.as_ref().ok_or_else(|| missing("stance"))?;
            let fnc = data::fnc(dir)?;
            let (_, dev_ids) = fnc.split_stories(m.seed, stance::DEV_SHARE);
            let dev = fnc.pairs_with_unrelated(&dev_ids, m.seed.wrapping_add(1));
            let (score, rel, exact) = stance::fnc_score(m, &fnc, &dev);
            Ok(format!(
                "stance: dev FNC score {score:.4} (related/unrelated accuracy {rel:.4}, \
                 exact stance on related {exact:.4}; {} dev bodies of held-out stories, {} pairs; \
                 model seed {})",
                dev_ids.len(),
                dev.len(),
                m.seed
            ))
        }
        "checkworthy" => {
            let m = b
                .checkworthy
                .as_ref()
                .ok_or_else(|| missing("check-worthiness"))?;
            let (pool, test) = data::claimbuster_split(&dir.join("claimbuster"))?;
            let (p, r, f) = checkworthy::f1(m, &test);
            let lines = data::checkthat(&dir.join("checkthat2019/CT19-T1-Training.csv"))?;
            let (map, per) = checkworthy::leave_one_debate_out(&pool, &lines, m.seed)?;
            let mut out = format!(
                "checkworthy: ClaimBuster test ({} sentences) P {p:.4} R {r:.4} F1 {f:.4}\n\
                 checkworthy: CheckThat! 2019 leave-one-debate-out MAP {map:.4} over {} debates\n",
                test.len(),
                per.len()
            );
            for (d, ap) in per {
                let _ = writeln!(out, "  {d}: AP {ap:.4}");
            }
            Ok(out)
        }
        t => Err(Error::Data(format!(
            "unknown eval task {t:?} (clickbait, stance, checkworthy)"
        ))),
    }
}
