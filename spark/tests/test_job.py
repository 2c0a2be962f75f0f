"""The Spark job in local[2] on a generated crawl gives what one machine gives: the near-copy pairs
of the archive's band index (verified by exact Jaccard), `clusters --by site`, same-story clusters,
and `trace` of planted copies and of rewrites given with --trace-input."""

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

# Written for these tests: one event told twice in different words by two outlets (the same
# names, places and numbers, few shared phrases), an event of the same kind elsewhere, and an
# unrelated story.
STORIES = [
    {"id": "story-dam-1", "url": "https://valley-courier.example/2026/03/02/dam", "site": "valley-courier.example",
     "published": "2026-03-02T08:10:00Z",
     "title": "Cracks force evacuation below the Orlenko dam",
     "text": "Engineers ordered 4,200 residents of Brevik and Tolmach out of their homes on Monday after "
             "cracks appeared in the Orlenko dam, the regional water authority said.\n\n"
             "Marta Vesnina, who heads the authority, said inspectors found the fissures on the eastern "
             "spillway during a routine check on Sunday evening. \"We are not taking any chances with a "
             "structure of this age,\" Vesnina said.\n\n"
             "The dam, finished in 1962, holds back 310 million cubic metres of water above the Kessel "
             "river. Buses took families to a sports hall in Narva Gora, where the Red Cross set up beds."},
    {"id": "story-dam-2", "url": "https://east-herald.example/2026/03/02/orlenko", "site": "east-herald.example",
     "published": "2026-03-02T15:40:00Z",
     "title": "Brevik and Tolmach emptied as Orlenko dam shows fissures",
     "text": "About 4,200 people living downstream of the Orlenko dam were moved to safety on Monday, "
             "officials said, after inspectors spotted fissures in the 1962 structure.\n\n"
             "According to Marta Vesnina of the regional water authority, the damage sits on the eastern "
             "spillway and was noticed on Sunday. She told reporters the evacuation of Brevik and Tolmach "
             "was a precaution.\n\n"
             "The reservoir above the Kessel river stores some 310 million cubic metres. Evacuees are "
             "sleeping in a sports hall in Narva Gora run by Red Cross volunteers."},
    {"id": "story-dam-other", "url": "https://daily-post.example/2026/03/20/weir", "site": "daily-post.example",
     "published": "2026-03-20T10:00:00Z",
     "title": "Villagers leave homes as Lindqvist weir leaks",
     "text": "Around 600 residents of Hallstrom were told to leave on Friday after water seeped through the "
             "Lindqvist weir, the county council said.\n\n"
             "Council engineer Jonas Ekberg said the leak was found on the western wall. \"It is a "
             "precaution,\" Ekberg said. Families were taken to a school in Ostervik."},
    {"id": "story-budget", "url": "https://city-ledger.example/2026/03/05/budget", "site": "city-ledger.example",
     "published": "2026-03-05T09:00:00Z",
     "title": "Council approves school budget after long debate",
     "text": "The city council of Pellworth approved a 48 million euro school budget on Thursday after an "
             "eleven-hour debate, with 23 votes in favour and 18 against.\n\n"
             "Deputy mayor Ilse Grunwald said the money would pay for 140 new teachers and the repair of "
             "nine buildings. Opposition members said the plan left out rural schools."},
]


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
    stories = base / "stories.jsonl"
    stories.write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    rewrites = base / "rewrites.jsonl"
    write_rewrites(crawl, [t["original"] for t in truth[1::max(1, len(truth) // 3)]][:3], rewrites)
    db = base / "cli.db"
    subprocess.run([cli(), "ingest", "--db", str(db), str(crawl), str(stories)], check=True, capture_output=True)
    out = base / "out"
    job = subprocess.run(
        [sys.executable, str(ROOT / "spark/newsprobe_job.py"), "--input", str(crawl), str(stories),
         "--output", str(out), "--master", "local[2]", "--trace-ids", ",".join(traced),
         "--trace-input", str(rewrites)],
        capture_output=True, text=True,
    )
    assert job.returncode == 0, job.stderr[-5000:]
    return {"crawl": crawl, "db": db, "out": out, "truth": truth, "traced": traced, "rewrites": rewrites}


def write_rewrites(crawl, originals, path):
    """Rewrites of planted originals, as a laundering outlet makes them: a new headline, the
    first paragraph dropped, a paragraph of its own added; records not in the crawl."""
    wanted = set(originals)
    with open(path, "w", encoding="utf-8") as f:
        for warc in sorted(crawl.glob("*.warc")):
            for r in newsprobe.read_warc(str(warc)):
                if r["id"] not in wanted:
                    continue
                page = newsprobe.extract(r["html"], url=r["url"])
                paras = [p for p in page["text"].split("\n") if p.strip()]
                text = "\n\n".join(paras[1:] + ["Readers have asked what this means for them. "
                                                   "Our correspondents will follow the story."])
                f.write(json.dumps({"id": "rewrite-" + r["id"].rsplit(":", 1)[-1],
                                    "url": "https://free-alarm.example/" + r["id"].rsplit(":", 1)[-1],
                                    "site": "free-alarm.example", "published": "2026-03-28T12:00:00Z",
                                    "title": "What they are not telling you: " + (page["title"] or ""),
                                    "text": text}) + "\n")


def parquet(out, name):
    import pyarrow.parquet as pq

    return pq.read_table(str(out / name)).to_pylist()


def test_every_article_is_analysed_once(run):
    articles = parquet(run["out"], "articles")
    assert len(articles) == ARTICLES + len(STORIES) == len(newsprobe.Archive(str(run["db"])))
    assert len({a["id"] for a in articles}) == len(articles)
    assert parquet(run["out"], "errors") == []
    # The tables hold the same report as the archive.
    a = newsprobe.Archive(str(run["db"]))
    first = min(articles, key=lambda r: r["ord"])
    stored = a.get(first["id"])
    assert first["title"] == stored["metadata"]["title"]
    assert first["site"] == stored["metadata"]["site"]
    quotes = [q for q in parquet(run["out"], "quotes") if q["id"] == first["id"]]
    assert len(quotes) == len(stored["quotes"])
    by_n = sorted(quotes, key=lambda q: q["n"])
    for row, q in zip(by_n, stored["quotes"]):
        assert row["speaker"] == q["source"].get("name")
        assert row["speaker_suggested"] == q["source"].get("suggested")
        assert row["speaker_score"] == q["source"].get("score")


def test_near_copy_pairs_are_the_archives_band_candidates_verified_exactly(run):
    archive = newsprobe.Archive(str(run["db"]))
    pairs = parquet(run["out"], "near_copies")
    spark_pairs = {frozenset((p["a"], p["b"])): p for p in pairs}
    ids = [a["id"] for a in parquet(run["out"], "articles")]
    # Every pair sharing a band key in the archive's index, with its estimate.
    candidates = {}
    for i in ids:
        for other, sim in archive.near_copies(i, min_similarity=0.0):
            candidates[frozenset((i, other))] = sim
    texts = {}

    def text(i):
        if i not in texts:
            texts[i] = newsprobe.signature_text_of(archive.get(i))
        return texts[i]

    exact = {k: newsprobe.jaccard(*(text(i) for i in sorted(k))) for k in candidates}
    assert spark_pairs.keys() == {k for k, j in exact.items() if j >= 0.5}
    for k, p in spark_pairs.items():
        # The pair's Jaccard is the exact one (32-bit shingle hashes: equal but for a collision).
        assert abs(p["jaccard"] - exact[k]) < 1e-3
        assert abs(p["estimate"] - candidates[k]) < 1e-9
    # Every planted copy is found.
    for t in run["truth"]:
        assert frozenset((t["copy"], t["original"])) in spark_pairs, t
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
    # The archive's mean is of MinHash estimates, the job's of the pairs' exact Jaccards.
    archive = newsprobe.Archive(str(run["db"]))
    exact = {}
    for p in parquet(run["out"], "near_copies"):
        sa, sb = p["a_site"] or "(unknown)", p["b_site"] or "(unknown)"
        if sa == sb:
            continue
        edge = (sa, sb) if p["first"] == p["a"] else (sb, sa)
        j = newsprobe.jaccard(*(newsprobe.signature_text_of(archive.get(i)) for i in (p["a"], p["b"])))
        exact.setdefault(edge, []).append(j)
    for r in spark_links:
        assert abs(r["mean_similarity"] - sum(exact[key(r)]) / len(exact[key(r)])) < 1e-3
        assert r["median_delay_hours"] is not None and 1 <= r["median_delay_hours"] <= 49
    graphml = (run["out"] / "site_network.graphml").read_text()
    assert graphml.count("<edge ") == len(cli_links)
    csv = (run["out"] / "site_links.csv").read_text().splitlines()
    assert len(csv) == len(cli_links) + 1


def test_clusters_are_the_components_of_the_near_copy_graph(run):
    clusters = {r["id"]: r for r in parquet(run["out"], "clusters")}
    assert len(clusters) == ARTICLES + len(STORIES)
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
    spark_traces = {r["id"]: json.loads(r["trace"]) for r in parquet(run["out"], "traces") if r["id"] in wanted}
    assert spark_traces.keys() == cli_traces.keys() == wanted
    for i in wanted:
        assert spark_traces[i] == cli_traces[i], i
    originals = {t["copy"]: t["original"] for t in run["truth"]}
    for i in run["traced"][:-1]:
        assert originals[i] in [s["id"] for s in spark_traces[i]["sources"]]


def test_a_retold_story_joins_its_cluster_and_other_stories_do_not(run):
    clusters = {r["id"]: r for r in parquet(run["out"], "clusters")}
    one, two = clusters["story-dam-1"], clusters["story-dam-2"]
    assert one["cluster"] == two["cluster"]
    assert clusters["story-dam-other"]["cluster"] != one["cluster"]
    assert clusters["story-budget"]["cluster"] != one["cluster"]
    # Joined as the same story, not as a near-copy.
    near = {frozenset((p["a"], p["b"])) for p in parquet(run["out"], "near_copies")}
    assert frozenset(("story-dam-1", "story-dam-2")) not in near
    story = {frozenset((p["a"], p["b"])): p["similarity"] for p in parquet(run["out"], "story_pairs")}
    assert frozenset(("story-dam-1", "story-dam-2")) in story
    # The archive's `clusters --by story` puts them together too.
    cli_clusters = json.loads(subprocess.run(
        [cli(), "clusters", "--db", str(run["db"]), "--by", "story", "--format", "json"],
        check=True, capture_output=True, text=True).stdout)
    cli_clusters = cli_clusters["clusters"] if isinstance(cli_clusters, dict) else cli_clusters
    home = {m: c["id"] for c in cli_clusters for m in c["members"]}
    assert home["story-dam-1"] == home["story-dam-2"]
    # The generated crawl's unrelated articles do not chain into one giant story.
    sizes = [r["size"] for r in clusters.values()]
    assert max(sizes) <= 20


def test_traces_of_trace_input_equal_the_cli(run):
    cli_traces = json.loads(subprocess.run(
        [cli(), "trace", "--db", str(run["db"]), "--format", "json", str(run["rewrites"])],
        check=True, capture_output=True, text=True).stdout)
    cli_traces = {t["article"]["id"]: t for t in (cli_traces if isinstance(cli_traces, list) else [cli_traces])}
    rewrites = {json.loads(line)["id"] for line in run["rewrites"].read_text().splitlines()}
    assert len(rewrites) == 3 and cli_traces.keys() == rewrites
    spark_traces = {r["id"]: json.loads(r["trace"]) for r in parquet(run["out"], "traces") if r["id"] in rewrites}
    assert spark_traces.keys() == rewrites
    for i in rewrites:
        assert spark_traces[i] == cli_traces[i], i
        # The rewrite's original is found as its source.
        assert spark_traces[i]["sources"], i


def test_spark_writer_gives_the_same_tables(run, tmp_path):
    stories = tmp_path / "stories.jsonl"
    stories.write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    out = tmp_path / "out"
    job = subprocess.run(
        [sys.executable, str(ROOT / "spark/newsprobe_job.py"), "--input", str(stories), "--output", str(out),
         "--master", "local[2]", "--writer", "spark", "--skip", "near_copies"],
        capture_output=True, text=True,
    )
    assert job.returncode == 0, job.stderr[-5000:]
    ids = {s["id"] for s in STORIES}
    for table in ("articles", "quotes", "sources", "entities", "findings", "framing_spans", "signatures"):
        mine = parquet(out, table)
        direct = [r for r in parquet(run["out"], table) if r["id"] in ids]
        drop = {"ord", "file", "path", "shingles", "story_terms", "story_counts"}
        norm = lambda rows: sorted(repr({k: v for k, v in r.items() if k not in drop}) for r in rows)  # noqa: E731
        assert norm(mine) == norm(direct), table
        assert len(mine) == len(direct)
    assert len(parquet(out, "articles")) == len(STORIES)
