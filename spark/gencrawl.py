#!/usr/bin/env python3
"""A seeded synthetic news crawl as WARC files, with planted near-copies.

    python spark/gencrawl.py --out DIR --articles N [--seed 42] [--per-file 2000] [--copies 0.05] [--gzip]

Writes DIR/crawl-00000.warc ... (HTTP `response` records of HTML pages with a headline, a byline,
site name, publication time and canonical URL in their metadata, and news-like paragraphs:
named people, organisations, places, numbers, quotations with "said") and a truth file, one
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

FIRST = ["Anna", "Marek", "Elena", "Tomas", "Ines", "Pavel", "Sara", "Jonas", "Lucia", "Viktor",
         "Maria", "Oskar", "Nadia", "Felix", "Irena", "Bruno", "Clara", "Emil", "Hana", "Leon"]
LAST = ["Kowal", "Varga", "Lindqvist", "Moretti", "Novak", "Brandt", "Costa", "Halvorsen", "Ionescu",
        "Jansen", "Keller", "Laine", "Mazur", "Nieminen", "Ortega", "Petrov", "Quist", "Rossi",
        "Sandberg", "Tamm", "Urban", "Vidal", "Weber", "Zielinski"]
ROLES = ["Harbour Minister", "Finance Minister", "the mayor", "a union leader", "the chief executive",
         "a government spokesman", "the port director", "an opposition lawmaker", "the regional governor"]
ORGS = ["Northport Authority", "Baltic Freight Union", "the Coastal Bank", "Meridian Shipping",
        "the Transport Ministry", "Harbour Workers Guild", "the City Council", "Atlas Logistics"]
PLACES = ["Northport", "Eastbay", "Kessel", "Valmora", "Lindholm", "Port Arden", "Seravo", "Tallby"]
TOPICS = ["terminal", "ferry", "rail link", "budget", "contract", "strike", "bridge", "pension fund",
          "harbour", "tariff", "shipyard", "airport", "water supply", "housing plan", "wind farm"]
VERBS = ["approved", "delayed", "rejected", "announced", "reviewed", "cancelled", "expanded", "funded",
         "questioned", "defended", "postponed", "criticised", "signed", "proposed", "blocked"]
NOUNS = ["plan", "deal", "report", "vote", "offer", "inquiry", "agreement", "proposal", "audit",
         "decision", "tender", "study", "loan", "permit", "claim", "schedule", "review", "budget"]
ADJ = ["new", "costly", "regional", "disputed", "long-awaited", "secret", "revised", "public",
       "private", "final", "early", "annual", "joint", "modest", "major", "local", "foreign"]
FILL = ["on Monday", "on Tuesday", "last week", "after months of talks", "earlier this year",
        "in a statement", "at a meeting", "despite objections", "for the second time", "by a wide margin",
        "in the city", "before the summer", "under pressure", "without a vote", "as expected"]
SITES = [f"{a}-{b}.example" for a in ("north", "east", "baltic", "harbour", "city", "daily", "free", "euro",
                                       "patriot", "coastal") for b in ("ledger", "courier", "herald", "post",
                                                                       "times", "alarm", "truth", "news")]


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def sentence(rng, people):
    kind = rng.random()
    topic, noun = rng.choice(TOPICS), rng.choice(NOUNS)
    if kind < 0.25:
        who = rng.choice(people)
        return (f"\u201cThe {rng.choice(ADJ)} {topic} {noun} will be {rng.choice(VERBS)} {rng.choice(FILL)},\u201d "
                f"said {who}, {rng.choice(ROLES)}.")
    if kind < 0.4:
        return (f"{rng.choice(ORGS)} {rng.choice(VERBS)} the {rng.choice(ADJ)} {noun} for the {topic} "
                f"{rng.choice(FILL)}, according to {rng.choice(['officials', 'documents', 'two people familiar with the matter', rng.choice(people)])}.")
    if kind < 0.55:
        n = rng.randint(2, 900)
        return (f"The {topic} in {rng.choice(PLACES)} will cost {n} million euros, "
                f"{rng.choice(people)} told reporters {rng.choice(FILL)}.")
    if kind < 0.7:
        return (f"{rng.choice(people)} {rng.choice(VERBS)} the {rng.choice(ADJ)} {noun} {rng.choice(FILL)}, "
                f"and the {rng.choice(ADJ)} {topic} in {rng.choice(PLACES)} was {rng.choice(VERBS)} as well.")
    return (f"The {rng.choice(ADJ)} {noun} on the {topic} was {rng.choice(VERBS)} {rng.choice(FILL)} "
            f"after {rng.choice(ORGS)} and {rng.choice(ORGS)} {rng.choice(VERBS)} it.")


def article(rng):
    people = [person(rng) for _ in range(rng.randint(2, 4))]
    topic = rng.choice(TOPICS)
    title = f"{rng.choice(PLACES)} {topic} {rng.choice(NOUNS)} {rng.choice(VERBS)} as {people[0]} weighs in"
    paras = []
    for _ in range(rng.randint(5, 12)):
        paras.append(" ".join(sentence(rng, people) for _ in range(rng.randint(2, 5))))
    return title, paras, people[0]


def edit(rng, paras, share=0.03):
    """A near-copy's paragraphs: a few words replaced, one paragraph possibly dropped."""
    out = []
    for p in paras:
        words = p.split(" ")
        for i in range(len(words)):
            if rng.random() < share:
                words[i] = rng.choice(ADJ + NOUNS)
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
            title, paras, byline = o[2], edit(rng, o[3]), o[6]
            when = o[5] + timedelta(hours=rng.randint(1, 48), seconds=rng.randint(0, 3599))
            url = f"https://{site}/{when:%Y/%m/%d}/{i}"
            truth.write(json.dumps({"copy": rid, "original": o[0],
                                    "copy_url": url, "original_url": o[1]}) + "\n")
        else:
            title, paras, byline = article(rng)
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
