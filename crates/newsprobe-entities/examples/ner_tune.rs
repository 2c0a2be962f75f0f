//! Trains the entity tagger and prints dev figures for a few margin settings:
//! `cargo run --release -p newsprobe-entities --example ner_tune -- ../shared/eval/entities/gum-all [SEED]`.
//! Each further argument `drop,type,add` adds a margins setting.

use std::path::Path;

use newsprobe_entities::{learn, tagger::Margins};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(data) = args.first() else {
        eprintln!("usage: ner_tune DATA [SEED] [drop,type,add ...]");
        std::process::exit(2);
    };
    let seed = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(42);
    let mut grid = vec![Margins::default()];
    for a in args.iter().skip(2) {
        let v: Vec<f32> = a.split(',').filter_map(|x| x.parse().ok()).collect();
        if let [d, t, p] = v[..] {
            grid.push(Margins {
                drop: d,
                type_other: t,
                add_person: p,
            });
        }
    }
    match learn::tune(Path::new(data), seed, &grid) {
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
