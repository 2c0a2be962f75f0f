"""Builds given_names.txt: given names learned from the training splits of two data sets of the
project (nothing downloaded), for `name_front.rs` (session 22, `s22-junk22`):

- GUM all genres, train split (`entities/gum-all/gum_all.jsonl`): the first token of every
  person mention of two proper-noun tokens or more ("Claire Bailey-Ross"), and the first part of
  a person entity's Wikipedia identity ("Barack_Obama");
- PolNeAR train (`quotes/polnear/train/attributions/*.ann` and `text/`): the capitalised word
  written just before a surname ("Freddy Ortega") where that surname is, by itself, a Source of
  the same document (the news convention for a person named in full, then by surname alone).

A word is kept when it is capitalised, alphabetic (a hyphen or an apostrophe inside allowed), two
letters or more, no title, rank or honorific (TITLES), and not written more often in lower case
than capitalised in the GUM train text (a common word, "will", "general", "doctor"), no place name
of the entity stage's list (`places.txt`); a PolNeAR word only after a lower-case word or a comma
(not a sentence's first word, "Although Trump"). Deterministic:
the output is sorted.

    python3 crates/newsprobe-quotes/data/given_names.py ../shared/eval > crates/newsprobe-quotes/data/given_names.txt

With `common` after the data folder it prints common_words.txt instead: every word of letters (a
hyphen inside allowed) written in lower case in the GUM train text at least as often as
capitalised ("real", "staff", "recorder", "online"), the words `name_front.rs` may cut from
before a given name ("Real Donald Trump", "Maricopa County Recorder Helen Purcell"); a foreign
given name the list lacks ("Giovanni Maria Vian") is never written in lower case.

    python3 crates/newsprobe-quotes/data/given_names.py ../shared/eval common > crates/newsprobe-quotes/data/common_words.txt
"""
import collections
import json
import os
import re
import sys

E = sys.argv[1].rstrip("/")
COMMON = sys.argv[2:] == ["common"]
LOWER_WORD = re.compile(r"[a-z][a-z\-]*[a-z]")
WORD = re.compile(r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+(?:[-'\u2019][A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+)*")
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady",
    "madam", "madame", "mister", "monsieur", "president", "vice", "general", "gen", "colonel",
    "col", "captain", "capt", "major", "lieutenant", "lt", "sergeant", "sgt", "admiral", "judge",
    "justice", "senator", "sen", "rep", "representative", "congressman", "congresswoman",
    "governor", "gov", "mayor", "minister", "prime", "secretary", "chancellor", "king", "queen",
    "prince", "princess", "pope", "saint", "st", "father", "mother", "brother", "sister", "rev",
    "reverend", "bishop", "archbishop", "cardinal", "rabbi", "imam", "sheikh", "chief", "officer",
    "agent", "detective", "coach", "uncle", "aunt", "grandma", "grandpa", "emperor", "empress",
    "santa", "former", "late", "the", "new", "north", "south", "east", "west",
}

names = collections.Counter()
common_lower, common_upper = collections.Counter(), collections.Counter()
lower, upper = collections.Counter(), collections.Counter()


def keep(w):
    return WORD.fullmatch(w) is not None and w.lower() not in TITLES


for line in open(f"{E}/entities/gum-all/gum_all.jsonl", encoding="utf-8"):
    d = json.loads(line)
    if d["split"] != "train":
        continue
    toks = d["tokens"]
    for t in toks:
        f = t["form"]
        (lower if f[:1].islower() else upper)[f.lower()] += 1
        if COMMON and LOWER_WORD.fullmatch(f.lower()):
            (common_lower if f[:1].islower() else common_upper)[f.lower()] += 1
    person = {e["entity_id"] for e in d["entities"] if e["etype"] == "person"}
    for e in d["entities"]:
        ident = e.get("identity")
        if e["etype"] == "person" and ident and "_" in ident:
            w = ident.split("_")[0]
            if keep(w):
                names[w] += 1
    for m in d["mentions"]:
        if m["entity_id"] not in person and m["etype"] != "person":
            continue
        ts = toks[m["start_tok"]:m["end_tok"]]
        while ts and (ts[0]["form"].rstrip(".").lower() in TITLES):
            ts = ts[1:]
        if len(ts) >= 2 and ts[0]["upos"] == "PROPN" and ts[1]["upos"] == "PROPN" and keep(ts[0]["form"]):
            names[ts[0]["form"]] += 1

if COMMON:
    print("# Common words, lower case, one a line: written in lower case in the GUM train text (all genres)")
    print("# at least as often as capitalised. Built by crates/newsprobe-quotes/data/given_names.py (common);")
    print("# read by name_front.rs: a word it may cut from before a given name.")
    for w in sorted(w for w in common_lower if common_lower[w] >= common_upper[w]):
        print(w)
    sys.exit(0)

A = f"{E}/quotes/polnear/train/attributions"
for f in sorted(os.listdir(A)):
    spans = []
    for line in open(f"{A}/{f}", encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        if len(p) == 3 and p[1].startswith("Source "):
            spans.append(p[2].strip())
    alone = {s for s in spans if WORD.fullmatch(s)}
    text = open(f"{E}/quotes/polnear/train/text/{f[:-4].rsplit('_', 1)[0]}.txt", encoding="utf-8").read()
    for p, a, b in re.findall(r"([a-z,]) (\S+) (\S+?)(?=[\s,.;:'\u2019]|$)", text):
        if b in alone and keep(a) and a != b:
            names[a] += 1

PLACES = {
    l.strip()
    for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "newsprobe-entities", "data", "places.txt"), encoding="utf-8")
    if not l.startswith("#")
}
out = sorted(w for w in names if lower[w.lower()] <= upper[w.lower()] and w.lower() not in PLACES)
print("# Given names, one a line, as written: learned from the train splits of GUM (all genres: first")
print("# tokens of person names, person identities) and PolNeAR (first words of full-name sources later")
print("# named by surname alone). Built by crates/newsprobe-quotes/data/given_names.py; read by")
print("# name_front.rs beside the gazetteer's given names.")
for w in out:
    print(w)
