"""The Python package on the bundled examples: the same reports as the CLI, parallel batches in
input order, the archive (ingest, search, trace, clusters), MinHash, and bad input."""

import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import newsprobe

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"


def cli():
    """The newsprobe binary of this checkout (release or debug), or NEWSPROBE_BIN."""
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


def cli_json(*args):
    out = subprocess.run([cli(), *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def test_analyze_equals_the_cli_report():
    path = str(EXAMPLES / "shocking-port-deal.txt")
    [record] = list(newsprobe.read(path))
    [mine] = newsprobe.analyze_many([record])
    assert mine == cli_json("analyze", "--format", "json", path)
    kinds = {f["kind"] for f in mine["findings"]}
    assert "anonymous_sourcing" in kinds
    assert any(s["name"] == "Elena Varga" and s["type"] == "named" for s in mine["sources"])


def test_analyze_keyword_text_and_html():
    text = (EXAMPLES / "shocking-port-deal.txt").read_text()
    title, body = text.split("\n\n", 1)
    r = newsprobe.analyze(title=title.strip(), text=body, id="deal", site="alarm.example")
    assert r["source"]["id"] == "deal"
    assert r["metadata"]["site"] == "alarm.example"
    assert r["metadata"]["title"] == title.strip()
    assert r["quotes"], "the example quotes the minister and anonymous officials"

    page = (EXAMPLES / "harbour-report.html").read_bytes()
    x = newsprobe.extract(page)
    assert x["title"] and len(x["text"]) > 200
    r = newsprobe.analyze(html=page, url="https://ledger.example/harbour")
    assert r["metadata"]["title"] == x["title"]
    assert r["text"] == x["text"]
    assert r["source"]["url"] == "https://ledger.example/harbour"
    # A JSON string when asked, the same report.
    assert json.loads(newsprobe.analyze(html=page, url="https://ledger.example/harbour", output="json")) == r


def test_analyze_many_keeps_input_order_on_any_thread_count():
    records = list(newsprobe.read(str(EXAMPLES / "trace/port-sale/archive.jsonl")))
    records += list(newsprobe.read(str(EXAMPLES / "articles.jsonl")))
    ids = [r["id"] for r in records]
    one = newsprobe.analyze_many(records, threads=1)
    many = newsprobe.analyze_many(records, threads=4)
    assert [r["source"]["id"] for r in one] == ids
    assert one == many
    as_json = newsprobe.analyze_many(records, threads=2, output="json")
    assert [json.loads(s) for s in as_json] == one


def test_summary_and_tables_rows():
    r = newsprobe.analyze_many(list(newsprobe.read(str(EXAMPLES / "shocking-port-deal.txt"))))[0]
    s = newsprobe.summary(r)
    assert s["sources_anonymous"] >= 1
    assert 0.0 < s["anonymous_quoted_word_share"] <= 1.0
    t = newsprobe.tables(r)
    assert len(t["articles"]) == 1
    assert len(t["quotes"]) == len(r["quotes"])
    for row, q in zip(t["quotes"], r["quotes"]):
        # The speaker's confidence: a name under the threshold is only suggested.
        assert row["speaker"] == q["source"].get("name")
        assert row["speaker_suggested"] == q["source"].get("suggested")
        assert row["speaker_score"] == q["source"].get("score")
    assert {row["id"] for row in t["findings"]} == {r["source"]["id"]}
    assert len(t["framing_spans"]) == len(r["framing"]["spans"])


def test_columns_hold_the_reports():
    records = list(newsprobe.read(str(EXAMPLES / "trace/port-sale/archive.jsonl")))
    records.insert(1, {"error": "bad.warc#2: truncated record"})
    records.append({"id": "empty", "text": ""})
    c = newsprobe.analyze_columns(records, threads=2)
    arts = c["articles"]
    assert arts["error"][1] == "bad.warc#2: truncated record"
    assert arts["error"][-1] == 'record:9: empty "text" and no "title"'
    reports = [json.loads(r) if r else None for r in arts["report"]]
    assert reports[0] == newsprobe.analyze_many([records[0]])[0]
    for i, r in enumerate(reports):
        if r is None:
            continue
        assert arts["id"][i] == r["source"]["id"]
        assert arts["quotes"][i] == len(r["quotes"]) == c["quotes"]["article"].count(i)
        assert c["findings"]["article"].count(i) == len(r["findings"])
        sig = newsprobe.minhash(newsprobe.signature_text_of(r))
        packed = c["signature"][400 * i: 400 * (i + 1)]
        assert [int.from_bytes(packed[k: k + 4], "little") for k in range(0, 400, 4)] == sig["signature"]
        assert newsprobe.summary(r)["sources_anonymous"] == arts["sources_anonymous"][i]
    assert c["has_signature"][1] is False and c["signature"][400:800] == bytes(400)


def test_columns_extras_give_exact_jaccard_and_story_terms():
    import array

    records = list(newsprobe.read(str(EXAMPLES / "trace/port-sale/archive.jsonl")))[:4]
    records.insert(1, {"id": "empty", "text": ""})
    c = newsprobe.analyze_columns(records, reports=False, shingles=True, stories=True)
    assert "report" not in c["articles"]
    assert c["shingle_counts"][1] == 0 and c["story_counts"][1] == 0
    shingles, offset = [], 0
    for n in c["shingle_counts"]:
        shingles.append(set(array.array("I", c["shingles"][4 * offset: 4 * (offset + n)])))
        offset += n
    assert offset * 4 == len(c["shingles"])
    reports = newsprobe.analyze_many([r for r in records if r.get("text") != ""])
    texts = [newsprobe.signature_text_of(r) for r in reports]
    sets = [shingles[0]] + shingles[2:]
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            exact = newsprobe.jaccard(texts[i], texts[j])
            assert abs(len(sets[i] & sets[j]) / len(sets[i] | sets[j]) - exact) < 1e-3
    # Story terms: content terms even, anchors (names, numbers) odd, each with its count.
    terms = array.array("q", c["story_terms"])
    counts = array.array("f", c["story_weights"])
    assert len(terms) == len(counts) == sum(c["story_counts"])
    assert any(t % 2 == 1 for t in terms) and any(t % 2 == 0 for t in terms)
    assert all(t >= 0 for t in terms) and all(x >= 1 for x in counts)
    assert newsprobe.story_params()["threshold"] > 0


def test_errors_carry_the_cli_messages():
    with pytest.raises(newsprobe.NewsprobeError, match='article: empty "text" and no "title"'):
        newsprobe.analyze(text="   ")
    with pytest.raises(newsprobe.NewsprobeError, match="neither"):
        newsprobe.analyze()
    # Binary junk handed in as a page.
    with pytest.raises(newsprobe.NewsprobeError, match="binary|not an HTML page"):
        newsprobe.analyze(html=b"\x00\x01\x02\x03PK\x03\x04" * 200)
    # A NewsprobeError is a ValueError.
    with pytest.raises(ValueError):
        newsprobe.analyze(text="")
    good = {"id": "ok", "title": "Port to stay public", "text": "The minister said the port would not be sold."}
    out = newsprobe.analyze_many([good, {"id": "bad", "text": ""}, {"id": 7}], on_error="return")
    assert out[0]["source"]["id"] == "ok"
    assert out[1] == {"error": 'record:2: empty "text" and no "title"'}
    assert out[2] == {"error": 'record:3: record has neither "text" nor "html"'}
    with pytest.raises(newsprobe.NewsprobeError, match="record:2"):
        newsprobe.analyze_many([good, {"id": "bad", "text": ""}])
    with pytest.raises(newsprobe.NewsprobeError, match="on_error"):
        newsprobe.analyze_many([good], on_error="ignore")


def test_truncated_html_is_read_best_effort():
    page = (EXAMPLES / "harbour-report.html").read_bytes()
    cut = page[: len(page) * 2 // 3]
    r = newsprobe.analyze(html=cut)
    assert r["text"], "the part of the page that arrived is analysed"


def test_bad_files_raise_with_the_cli_location(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(newsprobe.NewsprobeError, match="empty.txt"):
        list(newsprobe.read(str(empty)))
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(newsprobe.NewsprobeError, match="junk.html"):
        list(newsprobe.read(str(junk)))
    with pytest.raises(newsprobe.NewsprobeError, match="missing"):
        list(newsprobe.read(str(tmp_path / "missing.warc")))
    # The CLI's message for the same file.
    done = subprocess.run([cli(), "extract", str(junk)], capture_output=True, text=True)
    assert done.returncode == 1
    try:
        list(newsprobe.read(str(junk)))
    except newsprobe.NewsprobeError as e:
        assert str(e) in done.stderr


def warc_record(uri, html, record_id):
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <{}>\r\nWARC-Target-URI: {}\r\n"
        "Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n"
    ).format(record_id, uri, len(body))
    return head.encode() + body + b"\r\n\r\n"


def test_read_warc_yields_records_and_recovers_from_a_bad_one(tmp_path):
    page = (EXAMPLES / "harbour-report.html").read_bytes()
    good = warc_record("https://ledger.example/a", page, "urn:uuid:1")
    bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nonsense\r\n\r\nxx\r\n\r\n"
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        for rec in (good, bad, warc_record("https://ledger.example/b", page, "urn:uuid:2")):
            f.write(gzip.compress(rec))
    got = list(newsprobe.read_warc(str(path), on_error="return"))
    assert [g.get("id") for g in got if "error" not in g] == ["urn:uuid:1", "urn:uuid:2"]
    errors = [g["error"] for g in got if "error" in g]
    assert len(errors) == 1 and "crawl.warc.gz#2" in errors[0]
    with pytest.raises(newsprobe.NewsprobeError, match="#2"):
        list(newsprobe.read_warc(str(path)))
    reports = newsprobe.analyze_many([g for g in got if "error" not in g])
    assert reports[0]["source"]["url"] == "https://ledger.example/a"
    # The bytes in memory read the same.
    again = newsprobe.read_bytes("crawl.warc.gz", path.read_bytes(), on_error="return")
    assert [g.get("id") for g in again if "error" not in g] == ["urn:uuid:1", "urn:uuid:2"]
    # Not a WARC at all.
    with pytest.raises(newsprobe.NewsprobeError):
        newsprobe.read_bytes("x.warc", b"\x89PNG\r\n\x1a\n" + bytes(300), format="warc")


def test_minhash_is_the_archives():
    base = (EXAMPLES / "shocking-port-deal.txt").read_text()
    edited = base.replace("Wednesday", "Thursday", 1)
    a, b = newsprobe.minhash(base), newsprobe.minhash(edited)
    shape = newsprobe.near_copy_params()
    assert (shape["hashes"], shape["bands"], shape["rows"]) == (100, 33, 3)
    assert len(a["signature"]) == 100 and len(a["bands"]) == 33
    assert newsprobe.minhash(base) == a
    est = newsprobe.similarity(a["signature"], b["signature"])
    exact = newsprobe.jaccard(base, edited)
    assert est >= newsprobe.near_copy_params()["min_similarity"]
    assert abs(est - exact) < 0.15
    assert set(a["bands"]) & set(b["bands"])
    assert newsprobe.minhash("") == {"signature": None, "bands": []}
    r = newsprobe.analyze(title="Port sold", text="The port was sold to investors on Friday.")
    assert newsprobe.signature_text_of(r) == "Port sold\nThe port was sold to investors on Friday."


def test_archive_search_trace_clusters_equal_the_cli(tmp_path):
    case = EXAMPLES / "trace/port-sale"
    db = tmp_path / "news.db"
    with pytest.raises(newsprobe.NewsprobeError, match="no such archive"):
        newsprobe.Archive(str(db))
    archive = newsprobe.Archive(str(db), create=True)
    records = list(newsprobe.read(str(case / "archive.jsonl")))
    assert archive.ingest(records) == len(records) == len(archive)

    cli_db = tmp_path / "cli.db"
    subprocess.run([cli(), "ingest", "--db", str(cli_db), str(case / "archive.jsonl")], check=True, capture_output=True)

    hits = archive.search('speaker:Varga "not be sold"')
    assert hits and all("passage" in h for h in hits)
    assert [h["id"] for h in hits] == [h["id"] for h in cli_json("search", "--db", str(cli_db), "--format", "json", 'speaker:Varga "not be sold"')]
    with pytest.raises(newsprobe.NewsprobeError, match="bad query"):
        archive.search('"unclosed')

    [rewrite] = list(newsprobe.read(str(case / "input.jsonl")))
    t = archive.trace(rewrite)
    expected = json.loads((case / "expected.json").read_text())
    ids = [s["id"] for s in t["sources"]]
    for src in expected["true_sources"]:
        assert src in ids
    cli_trace = cli_json("trace", "--db", str(cli_db), "--format", "json", str(case / "input.jsonl"))
    cli_trace = cli_trace[0] if isinstance(cli_trace, list) else cli_trace
    assert t == cli_trace

    # The trace over an in-memory archive of just the candidates (the Spark job's path).
    pool = newsprobe.analyze_many(records, output="json")
    assert newsprobe.trace_among(newsprobe.analyze_many([rewrite])[0], pool) == t

    stories = archive.clusters()
    assert stories == cli_json("clusters", "--db", str(cli_db), "--format", "json")["clusters"]
    sites = archive.clusters(by="site")
    assert sites == cli_json("clusters", "--db", str(cli_db), "--by", "site", "--format", "json")["site_links"]
    with pytest.raises(newsprobe.NewsprobeError, match="expected story or site"):
        archive.clusters(by="planet")

    ro = newsprobe.Archive(str(db), read_only=True)
    assert len(ro) == len(records)
    assert ro.get("ledger-port")["source"]["id"] == "ledger-port"
    assert ro.get("no-such-id") is None
