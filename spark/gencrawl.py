#!/usr/bin/env python3
"""A seeded synthetic news crawl as WARC files, with planted near-copies.

    python spark/gencrawl.py --out DIR --articles N [--seed 42] [--per-file 2000] [--copies 0.05] [--gzip]

Writes DIR/crawl-00000.warc ... (HTTP `response` records of HTML pages with a headline, a byline,
site name, publication time and canonical URL in their metadata, and news-like paragraphs:
English function words around pseudo-words of Zipf frequencies, pseudo-names of people and
places, numbers, quotations with "said": unrelated articles share few phrases) and a truth file, one
line per planted near-copy (in DIR.truth.jsonl, beside the folder): {"copy", "original", "copy_url", "original_url"} (WARC record ids).
A near-copy republishes an earlier article on another site 1 to 48 hours later with a few words
edited (its word-shingle Jaccard with the original stays well above 0.5). Nothing here is taken
from a data set: the words are generated.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import uuid
from datetime import datetime, timedelta, timezone
from html import escape

SITES = [f"{a}-{b}.example" for a in ("north", "east", "baltic", "harbour", "city", "daily", "free", "euro",
                                       "patriot", "coastal") for b in ("ledger", "courier", "herald", "post",
                                                                       "times", "alarm", "truth", "news")]
ROLES = ["the minister", "the mayor", "a union leader", "the chief executive", "a spokesman",
         "the director", "an opposition lawmaker", "the governor", "a senior official", "the chairman"]
CUES = ["said", "told reporters", "said in a statement", "wrote", "added", "said on Monday"]
FUNCTION = ["the", "of", "and", "to", "in", "for", "that", "was", "with", "on", "by", "from", "at", "is"]


class Lexicon:
    """Pseudo-words with Zipf frequencies, and pseudo-names: unrelated articles share few
    phrases, as real news on different stories does."""

    def __init__(self, rng, words=30000, surnames=60000, first=3000, places=5000):
        syll = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + \
               [c + v + e for c in "bdgklmnprst" for v in "aeiou" for e in "nrsl"]

        def word(lo, hi):
            return "".join(rng.choice(syll) for _ in range(rng.randint(lo, hi)))

        def distinct(n, lo, hi, cap=False):
            seen, out = set(FUNCTION), []
            while len(out) < n:
                w = word(lo, hi)
                if w not in seen:
                    seen.add(w)
                    out.append(w.capitalize() if cap else w)
            return out

        self.words = distinct(words, 1, 3)
        self.cum = []
        total = 0.0
        for r in range(1, words + 1):
            total += 1.0 / (r + 200) ** 1.1  # no pseudo-word as common as a stop word
            self.cum.append(total)
        self.surnames = distinct(surnames, 2, 3, cap=True)
        self.first = distinct(first, 2, 2, cap=True)
        self.places = distinct(places, 2, 3, cap=True)

    def content(self, rng, k):
        return rng.choices(self.words, cum_weights=self.cum, k=k)


def words(rng, lex, n):
    """n words: pseudo-words of Zipf frequencies, three in ten an English function word."""
    content = lex.content(rng, n)
    return " ".join(rng.choice(FUNCTION) if rng.random() < 0.3 else w for w in content)


def sentence(rng, lex, people, places):
    kind = rng.random()
    if kind < 0.25:
        return (f"\u201c{words(rng, lex, rng.randint(6, 16)).capitalize()},\u201d "
                f"{rng.choice(CUES)} {rng.choice(people)}, {rng.choice(ROLES)}.")
    if kind < 0.4:
        return (f"The {words(rng, lex, rng.randint(4, 10))} in {rng.choice(places)} was "
                f"{rng.randint(2, 900)} {words(rng, lex, rng.randint(3, 8))}, {rng.choice(people)} {rng.choice(CUES)}.")
    if kind < 0.55:
        return f"{rng.choice(people)} {words(rng, lex, rng.randint(8, 20))}."
    return f"{words(rng, lex, rng.randint(8, 24)).capitalize()}."


def article(rng, lex):
    people = [f"{rng.choice(lex.first)} {rng.choice(lex.surnames)}" for _ in range(rng.randint(2, 4))]
    places = [rng.choice(lex.places) for _ in range(2)]
    w = lex.content(rng, 4)
    title = f"{places[0]} {w[0]} {w[1]} as {people[0]} {w[2]} the {w[3]}"
    paras = []
    for _ in range(rng.randint(5, 12)):
        paras.append(" ".join(sentence(rng, lex, people, places) for _ in range(rng.randint(2, 5))))
    return title, paras, people[0]


def edit(rng, lex, paras, share=0.03):
    """A near-copy's paragraphs: a few words replaced, one paragraph possibly dropped."""
    out = []
    for p in paras:
        words = p.split(" ")
        for i in range(len(words)):
            if rng.random() < share:
                words[i] = rng.choice(lex.words[:2000])
        out.append(" ".join(words))
    if len(out) > 6 and rng.random() < 0.3:
        del out[rng.randrange(len(out))]
    return out


def page(title, paras, site, published, url, byline):
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)} | {escape(site)}</title>"
        f"<meta property=\"og:title\" content=\"{escape(title)}\">"
        f"<meta property=\"og:site_name\" content=\"{escape(site)}\">"
        f"<meta property=\"article:published_time\" content=\"{published}\">"
        f"<meta name=\"author\" content=\"{escape(byline)}\">"
        f"<link rel=\"canonical\" href=\"{escape(url)}\"></head><body>"
        "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/business\">Business</a></nav></header>"
        f"<main><article><h1>{escape(title)}</h1><p class=\"byline\">By {escape(byline)}</p>\n{body}\n</article></main>"
        f"<footer>Copyright {escape(site)}. All rights reserved.</footer></body></html>\n"
    ).encode("utf-8")


def warc_record(uri, html, record_id, date):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + \
        str(len(html)).encode() + b"\r\n\r\n" + html
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <{record_id}>\r\nWARC-Date: {date}\r\n"
            f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def truth_path(out):
    """Where the planted pairs go: beside the crawl's folder, so no reader takes them for articles."""
    return out.rstrip("/") + ".truth.jsonl"


def generate(out, n, seed=42, per_file=2000, copies=0.05, gz=False):
    rng = random.Random(seed)
    lex = Lexicon(random.Random(seed ^ 0x5EED))
    os.makedirs(out, exist_ok=True)
    start = datetime(2026, 3, 1, tzinfo=timezone.utc)
    recent = []  # (record id, url, title, paras, site, published datetime, byline)
    truth = open(truth_path(out), "w", encoding="utf-8")
    f = None
    for i in range(n):
        if i % per_file == 0:
            if f:
                f.close()
            name = f"crawl-{i // per_file:05d}.warc" + (".gz" if gz else "")
            f = open(os.path.join(out, name), "wb")
        rid = f"urn:uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}"
        when = start + timedelta(seconds=i * 37 + rng.randint(0, 30))
        if recent and rng.random() < copies:
            o = rng.choice(recent)
            site = rng.choice([s for s in SITES if s != o[4]])
            title, paras, byline = o[2], edit(rng, lex, o[3]), o[6]
            when = o[5] + timedelta(hours=rng.randint(1, 48), seconds=rng.randint(0, 3599))
            url = f"https://{site}/{when:%Y/%m/%d}/{i}"
            truth.write(json.dumps({"copy": rid, "original": o[0],
                                    "copy_url": url, "original_url": o[1]}) + "\n")
        else:
            title, paras, byline = article(rng, lex)
            site = rng.choice(SITES)
            url = f"https://{site}/{when:%Y/%m/%d}/{i}"
            recent.append((rid, url, title, paras, site, when, byline))
            if len(recent) > 500:
                recent.pop(0)
        published = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        rec = warc_record(url, page(title, paras, site, published, url, byline), rid, published)
        f.write(gzip.compress(rec) if gz else rec)
    if f:
        f.close()
    truth.close()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True)
    p.add_argument("--articles", type=int, default=3000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--per-file", type=int, default=2000)
    p.add_argument("--copies", type=float, default=0.05)
    p.add_argument("--gzip", action="store_true")
    a = p.parse_args()
    generate(a.out, a.articles, a.seed, a.per_file, a.copies, a.gzip)


if __name__ == "__main__":
    main()
