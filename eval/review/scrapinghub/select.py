#!/usr/bin/env python3
"""Seeded choice of the reviewed Scrapinghub pages (see README.md here).
Run from the repo root: python3 eval/review/scrapinghub/select.py"""
import hashlib, json, re, urllib.parse
SEED = "newsprobe-review-scrapinghub-2026"
gt = json.load(open("../shared/eval/extraction/scrapinghub/ground-truth.json"))
def key(i): return hashlib.sha256((SEED + ":" + i).encode()).hexdigest()
picked, hosts = [], set()
for i in sorted(gt, key=key):
    body, url = gt[i]["articleBody"], gt[i]["url"]
    words = len(re.findall(r"\w+", body))
    quotes = len(re.findall(r"[\u201c\"][^\u201d\"]{12,}[\u201d\"]", body))
    host = urllib.parse.urlparse(url).netloc.lower().removeprefix("www.")
    letters = re.findall(r"[^\W\d_]", body)
    english = sum(c.isascii() for c in letters) >= 0.95 * max(1, len(letters))
    if not (150 <= words <= 1500) or quotes < 2 or not english or host in hosts:
        continue
    hosts.add(host); picked.append((i, host, words, quotes))
    if len(picked) == 20: break
for p in picked: print(*p, sep="\t")
