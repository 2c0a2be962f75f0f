//! `newsprobe train entities` without building the CLI:
//! `cargo run --release -p newsprobe-entities --example ner_train -- DATA OUT [SEED]`.

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(data), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: ner_train DATA OUT [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    match newsprobe_entities::learn::run(Path::new(data), Path::new(out), seed) {
        Ok(r) => println!("{r}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
