//! A small, bounded HTTP/1.1 load client for the workbench bench (loopback only).
//!
//! ```text
//! load --port PORT [--connections 64] [--seconds 20] [--max-requests N]
//!      (--post PATH --bodies FILE.jsonl | --get-paths FILE)
//! ```
//! Each connection keeps one keep-alive socket and sends requests back to back: `--post` sends
//! the lines of FILE as JSON bodies in turn; `--get-paths` GETs the paths listed in FILE in
//! turn. Stops at `--seconds` or `--max-requests`, whichever comes first, and prints one JSON
//! line: requests, errors (non-2xx or broken connections), requests/s, latency percentiles (ms).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Opts {
    port: u16,
    connections: usize,
    seconds: f64,
    max_requests: usize,
    requests: Vec<Vec<u8>>,
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn opts() -> Result<Opts, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let port: u16 = arg(&args, "--port")
        .ok_or("--port PORT")?
        .parse()
        .map_err(|e| format!("--port: {e}"))?;
    let num = |n: &str, d: f64| -> Result<f64, String> {
        arg(&args, n).map_or(Ok(d), |s| s.parse().map_err(|e| format!("{n}: {e}")))
    };
    let host = format!("127.0.0.1:{port}");
    let mut requests = Vec::new();
    if let Some(path) = arg(&args, "--post") {
        let file = arg(&args, "--bodies").ok_or("--post needs --bodies FILE")?;
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut r = format!(
                "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                line.len()
            )
            .into_bytes();
            r.extend_from_slice(line.as_bytes());
            requests.push(r);
        }
    } else if let Some(file) = arg(&args, "--get-paths") {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
        for p in text.lines().filter(|l| !l.trim().is_empty()) {
            requests.push(format!("GET {p} HTTP/1.1\r\nHost: {host}\r\n\r\n").into_bytes());
        }
    } else {
        return Err("--post PATH --bodies FILE or --get-paths FILE".into());
    }
    if requests.is_empty() {
        return Err("no requests to send".into());
    }
    Ok(Opts {
        port,
        connections: num("--connections", 64.0)?.clamp(1.0, 1024.0) as usize,
        seconds: num("--seconds", 20.0)?.clamp(0.1, 600.0),
        max_requests: num("--max-requests", 1e7)? as usize,
        requests,
    })
}

/// Reads one response; returns its status.
async fn response(s: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    buf.clear();
    let mut chunk = [0u8; 16384];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = s.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| std::io::Error::other("no content-length"))?;
    while buf.len() < head_end + len {
        let n = s.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(status)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let o = match opts() {
        Ok(o) => Arc::new(o),
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(2);
        }
    };
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(o.seconds);
    let mut tasks = Vec::new();
    for _ in 0..o.connections {
        let (o, next, errors) = (o.clone(), next.clone(), errors.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut buf = Vec::new();
            let mut conn: Option<TcpStream> = None;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= o.max_requests || Instant::now() >= deadline {
                    break;
                }
                if conn.is_none() {
                    match TcpStream::connect(("127.0.0.1", o.port)).await {
                        Ok(s) => {
                            let _ = s.set_nodelay(true);
                            conn = Some(s);
                        }
                        Err(_) => {
                            errors.fetch_add(1, Ordering::Relaxed);
                            tokio::time::sleep(Duration::from_millis(10)).await;
                            continue;
                        }
                    }
                }
                let Some(s) = conn.as_mut() else { continue };
                let req = &o.requests[i % o.requests.len()];
                let t = Instant::now();
                let r = match s.write_all(req).await {
                    Ok(()) => response(s, &mut buf).await,
                    Err(e) => Err(e),
                };
                match r {
                    Ok(status) if (200..300).contains(&status) => {
                        lat.push(t.elapsed().as_secs_f64() * 1000.0)
                    }
                    Ok(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                        conn = None;
                    }
                }
            }
            lat
        }));
    }
    let mut lat: Vec<f64> = Vec::new();
    for t in tasks {
        lat.extend(t.await.unwrap_or_default());
    }
    let secs = started.elapsed().as_secs_f64();
    lat.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        if lat.is_empty() {
            0.0
        } else {
            lat[((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1]
        }
    };
    println!(
        "{{\"requests\":{},\"errors\":{},\"seconds\":{secs:.2},\"requests_per_s\":{:.1},\"p50_ms\":{:.2},\"p90_ms\":{:.2},\"p99_ms\":{:.2},\"max_ms\":{:.2},\"connections\":{}}}",
        lat.len(),
        errors.load(Ordering::Relaxed),
        lat.len() as f64 / secs.max(1e-9),
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0),
        o.connections
    );
}
