"""Side-by-side extraction speed and quality on the Scrapinghub pages (run by scripts/bench-extractors).

Times trafilatura and resiliparse (main-content extraction) on the same pages, in this process,
pages decompressed into memory first, best of ROUNDS passes; scores each with the benchmark's
metric as newsprobe computes it (crates/newsprobe-html/src/eval.rs: shingles of 4 \\w+ tokens,
precision and recall averaged over pages, F1 of the two means).

usage: python3 bench_extractors.py DATA_DIR [ROUNDS]
"""

import gzip
import json
import os
import re
import sys
import time
from collections import Counter

WORD = re.compile(r"\w+")


def shingles(text):
    tokens = WORD.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_counts(expected, predicted):
    want, got = shingles(expected), shingles(predicted)
    tp = sum(min(n, want.get(s, 0)) for s, n in got.items())
    fp = sum(max(n - want.get(s, 0), 0) for s, n in got.items())
    fn = sum(max(m - got.get(s, 0), 0) for s, m in want.items())
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def f1(counts):
    def score(err):
        values = []
        for tp, fp, fn in counts:
            if fp == 0 and fn == 0:
                values.append(1.0)
            else:
                e = err(tp, fp, fn)
                if tp + e > 0:
                    values.append(tp / (tp + e))
        return sum(values) / len(values) if values else 0.0

    p = score(lambda tp, fp, fn: fp)
    r = score(lambda tp, fp, fn: fn)
    return p, r, (2 * p * r / (p + r) if p + r > 0 else 0.0)


def load(data):
    truth = json.load(open(os.path.join(data, "ground-truth.json"), encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        path = os.path.join(data, "html", page_id + ".html.gz")
        raw = gzip.open(path).read()
        pages.append((raw, truth[page_id].get("url", ""), truth[page_id].get("articleBody", "")))
    return pages


def run(name, extract, pages, rounds):
    best, texts = float("inf"), None
    for _ in range(rounds):
        start = time.process_time()
        got = [extract(raw, url) for raw, url, _ in pages]
        best = min(best, time.process_time() - start)
        texts = got
    p, r, f = f1([page_counts(exp, got) for (_, _, exp), got in zip(pages, texts)])
    print(
        f"{name:<34} {len(pages) / best:8.1f} pages/s  {1000 * best / len(pages):7.2f} ms/page"
        f"  P {p:.3f}  R {r:.3f}  F1 {f:.3f}",
        flush=True,
    )


def main():
    data = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pages = load(data)
    mb = sum(len(raw) for raw, _, _ in pages) / 1e6
    print(f"{len(pages)} pages, {mb:.1f} MB of HTML; CPU time of this process, best of {rounds}")

    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def traf(raw, url):
        return trafilatura.extract(raw, url=url) or ""

    def resili(raw, url):
        html = bytes_to_str(raw, detect_encoding(raw))
        return extract_plain_text(HTMLTree.parse(html), main_content=True)

    run(f"trafilatura {trafilatura.__version__}", traf, pages, rounds)
    import resiliparse

    version = getattr(resiliparse, "__version__", "")
    run(f"resiliparse {version} (main content)", resili, pages, rounds)


if __name__ == "__main__":
    main()
