//! Scores attribution finding on a PolNeAR split without building the whole CLI (the same
//! figures as `newsprobe eval quotes`): `cargo run --release -p newsprobe-quotes --example
//! eval_polnear -- ../shared/eval/quotes/polnear dev`. `NEWSPROBE_EVAL_DEBUG=1` lists misses.

fn main() {
    let mut args = std::env::args().skip(1);
    let data = args
        .next()
        .unwrap_or_else(|| "../shared/eval/quotes/polnear".into());
    let split = args.next().unwrap_or_else(|| "dev".into());
    match newsprobe_quotes::eval::run(std::path::Path::new(&data), &split) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
