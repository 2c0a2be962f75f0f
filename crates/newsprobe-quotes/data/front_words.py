"""Builds front_words.txt for `name_fused_front.rs` (session 25, `s25-names25`): the words that,
capitalised in front of a person's name, are no part of it ("Taking Thomas", "Hockey Insider Bob
McKenzie"), learned from the train splits of two data sets of the project (nothing downloaded):

- a word is a candidate when the GUM train text (all genres, `entities/gum-all/gum_all.jsonl`)
  writes it in lower case at least as often as capitalised (a common word: "taking", "council");
- it is dropped when it is ever the first word of a person mention of GUM train (titles in front
  of the name count: "President", "Will" of "Will Smith") or the first word of a PolNeAR train
  Source span written capitalised (`quotes/polnear/train/attributions/*.ann`): a word that opens
  a person's name in the data is never cut.

Deterministic: the output is sorted.

    python3 crates/newsprobe-quotes/data/front_words.py ../shared/eval > crates/newsprobe-quotes/data/front_words.txt
"""
import collections
import json
import os
import re
import sys

E = sys.argv[1].rstrip("/")
LOWER_WORD = re.compile(r"[a-z][a-z\-]*[a-z]")
lower, upper = collections.Counter(), collections.Counter()
starts = set()

for line in open(f"{E}/entities/gum-all/gum_all.jsonl", encoding="utf-8"):
    d = json.loads(line)
    if d["split"] != "train":
        continue
    toks = d["tokens"]
    for t in toks:
        f = t["form"]
        if LOWER_WORD.fullmatch(f.lower()):
            (lower if f[:1].islower() else upper)[f.lower()] += 1
    person = {e["entity_id"] for e in d["entities"] if e["etype"] == "person"}
    for m in d["mentions"]:
        if m["entity_id"] in person or m["etype"] == "person":
            first = toks[m["start_tok"]]["form"]
            starts.add(first.lower())

A = f"{E}/quotes/polnear/train/attributions"
for f in sorted(os.listdir(A)):
    for line in open(f"{A}/{f}", encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        if len(p) == 3 and p[1].startswith("Source ") and p[2].strip():
            w = p[2].split()[0]
            if w[:1].isupper():
                starts.add(w.lower().rstrip(".,:;'\u2019"))

print("# Front words, lower case, one a line: written in lower case in the GUM train text at least as")
print("# often as capitalised, and never the first word of a person mention of GUM train or of a")
print("# capitalised PolNeAR train Source span. Built by crates/newsprobe-quotes/data/front_words.py;")
print("# read by name_fused_front.rs: a word cut from in front of a person's name.")
for w in sorted(w for w in lower if lower[w] >= upper[w] and w not in starts):
    print(w)
