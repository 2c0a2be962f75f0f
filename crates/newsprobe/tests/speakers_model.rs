//! The speaker ranker (`crates/newsprobe-quotes/models/speakers.bin`) is trained on PolNeAR train
//! and the reviewed sample's tuned-on groups (session 17): `newsprobe train speakers --data
//! ../shared/eval/quotes/polnear --out crates/newsprobe-quotes/models/speakers.bin --seed 42`
//! gives it byte for byte. Slow (it analyses PolNeAR train and the tuned-on articles): ignored,
//! `cargo test --release -p newsprobe --test speakers_model -- --include-ignored`.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
#[ignore]
fn retraining_reproduces_the_committed_speaker_model() {
    let polnear = root().join("../shared/eval/quotes/polnear");
    if !polnear.join("train").is_dir() {
        eprintln!("PolNeAR not found; skipped");
        return;
    }
    let (bytes, _) = newsprobe::review::train_speakers(
        &polnear,
        Some(&root().join("eval/review")),
        42,
        newsprobe::review::RANKER_REVIEW_WEIGHT,
    )
    .expect("trains");
    let committed = std::fs::read(root().join("crates/newsprobe-quotes/models/speakers.bin"))
        .expect("the model file");
    assert!(
        bytes == committed,
        "retrained model differs from models/speakers.bin; run `newsprobe train speakers \
         --data ../shared/eval/quotes/polnear --out crates/newsprobe-quotes/models/speakers.bin \
         --seed 42`"
    );
}
