//! A real `newsprobe ingest` killed (SIGKILL) in the middle of a run leaves a sound archive
//! that loses at most the batch in flight, and a re-run completes it.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newsprobe_archive::synth::Generator;
use newsprobe_archive::Archive;

const ARTICLES: usize = 1_500;
const BATCH: usize = 50;

#[test]
fn killed_ingest_never_corrupts_and_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("synthetic.jsonl");
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
        for a in Generator::new(11, 0.02).take(ARTICLES) {
            serde_json::to_writer(&mut w, &a).unwrap();
            writeln!(w).unwrap();
        }
    }
    let db = dir.path().join("archive.db");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_newsprobe"))
            .args([
                "ingest",
                "--db",
                db.to_str().unwrap(),
                "--batch",
                &BATCH.to_string(),
                "--threads",
                "1",
            ])
            .arg(&input)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting newsprobe ingest")
    };
    let mut child = run();
    // Wait until some batches are committed, then kill it mid-run.
    let start = Instant::now();
    let mut stored_before_kill = 0;
    while start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(50));
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if db.exists() {
            if let Ok(n) = Archive::open(&db).and_then(|a| a.len()) {
                if n >= 3 * BATCH {
                    stored_before_kill = n;
                    break;
                }
            }
        }
    }
    let finished_early = child.try_wait().unwrap().is_some();
    child.kill().ok(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(
        !finished_early,
        "ingest finished before it could be killed; raise ARTICLES"
    );
    assert!(
        stored_before_kill >= 3 * BATCH,
        "no batch was committed in time"
    );

    let archive = Archive::open(&db).expect("the archive opens after the kill");
    assert_eq!(archive.integrity_check().unwrap(), "ok");
    let n = archive.len().unwrap();
    assert!(
        n >= stored_before_kill && n < ARTICLES,
        "{n} stored after the kill"
    );
    assert_eq!(n % BATCH, 0, "only whole batches are committed: {n}");
    drop(archive);

    let status = run().wait().unwrap();
    assert!(status.success(), "re-run failed: {status}");
    let archive = Archive::open(&db).unwrap();
    assert_eq!(archive.integrity_check().unwrap(), "ok");
    assert_eq!(archive.len().unwrap(), ARTICLES);
}
