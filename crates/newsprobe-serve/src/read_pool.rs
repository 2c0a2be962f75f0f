//! In which order are archive reads served? A fixed pool of threads taking jobs from one FIFO
//! queue: a search waits for the ones admitted before it and for no other, and a worker that
//! finishes takes the next job itself (no hand-off through the async runtime, so no core idles
//! between two searches). Bounded: a job beyond `capacity` waiting is refused at once (the
//! caller answers 429).
//!
//! Before, reads went through a fair semaphore and then tokio's blocking pool: a finished
//! search released its permit, the runtime had to poll the next waiter's task (behind the
//! parsing and writing of the other 63 connections) before it spawned its blocking job, so at
//! 64 connections on 2 cores the reads lanes idled between jobs and the order of service was
//! the runtime's, not the order of arrival.

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};

type Job = Box<dyn FnOnce() + Send + 'static>;

struct Queue {
    jobs: VecDeque<Job>,
    closed: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    ready: Condvar,
    /// Jobs waiting at most (running ones not counted).
    capacity: usize,
}

/// A fixed pool of read threads serving one FIFO queue; closed (its threads end once the queue
/// is empty) when dropped.
pub struct ReadPool {
    shared: Arc<Shared>,
}

/// Why a job was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// `capacity` jobs wait already.
    Full,
    /// The pool is closed (or its threads could not start).
    Closed,
}

impl ReadPool {
    /// Starts `threads` worker threads (at least one) serving a queue of at most `capacity`
    /// waiting jobs.
    pub fn new(threads: usize, capacity: usize) -> std::io::Result<ReadPool> {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue {
                jobs: VecDeque::with_capacity(capacity.min(4096)),
                closed: false,
            }),
            ready: Condvar::new(),
            capacity: capacity.max(1),
        });
        for i in 0..threads.max(1) {
            let s = shared.clone();
            std::thread::Builder::new()
                .name(format!("newsprobe-read-{i}"))
                .spawn(move || work(&s))?;
        }
        Ok(ReadPool { shared })
    }

    /// Queues `job` behind every job queued before it.
    pub fn submit(&self, job: impl FnOnce() + Send + 'static) -> Result<(), Refused> {
        let mut q = self.shared.queue.lock().map_err(|_| Refused::Closed)?;
        if q.closed {
            return Err(Refused::Closed);
        }
        if q.jobs.len() >= self.shared.capacity {
            return Err(Refused::Full);
        }
        q.jobs.push_back(Box::new(job));
        drop(q);
        self.shared.ready.notify_one();
        Ok(())
    }
}

impl Drop for ReadPool {
    fn drop(&mut self) {
        if let Ok(mut q) = self.shared.queue.lock() {
            q.closed = true;
        }
        self.shared.ready.notify_all();
    }
}

/// A worker: the oldest job, run, until the pool is closed and empty.
fn work(s: &Shared) {
    loop {
        let job = {
            let Ok(mut q) = s.queue.lock() else { return };
            loop {
                if let Some(job) = q.jobs.pop_front() {
                    break job;
                }
                if q.closed {
                    return;
                }
                q = match s.ready.wait(q) {
                    Ok(q) => q,
                    Err(_) => return,
                };
            }
        };
        // A panicking job must not take the worker with it (its caller sees its result
        // channel dropped and answers 500).
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn jobs_are_served_in_the_order_they_came_and_a_full_queue_refuses() {
        let pool = ReadPool::new(1, 3).unwrap();
        let (gate_tx, gate_rx) = mpsc::channel::<()>();
        let (done_tx, done_rx) = mpsc::channel::<usize>();
        // The one worker is held by the first job until the gate opens.
        let (started_tx, started_rx) = mpsc::channel::<()>();
        pool.submit(move || {
            started_tx.send(()).unwrap();
            gate_rx.recv().unwrap();
        })
        .unwrap();
        started_rx.recv_timeout(Duration::from_secs(5)).unwrap();
        for i in 0..3 {
            let tx = done_tx.clone();
            pool.submit(move || tx.send(i).unwrap()).unwrap();
        }
        assert_eq!(pool.submit(|| {}), Err(Refused::Full));
        gate_tx.send(()).unwrap();
        let order: Vec<usize> = (0..3)
            .map(|_| done_rx.recv_timeout(Duration::from_secs(5)).unwrap())
            .collect();
        assert_eq!(order, vec![0, 1, 2]);
    }

    #[test]
    fn a_panicking_job_leaves_the_worker_serving() {
        let pool = ReadPool::new(1, 4).unwrap();
        pool.submit(|| panic!("a bad job")).unwrap();
        let (tx, rx) = mpsc::channel();
        pool.submit(move || tx.send(7).unwrap()).unwrap();
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)).unwrap(), 7);
    }
}
