//! The same entry points as `newsprobe train|eval TASK`, without building the whole CLI:
//! `cargo run -p newsprobe-classify --example classify -- train clickbait DATA OUT [SEED]` or
//! `... -- eval clickbait DATA`.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["train", task, data, out] => {
            newsprobe_classify::train::run(task, Path::new(data), Path::new(out), 42)
        }
        ["train", task, data, out, seed] => match seed.parse() {
            Ok(seed) => newsprobe_classify::train::run(task, Path::new(data), Path::new(out), seed),
            Err(_) => Err(newsprobe_classify::Error::Data(format!(
                "bad seed {seed:?}"
            ))),
        },
        ["eval", task, data] => newsprobe_classify::eval::run(task, Path::new(data)),
        _ => {
            eprintln!("usage: classify train TASK DATA OUT [SEED] | classify eval TASK DATA");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(report) => {
            use std::io::Write;
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = writeln!(std::io::stdout(), "{}", report.trim_end());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
