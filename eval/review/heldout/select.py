#!/usr/bin/env python3
"""Seeded choice of the held-out part of the reviewed sample (see eval/review/README.md).
Run from the repo root: python3 eval/review/heldout/select.py"""
import hashlib, json, os, random, re, urllib.parse

# ECB+: the filter of the tuned-on 25 (plus at most 1,500 words), another seed, topics not used in eval/review/ecbplus.
used_topics = {f.split("_")[0] for f in os.listdir("eval/review/ecbplus")}
docs = [json.loads(l) for l in open("../shared/eval/stories/ecbplus/ecbplus_docs.jsonl")]
ok = sorted((d for d in docs if 250 <= len(d["text"].split()) <= 1500
             and ('"' in d["text"] or re.search(r"\bsaid\b", d["text"]))), key=lambda d: d["doc_id"])
random.Random(2027).shuffle(ok)
topics = set(used_topics)
for d in ok:
    t = d["doc_id"].split("_")[0]
    if t in topics:
        continue
    topics.add(t)
    print("ecbplus", d["doc_id"], len(d["text"].split()), sep="\t")
    if len(topics) - len(used_topics) == 10:
        break

# Scrapinghub: the rule of eval/review/scrapinghub/select.py with another seed, skipping the pages
# and the outlets already in eval/review/scrapinghub.
SEED = "newsprobe-review-heldout-2026"
gt = json.load(open("../shared/eval/extraction/scrapinghub/ground-truth.json"))
def host_of(i): return urllib.parse.urlparse(gt[i]["url"]).netloc.lower().removeprefix("www.")
used = {f[:-5] for f in os.listdir("eval/review/scrapinghub") if f.endswith(".json")}
hosts = {host_of(i) for i in used}
def key(i): return hashlib.sha256((SEED + ":" + i).encode()).hexdigest()
n = 0
for i in sorted(gt, key=key):
    body = gt[i]["articleBody"]
    words = len(re.findall(r"\w+", body))
    quotes = len(re.findall(r"[\u201c\"][^\u201d\"]{12,}[\u201d\"]", body))
    letters = re.findall(r"[^\W\d_]", body)
    english = sum(c.isascii() for c in letters) >= 0.95 * max(1, len(letters))
    if i in used or not (150 <= words <= 1500) or quotes < 2 or not english or host_of(i) in hosts:
        continue
    hosts.add(host_of(i)); n += 1
    print("scrapinghub", i, host_of(i), words, quotes, sep="\t")
    if n == 12: break
