"""The Spark job in local[2] on a generated crawl gives what one machine gives: the near-copy pairs
of the archive's band index, `clusters --by site`, and `trace` of planted copies."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsprobe

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "spark"))
import gencrawl  # noqa: E402

ARTICLES = int(os.environ.get("NEWSPROBE_SPARK_TEST_ARTICLES", "3000"))


def cli():
    env = os.environ.get("NEWSPROBE_BIN")
    if env:
        return env
    for p in (ROOT / "target/release/newsprobe", ROOT / "target/debug/newsprobe"):
        if p.exists():
            return str(p)
    found = shutil.which("newsprobe")
    if not found:
        pytest.fail("no newsprobe binary: build it (cargo build -p newsprobe) or set NEWSPROBE_BIN")
    return found


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    base = tmp_path_factory.mktemp("crawl")
    crawl = base / "crawl"
    gencrawl.generate(str(crawl), ARTICLES, seed=7, per_file=500, copies=0.05)
    truth = [json.loads(line) for line in Path(gencrawl.truth_path(str(crawl))).read_text().splitlines()]
    assert len(truth) > 50
    # Trace a few planted copies, an original and an article nobody copied.
    copies = [t["copy"] for t in truth[:: max(1, len(truth) // 5)]][:5]
    traced = copies + [truth[0]["original"]]
    db = base / "cli.db"
    subprocess.run([cli(), "ingest", "--db", str(db), str(crawl)], check=True, capture_output=True)
    out = base / "out"
    job = subprocess.run(
        [sys.executable, str(ROOT / "spark/newsprobe_job.py"), "--input", str(crawl), "--output", str(out),
         "--master", "local[2]", "--trace-ids", ",".join(traced)],
        capture_output=True, text=True,
    )
    assert job.returncode == 0, job.stderr[-5000:]
    return {"crawl": crawl, "db": db, "out": out, "truth": truth, "traced": traced}


def parquet(out, name):
    import pyarrow.parquet as pq

    return pq.read_table(str(out / name)).to_pylist()


def test_every_article_is_analysed_once(run):
    articles = parquet(run["out"], "articles")
    assert len(articles) == ARTICLES == len(newsprobe.Archive(str(run["db"])))
    assert len({a["id"] for a in articles}) == ARTICLES
    assert parquet(run["out"], "errors") == []
    # The tables hold the same report as the archive.
    a = newsprobe.Archive(str(run["db"]))
    first = min(articles, key=lambda r: r["ord"])
    stored = a.get(first["id"])
    assert first["title"] == stored["metadata"]["title"]
    assert first["site"] == stored["metadata"]["site"]
    quotes = [q for q in parquet(run["out"], "quotes") if q["id"] == first["id"]]
    assert len(quotes) == len(stored["quotes"])


def test_near_copy_pairs_equal_the_archives_band_index(run):
    archive = newsprobe.Archive(str(run["db"]))
    pairs = parquet(run["out"], "near_copies")
    spark_pairs = {frozenset((p["a"], p["b"])): p["jaccard"] for p in pairs}
    ids = [a["id"] for a in parquet(run["out"], "articles")]
    mine = {}
    for i in ids:
        for other, sim in archive.near_copies(i):
            mine[frozenset((i, other))] = sim
    assert spark_pairs.keys() == mine.keys()
    for k, v in mine.items():
        assert abs(spark_pairs[k] - v) < 1e-9
    # Every planted copy is found, its estimate close to the exact Jaccard.
    # 100 MinHash values estimate a Jaccard of ~0.75 with a standard deviation of ~0.045.
    reports = {r["id"]: r["report"] for r in parquet(run["out"], "reports")}
    gaps = []
    for t in run["truth"]:
        key = frozenset((t["copy"], t["original"]))
        assert key in spark_pairs, t
        exact = newsprobe.jaccard(newsprobe.signature_text_of(reports[t["copy"]]),
                                  newsprobe.signature_text_of(reports[t["original"]]))
        gaps.append(abs(spark_pairs[key] - exact))
    assert max(gaps) <= 0.2
    assert sum(gaps) / len(gaps) <= 0.05
    firsts = {frozenset((p["a"], p["b"])): p["first"] for p in pairs}
    for t in run["truth"]:
        assert firsts[frozenset((t["copy"], t["original"]))] == t["original"]


def test_site_links_equal_clusters_by_site(run):
    cli_links = json.loads(subprocess.run(
        [cli(), "clusters", "--db", str(run["db"]), "--by", "site", "--format", "json"],
        check=True, capture_output=True, text=True).stdout)["site_links"]
    spark_links = parquet(run["out"], "site_links")
    key = lambda r: (r["from"], r["to"])  # noqa: E731
    assert {key(r): (r["count"], r["first_seen"]) for r in spark_links} == \
        {key(r): (r["count"], r["first_seen"]) for r in cli_links}
    means = {key(r): r["mean_similarity"] for r in cli_links}
    for r in spark_links:
        assert abs(r["mean_similarity"] - means[key(r)]) < 1e-9
        assert r["median_delay_hours"] is not None and 1 <= r["median_delay_hours"] <= 49
    graphml = (run["out"] / "site_network.graphml").read_text()
    assert graphml.count("<edge ") == len(cli_links)
    csv = (run["out"] / "site_links.csv").read_text().splitlines()
    assert len(csv) == len(cli_links) + 1


def test_clusters_are_the_components_of_the_near_copy_graph(run):
    clusters = {r["id"]: r for r in parquet(run["out"], "clusters")}
    assert len(clusters) == ARTICLES
    for t in run["truth"]:
        assert clusters[t["copy"]]["cluster"] == clusters[t["original"]]["cluster"]
        assert clusters[t["copy"]]["size"] >= 2
    sizes = {}
    for r in clusters.values():
        sizes[r["cluster"]] = sizes.get(r["cluster"], 0) + 1
    assert all(clusters[c]["size"] == n for c, n in sizes.items())


def test_traces_equal_the_cli(run):
    picks = run["out"].parent / "picks.jsonl"
    wanted = set(run["traced"])
    with open(picks, "w", encoding="utf-8") as f:
        for path in sorted(run["crawl"].glob("*.warc")):
            for r in newsprobe.read_warc(str(path)):
                if r["id"] in wanted:
                    f.write(json.dumps({"id": r["id"], "url": r["url"], "html": r["html"].decode("utf-8")}) + "\n")
    cli_traces = json.loads(subprocess.run(
        [cli(), "trace", "--db", str(run["db"]), "--format", "json", str(picks)],
        check=True, capture_output=True, text=True).stdout)
    cli_traces = {t["article"]["id"]: t for t in (cli_traces if isinstance(cli_traces, list) else [cli_traces])}
    spark_traces = {r["id"]: json.loads(r["trace"]) for r in parquet(run["out"], "traces")}
    assert spark_traces.keys() == cli_traces.keys() == wanted
    for i in wanted:
        assert spark_traces[i] == cli_traces[i], i
    originals = {t["copy"]: t["original"] for t in run["truth"]}
    for i in run["traced"][:-1]:
        assert originals[i] in [s["id"] for s in spark_traces[i]["sources"]]
