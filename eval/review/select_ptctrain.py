#!/usr/bin/env python3
"""Seeded choice of the tuned-on PTC group of the reviewed sample (session 19): PTC *train*
articles into eval/review/ptc-train.

Modelled on heldout/select17.py (the held-out PTC rounds draw PTC *dev* articles: an article is dev
when the FNV-1a 64 hash of its id is 0 mod 5, `is_dev` in
crates/newsprobe-framing/src/propaganda/data.rs, reproduced in scripts/junk_speakers/ptc_split.py).
This group takes **train** articles only (`not is_dev`), so no held-out source is read: the group is
tuned on (errors read freely), giving the propaganda-site genre a group whose errors can be read.

The rule: train articles in sha256 order of SEED:id (a seeded shuffle), skipping any already in the
sample, any under 150 words (whitespace-separated, title included) and any with no quotation (no
pair of quotation marks, straight or curly, around 12 characters or more); the first 8. `eval
review` reads each in place from ../shared/eval as `newsprobe analyze` reads a text file (its
first line, followed by a blank line, is the title). Run from the repo root:
python3 eval/review/select_ptctrain.py"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout"))
from ptc_rounds import main  # noqa: E402  (the rule, shared with the held-out PTC rounds)

SEED = "newsprobe-review-ptctrain-2026-12"
FOLDER = "ptc-train"
COUNT = 8

if __name__ == "__main__":
    main(SEED, FOLDER, COUNT, dev=False)
