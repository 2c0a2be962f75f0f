#!/usr/bin/env python3
"""Seeded choice of the eighteenth held-out round (session 19) of the reviewed sample: PTC dev
articles into eval/review/heldout/ptc-2 (the second PTC round; select17.py drew ptc-1).

The FNC-1, ECB+ and Scrapinghub rules are spent (select16.py: FNC-1 yields no body outside the
sample and the tuning pool). The new source is the Propaganda Techniques Corpus
(../shared/eval/propaganda/ptc/articles/article<id>.txt: the title on the first line, a blank
line, then one sentence a line), its *dev* articles only: an article is dev when the FNV-1a 64 hash
of its id is 0 mod 5 (`is_dev` in crates/newsprobe-framing/src/propaganda/data.rs, reproduced
in scripts/junk_speakers/ptc_split.py and checked against the Rust function on the ids in CHECK). Helpers read PTC *train*
articles for speakers and entities, so no speaker, quote or entity rule was tuned on the dev
articles; the propaganda tagger's thresholds were tuned on them, so framing spans of the rule
`model:propaganda-ptc` on this group are not held-out evidence.

The rule: dev articles in sha256 order of SEED:id (a seeded shuffle), skipping any already in the
sample, any under 150 words (whitespace-separated, title included) and any with no quotation at
all (no pair of quotation marks, straight or curly, around 12 characters or more: a round that
measures speakers needs quotations); the first 11 (22 dev articles pass the rule after ptc-1: 11
are left for a later round). `eval review` reads each article in place from ../shared/eval, as it
reads every other round (no article text is kept in eval/review): the file is read as `newsprobe
analyze` reads a text file (its first line, followed by a blank line, is the title). Run from the
repo root: python3 eval/review/heldout/select18.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptc_rounds import main  # noqa: E402  (the rule, shared with the other PTC groups)

SEED = "newsprobe-review-heldout-2026-12-r18"
FOLDER = "ptc-2"
COUNT = 11

if __name__ == "__main__":
    main(SEED, FOLDER, COUNT, dev=True)
