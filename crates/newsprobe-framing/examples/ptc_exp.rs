//! Trains the propaganda model and prints its dev report without writing it.
fn main() {
    let dir = std::env::args().nth(1).expect("PTC directory");
    let (_, report) =
        newsprobe_framing::propaganda::train::train_model(std::path::Path::new(&dir), 42)
            .expect("trains");
    println!("{report}");
}
