//! Development aid: extracts one page (plain or gzip) and prints the result.
//! `cargo run -p newsprobe-html --example extract_one -- PAGE.html[.gz] [URL]`
use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_one PAGE [URL]");
        std::process::exit(2)
    };
    let url = args.next();
    let raw = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("error: {path}: {e}");
        std::process::exit(1)
    });
    let mut bytes = Vec::new();
    if raw.starts_with(&[0x1f, 0x8b]) {
        if let Err(e) = flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut bytes) {
            eprintln!("error: {path}: {e}");
            std::process::exit(1)
        }
    } else {
        bytes = raw;
    }
    match newsprobe_html::extract(&bytes, None, url.as_deref()) {
        Ok(got) => {
            println!("title: {:?}\nbyline: {:?}\npublished: {:?}\nsite: {:?}\nlanguage: {:?}\nurl: {:?}\n", got.title, got.byline, got.published, got.site, got.language, got.url);
            println!("{}", got.text);
        }
        Err(e) => {
            eprintln!("error: {path}: {e}");
            std::process::exit(1)
        }
    }
}
