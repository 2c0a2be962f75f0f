#!/usr/bin/env python3
"""Spark local[N] against the native `newsprobe ingest` on the same generated crawl.

    python spark/bench.py [--articles 100000] [--cores 2] [--dir /tmp/newsprobe-spark-bench] [--bin target/release/newsprobe]

Generates the crawl (spark/gencrawl.py: WARC files of 2,000 HTML pages, 5% planted near-copies),
ingests it with the CLI (analysis + SQLite archive, `--threads N`), runs the Spark job on it in
local[N] (analysis + Parquet tables + signatures, then the band join, the site network and the
clusters), and prints articles/s of each, the Spark/native ratio, CPU seconds, and the band
join's recall on the planted copies with the largest gap between a pair's Jaccard (and its MinHash
estimate) and the exact Jaccard of the two texts (from the native archive's reports).
Wall-clock figures: run it on a quiet machine (it runs each side once); CPU per article holds up
better on a shared one. Extra arguments after `--` go to the job (e.g. `-- --writer spark`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "spark"))
import gencrawl  # noqa: E402


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=100_000)
    p.add_argument("--cores", type=int, default=2)
    p.add_argument("--dir", default="/tmp/newsprobe-spark-bench")
    p.add_argument("--bin", default=str(ROOT / "target/release/newsprobe"))
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--skip-native", action="store_true", help="reuse the last run's native figures")
    p.add_argument("job_args", nargs="*", help="more arguments for the job (after --)")
    a = p.parse_args()

    base = Path(a.dir)
    crawl = base / "crawl"
    if not Path(gencrawl.truth_path(str(crawl))).exists() or len(list(crawl.glob("*.warc"))) != -(-a.articles // 2000):
        shutil.rmtree(base, ignore_errors=True)
        gencrawl.generate(str(crawl), a.articles, seed=a.seed, per_file=2000, copies=0.05)
    size = sum(f.stat().st_size for f in crawl.glob("*.warc"))
    print(f"crawl: {a.articles} articles, {size / 1e6:.0f} MB of WARC in {len(list(crawl.glob('*.warc')))} files")

    db = base / "native.db"
    native_json = base / "native.json"
    if a.skip_native and native_json.exists():
        native_s, native_cpu = json.loads(native_json.read_text())
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        cpu0, t0 = children_cpu(), time.time()
        subprocess.run([a.bin, "ingest", "--threads", str(a.cores), "--db", str(db), str(crawl)], check=True)
        native_s, native_cpu = time.time() - t0, children_cpu() - cpu0
        native_json.write_text(json.dumps([native_s, native_cpu]))
    print(f"native ingest: {native_s:.1f} s, {a.articles / native_s:.0f} articles/s, "
          f"{native_cpu:.1f} CPU s ({1000 * native_cpu / a.articles:.2f} ms/article)")

    out = base / "spark-out"
    timings = base / "timings.json"
    cpu0, t0 = children_cpu(), time.time()
    subprocess.run([sys.executable, str(ROOT / "spark/newsprobe_job.py"), "--input", str(crawl), "--output", str(out),
                    "--master", f"local[{a.cores}]", "--timings", str(timings), *a.job_args], check=True)
    spark_s, spark_cpu = time.time() - t0, children_cpu() - cpu0
    t = json.loads(timings.read_text())
    # The job's own count of its process tree (the JVM is not reaped into this process's).
    spark_cpu = max(spark_cpu, t["cpu_after_trace"])
    analysis_s = t["session"] + t["analysis"]
    print(f"spark job: {spark_s:.1f} s in all (JVM start {t['session']:.1f} s, analysis and tables "
          f"{t['analysis']:.1f} s, near-copies {t['near_copies']:.1f} s, site network {t['site_links']:.1f} s, "
          f"same-story pairs {t['stories']:.1f} s, clusters {t['clusters']:.1f} s), {spark_cpu:.1f} CPU s")
    for step in ("near_copies", "site_links", "stories", "clusters"):  # steps skipped: no time
        t.setdefault(f"cpu_after_{step}", t[f"cpu_after_{'analysis' if step == 'near_copies' else prev}"])
        prev = step
    cpu_session = t["cpu_after_session"]
    cpu_analysis = t["cpu_after_analysis"]
    print(f"spark CPU: JVM start {cpu_session:.1f} s, analysis and tables {cpu_analysis - cpu_session:.1f} s "
          f"({1000 * (cpu_analysis - cpu_session) / a.articles:.2f} ms/article), then near-copies "
          f"{t['cpu_after_near_copies'] - cpu_analysis:.1f} s, site network "
          f"{t['cpu_after_site_links'] - t['cpu_after_near_copies']:.1f} s, same-story pairs "
          f"{t.get('cpu_after_stories', t['cpu_after_site_links']) - t['cpu_after_site_links']:.1f} s, clusters "
          f"{t['cpu_after_clusters'] - t.get('cpu_after_stories', t['cpu_after_site_links']):.1f} s")
    cpu_all = t["cpu_after_trace"]
    print(f"spark CPU (the job's process tree, from /proc): {cpu_analysis:.1f} s to the tables "
          f"({1000 * cpu_analysis / a.articles:.2f} ms/article = {native_cpu / cpu_analysis:.2f} x native's "
          f"articles per CPU second), {cpu_all:.1f} s in all ({native_cpu / cpu_all:.2f} x)")
    print(f"spark analysis + tables + signatures: {a.articles / analysis_s:.0f} articles/s = "
          f"{(a.articles / analysis_s) / (a.articles / native_s):.2f} x native")
    print(f"spark whole job: {a.articles / spark_s:.0f} articles/s = {native_s / spark_s:.2f} x native")

    if not (out / "near_copies").exists():
        return
    import pyarrow.dataset as ds
    import newsprobe

    truth = [json.loads(x) for x in Path(gencrawl.truth_path(str(crawl))).read_text().splitlines()]
    pairs = ds.dataset(str(out / "near_copies")).to_table(columns=["a", "b", "jaccard", "estimate"]).to_pylist()
    found = {frozenset((r["a"], r["b"])): r for r in pairs}
    hit = [t for t in truth if frozenset((t["copy"], t["original"])) in found]
    archive = newsprobe.Archive(str(db))
    exact = {k: newsprobe.jaccard(*(newsprobe.signature_text_of(archive.get(i)) for i in sorted(k))) for k in found}
    gaps = [abs(found[k]["jaccard"] - exact[k]) for k in found]
    est = [abs(found[k]["estimate"] - exact[k]) for k in found]
    print(f"band join: {t.get('candidates', 0)} candidate pairs ({t.get('candidates', 0) / a.articles:.3f} an article, "
          f"{t.get('candidate_articles', 0)} articles in them)")
    print(f"band join: {len(pairs)} near-copy pairs; planted copies found {len(hit)}/{len(truth)} "
          f"(recall {len(hit) / len(truth):.3f}); |jaccard - exact| max {max(gaps, default=0):.4f}; "
          f"|MinHash estimate - exact| max {max(est, default=0):.3f}, mean {sum(est) / max(1, len(est)):.3f}")
    clusters = ds.dataset(str(out / "clusters")).to_table(columns=["size"]).column("size").to_pylist()
    story = ds.dataset(str(out / "story_pairs")).count_rows() if (out / "story_pairs").exists() else 0
    print(f"clusters: {story} same-story pairs; {sum(1 for s in clusters if s > 1)} articles in clusters "
          f"of 2 or more, the largest {max(clusters, default=0)}")


if __name__ == "__main__":
    main()
