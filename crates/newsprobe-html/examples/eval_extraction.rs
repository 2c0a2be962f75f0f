//! Same figures as `newsprobe eval extraction`, without building the whole CLI:
//! `cargo run -p newsprobe-html --example eval_extraction -- ../shared/eval/extraction/scrapinghub`
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval/extraction/scrapinghub".to_owned());
    match newsprobe_html::eval::run(std::path::Path::new(&dir)) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
