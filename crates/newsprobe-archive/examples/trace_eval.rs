//! `cargo run --release -p newsprobe-archive --example trace_eval -- DATA [REWRITES] [SEED]`:
//! the same figures as `newsprobe eval trace`, without building the CLI.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "../shared/eval/stories/ecbplus".into());
    let n = args.get(2).and_then(|x| x.parse().ok()).unwrap_or(300);
    let seed = args.get(3).and_then(|x| x.parse().ok()).unwrap_or(10);
    match newsprobe_archive::trace_eval::run(std::path::Path::new(&data), n, seed) {
        Ok(r) => println!("{}", r.trim_end()),
        Err(e) => {
            eprintln!("trace_eval: {e}");
            std::process::exit(1);
        }
    }
}
