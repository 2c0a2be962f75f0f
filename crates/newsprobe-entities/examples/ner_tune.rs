//! Trains the entity tagger and prints dev figures for a few margin settings:
//! `cargo run --release -p newsprobe-entities --example ner_tune -- ../shared/eval/entities/gum-all [SEED]`.
//! With `NER_OUT=FILE` it writes the model instead (as `newsprobe train entities`).
//! Each further argument `drop,type,add,retype[,typer_type,typer_retype,typer_untype[,typer_untype_place]]`
//! adds a margins setting.

use std::path::Path;

use newsprobe_entities::{learn, tagger::Margins, typer};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(data) = args.first() else {
        eprintln!("usage: ner_tune DATA [SEED] [drop,type,add,retype[,typer_type,typer_retype,typer_untype] ...]");
        std::process::exit(2);
    };
    let seed = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(42);
    let mut grid = vec![
        (Margins::default(), None),
        (Margins::default(), Some(typer::MARGINS)),
    ];
    for a in args.iter().skip(2) {
        let v: Vec<f32> = a.split(',').filter_map(|x| x.parse().ok()).collect();
        let m = |d, t, p, r| Margins {
            drop: d,
            type_other: t,
            add_person: p,
            retype: r,
        };
        match v[..] {
            [d, t, p, r] => grid.push((m(d, t, p, r), None)),
            [d, t, p, r, a, b, c] => grid.push((
                m(d, t, p, r),
                Some(typer::Margins {
                    type_other: a,
                    retype: b,
                    untype: c,
                    ..typer::MARGINS
                }),
            )),
            [d, t, p, r, a, b, c, u] => grid.push((
                m(d, t, p, r),
                Some(typer::Margins {
                    type_other: a,
                    retype: b,
                    untype: c,
                    untype_place: u,
                    ..typer::MARGINS
                }),
            )),
            _ => eprintln!("ignored: {a}"),
        }
    }
    if let Ok(out) = std::env::var("NER_OUT") {
        match learn::run(Path::new(data), Path::new(&out), seed) {
            Ok(r) => println!("{r}"),
            Err(e) => eprintln!("{e}"),
        }
        return;
    }
    match learn::tune(Path::new(data), seed, &grid) {
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
