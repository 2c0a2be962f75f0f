//! `newsprobe eval entities` without building the CLI:
//! `cargo run --release -p newsprobe-entities --example ner_eval -- DATA`.

use std::path::Path;

fn main() {
    let Some(data) = std::env::args().nth(1) else {
        eprintln!("usage: ner_eval DATA");
        std::process::exit(2);
    };
    match newsprobe_entities::eval::run(Path::new(&data)) {
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
