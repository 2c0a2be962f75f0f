//! Learns the attribution-cue table (`models/attribution-cues.tsv`, [`newsprobe_quotes::attribution`])
//! on PolNeAR train: `cargo run --release -p newsprobe-quotes --example train_attributions --
//! ../shared/eval/quotes/polnear crates/newsprobe-quotes/models/attribution-cues.tsv`, then
//! rebuild. Deterministic (counts only, no seed). The candidates are found by the engine with
//! the quotes' cues left out, so retrain after a change to the quotes stage.

fn main() {
    let mut args = std::env::args().skip(1);
    let data = args
        .next()
        .unwrap_or_else(|| "../shared/eval/quotes/polnear".into());
    let out = args
        .next()
        .unwrap_or_else(|| "crates/newsprobe-quotes/models/attribution-cues.tsv".into());
    let min: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    match newsprobe_quotes::eval::attribution_counts(std::path::Path::new(&data), "train", min)
        .and_then(|tsv| std::fs::write(&out, tsv).map_err(Into::into))
    {
        Ok(()) => println!("wrote {out}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
