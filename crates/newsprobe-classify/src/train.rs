//! `newsprobe train clickbait|stance|checkworthy`: trains a model from a data set with a seed
//! and writes the model file (the same data and seed give the same bytes).

use std::path::Path;
use std::time::Instant;

use crate::checkworthy::{self, CheckworthyModel};
use crate::clickbait::{self, ClickbaitModel};
use crate::stance::{self, StanceModel};
use crate::{data, Error};

/// Trains `task` on `data`, writes the model to `out`, returns a short report.
pub fn run(task: &str, data: &Path, out: &Path, seed: u64) -> Result<String, Error> {
    let started = Instant::now();
    let (bytes, figures) = train_bytes(task, data, seed)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, &bytes).map_err(|e| Error::Data(format!("{}: {e}", out.display())))?;
    Ok(format!(
        "{task}: trained with seed {seed} in {:.1} s; {figures}\nwrote {} ({} bytes)",
        started.elapsed().as_secs_f64(),
        out.display(),
        bytes.len()
    ))
}

/// The model bytes for `task` and a line of figures on its held-out data.
pub fn train_bytes(task: &str, dir: &Path, seed: u64) -> Result<(Vec<u8>, String), Error> {
    match task {
        "clickbait" => {
            let (train, test) = data::clickbait(dir)?;
            // Dev: every 10th training headline, scored by a model trained on the rest.
            let (dev, part): (Vec<_>, Vec<_>) = train
                .iter()
                .cloned()
                .enumerate()
                .partition(|(i, _)| i % 10 == 3);
            let dev: Vec<_> = dev.into_iter().map(|(_, h)| h).collect();
            let part: Vec<_> = part.into_iter().map(|(_, h)| h).collect();
            let dev_acc = clickbait::accuracy(&ClickbaitModel::train(&part, seed)?, &dev);
            let m = ClickbaitModel::train(&train, seed)?;
            let acc = clickbait::accuracy(&m, &test);
            Ok((
                m.to_bytes(),
                format!(
                    "{} train headlines; dev accuracy {dev_acc:.4} ({} held out of train); \
                     test accuracy {acc:.4}",
                    train.len(),
                    dev.len()
                ),
            ))
        }
        "stance" => {
            let fnc = data::fnc(dir)?;
            let (train_ids, dev_ids) = fnc.split_stories(seed, stance::DEV_SHARE);
            let m = StanceModel::train(&fnc, &train_ids, seed)?;
            let dev = fnc.pairs_with_unrelated(&dev_ids, seed.wrapping_add(1));
            let (score, rel, exact) = stance::fnc_score(&m, &fnc, &dev);
            Ok((
                m.to_bytes(),
                format!(
                    "{} train bodies; dev ({} bodies of held-out stories, {} pairs): FNC score {score:.4}, \
                     related/unrelated accuracy {rel:.4}, related exact {exact:.4}",
                    train_ids.len(),
                    dev_ids.len(),
                    dev.len()
                ),
            ))
        }
        "checkworthy" => {
            let (pool, test) = data::claimbuster_split(&dir.join("claimbuster"))?;
            let lines = data::checkthat(&dir.join("checkthat2019/CT19-T1-Training.csv"))?;
            let dev_f1 = checkworthy::cross_validated_f1(&pool, &lines, seed, 5)?;
            let m = CheckworthyModel::train(&pool, &lines, seed)?;
            let (p, r, f) = checkworthy::f1(&m, &test);
            Ok((
                m.to_bytes(),
                format!(
                    "{} ClaimBuster + {} CheckThat! lines; dev F1 {dev_f1:.4} (5-fold \
                     cross-validation on the pool, balanced folds); ClaimBuster test P {p:.4} \
                     R {r:.4} F1 {f:.4}",
                    pool.len(),
                    lines.len()
                ),
            ))
        }
        t => Err(Error::Data(format!(
            "unknown training task {t:?} (clickbait, stance, checkworthy)"
        ))),
    }
}
